package search

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// How many passages a question's search looks at, and how much of its
// topic a passage must cover to answer it. Twenty, not ten: the passage
// with the number of places of a webinar series scores below ten others
// that name its webinars more often.
const (
	candidatePassages = 20
	minCoverage       = 0.5
	snippetRunes      = 240
)

// An answer from a release's text whose passage holds less than
// minSureCoverage of the question's topic, or whose sentence less than
// minSentenceCover and the passage not all of it, is said to be the
// closest passage found, not the answer: of such answers in the
// evaluation sets about half were right (76 of 148), of the others four
// in five (440 of 551).
const (
	minSentenceCover = 0.4
	minSureCoverage  = 0.6
)

// minFactCover is how much of a question's topic a sentence from a
// release in another language must hold for the fact it gives to be
// stated in the asker's language before the quote.
const minFactCover = 0.6

// The confidence of an answer from a release's text grows with how much of
// the question's topic its passage holds.
const (
	confidenceNoTopic    = 0.4
	confidenceWholeTopic = 0.8
	// confidenceClosest is the most an answer said to be the closest
	// passage found has.
	confidenceClosest = 0.5
)

// closestGuess reports whether an answer from a release's text is said to
// be the closest passage found, not the answer: its confidence is at most
// confidenceClosest, which passageAnswer gives no sure answer.
func closestGuess(a answer.Answer) bool { return a.Confidence <= confidenceClosest }

// answerFromReleases answers with the passage of a release that best covers
// what the question is about.
func (e *Engine) answerFromReleases(ctx context.Context, q *question) (answer.Answer, bool, error) {
	topic := e.topicWords(q)
	if q.sharesSubject {
		topic = withSharedWords(topic, e.topicWords(q.before))
	}
	if len(topic) == 0 {
		return answer.Answer{}, false, nil
	}
	topic, err := e.withTitleNames(ctx, q, topic)
	if err != nil {
		return answer.Answer{}, false, err
	}
	if err := e.withNamesInChinese(ctx, q, topic); err != nil {
		return answer.Answer{}, false, err
	}
	topic = e.withAttestedSenses(ctx, topic, q.lang)
	// The words besides the topic, and what "how many" counts, say which
	// sentence answers, wherever it is looked for.
	hints, counted := e.hintWords(q), e.countedWord(ctx, q)
	if q.before != nil {
		// What the question before was about may be this one's subject
		// too: it adds to the score of a passage that holds it.
		hints = append(hints, e.topicWords(q.before)...)
	}
	found, best, err := e.bestPassages(ctx, q, topic, hints, counted)
	if err != nil || len(found) == 0 {
		return answer.Answer{}, false, err
	}
	if q.has[cQuote] && len(q.people) > 0 {
		return e.quoteAnswer(q, found, topic), true, nil
	}
	if !best.holds {
		// Another paragraph of the release may hold the fact beside a
		// word of the question ("Die Preise wurden am 11. Juni 2026 in
		// Köln verliehen." for "Wann war die Verleihung der Preise?"):
		// said with less confidence.
		if c, ok := e.elsewhereIn(q, best.found.p.Release, topic, hints, counted); ok {
			return e.passageAnswer(q, c, topic), true, nil
		}
		// "Wie viele Masken wurden geliefert?": a passage without a
		// number does not answer how many. A list is what a sentence had
		// best give, not what it must: the best one answers without.
		if q.expects != aList {
			return e.doesNotSay(q.lang, best.found.p.Release, q.expects), true, nil
		}
	}
	listed, _ := e.listAfter(best)
	best.also = cmp.Or(e.secondFact(q, found, best, topic, hints), listed)
	return e.passageAnswer(q, best, topic), true, nil
}

// withSharedWords adds to a topic the words of the topic of the question
// whose sentence it continues that it lacks.
func withSharedWords(topic, shared []topicWord) []topicWord {
	for _, w := range shared {
		if !slices.ContainsFunc(topic, func(t topicWord) bool { return t.text == w.text }) {
			topic = append(topic, w)
		}
	}
	return topic
}

// withTitleNames makes one name of the words of a topic that stand side
// by side in the question, each with a capital, when a release's title
// holds them together: "Skills Bridge" of "Bis wann kann man sich für
// die Skills Bridge bewerben?" is a programme's name, the same in every
// language's releases, not two words to translate; a passage
// of the release that names it in its title or lead covers it (titled).
func (e *Engine) withTitleNames(ctx context.Context, q *question, topic []topicWord) ([]topicWord, error) {
	for i := 0; i < len(topic); i++ {
		last := i
		for last+1 < len(topic) && e.besideCapitalised(q.text, topic[last], topic[last+1]) {
			last++
		}
		// The longest run a title holds: "Skills Bridge" of "der Skills
		// Bridge Bewerbungsschluss".
		start := strings.Index(q.text, topic[i].text)
		for j := last; j > i; j-- {
			phrase := q.text[start : strings.Index(q.text, topic[j].text)+len(topic[j].text)]
			named, err := e.index.inTitle(ctx, phrase)
			if err != nil {
				return nil, err
			}
			if named {
				// Read as a name, in its own words in every language.
				name := e.topicOf([]string{phrase}, map[string]bool{phrase: true}, map[string][]string{phrase: {phrase}}, q.lang)[0]
				name.name, name.titled, name.programme = false, true, true
				addTranslatedName(&name, topic[i:j+1], q.lang)
				topic = slices.Replace(topic, i, j+1, name)
				break
			}
		}
	}
	return topic, nil
}

// withNamesInChinese marks titled each word in Latin letters of a German
// or English question that a Chinese release holds as written, unless
// the dictionaries list it ("Scholarship", "Path"): a name there, which
// the release gives once, in its lead, and its other paragraphs need not
// repeat (工匠桥's German name, “Handwerksbrücke”). It marks the topic's
// own words.
func (e *Engine) withNamesInChinese(ctx context.Context, q *question, topic []topicWord) error {
	if q.lang == corpus.Chinese || !e.index.hasLang(corpus.Chinese) {
		return nil
	}
	termOf := map[int]string{}
	for i, w := range topic {
		if w.name || w.titled || utf8.RuneCountInString(w.text) < minNameInChinese || strings.ContainsFunc(w.text, func(r rune) bool { return !unicode.IsLetter(r) || isHan(r) }) ||
			e.bilingual().Headword(w.text, corpus.German) || e.bilingual().Headword(w.text, corpus.English) {
			continue
		}
		if terms := searchTerms(e.index.analyze(corpus.Chinese, w.text)); len(terms) == 1 {
			termOf[i] = terms[0]
		}
	}
	if len(termOf) == 0 {
		return nil
	}
	known, err := e.index.known(ctx, map[corpus.Lang][]string{corpus.Chinese: slices.Collect(maps.Values(termOf))})
	if err != nil {
		return err
	}
	for i, t := range termOf {
		topic[i].titled = known[corpus.Chinese][t]
	}
	return nil
}

// minNameInChinese is the fewest letters of a word that
// withNamesInChinese takes for a name: "Expo" may be one, "IHK" is too
// short to tell.
const minNameInChinese = 4

// addTranslatedName adds to name, a programme's name that a release's
// title gives in the question's language, its words' translations in the
// other languages, all together: a release in another language may name
// it in its own words ("ISA氢能对话" for the "Hydrogen Dialogues"). The
// fewer senses of each word the longer the name, so that at most
// maxNameGroups combinations are searched for.
func addTranslatedName(name *topicWord, words []topicWord, lang corpus.Lang) {
	senses := 1
	for math.Pow(float64(senses+1), float64(len(words))) <= maxNameGroups {
		senses++
	}
	for _, l := range corpus.Langs() {
		if l == lang {
			continue
		}
		groups := [][]string{nil}
		for _, w := range words {
			terms := translatedTerms(w, l)
			var longer [][]string
			for _, t := range terms[:min(len(terms), senses)] {
				for _, g := range groups {
					longer = append(longer, append(slices.Clip(g), t))
				}
			}
			groups = longer
		}
		name.parts[l] = append(name.parts[l], groups...)
	}
}

// maxNameGroups bounds the combinations of its words' senses that
// addTranslatedName gives a name in each language.
const maxNameGroups = 16

// translatedTerms are a word's terms in l but the word as written: in
// Chinese, those in Chinese characters; in German and English, those
// after the first, the word's own.
func translatedTerms(w topicWord, l corpus.Lang) []string {
	if l == corpus.Chinese {
		return slices.DeleteFunc(slices.Clone(w.terms[l]), func(t string) bool { return !strings.ContainsFunc(t, isHan) })
	}
	if len(w.terms[l]) < 2 {
		return nil
	}
	return w.terms[l][1:]
}

// besideCapitalised reports whether two words of a topic, neither a
// name, are Latin words with a capital that follow each other in the
// question with a space between.
func (e *Engine) besideCapitalised(question string, a, b topicWord) bool {
	capital := func(w topicWord) bool {
		r, _ := utf8.DecodeRuneInString(w.text)
		return !w.name && unicode.IsUpper(r) && !strings.ContainsFunc(w.text, isHan)
	}
	i, j := strings.Index(question, a.text), strings.Index(question, b.text)
	return capital(a) && capital(b) && i >= 0 && j > i+len(a.text) && strings.TrimSpace(question[i+len(a.text):j]) == ""
}

// listAfter is what a sentence ending in a colon announces: the paragraph
// after it ("… nennt die Stadt drei Schwerpunkte:" and "1. Elektromobilität
// …, 2. …"), or, when that is an item of a list, the items that follow it,
// up to maxListItems; "" if the sentence ends otherwise. items reports
// whether it is a list's items, not a paragraph (a quote after "sagte:").
func (e *Engine) listAfter(c candidate) (text string, items bool) {
	p := c.found.p
	if !announcesList(c.sentence) || p.Kind != partBody {
		return "", false
	}
	full := e.full(p.Release)
	var list []string
	for i := p.Index + 1; i < len(full.Body) && len(list) < maxListItems; i++ {
		item := isListItem(full.Body[i])
		if !item && len(list) == 0 {
			return full.Body[i], false // a paragraph, not a list: itself alone
		}
		if !item {
			break
		}
		list = append(list, full.Body[i])
	}
	return strings.Join(list, " "), len(list) > 0
}

// listHead is the sentence that announces the list a passage is an item
// of, which says what the item is about: "45 percent from the
// participating companies," is a share of "The money comes from three
// sources:". It is "" for a passage that is no item of a list, or that
// announces one itself ("Oberbürgermeister Jan Kühn sagte dazu:"). A
// last item that ends as a sentence does ("25 percent from the fund.")
// is no item here: a paragraph after a list reads the same ("Die
// Teilnahme kostet 300 Euro.").
func (e *Engine) listHead(p *passage) string {
	if p.Kind != partBody || announcesList(p.Text) || !isListItem(p.Text) {
		return ""
	}
	// Only an item's release is read: an archive's may be on disk.
	body := e.full(p.Release).Body
	if p.Index >= len(body) {
		return ""
	}
	for i := p.Index - 1; i >= 0; i-- {
		switch {
		case announcesList(body[i]):
			if sentences := splitSentences(body[i]); len(sentences) > 0 {
				return sentences[len(sentences)-1]
			}
			return body[i]
		case !isListItem(body[i]):
			return ""
		}
	}
	return ""
}

// maxListItems bounds the items of a list quoted after the sentence that
// announces it.
const maxListItems = 10

