package slack

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// Slack allows about one message a second to a channel; what a workspace
// allows in all is far more than an alliance has channels.
var slackLimits = push.Limits{PerSecond: 20, PerChat: time.Second}

// Platform names Slack for the pusher.
func (b *Bot) Platform() string { return platform }

// Limits are Slack's rate limits, or the configured ones.
func (b *Bot) Limits() push.Limits {
	if b.cfg.Limits != nil {
		return *b.cfg.Limits
	}
	return slackLimits
}

// Group reports true: announcements go to channels.
func (b *Bot) Group(string) bool { return true }

// readAction is the action id of an announcement's "Read more" button,
// whose value is the release's id.
const readAction = "isa_read"

// linkAction is the action id of an announcement's "Read more" that opens
// the release's web page; Slack tells the bot of the press, which needs
// no answer.
const linkAction = "isa_link"

// Send announces a release in a channel, with a button that shows the
// whole release.
func (b *Bot) Send(ctx context.Context, channel string, r *corpus.Release) (string, error) {
	blocks := announcementBlocks(r, r.Lang, b.permalink(r))
	_, ts, err := b.api.PostMessageContext(ctx, channel, slack.MsgOptionBlocks(blocks...), slack.MsgOptionText(title(r.Title), false))
	b.noticeRefusal(err)
	if err != nil {
		return "", b.sendError(ctx, channel, err)
	}
	return ts, nil
}

// permalink is the address of r's web page, or "" without one.
func (b *Bot) permalink(r *corpus.Release) string {
	if b.cfg.Permalink == nil {
		return ""
	}
	return b.cfg.Permalink(r.ID)
}

// pushError tells the pusher what a Slack error means for a delivery. A
// refused token is the bot's fault, not the channel's: the delivery
// waits, as for a rate limit, and is neither given up nor unsubscribed.
func pushError(err error) error {
	var (
		limited  *slack.RateLimitedError
		slackErr slack.SlackErrorResponse
	)
	switch {
	case err == nil:
		return nil
	case errors.As(err, &limited):
		return &push.RetryAfterError{After: max(limited.RetryAfter, time.Second)}
	case refused("token", err) != nil:
		return fmt.Errorf("%w: %w", &push.RetryAfterError{After: tokenPause}, err)
	case errors.As(err, &slackErr) && slices.Contains([]string{"channel_not_found", "not_in_channel"}, slackErr.Err):
		return fmt.Errorf("%w: %w", push.ErrGone, err)
	}
	return err
}

// announcementBlocks is a new release's announcement; its Read more opens
// link, or, without one, shows the release.
func announcementBlocks(r *corpus.Release, lang corpus.Lang, link string) []slack.Block {
	t := bots.TextsFor(lang)
	heading := "*" + title(r.Title) + "*"
	if r.URL != "" && !strings.ContainsAny(r.URL, "|<> ") {
		heading = "*<" + escape(r.URL) + "|" + title(r.Title) + ">*"
	}
	blocks := []slack.Block{
		slack.NewContextBlock("isa_new", mrkdwnText(":newspaper: "+escape(t.NewRelease)+" · "+escape(bots.Dateline(r, lang)))),
		section(heading),
	}
	if s := bots.Summary(r); s != "" {
		blocks = append(blocks, section(escape(s)))
	}
	readMore := slack.NewButtonBlockElement(readAction, r.ID, slack.NewTextBlockObject(slack.PlainTextType, t.ReadMore, false, false))
	if link != "" {
		readMore.ActionID, readMore.URL = linkAction, link
	}
	return append(blocks, slack.NewActionBlock(readAction, readMore))
}

// releaseBlocks is a whole release, for "Read more".
func releaseBlocks(r *corpus.Release, lang corpus.Lang) []slack.Block {
	paragraphs := []string{"*" + escape(r.Title) + "*\n" + escape(bots.Dateline(r, lang))}
	for _, p := range append(slices.Clone(r.Body), r.About...) {
		paragraphs = append(paragraphs, escape(p))
	}
	if len(r.Contact) > 0 {
		paragraphs = append(paragraphs, escape(strings.Join(r.Contact, "\n")))
	}
	var blocks []slack.Block
	for _, chunk := range bots.Split(paragraphs, sectionLimit, func(s string) int { return len([]rune(s)) }) {
		blocks = append(blocks, section(chunk))
	}
	return blocks
}

// subscribe handles "/isa subscribe" and "/isa unsubscribe" in a channel,
// answering in l. A channel is subscribed only if the bot can post
// there: it joins a public channel, and asks to be invited to a private
// one or a direct message.
func (b *Bot) subscribe(ctx context.Context, cmd slack.SlashCommand, on bool, l corpus.Lang) []slack.Block {
	t := bots.TextsFor(l)
	name := "#" + cmd.ChannelName
	if cmd.ChannelName == "" {
		name = cmd.ChannelID
	}
	failed := []slack.Block{section(escape(t.Failed))}
	if ok, err := b.mayManage(ctx, cmd.UserID); err != nil {
		b.logger.Error("slack: cannot tell whether the user may subscribe", "channel", cmd.ChannelID, "user", cmd.UserID, "error", err)
		return failed
	} else if !ok {
		return []slack.Block{section(escape(fmt.Sprintf(t.WorkspaceAdminsOnly, name)))}
	}
	var msg string
	if on {
		_, subscribed, err := b.state.Subscription(platform, cmd.ChannelID)
		if err == nil && !subscribed {
			name, err = b.join(ctx, cmd.ChannelID)
		}
		switch {
		case errors.Is(err, errCannotJoin):
			return []slack.Block{section(escape(fmt.Sprintf(t.InviteFirst, name)))}
		case err != nil:
			b.logger.Error("slack: cannot subscribe", "channel", cmd.ChannelID, "error", err)
			return failed
		}
		added, err := b.state.Subscribe(store.Subscription{Platform: platform, Chat: cmd.ChannelID, Title: name, By: cmd.UserID, Lang: l})
		switch {
		case err != nil:
			b.logger.Error("slack: cannot subscribe", "channel", cmd.ChannelID, "error", err)
			return nil
		case added:
			msg = fmt.Sprintf(t.Subscribed, name)
		default:
			msg = fmt.Sprintf(t.AlreadySubscribed, name)
		}
	} else {
		removed, err := b.state.Unsubscribe(platform, cmd.ChannelID)
		switch {
		case err != nil:
			b.logger.Error("slack: cannot unsubscribe", "channel", cmd.ChannelID, "error", err)
			return nil
		case removed:
			msg = fmt.Sprintf(t.Unsubscribed, name)
		default:
			msg = fmt.Sprintf(t.NotSubscribed, name)
		}
	}
	return []slack.Block{section(escape(strings.ReplaceAll(msg, "/unsubscribe", "/isa unsubscribe")))}
}

// subscribeConfigured subscribes the channels named in the configuration
// (SLACK_CHANNELS).
func (b *Bot) subscribeConfigured() {
	for _, ch := range b.cfg.Channels {
		if _, err := b.state.Subscribe(store.Subscription{Platform: platform, Chat: ch, Title: ch}); err != nil {
			b.logger.Error("slack: cannot subscribe a configured channel", "channel", ch, "error", err)
		}
	}
}
