package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/corpus"
)

// Correct edits an announcement to the corrected release, marked as
// corrected; where Telegram no longer lets the message be edited, or the
// message is a digest that listed the release, it replies to it with the
// correction and the release's title.
func (b *Bot) Correct(ctx context.Context, c push.Correction) (string, error) {
	chat, err := strconv.ParseInt(c.Chat, 10, 64)
	if err != nil {
		return "", fmt.Errorf("telegram chat %q: %w", c.Chat, push.ErrGone)
	}
	message, err := strconv.Atoi(c.Message)
	if err != nil {
		return "", fmt.Errorf("telegram message %q: %w", c.Message, err)
	}
	lang := b.chatLang(c.Chat, c.Release)
	line := "✏️ <i>" + escape(bots.CorrectedLine(c.Note, c.At, lang)) + "</i>"
	if !c.Digest {
		done, err := b.editAnnouncement(ctx, chat, message, c, lang, line)
		if done || err != nil {
			return "", err
		}
	}
	reply, err := b.api.SendMessage(ctx, &bot.SendMessageParams{
		ChatID:             chat,
		Text:               line + "\n<b>" + escape(c.Release.Title) + "</b>",
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
		ReplyParameters:    &models.ReplyParameters{MessageID: message, AllowSendingWithoutReply: true},
		ReplyMarkup:        b.announcementKeyboard(c.Release, lang),
	})
	if err != nil {
		return "", pushError(err)
	}
	return strconv.Itoa(reply.ID), nil
}

// editAnnouncement edits the announcement message to the corrected
// release with line under it; done is false when Telegram no longer lets
// it be edited, and a reply must do.
func (b *Bot) editAnnouncement(ctx context.Context, chat int64, message int, c push.Correction, lang corpus.Lang, line string) (done bool, err error) {
	_, err = b.api.EditMessageText(ctx, &bot.EditMessageTextParams{
		ChatID:             chat,
		MessageID:          message,
		Text:               announcementHTML(c.Release, lang) + "\n\n" + line,
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
		ReplyMarkup:        b.announcementKeyboard(c.Release, lang),
	})
	switch {
	case err == nil || refusedAs(err, "message is not modified"):
		return true, nil // or a correction repeated after a crash
	case !refusedAs(err, uneditable...):
		return false, pushError(err)
	}
	return false, nil
}

// uneditable are the bad requests that mean a message can no longer be
// edited (too old, or deleted): then a correction is a reply.
var uneditable = []string{"message can't be edited", "message to edit not found"}

// refusedAs reports whether err is a bad request saying one of reasons.
func refusedAs(err error, reasons ...string) bool {
	if !errors.Is(err, bot.ErrorBadRequest) {
		return false
	}
	msg := strings.ToLower(err.Error())
	for _, r := range reasons {
		if strings.Contains(msg, r) {
			return true
		}
	}
	return false
}
