package slack

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/slack/slackfake"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// The channels of the workspace tests besides presse.
const (
	neu     = "C0NEU"     // public, the bot not in it
	geheim  = "G0GEHEIM"  // private, the bot not in it
	otherDM = "D0JANATOM" // a direct message between two people
)

// noMetrics is the pusher's observer for tests that count nothing.
type noMetrics struct{}

func (noMetrics) Announced()                  {}
func (noMetrics) Delivered(string, string)    {}
func (noMetrics) Abandoned(string)            {}
func (noMetrics) RateLimited(platform string) {}

// workspace is the bot with a pusher delivering its announcements, in
// HTTP or Socket Mode, in a workspace with more channels than presse.
type workspace struct {
	*harness
	pusher   *push.Pusher
	releases withReleases
	stopPush func()
}

func startWorkspace(t *testing.T, socket bool, cfg func(*Config)) *workspace {
	t.Helper()
	engine, err := testEngine()
	if err != nil {
		t.Fatal(err)
	}
	// The releases the tests publish, known before the pusher reads them.
	w := &workspace{releases: withReleases{engine, map[string]*corpus.Release{}}}
	for _, id := range []string{"r1", "r2"} {
		w.releases.more[id] = &corpus.Release{ID: id, Title: "Testmeldung " + id, Lang: corpus.German,
			Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Body: []string{"Die ISA tagt in Huzhou."}}
	}
	var pusher atomic.Pointer[push.Pusher]
	w.harness = startWith(t, w.releases, func(c *Config) {
		if socket {
			c.AppToken = appToken
		} else {
			c.SigningSecret = signingSecret
		}
		c.Limits = &push.Limits{}
		c.Requeue = func(ds []store.Delivery) { pusher.Load().Enqueue(ds) }
		if cfg != nil {
			cfg(c)
		}
	})
	w.fake.SetChannel(neu, slackfake.Channel{Name: "neu"})
	w.fake.SetChannel(geheim, slackfake.Channel{Name: "geheim", Private: true})
	w.fake.SetChannel(otherDM, slackfake.Channel{Private: true})
	w.pusher = push.New(w.state, w.releases, []push.Sender{w.bot}, noMetrics{}, w.bot.logger)
	pusher.Store(w.pusher)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.pusher.Run(ctx) }()
	var stopped bool
	w.stopPush = func() {
		if !stopped {
			stopped = true
			cancel()
			<-done
		}
	}
	// Before the harness's cleanup, which stops the bot and closes the
	// state.
	t.Cleanup(w.stopPush)
	return w
}

// finish stops the pusher, then the bot: what a test counts after it is
// all that will ever be sent.
func (w *workspace) finish() {
	w.stopPush()
	w.stop()
}

// command runs "/isa text" in channel, by user, over Socket Mode or HTTP,
// and returns the one answer.
func (w *workspace) command(t *testing.T, user, channel, text string) string {
	t.Helper()
	respURL := w.fake.NewResponseURL()
	form := slackfake.SlashCommand("/isa", text, user, channel, respURL)
	if w.bot.SocketMode() {
		w.fake.WaitAck(t, w.fake.SendEnvelope(t, "slash_commands", form, true))
	} else if code, _ := w.httpPost(t, "/slack/commands", formType, []byte(form.Encode()), signed); code != http.StatusOK {
		t.Fatalf("/isa %s: %d", text, code)
	}
	return string(w.responses(t, respURL, 1)[0].Blocks)
}

// event sends an Events API event over Socket Mode or HTTP.
func (w *workspace) event(t *testing.T, id string, ev map[string]any) {
	t.Helper()
	if w.bot.SocketMode() {
		w.harness.event(t, id, ev)
		return
	}
	if code, _ := w.httpPost(t, "/slack/events", jsonType, slackfake.EventCallback(id, ev), signed); code != http.StatusOK {
		t.Fatalf("event %s: %d", id, code)
	}
}

// publish announces a new release, r1 or r2, to the subscribers.
func (w *workspace) publish(t *testing.T, id string) {
	t.Helper()
	if _, err := w.pusher.Announce(w.releases.more[id]); err != nil {
		t.Fatal(err)
	}
}

// announced counts the announcements of release id in channel.
func (w *workspace) announced(channel, id string) int {
	n := 0
	for _, m := range w.fake.Messages(channel) {
		if strings.Contains(m.Text, "Testmeldung "+id) {
			n++
		}
	}
	return n
}

// subscription is channel's subscription; ok is false without one.
func (w *workspace) subscription(t *testing.T, channel string) (store.Subscription, bool) {
	t.Helper()
	sub, ok, err := w.state.Subscription("slack", channel)
	if err != nil {
		t.Fatal(err)
	}
	return sub, ok
}

var modes = []struct {
	name   string
	socket bool
}{{"HTTP", false}, {"Socket Mode", true}}

