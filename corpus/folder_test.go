package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// onlyFS hides every method of an fs.FS but Open, so that readFolder
// takes the way of any file system.
type onlyFS struct{ fsys fs.FS }

func (o onlyFS) Open(name string) (fs.File, error) { return o.fsys.Open(name) }

// TestListFolder checks that the folder listing of a directory on disk,
// which stats its files on several cores, finds the same releases with
// the same types and stamps as fs.ReadDir and a FileInfo for each, in the
// same order; the folder has more files than one worker stats.
func TestListFolder(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, ReleasesDir)
	if err := os.MkdirAll(filepath.Join(folder, "folder.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	for i := range 3 * batch {
		p := filepath.Join(folder, fmt.Sprintf("r%05d.txt", (i*7919)%(3*batch)))
		if err := os.WriteFile(p, []byte(fmt.Sprintf("release %d", i)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, when, when.Add(time.Duration(i)*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	for name, content := range map[string]string{"notes.yaml": "x", ".hidden.txt": "x", "backup.txt~": "x"} {
		if err := os.WriteFile(filepath.Join(folder, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("r00001.txt", filepath.Join(folder, "link.md")); err != nil {
		t.Fatal(err)
	}

	fast, err := readFolder(dirFS(dir), ReleasesDir, true)
	if err != nil {
		t.Fatal(err)
	}
	slow, err := readFolder(onlyFS{dirFS(dir)}, ReleasesDir, true)
	if err != nil {
		t.Fatal(err)
	}
	releases := func(entries []folderEntry) []folderEntry {
		var out []folderEntry
		for _, e := range entries {
			if IsReleaseFile(e.name) {
				out = append(out, e)
			}
		}
		return out
	}
	got, want := releases(fast), releases(slow)
	if len(want) != 3*batch+2 {
		t.Fatalf("fs.ReadDir lists %d release names, want %d", len(want), 3*batch+2)
	}
	if len(got) != len(want) {
		t.Fatalf("listFolder lists %d release names, fs.ReadDir %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d: listFolder gives %+v, fs.ReadDir %+v", i, got[i], want[i])
		}
	}
}

// TestListFolderRefusesLinkOut checks that a releases folder that is a
// link out of the data directory is not listed.
func TestListFolderRefusesLinkOut(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "a.txt"), []byte(secretLine), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, ReleasesDir)); err != nil {
		t.Fatal(err)
	}
	if entries, err := dirFS(dir).listFolder(ReleasesDir); err == nil {
		t.Errorf("listFolder lists a folder out of the directory: %+v", entries)
	}
}

// TestSortByDate checks the releases' order (dateOrder, reorder) against
// sorting the releases themselves, for the same instant in other zones,
// times apart by a nanosecond, the same time under other IDs and dates
// before 1970; the releases in any order, and in that of their IDs (as
// a start most often loads them), each ID once.
func TestSortByDate(t *testing.T) {
	berlin := time.FixedZone("CEST", 2*3600)
	noon := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	dates := []time.Time{noon, noon.In(berlin), noon.Add(time.Nanosecond), noon.Add(-time.Nanosecond),
		time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2031, 1, 1, 0, 0, 0, 5, berlin), {}}
	ids := []string{"b", "a", "c", "a-2"}
	var releases []Release
	for i := range 3 * len(dates) * len(ids) {
		releases = append(releases, Release{ID: fmt.Sprintf("%s-%d", ids[(i*5)%len(ids)], i%3), Date: dates[(i*3)%len(dates)], Title: fmt.Sprint(i)})
	}
	byID := make([]Release, len(releases))
	for i, r := range releases {
		r.ID = fmt.Sprintf("%03d-%s", i, r.ID)
		byID[i] = r
	}
	for name, releases := range map[string][]Release{"any order": releases, "by ID": byID} {
		want := slices.Clone(releases)
		slices.SortStableFunc(want, func(a, b Release) int {
			if c := a.Date.Compare(b.Date); c != 0 {
				return c
			}
			return strings.Compare(a.ID, b.ID)
		})
		reorder(releases, dateOrder(releases))
		for i := range want {
			if releases[i].ID != want[i].ID || !releases[i].Date.Equal(want[i].Date) {
				t.Fatalf("%s, place %d: %s at %v, want %s at %v", name, i, releases[i].ID, releases[i].Date, want[i].ID, want[i].Date)
			}
		}
	}
}

// TestLoadManyReleases loads a folder of more release files than one
// chunk of the loader, taken on several cores: every other file known by
// its stamp, a file with an error and a file whose ID an earlier one
// has. The releases, stamps and errors are those of the files in the
// order of their names.
func TestLoadManyReleases(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, ReleasesDir)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	n := readChunk + 5
	name := func(i int) string { return fmt.Sprintf("r%05d.md", i) }
	id := func(i int) string { return fmt.Sprintf("release-%05d", i) }
	const broken, twin = 7, readChunk // twin has the ID of the file before it, the last of the first chunk
	for i := range n {
		text := "---\nid: " + id(i) + "\ntitle: Datei " + id(i) + "\ndate: 2021-02-11\nlang: de\n---\nText.\n"
		switch i {
		case broken:
			text = "---\nid: " + id(i) + "\n---\n"
		case twin:
			text = strings.Replace(text, "id: "+id(i), "id: "+id(i-1), 1)
		}
		if err := os.WriteFile(filepath.Join(folder, name(i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d := OSDir(dir)
	d.Lazy = true
	asked := 0
	d.Known = func(at string, files []File) []*Release {
		asked++
		known := make([]*Release, len(files))
		for j, f := range files {
			var i int
			if _, err := fmt.Sscanf(f.Name, "r%05d.md", &i); err != nil || at != folder || i%2 == 1 || i == twin || f.Stamp.Size == 0 {
				continue
			}
			if j > 0 && files[j-1].Name >= f.Name {
				t.Errorf("Known asked of %s after %s", f.Name, files[j-1].Name)
			}
			// Every fourth from a folder named another way: it is given
			// its path in this one.
			source := filepath.Join(at, f.Name)
			if i%4 == 0 {
				source = filepath.Join("anderswo", f.Name)
			}
			known[j] = &Release{ID: id(i), Title: "bekannt", Source: source, Date: time.Date(2021, 2, 11, 0, 0, 0, 0, time.UTC)}
		}
		return known
	}
	data, errs := Load(d)
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), name(broken)) || !strings.Contains(errs[1].Error(), `release id "`+id(twin-1)+`" is already used by `+filepath.Join(folder, name(twin-1))) {
		t.Fatalf("errors %v, want one of %s and one of the ID of %s used again", errs, name(broken), name(twin-1))
	}
	if asked != 1 {
		t.Errorf("Known asked %d times, want once", asked)
	}
	if len(data.Releases) != n-2 || len(data.Stamps) != n-2 {
		t.Fatalf("%d releases and %d stamps, want %d", len(data.Releases), len(data.Stamps), n-2)
	}
	for i, r := range data.Releases { // one date: in the order of the IDs
		j := i
		if i >= broken {
			j++
		}
		if i >= twin-1 {
			j++
		}
		wantTitle := "Datei " + id(j)
		if j%2 == 0 && j != twin {
			wantTitle = "bekannt"
		}
		if r.ID != id(j) || r.Title != wantTitle || r.Source != filepath.Join(folder, name(j)) {
			t.Fatalf("release %d: %s %q from %s, want %s %q from %s", i, r.ID, r.Title, r.Source, id(j), wantTitle, name(j))
		}
		if fi, err := os.Stat(r.Source); err != nil || data.Stamps[r.ID] != stampOf(fi) {
			t.Fatalf("release %s: stamp %+v, want its file's (%v)", r.ID, data.Stamps[r.ID], err)
		}
	}
}

// BenchmarkListFolder lists and stats the release files of the data
// directory ISABOT_BENCH_DATA as a start does (a synthetic corpus of go
// run ./cmd/synthcorpus): the floor of a start that stats every file.
// Without the variable it is skipped.
//
//	ISABOT_BENCH_DATA=/work/synth100k go test -run '^$' -bench ListFolder -benchtime 20x ./corpus
func BenchmarkListFolder(b *testing.B) {
	dir := os.Getenv("ISABOT_BENCH_DATA")
	if dir == "" {
		b.Skip("ISABOT_BENCH_DATA names no data directory")
	}
	for range b.N {
		entries, err := dirFS(dir).listFolder(ReleasesDir)
		if err != nil || len(entries) == 0 {
			b.Fatal(err, len(entries))
		}
	}
}
