package bots

import (
	"strings"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
)

// Dateline is a release's place and date, as its first line says them:
// "Berlin, 11. Februar 2021".
func Dateline(r *corpus.Release, lang corpus.Lang) string {
	date := corpus.DateOf(r.Date).Format(lang)
	if r.Place == "" {
		return date
	}
	return r.Place + ", " + date
}

// EchoRunes is how much of a user's words a reply repeats ("Keine
// Pressemitteilung passt zu „…“"): enough to recognise them, however long
// they were.
const EchoRunes = 200

// Clip shortens s to at most n characters, marking a cut with "…".
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// summaryRunes is about two or three lines of a chat message.
const summaryRunes = 280

// Summary is the start of a release's news text for its announcement: its
// first paragraph, cut after the last sentence that fits in about three
// lines, or at a word with an ellipsis when even the first sentence is
// longer.
func Summary(r *corpus.Release) string {
	if len(r.Body) == 0 {
		return ""
	}
	p := strings.TrimSpace(r.Body[0])
	if utf8.RuneCountInString(p) <= summaryRunes {
		return p
	}
	runes := []rune(p)[:summaryRunes]
	cut := string(runes)
	if i := lastSentenceEnd(cut); i > 0 && utf8.RuneCountInString(cut[:i]) > summaryRunes/3 {
		return cut[:i]
	}
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return cut + " …"
}

// lastSentenceEnd is the byte offset just after the last full stop,
// question or exclamation mark that ends a sentence in s, or -1.
func lastSentenceEnd(s string) int {
	best := -1
	for i, r := range s {
		switch r {
		case '.', '!', '?':
			if i+1 < len(s) && s[i+1] == ' ' {
				best = i + 1
			}
		case '。', '！', '？':
			best = i + utf8.RuneLen(r)
		}
	}
	return best
}
