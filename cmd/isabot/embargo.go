package main

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

// Releases under embargo are held aside, before the index and the engine
// see them: nothing can search, answer from, show or announce what it
// does not hold. At their time they arrive like a release just published:
// indexed, then announced.

// embargoTick is how often held releases are checked for their time:
// well within the minute an embargoed release may take to appear.
const embargoTick = 15 * time.Second

// clock is the app's time: the real one unless a test set another.
func (a *app) clock() time.Time {
	if a.now != nil {
		return a.now()
	}
	return time.Now()
}

// withoutEmbargoed drops the releases under embargo at now; the folder's
// scan hands them to the embargoes of a running serve.
func withoutEmbargoed(releases []corpus.Release, now time.Time) []corpus.Release {
	return slices.DeleteFunc(releases, func(r corpus.Release) bool { return r.Embargoed(now) })
}

// embargoes are the releases held until their time.
type embargoes struct {
	now  func() time.Time
	mu   sync.Mutex
	held map[string]corpus.Release
}

func newEmbargoes(now func() time.Time) *embargoes {
	return &embargoes{now: now, held: map[string]corpus.Release{}}
}

// hold keeps r until its embargo ends, and reports whether it did: false
// for a release due now. A release held again replaces the version held.
func (e *embargoes) hold(r corpus.Release) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !r.Embargoed(e.now()) {
		delete(e.held, r.ID)
		return false
	}
	e.held[r.ID] = r
	return true
}

// due takes the releases whose time has come, in the order of their
// embargoes.
func (e *embargoes) due() []corpus.Release {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []corpus.Release
	now := e.now()
	for id, r := range e.held {
		if !r.Embargoed(now) {
			out = append(out, r)
			delete(e.held, id)
		}
	}
	slices.SortFunc(out, func(a, b corpus.Release) int { return cmp.Or(a.Embargo.Compare(b.Embargo), cmp.Compare(a.ID, b.ID)) })
	return out
}

// run hands each held release to arrive once its time has come, checking
// every tick, until ctx ends. A release arrive fails on is held again, to
// be tried at the next tick.
func (e *embargoes) run(ctx context.Context, tick time.Duration, arrive func(context.Context, corpus.Release) error, failed func(corpus.Release, error)) {
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		for _, r := range e.due() {
			if err := arrive(ctx, r); err != nil {
				failed(r, err)
				e.mu.Lock()
				e.held[r.ID] = r
				e.mu.Unlock()
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
