package store

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/isa-alliance/isabot/corpus"
)

// A chat that chose a daily digest gets no message per release: what is
// announced to it is collected, and when its hour comes one delivery of
// kind KindDigest lists it. Collecting is a delivery like any other
// (counted as waiting, its release kept, dropped when the chat leaves);
// only the outbox does not see it until the digest is made.

// bucketCollected holds the announcements waiting for a digest:
// sequence → Delivery.
var bucketCollected = []byte("collected")

// KindDigest is a delivery listing the releases collected for a chat.
const KindDigest = "digest"

// DigestSize is how many releases one digest message lists at most; a
// day with more makes several, each within the platforms' limits on a
// message's length and buttons.
const DigestSize = 10

// Digest is a chat's choice of one message a day listing the releases
// announced since the last, instead of one message per release.
type Digest struct {
	At   string      `json:"at"`             // the hour of the day, "08:00"
	Zone string      `json:"zone"`           // the IANA time zone At is in
	Lang corpus.Lang `json:"lang,omitempty"` // the language it was chosen in
	// Done is when the last digest was due, in its zone: the next is
	// due after it.
	// One due while isabot was down is made when it starts, once.
	Done time.Time `json:"done"`
}

// ReleaseIDs are the releases a delivery is about: its release, or the
// releases a digest lists.
func (d Delivery) ReleaseIDs() []string {
	if d.Kind == KindDigest {
		return d.Releases
	}
	return []string{d.Release}
}

// WithDigest is the subscription SetDigest keeps: the chat's as kept
// (have, if it is subscribed) or sub, subscribed now, with digest d, due
// from the next MakeDigests on; false, and nothing to keep, when the chat
// is not subscribed and d turns its digest off. Both stores use it.
func WithDigest(sub Subscription, have *Subscription, d *Digest, now time.Time) (Subscription, bool) {
	switch {
	case have != nil:
		sub = *have
	case d == nil:
		return Subscription{}, false
	default:
		sub.Since = now.UTC()
	}
	if d != nil {
		d.Done = time.Time{}
	}
	sub.Digest = d
	return sub, true
}

// SetDigest sets a chat's digest, or with d nil turns it off. A chat
// not yet subscribed is subscribed with sub, to everything, when d is
// set. The digest is first due at its hour after the next MakeDigests:
// what is collected until then waits for that one. What was collected
// for a chat whose digest is off goes out, as announcements, at the next
// MakeDigests. It returns the subscription as it now is, and false when
// the chat is not subscribed.
func (s *Store) SetDigest(sub Subscription, d *Digest) (Subscription, bool, error) {
	subscribed := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubs)
		var have *Subscription
		if raw := b.Get(subKey(sub.Platform, sub.Chat)); raw != nil {
			kept := sub
			if err := json.Unmarshal(raw, &kept); err != nil {
				return err
			}
			have = &kept
		}
		next, ok := WithDigest(sub, have, d, s.now())
		if !ok {
			return nil
		}
		sub, subscribed = next, true
		return putJSON(b, subKey(sub.Platform, sub.Chat), sub)
	})
	if err != nil {
		return Subscription{}, false, fmt.Errorf("set the digest of %s %s: %w", sub.Platform, sub.Chat, err)
	}
	return sub, subscribed, nil
}

