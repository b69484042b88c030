package synthetic

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

func TestReleasesAreDeterministic(t *testing.T) {
	a, b := Releases(60, 7), Releases(60, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two calls with the same seed differ")
	}
	if !reflect.DeepEqual(Releases(10, 7), a[:10]) {
		t.Error("release i depends on the count")
	}
	if reflect.DeepEqual(Releases(10, 8), a[:10]) {
		t.Error("another seed gives the same releases")
	}
	if len(Releases(0, 7)) != 0 || len(Releases(-1, 7)) != 0 {
		t.Error("no releases wanted, some made")
	}
}

func TestReleasesAreMarkedAndVaried(t *testing.T) {
	releases := Releases(500, 1)
	langs := map[corpus.Lang]int{}
	years := map[int]bool{}
	titles := map[string]bool{}
	for i, r := range releases {
		if want := fmt.Sprintf("synthetic-%06d", i+1); r.ID != want {
			t.Errorf("release %d: ID %q, want %q", i, r.ID, want)
		}
		if !strings.HasPrefix(r.Title, TitlePrefix) || r.Source != Source {
			t.Errorf("%s: not marked synthetic: title %q, source %q", r.ID, r.Title, r.Source)
		}
		if n := len(r.Body); n < 4 || n > 8 {
			t.Errorf("%s: %d body paragraphs, want 4 to 8", r.ID, n)
		}
		if len(r.About) == 0 || len(r.Contact) == 0 || r.Place == "" {
			t.Errorf("%s: about, contact or place missing", r.ID)
		}
		if !strings.Contains(strings.Join(r.About, " "), "syntheti") {
			t.Errorf("%s: the about section does not say the release is synthetic", r.ID)
		}
		if r.Date.Before(firstDate) || r.Date.After(lastDate) || r.Date.Location() != time.UTC {
			t.Errorf("%s: date %v out of range", r.ID, r.Date)
		}
		for _, p := range append(slices.Clone(r.Body), r.Title) {
			if strings.ContainsAny(p, "{}") || strings.Contains(p, "%!") {
				t.Errorf("%s: unfilled template: %q", r.ID, p)
			}
		}
		langs[r.Lang]++
		years[r.Date.Year()] = true
		titles[r.Title] = true
	}
	if langs[corpus.German] < 300 || langs[corpus.English] < 50 || len(langs) != 2 {
		t.Errorf("languages %v, want mostly German and some English", langs)
	}
	if len(years) < 9 {
		t.Errorf("dates spread over %d years only", len(years))
	}
	if len(titles) < 400 {
		t.Errorf("only %d different titles in 500 releases", len(titles))
	}
}

// TestWriteFilesReadsBack writes releases into a data directory's
// releases folder and loads it as isabot does: every release comes back as
// it was written.
func TestWriteFilesReadsBack(t *testing.T) {
	releases := Releases(40, 3)
	dir := t.TempDir()
	if err := WriteFiles(filepath.Join(dir, corpus.ReleasesDir), releases); err != nil {
		t.Fatal(err)
	}
	for _, r := range releases[:5] {
		path := filepath.Join(dir, corpus.ReleasesDir, r.ID+".txt")
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := corpus.ParseRelease(path, raw)
		if err != nil {
			t.Fatal(err)
		}
		want := r
		want.Source = path
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s reads back as\n%+v\nwant\n%+v", path, got, want)
		}
	}
	data, problems := corpus.Load(corpus.OSDir(dir))
	for _, err := range problems {
		t.Error(err)
	}
	if len(data.Releases) != len(releases) {
		t.Errorf("loaded %d releases, want %d", len(data.Releases), len(releases))
	}
}

func TestWriteFilesLayouts(t *testing.T) {
	r := corpus.Release{
		ID: "test-zh", Date: time.Date(2021, 2, 11, 0, 0, 0, 0, time.UTC), Place: "柏林", Lang: corpus.Chinese,
		Title: "[SYNTHETIC] 测试新闻稿", Body: []string{"第一段。", "第二段 with Latin words。"},
		About: []string{"关于联盟的测试。"}, Contact: []string{"测试新闻办公室", "press@example.org"},
	}
	if err := WriteFiles(t.TempDir(), []corpus.Release{r}); err != nil {
		t.Errorf("a Chinese release: %v", err)
	}
}

func TestWriteFilesRefusesWhatWouldNotReadBack(t *testing.T) {
	good := Releases(1, 1)[0]
	tests := map[string]func(r *corpus.Release){
		"ID with a slash":      func(r *corpus.Release) { r.ID = "a/b" },
		"no body":              func(r *corpus.Release) { r.Body = nil },
		"heading as title":     func(r *corpus.Release) { r.Title = "Kontakt: Presse" },
		"line break in body":   func(r *corpus.Release) { r.Body[0] = "one\n\ntwo" },
		"double space in body": func(r *corpus.Release) { r.Body[0] = "one  two" },
		"comma in place":       func(r *corpus.Release) { r.Place = "Berlin, Mitte" },
	}
	for name, spoil := range tests {
		t.Run(name, func(t *testing.T) {
			r := good
			r.Body = slices.Clone(good.Body)
			spoil(&r)
			if err := WriteFiles(t.TempDir(), []corpus.Release{r}); err == nil {
				t.Error("no error")
			}
		})
	}
}
