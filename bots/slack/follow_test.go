package slack

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/corpus"
)

func TestFollowCommands(t *testing.T) {
	// "/isa follow" narrows a channel to a city (in any script) or a
	// topic; the pusher then posts only what it follows.
	t.Parallel()
	engine, err := testEngine()
	if err != nil {
		t.Fatal(err)
	}
	h := start(t, func(c *Config) {
		c.AppToken = appToken
		c.Cities = engine
		c.Limits = &push.Limits{}
	})
	steps := []struct{ command, want string }{
		{"follow", "/isa follow"},
		{"following", "#isa-c0presse ist nicht abonniert"},
		{"follow 科隆", "城市：Köln"},
		{"follow Wasserstoff, Cologne", "Cities: Köln\nTopics: Wasserstoff"},
		{"following", "Städte: Köln"},
		{"unfollow Köln", "Themen: Wasserstoff"},
		{"unfollow Wasserstoff", "#isa-c0presse ist nicht abonniert"},
		{"follow Wasserstoff", "Themen: Wasserstoff"},
	}
	for _, st := range steps {
		url := h.command(t, tom, st.command)
		if posts := h.responses(t, url, 1); !strings.Contains(string(posts[0].Blocks), strings.ReplaceAll(st.want, "\n", `\n`)) {
			t.Errorf("%q answered %s, want %q", st.command, posts[0].Blocks, st.want)
		}
	}
	date := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	releases := withReleases{Engine: engine, more: map[string]*corpus.Release{
		"follow-hydrogen": {ID: "follow-hydrogen", Lang: corpus.English, Date: date, Title: "Hydrogen summit in Nuremberg", Body: []string{"Text."}},
		"follow-camp":     {ID: "follow-camp", Lang: corpus.German, Date: date.Add(time.Hour), Title: "Jugendcamp in Shanghai", Body: []string{"Text."}},
	}}
	p := push.New(h.state, releases, []push.Sender{h.bot}, noMetrics{}, slog.New(slog.DiscardHandler), push.WithMatcher(engine))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	for _, id := range []string{"follow-hydrogen", "follow-camp"} {
		if _, err := p.Announce(releases.more[id]); err != nil {
			t.Fatal(err)
		}
	}
	h.eventually(t, "the outbox empty", func() bool {
		pending, _ := h.state.Pending()
		return len(pending) == 0
	})
	msgs := h.fake.Messages(presse)
	if len(msgs) != 1 || !strings.Contains(string(msgs[0].Blocks), "Hydrogen summit") {
		t.Errorf("posted %d messages: %+v", len(msgs), msgs)
	}
}
