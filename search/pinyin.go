package search

import (
	_ "embed" // the readings of Chinese characters
	"strings"
	"sync"
)

// pinyinFile is data/pinyin.tsv: each Chinese character and its reading
// in Hanyu Pinyin without tones (cmd/genpinyin, PINYIN-LICENSE.md).
//
//go:embed data/pinyin.tsv
var pinyinFile string

// readings are pinyinFile's readings by character, read the first time a
// name needs them: only a release that names someone in characters alone
// does.
var readings = sync.OnceValue(func() map[rune]string {
	table := make(map[rune]string, strings.Count(pinyinFile, "\n"))
	for line := range strings.Lines(pinyinFile) {
		char, reading, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		if r := []rune(char); len(r) == 1 {
			table[r[0]] = reading
		}
	}
	return table
})

// latinName writes a Chinese name in Latin letters as Chinese names are
// written in them, the surname (of surnameLen characters) first and the
// given name in one word: 陈思远 is "Chen Siyuan". It returns "" when a
// character has no reading.
func latinName(name string, surnameLen int) string {
	var surname, given strings.Builder
	for i, r := range []rune(name) {
		reading, ok := readings()[r]
		if !ok {
			return ""
		}
		if i < surnameLen {
			surname.WriteString(reading)
		} else {
			given.WriteString(reading)
		}
	}
	if surname.Len() == 0 || given.Len() == 0 {
		return ""
	}
	return capitalize(surname.String()) + " " + capitalize(given.String())
}
