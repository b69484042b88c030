package search

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
)

// A Chinese text writes a German name in characters read for their
// sound: 施韦因富特 for Schweinfurt, 埃申巴赫 for Eschenbach, 屈纳特 for
// Kühnert. A release in German names them in Latin letters only, so a
// Chinese question is matched to those names by the consonants both
// keep. Each consonant is a class of the sounds the transliteration
// gives one character's initial (b and p are P, d and t T; s, sch and z
// S), vowels are left out, and an l or r that closes a syllable may be
// dropped or written 尔: the keys of the two sides meet when they are
// the same name. The classes are a letter each: P (b, p), T (d, t), K (g,
// k), F (f, v), W (w), S (s, sch, z), H (h, ch), M, N (n, ng), L (l, r),
// Y (j).

// minSoundClasses is the fewest consonants of a key that finds a name:
// two consonants are in too many names.
const minSoundClasses = 3

// maxSoundRunes is the most characters of a name found by its sound:
// 布兰德霍斯特 (Brandhorst) has six.
const maxSoundRunes = 8

// maxSoundKeys bounds the keys a name's spelling is read as.
const maxSoundKeys = 64

// latinSounds are the keys of a Latin name: its consonants as a Chinese
// transliteration writes them, with and without each l or r that closes
// a syllable ("Kühnert" is KNT and KNLT).
func latinSounds(name string) []string {
	s := fold(name)
	keys := []string{""}
	last := byte(0) // the class before, none after a vowel
	emit := func(class byte, optional bool) {
		if class == last {
			return
		}
		last = class
		var more []string
		for _, k := range keys {
			if optional && len(keys) < maxSoundKeys {
				more = append(more, k)
			}
			more = append(more, k+string(class))
		}
		keys = more
	}
	vowel := func(i int) bool { return i < len(s) && strings.IndexByte("aeiouy", s[i]) >= 0 }
	for i := 0; i < len(s); {
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "tsch"):
			emit('S', false)
			i += 4
		case strings.HasPrefix(rest, "sch"):
			emit('S', false)
			i += 3
		case strings.HasPrefix(rest, "ch"):
			if i == 0 {
				emit('K', false) // Chemnitz, Christian
			} else {
				emit('H', false)
			}
			i += 2
		case strings.HasPrefix(rest, "ph"):
			emit('F', false)
			i += 2
		case strings.HasPrefix(rest, "th"), strings.HasPrefix(rest, "dt"):
			emit('T', false)
			i += 2
		case strings.HasPrefix(rest, "tz"), strings.HasPrefix(rest, "ts"):
			emit('S', false)
			i += 2
		case strings.HasPrefix(rest, "ck"), strings.HasPrefix(rest, "qu"):
			emit('K', false)
			i += 2
		case strings.HasPrefix(rest, "ng"):
			emit('N', false)
			i += 2
		default:
			c := s[i]
			switch {
			case c == 'y' && i == 0 && vowel(i+1), c == 'j':
				emit('Y', false)
			case vowel(i):
				last = 0
			case c == 'h':
				// Silent after a vowel, unless one follows: "Kühnert",
				// "Lohmar"; but "Johann" (约翰).
				if vowel(i + 1) {
					emit('H', false)
				}
			case c == 'l' || c == 'r':
				emit('L', !vowel(i+1))
			case c == 'c' && i+1 < len(s) && strings.IndexByte("eiy", s[i+1]) >= 0:
				emit('S', false) // Cäcilie
			case c == 'c':
				emit('K', false)
			case c == 'x':
				emit('K', false)
				emit('S', false)
			default:
				if class := latinClass[c]; class != 0 {
					emit(class, false)
				} else {
					last = 0 // a space or a hyphen
				}
			}
			i++
		}
	}
	return keys
}

