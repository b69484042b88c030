package telegram

import (
	"cmp"
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// Digests is the state of the chats' digests; package store's Store is
// one.
type Digests interface {
	SetDigest(sub store.Subscription, d *store.Digest) (store.Subscription, bool, error)
}

// onDigest handles /digest: alone it tells how the chat gets its
// releases, which anyone may ask; "/digest 08:00 [zone]" and "/digest
// off" change it, with the rights /subscribe asks for, also for an
// "@channel" first in args.
func (b *Bot) onDigest(ctx context.Context, c conversation, args string) {
	lang := b.lang(c, "")
	t := bots.TextsFor(lang)
	say := func(text string) { b.send(ctx, c, []string{escape(text)}, nil) }
	show := func(chat, name string) {
		sub, ok, err := b.state.Subscription(platform, chat)
		if err != nil {
			b.logger.Error("telegram: cannot read a subscription", "chat", chat, "error", err)
			say(t.Failed)
			return
		}
		say(bots.DigestText(t, name, sub, ok))
	}
	if args == "" {
		show(chatKey(c.chat.ID), chatName(c.chat))
		return
	}
	chat, name, rest, ok := b.managed(ctx, c, args, t)
	switch {
	case !ok:
		return
	case rest == "":
		show(chat, name)
		return
	}
	d, err := bots.ParseDigest(rest, lang)
	if err != nil {
		say(bots.DigestError(t.Digest, rest, err))
		return
	}
	sub, subscribed, err := b.state.SetDigest(store.Subscription{Platform: platform, Chat: chat, Title: name}, d)
	if err != nil {
		b.logger.Error("telegram: cannot set a chat's digest", "chat", chat, "error", err)
		say(t.Failed)
		return
	}
	say(bots.DigestText(t, name, sub, subscribed))
}

// SendDigest sends a chat's digest: a heading, then each release's
// title and date, numbered, with a numbered Read more button for each,
// in the chat's language.
func (b *Bot) SendDigest(ctx context.Context, d push.Digest) (string, error) {
	id, err := strconv.ParseInt(d.Chat, 10, 64)
	if err != nil {
		return "", fmt.Errorf("telegram chat %q: %w", d.Chat, push.ErrGone)
	}
	lang := cmp.Or(d.Lang, corpus.German)
	if l, ok := b.state.ChatLang(platform, d.Chat); ok {
		lang = l // chosen with /lang since
	}
	m, err := b.api.SendMessage(ctx, &bot.SendMessageParams{
		ChatID:             id,
		Text:               digestHTML(d, lang),
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
		ReplyMarkup:        b.digestKeyboard(d.Releases, lang),
	})
	if err != nil {
		return "", pushError(err)
	}
	return strconv.Itoa(m.ID), nil
}

// digestHTML is a digest's text: its heading, then a numbered line per
// release, title (clipped) and date.
func digestHTML(d push.Digest, lang corpus.Lang) string {
	lines := []string{"📰 <i>" + escape(bots.DigestHeading(d.At, len(d.Releases), lang)) + "</i>"}
	for i, r := range d.Releases {
		lines = append(lines, fmt.Sprintf("%d. <b>%s</b> (%s)", i+1, escape(bots.Clip(r.Title, bots.DigestTitleRunes)),
			escape(corpus.DateOf(r.Date).Format(lang))))
	}
	return strings.Join(lines, "\n")
}

// digestKeyboard is a Read more per release, numbered as the digest
// lists them: the release's web page where there is one, else the
// release shown in the chat.
func (b *Bot) digestKeyboard(rs []*corpus.Release, lang corpus.Lang) *keyboard {
	label := bots.TextsFor(lang).ReadMore
	rows := make([][]button, len(rs))
	for i, r := range rs {
		rows[i] = []button{b.announcedReadMore(r, fmt.Sprintf("%d. %s", i+1, label))}
	}
	return &keyboard{InlineKeyboard: rows}
}
