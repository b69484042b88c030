package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestLoadCurated(t *testing.T) {
	got, errs := LoadCurated(OSDir("testdata/curated/good"))
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := []Curated{{ID: "fee", Question: "Was kostet die Mitgliedschaft?", Answer: "Die Mitgliedschaft in der ISA ist beitragsfrei.",
		Lang: German, Organisation: "Stadt Duisburg", Date: Date{2026, 11, 30}}}
	if !slices.Equal(got, want) {
		t.Errorf("LoadCurated = %+v, want %+v", got, want)
	}
	if got, errs := LoadCurated(OSDir(t.TempDir())); len(got) > 0 || len(errs) > 0 {
		t.Errorf("no file: %v, %v", got, errs)
	}
}

func TestLoadBadCurated(t *testing.T) {
	got, errs := LoadCurated(OSDir("testdata/curated/bad"))
	if len(got) != 1 || got[0].ID != "fee" || got[0].Answer == "Nein." {
		t.Errorf("loaded %+v, want the first fee only", got)
	}
	path := filepath.Join("testdata/curated/bad", CuratedFile)
	want := []string{
		path + `:6: curated answer "camp" needs answer`,
		path + `:10: curated answer id "fee" is used twice (also line 1)`,
		path + `:15: curated answer "fr": language "fr" is not de, en or zh`,
		path + `:24: invalid date "2026-13-01": want YYYY, YYYY-MM or YYYY-MM-DD`,
		path + `:30: field city not found in type corpus.Curated`,
	}
	var msgs []string
	for _, err := range errs {
		var fe *FileError
		if !errors.As(err, &fe) || fe.Line == 0 {
			t.Errorf("%v: not a *FileError with a line", err)
		}
		msgs = append(msgs, err.Error())
	}
	slices.Sort(msgs)
	for _, w := range want {
		if !slices.Contains(msgs, w) {
			t.Errorf("missing error %q in\n%s", w, strings.Join(msgs, "\n"))
		}
	}
}

func TestAddRemoveCurated(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, CuratedFile)
	// An editor's comment and an entry with an error stay.
	hand := "# by hand\n- id: draft\n  question: Wer?\n"
	if err := os.WriteFile(path, []byte(hand), 0o644); err != nil {
		t.Fatal(err)
	}
	c := Curated{ID: "a1", Question: "Gibt es einen Mitgliedsbeitrag?", Answer: "Nein.\nDie Mitgliedschaft ist frei.", Lang: German, Organisation: "Stadt Duisburg", Date: Date{2026, 12, 3}}
	if err := AddCurated(path, c); err != nil {
		t.Fatal(err)
	}
	if err := AddCurated(path, c); err == nil || !strings.Contains(err.Error(), "used already") {
		t.Errorf("the same id twice: %v", err)
	}
	if err := AddCurated(path, Curated{ID: "x"}); err == nil {
		t.Error("an empty answer was added")
	}
	raw, _ := os.ReadFile(path)
	if !strings.Contains(string(raw), "# by hand") || !strings.Contains(string(raw), "id: draft") {
		t.Errorf("the editor's text is lost:\n%s", raw)
	}
	got, errs := LoadCurated(OSDir(dir))
	if len(got) != 1 || got[0] != c || len(errs) != 1 {
		t.Errorf("after add: %+v, %v", got, errs)
	}
	for _, want := range []bool{true, false} {
		if removed, err := RemoveCurated(path, "a1"); err != nil || removed != want {
			t.Errorf("RemoveCurated(a1) = %v, %v, want %v", removed, err, want)
		}
	}
	if got, _ := LoadCurated(OSDir(dir)); len(got) != 0 {
		t.Errorf("after remove: %+v", got)
	}
	if removed, _ := RemoveCurated(path, "draft"); !removed {
		t.Error("the draft was not removed")
	}

	// A file that is not YAML is left as it is.
	broken := "- id: a\n  question: [\n"
	os.WriteFile(path, []byte(broken), 0o644)
	var fe *FileError
	if err := AddCurated(path, c); !errors.As(err, &fe) || fe.Line == 0 {
		t.Errorf("broken file: %v, want a *FileError with a line", err)
	}
	if raw, _ := os.ReadFile(path); string(raw) != broken {
		t.Errorf("the broken file was changed:\n%s", raw)
	}
}
