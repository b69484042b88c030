package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/isa-alliance/isabot/bots/observe"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/store/pgstore"
	"github.com/isa-alliance/isabot/corpus"
)

func migrateCommand() command {
	var fromBbolt string
	return command{
		name:    "migrate",
		summary: "bring the PostgreSQL database of ISABOT_DATABASE_URL to this version's schema (serve does it too when it starts), and copy a state file into it",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&fromBbolt, "from-bbolt", "", "copy the state `FILE` (the data directory's state.db, serve stopped) into the database, which must hold no state yet")
		},
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			if len(args) > 0 {
				fs.Usage()
				return errUsage
			}
			if a.cfg.DatabaseURL == "" {
				return errors.New("migrate: ISABOT_DATABASE_URL is not set: the state is in the data directory's state file, which needs no migration")
			}
			pool, err := pgstore.Connect(ctx, a.cfg.DatabaseURL)
			if err != nil {
				return err
			}
			applied, err := pgstore.Migrate(ctx, pool)
			pool.Close()
			for _, name := range applied {
				fmt.Fprintln(a.stdout, "applied", name)
			}
			if err != nil {
				return err
			}
			if len(applied) == 0 {
				fmt.Fprintln(a.stdout, "the schema is up to date")
			}
			if fromBbolt == "" {
				return nil
			}
			return a.importBbolt(ctx, fromBbolt)
		},
	}
}

// importBbolt copies the state file at path into the database.
func (a *app) importBbolt(ctx context.Context, path string) error {
	// The curated answers of the data directory go too, checked first: a
	// wrong one would be lost on the way.
	curated, errs := corpus.LoadCurated(a.curatedDir())
	if len(errs) > 0 {
		return fmt.Errorf("--from-bbolt: fix %s first: %w", corpus.CuratedFile, errors.Join(errs...))
	}
	src, err := store.Open(path)
	if err != nil {
		return fmt.Errorf("--from-bbolt: %w", err)
	}
	defer src.Close()
	snap, err := src.Snapshot()
	if err != nil {
		return err
	}
	dst, err := pgstore.Open(ctx, a.cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer dst.Close()
	if err := dst.Import(ctx, snap); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "copied %s: %d subscriptions, %d deliveries waiting and %d held, %d given up, %d releases kept, %d hand-offs\n",
		path, len(snap.Subscriptions), len(snap.Outbox), len(snap.Held), len(snap.Undelivered), len(snap.Kept), len(snap.Handoffs))
	// The unanswered questions beside the state file go with it.
	log := filepath.Join(filepath.Dir(path), unansweredFile)
	questions, err := observe.ReadUnanswered(log, time.Time{})
	if err != nil {
		return err
	}
	if err := dst.ImportUnanswered(ctx, questions); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "copied %s: %d unanswered questions\n", log, len(questions))
	if err := dst.ImportCurated(ctx, curated); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "copied %s: %d curated answers\n", filepath.Join(a.dataDir, corpus.CuratedFile), len(curated))
	return nil
}
