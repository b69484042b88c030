package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/slack/slackfake"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
	"github.com/isa-alliance/isabot/corpus"
)

const (
	pushToken    = "4245:AAE-push-test-token-0123456789"
	slackBot     = "xoxb-push-test"
	slackApp     = "xapp-push-test"
	releaseTitle = "Testmeldung: ISA-Städte gründen Arbeitskreis Wasserstoff"
)

// waitFor polls cond for up to ten seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10 s for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// await polls missing until it reports nothing missing, for up to
// within, and then fails the test with what was still missing.
func await(t *testing.T, what string, within time.Duration, missing func() string) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		m := missing()
		if m == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for %s: %s", within, what, m)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// telegramCount counts the messages to chat that contain text.
func telegramCount(srv *telegramtest.Server, chat int64, text string) int {
	n := 0
	for _, m := range srv.Messages(chat) {
		if strings.Contains(m.Plain, text) {
			n++
		}
	}
	return n
}

func slackCount(srv *slackfake.Server, channel, text string) int {
	n := 0
	for _, m := range srv.Messages(channel) {
		if strings.Contains(m.Text, text) || strings.Contains(string(m.Blocks), text) {
			n++
		}
	}
	return n
}

func TestPushNewReleaseToEverySubscriber(t *testing.T) {
	tg := telegramtest.NewServer(t, pushToken)
	sl := slackfake.NewServer(t, slackBot, slackApp)
	s := startServe(t, map[string]string{
		"TELEGRAM_BOT_TOKEN": pushToken, "TELEGRAM_API_URL": tg.URL(), "TELEGRAM_CHANNELS": "-1001, -1002", "TELEGRAM_RATE": "200",
		"SLACK_BOT_TOKEN": slackBot, "SLACK_APP_TOKEN": slackApp, "SLACK_API_URL": sl.APIURL(), "SLACK_CHANNELS": "C01,C02",
	})
	waitFor(t, "both bots ready", func() bool { code, _ := s.get(t, "/readyz"); return code == 200 })

	// Two journalists subscribe in private chats; a group member who is
	// no admin cannot subscribe the group, its admin can.
	for _, id := range []int64{11, 12} {
		tg.SendText(models.Chat{ID: id, Type: models.ChatTypePrivate}, models.User{ID: id, FirstName: "J"}, "/subscribe")
		waitFor(t, "the subscription", func() bool { return telegramCount(tg, id, "Abonniert") == 1 })
	}
	group := models.Chat{ID: -2001, Type: models.ChatTypeSupergroup, Title: "Pressegruppe"}
	tg.SetChatMember(group.ID, 21, "member")
	tg.SetChatMember(group.ID, 22, "administrator")
	tg.SendText(group, models.User{ID: 21, FirstName: "Member"}, "/subscribe")
	waitFor(t, "the refusal", func() bool { return telegramCount(tg, group.ID, "Nur die Administratoren") == 1 })
	tg.SendText(group, models.User{ID: 22, FirstName: "Admin"}, "/subscribe")
	waitFor(t, "the group subscription", func() bool { return telegramCount(tg, group.ID, "Abonniert") == 1 })

	// The press office publishes a release.
	out, stderr, err := run(t, "--data", s.dataDir, "publish", "testdata/releases/2026-11-24-testmeldung-wasserstoff.md")
	if err != nil {
		t.Fatalf("publish: %v %s", err, stderr)
	}
	if !strings.Contains(out, filepath.Join(s.dataDir, "releases")) {
		t.Errorf("publish said %q", out)
	}
	telegramChats := []int64{-1001, -1002, 11, 12, group.ID}
	waitFor(t, "every subscriber", func() bool {
		for _, c := range telegramChats {
			if telegramCount(tg, c, releaseTitle) == 0 {
				return false
			}
		}
		return slackCount(sl, "C01", "Arbeitskreis Wasserstoff") > 0 && slackCount(sl, "C02", "Arbeitskreis Wasserstoff") > 0
	})
	// The next question already finds it.
	_, body := s.get(t, "/api/ask?q="+url.QueryEscape("Wo tagt der Arbeitskreis Wasserstoff?"))
	if !strings.Contains(body, "Huzhou") {
		t.Errorf("the new release is not searchable: %s", body)
	}
	// Published again, and the same release from a feed: not announced
	// again.
	run(t, "--data", s.dataDir, "publish", "testdata/releases/2026-11-24-testmeldung-wasserstoff.md")
	time.Sleep(500 * time.Millisecond)
	for _, c := range telegramChats {
		if n := telegramCount(tg, c, releaseTitle); n != 1 {
			t.Errorf("telegram chat %d got the release %d times", c, n)
		}
	}
	for _, c := range []string{"C01", "C02"} {
		if n := slackCount(sl, c, "Arbeitskreis Wasserstoff"); n != 1 {
			t.Errorf("slack channel %s got the release %d times", c, n)
		}
	}
	for _, m := range tg.Messages(-1001) {
		if strings.Contains(m.Plain, releaseTitle) && !strings.Contains(m.ReplyMarkup, "Weiterlesen") {
			t.Errorf("the announcement has no Read more button: %s", m.ReplyMarkup)
		}
	}

	out, _, err = run(t, "--data", s.dataDir, "subscribers")
	if err != nil || !strings.Contains(out, "-2001") || !strings.Contains(out, "C02") || !strings.Contains(out, "2026-11-24-testmeldung-wasserstoff") {
		t.Errorf("isabot subscribers: %v\n%s", err, out)
	}
}

