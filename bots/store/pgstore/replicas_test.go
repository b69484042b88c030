package pgstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/store/pgstore"
	"github.com/isa-alliance/isabot/bots/store/pgstore/pgtest"
	"github.com/isa-alliance/isabot/bots/store/storetest"
	"github.com/isa-alliance/isabot/corpus"
)

// replicas opens n stores on one database, as n replicas would.
func replicas(t *testing.T, n int) []*pgstore.Store {
	url := pgtest.Database(t)
	var out []*pgstore.Store
	for range n {
		s, err := pgstore.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		out = append(out, s)
	}
	return out
}

func TestOneReplicaClaimsADelivery(t *testing.T) {
	rs := replicas(t, 2)
	a, b := rs[0], rs[1]
	a.Subscribe(store.Subscription{Platform: "telegram", Chat: "1"})
	ds, _, err := a.Announce(storetest.Release("r1"), "", nil)
	if err != nil || len(ds) != 1 {
		t.Fatal(ds, err)
	}
	for _, step := range []struct {
		who  *pgstore.Store
		name string
		want bool
	}{
		{a, "A claims", true},
		{b, "B while A holds it", false},
		{a, "A again (a retry)", true},
	} {
		if owed, err := step.who.Owed(ds[0]); err != nil || owed != step.want {
			t.Errorf("%s: owed %v, %v", step.name, owed, err)
		}
	}
	if _, err := a.Delivered(ds[0], ""); err != nil {
		t.Fatal(err)
	}
	if owed, _ := b.Owed(ds[0]); owed {
		t.Error("owed to B once delivered")
	}
}

func TestSchedulerTakenOver(t *testing.T) {
	// One replica schedules at a time; when its connection to the lock
	// is cut, it stops, and another takes over within seconds.
	rs := replicas(t, 2)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	leading := make(chan int, 2)
	results := make(chan error, 2)
	for i, s := range rs {
		go func() {
			results <- s.Lead(ctx, func(ctx context.Context) error {
				leading <- i
				<-ctx.Done()
				return nil
			})
		}()
	}
	first := <-leading
	select {
	case other := <-leading:
		t.Fatalf("replicas %d and %d schedule at once", first, other)
	case <-time.After(3 * time.Second):
	}
	// Cut the holder's connection, as the server does when it gives up
	// on a replica's machine (see TestLeadGivesUpOnALostMachine). In
	// this test's database only: pg_locks shows every database's locks,
	// and other tests' replicas hold the same lock in theirs.
	_, err := rs[1-first].Pool().Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_locks
		WHERE locktype = 'advisory' AND granted AND objid = $1
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`, int64(0x15ab07_0002)&0xffffffff)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	select {
	case err := <-results:
		if !errors.Is(err, pgstore.ErrLostLead) {
			t.Errorf("the replica that lost the lock returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the replica that lost the lock goes on scheduling")
	}
	select {
	case next := <-leading:
		if next == first {
			t.Errorf("replica %d took over from itself", next)
		}
		t.Logf("taken over in %v", time.Since(start).Round(time.Millisecond))
	case <-time.After(10 * time.Second):
		t.Fatal("no replica took over within 10 s")
	}
}

func TestLeadGivesUpOnALostMachine(t *testing.T) {
	// A machine that dies closes no connection: the server learns it
	// from TCP, which by the server's defaults waits two hours before it
	// frees the lock. The lock's connection asks for 8 s.
	s := replicas(t, 1)[0]
	ctx := context.Background()
	conn, err := pgx.ConnectConfig(ctx, pgstore.LeadConfig(s))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for name, want := range map[string]string{
		"tcp_keepalives_idle": "5", "tcp_keepalives_interval": "1", "tcp_keepalives_count": "3", "tcp_user_timeout": "8000",
	} {
		var got string
		if err := conn.QueryRow(ctx, `SELECT setting FROM pg_settings WHERE name = $1`, name).Scan(&got); err != nil || got != want {
			t.Errorf("%s = %q, %v; want %s", name, got, err, want)
		}
	}
}

func TestReleasesReachEveryReplica(t *testing.T) {
	rs := replicas(t, 2)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := rs[0].AddRelease(ctx, storetest.Release("before")); err != nil {
		t.Fatal(err)
	}
	got := make(chan corpus.Release, 4)
	done := make(chan error)
	go func() { done <- rs[1].WatchReleases(ctx, func(r corpus.Release) { got <- r }) }()
	// Told of those kept first, then of those added.
	if r := <-got; r.ID != "before" {
		t.Errorf("first told of %s", r.ID)
	}
	rs[0].AddRelease(ctx, storetest.Release("after"))
	deadline := time.After(10 * time.Second)
	for {
		select {
		case r := <-got:
			if r.ID != "after" || r.Title != "Testmeldung after" {
				t.Errorf("told of %+v", r)
			}
			cancel()
			<-done
			return
		case <-deadline:
			t.Fatal("the other replica was not told of the release")
		}
	}
}
