package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/isa-alliance/isabot/corpus"
)

// The state of pushing releases: who subscribed, which releases were
// announced, the deliveries not yet made (the outbox) with the releases
// they deliver, and the deliveries given up.
var (
	bucketSubs        = []byte("subscriptions") // platform\x00chat → Subscription
	bucketAnnounced   = []byte("announced")     // release id → when
	bucketPrints      = []byte("fingerprints")  // release fingerprint → release id
	bucketOutbox      = []byte("outbox")        // sequence → Delivery
	bucketHeld        = []byte("held")          // sequence → Delivery to a paused subscription
	bucketKept        = []byte("releases")      // release id → corpus.Release, while the outbox delivers it
	bucketUndelivered = []byte("undelivered")   // sequence → Undelivered
	bucketMeta        = []byte("meta")
	bucketFeeds       = []byte("feeds") // feed URL → validators
	keyBaseline       = []byte("baseline")
)

// undeliveredMemory is how long a delivery given up is kept, to be
// reported.
const undeliveredMemory = 90 * 24 * time.Hour

// Subscription is a chat that gets every new release.
type Subscription struct {
	Platform string    `json:"platform"`
	Chat     string    `json:"chat"`
	Title    string    `json:"title,omitempty"` // the chat's name, for people
	Since    time.Time `json:"since"`
	// By is who subscribed the chat, told if it is lost; empty for a
	// chat of the configuration.
	By string `json:"by,omitempty"`
	// Lang is the language the chat subscribed in, to be told in.
	Lang corpus.Lang `json:"lang,omitempty"`
	// Paused says why deliveries to the chat wait (a channel archived,
	// the app uninstalled); they are held, not sent, until it resumes.
	Paused string `json:"paused,omitempty"`
	// Cities and Topics narrow what the chat gets to the releases that
	// name one of the cities or are about one of the topics; with
	// neither, it gets every release. Cities are canonical names.
	Cities []string `json:"cities,omitempty"`
	Topics []string `json:"topics,omitempty"`
	// LastRelease is the last release delivered, and when.
	LastRelease   string    `json:"last_release,omitempty"`
	LastDelivered time.Time `json:"last_delivered,omitzero"`
	// Digest, when set, collects what the chat gets into one message a
	// day (see digest.go).
	Digest *Digest `json:"digest,omitempty"`
}

// Delivery is one release to be sent to one subscriber: its
// announcement, or a correction of the announcement sent before; or a
// digest listing several.
type Delivery struct {
	Seq      uint64 `json:"-"`
	Release  string `json:"release"`
	Platform string `json:"platform"`
	Chat     string `json:"chat"`
	// Kind is KindAnnouncement, KindCorrection or KindDigest.
	Kind string `json:"kind,omitempty"`
	// A correction's message to edit, its note (the release's
	// correction: line, if it has one) and when the release was
	// corrected; a digest's due time.
	Message string    `json:"message,omitempty"`
	Note    string    `json:"note,omitempty"`
	At      time.Time `json:"at,omitzero"`
	// Digest marks a correction whose Message is a digest that listed
	// the release: it is answered, not edited.
	Digest bool `json:"digest,omitempty"`
	// A digest's releases, in the order announced, and the language it
	// was chosen in.
	Releases []string    `json:"releases,omitempty"`
	Lang     corpus.Lang `json:"lang,omitempty"`
	// Version is the version of its release (Version) an announcement
	// was sent as, told when it is delivered: a correction that came
	// while it was being sent is then sent after it.
	Version string `json:"-"`
}

// DeliveryState says where a delivery stands.
type DeliveryState string

// The states of a delivery: waiting in the outbox, or given up.
const (
	Pending   DeliveryState = "pending"   // in the outbox, to be sent
	Failed    DeliveryState = "failed"    // given up: the platform kept refusing it
	Abandoned DeliveryState = "abandoned" // given up: the release to deliver is gone
	Gone      DeliveryState = "gone"      // the chat blocked or removed the bot
)

