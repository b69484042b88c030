package slack

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/isa-alliance/isabot/bots/slack/slackfake"
)

func TestAnnouncementLinksThePermalink(t *testing.T) {
	t.Parallel()
	h := start(t, func(c *Config) {
		c.AppToken = appToken
		c.Permalink = func(id string) string { return "https://isa.example.org/releases/" + id }
	})
	engine, _ := testEngine()
	r, _ := engine.Release("2021-02-11-isa-fruehlingsfest")
	if _, err := h.bot.Send(context.Background(), presse, r); err != nil {
		t.Fatal(err)
	}
	blocks := string(h.message(t, presse, 1).Blocks)
	for _, want := range []string{`"action_id":"isa_link"`, `"url":"https://isa.example.org/releases/2021-02-11-isa-fruehlingsfest"`} {
		if !strings.Contains(blocks, want) {
			t.Errorf("announcement lacks %s: %s", want, blocks)
		}
	}
	// Slack tells the bot of the press too: it is acknowledged, and
	// nothing is shown, as the browser shows the release.
	respURL := h.fake.NewResponseURL()
	env := h.fake.SendEnvelope(t, "interactive", json.RawMessage(slackfake.BlockAction(tom, presse, respURL, linkAction, r.ID)), false)
	h.fake.WaitAck(t, env)
	// A Read more of the kind that shows the release, pressed after, is
	// answered; by then the link's press would have been too.
	shown := h.fake.NewResponseURL()
	h.fake.WaitAck(t, h.fake.SendEnvelope(t, "interactive", json.RawMessage(slackfake.BlockAction(tom, presse, shown, readAction, r.ID)), false))
	h.responses(t, shown, 1)
	if posts := responsesTo(h.fake, respURL); len(posts) != 0 {
		t.Errorf("pressing the link posted %d responses", len(posts))
	}
}
