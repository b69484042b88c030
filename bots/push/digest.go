package push

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// Digest is one chat's digest: the releases announced to it since the
// last, in the order announced.
type Digest struct {
	Chat     string
	Releases []*corpus.Release
	// At is when the digest was due, in the zone of its hour.
	At time.Time
	// Lang is the language the digest was chosen in: the chat's, unless
	// the platform knows better.
	Lang corpus.Lang
}

// sendDigest sends a digest of the releases it lists that can still be
// found, as the corpus now has them; one whose releases are all gone is
// given up like an announcement whose release is.
func (l *lane) sendDigest(ctx context.Context, d store.Delivery) (string, error) {
	digest := Digest{Chat: d.Chat, At: d.At, Lang: d.Lang}
	for _, id := range d.Releases {
		r, err := l.p.release(id)
		switch {
		case errors.Is(err, errReleaseGone):
			l.p.logger.Warn("push: a release of a digest is gone; left out", "release", id, "chat", d.Chat)
		case err != nil:
			return "", err
		default:
			digest.Releases = append(digest.Releases, r)
		}
	}
	if len(digest.Releases) == 0 {
		return "", fmt.Errorf("%w: all of a digest's", errReleaseGone)
	}
	return l.sender.SendDigest(ctx, digest)
}

// RunDigests makes each chat's digest when its hour has come by now,
// checking every tick until ctx ends, and delivers them: a digest due
// while isabot was down is made at the first check, once.
func (p *Pusher) RunDigests(ctx context.Context, now func() time.Time, tick time.Duration) {
	zones := bots.Zones{}
	due := func(sub store.Subscription) (time.Time, bool) { return zones.LastDue(*sub.Digest, now()) }
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		ds, err := p.state.MakeDigests(due)
		if err != nil {
			p.logger.Error("push: cannot make the digests due", "error", err)
		}
		if len(ds) > 0 {
			p.logger.Info("push: digests due", "deliveries", len(ds))
			p.Enqueue(ds)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
