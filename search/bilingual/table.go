package bilingual

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"

	"github.com/isa-alliance/isabot/corpus"
)

// Parts of speech of a pair, as far as the pivot through English needs
// them: "Abfall" is "waste" the noun and 浪费 "to waste", so Abfall is
// not 浪费. A pair of unknown part of speech is both.
const (
	posVerb  uint8 = 1 << iota // the pair is a verb: "austauschen" — "exchange"
	posOther                   // it is no verb: "Austausch" — "exchange"
	posAny   = posVerb | posOther
)

// hit is a translation with the part of speech of its pair.
type hit struct {
	word   string
	weight float64
	pos    uint8
	made   bool // from the translations of its parts, not from the files
}

// table is the dictionary of one direction: the file's text and where
// each word's line starts.
type table struct {
	from, to corpus.Lang
	text     string
	heads    []uint32 // offset of each word's line, in word order
}

// parseTable checks the lines of a dictionary file and notes where each
// starts: a word, parts of speech and translations, the words in order,
// each once, a word's translations each given once.
func parseTable(name string, dir direction, text string) (*table, error) {
	if int64(len(text)) > 1<<32-1 {
		return nil, &corpus.FileError{Path: name, Err: errors.New("file too large")}
	}
	t := &table{from: dir.from, to: dir.to, text: text, heads: make([]uint32, 0, len(text)/30)}
	var errs []error
	fail := func(line int, format string, args ...any) {
		if len(errs) < 10 { // a broken file need not be listed whole
			errs = append(errs, &corpus.FileError{Path: name, Line: line, Err: fmt.Errorf(format, args...)})
		}
	}
	var prev string
	for e := range entries(text) {
		word, err := checkLine(e.text)
		if err != nil {
			fail(e.lineNo, "%v", err)
			continue
		}
		if word <= prev {
			fail(e.lineNo, "%q comes after %q: want the words sorted, each once", word, prev)
			continue
		}
		t.heads = append(t.heads, uint32(e.start))
		prev = word
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(t.heads) == 0 {
		return nil, &corpus.FileError{Path: name, Err: errors.New("no translations")}
	}
	t.heads = slices.Clip(t.heads)
	return t, nil
}

// indexTable notes where each line of a dictionary file starts, as
// parseTable does, without checking the lines: for the embedded files,
// which the tests check.
func indexTable(dir direction, text string) *table {
	t := &table{from: dir.from, to: dir.to, text: text, heads: make([]uint32, 0, len(text)/30)}
	for e := range entries(text) {
		t.heads = append(t.heads, uint32(e.start))
	}
	t.heads = slices.Clip(t.heads)
	return t
}

// entry is a line of a dictionary file that is neither empty nor a
// comment: its number, where it starts, and its text.
type entry struct {
	lineNo, start int
	text          string
}

// entries yields the entries of a dictionary file in order.
func entries(text string) iter.Seq[entry] {
	return func(yield func(entry) bool) {
		for lineNo, off := 1, 0; off < len(text); lineNo++ {
			start := off
			line, rest := nextLine(text[off:])
			off = len(text) - len(rest)
			if line != "" && line[0] != '#' && !yield(entry{lineNo, start, line}) {
				return
			}
		}
	}
}

// nextLine cuts the first line off text. The lines are short, and a
// plain loop finds their end faster than strings.IndexByte.
func nextLine(text string) (line, rest string) {
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			return text[:i], text[i+1:]
		}
	}
	return text, ""
}

