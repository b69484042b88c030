package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestUnansweredCommand(t *testing.T) {
	// isabot unanswered reads the log and its previous file, of either
	// format, and prints what it always printed.
	dir := t.TempDir()
	previous := `{"at":"2026-10-01T08:00:00Z","q":"Wer gewinnt die Liga?","lang":"de","platform":"telegram"}
{"q":"Who wins?","lang":"en","count":4,"platforms":["slack"],"first":"2026-10-01T09:00:00Z","last":"2026-10-02T09:00:00Z"}
`
	current := `{"q":"wer gewinnt die Liga","lang":"de","count":2,"platforms":["api","slack"],"first":"2026-11-01T08:00:00Z","last":"2026-11-02T08:00:00Z"}
`
	for name, text := range map[string]string{unansweredFile + ".1": previous, unansweredFile: current} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, err := run(t, "--data", dir, "unanswered", "--json")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var got []struct {
		Question  string    `json:"question"`
		Language  string    `json:"language"`
		Platforms []string  `json:"platforms"`
		Count     int       `json:"count"`
		First     time.Time `json:"first_asked"`
		Last      time.Time `json:"last_asked"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("not the contract's JSON: %v\n%s", err, out)
	}
	if len(got) != 2 || got[0].Question != "Who wins?" || got[0].Count != 4 ||
		got[1].Question != "Wer gewinnt die Liga?" || got[1].Count != 3 || strings.Join(got[1].Platforms, ",") != "api,slack,telegram" ||
		!got[1].First.Equal(time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC)) || !got[1].Last.Equal(time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("unanswered --json:\n%s", out)
	}

	out, _, err = run(t, "--data", dir, "unanswered", "--since", "2026-10-15")
	if err != nil || !strings.HasPrefix(out, "COUNT") || !strings.Contains(out, "Wer gewinnt die Liga?") || strings.Contains(out, "Who wins?") {
		t.Errorf("unanswered --since: %v\n%s", err, out)
	}
}
