package telegram

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
)

// masksEngine answers from the default corpus and two releases that
// answer the same question with different numbers.
var masksEngine = sync.OnceValues(func() (*search.Engine, error) {
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		return nil, problems[0]
	}
	date := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	data.Releases = append(data.Releases,
		corpus.Release{ID: "masks-foshan", Lang: corpus.German, Date: date, Title: "Foshan spendet Schutzmasken",
			Body: []string{"Foshan lieferte 20.000 Schutzmasken an die Partnerstadt Duisburg."}},
		corpus.Release{ID: "masks-hefei", Lang: corpus.German, Date: date, Title: "Hefei spendet Schutzmasken",
			Body: []string{"Hefei lieferte 50.000 Schutzmasken an die Partnerstadt Nürnberg."}})
	idx, err := search.NewMemIndex(context.Background(), data.Releases)
	if err != nil {
		return nil, err
	}
	return search.NewEngine(data, idx), nil
})

func TestReplyToAnnouncementIsAboutItsRelease(t *testing.T) {
	// A reply to an announcement, in a private chat or a group, is
	// answered from the release announced.
	t.Parallel()
	engine, err := masksEngine()
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t)
	h.engine = engine
	h.run(t, func(c *Config) { c.Limits = &push.Limits{} })
	anna := models.User{ID: 811, FirstName: "Anna", LanguageCode: "de"}
	private := models.Chat{ID: 811, Type: models.ChatTypePrivate, FirstName: "Anna"}
	for _, c := range []models.Chat{private, group} {
		if _, err := h.state.Subscribe(store.Subscription{Platform: platform, Chat: strconv.FormatInt(c.ID, 10)}); err != nil {
			t.Fatal(err)
		}
	}
	p := runPusher(t, h, engine, push.NewSimClock(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)))
	for _, id := range []string{"masks-foshan", "masks-hefei"} {
		r, _ := engine.Release(id)
		if _, err := p.Announce(r); err != nil {
			t.Fatal(err)
		}
	}
	drained(t, h.state)
	announcement := func(chat int64, title string) int {
		for _, m := range h.srv.Messages(chat) {
			if strings.Contains(m.Plain, title) {
				return m.MessageID
			}
		}
		t.Fatalf("no announcement of %q in %d", title, chat)
		return 0
	}
	const question = "Wie viele Schutzmasken wurden geliefert?"
	steps := []struct {
		chat  models.Chat
		from  models.User
		title string
		want  string
	}{
		{private, anna, "Hefei", "50.000"},
		{private, anna, "Foshan", "20.000"},
		{group, tom, "Hefei", "50.000"},
	}
	for _, st := range steps {
		n := len(h.srv.Messages(st.chat.ID))
		h.srv.Reply(st.chat, st.from, question, announcement(st.chat.ID, st.title))
		if m := h.reply(t, st.chat.ID, n+1); !strings.Contains(m.Plain, st.want) {
			t.Errorf("%d, a reply to %s: %q, want %s", st.chat.ID, st.title, m.Plain, st.want)
		}
	}
	h.noErrors(t)
}
