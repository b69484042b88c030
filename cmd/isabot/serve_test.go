package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
)

// served is an isabot serve running in the test.
type served struct {
	base    string // http://127.0.0.1:port
	dataDir string
	stderr  *syncWriter
	stop    func() error // cancels and waits, at most 15 s
}

// startServe runs isabot serve with env on a free port and waits until
// its index is open, as /readyz says.
func startServe(t *testing.T, env map[string]string) *served {
	t.Helper()
	return startServeIn(t, t.TempDir(), env)
}

// startServeIn starts serve on the data directory dataDir, as startServe.
func startServeIn(t *testing.T, dataDir string, env map[string]string) *served {
	t.Helper()
	for k, v := range env {
		t.Setenv(k, v)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	// In the environment, so that the other commands of a test find it.
	t.Setenv("ISABOT_LISTEN", addr)
	s := &served{base: "http://" + addr, dataDir: dataDir, stderr: &syncWriter{}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, []string{"--data", s.dataDir, "--log-level", "debug", "serve"}, io.Discard, s.stderr)
	}()
	stopped := false
	s.stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop within 15 s")
			return nil
		}
	}
	t.Cleanup(func() { s.stop() })
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(s.base + "/readyz")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), "index: ok") {
				return s
			}
		}
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v\n%s", err, s.stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve never opened its index:\n%s", s.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *served) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(s.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestServeHTTPListener(t *testing.T) {
	s := startServe(t, nil)
	if !strings.Contains(s.stderr.String(), "no bot is configured") {
		t.Errorf("no warning that no bot starts:\n%s", s.stderr.String())
	}
	if code, body := s.get(t, "/readyz"); code != 200 || !strings.Contains(body, "index: ok") {
		t.Errorf("/readyz: %d %s", code, body)
	}
	code, body := s.get(t, "/api/ask?q="+url.QueryEscape("Ist Köln Mitglied?"))
	var answer struct {
		Language string `json:"language"`
		Answered bool   `json:"answered"`
		Answer   string `json:"answer"`
	}
	if json.Unmarshal([]byte(body), &answer); code != 200 || !answer.Answered || !strings.Contains(answer.Answer, "Köln") {
		t.Errorf("/api/ask: %d %s", code, body)
	}
	s.get(t, "/api/ask?q="+url.QueryEscape("Wer gewinnt die Bundesliga?"))

	// The metrics moved.
	_, metrics := s.get(t, "/metrics")
	for _, want := range []string{
		`isabot_questions_total{kind="membership",lang="de",outcome="answered",platform="api"} 1`,
		`isabot_questions_total{kind="none",lang="de",outcome="unanswered",platform="api"} 1`,
		`isabot_answer_seconds_count{platform="api"} 2`,
		"isabot_index_passages ",
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}

	// The unanswered question is logged, readable while serve runs.
	out, _, err := run(t, "--data", s.dataDir, "unanswered", "--json")
	if err != nil || !strings.Contains(out, `"question": "Wer gewinnt die Bundesliga?"`) || !strings.Contains(out, `"platforms": [`) {
		t.Errorf("isabot unanswered: %v\n%s", err, out)
	}
	if strings.Contains(out, "Köln") {
		t.Errorf("an answered question was logged as unanswered:\n%s", out)
	}

	// The subscribers and the outbox are for whoever may read the data
	// directory, not for anyone who reaches the listener, even from this
	// machine.
	for _, cmd := range []string{"subscribers", "deliveries"} {
		if code, _ := s.get(t, "/internal/"+cmd); code != http.StatusForbidden {
			t.Errorf("/internal/%s without the token: %d", cmd, code)
		}
		if out, _, err := run(t, "--data", s.dataDir, cmd, "--json"); err != nil || strings.TrimSpace(out) != "[]" {
			t.Errorf("isabot %s while serve runs: %v %q", cmd, err, out)
		}
	}

	// The container's health check asks the same listener.
	if _, stderr, err := run(t, "--data", s.dataDir, "--listen", strings.TrimPrefix(s.base, "http://"), "healthcheck"); err != nil {
		t.Errorf("healthcheck: %v %s", err, stderr)
	}
	if err := s.stop(); err != nil {
		t.Errorf("serve: %v", err)
	}
	if _, _, err := run(t, "--data", s.dataDir, "--listen", strings.TrimPrefix(s.base, "http://"), "healthcheck"); err == nil {
		t.Error("healthcheck passed with serve stopped")
	}
}

func TestServeTelegram(t *testing.T) {
	// isabot serve with a Telegram token answers on Telegram, here a fake
	// Bot API server, reports ready, and stops cleanly.
	const token = "4242:AAE-serve-test-token-0123456789"
	srv := telegramtest.NewServer(t, token)
	s := startServe(t, map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_URL": srv.URL()})
	chat := models.Chat{ID: 7, Type: models.ChatTypePrivate}
	srv.SendText(chat, models.User{ID: 7, FirstName: "Li"}, "科隆是成员吗？")
	srv.WaitCalls(t, "sendMessage", 1)
	if msgs := srv.Messages(7); len(msgs) != 1 || !strings.Contains(msgs[0].Plain, "科隆") {
		t.Errorf("messages: %+v", msgs)
	}
	if code, body := s.get(t, "/readyz"); code != 200 || !strings.Contains(body, "telegram: ok") {
		t.Errorf("/readyz: %d %s", code, body)
	}
	if _, metrics := s.get(t, "/metrics"); !strings.Contains(metrics, `platform="telegram"} 1`) {
		t.Errorf("no Telegram question counted")
	}
	if err := s.stop(); err != nil {
		t.Errorf("serve: %v", err)
	}
}

func TestServeShutdown(t *testing.T) {
	// Told to stop while an answer waits out a rate limit, serve stops
	// taking updates and delivers the answer before it exits; an answer
	// that would wait longer is given up at the deadline, as a service
	// manager kills what takes more than ten seconds.
	tests := []struct {
		name       string
		retryAfter int
		delivered  bool
	}{
		{"short wait", 2, true},
		{"wait beyond the deadline", 25, false},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const token = "4243:AAE-shutdown-test-token-0123456"
			srv := telegramtest.NewServer(t, token)
			s := startServe(t, map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_URL": srv.URL()})
			srv.RateLimitNext("sendMessage", tt.retryAfter)
			chat := int64(8 + i)
			srv.SendText(models.Chat{ID: chat, Type: models.ChatTypePrivate}, models.User{ID: chat, FirstName: "Ann"}, "Ist Mainz Mitglied?")
			srv.WaitCalls(t, "sendMessage", 1) // the 429
			start := time.Now()
			if err := s.stop(); err != nil {
				t.Errorf("serve: %v", err)
			}
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("shutdown took %v", took)
			}
			if msgs := srv.Messages(chat); tt.delivered && (len(msgs) != 1 || !strings.Contains(msgs[0].Plain, "Mainz")) {
				t.Errorf("the answer in progress was lost: %+v", msgs)
			}
		})
	}
}

