package slack

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/slack/slackfake"
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

func TestThreadReplyIsAboutItsRelease(t *testing.T) {
	// A reply in an announcement's thread is answered there, from the
	// release announced; a mention in the thread too, once; a reply in
	// another thread is not for the bot.
	t.Parallel()
	engine, err := masksEngine()
	if err != nil {
		t.Fatal(err)
	}
	h := startWith(t, engine, func(c *Config) { c.AppToken = appToken })
	if _, err := h.state.Subscribe(store.Subscription{Platform: platform, Chat: presse}); err != nil {
		t.Fatal(err)
	}
	p := push.New(h.state, engine, []push.Sender{h.bot}, noMetrics{}, slog.New(slog.DiscardHandler),
		push.WithClock(push.NewSimClock(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	for _, id := range []string{"masks-foshan", "masks-hefei"} {
		r, _ := engine.Release(id)
		if _, err := p.Announce(r); err != nil {
			t.Fatal(err)
		}
	}
	h.eventually(t, "the announcements posted", func() bool { pending, _ := h.state.Pending(); return len(pending) == 0 })
	ts := map[string]string{}
	for _, m := range h.fake.Messages(presse) {
		for _, city := range []string{"Foshan", "Hefei"} {
			if strings.Contains(m.Text, city) {
				ts[city] = m.TS
			}
		}
	}
	const question = "Wie viele Schutzmasken wurden geliefert?"
	h.event(t, "Ev0ABOUT1", slackfake.ThreadReply(jana, presse, ts["Hefei"], question, "1700003000.000100"))
	h.event(t, "Ev0ABOUT2", slackfake.ThreadReply(jana, presse, ts["Foshan"], mention+question, "1700003000.000200"))
	inThread := slackfake.AppMention(jana, presse, mention+question, "1700003000.000200")
	inThread["thread_ts"] = ts["Foshan"]
	h.event(t, "Ev0ABOUT3", inThread)
	h.event(t, "Ev0ABOUT4", slackfake.ThreadReply(jana, presse, "1600000000.000100", question, "1700003000.000300"))
	want := map[string]string{ts["Hefei"]: "50.000", ts["Foshan"]: "20.000"}
	h.eventually(t, "two answers", func() bool { return len(h.fake.Messages(presse)) >= 4 })
	time.Sleep(100 * time.Millisecond) // for a third answer, if one were wrongly given
	msgs := h.fake.Messages(presse)
	if len(msgs) != 4 {
		t.Fatalf("%d messages in the channel, want 2 announcements and 2 answers: %+v", len(msgs), msgs)
	}
	for _, m := range msgs[2:] {
		if w, ok := want[m.ThreadTS]; !ok || !strings.Contains(string(m.Blocks), w) {
			t.Errorf("an answer in thread %q: %s; want %q", m.ThreadTS, m.Blocks, w)
		}
		delete(want, m.ThreadTS)
	}
	h.noErrors(t)
}
