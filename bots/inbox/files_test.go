package inbox

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

// secretLine is in a file outside the data directory that a link points
// to: no log line or error may show it.
const secretLine = "root:x:0:0:secret-first-line"

// testLimit is the MaxFileSize of the tests.
const testLimit = 4 << 10

// refusedFile is a file in the releases folder that is not read, made at
// path by setup; the log says msg about it.
type refusedFile struct {
	name  string
	file  string // in releases/
	setup func(t *testing.T, path string)
	msg   string
}

func refusedFiles() []refusedFile {
	return []refusedFile{
		{"named pipe", "2024-07-01-pipe.md", mkfifo, "not a regular file but a named pipe"},
		{"link to /dev/zero", "2024-07-01-zero.md", func(t *testing.T, path string) { symlink(t, "/dev/zero", path) }, "a link that leads out of the directory"},
		{"link out of the data directory", "2024-07-01-passwd.md", func(t *testing.T, path string) {
			outside := filepath.Join(t.TempDir(), "passwd")
			writeFile(t, outside, []byte(secretLine+"\n"))
			symlink(t, outside, path)
		}, "a link that leads out of the directory"},
		{"too large", "2024-07-01-gross.md", func(t *testing.T, path string) {
			writeFile(t, path, append(fixture(t, "releases/"+messeFile), strings.Repeat(secretLine+"\n", 200)...))
		}, "over the limit of 4 KiB"},
	}
}

func TestWatchFolderRefusesFiles(t *testing.T) {
	// Each file that is not read is logged, with its name and without its
	// content, and the watch goes on: a release that comes after it is
	// delivered. Whether the file is there at the start (the scan) or
	// comes while watching.
	for _, early := range []bool{true, false} {
		for _, tt := range refusedFiles() {
			t.Run(tt.name+map[bool]string{true: " at the start", false: " while watching"}[early], func(t *testing.T) {
				dataDir := t.TempDir()
				releases := filepath.Join(dataDir, corpus.ReleasesDir)
				path := filepath.Join(releases, tt.file)
				if err := os.MkdirAll(releases, 0o755); err != nil {
					t.Fatal(err)
				}
				if early {
					tt.setup(t, path)
				}
				c, logs, _, _ := watch(t, dataDir, Options{Scan: true, Settle: 50 * time.Millisecond, MaxFileSize: testLimit})
				if !early {
					tt.setup(t, path)
				}
				renameIn(t, releases, messeFile, fixture(t, "releases/"+messeFile))
				waitFor(t, "the release after the refused file", func() bool { return len(c.releases()) > 0 })
				waitFor(t, "the refused file in the log", func() bool { return logs.contains(tt.file) })
				if !logs.contains("a release file was not read") || !logs.contains(tt.msg) {
					t.Errorf("the log does not say why %s was not read", tt.file)
				}
				if logs.contains("secret-first-line") {
					t.Error("the log shows the refused file's content")
				}
				if got := c.releases(); len(got) != 1 || got[0].ID != "2024-05-06-testmeldung-messe" {
					t.Errorf("delivered %+v, want only the good release", got)
				}
			})
		}
	}
}

func TestWatchFolderLinkInside(t *testing.T) {
	// A link that stays inside the data directory is read.
	dataDir := t.TempDir()
	drafts := filepath.Join(dataDir, "drafts")
	if err := os.MkdirAll(drafts, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(drafts, messeFile), fixture(t, "releases/"+messeFile))
	c, _, _, _ := watch(t, dataDir, Options{Scan: true, Settle: 50 * time.Millisecond})
	symlink(t, filepath.Join("..", "drafts", messeFile), filepath.Join(dataDir, corpus.ReleasesDir, messeFile))
	waitFor(t, "the linked release", func() bool { return len(c.releases()) > 0 })
}

