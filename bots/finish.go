package bots

import (
	"context"
	"time"
)

// DrainGrace is how long work in progress may go on after shutdown began:
// long enough to finish an answer, short enough that the process exits
// within the ten seconds a service manager gives it.
const DrainGrace = 8 * time.Second

// Finish returns the context for one piece of work, such as answering an
// update, that shutdown should let finish rather than cut off: it ends
// after timeout, or grace after ctx ends, whichever comes first.
func Finish(ctx context.Context, timeout, grace time.Duration) (context.Context, context.CancelFunc) {
	work, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	stop := context.AfterFunc(ctx, func() { time.AfterFunc(grace, cancel) })
	return work, func() {
		stop()
		cancel()
	}
}
