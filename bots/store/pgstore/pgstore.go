// Package pgstore keeps isabot's state in PostgreSQL, so that several
// replicas share it: the same tables as the buckets of package store's
// bbolt file, and the same behaviour, checked by package storetest.
// Where two replicas may do the same thing at once (claim an update,
// announce a release, record a delivery), a constraint or a row lock in
// the database decides which one does.
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
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// The memories of the bbolt store, kept as long here.
const (
	updateMemory      = 7 * 24 * time.Hour
	undeliveredMemory = 90 * 24 * time.Hour
	sentMemory        = 90 * 24 * time.Hour
)

// opTimeout bounds each call: the store's interface has no context, and
// a database that stopped answering must not hold a handler for ever.
const opTimeout = 30 * time.Second

// Store is the state in PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
	now  func() time.Time
	id   string // this replica's, in its claims on the outbox
}

var _ store.State = (*Store)(nil)

// Option changes a Store.
type Option func(*Store)

// WithClock replaces the real clock, for tests that span days.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Open connects to the database at url (postgres://…), applies the
// migrations it lacks and forgets what is too old to keep, as the bbolt
// store does when it opens. Errors never show url's password.
func Open(ctx context.Context, url string, opts ...Option) (*Store, error) {
	pool, err := Connect(ctx, url)
	if err != nil {
		return nil, err
	}
	s := &Store{pool: pool, now: time.Now, id: newReplicaID()}
	for _, o := range opts {
		o(s)
	}
	if _, err := Migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, err
	}
	if err := s.forget(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// Connect opens a pool of connections to url and checks that the
// database answers.
func Connect(ctx context.Context, url string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgconn's parse errors hide the password.
		return nil, fmt.Errorf("database URL: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("database: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("database %s/%s: %w", cfg.ConnConfig.Host, cfg.ConnConfig.Database, err)
	}
	return pool, nil
}

// Pool is the store's pool of connections, for what else a replica keeps
// in the database.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("database: %w", err)
	}
	return nil
}

// Close closes the pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// forget drops handled updates older than updateMemory, the kept releases
// nothing is owed of, deliveries given up longer than undeliveredMemory
// ago, and the messages sent and fan-outs announced longer than
// sentMemory ago (with the replies and corrections of those messages).
func (s *Store) forget(ctx context.Context) error {
	now := s.now()
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`DELETE FROM updates WHERE handled_at < $1`, []any{now.Add(-updateMemory)}},
		{`DELETE FROM kept WHERE NOT EXISTS (SELECT FROM outbox WHERE outbox.release = kept.id OR kept.id = ANY(outbox.releases))`, nil},
		{`DELETE FROM undelivered WHERE given_up_at < $1`, []any{now.Add(-undeliveredMemory)}},
		{`DELETE FROM sent WHERE sent_at < $1`, []any{now.Add(-sentMemory)}},
		{`DELETE FROM messages WHERE NOT EXISTS (SELECT FROM sent WHERE sent.release = messages.release)`, nil},
		{`DELETE FROM fanouts WHERE announced_at < $1`, []any{now.Add(-sentMemory)}},
	} {
		if _, err := s.pool.Exec(ctx, q.sql, q.args...); err != nil {
			return fmt.Errorf("forget old state: %w", err)
		}
	}
	return nil
}

func op() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), opTimeout)
}

