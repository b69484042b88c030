package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// bucketHandoffs holds the questions handed to the press office: id → the
// hand-off as its package bots/handoff encodes it.
var bucketHandoffs = []byte("handoffs")

// SaveHandoff stores a hand-off under id.
func (s *Store) SaveHandoff(id string, data []byte) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketHandoffs).Put([]byte(id), data)
	})
	if err != nil {
		return fmt.Errorf("save hand-off %s: %w", id, err)
	}
	return nil
}

// ChangeHandoff reads the hand-off id (nil when there is none) and stores
// what change returns, in one transaction, so that two changes at once
// cannot both see the same state. A nil result deletes the hand-off; an
// error leaves it as it was and is returned.
func (s *Store) ChangeHandoff(id string, change func(data []byte) ([]byte, error)) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketHandoffs)
		data, err := change(bytes.Clone(b.Get([]byte(id))))
		switch {
		case err != nil:
			return err
		case data == nil:
			return b.Delete([]byte(id))
		}
		return b.Put([]byte(id), data)
	})
	if err != nil {
		return fmt.Errorf("change hand-off %s: %w", id, err)
	}
	return nil
}

// Handoffs returns every hand-off kept, in id order.
func (s *Store) Handoffs() ([][]byte, error) {
	var out [][]byte
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketHandoffs).ForEach(func(_, v []byte) error {
			out = append(out, bytes.Clone(v))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list hand-offs: %w", err)
	}
	return out, nil
}

// OpenHandoffs counts the hand-offs kept: those still open.
func (s *Store) OpenHandoffs() int {
	n := 0
	s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketHandoffs).Stats().KeyN
		return nil
	})
	return n
}

// bucketHandoffThreads holds the bot's messages about a hand-off in a
// journalist's chat, to which a reply is a follow-up: platform:chat:message
// → what package bots/handoff keeps of the hand-off for it.
var bucketHandoffThreads = []byte("handoff_threads")

// SaveHandoffThread stores a hand-off's message under key.
func (s *Store) SaveHandoffThread(key string, data []byte) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketHandoffThreads).Put([]byte(key), data)
	})
	if err != nil {
		return fmt.Errorf("save hand-off thread %s: %w", key, err)
	}
	return nil
}

// HandoffThread returns what is stored under key, nil when nothing is.
func (s *Store) HandoffThread(key string) ([]byte, error) {
	var data []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		data = bytes.Clone(tx.Bucket(bucketHandoffThreads).Get([]byte(key)))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("hand-off thread %s: %w", key, err)
	}
	return data, nil
}

// ForgetHandoffThreads deletes the hand-offs' messages for which forget
// returns true, in one transaction.
func (s *Store) ForgetHandoffThreads(forget func(data []byte) bool) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketHandoffThreads)
		var gone [][]byte
		err := b.ForEach(func(k, v []byte) error {
			if forget(v) {
				gone = append(gone, bytes.Clone(k))
			}
			return nil
		})
		for _, k := range gone {
			if err == nil {
				err = b.Delete(k)
			}
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("forget hand-off threads: %w", err)
	}
	return nil
}
