package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/inbox"
	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
)

// TestMain lets the test binary stand in for isabot: run with
// ISABOT_TEST_CHILD=1 it is `isabot` with the arguments after "--", and
// stops on SIGTERM as isabot does.
func TestMain(m *testing.M) {
	if os.Getenv("ISABOT_TEST_CHILD") == "1" {
		args := os.Args[1:]
		for i, a := range args {
			if a == "--" {
				args = args[i+1:]
				break
			}
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		err := Run(ctx, args, os.Stdout, os.Stderr)
		stop()
		if err != nil {
			fmt.Fprintln(os.Stderr, "isabot:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// broadcastRig runs isabot serve as a child process, with a fake Bot API
// that answers messages after a while, as Telegram does, so that a
// broadcast to its channels takes a while and can be interrupted.
type broadcastRig struct {
	t           *testing.T
	srv         *telegramtest.Server
	dataDir     string
	listen      string
	subscribers int
	rate        int // TELEGRAM_RATE: announcements a second
	env         []string
	logs        []string // of each child started, in order
}

func newBroadcastRig(t *testing.T, subscribers int, env ...string) *broadcastRig {
	srv := telegramtest.NewServer(t, pushToken) // its cleanup runs after the children are killed
	srv.SetLatency("sendMessage", 20*time.Millisecond)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	listen := ln.Addr().String()
	ln.Close()
	return &broadcastRig{t: t, srv: srv, dataDir: t.TempDir(), listen: listen, subscribers: subscribers, rate: 150, env: env}
}

// chat is the id of the i-th subscriber.
func (r *broadcastRig) chat(i int) int64 { return int64(-5000 - i) }

// command is isabot with args, configured as the rig's serve is.
func (r *broadcastRig) command(args ...string) *exec.Cmd {
	var chats []string
	for i := range r.subscribers {
		chats = append(chats, fmt.Sprint(r.chat(i)))
	}
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--", "--data", r.dataDir}, args...)...)
	cmd.Env = append(os.Environ(),
		"ISABOT_TEST_CHILD=1", "ISABOT_LISTEN="+r.listen, "ISABOT_LOG_FORMAT=json",
		"TELEGRAM_BOT_TOKEN="+pushToken, "TELEGRAM_API_URL="+r.srv.URL(),
		"TELEGRAM_CHANNELS="+strings.Join(chats, ","), fmt.Sprintf("TELEGRAM_RATE=%d", r.rate))
	cmd.Env = append(cmd.Env, r.env...)
	return cmd
}

// start starts isabot serve and waits until it is ready.
func (r *broadcastRig) start() *exec.Cmd {
	t := r.t
	cmd := r.command("serve")
	logPath := filepath.Join(t.TempDir(), "child.log")
	r.logs = append(r.logs, logPath)
	out, _ := os.Create(logPath)
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			logged, _ := os.ReadFile(logPath)
			t.Logf("the log of isabot serve:\n%s", logged)
		}
	})
	// Ready once its bot reached the fake and subscribed the configured
	// channels, one by one.
	await(t, "the child to be ready", 10*time.Second+time.Duration(r.subscribers)*10*time.Millisecond, func() string {
		resp, err := http.Get("http://" + r.listen + "/readyz")
		if err != nil {
			return err.Error()
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Sprintf("/readyz: %s %s", resp.Status, body)
		}
		return ""
	})
	return cmd
}

// allowFor is how long n announcements may take: twice as long as the
// rig's rate lets them go, and 20 s more for a start, a takeover and a
// busy machine.
func (r *broadcastRig) allowFor(n int) time.Duration {
	return 2*time.Duration(n)*time.Second/time.Duration(r.rate) + 20*time.Second
}

// delivered is how many announcements the subscribers got.
func (r *broadcastRig) delivered() int {
	n := 0
	for _, c := range r.srv.Calls("sendMessage") {
		chat, _ := strconv.ParseInt(c.Params["chat_id"], 10, 64)
		if c.Status == 200 && chat <= r.chat(0) && chat > r.chat(r.subscribers) {
			n++
		}
	}
	return n
}

// interrupt stops child with sig once a third of the broadcast is out,
// and returns how many messages were delivered by then.
func (r *broadcastRig) interrupt(child *exec.Cmd, sig syscall.Signal) int {
	t := r.t
	third := r.subscribers / 3
	await(t, "a third of the broadcast", r.allowFor(third), func() string {
		if n := r.delivered(); n < third {
			return fmt.Sprintf("%d of %d delivered", n, r.subscribers)
		}
		return ""
	})
	if err := child.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	child.Wait()
	n := r.delivered()
	if n >= r.subscribers {
		t.Fatalf("the broadcast finished before the %v (%d)", sig, n)
	}
	return n
}

// everyoneOnce waits until every subscriber has a message that contains
// title, and checks that nobody got it more than twice, and few twice:
// at most the message in flight to a chat at the interruption is
// repeated. It returns how many were.
func (r *broadcastRig) everyoneOnce(title string) int {
	t := r.t
	await(t, "every subscriber to have the release", r.allowFor(r.subscribers-r.delivered()), func() string {
		var without []int64
		for i := range r.subscribers {
			if telegramCount(r.srv, r.chat(i), title) == 0 {
				without = append(without, r.chat(i))
			}
		}
		if len(without) == 0 {
			return ""
		}
		return fmt.Sprintf("%d of %d subscribers have not had it, such as %v; %d announcements delivered in all",
			len(without), r.subscribers, without[:min(len(without), 10)], r.delivered())
	})
	if r.shared() {
		// A delivery leaves the outbox once the platform took it: when
		// the outbox is empty, nothing more is sent.
		await(t, "the outbox to be empty", r.allowFor(push.DefaultWorkers), r.owed)
	} else {
		time.Sleep(300 * time.Millisecond) // serve holds the state file: nothing more may come
	}
	repeats := 0
	for i := range r.subscribers {
		switch n := telegramCount(r.srv, r.chat(i), title); {
		case n == 2:
			repeats++
		case n > 2:
			t.Errorf("chat %d got the release %d times", r.chat(i), n)
		}
	}
	if repeats > push.DefaultWorkers { // at most one in flight per worker at the interruption
		t.Errorf("%d subscribers got the release twice", repeats)
	}
	return repeats
}

// shared reports whether the rig's state is in PostgreSQL, where another
// process may read it while serve runs.
func (r *broadcastRig) shared() bool {
	return slices.ContainsFunc(r.env, func(v string) bool { return strings.HasPrefix(v, "ISABOT_DATABASE_URL=") })
}

// owed says how many deliveries isabot deliveries finds in the outbox,
// "" when none.
func (r *broadcastRig) owed() string {
	out, err := r.command("deliveries", "--json").Output()
	var report []store.ReleaseDeliveries
	if err == nil {
		err = json.Unmarshal(out, &report)
	}
	if err != nil {
		return fmt.Sprintf("isabot deliveries: %v", err)
	}
	pending := 0
	for _, rd := range report {
		pending += rd.Pending
	}
	if pending > 0 {
		return fmt.Sprintf("%d deliveries in the outbox", pending)
	}
	return ""
}

func TestCrashDuringBroadcast(t *testing.T) {
	// isabot is killed (SIGKILL) in the middle of a broadcast to 300
	// subscribers and started again: nobody is skipped, and nobody gets
	// the release more than twice — at most the message in flight at the
	// kill is repeated.
	if testing.Short() {
		t.Skip("runs isabot as a child process")
	}
	t.Parallel() // beside TestTwoReplicas, which mostly waits
	rig := newBroadcastRig(t, 300)
	child := rig.start()
	if _, err := inbox.Publish(rig.dataDir, "testdata/releases/2026-11-24-testmeldung-wasserstoff.md"); err != nil {
		t.Fatal(err)
	}
	atKill := rig.interrupt(child, syscall.SIGKILL)
	rig.start()
	repeats := rig.everyoneOnce(releaseTitle)
	t.Logf("killed after %d of %d deliveries; %d repeated after the restart", atKill, rig.subscribers, repeats)
}

func TestRestartDuringFeedBroadcast(t *testing.T) {
	// A release from a feed is being broadcast to 300 subscribers when
	// isabot is stopped or killed; at the next start the feed answers
	// late or not at all. The release is in the outbox: nobody is
	// skipped, and nobody gets it more than twice.
	if testing.Short() {
		t.Skip("runs isabot as a child process")
	}
	t.Parallel() // beside TestTwoReplicas, which mostly waits
	const title = "Testmeldung aus dem Feed: Delegation aus Deyang besucht Chemnitz"
	for _, tt := range []struct {
		name  string
		stop  syscall.Signal
		after string // how the feed answers after the restart: "late" or "gone"
	}{
		{"SIGTERM, the feed late", syscall.SIGTERM, "late"},
		{"SIGKILL, the feed gone", syscall.SIGKILL, "gone"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// The feed lists the release once isabot is ready: the channels
			// of the configuration are subscribed by then.
			var mode atomic.Value
			mode.Store("empty")
			var polls atomic.Int32
			unblock := make(chan struct{})
			feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				polls.Add(1)
				switch mode.Load() {
				case "late":
					select { // answers once the test is over
					case <-unblock:
					case <-r.Context().Done():
					}
				case "gone":
					http.NotFound(w, r)
					return
				}
				w.Header().Set("Content-Type", "application/rss+xml")
				if mode.Load() == "empty" {
					fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>ISA</title></channel></rss>`)
					return
				}
				fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>ISA</title><language>de</language>
<item><title>%s</title><guid>isa-feed-restart</guid>
<link>https://isabot.example/feed/2</link><pubDate>Mon, 23 Nov 2026 10:00:00 +0000</pubDate>
<description>&lt;p&gt;Eine Delegation besucht Chemnitz.&lt;/p&gt;</description></item>
</channel></rss>`, title)
			}))
			t.Cleanup(feed.Close)
			t.Cleanup(func() { close(unblock) }) // before the feed closes: it waits for its handlers

			rig := newBroadcastRig(t, 300, "ISABOT_FEEDS="+feed.URL, "ISABOT_FEED_INTERVAL=1s")
			child := rig.start()
			mode.Store("up")
			atStop := rig.interrupt(child, tt.stop)

			// What is owed is in the outbox, with the release.
			out, stderr, err := run(t, "--data", rig.dataDir, "deliveries", "--json")
			var report []store.ReleaseDeliveries
			if err == nil {
				err = json.Unmarshal([]byte(out), &report)
			}
			if err != nil || len(report) != 1 || report[0].Title != title || report[0].Pending == 0 || report[0].Failed+report[0].Abandoned != 0 {
				t.Fatalf("isabot deliveries after the %v: %v %s\n%s", tt.stop, err, stderr, out)
			}

			mode.Store(tt.after)
			before := polls.Load()
			rig.start()
			waitFor(t, "the feed to be asked again", func() bool { return polls.Load() > before })
			repeats := rig.everyoneOnce(title)
			// The release is read in full from the outbox: Read more shows
			// it, and questions find it.
			resp, err := http.Get("http://" + rig.listen + "/api/ask?q=" + url.QueryEscape("Wer besucht Chemnitz?"))
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if !strings.Contains(string(body), `"title":"`+title+`"`) {
				t.Errorf("the release is not found after the restart: %s", body)
			}
			t.Logf("stopped after %d of %d deliveries, %d owed; %d repeated after the restart", atStop, rig.subscribers, report[0].Pending, repeats)
		})
	}
}
