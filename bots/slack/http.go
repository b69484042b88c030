package slack

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// maxRequestBody bounds what a Slack request may carry.
const maxRequestBody = 1 << 20

// maxRequestAge is how old a signed request may be before it counts as a
// replay, as Slack advises.
const maxRequestAge = 5 * time.Minute

// Signature errors.
var (
	errUnsigned     = errors.New("request is not signed")
	errStale        = errors.New("request timestamp is too old or in the future")
	errBadSignature = errors.New("signature does not match")
)

// verifySignature checks Slack's request signature: X-Slack-Signature is
// "v0=" and the hex HMAC-SHA256, keyed with the signing secret, of
// "v0:" + X-Slack-Request-Timestamp + ":" + the raw body. The comparison
// takes constant time.
func verifySignature(header http.Header, body []byte, secret string, now time.Time) error {
	ts, sig := header.Get("X-Slack-Request-Timestamp"), header.Get("X-Slack-Signature")
	if ts == "" || sig == "" {
		return errUnsigned
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errUnsigned
	}
	if age := now.Sub(time.Unix(sec, 0)); age > maxRequestAge || age < -maxRequestAge {
		return errStale
	}
	got, err := hex.DecodeString(strings.TrimPrefix(sig, "v0="))
	if err != nil || !strings.HasPrefix(sig, "v0=") {
		return errBadSignature
	}
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:", ts)
	mac.Write(body)
	if !hmac.Equal(got, mac.Sum(nil)) {
		return errBadSignature
	}
	return nil
}

// verified reads a request's body and checks its signature before
// anything else looks at it; a request that fails gets 401 and nil.
func (b *Bot) verified(w http.ResponseWriter, r *http.Request) []byte {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return nil
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBody))
	if err != nil {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return nil
	}
	if err := verifySignature(r.Header, body, b.cfg.SigningSecret, b.now()); err != nil {
		b.logger.Warn("slack: refused an unverified request", "path", r.URL.Path, "error", err)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return nil
	}
	return body
}

// EventsHandler serves POST /slack/events: the URL check and the events
// Slack sends. Events are answered in the background after a quick 200;
// a retry or copy of an event already handled is acknowledged and
// dropped.
func (b *Bot) EventsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := b.verified(w, r)
		if body == nil {
			return
		}
		event, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
		if err != nil {
			b.logger.Warn("slack: malformed event", "error", err)
			http.Error(w, "malformed event", http.StatusBadRequest)
			return
		}
		switch event.Type {
		case slackevents.URLVerification:
			var challenge slackevents.ChallengeResponse
			if err := json.Unmarshal(body, &challenge); err != nil {
				http.Error(w, "malformed challenge", http.StatusBadRequest)
				return
			}
			w.Header().Set("Content-Type", "text/plain")
			io.WriteString(w, challenge.Challenge)
		case slackevents.CallbackEvent:
			// A retry is acknowledged like the first delivery, so that
			// Slack stops sending it, and answered only if that was not.
			w.WriteHeader(http.StatusOK)
			num, _ := strconv.Atoi(r.Header.Get("X-Slack-Retry-Num"))
			b.dispatchEvent(r.Context(), event, retry{num: num, reason: r.Header.Get("X-Slack-Retry-Reason")})
		default:
			w.WriteHeader(http.StatusOK)
		}
	})
}

// CommandsHandler serves POST /slack/commands, the /isa slash command: it
// acknowledges at once, well within Slack's three seconds, and sends the
// answer to the command's response_url. A copy of a command answered
// before (its trigger_id) is acknowledged and not answered again.
func (b *Bot) CommandsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := b.verified(w, r)
		if body == nil {
			return
		}
		// Slack checks the certificate of a command's URL with a POST of
		// ssl_check=1, to be answered 200 and nothing else.
		if form, err := url.ParseQuery(string(body)); err == nil && form.Get("ssl_check") == "1" {
			w.WriteHeader(http.StatusOK)
			return
		}
		// SlashCommandParse reads the body, which verification consumed.
		r.Body = io.NopCloser(bytes.NewReader(body))
		cmd, err := slack.SlashCommandParse(r)
		if err != nil || cmd.ResponseURL == "" {
			b.logger.Warn("slack: malformed slash command", "error", err)
			http.Error(w, "malformed command", http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusOK)
		b.background(r.Context(), func(ctx context.Context) { b.onCommand(ctx, cmd) })
	})
}

// InteractivityHandler serves POST /slack/interactivity: button presses,
// each answered once, as commands are.
func (b *Bot) InteractivityHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := b.verified(w, r)
		if body == nil {
			return
		}
		form, err := url.ParseQuery(string(body))
		var cb slack.InteractionCallback
		if err == nil {
			err = json.Unmarshal([]byte(form.Get("payload")), &cb)
		}
		if err != nil {
			b.logger.Warn("slack: malformed interaction", "error", err)
			http.Error(w, "malformed payload", http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusOK)
		b.background(r.Context(), func(ctx context.Context) { b.onInteraction(ctx, cb) })
	})
}
