package slack

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/handoff"
	"github.com/isa-alliance/isabot/corpus"
)

func TestHandoffMessagesWithinBlockKit(t *testing.T) {
	h := start(t, func(c *Config) { c.SigningSecret = signingSecret; c.HandoffChannel = presse })
	long := strings.Repeat("Q&A <b> ", 800) // 6400 characters, each escaped
	asked := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	open := handoff.Handoff{ID: "0123456789abcdef", Chat: 1, Lang: corpus.Chinese, Question: long, Name: long, Username: "jo",
		Asked: asked, Answer: long, BotAnswered: true, Source: long}
	ctx := context.Background()
	channel, ts, err := h.bot.PostHandoff(ctx, open)
	if err != nil || channel != presse || ts == "" {
		t.Fatalf("PostHandoff: %q %q %v", channel, ts, err)
	}
	open.Channel, open.TS = channel, ts
	for _, outcome := range []handoff.Outcome{handoff.Answered, handoff.Declined, handoff.Dismissed, handoff.Expired} {
		closed := open
		closed.Outcome, closed.Closed, closed.LiaisonName, closed.Reply = outcome, asked.Add(time.Hour), "u0jana", long
		if err := h.bot.UpdateHandoff(ctx, closed); err != nil {
			t.Errorf("%s: %v", outcome, err)
		}
	}
	if err := h.bot.RemindHandoff(ctx, open); err != nil {
		t.Errorf("RemindHandoff: %v", err)
	}
	if err := h.bot.ReportUndelivered(ctx, open, errors.New("Forbidden: <bot> & co")); err != nil {
		t.Errorf("ReportUndelivered: %v", err)
	}
	h.noErrors(t)
	msgs := h.fake.Messages(presse)
	if len(msgs) != 3 || msgs[1].ThreadTS != ts || msgs[2].ThreadTS != ts {
		t.Errorf("messages: %+v", msgs)
	}
	if !strings.Contains(string(msgs[0].Blocks), "Ohne Antwort geschlossen am 2026-03-02 10:00") {
		t.Errorf("the expired hand-off: %s", msgs[0].Blocks)
	}
}

func TestHandoffModalWithinBlockKit(t *testing.T) {
	h := start(t, func(c *Config) { c.SigningSecret = signingSecret; c.HandoffChannel = presse })
	view := handoffModal(handoff.Handoff{ID: "0123456789abcdef", Lang: corpus.English, Question: strings.Repeat("Q&A ", 2000)})
	if _, err := h.bot.api.OpenViewContext(context.Background(), "1700000000.1337.abc", view); err != nil {
		t.Fatalf("views.open: %v", err)
	}
	modals := h.fake.Modals()
	if len(modals) != 1 || !strings.Contains(string(modals[0].View), `"initial_option":{"text":{"type":"plain_text","text":"English"`) {
		t.Errorf("modals: %+v", modals)
	}
}
