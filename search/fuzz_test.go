package search

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// hostileQuestions are chat texts that break naive engines: query-string
// syntax, markup, control characters, huge and empty messages.
var hostileQuestions = []string{
	"", " ", "\t\n", "?", "*", "**", ":", "/", "\\", `"`, `"unterminated`, "'", "+-", "-", "~", "^2", "&&", "||", "!",
	"(", ")", "[", "{", "field:value", "text_de:Köln", "*:*", "a AND b OR", "<b>Köln</b> & <i>", "&amp;",
	"<script>alert(1)</script>", "\x00\x01\x02", "\u200b\u200e", "\xff\xfe", "Köln?*", "/regex/", "Köln~2",
	strings.Repeat("Köln ", 2000), strings.Repeat("a", 10000), strings.Repeat("中", 5000), "🐂🐂🐂", "ＩＳＡ　ｇｅｇｒüｎｄｅｔ",
	"第九十九届全体大会", "999999999999999999999th plenary", "-1. Plenarversammlung",
}

func FuzzAnswer(f *testing.F) {
	for _, q := range hostileQuestions {
		f.Add(q)
	}
	e := testEngine(f)
	f.Fuzz(func(t *testing.T, question string) {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatalf("Answer(%q): %v", question, err)
		}
		checkWellFormed(t, question, a)
	})
}

// checkWellFormed checks what every answer must be, whatever was asked.
func checkWellFormed(t *testing.T, question string, a answer.Answer) {
	t.Helper()
	switch a.Lang {
	case corpus.German, corpus.English, corpus.Chinese:
	default:
		t.Errorf("Answer(%q): language %q", question, a.Lang)
	}
	if a.Text == "" || !utf8.ValidString(a.Text) || strings.Contains(a.Text, "%!") {
		t.Errorf("Answer(%q): empty, invalid or misformatted text %q", question, a.Text)
	}
	if a.Answered != (a.Confidence > 0) {
		t.Errorf("Answer(%q): answered=%v with confidence %v", question, a.Answered, a.Confidence)
	}
	if a.Answered && len(a.Sources) == 0 {
		t.Errorf("Answer(%q): answered without a source: %s", question, a.Text)
	}
	for _, s := range a.Sources {
		for _, h := range s.Highlights {
			if h.Start < 0 || h.End > len(s.Snippet) || h.Start >= h.End || !utf8.ValidString(s.Snippet[h.Start:h.End]) {
				t.Errorf("Answer(%q): highlight %v outside snippet %q", question, h, s.Snippet)
			}
		}
	}
}
