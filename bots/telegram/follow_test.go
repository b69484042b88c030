package telegram

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/corpus"
)

func TestFollowCitiesAndTopics(t *testing.T) {
	// Chats that follow a city (named in another script) or a topic get
	// the releases that name it or are about it, and no others; a chat
	// that subscribed gets everything; in a group only admins choose.
	t.Parallel()
	engine, err := searchEngine()
	if err != nil {
		t.Fatal(err)
	}
	h := start(t, func(c *Config) { c.Cities = engine; c.Limits = &push.Limits{} })
	li := models.User{ID: 601, FirstName: "Li", LanguageCode: "zh"}
	liChat := models.Chat{ID: 601, Type: models.ChatTypePrivate, FirstName: "Li"}
	anna := models.User{ID: 602, FirstName: "Anna", LanguageCode: "de"}
	annaChat := models.Chat{ID: 602, Type: models.ChatTypePrivate, FirstName: "Anna"}
	ben := models.User{ID: 603, FirstName: "Ben", LanguageCode: "en"}
	benChat := models.Chat{ID: 603, Type: models.ChatTypePrivate, FirstName: "Ben"}

	h.srv.SendText(liChat, li, "/follow 科隆")
	if m := h.reply(t, liChat.ID, 1); !strings.Contains(m.Plain, "城市：Köln") {
		t.Errorf("follow 科隆: %s", m.Plain)
	}
	h.srv.SendText(annaChat, anna, "/follow Wasserstoff")
	if m := h.reply(t, annaChat.ID, 1); !strings.Contains(m.Plain, "Themen: Wasserstoff") {
		t.Errorf("follow Wasserstoff: %s", m.Plain)
	}
	h.srv.SendText(benChat, ben, "/subscribe")
	h.reply(t, benChat.ID, 1)
	h.srv.SendText(group, tom, "/follow Foshan")
	if m := h.reply(t, group.ID, 1); !strings.Contains(m.Plain, "admins") {
		t.Errorf("a member who is no admin: %s", m.Plain)
	}
	h.srv.SetChatMember(group.ID, jana.ID, "administrator")
	h.srv.SendText(group, jana, "/follow Foshan, Köln")
	h.reply(t, group.ID, 2)
	h.srv.SendText(group, tom, "/following") // anyone may ask
	if m := h.reply(t, group.ID, 3); !strings.Contains(m.Plain, "Cities: Foshan, Köln") {
		t.Errorf("following: %s", m.Plain)
	}
	h.srv.SendText(group, jana, "/unfollow Cologne")
	if m := h.reply(t, group.ID, 4); !strings.Contains(m.Plain, "Städte: Foshan") || strings.Contains(m.Plain, "Köln") {
		t.Errorf("unfollow Cologne: %s", m.Plain)
	}

	byID := releaseMap{}
	p := push.New(h.state, byID, []push.Sender{h.bot}, nopObserver{}, slog.New(slog.DiscardHandler), push.WithMatcher(engine))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	date := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	releases := []corpus.Release{
		{ID: "follow-cologne", Lang: corpus.English, Date: date, Title: "Delegation from Cologne visits Hefei", Body: []string{"Text."}},
		{ID: "follow-hydrogen", Lang: corpus.German, Date: date.Add(time.Hour), Title: "Wasserstoffgipfel in Nürnberg", Body: []string{"Text."}},
		{ID: "follow-foshan", Lang: corpus.Chinese, Date: date.Add(2 * time.Hour), Title: "佛山代表团访问德国", Body: []string{"代表团访问了工厂。"}},
		{ID: "follow-none", Lang: corpus.German, Date: date.Add(3 * time.Hour), Title: "Jugendcamp in Shanghai", Body: []string{"Text."}},
	}
	for i := range releases {
		byID[releases[i].ID] = &releases[i] // before the pusher reads it
	}
	for i := range releases {
		if _, err := p.Announce(&releases[i]); err != nil {
			t.Fatal(err)
		}
	}
	want := map[int64][]string{
		liChat.ID:   {"Cologne"},
		annaChat.ID: {"Wasserstoffgipfel"},
		benChat.ID:  {"Cologne", "Wasserstoffgipfel", "佛山", "Jugendcamp"},
		group.ID:    {"佛山"},
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		pending, _ := h.state.Pending()
		if len(pending) == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	for chat, titles := range want {
		var got []string
		for _, m := range h.srv.Messages(chat) {
			for _, r := range releases {
				if strings.Contains(m.Plain, r.Title) {
					got = append(got, r.Title)
				}
			}
		}
		if len(got) != len(titles) {
			t.Errorf("chat %d got %q, want %q", chat, got, titles)
			continue
		}
		for i, w := range titles {
			if !strings.Contains(got[i], w) {
				t.Errorf("chat %d got %q, want %q", chat, got, titles)
			}
		}
	}
	h.noErrors(t)
}

// releaseMap is the corpus of releases to announce, kept apart from the
// shared engine that other tests answer from.
type releaseMap map[string]*corpus.Release

func (m releaseMap) Release(id string) (*corpus.Release, bool) {
	r, ok := m[id]
	return r, ok
}
