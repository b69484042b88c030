package push

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

func TestDigestOnceADayFilteredByFollows(t *testing.T) {
	// A digest chat that follows Köln gets, at its hour, one message
	// listing the day's releases about Köln; an ordinary chat gets each
	// release; a day without releases sends nothing.
	h := start(t, Limits{}, 0, nil)
	h.stop()
	h.matcher = &tableMatcher{cities: []string{"Köln"}, aboutByTopic: map[string]int{}}
	h.run(realClock{})
	defer h.stop()
	h.state.Subscribe(store.Subscription{Platform: "fake", Chat: "all"})
	h.state.Follow(store.Subscription{Platform: "fake", Chat: "daily"}, store.Follows{Cities: []string{"Köln"}})
	if _, _, err := h.state.SetDigest(store.Subscription{Platform: "fake", Chat: "daily"}, &store.Digest{At: "08:00", Zone: "Europe/Berlin"}); err != nil {
		t.Fatal(err)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	clock := NewSimClock(time.Date(2026, 3, 2, 9, 0, 0, 0, berlin))
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { h.pusher.RunDigests(ctx, clock.Now, 5*time.Millisecond); close(done) }()
	defer func() { cancel(); <-done }()
	time.Sleep(50 * time.Millisecond) // the digest just chosen is settled

	releases := []*corpus.Release{newRelease("r1", 1), newRelease("r2", 2), newRelease("r3", 3)}
	releases[0].Title = "Wasserstoffgipfel in Köln"
	releases[1].Title = "Köln und Foshan"
	for _, r := range releases {
		h.announce(t, r)
	}
	h.wait(t, 3)
	time.Sleep(50 * time.Millisecond)
	if got := h.sender.sentTo("daily"); len(got) != 0 {
		t.Fatalf("the digest chat got %v before its hour", got)
	}
	clock.Set(time.Date(2026, 3, 3, 8, 0, 0, 0, berlin))
	h.wait(t, 4)
	clock.Set(time.Date(2026, 3, 4, 8, 30, 0, 0, berlin))
	time.Sleep(50 * time.Millisecond)
	if got := h.sender.sentTo("daily"); !slices.Equal(got, []string{"digest:r1,r2"}) {
		t.Errorf("the digest chat got %v; want one digest of r1 and r2", got)
	}
	if got := h.sender.sentTo("all"); !slices.Equal(got, []string{"r1", "r2", "r3"}) {
		t.Errorf("the ordinary chat got %v", got)
	}
}
