package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/store/pgstore/pgtest"
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

func TestCuratedInPostgres(t *testing.T) {
	// With a database, `isabot migrate --from-bbolt` copies curated.yaml
	// into it, and `isabot curated`, its remove and `isabot ask` use the
	// database, not the file.
	dir := t.TempDir()
	file := `- id: fee
  question: Wie viel kostet die Mitgliedschaft in der ISA?
  answer: Die Mitgliedschaft ist beitragsfrei.
  lang: de
  organisation: Stadt Duisburg
  date: 2026-11-30
- id: year
  question: Wann?
  answer: Im Jahr 2026.
  lang: de
  date: 2026
`
	curatedPath := filepath.Join(dir, "curated.yaml")
	if err := os.WriteFile(curatedPath, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(dir, stateFile))
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	t.Setenv("ISABOT_DATABASE_URL", pgtest.Database(t))
	out, stderr, err := run(t, "--data", dir, "migrate", "--from-bbolt", filepath.Join(dir, stateFile))
	if err != nil || !strings.Contains(out, "2 curated answers") {
		t.Fatalf("migrate --from-bbolt: %v %s\n%s", err, stderr, out)
	}
	if err := os.Remove(curatedPath); err != nil {
		t.Fatal(err)
	}
	out, stderr, err = run(t, "--data", dir, "curated", "--json")
	var got []map[string]string
	if err == nil {
		err = json.Unmarshal([]byte(out), &got)
	}
	if err != nil || len(got) != 2 || got[0]["id"] != "fee" || got[0]["organisation"] != "Stadt Duisburg" || got[1]["date"] != "2026" {
		t.Errorf("curated --json from PostgreSQL: %v %s\n%s", err, stderr, out)
	}
	out, stderr, err = run(t, "--data", dir, "ask", "--json", "How much does membership of the ISA cost?")
	if err != nil || !strings.Contains(out, `"rule": "curated"`) || !strings.Contains(out, "Die Mitgliedschaft ist beitragsfrei.") {
		t.Errorf("ask: %v\n%s\n%s", err, out, stderr)
	}
	if out, _, err := run(t, "--data", dir, "curated", "remove", "fee"); err != nil || !strings.Contains(out, "Removed curated answer fee") {
		t.Errorf("remove: %v\n%s", err, out)
	}
	if _, _, err := run(t, "--data", dir, "curated", "remove", "fee"); err == nil || !strings.Contains(err.Error(), `no curated answer "fee" in the database`) {
		t.Errorf("removing it twice: %v", err)
	}
	if out, _, _ := run(t, "--data", dir, "curated"); strings.Contains(out, "fee") || !strings.Contains(out, "year") {
		t.Errorf("after remove:\n%s", out)
	}
	if _, err := os.Stat(curatedPath); err == nil {
		t.Error("the database's commands wrote curated.yaml")
	}
}

func TestMigrateRefusesABrokenCuratedFile(t *testing.T) {
	// A curated answer with an error would be lost on the way: the copy
	// stops before it begins, naming the file and line.
	dir := t.TempDir()
	broken := "- id: broken\n  question: Wann?\n  lang: de\n  date: 2026-11-30\n"
	if err := os.WriteFile(filepath.Join(dir, "curated.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("ISABOT_DATABASE_URL", pgtest.Database(t))
	_, _, err := run(t, "--data", dir, "migrate", "--from-bbolt", filepath.Join(dir, stateFile))
	if err == nil || !strings.Contains(err.Error(), `curated.yaml:1: curated answer "broken" needs answer`) {
		t.Errorf("migrate with a broken curated.yaml: %v", err)
	}
}