// ClaimUpdate records that the update is being handled; false when it
// was claimed before, by this replica or another.
func (s *Store) ClaimUpdate(platform, id string) (bool, error) {
	ctx, cancel := op()
	defer cancel()
	tag, err := s.pool.Exec(ctx, `INSERT INTO updates (platform, id, handled_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, platform, id, s.now())
	if err != nil {
		return false, fmt.Errorf("claim update %s/%s: %w", platform, id, err)
	}
	return tag.RowsAffected() == 1, nil
}

// ReleaseUpdate forgets the claim on an update whose handling was cut off.
func (s *Store) ReleaseUpdate(platform, id string) error {
	ctx, cancel := op()
	defer cancel()
	if _, err := s.pool.Exec(ctx, `DELETE FROM updates WHERE platform = $1 AND id = $2`, platform, id); err != nil {
		return fmt.Errorf("release update %s/%s: %w", platform, id, err)
	}
	return nil
}

// ChatLang returns the language chosen for a chat, if one was.
func (s *Store) ChatLang(platform, chat string) (corpus.Lang, bool) {
	ctx, cancel := op()
	defer cancel()
	var lang corpus.Lang
	s.pool.QueryRow(ctx, `SELECT lang FROM chat_langs WHERE platform = $1 AND chat = $2`, platform, chat).Scan(&lang)
	return lang, lang != ""
}

// SetChatLang remembers the language chosen for a chat.
func (s *Store) SetChatLang(platform, chat string, lang corpus.Lang) error {
	ctx, cancel := op()
	defer cancel()
	_, err := s.pool.Exec(ctx, `INSERT INTO chat_langs (platform, chat, lang) VALUES ($1, $2, $3)
		ON CONFLICT (platform, chat) DO UPDATE SET lang = excluded.lang`, platform, chat, string(lang))
	if err != nil {
		return fmt.Errorf("set language of %s chat %s: %w", platform, chat, err)
	}
	return nil
}

// Remember stores value under a short key derived from it.
func (s *Store) Remember(value string) (string, error) {
	ctx, cancel := op()
	defer cancel()
	key := store.RememberKey(value)
	_, err := s.pool.Exec(ctx, `INSERT INTO remembered (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return "", fmt.Errorf("remember value: %w", err)
	}
	return key, nil
}

// Recall returns the value remembered under key.
func (s *Store) Recall(key string) (string, bool) {
	ctx, cancel := op()
	defer cancel()
	var value string
	err := s.pool.QueryRow(ctx, `SELECT value FROM remembered WHERE key = $1`, key).Scan(&value)
	return value, err == nil
}

// FeedValidators returns the ETag and Last-Modified a feed last sent.
func (s *Store) FeedValidators(url string) (etag, lastModified string) {
	ctx, cancel := op()
	defer cancel()
	s.pool.QueryRow(ctx, `SELECT etag, last_modified FROM feeds WHERE url = $1`, url).Scan(&etag, &lastModified)
	return etag, lastModified
}

// SetFeedValidators remembers a feed's ETag and Last-Modified.
func (s *Store) SetFeedValidators(url, etag, lastModified string) error {
	ctx, cancel := op()
	defer cancel()
	_, err := s.pool.Exec(ctx, `INSERT INTO feeds (url, etag, last_modified) VALUES ($1, $2, $3)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified`, url, etag, lastModified)
	if err != nil {
		return fmt.Errorf("set the validators of feed: %w", err)
	}
	return nil
}

// inTx runs f in a transaction, committed when f returns nil.
func (s *Store) inTx(f func(ctx context.Context, tx pgx.Tx) error) error {
	ctx, cancel := op()
	defer cancel()
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return f(ctx, tx) })
}

// querier is a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// collectJSON reads rows of one JSON document each.
func collectJSON[T any](ctx context.Context, q querier, sql string, args ...any) ([]T, error) {
	rows, _ := q.Query(ctx, sql, args...)
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (T, error) {
		var (
			raw []byte
			v   T
		)
		if err := row.Scan(&raw); err != nil {
			return v, err
		}
		return v, json.Unmarshal(raw, &v)
	})
}

// notFound reports whether err means no row.
func notFound(err error) bool { return errors.Is(err, pgx.ErrNoRows) }

// sortBySeq puts deliveries in the order they were created.
func sortBySeq(ds []store.Delivery) {
	slices.SortFunc(ds, func(a, b store.Delivery) int { return cmp.Compare(a.Seq, b.Seq) })
}
