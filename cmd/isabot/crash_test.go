package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/inbox"
	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
)

// TestMain lets the test binary stand in for isabot: run with
// ISABOT_TEST_CHILD=1 it is `isabot` with the arguments after "--".
func TestMain(m *testing.M) {
	if os.Getenv("ISABOT_TEST_CHILD") == "1" {
		args := os.Args[1:]
		for i, a := range args {
			if a == "--" {
				args = args[i+1:]
				break
			}
		}
		if err := Run(context.Background(), args, os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "isabot:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestCrashDuringBroadcast(t *testing.T) {
	// isabot is killed (SIGKILL) in the middle of a broadcast to 300
	// subscribers and started again: nobody is skipped, and nobody gets
	// the release more than twice — at most the message in flight at the
	// kill is repeated.
	if testing.Short() {
		t.Skip("runs isabot as a child process")
	}
	const subscribers = 300
	srv := telegramtest.NewServer(t, pushToken)
	// Telegram answers slowly, so the broadcast takes a while.
	target, _ := url.Parse(srv.URL())
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ErrorLog = log.New(io.Discard, "", 0) // the killed child's requests end abruptly
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/sendMessage") {
			time.Sleep(20 * time.Millisecond)
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(slow.Close) // after the children are killed: they hold long polls open

	var chats []string
	for i := range subscribers {
		chats = append(chats, fmt.Sprint(-5000-i))
	}
	dataDir := t.TempDir()
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	listen := ln.Addr().String()
	ln.Close()
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$", "--", "--data", dataDir, "serve")
		cmd.Env = append(os.Environ(),
			"ISABOT_TEST_CHILD=1", "ISABOT_LISTEN="+listen, "ISABOT_LOG_FORMAT=json",
			"TELEGRAM_BOT_TOKEN="+pushToken, "TELEGRAM_API_URL="+slow.URL,
			"TELEGRAM_CHANNELS="+strings.Join(chats, ","), "TELEGRAM_RATE=150")
		out, _ := os.Create(filepath.Join(t.TempDir(), "child.log"))
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		waitFor(t, "the child to be ready", func() bool {
			resp, err := http.Get("http://" + listen + "/readyz")
			if err != nil {
				return false
			}
			resp.Body.Close()
			return resp.StatusCode == 200
		})
		return cmd
	}
	delivered := func() int {
		n := 0
		for _, c := range srv.Calls("sendMessage") {
			if c.Status == 200 {
				n++
			}
		}
		return n
	}

	child := start()
	if _, err := inbox.Publish(dataDir, "testdata/releases/2026-11-24-testmeldung-wasserstoff.md"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a third of the broadcast", func() bool { return delivered() >= subscribers/3 })
	if err := child.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	child.Wait()
	atKill := delivered()
	if atKill >= subscribers {
		t.Fatalf("the broadcast finished before the kill (%d)", atKill)
	}

	start()
	waitFor(t, "every subscriber", func() bool {
		for i := range subscribers {
			if telegramCount(srv, int64(-5000-i), releaseTitle) == 0 {
				return false
			}
		}
		return true
	})
	time.Sleep(300 * time.Millisecond) // nothing more may come
	repeats := 0
	for i := range subscribers {
		switch n := telegramCount(srv, int64(-5000-i), releaseTitle); {
		case n == 2:
			repeats++
		case n > 2:
			t.Errorf("chat %d got the release %d times", -5000-i, n)
		}
	}
	t.Logf("killed after %d of %d deliveries; %d repeated after the restart", atKill, subscribers, repeats)
	if repeats > 32 { // at most one in flight per worker at the kill
		t.Errorf("%d subscribers got the release twice", repeats)
	}
}
