package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFacts publishes a release into a data directory and lists what
// isabot learned from it, as text and as JSON; a release it does not
// know is an error.
func TestFacts(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "releases"), 0o755); err != nil {
		t.Fatal(err)
	}
	release := `---
title: "Testmeldung: Musterhausen tritt bei"
date: 2027-01-10
lang: de
---

Dies ist eine fiktive Testmeldung. Die Stadt Musterhausen ist der ISA am 8. Januar 2027 beigetreten.

## Kontakt

Ansprechpartnerin: Erika Muster
Muster PR GmbH
E-Mail: isa@muster.example
`
	if err := os.WriteFile(filepath.Join(dir, "releases", "2027-01-10-test.md"), []byte(release), 0o644); err != nil {
		t.Fatal(err)
	}
	// A release that names an assembly and says nothing of it.
	preview := "---\ntitle: \"Testmeldung: Vorschau\"\ndate: 2027-02-01\nlang: de\n---\n\nDies ist eine fiktive Testmeldung. Musterhausen bereitet sich auf die 13. Plenarversammlung vor.\n"
	if err := os.WriteFile(filepath.Join(dir, "releases", "2027-02-01-vorschau.md"), []byte(preview), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := run(t, "--data", dir, "facts")
	if err != nil {
		t.Fatalf("facts: %v\n%s", err, stderr)
	}
	for _, want := range []string{"2027-01-10-test (10 January 2027)", "joined", "Musterhausen joined on 8 January 2027", "Erika Muster, Muster PR GmbH; isa@muster.example",
		"2021-02-11-isa-fruehlingsfest", "a newer data file says otherwise", "13th plenary assembly\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("facts lack %q:\n%s", want, out)
		}
	}
	out, stderr, err = run(t, "--data", dir, "facts", "--json", "--release", "2027-01-10-test")
	if err != nil {
		t.Fatalf("facts --json: %v\n%s", err, stderr)
	}
	var facts []struct{ Release, Date, Kind, Fact string }
	if err := json.Unmarshal([]byte(out), &facts); err != nil {
		t.Fatalf("facts --json: %v\n%s", err, out)
	}
	if len(facts) != 2 || facts[0].Release != "2027-01-10-test" || facts[0].Date != "2027-01-10" || facts[0].Kind != "contact" || facts[1].Kind != "joined" {
		t.Errorf("facts --json --release: %+v", facts)
	}
	if _, _, err := run(t, "--data", dir, "facts", "--release", "no-such-release"); err == nil || !strings.Contains(err.Error(), "no-such-release") {
		t.Errorf("facts of an unknown release: %v", err)
	}
}
