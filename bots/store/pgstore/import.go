package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/isa-alliance/isabot/bots/store"
)

// ErrNotEmpty means the database holds state already: an import would
// mix two histories.
var ErrNotEmpty = errors.New("the database holds isabot state already")

// Import copies what a bbolt state file held into the database, in one
// transaction, keeping the outbox's order and numbers. The database must
// hold no state yet (ErrNotEmpty).
func (s *Store) Import(ctx context.Context, snap *store.Snapshot) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var used bool
		err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT FROM subscriptions) OR EXISTS (SELECT FROM announced)
			OR EXISTS (SELECT FROM meta) OR EXISTS (SELECT FROM handoffs) OR EXISTS (SELECT FROM updates)
			OR EXISTS (SELECT FROM sent) OR EXISTS (SELECT FROM fanouts)`).Scan(&used)
		if err != nil {
			return err
		}
		if used {
			return ErrNotEmpty
		}
		b := &pgx.Batch{}
		for _, u := range snap.Updates {
			b.Queue(`INSERT INTO updates (platform, id, handled_at) VALUES ($1, $2, $3)`, u.Platform, u.ID, u.At)
		}
		for _, l := range snap.Langs {
			b.Queue(`INSERT INTO chat_langs (platform, chat, lang) VALUES ($1, $2, $3)`, l.Platform, l.Chat, string(l.Lang))
		}
		for k, v := range snap.Remembered {
			b.Queue(`INSERT INTO remembered (key, value) VALUES ($1, $2)`, k, v)
		}
		for _, sub := range snap.Subscriptions {
			doc, err := json.Marshal(sub)
			if err != nil {
				return err
			}
			b.Queue(`INSERT INTO subscriptions (platform, chat, since, doc) VALUES ($1, $2, $3, $4)`, sub.Platform, sub.Chat, sub.Since, doc)
		}
		for _, a := range snap.Announced {
			b.Queue(`INSERT INTO announced (id, announced_at) VALUES ($1, $2)`, a.ID, a.At)
		}
		for print, id := range snap.Fingerprints {
			b.Queue(`INSERT INTO fingerprints (print, release) VALUES ($1, $2)`, print, id)
		}
		for _, rows := range []struct {
			ds              []store.Delivery
			held, collected bool
		}{{snap.Outbox, false, false}, {snap.Held, true, false}, {snap.Collected, false, true}} {
			for _, d := range rows.ds {
				var at *time.Time
				if !d.At.IsZero() {
					at = &d.At
				}
				b.Queue(`INSERT INTO outbox (seq, release, platform, chat, held, collected, kind, message, note, corrected_at, digest, releases, lang)
					VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
					int64(d.Seq), d.Release, d.Platform, d.Chat, rows.held, rows.collected, d.Kind, d.Message, d.Note, at, d.Digest, d.Releases, string(d.Lang))
			}
		}
		for _, r := range snap.Kept {
			doc, err := json.Marshal(r)
			if err != nil {
				return err
			}
			b.Queue(`INSERT INTO kept (id, doc) VALUES ($1, $2)`, r.ID, doc)
		}
		for _, u := range snap.Undelivered {
			b.Queue(`INSERT INTO undelivered (seq, release, platform, chat, kind, message, note, title, state, cause, given_up_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
				int64(u.Seq), u.Release, u.Platform, u.Chat, u.Kind, u.Message, u.Note, u.Title, string(u.State), u.Cause, u.At)
		}
		if snap.Baseline != "" {
			b.Queue(`INSERT INTO meta (key, value) VALUES ('baseline', $1)`, snap.Baseline)
		}
		for _, f := range snap.Feeds {
			b.Queue(`INSERT INTO feeds (url, etag, last_modified) VALUES ($1, $2, $3)`, f.URL, f.ETag, f.LastModified)
		}
		for id, data := range snap.Handoffs {
			b.Queue(`INSERT INTO handoffs (id, data) VALUES ($1, $2)`, id, data)
		}
		for key, data := range snap.HandoffThreads {
			b.Queue(`INSERT INTO handoff_threads (key, data) VALUES ($1, $2)`, key, data)
		}
		for _, x := range snap.Sent {
			b.Queue(`INSERT INTO sent (release, platform, chat, seq, message, sent_at, digest) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				x.Release, x.Platform, x.Chat, int64(x.Seq), x.Message, x.At, x.Digest)
		}
		for _, m := range snap.Messages {
			b.Queue(`INSERT INTO messages (platform, chat, message, release) VALUES ($1, $2, $3, $4)`, m.Platform, m.Chat, m.Message, m.Release)
		}
		for id, version := range snap.Versions {
			b.Queue(`INSERT INTO versions (id, version) VALUES ($1, $2)`, id, version)
		}
		for _, f := range snap.FanOuts {
			b.Queue(`INSERT INTO fanouts (id, title, announced_at, reported) VALUES ($1, $2, $3, $4)`, f.ID, f.Title, f.At, f.Reported)
		}
		// The next delivery is numbered after every one the file gave.
		b.Queue(`SELECT setval('outbox_seq_seq', greatest((SELECT max(seq) FROM outbox), (SELECT max(seq) FROM undelivered),
			(SELECT max(seq) FROM sent), $1, 1))`, int64(snap.Sequence))
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		return fmt.Errorf("import the state: %w", err)
	}
	return nil
}
