package main

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/slack/slackfake"
	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
)

func TestServeSlackTokenRefused(t *testing.T) {
	// A revoked Slack token makes Slack not ready, said on /readyz and in
	// the log; serve goes on: the Telegram bot answers, the HTTP API
	// serves, and serve stops cleanly.
	const (
		telegramToken = "4246:AAE-refused-test-token-012345678"
		slackToken    = "xoxb-refused-test-SLACKSECRET"
	)
	tg := telegramtest.NewServer(t, telegramToken)
	sl := slackfake.NewServer(t, slackToken, "")
	sl.RefuseToken(slackToken, "token_revoked")
	s := startServe(t, map[string]string{
		"TELEGRAM_BOT_TOKEN":   telegramToken,
		"TELEGRAM_API_URL":     tg.URL(),
		"SLACK_BOT_TOKEN":      slackToken,
		"SLACK_SIGNING_SECRET": "refused-test-signing-secret",
		"SLACK_API_URL":        sl.APIURL(),
	})
	waitFor(t, "/readyz to say why Slack is not ready", func() bool {
		_, body := s.get(t, "/readyz")
		return strings.Contains(body, "slack: token refused (token_revoked)")
	})
	waitFor(t, "the Telegram bot to be ready", func() bool {
		_, body := s.get(t, "/readyz")
		return strings.Contains(body, "telegram: ok")
	})
	if code, body := s.get(t, "/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz: %d %s, want 503", code, body)
	}

	tg.SendText(models.Chat{ID: 11, Type: models.ChatTypePrivate}, models.User{ID: 11, FirstName: "Li"}, "Ist Köln Mitglied?")
	tg.WaitCalls(t, "sendMessage", 1)
	if msgs := tg.Messages(11); len(msgs) != 1 || !strings.Contains(msgs[0].Plain, "Köln") {
		t.Errorf("Telegram answered %+v", msgs)
	}
	if code, body := s.get(t, "/api/ask?q="+url.QueryEscape("Ist Köln Mitglied?")); code != http.StatusOK || !strings.Contains(body, "Köln") {
		t.Errorf("/api/ask: %d %s", code, body)
	}
	if code, _ := s.get(t, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz: %d", code)
	}

	if err := s.stop(); err != nil {
		t.Errorf("serve: %v", err)
	}
	logs := s.stderr.String()
	if !strings.Contains(logs, "slack: token refused (token_revoked); retrying in 30s") {
		t.Errorf("the log does not say the token was refused:\n%s", logs)
	}
	if strings.Contains(logs, "SLACKSECRET") {
		t.Errorf("the Slack token shows in the log")
	}
}
