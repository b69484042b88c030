package slack

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/slack-go/slack"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// Followers is the state of what channels follow; package store's Store
// is one.
type Followers interface {
	Follow(store.Subscription, store.Follows) (store.Subscription, error)
	Unfollow(platform, chat string, f store.Follows) (store.Subscription, bool, error)
}

// followCommands are the subcommands about what a channel follows.
var followCommands = map[string]bool{"follow": true, "unfollow": true, "following": true}

// slashCommands spells the Telegram commands the texts name as /isa's.
var slashCommands = strings.NewReplacer("/follow", "/isa follow", "/unfollow", "/isa unfollow", "/subscribe", "/isa subscribe", "/digest", "/isa digest")

// follow handles "/isa follow", "/isa unfollow" and "/isa following" in a
// channel, answering in l. Changing what a channel follows takes the
// rights subscribing does, and a channel not yet subscribed is joined
// first; anyone may ask what it follows.
func (b *Bot) follow(ctx context.Context, cmd slack.SlashCommand, sub, rest string, l corpus.Lang) []slack.Block {
	t := bots.TextsFor(l)
	name := "#" + cmd.ChannelName
	if cmd.ChannelName == "" {
		name = cmd.ChannelID
	}
	failed := []slack.Block{section(escape(t.Failed))}
	say := func(text string) []slack.Block { return []slack.Block{section(escape(slashCommands.Replace(text)))} }
	current, subscribed, err := b.state.Subscription(platform, cmd.ChannelID)
	if err != nil {
		b.logger.Error("slack: cannot read a subscription", "channel", cmd.ChannelID, "error", err)
		return failed
	}
	if sub == "following" {
		return say(bots.FollowsText(t.Follows, name, current, subscribed))
	}
	if ok, err := b.mayManage(ctx, cmd.UserID); err != nil {
		b.logger.Error("slack: cannot tell whether the user may subscribe", "channel", cmd.ChannelID, "user", cmd.UserID, "error", err)
		return failed
	} else if !ok {
		return say(fmt.Sprintf(t.WorkspaceAdminsOnly, name))
	}
	f := bots.ParseFollows(rest, b.cfg.Cities)
	switch {
	case len(f.Cities)+len(f.Topics) == 0:
		return say(t.Follows.Usage)
	case sub == "follow" && len(current.Cities)+len(current.Topics)+len(f.Cities)+len(f.Topics) > bots.MaxFollows:
		return say(fmt.Sprintf(t.Follows.TooMany, bots.MaxFollows))
	}
	if sub == "unfollow" {
		current, subscribed, err = b.state.Unfollow(platform, cmd.ChannelID, f)
	} else {
		if !subscribed {
			name, err = b.join(ctx, cmd.ChannelID)
		}
		switch {
		case errors.Is(err, errCannotJoin):
			return say(fmt.Sprintf(t.InviteFirst, name))
		case err == nil:
			current, err = b.state.Follow(store.Subscription{Platform: platform, Chat: cmd.ChannelID, Title: name, By: cmd.UserID, Lang: l}, f)
			subscribed = true
		}
	}
	if err != nil {
		b.logger.Error("slack: cannot change what a channel follows", "channel", cmd.ChannelID, "error", err)
		return failed
	}
	return say(bots.FollowsText(t.Follows, name, current, subscribed))
}
