package slack

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/corpus"
)

// The reasons a subscription is paused: its channel archived, or the app
// uninstalled or its tokens revoked (the events' names), which pause
// every channel of the workspace until the bot token works again.
const archived = "archived"

var workspaceReasons = []string{string(slackevents.AppUninstalled), string(slackevents.TokensRevoked)}

// errCannotJoin means the bot is not in a channel and cannot join it: a
// private channel or a direct message, to which it must be invited.
var errCannotJoin = errors.New("the bot is not in the channel and cannot join it")

// pausedError is the bot's health while the workspace has uninstalled
// the app or revoked its tokens.
type pausedError struct {
	event string
	err   error // the token's state meanwhile, if known
}

func (e *pausedError) Error() string {
	msg := "deliveries paused (" + e.event + ")"
	if e.err != nil && !errors.Is(e.err, errNotConnected) {
		msg += ": " + e.err.Error()
	}
	return msg
}

func (e *pausedError) Unwrap() error { return e.err }

// join makes sure the bot is in a channel before it is subscribed: in a
// public channel it joins, from anywhere else it needs an invitation
// (errCannotJoin). It returns the channel's name for people, "#name".
func (b *Bot) join(ctx context.Context, channel string) (string, error) {
	info, err := b.api.GetConversationInfoContext(ctx, &slack.GetConversationInfoInput{ChannelID: channel})
	b.noticeRefusal(err)
	if err != nil {
		return "", fmt.Errorf("conversations.info %s: %w", channel, err)
	}
	name := channel
	if info.Name != "" {
		name = "#" + info.Name
	}
	switch {
	case info.IsMember:
		return name, nil
	case info.IsIM || info.IsMpIM || info.IsPrivate || info.IsGroup:
		return name, errCannotJoin
	}
	_, _, _, err = b.api.JoinConversationContext(ctx, channel)
	b.noticeRefusal(err)
	var slackErr slack.SlackErrorResponse
	switch {
	case errors.As(err, &slackErr) && slackErr.Err == "method_not_supported_for_channel_type":
		return name, errCannotJoin
	case err != nil:
		return name, fmt.Errorf("conversations.join %s: %w", channel, err)
	}
	b.logger.Info("slack: joined a channel to deliver to it", "channel", channel)
	return name, nil
}

// mayManage reports whether user may subscribe a channel or end its
// subscription: anyone, or under SLACK_SUBSCRIBE=admins the workspace's
// admins and owners only.
func (b *Bot) mayManage(ctx context.Context, user string) (bool, error) {
	if !b.cfg.AdminsSubscribe {
		return true, nil
	}
	u, err := b.api.GetUserInfoContext(ctx, user)
	b.noticeRefusal(err)
	if err != nil {
		return false, fmt.Errorf("users.info %s: %w", user, err)
	}
	return u.IsAdmin || u.IsOwner || u.IsPrimaryOwner, nil
}

// checkConfigured joins the configured channels the bot is not in, and
// unsubscribes those it cannot join: nothing is queued that cannot be
// delivered.
func (b *Bot) checkConfigured(ctx context.Context) {
	for _, ch := range b.cfg.Channels {
		_, err := b.join(ctx, ch)
		switch {
		case errors.Is(err, errCannotJoin):
			b.logger.Error("slack: a configured channel is private or a direct message the bot is not in: not subscribed; invite @isabot there", "channel", ch)
			if _, err := b.state.Unsubscribe(platform, ch); err != nil {
				b.logger.Error("slack: cannot unsubscribe", "channel", ch, "error", err)
			}
		case err != nil:
			b.logger.Warn("slack: cannot check a configured channel", "channel", ch, "error", err)
		}
	}
}

// gone ends the subscription of a channel the bot was removed from, and
// tells who subscribed it by direct message, once: only the call that
// ends it tells.
func (b *Bot) gone(ctx context.Context, channel string) {
	sub, ok, err := b.state.Subscription(platform, channel)
	if err != nil || !ok {
		return
	}
	removed, err := b.state.Unsubscribe(platform, channel)
	if err != nil {
		b.logger.Error("slack: cannot unsubscribe", "channel", channel, "error", err)
		return
	}
	if !removed || sub.By == "" {
		return
	}
	name := sub.Title
	if name == "" {
		name = channel
	}
	msg := []slack.Block{section(escape(fmt.Sprintf(bots.TextsFor(sub.Lang).SubscriptionLost, name)))}
	if _, err := b.poster.postMessage(ctx, sub.By, slack.MsgOptionBlocks(msg...), slack.MsgOptionText(fallbackText(msg), false)); err != nil {
		b.logger.Warn("slack: cannot tell the subscriber that a subscription ended", "channel", channel, "user", sub.By, "error", err)
	}
}

