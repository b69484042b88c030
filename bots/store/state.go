package store

import (
	"crypto/sha256"
	"encoding/base64"
	"slices"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

// State is isabot's state, wherever it is kept: Store keeps it in one
// bbolt file for one process, package pgstore in PostgreSQL for several
// replicas. Both pass the test suite of package storetest.
type State interface {
	// Handled updates.
	ClaimUpdate(platform, id string) (bool, error)
	ReleaseUpdate(platform, id string) error
	// Chats' languages, and values remembered under short keys.
	ChatLang(platform, chat string) (corpus.Lang, bool)
	SetChatLang(platform, chat string, lang corpus.Lang) error
	Remember(value string) (string, error)
	Recall(key string) (string, bool)

	// Subscriptions and follows.
	Subscribe(sub Subscription) (bool, error)
	Unsubscribe(platform, chat string) (bool, error)
	MoveSubscription(platform, from, to string) error
	Subscription(platform, chat string) (Subscription, bool, error)
	Subscriptions() ([]Subscription, error)
	Rename(platform, chat, title string) error
	Pause(platform, chat, reason string) (bool, error)
	Resume(platform, chat, reason string) ([]Delivery, error)
	Follow(sub Subscription, f Follows) (Subscription, error)
	Unfollow(platform, chat string, f Follows) (Subscription, bool, error)

	// The outbox and the releases it keeps.
	Baseline(releases map[string]string) (bool, error)
	Announce(r *corpus.Release, print string, wants func(Subscription) bool) ([]Delivery, bool, error)
	Pending() ([]Delivery, error)
	Delivered(d Delivery, message string) ([]Delivery, error)
	Owed(d Delivery) (bool, error)
	KeptRelease(id string) (*corpus.Release, bool, error)
	KeptReleases() ([]corpus.Release, error)
	GiveUp(d Delivery, state DeliveryState, cause string) error
	Gone(d Delivery, cause string) error
	Deliveries() ([]ReleaseDeliveries, error)

	// Daily digests.
	SetDigest(sub Subscription, d *Digest) (Subscription, bool, error)
	MakeDigests(due func(Subscription) (time.Time, bool)) ([]Delivery, error)

	// Corrections of announcements, the replies to them, and the
	// reports of settled fan-outs.
	Correct(r *corpus.Release, at time.Time) ([]Delivery, error)
	MessageRelease(platform, chat, message string) (string, bool)
	SettledFanOuts() ([]string, error)
	FanOutReported(id string) error

	// Feeds' validators.
	FeedValidators(url string) (etag, lastModified string)
	SetFeedValidators(url, etag, lastModified string) error

	// Hand-offs to the press office and their messages.
	SaveHandoff(id string, data []byte) error
	ChangeHandoff(id string, change func(data []byte) ([]byte, error)) error
	Handoffs() ([][]byte, error)
	OpenHandoffs() int
	SaveHandoffThread(key string, data []byte) error
	HandoffThread(key string) ([]byte, error)
	ForgetHandoffThreads(forget func(data []byte) bool) error

	Close() error
}

var _ State = (*Store)(nil)

// RememberKey is the short key a value is remembered under: the same
// value, the same key, in every store.
func RememberKey(value string) string {
	sum := sha256.Sum256([]byte(value))
	return base64.RawURLEncoding.EncodeToString(sum[:9])
}

// AddTo adds f's cities and topics to what sub follows.
func (f Follows) AddTo(sub *Subscription) {
	sub.Cities = union(sub.Cities, f.Cities)
	sub.Topics = union(sub.Topics, f.Topics)
}

// TakeFrom removes f's cities and topics from what sub follows.
func (f Follows) TakeFrom(sub *Subscription) {
	sub.Cities = slices.DeleteFunc(sub.Cities, func(c string) bool { return holds(f.Cities, c) })
	sub.Topics = slices.DeleteFunc(sub.Topics, func(t string) bool { return holds(f.Topics, t) })
}
