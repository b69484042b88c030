package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// Telegram's limits for bots: 30 messages a second in all, one a second
// to a chat, 20 a minute to a group or channel.
var telegramLimits = push.Limits{PerSecond: 30, PerChat: time.Second, PerGroupMinute: 20}

// Platform names Telegram for the pusher.
func (b *Bot) Platform() string { return platform }

// Limits are Telegram's rate limits, or the configured ones.
func (b *Bot) Limits() push.Limits {
	if b.cfg.Limits != nil {
		return *b.cfg.Limits
	}
	return telegramLimits
}

// Group reports whether chat is a group or channel: their ids are
// negative.
func (b *Bot) Group(chat string) bool { return strings.HasPrefix(chat, "-") }

// Send announces a release to a chat, in the chat's language, with a
// button that shows the whole release.
func (b *Bot) Send(ctx context.Context, chat string, r *corpus.Release) (string, error) {
	id, err := strconv.ParseInt(chat, 10, 64)
	if err != nil {
		return "", fmt.Errorf("telegram chat %q: %w", chat, push.ErrGone)
	}
	lang := b.chatLang(chat, r)
	m, err := b.api.SendMessage(ctx, &bot.SendMessageParams{
		ChatID:             id,
		Text:               announcementHTML(r, lang),
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
		ReplyMarkup:        b.announcementKeyboard(r, lang),
	})
	if err != nil {
		return "", pushError(err)
	}
	return strconv.Itoa(m.ID), nil
}

// chatLang is the language a chat is told of r in: the one it chose,
// else r's.
func (b *Bot) chatLang(chat string, r *corpus.Release) corpus.Lang {
	if l, ok := b.state.ChatLang(platform, chat); ok {
		return l
	}
	return r.Lang
}

// announcementKeyboard is the button under an announcement that shows
// the whole release.
func (b *Bot) announcementKeyboard(r *corpus.Release, lang corpus.Lang) *keyboard {
	return &keyboard{InlineKeyboard: [][]button{{b.announcedReadMore(r, bots.TextsFor(lang).ReadMore)}}}
}

// announcedReadMore is an announcement's Read more: the release's web
// page where there is one, else the release shown in the chat.
func (b *Bot) announcedReadMore(r *corpus.Release, label string) button {
	if b.cfg.Permalink != nil {
		return button{Text: label, URL: b.cfg.Permalink(r.ID)}
	}
	return b.readMoreButton(r, label)
}

// pushError tells the pusher what a Bot API error means for a delivery.
func pushError(err error) error {
	var (
		tooMany *bot.TooManyRequestsError
		migrate *bot.MigrateError
	)
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tooMany):
		return &push.RetryAfterError{After: time.Duration(max(tooMany.RetryAfter, 1)) * time.Second}
	case errors.As(err, &migrate):
		return &push.MovedError{To: strconv.Itoa(migrate.MigrateToChatID)}
	case errors.Is(err, bot.ErrorForbidden), errors.Is(err, bot.ErrorBadRequest) && goneChat(err):
		return fmt.Errorf("%w: %w", push.ErrGone, err)
	}
	return err
}

