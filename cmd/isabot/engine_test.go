package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/corpus/synthetic"
	"github.com/isa-alliance/isabot/search"
)

// corpusApp is an app for the data directory dataDir, reading its corpus
// files from dataFS when it is not nil, logging to log.
func corpusApp(t *testing.T, dataDir string, dataFS fs.FS, log io.Writer) *app {
	t.Helper()
	env := map[string]string{"ISABOT_DATA": dataDir}
	cfg, err := loadConfig(map[string]bool{}, map[string]*string{}, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	logger, err := newLogger(log, "text", "debug")
	if err != nil {
		t.Fatal(err)
	}
	return &app{stdout: io.Discard, stderr: log, logger: logger, cfg: cfg, dataDir: dataDir, dataFS: dataFS}
}

// TestOpenCorpusReadsFileChangedInPlace checks that a start notices a
// release file rewritten in place, which leaves its folder's
// modification time as it was, and that a start after it reads nothing.
func TestOpenCorpusReadsFileChangedInPlace(t *testing.T) {
	dataDir := t.TempDir()
	releasesDir := filepath.Join(dataDir, corpus.ReleasesDir)
	releases := synthetic.Releases(3, 5)
	if err := synthetic.WriteFiles(releasesDir, releases); err != nil {
		t.Fatal(err)
	}
	log := &syncWriter{}
	a := corpusApp(t, dataDir, nil, log)
	// open starts as `isabot ask` does and returns the title of the
	// release with id, and whether the start indexed anything.
	open := func(id string) (string, bool) {
		t.Helper()
		before := len(log.String())
		data, _, idx, err := a.openCorpus(t.Context(), false)
		if err != nil {
			t.Fatal(err)
		}
		idx.Close()
		indexed := strings.Contains(log.String()[before:], "updated the search index")
		for _, r := range data.Releases {
			if r.ID == id {
				return r.Title, indexed
			}
		}
		t.Fatalf("release %s is not in the corpus", id)
		return "", false
	}
	changed := releases[1]
	if _, indexed := open(changed.ID); !indexed {
		t.Fatal("the first start indexed nothing")
	}
	if title, indexed := open(changed.ID); indexed || title != changed.Title {
		t.Fatalf("an unchanged start: title %q, indexed %v; want %q, false", title, indexed, changed.Title)
	}

	folder, err := os.Stat(releasesDir)
	if err != nil {
		t.Fatal(err)
	}
	changed.Title = "Zylinderkopfdichtung in Hannover erneuert"
	if err := synthetic.WriteFiles(releasesDir, []corpus.Release{changed}); err != nil { // truncates and writes: in place
		t.Fatal(err)
	}
	// The stamp must differ even on a file system with coarse times.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(releasesDir, changed.ID+".txt"), later, later); err != nil {
		t.Fatal(err)
	}
	if again, err := os.Stat(releasesDir); err != nil || !again.ModTime().Equal(folder.ModTime()) {
		t.Fatalf("the folder's modification time changed (%v): the test would not show what it means to", err)
	}
	if title, indexed := open(changed.ID); !indexed || title != changed.Title {
		t.Fatalf("the start after the file changed in place: title %q, indexed %v; want %q, true", title, indexed, changed.Title)
	}
	if _, indexed := open(changed.ID); indexed {
		t.Fatal("the start after that indexed again")
	}
}

// countingFS counts the release files opened.
type countingFS struct {
	fs.FS
	mu       sync.Mutex
	releases int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	if strings.HasPrefix(name, corpus.ReleasesDir+"/") {
		c.mu.Lock()
		c.releases++
		c.mu.Unlock()
	}
	return c.FS.Open(name)
}

// TestOpenCorpusLockedIndex checks a start while another process holds
// the index, which opens while the corpus loads: `index` gives up
// without reading the release files, `ask` and `serve` build an index in
// memory from all of them.
func TestOpenCorpusLockedIndex(t *testing.T) {
	dataDir := t.TempDir()
	releases := synthetic.Releases(3, 5)
	if err := synthetic.WriteFiles(filepath.Join(dataDir, corpus.ReleasesDir), releases); err != nil {
		t.Fatal(err)
	}
	held, err := search.OpenIndex(filepath.Join(dataDir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	for _, tc := range []struct {
		name      string
		inMemory  bool
		wantErr   error
		wantReads int
	}{
		{name: "index", inMemory: false, wantErr: search.ErrLocked, wantReads: 0},
		{name: "ask", inMemory: true, wantReads: len(releases) * 2}, // loaded without its text, read again to index it
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := &countingFS{FS: corpus.DirFS(dataDir)}
			a := corpusApp(t, dataDir, files, &syncWriter{})
			data, _, idx, err := a.openCorpus(t.Context(), tc.inMemory)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("openCorpus: %v, want %v", err, tc.wantErr)
			}
			if err == nil {
				defer idx.Close()
				if n, err := idx.DocCount(); err != nil || n == 0 || len(data.Releases) < len(releases) {
					t.Errorf("the index in memory holds %d passages (%v) of %d releases", n, err, len(data.Releases))
				}
			}
			if files.releases != tc.wantReads {
				t.Errorf("%d release files read, want %d", files.releases, tc.wantReads)
			}
		})
	}
}
