package bots

import (
	"context"
	"time"
)

// DrainGrace is how long work in progress may go on after shutdown began,
// when no drain (Draining) says otherwise: long enough to finish an
// answer, short enough that the process exits within the ten seconds a
// service manager gives it.
const DrainGrace = 8 * time.Second

type drainKey struct{}

// Draining returns a context for the time a shutdown gives the work in
// progress: end ends it, when that time is up. Every context derived from
// it carries it, so that the work Finish starts under any of them ends
// then too, however long its own timeout, and whatever ended its parent
// before.
func Draining(parent context.Context) (ctx context.Context, end context.CancelFunc) {
	ctx, end = context.WithCancel(parent)
	return context.WithValue(ctx, drainKey{}, ctx), end
}

// Finish returns the context for one piece of work, such as answering an
// update, that shutdown should let finish rather than cut off: it ends
// after timeout, or when the drain that ctx carries ends (Draining). In a
// context without a drain, it ends grace after ctx ends.
func Finish(ctx context.Context, timeout, grace time.Duration) (context.Context, context.CancelFunc) {
	work, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	stop := AfterDrain(ctx, grace, cancel)
	return work, func() {
		stop()
		cancel()
	}
}

// AfterDrain calls end when the drain that ctx carries ends (Draining),
// or, in a context without a drain, grace after ctx ends. stop keeps it
// from being called.
func AfterDrain(ctx context.Context, grace time.Duration, end func()) (stop func() bool) {
	if drain, ok := ctx.Value(drainKey{}).(context.Context); ok {
		return context.AfterFunc(drain, end)
	}
	return context.AfterFunc(ctx, func() { time.AfterFunc(grace, end) })
}
