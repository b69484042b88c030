package pgstore_test

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/store/pgstore"
	"github.com/isa-alliance/isabot/bots/store/pgstore/pgtest"
	"github.com/isa-alliance/isabot/bots/store/storetest"
)

// benchSubscribers is how many chats each release of the outbox
// benchmarks is announced to.
const benchSubscribers = 1000

// BenchmarkOutbox measures, in one run, what each delivery costs the
// state in a bbolt file and in PostgreSQL (the machine's server, a
// scratch database): claim, the check (and, in PostgreSQL, the lease)
// before a delivery is sent; record, Delivered after it was; record-version,
// Delivered of an announcement sent as the release's version, which is
// recorded, as the pusher records them (so the store checks whether a
// correction came meanwhile). One call at a time, each timed: p50 and
// p99 beside the mean.
func BenchmarkOutbox(b *testing.B) {
	for _, st := range []struct {
		name string
		open func(b *testing.B) store.State
	}{
		{"bbolt", func(b *testing.B) store.State {
			s, err := store.Open(filepath.Join(b.TempDir(), "state.db"))
			if err != nil {
				b.Fatal(err)
			}
			return s
		}},
		{"postgres", func(b *testing.B) store.State {
			s, err := pgstore.Open(context.Background(), pgtest.Database(b))
			if err != nil {
				b.Fatal(err)
			}
			return s
		}},
	} {
		for _, op := range []struct {
			name    string
			do      func(s store.State, d store.Delivery) error
			version bool // record the release's version, and send as it
		}{
			{"claim", func(s store.State, d store.Delivery) error { _, err := s.Owed(d); return err }, false},
			{"record", func(s store.State, d store.Delivery) error { _, err := s.Delivered(d, "1"); return err }, false},
			{"record-version", func(s store.State, d store.Delivery) error { _, err := s.Delivered(d, "1"); return err }, true},
		} {
			b.Run(st.name+"/"+op.name, func(b *testing.B) {
				s := st.open(b)
				defer s.Close()
				for i := range benchSubscribers {
					s.Subscribe(store.Subscription{Platform: "telegram", Chat: strconv.Itoa(100000 + i)})
				}
				var (
					owed    []store.Delivery
					took    []time.Duration
					release int
				)
				b.ResetTimer()
				for range b.N {
					if len(owed) == 0 {
						b.StopTimer()
						release++
						r := storetest.Release("r" + strconv.Itoa(release))
						ds, _, err := s.Announce(r, "", nil)
						if err != nil {
							b.Fatal(err)
						}
						if op.version {
							if _, err := s.Correct(r, time.Now()); err != nil {
								b.Fatal(err)
							}
							for i := range ds {
								ds[i].Version = store.Version(r)
							}
						}
						owed = ds
						b.StartTimer()
					}
					start := time.Now()
					if err := op.do(s, owed[0]); err != nil {
						b.Fatal(err)
					}
					took = append(took, time.Since(start))
					owed = owed[1:]
				}
				b.StopTimer()
				slices.Sort(took)
				b.ReportMetric(float64(took[len(took)/2].Microseconds()), "p50-µs")
				b.ReportMetric(float64(took[len(took)*99/100].Microseconds()), "p99-µs")
			})
		}
	}
}