// Undelivered is a delivery given up, kept to be reported.
type Undelivered struct {
	Delivery
	Title string        `json:"title,omitempty"` // the release's, if the outbox had it
	State DeliveryState `json:"state"`
	Cause string        `json:"cause"`
	At    time.Time     `json:"at"`
}

// ReleaseDeliveries is where the deliveries of one release stand: how
// many wait, how many were given up and which.
type ReleaseDeliveries struct {
	Release string `json:"release"`
	Title   string `json:"title,omitempty"`
	Counts
	// Platforms are the counts on each platform, by name.
	Platforms   []PlatformDeliveries `json:"platforms"`
	Undelivered []Undelivered        `json:"undelivered"`

	first uint64 // the first delivery's sequence: the order announced
}

// Counts are how many deliveries of a release were sent (announcements
// the platform took, still remembered), wait, and were given up.
type Counts struct {
	Sent      int `json:"sent"`
	Pending   int `json:"pending"`
	Failed    int `json:"failed"`
	Abandoned int `json:"abandoned"`
	Gone      int `json:"gone"`
}

// PlatformDeliveries are the counts of one release on one platform.
type PlatformDeliveries struct {
	Platform string `json:"platform"`
	Counts
}

// Count adds one delivery in state on platform ("sent" for an
// announcement the platform took).
func (r *ReleaseDeliveries) Count(platform string, state DeliveryState) {
	i := slices.IndexFunc(r.Platforms, func(p PlatformDeliveries) bool { return p.Platform == platform })
	if i < 0 {
		r.Platforms = append(r.Platforms, PlatformDeliveries{Platform: platform})
		slices.SortFunc(r.Platforms, func(a, b PlatformDeliveries) int { return cmp.Compare(a.Platform, b.Platform) })
		i = slices.IndexFunc(r.Platforms, func(p PlatformDeliveries) bool { return p.Platform == platform })
	}
	for _, c := range []*Counts{&r.Counts, &r.Platforms[i].Counts} {
		switch state {
		case "sent":
			c.Sent++
		case Pending:
			c.Pending++
		case Failed:
			c.Failed++
		case Abandoned:
			c.Abandoned++
		case Gone:
			c.Gone++
		}
	}
}

func subKey(platform, chat string) []byte { return []byte(platform + "\x00" + chat) }

func seqKey(n uint64) []byte { return binary.BigEndian.AppendUint64(nil, n) }

// Subscribe adds a subscription; it reports false when the chat was
// subscribed already, and keeps the first one.
func (s *Store) Subscribe(sub Subscription) (bool, error) {
	added := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubs)
		if b.Get(subKey(sub.Platform, sub.Chat)) != nil {
			return nil
		}
		added = true
		if sub.Since.IsZero() {
			sub.Since = s.now().UTC()
		}
		return putJSON(b, subKey(sub.Platform, sub.Chat), sub)
	})
	if err != nil {
		return false, fmt.Errorf("subscribe %s %s: %w", sub.Platform, sub.Chat, err)
	}
	return added, nil
}

// Unsubscribe removes a subscription and the deliveries still owed to it;
// it reports false when there was none.
func (s *Store) Unsubscribe(platform, chat string) (bool, error) {
	removed := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubs)
		if b.Get(subKey(platform, chat)) == nil {
			return nil
		}
		removed = true
		if err := b.Delete(subKey(platform, chat)); err != nil {
			return err
		}
		return deleteDeliveries(tx, func(d Delivery) bool { return d.Platform == platform && d.Chat == chat })
	})
	if err != nil {
		return false, fmt.Errorf("unsubscribe %s %s: %w", platform, chat, err)
	}
	return removed, nil
}