func TestServeNoSecretsInLogs(t *testing.T) {
	// Every log line of a run with tokens, a webhook secret and failing
	// calls is free of them.
	const token = "4244:AAE-secret-token-abcdefghijklmnop"
	srv := telegramtest.NewServer(t, token)
	secrets := map[string]string{
		"TELEGRAM_BOT_TOKEN":      token,
		"TELEGRAM_API_URL":        srv.URL(),
		"TELEGRAM_WEBHOOK_URL":    "https://isabot.example/telegram/webhook",
		"TELEGRAM_WEBHOOK_SECRET": "webhook-secret-value-123",
		"SLACK_BOT_TOKEN":         "xoxb-slack-secret-token-456",
		"SLACK_SIGNING_SECRET":    "slack-signing-secret-789",
		"SLACK_API_URL":           "http://127.0.0.1:1/api/", // nothing listens: errors get logged
	}
	s := startServe(t, secrets)
	srv.FailNext("sendMessage", 500, "Internal Server Error")
	_, webhookSecret := srv.Webhook()
	for webhookSecret == "" {
		time.Sleep(10 * time.Millisecond)
		_, webhookSecret = srv.Webhook()
	}
	// An update through the webhook, answered after a failed first try.
	u, _ := json.Marshal(models.Update{ID: 1, Message: &models.Message{ID: 1, Chat: models.Chat{ID: 9, Type: models.ChatTypePrivate}, From: &models.User{ID: 9}, Text: "Ist Köln Mitglied?"}})
	req, _ := http.NewRequest(http.MethodPost, s.base+"/telegram/webhook", strings.NewReader(string(u)))
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", webhookSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("webhook: %v %v", err, resp)
	}
	resp.Body.Close()
	srv.WaitCalls(t, "sendMessage", 2)
	time.Sleep(1500 * time.Millisecond) // let the Slack bot fail to connect and log it
	s.stop()
	logs := s.stderr.String()
	if !strings.Contains(logs, "slack") || !strings.Contains(logs, "sendMessage") {
		t.Errorf("the failures were not logged:\n%s", logs)
	}
	for name, v := range secrets {
		if strings.Contains(name, "URL") {
			continue
		}
		if strings.Contains(logs, v) || strings.Contains(logs, v[len(v)/2:]) {
			t.Errorf("%s appears in the log", name)
		}
	}
}

