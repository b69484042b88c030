package bots

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split packs paragraphs into chunks whose size, as measure counts it,
// stays within limit, keeping paragraphs whole where they fit: a long
// answer is cut between paragraphs, a paragraph longer than limit between
// sentences, then between words, and only as a last resort inside a word,
// though never inside an entity such as &amp;. Paragraphs of a chunk are
// joined with a blank line.
func Split(paragraphs []string, limit int, measure func(string) int) []string {
	var (
		chunks []string
		cur    []string
	)
	size := func(ps []string) int { return measure(strings.Join(ps, "\n\n")) }
	flush := func() {
		if len(cur) > 0 {
			chunks = append(chunks, strings.Join(cur, "\n\n"))
			cur = nil
		}
	}
	for _, p := range paragraphs {
		if strings.TrimSpace(p) == "" {
			continue
		}
		for _, piece := range splitParagraph(p, limit, measure) {
			if size(append(cur, piece)) > limit {
				flush()
			}
			cur = append(cur, piece)
		}
	}
	flush()
	return chunks
}

// splitParagraph cuts one paragraph into pieces within limit.
func splitParagraph(p string, limit int, measure func(string) int) []string {
	if measure(p) <= limit {
		return []string{p}
	}
	for _, sep := range []string{"\n", ". ", "。", " "} {
		parts := strings.SplitAfter(p, sep)
		if len(parts) < 2 {
			continue
		}
		var out []string
		cur := ""
		for _, part := range parts {
			if cur != "" && measure(cur+part) > limit {
				out = append(out, strings.TrimSpace(cur))
				cur = ""
			}
			cur += part
		}
		if strings.TrimSpace(cur) != "" {
			out = append(out, strings.TrimSpace(cur))
		}
		var fitted []string
		for _, piece := range out {
			fitted = append(fitted, splitParagraph(piece, limit, measure)...)
		}
		return fitted
	}
	// One unbroken word longer than the limit: cut it by characters, each
	// piece the longest prefix that fits.
	var out []string
	for p != "" {
		if measure(p) <= limit {
			return append(out, p)
		}
		bounds := cutBounds(p)
		lo, hi := 1, len(bounds)-1 // bounds[lo] always fits: one character or entity
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if measure(p[:bounds[mid]]) <= limit {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		out = append(out, p[:bounds[lo]])
		p = p[bounds[lo]:]
	}
	return out
}

// cutBounds lists the byte offsets at which s can be cut: 0, after each
// character or entity, len(s): Telegram refuses an entity cut in two, and
// Slack shows its halves as text.
func cutBounds(s string) []int {
	bounds := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := 0; i < len(s); {
		bounds = append(bounds, i)
		if n := entityLen(s[i:]); n > 0 {
			i += n
		} else {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	return append(bounds, len(s))
}

// maxEntityLen is the length in bytes of the longest HTML entity,
// &CounterClockwiseContourIntegral;.
const maxEntityLen = 33

// entityLen is the length of the entity s starts with, such as &amp; or
// &#34;, or 0 if it starts with none.
func entityLen(s string) int {
	if !strings.HasPrefix(s, "&") {
		return 0
	}
	end := strings.IndexByte(s[:min(len(s), maxEntityLen)], ';')
	if end < 2 {
		return 0
	}
	for _, c := range s[1:end] {
		if c != '#' && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return 0
		}
	}
	return end + 1
}
