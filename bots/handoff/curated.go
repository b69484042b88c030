package handoff

import (
	"context"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

// CuratedPoll is how often a running serve looks whether curated.yaml
// changed: an editor's change, or `isabot curated remove`.
const CuratedPoll = 5 * time.Second

// CuratedFile keeps the curated answers of the data directory's
// curated.yaml in the engine: it adds a liaison's reply marked for others
// to the file and the engine at once, and reloads the file when an editor
// or `isabot curated remove` changed it.
type CuratedFile struct {
	dir    corpus.Dir
	path   string
	engine interface{ SetCurated([]corpus.Curated) }
	logger *slog.Logger

	mu   sync.Mutex
	list []corpus.Curated
	seen fileStamp // of the file last loaded
}

// fileStamp tells a changed file from the one loaded.
type fileStamp struct {
	mod  time.Time
	size int64
}

// NewCuratedFile keeps the curated answers of dir's curated.yaml, at
// path, in engine.
func NewCuratedFile(dir corpus.Dir, path string, engine interface{ SetCurated([]corpus.Curated) }, logger *slog.Logger) *CuratedFile {
	return &CuratedFile{dir: dir, path: path, engine: engine, logger: logger}
}

// Load reads the file into the engine; an answer with an error is
// logged and left out.
func (c *CuratedFile) Load() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.loadLocked()
}

func (c *CuratedFile) loadLocked() {
	c.seen = c.stamp()
	list, errs := corpus.LoadCurated(c.dir)
	for _, err := range errs {
		c.logger.Warn("a curated answer is not used", "error", err)
	}
	c.list = list
	c.engine.SetCurated(list)
}

func (c *CuratedFile) stamp() fileStamp {
	fi, err := os.Stat(c.path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{fi.ModTime(), fi.Size()}
}

// Curate adds a curated answer to the file and the engine: the next
// question finds it.
func (c *CuratedFile) Curate(_ context.Context, answer corpus.Curated) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := corpus.AddCurated(c.path, answer); err != nil {
		return err
	}
	c.loadLocked()
	return nil
}

// Curated returns the curated answers in use.
func (c *CuratedFile) Curated() []corpus.Curated {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.list
}

// Watch reloads the file whenever it changed, until ctx ends.
func (c *CuratedFile) Watch(ctx context.Context) error {
	tick := time.NewTicker(CuratedPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		c.mu.Lock()
		if c.stamp() != c.seen {
			c.logger.Info("curated.yaml changed: reloaded")
			c.loadLocked()
		}
		c.mu.Unlock()
	}
}
