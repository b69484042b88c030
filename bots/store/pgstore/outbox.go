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

// deliveryCols are the outbox's columns scanDelivery reads.
const deliveryCols = `seq, release, platform, chat, kind, message, note, corrected_at, digest, releases, lang`

// The rows of the outbox: a delivery is queued (to be sent), held (for a
// paused chat) or collected (for a chat's digest).
const queued = `NOT held AND NOT collected`

// releaseIDs are, in SQL, the releases a row of the outbox is about, as
// store.Delivery.ReleaseIDs.
const releaseIDs = `CASE WHEN kind = 'digest' THEN coalesce(releases, '{}') ELSE ARRAY[release] END`

func scanDelivery(row pgx.CollectableRow) (store.Delivery, error) { return scanDeliveryWith(row) }

// scanDeliveryWith reads deliveryCols and then the extra columns.
func scanDeliveryWith(row pgx.CollectableRow, extra ...any) (store.Delivery, error) {
	var (
		d   store.Delivery
		seq int64
		at  *time.Time
	)
	err := row.Scan(append([]any{&seq, &d.Release, &d.Platform, &d.Chat, &d.Kind, &d.Message, &d.Note, &at, &d.Digest, &d.Releases, &d.Lang}, extra...)...)
	d.Seq = uint64(seq)
	if at != nil {
		d.At = at.UTC()
	}
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
		var held, collected []bool
		for _, sub := range subs {
			if wants != nil && !wants(sub) {
				continue
			}
			// A chat's digest collects, paused or not.
			platforms, chats = append(platforms, sub.Platform), append(chats, sub.Chat)
			held, collected = append(held, sub.Paused != "" && sub.Digest == nil), append(collected, sub.Digest != nil)
		}
		if len(platforms) == 0 {
			return nil
		}
		rows, _ := tx.Query(ctx, `INSERT INTO outbox (release, platform, chat, held, collected)
			SELECT $1, p, c, h, g FROM unnest($2::text[], $3::text[], $4::bool[], $5::bool[]) WITH ORDINALITY AS u(p, c, h, g, n) ORDER BY n
			RETURNING `+deliveryCols+`, `+queued, r.ID, platforms, chats, held, collected)
		_, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (struct{}, error) {
			var isQueued bool
			d, err := scanDeliveryWith(row, &isQueued)
			if isQueued {
				created = append(created, d)
			}
			return struct{}{}, err
		})
		if err != nil {
			return err
		}
		sortBySeq(created)
		_, err = tx.Exec(ctx, `INSERT INTO fanouts (id, title, announced_at) VALUES ($1, $2, $3)
			ON CONFLICT (id) DO UPDATE SET title = excluded.title, announced_at = excluded.announced_at, reported = false`,
			r.ID, r.Title, s.now().UTC())
		if err != nil {
			return err
		}
		return keep(ctx, tx, r)
	})
	if errors.Is(err, errKnown) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("announce %s: %w", r.ID, err)
	}
	return created, isNew, nil
}

