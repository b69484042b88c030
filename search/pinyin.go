package search

import (
	_ "embed" // the readings of Chinese characters
	"slices"
	"strings"
	"sync"
)

// pinyinFile is data/pinyin.tsv: each Chinese character and its readings
// in Hanyu Pinyin without tones, the most common first (cmd/genpinyin,
// PINYIN-LICENSE.md).
//
//go:embed data/pinyin.tsv
var pinyinFile string

// readings are pinyinFile's readings by character, read once, when the
// dictionary is built (its Chinese words by sound, for typos) or a name
// needs them first: a release that names someone in characters alone, a
// question with Chinese words nothing else explained (placeTable.bySound).
var readings = sync.OnceValue(func() map[rune][]string {
	table := make(map[rune][]string, strings.Count(pinyinFile, "\n"))
	for line := range strings.Lines(pinyinFile) {
		char, all, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		if r := []rune(char); len(r) == 1 {
			table[r[0]] = strings.Fields(all)
		}
	}
	return table
})

// pinyinSyllables are the readings of all characters.
var pinyinSyllables = sync.OnceValue(func() map[string]bool {
	all := map[string]bool{}
	for _, rs := range readings() {
		for _, r := range rs {
			all[r] = true
		}
	}
	return all
})

// romanisedChinese reports whether a name is written in syllables of
// Hanyu Pinyin, word by word: "Luo Zhijian", not "Malte Eschenbach".
func romanisedChinese(name string) bool {
	words := strings.Fields(strings.ToLower(name))
	return len(words) > 0 && !slices.ContainsFunc(words, func(w string) bool { return !syllables(w) })
}

// syllables reports whether word splits into syllables of Hanyu Pinyin.
func syllables(word string) bool {
	splits := make([]bool, len(word)+1) // splits[i]: word[:i] splits
	splits[0] = true
	for i := 1; i <= len(word); i++ {
		for j := max(0, i-6); j < i && !splits[i]; j++ {
			splits[i] = splits[j] && pinyinSyllables()[word[j:i]]
		}
	}
	return splits[len(word)]
}

// commonReading is the most common reading of a Chinese character, if
// it has one.
func commonReading(r rune) (string, bool) {
	if all := readings()[r]; len(all) > 0 {
		return all[0], true
	}
	return "", false
}

// latinName writes a Chinese name in Latin letters as Chinese names are
// written in them, the surname (of surnameLen characters) first and the
// given name in one word: 陈思远 is "Chen Siyuan". It returns "" when a
// character has no reading.
func latinName(name string, surnameLen int) string {
	var surname, given strings.Builder
	for i, r := range []rune(name) {
		reading, ok := commonReading(r)
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

// minRomanised is the fewest letters of a word that may be a Chinese name
// in pinyin: "Heluo", not "Bus".
const minRomanised = 4

// isRomanisable reports whether word may be a Chinese name written in
// pinyin, without tones: ASCII letters only, minRomanised of them or more.
func isRomanisable(word string) bool {
	if len(word) < minRomanised {
		return false
	}
	for _, c := range word {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// readsAs reports whether a run of two Chinese characters or more in text
// reads as romanised, a lower-case name in pinyin without tones or
// spaces: 河洛 reads as "heluo". Each character is read by its first
// reading. One character is no name: "yuan" is not 元.
func readsAs(text, romanised string) bool {
	runes := []rune(text)
	for i := range runes {
		rest, j := romanised, i
		for ; j < len(runes) && rest != ""; j++ {
			reading, ok := commonReading(runes[j])
			if !ok || !strings.HasPrefix(rest, reading) {
				break
			}
			rest = rest[len(reading):]
		}
		if rest == "" && j-i >= 2 {
			return true
		}
	}
	return false
}
