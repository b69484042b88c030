package slack

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/slack-go/slack"
)

// A refused token is asked about again after tokenPause, then after
// twice as long each time, up to maxTokenPause: a token that was revoked
// or mistyped stays refused until someone acts, and Slack is not to be
// hammered meanwhile.
const (
	tokenPause    = 30 * time.Second
	maxTokenPause = 15 * time.Minute
)

// refusals are Slack's answers to a token it does not take.
var refusals = []string{"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"}

// errNotConnected is the bot's health until it first reaches Slack.
var errNotConnected = errors.New("has not reached Slack yet")

// refusedError is Slack refusing one of the bot's tokens. It names the
// token and Slack's reason, never the token itself.
type refusedError struct {
	token  string // "token" (the bot token) or "app-level token"
	reason string // Slack's error code, or the HTTP status
	err    error
}

func (e *refusedError) Error() string { return e.token + " refused (" + e.reason + ")" }

func (e *refusedError) Unwrap() error { return e.err }

// refused returns err as a refusal of token, or nil if err is another
// failure.
func refused(token string, err error) *refusedError {
	var (
		slackErr slack.SlackErrorResponse
		status   slack.StatusCodeError
	)
	switch {
	case errors.As(err, &slackErr) && slices.Contains(refusals, slackErr.Err):
		return &refusedError{token: token, reason: slackErr.Err, err: err}
	case errors.As(err, &status) && status.Code == http.StatusUnauthorized:
		return &refusedError{token: token, reason: fmt.Sprintf("HTTP %d", status.Code), err: err}
	}
	return nil
}

// Health is nil when the bot has reached Slack with tokens it takes, else
// why not, for /readyz: "token refused (token_revoked)", or "deliveries
// paused (app_uninstalled): token refused (account_inactive)" after the
// app was uninstalled.
func (b *Bot) Health() error {
	b.healthMu.Lock()
	defer b.healthMu.Unlock()
	if b.pausedFor != "" {
		return &pausedError{event: b.pausedFor, err: b.health}
	}
	return b.health
}

func (b *Bot) setHealth(err error) {
	b.healthMu.Lock()
	defer b.healthMu.Unlock()
	b.health = err
}

// noticeRefusal asks Run to check the bot token with Slack when a call
// failed for it: a token can be revoked while the bot runs.
func (b *Bot) noticeRefusal(err error) {
	if refused("token", err) == nil {
		return
	}
	b.askRecheck()
}

// askRecheck asks Run to check the bot token with Slack.
func (b *Bot) askRecheck() {
	select {
	case b.recheck <- struct{}{}:
	default: // a check is asked for already
	}
}

// checkToken asks Slack whether it still takes the bot token, and
// returns a *refusedError if it does not. A call that fails for another
// reason says nothing about the token: the next refusal asks again.
func (b *Bot) checkToken(ctx context.Context) error {
	_, err := b.api.AuthTestContext(ctx)
	if refusal := refused("token", err); refusal != nil {
		return refusal
	}
	if err != nil {
		b.logger.Warn("slack: cannot check the token", "error", err)
	}
	return nil
}
