package inbox

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

const (
	messeFile = "2024-05-06-testmeldung-messe.md"
	messeLast = "Der letzte Absatz der Testmeldung endet hier."
)

// watch runs WatchFolder on dataDir's releases folder until the test ends
// and returns once the watch is in place.
func watch(t *testing.T, dataDir string, opts Options) (*collector, *logBuffer, context.CancelFunc, chan error) {
	t.Helper()
	c := &collector{}
	logger, logs := newLogger(t)
	ctx, cancel := context.WithCancel(t.Context())
	ready := make(chan struct{})
	opts.ready = func() { close(ready) }
	done := make(chan error, 1)
	go func() { done <- WatchFolder(ctx, filepath.Join(dataDir, corpus.ReleasesDir), c.sink, logger, opts) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("WatchFolder: %v", err)
	}
	return c, logs, cancel, done
}

// renameIn writes data to a hidden temporary file in dir and renames it
// to name, the way Publish and many editors save.
func renameIn(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	tmp := filepath.Join(dir, "."+name+".tmp")
	writeFile(t, tmp, data)
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

func TestWatchFolderRenamedInAtOnce(t *testing.T) {
	dataDir := t.TempDir()
	// A settle period longer than the test: only the rename can deliver.
	c, _, _, _ := watch(t, dataDir, Options{Settle: time.Hour})

	src := filepath.Join(t.TempDir(), messeFile)
	writeFile(t, src, fixture(t, "releases/"+messeFile))
	dest, err := Publish(dataDir, src)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the published release", func() bool { return len(c.releases()) > 0 })
	time.Sleep(200 * time.Millisecond) // room for a second, wrong delivery

	got := c.releases()
	if len(got) != 1 {
		t.Fatalf("got %d deliveries, want 1: %+v", len(got), got)
	}
	r := got[0]
	if r.ID != "2024-05-06-testmeldung-messe" || r.Source != dest || r.Title != "Testmeldung: ISA auf der Hannover Messe" {
		t.Errorf("got ID %q, Source %q, Title %q", r.ID, r.Source, r.Title)
	}
	if last := r.Body[len(r.Body)-1]; last != messeLast {
		t.Errorf("last paragraph %q, want %q", last, messeLast)
	}
}

func TestWatchFolderWrittenInPlaceSettles(t *testing.T) {
	dataDir := t.TempDir()
	c, _, _, _ := watch(t, dataDir, Options{Settle: 400 * time.Millisecond})

	data := fixture(t, "releases/"+messeFile)
	// The first part alone is a valid release, only shorter.
	cut := bytes.Index(data, []byte(messeLast))
	f, err := os.Create(filepath.Join(dataDir, corpus.ReleasesDir, messeFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(data[:cut]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // shorter than the settle period
	if _, err := f.Write(data[cut:]); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	waitFor(t, "the settled release", func() bool { return len(c.releases()) > 0 })
	time.Sleep(600 * time.Millisecond) // more than the settle period
	got := c.releases()
	if len(got) != 1 {
		t.Fatalf("got %d deliveries, want 1", len(got))
	}
	if last := got[0].Body[len(got[0].Body)-1]; last != messeLast {
		t.Errorf("read half the file: last paragraph %q, want %q", last, messeLast)
	}
}

func TestWatchFolderMalformedThenFixed(t *testing.T) {
	dataDir := t.TempDir()
	c, logs, _, _ := watch(t, dataDir, Options{Settle: time.Hour})
	dir := filepath.Join(dataDir, corpus.ReleasesDir)
	const name = "2024-07-01-testmeldung.md"

	renameIn(t, dir, name, fixture(t, "releases/bad-date.md"))
	waitFor(t, "the malformed file's log line", func() bool { return logs.contains(name + ":3: ") })
	if got := c.releases(); len(got) != 0 {
		t.Fatalf("a malformed file was delivered: %+v", got)
	}

	renameIn(t, dir, name, fixture(t, "releases/2024-06-12-testmeldung-plenum.md"))
	waitFor(t, "the fixed release", func() bool { return len(c.releases()) > 0 })
	if got := c.releases(); len(got) != 1 || got[0].ID != "2024-07-01-testmeldung" {
		t.Fatalf("got %+v, want the fixed release once", got)
	}
}

func TestWatchFolderIgnores(t *testing.T) {
	dataDir := t.TempDir()
	c, _, _, _ := watch(t, dataDir, Options{Settle: 100 * time.Millisecond})
	dir := filepath.Join(dataDir, corpus.ReleasesDir)
	good := fixture(t, "releases/2024-06-12-testmeldung-plenum.md")

	for _, name := range []string{".versteckt.md", "entwurf.md~", "notiz.pdf", "#autosave.txt#"} {
		writeFile(t, filepath.Join(dir, name), good) // in place
	}
	renameIn(t, dir, ".umbenannt.md", good)
	if err := os.Mkdir(filepath.Join(dir, "ordner.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Written last, so it settles after everything above.
	writeFile(t, filepath.Join(dir, "sentinel.md"), good)

	waitFor(t, "the sentinel", func() bool { return len(c.releases()) > 0 })
	time.Sleep(300 * time.Millisecond)
	var ids []string
	for _, r := range c.releases() {
		ids = append(ids, r.ID)
	}
	if !slices.Equal(ids, []string{"sentinel"}) {
		t.Errorf("delivered %q, want only the sentinel", ids)
	}
}

func TestWatchFolderScanOption(t *testing.T) {
	dataDir := t.TempDir()
	dir := filepath.Join(dataDir, corpus.ReleasesDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(dir, messeFile)
	writeFile(t, old, fixture(t, "releases/"+messeFile))
	hourAgo := time.Now().Add(-time.Hour)
	if err := os.Chtimes(old, hourAgo, hourAgo); err != nil {
		t.Fatal(err)
	}

	// A file unchanged for longer than the settle period is taken at once.
	c, _, _, _ := watch(t, dataDir, Options{Settle: time.Hour, Scan: true})
	if got := c.releases(); len(got) != 1 || got[0].ID != "2024-05-06-testmeldung-messe" {
		t.Fatalf("got %+v, want the release already in the folder", got)
	}
}

func TestWatchFolderStops(t *testing.T) {
	dataDir := t.TempDir()
	_, _, cancel, done := watch(t, dataDir, Options{})
	if _, err := os.Stat(filepath.Join(dataDir, corpus.ReleasesDir)); err != nil {
		t.Errorf("the releases folder was not created: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("WatchFolder returned %v, want nil", err)
		}
		done <- err // for the cleanup
	case <-time.After(5 * time.Second):
		t.Fatal("WatchFolder did not stop")
	}
}

func TestScanFolder(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{messeFile, "2024-06-12-testmeldung-plenum.md", "bad-date.md"} {
		writeFile(t, filepath.Join(dir, name), fixture(t, "releases/"+name))
	}
	writeFile(t, filepath.Join(dir, ".versteckt.md"), fixture(t, "releases/"+messeFile))
	c := &collector{}
	logger, logs := newLogger(t)

	if err := ScanFolder(t.Context(), dir, c.sink, logger); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range c.releases() {
		ids = append(ids, r.ID)
	}
	slices.Sort(ids)
	if want := []string{"2024-05-06-testmeldung-messe", "2024-06-12-testmeldung-plenum"}; !slices.Equal(ids, want) {
		t.Errorf("delivered %q, want %q", ids, want)
	}
	if !logs.contains("bad-date.md:3: ") {
		t.Errorf("the malformed file was not logged with its line")
	}

	if err := ScanFolder(t.Context(), filepath.Join(dir, "missing"), c.sink, logger); err != nil {
		t.Errorf("a missing folder: %v, want nil", err)
	}
}
