package telegram

import (
	"context"
	"fmt"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/store"
)

// Followers is the state of what chats follow; package store's Store is
// one.
type Followers interface {
	Subscription(platform, chat string) (store.Subscription, bool, error)
	Follow(store.Subscription, store.Follows) (store.Subscription, error)
	Unfollow(platform, chat string, f store.Follows) (store.Subscription, bool, error)
}

// onFollow handles /follow, /unfollow and /following, for the chat or
// "@channel" first in args, with the rights /subscribe asks for: in a
// group only its admins may change what it gets, but anyone may ask.
func (b *Bot) onFollow(ctx context.Context, c conversation, name, args string) {
	t := bots.TextsFor(b.lang(c, ""))
	say := func(text string) { b.send(ctx, c, []string{escape(text)}, nil) }
	if name == "following" {
		chat, title := chatKey(c.chat.ID), chatName(c.chat)
		sub, ok, err := b.state.Subscription(platform, chat)
		if err != nil {
			b.logger.Error("telegram: cannot read a subscription", "chat", chat, "error", err)
			say(t.Failed)
			return
		}
		say(bots.FollowsText(t.Follows, title, sub, ok))
		return
	}
	chat, title, rest, ok := b.managed(ctx, c, args, t)
	if !ok {
		return
	}
	f := bots.ParseFollows(rest, b.cfg.Cities)
	if len(f.Cities)+len(f.Topics) == 0 {
		say(t.Follows.Usage)
		return
	}
	var (
		sub        store.Subscription
		subscribed = true
		err        error
	)
	if name == "follow" {
		var old store.Subscription
		old, _, err = b.state.Subscription(platform, chat)
		if err == nil && len(old.Cities)+len(old.Topics)+len(f.Cities)+len(f.Topics) > bots.MaxFollows {
			say(fmt.Sprintf(t.Follows.TooMany, bots.MaxFollows))
			return
		}
		if err == nil {
			sub, err = b.state.Follow(store.Subscription{Platform: platform, Chat: chat, Title: title}, f)
		}
	} else {
		sub, subscribed, err = b.state.Unfollow(platform, chat, f)
	}
	if err != nil {
		b.logger.Error("telegram: cannot change what a chat follows", "chat", chat, "error", err)
		say(t.Failed)
		return
	}
	say(bots.FollowsText(t.Follows, title, sub, subscribed))
}