func TestWorkspaceChannels(t *testing.T) {
	// Issue 17: what a real workspace does to subscriptions, end to end
	// through the fake, in both modes.
	t.Parallel()
	tests := []struct {
		name string
		cfg  func(*Config)
		run  func(t *testing.T, w *workspace)
	}{
		{"a public channel the bot is not in is joined, then delivered to", nil, func(t *testing.T, w *workspace) {
			if got := w.command(t, tom, neu, "subscribe"); !strings.Contains(got, "Abonniert: #neu") {
				t.Errorf("subscribe answered %s", got)
			}
			if !w.fake.Channel(neu).Member {
				t.Error("the bot did not join")
			}
			if sub, ok := w.subscription(t, neu); !ok || sub.By != tom || sub.Title != "#neu" {
				t.Errorf("subscription %+v %v", sub, ok)
			}
			w.publish(t, "r1")
			w.eventually(t, "the release in the joined channel", func() bool { return w.announced(neu, "r1") == 1 })
			w.finish()
			w.noErrors(t)
		}},
		{"a private channel or a DM asks to be invited, and nothing is subscribed", nil, func(t *testing.T, w *workspace) {
			for _, tt := range []struct{ channel, text, want string }{
				{geheim, "subscribe", "Laden Sie zuerst @isabot in den Kanal ein"},
				{otherDM, "subscribe", "Laden Sie zuerst @isabot in den Kanal ein"},
			} {
				if got := w.command(t, tom, tt.channel, tt.text); !strings.Contains(got, tt.want) {
					t.Errorf("%s: subscribe answered %s", tt.channel, got)
				}
				if _, ok := w.subscription(t, tt.channel); ok {
					t.Errorf("%s subscribed", tt.channel)
				}
			}
			w.finish()
			if calls := w.fake.Calls("conversations.join"); len(calls) != 0 {
				t.Errorf("tried to join: %+v", calls)
			}
			w.noErrors(t)
		}},
		{"a removal ends the subscription and tells the subscriber once", nil, func(t *testing.T, w *workspace) {
			w.command(t, tom, neu, "subscribe")
			c := w.fake.Channel(neu)
			c.Member = false
			w.fake.SetChannel(neu, c)
			w.publish(t, "r1")
			w.publish(t, "r2")
			w.eventually(t, "the subscriber told", func() bool { return len(w.fake.Messages(tom)) == 1 })
			w.finish()
			if _, ok := w.subscription(t, neu); ok {
				t.Error("still subscribed")
			}
			if msgs := w.fake.Messages(tom); len(msgs) != 1 || !strings.Contains(msgs[0].Text, "isabot wurde aus #neu entfernt") {
				t.Errorf("told the subscriber %+v", msgs)
			}
			if n := len(w.fake.Messages(neu)); n != 0 {
				t.Errorf("%d messages in the channel", n)
			}
			w.noErrors(t, "not_in_channel")
		}},
		{"a rename is listed", nil, func(t *testing.T, w *workspace) {
			w.command(t, tom, presse, "subscribe")
			w.event(t, "Ev0RENAME", slackfake.ChannelRename(presse, "presse-neu"))
			w.eventually(t, "the new name", func() bool { sub, _ := w.subscription(t, presse); return sub.Title == "#presse-neu" })
		}},
		{"archived and unarchived: delivered after, once", nil, func(t *testing.T, w *workspace) {
			w.command(t, tom, presse, "subscribe")
			w.event(t, "Ev0ARCHIVE", slackfake.ChannelArchive(presse, tom))
			w.fake.SetChannel(presse, slackfake.Channel{Name: "isa-c0presse", Member: true, Archived: true})
			w.eventually(t, "the pause", func() bool { sub, _ := w.subscription(t, presse); return sub.Paused == "archived" })
			w.publish(t, "r1")
			w.fake.SetChannel(presse, slackfake.Channel{Name: "isa-c0presse", Member: true})
			w.event(t, "Ev0UNARCHIVE", slackfake.ChannelUnarchive(presse, tom))
			w.eventually(t, "the release after unarchiving", func() bool { return w.announced(presse, "r1") == 1 })
			w.finish()
			if n := w.announced(presse, "r1"); n != 1 {
				t.Errorf("announced %d times", n)
			}
			w.noErrors(t)
		}},
		{"archived while a delivery is on its way: held, then delivered once", nil, func(t *testing.T, w *workspace) {
			w.command(t, tom, presse, "subscribe")
			w.fake.SetChannel(presse, slackfake.Channel{Name: "isa-c0presse", Member: true, Archived: true})
			w.publish(t, "r1")
			w.eventually(t, "the pause", func() bool { sub, _ := w.subscription(t, presse); return sub.Paused == "archived" })
			w.event(t, "Ev0ARCHIVE", slackfake.ChannelArchive(presse, tom))
			w.fake.SetChannel(presse, slackfake.Channel{Name: "isa-c0presse", Member: true})
			w.event(t, "Ev0UNARCHIVE", slackfake.ChannelUnarchive(presse, tom))
			w.eventually(t, "the release after unarchiving", func() bool { return w.announced(presse, "r1") == 1 })
			w.finish()
			if n := w.announced(presse, "r1"); n != 1 {
				t.Errorf("announced %d times", n)
			}
			if _, ok := w.subscription(t, presse); !ok {
				t.Error("unsubscribed")
			}
			w.noErrors(t, "is_archived")
		}},
		{"joined where not subscribed: a hint, not where subscribed", nil, func(t *testing.T, w *workspace) {
			w.command(t, tom, presse, "subscribe")
			w.event(t, "Ev0JOIN1", slackfake.MemberJoinedChannel(slackfake.BotUserID, presse, tom))
			w.event(t, "Ev0JOIN2", slackfake.MemberJoinedChannel(jana, neu, tom))
			w.fake.SetChannel(neu, slackfake.Channel{Name: "neu", Member: true})
			w.event(t, "Ev0JOIN3", slackfake.MemberJoinedChannel(slackfake.BotUserID, neu, tom))
			m := w.message(t, neu, 1)
			w.finish()
			if !strings.Contains(m.Text, "/isa subscribe") || !strings.Contains(m.Text, "/isa help") {
				t.Errorf("hint %q", m.Text)
			}
			if n := len(w.fake.Messages(neu)) + len(w.fake.Messages(presse)); n != 1 {
				t.Errorf("%d hints", n)
			}
		}},
		{"only admins subscribe under SLACK_SUBSCRIBE=admins", func(c *Config) { c.AdminsSubscribe = true }, func(t *testing.T, w *workspace) {
			w.fake.SetUser(jana, slackfake.User{Admin: true})
			if got := w.command(t, tom, presse, "subscribe"); !strings.Contains(got, "Nur Administratoren und Inhaber des Workspace") {
				t.Errorf("a member subscribing: %s", got)
			}
			if _, ok := w.subscription(t, presse); ok {
				t.Error("a member subscribed")
			}
			if got := w.command(t, jana, presse, "subscribe"); !strings.Contains(got, "Abonniert") {
				t.Errorf("an admin subscribing: %s", got)
			}
			if got := w.command(t, tom, presse, "unsubscribe"); !strings.Contains(got, "Nur Administratoren") {
				t.Errorf("a member unsubscribing: %s", got)
			}
		}},
	}
	for _, mode := range modes {
		for _, tt := range tests {
			t.Run(mode.name+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				tt.run(t, startWorkspace(t, mode.socket, tt.cfg))
			})
		}
	}
}

