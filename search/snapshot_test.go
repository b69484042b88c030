package search

import (
	"encoding/gob"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/corpus/synthetic"
)

// countingFS records the release files opened.
type countingFS struct {
	fs.FS
	mu     sync.Mutex
	opened []string
}

func (c *countingFS) Open(name string) (fs.File, error) {
	if strings.HasPrefix(name, corpus.ReleasesDir+"/") {
		c.mu.Lock()
		c.opened = append(c.opened, strings.TrimPrefix(name, corpus.ReleasesDir+"/"))
		c.mu.Unlock()
	}
	return c.FS.Open(name)
}

// read returns the distinct files opened since the last call, sorted.
func (c *countingFS) read() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := slices.Compact(slices.Sorted(slices.Values(c.opened)))
	c.opened = nil
	return out
}

// lazyStart starts as isabot does, leaving the index to close: the index opened, the data directory's
// releases loaded without their text and only where the index does not
// know their files, the index brought up to date, the engine made.
func lazyStart(t *testing.T, dataDir string) (*Engine, *Index, *countingFS) {
	t.Helper()
	idx, err := OpenIndex(filepath.Join(dataDir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	files := &countingFS{FS: os.DirFS(dataDir)}
	dir := corpus.Dir{FS: files, Path: dataDir, Lazy: true, Known: idx.Known}
	data, problems := corpus.Load(corpus.Embedded(), dir)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if _, problems, err := idx.Sync(t.Context(), data, nil); err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	return NewEngine(data, idx), idx, files
}

// searchIDs are the IDs of the releases a search for words finds.
func searchIDs(t *testing.T, e *Engine, words string) []string {
	t.Helper()
	hits, _, err := e.Search(t.Context(), words, corpus.German, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.Release.ID)
	}
	return ids
}

// TestUnchangedArchiveNotReread checks that a start with unchanged
// release files reads none of them, that a release's text is read when
// it is asked for, and that a changed, an added and a removed file are
// noticed at the next start, which reads only the changed and the added.
func TestUnchangedArchiveNotReread(t *testing.T) {
	dataDir := t.TempDir()
	releasesDir := filepath.Join(dataDir, corpus.ReleasesDir)
	releases := synthetic.Releases(4, 7)
	if err := synthetic.WriteFiles(releasesDir, releases); err != nil {
		t.Fatal(err)
	}
	name := func(r corpus.Release) string { return r.ID + ".txt" }

	e, idx, files := lazyStart(t, dataDir)
	if got := files.read(); len(got) < len(releases) {
		t.Fatalf("first start read %v, want every release file", got)
	}
	learned, err := e.LearnedFacts("")
	if err != nil {
		t.Fatal(err)
	}
	idx.Close()

	// Unchanged: nothing read, the same facts, and the text read on demand.
	e, idx, files = lazyStart(t, dataDir)
	if got := files.read(); len(got) > 0 {
		t.Errorf("a start with unchanged files read %v", got)
	}
	if again, _ := e.LearnedFacts(""); !slices.Equal(again, learned) {
		t.Errorf("facts after a start from the snapshot:\n%v\nwant\n%v", again, learned)
	}
	r, ok := e.Release(releases[0].ID)
	if !ok || !slices.Equal(r.Body, releases[0].Body) || r.Title != releases[0].Title {
		t.Errorf("release read on demand: %+v, want %+v", r, releases[0])
	}
	if got := files.read(); !slices.Equal(got, []string{name(releases[0])}) {
		t.Errorf("showing a release read %v, want its file only", got)
	}
	idx.Close()

	// One file changed, one added, one removed.
	changed := releases[1]
	changed.Body = append([]string{"Die Zylinderkopfdichtung wurde erneuert."}, changed.Body...)
	added := synthetic.Releases(5, 8)[4]
	added.ID = "added-release"
	if err := synthetic.WriteFiles(releasesDir, []corpus.Release{changed, added}); err != nil {
		t.Fatal(err)
	}
	// The stamp must differ even on a file system with coarse times.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(releasesDir, name(changed)), later, later); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(releasesDir, name(releases[2]))); err != nil {
		t.Fatal(err)
	}
	e, idx, files = lazyStart(t, dataDir)
	defer idx.Close()
	if got, want := files.read(), []string{name(added), name(changed)}; !slices.Equal(got, want) {
		t.Errorf("a start after changes read %v, want %v", got, want)
	}
	if got := searchIDs(t, e, "Zylinderkopfdichtung"); !slices.Equal(got, []string{changed.ID}) {
		t.Errorf("the changed release's new word finds %v, want %v", got, []string{changed.ID})
	}
	if _, ok := e.Release(releases[2].ID); ok {
		t.Error("the removed release is still there")
	}
	if r, ok := e.Release(added.ID); !ok || !slices.Equal(r.Body, added.Body) {
		t.Errorf("the added release: %v, %v", r, ok)
	}

	// A running engine takes a changed release (as serve's watch of the
	// folder gives it): its new text is found, its old text no longer.
	again := releases[3]
	again.Body = []string{"Der Vergaser wurde gereinigt."}
	if err := e.Add(t.Context(), again); err != nil {
		t.Fatal(err)
	}
	if got := searchIDs(t, e, "Vergaser"); !slices.Equal(got, []string{again.ID}) {
		t.Errorf("the new text finds %v, want %v", got, []string{again.ID})
	}
	if r, _ := e.Release(again.ID); !slices.Equal(r.Body, again.Body) {
		t.Errorf("the release after Add: %v", r.Body)
	}
	for i := 1; i < len(releases[3].Body); i++ {
		id := passage{Release: &again, Kind: partBody, Index: i}.docID()
		if doc, err := idx.bleve.Document(id); err != nil || doc != nil {
			t.Errorf("the old passage %s is still indexed (%v)", id, err)
		}
	}
}