func TestPushFaults(t *testing.T) {
	// A 429 storm is waited out, a blocked chat loses its subscription, a
	// group that became a supergroup keeps it under its new id; everyone
	// else gets the release once.
	tg := telegramtest.NewServer(t, pushToken)
	var chats []string
	for i := range 10 {
		chats = append(chats, fmt.Sprint(-3000-i))
	}
	s := startServe(t, map[string]string{
		"TELEGRAM_BOT_TOKEN": pushToken, "TELEGRAM_API_URL": tg.URL(), "TELEGRAM_CHANNELS": strings.Join(chats, ","), "TELEGRAM_RATE": "200",
	})
	waitFor(t, "the bot ready", func() bool { code, _ := s.get(t, "/readyz"); return code == 200 })
	for range 4 {
		tg.RateLimitNext("sendMessage", 1)
	}
	tg.MigrateNext(-3003, -1003003)
	tg.FailNext("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat")
	if _, stderr, err := run(t, "--data", s.dataDir, "publish", "testdata/releases/2026-11-24-testmeldung-wasserstoff.md"); err != nil {
		t.Fatalf("publish: %v %s", err, stderr)
	}
	got := func() int {
		n := 0
		for i := range 10 {
			n += telegramCount(tg, int64(-3000-i), releaseTitle)
		}
		return n + telegramCount(tg, -1003003, releaseTitle)
	}
	waitFor(t, "nine deliveries", func() bool { return got() == 9 })
	time.Sleep(300 * time.Millisecond)
	if n := got(); n != 9 {
		t.Errorf("%d deliveries, want 9 (ten chats, one gone)", n)
	}
	if telegramCount(tg, -1003003, releaseTitle) != 1 || telegramCount(tg, -3003, releaseTitle) != 0 {
		t.Errorf("the migrated group was not followed")
	}
	out, _, _ := run(t, "--data", s.dataDir, "subscribers", "--json")
	if strings.Count(out, `"platform": "telegram"`) != 9 || !strings.Contains(out, "-1003003") || strings.Contains(out, `"chat": "-3003"`) {
		t.Errorf("subscribers after the faults:\n%s", out)
	}
	_, metrics := s.get(t, "/metrics")
	if !strings.Contains(metrics, `isabot_rate_limit_waits_total{platform="telegram"} 4`) || !strings.Contains(metrics, "isabot_releases_announced_total 1") {
		t.Errorf("metrics:\n%s", grep(metrics, "isabot_"))
	}
}

