package slack

import (
	"fmt"
	"testing"
	"time"
)

func TestSeenSet(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	s := seenSet{ids: map[string]bool{}}
	steps := []struct {
		id    string
		at    time.Duration // after t0
		first bool
	}{
		{"a", 0, true},
		{"b", time.Minute, true},
		{"a", 2 * time.Minute, false},
		{"a", replayWindow - time.Second, false},
		{"a", replayWindow, true}, // forgotten, and seen anew
		{"b", replayWindow, false},
		{"b", replayWindow + time.Minute, true},
		{"a", replayWindow + time.Minute, false},
	}
	for i, st := range steps {
		if got := s.first(st.id, t0.Add(st.at)); got != st.first {
			t.Errorf("step %d: first(%q, t0+%v) = %v, want %v", i, st.id, st.at, got, st.first)
		}
	}

	// What is remembered is bounded by the window, not by how many ids
	// came.
	for i := range 1000 {
		s.first(fmt.Sprint("burst", i), t0.Add(time.Hour))
	}
	s.first("later", t0.Add(time.Hour+replayWindow))
	if len(s.ids) != 1 || len(s.queue) != 1 {
		t.Errorf("%d ids and %d queued after the window, want 1", len(s.ids), len(s.queue))
	}
}