// latinClass is the class of each consonant letter spelling decides no
// further.
var latinClass = [256]byte{
	'b': 'P', 'p': 'P', 'd': 'T', 't': 'T', 'g': 'K', 'k': 'K', 'f': 'F', 'v': 'F',
	'w': 'W', 's': 'S', 'z': 'S', 'm': 'M', 'n': 'N',
}

// hanSounds are the keys a run of Chinese characters written for their
// sound may stand for, each character by its most common reading: the
// classes its initial may render, each its own consonant, and the n its
// final may close with (因 is Y or none, then N or none). Nil when a
// character has no reading, or the run has too many readings to tell.
func hanSounds(run string) []string {
	keys := []string{""}
	for _, r := range run {
		reading, ok := commonReading(r)
		if !ok {
			return nil
		}
		nasal := strings.HasSuffix(reading, "n") || strings.HasSuffix(reading, "ng")
		var more []string
		for _, k := range keys {
			for _, initial := range pinyinInitials(reading) {
				// The n a final closes with is an N of its own, or the
				// next syllable's initial n: 汉娜 is Hanna.
				base := k
				if strings.HasSuffix(k, nasalEnd) {
					base = strings.TrimSuffix(k, nasalEnd)
					if initial != "N" {
						base += "N"
					}
				}
				key := base + initial
				more = appendNew(more, key)
				if nasal {
					more = appendNew(more, key+nasalEnd)
				}
			}
		}
		if len(more) > maxHanKeys {
			return nil // too many readings to tell
		}
		keys = more
	}
	for i, k := range keys {
		keys[i] = strings.ReplaceAll(k, nasalEnd, "N")
	}
	return keys
}

// nasalEnd marks, while hanSounds reads, the n a syllable's final closes
// with: it is an N of the key, unless the next syllable begins with one.
const nasalEnd = "n"

// maxHanKeys bounds the keys a run of characters is read as.
const maxHanKeys = 512

// appendNew appends s to list unless list holds it.
func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// pinyinInitials are the classes a reading's initial may render in a
// German name: 吉 (ji) is a g, 基 (ji) a k; 齐 (qi) a z; 希 (xi) an h; a
// reading with no initial, or y or w, may stand for a vowel. 尔 (er)
// closes a syllable with an l or r.
func pinyinInitials(reading string) []string {
	if reading == "er" {
		return []string{"L"}
	}
	for _, p := range pinyinInitialClasses {
		if strings.HasPrefix(reading, p.initial) {
			return p.classes
		}
	}
	return []string{""} // a vowel: 埃 (ai), 奥 (ao)
}

// pinyinInitialClasses are the initials of Hanyu Pinyin, the two-letter
// ones first, with the classes of German consonants each renders.
var pinyinInitialClasses = []struct {
	initial string
	classes []string
}{
	{"zh", []string{"S"}}, {"ch", []string{"S", "H"}}, {"sh", []string{"S"}},
	{"b", []string{"P"}}, {"p", []string{"P"}}, {"m", []string{"M"}}, {"f", []string{"F"}},
	{"d", []string{"T"}}, {"t", []string{"T"}}, {"n", []string{"N"}}, {"l", []string{"L"}}, {"r", []string{"L"}},
	{"g", []string{"K"}}, {"k", []string{"K"}}, {"h", []string{"H"}},
	{"j", []string{"K", "S", "Y"}}, {"q", []string{"K", "S"}}, {"x", []string{"S", "H"}},
	{"z", []string{"S"}}, {"c", []string{"S"}}, {"s", []string{"S"}},
	{"y", []string{"Y", ""}}, {"w", []string{"W", "F", ""}},
}

// soundNames finds names in Latin letters by the sound of a Chinese
// transliteration: each key of a name's spelling (latinSounds) to the
// names it is a key of.
type soundNames[T comparable] map[string][]T

// add keys name's value by the sounds of name, unless it has too few
// consonants to be told from others.
func (s soundNames[T]) add(name string, value T) {
	for _, key := range latinSounds(name) {
		if len(key) >= minSoundClasses && !slices.Contains(s[key], value) {
			s[key] = append(s[key], value)
		}
	}
}

