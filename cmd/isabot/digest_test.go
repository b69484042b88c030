package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
)

// publishRelease writes a release with title to a file and publishes it
// into dataDir.
func publishRelease(t *testing.T, dataDir, id, title string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), id+".md")
	text := fmt.Sprintf("---\ntitle: %q\ndate: 2026-11-24\nlang: de\nplace: Berlin\n---\n%s: ein Absatz für die Tests der Tagesübersicht.\n", title, title)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := run(t, "--data", dataDir, "publish", path); err != nil {
		t.Fatalf("publish %s: %v %s", id, err, stderr)
	}
}

func TestDigestEndToEnd(t *testing.T) {
	// A chat that chose a digest gets one message at its hour listing
	// the day's two releases, while a subscribed channel gets two
	// announcements; a restart before the hour sends it once; a digest
	// due while the server was down is sent at start; in a group a
	// member who is no admin cannot choose one.
	berlin, _ := time.LoadLocation("Europe/Berlin")
	clock := push.NewSimClock(time.Date(2026, 11, 24, 10, 0, 0, 0, berlin))
	tg := telegramtest.NewServer(t, pushToken)
	env := func() map[string]string {
		return map[string]string{"TELEGRAM_BOT_TOKEN": pushToken, "TELEGRAM_API_URL": tg.URL(), "TELEGRAM_CHANNELS": "-1001", "TELEGRAM_RATE": "200"}
	}
	dir := t.TempDir()
	s := serveAt(t, dir, env(), clock)

	anna := models.Chat{ID: 41, Type: models.ChatTypePrivate, FirstName: "Anna"}
	tg.SendText(anna, models.User{ID: 41, FirstName: "Anna", LanguageCode: "de"}, "/digest 08:00")
	waitFor(t, "the digest chosen", func() bool { return telegramCount(tg, anna.ID, "einmal am Tag, um 08:00 (Europe/Berlin)") == 1 })
	group := models.Chat{ID: -2001, Type: models.ChatTypeSupergroup, Title: "Pressegruppe"}
	tg.SetChatMember(group.ID, 21, "member")
	tg.SendText(group, models.User{ID: 21, FirstName: "Member", LanguageCode: "de"}, "/digest 08:00")
	waitFor(t, "the refusal", func() bool { return telegramCount(tg, group.ID, "Nur die Administratoren") == 1 })
	time.Sleep(200 * time.Millisecond) // the digest just chosen is settled

	titles := []string{"Erste Testmeldung der Tagesübersicht", "Zweite Testmeldung der Tagesübersicht", "Dritte Testmeldung der Tagesübersicht"}
	publishRelease(t, dir, "2026-11-24-digest-1", titles[0])
	publishRelease(t, dir, "2026-11-24-digest-2", titles[1])
	waitFor(t, "two announcements in the channel", func() bool {
		return telegramCount(tg, -1001, titles[0]) == 1 && telegramCount(tg, -1001, titles[1]) == 1
	})
	digests := func() int { return telegramCount(tg, anna.ID, "Tagesübersicht vom") }
	if n := len(tg.Messages(anna.ID)); n != 1 {
		t.Errorf("the digest chat has %d messages before its hour", n)
	}

	// Restarted before the hour: the day's releases still wait.
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	s = serveAt(t, dir, env(), clock)
	time.Sleep(200 * time.Millisecond)
	if n := digests(); n != 0 {
		t.Errorf("%d digests before the hour", n)
	}
	clock.Set(time.Date(2026, 11, 25, 8, 0, 0, 0, berlin))
	waitFor(t, "the digest at its hour", func() bool { return digests() == 1 })
	last := tg.Messages(anna.ID)[len(tg.Messages(anna.ID))-1]
	if !strings.Contains(last.Plain, "Tagesübersicht vom 25. November 2026 – neue Pressemitteilungen: 2") ||
		!strings.Contains(last.Plain, "1. "+titles[0]) || !strings.Contains(last.Plain, "2. "+titles[1]) ||
		!strings.Contains(last.ReplyMarkup, "2. Weiterlesen") {
		t.Errorf("the digest: %q %s", last.Plain, last.ReplyMarkup)
	}

	// A release the next day; the server is down at the next hour: the
	// digest is sent when it starts, once.
	publishRelease(t, dir, "2026-11-24-digest-3", titles[2])
	waitFor(t, "the third announcement", func() bool { return telegramCount(tg, -1001, titles[2]) == 1 })
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	clock.Set(time.Date(2026, 11, 26, 11, 0, 0, 0, berlin))
	s = serveAt(t, dir, env(), clock)
	waitFor(t, "the digest due while down", func() bool { return digests() == 2 })
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	s = serveAt(t, dir, env(), clock)
	time.Sleep(300 * time.Millisecond)
	if n := digests(); n != 2 {
		t.Errorf("%d digests; want 2", n)
	}
	for i, title := range titles {
		if n := telegramCount(tg, anna.ID, title); n != 1 {
			t.Errorf("release %d is in %d of the digest chat's messages", i+1, n)
		}
		if n := telegramCount(tg, -1001, title); n != 1 {
			t.Errorf("release %d announced %d times in the channel", i+1, n)
		}
	}
}
