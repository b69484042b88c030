package slack

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/slack-go/slack"

	"github.com/isa-alliance/isabot/bots"
)

// poster calls Slack and retries what is worth retrying: a rate limit
// after the time Slack asks for (Retry-After), a network error or a 5xx
// with backoff. A Slack error such as channel_not_found is final.
type poster struct {
	api    *slack.Client
	client *http.Client
	retry  bots.Retry
	// failed is told of every call that failed for good.
	failed func(error)
}

func newPoster(api *slack.Client, client *http.Client, logger *slog.Logger, onRateLimit func(), failed func(error)) poster {
	return poster{api: api, client: client, failed: failed,
		retry: bots.Retry{Platform: platform, Logger: logger, Classify: classify, OnRateLimit: onRateLimit}}
}

// classify tells passing failures (rate limits, 5xx, the network) from
// final ones (Slack's own error answers), and how long a rate limit asks
// to wait.
func classify(err error) (bool, time.Duration) {
	var limited *slack.RateLimitedError
	var status slack.StatusCodeError
	var netErr net.Error
	switch {
	case errors.As(err, &limited):
		return true, max(limited.RetryAfter, time.Second)
	case errors.As(err, &status):
		return status.Code >= 500 || status.Code == http.StatusTooManyRequests, 0
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false, 0
	case errors.As(err, &netErr):
		return true, 0
	}
	return false, 0
}

// do runs call with retries.
func (p poster) do(ctx context.Context, what string, call func(context.Context) error) error {
	_, err := bots.Do(ctx, p.retry, what, func(ctx context.Context) (struct{}, error) { return struct{}{}, call(ctx) })
	if err != nil {
		p.failed(err)
	}
	return err
}

// postMessage posts a message and returns its timestamp.
func (p poster) postMessage(ctx context.Context, channel string, opts ...slack.MsgOption) (string, error) {
	var ts string
	err := p.do(ctx, "chat.postMessage", func(ctx context.Context) error {
		var err error
		_, ts, err = p.api.PostMessageContext(ctx, channel, opts...)
		return err
	})
	return ts, err
}

func (p poster) postEphemeral(ctx context.Context, channel, user string, opts ...slack.MsgOption) error {
	return p.do(ctx, "chat.postEphemeral", func(ctx context.Context) error {
		_, err := p.api.PostEphemeralContext(ctx, channel, user, opts...)
		return err
	})
}

func (p poster) updateMessage(ctx context.Context, channel, ts string, opts ...slack.MsgOption) error {
	return p.do(ctx, "chat.update", func(ctx context.Context) error {
		_, _, _, err := p.api.UpdateMessageContext(ctx, channel, ts, opts...)
		return err
	})
}

// openView opens a modal; a trigger id is good for one view only, so a
// retry after a network error may be refused as expired.
func (p poster) openView(ctx context.Context, triggerID string, view slack.ModalViewRequest) error {
	return p.do(ctx, "views.open", func(ctx context.Context) error {
		_, err := p.api.OpenViewContext(ctx, triggerID, view)
		return err
	})
}

// respond posts to a slash command's or an action's response_url. One
// that is no http(s) URL fails at once: retried, it would fail alike.
func (p poster) respond(ctx context.Context, responseURL string, msg *slack.WebhookMessage) error {
	if responseURL == "" {
		return errors.New("no response_url")
	}
	if u, err := url.Parse(responseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("the response_url is no http(s) URL")
	}
	return p.do(ctx, "response_url", func(ctx context.Context) error {
		return slack.PostWebhookCustomHTTPContext(ctx, responseURL, p.client, msg)
	})
}

func (p poster) publishHome(ctx context.Context, user string, blocks []slack.Block) error {
	return p.do(ctx, "views.publish", func(ctx context.Context) error {
		_, err := p.api.PublishViewContext(ctx, slack.PublishViewContextRequest{
			UserID: user,
			View:   slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}},
		})
		return err
	})
}
