package push

import (
	"context"
	"sync"
	"time"
)

// simClock is simulated time: waiting advances it at once. The pusher
// waits in one goroutine per platform, so the simulated time is the time
// the real schedule would take, without taking it.
type simClock struct {
	mu    sync.Mutex
	now   time.Time
	start time.Time
}

func newSimClock() *simClock {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return &simClock{now: t, start: t}
}

func (c *simClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *simClock) advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d > 0 {
		c.now = c.now.Add(d)
	}
	return c.now
}

func (c *simClock) After(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	ch <- c.advance(d)
	return ch
}

func (c *simClock) Sleep(ctx context.Context, d time.Duration) bool {
	c.advance(d)
	return ctx.Err() == nil
}

func (c *simClock) elapsed() time.Duration { return c.Now().Sub(c.start) }
