package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// The bot polls Telegram itself rather than through go-telegram/bot's
// Start, which confirms an update as soon as it enters the library's
// channel and drops that channel at shutdown: updates taken but not yet
// answered were lost.

// workers is how many updates of a batch are answered at once.
const workers = 4

// poll takes updates from Telegram by long polling and answers them, a
// batch at a time, until ctx ends. Telegram forgets an update only when
// a getUpdates offset passes it, and the next getUpdates goes out only
// once the batch before is answered, so no update taken is lost: at
// shutdown the batch in progress is answered within the drain grace, and
// what is left, or was cut off, is not confirmed and comes again after
// the restart (and what was answered but not confirmed is claimed in the
// state, and not answered twice).
func (b *Bot) poll(ctx context.Context) {
	var offset int64 // 0: from the oldest update not confirmed
	var wait backoff
	failed := false
	for ctx.Err() == nil {
		// After a failure a short poll tells at once that Telegram
		// answers again.
		timeout := b.cfg.PollTimeout
		if failed {
			timeout = 0
		}
		batch, err := b.getUpdates(ctx, offset, timeout)
		if err != nil {
			if ctx.Err() == nil {
				failed = true
				b.retry(ctx, "getUpdates", err, &wait)
			}
			continue
		}
		failed, wait = false, backoff{}
		if b.setHealth(nil) != nil {
			b.logger.Info("telegram: receiving updates again")
		}
		if len(batch) > 0 {
			b.answerBatch(batch)
			offset = updateID(batch[len(batch)-1]) + 1
		}
	}
}

// answerBatch answers updates, up to workers at a time, in order. After
// the drain grace it starts no more: those left come again after the
// restart, as they are not confirmed.
func (b *Bot) answerBatch(batch []json.RawMessage) {
	next := make(chan *models.Update)
	var wg sync.WaitGroup
	for range min(workers, len(batch)) {
		wg.Go(func() {
			for u := range next {
				b.handle(u)
			}
		})
	}
	defer wg.Wait()
	defer close(next)
	for i, raw := range batch {
		u := new(models.Update)
		if err := json.Unmarshal(raw, u); err != nil {
			b.logger.Warn("telegram: an update that cannot be read is skipped", "update_id", updateID(raw), "error", err)
			continue
		}
		select {
		case next <- u:
		case <-b.drain.Done():
			b.logger.Warn("telegram: shutdown's grace is over; the updates left are answered after the restart", "left", len(batch)-i)
			return
		}
	}
}

// updateID reads an update's id, 0 if it has none.
func updateID(raw json.RawMessage) int64 {
	var u struct {
		ID int64 `json:"update_id"`
	}
	_ = json.Unmarshal(raw, &u)
	return u.ID
}

// getUpdatesParams are getUpdates' parameters.
type getUpdatesParams struct {
	Offset         int64    `json:"offset,omitempty"`
	Timeout        int      `json:"timeout"`
	AllowedUpdates []string `json:"allowed_updates"`
}

// getUpdates asks Telegram for the updates from offset on (0: from the
// oldest one not confirmed), waiting up to timeout for one to come. Each
// update is returned as sent, to be read on its own.
func (b *Bot) getUpdates(ctx context.Context, offset int64, timeout time.Duration) ([]json.RawMessage, error) {
	body, err := json.Marshal(getUpdatesParams{
		Offset:         offset,
		Timeout:        int(timeout / time.Second),
		AllowedUpdates: allowedUpdates(),
	})
	if err != nil {
		return nil, fmt.Errorf("telegram getUpdates: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, b.cfg.APIURL+"/bot"+b.cfg.Token+"/getUpdates", bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("telegram getUpdates: %w", b.redact(err))
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := b.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("telegram getUpdates: %w", b.redact(err))
	}
	defer resp.Body.Close()
	var answer struct {
		OK          bool              `json:"ok"`
		Result      []json.RawMessage `json:"result"`
		ErrorCode   int               `json:"error_code"`
		Description string            `json:"description"`
		Parameters  struct {
			RetryAfter int `json:"retry_after"`
		} `json:"parameters"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
		return nil, fmt.Errorf("telegram getUpdates: %s: %w", resp.Status, err)
	}
	if !answer.OK {
		return nil, fmt.Errorf("telegram getUpdates: %w", apiError(answer.ErrorCode, answer.Description, answer.Parameters.RetryAfter))
	}
	return answer.Result, nil
}

// redact takes the token out of a transport error, which names the URL.
func (b *Bot) redact(err error) error {
	var u *url.Error
	if errors.As(err, &u) {
		u.URL = strings.ReplaceAll(u.URL, b.cfg.Token, "<token>")
	}
	return err
}

// apiError is an unsuccessful answer as the error go-telegram/bot gives
// for its own methods, so that the same checks read both.
func apiError(code int, description string, retryAfter int) error {
	var kind error
	switch code {
	case http.StatusTooManyRequests:
		return &bot.TooManyRequestsError{Message: fmt.Sprintf("%s, %s", bot.ErrorTooManyRequests, description), RetryAfter: retryAfter}
	case http.StatusBadRequest:
		kind = bot.ErrorBadRequest
	case http.StatusUnauthorized:
		kind = bot.ErrorUnauthorized
	case http.StatusForbidden:
		kind = bot.ErrorForbidden
	case http.StatusNotFound:
		kind = bot.ErrorNotFound
	case http.StatusConflict:
		kind = bot.ErrorConflict
	default:
		return fmt.Errorf("error response from telegram, %d %s", code, description)
	}
	return fmt.Errorf("%w, %s", kind, description)
}
