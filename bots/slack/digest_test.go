package slack

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/slack/slackfake"
	"github.com/isa-alliance/isabot/corpus"
)

func TestDigestCommands(t *testing.T) {
	// "/isa digest 08:00" gives the channel one message a day listing
	// the releases, each with its Read more; under SLACK_SUBSCRIBE=admins
	// only admins choose, but anyone may ask.
	t.Parallel()
	h := start(t, func(c *Config) {
		c.AppToken = appToken
		c.Limits = &push.Limits{}
		c.AdminsSubscribe = true
	})
	h.fake.SetUser(jana, slackfake.User{Admin: true})
	steps := []struct{ user, command, want string }{
		{tom, "digest", "#isa-c0presse ist nicht abonniert"},
		{tom, "digest 08:00", "Administrator"},
		{jana, "digest 25:00", "/isa digest 08:00"},
		{jana, "digest 08:00 Europe/Atlantis", "Europe/Atlantis"},
		{jana, "digest 07:00 Asia/Shanghai", "07:00 (Asia/Shanghai)"},
		{tom, "digest", "07:00 (Asia/Shanghai)"},
	}
	for _, st := range steps {
		url := h.command(t, st.user, st.command)
		if posts := h.responses(t, url, 1); !strings.Contains(string(posts[0].Blocks), st.want) {
			t.Errorf("%q answered %s, want %q", st.command, posts[0].Blocks, st.want)
		}
	}
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	clock := push.NewSimClock(time.Date(2026, 3, 2, 12, 0, 0, 0, shanghai))
	releases := &latest{}
	p := push.New(h.state, releases, []push.Sender{h.bot}, noMetrics{}, slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { p.Run(ctx) })
	wg.Go(func() { p.RunDigests(ctx, clock.Now, 5*time.Millisecond) })
	defer func() { cancel(); wg.Wait() }()
	h.eventually(t, "the digest settled", func() bool {
		sub, _, _ := h.state.Subscription(platform, presse)
		return sub.Digest != nil && !sub.Digest.Done.IsZero()
	})
	date := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for _, r := range []*corpus.Release{
		{ID: "digest-1", Lang: corpus.English, Date: date, Title: "Hydrogen summit in Nuremberg", Body: []string{"Text."}},
		{ID: "digest-2", Lang: corpus.German, Date: date, Title: "Jugendcamp in Shanghai", Body: []string{"Text."}},
	} {
		releases.publish(r)
		if _, err := p.Announce(r); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(50 * time.Millisecond)
	if msgs := h.fake.Messages(presse); len(msgs) != 0 {
		t.Fatalf("posted before the hour: %+v", msgs)
	}
	clock.Set(time.Date(2026, 3, 3, 7, 0, 0, 0, shanghai))
	m := h.message(t, presse, 1)
	blocks := string(m.Blocks)
	for _, want := range []string{"Tagesübersicht vom 3. März 2026 – neue Pressemitteilungen: 2", "1. *Hydrogen summit in Nuremberg* (2. März 2026)", "2. *Jugendcamp in Shanghai*", `"value":"digest-1"`, `"value":"digest-2"`} {
		if !strings.Contains(blocks, want) {
			t.Errorf("the digest lacks %q: %s", want, blocks)
		}
	}
	clock.Set(time.Date(2026, 3, 4, 7, 0, 0, 0, shanghai))
	time.Sleep(50 * time.Millisecond)
	if msgs := h.fake.Messages(presse); len(msgs) != 1 {
		t.Errorf("posted %d messages; want the one digest", len(msgs))
	}
}
