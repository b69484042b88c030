package search

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// The press office's curated answers (corpus.Curated) answer the same or
// a close question before anything else does: the press office said so
// itself. A curated question is read once, as any question is, into what
// the engine understood of it; a question asked is compared with it in
// the curated question's language, its words translated there (and the
// curated question's into the asker's) with the lexicon and the bilingual
// dictionaries, so that "When is the next youth camp?" finds the answer
// to "Wann findet das nächste Jugendcamp statt?".

// curatedEntry is a curated answer and what the engine read of its
// question.
type curatedEntry struct {
	corpus.Curated
	// lang is the question's language, which may not be the answer's
	// (Lang): a liaison may answer an English question in German.
	lang corpus.Lang
	read curatedReading
}

// curatedReading is what two questions are compared by: the kind of fact asked
// for, the names (cities, regions, people, numbers) that must be the
// same, the concepts, and the words no keyword explains.
type curatedReading struct {
	text     string // folded
	expects  answerType
	names    []string
	concepts []concept
	words    []curatedWord
}

// curatedWord is a word (or a run of Chinese characters) of a question
// that no keyword explains: its text, its index terms in its own
// language, and whether it carries the subject (a noun), so that it must
// be matched.
type curatedWord struct {
	text    string
	terms   []string
	subject bool
	// in are its terms in the other languages (see termsIn).
	in map[corpus.Lang][]string
}

// The thresholds of a match: the share of both questions' concepts and
// words that the other holds, and how many words that do not carry the
// subject each may leave unmatched.
const (
	curatedMinScore  = 0.75
	curatedLooseWord = 1
)

// conceptKin folds concepts that ask the same of a curated answer:
// "加入" (join) and "Mitglied" (member).
var conceptKin = map[concept]concept{cJoin: cMember}

// curatedIgnored are the concepts that say nothing of what is asked.
var curatedIgnored = []concept{cStop, cAlliance, cGreeting, cTopic}

// SetCurated makes list the curated answers, replacing those before; the
// next question is compared with them.
func (e *Engine) SetCurated(list []corpus.Curated) {
	e.mu.RLock()
	entries := make([]curatedEntry, 0, len(list))
	for _, c := range list {
		lang, _ := DetectLang(c.Question)
		entries = append(entries, curatedEntry{Curated: c, lang: lang, read: e.readCurated(e.read(cleanQuestion(c.Question), lang))})
	}
	e.mu.RUnlock()
	e.mu.Lock()
	e.curated = entries
	e.mu.Unlock()
}

// readCurated keeps of q what two questions are compared by.
func (e *Engine) readCurated(q *question) curatedReading {
	r := curatedReading{text: fold(q.text), expects: q.expects}
	for _, c := range q.cities {
		r.names = append(r.names, "city:"+c.city.Name)
	}
	for _, reg := range q.regions {
		r.names = append(r.names, "region:"+reg.Key)
	}
	for _, p := range q.people {
		r.names = append(r.names, "person:"+p.Name)
	}
	for _, n := range slices.Concat(q.years, q.numbers) {
		r.names = append(r.names, "number:"+strconv.Itoa(n))
	}
	slices.Sort(r.names)
	r.names = slices.Compact(r.names)
	for c, ok := range q.has {
		if k, kin := conceptKin[concept(c)]; kin {
			c = int(k)
		}
		if ok && !slices.Contains(curatedIgnored, concept(c)) && !slices.Contains(r.concepts, concept(c)) {
			r.concepts = append(r.concepts, concept(c))
		}
	}
	for i := 0; i < len(q.unknown); i++ {
		u, j := q.unknown[i], i
		for j+1 < len(q.unknown) && sameWord(q.unknown[j], q.unknown[j+1]) {
			j++
		}
		text := q.text[u.start:endOf(q.unknown[j])]
		i = j
		// A German noun is written with a capital; a Chinese word of
		// two characters or more is most often a noun too.
		subject := u.han && utf8.RuneCountInString(text) > 1 || !u.han && q.lang == corpus.German && u.capital && u.start > 0
		w := curatedWord{text: text, terms: searchTerms(e.index.analyze(q.lang, text)), subject: subject, in: map[corpus.Lang][]string{}}
		if len(w.terms) == 0 {
			continue
		}
		for _, l := range corpus.Langs() {
			if l != q.lang {
				w.in[l] = e.termsIn(w, q.lang, l)
			}
		}
		r.words = append(r.words, w)
	}
	return r
}

// curatedFor returns the curated answer to q, if one answers it.
func (e *Engine) curatedFor(q *question) (*curatedEntry, bool) {
	if len(e.curated) == 0 {
		return nil, false
	}
	asked := e.readCurated(q)
	var best *curatedEntry
	bestScore := 0.0
	for i := range e.curated {
		c := &e.curated[i]
		score := e.curatedScore(asked, q.lang, c.read, c.lang)
		if score > bestScore || score == bestScore && best != nil && best.Date.Before(c.Date) {
			best, bestScore = c, score
		}
	}
	return best, bestScore >= curatedMinScore
}

