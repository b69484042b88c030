package pgstore

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// SaveHandoff stores a hand-off under id.
func (s *Store) SaveHandoff(id string, data []byte) error {
	ctx, cancel := op()
	defer cancel()
	_, err := s.pool.Exec(ctx, `INSERT INTO handoffs (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = excluded.data`, id, data)
	if err != nil {
		return fmt.Errorf("save hand-off %s: %w", id, err)
	}
	return nil
}

// ChangeHandoff reads the hand-off id (nil when there is none) and stores
// what change returns, in one transaction; a nil result deletes it. Two
// changes of one id, on any replicas, take turns: a lock on the id, as
// a row lock cannot hold a hand-off that is not there yet.
func (s *Store) ChangeHandoff(id string, change func(data []byte) ([]byte, error)) error {
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext($2))`, lockHandoff, id); err != nil {
			return err
		}
		var data []byte
		err := tx.QueryRow(ctx, `SELECT data FROM handoffs WHERE id = $1`, id).Scan(&data)
		if err != nil && !notFound(err) {
			return err
		}
		data, err = change(data)
		switch {
		case err != nil:
			return err
		case data == nil:
			_, err = tx.Exec(ctx, `DELETE FROM handoffs WHERE id = $1`, id)
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO handoffs (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = excluded.data`, id, data)
		return err
	})
	if err != nil {
		return fmt.Errorf("change hand-off %s: %w", id, err)
	}
	return nil
}

// lockHandoff is the first key of the advisory locks on hand-offs.
const lockHandoff int32 = 0x15ab

// Handoffs returns every hand-off kept, in id order.
func (s *Store) Handoffs() ([][]byte, error) {
	ctx, cancel := op()
	defer cancel()
	rows, _ := s.pool.Query(ctx, `SELECT data FROM handoffs ORDER BY id COLLATE "C"`)
	out, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
	if err != nil {
		return nil, fmt.Errorf("list hand-offs: %w", err)
	}
	return out, nil
}

// OpenHandoffs counts the hand-offs kept: those still open.
func (s *Store) OpenHandoffs() int {
	ctx, cancel := op()
	defer cancel()
	n := 0
	s.pool.QueryRow(ctx, `SELECT count(*) FROM handoffs`).Scan(&n)
	return n
}

// SaveHandoffThread stores a hand-off's message under key.
func (s *Store) SaveHandoffThread(key string, data []byte) error {
	ctx, cancel := op()
	defer cancel()
	_, err := s.pool.Exec(ctx, `INSERT INTO handoff_threads (key, data) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET data = excluded.data`, key, data)
	if err != nil {
		return fmt.Errorf("save hand-off thread %s: %w", key, err)
	}
	return nil
}

// HandoffThread returns what is stored under key, nil when nothing is.
func (s *Store) HandoffThread(key string) ([]byte, error) {
	ctx, cancel := op()
	defer cancel()
	var data []byte
	err := s.pool.QueryRow(ctx, `SELECT data FROM handoff_threads WHERE key = $1`, key).Scan(&data)
	if notFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("hand-off thread %s: %w", key, err)
	}
	return data, nil
}

// ForgetHandoffThreads deletes the hand-offs' messages for which forget
// returns true, in one transaction.
func (s *Store) ForgetHandoffThreads(forget func(data []byte) bool) error {
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT key, data FROM handoff_threads FOR UPDATE`)
		var (
			key  string
			data []byte
			gone []string
		)
		_, err := pgx.ForEachRow(rows, []any{&key, &data}, func() error {
			if forget(data) {
				gone = append(gone, key)
			}
			return nil
		})
		if err != nil || len(gone) == 0 {
			return err
		}
		_, err = tx.Exec(ctx, `DELETE FROM handoff_threads WHERE key = ANY($1)`, gone)
		return err
	})
	if err != nil {
		return fmt.Errorf("forget hand-off threads: %w", err)
	}
	return nil
}
