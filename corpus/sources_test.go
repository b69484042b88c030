package corpus

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestLoadReleaseSources checks the sources the releases make with
// those of the sources file: every release is a source of its own
// unless the file lists one of its ID, a data file may cite a release
// by its ID, and the sources are in the order of their IDs.
func TestLoadReleaseSources(t *testing.T) {
	files := map[string]string{
		SourcesFile: testSources + "- {id: 2021-03-01-b, title: Eigene Quelle für B}\n" +
			"- {id: src-0, title: Quelle zu A, release: 2021-02-01-a}\n",
		CitiesFile:   testRegions + "cities:\n" + testAachen + strings.ReplaceAll(testFoshan, "source: src-b, as_of: 2021-07", "source: 2021-02-01-a, as_of: 2021-07"),
		AllianceFile: testAlliance,
	}
	for _, name := range []string{"2021-03-01-b", "2021-02-01-a", "2021-04-01-c"} {
		files[ReleasesDir+"/"+name+".md"] = mdRelease("Meldung "+name, name[:10])
	}
	// A file whose name comes last, its ID first.
	files[ReleasesDir+"/zz.md"] = "---\nid: 2021-01-15-z\n" + strings.TrimPrefix(mdRelease("Meldung Z", "2021-01-15"), "---\n")
	d, errs := Load(testDir("small", files))
	for _, err := range errs {
		t.Errorf("unexpected problem: %v", err)
	}
	var ids []string
	for _, s := range d.Sources {
		ids = append(ids, s.ID)
	}
	if want := []string{"2021-01-15-z", "2021-02-01-a", "2021-03-01-b", "2021-04-01-c", "src-0", "src-a", "src-b"}; !slices.Equal(ids, want) {
		t.Errorf("sources %q, want %q", ids, want)
	}
	a := findSource(d, "2021-02-01-a")
	if want := (Source{ID: "2021-02-01-a", Title: "Meldung 2021-02-01-a", Date: Date{2021, time.February, 1}, Release: "2021-02-01-a"}); a == nil || *a != want {
		t.Errorf("the source of release a: %+v, want %+v", a, want)
	}
	if b := findSource(d, "2021-03-01-b"); b == nil || b.Title != "Eigene Quelle für B" || b.Release != "" {
		t.Errorf("the source listed with release b's ID: %+v", b)
	}
	if s := findSource(d, "src-0"); s == nil || s.Release != "2021-02-01-a" {
		t.Errorf("src-0: %+v", s)
	}
	if c := findCity(d, "Foshan"); c == nil || c.Source != "2021-02-01-a" {
		t.Errorf("Foshan, citing a release: %+v", c)
	}
	if got := filepath.Base(d.Releases[0].Source); got != "zz.md" {
		t.Errorf("the first release is from %s", got)
	}
}
