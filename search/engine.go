package search

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// Engine answers questions about the alliance from the corpus: facts from
// the city and alliance data and those the releases state, everything
// else from the releases' text.
type Engine struct {
	index      *Index
	lexicon    *lexicon
	translator *translator
	learner    *learner
	message    *messageCues
	// now tells the time, for what is still to come: the next assembly.
	now func() time.Time
	// gazetteer holds the German and Chinese cities, members or not.
	gazetteer []corpus.Place

	// mu guards the corpus, which grows when a release is published while
	// the engine runs, and all that is derived from it.
	mu sync.RWMutex
	// base is the corpus as loaded; learned what each release states, by
	// release ID; data the two merged, which answers.
	base     *corpus.Data
	learned  map[string]*learned
	data     *corpus.Data
	dict     *dictionary
	releases map[string]*corpus.Release
	sources  map[string]corpus.Source
	cities   map[string]*corpus.City // by canonical name
	regions  map[string]*corpus.Region
}

// NewEngine answers from data, searching releases' text in idx, which must
// have been built from data's releases. It sorts data.Releases oldest
// first, as corpus.Load returns them.
func NewEngine(data *corpus.Data, idx *Index) *Engine {
	slices.SortStableFunc(data.Releases, compareReleases)
	lex := mustLoadLexicon()
	gazetteer, err := corpus.LoadGazetteer()
	if err != nil {
		panic(fmt.Sprintf("embedded gazetteer: %v", err)) // fixed at build time, checked by the tests
	}
	places := newPlaceFinder(data.Cities, data.Regions)
	places.addGazetteer(gazetteer)
	e := &Engine{
		index:      idx,
		lexicon:    lex,
		translator: newTranslator(lex.glossary),
		gazetteer:  gazetteer,
		learner:    &learner{cues: mustLoadCues(), places: places},
		message:    mustLoadMessageCues(),
		now:        time.Now,
		base:       data,
		learned:    map[string]*learned{},
	}
	for i := range data.Releases {
		r := &data.Releases[i]
		e.learned[r.ID] = e.learner.learn(r)
	}
	e.derive()
	return e
}

// derive merges the data files with what the releases state, and makes
// what answers from the result: the maps by ID and the dictionary.
func (e *Engine) derive() {
	e.data = merge(e.base, e.learned)
	e.releases = map[string]*corpus.Release{}
	for i := range e.data.Releases {
		e.releases[e.data.Releases[i].ID] = &e.data.Releases[i]
	}
	e.sources = map[string]corpus.Source{}
	for _, s := range e.data.Sources {
		e.sources[s.ID] = s
	}
	e.cities = map[string]*corpus.City{}
	for i := range e.data.Cities {
		e.cities[e.data.Cities[i].Name] = &e.data.Cities[i]
	}
	e.regions = map[string]*corpus.Region{}
	for i := range e.data.Regions {
		e.regions[e.data.Regions[i].Key] = &e.data.Regions[i]
	}
	e.dict = buildDictionary(e.data, e.lexicon)
	e.addGazetteerCities()
}

// addGazetteerCities adds to the dictionary the cities of the gazetteer
// that the data do not hold, as no members: "Ist Stuttgart Mitglied?" is
// answered no.
func (e *Engine) addGazetteerCities() {
	known := map[string]bool{}
	for i := range e.data.Cities {
		c := &e.data.Cities[i]
		for _, n := range slices.Concat([]string{c.Name}, textValues(c.Names), c.Aliases) {
			known[fold(n)] = true
		}
	}
	for _, p := range e.gazetteer {
		names := placeNames(p)
		if slices.ContainsFunc(names, func(n string) bool { return known[fold(n)] }) {
			continue
		}
		c := &corpus.City{Name: p.Names.In(corpus.German), Names: p.Names, Aliases: names, Country: p.Country, Region: p.Region, Status: corpus.StatusNone}
		if p.Country == corpus.China {
			c.Name = cmpOr(p.Names[corpus.English], p.Name)
		}
		for _, n := range names {
			e.dict.addExact(n, sense{city: c, weak: true})
		}
	}
}

