package pgstore_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/store/storetest"
)

func TestCorrectionRacesDelivery(t *testing.T) {
	// Two replicas: A records that an announcement went to chat 100 as
	// the version before a correction, B records the correction. The
	// first to reach the release's version is stopped, in its
	// transaction, by a trigger, while the other goes as far as it can;
	// whichever is first, chat 100 gets one correction, with its note.
	for _, tc := range []struct {
		name  string
		pause string // the trigger that stops the first
		first string // "correct" or "deliver"
	}{
		// Correct has recorded the new version and read the chats the
		// announcement was sent to (101, not yet 100): it stops as it
		// queues 101's correction.
		{"correction first", `BEFORE INSERT ON outbox FOR EACH ROW WHEN (NEW.kind = 'correction' AND NEW.chat = '101')`, "correct"},
		// Delivered has recorded the message sent to 100.
		{"delivery first", `AFTER INSERT ON sent FOR EACH ROW WHEN (NEW.chat = '100')`, "deliver"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs := replicas(t, 2)
			a, b := rs[0], rs[1]
			for _, chat := range []string{"100", "101"} {
				a.Subscribe(store.Subscription{Platform: "telegram", Chat: chat})
			}
			r := storetest.Release("r1")
			ds, _, err := a.Announce(r, "", nil)
			if err != nil || len(ds) != 2 {
				t.Fatalf("Announce: %+v, %v", ds, err)
			}
			if _, err := a.Correct(r, time.Now()); err != nil {
				t.Fatal(err)
			}
			inFlight, before := ds[0], ds[1]
			inFlight.Version, before.Version = store.Version(r), store.Version(r)
			if _, err := a.Delivered(before, "8"); err != nil {
				t.Fatal(err)
			}
			fixed := *r
			fixed.Body = []string{"Eine Delegation besucht Zwickau."}
			fixed.Correction = "Zwickau, nicht Chemnitz."
			ops := map[string]func() error{
				"correct": func() error { _, err := b.Correct(&fixed, time.Now()); return err },
				"deliver": func() error { _, err := a.Delivered(inFlight, "7"); return err },
			}
			second := map[string]string{"correct": "deliver", "deliver": "correct"}[tc.first]

			pool := a.Pool()
			resume := pause(t, pool, tc.pause)
			first := start(ops[tc.first])
			waitLock(t, pool, `wait_event = 'advisory'`, nil)
			then := start(ops[second])
			waitLock(t, pool, `wait_event <> 'advisory'`, then)
			resume()
			for _, c := range []*call{first, then} {
				<-c.done
				if c.err != nil {
					t.Fatal(c.err)
				}
			}

			pending, err := a.Pending()
			if err != nil {
				t.Fatal(err)
			}
			var got []store.Delivery
			for _, d := range pending {
				if d.Kind == store.KindCorrection && d.Chat == "100" {
					got = append(got, d)
				}
			}
			if len(got) != 1 || got[0].Message != "7" || got[0].Note != fixed.Correction {
				t.Errorf("corrections queued for chat 100: %+v; want one of message 7 noting %q", got, fixed.Correction)
			}
		})
	}
}

// pauseLock is the advisory lock a paused statement waits for.
const pauseLock = 0x15ab07_7e57

// pause makes the statements that fire trigger (CREATE TRIGGER's clauses
// after the name) wait, in their transaction, until resume is called.
func pause(t *testing.T, pool *pgxpool.Pool, trigger string) (resume func()) {
	t.Helper()
	ctx := context.Background()
	_, err := pool.Exec(ctx, `CREATE FUNCTION pause() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN PERFORM pg_advisory_xact_lock_shared(`+strconv.Itoa(pauseLock)+`); RETURN NEW; END $$`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `CREATE TRIGGER pause `+trigger+` EXECUTE FUNCTION pause()`); err != nil {
		t.Fatal(err)
	}
	holder, err := pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := holder.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(pauseLock)); err != nil {
		t.Fatal(err)
	}
	resumed := false
	resume = func() {
		if resumed {
			return
		}
		resumed = true
		holder.Exec(ctx, `SELECT pg_advisory_unlock($1)`, int64(pauseLock))
		holder.Release()
	}
	t.Cleanup(resume)
	return resume
}

// waitLock waits until a connection to the test's database waits for a
// lock that cond (on pg_stat_activity) describes, or until c, if given,
// has returned.
func waitLock(t *testing.T, pool *pgxpool.Pool, cond string, c *call) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var n int
		err := pool.QueryRow(context.Background(), `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock' AND `+cond).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
		if c != nil {
			select {
			case <-c.done:
				return
			default:
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no connection waits for a lock where %s", cond)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A call runs a function in its own goroutine.
type call struct {
	done chan struct{} // closed when it returned
	err  error
}

func start(f func() error) *call {
	c := &call{done: make(chan struct{})}
	go func() {
		c.err = f()
		close(c.done)
	}()
	return c
}
