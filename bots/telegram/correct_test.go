package telegram

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// latest is the corpus as releases are published and corrected.
type latest struct {
	mu sync.Mutex
	m  map[string]*corpus.Release
}

func (l *latest) Release(id string) (*corpus.Release, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.m[id]
	return r, ok
}

func (l *latest) publish(r *corpus.Release) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.m == nil {
		l.m = map[string]*corpus.Release{}
	}
	l.m[r.ID] = r
}

// runPusher delivers what is announced to the bot until the test ends.
func runPusher(t *testing.T, h *harness, byID push.Releases, clock push.Clock) *push.Pusher {
	t.Helper()
	p := push.New(h.state, byID, []push.Sender{h.bot}, nopObserver{}, slog.New(slog.DiscardHandler), push.WithClock(clock))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return p
}

// drained waits until the outbox is empty.
func drained(t *testing.T, state *store.Store) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		pending, _ := state.Pending()
		if len(pending) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("still pending: %+v", pending)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestCorrectionEditsTheAnnouncements(t *testing.T) {
	// A release corrected after it went to three chats edits the three
	// announcements and sends nothing new; where Telegram refuses the
	// edit, a short correction replies to the announcement.
	t.Parallel()
	h := start(t, func(c *Config) { c.Limits = &push.Limits{} })
	chats := []int64{701, 702, -703}
	for _, c := range chats {
		if _, err := h.state.Subscribe(store.Subscription{Platform: platform, Chat: strconv.FormatInt(c, 10)}); err != nil {
			t.Fatal(err)
		}
	}
	clock := push.NewSimClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	byID := &latest{}
	p := runPusher(t, h, byID, clock)
	r := &corpus.Release{ID: "correct-me", Lang: corpus.English, Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		Title: "Delegation from Cologne visits Hefei", Body: []string{"Eleven cities took part."}}
	byID.publish(r)
	if _, err := p.Announce(r); err != nil {
		t.Fatal(err)
	}
	drained(t, h.state)
	for _, c := range chats {
		h.reply(t, c, 1)
	}

	// Published again unchanged: nothing happens.
	if n, err := p.Announce(r); n != 0 || err != nil {
		t.Fatalf("the same release again queued %d, %v", n, err)
	}
	h.srv.FailNext("editMessageText", http.StatusBadRequest, "Bad Request: message can't be edited")
	fixed := *r
	fixed.Body = []string{"Twelve cities took part."}
	fixed.Correction = "twelve cities, not eleven."
	byID.publish(&fixed)
	if n, err := p.Announce(&fixed); n != 3 || err != nil {
		t.Fatalf("the correction queued %d, %v; want 3", n, err)
	}
	drained(t, h.state)
	edits := h.srv.WaitCalls(t, "editMessageText", 3)
	replies := 0
	for _, c := range chats {
		msgs := h.srv.Messages(c)
		switch {
		case len(msgs) == 1 && msgs[0].Edited:
			if !strings.Contains(msgs[0].Plain, "Twelve cities took part.") ||
				!strings.Contains(msgs[0].Plain, "Corrected on 2 March 2026: twelve cities, not eleven.") ||
				strings.Contains(msgs[0].Plain, "Eleven") {
				t.Errorf("chat %d: edited to %q", c, msgs[0].Plain)
			}
			if !strings.Contains(msgs[0].ReplyMarkup, "Read more") {
				t.Errorf("chat %d: the edit lost the button: %s", c, msgs[0].ReplyMarkup)
			}
		case len(msgs) == 2 && msgs[1].ReplyTo == msgs[0].MessageID:
			replies++
			if !strings.Contains(msgs[1].Plain, "Corrected on 2 March 2026: twelve cities, not eleven.") ||
				!strings.Contains(msgs[1].Plain, r.Title) || strings.Contains(msgs[1].Plain, "Twelve cities took part.") {
				t.Errorf("chat %d: the correction replied %q", c, msgs[1].Plain)
			}
		default:
			t.Errorf("chat %d: %+v", c, msgs)
		}
	}
	if replies != 1 || len(edits) != 3 {
		t.Errorf("%d replies, %d edits; want one reply where the edit was refused", replies, len(edits))
	}
	if sends := h.srv.Calls("sendMessage"); len(sends) != 4 {
		t.Errorf("%d messages sent; want 3 announcements and 1 reply", len(sends))
	}
	h.noErrors(t, http.StatusBadRequest)
}
