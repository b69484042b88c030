package store_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/store/storetest"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		path := filepath.Join(t.TempDir(), "state.db")
		return func(now func() time.Time) (store.State, error) {
			return store.Open(path, store.WithClock(now))
		}
	})
}