// curatedScore compares the question asked, in lang, with a curated one
// in its language: 0 when they ask for another kind of fact or name other
// things, or when either has a subject word the other lacks or too many
// other words; else the share of concepts and words matched on both
// sides.
func (e *Engine) curatedScore(asked curatedReading, lang corpus.Lang, cur curatedReading, curLang corpus.Lang) float64 {
	if asked.text == cur.text {
		return 1
	}
	if asked.expects != cur.expects || !slices.Equal(asked.names, cur.names) {
		return 0
	}
	concepts := 0
	for _, c := range asked.concepts {
		if slices.Contains(cur.concepts, c) {
			concepts++
		}
	}
	// Each side's words, matched against the other's: either's terms in
	// the other's language.
	meet := func(w curatedWord, wLang corpus.Lang, o curatedWord, oLang corpus.Lang) bool {
		if wLang == oLang {
			return termsMeet(w.terms, o.terms)
		}
		return termsMeet(w.terms, o.in[wLang]) || termsMeet(w.in[oLang], o.terms)
	}
	matched := func(words []curatedWord, in corpus.Lang, other []curatedWord, from corpus.Lang) (int, bool) {
		n, loose := 0, 0
		for _, w := range words {
			if slices.ContainsFunc(other, func(o curatedWord) bool { return meet(w, in, o, from) }) {
				n++
				continue
			}
			if w.subject {
				return 0, false
			}
			loose++
		}
		return n, loose <= curatedLooseWord
	}
	nAsked, okAsked := matched(asked.words, lang, cur.words, curLang)
	nCur, okCur := matched(cur.words, curLang, asked.words, lang)
	if !okAsked || !okCur || len(cur.words) > 0 && nCur == 0 {
		return 0
	}
	all := len(asked.concepts) + len(cur.concepts) + len(asked.words) + len(cur.words)
	if all == 0 {
		return 0
	}
	return float64(2*concepts+nAsked+nCur) / float64(all)
}

// termsIn are the index terms of a word of a question in from, in the
// language to: its own, or those of its translations by the glossary and
// the bilingual dictionaries, directly and through English.
func (e *Engine) termsIn(w curatedWord, from, to corpus.Lang) []string {
	words := slices.Concat([]string{w.text}, e.translator.translations(w.text, to), e.translate(w.text, from, to))
	if from != corpus.English && to != corpus.English {
		// Through English too: the German-Chinese dictionary reads
		// "kostet" as a form of "kosen", the English one 费用 as "cost".
		for _, en := range e.translate(w.text, from, corpus.English) {
			words = append(words, e.translate(en, corpus.English, to)...)
		}
	}
	var out []string
	for _, t := range words {
		out = append(out, searchTerms(e.index.analyze(to, t))...)
	}
	return out
}

// termsMeet reports whether two lists of index terms share one: the same
// term, or a Latin one of four letters or more that begins or ends the
// other (the "Camp" of "Jugendcamp", the stem "kost" of "kostet").
func termsMeet(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
			short, long := x, y
			if len(short) > len(long) {
				short, long = long, short
			}
			if utf8.RuneCountInString(short) >= 4 && strings.IndexFunc(short, isHan) < 0 &&
				(strings.HasPrefix(long, short) || strings.HasSuffix(long, short)) {
				return true
			}
		}
	}
	return false
}

// curated is the route table's answer function for the curated answers.
func curated(_ context.Context, e *Engine, q *question) (answer.Answer, bool, error) {
	c, ok := e.curatedFor(q)
	if !ok {
		return answer.Answer{}, false, nil
	}
	text := c.Answer
	if c.Lang != q.lang {
		// The press office answered in another language: said so in the
		// asker's.
		text = msg(q.lang, curatedInLang[c.Lang]) + "\n" + text
	}
	return answer.Answer{
		Answered:   true,
		Text:       text,
		Confidence: confidenceCurated,
		Kind:       answer.KindCurated,
		Sources:    []answer.Source{{Title: msg(q.lang, "curated.source"), Date: c.Date, Ref: "curated:" + c.ID}},
	}, true, nil
}

// confidenceCurated is a curated answer's: the press office's own word,
// to a question that may be only close to the one it answered.
const confidenceCurated = 0.85

// curatedInLang says, in the asker's language, in which language the
// press office answered.
var curatedInLang = map[corpus.Lang]string{
	corpus.German: "curated.in_german", corpus.English: "curated.in_english", corpus.Chinese: "curated.in_chinese",
}
