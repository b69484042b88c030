package main

import (
	"strings"
	"testing"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

func TestPrintAnswerHighlights(t *testing.T) {
	// On a terminal the snippet's matched words are bold; elsewhere the
	// snippet is plain text.
	a := answer.Answer{Lang: corpus.German, Answered: true, Text: "Aus der Pressemitteilung …", Sources: []answer.Source{{
		Title: "Testmeldung", Ref: "r1", Snippet: "Eine Studie zeigte auf", Highlights: []answer.Span{{Start: 5, End: 11}},
	}}}
	tests := []struct {
		bold bool
		want string
	}{
		{true, "Eine \x1b[1mStudie\x1b[0m zeigte auf"},
		{false, "      Eine Studie zeigte auf\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		if err := printAnswer(&b, a, tt.bold); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tt.want) {
			t.Errorf("bold=%v: %q lacks %q", tt.bold, b.String(), tt.want)
		}
	}
}