func TestPushFromFeed(t *testing.T) {
	// A feed is picked up once, also when it repeats its items.
	tg := telegramtest.NewServer(t, pushToken)
	var polls atomic.Int32
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		polls.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>ISA</title><language>de</language>
<item><title>Testmeldung aus dem Feed: Delegation aus Deyang besucht Chemnitz</title><guid>isa-feed-1</guid>
<link>https://isabot.example/feed/1</link><pubDate>Mon, 23 Nov 2026 10:00:00 +0000</pubDate>
<description>&lt;p&gt;Eine Delegation der Testmeldung besucht Chemnitz.&lt;/p&gt;</description></item>
</channel></rss>`)
	}))
	defer feed.Close()
	s := startServe(t, map[string]string{
		"TELEGRAM_BOT_TOKEN": pushToken, "TELEGRAM_API_URL": tg.URL(), "TELEGRAM_CHANNELS": "-4001", "TELEGRAM_RATE": "200",
		"ISABOT_FEEDS": feed.URL, "ISABOT_FEED_INTERVAL": "1s",
	})
	_ = s
	waitFor(t, "the feed item", func() bool { return telegramCount(tg, -4001, "Delegation aus Deyang") == 1 })
	waitFor(t, "three polls", func() bool { return polls.Load() >= 3 })
	if n := telegramCount(tg, -4001, "Delegation aus Deyang"); n != 1 {
		t.Errorf("the feed item was announced %d times", n)
	}
}

func grep(text, substr string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, substr) && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestDeliveriesCommand(t *testing.T) {
	// Three chats are owed a release: one was given up when the platform
	// kept refusing, one when the release was gone. A second release
	// went to one of them, and to a channel that removed the bot.
	dataDir := t.TempDir()
	st, err := store.Open(filepath.Join(dataDir, stateFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, chat := range []string{"-1001", "-1002", "-1003"} {
		st.Subscribe(store.Subscription{Platform: "telegram", Chat: chat})
	}
	r := &corpus.Release{ID: "feed-0123", Title: releaseTitle, Date: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
	ds, _, err := st.Announce(r, "", nil)
	if err == nil {
		err = st.GiveUp(ds[0], store.Failed, "HTTP 502")
	}
	if err == nil {
		err = st.GiveUp(ds[1], store.Abandoned, "the release is gone")
	}
	if err == nil {
		st.Subscribe(store.Subscription{Platform: "slack", Chat: "C0GONE"})
		var more []store.Delivery
		if more, _, err = st.Announce(&corpus.Release{ID: "feed-0124", Title: "Zweite", Date: r.Date}, "", nil); err == nil {
			err = st.Gone(more[0], "Forbidden: bot was blocked by the user")
		}
		if err == nil {
			_, err = st.Delivered(more[1], "7")
		}
	}
	st.Close()
	if err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		name    string
		dataDir string
		args    []string
		want    []string
	}{
		{"table", dataDir, nil, []string{
			"RELEASE    PLATFORM  SENT  WAITING  FAILED  GONE  TITLE", "feed-0123  telegram  0     1        2       0     " + releaseTitle,
			"feed-0124  slack     0     0        0       1     Zweite", "feed-0124  telegram  1     2        0       0     Zweite",
			"Failed or gone:", "feed-0123  telegram  -1001   failed     ", "HTTP 502", "-1002   abandoned", "the release is gone",
			"feed-0124  slack     C0GONE  gone", "blocked",
		}},
		{"one release", dataDir, []string{"feed-0124"}, []string{"feed-0124  slack"}},
		{"json", dataDir, []string{"--json"}, []string{
			`"release": "feed-0123"`, `"pending": 1`, `"failed": 1`, `"abandoned": 1`, `"state": "abandoned"`, `"cause": "HTTP 502"`,
		}},
		{"nothing", t.TempDir(), nil, []string{"No deliveries on record."}},
		{"nothing as json", t.TempDir(), []string{"--json"}, []string{"[]"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, err := run(t, append([]string{"--data", tt.dataDir, "deliveries"}, tt.args...)...)
			if err != nil {
				t.Fatalf("%v %s", err, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("no %q in\n%s", w, out)
				}
			}
		})
	}
}

func TestPushToChannelsConfiguredWhileConnecting(t *testing.T) {
	// A release that arrives while the Telegram bot still looks up its
	// platform reaches a channel newly added to TELEGRAM_CHANNELS too:
	// nothing is announced before the configured channels are
	// subscribed.
	tg := telegramtest.NewServer(t, pushToken)
	first := startServe(t, map[string]string{"TELEGRAM_BOT_TOKEN": pushToken, "TELEGRAM_API_URL": tg.URL()})
	waitFor(t, "the bot ready", func() bool { code, _ := first.get(t, "/readyz"); return code == 200 })
	if err := first.stop(); err != nil {
		t.Fatal(err)
	}
	// While serve is down, the release is written, and a channel added;
	// Telegram is slow to answer at the next start.
	if _, stderr, err := run(t, "--data", first.dataDir, "publish", "testdata/releases/2026-11-24-testmeldung-wasserstoff.md"); err != nil {
		t.Fatalf("publish: %v %s", err, stderr)
	}
	slow := newSlowAPI(t, tg.URL(), 4*time.Second, "/getMe")
	slow.slow.Store(true)
	startServeIn(t, first.dataDir, map[string]string{
		"TELEGRAM_BOT_TOKEN": pushToken, "TELEGRAM_API_URL": slow.url, "TELEGRAM_CHANNELS": "-5001", "TELEGRAM_RATE": "200",
	})
	waitFor(t, "the new channel's announcement", func() bool { return telegramCount(tg, -5001, releaseTitle) == 1 })
}
