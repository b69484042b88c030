package bots

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	runes := utf8.RuneCountInString
	long := strings.Repeat("Ein Satz mit Worten. ", 30) // 630 characters
	tests := []struct {
		name       string
		paragraphs []string
		limit      int
		want       int // chunks
	}{
		{"fits", []string{"a", "b"}, 100, 1},
		{"between paragraphs", []string{strings.Repeat("a", 60), strings.Repeat("b", 60)}, 100, 2},
		{"between sentences", []string{long}, 100, 8},
		{"one huge word", []string{strings.Repeat("x", 250)}, 100, 3},
		{"chinese", []string{strings.Repeat("中德工业城市联盟。", 30)}, 100, 3},
		{"blank paragraphs dropped", []string{"", " ", "a"}, 100, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chunks := Split(tt.paragraphs, tt.limit, runes)
			if len(chunks) != tt.want {
				t.Errorf("%d chunks, want %d: %q", len(chunks), tt.want, chunks)
			}
			var total int
			for _, c := range chunks {
				if runes(c) > tt.limit || strings.TrimSpace(c) == "" {
					t.Errorf("chunk of %d characters: %q", runes(c), c)
				}
				total += len(strings.Join(strings.Fields(c), ""))
			}
			var want int
			for _, p := range tt.paragraphs {
				want += len(strings.Join(strings.Fields(p), ""))
			}
			if total != want {
				t.Errorf("text lost or added: %d non-space bytes, want %d", total, want)
			}
		})
	}
}