func TestServeTelegramTokenRefused(t *testing.T) {
	// A token Telegram refuses does not stop serve: the ask API answers,
	// /readyz says why Telegram is not ready, the log says so without the
	// token, and once Telegram takes the token the bot is ready.
	const token = "4245:AAE-refused-token-0123456789abc"
	srv := telegramtest.NewServer(t, "4245:AAE-another-token-0123456789")
	s := startServe(t, map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_URL": srv.URL()})
	want := "telegram: the bot token was refused by Telegram"
	code, body := waitReady(t, s, func(code int, body string) bool { return strings.Contains(body, want) })
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "index: ok") {
		t.Errorf("/readyz: %d %s", code, body)
	}
	if code, body := s.get(t, "/api/ask?q="+url.QueryEscape("Ist Köln Mitglied?")); code != 200 || !strings.Contains(body, "Köln") {
		t.Errorf("/api/ask: %d %s", code, body)
	}
	if logs := s.stderr.String(); !strings.Contains(logs, "the bot token was refused") || strings.Contains(logs, token[5:]) {
		t.Errorf("log:\n%s", logs)
	}
	srv.SetToken(token)
	if code, body := waitReady(t, s, func(code int, _ string) bool { return code == 200 }); !strings.Contains(body, "telegram: ok") {
		t.Errorf("/readyz once the token is taken: %d %s", code, body)
	}
	if err := s.stop(); err != nil {
		t.Errorf("serve: %v", err)
	}
}

// waitReady asks /readyz until done says so, for up to ten seconds.
func waitReady(t *testing.T, s *served, done func(code int, body string) bool) (int, string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, body := s.get(t, "/readyz")
		if done(code, body) {
			return code, body
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz: %d %s\n%s", code, body, s.stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestServeStopAnswersQueuedUpdates(t *testing.T) {
	// Twenty questions wait when serve starts, and it is told to stop as
	// soon as it answers the first: it answers them all before it exits.
	const token = "4246:AAE-queued-test-token-012345678"
	srv := telegramtest.NewServer(t, token)
	const first, n = 2001, 20
	for id := int64(first); id < first+n; id++ {
		srv.SendText(models.Chat{ID: id, Type: models.ChatTypePrivate}, models.User{ID: id, FirstName: "Kim"}, "Ist Köln Mitglied?")
	}
	s := startServe(t, map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_URL": srv.URL()})
	srv.WaitCalls(t, "sendMessage", 1)
	if err := s.stop(); err != nil {
		t.Errorf("serve: %v", err)
	}
	for id := int64(first); id < first+n; id++ {
		if msgs := srv.Messages(id); len(msgs) != 1 || !strings.Contains(msgs[0].Plain, "Köln") {
			t.Errorf("chat %d: %+v", id, msgs)
		}
	}
}