// TestMovedDataDirNotReread checks that the data directory named another
// way (moved, or given by a relative path) is the same archive: no file
// is read again, and a release's text is read from its new place.
func TestMovedDataDirNotReread(t *testing.T) {
	first := filepath.Join(t.TempDir(), "data")
	releases := synthetic.Releases(3, 5)
	if err := synthetic.WriteFiles(filepath.Join(first, corpus.ReleasesDir), releases); err != nil {
		t.Fatal(err)
	}
	_, idx, _ := lazyStart(t, first)
	idx.Close()
	moved := filepath.Join(t.TempDir(), "moved")
	if err := os.Rename(first, moved); err != nil {
		t.Fatal(err)
	}
	e, idx, files := lazyStart(t, moved)
	if got := files.read(); len(got) > 0 {
		t.Errorf("a start from the moved data directory read %v", got)
	}
	if r, ok := e.Release(releases[0].ID); !ok || !slices.Equal(r.Body, releases[0].Body) {
		t.Errorf("release read from its new place: %v, %v", r, ok)
	}
	idx.Close()
	// The snapshot keeps the new paths.
	snap, ok := readSnapshot(filepath.Join(moved, "index"))
	if !ok {
		t.Fatal("no snapshot")
	}
	for _, r := range releases {
		if k := snap.Releases[r.ID]; k == nil || k.Release.Source != filepath.Join(moved, corpus.ReleasesDir, r.ID+".txt") {
			t.Errorf("the snapshot keeps release %s as %+v", r.ID, k)
		}
	}
}

