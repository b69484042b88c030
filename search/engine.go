package search

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
	"github.com/isa-alliance/isabot/search/bilingual"
	"github.com/isa-alliance/isabot/search/catalog"
)

// Engine answers questions about the alliance from the corpus: facts from
// the city and alliance data and those the releases state, everything
// else from the releases' text.
type Engine struct {
	index      *Index
	lexicon    *lexicon
	words      *dictionary // the lexicon's, shared: dict begins as its clone
	translator *translator
	learner    *learner
	message    *messageCues
	// weights choose the sentence of a release that answers.
	weights sentenceWeights
	// now tells the time, for what is still to come: the next assembly.
	now func() time.Time
	// gazetteer finds the German and Chinese cities, members or not; it
	// is read the first time it is needed.
	gazetteer func() *placeTable
	// bilingual translates between German, English and Chinese, for
	// questions about releases in another language; read the first time
	// it is needed, nil if it cannot be.
	bilingual func() *bilingual.Dict
	// warming starts reading the dictionaries in the background the
	// first time a question needs them (warmDictionaries).
	warming sync.Once

	// mu guards the corpus, which grows when a release is published while
	// the engine runs, and all that is derived from it.
	mu sync.RWMutex
	// base is the corpus as loaded; learned what each release states, by
	// release ID; data the two merged, which answers.
	base    *corpus.Data
	learned map[string]*learned
	// learningKey says what the learning is for besides the releases.
	learningKey string
	data        *corpus.Data
	dict        *dictionary
	// peopleSounds finds the people of data by how a Chinese text
	// writes their names (peopleBySound).
	peopleSounds soundNames[*corpus.Person]
	releases     map[string]*corpus.Release
	sources      map[string]*corpus.Source // into data.Sources
	cities       map[string]*corpus.City   // by canonical name
	regions      map[string]*corpus.Region
	// programmes are the other script's names of each programme's name
	// (corpus.Alliance.Programmes): its Chinese name, or its Latin one in
	// lower case.
	programmes map[string][]string
	// curated are the press office's curated answers (SetCurated).
	curated []curatedEntry
	// texts holds the text of the releases read last, of those loaded
	// without it.
	texts *textCache
}

// NewEngine answers from data, searching releases' text in idx, which must
// have been built from data's releases. It sorts data.Releases oldest
// first, as corpus.Load returns them.
func NewEngine(data *corpus.Data, idx *Index) *Engine {
	// As corpus.Load returns them, they are in order: told in one pass,
	// where a stable sort of 100,000 took about 20 ms of a start.
	if !inOrder(data.Releases) {
		slices.SortStableFunc(data.Releases, compareReleases)
	}
	gazetteer := newGazetteer()
	lang := embeddedLanguage()
	e := &Engine{
		index:       idx,
		lexicon:     lang.lexicon,
		words:       lang.words,
		translator:  lang.translator,
		gazetteer:   gazetteer,
		bilingual:   bilingual.Embedded,
		learner:     newLearnerWith(data, gazetteer),
		message:     lang.message,
		weights:     defaultSentenceWeights,
		now:         time.Now,
		base:        data,
		learningKey: learningKey(data),
		texts:       newTextCache(),
	}
	key := idx.mergeKeyOf(e.learningKey, data)
	if m, ok := idx.keptMerged(key); ok {
		e.data = m.apply(data)
	} else {
		e.learnAll()
		e.data = merge(e.base, e.learned)
		_ = idx.keepMerged(key, data, factsOf(e.base, e.data))
	}
	e.derive()
	return e
}

// language is what the engine reads in its embedded data files: its
// keywords and glossary, the cues it learns facts by and those it reads
// messages by.
type language struct {
	lexicon    *lexicon
	translator *translator
	cues       *cues
	message    *messageCues
	// words is the dictionary of the lexicon's words, which an engine's
	// dictionary begins with.
	words *dictionary
}

