package main

import (
	"context"
	"path/filepath"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/store/pgstore"
)

// openState opens the state: in PostgreSQL when ISABOT_DATABASE_URL is
// set, its migrations applied, else in the data directory's state file.
func (a *app) openState(ctx context.Context) (store.State, error) {
	if a.cfg.DatabaseURL != "" {
		return pgstore.Open(ctx, a.cfg.DatabaseURL)
	}
	return store.Open(filepath.Join(a.dataDir, stateFile))
}