// announcesList reports whether a sentence or paragraph ends as one that
// announces a list does: with a colon.
func announcesList(text string) bool {
	text = strings.TrimSpace(text)
	return strings.HasSuffix(text, ":") || strings.HasSuffix(text, "：")
}

// isListItem reports whether a paragraph is an item of a list: numbered or
// marked ("1. Elektromobilität …", "• …"), or, as a Markdown list's items
// are read without their marks, short and no sentence ("Textiltechnik").
func isListItem(paragraph string) bool {
	p := strings.TrimSpace(paragraph)
	// A quote is said, not listed: „Wir haben viel vor.“
	quoted := strings.IndexAny(p, "„“\"「『") == 0
	return listMark.MatchString(p) || len(p) <= maxListItemBytes && !quoted && !strings.ContainsAny(p[max(len(p)-3, 0):], ".!?。！？")
}

// maxListItemBytes bounds an unmarked list item: a longer paragraph is
// text.
const maxListItemBytes = 160

// listMark begins a numbered or marked item: "- ", "• ", "1. ", "2) ",
// "一、", "（二）".
var listMark = regexp.MustCompile(`^(?:[-•*–]\s|\d{1,2}[.)]\s|\d{1,2}、|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)])`)

// secondFact is the sentence that gives the second kind of fact a
// question asks for, when the sentence that answers it does not: "Wann
// und wo wird der Preis überreicht?" may be answered by a date in one
// sentence of the release and a place in another. It is a sentence of the
// same release; "" if none holds that kind.
func (e *Engine) secondFact(q *question, found []scoredPassage, best candidate, topic, hints []topicWord) string {
	if q.alsoExpects == anyText || !best.holds || e.holds(best.sentence, q.alsoExpects, q) {
		return ""
	}
	second := *q
	second.expects, second.alsoExpects = q.alsoExpects, anyText
	release := best.found.p.Release
	same := slices.DeleteFunc(slices.Clone(found), func(f scoredPassage) bool { return f.p.Release != release })
	if len(same) == 0 {
		return ""
	}
	c := e.bestSentence(&second, same, topic, hints, e.countedNoun(&second))
	if !c.holds || strings.Contains(best.sentence, c.sentence) || strings.Contains(c.sentence, best.sentence) {
		return ""
	}
	return c.sentence
}

// elsewhereIn finds the sentence of r that best holds the kind of fact q
// asks for beside at least one of its topic's words, with half the
// coverage it has.
func (e *Engine) elsewhereIn(q *question, r *corpus.Release, topic, hints []topicWord, counted *topicWord) (candidate, bool) {
	if q.expects == anyText {
		return candidate{}, false
	}
	full := e.full(r)
	var paragraphs []scoredPassage
	for i := range full.Body {
		if p, ok := passageAt(full, partBody, i); ok {
			paragraphs = append(paragraphs, scoredPassage{p: &p, score: 1})
		}
	}
	var best candidate
	for chunk := range slices.Chunk(paragraphs, maxAnswerPassages) {
		if c := e.bestSentence(q, chunk, topic, hints, counted); c.holds && c.cover > 0 && (best.sentence == "" || c.score > best.score) {
			best = c
		}
	}
	if best.sentence == "" {
		return candidate{}, false
	}
	best.found.coverage = best.cover / 2
	return best, true
}

// bestPassages finds the passages that cover the question's topic, best
// first, and the sentence among them that answers best. It searches the
// exact words in the question's own language, then with their
// translations in every language, and, only when neither found a
// sentence that holds the fact and all of the subject, the words the
// index does not know with a typo allowed; the best sentence wins. A
// sentence in the question's language that holds all of its subject may
// still be bettered in another: "HeatLink项目的负责人是谁？" is answered
// by the English release on HeatLink ("The project is led by Dr Annika
// Roth"), not by a Chinese sentence that names the project and a city.
func (e *Engine) bestPassages(ctx context.Context, q *question, topic, hints []topicWord, counted *topicWord) ([]scoredPassage, candidate, error) {
	var found []scoredPassage
	var best candidate
	search := func(pq query.Query, near bool) error {
		more, err := e.findPassages(ctx, q, topic, pq, near)
		if err != nil || len(more) == 0 {
			return err
		}
		// A city for "who" holds less than a person or an organisation;
		// of two that hold as much of the subject, the one that weighs
		// more ("走访至少8个德国成员城市" for "How many German member cities
		// does the new deputy secretary-general want to visit?" in
		// another language than the sentence on someone's deputy).
		if c := e.bestSentence(q, more, topic, hints, counted); len(found) == 0 || c.holds && (!best.holds || best.byCity && !c.byCity || c.cover > best.cover || c.cover == best.cover && c.score > best.score && (!c.byCity || best.byCity)) {
			found, best = more, c
		}
		return nil
	}
	for _, langs := range [][]corpus.Lang{{q.lang}, corpus.Langs()} {
		if err := search(e.exactQuery(q, topic, hints, langs), false); err != nil {
			return nil, candidate{}, err
		}
	}
	// A typo is forgiven only when the words as typed found no sentence
	// that holds the fact and all of the subject: the fuzzy search costs
	// more than the others together.
	if !best.holds || best.cover < 1 {
		vocabulary, err := e.index.known(ctx, topicTerms(topic))
		if err != nil {
			return nil, candidate{}, err
		}
		if err := search(e.typoQuery(topic, vocabulary), true); err != nil {
			return nil, candidate{}, err
		}
	}
	if len(found) == 0 {
		return e.byNamesAlone(ctx, q, topic, hints, counted)
	}
	return found, best, nil
}

// byNamesAlone finds, for a question whose subject no passage covers but
// which asks for a kind of fact and names the places or people it is
// about, the sentence of the kind asked for in the release whose title
// names them all, the release about them: "Wie lange bleiben die
// Feuerwehrleute aus Panjin in Ludwigshafen?" is answered by "… kommen
// 24 Einsatzkräfte aus Panjin für vier Wochen nach Ludwigshafen", which
// shares no other word with it. One name is not enough: "Wie viele
// Einwohner hat Wuppertal?" is not answered by a number in a release on
// Wuppertal; nor is a release that lists Dortmund and Köln among the
// members about a match between them. Its passages' coverage is the
// topic's, below minCoverage: the answer says it is the closest passage
// found.
func (e *Engine) byNamesAlone(ctx context.Context, q *question, topic, hints []topicWord, counted *topicWord) ([]scoredPassage, candidate, error) {
	names := slices.DeleteFunc(slices.Clone(topic), func(w topicWord) bool { return !w.name })
	// A subject far from the alliance's work only a passage holding it
	// answers: not a release on Dortmund and Köln "Wer hat das
	// Bundesliga-Spiel zwischen Dortmund und Köln gewonnen?".
	afield := slices.ContainsFunc(topic, func(w topicWord) bool { return w.afield })
	if q.expects == anyText || len(names) < 2 || len(names) == len(topic) || afield {
		return nil, candidate{}, nil
	}
	found, err := e.findPassages(ctx, q, names, e.exactQuery(q, names, nil, corpus.Langs()), false)
	if err != nil || len(found) == 0 {
		return nil, candidate{}, err
	}
	release := found[0].p.Release
	if !mentionsAll(names, e.termSet(release.Lang, release.Title)) {
		return nil, candidate{}, nil
	}
	// The title names them all, so each of its passages does with it.
	found = slices.DeleteFunc(found, func(f scoredPassage) bool { return f.p.Release != release })
	for i := range found {
		ts := e.termSet(release.Lang, found[i].p.Text+"\n"+release.Title)
		found[i].coverage, _ = covers(topic, ts, ts)
	}
	best := e.bestSentence(q, found, topic, hints, counted)
	if !best.holds {
		return nil, candidate{}, nil
	}
	return found, best, nil
}

// doesNotSay is the reply when the release that matches a question holds
// no fact of the kind asked for: not answered, but said so, with the
// release to read.
func (e *Engine) doesNotSay(lang corpus.Lang, r *corpus.Release, want answerType) answer.Answer {
	a := e.newAnswer(lang)
	a.addSource(releaseSource(r))
	a.say("doesNotSay.matching_press_release_of_gives", r.Title, corpus.DateOf(r.Date).Format(lang), typeName(lang, want))
	return a.declined(answer.KindPassage)
}

// topicTerms collects the index terms of the topic's words, by language.
func topicTerms(topic []topicWord) map[corpus.Lang][]string {
	terms := map[corpus.Lang][]string{}
	for _, w := range topic {
		for lang, ts := range w.terms {
			terms[lang] = append(terms[lang], ts...)
		}
	}
	return terms
}

// hintWeight is how much a hint's term counts in a search, where a
// subject word's counts 1.
const hintWeight = 0.25

// exactQuery asks for the topic's terms, and their translations', in the
// fields of langs; the question's own language counts most. The
// question's other words, its hints, add to the score of a passage that
// holds a word of the subject, as names do: "Which German member cities
// drew the most Chinese projects?" is about projects, and of the
// passages on projects the one that names German member cities and
// Chinese ones comes first. Beside a subject they are no more than that:
// nearly every passage names a member city.
func (e *Engine) exactQuery(q *question, topic, hints []topicWord, langs []corpus.Lang) query.Query {
	// A passage that holds none of the subject's words cannot cover it:
	// the names, and the words for the kind of fact asked for, only add
	// to the score of those that do, unless the question asks what
	// someone said.
	var subject, names, context []query.Query
	for _, lang := range langs {
		if !e.index.hasLang(lang) {
			continue
		}
		seen := map[string]bool{}
		// A name gives the question context, not its subject: the
		// characters of 海尔布隆 should not outweigh "delegation".
		term := func(t string, weight float64) query.Query {
			tq := bleve.NewTermQuery(t)
			tq.SetField(textField[lang])
			boost := weight
			if lang == q.lang {
				boost *= 2
			}
			tq.SetBoost(boost)
			return tq
		}
		add := func(w topicWord, q query.Query) {
			if w.name || w.kind {
				names = append(names, q)
			} else {
				subject = append(subject, q)
			}
		}
		for _, w := range topic {
			for _, t := range w.terms[lang] {
				if !seen[t] {
					seen[t] = true
					add(w, term(t, topicWeight(w)))
				}
			}
			// A compound of the question is found by all its parts
			// together: "Chancen der Kooperation" for
			// "Kooperationschancen".
			// A day asked (runs) weighs nothing of the subject, but is
			// searched for as a word of it is.
			for _, parts := range slices.Concat(w.parts[lang], w.runs[lang]) {
				var cs []query.Query
				for _, t := range parts {
					cs = append(cs, term(t, cmp.Or(topicWeight(w), 1)))
				}
				add(w, bleve.NewConjunctionQuery(cs...))
			}
		}
		// After the topic: a word of both is the subject's.
		for _, w := range hints {
			for _, t := range w.terms[lang] {
				if !seen[t] {
					seen[t] = true
					context = append(context, term(t, hintWeight))
				}
			}
		}
	}
	// What someone said need not name the subject.
	quoting := q.has[cQuote] && len(q.people) > 0
	// The hints add to the score of a passage that holds the subject.
	// A question with no subject but names is asked with its names and
	// hints alike: the passage that holds a hint may name the place only
	// in its release's title or first paragraph ("Rund 240 … nahmen an
	// der Versammlung teil" for "Wie viele Leute waren bei der
	// Versammlung in Huzhou?"), and covers decides.
	switch {
	case quoting:
		return disjunction(append(subject, names...))
	case len(subject) == 0 && len(names) == 0:
		return nil
	case len(subject) == 0:
		return disjunction(append(names, context...))
	}
	return withOptional(disjunction(subject), append(names, context...))
}