// MoveSubscription keeps a subscription, and what is owed to it, when a
// chat gets a new id (a Telegram group that became a supergroup).
func (s *Store) MoveSubscription(platform, from, to string) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubs)
		var sub Subscription
		raw := b.Get(subKey(platform, from))
		if raw == nil {
			return nil
		}
		if err := json.Unmarshal(raw, &sub); err != nil {
			return err
		}
		sub.Chat = to
		if err := b.Delete(subKey(platform, from)); err != nil {
			return err
		}
		if err := putJSON(b, subKey(platform, to), sub); err != nil {
			return err
		}
		// Collected first: bbolt's buckets must not change while
		// iterated.
		for _, name := range [][]byte{bucketOutbox, bucketCollected} {
			out := tx.Bucket(name)
			moved := map[string]Delivery{}
			err := out.ForEach(func(k, v []byte) error {
				var d Delivery
				if err := json.Unmarshal(v, &d); err != nil {
					return err
				}
				if d.Platform == platform && d.Chat == from {
					d.Chat = to
					moved[string(k)] = d
				}
				return nil
			})
			for k, d := range moved {
				if err == nil {
					err = putJSON(out, []byte(k), d)
				}
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("move subscription %s %s to %s: %w", platform, from, to, err)
	}
	return nil
}

// Subscriptions lists all subscriptions, oldest first.
func (s *Store) Subscriptions() ([]Subscription, error) {
	var subs []Subscription
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSubs).ForEach(func(_, v []byte) error {
			var sub Subscription
			if err := json.Unmarshal(v, &sub); err != nil {
				return err
			}
			subs = append(subs, sub)
			return nil
		})
	})
	slices.SortStableFunc(subs, func(a, b Subscription) int { return a.Since.Compare(b.Since) })
	return subs, err
}

// Baseline records, the first time it is called, that releases are
// already known: the corpus isabot started with is not news. Later calls
// do nothing; it reports whether this one did.
func (s *Store) Baseline(releases map[string]string) (bool, error) {
	first := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta.Get(keyBaseline) != nil {
			return nil
		}
		first = true
		// In key order: bbolt puts a key after the last one at the cost
		// of an append, and one in between at the cost of a search and,
		// over a large baseline, of pages split again and again (100,000
		// releases took 25–40 s in map order, 2.4 s sorted).
		announced, prints := tx.Bucket(bucketAnnounced), tx.Bucket(bucketPrints)
		when := []byte(s.now().UTC().Format(time.RFC3339))
		for _, id := range slices.Sorted(maps.Keys(releases)) {
			if err := announced.Put([]byte(id), when); err != nil {
				return err
			}
		}
		byPrint := make(map[string]string, len(releases))
		for id, print := range releases {
			if print != "" {
				byPrint[print] = id
			}
		}
		for _, print := range slices.Sorted(maps.Keys(byPrint)) {
			if err := prints.Put([]byte(print), []byte(byPrint[print])); err != nil {
				return err
			}
		}
		return meta.Put(keyBaseline, []byte(s.now().UTC().Format(time.RFC3339)))
	})
	if err != nil {
		return false, fmt.Errorf("record the baseline: %w", err)
	}
	return first, nil
}

func markAnnounced(tx *bolt.Tx, id, print string, now time.Time) error {
	if err := tx.Bucket(bucketAnnounced).Put([]byte(id), []byte(now.UTC().Format(time.RFC3339))); err != nil {
		return err
	}
	if print == "" {
		return nil
	}
	return tx.Bucket(bucketPrints).Put([]byte(print), []byte(id))
}