// keep writes the outbox's copy of a release.
func keep(ctx context.Context, tx pgx.Tx, r *corpus.Release) error {
	doc, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO kept (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`, r.ID, doc)
	return err
}

// errKnown rolls back an announcement of a release known by its
// fingerprint.
var errKnown = errors.New("announced before")

// Pending lists the deliveries not yet made, in the order they were
// created.
func (s *Store) Pending() ([]store.Delivery, error) {
	ctx, cancel := op()
	defer cancel()
	rows, _ := s.pool.Query(ctx, `SELECT `+deliveryCols+` FROM outbox WHERE `+queued+` ORDER BY seq`)
	ds, err := pgx.CollectRows(rows, scanDelivery)
	if err != nil {
		return nil, fmt.Errorf("read the outbox: %w", err)
	}
	return ds, nil
}

// Delivered records that a delivery was made, as message (the
// platform's id for it; "" when none): it leaves the outbox, the message
// is remembered (for a digest, as the message of each release it lists),
// and but for a correction the subscription notes it, in one statement.
//
// An announcement sent as a version a correction has replaced since,
// while it was being sent, is corrected now. Correct, on another
// replica, updates the version's row before it reads the chats sent to;
// the statement that records the chat as sent locks that row shared,
// until this commits. Of the two, the second waits for the first to
// commit: a correction first is the version that statement reads (a
// row lock reads the row as committed), and its note is read after it;
// a delivery first is among the chats Correct reads. Either way the
// chat gets one correction.
func (s *Store) Delivered(d store.Delivery, message string) ([]store.Delivery, error) {
	now := s.now().UTC()
	ids := d.ReleaseIDs()
	last := ""
	if len(ids) > 0 {
		last = ids[len(ids)-1]
	}
	digest := d.Kind == store.KindDigest
	check := d.Kind == store.KindAnnouncement && message != "" && d.Version != ""
	var created []store.Delivery
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		created = nil
		var version string
		err := tx.QueryRow(ctx, `WITH ver AS (SELECT version FROM versions WHERE id = $2 AND $12 FOR SHARE),
			gone AS (DELETE FROM outbox WHERE seq = $1),
			msg AS (INSERT INTO messages (platform, chat, message, release) SELECT $3, $4, $5, $2 WHERE $5 <> '' AND NOT $9
				ON CONFLICT (platform, chat, message) DO UPDATE SET release = excluded.release),
			snt AS (INSERT INTO sent (release, platform, chat, seq, message, sent_at, digest)
				SELECT id, $3, $4, $1, $5, $7, $9 FROM unnest($10::text[]) AS id WHERE $5 <> '' AND $6 <> 'correction'
				ON CONFLICT (release, platform, chat) DO UPDATE SET seq = excluded.seq, message = excluded.message,
					sent_at = excluded.sent_at, digest = excluded.digest),
			sub AS (UPDATE subscriptions SET doc = doc || jsonb_build_object('last_release', $11::text, 'last_delivered', $8::text)
				WHERE platform = $3 AND chat = $4 AND $6 <> 'correction' AND $11 <> '')
			SELECT version FROM ver`,
			int64(d.Seq), d.Release, d.Platform, d.Chat, message, d.Kind, now, now.Format(time.RFC3339Nano), digest, ids, last, check).Scan(&version)
		switch {
		case notFound(err):
			return nil // not an announcement with a version, or no version recorded
		case err != nil:
			return err
		case version == d.Version:
			return nil // not corrected since
		}
		rows, _ := tx.Query(ctx, `INSERT INTO outbox (release, platform, chat, held, kind, message, note, corrected_at, digest)
			SELECT $1, $2, $3, COALESCE(doc->>'paused', '') <> '', $4, $5,
				COALESCE((SELECT doc->>'Correction' FROM kept WHERE id = $1), ''), $6, false
			FROM subscriptions WHERE platform = $2 AND chat = $3
			RETURNING `+deliveryCols+`, held`, d.Release, d.Platform, d.Chat, store.KindCorrection, message, now)
		return appendQueued(rows, &created)
	})
	if err != nil {
		return nil, fmt.Errorf("record delivery of %s to %s %s: %w", d.Release, d.Platform, d.Chat, err)
	}
	return created, nil
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
		WHERE seq = $1 AND platform = $2 AND chat = $3 AND `+queued+`
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
// it, with its state and cause, to be reported (a digest as one entry per
// release it lists); one the outbox no longer holds is not kept.
func (s *Store) GiveUp(d store.Delivery, state store.DeliveryState, cause string) error {
	ctx, cancel := op()
	defer cancel()
	_, err := s.pool.Exec(ctx, `WITH gone AS (DELETE FROM outbox WHERE seq = $1 AND `+queued+` RETURNING *)
		`+undeliver, int64(d.Seq), string(state), cause, s.now().UTC())
	if err != nil {
		return fmt.Errorf("give up delivery of %s to %s %s: %w", d.Release, d.Platform, d.Chat, err)
	}
	return nil
}

// undeliver keeps the rows of the outbox in gone ($2 state, $3 cause,
// $4 when), to be reported, as the bbolt store's undeliver: a digest as
// one entry per release it lists, numbered anew after the first, each
// with its release's title if the outbox kept it.
const undeliver = `INSERT INTO undelivered (seq, release, platform, chat, kind, message, note, title, state, cause, given_up_at)
	SELECT CASE WHEN n = 1 THEN gone.seq ELSE nextval('outbox_seq_seq') END, id, gone.platform, gone.chat,
		CASE WHEN gone.kind = 'digest' THEN '' ELSE gone.kind END,
		CASE WHEN gone.kind = 'digest' THEN '' ELSE gone.message END,
		CASE WHEN gone.kind = 'digest' THEN '' ELSE gone.note END,
		coalesce((SELECT doc->>'Title' FROM kept WHERE kept.id = u.id), ''), $2, $3, $4
	FROM gone, unnest(CASE WHEN gone.kind = 'digest' THEN coalesce(gone.releases, '{}') ELSE ARRAY[gone.release] END) WITH ORDINALITY AS u(id, n)
	ORDER BY gone.seq, n`

// Deliveries reports, for each release with deliveries sent, waiting
// or given up, where they stand, in the order the releases were
// announced.
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
	// counted adds n deliveries in state, by release and platform.
	counted := func(ctx context.Context, tx pgx.Tx, state store.DeliveryState, sql string) error {
		rows, _ := tx.Query(ctx, sql)
		var (
			id, platform string
			first, n     int64
		)
		_, err := pgx.ForEachRow(rows, []any{&id, &platform, &first, &n}, func() error {
			e := note(id, first)
			for range n {
				e.Count(platform, state)
			}
			return nil
		})
		return err
	}
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		// Waiting: queued, or collected for a digest.
		err := counted(ctx, tx, store.Pending, `SELECT id, platform, min(seq), count(*) FROM outbox, unnest(`+releaseIDs+`) AS id
			WHERE NOT held AND kind <> 'correction' GROUP BY id, platform`)
		if err != nil {
			return err
		}
		rows, _ := tx.Query(ctx, `SELECT seq, release, platform, chat, kind, message, note, title, state, cause, given_up_at FROM undelivered ORDER BY seq`)
		var u store.Undelivered
		var seq int64
		_, err = pgx.ForEachRow(rows, []any{&seq, &u.Release, &u.Platform, &u.Chat, &u.Kind, &u.Message, &u.Note, &u.Title, &u.State, &u.Cause, &u.At}, func() error {
			u.Seq = uint64(seq)
			u.At = u.At.UTC()
			e := note(u.Release, seq)
			e.Count(u.Platform, u.State)
			e.Title = cmp.Or(e.Title, u.Title)
			e.Undelivered = append(e.Undelivered, u)
			return nil
		})
		if err != nil {
			return err
		}
		err = counted(ctx, tx, "sent", `SELECT release, platform, min(seq), count(*) FROM sent GROUP BY release, platform`)
		if err != nil {
			return err
		}
		ids := make([]string, 0, len(byID))
		for id := range byID {
			ids = append(ids, id)
		}
		// A fan-out's title where nothing else names it; the kept copy's,
		// the latest, over all.
		var id, title string
		for _, t := range []struct {
			sql      string
			override bool
		}{
			{`SELECT id, title FROM fanouts WHERE id = ANY($1)`, false},
			{`SELECT id, doc->>'Title' FROM kept WHERE id = ANY($1)`, true},
		} {
			rows, _ = tx.Query(ctx, t.sql, ids)
			_, err = pgx.ForEachRow(rows, []any{&id, &title}, func() error {
				if e := byID[id]; t.override || e.Title == "" {
					e.Title = title
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
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
