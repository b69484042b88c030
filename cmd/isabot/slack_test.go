package main

import (
	"bytes"
	"encoding/json"
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

func TestServeHandoff(t *testing.T) {
	// With both bots and SLACK_HANDOFF_CHANNEL, serve joins them: a
	// journalist's question reaches the channel, a liaison's reply the
	// journalist.
	const (
		telegramToken = "4247:AAE-handoff-test-token-012345678"
		slackToken    = "xoxb-handoff-test-token"
		secret        = "handoff-test-signing-secret"
		channel       = "C0PRESS"
	)
	tg := telegramtest.NewServer(t, telegramToken)
	sl := slackfake.NewServer(t, slackToken, "")
	sl.SetChannel(channel, slackfake.Channel{Member: true})
	s := startServe(t, map[string]string{
		"TELEGRAM_BOT_TOKEN":    telegramToken,
		"TELEGRAM_API_URL":      tg.URL(),
		"SLACK_BOT_TOKEN":       slackToken,
		"SLACK_SIGNING_SECRET":  secret,
		"SLACK_API_URL":         sl.APIURL(),
		"SLACK_HANDOFF_CHANNEL": channel,
	})
	chat, journalist := models.Chat{ID: 12, Type: models.ChatTypePrivate}, models.User{ID: 12, FirstName: "Jo", LanguageCode: "en"}
	tap := func(n int, label string) {
		t.Helper()
		waitFor(t, "a Telegram message", func() bool { return len(tg.Messages(chat.ID)) >= n })
		m := tg.Messages(chat.ID)[n-1]
		var markup models.InlineKeyboardMarkup
		if err := json.Unmarshal([]byte(m.ReplyMarkup), &markup); err != nil {
			t.Fatalf("keyboard %q: %v", m.ReplyMarkup, err)
		}
		for _, row := range markup.InlineKeyboard {
			for _, b := range row {
				if b.Text == label {
					tg.Callback(chat, journalist, m.MessageID, b.CallbackData)
					return
				}
			}
		}
		t.Fatalf("no button %q in %s", label, m.ReplyMarkup)
	}
	tg.SendText(chat, journalist, "How many inhabitants does the moon have?")
	tap(1, "Ask the ISA press office")
	tap(2, "Send anonymously")
	waitFor(t, "the hand-off in Slack", func() bool { return len(sl.Messages(channel)) == 1 })
	waitFor(t, "the hand-off kept", func() bool {
		_, metrics := s.get(t, "/metrics")
		return strings.Contains(metrics, "isabot_handoffs_open 1")
	})
	var blocks []struct {
		Elements []struct {
			ActionID, Value string
		} `json:"elements"`
	}
	if err := json.Unmarshal(sl.Messages(channel)[0].Blocks, &blocks); err != nil {
		t.Fatal(err)
	}
	id := blocks[len(blocks)-1].Elements[0].Value
	interact := func(payload []byte) {
		t.Helper()
		body := []byte(url.Values{"payload": {string(payload)}}.Encode())
		req, err := http.NewRequest(http.MethodPost, s.base+"/slack/interactivity", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		slackfake.SignRequest(req, secret, body)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
	}
	interact(slackfake.MessageAction("U0JANA", channel, sl.Messages(channel)[0].TS, sl.NewResponseURL(), "handoff_answer", id))
	waitFor(t, "the modal", func() bool { return len(sl.Modals()) == 1 })
	submission, err := slackfake.ViewSubmission("U0JANA", sl.Modals()[0], map[string]map[string]any{
		"handoff_reply_text": {"handoff_reply_text": slackfake.TextValue("None.")},
		"handoff_reply_lang": {"handoff_reply_lang": slackfake.SelectValue("en")},
	})
	if err != nil {
		t.Fatal(err)
	}
	interact(submission)
	waitFor(t, "the reply on Telegram", func() bool { return len(tg.Messages(chat.ID)) == 3 })
	if got := tg.Messages(chat.ID)[2].Plain; !strings.HasSuffix(got, "None.") {
		t.Errorf("the journalist got %q", got)
	}
	waitFor(t, "the answer counted", func() bool {
		_, metrics := s.get(t, "/metrics")
		return strings.Contains(metrics, "isabot_handoffs_open 0") && strings.Contains(metrics, `isabot_handoffs_total{event="answered"} 1`)
	})
	if err := s.stop(); err != nil {
		t.Errorf("serve: %v", err)
	}
}
