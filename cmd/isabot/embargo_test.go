package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
)

// serveAt runs serve on dataDir with the environment env and the clock,
// checking held releases every 20 ms, until it is ready.
func serveAt(t *testing.T, dataDir string, env map[string]string, clock *push.SimClock) *served {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	env["ISABOT_LISTEN"], env["ISABOT_DATA"] = addr, dataDir
	cfg, err := loadConfig(map[string]bool{}, map[string]*string{}, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	s := &served{base: "http://" + addr, dataDir: dataDir, stderr: &syncWriter{}}
	logger, err := newLogger(s.stderr, "text", "debug")
	if err != nil {
		t.Fatal(err)
	}
	a := &app{stdout: io.Discard, stderr: s.stderr, logger: logger, cfg: cfg, dataDir: dataDir, now: clock.Now, embargoTick: 20 * time.Millisecond}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- a.serve(ctx) }()
	stopped := false
	s.stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		return <-done
	}
	t.Cleanup(func() { s.stop() })
	waitFor(t, "serve ready", func() bool {
		resp, err := http.Get(s.base + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	return s
}

func TestEmbargo(t *testing.T) {
	// A release published under embargo is in no search, answer or
	// announcement until its time; then it is, once, whether the server
	// ran at the time or started after it.
	const question = "Wo tagt der Arbeitskreis Wasserstoff?"
	embargo := time.Now().Add(24 * time.Hour).Truncate(time.Second)
	clock := push.NewSimClock(embargo.Add(-time.Hour))
	tg := telegramtest.NewServer(t, pushToken)
	env := func() map[string]string {
		return map[string]string{"TELEGRAM_BOT_TOKEN": pushToken, "TELEGRAM_API_URL": tg.URL(), "TELEGRAM_CHANNELS": "-1001", "TELEGRAM_RATE": "200"}
	}
	dir := t.TempDir()
	s := serveAt(t, dir, env(), clock)
	reader := models.Chat{ID: 31, Type: models.ChatTypePrivate}
	searched := 0
	visible := func() (announced, answered, found bool) {
		_, body := s.get(t, "/api/ask?q="+url.QueryEscape(question))
		searched++
		tg.SendText(reader, models.User{ID: 31, FirstName: "R"}, "/search Arbeitskreis Wasserstoff")
		waitFor(t, "the search's answer", func() bool { return len(tg.Messages(reader.ID)) >= searched })
		return telegramCount(tg, -1001, releaseTitle) > 0, strings.Contains(body, "Huzhou"), telegramCount(tg, reader.ID, "Städte gründen") > 0
	}

	out, stderr, err := run(t, "--data", dir, "publish", "--embargo", embargo.Format(time.RFC3339), "testdata/releases/2026-11-24-testmeldung-wasserstoff.md")
	if err != nil || !strings.Contains(out, "scheduled for") {
		t.Fatalf("publish --embargo: %v %s\n%s", err, stderr, out)
	}
	out, _, _ = run(t, "--data", dir, "releases")
	if !strings.Contains(out, "2026-11-24-testmeldung-wasserstoff\t2026-11-24\tscheduled for") {
		t.Errorf("isabot releases: %s", out)
	}
	waitFor(t, "the release held", func() bool { return strings.Contains(s.stderr.String(), "holding a release under embargo") })
	if announced, answered, found := visible(); announced || answered || found {
		t.Errorf("under embargo: announced %v, answered %v, found by /search %v", announced, answered, found)
	}
	// Restarted before the time, still held.
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	s = serveAt(t, dir, env(), clock)
	if announced, answered, found := visible(); announced || answered || found {
		t.Errorf("under embargo after a restart: announced %v, answered %v, found by /search %v", announced, answered, found)
	}
	clock.Set(embargo)
	waitFor(t, "the announcement at the time", func() bool { return telegramCount(tg, -1001, releaseTitle) == 1 })
	if announced, answered, found := visible(); !announced || !answered || !found {
		t.Errorf("at the time: announced %v, answered %v, found by /search %v", announced, answered, found)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	s = serveAt(t, dir, env(), clock)
	time.Sleep(300 * time.Millisecond)
	if n := telegramCount(tg, -1001, releaseTitle); n != 1 {
		t.Errorf("announced %d times", n)
	}
}

func TestEmbargoEndsWhileDown(t *testing.T) {
	// The server is down when the embargo ends: the release is announced
	// when it starts.
	embargo := time.Now().Add(24 * time.Hour).Truncate(time.Second)
	clock := push.NewSimClock(embargo.Add(-time.Minute))
	tg := telegramtest.NewServer(t, pushToken)
	env := func() map[string]string {
		return map[string]string{"TELEGRAM_BOT_TOKEN": pushToken, "TELEGRAM_API_URL": tg.URL(), "TELEGRAM_CHANNELS": "-1001", "TELEGRAM_RATE": "200"}
	}
	dir := t.TempDir()
	s := serveAt(t, dir, env(), clock)
	if _, stderr, err := run(t, "--data", dir, "publish", "--embargo", embargo.Format(time.RFC3339), "testdata/releases/2026-11-24-testmeldung-wasserstoff.md"); err != nil {
		t.Fatalf("publish --embargo: %v %s", err, stderr)
	}
	waitFor(t, "the release held", func() bool { return strings.Contains(s.stderr.String(), "holding a release under embargo") })
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	clock.Set(embargo.Add(time.Hour))
	s = serveAt(t, dir, env(), clock)
	waitFor(t, "the announcement at start", func() bool { return telegramCount(tg, -1001, releaseTitle) == 1 })
	if _, body := s.get(t, "/api/ask?q="+url.QueryEscape("Wo tagt der Arbeitskreis Wasserstoff?")); !strings.Contains(body, "Huzhou") {
		t.Errorf("not answered from after its embargo: %s", body)
	}
}

func TestPublishEmbargoRefusesPlainText(t *testing.T) {
	_, _, err := run(t, "publish", "--embargo", "2026-03-01T10:00:00+01:00", "testdata/releases/../../../../corpus/data/releases/2021-02-11-isa-fruehlingsfest.txt")
	if err == nil || !strings.Contains(err.Error(), "needs a Markdown release") {
		t.Errorf("publish --embargo of a .txt: %v", err)
	}
	_, _, err = run(t, "publish", "--embargo", "tomorrow", "testdata/releases/2026-11-24-testmeldung-wasserstoff.md")
	if err == nil || !strings.Contains(err.Error(), "want a time with its offset") {
		t.Errorf("publish --embargo tomorrow: %v", err)
	}
}
