package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Follows are cities and topics a chat follows.
type Follows struct {
	Cities []string
	Topics []string
}

// Follow adds cities and topics to what a chat follows. A chat not yet
// subscribed is subscribed with sub, getting only what it follows; a
// chat that got everything gets only what it follows from now on. It
// returns the subscription as it now is.
func (s *Store) Follow(sub Subscription, f Follows) (Subscription, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubs)
		if raw := b.Get(subKey(sub.Platform, sub.Chat)); raw != nil {
			if err := json.Unmarshal(raw, &sub); err != nil {
				return err
			}
		}
		if sub.Since.IsZero() {
			sub.Since = s.now().UTC()
		}
		f.AddTo(&sub)
		return putJSON(b, subKey(sub.Platform, sub.Chat), sub)
	})
	if err != nil {
		return Subscription{}, fmt.Errorf("follow for %s %s: %w", sub.Platform, sub.Chat, err)
	}
	return sub, nil
}

// Unfollow removes cities and topics from what a chat follows. A chat
// left following nothing is unsubscribed, with what is still owed to it,
// rather than getting everything. It returns the subscription as it now
// is, and false when the chat is no longer (or was not) subscribed.
func (s *Store) Unfollow(platform, chat string, f Follows) (Subscription, bool, error) {
	var (
		sub Subscription
		ok  bool
	)
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubs)
		raw := b.Get(subKey(platform, chat))
		if raw == nil {
			return nil
		}
		if err := json.Unmarshal(raw, &sub); err != nil {
			return err
		}
		if len(sub.Cities)+len(sub.Topics) == 0 {
			ok = true // follows everything: nothing to take away
			return nil
		}
		f.TakeFrom(&sub)
		if len(sub.Cities)+len(sub.Topics) > 0 {
			ok = true
			return putJSON(b, subKey(platform, chat), sub)
		}
		if err := b.Delete(subKey(platform, chat)); err != nil {
			return err
		}
		return deleteDeliveries(tx, func(d Delivery) bool { return d.Platform == platform && d.Chat == chat })
	})
	if err != nil {
		return Subscription{}, false, fmt.Errorf("unfollow for %s %s: %w", platform, chat, err)
	}
	return sub, ok, nil
}

// union appends to have what add holds that it lacks.
func union(have, add []string) []string {
	for _, a := range add {
		if !holds(have, a) {
			have = append(have, a)
		}
	}
	return have
}

// holds reports whether list has s, in any case: "wasserstoff" is the
// topic "Wasserstoff".
func holds(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}