// Announce records a new release and, in the same transaction, one
// delivery for every current subscriber that wants it (all when wants is
// nil) and a copy of the release, which
// the outbox keeps while it delivers it: no delivery depends on the
// release's file or feed after a restart. A release announced before,
// under its id or under another id with the same fingerprint (the same
// release from another source), is not announced again: new is false.
func (s *Store) Announce(r *corpus.Release, print string, wants func(Subscription) bool) (created []Delivery, new bool, err error) {
	id := r.ID
	// Most calls are for releases announced long ago (every feed poll
	// repeats its items): a read is enough to say so, without a write.
	known := false
	s.db.View(func(tx *bolt.Tx) error {
		known = tx.Bucket(bucketAnnounced).Get([]byte(id)) != nil ||
			print != "" && tx.Bucket(bucketPrints).Get([]byte(print)) != nil
		return nil
	})
	if known {
		return nil, false, nil
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		created, new = nil, false
		if tx.Bucket(bucketAnnounced).Get([]byte(id)) != nil {
			return nil
		}
		if print != "" && tx.Bucket(bucketPrints).Get([]byte(print)) != nil {
			return nil
		}
		new = true
		if err := markAnnounced(tx, id, print, s.now()); err != nil {
			return err
		}
		out, held := tx.Bucket(bucketOutbox), 0
		err := tx.Bucket(bucketSubs).ForEach(func(_, v []byte) error {
			var sub Subscription
			if err := json.Unmarshal(v, &sub); err != nil {
				return err
			}
			if wants != nil && !wants(sub) {
				return nil
			}
			seq, err := out.NextSequence()
			if err != nil {
				return err
			}
			d := Delivery{Seq: seq, Release: id, Platform: sub.Platform, Chat: sub.Chat}
			if sub.Digest != nil {
				held++ // collected for the chat's digest
				return putJSON(tx.Bucket(bucketCollected), seqKey(seq), d)
			}
			if sub.Paused != "" {
				held++
				return putJSON(tx.Bucket(bucketHeld), seqKey(seq), d)
			}
			created = append(created, d)
			return putJSON(out, seqKey(seq), d)
		})
		if err != nil || len(created)+held == 0 {
			return err
		}
		if err := putJSON(tx.Bucket(bucketFanOuts), []byte(id), fanOut{Title: r.Title, At: s.now().UTC()}); err != nil {
			return err
		}
		return putJSON(tx.Bucket(bucketKept), []byte(id), r)
	})
	if err != nil {
		return nil, false, fmt.Errorf("announce %s: %w", id, err)
	}
	return created, new, nil
}

// Pending lists the deliveries not yet made, in the order they were
// created.
func (s *Store) Pending() ([]Delivery, error) {
	var ds []Delivery
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketOutbox).ForEach(func(k, v []byte) error {
			var d Delivery
			if err := json.Unmarshal(v, &d); err != nil {
				return err
			}
			d.Seq = binary.BigEndian.Uint64(k)
			ds = append(ds, d)
			return nil
		})
	})
	return ds, err
}

// Delivered records that a delivery was made, as message (the platform's
// id for it; "" when none): it leaves the outbox, the subscription notes
// it and the message is remembered. An announcement sent as a version of
// its release that a correction has replaced since (the correction came
// while it was being sent, before there was a message to correct) is
// corrected: Delivered queues the correction and returns it, to send
// now. Many deliverers' records share one write to disk (bbolt's Batch),
// and each returns only once its record is on disk.
func (s *Store) Delivered(d Delivery, message string) ([]Delivery, error) {
	var created []Delivery
	err := s.db.Batch(func(tx *bolt.Tx) error {
		created = nil
		if err := tx.Bucket(bucketOutbox).Delete(seqKey(d.Seq)); err != nil {
			return err
		}
		// Sent while its subscription was being paused: not to be sent
		// again when it resumes.
		if err := tx.Bucket(bucketHeld).Delete(seqKey(d.Seq)); err != nil {
			return err
		}
		if err := recordSent(tx, d, message, s.now()); err != nil {
			return err
		}
		if d.Kind == KindAnnouncement && message != "" && d.Version != "" {
			current := tx.Bucket(bucketVersions).Get([]byte(d.Release))
			if current != nil && string(current) != d.Version {
				sent := Sent{Release: d.Release, Platform: d.Platform, Chat: d.Chat, Message: message}
				c, queued, err := queueCorrection(tx, sent, s.now())
				if err != nil {
					return err
				}
				if queued {
					created = append(created, c)
				}
			}
		}
		b := tx.Bucket(bucketSubs)
		raw := b.Get(subKey(d.Platform, d.Chat))
		ids := d.ReleaseIDs()
		if raw == nil || d.Kind == KindCorrection || len(ids) == 0 {
			return nil
		}
		var sub Subscription
		if err := json.Unmarshal(raw, &sub); err != nil {
			return err
		}
		sub.LastRelease, sub.LastDelivered = ids[len(ids)-1], s.now().UTC()
		return putJSON(b, subKey(d.Platform, d.Chat), sub)
	})
	if err != nil {
		return nil, fmt.Errorf("record delivery of %s to %s %s: %w", d.Release, d.Platform, d.Chat, err)
	}
	return created, nil
}

