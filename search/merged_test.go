package search

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

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
	if _, ok := idx.keptMerged(mergeKey(learningKey(&data), &data)); ok {
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
