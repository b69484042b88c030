package slack

import (
	"cmp"
	"context"
	"errors"
	"fmt"

	"github.com/slack-go/slack"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// Digests is the state of the channels' digests; package store's Store
// is one.
type Digests interface {
	SetDigest(sub store.Subscription, d *store.Digest) (store.Subscription, bool, error)
}

// digest handles "/isa digest": alone it tells how the channel gets its
// releases, which anyone may ask; "/isa digest 08:00 [zone]" and "/isa
// digest off" change it, with the rights subscribing takes, and a
// channel not yet subscribed is joined first.
func (b *Bot) digest(ctx context.Context, cmd slack.SlashCommand, rest string, l corpus.Lang) []slack.Block {
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
	if rest == "" {
		return say(bots.DigestText(t, name, current, subscribed))
	}
	if ok, err := b.mayManage(ctx, cmd.UserID); err != nil {
		b.logger.Error("slack: cannot tell whether the user may subscribe", "channel", cmd.ChannelID, "user", cmd.UserID, "error", err)
		return failed
	} else if !ok {
		return say(fmt.Sprintf(t.WorkspaceAdminsOnly, name))
	}
	d, err := bots.ParseDigest(rest, l)
	if err != nil {
		return say(bots.DigestError(t.Digest, rest, err))
	}
	if d != nil && !subscribed {
		name, err = b.join(ctx, cmd.ChannelID)
	}
	switch {
	case errors.Is(err, errCannotJoin):
		return say(fmt.Sprintf(t.InviteFirst, name))
	case err == nil:
		current, subscribed, err = b.state.SetDigest(store.Subscription{Platform: platform, Chat: cmd.ChannelID, Title: name, By: cmd.UserID, Lang: l}, d)
	}
	if err != nil {
		b.logger.Error("slack: cannot set a channel's digest", "channel", cmd.ChannelID, "error", err)
		return failed
	}
	return say(bots.DigestText(t, name, current, subscribed))
}

// SendDigest posts a channel's digest: a heading, then a section per
// release with its title, linked, its date and a Read more button.
func (b *Bot) SendDigest(ctx context.Context, d push.Digest) (string, error) {
	lang := cmp.Or(d.Lang, corpus.German)
	heading := bots.DigestHeading(d.At, len(d.Releases), lang)
	_, ts, err := b.api.PostMessageContext(ctx, d.Chat, slack.MsgOptionBlocks(b.digestBlocks(d, lang)...), slack.MsgOptionText(escape(heading), false))
	b.noticeRefusal(err)
	if err != nil {
		return "", b.sendError(ctx, d.Chat, err)
	}
	return ts, nil
}

// digestBlocks are a digest's heading and one section per release, at
// most store.DigestSize of them: well within Block Kit's 50 blocks.
func (b *Bot) digestBlocks(d push.Digest, lang corpus.Lang) []slack.Block {
	t := bots.TextsFor(lang)
	blocks := []slack.Block{slack.NewContextBlock("isa_digest", mrkdwnText(":newspaper: "+escape(bots.DigestHeading(d.At, len(d.Releases), lang))))}
	for i, r := range d.Releases {
		clipped := *r
		clipped.Title = bots.Clip(r.Title, bots.DigestTitleRunes)
		read := slack.NewButtonBlockElement(readAction, r.ID, slack.NewTextBlockObject(slack.PlainTextType, t.ReadMore, false, false))
		if link := b.permalink(r); link != "" {
			read.ActionID, read.URL = linkAction, link
		}
		text := mrkdwnText(fmt.Sprintf("%d. %s", i+1, releaseText(&clipped, lang)))
		blocks = append(blocks, slack.NewSectionBlock(text, nil, slack.NewAccessory(read), slack.SectionBlockOptionBlockID(fmt.Sprintf("isa_digest_%d", i+1))))
	}
	return blocks
}
