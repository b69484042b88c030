package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/isa-alliance/isabot/corpus"
)

// What was sent, so that a release corrected later can edit its
// announcements, and a reply to one can be told which release it is
// about; and which version of each release the subscribers have.
var (
	bucketSent     = []byte("sent")     // release\x00platform\x00chat → Sent
	bucketMessages = []byte("messages") // platform\x00chat\x00message → release id
	bucketVersions = []byte("versions") // release id → Version of what was announced
)

// sentMemory is how long the messages an announcement became are
// remembered: a correction or a reply comes within days, not seasons.
const sentMemory = 90 * 24 * time.Hour

// The kinds of delivery: an announcement (the zero value) or a
// correction of one already sent.
const (
	KindAnnouncement = ""
	KindCorrection   = "correction"
)

// Sent is the message an announcement became on its platform: a
// Telegram message id, or a Slack message's ts.
type Sent struct {
	Seq      uint64    `json:"seq"` // the delivery's: the order announced
	Release  string    `json:"release"`
	Platform string    `json:"platform"`
	Chat     string    `json:"chat"`
	Message  string    `json:"message"`
	At       time.Time `json:"at"`
	// Digest marks a message that was a digest listing the release.
	Digest bool `json:"digest,omitempty"`
}

func sentKey(release, platform, chat string) []byte {
	return []byte(release + "\x00" + platform + "\x00" + chat)
}

func messageKey(platform, chat, message string) []byte {
	return []byte(platform + "\x00" + chat + "\x00" + message)
}

// Version identifies what a release says: its JSON, without where it
// was read from. Two files or feed items with the same text have the
// same version.
func Version(r *corpus.Release) string {
	x := *r
	x.Source = ""
	raw, _ := json.Marshal(x) // a Release always marshals
	sum := sha256.Sum256(raw)
	return base64.RawURLEncoding.EncodeToString(sum[:12])
}

// recordSent notes, in tx, the message a delivery became; for a
// correction sent as a reply, the reply points to the release too, but
// the announcement stays the message later corrections edit.
func recordSent(tx *bolt.Tx, d Delivery, message string, now time.Time) error {
	switch {
	case message == "":
		return nil
	case d.Kind == KindDigest:
		return recordDigest(tx, d, message, now)
	}
	if err := tx.Bucket(bucketMessages).Put(messageKey(d.Platform, d.Chat, message), []byte(d.Release)); err != nil {
		return err
	}
	if d.Kind != KindAnnouncement {
		return nil
	}
	return putJSON(tx.Bucket(bucketSent), sentKey(d.Release, d.Platform, d.Chat),
		Sent{Seq: d.Seq, Release: d.Release, Platform: d.Platform, Chat: d.Chat, Message: message, At: now.UTC()})
}

// MessageRelease returns the release a message of the bot announced (or
// corrected), if it is one.
func (s *Store) MessageRelease(platform, chat, message string) (string, bool) {
	var id []byte
	s.db.View(func(tx *bolt.Tx) error {
		id = bytes.Clone(tx.Bucket(bucketMessages).Get(messageKey(platform, chat, message)))
		return nil
	})
	return string(id), id != nil
}

