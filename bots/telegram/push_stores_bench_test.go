package telegram

import (
	"context"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/store/pgstore"
	"github.com/isa-alliance/isabot/bots/store/pgstore/pgtest"
)

// BenchmarkFanOutStores measures, in one run, the fan-out of one release
// to 10,000 subscribers with the state in a bbolt file and in PostgreSQL
// (the machine's server, a scratch database; every delivery claimed and
// recorded there as by a replica): with the rate limits lifted, the
// pipeline's own rate in real time; with Telegram's, on a simulated
// clock, the share of the 30 a second allowed that it keeps.
func BenchmarkFanOutStores(b *testing.B) {
	for _, st := range []struct {
		name string
		open func(b *testing.B) store.State
	}{
		{"bbolt", bboltState},
		{"postgres", func(b *testing.B) store.State {
			s, err := pgstore.Open(context.Background(), pgtest.Database(b))
			if err != nil {
				b.Fatal(err)
			}
			return s
		}},
	} {
		b.Run(st.name+"/unlimited", func(b *testing.B) {
			for range b.N {
				fanOut(b, st.open(b), &push.Limits{}, nil, 0)
			}
		})
		b.Run(st.name+"/telegram-limits", func(b *testing.B) {
			for range b.N {
				clock := push.NewSimClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
				log := fanOut(b, st.open(b), nil, clock, 0)
				b.ReportMetric(100*float64(fanOutSubscribers)/(clock.Elapsed().Seconds()*30), "%-of-allowed")
				b.ReportMetric(float64(log.wouldBeRefused()), "429s")
			}
		})
	}
}
