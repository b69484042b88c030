package push

import (
	"context"
	"time"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// Correction is an announcement to correct: the message it became in a
// chat, the release as it now is, what the correction changed (the
// release's correction: line; "" when it gave none) and when it was
// corrected.
type Correction struct {
	Chat, Message string
	Release       *corpus.Release
	Note          string
	At            time.Time
	// Digest says Message is a digest that listed the release: it is
	// not edited to the release, a short correction replies to it.
	Digest bool
}

// results names, for the observer, what a delivery of each kind did.
var results = map[string]string{
	store.KindAnnouncement: "sent",
	store.KindCorrection:   "corrected",
	store.KindDigest:       "sent",
}

// send makes a delivery of its kind: a message announcing its release,
// a correction of the one that did, or a digest. An announcement notes
// the version of the release it sends.
func (l *lane) send(ctx context.Context, d *store.Delivery) (string, error) {
	if d.Kind == store.KindDigest {
		return l.sendDigest(ctx, *d)
	}
	r, err := l.p.release(d.Release)
	if err != nil {
		return "", err
	}
	if d.Kind == store.KindCorrection {
		return l.sender.Correct(ctx, Correction{Chat: d.Chat, Message: d.Message, Release: r, Note: d.Note, At: d.At, Digest: d.Digest})
	}
	d.Version = store.Version(r)
	return l.sender.Send(ctx, d.Chat, r)
}
