package main

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/corpus/synthetic"
)

// serveApp runs serve on a free port for the data directory dataDir,
// whose corpus files are read from dataFS when it is not nil, and returns
// once the listener answers /healthz. stop cancels serve and waits for it.
func serveApp(t *testing.T, dataDir string, dataFS fs.FS) *served {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	env := map[string]string{"ISABOT_LISTEN": addr, "ISABOT_DATA": dataDir}
	cfg, err := loadConfig(map[string]bool{}, map[string]*string{}, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	s := &served{base: "http://" + addr, dataDir: dataDir, stderr: &syncWriter{}}
	logger, err := newLogger(s.stderr, "text", "debug")
	if err != nil {
		t.Fatal(err)
	}
	a := &app{stdout: io.Discard, stderr: s.stderr, logger: logger, cfg: cfg, dataDir: dataDir, dataFS: dataFS}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- a.serve(ctx) }()
	stopped := false
	s.stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		deadline, cancelDeadline := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancelDeadline()
		select {
		case err := <-done:
			return err
		case <-deadline.Done():
			t.Fatalf("serve did not stop within 15 s:\n%s", s.stderr)
			return nil
		}
	}
	t.Cleanup(func() { s.stop() })
	waitFor(t, "/healthz", func() bool {
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v\n%s", err, s.stderr)
		default:
		}
		resp, err := http.Get(s.base + "/healthz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	return s
}

// waitIndexOpen waits until /readyz says that the index is open.
func (s *served) waitIndexOpen(t *testing.T) {
	t.Helper()
	waitFor(t, "the index open", func() bool {
		_, body := s.get(t, "/readyz")
		return strings.Contains(body, "index: ok")
	})
}

// gatedFS is a data directory whose files open only once the test lets
// them: a load that takes as long as the test wants.
type gatedFS struct {
	fs.FS
	loading chan struct{} // closed at the first Open
	gate    chan struct{} // closed by release; Open waits for it
	opened  func()
	release func()
}

func newGatedFS(dir string) *gatedFS {
	g := &gatedFS{FS: corpus.DirFS(dir), loading: make(chan struct{}), gate: make(chan struct{})}
	g.opened = sync.OnceFunc(func() { close(g.loading) })
	g.release = sync.OnceFunc(func() { close(g.gate) })
	return g
}

func (g *gatedFS) Open(name string) (fs.File, error) {
	g.opened()
	<-g.gate
	return g.FS.Open(name)
}

func TestServeHealthyWhileLoading(t *testing.T) {
	// While the corpus loads, /healthz answers, /readyz says what is not
	// ready, and the other paths answer 503; then everything is served.
	g := newGatedFS(t.TempDir())
	s := serveApp(t, t.TempDir(), g)
	t.Cleanup(g.release) // before serve is stopped
	<-g.loading

	if code, body := s.get(t, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz while loading: %d %s", code, body)
	}
	if code, body := s.get(t, "/readyz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "index: the corpus is loading") {
		t.Errorf("/readyz while loading: %d %s", code, body)
	}
	for _, path := range []string{"/api/ask?q=" + url.QueryEscape("Ist Köln Mitglied?"), "/metrics"} {
		if code, body := s.get(t, path); code != http.StatusServiceUnavailable || !strings.Contains(body, "starting") {
			t.Errorf("%s while loading: %d %s", path, code, body)
		}
	}

	g.release()
	s.waitIndexOpen(t)
	if code, body := s.get(t, "/readyz"); code != http.StatusOK || !strings.Contains(body, "data: ok") {
		t.Errorf("/readyz: %d %s", code, body)
	}
	if code, body := s.get(t, "/api/ask?q="+url.QueryEscape("Ist Köln Mitglied?")); code != http.StatusOK || !strings.Contains(body, `"answered":true`) {
		t.Errorf("/api/ask: %d %s", code, body)
	}
	if err := s.stop(); err != nil {
		t.Errorf("serve: %v", err)
	}
}

func TestServeStopsWhileLoading(t *testing.T) {
	// Told to stop while the corpus loads, serve stops without indexing
	// anything or starting anything else. (The index is open by then:
	// its snapshot says which release files need not be read.)
	dataDir := t.TempDir()
	g := newGatedFS(dataDir)
	s := serveApp(t, dataDir, g)
	t.Cleanup(g.release)
	<-g.loading

	done := make(chan error, 1)
	go func() { done <- s.stop() }()
	// What was being read when the signal came is read to its end.
	g.release()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
	if logs := s.stderr.String(); strings.Contains(logs, "serving") || !strings.Contains(logs, "stopped") {
		t.Errorf("serve went on after the stop:\n%s", logs)
	}
	// The snapshot, whatever its format's name.
	if written, _ := filepath.Glob(filepath.Join(dataDir, "index", "isabot-snapshot*")); len(written) > 0 {
		t.Errorf("the index was written after the stop: %v", written)
	}
}

func TestServeDataDirectoryProblems(t *testing.T) {
	// Whatever the data directory holds, serve starts and says what it
	// did not use: in the log, on /readyz and in isabot config.
	const good = "---\ntitle: Testmeldung zum Wasserstoff\ndate: 2026-03-01\nlang: de\n---\nDie Testmeldung berichtet über Wasserstoff aus Mainz.\n"
	tests := []struct {
		name  string
		setup func(t *testing.T, dataDir string)
		log   string // in the log
		// data is what /readyz says of the data files; "" for ok. The
		// corpus is then the built-in one.
		data string
		// config is in the output of isabot config, beside data.
		config string
	}{
		{
			name: "named pipe in releases",
			setup: func(t *testing.T, dataDir string) {
				mkfifo(t, filepath.Join(dataDir, "releases", "2026-03-02-pipe.md"))
			},
			log: "2026-03-02-pipe.md: not a regular file but a named pipe",
		},
		{
			name:   "named pipe as cities.yaml",
			setup:  func(t *testing.T, dataDir string) { mkfifo(t, filepath.Join(dataDir, corpus.CitiesFile)) },
			log:    "cities.yaml: not a regular file but a named pipe",
			data:   "cities.yaml has 1 error and is not used; (embedded)/cities.yaml is used instead",
			config: "cities.yaml: built in; NOT USED, with 1 error",
		},
		{
			name: "link to /dev/zero",
			setup: func(t *testing.T, dataDir string) {
				if err := os.Symlink("/dev/zero", filepath.Join(dataDir, "releases", "2026-03-02-zero.md")); err != nil {
					t.Fatal(err)
				}
			},
			log: "2026-03-02-zero.md: open releases/2026-03-02-zero.md: a link that leads out of the directory",
		},
		{
			name: "release over the size limit",
			setup: func(t *testing.T, dataDir string) {
				writeTestFile(t, filepath.Join(dataDir, "releases", "2026-03-02-gross.md"), good+strings.Repeat("Wasserstoff. ", corpus.DefaultMaxFileSize/10))
			},
			log: "2026-03-02-gross.md: file too large",
		},
		{
			name: "unknown key in cities.yaml",
			setup: func(t *testing.T, dataDir string) {
				writeTestFile(t, filepath.Join(dataDir, corpus.CitiesFile), "regions: []\ncities:\n  - nme: Köln\n    country: DE\n")
			},
			log:    "cities.yaml:3: field nme not found in type corpus.City",
			data:   "cities.yaml has 2 errors and is not used",
			config: "cities.yaml:3: field nme not found in type corpus.City",
		},
		{
			name: "wrong type in cities.yaml",
			setup: func(t *testing.T, dataDir string) {
				writeTestFile(t, filepath.Join(dataDir, corpus.CitiesFile), "regions: []\ncities:\n  - name: Köln\n    aliases: {a: b}\n")
			},
			log:    "cities.yaml:4: cannot unmarshal !!map into []string",
			data:   "cities.yaml has",
			config: "cities.yaml:4: cannot unmarshal !!map into []string",
		},
		{
			name: "a city that is no mapping",
			setup: func(t *testing.T, dataDir string) {
				writeTestFile(t, filepath.Join(dataDir, corpus.CitiesFile), "regions: []\ncities: [foo]\n")
			},
			log:    "cities.yaml:2: cannot unmarshal !!str `foo` into corpus.City",
			data:   "cities.yaml has 2 errors and is not used",
			config: "cities.yaml:2: no city is listed under cities:",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dataDir := t.TempDir()
			writeTestFile(t, filepath.Join(dataDir, "releases", "2026-03-01-wasserstoff.md"), good)
			tt.setup(t, dataDir)
			s := serveApp(t, dataDir, nil)
			s.waitIndexOpen(t)

			if logs := s.stderr.String(); !strings.Contains(logs, tt.log) {
				t.Errorf("the log lacks %q:\n%s", tt.log, logs)
			}
			code, body := s.get(t, "/readyz")
			switch {
			case tt.data == "" && (code != http.StatusOK || !strings.Contains(body, "data: ok")):
				t.Errorf("/readyz: %d %s, want data: ok", code, body)
			case tt.data != "" && (code != http.StatusServiceUnavailable || !strings.Contains(body, "data: "+filepath.Join(dataDir, tt.data))):
				t.Errorf("/readyz: %d %s, want data: …%s", code, body, tt.data)
			}
			// The good release is there, and Köln is a member, from the
			// built-in cities.yaml where the data directory's is not used.
			for q, want := range map[string]string{"Was berichtet die Testmeldung über Wasserstoff?": "2026-03-01-wasserstoff", "Ist Köln Mitglied?": "Köln"} {
				if code, body := s.get(t, "/api/ask?q="+url.QueryEscape(q)); code != http.StatusOK || !strings.Contains(body, `"answered":true`) || !strings.Contains(body, want) {
					t.Errorf("%s: %d %s", q, code, body)
				}
			}
			if err := s.stop(); err != nil {
				t.Errorf("serve: %v", err)
			}

			out, stderr, err := run(t, "--data", dataDir, "config")
			if err != nil {
				t.Fatalf("isabot config: %v\n%s", err, stderr)
			}
			if tt.data == "" && strings.Contains(out, "NOT USED") || tt.data != "" && !strings.Contains(out, tt.config) {
				t.Errorf("isabot config says of the data files:\n%s", out[strings.Index(out, "Data files:"):])
			}
		})
	}
}

