package search

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// handleOrTag matches an @handle or a #channel at the start of a word
// and an HTML tag.
var handleOrTag = regexp.MustCompile(`(^|\s)[@#][\pL\pN_.-]+|</?[a-zA-Z][a-zA-Z0-9]*[^<>]{0,200}>`)

// maxQuestionRunes bounds the work a single question can cause. Chat
// messages can be 10,000 characters; no real question needs more than this.
const maxQuestionRunes = 400

// cleanQuestion makes chat text safe to analyse: valid UTF-8, NFKC (so
// full-width letters become ASCII), no control or format characters,
// single spaces, bounded length.
func cleanQuestion(s string) string {
	s = strings.ToValidUTF8(s, " ")
	// Chat markup is no part of a question: "@jana", "<b>".
	if strings.ContainsAny(s, "@#<") {
		s = handleOrTag.ReplaceAllString(s, " ")
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	n, space := 0, false
	for _, r := range s {
		if n >= maxQuestionRunes {
			break
		}
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			space = b.Len() > 0
			continue
		case space:
			b.WriteByte(' ')
			space = false
			n++
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// firstRunes returns s up to its nth character.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// fold makes spellings comparable: lower case; ä, ö, ü to a, o, u; ae, oe,
// ue after a consonant to a, o, u (so Koeln, Köln and Koln meet); ß to ss;
// other accents dropped; apostrophes removed (Ma'anshan, Maanshan).
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(0)
	write := func(r rune) {
		switch {
		case r == '\'' || r == '’' || unicode.Is(unicode.Mn, r):
			// An apostrophe, or a combining mark: an umlaut's dots.
		case r == 'ß':
			b.WriteString("ss")
			prev = 's'
		case r == 'e' && (prev == 'a' || prev == 'o' || prev == 'u') && !precededByVowelPair(b.String()):
			// German transliteration: ae, oe, ue stand for ä, ö, ü.
			prev = r
		default:
			b.WriteRune(r)
			prev = r
		}
	}
	for _, r := range s {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			write(r)
		case int(r) < len(latinBase) && latinBase[r] != 0:
			// A Latin letter with an accent or umlaut: its letter.
			write(latinBase[r])
		case 0x3400 <= r && r <= 0x9fff || 0x3000 <= r && r <= 0x303f || 0xff00 <= r && r <= 0xffef:
			// Chinese characters and punctuation: as they are.
			write(r)
		default:
			// Other letters by Unicode's decomposition.
			for _, d := range norm.NFD.String(string(r)) {
				write(unicode.ToLower(d))
			}
		}
	}
	return b.String()
}

// latinBase maps the Latin letters with accents and umlauts of Latin-1
// and Latin Extended-A to their lower-case letter; ß stays.
var latinBase = func() [0x180]rune {
	var t [0x180]rune
	for r := rune(0xc0); r < 0x180; r++ {
		base := []rune(norm.NFD.String(string(unicode.ToLower(r))))[0]
		if base < 0x80 && unicode.IsLetter(base) {
			t[r] = base
		}
	}
	return t
}()

// precededByVowelPair keeps "ue" in words like "queue" and "eue" in
// "neue": the e is dropped only when the vowel before it follows a
// consonant.
func precededByVowelPair(done string) bool {
	if len(done) < 2 {
		return false
	}
	switch done[len(done)-2] {
	case 'a', 'e', 'i', 'o', 'u', 'q':
		return true
	}
	return false
}

// editDistance is the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours), giving up
// early once it exceeds max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// typoBudget is how many edits a word of n letters may carry and still be
// recognised: none for short words, where one letter changes the word.
func typoBudget(n int) int {
	switch {
	case n >= 8:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}
