package slack

import (
	"context"
	"log/slog"
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

func TestCorrectionUpdatesTheAnnouncements(t *testing.T) {
	// A corrected release updates its announcement in each channel
	// (chat.update); where the edit window closed, a short correction
	// goes into the announcement's thread. Nothing else is posted.
	t.Parallel()
	h := startSocket(t)
	channels := []string{"C0ONE", "C0TWO", "C0THREE"}
	for _, c := range channels {
		if _, err := h.state.Subscribe(store.Subscription{Platform: platform, Chat: c}); err != nil {
			t.Fatal(err)
		}
	}
	r := &corpus.Release{ID: "correct-slack", Lang: corpus.English, Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		Title: "Hydrogen summit in Nuremberg", Body: []string{"Eleven cities took part."}}
	releases := &latest{}
	releases.publish(r)
	clock := push.NewSimClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	p := push.New(h.state, releases, []push.Sender{h.bot}, noMetrics{}, slog.New(slog.DiscardHandler), push.WithClock(clock))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	empty := func() bool { pending, _ := h.state.Pending(); return len(pending) == 0 }
	if _, err := p.Announce(r); err != nil {
		t.Fatal(err)
	}
	h.eventually(t, "the announcements sent", empty)
	fixed := *r
	fixed.Body = []string{"Twelve cities took part."}
	releases.publish(&fixed)
	h.fake.FailNext("chat.update", "edit_window_closed")
	if n, err := p.Announce(&fixed); n != 3 || err != nil {
		t.Fatalf("the correction queued %d, %v", n, err)
	}
	h.eventually(t, "the corrections sent", empty)
	threaded := 0
	for _, c := range channels {
		msgs := h.fake.Messages(c)
		switch {
		case len(msgs) == 1:
			if b := string(msgs[0].Blocks); !strings.Contains(b, "Twelve cities") || !strings.Contains(b, "Corrected on 2 March 2026: the text was changed.") {
				t.Errorf("%s: updated to %s", c, b)
			}
		case len(msgs) == 2 && msgs[1].ThreadTS == msgs[0].TS:
			threaded++
			if b := string(msgs[1].Blocks); !strings.Contains(b, "Corrected on 2 March 2026") || strings.Contains(b, "Twelve cities") {
				t.Errorf("%s: the thread reply is %s", c, b)
			}
		default:
			t.Errorf("%s: %+v", c, msgs)
		}
	}
	if threaded != 1 || len(h.fake.Calls("chat.update")) != 3 || len(h.fake.Calls("chat.postMessage")) != 4 {
		t.Errorf("%d thread replies, %d updates, %d posts", threaded, len(h.fake.Calls("chat.update")), len(h.fake.Calls("chat.postMessage")))
	}
	h.noErrors(t, "edit_window_closed")
}
