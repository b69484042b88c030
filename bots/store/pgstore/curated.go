package pgstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/isa-alliance/isabot/corpus"
)

// CuratedPoll is how often a replica looks whether the curated answers
// changed: one curated on another replica, or removed by `isabot
// curated remove`. As often as a single process looks at curated.yaml.
const CuratedPoll = 5 * time.Second

// ListCurated returns the curated answers, in the order of their ids.
func (s *Store) ListCurated(ctx context.Context) ([]corpus.Curated, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, question, answer, lang, organisation, date FROM curated ORDER BY id COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("curated answers: %w", err)
	}
	var list []corpus.Curated
	for rows.Next() {
		var c corpus.Curated
		var lang, date string
		if err := rows.Scan(&c.ID, &c.Question, &c.Answer, &lang, &c.Organisation, &date); err != nil {
			return nil, fmt.Errorf("curated answers: %w", err)
		}
		c.Lang = corpus.Lang(lang)
		if c.Date, err = corpus.ParseDate(date); err != nil {
			return nil, fmt.Errorf("curated answer %q: %w", c.ID, err)
		}
		list = append(list, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("curated answers: %w", err)
	}
	return list, nil
}

// AddCurated adds a curated answer; its id must be new.
func (s *Store) AddCurated(ctx context.Context, c corpus.Curated) error {
	return addCurated(ctx, s.pool, c)
}

// execer is what adding a curated answer needs: the pool or a transaction.
type execer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

func addCurated(ctx context.Context, db execer, c corpus.Curated) error {
	if err := c.Check(); err != nil {
		return err
	}
	_, err := db.Exec(ctx, `INSERT INTO curated (id, question, answer, lang, organisation, date) VALUES ($1, $2, $3, $4, $5, $6)`,
		c.ID, c.Question, c.Answer, string(c.Lang), c.Organisation, c.Date.String())
	if pe := (*pgconn.PgError)(nil); errors.As(err, &pe) && pe.Code == uniqueViolation {
		return fmt.Errorf("curated answer id %q is used already", c.ID)
	}
	if err != nil {
		return fmt.Errorf("curated answer %q: %w", c.ID, err)
	}
	return nil
}

// uniqueViolation is PostgreSQL's error code for a key used twice.
const uniqueViolation = "23505"

// RemoveCurated removes the curated answer id; it reports whether there
// was one.
func (s *Store) RemoveCurated(ctx context.Context, id string) (bool, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM curated WHERE id = $1`, id)
	if err != nil {
		return false, fmt.Errorf("remove curated answer %q: %w", id, err)
	}
	return tag.RowsAffected() > 0, nil
}

// ImportCurated copies the curated answers of a data directory's
// curated.yaml into the database, in one transaction: an id the database
// holds already fails it, and none is copied.
func (s *Store) ImportCurated(ctx context.Context, list []corpus.Curated) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for _, c := range list {
			if err := addCurated(ctx, tx, c); err != nil {
				return err
			}
		}
		return nil
	})
}

// CuratedAnswers keeps the curated answers of the database in an engine,
// as handoff.CuratedFile keeps those of curated.yaml: it adds a
// liaison's reply marked for others to the database and the engine at
// once, and reloads them every CuratedPoll, so that every replica answers
// from the same ones.
type CuratedAnswers struct {
	s      *Store
	engine interface{ SetCurated([]corpus.Curated) }
	logger *slog.Logger

	mu   sync.Mutex
	list []corpus.Curated
}

// CuratedAnswers keeps the database's curated answers in engine.
func (s *Store) CuratedAnswers(engine interface{ SetCurated([]corpus.Curated) }, logger *slog.Logger) *CuratedAnswers {
	return &CuratedAnswers{s: s, engine: engine, logger: logger}
}

// Load reads the curated answers into the engine; when the database
// cannot be read, the error is logged and the answers in use stay.
func (c *CuratedAnswers) Load() {
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.loadLocked(ctx); err != nil {
		c.logger.Warn("the curated answers are not read", "error", err)
	}
}

// loadLocked reads the curated answers and gives them to the engine if
// they changed (none at first are no change: the engine has none).
func (c *CuratedAnswers) loadLocked(ctx context.Context) error {
	list, err := c.s.ListCurated(ctx)
	if err != nil {
		return err
	}
	if slices.Equal(list, c.list) {
		return nil
	}
	c.list = list
	c.engine.SetCurated(list)
	return nil
}

// Curate adds a curated answer to the database and the engine: the next
// question finds it, on this replica at once and on the others within
// CuratedPoll.
func (c *CuratedAnswers) Curate(ctx context.Context, answer corpus.Curated) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.s.AddCurated(ctx, answer); err != nil {
		return err
	}
	return c.loadLocked(ctx)
}

// Curated returns the curated answers in use.
func (c *CuratedAnswers) Curated() []corpus.Curated {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.list
}

// Watch reloads the curated answers every CuratedPoll, until ctx ends; a
// database that cannot be read is logged and tried again at the next.
func (c *CuratedAnswers) Watch(ctx context.Context) error {
	tick := time.NewTicker(CuratedPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		if err := c.Reload(ctx); err != nil && ctx.Err() == nil {
			c.logger.Warn("the curated answers are not read", "error", err)
		}
	}
}

// Reload reads the curated answers once, as Watch does each
// CuratedPoll, and gives them to the engine if they changed.
func (c *CuratedAnswers) Reload(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, opTimeout)
	defer cancel()
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.loadLocked(ctx)
}