// checkLine checks "word<TAB>parts of speech<TAB>translation<TAB>…" and
// returns the word: one to MaxTranslations translations, none empty or
// given twice, and a letter for each, v (the pair is a verb), n (it is
// not) or - (either), or one letter for all.
func checkLine(line string) (string, error) {
	word, pos, trs, ok := splitLine(line)
	if !ok {
		return "", errors.New("want a word, parts of speech and translations separated by tabs")
	}
	if word == "" {
		return "", errors.New("empty word")
	}
	var seen [MaxTranslations]string
	n := 0
	for rest := trs; ; {
		tr, more, found := strings.Cut(rest, "\t")
		switch {
		case tr == "":
			return "", fmt.Errorf("empty translation of %q", word)
		case n == MaxTranslations:
			return "", fmt.Errorf("%q has more than %d translations", word, MaxTranslations)
		case slices.Contains(seen[:n], tr):
			return "", fmt.Errorf("%q is given twice for %q", tr, word)
		}
		seen[n] = tr
		n++
		if !found {
			break
		}
		rest = more
	}
	if len(pos) != 1 && len(pos) != n || pos == "" || strings.Trim(pos, "vn-") != "" {
		return "", fmt.Errorf("parts of speech %q: want v, n or - for all or for each of the %d translations", pos, n)
	}
	return word, nil
}

// splitLine cuts a line into its word, its parts of speech and its
// translations, still separated by tabs.
func splitLine(line string) (word, pos, trs string, ok bool) {
	word, rest, ok1 := strings.Cut(line, "\t")
	pos, trs, ok2 := strings.Cut(rest, "\t")
	return word, pos, trs, ok1 && ok2
}

// weights of a word's translations in their order: 1, 1/2, 1/3, …
var weights = [MaxTranslations]float64{1, 0.5, 0.333, 0.25, 0.2, 0.167, 0.143, 0.125}

// partOfSpeech reads a letter of the parts of speech.
func partOfSpeech(c byte) uint8 {
	switch c {
	case 'v':
		return posVerb
	case 'n':
		return posOther
	}
	return posAny
}

// word returns the word of the line at off.
func (t *table) word(off uint32) string {
	line := t.text[off:]
	return line[:strings.IndexByte(line, '\t')]
}

// find returns the index of word in heads.
func (t *table) find(word string) (int, bool) {
	return slices.BinarySearchFunc(t.heads, word, func(off uint32, w string) int {
		return strings.Compare(t.word(off), w)
	})
}

// translations returns the translations of the i-th word.
func (t *table) translations(i int) []hit {
	line, _ := nextLine(t.text[t.heads[i]:])
	_, pos, trs, _ := splitLine(line)
	out := make([]hit, 0, len(pos))
	for j, tr := range strings.Split(trs, "\t") {
		out = append(out, hit{word: tr, weight: weights[j], pos: partOfSpeech(pos[min(j, len(pos)-1)])})
	}
	return out
}

// weight returns the weight of tr among the translations of word, 0 if
// it is none of them.
func (t *table) weight(word, tr string) float64 {
	i, ok := t.find(word)
	if !ok {
		return 0
	}
	for _, h := range t.translations(i) {
		if h.word == tr {
			return h.weight
		}
	}
	return 0
}

// lookup finds word as it is, else by its stem, else, in German, as a
// form of a verb. An English plural the dictionary glosses with one word
// only is its singular's too, after that word: CC-CEDICT glosses 会众 as
// "participants", and 参与者 as "participant". A plural with senses of
// its own ("means", "news", "customs") keeps them alone.
func (t *table) lookup(word string) []hit {
	if i, ok := t.find(word); ok {
		tr := t.translations(i)
		if j, ok := t.singular(word); ok && len(tr) == 1 {
			for _, h := range t.translations(j) {
				if h.word != tr[0].word {
					// Below the plural's own, and half as likely, where
					// hits of several words are sorted by weight (pivot:
					// "Protokoll" is "minutes", 纪要, before "minute").
					h.weight = min(h.weight, tr[0].weight) / 2
					tr = append(tr, h)
				}
			}
		}
		return tr
	}
	stem := stemmers[t.from]
	if stem == nil {
		return nil
	}
	if tr := t.byStem(word, stem); tr != nil {
		return tr
	}
	// A plural that no word of its stem translates is its singular:
	// "fees" is fee, whose stem is too short to be looked up by.
	if i, ok := t.singular(word); ok {
		return t.translations(i)
	}
	if t.from == corpus.German {
		return t.verb(word)
	}
	return nil
}

