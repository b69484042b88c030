package bots

import (
	"fmt"
	"html"
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

func TestSplitKeepsEntitiesWhole(t *testing.T) {
	// A paragraph with nowhere better to cut is cut between characters, but
	// never inside an entity: neither where entities count as one
	// character (Telegram HTML) nor where they count as written (Slack).
	measures := map[string]func(string) int{
		"unescaped": func(s string) int { return utf8.RuneCountInString(html.UnescapeString(s)) },
		"escaped":   utf8.RuneCountInString,
	}
	for name, measure := range measures {
		for xs := 3990; xs < 3995; xs++ {
			t.Run(fmt.Sprintf("%s/%d", name, xs), func(t *testing.T) {
				p := html.EscapeString(strings.Repeat("x", xs) + strings.Repeat("&", 2000) + "<>\"'")
				chunks := Split([]string{p}, 4000, measure)
				if len(chunks) < 2 || strings.Join(chunks, "") != p {
					t.Fatalf("%d chunks do not make up the paragraph", len(chunks))
				}
				for i, c := range chunks {
					if measure(c) > 4000 {
						t.Errorf("chunk %d measures %d", i, measure(c))
					}
					if html.EscapeString(html.UnescapeString(c)) != c {
						t.Errorf("chunk %d cuts an entity: %q … %q", i, c[:min(len(c), 12)], c[max(len(c)-12, 0):])
					}
				}
			})
		}
	}
}
