package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Subscription returns the subscription of a chat, if there is one.
func (s *Store) Subscription(platform, chat string) (Subscription, bool, error) {
	var (
		sub   Subscription
		found bool
	)
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketSubs).Get(subKey(platform, chat))
		if raw == nil {
			return nil
		}
		found = true
		return json.Unmarshal(raw, &sub)
	})
	if err != nil {
		return Subscription{}, false, fmt.Errorf("look up subscription %s %s: %w", platform, chat, err)
	}
	return sub, found, nil
}

// Rename gives a chat's subscription the chat's new name; a chat not
// subscribed is left as it is.
func (s *Store) Rename(platform, chat, title string) error {
	err := s.updateSub(platform, chat, func(sub *Subscription) bool {
		sub.Title = title
		return true
	}, nil)
	if err != nil {
		return fmt.Errorf("rename subscription %s %s: %w", platform, chat, err)
	}
	return nil
}

// Pause holds the deliveries to a chat, and those announced from now on,
// for reason (a channel archived, the app uninstalled): they leave the
// outbox, so no deliverer sends them, and are kept until Resume with the
// same reason. A subscription paused already keeps its first reason; it
// reports whether this call paused it.
func (s *Store) Pause(platform, chat, reason string) (bool, error) {
	paused := false
	err := s.updateSub(platform, chat, func(sub *Subscription) bool {
		if sub.Paused != "" {
			return false
		}
		sub.Paused, paused = reason, true
		return true
	}, func(tx *bolt.Tx) error {
		return moveDeliveries(tx, bucketOutbox, bucketHeld, platform, chat, nil)
	})
	if err != nil {
		return false, fmt.Errorf("pause subscription %s %s: %w", platform, chat, err)
	}
	return paused, nil
}

// Resume ends a pause for reason: the deliveries held for the chat are
// back in the outbox, in their order, and returned to be handed to the
// deliverer. A subscription paused for another reason stays paused.
func (s *Store) Resume(platform, chat, reason string) ([]Delivery, error) {
	var back []Delivery
	err := s.updateSub(platform, chat, func(sub *Subscription) bool {
		if sub.Paused != reason {
			return false
		}
		sub.Paused = ""
		return true
	}, func(tx *bolt.Tx) error {
		return moveDeliveries(tx, bucketHeld, bucketOutbox, platform, chat, &back)
	})
	if err != nil {
		return nil, fmt.Errorf("resume subscription %s %s: %w", platform, chat, err)
	}
	return back, nil
}

// updateSub changes a chat's subscription with change, and when change
// reports a change, runs then in the same transaction. A chat not
// subscribed is left alone.
func (s *Store) updateSub(platform, chat string, change func(*Subscription) bool, then func(*bolt.Tx) error) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubs)
		raw := b.Get(subKey(platform, chat))
		if raw == nil {
			return nil
		}
		var sub Subscription
		if err := json.Unmarshal(raw, &sub); err != nil {
			return err
		}
		if !change(&sub) {
			return nil
		}
		if err := putJSON(b, subKey(platform, chat), sub); err != nil {
			return err
		}
		if then == nil {
			return nil
		}
		return then(tx)
	})
}

// moveDeliveries moves a chat's deliveries from one bucket to the other
// under the same sequence, and appends them to moved if it is not nil.
func moveDeliveries(tx *bolt.Tx, from, to []byte, platform, chat string, moved *[]Delivery) error {
	src, dst := tx.Bucket(from), tx.Bucket(to)
	var ds []Delivery
	err := src.ForEach(func(k, v []byte) error {
		var d Delivery
		if err := json.Unmarshal(v, &d); err != nil {
			return err
		}
		if d.Platform == platform && d.Chat == chat {
			d.Seq = binary.BigEndian.Uint64(k)
			ds = append(ds, d)
		}
		return nil
	})
	for _, d := range ds {
		if err == nil {
			err = putJSON(dst, seqKey(d.Seq), d)
		}
		if err == nil {
			err = src.Delete(seqKey(d.Seq))
		}
	}
	if err == nil && moved != nil {
		*moved = append(*moved, ds...)
	}
	return err
}