// singular finds the singular of an English plural: "participants" is
// participant, "cities" city, "boxes" box.
func (t *table) singular(word string) (int, bool) {
	if t.from != corpus.English || !strings.HasSuffix(word, "s") || len(word) < minPlural {
		return 0, false
	}
	for _, end := range []string{"ss", "us", "is"} {
		if strings.HasSuffix(word, end) {
			return 0, false // "class", "campus", "analysis"
		}
	}
	for _, ending := range [][2]string{{"ies", "y"}, {"s", ""}, {"es", ""}} {
		if stem, ok := strings.CutSuffix(word, ending[0]); ok && stem != "" {
			if i, ok := t.find(stem + ending[1]); ok {
				return i, true
			}
		}
	}
	return 0, false
}

// minPlural is the shortest English word singular takes for a plural:
// "its" is no plural of "it".
const minPlural = 4

// byStem merges the translations of the words that share word's stem,
// each translation with its best weight.
func (t *table) byStem(word string, stem func(string) string) []hit {
	key := stemPhrase(word, stem)
	// The lemma of an inflected word is usually the word less its ending:
	// words that begin word come first, the longest first ("investments"
	// is investment before invest; "Straßen" is Straße, not Strass), then
	// the others, the shortest first ("Abfällen" is Abfall before
	// abfallen, "Städte" Stadt before Städter).
	type sibling struct {
		head, length int
		prefix       bool
	}
	var sibs []sibling
	for _, i := range t.sameStem(word, key, stem) {
		w := t.word(t.heads[i])
		sibs = append(sibs, sibling{i, len(w), strings.HasPrefix(word, w)})
	}
	if len(sibs) == 0 {
		return nil
	}
	slices.SortStableFunc(sibs, func(a, b sibling) int {
		switch {
		case a.prefix != b.prefix:
			if a.prefix {
				return -1
			}
			return 1
		case a.prefix:
			return cmp.Compare(b.length, a.length)
		}
		return cmp.Compare(a.length, b.length)
	})
	// The first word's translations keep their weights; another's count
	// half as much, the third's a third.
	var all []hit
	for rank, s := range sibs {
		for _, tr := range t.translations(s.head) {
			tr.weight = round3(tr.weight / float64(1+rank))
			i := slices.IndexFunc(all, func(x hit) bool { return x.word == tr.word })
			if i < 0 {
				all = append(all, tr)
			} else {
				all[i].weight = max(all[i].weight, tr.weight)
				all[i].pos |= tr.pos
			}
		}
	}
	slices.SortStableFunc(all, func(a, b hit) int { return cmp.Compare(b.weight, a.weight) })
	return all[:min(len(all), MaxTranslations)]
}

// maxScan bounds the words that one lookup by stem stems.
const maxScan = 4000

// sameStem returns the indexes of the words whose stem is key. Such a
// word begins like word itself or like its stem, less the last letter
// (the stem of "cities" is "citi", of "Abfällen" "abfall"), so only the
// words of those two ranges of the sorted list are stemmed: no index of
// stems is built or kept.
func (t *table) sameStem(word, key string, stem func(string) string) []int {
	var out []int
	var prefixes []string
	keyLen := len([]rune(key))
	for _, p := range []string{word, key} {
		r := []rune(p)
		n := min(len(r), keyLen) - 1
		if n < 3 || slices.Contains(prefixes, string(r[:n])) {
			continue
		}
		prefix := string(r[:n])
		prefixes = append(prefixes, prefix)
		lo, _ := slices.BinarySearchFunc(t.heads, prefix, func(off uint32, p string) int {
			return strings.Compare(t.word(off), p)
		})
		for i := lo; i < len(t.heads) && i < lo+maxScan; i++ {
			w := t.word(t.heads[i])
			if !strings.HasPrefix(w, prefix) {
				break
			}
			if !slices.Contains(out, i) && stemPhrase(w, stem) == key {
				out = append(out, i)
			}
		}
	}
	return out
}

// round3 keeps three decimals, as the files do.
func round3(w float64) float64 { return math.Round(w*1000) / 1000 }
