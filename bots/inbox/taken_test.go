package inbox

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

const plenumFile = "2024-06-12-testmeldung-plenum.md"

// A scan reads only the files not taken as they are now: an unchanged
// file is passed over at the next start, a changed or added one is read
// and taken, and a release the sink is not done with is read again.
func TestWatchFolderPassesOverTakenFiles(t *testing.T) {
	dataDir := t.TempDir()
	dir := filepath.Join(dataDir, corpus.ReleasesDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Older than the settle period: a scan takes them at once.
	earlier := time.Now().Add(-3 * time.Hour)
	put := func(name string, data []byte, at time.Time) {
		t.Helper()
		p := filepath.Join(dir, name)
		writeFile(t, p, data)
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	put(messeFile, fixture(t, "releases/"+messeFile), earlier)
	put(plenumFile, fixture(t, "releases/"+plenumFile), earlier)
	takenPath := filepath.Join(dataDir, "taken.log")

	// start runs a watch with a scan, as a start of the server does, and
	// returns the IDs of the releases it read.
	start := func(done func(corpus.Release) bool) []string {
		t.Helper()
		taken, err := OpenTaken(takenPath)
		if err != nil {
			t.Fatal(err)
		}
		defer taken.Close()
		c, _, cancel, _ := watch(t, dataDir, Options{Settle: time.Hour, Scan: true, Taken: taken, Done: done})
		defer cancel()
		var ids []string
		for _, r := range c.releases() {
			ids = append(ids, r.ID)
		}
		slices.Sort(ids)
		return ids
	}
	messe, plenum := "2024-05-06-testmeldung-messe", "2024-06-12-testmeldung-plenum"
	notPlenum := func(r corpus.Release) bool { return r.ID != plenum }

	if got, want := start(notPlenum), []string{messe, plenum}; !slices.Equal(got, want) {
		t.Fatalf("first start read %v, want %v", got, want)
	}
	if got, want := start(nil), []string{plenum}; !slices.Equal(got, want) {
		t.Fatalf("second start read %v, want %v: the one not done with", got, want)
	}
	if got := start(nil); len(got) != 0 {
		t.Fatalf("third start read %v, want nothing: no file changed", got)
	}

	// Changed in place (a new size and time), added, removed.
	changed := strings.Replace(string(fixture(t, "releases/"+messeFile)), messeLast, messeLast+" Ergänzt.", 1)
	put(messeFile, []byte(changed), earlier.Add(time.Minute))
	if err := os.Remove(filepath.Join(dir, plenumFile)); err != nil {
		t.Fatal(err)
	}
	put("2024-07-01-neu.md", []byte("---\ntitle: Neue Testmeldung\ndate: 2024-07-01\nlang: de\n---\n\nEin neuer Absatz.\n"), earlier)
	if got, want := start(nil), []string{messe, "2024-07-01-neu"}; !slices.Equal(got, want) {
		t.Fatalf("after a change read %v, want %v", got, want)
	}
	if got := start(nil); len(got) != 0 {
		t.Fatalf("then read %v, want nothing", got)
	}
	// The same name back with another stamp is read again.
	put(plenumFile, fixture(t, "releases/"+plenumFile), earlier.Add(2*time.Minute))
	if got, want := start(nil), []string{plenum}; !slices.Equal(got, want) {
		t.Fatalf("after the file came back read %v, want %v", got, want)
	}
}

// The record keeps the last stamp of each name across opens, and is
// written again without the lines that no longer count.
func TestTakenLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "taken.log")
	taken, err := OpenTaken(path)
	if err != nil {
		t.Fatal(err)
	}
	odd := "a release with spaces\tand \"quotes\".md"
	for i := range 200 {
		if err := taken.Take(map[string]corpus.Stamp{"a.md": {Size: int64(i), ModTime: 7}, odd: {Size: 3, ModTime: int64(i)}}); err != nil {
			t.Fatal(err)
		}
	}
	taken.Close()
	raw, _ := os.ReadFile(path)
	before := strings.Count(string(raw), "\n")

	taken, err = OpenTaken(path)
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	for _, tc := range []struct {
		name  string
		stamp corpus.Stamp
		want  bool
	}{
		{"a.md", corpus.Stamp{Size: 199, ModTime: 7}, true},
		{"a.md", corpus.Stamp{Size: 198, ModTime: 7}, false},
		{odd, corpus.Stamp{Size: 3, ModTime: 199}, true},
		{"b.md", corpus.Stamp{Size: 199, ModTime: 7}, false},
	} {
		if got := taken.Has(tc.name, tc.stamp); got != tc.want {
			t.Errorf("Has(%q, %v) = %v, want %v", tc.name, tc.stamp, got, tc.want)
		}
	}
	raw, _ = os.ReadFile(path)
	if after := strings.Count(string(raw), "\n"); before != 400 || after != 2 {
		t.Errorf("the log had %d lines, then %d; want 400, then 2", before, after)
	}
}
