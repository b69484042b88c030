package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/slack/slackfake"
	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
)

// slowAPI stands in front of a fake platform API. Once slowed, it answers
// the calls whose path contains one of its paths after a delay, as a
// platform under load does; other calls, and every call before, pass at
// once.
type slowAPI struct {
	url   string
	slow  atomic.Bool
	calls atomic.Int32 // slowed calls begun
}

func newSlowAPI(t *testing.T, target string, delay time.Duration, paths ...string) *slowAPI {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(u)
	proxy.ErrorHandler = func(w http.ResponseWriter, _ *http.Request, _ error) { w.WriteHeader(http.StatusBadGateway) }
	a := &slowAPI{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a.slow.Load() && slices.ContainsFunc(paths, func(p string) bool { return strings.Contains(r.URL.Path, p) }) {
			a.calls.Add(1)
			// Read first: only then does the request's context tell
			// that the caller hung up.
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			select {
			case <-time.After(delay):
			case <-r.Context().Done(): // the caller gave up
				return
			}
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	a.url = srv.URL
	return a
}

func TestServeStopsWithinBudget(t *testing.T) {
	// Told to stop while the platform takes 5 s to answer a call in
	// progress, serve returns within its 2 s budget: the call is cut off
	// when the time is up, not waited for, wherever it was made.
	const (
		budget  = 2 * time.Second
		latency = 5 * time.Second
		token   = "4246:AAE-stop-test-token-0123456789"
		secret  = "stop-test-webhook-secret"
	)
	tests := []struct {
		name string
		// begin starts serve with env against a platform behind a slow
		// API, and gets a call to it under way.
		begin func(t *testing.T, env map[string]string) (*served, *slowAPI)
	}{
		{"telegram answer, long polling", func(t *testing.T, env map[string]string) (*served, *slowAPI) {
			tg := telegramtest.NewServer(t, token)
			api := newSlowAPI(t, tg.URL(), latency, "/sendMessage")
			env["TELEGRAM_BOT_TOKEN"], env["TELEGRAM_API_URL"] = token, api.url
			s := startReady(t, env)
			api.slow.Store(true)
			tg.SendText(models.Chat{ID: 31, Type: models.ChatTypePrivate}, models.User{ID: 31, FirstName: "Li"}, "Ist Köln Mitglied?")
			return s, api
		}},
		{"telegram answer, webhook", func(t *testing.T, env map[string]string) (*served, *slowAPI) {
			tg := telegramtest.NewServer(t, token)
			api := newSlowAPI(t, tg.URL(), latency, "/sendMessage")
			env["TELEGRAM_BOT_TOKEN"], env["TELEGRAM_API_URL"] = token, api.url
			env["TELEGRAM_WEBHOOK_URL"], env["TELEGRAM_WEBHOOK_SECRET"] = "https://isabot.example/telegram/webhook", secret
			s := startReady(t, env)
			api.slow.Store(true)
			u, _ := json.Marshal(models.Update{ID: 1, Message: &models.Message{ID: 1, Chat: models.Chat{ID: 32, Type: models.ChatTypePrivate}, From: &models.User{ID: 32}, Text: "Ist Köln Mitglied?"}})
			req, _ := http.NewRequest(http.MethodPost, s.base+"/telegram/webhook", strings.NewReader(string(u)))
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
			postInBackground(t, req)
			return s, api
		}},
		{"slack slash command", func(t *testing.T, env map[string]string) (*served, *slowAPI) {
			sl := slackfake.NewServer(t, slackBot, slackApp)
			api := newSlowAPI(t, sl.URL(), latency, "/response/")
			env["SLACK_BOT_TOKEN"], env["SLACK_API_URL"], env["SLACK_SIGNING_SECRET"] = slackBot, api.url+"/api/", secret
			s := startReady(t, env)
			api.slow.Store(true)
			responseURL := api.url + strings.TrimPrefix(sl.NewResponseURL(), sl.URL())
			body := slackfake.SlashCommand("/isa", "Ist Köln Mitglied?", "U1", "C1", responseURL).Encode()
			req, _ := http.NewRequest(http.MethodPost, s.base+"/slack/commands", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			slackfake.SignRequest(req, secret, []byte(body))
			resp, err := http.DefaultClient.Do(req)
			if err != nil || resp.StatusCode != http.StatusOK {
				t.Fatalf("slash command: %v %v", err, resp)
			}
			resp.Body.Close()
			return s, api
		}},
		{"announcement", func(t *testing.T, env map[string]string) (*served, *slowAPI) {
			tg := telegramtest.NewServer(t, token)
			api := newSlowAPI(t, tg.URL(), latency, "/sendMessage")
			env["TELEGRAM_BOT_TOKEN"], env["TELEGRAM_API_URL"], env["TELEGRAM_CHANNELS"] = token, api.url, "-5001"
			s := startReady(t, env)
			api.slow.Store(true)
			if _, stderr, err := run(t, "--data", s.dataDir, "publish", "testdata/releases/2026-11-24-testmeldung-wasserstoff.md"); err != nil {
				t.Fatalf("publish: %v %s", err, stderr)
			}
			return s, api
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, api := tt.begin(t, map[string]string{"ISABOT_SHUTDOWN_TIMEOUT": budget.String()})
			waitFor(t, "a slow call", func() bool { return api.calls.Load() > 0 })
			start := time.Now()
			if err := s.stop(); err != nil {
				t.Errorf("serve: %v", err)
			}
			// The budget is 2 s; anything short of the platform's answer
			// shows that serve did not wait for it.
			took := time.Since(start)
			t.Logf("stopped in %v", took)
			if took >= latency-time.Second {
				t.Errorf("serve took %v to stop with a budget of %v\n%s", took, budget, s.stderr.String())
			}
		})
	}
}

// startReady starts serve and waits until it is ready.
func startReady(t *testing.T, env map[string]string) *served {
	t.Helper()
	s := startServe(t, env)
	waitFor(t, "serve ready", func() bool { code, _ := s.get(t, "/readyz"); return code == http.StatusOK })
	return s
}

// postInBackground sends req and lets it wait for its answer; the test
// ends only after it has one, or an error.
func postInBackground(t *testing.T, req *http.Request) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	t.Cleanup(func() { <-done })
}
