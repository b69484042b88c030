package answer

import (
	"strings"
	"testing"
)

func TestMarkedSnippet(t *testing.T) {
	upper := strings.ToUpper
	bold := func(s string) string { return "[" + s + "]" }
	tests := []struct {
		snippet string
		spans   []Span
		want    string
	}{
		{"no marks", nil, "NO MARKS"},
		{"Köln ist dabei", []Span{{0, 5}}, "[Köln] IST DABEI"},
		{"a b c", []Span{{0, 1}, {2, 3}}, "[a] [b] C"},
		{"end mark", []Span{{4, 8}}, "END [mark]"},
		{"", nil, ""},
	}
	for _, tt := range tests {
		s := Source{Snippet: tt.snippet, Highlights: tt.spans}
		if got := s.MarkedSnippet(upper, bold); got != tt.want {
			t.Errorf("MarkedSnippet(%q, %v) = %q, want %q", tt.snippet, tt.spans, got, tt.want)
		}
	}
}