// Owed reports whether the outbox still holds d for its chat: not when the
// chat unsubscribed since d was read.
func (s *Store) Owed(d Delivery) (bool, error) {
	owed := false
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketOutbox).Get(seqKey(d.Seq))
		if raw == nil {
			return nil
		}
		var held Delivery
		if err := json.Unmarshal(raw, &held); err != nil {
			return err
		}
		owed = held.Platform == d.Platform && held.Chat == d.Chat
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("look up delivery %d: %w", d.Seq, err)
	}
	return owed, nil
}

// KeptRelease returns the copy of a release the outbox kept when it was
// announced; ok is false when there is none (its deliveries were made, or
// were written by a version of isabot that kept no copies).
func (s *Store) KeptRelease(id string) (r *corpus.Release, ok bool, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketKept).Get([]byte(id))
		if raw == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(raw, &r)
	})
	if err != nil {
		return nil, false, fmt.Errorf("read the outbox's copy of %s: %w", id, err)
	}
	return r, ok, nil
}

// KeptReleases lists the releases the outbox keeps copies of, the
// releases it is delivering.
func (s *Store) KeptReleases() ([]corpus.Release, error) {
	var rs []corpus.Release
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketKept).ForEach(func(_, v []byte) error {
			var r corpus.Release
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			rs = append(rs, r)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read the outbox's releases: %w", err)
	}
	return rs, nil
}

// GiveUp takes a delivery that cannot be made out of the outbox and keeps
// it, in state Failed or Abandoned and with its cause, to be reported.
// A delivery the outbox no longer holds (its chat unsubscribed) is not
// kept.
func (s *Store) GiveUp(d Delivery, state DeliveryState, cause string) error {
	err := s.db.Batch(func(tx *bolt.Tx) error {
		out := tx.Bucket(bucketOutbox)
		if out.Get(seqKey(d.Seq)) == nil {
			return nil
		}
		if err := out.Delete(seqKey(d.Seq)); err != nil {
			return err
		}
		return undeliver(tx, d, state, cause, s.now())
	})
	if err != nil {
		return fmt.Errorf("give up delivery of %s to %s %s: %w", d.Release, d.Platform, d.Chat, err)
	}
	return nil
}

