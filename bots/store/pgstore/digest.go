package pgstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/isa-alliance/isabot/bots/store"
)

// SetDigest sets a chat's digest, or with d nil turns it off, as the
// bbolt store's SetDigest: a chat not yet subscribed is subscribed with
// sub when d is set; false when the chat is not subscribed.
func (s *Store) SetDigest(sub store.Subscription, d *store.Digest) (store.Subscription, bool, error) {
	subscribed := false
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		have, found, err := lockSub(ctx, tx, sub.Platform, sub.Chat)
		if err != nil {
			return err
		}
		kept := &have
		if !found {
			kept = nil
		}
		next, ok := store.WithDigest(sub, kept, d, s.now())
		if !ok {
			return nil
		}
		sub, subscribed = next, true
		return putSub(ctx, tx, sub)
	})
	if err != nil {
		return store.Subscription{}, false, fmt.Errorf("set the digest of %s %s: %w", sub.Platform, sub.Chat, err)
	}
	return sub, subscribed, nil
}

// MakeDigests makes the digests that are due, as the bbolt store's
// MakeDigests: a chat whose digest came due gets one digest delivery per
// store.DigestSize releases collected for it, what was collected for a
// chat whose digest is off is queued as announcements, all in one
// transaction; it returns the deliveries queued (not those held).
func (s *Store) MakeDigests(due func(store.Subscription) (time.Time, bool)) ([]store.Delivery, error) {
	isDue := func(sub store.Subscription) (time.Time, bool) {
		if sub.Digest == nil {
			return time.Time{}, false
		}
		t, ok := due(sub)
		return t, ok && t.After(sub.Digest.Done)
	}
	// A read first: at most ticks nothing is due, and a write is not needed.
	if work, err := s.digestWork(isDue); err != nil || !work {
		return nil, err
	}
	var made []store.Delivery
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		made = nil
		// Locked: of two replicas making digests at once, one does, and
		// the other finds them made.
		digests, err := collectJSON[store.Subscription](ctx, tx, `SELECT doc FROM subscriptions
			WHERE jsonb_typeof(doc->'digest') = 'object' ORDER BY platform, chat FOR UPDATE`)
		if err != nil {
			return err
		}
		// Collected for a chat whose digest is off: queued as they came.
		rows, _ := tx.Query(ctx, `UPDATE outbox SET collected = false,
				held = COALESCE((SELECT doc->>'paused' FROM subscriptions s WHERE s.platform = outbox.platform AND s.chat = outbox.chat), '') <> ''
			WHERE collected AND NOT EXISTS (SELECT FROM subscriptions s WHERE s.platform = outbox.platform AND s.chat = outbox.chat
				AND jsonb_typeof(s.doc->'digest') = 'object')
			RETURNING `+deliveryCols+`, held`)
		if err := appendQueued(rows, &made); err != nil {
			return err
		}
		for _, sub := range digests {
			when, ok := isDue(sub)
			if !ok {
				continue
			}
			first := sub.Digest.Done.IsZero()
			sub.Digest.Done = when
			if err := putSub(ctx, tx, sub); err != nil {
				return err
			}
			if first {
				continue
			}
			rows, _ := tx.Query(ctx, `DELETE FROM outbox WHERE platform = $1 AND chat = $2 AND collected RETURNING seq, release`, sub.Platform, sub.Chat)
			type collected struct {
				seq     int64
				release string
			}
			var c collected
			var ds []collected
			if _, err := pgx.ForEachRow(rows, []any{&c.seq, &c.release}, func() error { ds = append(ds, c); return nil }); err != nil {
				return err
			}
			slices.SortFunc(ds, func(a, b collected) int { return cmp.Compare(a.seq, b.seq) })
			for chunk := range slices.Chunk(ds, store.DigestSize) {
				var ids []string
				for _, c := range chunk {
					ids = append(ids, c.release)
				}
				rows, _ := tx.Query(ctx, `INSERT INTO outbox (release, platform, chat, kind, releases, lang, corrected_at, held)
					VALUES ('', $1, $2, $3, $4, $5, $6, $7) RETURNING `+deliveryCols+`, held`,
					sub.Platform, sub.Chat, store.KindDigest, ids, string(sub.Digest.Lang), when, sub.Paused != "")
				if err := appendQueued(rows, &made); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("make the digests due: %w", err)
	}
	sortBySeq(made)
	return made, nil
}

// digestWork reports whether MakeDigests has anything to do: a digest
// due, or something collected for a chat whose digest is off.
func (s *Store) digestWork(isDue func(store.Subscription) (time.Time, bool)) (bool, error) {
	ctx, cancel := op()
	defer cancel()
	digests, err := collectJSON[store.Subscription](ctx, s.pool, `SELECT doc FROM subscriptions WHERE jsonb_typeof(doc->'digest') = 'object'`)
	if err != nil {
		return false, fmt.Errorf("read the digests: %w", err)
	}
	for _, sub := range digests {
		if _, ok := isDue(sub); ok {
			return true, nil
		}
	}
	var orphans bool
	err = s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT FROM outbox WHERE collected AND NOT EXISTS (SELECT FROM subscriptions s
		WHERE s.platform = outbox.platform AND s.chat = outbox.chat AND jsonb_typeof(s.doc->'digest') = 'object'))`).Scan(&orphans)
	if err != nil {
		return false, fmt.Errorf("read the digests: %w", err)
	}
	return orphans, nil
}

// appendQueued reads rows of deliveryCols and held, and appends those
// not held to made.
func appendQueued(rows pgx.Rows, made *[]store.Delivery) error {
	_, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (struct{}, error) {
		var held bool
		d, err := scanDeliveryWith(row, &held)
		if !held {
			*made = append(*made, d)
		}
		return struct{}{}, err
	})
	return err
}