// sendError acts on what Slack answered an announcement and tells the
// pusher what it means: a channel the bot was removed from or that is
// gone ends its subscription (its subscriber told); an archived one is
// paused, its deliveries held until it is unarchived.
func (b *Bot) sendError(ctx context.Context, channel string, err error) error {
	var slackErr slack.SlackErrorResponse
	if errors.As(err, &slackErr) {
		switch slackErr.Err {
		case "not_in_channel", "channel_not_found":
			b.gone(ctx, channel)
		case "is_archived", "channel_is_archived":
			b.pause(channel, archived)
			// Tried again at once, it finds itself held.
			return fmt.Errorf("%w: %w", &push.RetryAfterError{After: time.Second}, err)
		}
	}
	return pushError(err)
}

// pause holds the deliveries to a channel for reason.
func (b *Bot) pause(channel, reason string) {
	if paused, err := b.state.Pause(platform, channel, reason); err != nil {
		b.logger.Error("slack: cannot pause a subscription", "channel", channel, "error", err)
	} else if paused {
		b.logger.Info("slack: deliveries to a channel paused", "channel", channel, "reason", reason)
	}
}

// resume sends what was held for a channel paused for reason.
func (b *Bot) resume(channel, reason string) {
	back, err := b.state.Resume(platform, channel, reason)
	if err != nil {
		b.logger.Error("slack: cannot resume a subscription", "channel", channel, "error", err)
		return
	}
	if len(back) > 0 {
		b.logger.Info("slack: deliveries to a channel resumed", "channel", channel, "reason", reason, "held", len(back))
		if b.cfg.Requeue != nil {
			b.cfg.Requeue(back)
		}
	}
}

// pauseWorkspace stops every delivery when the app is uninstalled or its
// tokens revoked: the subscriptions stay, their deliveries held, until
// the bot token works again (resumeWorkspace).
func (b *Bot) pauseWorkspace(event string) {
	b.healthMu.Lock()
	b.pausedFor = event
	b.healthMu.Unlock()
	b.logger.Error("slack: the app was uninstalled or its tokens revoked; deliveries paused until the token works again", "event", event)
	subs, err := b.state.Subscriptions()
	if err != nil {
		b.logger.Error("slack: cannot list the subscriptions to pause", "error", err)
	}
	for _, sub := range subs {
		if sub.Platform == platform {
			b.pause(sub.Chat, event)
		}
	}
	b.askRecheck()
}

// resumeWorkspace ends a pause for an uninstall or revoked tokens, also
// one from before a restart, once Slack takes the bot token.
func (b *Bot) resumeWorkspace() {
	b.healthMu.Lock()
	was := b.pausedFor
	b.pausedFor = ""
	b.healthMu.Unlock()
	if was != "" {
		b.logger.Info("slack: the token works again; deliveries resumed", "paused_for", was)
	}
	subs, err := b.state.Subscriptions()
	if err != nil {
		b.logger.Error("slack: cannot list the subscriptions to resume", "error", err)
	}
	for _, sub := range subs {
		if sub.Platform == platform && slices.Contains(workspaceReasons, sub.Paused) {
			b.resume(sub.Chat, sub.Paused)
		}
	}
}

// onWorkspaceEvent handles what happens to the workspace and its
// channels; it reports false for any other event.
func (b *Bot) onWorkspaceEvent(ctx context.Context, data any) bool {
	switch ev := data.(type) {
	case *slackevents.AppUninstalledEvent:
		b.pauseWorkspace(string(slackevents.AppUninstalled))
	case *slackevents.TokensRevokedEvent:
		if len(ev.Tokens.Bot) > 0 {
			b.pauseWorkspace(string(slackevents.TokensRevoked))
		}
	case *slackevents.ChannelRenameEvent:
		if err := b.state.Rename(platform, ev.Channel.ID, "#"+ev.Channel.Name); err != nil {
			b.logger.Error("slack: cannot rename a subscription", "channel", ev.Channel.ID, "error", err)
		}
	case *slackevents.GroupRenameEvent: // a private channel
		if err := b.state.Rename(platform, ev.Channel.ID, "#"+ev.Channel.Name); err != nil {
			b.logger.Error("slack: cannot rename a subscription", "channel", ev.Channel.ID, "error", err)
		}
	case *slackevents.ChannelArchiveEvent:
		b.pause(ev.Channel, archived)
	case *slackevents.GroupArchiveEvent:
		b.pause(ev.Channel, archived)
	case *slackevents.ChannelUnarchiveEvent:
		b.resume(ev.Channel, archived)
	case *slackevents.GroupUnarchiveEvent:
		b.resume(ev.Channel, archived)
	case *slackevents.MemberJoinedChannelEvent:
		if ev.User != b.botUser() {
			return true
		}
		if _, subscribed, err := b.state.Subscription(platform, ev.Channel); err != nil || subscribed {
			return true
		}
		b.background(ctx, func(ctx context.Context) {
			hint := []slack.Block{section(escape(bots.TextsFor(corpus.German).JoinHint))}
			if _, err := b.poster.postMessage(ctx, ev.Channel, slack.MsgOptionBlocks(hint...), slack.MsgOptionText(fallbackText(hint), false)); err != nil {
				b.logger.Warn("slack: cannot post the hint on subscribing", "channel", ev.Channel, "error", err)
			}
		})
	default:
		return false
	}
	return true
}
