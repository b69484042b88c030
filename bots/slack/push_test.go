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
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
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
	if _, err := h.bot.Send(context.Background(), presse, r); err != nil {
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

// withReleases is the test engine with more releases, to announce and
// to read.
type withReleases struct {
	*search.Engine
	more map[string]*corpus.Release
}

func (e withReleases) Release(id string) (*corpus.Release, bool) {
	if r, ok := e.more[id]; ok {
		return r, true
	}
	return e.Engine.Release(id)
}

func TestAnnouncementsSlackTakes(t *testing.T) {
	// Titles and text that Slack would read as markup, or refuse for
	// their length, are escaped and cut: the strict fake takes every
	// announcement and "Read more", and the fallback text notifications
	// show is the title, escaped.
	t.Parallel()
	date := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		release  corpus.Release
		fallback string // the announcement's fallback text; "" for any
	}{
		{"markup in the title", corpus.Release{
			ID: "q-and-a", Title: "Q&A: <Wasserstoff> & Städte > 40", URL: "https://isa.example/q?a=1&b=2", Lang: corpus.German, Date: date,
			Body: []string{"Köln & Bonn <laden> ein."},
		}, "Q&amp;A: &lt;Wasserstoff&gt; &amp; Städte &gt; 40"},
		{"a title longer than a section", corpus.Release{
			ID: "long", Title: strings.Repeat("Wasserstoff & Zukunft <", 200), URL: "https://isa.example/long", Lang: corpus.German, Date: date,
			Body: []string{strings.Repeat("Ein Satz über Köln & Bonn <mit Zeichen>. ", 150), strings.Repeat("&", 4000)},
		}, ""},
	}
	engine, err := testEngine()
	if err != nil {
		t.Fatal(err)
	}
	more := withReleases{engine, map[string]*corpus.Release{}}
	for i := range tests {
		more.more[tests[i].release.ID] = &tests[i].release
	}
	h := startWith(t, more, func(c *Config) { c.AppToken = appToken })
	for i, tt := range tests {
		if _, err := h.bot.Send(t.Context(), presse, &tt.release); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		m := h.message(t, presse, i+1)
		if tt.fallback != "" && m.Text != tt.fallback {
			t.Errorf("%s: fallback text %q, want %q", tt.name, m.Text, tt.fallback)
		}
		respURL := h.fake.NewResponseURL()
		h.fake.WaitAck(t, h.fake.SendEnvelope(t, "interactive", json.RawMessage(slackfake.BlockAction(tom, presse, respURL, readAction, tt.release.ID)), false))
		if post := h.responses(t, respURL, 1)[0]; !strings.Contains(post.Text, "&amp;") || strings.Contains(post.Text, "&A") {
			t.Errorf("%s: read more's fallback text %q", tt.name, post.Text)
		}
	}
	h.stop()
	h.noErrors(t)
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
		// A refused token is the bot's fault: the delivery waits, the
		// channel stays subscribed.
		{func() { h.fake.FailNext("chat.postMessage", "account_inactive") }, func(err error) bool {
			var ra *push.RetryAfterError
			return errors.As(err, &ra) && ra.After == tokenPause && !errors.Is(err, push.ErrGone)
		}},
		{func() { h.fake.FailNext("chat.postMessage", "token_revoked") }, func(err error) bool {
			var ra *push.RetryAfterError
			return errors.As(err, &ra) && ra.After == tokenPause && !errors.Is(err, push.ErrGone)
		}},
		{func() { h.fake.ServerErrorNext("chat.postMessage", 502) }, func(err error) bool {
			var ra *push.RetryAfterError
			return err != nil && !errors.Is(err, push.ErrGone) && !errors.As(err, &ra)
		}},
	} {
		tt.fault()
		if _, err := h.bot.Send(context.Background(), presse, r); !tt.check(err) {
			t.Errorf("Send error %v", err)
		}
	}
}