// Correct records the version of a release the subscribers are to have.
// The first version recorded is the one announced; a later, different
// one queues a correction of every announcement of the release that was
// sent, dated at, to a chat still subscribed (held for one paused), in
// the outbox like any delivery, and returns those to send now. The copy
// the outbox keeps of a release it is still delivering becomes the new
// version.
func (s *Store) Correct(r *corpus.Release, at time.Time) ([]Delivery, error) {
	id, version := r.ID, Version(r)
	same := false
	s.db.View(func(tx *bolt.Tx) error {
		same = string(tx.Bucket(bucketVersions).Get([]byte(id))) == version
		return nil
	})
	if same {
		return nil, nil
	}
	var created []Delivery
	err := s.db.Update(func(tx *bolt.Tx) error {
		created = nil
		versions := tx.Bucket(bucketVersions)
		old := versions.Get([]byte(id))
		if string(old) == version {
			return nil
		}
		if err := versions.Put([]byte(id), []byte(version)); err != nil || old == nil {
			return err
		}
		// The copy the outbox keeps becomes the new version, which the
		// corrections' notes are read from; the corrections need it
		// after a restart as the announcements do.
		kept := tx.Bucket(bucketKept)
		wasKept := kept.Get([]byte(id)) != nil
		if err := putJSON(kept, []byte(id), r); err != nil {
			return err
		}
		var sent []Sent
		c := tx.Bucket(bucketSent).Cursor()
		prefix := []byte(id + "\x00")
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var x Sent
			if err := json.Unmarshal(v, &x); err != nil {
				return err
			}
			sent = append(sent, x)
		}
		corrected := false
		for _, x := range sent {
			d, queued, err := queueCorrection(tx, x, at)
			if err != nil {
				return err
			}
			corrected = corrected || d.Seq != 0
			if queued {
				created = append(created, d)
			}
		}
		if !corrected && !wasKept {
			return kept.Delete([]byte(id)) // nothing to deliver needs it
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("correct %s: %w", id, err)
	}
	return created, nil
}

// queueCorrection queues, in tx, a correction of the announcement x, dated
// at, with the note of the release as the outbox keeps it; held for a
// paused chat. It returns the correction, whether it is queued to send
// now, and a zero Delivery when the chat left: nobody to correct.
func queueCorrection(tx *bolt.Tx, x Sent, at time.Time) (Delivery, bool, error) {
	raw := tx.Bucket(bucketSubs).Get(subKey(x.Platform, x.Chat))
	if raw == nil {
		return Delivery{}, false, nil
	}
	var sub Subscription
	if err := json.Unmarshal(raw, &sub); err != nil {
		return Delivery{}, false, err
	}
	var r corpus.Release
	if raw := tx.Bucket(bucketKept).Get([]byte(x.Release)); raw != nil {
		if err := json.Unmarshal(raw, &r); err != nil {
			return Delivery{}, false, err
		}
	}
	out := tx.Bucket(bucketOutbox)
	seq, err := out.NextSequence()
	if err != nil {
		return Delivery{}, false, err
	}
	d := Delivery{Seq: seq, Release: x.Release, Platform: x.Platform, Chat: x.Chat,
		Kind: KindCorrection, Message: x.Message, Note: r.Correction, At: at.UTC(), Digest: x.Digest}
	if sub.Paused != "" {
		return d, false, putJSON(tx.Bucket(bucketHeld), seqKey(seq), d)
	}
	return d, true, putJSON(out, seqKey(seq), d)
}

// forgetOldSent drops the messages sent longer than sentMemory ago.
func forgetOldSent(tx *bolt.Tx, cutoff time.Time) error {
	var old []Sent
	err := tx.Bucket(bucketSent).ForEach(func(_, v []byte) error {
		var x Sent
		if err := json.Unmarshal(v, &x); err != nil {
			return err
		}
		if x.At.Before(cutoff) {
			old = append(old, x)
		}
		return nil
	})
	for _, x := range old {
		if err == nil {
			err = tx.Bucket(bucketSent).Delete(sentKey(x.Release, x.Platform, x.Chat))
		}
	}
	if err != nil {
		return err
	}
	// The replies to them, and the corrections sent as replies, go with
	// them: what no announcement points to any more.
	live := map[string]bool{}
	err = tx.Bucket(bucketSent).ForEach(func(_, v []byte) error {
		var x Sent
		if err := json.Unmarshal(v, &x); err != nil {
			return err
		}
		live[x.Release] = true
		return nil
	})
	if err != nil {
		return err
	}
	return deleteWhere(tx.Bucket(bucketMessages), func(_, v []byte) (bool, error) { return !live[string(v)], nil })
}
