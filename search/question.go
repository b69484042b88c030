package search

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
)

// A question is read in three steps: it is cut into units (Latin words,
// folded, and single Chinese characters), the units are matched against a
// dictionary of keywords and names (longest match first, then word
// prefixes, then small typos), and what is left unmatched is kept, because
// it tells the engine what the question is about beyond what it knows.

// unit is a Latin word or one Chinese character of a question.
type unit struct {
	raw     string // as typed
	key     string // folded word, or the character itself
	han     bool
	capital bool
	start   int // byte offset in the question
	// word numbers the glossary word a Chinese character belongs to, so
	// that 牛年祝福 is read as two subjects, not one.
	word int
	// outside marks a word for something the data holds nothing on
	// ("Kosten"): an answer from a release must speak of it.
	outside bool
	// afield marks an outside word far from the alliance's work: the
	// weather, a share price (cAfield).
	afield bool
}

func segment(q string) []unit {
	var out []unit
	start := -1
	emit := func(end int) {
		if start < 0 {
			return
		}
		raw := strings.Trim(q[start:end], "'’")
		// An English possessive names its owner: "Rong Qiang's role".
		if base, ok := cutPossessive(raw); ok {
			raw = base
		}
		if raw != "" {
			r, _ := utf8.DecodeRuneInString(raw)
			out = append(out, unit{raw: raw, key: fold(raw), capital: unicode.IsUpper(r), start: start})
		}
		start = -1
	}
	for i, r := range q {
		switch {
		case isHan(r):
			emit(i)
			out = append(out, unit{raw: string(r), key: string(r), han: true, start: i})
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’':
			if start < 0 {
				start = i
			}
		default:
			emit(i)
		}
	}
	emit(len(q))
	return out
}

// cutPossessive cuts the "'s" off "Qiang's".
func cutPossessive(word string) (string, bool) {
	for _, s := range []string{"'s", "’s"} {
		if base, ok := strings.CutSuffix(word, s); ok && len(base) > 1 {
			return base, true
		}
	}
	return word, false
}

// keyUnits cuts a keyword or name into units the way segment cuts a
// question.
func keyUnits(s string) []string {
	units := segment(s)
	keys := make([]string, len(units))
	for i, u := range units {
		keys[i] = u.key
	}
	return keys
}

// sense is one meaning of a dictionary entry: a concept, or a city, region
// or person of the corpus.
type sense struct {
	concept concept
	city    *corpus.City
	region  *corpus.Region
	person  *corpus.Person
	// weak marks a city of the gazetteer that is no member: its name may
	// be a word ("Halle", "和平"), so it counts in questions about
	// membership only.
	weak bool
	// lang is the only language of the questions in which the keyword
	// has its meaning, if any: "stand" is a German stop word only.
	lang corpus.Lang
}

// ofLanguage reports whether a sense holds in a question in lang. A
// Chinese question's Latin words may be German or English.
func (s sense) ofLanguage(lang corpus.Lang) bool {
	return s.lang == "" || s.lang == lang || lang == corpus.Chinese || lang == ""
}

type entry struct {
	units  []string
	prefix bool // the last unit matches any word it begins
	senses []sense
}

// dictionary finds keywords and names in questions.
type dictionary struct {
	byFirst  map[string][]*entry // exact entries by first unit, longest first
	prefixes []*entry
	// wordsByFirst holds single Latin words and prefixes, for typo
	// matching, by their first letter: a typo keeps the first letter.
	wordsByFirst map[rune][]*entry
	// Chinese words of two or more characters, for typo matching, by
	// their first character and by its readings.
	hanByFirst   map[rune][]*entry
	hanByReading map[string][]*entry
}

func newDictionary() *dictionary {
	return &dictionary{
		byFirst:      map[string][]*entry{},
		wordsByFirst: map[rune][]*entry{},
		hanByFirst:   map[rune][]*entry{},
		hanByReading: map[string][]*entry{},
	}
}

// clone returns a copy of d that can be added to without changing d: its
// entries copied, each once, wherever d holds it.
func (d *dictionary) clone() *dictionary {
	c := newDictionary()
	copied := map[*entry]*entry{}
	entryOf := func(e *entry) *entry {
		if x, ok := copied[e]; ok {
			return x
		}
		x := &entry{units: e.units, prefix: e.prefix, senses: slices.Clone(e.senses)}
		copied[e] = x
		return x
	}
	entries := func(list []*entry) []*entry {
		out := make([]*entry, len(list))
		for i, e := range list {
			out[i] = entryOf(e)
		}
		return out
	}
	for k, list := range d.byFirst {
		c.byFirst[k] = entries(list)
	}
	c.prefixes = entries(d.prefixes)
	for k, list := range d.wordsByFirst {
		c.wordsByFirst[k] = entries(list)
	}
	for k, list := range d.hanByFirst {
		c.hanByFirst[k] = entries(list)
	}
	for k, list := range d.hanByReading {
		c.hanByReading[k] = entries(list)
	}
	return c
}

