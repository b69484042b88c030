package telegram

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/corpus"
)

func TestDigest(t *testing.T) {
	// A chat that chose a digest gets one message at its hour listing
	// the releases, with a Read more for each, while a subscriber gets
	// each; in a group only admins choose; a correction of a release a
	// digest listed replies to the digest.
	t.Parallel()
	h := start(t, func(c *Config) { c.Limits = &push.Limits{} })
	anna := models.User{ID: 702, FirstName: "Anna", LanguageCode: "de"}
	annaChat := models.Chat{ID: 702, Type: models.ChatTypePrivate, FirstName: "Anna"}
	ben := models.User{ID: 703, FirstName: "Ben", LanguageCode: "en"}
	benChat := models.Chat{ID: 703, Type: models.ChatTypePrivate, FirstName: "Ben"}

	steps := []struct {
		chat models.Chat
		from models.User
		text string
		want string
	}{
		{annaChat, anna, "/digest", "ist nicht abonniert"},
		{annaChat, anna, "/digest 8:00 Mars/Olympus", "„Mars/Olympus“ kenne ich nicht"},
		{annaChat, anna, "/digest morgens", "Mit /digest 08:00"},
		{annaChat, anna, "/digest 8:00", "um 08:00 (Europe/Berlin)"},
		{annaChat, anna, "/digest", "um 08:00 (Europe/Berlin)"},
		{group, tom, "/digest 07:30 Asia/Shanghai", "admins"},
		{group, jana, "/digest 07:30 Asia/Shanghai", "um 07:30 (Asia/Shanghai)"},
		{group, tom, "/digest", "at 07:30 (Asia/Shanghai)"}, // anyone may ask
		{benChat, ben, "/subscribe", "Subscribed"},
	}
	h.srv.SetChatMember(group.ID, jana.ID, "administrator")
	for _, st := range steps {
		n := len(h.srv.Messages(st.chat.ID))
		h.srv.SendText(st.chat, st.from, st.text)
		if m := h.reply(t, st.chat.ID, n+1); !strings.Contains(m.Plain, st.want) {
			t.Errorf("%s: %q; want %q", st.text, m.Plain, st.want)
		}
	}

	berlin, _ := time.LoadLocation("Europe/Berlin")
	clock := push.NewSimClock(time.Date(2026, 3, 2, 12, 0, 0, 0, berlin))
	byID := &latest{}
	p := runPusher(t, h, byID, push.NewSimClock(time.Now()))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.RunDigests(ctx, clock.Now, 5*time.Millisecond); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	for _, chat := range []string{"702", "-100777"} {
		deadline := time.Now().Add(5 * time.Second)
		for sub, _, _ := h.state.Subscription(platform, chat); sub.Digest.Done.IsZero(); sub, _, _ = h.state.Subscription(platform, chat) {
			if time.Now().After(deadline) {
				t.Fatalf("the digest of %s was not settled", chat)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	date := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	releases := []*corpus.Release{
		{ID: "digest-1", Lang: corpus.German, Date: date, Title: "Wasserstoffgipfel in Nürnberg", Body: []string{"Text."}},
		{ID: "digest-2", Lang: corpus.English, Date: date, Title: "Delegation from Cologne visits Hefei", Body: []string{"Text."}},
	}
	for _, r := range releases {
		byID.publish(r)
		if _, err := p.Announce(r); err != nil {
			t.Fatal(err)
		}
	}
	drained(t, h.state)
	h.reply(t, benChat.ID, 3)
	if n := len(h.srv.Messages(annaChat.ID)); n != 5 {
		t.Errorf("the digest chat has %d messages before its hour; want the 5 replies", n)
	}
	clock.Set(time.Date(2026, 3, 3, 8, 0, 0, 0, berlin))
	digest := h.reply(t, annaChat.ID, 6)
	for _, want := range []string{"Tagesübersicht vom 3. März 2026 – neue Pressemitteilungen: 2", "1. Wasserstoffgipfel in Nürnberg (2. März 2026)", "2. Delegation from Cologne"} {
		if !strings.Contains(digest.Plain, want) {
			t.Errorf("digest %q lacks %q", digest.Plain, want)
		}
	}
	if !strings.Contains(digest.ReplyMarkup, "1. Weiterlesen") || !strings.Contains(digest.ReplyMarkup, "2. Weiterlesen") {
		t.Errorf("digest buttons: %s", digest.ReplyMarkup)
	}
	if m := h.reply(t, group.ID, 4); !strings.Contains(m.Plain, "Tagesübersicht vom 3. März 2026") {
		t.Errorf("the group's digest: %q", m.Plain)
	}

	drained(t, h.state) // the digests recorded as sent
	fixed := *releases[1]
	fixed.Correction = "Hefei, not Hangzhou."
	byID.publish(&fixed)
	if n, err := p.Announce(&fixed); err != nil || n != 3 {
		t.Fatalf("the correction queued %d, %v; want 3: Ben's announcement edited, the digests answered", n, err)
	}
	correction := h.reply(t, annaChat.ID, 7)
	if correction.ReplyTo != digest.MessageID || !strings.Contains(correction.Plain, "Hefei, not Hangzhou.") {
		t.Errorf("the correction %+v does not answer the digest %d", correction, digest.MessageID)
	}
	clock.Set(time.Date(2026, 3, 5, 8, 0, 0, 0, berlin))
	drained(t, h.state)
	time.Sleep(50 * time.Millisecond)
	h.quiet(t, annaChat.ID, 7)
	for _, m := range h.srv.Messages(annaChat.ID) {
		if m.Edited {
			t.Errorf("a digest was edited: %q", m.Plain)
		}
	}
	h.noErrors(t)
}