// find is the one value whose name run, Chinese characters of
// minSoundRunes to maxSoundRunes, is written for: of the names its
// longest key finds, as a syllable may stand for a consonant or a vowel
// (韦 is the w of Schweinfurt). False when none or several are.
func (s soundNames[T]) find(run string) (T, bool) {
	var found []T
	if n := utf8.RuneCountInString(run); n >= minSoundRunes && n <= maxSoundRunes {
		longest := 0
		for _, key := range hanSounds(run) {
			if len(key) < longest || len(s[key]) == 0 {
				continue
			}
			if len(key) > longest {
				longest, found = len(key), found[:0]
			}
			for _, v := range s[key] {
				if !slices.Contains(found, v) {
					found = append(found, v)
				}
			}
		}
	}
	if len(found) != 1 {
		var none T
		return none, false
	}
	return found[0], true
}

// freeHanRuns are the runs of Chinese characters of text, each as long
// as it goes, where none of taken is: the words of a question nothing
// else explained, whole.
func freeHanRuns(text string, taken []foundPlace) [][2]int {
	var runs [][2]int
	start := -1
	for i, r := range text + " " {
		inRun := i < len(text) && isHan(r) && free(taken, i, i+utf8.RuneLen(r))
		switch {
		case inRun && start < 0:
			start = i
		case !inRun && start >= 0:
			runs = append(runs, [2]int{start, i})
			start = -1
		}
	}
	return runs
}

// peopleBySound reads as that person each run of Chinese characters
// nothing else explained that writes a person's name for its sound: 埃申
// 巴赫 is Malte Eschenbach, whom a release in German names.
func (e *Engine) peopleBySound(q *question) {
	if len(e.peopleSounds) == 0 {
		return
	}
	for _, run := range e.soundRuns(q) {
		if p, ok := e.peopleSounds.find(q.text[run[0]:run[1]]); ok {
			q.addSense(sense{person: p}, cityMention{})
			q.unknown = slices.DeleteFunc(q.unknown, func(u unit) bool { return u.start >= run[0] && u.start < run[1] })
		}
	}
}

// soundRuns are the runs of Chinese characters of a question that
// nothing else explained and that may write a name for its sound
// (writtenForSound).
func (e *Engine) soundRuns(q *question) [][2]int {
	if !slices.ContainsFunc(q.unknown, func(u unit) bool { return u.han }) {
		return nil
	}
	var taken []foundPlace
	for _, u := range q.units {
		if !q.isUnknown(u) {
			taken = append(taken, foundPlace{start: u.start, end: endOf(u)})
		}
	}
	// A run far longer than a name is none, whatever words it begins
	// or ends with.
	runs := slices.DeleteFunc(freeHanRuns(q.text, taken), func(run [2]int) bool {
		return utf8.RuneCountInString(q.text[run[0]:run[1]]) > maxSoundRunes+2*maxWordRunes
	})
	for i, run := range runs {
		runs[i] = e.withoutEdgeWords(q.text, run)
	}
	return slices.DeleteFunc(runs, func(run [2]int) bool {
		// A given name before the dot of 马蒂亚斯·克罗格 names no one
		// alone.
		given := strings.HasPrefix(q.text[run[1]:], "·")
		return given || !e.writtenForSound(q.text[run[0]:run[1]])
	})
}

// withoutEdgeWords is a run of Chinese characters of text without the
// words of the dictionaries it begins or ends with, as long as a name's
// characters are left: the 以前 (before) of 法尔肯海因以前, which nothing
// else explained either.
func (e *Engine) withoutEdgeWords(text string, run [2]int) [2]int {
	isWord := func(s string) bool { return e.bilingual().Headword(s, corpus.Chinese) }
	for trimmed := true; trimmed; {
		trimmed = false
		runes := []rune(text[run[0]:run[1]])
		for n := min(maxWordRunes, len(runes)-minSoundRunes); n >= 2 && !trimmed; n-- {
			switch {
			case isWord(string(runes[len(runes)-n:])):
				run[1] -= len(string(runes[len(runes)-n:]))
				trimmed = true
			case isWord(string(runes[:n])):
				run[0] += len(string(runes[:n]))
				trimmed = true
			}
		}
	}
	return run
}