func TestUninstalledThenWorkingAgain(t *testing.T) {
	// The app uninstalled or its tokens revoked: nothing is posted, the
	// subscriptions wait, /readyz (Health) and the log say why; once Slack
	// takes the token again, what waited is delivered, once.
	t.Parallel()
	for _, mode := range modes {
		for _, ev := range []map[string]any{slackfake.AppUninstalled(), slackfake.TokensRevoked()} {
			name := fmt.Sprint(ev["type"])
			t.Run(mode.name+"/"+name, func(t *testing.T) {
				t.Parallel()
				w := startWorkspace(t, mode.socket, nil)
				w.command(t, tom, presse, "subscribe")
				w.publish(t, "r1")
				w.eventually(t, "the first release", func() bool { return w.announced(presse, "r1") == 1 })

				w.fake.RefuseToken(botToken, "token_revoked")
				w.event(t, "Ev0GONE", ev)
				if d := w.pauses.next(t, w.logs); d != tokenPause {
					t.Errorf("pause %v", d)
				}
				if err := w.bot.Health(); err == nil || !strings.Contains(err.Error(), "deliveries paused ("+name+")") {
					t.Errorf("health: %v", err)
				}
				if sub, _ := w.subscription(t, presse); sub.Paused != name {
					t.Errorf("subscription %+v", sub)
				}
				w.publish(t, "r2")
				posts := len(w.fake.Calls("chat.postMessage"))

				w.fake.RefuseToken(botToken, "")
				w.pauses.end <- time.Now()
				w.eventually(t, "the release that waited", func() bool { return w.announced(presse, "r2") == 1 })
				w.eventually(t, "the bot ready", func() bool { return w.bot.Health() == nil })
				w.finish()
				if n := w.announced(presse, "r1") + w.announced(presse, "r2"); n != 2 {
					t.Errorf("%d announcements, want 2", n)
				}
				if n := len(w.fake.Calls("chat.postMessage")); n != posts+1 {
					t.Errorf("%d posts after the token came back, want 1", n-posts)
				}
				if sub, _ := w.subscription(t, presse); sub.Paused != "" {
					t.Errorf("still paused: %+v", sub)
				}
				if !strings.Contains(w.logs.String(), "the app was uninstalled or its tokens revoked") {
					t.Errorf("the log does not say why:\n%s", w.logs.String())
				}
				w.noErrors(t, "token_revoked")
			})
		}
	}
}
