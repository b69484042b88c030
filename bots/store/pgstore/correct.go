package pgstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// MessageRelease returns the release a message of the bot announced (or
// corrected), if it is one.
func (s *Store) MessageRelease(platform, chat, message string) (string, bool) {
	ctx, cancel := op()
	defer cancel()
	var id string
	err := s.pool.QueryRow(ctx, `SELECT release FROM messages WHERE platform = $1 AND chat = $2 AND message = $3`, platform, chat, message).Scan(&id)
	return id, err == nil
}

// Correct records the version of a release the subscribers are to have:
// a version other than the one recorded queues a correction of every
// announcement sent to a chat still subscribed (held for one paused),
// and returns those to send now. Of two replicas correcting one release
// at once, one does: the other waits on the version's row and then finds
// it recorded. The row is updated before the chats sent to are read,
// which Delivered counts on: an announcement recorded meanwhile waits
// for this to commit, and corrects itself, or is among the chats read.
func (s *Store) Correct(r *corpus.Release, at time.Time) ([]store.Delivery, error) {
	id, version := r.ID, store.Version(r)
	// Most calls are for a release whose version is recorded (every feed
	// poll repeats its items): a read says so, without a write.
	if recorded, _ := s.version(id); recorded == version {
		return nil, nil
	}
	doc, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("correct %s: %w", id, err)
	}
	var created []store.Delivery
	err = s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		created = nil
		tag, err := tx.Exec(ctx, `INSERT INTO versions (id, version) VALUES ($1, $2) ON CONFLICT DO NOTHING`, id, version)
		if err != nil || tag.RowsAffected() == 1 {
			return err // the first version: the one announced
		}
		tag, err = tx.Exec(ctx, `UPDATE versions SET version = $2 WHERE id = $1 AND version <> $2`, id, version)
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE kept SET doc = $2 WHERE id = $1`, id, doc); err != nil {
			return err
		}
		// In the order of the bbolt store's keys: platform, then chat.
		rows, _ := tx.Query(ctx, `INSERT INTO outbox (release, platform, chat, held, kind, message, note, corrected_at, digest)
			SELECT $1, sent.platform, sent.chat, COALESCE(subscriptions.doc->>'paused', '') <> '',
				$2, sent.message, $3, $4, sent.digest
			FROM sent JOIN subscriptions USING (platform, chat)
			WHERE sent.release = $1
			ORDER BY sent.platform COLLATE "C", sent.chat COLLATE "C"
			RETURNING `+deliveryCols+`, `+queued, id, store.KindCorrection, r.Correction, at.UTC())
		n := 0
		_, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (struct{}, error) {
			var isQueued bool
			d, err := scanDeliveryWith(row, &isQueued)
			if isQueued {
				created = append(created, d)
			}
			n++
			return struct{}{}, err
		})
		if err != nil || n == 0 {
			return err
		}
		sortBySeq(created)
		// The corrections need the release after a restart as the
		// announcements do.
		return keep(ctx, tx, r)
	})
	if err != nil {
		return nil, fmt.Errorf("correct %s: %w", id, err)
	}
	return created, nil
}

// version is the version of a release recorded, "" when none is.
func (s *Store) version(id string) (string, error) {
	ctx, cancel := op()
	defer cancel()
	var v string
	err := s.pool.QueryRow(ctx, `SELECT version FROM versions WHERE id = $1`, id).Scan(&v)
	if notFound(err) {
		return "", nil
	}
	return v, err
}

// Gone records that a chat blocked or removed the bot: its subscription
// ends, and what was still owed to it (queued, held or collected), but
// corrections, is kept, as Gone with cause, to be reported.
func (s *Store) Gone(d store.Delivery, cause string) error {
	ctx, cancel := op()
	defer cancel()
	_, err := s.pool.Exec(ctx, `WITH sub AS (DELETE FROM subscriptions WHERE platform = $1 AND chat = $5),
		owed AS (DELETE FROM outbox WHERE platform = $1 AND chat = $5 RETURNING *),
		gone AS (SELECT * FROM owed WHERE kind <> 'correction')
		`+undeliver, d.Platform, string(store.Gone), cause, s.now().UTC(), d.Chat)
	if err != nil {
		return fmt.Errorf("record %s %s gone: %w", d.Platform, d.Chat, err)
	}
	return nil
}

// SettledFanOuts lists the releases announced whose announcements are
// all settled (sent, given up or gone) and that were not yet reported.
func (s *Store) SettledFanOuts() ([]string, error) {
	ctx, cancel := op()
	defer cancel()
	rows, _ := s.pool.Query(ctx, `SELECT id FROM fanouts WHERE NOT reported
		AND NOT EXISTS (SELECT FROM outbox WHERE kind <> 'correction' AND (release = fanouts.id OR fanouts.id = ANY(releases)))
		ORDER BY id COLLATE "C"`)
	settled, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("read the fan-outs: %w", err)
	}
	return settled, nil
}

// FanOutReported records that a release's settled fan-out was reported.
func (s *Store) FanOutReported(id string) error {
	ctx, cancel := op()
	defer cancel()
	if _, err := s.pool.Exec(ctx, `UPDATE fanouts SET reported = true WHERE id = $1`, id); err != nil {
		return fmt.Errorf("record the report of %s: %w", id, err)
	}
	return nil
}
