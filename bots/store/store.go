// Package store keeps isabot's state in one bbolt file in the data
// directory: which chat prefers which language, which platform updates
// have been handled (so none is answered twice after a restart), and
// later subscriptions and deliveries. Every change is a transaction.
package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/isa-alliance/isabot/corpus"
)

var (
	bucketUpdates = []byte("updates") // platform → update id → when handled
	bucketLangs   = []byte("langs")   // platform:chat → language
	bucketTokens  = []byte("tokens")  // short key → remembered value
)

// updateMemory is how long handled update ids are remembered: far longer
// than any platform redelivers an update.
const updateMemory = 7 * 24 * time.Hour

// ErrLocked means another process has the state file open.
var ErrLocked = errors.New("state file is in use by another isabot process")

// Store is the state file.
type Store struct {
	db  *bolt.DB
	now func() time.Time
}

// Option changes a Store.
type Option func(*Store)

// WithClock replaces the real clock, for tests that span days.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Open opens or creates the state file at path. It fails with ErrLocked
// after a second when another process holds the file.
func Open(path string, opts ...Option) (*Store, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("%w: %s", ErrLocked, path)
	}
	if err != nil {
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	s := &Store{db: db, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketUpdates, bucketLangs, bucketTokens,
			bucketSubs, bucketAnnounced, bucketPrints, bucketOutbox, bucketHeld, bucketKept, bucketUndelivered, bucketMeta, bucketFeeds, bucketHandoffs,
			bucketHandoffThreads, bucketSent, bucketMessages, bucketVersions, bucketFanOuts, bucketCollected} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = s.forgetOldUpdates()
	}
	if err == nil {
		err = s.forgetSettled()
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	return s, nil
}

// Close closes the state file.
func (s *Store) Close() error { return s.db.Close() }

// ClaimUpdate records that the update with id from platform is being
// handled. It reports false when the update was claimed before: the caller
// must then not handle it again.
func (s *Store) ClaimUpdate(platform, id string) (bool, error) {
	first := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.Bucket(bucketUpdates).CreateBucketIfNotExists([]byte(platform))
		if err != nil {
			return err
		}
		if b.Get([]byte(id)) != nil {
			return nil
		}
		first = true
		return b.Put([]byte(id), int64Bytes(s.now().Unix()))
	})
	if err != nil {
		return false, fmt.Errorf("claim update %s/%s: %w", platform, id, err)
	}
	return first, nil
}

// ReleaseUpdate forgets the claim on an update whose handling was cut
// off, so that the update is handled when the platform delivers it again.
func (s *Store) ReleaseUpdate(platform, id string) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketUpdates).Bucket([]byte(platform)); b != nil {
			return b.Delete([]byte(id))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("release update %s/%s: %w", platform, id, err)
	}
	return nil
}

// forgetOldUpdates drops handled update ids older than updateMemory.
func (s *Store) forgetOldUpdates() error {
	cutoff := s.now().Add(-updateMemory).Unix()
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketUpdates).ForEachBucket(func(platform []byte) error {
			b := tx.Bucket(bucketUpdates).Bucket(platform)
			var old [][]byte
			err := b.ForEach(func(k, v []byte) error {
				if int64OrZero(v) < cutoff {
					old = append(old, k)
				}
				return nil
			})
			for _, k := range old {
				if err == nil {
					err = b.Delete(k)
				}
			}
			return err
		})
	})
}

// ChatLang returns the language chosen for a chat, if one was.
func (s *Store) ChatLang(platform, chat string) (corpus.Lang, bool) {
	var lang corpus.Lang
	s.db.View(func(tx *bolt.Tx) error {
		lang = corpus.Lang(tx.Bucket(bucketLangs).Get(chatKey(platform, chat)))
		return nil
	})
	return lang, lang != ""
}

// SetChatLang remembers the language chosen for a chat.
func (s *Store) SetChatLang(platform, chat string, lang corpus.Lang) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketLangs).Put(chatKey(platform, chat), []byte(lang))
	})
	if err != nil {
		return fmt.Errorf("set language of %s chat %s: %w", platform, chat, err)
	}
	return nil
}

// Remember stores value under a short key derived from it, for values too
// long to travel where space is tight, such as a search in the 64 bytes
// of a Telegram button.
func (s *Store) Remember(value string) (string, error) {
	key := RememberKey(value)
	err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTokens).Put([]byte(key), []byte(value))
	})
	if err != nil {
		return "", fmt.Errorf("remember value: %w", err)
	}
	return key, nil
}

// Recall returns the value remembered under key.
func (s *Store) Recall(key string) (string, bool) {
	var value []byte
	s.db.View(func(tx *bolt.Tx) error {
		value = bytes.Clone(tx.Bucket(bucketTokens).Get([]byte(key)))
		return nil
	})
	return string(value), value != nil
}

func chatKey(platform, chat string) []byte { return []byte(platform + ":" + chat) }

func int64Bytes(n int64) []byte { return binary.BigEndian.AppendUint64(nil, uint64(n)) }

func int64OrZero(b []byte) int64 {
	if len(b) != 8 {
		return 0
	}
	return int64(binary.BigEndian.Uint64(b))
}
