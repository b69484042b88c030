package pgstore

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

func scanDelivery(row pgx.CollectableRow) (store.Delivery, error) {
	var d store.Delivery
	var seq int64
	err := row.Scan(&seq, &d.Release, &d.Platform, &d.Chat)
	d.Seq = uint64(seq)
	return d, err
}

// Baseline records, the first time it is called, that releases are
// already known; it reports whether this call did.
func (s *Store) Baseline(releases map[string]string) (bool, error) {
	first := false
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO meta (key, value) VALUES ('baseline', $1) ON CONFLICT DO NOTHING`,
			s.now().UTC().Format(time.RFC3339))
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		first = true
		var ids, prints []string
		for id, print := range releases {
			ids, prints = append(ids, id), append(prints, print)
		}
		return markAnnounced(ctx, tx, ids, prints, s.now())
	})
	if err != nil {
		return false, fmt.Errorf("record the baseline: %w", err)
	}
	return first, nil
}

// markAnnounced records releases as announced, with their fingerprints
// ("" for none).
func markAnnounced(ctx context.Context, tx pgx.Tx, ids, prints []string, now time.Time) error {
	_, err := tx.Exec(ctx, `INSERT INTO announced (id, announced_at) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`, ids, now)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO fingerprints (print, release)
		SELECT p, id FROM unnest($1::text[], $2::text[]) AS u(p, id) WHERE p <> ''
		ON CONFLICT (print) DO UPDATE SET release = excluded.release`, prints, ids)
	return err
}

// Announce records a new release and, in the same transaction, a
// delivery for every subscriber that wants it and a copy of the release.
// Of two replicas announcing one release at once, one does: the other
// waits on the release's row and then finds it announced.
func (s *Store) Announce(r *corpus.Release, print string, wants func(store.Subscription) bool) (created []store.Delivery, isNew bool, err error) {
	err = s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		created, isNew = nil, false
		tag, err := tx.Exec(ctx, `INSERT INTO announced (id, announced_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, r.ID, s.now())
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		if print != "" {
			tag, err := tx.Exec(ctx, `INSERT INTO fingerprints (print, release) VALUES ($1, $2) ON CONFLICT DO NOTHING`, print, r.ID)
			if err != nil {
				return err
			}
			if tag.RowsAffected() == 0 {
				// The same release from another source: undo the mark.
				return errKnown
			}
		}
		isNew = true
		subs, err := collectJSON[store.Subscription](ctx, tx, `SELECT doc FROM subscriptions ORDER BY platform COLLATE "C", chat COLLATE "C"`)
		if err != nil {
			return err
		}
		var platforms, chats []string
		var held []bool
		for _, sub := range subs {
			if wants != nil && !wants(sub) {
				continue
			}
			platforms, chats, held = append(platforms, sub.Platform), append(chats, sub.Chat), append(held, sub.Paused != "")
		}
		if len(platforms) == 0 {
			return nil
		}
		rows, _ := tx.Query(ctx, `INSERT INTO outbox (release, platform, chat, held)
			SELECT $1, p, c, h FROM unnest($2::text[], $3::text[], $4::bool[]) WITH ORDINALITY AS u(p, c, h, n) ORDER BY n
			RETURNING seq, release, platform, chat, held`, r.ID, platforms, chats, held)
		_, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (struct{}, error) {
			var d store.Delivery
			var seq int64
			var isHeld bool
			if err := row.Scan(&seq, &d.Release, &d.Platform, &d.Chat, &isHeld); err != nil {
				return struct{}{}, err
			}
			d.Seq = uint64(seq)
			if !isHeld {
				created = append(created, d)
			}
			return struct{}{}, nil
		})
		if err != nil {
			return err
		}
		sortBySeq(created)
		doc, err := json.Marshal(r)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO kept (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`, r.ID, doc)
		return err
	})
	if errors.Is(err, errKnown) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("announce %s: %w", r.ID, err)
	}
	return created, isNew, nil
}

// errKnown rolls back an announcement of a release known by its
// fingerprint.
var errKnown = errors.New("announced before")

// Pending lists the deliveries not yet made, in the order they were
// created.
func (s *Store) Pending() ([]store.Delivery, error) {
	ctx, cancel := op()
	defer cancel()
	rows, _ := s.pool.Query(ctx, `SELECT seq, release, platform, chat FROM outbox WHERE NOT held ORDER BY seq`)
	ds, err := pgx.CollectRows(rows, scanDelivery)
	if err != nil {
		return nil, fmt.Errorf("read the outbox: %w", err)
	}
	return ds, nil
}

// Delivered records that a delivery was made: it leaves the outbox and
// the subscription notes it, in one statement.
func (s *Store) Delivered(d store.Delivery) error {
	ctx, cancel := op()
	defer cancel()
	_, err := s.pool.Exec(ctx, `WITH gone AS (DELETE FROM outbox WHERE seq = $1)
		UPDATE subscriptions SET doc = doc || jsonb_build_object('last_release', $2::text, 'last_delivered', $3::text)
		WHERE platform = $4 AND chat = $5`,
		int64(d.Seq), d.Release, s.now().UTC().Format(time.RFC3339Nano), d.Platform, d.Chat)
	if err != nil {
		return fmt.Errorf("record delivery of %s to %s %s: %w", d.Release, d.Platform, d.Chat, err)
	}
	return nil
}

