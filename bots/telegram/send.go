package telegram

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots"
)

// sender calls the Bot API and retries what is worth retrying: a 429 after
// the time Telegram asks for, a network error or a 5xx with backoff. A 400
// or 403 is final: the request or the chat is wrong.
type sender struct {
	api   *bot.Bot
	retry bots.Retry
}

func newSender(api *bot.Bot, logger *slog.Logger, onRateLimit func()) sender {
	return sender{api: api, retry: bots.Retry{Platform: platform, Logger: logger, Classify: classify, OnRateLimit: onRateLimit}}
}

// classify tells passing failures from final ones, and how long a 429
// asks to wait.
func classify(err error) (bool, time.Duration) {
	var tooMany *bot.TooManyRequestsError
	var migrate *bot.MigrateError
	switch {
	case errors.As(err, &tooMany):
		return true, time.Duration(max(tooMany.RetryAfter, 1)) * time.Second
	case errors.As(err, &migrate), errors.Is(err, bot.ErrorBadRequest), errors.Is(err, bot.ErrorForbidden),
		errors.Is(err, bot.ErrorUnauthorized), errors.Is(err, bot.ErrorNotFound), errors.Is(err, bot.ErrorConflict),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false, 0
	}
	return true, 0 // network errors and 5xx
}

func (s sender) sendMessage(ctx context.Context, p *bot.SendMessageParams) (*models.Message, error) {
	return bots.Do(ctx, s.retry, "sendMessage", func(ctx context.Context) (*models.Message, error) { return s.api.SendMessage(ctx, p) })
}

func (s sender) editMessageText(ctx context.Context, p *bot.EditMessageTextParams) (*models.Message, error) {
	return bots.Do(ctx, s.retry, "editMessageText", func(ctx context.Context) (*models.Message, error) { return s.api.EditMessageText(ctx, p) })
}

func (s sender) answerCallbackQuery(ctx context.Context, p *bot.AnswerCallbackQueryParams) error {
	_, err := bots.Do(ctx, s.retry, "answerCallbackQuery", func(ctx context.Context) (bool, error) { return s.api.AnswerCallbackQuery(ctx, p) })
	return err
}

func (s sender) answerInlineQuery(ctx context.Context, p *bot.AnswerInlineQueryParams) error {
	_, err := bots.Do(ctx, s.retry, "answerInlineQuery", func(ctx context.Context) (bool, error) { return s.api.AnswerInlineQuery(ctx, p) })
	return err
}