// withOptional is must, with should adding to its hits' scores.
func withOptional(must query.Query, should []query.Query) query.Query {
	if len(should) == 0 {
		return must
	}
	return query.NewBooleanQuery([]query.Query{must}, should, nil)
}

// typoQuery asks for the Latin words of five letters or more that the
// index does not hold, with one typo allowed after their first letter.
func (e *Engine) typoQuery(topic []topicWord, vocabulary map[corpus.Lang]map[string]bool) query.Query {
	var qs []query.Query
	for _, w := range topic {
		if w.name || w.titled || w.spelled || strings.IndexFunc(w.text, isHan) >= 0 || utf8.RuneCountInString(w.text) < 5 {
			continue
		}
		for _, lang := range []corpus.Lang{corpus.German, corpus.English} {
			for _, t := range w.terms[lang] {
				if vocabulary[lang][t] || utf8.RuneCountInString(t) < 5 || !e.index.hasLang(lang) {
					continue
				}
				fq := bleve.NewFuzzyQuery(t)
				fq.SetField(textField[lang])
				fq.SetFuzziness(1)
				fq.SetPrefix(1)
				qs = append(qs, fq)
			}
		}
	}
	return disjunction(qs)
}

func disjunction(qs []query.Query) query.Query {
	if len(qs) == 0 {
		return nil
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// findPassages runs a passage query and keeps the passages that cover the
// topic, best first; near forgives typos when measuring coverage.
func (e *Engine) findPassages(ctx context.Context, q *question, topic []topicWord, pq query.Query, near bool) ([]scoredPassage, error) {
	if pq == nil {
		return nil, nil
	}
	hits, _, err := e.index.search(ctx, scoped(ctx, pq), candidatePassages)
	if err != nil {
		return nil, err
	}
	quoting := q.has[cQuote] && len(q.people) > 0
	var found []scoredPassage
	best := 0.0
	for _, h := range e.candidates(q, hits) {
		// A passage scores its hit's score times its coverage, at most 1:
		// once the hits score no more than the best so far, none of them
		// can win, and analysing them is wasted. Quotes take several, a
		// fact of a kind asked for may be in any of a few, and so may a
		// day of a date or period the question names ("next month's
		// workshop", "the workshop in July 2037").
		if !quoting && h.score <= best && ((q.expects == anyText && len(q.periods) == 0) || len(found) >= 2*maxAnswerPassages) {
			break
		}
		p := h.p
		if p.Kind == partContact || p.Kind == partTitle || p.Kind == partAbout && !asksAboutAlliance(q) || !ofYears(p, q.years) || !e.ofAssembly(p, q, topic) {
			continue
		}
		terms := e.termSet(p.Release.Lang, p.Text+"\n"+p.Release.Title)
		terms.near = near
		coverage, ok := e.passageCovers(p, topic, terms)
		if quoting {
			// What someone said: any passage that names the speaker,
			// those on the question's subject first.
			coverage, ok = coverage+1, mentionsAll(topic, terms)
		}
		if ok {
			found = append(found, scoredPassage{p: p, score: h.score * coverage, coverage: coverage})
			best = max(best, h.score*coverage)
		}
	}
	slices.SortStableFunc(found, func(a, b scoredPassage) int { return cmp.Compare(b.score, a.score) })
	return found, nil
}

// passageCovers reports how much of the topic a passage covers, and
// whether that is enough to answer (covers), with terms those of the
// passage and its release's title. The title names what the release is
// about, and so what each of its paragraphs is about: "Projektleiterin
// ist Dr. Krug" answers who leads the project of the title. Its first
// paragraph names the places and people it is about, which a later one
// need not name again: "When is the bamboo and wood architecture
// exhibition in Freiburg?" is answered by a paragraph on the exhibition
// that does not say Freiburg. The sentence that announces a list says
// what its items are about ("45 percent from the participating
// companies," after "The money comes from three sources:"): with it, an
// item that does not cover the topic alone may, but as it says so of all
// of them alike, an item's coverage is the mean of the two.
func (e *Engine) passageCovers(p *passage, topic []topicWord, terms termSet) (float64, bool) {
	wider := func(terms termSet) termSet {
		if slices.ContainsFunc(topic, func(w topicWord) bool { return w.context() && !w.foundIn(terms) }) {
			return e.withLead(p, terms)
		}
		return terms
	}
	coverage, ok := covers(topic, terms, wider(terms))
	if ok {
		return coverage, ok
	}
	head := e.listHead(p)
	if head == "" {
		return coverage, ok
	}
	listed := e.termSet(p.Release.Lang, p.Text+"\n"+p.Release.Title+"\n"+head)
	listed.near = terms.near
	withHead, ok := covers(topic, listed, wider(listed))
	return (coverage + withHead) / 2, ok
}

// withLead is terms, the terms of passage p and its release's title,
// with those of the release's first paragraph when p is a later one.
func (e *Engine) withLead(p *passage, terms termSet) termSet {
	if p.Kind != partBody || p.Index == 0 {
		return terms
	}
	lead, ok := passageAt(e.full(p.Release), partBody, 0)
	if !ok {
		return terms
	}
	withLead := e.termSet(p.Release.Lang, p.Text+"\n"+p.Release.Title+"\n"+lead.Text)
	withLead.near = terms.near
	return withLead
}

// candidates are the passages of the hits, best first. A question that
// asks for a kind of fact gets, for a release whose title matches, its
// paragraphs too, at half the title's score: "Wie teuer ist ReCycle
// Cities?" is answered by the paragraph on the budget of the release
// about ReCycle Cities, which need not name it again.
func (e *Engine) candidates(q *question, hits []hit) []scoredPassage {
	var out []scoredPassage
	seen := map[string]bool{}
	add := func(p passage, score float64) {
		if id := p.docID(); !seen[id] {
			seen[id] = true
			out = append(out, scoredPassage{p: &p, score: score})
		}
	}
	for _, h := range hits {
		p := e.passageByID(h.id)
		if p == nil {
			continue
		}
		add(*p, h.score)
		if p.Kind == partTitle && q.expects != anyText {
			for i := range p.Release.Body {
				if body, ok := passageAt(p.Release, partBody, i); ok {
					add(body, h.score/2)
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b scoredPassage) int { return cmp.Compare(b.score, a.score) })
	return out
}

// ofAssembly reports whether a passage speaks of the plenary assembly a
// question names by number: the agenda of the 12th is not that of the
// 10th, nor are the twelve days of a youth camp its days. A passage names
// its assembly, or its release's title does; for a question on a
// programme the passage itself must name another to speak of another:
// "the first online session of the Hydrogen Dialogues" is in a release
// on the 24th plenary.
func (e *Engine) ofAssembly(p *passage, q *question, topic []topicWord) bool {
	if !q.has[cAssembly] || len(q.numbers) == 0 {
		return true
	}
	n := e.learner.assemblyNumber(sentence{text: p.Text, units: segment(p.Text)})
	programme := slices.ContainsFunc(topic, func(w topicWord) bool { return w.programme })
	if n == 0 && programme {
		return true
	}
	if n == 0 {
		n = e.learner.assemblyNumber(sentence{text: p.Release.Title, units: segment(p.Release.Title)})
	}
	return n == q.numbers[0]
}

// ofYears reports whether a passage is of one of the years a question
// names, if any: its release is of that year, or its text names it. "Wann
// ist das chinesische Neujahr 2025?" is not answered from 2021.
func ofYears(p *passage, years []int) bool {
	if len(years) == 0 {
		return true
	}
	return slices.ContainsFunc(years, func(y int) bool {
		return p.Release.Date.Year() == y || strings.Contains(p.Text, strconv.Itoa(y))
	})
}

// asksAboutAlliance reports whether a question asks what a release's
// section about the alliance speaks of: its name, founding, members and
// where they are, its offices. Of anything else it says nothing, though
// a translation may find a word of it there ("Gemeinschaftsstand" as
// "stand" and "state", in "eight federal states").
func asksAboutAlliance(q *question) bool {
	return anyOf(q.has, cName, cFounding, cMember, cJoin, cFoundingMember, cGuest, cCity, cRegion, cAbout, cSecretariat, cCoordinator)
}

type scoredPassage struct {
	p        *passage
	score    float64
	coverage float64
}

// mentionsAll reports whether the terms include every name of the topic.
func mentionsAll(topic []topicWord, terms termSet) bool {
	for _, w := range topic {
		if w.name && !w.foundIn(terms) {
			return false
		}
	}
	return true
}

// coverWeight is how much a word of the topic counts for whether a
// passage covers it: as in a sentence (topicWeight), but a verb or an
// adverb of a German question half ("Welcher Verlag bringt die Ausgabe
// des Jubiläumsbands heraus?" is about the publisher and the edition,
// which a passage may name without "bringt … heraus").
func coverWeight(w topicWord) float64 {
	if w.minor {
		return 0.5
	}
	return topicWeight(w)
}

// covers reports how much of the topic a passage's terms cover, and whether
// that is enough to answer. Subject words count fully, names and a German
// question's words in small letters half (coverWeight), and words of a
// Chinese question that no dictionary translates not at all in a German
// or English passage (untranslatable). It is
// enough when half the topic is covered, with a subject word among it
// (two when there are three or more), every noun but at most one when
// two other words or names are found (a translation may miss a
// compound: "Deutschlandbesuch"), and one of the names the question
// gives, if it gives any. A name counts as covered in wider, the terms
// of more of the release (withLead). A
// name alone never answers "who is the mayor of Foshan", nor "gewinnt"
// in "Drei gewinnt" "Wer gewinnt die Bundesliga?"; "Einwohner" not found
// is not "Wie viele Einwohner hat Wuppertal?".
func covers(topic []topicWord, terms, wider termSet) (float64, bool) {
	var total, got float64
	subject, covered, nounsMissed, afieldMissed, names, namesCovered := 0, 0, 0, 0, 0, 0
	dayAsked := false
	for _, w := range topic {
		if w.day {
			// Held, the day asked says the passage is about it; not held,
			// the passage may name it otherwise ("gestern").
			dayAsked = true
			if w.foundIn(terms) {
				subject++
				covered++
			}
			continue
		}
		if w.kind || !w.name && w.untranslatable(terms.lang) {
			continue
		}
		found := w.foundIn(terms) || w.context() && w.foundIn(wider)
		if w.afield {
			// All of it: "shared counters" hold no share price.
			found = w.heldWhole(terms)
		}
		total += coverWeight(w)
		switch {
		case found:
			got += coverWeight(w)
		case w.headIn(terms) && !w.afield:
			got += coverWeight(w) / 2
			found = true
		}
		switch {
		case w.single():
			// A lone Chinese character (派, 去) says too little, in too
			// many senses, for a passage to need it, or to be about the
			// question for holding it (包 of 饺子怎么包 in 包括).
		case w.name:
			names++
			if found {
				namesCovered++
			}
		case found:
			subject++
			covered++
		default:
			subject++
			if w.noun {
				nounsMissed++
			}
			if w.afield {
				afieldMissed++
			}
		}
	}
	c := got / max(total, 1)
	switch {
	case names > 0 && namesCovered == 0, c < minCoverage, afieldMissed > 0:
		return c, false
	case subject == 0:
		// Names and a day alone ("What happens in Cologne on 15 May?")
		// need a passage that names the day (subject counts it).
		return c, !dayAsked
	}
	return c, covered > 0 && (subject < 3 || covered >= 2) && (nounsMissed == 0 || nounsMissed == 1 && covered+namesCovered >= 2)
}

// topicWord is a word of the question that the answer must be about, with
// the index terms it may appear as in each language.
type topicWord struct {
	text  string
	terms map[corpus.Lang][]string
	// parts are the words of its compounds, each compound's together: a
	// passage holds the compound when it holds them all ("Chancen der
	// Kooperation" for "Kooperationschancen").
	parts map[corpus.Lang][][]string
	// noun marks a German noun (capitalised inside the sentence): the
	// subject itself, which an answer must cover; minor a German word
	// in small letters in a question that writes its nouns with
	// capitals, a verb, an adverb or an adjective ("bringt", "höchstens"),
	// which says less of it.
	noun, minor bool
	// name marks the name of a person or place, which gives a question
	// context but is not its subject.
	name bool
	// day marks a day the question names without a year ("am 3.
	// Oktober", dayWords): a passage that names it is searched for, by
	// its day and month side by side (runs), and covers it; one that
	// does not may still answer, as "Gestern" names the day too, which
	// the period asked for weighs (namesDayAsked).
	day  bool
	runs map[corpus.Lang][][]string
	// month marks a month the question names alone ("im April",
	// monthWords): the date of what a release is about, which its first
	// paragraph gives and a later one need not repeat ("代表团共46人" of
	// the delegation that came in April).
	month bool
	// titled marks a name a release's title gives ("Skills Bridge"):
	// searched for as written, as a name is, but the question's subject,
	// which a passage covers with its release's title or first paragraph.
	titled bool
	// programme marks a name of several words a release's title gives
	// (withTitleNames), a programme's: "the first session" of it is not
	// the first plenary assembly (ofAssembly).
	programme bool
	// spelled marks a word of the engine's dictionary (a glossary word,
	// "Einwohner"): spelt right, so the typo pass leaves it alone.
	spelled bool
	// kind marks a word for the kind of fact asked for ("Geld",
	// "Budget"), or for the kind of thing a name beside it is (the 项目
	// of “SolarLoom”项目, the "platform" of the "Partnerbrücke"
	// platform): searched for, but no passage must hold it.
	kind bool
	// afield marks a word of a subject far from the alliance's work
	// ("Wetter", "share price"), when it is not the kind of fact asked
	// for: only a passage that holds it answers.
	afield bool
	// own are its terms in the question's language, untranslated: a
	// sentence that holds more of them says more of it (互派 and 教师 of
	// 互派职业院校教师, not only 职业).
	own []string
	// translated are the terms of each of its translations, one list a
	// translation: "youth" and "camp" of 青年营 in a sentence say all of
	// it, as much as 青年 and 年营 would.
	translated [][]string
	// romanised is the word in lower case when it may be a Chinese name
	// written in pinyin ("Heluo" for 河洛): a Latin word no dictionary
	// knows. A Chinese text whose characters read so holds it.
	romanised string
	// head is the last part of a German compound of the question, which
	// says what kind of thing it is: a passage with "Sitzplätze" holds
	// part of "Fahrgastplätze".
	head string
	// wordy marks a run of Chinese characters that holds a function
	// character (让 of 让流进): words of a sentence, not a name the
	// dictionaries do not know (比亚迪, 张伟明).
	wordy bool
}

// context reports whether w is a word of the question's context, which a
// release's first paragraph gives for all of it: a name, a name its
// title gives, or a month.
func (w topicWord) context() bool { return w.name || w.titled || w.month }

// headIn reports whether the terms hold the head of the word, a German
// compound, though not the word: "Kisten" of "Transportkisten".
func (w topicWord) headIn(terms termSet) bool {
	return w.head != "" && terms.has(w.head)
}

// single reports whether the word is one Chinese character.
func (w topicWord) single() bool {
	r, size := utf8.DecodeRuneInString(w.text)
	return isHan(r) && size == len(w.text)
}

// share is how much of the word a text's terms hold: nothing, or from a
// half for any of its terms to all for all of its own.
func (w topicWord) share(terms termSet) float64 {
	if !w.foundIn(terms) {
		return 0
	}
	if len(w.own) == 0 {
		return 1
	}
	best := 0.0
	for _, group := range append([][]string{w.own}, w.translated...) {
		n := 0
		for _, t := range group {
			if terms.has(t) {
				n++
			}
		}
		if len(group) > 0 {
			best = max(best, float64(n)/float64(len(group)))
		}
	}
	return 0.5 + 0.5*best
}

// heldWhole reports whether terms hold all of w, in its own words or in
// one of its translations, a phrase as one: "a joint booth to share … at
// the usual price" holds no share price (股价), "youth exchange … at a
// rate of" no exchange rate.
func (w topicWord) heldWhole(terms termSet) bool {
	if !w.foundIn(terms) {
		return false
	}
	if len(w.own) == 0 {
		return true
	}
	return slices.ContainsFunc(append([][]string{w.own}, w.translated...), func(group []string) bool {
		if len(group) > 1 && strings.IndexFunc(strings.Join(group, ""), isHan) < 0 {
			return containsRun(terms.sequence, group)
		}
		return len(group) > 0 && !slices.ContainsFunc(group, func(t string) bool { return !terms.has(t) })
	})
}

// containsRun reports whether run stands in sequence, its terms side by
// side.
func containsRun(sequence, run []string) bool {
	for i := 0; i+len(run) <= len(sequence); i++ {
		if slices.Equal(sequence[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// untranslatable reports whether w, words in Chinese characters, has no
// term a German or English text in lang could hold ("让流进" of
// 让流进下水道的雨水, which no dictionary translates). Such words cannot
// say that a passage in that language misses the subject; a name the
// dictionaries do not know can (比亚迪 is not Bosch).
func (w topicWord) untranslatable(lang corpus.Lang) bool {
	latin := func(t string) bool { return strings.IndexFunc(t, isHan) < 0 }
	return lang != "" && lang != corpus.Chinese && w.wordy &&
		!slices.ContainsFunc(w.terms[lang], latin) &&
		!slices.ContainsFunc(w.parts[lang], func(parts []string) bool { return slices.ContainsFunc(parts, latin) })
}

func (w topicWord) foundIn(terms termSet) bool {
	if w.romanised != "" && terms.chinese != "" && readsAs(terms.chinese, w.romanised) {
		return true
	}
	for _, ts := range w.terms {
		for _, t := range ts {
			if terms.has(t) {
				return true
			}
		}
	}
	for _, groups := range w.parts {
		for _, parts := range groups {
			if !slices.ContainsFunc(parts, func(t string) bool { return !terms.has(t) }) {
				return true
			}
		}
	}
	for _, runs := range w.runs {
		if slices.ContainsFunc(runs, func(run []string) bool { return containsRun(terms.sequence, run) }) {
			return true
		}
	}
	return false
}

// termSet is the analysed terms of a text.
type termSet struct {
	terms map[string]bool
	// lang is the language of the text, when known.
	lang corpus.Lang
	// near makes has forgive a typo: a term within its typo budget and
	// with the same first letter counts.
	near bool
	// chinese is the text when it is Chinese, for the names written in
	// pinyin that it holds (topicWord.romanised).
	chinese string
	// sequence is the text's terms in order, for a phrase that must be
	// held as one (heldWhole).
	sequence []string
}

func (ts termSet) has(t string) bool {
	if ts.terms[t] {
		return true
	}
	budget := typoBudget(utf8.RuneCountInString(t))
	if !ts.near || budget == 0 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	for x := range ts.terms {
		if sameFirst(x, first) && editDistance(x, t, budget) <= budget {
			return true
		}
	}
	return false
}

// topicWords are what the question asks about beyond the engine's
// keywords: the words nothing explained, and the people it names.
func (e *Engine) topicWords(q *question) []topicWord {
	d := &topicDraft{
		names: map[string]bool{}, nouns: map[string]bool{}, minors: map[string]bool{},
		spelled: map[string]bool{}, kinds: map[string]bool{}, afield: map[string]bool{},
		variants: map[string][]string{},
	}
	e.addUnknownWords(d, q)
	// A keyword's compound whose last word is a word of its own asks
	// about that word: the "Beitrittsurkunde" is a document, which a
	// passage on joining need not name. Only German is cut so; the
	// compound is analysed only then.
	if q.lang == corpus.German {
		for _, u := range q.begun {
			if head, ok := e.ownHead(u); ok {
				d.texts = append(d.texts, head)
				d.nouns[head] = true
			}
		}
	}
	e.addNames(d, q)
	if d.onlyKinds() {
		// Nothing unknown and no name, or only the kind of fact asked
		// for ("Where was the ISA stand at Hannover Messe 2026?"): the
		// question's keywords are its subject, when no fact of the data
		// answered it ("Hannover Messe 2026" is not the founding
		// conference's), in the words their concept has in every
		// language ("Vollversammlung" is 全体大会 too).
		// But not "How many", which asks, not of what.
		subject := slices.DeleteFunc(slices.Clone(q.subjectWords), e.asksNumberAlone)
		d.texts = append(d.texts, subject...)
		maps.Copy(d.variants, e.conceptVariants(subject))
	}
	e.withVerbParticle(d, q)
	topic := e.topicOf(d.texts, d.names, d.variants, q.lang)
	// The kind of fact asked for is the subject when the question has no
	// other but the alliance or a year: "联盟2030年的预算是多少？" asks for
	// the budget, which the passage must name. So it is beside a verb
	// (minor) of a year or an assembly: "Wie hoch ist das Budget 2042, das
	// die Plenarversammlung beschlossen hat?"; not of the alliance alone:
	// "Zu welchen Zeiten ist die Pressestelle der ISA besetzt?" asks
	// about the press office. Not without them: "Ab wie viel Uhr?" after
	// another question asks nothing of its own.
	kindIsSubject := d.onlyKinds() && q.has[cAlliance] || d.onlyKindsAndMinors() && (len(q.years) > 0 || q.has[cAssembly])
	for i := range topic {
		text := topic[i].text
		topic[i].noun = d.nouns[text]
		topic[i].minor = d.minors[text] && !topic[i].name
		topic[i].spelled = d.spelled[text]
		topic[i].kind = d.kinds[text] && !kindIsSubject || !d.afield[text] && e.namesKindOf(q, topic, i)
		topic[i].afield = d.afield[text] && !topic[i].kind
	}
	return slices.Concat(topic, e.dayWords(q), e.monthWords(q))
}

// monthWords are the months a question names alone ("im April"), each
// searched for as its name in every language ("April", 4月, 四月), a
// word of the subject: a German or English word for it alone is never
// found in a Chinese release. "Aus wie vielen chinesischen
// Mitgliedsstädten kam die Delegation im April?" is answered by
// "九个中国成员城市" in the Chinese release on the delegation of April.
func (e *Engine) monthWords(q *question) []topicWord {
	chineseMonthNames := [12]string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}
	var out []topicWord
	for _, d := range q.months {
		m := d.date.Month
		names := map[corpus.Lang][]string{
			corpus.German:  {corpus.MonthName(m, corpus.German)},
			corpus.English: {corpus.MonthName(m, corpus.English)},
			corpus.Chinese: {fmt.Sprintf("%d月", m), chineseMonthNames[m-1] + "月"},
		}
		w := topicWord{text: names[q.lang][0], terms: map[corpus.Lang][]string{}, runs: map[corpus.Lang][][]string{}, month: true}
		for lang, written := range names {
			for _, text := range written {
				w.runs[lang] = append(w.runs[lang], e.termSet(lang, text).sequence)
			}
		}
		out = append(out, w)
	}
	return out
}

// dayWords are the days a question names without a year ("am 3.
// Oktober"), searched for in every language, the day and its month side
// by side: "Am 3. Oktober 2040 empfängt Köln eine Delegation aus Wuxi"
// for "Wer besucht Köln am 3. Oktober?", not "am 23. Oktober" nor
// "Cologne may send 15 delegates" for "on 15 May".
func (e *Engine) dayWords(q *question) []topicWord {
	var out []topicWord
	for _, p := range q.periods {
		if p.from.Year != 0 || p.from != p.to {
			continue
		}
		w := topicWord{text: p.from.Format(q.lang), day: true, terms: map[corpus.Lang][]string{}, runs: map[corpus.Lang][][]string{}}
		for _, lang := range corpus.Langs() {
			written := []string{p.from.Format(lang)}
			if lang == corpus.English {
				written = append(written, fmt.Sprintf("%s %d", p.from.Month, p.from.Day)) // "May 15"
			}
			for _, text := range written {
				w.runs[lang] = append(w.runs[lang], e.termSet(lang, text).sequence)
			}
		}
		out = append(out, w)
	}
	return out
}

// withVerbParticle joins the particle that closes a German question to
// the verb it belongs to, a word in small letters of the topic in the
// particle's clause, when the dictionary has them together as a word of
// its own, not as a compound of two: "steuert … bei" is "beisteuert"
// (contributes), not "steuert" (steers); "zusätzliches … bei" is
// nothing.
func (e *Engine) withVerbParticle(d *topicDraft, q *question) {
	if q.lang != corpus.German {
		return
	}
	latin := slices.DeleteFunc(slices.Clone(q.units), func(u unit) bool { return u.han })
	if len(latin) < 3 {
		return
	}
	last := latin[len(latin)-1:]
	if !e.message.verbParticles.whole(last[0].raw, last) {
		return
	}
	particle := strings.ToLower(last[0].raw)
	clause := q.text[:last[0].start]
	clauseStart := max(strings.LastIndex(clause, ","), strings.LastIndex(clause, " und "), strings.LastIndex(clause, " oder "))
	for i, text := range d.texts {
		at := strings.Index(q.text, text)
		if !d.minors[text] || at <= clauseStart || at >= last[0].start {
			continue
		}
		joined := particle + text
		if !e.bilingual().Headword(joined, corpus.German) {
			continue
		}
		d.texts[i] = joined
		d.minors[joined], d.spelled[joined] = true, d.spelled[text]
		// A German release splits the verb as the question does.
		d.variants[joined] = append(d.variants[joined], text)
		// The particle is the verb's, no word of its own: the "fest"
		// of "Was legt die Satzung fest?".
		d.texts = slices.DeleteFunc(d.texts, func(t string) bool { return t == last[0].raw })
		return
	}
}

// topicDraft is the texts of a question's topic as topicWords gathers
// them, and what each is: a name, a noun, a minor word, spelled right,
// the kind of fact asked for, a word of another field; and the other
// names of a name.
type topicDraft struct {
	texts                                        []string
	names, nouns, minors, spelled, kinds, afield map[string]bool
	variants                                     map[string][]string
}

// onlyKinds reports whether the texts say nothing but the kind of fact
// asked for, if anything.
func (d *topicDraft) onlyKinds() bool {
	return !slices.ContainsFunc(d.texts, func(t string) bool { return !d.kinds[t] })
}

// onlyKindsAndMinors reports whether the draft's words are the kind of
// fact asked for and words that say less of it (a verb: "beschlossen").
func (d *topicDraft) onlyKindsAndMinors() bool {
	return !slices.ContainsFunc(d.texts, func(t string) bool { return !d.kinds[t] && !d.minors[t] })
}

// addUnknownWords adds the words of a question nothing explained: a run
// of Chinese characters, or a glossary phrase, is one.
func (e *Engine) addUnknownWords(d *topicDraft, q *question) {
	// A question typed in small letters only has no words in small
	// letters that say less than its nouns.
	capitals := slices.ContainsFunc(q.units, func(u unit) bool { return !u.han && u.capital && u.start > 0 })
	unknown := e.unknownInWords(q)
	for i := 0; i < len(unknown); i++ {
		u, j := unknown[i], i
		for j+1 < len(unknown) && (sameWord(unknown[j], unknown[j+1]) || e.glossedWithHyphen(q, u, unknown[j], unknown[j+1])) {
			j++
		}
		text := q.text[u.start:endOf(unknown[j])]
		i = j
		if e.learner.cues.measureWords.index(text, nil) == 0 && utf8.RuneCountInString(text) == 1 {
			continue // a measure word alone: the 篇 of 那篇新闻稿, the 名 of 几名
		}
		if inSpan(u.start, q.months) {
			continue // a month alone: monthWords
		}
		d.texts = append(d.texts, text)
		if slices.ContainsFunc(e.kindWords(q), func(kind *cueList) bool { return kind.inText(text) }) {
			// "Geld" in "Wie viel Geld …?" says what is asked, not of
			// what: searched for, but a passage need not hold it.
			d.kinds[text] = true
		}
		latinGerman := !u.han && q.lang == corpus.German
		if latinGerman && u.capital && u.start > 0 || u.outside {
			d.nouns[text] = true
		}
		if u.afield {
			d.afield[text] = true
		}
		// A German word in small letters beside capitalised nouns is a
		// verb, an adverb or an adjective ("bringt", "höchstens"). English
		// and Chinese write no nouns with capitals: a verb is what the
		// dictionary gives as one ("reached", 交, 开始).
		if latinGerman && !u.capital && capitals || q.lang != corpus.German && e.bilingual().Verb(text, q.lang) {
			d.minors[text] = true
		}
		if camelCase(text) {
			d.names[text] = true // a brand's name: "ReCycle"
		}
		if u.word != 0 && !q.isGuessed(u) {
			d.spelled[text] = true // not "budjet", read as "budget" despite its typo
		}
	}
}

// glossedWithHyphen reports whether the Latin words of the question
// from first to last and next after it, joined by a hyphen, are one word
// of the glossary: "Ko-Präsidenten" is co-presidents, not "Ko" and
// "Präsidenten". Another word with a hyphen stays its words, each
// translated, corrected if misspelt ("Wasserstof-Anlagen").
func (e *Engine) glossedWithHyphen(q *question, first, last, next unit) bool {
	return !first.han && !next.han && q.text[endOf(last):next.start] == "-" &&
		e.translator.knows(fold(q.text[first.start:endOf(next)]))
}

// addNames adds the names a question gives: cities read with a typo,
// cities by their adjective, people, and the cities it names and those
// that begin a compound ("Deyang-Delegation"), each with its other
// names.
func (e *Engine) addNames(d *topicDraft, q *question) {
	for _, c := range q.misspeltCities {
		text := q.text[c.units[0].start:endOf(c.units[len(c.units)-1])]
		if slices.Contains(d.texts, text) {
			d.names[text] = true
			d.variants[text] = append(textValues(c.city.Names), c.city.Name)
		}
	}
	// "der Saarbrücker Stadtrat": the city, in all its names, as a name.
	for _, text := range d.texts {
		if place, ok := e.cityOfAdjective(text); ok && !d.names[text] {
			d.names[text] = true
			d.variants[text] = slices.Concat(textValues(place.names), []string{place.name}, place.aliases)
		}
	}
	for _, p := range q.people {
		d.texts = append(d.texts, p.Name)
		d.names[p.Name] = true
		d.variants[p.Name] = p.Aliases // 孙浩然 for Sun Haoran
	}
	for _, c := range slices.Concat(q.cities, q.modifiers) {
		// Read with a typo, a city is no subject; but "Saarbrücker" is
		// Saarbrücken's adjective, no typo.
		if !c.fuzzy || e.adjectiveOf(c) {
			d.texts = append(d.texts, c.city.Name)
			d.names[c.city.Name] = true
			// A city is named in its own script in each language's
			// releases: Huzhou, 湖州.
			d.variants[c.city.Name] = textValues(c.city.Names)
		}
	}
}

// namesKindOf reports whether topic word i only says what kind of thing
// a name beside it is (nameKinds, besideName): not any other word ("the
// SolarLoom CEO"). A word far from the alliance's work ("the SolarLoom
// share price") is none, whatever it stands beside.
func (e *Engine) namesKindOf(q *question, topic []topicWord, i int) bool {
	w := topic[i]
	return !w.name && e.message.nameKinds.whole(w.text, segment(w.text)) && besideName(q.text, w.text, topic)
}

// besideName reports whether text stands right before or after a name
// in quotes or a brand's name in a question, which another word of the
// topic says: “SolarLoom”项目, das Projekt „Partnerbrücke“, the
// SolarLoom project. It says what kind of thing the name is, which a
// release about it need not repeat. (Not the 招待会 of “ISA之夜”招待会:
// its name says too little, a lone 夜.)
func besideName(question, text string, topic []topicWord) bool {
	at := strings.Index(question, text)
	if at < 0 {
		return false
	}
	spans := quotedName.FindAllStringIndex(question, -1)
	for _, w := range topic {
		if camelCase(w.text) {
			if i := strings.Index(question, w.text); i >= 0 {
				spans = append(spans, []int{i, i + len(w.text)})
			}
		}
	}
	for _, span := range spans {
		named := slices.ContainsFunc(topic, func(w topicWord) bool {
			return w.text != text && strings.Contains(question[span[0]:span[1]], w.text) && !w.single()
		})
		before := span[1] <= at && strings.TrimSpace(question[span[1]:at]) == ""
		after := span[0] >= at+len(text) && strings.TrimSpace(question[at+len(text):span[0]]) == ""
		if named && (before || after) {
			return true
		}
	}
	return false
}

// cityOfAdjective finds the city a German adjective of place is made
// from: "Saarbrücker" of Saarbrücken, "Kölner" of Köln, "Münchner" of
// München.
func (e *Engine) cityOfAdjective(word string) (*place, bool) {
	stem, ok := strings.CutSuffix(word, "er")
	if r, _ := utf8.DecodeRuneInString(word); !ok || !unicode.IsUpper(r) || strings.ContainsAny(word, " -") || utf8.RuneCountInString(stem) < 3 {
		return nil, false
	}
	for _, name := range []string{stem, stem + "en", strings.TrimSuffix(stem, "n") + "en"} {
		if found := e.placesIn(name); len(found) == 1 && found[0].name == name {
			return found[0].place, true
		}
	}
	return nil, false
}

// adjectiveOf reports whether a city mention is the city's adjective.
func (e *Engine) adjectiveOf(c cityMention) bool {
	p, ok := e.cityOfAdjective(c.typed)
	return ok && slices.Contains(slices.Concat([]string{p.name}, textValues(p.names), p.aliases), c.city.Name)
}

// unknownInWords are the question's unknown units, the known ones of a
// glossary phrase with one of them (the "ersten" of "den ersten Platz"),
// and the Chinese numerals right before one, which may begin its word:
// the 一 of 一等奖, the 五 of 五月访德. A numeral that counts stays out:
// before a known word or a measure word (两个城市, 一位工程师), after a
// word that asks which or each (哪一天, 每一场).
func (e *Engine) unknownInWords(q *question) []unit {
	var out []unit
	for i, u := range q.units {
		numeral := u.han && strings.Contains(chineseDigits, u.key) &&
			i+1 < len(q.units) && q.units[i+1].start == endOf(u) && q.isUnknown(q.units[i+1]) &&
			e.learner.cues.measureWords.index(q.text[endOf(u):], nil) != 0 &&
			(i == 0 || !slices.Contains(e.learner.cues.countingDeterminers.chinese, q.units[i-1].key))
		phrase := !u.han && u.word != 0 && slices.ContainsFunc(q.unknown, func(x unit) bool { return x.word == u.word })
		if numeral || phrase || q.isUnknown(u) {
			out = append(out, u)
		}
	}
	return out
}

// isChineseWord reports whether the dictionaries know a Chinese word.
func (e *Engine) isChineseWord(w string) bool {
	return len(e.bilingual().Translate(w, corpus.Chinese, corpus.English)) > 0
}

// asksNumberAlone reports whether text is no more than words that ask
// for a number: "How many", 多少.
func (e *Engine) asksNumberAlone(text string) bool {
	cues := &e.message.asksNumber
	units := segment(text)
	return slices.Contains(cues.chinese, text) || len(units) > 0 && cues.at(units, 0) == len(units)
}

// synonymConcepts are the concepts whose keywords all name the same
// thing, so that each stands for the others in a search: an assembly is
// a Plenarversammlung, a plenary assembly, a 全体大会; "chinesische" is
// "China" and 中国. The founding's keywords also name its conference and
// the fair it was held at.
var synonymConcepts = []concept{cAssembly, cChina, cGermany}

// conceptVariants are the keywords, in every language, of the synonym
// concepts each of texts names, and the names of the regions it names
// ("Saxony" is Sachsen, 萨克森州), by text; but a single Chinese
// character (中 of China), which too many words hold.
func (e *Engine) conceptVariants(texts []string) map[string][]string {
	out := map[string][]string{}
	for _, text := range texts {
		for _, m := range e.dict.find(segment(text)) {
			for _, s := range m.senses {
				if s.region != nil {
					out[text] = slices.Concat(out[text], textValues(s.region.Names), s.region.Aliases)
				}
				if !slices.Contains(synonymConcepts, s.concept) {
					continue
				}
				for _, k := range e.lexicon.keywords[s.concept] {
					if w := strings.TrimSuffix(k.Text, "*"); utf8.RuneCountInString(w) > 1 || strings.IndexFunc(w, isHan) < 0 {
						out[text] = append(out[text], w)
					}
				}
			}
		}
	}
	return out
}

// hintWords are the words of the question that are neither its topic, a
// name nor its words for "how many": the engine's keywords ("assembly",
// "attended", 参加), with their concept's other words in every language
// ("chinesische" is said by "from China"). They do not decide whether a
// passage answers, but help say which of its sentences does.
func (e *Engine) hintWords(q *question) []topicWord {
	asking := slices.Concat(e.message.asksNumber.spans(q.text, q.units), e.message.asksTime.spans(q.text, q.units))
	notHint := func(u unit) bool {
		// "wie viele", 多少, 几点: the question's words, which translate
		// as "Zahl" and "number", say nothing of what it asks about.
		if slices.ContainsFunc(asking, func(span [2]int) bool { return span[0] <= u.start && u.start < span[1] }) {
			return true
		}
		for _, c := range slices.Concat(q.cities, q.modifiers) {
			if slices.ContainsFunc(c.units, func(x unit) bool { return x.start == u.start }) {
				return true
			}
		}
		return slices.ContainsFunc(q.people, func(p *corpus.Person) bool { return strings.Contains(p.Name, u.raw) }) ||
			q.isUnknown(u)
	}
	var texts []string
	for i := 0; i < len(q.content); i++ {
		u := q.content[i]
		if notHint(u) {
			continue
		}
		// A run of Chinese characters is one text, which translate cuts
		// into the dictionary's words.
		j := i
		for u.han && j+1 < len(q.content) && q.content[j+1].han && q.content[j+1].start == endOf(q.content[j]) && !notHint(q.content[j+1]) {
			j++
		}
		texts = append(texts, q.text[u.start:endOf(q.content[j])])
		i = j
	}
	return e.topicOf(texts, nil, e.conceptVariants(texts), q.lang)
}

// topicOf makes topic words of texts, with their index terms in every
// language: the words themselves, the glossary's words of that language
// and the bilingual dictionaries' translations; names marks the names
// among them, which are not translated but may have variants in other
// scripts.
func (e *Engine) topicOf(texts []string, names map[string]bool, variants map[string][]string, lang corpus.Lang) []topicWord {
	var out []topicWord
	for _, text := range texts {
		w := topicWord{text: text, terms: map[corpus.Lang][]string{}, parts: map[corpus.Lang][][]string{}, runs: map[corpus.Lang][][]string{},
			name: names[text], own: searchTerms(e.index.analyze(lang, text))}
		han := strings.ContainsFunc(text, isHan)
		// In each language: the word itself (names and loan words are
		// shared), the glossary's words of that language and the
		// dictionaries' translations.
		for _, l := range corpus.Langs() {
			if !e.index.hasLang(l) {
				continue // no release to search or cover in l
			}
			words := []string{text}
			if !w.name && l != corpus.Chinese && han {
				// Another language's analyser cuts a Chinese word into
				// characters: a German or English text holds it when it
				// holds them in a row ("Shen Jiayi (沈嘉怡)"), not any of
				// them; a Chinese text, indexed in single characters and
				// pairs, holds them all (年 of 青年 in every date).
				if chars := searchTerms(e.index.analyze(l, text)); len(chars) > 0 {
					w.runs[l] = append(w.runs[l], chars)
				}
				words = nil
			}
			for _, v := range variants[text] {
				// A word's variant in Chinese characters is a Chinese
				// word, which another language's analyser would cut
				// into characters (中 and 国 of 中国 are in 德国 too); a
				// name's is looked for whole in any text (parts).
				if w.name || (strings.IndexFunc(v, isHan) >= 0) == (l == corpus.Chinese) {
					words = append(words, v)
				}
			}
			words = append(words, e.translator.translations(text, l)...)
			if spaced := strings.ReplaceAll(text, "-", " "); spaced != text {
				// "the second-prize project": the glossary's "second prize".
				words = append(words, e.translator.translations(spaced, l)...)
			}
			words = append(words, e.programmeNames(text, l)...)
			// A brand's name ("ReCycle") is no word to translate.
			if !w.name && !camelCase(text) {
				words = append(words, e.translate(text, lang, l)...)
			}
			for i, variant := range words {
				e.addVariant(&w, l, variant, l != lang && i > 0)
			}
		}
		if !w.name && lang == corpus.Chinese {
			w.wordy = e.message.functionCharacters.inText(text)
		}
		if !w.name && lang != corpus.Chinese && isRomanisable(text) && !e.bilingual().Headword(text, lang) {
			w.romanised = strings.ToLower(text)
		}
		// A word the question's own language drops as a stop word is
		// no subject, whatever it may mean elsewhere; nor is one with
		// nothing to search for (the "e" of "e-mobility"). A Chinese
		// word that no release's language can say is one, which no
		// passage holds: 芜湖 where all releases are English.
		if len(e.index.analyze(lang, text)) > 0 && (len(w.terms) > 0 || len(w.parts) > 0 || lang == corpus.Chinese && han) {
			out = append(out, w)
		}
	}
	return out
}

// programmeNames are the names in l's script of the programme that
// text names in the other (“蓝环” and "BlueLoop"), if a release gives
// them.
func (e *Engine) programmeNames(text string, l corpus.Lang) []string {
	chinese := strings.ContainsFunc(text, isHan)
	if chinese == (l == corpus.Chinese) {
		return nil
	}
	return e.programmes[strings.ToLower(text)]
}

// addVariant adds the index terms of variant, a form of w in l, to w's:
// as a translation, when it is one, and as a compound's parts.
func (e *Engine) addVariant(w *topicWord, l corpus.Lang, variant string, translation bool) {
	terms := e.index.analyze(l, variant)
	if ts := searchTerms(terms); w.name && len(ts) > 1 && strings.IndexFunc(variant, isHan) >= 0 {
		// A name in Chinese characters is all its characters, not any
		// of them: 希尔德斯海姆 is not found in 德斯 or 海.
		w.parts[l] = append(w.parts[l], ts)
		return
	}
	for _, t := range e.chineseWordTerms(l, variant, searchTerms(terms)) {
		if !slices.Contains(w.terms[l], t) {
			w.terms[l] = append(w.terms[l], t)
		}
	}
	if translation && len(searchTerms(terms)) > 0 {
		w.translated = append(w.translated, searchTerms(terms))
	}
	if parts := compoundParts(terms); len(parts) > 1 {
		w.parts[l] = append(w.parts[l], parts)
		if l == corpus.German && !translation && !w.name {
			w.head = parts[len(parts)-1]
		}
	}
}

// chineseWordTerms keeps, of the character pairs that a run of Chinese
// characters is indexed as, those inside one of its words: 现任 and 总理
// of 现任总理, not 任总, which other words make (主任总结); 奖学 and 学金
// of 奖学金获得者, not 金获. The words are the dictionary's longest, left
// to right.
func (e *Engine) chineseWordTerms(l corpus.Lang, variant string, terms []string) []string {
	runes := []rune(variant)
	if l != corpus.Chinese || len(terms) < 2 || len(terms) != len(runes)-1 || slices.ContainsFunc(runes, func(r rune) bool { return !isHan(r) }) {
		return terms // not a plain run of characters, each pair a term
	}
	var out []string
	for i := 0; i < len(runes); {
		n := e.chineseWordAt(runes, i)
		out = append(out, terms[i:i+n-1]...)
		i += n
	}
	if len(out) == 0 {
		return terms
	}
	return out
}

// withAttestedSenses adds to the topic's words, but for names, their
// senses in the other languages that the releases use, looked up in the
// index together: rarer translations ("Mitarbeiter" is 工作人员 too), and
// a German compound's parts, each in the first of its senses used there,
// all together ("Kooperationsbericht" is 合作 and 报告).
func (e *Engine) withAttestedSenses(ctx context.Context, topic []topicWord, lang corpus.Lang) []topicWord {
	c := e.candidateSenses(topic, lang)
	if len(c.senses) == 0 && len(c.compounds) == 0 && len(c.corrections) == 0 {
		return topic
	}
	known, err := e.index.known(ctx, c.lookup)
	if err != nil {
		return topic // only a help: the common senses are searched
	}
	attested := func(l corpus.Lang, terms []string) bool {
		return !slices.ContainsFunc(terms, func(t string) bool { return !known[l][t] })
	}
	for _, s := range c.senses {
		if attested(s.lang, s.terms) {
			e.addVariant(&topic[s.word], s.lang, s.text, true)
		}
	}
	// A word no release holds, which the dictionaries know spelt
	// otherwise by one slip, is searched for as that word, in every
	// language, when a release holds it in one: "delgation" as
	// "delegation", 代表团; not "Kassel" as "Kessel" where no release
	// speaks of a boiler.
	for _, fix := range c.corrections {
		known := slices.ContainsFunc(fix.senses, func(s otherSense) bool { return len(s.terms) > 0 && attested(s.lang, s.terms) })
		if w := &topic[fix.word]; known && !attested(lang, w.own) {
			for _, s := range fix.senses {
				e.addVariant(w, s.lang, s.text, s.lang != lang)
			}
		}
	}
	for _, cp := range c.compounds {
		if group := attestedParts(cp, attested); len(group) > 1 {
			w := &topic[cp.word]
			w.parts[cp.lang] = append(w.parts[cp.lang], group)
		}
	}
	return topic
}

// otherSense is a sense of topic word number word in language lang, and
// the terms it is searched by.
type otherSense struct {
	word  int
	lang  corpus.Lang
	text  string
	terms []string
}

// compoundSenses are the senses of a German compound's parts in
// language lang: each part's senses, each sense's terms.
type compoundSenses struct {
	word  int
	lang  corpus.Lang
	parts [][][]string
}

// correction is the senses of the word a topic word misspells: the word
// itself in the question's language, its translations in the others.
type correction struct {
	word   int
	senses []otherSense
}

// sensesToAttest is what withAttestedSenses asks the index about: the
// senses, compounds and corrections of the topic's words, and all their
// terms by language.
type sensesToAttest struct {
	senses      []otherSense
	compounds   []compoundSenses
	corrections []correction
	lookup      map[corpus.Lang][]string
}

// candidateSenses gathers the topic words' senses in the other
// languages, their compounds' parts and their corrections.
func (e *Engine) candidateSenses(topic []topicWord, lang corpus.Lang) *sensesToAttest {
	c := &sensesToAttest{lookup: map[corpus.Lang][]string{}}
	for i, w := range topic {
		if w.name || w.titled || camelCase(w.text) {
			continue
		}
		// A German word in small letters is a verb or an adjective, whose
		// forms the dictionary lacks ("gewonnen" is no slip of "gewinnen").
		if !w.spelled && (lang == corpus.English || lang == corpus.German && w.noun) {
			if fix, ok := e.correctionOf(i, w.text, lang); ok {
				c.corrections = append(c.corrections, fix)
				c.lookup[lang] = append(c.lookup[lang], w.own...)
				for _, s := range fix.senses {
					c.lookup[s.lang] = append(c.lookup[s.lang], s.terms...)
				}
			}
		}
		for _, l := range corpus.Langs() {
			if l != lang && e.index.hasLang(l) {
				e.addOtherSenses(c, i, w.text, lang, l)
			}
		}
	}
	return c
}

// correctionOf is the correction of topic word number i, text, if the
// dictionaries know it spelt otherwise by one slip.
func (e *Engine) correctionOf(i int, text string, lang corpus.Lang) (correction, bool) {
	right, ok := e.bilingual().Correct(text, lang)
	if !ok {
		return correction{}, false
	}
	c := correction{word: i, senses: []otherSense{{word: i, lang: lang, text: right, terms: searchTerms(e.index.analyze(lang, right))}}}
	for _, l := range corpus.Langs() {
		if l != lang && e.index.hasLang(l) {
			for _, t := range e.translate(right, lang, l) {
				c.senses = append(c.senses, otherSense{word: i, lang: l, text: t, terms: searchTerms(e.index.analyze(l, t))})
			}
		}
	}
	return c, true
}

// addOtherSenses adds the rarer senses in language l of topic word
// number i, text, and, for a German word, its compound parts' senses.
func (e *Engine) addOtherSenses(c *sensesToAttest, i int, text string, lang, l corpus.Lang) {
	for _, sense := range e.rareSenses(text, lang, l) {
		if terms := searchTerms(e.index.analyze(l, sense)); len(terms) > 0 {
			c.senses = append(c.senses, otherSense{word: i, lang: l, text: sense, terms: terms})
			c.lookup[l] = append(c.lookup[l], terms...)
		}
	}
	if lang != corpus.German {
		return
	}
	if parts := e.partSenses(text, l); len(parts) > 1 {
		c.compounds = append(c.compounds, compoundSenses{word: i, lang: l, parts: parts})
		for _, part := range parts {
			c.lookup[l] = append(c.lookup[l], slices.Concat(part...)...)
		}
	}
}

// attestedParts is the terms of a compound's parts, each part in the
// first of its senses the releases use, or nil if one part has none.
func attestedParts(c compoundSenses, attested func(corpus.Lang, []string) bool) []string {
	var group []string
	for _, part := range c.parts {
		i := slices.IndexFunc(part, func(terms []string) bool { return attested(c.lang, terms) })
		if i < 0 {
			return nil
		}
		group = append(group, part[i]...)
	}
	return group
}

// partSenses are the senses in to of each part of a German compound,
// best first, each as its index terms; nil if it is no compound or a
// part has no translation.
func (e *Engine) partSenses(word string, to corpus.Lang) [][][]string {
	spans := compoundSpans(e.index.analyze(corpus.German, word))
	if len(spans) < 2 {
		return nil
	}
	runes := []rune(strings.ToLower(word))
	var out [][][]string
	for _, t := range spans {
		if t.start < 0 || t.end > len(runes) {
			return nil
		}
		var senses [][]string
		for _, tr := range e.translateSenses(string(runes[t.start:t.end]), corpus.German, to, maxAttested, minAttestedWeight) {
			if terms := searchTerms(e.index.analyze(to, tr)); len(terms) > 0 {
				senses = append(senses, terms)
			}
		}
		if len(senses) == 0 {
			return nil
		}
		out = append(out, senses)
	}
	return out
}

// maxTranslations bounds the translations of a word used in a search,
// and minWeight the weight of the rarest sense used: "Messe" is a fair,
// not the Mass.
const (
	maxTranslations = 3
	minWeight       = 0.3
)

// A rarer sense is used when the releases use it: up to maxAttested
// translations down to minAttestedWeight, each only if the index holds
// all its words in that language. "Preis" is a price first, but a prize
// where a release awards one (奖项); a sense no release uses finds
// nothing anyway.
const (
	maxAttested       = 8
	minAttestedWeight = 0.1
)

// translate translates a word of a question in lang into to: a Chinese
// word as a whole or, if the dictionary lacks it, in its longest
// dictionary words (氢能工作组 is 氢能 and 工作组); a Latin word from the
// question's language, or from German or English when it asks in
// Chinese or the word is of the other ("Youth Camp" in a German
// question).
func (e *Engine) translate(word string, lang, to corpus.Lang) []string {
	return e.translateSenses(word, lang, to, maxTranslations, minWeight)
}

// rareSenses are the translations of a word into to beyond those
// translate gives, down to a weight of minAttestedWeight.
func (e *Engine) rareSenses(word string, lang, to corpus.Lang) []string {
	common := e.translate(word, lang, to)
	var rare []string
	for _, t := range e.translateSenses(word, lang, to, maxAttested, minAttestedWeight) {
		if utf8.RuneCountInString(t) == 1 {
			continue // a character (生 of "student") is in too many words to tell
		}
		if !slices.Contains(common, t) && !slices.Contains(rare, t) {
			rare = append(rare, t)
		}
	}
	return rare
}

// translateSenses is translate with up to limit senses of each word
// looked up, down to the weight floor.
func (e *Engine) translateSenses(word string, lang, to corpus.Lang, limit int, floor float64) []string {
	var out []string
	add := func(from corpus.Lang, w string) bool {
		found := false
		for i, t := range e.bilingual().Translate(w, from, to) {
			if i < limit && t.Weight >= floor {
				out = append(out, t.Word)
				found = true
			}
		}
		return found
	}
	if strings.IndexFunc(word, isHan) >= 0 {
		if to == corpus.Chinese {
			return nil
		}
		if !add(corpus.Chinese, word) {
			for _, part := range e.chineseWords(word) {
				add(corpus.Chinese, part)
			}
		}
		return out
	}
	for _, from := range []corpus.Lang{lang, corpus.German, corpus.English} {
		if from != to && from != corpus.Chinese && add(from, word) {
			break
		}
	}
	return out
}

// chineseWords cuts a run of Chinese characters into the longest words
// the dictionary knows, left to right.
func (e *Engine) chineseWords(run string) []string {
	runes := []rune(run)
	var out []string
	for i := 0; i < len(runes); {
		n := e.chineseWordAt(runes, i)
		if n > 1 {
			out = append(out, string(runes[i:i+n]))
		}
		i += n
	}
	return out
}

// chineseWordAt is how many characters the longest word of the
// dictionary at runes[i:] has, up to four; 1 if none.
func (e *Engine) chineseWordAt(runes []rune, i int) int {
	n := min(4, len(runes)-i)
	for ; n > 1; n-- {
		if e.isChineseWord(string(runes[i : i+n])) {
			break
		}
	}
	return max(n, 1)
}

// searchTerms keeps the terms of a word worth searching for: not a single
// Latin letter (the "e" of "E-Mobilität"), and not the single characters
// of a Chinese word whose character pairs are there ("电动汽车" is found
// by 电动, 动汽 and 汽车; 车 alone is in a great many passages).
// The parts of a compound are no terms of their own here: see
// compoundParts.
func searchTerms(terms []term) []string {
	pairs := slices.ContainsFunc(terms, func(t term) bool {
		return utf8.RuneCountInString(t.text) == 2 && strings.IndexFunc(t.text, isHan) >= 0
	})
	var out []string
	for _, t := range terms {
		single := utf8.RuneCountInString(t.text) == 1
		if t.part || single && (pairs || !isHan([]rune(t.text)[0])) {
			continue
		}
		out = append(out, t.text)
	}
	return out
}

// compoundParts are the parts of the compound a one-word text is, if it
// is one.
func compoundParts(terms []term) []string {
	var out []string
	for _, t := range compoundSpans(terms) {
		if !slices.Contains(out, t.text) {
			out = append(out, t.text)
		}
	}
	return out
}

// compoundSpans are the parts of a compound among its terms, in order.
// The filter gives every word of the dictionary inside the compound
// (wasserstoff, erst, stoff, farb, arbeit, grupp); its parts are the
// longest that do not overlap (wasserstoff, arbeit, grupp).
func compoundSpans(terms []term) []term {
	var parts []term
	for _, t := range terms {
		// The compound itself may be a word of the dictionary
		// ("Abfallwirtschaft"): no part of it.
		whole := slices.ContainsFunc(terms, func(w term) bool { return !w.part && w.start == t.start && w.end == t.end })
		if t.part && !whole {
			parts = append(parts, t)
		}
	}
	slices.SortStableFunc(parts, func(a, b term) int { return cmp.Compare(b.end-b.start, a.end-a.start) })
	var kept []term
	for _, t := range parts {
		if !slices.ContainsFunc(kept, func(k term) bool { return t.start < k.end && k.start < t.end }) {
			kept = append(kept, t)
		}
	}
	slices.SortFunc(kept, func(a, b term) int { return cmp.Compare(a.start, b.start) })
	return kept
}

func (e *Engine) passageByID(id string) *passage {
	releaseID, kind, index, ok := parseDocID(id)
	if !ok {
		return nil
	}
	r := e.releases[releaseID]
	if r == nil {
		return nil
	}
	p, ok := passageAt(e.full(r), kind, index)
	if !ok {
		return nil
	}
	return &p
}

func (e *Engine) termSet(lang corpus.Lang, text string) termSet {
	set := termSet{terms: map[string]bool{}, lang: lang}
	if lang == corpus.Chinese {
		set.chinese = text
	}
	for _, t := range e.index.analyze(lang, text) {
		set.terms[t.text] = true
		set.sequence = append(set.sequence, t.text)
	}
	return set
}

// passageAnswer quotes the sentences of a passage that cover the topic
// best.
func (e *Engine) passageAnswer(q *question, best candidate, topic []topicWord) answer.Answer {
	found, text := best.found, best.sentence
	r := found.p.Release
	src := releaseSource(r)
	src.Snippet, src.Highlights = e.snippet(r.Lang, text, topic)
	// An item of a list is quoted after the sentence that announces the
	// list, which says what it is about.
	texts := []string{strings.TrimSpace(e.listHead(found.p) + " " + text)}
	if best.also != "" {
		texts = append(texts, best.also)
	}
	said := fromRelease(q.lang, r, texts)
	// The reader may not read the release's language: what it says, in
	// theirs, before the quote; a number only when it counts what was
	// asked about (30 places are no 30 applications).
	// And only when the sentence itself holds most of what the question
	// is about: a date next to a word of it may be another event's.
	confidence := confidenceNoTopic + (confidenceWholeTopic-confidenceNoTopic)*found.coverage
	switch {
	case found.coverage < minSureCoverage || best.cover < minSentenceCover && found.coverage < 1:
		said = msg(q.lang, "passage.closest") + " " + said
		confidence = min(confidence, confidenceClosest)
	case r.Lang != q.lang && best.cover >= minFactCover && (q.expects != aNumber || best.count != ""):
		var fact string
		switch q.expects {
		case aNumber:
			// "19 member cities", not the 58 applications before it;
			// only a number that reads the same in the asker's language,
			// or a Chinese numeral, in digits (三十六 is 36).
			if readsAlike(best.count, r.Lang, q.lang) {
				fact = best.count
			} else if n := chineseNumber(best.count); n > 0 {
				fact = strconv.Itoa(n)
			}
		default:
			fact = e.factIn(text, q.expects, q)
		}
		if fact != "" {
			said = msg(q.lang, "passage.fact", fact) + " " + said
		}
	}
	return answer.Answer{
		Answered:   true,
		Text:       said + e.releaseDaysSaid(q, r, texts),
		Confidence: confidence,
		Sources:    []answer.Source{src},
		Kind:       answer.KindPassage,
	}
}

// releaseDaysSaid says which days the quoted texts of release r name by
// their distance from its date, each once, so that the reader need not
// count them out: "am kommenden Dienstag" is 21 July 2037. Not for a
// question how long, which "in two weeks' time" answers as a length.
func (e *Engine) releaseDaysSaid(q *question, r *corpus.Release, texts []string) string {
	if q.asksDuration {
		return ""
	}
	var b strings.Builder
	said := map[string]bool{}
	for _, text := range texts {
		for _, d := range e.learner.cues.releaseDays(text) {
			gloss := msg(q.lang, "passage.release_day", text[d.start:d.end], d.date(r.Date).Format(q.lang))
			if !said[gloss] {
				said[gloss] = true
				b.WriteString(" " + gloss)
			}
		}
	}
	return b.String()
}

// readsAlike reports whether a number written in from reads the same in
// to: digits alone, or with separators that both write alike ("1,150"
// in English and Chinese). Not "acht", "530万" or "2,5 Millionen", whose
// words do not; nor the German "5.000", which in English is five.
func readsAlike(number string, from, to corpus.Lang) bool {
	if number == "" || strings.ContainsFunc(number, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != ',' }) {
		return false
	}
	if !strings.ContainsAny(number, ".,") {
		return true
	}
	german := func(l corpus.Lang) bool { return l == corpus.German }
	return german(from) == german(to)
}

// quoteAnswer gives up to two passages in which the person asked about
// speaks, whole, in the order of the release.
func (e *Engine) quoteAnswer(q *question, found []scoredPassage, topic []topicWord) answer.Answer {
	r := found[0].p.Release
	var picked []*passage
	for _, f := range found {
		if f.p.Release.ID == r.ID && len(picked) < 2 {
			picked = append(picked, f.p)
		}
	}
	slices.SortFunc(picked, func(a, b *passage) int { return a.Index - b.Index })
	texts := make([]string, len(picked))
	for i, p := range picked {
		texts[i] = p.Text
	}
	src := releaseSource(r)
	src.Snippet, src.Highlights = e.snippet(r.Lang, texts[0], topic)
	return answer.Answer{Answered: true, Text: fromRelease(q.lang, r, texts), Confidence: 0.8, Sources: []answer.Source{src}, Kind: answer.KindPassage}
}

// fromRelease introduces quoted text with the release it comes from, and
// its language when the reader asked in another.
func fromRelease(lang corpus.Lang, r *corpus.Release, texts []string) string {
	date := corpus.DateOf(r.Date).Format(lang)
	open, close, sep := "„", "“", " "
	switch lang {
	case corpus.English:
		open, close = "“", "”"
	case corpus.Chinese:
		open, close, sep = "“", "”", ""
	}
	quoted := make([]string, len(texts))
	for i, text := range texts {
		quoted[i] = text
		// A passage that opens with a quotation is quoted already.
		if r, _ := utf8.DecodeRuneInString(text); !isQuotationMark(r) {
			quoted[i] = open + text + close
		}
	}
	if r.Lang == lang {
		return msg(lang, "fromRelease.same_language", r.Title, date, strings.Join(quoted, sep))
	}
	return msg(lang, "fromRelease.other_language", r.Title, date, languageName(lang, r.Lang), strings.Join(quoted, sep))
}

// splitSentences cuts text after a full stop, question or exclamation mark
// that ends a sentence: not after abbreviations such as "a. D." or "u.a."
// or the dot of a date.
func splitSentences(text string) []string {
	var out []string
	start := 0
	runes := []rune(text)
	pos := 0 // byte offset of runes[i]
	for i, r := range runes {
		// The size as written: a byte that is no UTF-8 is one rune
		// (utf8.RuneError) of one byte, not of three.
		_, size := utf8.DecodeRuneInString(text[pos:])
		end := pos + size
		switch r {
		case '。', '！', '？':
			out = append(out, strings.TrimSpace(text[start:end]))
			start = end
		case '.', '!', '?':
			next := i + 1
			// "?" and "!" end a Chinese sentence too once NFKC made
			// them half-width: "吗?其中".
			if r != '.' && next < len(runes) && isHan(runes[next]) ||
				next < len(runes) && runes[next] == ' ' && next+1 < len(runes) && (unicode.IsUpper(runes[next+1]) || unicode.IsDigit(runes[next+1]) || runes[next+1] == '„' || runes[next+1] == '"') && !abbreviationBefore(runes[:i]) {
				out = append(out, strings.TrimSpace(text[start:end]))
				start = end
			}
		}
		pos = end
	}
	if rest := strings.TrimSpace(text[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// abbreviationBefore reports whether the word before a full stop is an
// abbreviation or an ordinal number: "a. D.", "u.a.", "Dr.", "Do.",
// "11."; not a number of four digits or more, a year that ends a
// sentence, nor a short word that ends one: the particle of a German
// verb ("nahm den Antrag an."), a Chinese surname ("said Li.").
func abbreviationBefore(before []rune) bool {
	// The word is the letters, digits and dots before the stop: not a
	// bracket or Chinese text it is written against ("博士（Dr. Katrin").
	i := len(before)
	for i > 0 && isWordOfAbbreviation(before[i-1]) {
		i--
	}
	word := string(before[i:])
	// Digits written against a colon end a time ("um 10:30."), not an
	// ordinal.
	if word == "" || i > 0 && !unicode.IsSpace(before[i-1]) && strings.Trim(word, "0123456789") == "" {
		return false
	}
	if strings.Contains(word, ".") {
		return true
	}
	// Of a word joined by hyphens, the last part is shortened: the
	// initial of "Hans-J.", the "Tel." of "Service-Tel.".
	if i := strings.LastIndex(word, "-"); i >= 0 {
		word = word[i+1:]
		if word == "" || strings.Trim(word, "0123456789") == "" {
			return false // the end of a range or a number: "2036-2038.", "5557-20."
		}
	}
	if utf8.RuneCountInString(word) == 1 {
		return true
	}
	for _, r := range word {
		if !unicode.IsDigit(r) {
			return slices.Contains(abbreviations, word)
		}
	}
	// A German ordinal ("am 31. Januar"), but not a year, which ends a
	// sentence ("bis einschließlich 31. Januar 2030. Einen …").
	return utf8.RuneCountInString(word) < 4
}

// isWordOfAbbreviation reports whether r may be part of the word before
// a full stop that abbreviationBefore weighs: a letter, digit, dot or
// hyphen ("Dr.-Ing.", "Dipl.-Kfm."), not a Chinese character.
func isWordOfAbbreviation(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-') && !isHan(r)
}

// abbreviations are the words a full stop shortens that may stand before
// a capital: titles, German weekdays, "Nr.", "Fa.", "Mio.". Not the
// English weekdays: "Sun" is a surname too ("given by Sun. Questions
// followed.").
var abbreviations = []string{
	"Dr", "Prof", "St", "Nr", "No", "bzw", "ca", "Mr", "Mrs", "Ms", "Hr", "Fr", "Jr", "Sr", "Co", "Fa", "Tel", "vgl", "usw", "vs", "ff", "Bd", "Jh",
	"Abs", "Str", "Mio", "Mrd", "Tsd", "Mo", "Di", "Mi", "Do", "Sa", "So", "sog", "ehem", "inkl", "zzgl", "evtl",
}

// snippet cuts text to a window around the first topic word and marks
// every topic word in it.
func (e *Engine) snippet(lang corpus.Lang, text string, topic []topicWord) (string, []answer.Span) {
	var (
		spans []answer.Span
		words []int // the topic word each span matched
	)
	var whole term // the word a compound's part is of
	for _, t := range e.index.analyze(lang, text) {
		if !t.part {
			whole = t
		}
		set := termSet{terms: map[string]bool{t.text: true}}
		for i, w := range topic {
			if w.foundIn(set) {
				// A part marks its whole compound: "Hilfsmitteln", not
				// "Hilfsmittel" and an "n".
				spans = append(spans, answer.Span{Start: whole.start, End: whole.end})
				words = append(words, i)
				break
			}
		}
	}
	if utf8.RuneCountInString(text) <= snippetRunes {
		return text, mergeSpans(spans)
	}
	// Start a little before the match that begins the window with the
	// most different topic words, at a word boundary.
	from := 0
	if len(spans) > 0 {
		best, bestCount := 0, 0
		for i, sp := range spans {
			distinct := map[int]bool{}
			for j := i; j < len(spans); j++ {
				if utf8.RuneCountInString(text[sp.Start:spans[j].End]) <= snippetRunes-40 {
					distinct[words[j]] = true
				}
			}
			n := len(distinct)
			if n > bestCount {
				best, bestCount = i, n
			}
		}
		from = spans[best].Start
		for back := 0; from > 0 && back < 40; back++ {
			_, size := utf8.DecodeLastRuneInString(text[:from])
			from -= size
		}
		if i := strings.IndexByte(text[from:], ' '); from > 0 && i >= 0 && i < 20 {
			from += i + 1
		}
	}
	to := from
	for n := 0; to < len(text) && n < snippetRunes; n++ {
		_, size := utf8.DecodeRuneInString(text[to:])
		to += size
	}
	prefix, suffix := "", ""
	if from > 0 {
		prefix = "…"
	}
	if to < len(text) {
		suffix = "…"
	}
	var out []answer.Span
	for _, s := range spans {
		if s.Start >= from && s.End <= to {
			out = append(out, answer.Span{Start: s.Start - from + len(prefix), End: s.End - from + len(prefix)})
		}
	}
	return prefix + text[from:to] + suffix, mergeSpans(out)
}

func mergeSpans(spans []answer.Span) []answer.Span {
	var out []answer.Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}