// Records that share a contact still say what each said, their own
// citation too, and the contact an engine may hold is not changed.
func TestLearnedSetShare(t *testing.T) {
	contact := func(org, source string) *corpus.Office {
		return &corpus.Office{Kind: corpus.OfficeGerman, Organisation: org, Person: "Erika Muster", Email: "presse@example.org",
			Role: corpus.Text{corpus.German: "Pressekontakt der ISA", corpus.English: "the ISA's press contact"}, Address: []string{"Hafenstraße 1", "Hamburg"},
			Cite: corpus.Cite{Source: source, AsOf: corpus.Date{Year: 2024, Month: 5, Day: 6}}}
	}
	records := []*learnedRecord{
		{Version: "a", Contact: contact("Agentur A", "release-a")},
		{Version: "b", Contact: contact("Agentur A", "release-b")},
		{Version: "c", Contact: contact("Agentur C", "release-c")},
		{Version: "d"},
	}
	var set learnedSet
	for _, rec := range records {
		held := rec.Contact
		want := *rec
		if held != nil {
			c := *held
			c.Role = maps.Clone(held.Role)
			want.Contact = &c
		}
		set.share(rec)
		if !reflect.DeepEqual(rec, &want) {
			t.Errorf("record %s after share: %+v, want %+v", rec.Version, rec.Contact, want.Contact)
		}
		if held != nil && (held == rec.Contact || !reflect.DeepEqual(held, want.Contact)) {
			t.Errorf("record %s: the contact held before was replaced in place or changed", rec.Version)
		}
	}
	if len(set.offices) != 2 {
		t.Errorf("%d contacts kept, want 2", len(set.offices))
	}
}

// The learned facts are written in parts and read back whole; a
// snapshot written before in gob, in parts or in one message, is read
// when there is no snapshot file.
func TestSnapshotInParts(t *testing.T) {
	snap := newSnapshot()
	snap.MergeKey = "key"
	learned := &learnedSet{Mapping: mappingVersion, Key: "learning", Records: map[string]*learnedRecord{}}
	for i := range 2*partSize + 10 {
		id := fmt.Sprintf("release-%05d", i)
		snap.Releases[id] = &keptRelease{Release: corpus.Release{ID: id, Title: "Titel " + id, Source: id + ".md"},
			Stamp: corpus.Stamp{Size: int64(i), ModTime: 1}, Body: i % 7}
		learned.Records[id] = &learnedRecord{Version: id, Count: &corpus.Count{Total: i}}
	}
	dir := t.TempDir()
	idx := &Index{dir: dir, snap: snap, learned: learned}
	if err := idx.saveLearned(); err != nil {
		t.Fatal(err)
	}
	again := &Index{dir: dir, snap: snap}
	again.loadLearned()
	if again.learned.Key != learned.Key || !reflect.DeepEqual(again.learned.Records, learned.Records) {
		t.Fatalf("learned facts read back: key %q, %d records, want %d", again.learned.Key, len(again.learned.Records), len(learned.Records))
	}

	// The gob snapshot as it was written, in parts, the first counting
	// the releases of all.
	err := writeGob(dir, oldSnapshotFile, func(enc *gob.Encoder) error {
		return encodeParts(enc, snap.Releases, func(releases map[string]*keptRelease, first bool) any {
			if first {
				return &snapshot{Mapping: snap.Mapping, MergeKey: snap.MergeKey, Count: len(snap.Releases), Releases: releases}
			}
			return &snapshot{Releases: releases}
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	got, ok := readSnapshot(dir)
	want := *snap
	want.old = true
	if !ok || !reflect.DeepEqual(got, &want) {
		t.Fatalf("gob snapshot read back: %v, %d releases, want %d", ok, len(got.Releases), len(snap.Releases))
	}

	old := newSnapshot()
	old.Releases["one"] = &keptRelease{Release: corpus.Release{ID: "one"}}
	if err := writeGob(dir, oldSnapshotFile, func(enc *gob.Encoder) error { return enc.Encode(old) }); err != nil {
		t.Fatal(err)
	}
	old.old = true
	if got, ok := readSnapshot(dir); !ok || !reflect.DeepEqual(got, old) {
		t.Errorf("a gob snapshot of one message read back as %+v, %v", got, ok)
	}
}
