package main

import (
	"context"
	"errors"
	"path/filepath"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/isa-alliance/isabot/bots/observe"
	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/store/pgstore"
	"github.com/isa-alliance/isabot/bots/web"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
)

// openState opens the state: in PostgreSQL when ISABOT_DATABASE_URL is
// set, its migrations applied, else in the data directory's state file.
func (a *app) openState(ctx context.Context) (store.State, error) {
	if a.cfg.DatabaseURL != "" {
		return pgstore.Open(ctx, a.cfg.DatabaseURL)
	}
	return store.Open(filepath.Join(a.dataDir, stateFile))
}

// unansweredLog is where serve keeps the questions it could not answer:
// in the database the replicas share, else in the data directory's file.
func (a *app) unansweredLog(state store.State) interface {
	observe.UnansweredLog
	Close()
} {
	if db, ok := state.(*pgstore.Store); ok {
		return db.Unanswered(a.logger)
	}
	return observe.NewUnanswered(filepath.Join(a.dataDir, unansweredFile), a.logger)
}

// stateCheck is the readiness check of a state in a database (package
// pgstore's Store): a replica that cannot reach it is not ready, and a
// load balancer sends its requests to the others. Nil for the state file.
func stateCheck(state store.State) web.Check {
	db, ok := state.(interface{ Ping(context.Context) error })
	if !ok {
		return nil
	}
	return func() error {
		ctx, cancel := context.WithTimeout(context.Background(), stateCheckTimeout)
		defer cancel()
		return db.Ping(ctx)
	}
}

// stateCheckTimeout bounds the database's answer to a readiness check.
const stateCheckTimeout = 2 * time.Second

// replicas is what several replicas of serve on one state share beyond
// it (package pgstore's Store): which one schedules, and the releases
// that arrive while serving.
type replicas interface {
	// Lead runs work while this replica is the one that schedules.
	Lead(ctx context.Context, work func(ctx context.Context) error) error
	AddRelease(ctx context.Context, r *corpus.Release) error
	WatchReleases(ctx context.Context, arrived func(corpus.Release)) error
}

// takeoverPause is how long a replica that became the scheduler waits
// before it schedules: a platform's rate limit counts every message of
// the bot, and the replica it took over from may have sent a second's
// worth just before it died, unknown to this one.
const takeoverPause = time.Second

// outboxSweep is how often the scheduling replica reads the outbox for
// deliveries that other replicas announced.
const outboxSweep = time.Second

// schedule runs what must happen once: here, when this process is alone
// (shared is nil); else while this replica holds the scheduler's lock,
// with the outbox read again and again for what the others announce,
// and the releases the others index indexed here too.
func (a *app) schedule(ctx context.Context, group *errgroup.Group, shared replicas, state store.State, engine *search.Engine, pusher *push.Pusher, scheduled []func(context.Context) error) {
	if shared == nil {
		for _, f := range scheduled {
			group.Go(func() error { return f(ctx) })
		}
		return
	}
	group.Go(func() error {
		return shared.WatchReleases(ctx, func(r corpus.Release) {
			if _, err := a.index(ctx, engine, r); err != nil {
				a.logger.Error("cannot index a release another replica added", "release", r.ID, "error", err)
			}
		})
	})
	group.Go(func() error {
		err := shared.Lead(ctx, func(ctx context.Context) error {
			a.logger.Info("this replica schedules: deliveries, feeds, long polling and reminders")
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(takeoverPause):
			}
			g, ctx := errgroup.WithContext(ctx)
			for _, f := range scheduled {
				g.Go(func() error { return f(ctx) })
			}
			g.Go(func() error { return sweepOutbox(ctx, state, pusher) })
			return g.Wait()
		})
		if errors.Is(err, pgstore.ErrLostLead) {
			a.logger.Error("stopping: this replica lost the scheduler's lock, and another may schedule now; start it again", "error", err)
		}
		return err
	})
}

// sweepOutbox hands the pusher what the outbox holds, every outboxSweep:
// the pusher queues each delivery once, and checks that it is still owed
// before sending it.
func sweepOutbox(ctx context.Context, state store.State, pusher *push.Pusher) error {
	tick := time.NewTicker(outboxSweep)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		if ds, err := state.Pending(); err == nil {
			pusher.Enqueue(ds)
		}
	}
}
