package search

import (
	"sync"

	"github.com/isa-alliance/isabot/corpus"
)

// A release loaded without its text (corpus.Dir.Lazy) is read again when
// an answer needs its text: to quote a passage, to show the release. The
// last few read are kept, so that the passages of one answer, or a
// release shown after a search, are read once.

// textCacheSize is how many releases' texts are kept.
const textCacheSize = 64

// textCache keeps the texts of the releases read last, by ID.
type textCache struct {
	mu    sync.Mutex
	byID  map[string]*corpus.Release
	order []string // oldest first
}

func newTextCache() *textCache {
	return &textCache{byID: map[string]*corpus.Release{}}
}

// full returns r with its text: r when it holds it, else read with read
// (corpus.Data.Full) or kept from before. A release whose text cannot be
// read is r, without text: it has no passages to give.
func (c *textCache) full(r *corpus.Release, read func(*corpus.Release) (corpus.Release, error)) *corpus.Release {
	if r.HasText() {
		return r
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if full := c.byID[r.ID]; full != nil {
		return full
	}
	full, err := read(r)
	if err != nil {
		return r
	}
	if len(c.order) >= textCacheSize {
		delete(c.byID, c.order[0])
		c.order = c.order[1:]
	}
	c.byID[r.ID] = &full
	c.order = append(c.order, r.ID)
	return &full
}

// forget drops the text kept of the release with id, which changed.
func (c *textCache) forget(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.byID, id)
}

// full returns r with its text; see textCache.full.
func (e *Engine) full(r *corpus.Release) *corpus.Release {
	return e.texts.full(r, e.base.Full)
}
