package bots

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// Retry is how an adapter retries a call to its platform: it tells a
// passing failure from a final one, and how long the platform asked it to
// wait (a rate limit), if it did.
type Retry struct {
	Platform string
	Logger   *slog.Logger
	// Classify says whether err is worth retrying and, for a rate limit,
	// how long to wait (0: back off on its own).
	Classify func(err error) (retry bool, wait time.Duration)
	// OnRateLimit, if set, is told of every rate limit.
	OnRateLimit func()
}

// retryAttempts bounds the tries of one call.
const retryAttempts = 5

// Do runs call until it succeeds, fails for good, or ctx ends: a rate
// limit waits as long as the platform asked, other passing failures back
// off from half a second, doubling up to thirty.
func Do[T any](ctx context.Context, r Retry, what string, call func(context.Context) (T, error)) (T, error) {
	backoff := 500 * time.Millisecond
	for attempt := 1; ; attempt++ {
		result, err := call(ctx)
		if err == nil {
			return result, nil
		}
		retry, wait := r.Classify(err)
		if !retry || attempt == retryAttempts {
			return result, fmt.Errorf("%s %s: %w", r.Platform, what, err)
		}
		if wait > 0 {
			if r.OnRateLimit != nil {
				r.OnRateLimit()
			}
		} else {
			wait = backoff
			backoff = min(2*backoff, 30*time.Second)
		}
		r.Logger.Warn(r.Platform+": call failed, retrying", "call", what, "attempt", attempt, "in", wait, "error", err)
		select {
		case <-ctx.Done():
			var zero T
			return zero, fmt.Errorf("%s %s: %w (after %w)", r.Platform, what, ctx.Err(), err)
		case <-time.After(wait):
		}
	}
}