// Owed reports whether the outbox still holds d for its chat, and claims
// it for this replica for claimLease: another replica asking meanwhile
// is told it is not owed, so that a delivery is sent once even by two
// schedulers. A replica that dies with a claim lets it lapse, and the
// delivery is owed again then.
func (s *Store) Owed(d store.Delivery) (bool, error) {
	ctx, cancel := op()
	defer cancel()
	tag, err := s.pool.Exec(ctx, `UPDATE outbox SET claimed_by = $4, claimed_until = now() + $5::interval
		WHERE seq = $1 AND platform = $2 AND chat = $3 AND NOT held
		AND (claimed_until IS NULL OR claimed_until < now() OR claimed_by = $4)`,
		int64(d.Seq), d.Platform, d.Chat, s.id, claimLease.String())
	if err != nil {
		return false, fmt.Errorf("look up delivery %d: %w", d.Seq, err)
	}
	return tag.RowsAffected() == 1, nil
}

// KeptRelease returns the copy of a release the outbox kept when it was
// announced; ok is false when there is none.
func (s *Store) KeptRelease(id string) (*corpus.Release, bool, error) {
	ctx, cancel := op()
	defer cancel()
	rs, err := collectJSON[corpus.Release](ctx, s.pool, `SELECT doc FROM kept WHERE id = $1`, id)
	if err != nil {
		return nil, false, fmt.Errorf("read the outbox's copy of %s: %w", id, err)
	}
	if len(rs) == 0 {
		return nil, false, nil
	}
	return &rs[0], true, nil
}

// KeptReleases lists the releases the outbox keeps copies of.
func (s *Store) KeptReleases() ([]corpus.Release, error) {
	ctx, cancel := op()
	defer cancel()
	rs, err := collectJSON[corpus.Release](ctx, s.pool, `SELECT doc FROM kept ORDER BY id COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("read the outbox's releases: %w", err)
	}
	return rs, nil
}

// GiveUp takes a delivery that cannot be made out of the outbox and keeps
// it, with its state and cause, to be reported; one the outbox no longer
// holds is not kept.
func (s *Store) GiveUp(d store.Delivery, state store.DeliveryState, cause string) error {
	ctx, cancel := op()
	defer cancel()
	_, err := s.pool.Exec(ctx, `WITH gone AS (DELETE FROM outbox WHERE seq = $1 AND NOT held RETURNING seq)
		INSERT INTO undelivered (seq, release, platform, chat, title, state, cause, given_up_at)
		SELECT gone.seq, $2, $3, $4, COALESCE((SELECT doc->>'Title' FROM kept WHERE id = $2), ''), $5, $6, $7 FROM gone`,
		int64(d.Seq), d.Release, d.Platform, d.Chat, string(state), cause, s.now().UTC())
	if err != nil {
		return fmt.Errorf("give up delivery of %s to %s %s: %w", d.Release, d.Platform, d.Chat, err)
	}
	return nil
}

// Deliveries reports, for each release with deliveries waiting or given
// up, where they stand, in the order the releases were announced.
func (s *Store) Deliveries() ([]store.ReleaseDeliveries, error) {
	type entry struct {
		store.ReleaseDeliveries
		first int64
	}
	byID := map[string]*entry{}
	note := func(id string, seq int64) *entry {
		e := byID[id]
		if e == nil {
			e = &entry{ReleaseDeliveries: store.ReleaseDeliveries{Release: id, Undelivered: []store.Undelivered{}}, first: seq}
			byID[id] = e
		}
		e.first = min(e.first, seq)
		return e
	}
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT release, min(seq), count(*) FROM outbox WHERE NOT held GROUP BY release`)
		var (
			id       string
			first, n int64
		)
		_, err := pgx.ForEachRow(rows, []any{&id, &first, &n}, func() error {
			note(id, first).Pending += int(n)
			return nil
		})
		if err != nil {
			return err
		}
		rows, _ = tx.Query(ctx, `SELECT seq, release, platform, chat, title, state, cause, given_up_at FROM undelivered ORDER BY seq`)
		var u store.Undelivered
		var seq int64
		_, err = pgx.ForEachRow(rows, []any{&seq, &u.Release, &u.Platform, &u.Chat, &u.Title, &u.State, &u.Cause, &u.At}, func() error {
			u.Seq = uint64(seq)
			u.At = u.At.UTC()
			e := note(u.Release, seq)
			switch u.State {
			case store.Failed:
				e.Failed++
			case store.Abandoned:
				e.Abandoned++
			}
			e.Title = cmp.Or(e.Title, u.Title)
			e.Undelivered = append(e.Undelivered, u)
			return nil
		})
		if err != nil {
			return err
		}
		ids := make([]string, 0, len(byID))
		for id := range byID {
			ids = append(ids, id)
		}
		rows, _ = tx.Query(ctx, `SELECT id, doc->>'Title' FROM kept WHERE id = ANY($1)`, ids)
		var title string
		_, err = pgx.ForEachRow(rows, []any{&id, &title}, func() error {
			byID[id].Title = title
			return nil
		})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the outbox: %w", err)
	}
	entries := make([]*entry, 0, len(byID))
	for _, e := range byID {
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b *entry) int { return cmp.Compare(a.first, b.first) })
	report := make([]store.ReleaseDeliveries, len(entries))
	for i, e := range entries {
		report[i] = e.ReleaseDeliveries
	}
	return report, nil
}