// MakeDigests makes the digests that are due: due tells, for a chat's
// subscription, when its digest was last due (false when it cannot
// tell). A chat whose digest came due since the last gets, in one
// transaction, one KindDigest delivery per DigestSize releases collected
// for it, in the order announced, and none when nothing was; a digest
// never due before is only noted. What was collected for a chat that
// turned its digest off becomes announcements. The deliveries made are
// returned to be handed to the pusher (not those held for a paused
// chat).
func (s *Store) MakeDigests(due func(Subscription) (time.Time, bool)) ([]Delivery, error) {
	isDue := func(sub Subscription) (time.Time, bool) {
		if sub.Digest == nil {
			return time.Time{}, false
		}
		t, ok := due(sub)
		return t, ok && t.After(sub.Digest.Done)
	}
	// A read first: at most ticks nothing is due, and a write is not needed.
	work := false
	err := s.db.View(func(tx *bolt.Tx) error {
		digests, err := digestChats(tx)
		if err != nil {
			return err
		}
		for _, sub := range digests {
			_, ok := isDue(sub)
			work = work || ok
		}
		return tx.Bucket(bucketCollected).ForEach(func(_, v []byte) error {
			var d Delivery
			if err := json.Unmarshal(v, &d); err != nil {
				return err
			}
			_, digest := digests[string(subKey(d.Platform, d.Chat))]
			work = work || !digest
			return nil
		})
	})
	if err != nil || !work {
		return nil, err
	}
	var made []Delivery
	err = s.db.Update(func(tx *bolt.Tx) error {
		made = nil
		digests, err := digestChats(tx)
		if err != nil {
			return err
		}
		collected := map[string][]Delivery{}
		err = tx.Bucket(bucketCollected).ForEach(func(k, v []byte) error {
			var d Delivery
			if err := json.Unmarshal(v, &d); err != nil {
				return err
			}
			d.Seq = binary.BigEndian.Uint64(k)
			key := string(subKey(d.Platform, d.Chat))
			collected[key] = append(collected[key], d)
			return nil
		})
		if err != nil {
			return err
		}
		subs, out := tx.Bucket(bucketSubs), tx.Bucket(bucketOutbox)
		// Collected for a chat whose digest is off: sent as they came.
		for key, ds := range collected {
			if _, ok := digests[key]; ok {
				continue
			}
			var sub Subscription
			if raw := subs.Get([]byte(key)); raw != nil {
				if err := json.Unmarshal(raw, &sub); err != nil {
					return err
				}
			}
			for _, d := range ds {
				if err := tx.Bucket(bucketCollected).Delete(seqKey(d.Seq)); err != nil {
					return err
				}
				if err := putDelivery(tx, sub, d, &made); err != nil {
					return err
				}
			}
		}
		for key, sub := range digests {
			when, ok := isDue(sub)
			if !ok {
				continue
			}
			first := sub.Digest.Done.IsZero()
			sub.Digest.Done = when
			if err := putJSON(subs, []byte(key), sub); err != nil {
				return err
			}
			if first {
				continue
			}
			for chunk := range slices.Chunk(collected[key], DigestSize) {
				seq, err := out.NextSequence()
				if err != nil {
					return err
				}
				d := Delivery{Seq: seq, Platform: sub.Platform, Chat: sub.Chat, Kind: KindDigest, Lang: sub.Digest.Lang, At: when}
				for _, c := range chunk {
					d.Releases = append(d.Releases, c.Release)
					if err := tx.Bucket(bucketCollected).Delete(seqKey(c.Seq)); err != nil {
						return err
					}
				}
				if err := putDelivery(tx, sub, d, &made); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("make the digests due: %w", err)
	}
	slices.SortFunc(made, func(a, b Delivery) int { return cmp.Compare(a.Seq, b.Seq) })
	return made, nil
}

// digestChats are the subscriptions with a digest, by their key.
func digestChats(tx *bolt.Tx) (map[string]Subscription, error) {
	digests := map[string]Subscription{}
	err := tx.Bucket(bucketSubs).ForEach(func(k, v []byte) error {
		var sub Subscription
		if err := json.Unmarshal(v, &sub); err != nil {
			return err
		}
		if sub.Digest != nil {
			digests[string(k)] = sub
		}
		return nil
	})
	return digests, err
}

// putDelivery puts d in the outbox and appends it to made, or holds it
// when sub is paused.
func putDelivery(tx *bolt.Tx, sub Subscription, d Delivery, made *[]Delivery) error {
	if sub.Paused != "" {
		return putJSON(tx.Bucket(bucketHeld), seqKey(d.Seq), d)
	}
	*made = append(*made, d)
	return putJSON(tx.Bucket(bucketOutbox), seqKey(d.Seq), d)
}

// recordDigest notes, in tx, the message a digest became, as the
// message each release it lists was sent as, marked as a digest: a
// correction replies to it rather than editing it. The digest is not
// one release's message, so a reply to it is not about one.
func recordDigest(tx *bolt.Tx, d Delivery, message string, now time.Time) error {
	for _, id := range d.Releases {
		x := Sent{Seq: d.Seq, Release: id, Platform: d.Platform, Chat: d.Chat, Message: message, At: now.UTC(), Digest: true}
		if err := putJSON(tx.Bucket(bucketSent), sentKey(id, d.Platform, d.Chat), x); err != nil {
			return err
		}
	}
	return nil
}

// undeliver keeps, in tx, a delivery given up or owed to a chat that
// left, to be reported: a digest as one entry per release it lists, so
// that each release's report counts it.
func undeliver(tx *bolt.Tx, d Delivery, state DeliveryState, cause string, now time.Time) error {
	entries := []Delivery{d}
	if d.Kind == KindDigest {
		entries = nil
		for i, id := range d.Releases {
			seq := d.Seq
			if i > 0 {
				var err error
				if seq, err = tx.Bucket(bucketOutbox).NextSequence(); err != nil {
					return err
				}
			}
			entries = append(entries, Delivery{Seq: seq, Release: id, Platform: d.Platform, Chat: d.Chat})
		}
	}
	for _, e := range entries {
		u := Undelivered{Delivery: e, State: state, Cause: cause, At: now.UTC()}
		if raw := tx.Bucket(bucketKept).Get([]byte(e.Release)); raw != nil {
			var r corpus.Release
			if err := json.Unmarshal(raw, &r); err != nil {
				return err
			}
			u.Title = r.Title
		}
		if err := putJSON(tx.Bucket(bucketUndelivered), seqKey(e.Seq), u); err != nil {
			return err
		}
	}
	return nil
}