// placeNames are all the names of a place of the gazetteer.
func placeNames(p corpus.Place) []string {
	names := slices.Concat([]string{p.Name}, textValues(p.Names))
	if p.ASCII != "" {
		names = append(names, p.ASCII)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// Add puts a release into the corpus and the index while the engine
// answers, and learns what it states: the next question finds it. A
// release with the ID of one already there replaces it.
func (e *Engine) Add(ctx context.Context, r corpus.Release) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	old := e.releases[r.ID]
	if err := e.index.Replace(ctx, old, r); err != nil {
		return err
	}
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
	e.learned[r.ID] = e.learner.learn(&base.Releases[i])
	e.derive()
	return nil
}

// compareReleases orders releases oldest first, then by ID.
func compareReleases(a, b corpus.Release) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

func buildDictionary(data *corpus.Data, lex *lexicon) *dictionary {
	d := newDictionary()
	// In a fixed order: typo matching prefers the entry added first.
	for c := concept(1); c < numConcepts; c++ {
		for _, w := range lex.keywords[c] {
			d.add(w, sense{concept: c})
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
	for i := range data.Regions {
		r := &data.Regions[i]
		for _, n := range append(textValues(r.Names), r.Aliases...) {
			d.add(n, sense{region: r})
		}
	}
	for i := range data.Cities {
		c := &data.Cities[i]
		names := append([]string{c.Name}, textValues(c.Names)...)
		names = append(names, c.Aliases...)
		for _, part := range c.Parts {
			names = append(names, textValues(part)...)
		}
		for _, n := range names {
			d.add(n, sense{city: c})
		}
	}
	// Naming an office asks who runs the alliance: "Is PKS still in charge?"
	for _, o := range data.Alliance.Offices {
		d.add(o.Organisation, sense{concept: cCoordinator})
		if f := strings.Fields(o.Organisation); len(f) > 1 {
			d.add(f[0], sense{concept: cCoordinator})
		}
	}
	for i := range data.Alliance.People {
		p := &data.Alliance.People[i]
		d.add(p.Name, sense{person: p})
		for _, a := range p.Aliases {
			d.add(a, sense{person: p})
		}
		fields := strings.Fields(p.Name)
		surname := fields[len(fields)-1]
		if utf8.RuneCountInString(surname) >= 5 {
			d.add(surname, sense{person: p})
		}
		for _, title := range []string{"herr", "frau", "mr", "mrs", "ms", "dr"} {
			d.add(title+" "+surname, sense{person: p})
		}
	}
	return d
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

// question is a question after reading: its language, the concepts it
// names, the cities, regions and people it mentions, its numbers, and the
// units nothing explained.
type question struct {
	text    string
	lang    corpus.Lang
	units   []unit
	has     [numConcepts]bool
	cities  []cityMention
	regions []*corpus.Region
	people  []*corpus.Person
	years   []int
	numbers []int // ordinals and other small numbers
	unknown []unit
	// content are the units that say what is asked about: all but stop
	// words and the words for "who" and the alliance.
	content []unit
	// dates are the dates the question names, to the month or day; their
	// years are in years too.
	dates []corpus.Date
	// guessed are the units read as a keyword or name with a typo.
	guessed []unit
	// memberWords are the indexes in units of the last unit of each word
	// for membership ("Mitglied", "member").
	memberWords []int
	// memberish is whether it asks about membership: being a member,
	// joining, founding members, guest status.
	memberish bool
	// asksNow is whether it asks how things stand today: "noch", "still",
	// "heute", "现在".
	asksNow bool
	// roles are the words for a role no keyword explains ("mayor",
	// "Bürgermeister", "市长"): someone's, maybe not the alliance's.
	roles []unit
}

type cityMention struct {
	city  *corpus.City
	typed string // the words of the question that named it
	units []unit
	fuzzy bool
	weak  bool // a city of the gazetteer, whose name may be a word
}

// read analyses a cleaned question.
func (e *Engine) read(text string, lang corpus.Lang) *question {
	q := &question{text: text, lang: lang, units: segment(text)}
	covered, filler := make([]bool, len(q.units)), make([]bool, len(q.units))
	// A date is read as one: "1. April 2019" is no ordinal, and the 月 of
	// "2019年10月" no city.
	spans := findDates(text)
	for _, d := range spans {
		q.dates = append(q.dates, d.date)
		q.years = append(q.years, d.date.Year)
	}
	for i, u := range q.units {
		if inSpan(u.start, spans) {
			covered[i], filler[i] = true, true
		}
	}
	ordinal := make([]bool, len(q.units)) // "first" is an order and the number 1
	for n, m := range e.dict.find(q.units) {
		if inSpan(q.units[m.from].start, spans) {
			continue
		}
		if m.fuzzy {
			q.guessed = append(q.guessed, q.units[m.from:m.to]...)
		}
		if !slices.ContainsFunc(m.senses, func(s sense) bool { return s.concept != cTopic && s.concept != cOutside }) {
			// A subject word stays unknown, as one word.
			outside := slices.ContainsFunc(m.senses, func(s sense) bool { return s.concept == cOutside })
			q.has[cOutside] = q.has[cOutside] || outside
			for i := m.from; i < m.to; i++ {
				q.units[i].word, q.units[i].outside = n+1, outside
			}
			continue
		}
		for i := m.from; i < m.to; i++ {
			covered[i] = true
		}
		if slices.ContainsFunc(m.senses, func(s sense) bool { return s.concept == cStop || s.concept == cPerson || s.concept == cAlliance }) {
			for i := m.from; i < m.to; i++ {
				filler[i] = true
			}
		}
		if slices.ContainsFunc(m.senses, func(s sense) bool { return s.concept == cMember }) {
			q.memberWords = append(q.memberWords, m.to-1)
		}
		if !slices.ContainsFunc(m.senses, func(s sense) bool { return s.concept != cOrder }) {
			for i := m.from; i < m.to; i++ {
				ordinal[i] = true
			}
		}
		typed := text[q.units[m.from].start:endOf(q.units[m.to-1])]
		for _, s := range m.senses {
			switch {
			case s.concept != 0:
				q.has[s.concept] = true
			case s.city != nil:
				if !slices.ContainsFunc(q.cities, func(c cityMention) bool { return c.city == s.city }) {
					q.cities = append(q.cities, cityMention{city: s.city, typed: typed, units: q.units[m.from:m.to], fuzzy: m.fuzzy, weak: s.weak})
				}
			case s.region != nil:
				if !slices.Contains(q.regions, s.region) {
					q.regions = append(q.regions, s.region)
				}
			case s.person != nil:
				if !slices.Contains(q.people, s.person) {
					q.people = append(q.people, s.person)
				}
			}
		}
	}
	for i, u := range q.units {
		if !filler[i] {
			q.content = append(q.content, u)
		}
		if covered[i] && !ordinal[i] {
			continue
		}
		if n, ok := numberOf(q.units, i); ok {
			if n >= 1900 && n <= 2100 {
				q.years = append(q.years, n)
			} else {
				q.numbers = append(q.numbers, n)
			}
			continue
		}
		if !covered[i] {
			q.unknown = append(q.unknown, u)
		}
	}
	// A name that is a city and a region (Hamburg, Berlin) is the city,
	// unless the question asks about regions.
	if !q.has[cRegion] {
		q.regions = slices.DeleteFunc(q.regions, func(r *corpus.Region) bool {
			return slices.ContainsFunc(q.cities, func(c cityMention) bool {
				return textValues(r.Names)[0] == c.city.Name || r.Names[corpus.English] == c.city.Name
			})
		})
	}
	q.memberish = anyOf(q.has, cMember, cJoin, cFoundingMember, cGuest)
	q.asksNow = slices.ContainsFunc(q.units, func(u unit) bool { return slices.Contains(nowWords, u.key) }) ||
		slices.ContainsFunc(nowWords, func(w string) bool { return isHan([]rune(w)[0]) && strings.Contains(q.text, w) })
	q.keepRealCities()
	q.roles = e.rolesIn(q)
	return q
}

// rolesIn finds the unknown words of q that name a role.
func (e *Engine) rolesIn(q *question) []unit {
	roles := &e.learner.cues.role
	var out []unit
	for i, u := range q.unknown {
		if !u.han && roles.at(q.unknown, i) > 0 {
			out = append(out, u)
		}
	}
	for _, w := range roles.chinese {
		if i := strings.Index(q.text, w); i >= 0 {
			out = append(out, slices.DeleteFunc(slices.Clone(q.unknown), func(u unit) bool { return u.start < i || u.start >= i+len(w) })...)
		}
	}
	return out
}

var nowWords = []string{"noch", "heute", "aktuell", "derzeit", "inzwischen", "mittlerweile", "still", "today", "currently", "now",
	"现在", "还是", "目前", "如今"}

// keepRealCities keeps the cities the question names for sure: a name
// typed with a typo counts only when the question is about membership,
// so that "天气" does not become 天津, and so does a city of the
// gazetteer, whose name may be a word ("In welcher Halle ...?"). The
// others' words are unknown.
func (q *question) keepRealCities() {
	q.cities = slices.DeleteFunc(q.cities, func(c cityMention) bool {
		if !c.fuzzy && !c.weak || q.has[cMember] || q.has[cJoin] || q.has[cAlliance] && !c.weak || len(q.units) <= 3 {
			return false
		}
		q.unknown = append(q.unknown, c.units...)
		return true
	})
	slices.SortFunc(q.unknown, func(a, b unit) int { return a.start - b.start })
}

// cityList is the cities the question names.
func (q *question) cityList() []*corpus.City {
	out := make([]*corpus.City, len(q.cities))
	for i, c := range q.cities {
		out[i] = c.city
	}
	return out
}

// unknownName is the name the question's unknown words make: the word,
// or the run of Chinese characters.
func (q *question) unknownName() string {
	if len(q.unknown) == 0 {
		return ""
	}
	if !q.unknown[0].han {
		return q.unknown[0].raw
	}
	var b strings.Builder
	for _, u := range q.unknown {
		b.WriteString(u.raw)
	}
	return b.String()
}

func endOf(u unit) int { return u.start + len(u.raw) }

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
	"tenth": 10, "eleventh": 11, "twelfth": 12,
	"erste": 1, "zweite": 2, "dritte": 3, "vierte": 4, "funfte": 5, "sechste": 6, "siebte": 7, "achte": 8, "neunte": 9,
	"zehnte": 10, "elfte": 11, "zwolfte": 12,
}

// numberOf reads the number at unit i: digits ("9", "9th", "2020"), an
// ordinal word, or a Chinese numeral (九, 十二).
func numberOf(units []unit, i int) (int, bool) {
	u := units[i]
	if u.han {
		const digits = "零一二三四五六七八九"
		r := []rune(u.key)[0]
		switch {
		case r == '十':
			return 10, true
		case strings.ContainsRune(digits, r) && r != '零':
			n := strings.IndexRune(digits, r) / len("一")
			if i+1 < len(units) && units[i+1].key == "十" {
				n *= 10
			}
			return n, true
		}
		return 0, false
	}
	key := strings.TrimRightFunc(u.key, func(r rune) bool { return r < '0' || r > '9' })
	if key != "" && (key == u.key || slices.Contains([]string{"st", "nd", "rd", "th", "ste", "te", "n", "er"}, u.key[len(key):])) {
		n, err := strconv.Atoi(key)
		return n, err == nil
	}
	for w, n := range ordinalWords {
		if strings.HasPrefix(u.key, w) {
			return n, true
		}
	}
	return 0, false
}

// unknownWords counts what nothing explained: each Latin word or glossary
// phrase, and each run of Chinese characters (two characters make about a
// word).
func (q *question) unknownWords() int {
	n, han := 0, 0
	for i, u := range q.unknown {
		if !u.han {
			if i == 0 || !sameWord(q.unknown[i-1], u) {
				n++
			}
			continue
		}
		han++
		if i+1 == len(q.unknown) || !sameWord(u, q.unknown[i+1]) {
			n += (han + 1) / 2
			han = 0
		}
	}
	return n
}

// unknownIsNoun reports whether the unknown word is likely a noun, the
// subject of the question: a German word written with a capital letter
// inside the sentence, or Chinese characters, which the dictionary would
// have known if they were a function word.
func (q *question) unknownIsNoun() bool {
	for _, u := range q.unknown {
		if u.han || (q.lang != corpus.Chinese && u.capital && u.start > 0) {
			return true
		}
	}
	return false
}

// subjects counts the subjects the question asks about, such as the
// founding and an assembly: a question about two known subjects is about
// them even with an unknown word in it.
func (q *question) subjects() int {
	n := 0
	for _, c := range []concept{cFounding, cProposal, cContact, cEmail, cPhone, cFax, cAddress, cWebsite, cCoordinator, cSecretariat,
		cMember, cJoin, cList, cCount, cNew, cRelease, cAssembly, cName} {
		if q.has[c] {
			n++
		}
	}
	return n
}

// sameWord reports whether two unknown units, b after a, belong to one
// word: adjacent Chinese characters of the same glossary word, or of no
// glossary word at all, or the Latin words of one glossary phrase.
func sameWord(a, b unit) bool {
	if !a.han && !b.han {
		return a.word != 0 && a.word == b.word
	}
	return a.han && b.han && b.start == endOf(a) && a.word == b.word
}

// Answer answers question in lang, or in the question's own language when
// lang is empty. It returns an error only when ctx ends or the index
// fails; any text, however hostile, gets an answer.
func (e *Engine) Answer(ctx context.Context, question string, lang corpus.Lang) (answer.Answer, error) {
	unwrapped := e.message.unwrap(firstRunes(question, maxMessageRunes))
	if strings.TrimSpace(unwrapped) == "" {
		unwrapped = question // all greeting: it says what it says
	}
	text := cleanQuestion(unwrapped)
	if lang == "" {
		// Before cleaning, which makes "？" an ASCII "?"; as much of it as
		// is answered.
		lang, _ = DetectLang(firstRunes(unwrapped, maxQuestionRunes))
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	parts := asked(text)
	answers := make([]answer.Answer, len(parts))
	named := false // whether the questions name a city themselves
	for i, part := range parts {
		a, q, err := e.answerPart(ctx, part, lang)
		if err != nil {
			return answer.Answer{}, err
		}
		named = named || len(q.cities) > 0
		answers[i] = a
	}
	a := combine(answers)
	if len(parts) > 1 || parts[0] != text {
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
	return e.finish(a, question, lang), nil
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
func (e *Engine) answerPart(ctx context.Context, part string, lang corpus.Lang) (answer.Answer, *question, error) {
	whole := e.read(part, lang)
	if i := e.message.leadIn(part); i > 0 {
		core := e.read(part[i:], lang)
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

// asked picks what a message asks: its questions, when it has sentences
// around them such as a greeting and a signature, each on its own; else
// the whole message.
func asked(text string) []string {
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
		return []string{text}
	}
	return questions[:min(len(questions), maxQuestions)]
}

// combine makes one answer of the answers to a message's questions: the
// answered ones in order, with all their sources; if none is answered,
// the first reply.
func combine(answers []answer.Answer) answer.Answer {
	var out answer.Answer
	for _, a := range answers {
		switch {
		case !a.Answered:
		case !out.Answered:
			out = a
			out.Sources = slices.Clone(a.Sources)
		default:
			out.Text += "\n\n" + a.Text
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

func (e *Engine) notAnswered(lang corpus.Lang) answer.Answer {
	return answer.Answer{
		Text: t(lang,
			"Das kann ich aus den Pressemitteilungen und Daten der ISA nicht beantworten. Ich weiß Bescheid über: die Gründung der ISA, ihre Mitgliedsstädte (zum Beispiel „Ist Köln Mitglied?“ oder „Welche Städte aus Bayern sind dabei?“), die Zahl der Mitglieder, Ansprechpartner und Kontaktdaten, das Sekretariat, die Plenarversammlungen und die Pressemitteilungen der ISA.",
			"I can't answer that from the ISA's press releases and data. I can tell you about: when the ISA was founded, its member cities (for example “Is Cologne a member?” or “Which cities in Bavaria are members?”), how many members it has, its contact person and contact details, the secretariat, the plenary assemblies and the ISA's press releases.",
			"这个问题我无法根据联盟的新闻稿和资料回答。我可以回答：联盟的成立时间、成员城市（例如“科隆是成员吗？”或“巴伐利亚州有哪些成员城市？”）、成员数量、联系人和联系方式、秘书处、全体大会以及联盟的新闻稿。"),
		Kind: answer.KindNone,
	}
}

// t picks the text for lang.
func t(lang corpus.Lang, de, en, zh string) string {
	switch lang {
	case corpus.English:
		return en
	case corpus.Chinese:
		return zh
	}
	return de
}

// tf formats the text for lang.
func tf(lang corpus.Lang, de, en, zh string, args ...any) string {
	return fmt.Sprintf(t(lang, de, en, zh), args...)
}
