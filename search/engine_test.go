package search

import (
	"context"
	"sync"
	"testing"

	"github.com/isa-alliance/isabot/corpus"
)

var defaultEngine struct {
	once   sync.Once
	engine *Engine
	err    error
}

// testEngine answers from the embedded default corpus through a real
// in-memory index. It is built once and shared: answering does not change
// it.
func testEngine(t testing.TB) *Engine {
	t.Helper()
	defaultEngine.once.Do(func() {
		data, problems := corpus.Load(corpus.Embedded())
		for _, err := range problems {
			defaultEngine.err = err
			return
		}
		idx, err := NewMemIndex(context.Background(), data.Releases)
		if err != nil {
			defaultEngine.err = err
			return
		}
		defaultEngine.engine = NewEngine(data, idx)
	})
	if defaultEngine.err != nil {
		t.Fatalf("default corpus: %v", defaultEngine.err)
	}
	return defaultEngine.engine
}
