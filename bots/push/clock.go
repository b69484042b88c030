package push

import (
	"context"
	"math"
	"slices"
	"sync"
	"time"
)

// Clock is the pusher's time: real, or simulated in benchmarks so that
// measuring a rate limit of 20 a minute takes no minutes.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
	// Sleep waits d; it reports false when ctx ended first.
	Sleep(ctx context.Context, d time.Duration) bool
}

type realClock struct{}

// SimClock is simulated time: waiting advances it at once. The pusher
// waits in one goroutine per platform, so the simulated time is the time
// the real schedule would take, without taking it. Benchmarks measure the
// rate limits with it.
type SimClock struct {
	mu    sync.Mutex
	now   time.Time
	start time.Time
}

// NewSimClock starts simulated time at start.
func NewSimClock(start time.Time) *SimClock { return &SimClock{now: start, start: start} }

// Now is the simulated time.
func (c *SimClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *SimClock) advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d > 0 {
		c.now = c.now.Add(d)
	}
	return c.now
}

// After advances the time by d and fires.
func (c *SimClock) After(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	ch <- c.advance(d)
	return ch
}

// Sleep advances the time by d.
func (c *SimClock) Sleep(ctx context.Context, d time.Duration) bool {
	c.advance(d)
	return ctx.Err() == nil
}

// Set moves the simulated time to t: a test's clock of days and hours.
func (c *SimClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// Elapsed is the simulated time since the start.
func (c *SimClock) Elapsed() time.Duration { return c.Now().Sub(c.start) }

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

func (realClock) Sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// tokenBucket spaces messages at rate a second; rate 0 means no limit. A
// rate limit from the platform pauses it and lowers the rate, which
// recovers with every message that goes through. Spacing alone would
// put rate+1 messages in a second whenever one went a little late and
// the next on time, so it also remembers when the last max messages
// went, and lets none go within a second of the max-th before it.
type tokenBucket struct {
	rate, max   float64
	next        time.Time
	pausedUntil time.Time
	went        []time.Time // the last max messages, oldest first
}

// take reserves the next slot and returns how long to wait for it.
func (b *tokenBucket) take(now time.Time) time.Duration {
	if b.max <= 0 {
		return 0
	}
	t := now
	if b.next.After(t) {
		t = b.next
	}
	if b.pausedUntil.After(t) {
		t = b.pausedUntil
	}
	if n := int(b.max); n > 0 && len(b.went) >= n {
		if full := b.went[len(b.went)-n].Add(time.Second); full.After(t) {
			t = full
		}
	}
	// Rounded up, so that a second never holds more than rate messages.
	b.next = t.Add(time.Duration(math.Ceil(float64(time.Second) / b.rate)))
	return t.Sub(now)
}

// wentAt records when a message took its slot, after waiting for it.
func (b *tokenBucket) wentAt(at time.Time) {
	n := int(b.max)
	if n <= 0 {
		return
	}
	b.went = append(b.went, at)
	if len(b.went) > n {
		b.went = slices.Delete(b.went, 0, len(b.went)-n)
	}
}

func (b *tokenBucket) slowDown(until time.Time) {
	if until.After(b.pausedUntil) {
		b.pausedUntil = until
	}
	if b.max > 0 {
		b.rate = max(b.rate*0.8, b.max*0.2)
	}
}

func (b *tokenBucket) succeeded() {
	if b.max > 0 {
		b.rate = min(b.max, b.rate*1.01)
	}
}