// goneChat recognises the bad requests that mean the chat is no more.
func goneChat(err error) bool {
	msg := strings.ToLower(err.Error())
	for _, s := range []string{"chat not found", "bot was kicked", "bot is not a member", "have no rights to send", "not enough rights", "user is deactivated", "peer_id_invalid"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// announcementHTML is a new release's announcement: title, dateline, the
// start of the text and the link.
func announcementHTML(r *corpus.Release, lang corpus.Lang) string {
	t := bots.TextsFor(lang)
	var b strings.Builder
	fmt.Fprintf(&b, "📰 <i>%s</i>\n<b>%s</b>\n%s", escape(t.NewRelease), escape(r.Title),
		escape(bots.Dateline(r, lang)))
	if s := bots.Summary(r); s != "" {
		b.WriteString("\n\n" + escape(s))
	}
	if r.URL != "" {
		fmt.Fprintf(&b, "\n\n<a href=\"%s\">%s</a>", escape(r.URL), escape(r.URL))
	}
	return b.String()
}

// onSubscribe handles /subscribe and /unsubscribe: in a private chat for
// the chat; in a group only by its admins; "/subscribe @channel" by an
// admin of the channel, once the bot is an admin there too.
func (b *Bot) onSubscribe(ctx context.Context, c conversation, args string, subscribe bool) {
	t := bots.TextsFor(b.lang(c, ""))
	reply := func(format string, name string) { b.send(ctx, c, []string{echo(format, name)}, nil) }
	chat, name, _, ok := b.managed(ctx, c, args, t)
	if !ok {
		return
	}
	if subscribe {
		added, err := b.state.Subscribe(store.Subscription{Platform: platform, Chat: chat, Title: name})
		switch {
		case err != nil:
			b.logger.Error("telegram: cannot subscribe", "chat", chat, "error", err)
		case added:
			reply(t.Subscribed, name)
		default:
			reply(t.AlreadySubscribed, name)
		}
		return
	}
	removed, err := b.state.Unsubscribe(platform, chat)
	switch {
	case err != nil:
		b.logger.Error("telegram: cannot unsubscribe", "chat", chat, "error", err)
	case removed:
		reply(t.Unsubscribed, name)
	default:
		reply(t.NotSubscribed, name)
	}
}

// managed finds the chat a command manages: "@channel" at the start of
// args, which the user must administer, else the conversation's chat,
// which in a group only its admins may manage. It returns the rest of
// args; ok is false when the user may not, and has been told.
func (b *Bot) managed(ctx context.Context, c conversation, args string, t bots.Texts) (chat, name, rest string, ok bool) {
	target, name := c.chat.ID, chatName(c.chat)
	rest = strings.TrimSpace(args)
	if channel, after, _ := strings.Cut(rest, " "); strings.HasPrefix(channel, "@") {
		id, ok := b.checkChannel(ctx, c, channel, t)
		if !ok {
			return "", "", "", false
		}
		target, name, rest = id, channel, strings.TrimSpace(after)
	} else if c.chat.Type != models.ChatTypePrivate && !c.asChat && (c.from == nil || !b.isAdmin(ctx, c.chat.ID, c.from.ID)) {
		b.send(ctx, c, []string{escape(t.AdminsOnly)}, nil)
		return "", "", "", false
	}
	return strconv.FormatInt(target, 10), name, rest, true
}

// onMembership ends the subscription of a chat that removed the bot,
// before an announcement would find out.
func (b *Bot) onMembership(ctx context.Context, m *models.ChatMemberUpdated) {
	switch m.NewChatMember.Type {
	case models.ChatMemberTypeLeft, models.ChatMemberTypeBanned:
		chat := strconv.FormatInt(m.Chat.ID, 10)
		if removed, err := b.state.Unsubscribe(platform, chat); err != nil {
			b.logger.Error("telegram: cannot unsubscribe a chat that removed the bot", "chat", chat, "error", err)
		} else if removed {
			b.logger.Info("telegram: the bot was removed from a chat; unsubscribed", "chat", chat)
		}
	}
}

// checkChannel resolves @channel and checks that the bot may post there
// and that the user is one of its admins.
func (b *Bot) checkChannel(ctx context.Context, c conversation, channel string, t bots.Texts) (int64, bool) {
	info, err := b.api.GetChat(ctx, &bot.GetChatParams{ChatID: channel})
	if err != nil {
		b.logger.Warn("telegram: cannot find a channel", "channel", channel, "error", err)
		b.send(ctx, c, []string{echo(t.BotNotChannelAdmin, channel)}, nil)
		return 0, false
	}
	if !b.isAdmin(ctx, info.ID, b.me.Load().ID) {
		b.send(ctx, c, []string{echo(t.BotNotChannelAdmin, channel)}, nil)
		return 0, false
	}
	if c.from == nil || !b.isAdmin(ctx, info.ID, c.from.ID) {
		b.send(ctx, c, []string{echo(t.ChannelAdminsOnly, channel)}, nil)
		return 0, false
	}
	return info.ID, true
}

// isAdmin asks Telegram whether user is an admin or the owner of chat.
func (b *Bot) isAdmin(ctx context.Context, chat, user int64) bool {
	m, err := bots.Do(ctx, b.sender.retry, "getChatMember", func(ctx context.Context) (*models.ChatMember, error) {
		return b.api.GetChatMember(ctx, &bot.GetChatMemberParams{ChatID: chat, UserID: user})
	})
	if err != nil {
		b.logger.Warn("telegram: cannot check a member", "chat", chat, "error", err)
		return false
	}
	return m.Type == models.ChatMemberTypeOwner || m.Type == models.ChatMemberTypeAdministrator
}

func chatName(c models.Chat) string {
	switch {
	case c.Title != "":
		return c.Title
	case c.Username != "":
		return "@" + c.Username
	case c.FirstName != "":
		return c.FirstName
	}
	return strconv.FormatInt(c.ID, 10)
}

// subscribeConfigured subscribes the channels named in the configuration
// (TELEGRAM_CHANNELS: @name or id); one that cannot be found is logged.
func (b *Bot) subscribeConfigured(ctx context.Context) {
	for _, ch := range b.cfg.Channels {
		id, title := ch, ch
		if strings.HasPrefix(ch, "@") {
			info, err := bots.Do(ctx, b.sender.retry, "getChat", func(ctx context.Context) (*models.ChatFullInfo, error) {
				return b.api.GetChat(ctx, &bot.GetChatParams{ChatID: ch})
			})
			if err != nil {
				b.logger.Warn("telegram: a configured channel cannot be found", "channel", ch, "error", err)
				continue
			}
			id = strconv.FormatInt(info.ID, 10)
		}
		if _, err := strconv.ParseInt(id, 10, 64); err != nil {
			b.logger.Warn("telegram: a configured channel is neither @name nor id", "channel", ch)
			continue
		}
		if _, err := b.state.Subscribe(store.Subscription{Platform: platform, Chat: id, Title: title}); err != nil {
			b.logger.Error("telegram: cannot subscribe a configured channel", "channel", ch, "error", err)
		}
	}
}
