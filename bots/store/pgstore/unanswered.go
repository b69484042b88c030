package pgstore

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/isa-alliance/isabot/bots/observe"
	"github.com/isa-alliance/isabot/corpus"
)

// The log's bounds: how many distinct questions it keeps (the file's
// two files' worth; the least recently asked go first), and how often it
// is written at most.
const (
	maxUnanswered        = 10_000
	unansweredWriteEvery = time.Second
)

// unansweredKey is observe.QuestionKey without its NUL, which a text of
// PostgreSQL cannot hold; a language code has no space.
func unansweredKey(lang corpus.Lang, q string) string {
	return strings.Replace(observe.QuestionKey(lang, q), "\x00", " ", 1)
}

// upsertUnanswered counts asks of a question on its row: the counts
// added, the platforms joined, the first and last asks kept.
const upsertUnanswered = `INSERT INTO unanswered (key, question, lang, count, platforms, first_asked, last_asked)
	VALUES ($1, $2, $3, $4, $5, $6, $7)
	ON CONFLICT (key) DO UPDATE SET count = unanswered.count + excluded.count,
		platforms = ARRAY(SELECT p FROM unnest(unanswered.platforms || excluded.platforms) AS p GROUP BY p ORDER BY p COLLATE "C"),
		first_asked = least(unanswered.first_asked, excluded.first_asked),
		last_asked = greatest(unanswered.last_asked, excluded.last_asked)`

// Unanswered keeps the questions no replica could answer in the
// database, as observe.Unanswered keeps those of one process in a file:
// the asks are gathered in memory and written at most once a second,
// and at Close, each counted on its question's row.
type Unanswered struct {
	s      *Store
	logger *slog.Logger

	mu      sync.Mutex
	pending []ask
	write   *time.Timer // the next write, when one is due
	closed  bool
	// flushing is held while asks are written, so that Close waits for a
	// write in progress before the store closes.
	flushing sync.Mutex
}

// ask is one question asked and not answered.
type ask struct {
	key, question, lang, platform string
	at                            time.Time
}

// Unanswered is the store's log of unanswered questions.
func (s *Store) Unanswered(logger *slog.Logger) *Unanswered {
	return &Unanswered{s: s, logger: logger}
}

// Add logs one unanswered question. A failure to write is logged, not
// returned: the asker has had an answer either way.
func (u *Unanswered) Add(question string, lang corpus.Lang, platform string) {
	q, ok := observe.LoggedQuestion(question)
	if !ok {
		return
	}
	a := ask{key: unansweredKey(lang, q), question: q, lang: string(lang), platform: platform, at: u.s.now().UTC().Truncate(time.Second)}
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.closed {
		return
	}
	if len(u.pending) >= maxUnanswered {
		return // the database is not keeping up: the asks of a second beyond the bound are not counted
	}
	u.pending = append(u.pending, a)
	if u.write == nil {
		u.write = time.AfterFunc(unansweredWriteEvery, func() {
			u.mu.Lock()
			u.write = nil
			u.mu.Unlock()
			u.flush()
		})
	}
}

// Close writes what has not been written yet; the store must be open.
func (u *Unanswered) Close() {
	u.mu.Lock()
	u.closed = true
	if u.write != nil {
		u.write.Stop()
		u.write = nil
	}
	u.mu.Unlock()
	u.flush()
}

// flush counts the asks gathered on their questions' rows, in one
// transaction, and forgets the least recently asked beyond the bound.
func (u *Unanswered) flush() {
	u.flushing.Lock()
	defer u.flushing.Unlock()
	u.mu.Lock()
	asks := u.pending
	u.pending = nil
	u.mu.Unlock()
	if len(asks) == 0 {
		return
	}
	err := u.s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		b := &pgx.Batch{}
		for _, a := range asks {
			b.Queue(upsertUnanswered, a.key, a.question, a.lang, 1, []string{a.platform}, a.at, a.at)
		}
		b.Queue(`DELETE FROM unanswered WHERE key IN (SELECT key FROM unanswered ORDER BY last_asked DESC, key OFFSET $1)`, maxUnanswered)
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		u.logger.Error("cannot log the unanswered questions", "questions", len(asks), "error", err)
	}
}

// ReadUnanswered returns the questions last asked since then, most asked
// first, as observe.ReadUnanswered reads them from a file.
func (s *Store) ReadUnanswered(ctx context.Context, since time.Time) ([]observe.Question, error) {
	rows, _ := s.pool.Query(ctx, `SELECT question, lang, platforms, count, first_asked, last_asked FROM unanswered
		WHERE last_asked >= $1 ORDER BY count DESC, last_asked DESC, key`, since)
	qs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (observe.Question, error) {
		var q observe.Question
		err := row.Scan(&q.Question, &q.Lang, &q.Platforms, &q.Count, &q.First, &q.Last)
		q.First, q.Last = q.First.UTC(), q.Last.UTC()
		return q, err
	})
	if err != nil {
		return nil, fmt.Errorf("read unanswered questions: %w", err)
	}
	return qs, nil
}

// ImportUnanswered adds questions read from a file of unanswered
// questions (isabot migrate --from-bbolt), counted on the rows of the
// same questions.
func (s *Store) ImportUnanswered(ctx context.Context, qs []observe.Question) error {
	b := &pgx.Batch{}
	for _, q := range qs {
		text, ok := observe.LoggedQuestion(q.Question) // a file may have been edited
		if !ok {
			continue
		}
		b.Queue(upsertUnanswered, unansweredKey(q.Lang, text), text, string(q.Lang), q.Count, q.Platforms, q.First, q.Last)
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return tx.SendBatch(ctx, b).Close() })
	if err != nil {
		return fmt.Errorf("import unanswered questions: %w", err)
	}
	return nil
}
