package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/isa-alliance/isabot/corpus"
)

// Snapshot is everything a state file holds, read in one transaction, to
// be copied into another store (isabot migrate --from-bbolt).
type Snapshot struct {
	Updates        []HandledUpdate
	Langs          []ChatLanguage
	Remembered     map[string]string // key → value
	Subscriptions  []Subscription
	Announced      []Announcement
	Fingerprints   map[string]string // fingerprint → release id
	Outbox         []Delivery
	Held           []Delivery // to paused subscriptions
	Collected      []Delivery // for digests
	Kept           []corpus.Release
	Undelivered    []Undelivered
	Baseline       string // when it was recorded, RFC 3339; "" when not yet
	Feeds          []FeedValidator
	Handoffs       map[string][]byte // id → hand-off
	HandoffThreads map[string][]byte // key → hand-off message
	Sent           []Sent            // the messages announcements became
	Messages       []SentMessage
	Versions       map[string]string // release id → Version announced
	FanOuts        []FanOut
	// Sequence is the last delivery number the outbox gave.
	Sequence uint64
}

// SentMessage is a message of the bot that announced or corrected a
// release.
type SentMessage struct {
	Platform, Chat, Message, Release string
}

// FanOut is a release announced to someone, to be reported once its
// deliveries are settled.
type FanOut struct {
	ID       string
	Title    string
	At       time.Time
	Reported bool
}

// HandledUpdate is an update claimed, and when.
type HandledUpdate struct {
	Platform, ID string
	At           time.Time
}

// ChatLanguage is the language chosen for a chat.
type ChatLanguage struct {
	Platform, Chat string
	Lang           corpus.Lang
}

// Announcement is a release announced, and when.
type Announcement struct {
	ID string
	At time.Time
}

// FeedValidator is what a feed last sent for conditional requests.
type FeedValidator struct {
	URL, ETag, LastModified string
}

// Snapshot reads the whole state.
func (s *Store) Snapshot() (*Snapshot, error) {
	snap := &Snapshot{Remembered: map[string]string{}, Fingerprints: map[string]string{},
		Handoffs: map[string][]byte{}, HandoffThreads: map[string][]byte{}, Versions: map[string]string{}}
	err := s.db.View(func(tx *bolt.Tx) error {
		err := tx.Bucket(bucketUpdates).ForEachBucket(func(platform []byte) error {
			return tx.Bucket(bucketUpdates).Bucket(platform).ForEach(func(k, v []byte) error {
				snap.Updates = append(snap.Updates, HandledUpdate{Platform: string(platform), ID: string(k), At: time.Unix(int64OrZero(v), 0).UTC()})
				return nil
			})
		})
		if err != nil {
			return err
		}
		readers := []struct {
			bucket []byte
			read   func(k, v []byte) error
		}{
			{bucketLangs, func(k, v []byte) error {
				platform, chat, _ := strings.Cut(string(k), ":")
				snap.Langs = append(snap.Langs, ChatLanguage{Platform: platform, Chat: chat, Lang: corpus.Lang(v)})
				return nil
			}},
			{bucketTokens, func(k, v []byte) error { snap.Remembered[string(k)] = string(v); return nil }},
			{bucketSubs, func(_, v []byte) error { return appendJSON(&snap.Subscriptions, v) }},
			{bucketAnnounced, func(k, v []byte) error {
				at, err := time.Parse(time.RFC3339, string(v))
				snap.Announced = append(snap.Announced, Announcement{ID: string(k), At: at})
				return err
			}},
			{bucketPrints, func(k, v []byte) error { snap.Fingerprints[string(k)] = string(v); return nil }},
			{bucketOutbox, func(k, v []byte) error { return appendDelivery(&snap.Outbox, k, v) }},
			{bucketHeld, func(k, v []byte) error { return appendDelivery(&snap.Held, k, v) }},
			{bucketCollected, func(k, v []byte) error { return appendDelivery(&snap.Collected, k, v) }},
			{bucketKept, func(_, v []byte) error { return appendJSON(&snap.Kept, v) }},
			{bucketUndelivered, func(k, v []byte) error {
				if err := appendJSON(&snap.Undelivered, v); err != nil {
					return err
				}
				snap.Undelivered[len(snap.Undelivered)-1].Seq = binary.BigEndian.Uint64(k)
				return nil
			}},
			{bucketFeeds, func(k, v []byte) error {
				var f struct{ ETag, LastModified string }
				if err := json.Unmarshal(v, &f); err != nil {
					return err
				}
				snap.Feeds = append(snap.Feeds, FeedValidator{URL: string(k), ETag: f.ETag, LastModified: f.LastModified})
				return nil
			}},
			{bucketHandoffs, func(k, v []byte) error { snap.Handoffs[string(k)] = bytes.Clone(v); return nil }},
			{bucketHandoffThreads, func(k, v []byte) error { snap.HandoffThreads[string(k)] = bytes.Clone(v); return nil }},
			{bucketSent, func(_, v []byte) error { return appendJSON(&snap.Sent, v) }},
			{bucketMessages, func(k, v []byte) error {
				parts := strings.SplitN(string(k), "\x00", 3)
				if len(parts) != 3 {
					return fmt.Errorf("message key %q: want platform, chat and message", k)
				}
				snap.Messages = append(snap.Messages, SentMessage{Platform: parts[0], Chat: parts[1], Message: parts[2], Release: string(v)})
				return nil
			}},
			{bucketVersions, func(k, v []byte) error { snap.Versions[string(k)] = string(v); return nil }},
			{bucketFanOuts, func(k, v []byte) error {
				var f fanOut
				if err := json.Unmarshal(v, &f); err != nil {
					return err
				}
				snap.FanOuts = append(snap.FanOuts, FanOut{ID: string(k), Title: f.Title, At: f.At, Reported: f.Reported})
				return nil
			}},
		}
		for _, r := range readers {
			if err := tx.Bucket(r.bucket).ForEach(r.read); err != nil {
				return fmt.Errorf("bucket %s: %w", r.bucket, err)
			}
		}
		snap.Baseline = string(tx.Bucket(bucketMeta).Get(keyBaseline))
		snap.Sequence = tx.Bucket(bucketOutbox).Sequence()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the whole state: %w", err)
	}
	return snap, nil
}

func appendJSON[T any](list *[]T, raw []byte) error {
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		return err
	}
	*list = append(*list, v)
	return nil
}

func appendDelivery(list *[]Delivery, k, v []byte) error {
	if err := appendJSON(list, v); err != nil {
		return err
	}
	(*list)[len(*list)-1].Seq = binary.BigEndian.Uint64(k)
	return nil
}