// writesBySound reports whether one of runs, a question's soundRuns in
// its text, writes name in Chinese characters for its sound.
func writesBySound(text string, runs [][2]int, name string) bool {
	if len(runs) == 0 {
		return false
	}
	names := soundNames[string]{}
	names.add(name, name)
	return slices.ContainsFunc(runs, func(run [2]int) bool {
		_, ok := names.find(text[run[0]:run[1]])
		return ok
	})
}

// writtenForSound reports whether a run of Chinese characters may be a
// name written for its sound: words of the dictionaries of two characters
// or more make less than half of it, and it is not as long as a Chinese
// name after the surname it starts with. 住宿费用 (Übernachtungskosten)
// reads as Zeven, but is two words; 哈特科普夫 (Hattkopf) holds one, 科普;
// 谭嘉欣 is a Chinese name.
func (e *Engine) writtenForSound(run string) bool {
	runes := []rune(run)
	if n := e.learner.surnameLen(run); n > 0 && len(runes) <= n+2 {
		return false
	}
	// Written in the characters of foreign names, but for one: 红烧肉
	// (braised pork) reads as Hölzel, but its characters name nothing
	// foreign.
	foreign := e.gazetteer().foreignCharacters()
	if len(slices.DeleteFunc(slices.Clone(runes), func(r rune) bool { return foreign[r] })) > 1 {
		return false
	}
	inWord := make([]bool, len(runes))
	for i := range runes {
		for j := i + 2; j <= min(len(runes), i+maxWordRunes); j++ {
			if e.bilingual().Headword(string(runes[i:j]), corpus.Chinese) {
				for k := i; k < j; k++ {
					inWord[k] = true
				}
			}
		}
	}
	words := 0
	for _, w := range inWord {
		if w {
			words++
		}
	}
	return 2*words < len(runes)
}

// soundsOfPeople keys the people of the data by the sounds of their
// names, and of their surnames that name them alone; not those whose
// names are Chinese, written in characters for their meaning.
func soundsOfPeople(people []corpus.Person) soundNames[*corpus.Person] {
	s := soundNames[*corpus.Person]{}
	for i := range people {
		p := &people[i]
		if romanisedChinese(p.Name) {
			continue
		}
		s.add(p.Name, p)
		if surname, alone := surnameOf(p); alone {
			s.add(surname, p)
		}
	}
	return s
}

// foreignCharacters are the characters Chinese writes foreign names in,
// by sound: those of the Chinese names of the world's countries
// (data/countries.yaml) and of the gazetteer's German places. Made once.
func (t *placeTable) foreignCharacters() map[rune]bool {
	t.foreignOnce.Do(func() {
		t.foreign = map[rune]bool{}
		for _, r := range countryNameCharacters() {
			if isHan(r) {
				t.foreign[r] = true
			}
		}
		for name, p := range t.han {
			if p.country == corpus.Germany {
				for _, r := range name {
					if isHan(r) {
						t.foreign[r] = true
					}
				}
			}
		}
	})
	return t.foreign
}

// countryNameCharacters are the characters of the Chinese names of the
// world's countries.
func countryNameCharacters() []rune {
	countries, err := loadGlossary(lexiconFiles, []string{"data/countries.yaml"})
	if err != nil {
		panic(fmt.Sprintf("embedded countries: %v", err)) // fixed at build time, checked by the tests
	}
	var out []rune
	for _, c := range countries {
		for _, name := range c.ZH {
			out = append(out, []rune(name)...)
		}
	}
	return out
}
