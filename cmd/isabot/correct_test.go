package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
)

func TestCorrectionThroughServe(t *testing.T) {
	// A release published again with a changed text and a correction note
	// edits the announcement already sent, and sends nothing new.
	clock := push.NewSimClock(time.Now())
	tg := telegramtest.NewServer(t, pushToken)
	env := map[string]string{"TELEGRAM_BOT_TOKEN": pushToken, "TELEGRAM_API_URL": tg.URL(), "TELEGRAM_CHANNELS": "-1001", "TELEGRAM_RATE": "200"}
	dir := t.TempDir()
	s := serveAt(t, dir, env, clock)
	const file = "testdata/releases/2026-11-24-testmeldung-wasserstoff.md"
	if _, stderr, err := run(t, "--data", dir, "publish", file); err != nil {
		t.Fatalf("publish: %v %s", err, stderr)
	}
	waitFor(t, "the announcement", func() bool { return telegramCount(tg, -1001, releaseTitle) == 1 })

	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	corrected := strings.ReplaceAll(string(raw), "in Huzhou", "in Foshan")
	corrected = strings.Replace(corrected, "place: Berlin\n", "place: Berlin\ncorrection: \"Der Arbeitskreis tagt in Foshan, nicht in Huzhou.\"\n", 1)
	target := filepath.Join(dir, "releases", filepath.Base(file))
	if err := os.WriteFile(target+".tmp", []byte(corrected), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(target+".tmp", target); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if t.Failed() {
			t.Logf("serve's log:\n%s\nmessages: %+v", s.stderr.String(), tg.Messages(-1001))
		}
	}()
	waitFor(t, "the announcement edited", func() bool {
		msgs := tg.Messages(-1001)
		return len(msgs) == 1 && msgs[0].Edited && strings.Contains(msgs[0].Plain, "nicht in Huzhou")
	})
	time.Sleep(300 * time.Millisecond) // nothing more may come
	if n := len(tg.Calls("sendMessage")); n != 1 {
		t.Errorf("%d messages sent, want the one announcement: %+v", n, tg.Messages(-1001))
	}
}
