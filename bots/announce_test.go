package bots

import (
	"strings"
	"testing"

	"github.com/isa-alliance/isabot/corpus"
)

func TestSummary(t *testing.T) {
	long := strings.Repeat("Ein Satz über die Zusammenarbeit der Städte. ", 12)
	word := strings.Repeat("Industriestädteallianz", 20)
	tests := []struct {
		body []string
		want func(string) bool
	}{
		{nil, func(s string) bool { return s == "" }},
		{[]string{"Kurz.", "Zweiter Absatz."}, func(s string) bool { return s == "Kurz." }},
		{[]string{long}, func(s string) bool { return strings.HasSuffix(s, "Städte.") && len([]rune(s)) <= 280 }},
		{[]string{word}, func(s string) bool { return strings.HasSuffix(s, "…") && len([]rune(s)) <= 282 }},
		{[]string{strings.Repeat("中德工业城市联盟。", 40)}, func(s string) bool { return strings.HasSuffix(s, "。") && len([]rune(s)) <= 280 }},
	}
	for _, tt := range tests {
		if got := Summary(&corpus.Release{Body: tt.body}); !tt.want(got) {
			t.Errorf("Summary(%.30q) = %q", tt.body, got)
		}
	}
}
