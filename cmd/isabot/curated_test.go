package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCuratedCommand(t *testing.T) {
	dir := t.TempDir()
	file := `# by the press office
- id: fee
  question: Wie viel kostet die Mitgliedschaft in der ISA?
  answer: Die Mitgliedschaft ist beitragsfrei.
  lang: de
  organisation: Stadt Duisburg
  date: 2026-11-30
- id: broken
  question: Wann?
  lang: de
  date: 2026-11-30
`
	if err := os.WriteFile(filepath.Join(dir, "curated.yaml"), []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := run(t, "--data", dir, "curated", "--json")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var got []map[string]string
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 1 || got[0]["id"] != "fee" || got[0]["language"] != "de" ||
		got[0]["date"] != "2026-11-30" || got[0]["organisation"] != "Stadt Duisburg" {
		t.Errorf("curated --json: %v\n%s", err, out)
	}
	if !strings.Contains(stderr, "curated.yaml:8: curated answer \"broken\" needs answer") {
		t.Errorf("the broken entry is not reported with its line: %q", stderr)
	}
	out, _, _ = run(t, "--data", dir, "curated")
	if !strings.HasPrefix(out, "ID") || !strings.Contains(out, "fee") || !strings.Contains(out, "Stadt Duisburg") {
		t.Errorf("curated:\n%s", out)
	}

	// isabot ask answers from it, in another language too.
	out, stderr, err = run(t, "--data", dir, "ask", "--json", "How much does membership of the ISA cost?")
	if err != nil || !strings.Contains(out, `"rule": "curated"`) || !strings.Contains(out, "Die Mitgliedschaft ist beitragsfrei.") {
		t.Errorf("ask: %v\n%s\n%s", err, out, stderr)
	}

	if out, _, err := run(t, "--data", dir, "curated", "remove", "fee"); err != nil || !strings.Contains(out, "Removed curated answer fee") {
		t.Errorf("remove: %v\n%s", err, out)
	}
	if _, _, err := run(t, "--data", dir, "curated", "remove", "fee"); err == nil {
		t.Error("removing it twice is no error")
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "curated.yaml"))
	if strings.Contains(string(raw), "id: fee") || !strings.Contains(string(raw), "id: broken") || !strings.Contains(string(raw), "# by the press office") {
		t.Errorf("after remove:\n%s", raw)
	}
	if out, _, _ := run(t, "--data", dir, "curated"); !strings.Contains(out, "No curated answers.") {
		t.Errorf("after remove:\n%s", out)
	}
}