// addExact registers s with meaning m, to be found as written only, not
// with a typo; a name that is already an entry (a keyword, a stop word, a
// member's name) keeps its meanings.
func (d *dictionary) addExact(s string, m sense) {
	units := keyUnits(s)
	if len(units) == 0 {
		return
	}
	list := d.byFirst[units[0]]
	if slices.ContainsFunc(list, func(e *entry) bool { return slices.Equal(e.units, units) }) {
		return
	}
	list = append(list, &entry{units: units, senses: []sense{m}})
	slices.SortStableFunc(list, func(a, b *entry) int { return len(b.units) - len(a.units) })
	d.byFirst[units[0]] = list
}

// add registers s with meaning m. A trailing "*" makes s a prefix.
func (d *dictionary) add(s string, m sense) {
	prefix := strings.HasSuffix(s, "*")
	units := keyUnits(strings.TrimSuffix(s, "*"))
	if len(units) == 0 {
		return
	}
	if prefix && len(units) == 1 {
		for _, e := range d.prefixes {
			if e.units[0] == units[0] {
				e.senses = appendSense(e.senses, m)
				return
			}
		}
		e := &entry{units: units, prefix: true, senses: []sense{m}}
		d.prefixes = append(d.prefixes, e)
		first, _ := utf8.DecodeRuneInString(units[0])
		d.wordsByFirst[first] = append(d.wordsByFirst[first], e)
		return
	}
	list := d.byFirst[units[0]]
	for _, e := range list {
		if slices.Equal(e.units, units) && e.prefix == prefix {
			e.senses = appendSense(e.senses, m)
			return
		}
	}
	e := &entry{units: units, prefix: prefix, senses: []sense{m}}
	list = append(list, e)
	slices.SortStableFunc(list, func(a, b *entry) int { return len(b.units) - len(a.units) })
	d.byFirst[units[0]] = list
	if len(units) == 1 {
		if isHan([]rune(units[0])[0]) {
			return
		}
		first, _ := utf8.DecodeRuneInString(units[0])
		d.wordsByFirst[first] = append(d.wordsByFirst[first], e)
	} else if m.concept != cStop && allHan(units) {
		first := []rune(units[0])[0]
		d.hanByFirst[first] = append(d.hanByFirst[first], e)
		for _, r := range readings()[first] {
			d.hanByReading[r] = append(d.hanByReading[r], e)
		}
	}
}

func appendSense(list []sense, m sense) []sense {
	if slices.Contains(list, m) {
		return list
	}
	return append(list, m)
}

func allHan(units []string) bool {
	for _, u := range units {
		r, _ := utf8.DecodeRuneInString(u)
		if !isHan(r) {
			return false
		}
	}
	return true
}

// match is a dictionary entry found in a question.
type match struct {
	from, to int // units [from, to)
	senses   []sense
	fuzzy    bool // found despite a typo
	// prefix marks a fuzzy match of the beginning of a keyword
	// ("gegründ*"); keyword is the keyword a fuzzy match of one word
	// found.
	prefix  bool
	keyword string
	// partial marks a match of a keyword's beginning by a longer word
	// ("beitritt*" of "Beitrittsurkunde").
	partial bool
}

// means reports whether a match of the dictionary means concept c.
func (m match) means(c concept) bool {
	return slices.ContainsFunc(m.senses, func(s sense) bool { return s.concept == c })
}

// find matches the dictionary against the question's units from left to
// right, longest match first. Units no entry covers are left out.
func (d *dictionary) find(units []unit) []match {
	var out []match
	for i := 0; i < len(units); {
		if m, ok := d.exactAt(units, i); ok {
			out = append(out, m)
			i = m.to
			continue
		}
		if m, ok := d.prefixAt(units, i); ok {
			out = append(out, m)
			i = m.to
			continue
		}
		if m, ok := d.fuzzyAt(units, i); ok {
			out = append(out, m)
			i = m.to
			continue
		}
		i++
	}
	return out
}