// embeddedLanguage reads the embedded language data the first time an
// engine needs it. Nothing changes it once read, so every engine of the
// process shares it.
var embeddedLanguage = sync.OnceValue(func() *language {
	lex := mustLoadLexicon()
	return &language{lexicon: lex, translator: newTranslator(lex.glossary), cues: mustLoadCues(), message: mustLoadMessageCues(),
		words: lexiconDictionary(lex)}
})

// Preload reads the engine's embedded language data, so that a caller
// can have it read while it loads the corpus: NewEngine then finds it
// read.
func Preload() { embeddedLanguage() }

// newGazetteer returns the gazetteer's table, read the first time it is
// needed.
func newGazetteer() func() *placeTable {
	return sync.OnceValue(func() *placeTable {
		places, err := corpus.LoadGazetteer()
		if err != nil {
			panic(fmt.Sprintf("embedded gazetteer: %v", err)) // fixed at build time, checked by the tests
		}
		return gazetteerTable(places)
	})
}

// newLearner is the learner of what data's releases state, as an engine
// of data has it.
func newLearner(data *corpus.Data) *learner { return newLearnerWith(data, newGazetteer()) }

func newLearnerWith(data *corpus.Data, gazetteer func() *placeTable) *learner {
	return &learner{cues: embeddedLanguage().cues, places: newPlaceFinder(data.Cities, data.Regions, gazetteer, bilingual.Embedded)}
}

// learnAll learns what every release states, or reads it from the index
// when it keeps it for these releases and data; a release loaded without
// its text is read for it, and its text not kept. The merged facts kept
// in the index spare a start this, until a release is added or the
// learned facts are listed; e.mu must be held for writing, or e not yet
// shared.
func (e *Engine) learnAll() {
	if e.learned != nil {
		return
	}
	byID := make(map[string]*corpus.Release, len(e.base.Releases))
	for i := range e.base.Releases {
		byID[e.base.Releases[i].ID] = &e.base.Releases[i]
	}
	e.learned = e.index.keptLearned(e.learningKey, byID)
	fresh := map[string]*learned{}
	for id, r := range byID {
		if e.learned[id] != nil {
			continue
		}
		full, err := e.base.Full(r)
		if err != nil {
			full = *r // a file gone since: nothing to learn from it
		}
		// A release learning fails on is searched by its text alone;
		// `isabot facts` lists the failure (factsOf).
		k := e.learner.learn(&full)
		k.release = r
		e.learned[id] = k
		if k.failure == nil {
			fresh[id] = k
		}
	}
	if len(fresh) > 0 {
		_ = e.index.keepLearned(e.learningKey, fresh)
	}
}

// Warm reads what the engine reads the first time it needs it: the
// gazetteer, the bilingual dictionaries, the German words compounds are
// split into. A server calls it when it starts, so that the first
// questions do not wait for them.
func (e *Engine) Warm() {
	e.gazetteer()
	e.readDictionaries()
}

// warmDictionaries reads the dictionaries in the background, while the
// question is read against the gazetteer: on two cores, a question that
// needs all of them waits for the slowest alone.
func (e *Engine) warmDictionaries() {
	e.warming.Do(func() { go e.readDictionaries() })
}

// readDictionaries reads what a search of the releases' text needs: the
// German compound words and the bilingual dictionaries.
func (e *Engine) readDictionaries() {
	e.index.analyze(corpus.German, "Kooperationschancen") // makes the compound filter
	e.bilingual().Warm()
}

