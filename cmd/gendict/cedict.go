package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type cedictEntry struct {
	Simplified string   `json:"simplified"`
	Pinyin     string   `json:"pinyin"`
	English    []string `json:"english"`
}

// Senses of CC-CEDICT that are no translation.
var cedictSkip = []string{"variant of ", "old variant of", "surname ", "used in ", "CL:", "classifier for", "see ", "see also", "abbr. for", "Taiwan pr.", "also pr.", "also written"}

// Marks at the start of a CC-CEDICT sense: what they do to its weight,
// and what kind of mark they are.
var cedictMarks = map[string]mark{
	"archaic": {0, 0}, "arch.": {0, 0}, "old": {0, 0}, "obsolete": {0, 0}, "vulgar": {0, 0}, "abbr.": {0, 0}, "name": {0, 0},
	"bird species of China": {0.5, special}, "botany": {0.5, special}, "zoology": {0.5, special},
	"anatomy": {0.5, special}, "TCM": {0.5, special}, "mineralogy": {0.5, special},
	"literary": {0.5, rare}, "dialect": {0.5, rare}, "Tw": {0.5, rare}, "Cantonese": {0.5, rare},
	"coll.": {0.5, plain}, "slang": {0.5, plain}, "Internet slang": {0.5, plain}, "bound form": {0.5, plain},
	"derog.": {0.5, plain}, "loanword": {0.5, plain}, "onom.": {0.5, plain}, "fig.": {0.7, plain}, "idiom": {0.5, plain},
}

// idiomMarks mark a sense of a saying: a headword of four characters or
// more with such a sense is an idiom (成语) and left out.
var idiomMarks = []string{"(idiom", "(proverb", "(saying", "(set phrase"}

// buildChinese makes the Chinese–English lexicon from CC-CEDICT, ranking
// English–Chinese by freq, how often jieba's corpus has the Chinese word.
func buildChinese(path string, freq map[string]int, log io.Writer) (*lexicon, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var entries []cedictEntry
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	fmt.Fprintf(log, "CC-CEDICT: %d entries\n", len(entries))

	pairs := map[[2]string]*candidate{}
	var cands []*candidate
	idioms := 0
	for _, e := range entries {
		head := e.Simplified
		if !isHan(head) || isProperName(e.Pinyin) {
			continue
		}
		if utf8.RuneCountInString(head) >= 4 && slices.ContainsFunc(e.English, isIdiom) {
			idioms++
			continue
		}
		rank := 0
		seen := map[string]bool{}
		for _, sense := range e.English {
			if skipSense(sense) {
				continue
			}
			m := cedictMark(sense)
			if m.factor == 0 {
				continue
			}
			for _, part := range strings.Split(sense, ";") {
				en, ok := englishTerm(part, false)
				if !ok {
					continue
				}
				k := [2]string{head, en}
				c := pairs[k]
				if c == nil {
					c = &candidate{from: head, to: en, order: len(cands)}
					pairs[k] = c
					cands = append(cands, c)
				}
				if !seen[en] { // a later sense of the same word counts for its part of speech only
					seen[en] = true
					c.prior = max(c.prior, m.factor/float64(1+rank))
					c.kind |= m.kind
					rank++
				}
				// CC-CEDICT writes verbs "to exchange", and 交流 is
				// "to exchange" and "exchange".
				if strings.HasPrefix(removeBracketed(part), "to ") {
					c.pos |= posVerb
				} else {
					c.pos |= posOther
				}
			}
		}
	}
	fmt.Fprintf(log, "CC-CEDICT: %d idioms left out\n", idioms)

	// English–Chinese: a common word before a rare one, so that "study"
	// is 研究 (research; a study) and 学习 (to learn; to study) before
	// 书房 (study room), though "study" is the first sense only of the
	// last.
	// English–Chinese: a common word before a rare one, so that "study"
	// is 研究 (research; a study) and 学习 (to learn; to study) before
	// 书房 (study room), though "study" is the first sense only of the
	// last; the weight of a sense counts less than how common the word
	// is, and a single character, which jieba counts in words too, less.
	enZhScore := func(c *candidate) float64 {
		s := math.Sqrt(c.prior) * math.Pow(float64(1+freq[c.from]), 0.3)
		if utf8.RuneCountInString(c.from) == 1 {
			s *= 0.3
		}
		return s
	}
	return &lexicon{
		toEn:   rank(cands, false, func(c *candidate) float64 { return c.prior }),
		fromEn: rank(cands, true, enZhScore),
	}, nil
}

func isIdiom(sense string) bool {
	return slices.ContainsFunc(idiomMarks, func(m string) bool { return strings.Contains(sense, m) })
}

func skipSense(s string) bool {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "variant of ") {
		return true
	}
	for _, p := range cedictSkip {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// cedictMark reads the marks in front of a sense: "(literary) trip".
func cedictMark(s string) mark {
	m := mark{factor: 1}
	s = strings.TrimSpace(s)
	for strings.HasPrefix(s, "(") {
		label, rest, ok := strings.Cut(s[1:], ")")
		if !ok {
			break
		}
		if x, ok := cedictMarks[label]; ok {
			m.factor *= x.factor
			m.kind |= x.kind
		} else if strings.HasPrefix(label, "abbr.") {
			m.factor = 0
		}
		s = strings.TrimSpace(rest)
	}
	if m.kind == 0 || m.kind&(special|rare) != 0 {
		m.kind &^= plain
	}
	if m.kind == 0 {
		m.kind = plain
	}
	return m
}

// readJieba reads the word frequencies of jieba's dict.txt: "word count
// tag" a line.
func readJieba(path string) (map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	freq := map[string]int{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s:%d: want word and count", path, line)
		}
		n, err := strconv.Atoi(fields[1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		freq[fields[0]] += n
	}
	return freq, sc.Err()
}

// isProperName: CC-CEDICT writes the pinyin of names with a capital.
func isProperName(pinyin string) bool {
	r, _ := utf8.DecodeRuneInString(pinyin)
	return unicode.IsUpper(r)
}

func isHan(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}