func TestScanFolderRefusesFiles(t *testing.T) {
	dataDir := t.TempDir()
	releases := filepath.Join(dataDir, corpus.ReleasesDir)
	if err := os.MkdirAll(releases, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range refusedFiles() {
		tt.setup(t, filepath.Join(releases, tt.file))
	}
	writeFile(t, filepath.Join(releases, messeFile), fixture(t, "releases/"+messeFile))
	c := &collector{}
	logger, logs := newLogger(t)
	within(t, func() {
		if err := ScanFolder(t.Context(), releases, c.sink, logger, Options{MaxFileSize: testLimit}); err != nil {
			t.Error(err)
		}
	})
	if got := c.releases(); len(got) != 1 {
		t.Errorf("delivered %d releases, want 1", len(got))
	}
	for _, tt := range refusedFiles() {
		if !logs.contains(tt.file) {
			t.Errorf("%s is not in the log", tt.file)
		}
	}
	if logs.contains("secret-first-line") {
		t.Error("the log shows a refused file's content")
	}
}

func TestPublishRefusesFiles(t *testing.T) {
	messe := fixture(t, "releases/"+messeFile)
	tests := []struct {
		name string
		// setup makes the file to publish in src and what the releases
		// folder holds before; it returns the file to publish.
		setup   func(t *testing.T, src, releases string) string
		wantErr string // "" for success
	}{
		{
			name: "named pipe",
			setup: func(t *testing.T, src, _ string) string {
				mkfifo(t, filepath.Join(src, messeFile))
				return filepath.Join(src, messeFile)
			},
			wantErr: "not a regular file but a named pipe",
		},
		{
			name: "link to a device",
			setup: func(t *testing.T, src, _ string) string {
				symlink(t, "/dev/zero", filepath.Join(src, messeFile))
				return filepath.Join(src, messeFile)
			},
			wantErr: "not a regular file but a device",
		},
		{
			name: "too large",
			setup: func(t *testing.T, src, _ string) string {
				writeFile(t, filepath.Join(src, messeFile), append(messe, strings.Repeat("x", testLimit)...))
				return filepath.Join(src, messeFile)
			},
			wantErr: messeFile + ": file too large",
		},
		{
			name: "a link to a release elsewhere is followed",
			setup: func(t *testing.T, src, _ string) string {
				other := t.TempDir()
				writeFile(t, filepath.Join(other, "entwurf.md"), messe)
				symlink(t, filepath.Join(other, "entwurf.md"), filepath.Join(src, messeFile))
				return filepath.Join(src, messeFile)
			},
		},
		{
			name: "a named pipe of the same name in the folder",
			setup: func(t *testing.T, src, releases string) string {
				mkfifo(t, filepath.Join(releases, messeFile))
				writeFile(t, filepath.Join(src, messeFile), messe)
				return filepath.Join(src, messeFile)
			},
			wantErr: "not a regular file but a named pipe",
		},
		{
			name: "a named pipe of another name in the folder",
			setup: func(t *testing.T, src, releases string) string {
				mkfifo(t, filepath.Join(releases, "2024-07-01-pipe.md"))
				writeFile(t, filepath.Join(src, messeFile), messe)
				return filepath.Join(src, messeFile)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dataDir := t.TempDir()
			releases := filepath.Join(dataDir, corpus.ReleasesDir)
			if err := os.MkdirAll(releases, 0o755); err != nil {
				t.Fatal(err)
			}
			file := tt.setup(t, t.TempDir(), releases)
			var err error
			within(t, func() { _, err = Publish(dataDir, file, Options{MaxFileSize: testLimit}) })
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("Publish: %v", err)
			case tt.wantErr == "":
				if got, _ := os.ReadFile(filepath.Join(releases, messeFile)); string(got) != string(messe) {
					t.Errorf("the release was not published")
				}
			case err == nil || !strings.Contains(err.Error(), tt.wantErr):
				t.Errorf("Publish: %v, want an error with %q", err, tt.wantErr)
			}
		})
	}
}

// within runs f, failing the test if it does not end within 10 s: a named
// pipe must not make it hang.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	select {
	case <-done:
	case <-ctx.Done():
		t.Fatal("hangs")
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
}

func symlink(t *testing.T, target, path string) {
	t.Helper()
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
}