// derive makes what answers from e.data, the data files merged with
// what the releases state: the maps by ID and the dictionary.
func (e *Engine) derive() {
	// Sized at once, and the sources by pointer: an archive has a source
	// for each of its releases. The two maps of every release are made
	// beside each other and the dictionary: about 30 ms each at 100,000
	// releases.
	var byID sync.WaitGroup
	byID.Go(func() {
		e.releases = make(map[string]*corpus.Release, len(e.data.Releases))
		for i := range e.data.Releases {
			e.releases[e.data.Releases[i].ID] = &e.data.Releases[i]
		}
	})
	byID.Go(func() {
		e.sources = make(map[string]*corpus.Source, len(e.data.Sources))
		for i := range e.data.Sources {
			e.sources[e.data.Sources[i].ID] = &e.data.Sources[i]
		}
	})
	defer byID.Wait()
	e.cities = map[string]*corpus.City{}
	for i := range e.data.Cities {
		e.cities[e.data.Cities[i].Name] = &e.data.Cities[i]
	}
	e.regions = map[string]*corpus.Region{}
	for i := range e.data.Regions {
		e.regions[e.data.Regions[i].Key] = &e.data.Regions[i]
	}
	e.programmes = map[string][]string{}
	for _, p := range e.data.Alliance.Programmes {
		latin := strings.ToLower(p.Latin)
		e.programmes[p.Chinese] = append(e.programmes[p.Chinese], p.Latin)
		e.programmes[latin] = append(e.programmes[latin], p.Chinese)
	}
	e.dict = buildDictionary(e.data, e.words)
	e.peopleSounds = soundsOfPeople(e.data.Alliance.People)
}

// Add puts a release into the corpus and the index while the engine
// answers, and learns what it states: the next question finds it. A
// release with the ID of one already there replaces it. A *LearnError
// says the release was added without the facts it states.
func (e *Engine) Add(ctx context.Context, r corpus.Release) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.learnAll() // before r replaces the release it learned from
	if err := e.index.Replace(ctx, r); err != nil {
		return err
	}
	e.texts.forget(r.ID)
	// A new slice, not the old one changed in place: answers given before
	// hold pointers into the old one, which must keep saying what they said.
	releases := make([]corpus.Release, 0, len(e.base.Releases)+1)
	for _, x := range e.base.Releases {
		if x.ID != r.ID {
			releases = append(releases, x)
		}
	}
	i, _ := slices.BinarySearchFunc(releases, r, compareReleases)
	base := *e.base
	base.Releases = slices.Insert(releases, i, r)
	e.base = &base
	k := e.learner.learn(&base.Releases[i])
	e.learned[r.ID] = k
	if k.failure == nil {
		_ = e.index.keepLearned(e.learningKey, map[string]*learned{r.ID: k})
	}
	e.data = merge(e.base, e.learned)
	e.derive()
	if k.failure != nil {
		return &LearnError{err: k.failure}
	}
	return nil
}

// A LearnError says that a release was added, and is found by its text,
// but that no facts could be learned from it.
type LearnError struct{ err error }

func (e *LearnError) Error() string { return e.err.Error() }
func (e *LearnError) Unwrap() error { return e.err }

// compareReleases orders releases oldest first, then by ID.
func compareReleases(a, b corpus.Release) int { return compareReleasesAt(&a, &b) }

func compareReleasesAt(a, b *corpus.Release) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// inOrder reports whether releases are ordered as compareReleases orders
// them, without copying each as slices.IsSortedFunc would.
func inOrder(releases []corpus.Release) bool {
	for i := 1; i < len(releases); i++ {
		if compareReleasesAt(&releases[i-1], &releases[i]) > 0 {
			return false
		}
	}
	return true
}

// buildDictionary makes the dictionary of the lexicon's words, from the
// engine's language data, and of data's names.
func buildDictionary(data *corpus.Data, words *dictionary) *dictionary {
	d := words.clone()
	addNames(d, data)
	return d
}

