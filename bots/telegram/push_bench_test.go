package telegram

import (
	"context"
	"log/slog"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
	"github.com/isa-alliance/isabot/corpus"
)

const fanOutSubscribers = 10_000

// scheduleLog records when each announcement was scheduled to go.
type scheduleLog struct {
	*Bot
	mu    sync.Mutex
	times []time.Time
}

func (s *scheduleLog) Send(ctx context.Context, chat string, r *corpus.Release) (string, error) {
	message, err := s.Bot.Send(ctx, chat, r)
	if err == nil {
		s.mu.Lock()
		s.times = append(s.times, push.ScheduledAt(ctx))
		s.mu.Unlock()
	}
	return message, err
}

// wouldBeRefused counts the messages Telegram would have refused with a
// 429: more than 30 in any one-second window.
func (s *scheduleLog) wouldBeRefused() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	times := slices.Clone(s.times)
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	refused, start := 0, 0
	for i, t := range times {
		for t.Sub(times[start]) >= time.Second {
			start++
		}
		if i-start+1 > 30 {
			refused++
		}
	}
	return refused
}

type nopObserver struct{}

func (nopObserver) Announced()               {}
func (nopObserver) Delivered(string, string) {}
func (nopObserver) Abandoned(string)         {}
func (nopObserver) RateLimited(string)       {}

// fanOut announces one release to 10,000 subscribers through the fake
// Bot API server and waits until every one has it; followers of them
// follow a city the release names, rather than everything.
func fanOut(b *testing.B, st store.State, limits *push.Limits, clock push.Clock, followers int) *scheduleLog {
	srv := telegramtest.NewServer(b, token)
	defer st.Close()
	for i := range fanOutSubscribers {
		sub := store.Subscription{Platform: platform, Chat: strconv.Itoa(100000 + i)}
		if i < followers {
			st.Follow(sub, store.Follows{Cities: []string{"Berlin"}})
			continue
		}
		st.Subscribe(sub)
	}
	engine, err := searchEngine()
	if err != nil {
		b.Fatal(err)
	}
	bot, err := New(Config{Token: token, APIURL: srv.URL(), Limits: limits}, engine, st, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	sender := &scheduleLog{Bot: bot}
	r := longRelease()
	engine.Add(context.Background(), r)
	opts := []push.Option{push.WithMatcher(engine)}
	if clock != nil {
		opts = append(opts, push.WithClock(clock))
	}
	p := push.New(st, engine, []push.Sender{sender}, nopObserver{}, slog.New(slog.DiscardHandler), opts...)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()

	b.ResetTimer()
	start := time.Now()
	if _, err := p.Announce(&r); err != nil {
		b.Fatal(err)
	}
	for {
		pending, _ := st.Pending()
		if len(pending) == 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	b.StopTimer()
	if n := len(srv.Calls("sendMessage")); n != fanOutSubscribers {
		b.Fatalf("%d messages sent", n)
	}
	b.ReportMetric(float64(fanOutSubscribers)/time.Since(start).Seconds(), "msgs/s")
	return sender
}

// bboltState is a state file of its own for a benchmark.
func bboltState(b *testing.B) store.State {
	st, err := store.Open(filepath.Join(b.TempDir(), "state.db"))
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkFanOut measures one release to 10,000 subscribers through the
// fake Bot API: with the rate limits lifted, the pipeline's own throughput
// (real time, every delivery recorded on disk); with Telegram's limits, on
// a simulated clock, the achieved rate as a share of the 30 a second
// allowed, and the messages Telegram would have refused.
func BenchmarkFanOut(b *testing.B) {
	b.Run("unlimited", func(b *testing.B) {
		for range b.N {
			fanOut(b, bboltState(b), &push.Limits{}, nil, 0)
		}
	})
	// A tenth of the subscribers follow a city: what matching adds.
	b.Run("unlimited-follows", func(b *testing.B) {
		for range b.N {
			fanOut(b, bboltState(b), &push.Limits{}, nil, fanOutSubscribers/10)
		}
	})
	b.Run("telegram-limits", func(b *testing.B) {
		for range b.N {
			clock := push.NewSimClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
			log := fanOut(b, bboltState(b), nil, clock, 0)
			allowed := clock.Elapsed().Seconds() * 30
			b.ReportMetric(100*float64(fanOutSubscribers)/allowed, "%-of-allowed")
			b.ReportMetric(float64(log.wouldBeRefused()), "429s")
			b.ReportMetric(clock.Elapsed().Seconds(), "simulated-s")
		}
	})
}

// BenchmarkAnnounceFollows measures all that follows add to a fan-out:
// announcing one release to 10,000 subscribers (its deliveries written to
// the outbox in one transaction), with none and with a tenth of them
// following a city, matched by the real engine. The sending is the same
// with and without.
func BenchmarkAnnounceFollows(b *testing.B) {
	engine, err := searchEngine()
	if err != nil {
		b.Fatal(err)
	}
	for _, followers := range []int{0, fanOutSubscribers / 10} {
		b.Run("followers-"+strconv.Itoa(followers), func(b *testing.B) {
			st, err := store.Open(filepath.Join(b.TempDir(), "state.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			for i := range fanOutSubscribers {
				sub := store.Subscription{Platform: platform, Chat: strconv.Itoa(100000 + i)}
				if i < followers {
					st.Follow(sub, store.Follows{Cities: []string{"Berlin"}})
					continue
				}
				st.Subscribe(sub)
			}
			p := push.New(st, engine, nil, nopObserver{}, slog.New(slog.DiscardHandler), push.WithMatcher(engine))
			b.ResetTimer()
			for i := range b.N {
				r := longRelease()
				r.ID, r.Title = r.ID+strconv.Itoa(i), r.Title+" "+strconv.Itoa(i)
				if n, err := p.Announce(&r); err != nil || n != fanOutSubscribers {
					b.Fatalf("announced to %d: %v", n, err)
				}
			}
		})
	}
}
