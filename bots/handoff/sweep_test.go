package handoff

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/observe"
	"github.com/isa-alliance/isabot/bots/store"
)

// liaisons is a Slack side that records what it is asked to do.
type liaisons struct {
	mu       sync.Mutex
	reminded []Handoff
	updated  []Handoff
}

func (l *liaisons) PostHandoff(context.Context, Handoff) (string, string, error) {
	return "C0PRESS", "1700000000.000100", nil
}

func (l *liaisons) UpdateHandoff(_ context.Context, h Handoff) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.updated = append(l.updated, h)
	return nil
}

func (l *liaisons) ReportUndelivered(context.Context, Handoff, error) error { return nil }

func (l *liaisons) ReportNotCurated(context.Context, Handoff, error) error { return nil }

func (l *liaisons) PostFollowUp(context.Context, Handoff, string) error { return nil }

func (l *liaisons) RemindHandoff(_ context.Context, h Handoff) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reminded = append(l.reminded, h)
	return nil
}

// journalists is a Telegram side that reaches everyone.
type journalists struct{}

func (journalists) SendReply(context.Context, Handoff) (int, error) { return 0, nil }
func (journalists) SendDeclined(context.Context, Handoff) error     { return nil }

func TestSweepRemindsOnceThenExpires(t *testing.T) {
	state, err := store.Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer state.Close()
	asked := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	now := asked
	d := New(state, Policy{}, observe.NewMetrics(func() float64 { return 0 }, func() float64 { return 0 }), slog.New(slog.NewTextHandler(io.Discard, nil)))
	d.now = func() time.Time { return now }
	l := &liaisons{}
	d.Connect(l, map[string]Journalists{Telegram: journalists{}})
	ctx := context.Background()
	if _, err := d.Open(ctx, Handoff{Platform: Telegram, Chat: 1, Lang: "en", Question: "Q?", Name: "Jo Reporter", Username: "jo", Confirmation: 7}); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		after             time.Duration
		reminded, updated int
		kept              bool // the hand-off, and the confirmation of its thread
	}{
		{after: 23 * time.Hour, kept: true},
		{after: 25 * time.Hour, reminded: 1, kept: true},
		{after: 26 * time.Hour, reminded: 1, kept: true},
		{after: 30*24*time.Hour - time.Second, reminded: 1, kept: true},
		{after: 30 * 24 * time.Hour, reminded: 1, updated: 1},
		{after: 31 * 24 * time.Hour, reminded: 1, updated: 1},
	} {
		now = asked.Add(step.after)
		if err := d.sweep(ctx); err != nil {
			t.Fatal(err)
		}
		kept, err := state.Handoffs()
		if err != nil {
			t.Fatal(err)
		}
		if len(l.reminded) != step.reminded || len(l.updated) != step.updated || (len(kept) == 1) != step.kept {
			t.Errorf("after %v: %d reminders, %d updates, %d kept; want %d, %d, kept %v",
				step.after, len(l.reminded), len(l.updated), len(kept), step.reminded, step.updated, step.kept)
		}
		thread, err := state.HandoffThread(threadKey(Telegram, 1, 7))
		if err != nil || (thread != nil) != step.kept {
			t.Errorf("after %v: the confirmation's thread kept: %s (%v), want %v", step.after, thread, err, step.kept)
		}
	}
	if len(l.updated) == 1 {
		if h := l.updated[0]; h.Outcome != Expired || h.Name != "" || h.Username != "" {
			t.Errorf("the expired hand-off shown as %+v", h)
		}
	}
}
