package slack

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/slack/slackfake"
)

func TestSubscribeCommands(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	// The command words tell no language: the replies are German.
	url := h.command(t, tom, "subscribe")
	if posts := h.responses(t, url, 1); !strings.Contains(string(posts[0].Blocks), "Abonniert: #isa-c0presse erhält ab jetzt jede neue Pressemitteilung") ||
		!strings.Contains(string(posts[0].Blocks), "Mit /isa unsubscribe endet das Abo") {
		t.Errorf("subscribe answered %s", posts[0].Blocks)
	}
	url = h.command(t, tom, "Subscribe")
	if posts := h.responses(t, url, 1); !strings.Contains(string(posts[0].Blocks), "#isa-c0presse ist schon abonniert") {
		t.Errorf("second subscribe answered %s", posts[0].Blocks)
	}
	subs, _ := h.state.Subscriptions()
	if len(subs) != 1 || subs[0].Platform != "slack" || subs[0].Chat != presse {
		t.Fatalf("subscriptions: %+v", subs)
	}
	url = h.command(t, tom, "unsubscribe")
	if posts := h.responses(t, url, 1); !strings.Contains(string(posts[0].Blocks), "Abo beendet: #isa-c0presse erhält keine Pressemitteilungen mehr") {
		t.Errorf("unsubscribe answered %s", posts[0].Blocks)
	}
	if subs, _ := h.state.Subscriptions(); len(subs) != 0 {
		t.Errorf("still subscribed: %+v", subs)
	}
	// With words after it, "subscribe" is a question, not the command.
	url = h.command(t, tom, "subscribe Ist Köln Mitglied?")
	if posts := h.responses(t, url, 1); !strings.Contains(string(posts[0].Blocks), "Köln") {
		t.Errorf("subscribe with a question answered %s", posts[0].Blocks)
	}
	if subs, _ := h.state.Subscriptions(); len(subs) != 0 {
		t.Errorf("a question subscribed: %+v", subs)
	}
}

func TestAnnouncementAndReadMore(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	engine, _ := testEngine()
	r, _ := engine.Release("2021-02-11-isa-fruehlingsfest")
	if err := h.bot.Send(context.Background(), presse, r); err != nil {
		t.Fatal(err)
	}
	m := h.message(t, presse, 1)
	blocks := string(m.Blocks)
	for _, want := range []string{"Neue Pressemitteilung", "Frühlingsfest", "11. Februar 2021", `"action_id":"isa_read"`} {
		if !strings.Contains(blocks, want) {
			t.Errorf("announcement lacks %s: %s", want, blocks)
		}
	}
	// Read more shows the whole release to who pressed it.
	respURL := h.fake.NewResponseURL()
	env := h.fake.SendEnvelope(t, "interactive", json.RawMessage(slackfake.BlockAction(tom, presse, respURL, "isa_read", r.ID)), false)
	h.fake.WaitAck(t, env)
	posts := h.responses(t, respURL, 1)
	if !strings.Contains(string(posts[0].Blocks), "Stefanie Behmer") || !strings.Contains(string(posts[0].Blocks), "Jahr des Büffels") {
		t.Errorf("read more showed %s", posts[0].Blocks)
	}
	if posts[0].ResponseType != "ephemeral" {
		t.Errorf("read more was %q", posts[0].ResponseType)
	}
}

func TestSendErrorsForThePusher(t *testing.T) {
	t.Parallel()
	h := startSocket(t)
	engine, _ := testEngine()
	r, _ := engine.Release("2021-02-11-isa-fruehlingsfest")
	for _, tt := range []struct {
		fault func()
		check func(error) bool
	}{
		{func() { h.fake.FailNext("chat.postMessage", "channel_not_found") }, func(err error) bool { return errors.Is(err, push.ErrGone) }},
		{func() { h.fake.FailNext("chat.postMessage", "not_in_channel") }, func(err error) bool { return errors.Is(err, push.ErrGone) }},
		{func() { h.fake.RateLimitNext("chat.postMessage", 3) }, func(err error) bool {
			var ra *push.RetryAfterError
			return errors.As(err, &ra) && ra.After == 3*time.Second
		}},
		{func() { h.fake.ServerErrorNext("chat.postMessage", 502) }, func(err error) bool {
			var ra *push.RetryAfterError
			return err != nil && !errors.Is(err, push.ErrGone) && !errors.As(err, &ra)
		}},
	} {
		tt.fault()
		if err := h.bot.Send(context.Background(), presse, r); !tt.check(err) {
			t.Errorf("Send error %v", err)
		}
	}
}
