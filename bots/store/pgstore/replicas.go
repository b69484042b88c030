package pgstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/isa-alliance/isabot/corpus"
)

// What replicas share beyond the state: which of them schedules (the
// scheduler's lock), which delivery each is sending (the outbox's
// leases), and the releases that arrived while serving.

// lockScheduler is the advisory lock the scheduling replica holds.
const lockScheduler = 0x15ab07_0002

// ErrLostLead means the connection that held the scheduler's lock broke
// while this replica scheduled: another may schedule now, so this one
// must stop.
var ErrLostLead = errors.New("lost the scheduler's lock: another replica may schedule now")

// How often a replica tries for the scheduler's lock, and checks that
// it still holds it; a dead holder's lock is free as soon as PostgreSQL
// sees its connection close.
const (
	leadPoll  = time.Second
	leadCheck = time.Second
)

// claimLease is how long a replica may take to send a delivery it
// claimed before another may send it: longer than a message takes to
// send once its turn under the rate limits came, short enough that a
// replica taking over soon sends what a dead one had in flight.
const claimLease = 5 * time.Second

// newReplicaID names this process in its claims.
func newReplicaID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Lead waits until this replica holds the scheduler's lock, on a
// connection of its own, then runs work with a context that ends when
// ctx does or the lock is lost. It returns nil when ctx ended, ErrLostLead
// when the lock was lost, else work's error.
func (s *Store) Lead(ctx context.Context, work func(ctx context.Context) error) error {
	cfg := s.leadConfig()
	for {
		conn, err := pgx.ConnectConfig(ctx, cfg)
		held := false
		if err == nil {
			err = conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, lockScheduler).Scan(&held)
		}
		if err == nil && held {
			return s.holdLead(ctx, conn, work)
		}
		if conn != nil {
			conn.Close(context.WithoutCancel(ctx))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(leadPoll):
		}
	}
}

// leadConfig is the configuration of the connection that holds the
// scheduler's lock. The lock is freed when PostgreSQL finds the
// connection gone. A replica's process that dies has its connection
// closed by its machine at once; a machine that dies, or is cut off,
// closes nothing, and the server would wait for two hours by its TCP
// defaults. On this connection it gives up on the replica after 8 s
// without a word from it: 5 s idle (the holder pings every second),
// then three probes a second apart unanswered, or data unacknowledged
// for 8 s. The holder itself stops within 3 s of losing the database
// (leadCheck, and its ping's timeout), before another may take over.
func (s *Store) leadConfig() *pgx.ConnConfig {
	cfg := s.pool.Config().ConnConfig.Copy()
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	cfg.RuntimeParams["tcp_keepalives_idle"] = "5"
	cfg.RuntimeParams["tcp_keepalives_interval"] = "1"
	cfg.RuntimeParams["tcp_keepalives_count"] = "3"
	cfg.RuntimeParams["tcp_user_timeout"] = "8000" // ms
	return cfg
}

// holdLead runs work while conn holds the scheduler's lock.
func (s *Store) holdLead(ctx context.Context, conn *pgx.Conn, work func(ctx context.Context) error) error {
	leadCtx, cancel := context.WithCancelCause(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(leadCheck)
		defer tick.Stop()
		for {
			select {
			case <-leadCtx.Done():
				return
			case <-tick.C:
			}
			pingCtx, done := context.WithTimeout(leadCtx, 2*leadCheck)
			err := conn.Ping(pingCtx)
			done()
			if err != nil && leadCtx.Err() == nil {
				cancel(ErrLostLead)
				return
			}
		}
	})
	err := work(leadCtx)
	lost := errors.Is(context.Cause(leadCtx), ErrLostLead)
	cancel(nil)
	wg.Wait()
	// Closing the connection frees the lock.
	conn.Close(context.WithoutCancel(ctx))
	switch {
	case lost:
		return ErrLostLead
	case ctx.Err() != nil:
		return nil
	}
	return err
}

// channelReleases is where a replica tells the others of a release that
// arrived.
const channelReleases = "isabot_releases"

// AddRelease keeps a release that arrived while serving and tells every
// replica, in one transaction.
func (s *Store) AddRelease(ctx context.Context, r *corpus.Release) error {
	doc, err := json.Marshal(r)
	if err != nil {
		return err
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO releases (id, doc, arrived_at) VALUES ($1, $2, $3)
			ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, arrived_at = excluded.arrived_at`, r.ID, doc, s.now())
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `SELECT pg_notify($1, $2)`, channelReleases, r.ID)
		return err
	})
	if err != nil {
		return fmt.Errorf("share release %s: %w", r.ID, err)
	}
	return nil
}

// Releases returns the releases that arrived while serving, oldest first.
func (s *Store) Releases(ctx context.Context) ([]corpus.Release, error) {
	rs, err := collectJSON[corpus.Release](ctx, s.pool, `SELECT doc FROM releases ORDER BY arrived_at, id`)
	if err != nil {
		return nil, fmt.Errorf("read the releases shared: %w", err)
	}
	return rs, nil
}

// WatchReleases calls arrived with every release kept, then with each
// one a replica adds, until ctx ends; a broken connection is opened
// again, and everything read again then, as what was added meanwhile was
// told to nobody.
func (s *Store) WatchReleases(ctx context.Context, arrived func(corpus.Release)) error {
	cfg := s.pool.Config().ConnConfig.Copy()
	for {
		s.listen(ctx, cfg, arrived) // until its connection breaks or ctx ends
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(leadPoll):
		}
	}
}

// listen listens on one connection until it breaks or ctx ends.
func (s *Store) listen(ctx context.Context, cfg *pgx.ConnConfig, arrived func(corpus.Release)) {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+channelReleases); err != nil {
		return
	}
	all, err := s.Releases(ctx)
	if err != nil {
		return
	}
	for _, r := range all {
		arrived(r)
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return
		}
		rs, err := collectJSON[corpus.Release](ctx, s.pool, `SELECT doc FROM releases WHERE id = $1`, n.Payload)
		if err != nil {
			return
		}
		for _, r := range rs {
			arrived(r)
		}
	}
}
