package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// sender calls the Bot API and retries what is worth retrying: a 429 after
// the time Telegram asks for, a network error or a 5xx with backoff. A 400
// or 403 is final: the request or the chat is wrong.
type sender struct {
	api         *bot.Bot
	logger      *slog.Logger
	onRateLimit func()
}

// maxAttempts bounds the retries of one call.
const maxAttempts = 5

// retry runs call until it succeeds, fails for good, or ctx ends.
func retry[T any](ctx context.Context, s sender, what string, call func(context.Context) (T, error)) (T, error) {
	backoff := 500 * time.Millisecond
	for attempt := 1; ; attempt++ {
		result, err := call(ctx)
		if err == nil || attempt == maxAttempts || !retryable(err) {
			if err != nil {
				err = fmt.Errorf("telegram %s: %w", what, err)
			}
			return result, err
		}
		wait := backoff
		var tooMany *bot.TooManyRequestsError
		if errors.As(err, &tooMany) {
			wait = time.Duration(max(tooMany.RetryAfter, 1)) * time.Second
			if s.onRateLimit != nil {
				s.onRateLimit()
			}
		} else {
			backoff = min(2*backoff, 30*time.Second)
		}
		s.logger.Warn("telegram: call failed, retrying", "call", what, "attempt", attempt, "in", wait, "error", err)
		select {
		case <-ctx.Done():
			var zero T
			return zero, fmt.Errorf("telegram %s: %w (after %v)", what, ctx.Err(), err)
		case <-time.After(wait):
		}
	}
}

// retryable tells passing failures from final ones.
func retryable(err error) bool {
	var tooMany *bot.TooManyRequestsError
	var migrate *bot.MigrateError
	switch {
	case errors.As(err, &tooMany):
		return true
	case errors.As(err, &migrate), errors.Is(err, bot.ErrorBadRequest), errors.Is(err, bot.ErrorForbidden),
		errors.Is(err, bot.ErrorUnauthorized), errors.Is(err, bot.ErrorNotFound), errors.Is(err, bot.ErrorConflict),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	}
	return true // network errors and 5xx
}

func (s sender) sendMessage(ctx context.Context, p *bot.SendMessageParams) (*models.Message, error) {
	return retry(ctx, s, "sendMessage", func(ctx context.Context) (*models.Message, error) { return s.api.SendMessage(ctx, p) })
}

func (s sender) editMessageText(ctx context.Context, p *bot.EditMessageTextParams) (*models.Message, error) {
	return retry(ctx, s, "editMessageText", func(ctx context.Context) (*models.Message, error) { return s.api.EditMessageText(ctx, p) })
}

func (s sender) answerCallbackQuery(ctx context.Context, p *bot.AnswerCallbackQueryParams) error {
	_, err := retry(ctx, s, "answerCallbackQuery", func(ctx context.Context) (bool, error) { return s.api.AnswerCallbackQuery(ctx, p) })
	return err
}

func (s sender) answerInlineQuery(ctx context.Context, p *bot.AnswerInlineQueryParams) error {
	_, err := retry(ctx, s, "answerInlineQuery", func(ctx context.Context) (bool, error) { return s.api.AnswerInlineQuery(ctx, p) })
	return err
}
