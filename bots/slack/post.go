package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/slack-go/slack"
)

// poster calls Slack and retries what is worth retrying: a rate limit
// after the time Slack asks for (Retry-After), a network error or a 5xx
// with backoff. A Slack error such as channel_not_found is final.
type poster struct {
	api         *slack.Client
	client      *http.Client
	logger      *slog.Logger
	onRateLimit func()
}

const maxAttempts = 5

func retry(ctx context.Context, p poster, what string, call func(context.Context) error) error {
	backoff := 500 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := call(ctx)
		if err == nil || attempt == maxAttempts || !retryable(err) {
			if err != nil {
				return fmt.Errorf("slack %s: %w", what, err)
			}
			return nil
		}
		wait := backoff
		var limited *slack.RateLimitedError
		if errors.As(err, &limited) {
			wait = max(limited.RetryAfter, time.Second)
			if p.onRateLimit != nil {
				p.onRateLimit()
			}
		} else {
			backoff = min(2*backoff, 30*time.Second)
		}
		p.logger.Warn("slack: call failed, retrying", "call", what, "attempt", attempt, "in", wait, "error", err)
		select {
		case <-ctx.Done():
			return fmt.Errorf("slack %s: %w (after %v)", what, ctx.Err(), err)
		case <-time.After(wait):
		}
	}
}

// retryable tells passing failures (rate limits, 5xx, the network) from
// final ones (Slack's own error answers).
func retryable(err error) bool {
	var limited *slack.RateLimitedError
	var status slack.StatusCodeError
	var netErr net.Error
	switch {
	case errors.As(err, &limited):
		return true
	case errors.As(err, &status):
		return status.Code >= 500 || status.Code == http.StatusTooManyRequests
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	case errors.As(err, &netErr):
		return true
	}
	return false
}

func (p poster) postMessage(ctx context.Context, channel string, opts ...slack.MsgOption) error {
	return retry(ctx, p, "chat.postMessage", func(ctx context.Context) error {
		_, _, err := p.api.PostMessageContext(ctx, channel, opts...)
		return err
	})
}

// respond posts to a slash command's or an action's response_url.
func (p poster) respond(ctx context.Context, url string, msg *slack.WebhookMessage) error {
	if url == "" {
		return errors.New("no response_url")
	}
	return retry(ctx, p, "response_url", func(ctx context.Context) error {
		return slack.PostWebhookCustomHTTPContext(ctx, url, p.client, msg)
	})
}

func (p poster) publishHome(ctx context.Context, user string, blocks []slack.Block) error {
	return retry(ctx, p, "views.publish", func(ctx context.Context) error {
		_, err := p.api.PublishViewContext(ctx, slack.PublishViewContextRequest{
			UserID: user,
			View:   slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}},
		})
		return err
	})
}
