package search

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/corpus/synthetic"
)

// TestMergedFactsKept checks that the facts an engine merges are kept in
// the on-disk index and taken by the next start as merge made them,
// without reading what each release states; and that a start with other
// data files merges again.
func TestMergedFactsKept(t *testing.T) {
	dataDir := t.TempDir()
	if err := os.CopyFS(dataDir, os.DirFS("testdata/eval")); err != nil {
		t.Fatal(err)
	}
	if err := synthetic.WriteFiles(filepath.Join(dataDir, corpus.ReleasesDir), synthetic.Releases(20, 3)); err != nil {
		t.Fatal(err)
	}
	merged, idx, _ := lazyStart(t, dataDir)
	want := mustJSON(t, merged.data)
	facts, err := merged.LearnedFacts("")
	if err != nil || len(facts) == 0 {
		t.Fatalf("learned facts: %v, %v", facts, err)
	}
	idx.Close()

	kept, idx, files := lazyStart(t, dataDir)
	if kept.learned != nil {
		t.Error("a start with the merged facts kept read what each release states")
	}
	if got := mustJSON(t, kept.data); got != want {
		t.Errorf("the kept merged facts differ from merge's:\n%s\nwant\n%s", got, want)
	}
	if again, _ := kept.LearnedFacts(""); !slices.Equal(again, facts) {
		t.Errorf("facts listed after a start from the kept merge:\n%v\nwant\n%v", again, facts)
	}
	if got := files.read(); len(got) > 0 {
		t.Errorf("listing the learned facts read %v", got)
	}
	idx.Close()

	// Other data files: merged again.
	data := *kept.base
	data.Alliance.Counts = nil
	idx, err = OpenIndex(filepath.Join(dataDir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if _, ok := idx.keptMerged(idx.mergeKeyOf(learningKey(&data), &data)); ok {
		t.Error("merged facts kept for other data files are used")
	}
}

// TestFirstBuildReadsOnce checks that building the index reads each new
// release file twice at most: once to load it without its text, once to
// index it and learn what it states.
func TestFirstBuildReadsOnce(t *testing.T) {
	dataDir := t.TempDir()
	releases := synthetic.Releases(5, 11)
	if err := synthetic.WriteFiles(filepath.Join(dataDir, corpus.ReleasesDir), releases); err != nil {
		t.Fatal(err)
	}
	idx, err := OpenIndex(filepath.Join(dataDir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	files := &countingFS{FS: os.DirFS(dataDir)}
	data, problems := corpus.Load(corpus.Embedded(), corpus.Dir{FS: files, Path: dataDir, Lazy: true, Known: idx.Known})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if _, problems, err := idx.Sync(t.Context(), data, nil); err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	NewEngine(data, idx)
	files.mu.Lock()
	defer files.mu.Unlock()
	opened := map[string]int{}
	for _, name := range files.opened {
		opened[name]++
	}
	for _, r := range releases {
		if n := opened[r.ID+".txt"]; n != 2 {
			t.Errorf("%s read %d times, want 2", r.ID, n)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// syncedStart is lazyStart without the engine, leaving the index to
// close: the index opened, the corpus loaded from what it knows, and
// synced.
func syncedStart(t *testing.T, dataDir string) (*corpus.Data, *Index) {
	t.Helper()
	idx, err := OpenIndex(filepath.Join(dataDir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	data, problems := corpus.Load(corpus.Embedded(), corpus.Dir{FS: os.DirFS(dataDir), Path: dataDir, Lazy: true, Known: idx.Known})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if _, problems, err := idx.Sync(t.Context(), data, nil); err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	return data, idx
}

// TestReleasesKeyKept checks that a start whose releases are those the
// merged facts were kept for takes their key of the releases without
// hashing them, and that it is the key hashing them makes; and that a
// release changed in any part the key covers, added, removed or
// replaced while the engine runs makes the key be hashed again, and
// differ.
func TestReleasesKeyKept(t *testing.T) {
	dataDir := t.TempDir()
	releasesDir := filepath.Join(dataDir, corpus.ReleasesDir)
	releases := synthetic.Releases(6, 5)
	if err := synthetic.WriteFiles(releasesDir, releases); err != nil {
		t.Fatal(err)
	}
	e, idx, _ := lazyStart(t, dataDir)
	idx.Close()

	data, idx := syncedStart(t, dataDir)
	if idx.unchanged != data {
		t.Fatal("a start with the releases the merged facts were kept for does not take their key")
	}
	key := idx.mergeKeyOf(learningKey(data), data)
	if want := releasesKey(data); key.releases != want {
		t.Fatalf("kept key of the releases %s, hashing them makes %s", key.releases, want)
	}
	if _, ok := idx.keptMerged(key); !ok {
		t.Fatal("the merged facts kept are not taken")
	}
	// Other data than that synced is hashed.
	other := *data
	if idx.mergeKeyOf(learningKey(&other), &other) != key {
		t.Error("the same releases in another corpus.Data make another key")
	}
	idx.Close()

	// What the key covers of a release, changed where its file's stamp
	// does not tell (a release read from a link, say).
	for _, change := range []struct {
		what string
		do   func(r *corpus.Release)
	}{
		{"title", func(r *corpus.Release) { r.Title += " (korrigiert)" }},
		{"link", func(r *corpus.Release) { r.URL = "https://example.org/other" }},
		{"date", func(r *corpus.Release) { r.Date = r.Date.Add(time.Hour) }},
		{"zone", func(r *corpus.Release) { r.Date = r.Date.In(time.FixedZone("", 7200)) }},
	} {
		data, idx := syncedStart(t, dataDir)
		i := slices.IndexFunc(data.Releases, func(r corpus.Release) bool { return r.ID == releases[2].ID })
		change.do(&data.Releases[i])
		if _, _, err := idx.Sync(t.Context(), data, nil); err != nil {
			t.Fatal(err)
		}
		if idx.unchanged != nil {
			t.Errorf("%s changed: the kept key of the releases is taken", change.what)
		}
		if key := idx.mergeKeyOf(learningKey(data), data); key.releases != releasesKey(data) {
			t.Errorf("%s changed: the key of the releases is not hashed", change.what)
		} else if _, ok := idx.keptMerged(key); ok {
			t.Errorf("%s changed: the merged facts kept are taken", change.what)
		}
		idx.Close()
	}

	// A running engine that takes a release: the index no longer holds
	// the releases of the key.
	e, idx, _ = lazyStart(t, dataDir)
	again := releases[3]
	again.Title = "Neu gefasst"
	if err := e.Add(t.Context(), again); err != nil {
		t.Fatal(err)
	}
	if idx.unchanged != nil {
		t.Error("after Add the index still takes the kept key of the releases")
	}
	idx.Close()

	// A file removed, then one added: each start hashes the releases,
	// and keeps the new key for the next.
	if err := os.Remove(filepath.Join(releasesDir, releases[0].ID+".txt")); err != nil {
		t.Fatal(err)
	}
	added := synthetic.Releases(7, 5)[6]
	added.ID = "added-release"
	for _, step := range []func() error{
		func() error { return nil },
		func() error { return synthetic.WriteFiles(releasesDir, []corpus.Release{added}) },
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
		before := idx.snap.MergeKey
		data, idx = syncedStart(t, dataDir)
		if idx.unchanged != nil {
			t.Error("a start with a release removed or added takes the kept key of the releases")
		}
		e = NewEngine(data, idx)
		if e.learned == nil || idx.snap.MergeKey == before {
			t.Error("a start with a release removed or added did not merge again")
		}
		idx.Close()
		data, idx = syncedStart(t, dataDir)
		if idx.unchanged != data {
			t.Error("the start after it does not take the kept key of the releases")
		}
		idx.Close()
	}
}

// NewEngine orders the releases oldest first, those of the same time by
// ID, whether or not they come in order.
func TestNewEngineOrdersReleases(t *testing.T) {
	day := time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)
	want := []corpus.Release{
		{ID: "b", Date: day.Add(-time.Hour), Title: "B", Body: []string{"Text."}},
		{ID: "a", Date: day, Title: "A", Body: []string{"Text."}},
		{ID: "c", Date: day, Title: "C", Body: []string{"Text."}},
		{ID: "d", Date: day.Add(time.Minute), Title: "D", Body: []string{"Text."}},
	}
	ids := func(rs []corpus.Release) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 0, 2, 3}, {0, 2, 1, 3}} {
		var releases []corpus.Release
		for _, i := range order {
			releases = append(releases, want[i])
		}
		idx, err := NewMemIndex(t.Context(), releases)
		if err != nil {
			t.Fatal(err)
		}
		data := &corpus.Data{Releases: releases}
		NewEngine(data, idx)
		if got := ids(data.Releases); !slices.Equal(got, ids(want)) {
			t.Errorf("releases given as %v ordered as %v, want %v", order, got, ids(want))
		}
		idx.Close()
	}
}

func TestSamePerson(t *testing.T) {
	// Contact blocks name one person in either script; a different name
	// is another person, whose first day is their own.
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"邝晓彤", "Kuang Xiaotong", true},
		{"Kuang Xiaotong", "邝晓彤", true},
		{"Jana Roe", "Jana Roe", true},
		{"Jana Roe", "Max Mustermann", false},
		{"邝晓彤", "谭嘉欣", false},
		{"邝晓彤", "Tan Jiaxin", false},
		// With the name in the other script in brackets.
		{"赵敏（Zhao Min）", "赵敏", true},
		{"Zhao Min (赵敏)", "Zhao Min", true},
	} {
		if got := samePerson(tt.a, tt.b); got != tt.same {
			t.Errorf("samePerson(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}