// lexiconDictionary makes the dictionary of the lexicon's words: the same
// for every engine, made once a process (embeddedLanguage).
func lexiconDictionary(lex *lexicon) *dictionary {
	d := newDictionary()
	// In a fixed order: typo matching prefers the entry added first.
	for c := concept(1); c < numConcepts; c++ {
		for _, w := range lex.keywords[c] {
			d.add(w.Text, sense{concept: c, lang: w.Lang})
		}
	}
	// The analyzers' stop lists complete the lexicon's.
	for _, list := range [][]byte{de.GermanStopWords, en.EnglishStopWords} {
		stop := analysis.NewTokenMap()
		if err := stop.LoadBytes(list); err == nil {
			for _, w := range slices.Sorted(maps.Keys(stop)) {
				d.add(w, sense{concept: cStop})
			}
		}
	}
	// Subjects of the releases stay subjects: Chinese words, so that a
	// question is cut into the right words, and Latin phrases, so that
	// "new year" is not read as "new".
	for _, m := range lex.glossary {
		for _, w := range m.all() {
			if strings.IndexFunc(w, isHan) >= 0 || strings.Contains(w, " ") {
				d.add(w, sense{concept: cTopic})
			}
		}
	}
	return d
}

// addNames adds the names of data's regions, cities, offices and people
// to d, after the lexicon's words.
func addNames(d *dictionary, data *corpus.Data) {
	for i := range data.Regions {
		r := &data.Regions[i]
		for _, n := range append(textValues(r.Names), r.Aliases...) {
			d.add(n, sense{region: r})
		}
	}
	for i := range data.Cities {
		c := &data.Cities[i]
		names := namesOfCity(c)
		names = append(names, c.Aliases...)
		for _, part := range c.Parts {
			names = append(names, textValues(part)...)
		}
		for _, n := range names {
			d.add(n, sense{city: c})
		}
	}
	// Naming an office asks who runs the alliance in Germany ("Is PKS
	// still in charge?"), or about the secretariat in China ("the ISA
	// Secretariat"); its first word too, unless the dictionary knows it
	// already: the "ISA" of "ISA Secretariat" names the alliance.
	for _, o := range data.Alliance.Offices {
		named := sense{concept: cCoordinator}
		if o.Kind == corpus.OfficeSecretariat {
			named = sense{concept: cSecretariat}
		}
		d.add(o.Organisation, named)
		if f := strings.Fields(o.Organisation); len(f) > 1 && len(d.find(segment(f[0]))) == 0 {
			d.add(f[0], named)
		}
	}
	for i := range data.Alliance.People {
		p := &data.Alliance.People[i]
		for _, name := range namesOf(p, true) {
			d.add(name, sense{person: p})
		}
		surname, _ := surnameOf(p)
		for _, title := range []string{"herr", "frau", "mr", "mrs", "ms", "dr"} {
			d.add(title+" "+surname, sense{person: p})
		}
	}
}

// surnameOf is the last word of someone's name, and whether it names them
// alone: five letters or more, no word and no part of another name as
// "Li" would be.
func surnameOf(p *corpus.Person) (surname string, alone bool) {
	fields := strings.Fields(p.Name)
	surname = fields[len(fields)-1]
	return surname, utf8.RuneCountInString(surname) >= 5
}

// namesOf are the names someone is called by: their name, its other
// forms, and, with surname, the surname that names them alone.
func namesOf(p *corpus.Person, surname bool) []string {
	names := slices.Concat([]string{p.Name}, p.Aliases)
	if last, alone := surnameOf(p); surname && alone {
		names = append(names, last)
	}
	return names
}