func (d *dictionary) exactAt(units []unit, i int) (match, bool) {
	exact, ok := d.exactFrom(units, i)
	// The longer wins: "city halls" is the phrase "city hall", not the
	// keyword "city".
	if inflected, found := d.inflectedFrom(units, i); found && (!ok || inflected.to > exact.to) {
		return inflected, true
	}
	if ok {
		return exact, true
	}
	return d.genitiveAt(units, i)
}

// inflectedFrom matches a glossary phrase whose last word the question
// inflects: "hydrogen refuelling stations" is the phrase "hydrogen
// refuelling station". Not a keyword's phrase, whose words may begin
// others: "Gibt es Seiten" is no "gibt es seit".
func (d *dictionary) inflectedFrom(units []unit, i int) (match, bool) {
	return d.entryFrom(units, i,
		func(e *entry) bool { return len(e.units) > 1 && !e.prefix && onlyTopic(e.senses) },
		func(_ *entry, u unit, k string) bool { return !u.han && inflectionOf(u.key, k) })
}

// onlyTopic reports whether every sense is a glossary word's.
func onlyTopic(senses []sense) bool {
	return !slices.ContainsFunc(senses, func(s sense) bool { return s.concept != cTopic })
}

// genitiveAt matches a name in the German genitive, a capitalised word
// with an s added: "Dortmunds Vollmitgliedschaft", "Wuhus Pläne".
func (d *dictionary) genitiveAt(units []unit, i int) (match, bool) {
	u := units[i]
	base, ok := strings.CutSuffix(u.key, "s")
	if u.han || !u.capital || !ok || len(base) < 3 {
		return match{}, false
	}
	// A one-word name: the entries of several words cannot match one unit.
	m, ok := d.exactFrom([]unit{{raw: u.raw, key: base, capital: true, start: u.start}}, 0)
	if !ok || !slices.ContainsFunc(m.senses, func(s sense) bool { return s.city != nil || s.region != nil || s.person != nil }) {
		return match{}, false
	}
	m.from, m.to = i, i+1
	return m, true
}

func (d *dictionary) exactFrom(units []unit, i int) (match, bool) {
	return d.entryFrom(units, i, func(*entry) bool { return true },
		func(e *entry, u unit, k string) bool { return u.key == k || e.prefix && strings.HasPrefix(u.key, k) })
}

// entryFrom matches the first entry, longest first, that keep accepts and
// whose units are the question's from i, in one script: each as written
// but the last, which lastMatches compares.
func (d *dictionary) entryFrom(units []unit, i int, keep func(*entry) bool, lastMatches func(e *entry, u unit, key string) bool) (match, bool) {
	for _, e := range d.byFirst[units[i].key] {
		n := len(e.units)
		if i+n > len(units) || !keep(e) {
			continue
		}
		ok := true
		for j, k := range e.units {
			u := units[i+j]
			same := u.key == k
			if j == n-1 {
				same = lastMatches(e, u, k)
			}
			if !same || (j > 0 && u.han != units[i].han) {
				ok = false
				break
			}
		}
		if ok {
			return match{from: i, to: i + n, senses: e.senses}, true
		}
	}
	return match{}, false
}

// inflectionEndings are the endings of plurals and cases by which a
// phrase's last word is inflected ("refuelling stations", "Neuen
// Seidenstraßen").
const inflectionEndings = "s es e n en"

// inflectionOf reports whether a Latin word is base, of four letters or
// more, with an inflection's ending.
func inflectionOf(word, base string) bool {
	ending, ok := strings.CutPrefix(word, base)
	return ok && utf8.RuneCountInString(base) >= 4 && slices.Contains(strings.Fields(inflectionEndings), ending)
}

// baseForms are the words of four letters or more that a Latin word is
// with an inflection's ending added.
func baseForms(word string) []string {
	var out []string
	for _, ending := range strings.Fields(inflectionEndings) {
		if base, ok := strings.CutSuffix(word, ending); ok && inflectionOf(word, base) {
			out = append(out, base)
		}
	}
	return out
}

func (d *dictionary) prefixAt(units []unit, i int) (match, bool) {
	u := units[i]
	if u.han {
		return match{}, false
	}
	var best *entry
	for _, e := range d.prefixes {
		if strings.HasPrefix(u.key, e.units[0]) && (best == nil || len(e.units[0]) > len(best.units[0])) {
			best = e
		}
	}
	if best == nil {
		return match{}, false
	}
	return match{from: i, to: i + 1, senses: best.senses, partial: u.key != best.units[0]}, true
}

