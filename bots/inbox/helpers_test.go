package inbox

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

// collector is a Sink that keeps what it gets. fail, if set, refuses a
// release with an error.
type collector struct {
	mu   sync.Mutex
	got  []corpus.Release
	fail func(corpus.Release) bool
}

func (c *collector) sink(_ context.Context, r corpus.Release) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fail != nil && c.fail(r) {
		return errors.New("test sink refuses")
	}
	c.got = append(c.got, r)
	return nil
}

func (c *collector) releases() []corpus.Release {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]corpus.Release(nil), c.got...)
}

// waitFor waits up to 5 s for cond, failing the test if it never holds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// logBuffer collects a logger's text output; safe for concurrent use.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *logBuffer) contains(s string) bool { return strings.Contains(b.String(), s) }

func newLogger(t *testing.T) (*slog.Logger, *logBuffer) {
	t.Helper()
	b := &logBuffer{}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("log:\n%s", b)
		}
	})
	return slog.New(slog.NewTextHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug})), b
}

// fixture reads a file of testdata.
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// memState is an in-memory FeedState.
type memState struct {
	mu sync.Mutex
	v  map[string][2]string
}

func (s *memState) FeedValidators(url string) (etag, lastModified string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.v[url]
	return v[0], v[1]
}

func (s *memState) SetFeedValidators(url, etag, lastModified string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.v == nil {
		s.v = map[string][2]string{}
	}
	s.v[url] = [2]string{etag, lastModified}
	return nil
}
