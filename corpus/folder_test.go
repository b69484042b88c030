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
	for i := range 3 * statBatch {
		p := filepath.Join(folder, fmt.Sprintf("r%05d.txt", (i*7919)%(3*statBatch)))
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
	if len(want) != 3*statBatch+2 {
		t.Fatalf("fs.ReadDir lists %d release names, want %d", len(want), 3*statBatch+2)
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

// TestSortByDate checks the releases' order against sorting the releases
// themselves, for the same instant in other zones, times apart by a
// nanosecond, the same time under other IDs and dates before 1970.
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
	want := slices.Clone(releases)
	slices.SortStableFunc(want, func(a, b Release) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	sortByDate(releases)
	for i := range want {
		if releases[i].ID != want[i].ID || !releases[i].Date.Equal(want[i].Date) {
			t.Fatalf("place %d: %s at %v, want %s at %v", i, releases[i].ID, releases[i].Date, want[i].ID, want[i].Date)
		}
	}
}