// fuzzyAt forgives typos: a Latin word within its typo budget of a known
// word or prefix with the same first letter (typos rarely hit the first
// letter, and "Wetter" must not become "letter"), or Chinese characters
// that differ from a known word in one character of the same sound, the
// typo a pinyin keyboard makes (成园 for 成员).
func (d *dictionary) fuzzyAt(units []unit, i int) (match, bool) {
	u := units[i]
	if u.han {
		return d.fuzzyHanAt(units, i)
	}
	n := utf8.RuneCountInString(u.key)
	budget := typoBudget(n)
	if budget == 0 || isNumber(u.key) {
		return match{}, false
	}
	var (
		best     *entry
		bestDist = budget + 1
	)
	// At equal distance a whole word beats a prefix (a typo in a word is
	// likelier than in the start of a longer one), and a name or keyword
	// beats a stop word; then the first entry added wins, so that the
	// reading never depends on map order.
	rank := func(e *entry) int {
		r := 0
		if e.prefix {
			r += 2
		}
		if isStopEntry(e) {
			r++
		}
		return r
	}
	consider := func(e *entry, dist int) {
		if dist < bestDist || (dist == bestDist && best != nil && rank(e) < rank(best)) {
			best, bestDist = e, dist
		}
	}
	runes := []rune(u.key)
	for _, e := range d.wordsByFirst[runes[0]] {
		if !e.prefix {
			consider(e, editDistance(u.key, e.units[0], budget))
			continue
		}
		p := e.units[0]
		pn := utf8.RuneCountInString(p)
		if pn < 5 {
			continue
		}
		for l := pn - 1; l <= pn+1 && l <= len(runes); l++ {
			if d := editDistance(string(runes[:l]), p, 1); d <= 1 {
				consider(e, d)
			}
		}
	}
	if best == nil {
		return match{}, false
	}
	return match{from: i, to: i + 1, senses: best.senses, fuzzy: true, prefix: best.prefix, keyword: best.units[0]}, true
}

func (d *dictionary) fuzzyHanAt(units []unit, i int) (match, bool) {
	// A candidate either starts with the typed character (the typo comes
	// later) or with a character that sounds like it (the typo is first).
	first := []rune(units[i].key)[0]
	candidates := slices.Clone(d.hanByFirst[first])
	for _, r := range readings()[first] {
		candidates = append(candidates, d.hanByReading[r]...)
	}
	// A character that starts a word of its own is not a typo: 成谁 is not
	// 成都, as 谁 is a word.
	startsWord := map[int]bool{}
	starts := func(k int) bool {
		v, ok := startsWord[k]
		if !ok {
			_, v = d.exactAt(units, k)
			startsWord[k] = v
		}
		return v
	}
	var found *entry
	for _, e := range candidates {
		n := len(e.units)
		if i+n > len(units) || e == found {
			continue
		}
		diff := 0
		for j, k := range e.units {
			u := units[i+j]
			switch {
			case !u.han || (j > 0 && starts(i+j)):
				diff = n
			case u.key != k:
				diff++
				if !d.homophones([]rune(u.key)[0], []rune(k)[0]) {
					diff = n
				}
			}
			if diff > 1 {
				break
			}
		}
		if diff == 1 {
			if found != nil {
				return match{}, false // ambiguous: better no guess
			}
			found = e
		}
	}
	if found == nil {
		return match{}, false
	}
	return match{from: i, to: i + len(found.units), senses: found.senses, fuzzy: true}, true
}

// homophones reports whether a typed character shares a reading with a
// character of the dictionary, tones aside.
func (d *dictionary) homophones(typed, known rune) bool {
	for _, x := range readings()[typed] {
		if slices.Contains(readings()[known], x) {
			return true
		}
	}
	return false
}

func sameFirst(word string, r rune) bool {
	first, _ := utf8.DecodeRuneInString(word)
	return first == r
}

// isStop reports whether a unit, as written, is a stop word alone.
func (d *dictionary) isStop(u unit) bool {
	m, ok := d.exactAt([]unit{u}, 0)
	return ok && onlyStop(m.senses)
}

func isStopEntry(e *entry) bool { return onlyStop(e.senses) }

// onlyStop reports whether senses mean nothing but a stop word, in some
// language or other.
func onlyStop(senses []sense) bool {
	return !slices.ContainsFunc(senses, func(s sense) bool { return s.concept != cStop })
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}
