package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// SCOWL's sizes of word lists: 10 holds the most common English words,
// 95 the rarest.
var scowlSizes = []int{10, 20, 35, 40, 50, 55, 60, 70, 80, 95}

// unlisted is the level of a word SCOWL does not list.
const unlisted = 100

// scowlCategories are the lists read: words of all spellings, and those
// written with a capital (lower-cased here).
var scowlCategories = []string{
	"english-words", "english-upper", "american-words", "american-upper", "british-words", "british-upper",
	"british_z-words", "canadian-words", "variant_1-words",
}

// readSCOWL reads the final word lists of SCOWL in dir (such as
// english-words.35) into the smallest size that holds each word.
func readSCOWL(dir string) (map[string]int, error) {
	level := map[string]int{}
	for _, size := range scowlSizes {
		for _, cat := range scowlCategories {
			path := filepath.Join(dir, cat+"."+strconv.Itoa(size))
			f, err := os.Open(path)
			if os.IsNotExist(err) {
				continue
			}
			if err != nil {
				return nil, err
			}
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				w := strings.ToLower(strings.TrimSpace(sc.Text()))
				if _, ok := level[w]; !ok && w != "" {
					level[w] = size
				}
			}
			err = sc.Err()
			f.Close()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
		}
	}
	if len(level) == 0 {
		return nil, fmt.Errorf("%s: no SCOWL word lists", dir)
	}
	return level, nil
}

// readOpenThesaurus reads the terms of OpenThesaurus's text form, a
// group of synonyms a line separated by semicolons, normalised as
// FreeDict's headwords are.
func readOpenThesaurus(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	words := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		for term := range strings.SplitSeq(sc.Text(), ";") {
			if w, ok := germanHead(term); ok {
				words[w] = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(words) == 0 {
		return nil, fmt.Errorf("%s: no terms", path)
	}
	return words, nil
}

// vocabulary tells the common words: English ones by SCOWL's level,
// Chinese ones by jieba's count, German ones by OpenThesaurus.
type vocabulary struct {
	level    map[string]int  // SCOWL
	freq     map[string]int  // jieba
	german   map[string]bool // OpenThesaurus
	maxLevel int             // the largest level of a common English word
	minFreq  int             // the least count of a common Chinese word
}

// englishLevel is the level of an English term: of its rarest word, a
// hyphenated word as its parts ("e-mobility"); "of", "for" and "and"
// between words do not count.
func (v *vocabulary) englishLevel(term string) int {
	l := 0
	for _, w := range strings.Fields(term) {
		if joins[w] {
			continue
		}
		wl, ok := v.level[w]
		if !ok {
			wl = 0
			for _, part := range strings.Split(w, "-") {
				pl, ok := v.level[part]
				if !ok || len(part) < 2 {
					pl = unlisted
				}
				wl = max(wl, pl)
			}
		}
		l = max(l, wl)
	}
	return l
}

func (v *vocabulary) commonEnglish(term string) bool { return v.englishLevel(term) <= v.maxLevel }

// commonChinese tells a Chinese word jieba counts often, or one of three
// characters or more made of such words, one of them not a single
// character: jieba leaves out compounds it cuts up anyway (副市长 is 副
// and 市长, 可持续发展 可持续 and 发展).
func (v *vocabulary) commonChinese(word string) bool {
	if v.freq[word] >= v.minFreq {
		return true
	}
	r := []rune(word)
	if len(r) < 3 {
		return false
	}
	// split[i]: r[:i] splits into common words; long[i]: one of them is
	// longer than a character.
	split, long := make([]bool, len(r)+1), make([]bool, len(r)+1)
	split[0] = true
	for i := 1; i <= len(r); i++ {
		for j := range i {
			if split[j] && (j > 0 || i < len(r)) && v.freq[string(r[j:i])] >= v.minFreq {
				split[i] = true
				long[i] = long[i] || long[j] || i-j > 1
			}
		}
	}
	return split[len(r)] && long[len(r)]
}

// keepCommon keeps the words a press office may write, and the
// translations of them that are common words too, but for the best of
// each word, whatever it is:
//
//   - English words of SCOWL's common sizes, and phrases of them that
//     FreeDict has too or whose best Chinese translation is common (not
//     CC-CEDICT's glosses such as "make heavier");
//   - Chinese words that jieba counts often, or that are the best
//     translation of a common English word or phrase (循环经济, circular
//     economy);
//   - German words of OpenThesaurus, or translated by a common English
//     word, or by an English phrase that CC-CEDICT has too ("press
//     release");
//   - English phrases for German only if CC-CEDICT has them, or if they
//     are the best translation of a German word kept.
func (d *dicts) keepCommon(v *vocabulary) {
	for en, trs := range d.enZh {
		_, phrase := d.enDe[en] // FreeDict has the phrase too
		phrase = phrase || v.commonChinese(trs[0].word)
		if !v.commonEnglish(en) || strings.Contains(en, " ") && !phrase {
			delete(d.enZh, en)
		}
	}
	best := map[string]bool{}
	for _, trs := range d.enZh {
		best[trs[0].word] = true
	}
	for zh := range d.zhEn {
		if !v.commonChinese(zh) && !best[zh] {
			delete(d.zhEn, zh)
		}
	}
	commonTr := func(tr translation) bool {
		if strings.Contains(tr.word, " ") {
			_, ok := d.enZh[tr.word]
			return ok
		}
		return v.commonEnglish(tr.word)
	}
	for de, trs := range d.deEn {
		if !v.german[de] && !slices.ContainsFunc(trs, commonTr) {
			delete(d.deEn, de)
		}
	}
	clear(best)
	for _, trs := range d.deEn {
		best[trs[0].word] = true
	}
	for en := range d.enDe {
		keep := v.commonEnglish(en)
		if strings.Contains(en, " ") {
			_, ok := d.enZh[en]
			keep = keep && (ok || best[en])
		}
		if !keep {
			delete(d.enDe, en)
		}
	}
	dropRare(d.deEn, v.commonEnglish)
	dropRare(d.zhEn, v.commonEnglish)
	dropRare(d.enDe, func(de string) bool { _, ok := d.deEn[de]; return ok })
	dropRare(d.enZh, func(zh string) bool { _, ok := d.zhEn[zh]; return ok })
}

// dropRare drops the translations that are not common, but for the best
// of each word.
func dropRare(t table, common func(string) bool) {
	for w, trs := range t {
		out := trs[:1]
		for _, tr := range trs[1:] {
			if common(tr.word) {
				out = append(out, tr)
			}
		}
		reweigh(out)
		t[w] = out
	}
}
