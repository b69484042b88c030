package pgstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/isa-alliance/isabot/bots/store"
)

// Subscriptions are ordered as the bbolt store orders them: by when they
// began, then by platform and chat, byte by byte.
const subsOrder = `ORDER BY since, platform COLLATE "C", chat COLLATE "C"`

// putSub writes a subscription, replacing the chat's.
func putSub(ctx context.Context, tx pgx.Tx, sub store.Subscription) error {
	doc, err := json.Marshal(sub)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO subscriptions (platform, chat, since, doc) VALUES ($1, $2, $3, $4)
		ON CONFLICT (platform, chat) DO UPDATE SET since = excluded.since, doc = excluded.doc`,
		sub.Platform, sub.Chat, sub.Since, doc)
	return err
}

// lockSub reads a chat's subscription and locks it to the end of tx;
// found is false when there is none.
func lockSub(ctx context.Context, tx pgx.Tx, platform, chat string) (sub store.Subscription, found bool, err error) {
	var raw []byte
	err = tx.QueryRow(ctx, `SELECT doc FROM subscriptions WHERE platform = $1 AND chat = $2 FOR UPDATE`, platform, chat).Scan(&raw)
	if notFound(err) {
		return sub, false, nil
	}
	if err != nil {
		return sub, false, err
	}
	return sub, true, json.Unmarshal(raw, &sub)
}

// dropSub deletes a chat's subscription and every delivery owed to it.
func dropSub(ctx context.Context, tx pgx.Tx, platform, chat string) error {
	if _, err := tx.Exec(ctx, `DELETE FROM subscriptions WHERE platform = $1 AND chat = $2`, platform, chat); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `DELETE FROM outbox WHERE platform = $1 AND chat = $2`, platform, chat)
	return err
}

// Subscribe adds a subscription; false when the chat was subscribed.
func (s *Store) Subscribe(sub store.Subscription) (bool, error) {
	if sub.Since.IsZero() {
		sub.Since = s.now().UTC()
	}
	doc, err := json.Marshal(sub)
	if err != nil {
		return false, fmt.Errorf("subscribe %s %s: %w", sub.Platform, sub.Chat, err)
	}
	ctx, cancel := op()
	defer cancel()
	tag, err := s.pool.Exec(ctx, `INSERT INTO subscriptions (platform, chat, since, doc) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
		sub.Platform, sub.Chat, sub.Since, doc)
	if err != nil {
		return false, fmt.Errorf("subscribe %s %s: %w", sub.Platform, sub.Chat, err)
	}
	return tag.RowsAffected() == 1, nil
}

// Unsubscribe removes a subscription and the deliveries still owed to it;
// false when there was none.
func (s *Store) Unsubscribe(platform, chat string) (bool, error) {
	removed := false
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		_, found, err := lockSub(ctx, tx, platform, chat)
		if err != nil || !found {
			return err
		}
		removed = true
		return dropSub(ctx, tx, platform, chat)
	})
	if err != nil {
		return false, fmt.Errorf("unsubscribe %s %s: %w", platform, chat, err)
	}
	return removed, nil
}

// MoveSubscription keeps a subscription, and what the outbox owes it,
// when a chat gets a new id.
func (s *Store) MoveSubscription(platform, from, to string) error {
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		sub, found, err := lockSub(ctx, tx, platform, from)
		if err != nil || !found {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM subscriptions WHERE platform = $1 AND chat = $2`, platform, from); err != nil {
			return err
		}
		sub.Chat = to
		if err := putSub(ctx, tx, sub); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE outbox SET chat = $3 WHERE platform = $1 AND chat = $2 AND NOT held`, platform, from, to)
		return err
	})
	if err != nil {
		return fmt.Errorf("move subscription %s %s to %s: %w", platform, from, to, err)
	}
	return nil
}

// Subscriptions lists all subscriptions, oldest first.
func (s *Store) Subscriptions() ([]store.Subscription, error) {
	ctx, cancel := op()
	defer cancel()
	subs, err := collectJSON[store.Subscription](ctx, s.pool, `SELECT doc FROM subscriptions `+subsOrder)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	return subs, nil
}

