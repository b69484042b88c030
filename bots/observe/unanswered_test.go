package observe

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

// fileLines reads a log file's size and number of lines; a missing file
// has none.
func fileLines(t *testing.T, path string) (size, lines int) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return 0, 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return len(raw), bytes.Count(raw, []byte("\n"))
}

func TestUnansweredBounded(t *testing.T) {
	// However many distinct questions are asked, each file stays within
	// its bounds, the older questions kept in the previous file.
	tests := []struct {
		name                string
		maxEntries, maxSize int
		questions           int
		length              int // of each question, in characters
	}{
		{"entries bound", 50, 1 << 20, 500, 40},
		{"bytes bound", 10_000, 8 << 10, 500, 400},
		{"the defaults", maxUnansweredEntries, maxUnansweredBytes, 3 * maxUnansweredEntries, 120},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "unanswered.jsonl")
			u := NewUnanswered(path, slog.New(slog.DiscardHandler))
			u.maxEntries, u.maxBytes = tt.maxEntries, tt.maxSize
			var last string
			for i := range tt.questions {
				last = fmt.Sprintf("Frage %d: %s", i, strings.Repeat("x", tt.length))
				u.Add(last, corpus.German, "api")
			}
			u.Close()
			for _, p := range []string{path, path + ".1"} {
				size, lines := fileLines(t, p)
				if lines == 0 || lines > tt.maxEntries || size > tt.maxSize {
					t.Errorf("%s: %d lines, %d bytes; want 1 to %d lines within %d bytes", filepath.Base(p), lines, size, tt.maxEntries, tt.maxSize)
				}
			}
			qs, err := ReadUnanswered(path, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if len(qs) == 0 || len(qs) > 2*tt.maxEntries || !strings.HasPrefix(qs[0].Question, "Frage ") {
				t.Fatalf("read %d questions", len(qs))
			}
			found := false
			for _, q := range qs {
				found = found || q.Question == last
			}
			if !found {
				t.Error("the last question asked is not in the log")
			}
		})
	}
}

func TestUnansweredCounts(t *testing.T) {
	// The same question, however written, is one line that counts its
	// asks, across a restart and the change to the previous file.
	path := filepath.Join(t.TempDir(), "unanswered.jsonl")
	clock := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	open := func() *Unanswered {
		u := NewUnanswered(path, slog.New(slog.DiscardHandler))
		u.maxEntries = 3
		u.now = func() time.Time { clock = clock.Add(time.Minute); return clock }
		return u
	}
	u := open()
	for range 1000 {
		u.Add("Wie wird das Wetter?", corpus.German, "telegram")
		u.Add("  wie wird das WETTER ", corpus.German, "slack")
	}
	u.Add("Who wins the league?", corpus.English, "api")
	u.Close()
	if size, lines := fileLines(t, path); lines != 2 || size > 400 {
		t.Errorf("the log has %d lines, %d bytes; want one for each of the two questions", lines, size)
	}

	// After a restart, the counts go on; two new questions fill the file,
	// so that the third makes it the previous file.
	u = open()
	u.Add("Wie wird das Wetter", corpus.German, "api")
	u.Add("Wer baut das Stadion?", corpus.German, "api")
	u.Add("Wann ist das Fest?", corpus.German, "api")
	u.Add("wie wird das wetter?!", corpus.German, "api")
	u.Close()
	if _, err := os.Stat(path + ".1"); err != nil {
		t.Fatalf("no previous file: %v", err)
	}
	qs, err := ReadUnanswered(path, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Question{}
	for _, q := range qs {
		got[q.Question] = q
	}
	weather := got["Wie wird das Wetter?"]
	if len(qs) != 4 || qs[0].Question != "Wie wird das Wetter?" || weather.Count != 2002 ||
		strings.Join(weather.Platforms, ",") != "api,slack,telegram" || !weather.Last.After(weather.First) {
		t.Errorf("questions: %+v", qs)
	}

	// --since keeps the questions last asked since then.
	since := got["Wer baut das Stadion?"].Last
	qs, _ = ReadUnanswered(path, since)
	var names []string
	for _, q := range qs {
		names = append(names, q.Question)
	}
	if strings.Join(names, "|") != "Wie wird das Wetter?|Wann ist das Fest?|Wer baut das Stadion?" {
		t.Errorf("since %v: %q", since, names)
	}
}

func TestUnansweredReadsOlderLog(t *testing.T) {
	// The log of an older isabot, a line per ask, is read, and then
	// written as a line per question.
	path := filepath.Join(t.TempDir(), "unanswered.jsonl")
	older := `{"at":"2026-10-01T08:00:00Z","q":"Wer gewinnt?","lang":"de","platform":"telegram"}
{"at":"2026-10-02T08:00:00Z","q":"wer gewinnt","lang":"de","platform":"api"}
not json
{"at":"2026-10-03T08:00:00Z","q":"Who wins?","lang":"en","platform":"slack"}
`
	if err := os.WriteFile(path, []byte(older), 0o600); err != nil {
		t.Fatal(err)
	}
	want := func(qs []Question, err error) {
		t.Helper()
		if err != nil || len(qs) != 2 {
			t.Fatalf("%v %+v", err, qs)
		}
		q := qs[0]
		if q.Question != "Wer gewinnt?" || q.Count < 2 || strings.Join(q.Platforms, ",") != "api,telegram" ||
			!q.First.Equal(time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC)) {
			t.Errorf("first question: %+v", q)
		}
	}
	want(ReadUnanswered(path, time.Time{}))
	u := NewUnanswered(path, slog.New(slog.DiscardHandler))
	u.Add("Wer gewinnt?", corpus.German, "telegram")
	u.Close()
	want(ReadUnanswered(path, time.Time{}))
	if _, lines := fileLines(t, path); lines != 2 {
		t.Errorf("%d lines, want one per question", lines)
	}
}