// Deliveries reports, for each release with deliveries sent, waiting or
// given up, where they stand, in the order the releases were announced.
func (s *Store) Deliveries() ([]ReleaseDeliveries, error) {
	byID := map[string]*ReleaseDeliveries{}
	note := func(id string, seq uint64) *ReleaseDeliveries {
		r := byID[id]
		if r == nil {
			r = &ReleaseDeliveries{Release: id, Undelivered: []Undelivered{}, first: seq}
			byID[id] = r
		}
		r.first = min(r.first, seq)
		return r
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		// Waiting: in the outbox, or collected for a digest.
		for _, name := range [][]byte{bucketOutbox, bucketCollected} {
			err := tx.Bucket(name).ForEach(func(k, v []byte) error {
				var d Delivery
				if err := json.Unmarshal(v, &d); err != nil {
					return err
				}
				if d.Kind != KindCorrection {
					for _, id := range d.ReleaseIDs() {
						note(id, binary.BigEndian.Uint64(k)).Count(d.Platform, Pending)
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		err := tx.Bucket(bucketUndelivered).ForEach(func(k, v []byte) error {
			var u Undelivered
			if err := json.Unmarshal(v, &u); err != nil {
				return err
			}
			u.Seq = binary.BigEndian.Uint64(k)
			r := note(u.Release, u.Seq)
			r.Count(u.Platform, u.State)
			r.Title = cmp.Or(r.Title, u.Title)
			r.Undelivered = append(r.Undelivered, u)
			return nil
		})
		if err != nil {
			return err
		}
		err = tx.Bucket(bucketSent).ForEach(func(_, v []byte) error {
			var x Sent
			if err := json.Unmarshal(v, &x); err != nil {
				return err
			}
			note(x.Release, x.Seq).Count(x.Platform, "sent")
			return nil
		})
		if err != nil {
			return err
		}
		kept, fanOuts := tx.Bucket(bucketKept), tx.Bucket(bucketFanOuts)
		for id, r := range byID {
			if raw := fanOuts.Get([]byte(id)); raw != nil {
				var f fanOut
				if err := json.Unmarshal(raw, &f); err != nil {
					return err
				}
				r.Title = cmp.Or(r.Title, f.Title)
			}
			if raw := kept.Get([]byte(id)); raw != nil {
				var rel corpus.Release
				if err := json.Unmarshal(raw, &rel); err != nil {
					return err
				}
				r.Title = rel.Title
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the outbox: %w", err)
	}
	report := make([]ReleaseDeliveries, 0, len(byID))
	for _, r := range byID {
		report = append(report, *r)
	}
	slices.SortFunc(report, func(a, b ReleaseDeliveries) int { return cmp.Compare(a.first, b.first) })
	return report, nil
}

// forgetSettled drops what no report or delivery needs any more: the
// copies of releases the outbox delivers no longer, and the deliveries
// given up longer than undeliveredMemory ago.
func (s *Store) forgetSettled() error {
	cutoff := s.now().Add(-undeliveredMemory)
	return s.db.Update(func(tx *bolt.Tx) error {
		owed := map[string]bool{}
		for _, name := range [][]byte{bucketOutbox, bucketHeld, bucketCollected} {
			err := tx.Bucket(name).ForEach(func(_, v []byte) error {
				var d Delivery
				if err := json.Unmarshal(v, &d); err != nil {
					return err
				}
				for _, id := range d.ReleaseIDs() {
					owed[id] = true
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		err := deleteWhere(tx.Bucket(bucketKept), func(k, _ []byte) (bool, error) { return !owed[string(k)], nil })
		if err != nil {
			return err
		}
		if err := forgetOldSent(tx, s.now().Add(-sentMemory)); err != nil {
			return err
		}
		if err := forgetOldFanOuts(tx, s.now().Add(-sentMemory)); err != nil {
			return err
		}
		return deleteWhere(tx.Bucket(bucketUndelivered), func(_, v []byte) (bool, error) {
			var u Undelivered
			err := json.Unmarshal(v, &u)
			return err == nil && u.At.Before(cutoff), err
		})
	})
}

// deleteWhere deletes the entries of b that match; collected first, as
// bbolt's buckets must not change while iterated.
func deleteWhere(b *bolt.Bucket, match func(k, v []byte) (bool, error)) error {
	var keys [][]byte
	err := b.ForEach(func(k, v []byte) error {
		ok, err := match(k, v)
		if ok {
			keys = append(keys, bytes.Clone(k))
		}
		return err
	})
	for _, k := range keys {
		if err == nil {
			err = b.Delete(k)
		}
	}
	return err
}

// deleteDeliveries deletes the deliveries that match, from the outbox,
// from those held and from those collected for a digest.
func deleteDeliveries(tx *bolt.Tx, match func(Delivery) bool) error {
	for _, name := range [][]byte{bucketOutbox, bucketHeld, bucketCollected} {
		err := deleteWhere(tx.Bucket(name), func(_, v []byte) (bool, error) {
			var d Delivery
			err := json.Unmarshal(v, &d)
			return err == nil && match(d), err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// FeedValidators returns the ETag and Last-Modified a feed last sent.
func (s *Store) FeedValidators(url string) (etag, lastModified string) {
	s.db.View(func(tx *bolt.Tx) error {
		var v struct{ ETag, LastModified string }
		if raw := tx.Bucket(bucketFeeds).Get([]byte(url)); raw != nil && json.Unmarshal(raw, &v) == nil {
			etag, lastModified = v.ETag, v.LastModified
		}
		return nil
	})
	return etag, lastModified
}

// SetFeedValidators remembers a feed's ETag and Last-Modified for the next
// conditional request.
func (s *Store) SetFeedValidators(url, etag, lastModified string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketFeeds), []byte(url), struct{ ETag, LastModified string }{etag, lastModified})
	})
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}