// Subscription returns the subscription of a chat, if there is one.
func (s *Store) Subscription(platform, chat string) (store.Subscription, bool, error) {
	ctx, cancel := op()
	defer cancel()
	var (
		raw []byte
		sub store.Subscription
	)
	err := s.pool.QueryRow(ctx, `SELECT doc FROM subscriptions WHERE platform = $1 AND chat = $2`, platform, chat).Scan(&raw)
	if notFound(err) {
		return sub, false, nil
	}
	if err == nil {
		err = json.Unmarshal(raw, &sub)
	}
	if err != nil {
		return store.Subscription{}, false, fmt.Errorf("look up subscription %s %s: %w", platform, chat, err)
	}
	return sub, true, nil
}

// Rename gives a chat's subscription the chat's new name.
func (s *Store) Rename(platform, chat, title string) error {
	err := s.updateSub(platform, chat, func(sub *store.Subscription) bool {
		sub.Title = title
		return true
	}, nil)
	if err != nil {
		return fmt.Errorf("rename subscription %s %s: %w", platform, chat, err)
	}
	return nil
}

// Pause holds the deliveries to a chat, and those announced from now on,
// until Resume with the same reason; it reports whether this call paused
// it.
func (s *Store) Pause(platform, chat, reason string) (bool, error) {
	paused := false
	err := s.updateSub(platform, chat, func(sub *store.Subscription) bool {
		if sub.Paused != "" {
			return false
		}
		sub.Paused, paused = reason, true
		return true
	}, func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE outbox SET held = true WHERE platform = $1 AND chat = $2 AND NOT collected`, platform, chat)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("pause subscription %s %s: %w", platform, chat, err)
	}
	return paused, nil
}

// Resume ends a pause for reason and returns the deliveries held, back
// in the outbox, in their order.
func (s *Store) Resume(platform, chat, reason string) ([]store.Delivery, error) {
	var back []store.Delivery
	err := s.updateSub(platform, chat, func(sub *store.Subscription) bool {
		if sub.Paused != reason {
			return false
		}
		sub.Paused = ""
		return true
	}, func(ctx context.Context, tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `UPDATE outbox SET held = false WHERE platform = $1 AND chat = $2 AND held
			RETURNING `+deliveryCols, platform, chat)
		var err error
		back, err = pgx.CollectRows(rows, scanDelivery)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("resume subscription %s %s: %w", platform, chat, err)
	}
	sortBySeq(back)
	return back, nil
}

// updateSub changes a chat's subscription with change and, when change
// reports a change, runs then in the same transaction.
func (s *Store) updateSub(platform, chat string, change func(*store.Subscription) bool, then func(context.Context, pgx.Tx) error) error {
	return s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		sub, found, err := lockSub(ctx, tx, platform, chat)
		if err != nil || !found || !change(&sub) {
			return err
		}
		if err := putSub(ctx, tx, sub); err != nil {
			return err
		}
		if then == nil {
			return nil
		}
		return then(ctx, tx)
	})
}

// Follow adds cities and topics to what a chat follows, subscribing it
// with sub when it is not.
func (s *Store) Follow(sub store.Subscription, f store.Follows) (store.Subscription, error) {
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		have, found, err := lockSub(ctx, tx, sub.Platform, sub.Chat)
		if err != nil {
			return err
		}
		if found {
			sub = have
		}
		if sub.Since.IsZero() {
			sub.Since = s.now().UTC()
		}
		f.AddTo(&sub)
		return putSub(ctx, tx, sub)
	})
	if err != nil {
		return store.Subscription{}, fmt.Errorf("follow for %s %s: %w", sub.Platform, sub.Chat, err)
	}
	return sub, nil
}

// Unfollow removes cities and topics from what a chat follows; a chat
// left following nothing is unsubscribed. False when the chat is no
// longer (or was not) subscribed.
func (s *Store) Unfollow(platform, chat string, f store.Follows) (store.Subscription, bool, error) {
	var (
		sub store.Subscription
		ok  bool
	)
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		var (
			found bool
			err   error
		)
		sub, found, err = lockSub(ctx, tx, platform, chat)
		if err != nil || !found {
			return err
		}
		if len(sub.Cities)+len(sub.Topics) == 0 {
			ok = true // follows everything: nothing to take away
			return nil
		}
		f.TakeFrom(&sub)
		if len(sub.Cities)+len(sub.Topics) > 0 {
			ok = true
			return putSub(ctx, tx, sub)
		}
		return dropSub(ctx, tx, platform, chat)
	})
	if err != nil {
		return store.Subscription{}, false, fmt.Errorf("unfollow for %s %s: %w", platform, chat, err)
	}
	return sub, ok, nil
}
