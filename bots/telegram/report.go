package telegram

import (
	"context"
	"strconv"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// Notify sends plain text to a chat, by id or @channel name: the
// delivery reports to ISABOT_REPORT_CHAT.
func (b *Bot) Notify(ctx context.Context, chat, text string) error {
	var id any = chat
	if n, err := strconv.ParseInt(chat, 10, 64); err == nil {
		id = n
	}
	_, err := b.api.SendMessage(ctx, &bot.SendMessageParams{
		ChatID: id, Text: text,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
	})
	return err
}