func textValues(t corpus.Text) []string {
	var out []string
	for _, l := range corpus.Langs() {
		if s := t[l]; s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// Answer answers the questions of message in lang, or in the message's
// own language when lang is empty. It returns an error only when ctx ends or the index
// fails; any text, however hostile, gets an answer.
func (e *Engine) Answer(ctx context.Context, message string, lang corpus.Lang) (answer.Answer, error) {
	unwrapped := e.message.unwrap(firstRunes(message, maxMessageRunes))
	if strings.TrimSpace(unwrapped) == "" {
		unwrapped = message // all greeting: it says what it says
	}
	text := cleanQuestion(unwrapped)
	if lang == "" {
		// Before cleaning, which makes "？" an ASCII "?"; as much of it as
		// is answered.
		lang, _ = DetectLang(firstRunes(unwrapped, maxQuestionRunes))
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	sentences := e.asked(text, lang)
	answers := make([]answer.Answer, len(sentences))
	named := false           // whether the questions name a city themselves
	var cities []cityMention // the cities the last question named
	var prev *question       // the question before
	for i, s := range sentences {
		a, q, err := e.answerSentence(ctx, s, lang, cities, prev)
		if err != nil {
			return answer.Answer{}, err
		}
		if len(q.cities) > 0 {
			cities = q.cities
		}
		prev = q
		named = named || len(q.cities) > 0
		answers[i] = a
	}
	a := combine(answers)
	if len(sentences) > 1 || sentences[0].text != text {
		// A question may need the sentence before it: "Ich schreibe über
		// Köln. Ist die Stadt dabei?"
		whole := e.read(text, lang)
		if !a.Answered || !named && len(whole.cities) > 0 {
			w, err := e.route(ctx, whole)
			if err != nil {
				return answer.Answer{}, err
			}
			if w.Answered || !a.Answered {
				a = w
			}
		}
	}
	return e.finish(a, message, lang), nil
}

// maxQuestions bounds how many questions of one message are answered;
// maxMessageRunes how much of a message is looked at for them.
const (
	maxQuestions    = 3
	maxMessageRunes = 4000
)

// answerPart answers one question of a message: without its lead-in,
// unless the lead-in names what the rest does not ("Köln: seit wann
// dabei?"); with it, if that alone is answered.
//
// A question that names no city but refers to one ("When did it join?")
// is about the cities an earlier question named; one that continues the
// sentence of the question before (sharesSubject) shares its subject.
func (e *Engine) answerPart(ctx context.Context, part string, lang corpus.Lang, earlier []cityMention, before *question, sharesSubject bool) (answer.Answer, *question, error) {
	whole := e.read(part, lang)
	if len(whole.cities) == 0 && len(earlier) > 0 && e.message.pronouns.in(whole.text, whole.units) {
		whole.cities = earlier
	}
	whole.before, whole.sharesSubject = before, sharesSubject && before != nil
	e.referBack(whole, before)
	if i := e.message.leadIn(part); i > 0 {
		core := e.read(part[i:], lang)
		core.before, core.sharesSubject = whole.before, whole.sharesSubject
		if e.droppable(e.read(part[:i], lang), core) {
			a, err := e.route(ctx, core)
			if err != nil || a.Answered {
				return a, core, err
			}
		}
	}
	a, err := e.route(ctx, whole)
	return a, whole, err
}

// referBack gives q, a question that asks about someone by a pronoun
// and names no one, the roles the question before asked about: "Wer ist
// der Generalsekretär? Wen hat er abgelöst?" asks whom the
// Secretary-General succeeded, 他接替的是谁？ the same after 秘书长是谁？. A
// person the question before named is not passed on: what a release
// says of them answers ("Wer ist Friederike Osterkamp? Was hat sie
// unterschrieben?").
func (e *Engine) referBack(q, before *question) {
	// A word of the coordinator's concept may be a verb too: 接替, "runs".
	if before == nil || len(q.people) > 0 || len(q.cities) > 0 || anyOf(q.has, cContact, cSecretariat) || !e.refersToPerson(q) {
		return
	}
	q.namesContactPerson = q.namesContactPerson || before.namesContactPerson
	for _, c := range personRoles {
		q.has[c] = q.has[c] || before.has[c]
	}
}

// refersToPerson reports whether a question has a pronoun for a person:
// 他 alone, not that of 其他 ("other") or 他们 ("they").
func (e *Engine) refersToPerson(q *question) bool {
	return slices.ContainsFunc(e.message.personPronouns.spans(q.text, q.units), func(s [2]int) bool {
		return !strings.HasSuffix(q.text[:s[0]], "其") && !strings.HasPrefix(q.text[s[1]:], "们")
	})
}

// personRoles are the concepts of the people a question may ask about
// by their role.
var personRoles = []concept{cContact, cSecretariat, cCoordinator}

// answerSentence answers one sentence of a message. A sentence that joins
// several questions (coordinated) is answered as written; if that finds
// nothing, or a fact of the data, which answers one of its questions at
// most ("Wann wurde die ISA gegründet, und wer ist der Ansprechpartner?"
// is answered by the contact), by its first question alone, unless that
// finds no more than the closest passage. Then each later one is
// answered with the sentence's subject, and its answer added when it
// adds to the first (addsTo).
func (e *Engine) answerSentence(ctx context.Context, s askedSentence, lang corpus.Lang, earlier []cityMention, before *question) (answer.Answer, *question, error) {
	a, q, err := e.answerPart(ctx, s.text, lang, earlier, before, false)
	if err != nil || len(s.clauses) < 2 {
		return a, q, err
	}
	if !a.Answered || a.Kind != answer.KindPassage {
		// "Wann ist Gotha beigetreten, und wie viele Einwohner hat es?"
		// may ask one thing the sources do not know, and one they do.
		first, fq, err := e.answerPart(ctx, s.clauses[0], lang, earlier, before, false)
		switch {
		case err != nil:
			return answer.Answer{}, nil, err
		case first.Answered && !(a.Answered && closestGuess(first)):
			a, q = first, fq
		case !a.Answered:
			return a, q, nil
		}
	}
	answers := []answer.Answer{a}
	for _, clause := range s.clauses[1:] {
		c, _, err := e.answerPart(ctx, clause, lang, q.cities, q, true)
		if err != nil {
			return answer.Answer{}, nil, err
		}
		if c.Answered && e.addsTo(a, c, clause, q) && !slices.ContainsFunc(answers, func(x answer.Answer) bool { return x.Text == c.Text }) {
			answers = append(answers, c)
		}
	}
	return combine(answers), q, nil
}

// addsTo reports whether the answer c to a later question of a sentence,
// clause, adds to the answer a to its first, q: a release's passage after
// a fact of the data ("Which province is Deyang in, and what is the city
// known for?"), or after a passage of the same release, not of another
// ("…, and when was it signed?"); a fact of the data, when the question
// does not refer back to the sentence's subject, or the fact names its
// city ("…, and when did it join?"): "…, and who is its contact person?"
// is not answered by the alliance's contact.
func (e *Engine) addsTo(a, c answer.Answer, clause string, q *question) bool {
	switch {
	case c.Kind == answer.KindPassage:
		return a.Kind != answer.KindPassage || sharesSource(a, c)
	case !e.message.pronouns.inText(clause):
		return true
	}
	return slices.ContainsFunc(q.cities, func(m cityMention) bool {
		return slices.ContainsFunc(namesOfCity(m.city), func(name string) bool { return strings.Contains(c.Text, name) })
	})
}

// sharesSource reports whether two answers quote a source in common.
func sharesSource(a, b answer.Answer) bool {
	return slices.ContainsFunc(a.Sources, func(s answer.Source) bool {
		return slices.ContainsFunc(b.Sources, func(o answer.Source) bool { return o.Ref == s.Ref })
	})
}

// askedSentence is one question of a message, as written, and the
// questions it joins (coordinated), if more than one.
type askedSentence struct {
	text    string
	clauses []string
}

// asked picks what a message asks: its questions, when it has sentences
// around them such as a greeting and a signature, each on its own; else
// the whole message. A question that asks nothing of its own joins the
// one before (withFollowUps); so does a clause of a sentence that joins
// questions ("…, and when?").
func (e *Engine) asked(text string, lang corpus.Lang) []askedSentence {
	sentences := splitSentences(text)
	var questions []string
	for _, s := range sentences {
		// Cleaning made "？" an ASCII "?"; a question asked twice is
		// answered once.
		if strings.HasSuffix(s, "?") && !slices.Contains(questions, s) {
			questions = append(questions, s)
		}
	}
	if len(questions) == 0 || len(sentences) == 1 {
		questions = []string{text}
	}
	var out []askedSentence
	for _, q := range e.withFollowUps(questions, lang) {
		s := askedSentence{text: q}
		if clauses := e.withFollowUps(e.message.coordinated(q), lang); len(clauses) > 1 {
			s.clauses = clauses
		}
		out = append(out, s)
	}
	return out[:min(len(out), maxQuestions)]
}

// maxFollowUpUnits bounds the words of a follow-up question: "Wie hoch?",
// "Wo und wie groß?".
const maxFollowUpUnits = 4

// withFollowUps joins to the question before it each question that asks
// nothing of its own, only how or where: "Bekommen Firmen einen Zuschuss
// pro Container? Wie hoch?" is one question, and "Wie hoch?" alone would
// be answered with the number of members.
func (e *Engine) withFollowUps(parts []string, lang corpus.Lang) []string {
	out := parts[:1:1]
	for _, part := range parts[1:] {
		q := e.read(part, lang)
		subjects := q.subjects()
		if q.has[cCount] {
			subjects--
		}
		if len(q.units) <= maxFollowUpUnits && subjects == 0 && q.unknownWords() == 0 && len(q.cities) == 0 && len(q.people) == 0 {
			out[len(out)-1] += " " + part
			continue
		}
		out = append(out, part)
	}
	return out
}

// combine makes one answer of the answers to a message's questions: the
// answered ones in order, with all their sources; if none is answered,
// the first reply.
func combine(answers []answer.Answer) answer.Answer {
	var out answer.Answer
	for _, a := range answers {
		switch {
		case !a.Answered:
		case out.Answered && saidIn(out.Text, a):
			// Two questions the same passage answers: said once.
		case !out.Answered:
			out = a
			out.Sources = slices.Clone(a.Sources)
		default:
			text := a.Text
			if a.Kind != answer.KindPassage {
				// A fact of the data that adds to one said: only what
				// it adds ("Wer ist der Generalsekretär? Wen hat er
				// abgelöst?" adds whom he followed).
				if text = unsaid(out.Text, text); text == "" {
					continue
				}
			}
			out.Text += "\n\n" + text
			out.Confidence = min(out.Confidence, a.Confidence)
			for _, s := range a.Sources {
				if !slices.ContainsFunc(out.Sources, func(o answer.Source) bool { return o.Ref == s.Ref }) {
					out.Sources = append(out.Sources, s)
				}
			}
		}
	}
	if !out.Answered {
		return answers[0]
	}
	return out
}

// unsaid is text without the sentences that said says already, each
// with the space after it; its lines stay as they are.
func unsaid(said, text string) string {
	for _, s := range splitSentences(text) {
		if !strings.Contains(said, s) {
			continue
		}
		if cut := strings.Replace(text, s+" ", "", 1); cut != text {
			text = cut
		} else {
			text = strings.Replace(text, s, "", 1)
		}
	}
	return strings.TrimSpace(text)
}

// saidIn reports whether text says all that answer a says: its text, or
// each passage it quotes, in the pieces its snippet keeps ("…" marks
// what a long one leaves out).
func saidIn(text string, a answer.Answer) bool {
	if strings.Contains(text, a.Text) {
		return true
	}
	quoted := func(s answer.Source) bool {
		pieces := strings.FieldsFunc(s.Snippet, func(r rune) bool { return r == '…' })
		return len(pieces) > 0 && !slices.ContainsFunc(pieces, func(p string) bool { return !strings.Contains(text, strings.TrimSpace(p)) })
	}
	return len(a.Sources) > 0 && !slices.ContainsFunc(a.Sources, func(s answer.Source) bool { return !quoted(s) })
}

func (e *Engine) notAnswered(lang corpus.Lang) answer.Answer {
	return answer.Answer{
		Text: msg(lang, "answer.cannot"),
		Kind: answer.KindNone,
	}
}

// msg formats the sentence with key of the message catalogue in lang.
func msg(lang corpus.Lang, key string, args ...any) string {
	return catalog.Sprintf(lang, key, args...)
}