func TestPublishRefuses(t *testing.T) {
	// isabot publish of a named pipe or of a file over the limit ends
	// with an error that names the file.
	dir := t.TempDir()
	pipe := filepath.Join(dir, "2026-03-01-pipe.md")
	mkfifo(t, pipe)
	large := filepath.Join(dir, "2026-03-01-gross.md")
	writeTestFile(t, large, "---\ntitle: Gross\ndate: 2026-03-01\nlang: de\n---\n"+strings.Repeat("Text. ", 400))
	tests := []struct {
		file string
		env  string // ISABOT_MAX_FILE_SIZE
		msg  string
	}{
		{pipe, "", pipe + ": not a regular file but a named pipe"},
		{large, "1KiB", large + ": file too large: 2447 bytes, over the limit of 1 KiB"},
	}
	for _, tt := range tests {
		t.Setenv("ISABOT_MAX_FILE_SIZE", tt.env)
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		err := Run(ctx, []string{"--data", t.TempDir(), "publish", tt.file}, io.Discard, io.Discard)
		cancel()
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("publish %s: %v, want %q", tt.file, err, tt.msg)
		}
	}
}

func TestConfigMaxFileSize(t *testing.T) {
	tests := []struct {
		env, file string
		want      int64
		err       string
	}{
		{"", "", corpus.DefaultMaxFileSize, ""},
		{"512KiB", "", 512 << 10, ""},
		{"", "max_file_size: 16MiB\n", 16 << 20, ""},
		{"0", "", 0, "ISABOT_MAX_FILE_SIZE: not a size"},
		{"viel", "", 0, "ISABOT_MAX_FILE_SIZE: not a size"},
	}
	for _, tt := range tests {
		c, err := loadFrom(t, nil, map[string]string{"ISABOT_MAX_FILE_SIZE": tt.env}, tt.file)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%q %q: %v, want an error with %q", tt.env, tt.file, err, tt.err)
		case tt.err == "" && (err != nil || c.MaxFileSize != tt.want):
			t.Errorf("%q %q: %v, %v; want %d", tt.env, tt.file, c, err, tt.want)
		}
	}
}

func writeTestFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
}

// A start reads only the release files that changed since the last: the
// releases present at the first start are its baseline, and a restart
// hands the watch of the folder only a file changed or added while the
// server was down.
func TestServeStartReadsOnlyChangedReleases(t *testing.T) {
	dataDir := t.TempDir()
	releasesDir := filepath.Join(dataDir, corpus.ReleasesDir)
	releases := synthetic.Releases(3, 5)
	if err := synthetic.WriteFiles(releasesDir, releases); err != nil {
		t.Fatal(err)
	}
	// Older than the settle period: a scan takes a file at once.
	earlier := time.Now().Add(-time.Hour)
	age := func(name string, at time.Time) {
		t.Helper()
		if err := os.Chtimes(filepath.Join(releasesDir, name), at, at); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range releases {
		age(r.ID+".txt", earlier)
	}
	// arrived starts serve and returns the releases its watch of the
	// folder read at the start.
	arrived := func() []string {
		t.Helper()
		s := startServeIn(t, dataDir, nil)
		waitFor(t, "the watch of the folder", func() bool {
			return strings.Contains(s.stderr.String(), "inbox: watching the releases folder")
		})
		if err := s.stop(); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, line := range strings.Split(s.stderr.String(), "\n") {
			var entry struct{ Msg, Release string }
			if json.Unmarshal([]byte(line), &entry) == nil && entry.Msg == "inbox: release arrived" {
				ids = append(ids, entry.Release)
			}
		}
		slices.Sort(ids)
		return ids
	}
	if got := arrived(); len(got) != 0 {
		t.Fatalf("the first start read %v, want none: they are its baseline", got)
	}
	changed := releases[1]
	changed.Body = append([]string{"Die Zylinderkopfdichtung wurde erneuert."}, changed.Body...)
	added := synthetic.Releases(4, 6)[3]
	added.ID = "added-release"
	if err := synthetic.WriteFiles(releasesDir, []corpus.Release{changed, added}); err != nil {
		t.Fatal(err)
	}
	age(changed.ID+".txt", earlier.Add(time.Minute))
	age(added.ID+".txt", earlier)
	if err := os.Remove(filepath.Join(releasesDir, releases[2].ID+".txt")); err != nil {
		t.Fatal(err)
	}
	want := []string{added.ID, changed.ID}
	slices.Sort(want)
	if got := arrived(); !slices.Equal(got, want) {
		t.Fatalf("a restart after changes read %v, want %v", got, want)
	}
	if got := arrived(); len(got) != 0 {
		t.Fatalf("a restart without changes read %v, want none", got)
	}
}
