// Package storetest is the test suite every implementation of
// store.State passes: the bbolt file and PostgreSQL behave alike.
package storetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// Opener opens the store under test with a clock: each call of one test
// opens the same store, whose state survives between calls, as a restart.
// The suite closes what one call returned before the next.
type Opener func(now func() time.Time) (store.State, error)

// Fresh makes an empty store for one test.
type Fresh func(t *testing.T) Opener

// Run runs the suite, each test on a fresh store.
func Run(t *testing.T, fresh Fresh) {
	tests := []struct {
		name string
		test func(t *testing.T, h *harness)
	}{
		{"ClaimUpdate", testClaimUpdate},
		{"ClaimUpdateOnce", testClaimUpdateOnce},
		{"ChatLang", testChatLang},
		{"RememberRecall", testRememberRecall},
		{"FeedValidators", testFeedValidators},
		{"SubscribeAndList", testSubscribeAndList},
		{"AnnounceOnce", testAnnounceOnce},
		{"AnnounceWants", testAnnounceWants},
		{"Baseline", testBaseline},
		{"OutboxKeepsTheRelease", testOutboxKeepsTheRelease},
		{"DeliveredNotesTheSubscription", testDelivered},
		{"DeliveriesReport", testDeliveriesReport},
		{"MoveSubscription", testMoveSubscription},
		{"PauseHoldsDeliveries", testPauseHoldsDeliveries},
		{"UnsubscribeDropsHeldAndRename", testUnsubscribeDropsHeldAndRename},
		{"FollowAndUnfollow", testFollowAndUnfollow},
		{"Handoffs", testHandoffs},
		{"ChangeHandoffTakesTurns", testChangeHandoffTakesTurns},
		{"HandoffThreads", testHandoffThreads},
		{"Corrections", testCorrections},
		{"CorrectionWhileSending", testCorrectionWhileSending},
		{"Gone", testGone},
		{"SettledFanOuts", testSettledFanOuts},
		{"DigestCollectsUntilItsHour", testDigestCollectsUntilItsHour},
		{"DigestOffSendsWhatWasCollected", testDigestOffSendsWhatWasCollected},
		{"DigestGivenUpCountsEachRelease", testDigestGivenUpCountsEachRelease},
		{"DigestPausedAndGone", testDigestPausedAndGone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := &harness{t: t, open: fresh(t)}
			h.reopen(time.Now)
			t.Cleanup(func() { h.s.Close() })
			tt.test(t, h)
		})
	}
}

// harness holds the store a test works on.
type harness struct {
	t    *testing.T
	open Opener
	s    store.State
}

// reopen closes the store and opens it again with the clock now.
func (h *harness) reopen(now func() time.Time) {
	h.t.Helper()
	if h.s != nil {
		h.s.Close()
	}
	s, err := h.open(now)
	if err != nil {
		h.t.Fatal(err)
	}
	h.s = s
}

// later is a clock d ahead of the real one.
func later(d time.Duration) func() time.Time {
	return func() time.Time { return time.Now().Add(d) }
}

// subscribe subscribes telegram chats 100, 101, … in that order.
func (h *harness) subscribe(chats int) {
	h.t.Helper()
	for i := range chats {
		sub := store.Subscription{Platform: "telegram", Chat: strconv.Itoa(100 + i), Since: time.Now().Add(time.Duration(i) * time.Second).UTC()}
		if _, err := h.s.Subscribe(sub); err != nil {
			h.t.Fatal(err)
		}
	}
}

func (h *harness) announce(id string) []store.Delivery {
	h.t.Helper()
	ds, isNew, err := h.s.Announce(Release(id), "print-"+id, nil)
	if err != nil || !isNew {
		h.t.Fatalf("Announce(%s): new %v, %v", id, isNew, err)
	}
	return ds
}

// Release is a release for the tests.
func Release(id string) *corpus.Release {
	return &corpus.Release{
		ID: id, Date: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), Title: "Testmeldung " + id, Lang: corpus.German,
		Body: []string{"Eine Delegation besucht Chemnitz."}, Source: "https://isabot.example/feed.xml", URL: "https://isabot.example/feed/1",
	}
}

func testClaimUpdate(t *testing.T, h *harness) {
	for _, step := range []struct {
		platform, id string
		want         bool
	}{
		{"telegram", "1", true},
		{"telegram", "1", false},
		{"slack", "1", true},
		{"telegram", "2", true},
	} {
		if got, err := h.s.ClaimUpdate(step.platform, step.id); err != nil || got != step.want {
			t.Errorf("ClaimUpdate(%s, %s) = %v, %v; want %v", step.platform, step.id, got, err, step.want)
		}
	}
	if err := h.s.ReleaseUpdate("telegram", "2"); err != nil {
		t.Fatal(err)
	}
	if got, _ := h.s.ClaimUpdate("telegram", "2"); !got {
		t.Error("an update released cannot be claimed again")
	}
	h.reopen(time.Now)
	if got, _ := h.s.ClaimUpdate("telegram", "1"); got {
		t.Error("a claim was lost in a restart")
	}
	// A week later, the claims are forgotten.
	h.reopen(later(8 * 24 * time.Hour))
	if got, _ := h.s.ClaimUpdate("telegram", "1"); !got {
		t.Error("a claim older than a week is remembered")
	}
}

func testClaimUpdateOnce(t *testing.T, h *harness) {
	// Of many handlers claiming one update at once, one gets it.
	var wg sync.WaitGroup
	wins := make(chan bool, 16)
	for range cap(wins) {
		wg.Go(func() {
			won, err := h.s.ClaimUpdate("telegram", "42")
			if err != nil {
				t.Error(err)
			}
			wins <- won
		})
	}
	wg.Wait()
	close(wins)
	n := 0
	for won := range wins {
		if won {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d claims of one update won", n)
	}
}

func testChatLang(t *testing.T, h *harness) {
	if _, ok := h.s.ChatLang("telegram", "1"); ok {
		t.Error("a language for a chat that chose none")
	}
	for _, lang := range []corpus.Lang{corpus.German, corpus.English} {
		if err := h.s.SetChatLang("telegram", "1", lang); err != nil {
			t.Fatal(err)
		}
	}
	h.reopen(time.Now)
	if lang, ok := h.s.ChatLang("telegram", "1"); !ok || lang != corpus.English {
		t.Errorf("ChatLang = %q, %v", lang, ok)
	}
	if _, ok := h.s.ChatLang("slack", "1"); ok {
		t.Error("a chat of another platform has the language")
	}
}

func testRememberRecall(t *testing.T, h *harness) {
	long := "Wasserstoff in Chemnitz und Foshan 2026, Düsseldorf, 佛山"
	key, err := h.s.Remember(long)
	if err != nil {
		t.Fatal(err)
	}
	if key != store.RememberKey(long) || len(key) != 12 {
		t.Errorf("key %q", key)
	}
	again, _ := h.s.Remember(long)
	if again != key {
		t.Errorf("the same value got keys %q and %q", key, again)
	}
	h.reopen(time.Now)
	if v, ok := h.s.Recall(key); !ok || v != long {
		t.Errorf("Recall = %q, %v", v, ok)
	}
	if _, ok := h.s.Recall("unknown"); ok {
		t.Error("Recall of an unknown key succeeded")
	}
}

func testFeedValidators(t *testing.T, h *harness) {
	const feed = "https://isabot.example/feed.xml"
	if e, m := h.s.FeedValidators(feed); e != "" || m != "" {
		t.Errorf("validators of an unknown feed: %q %q", e, m)
	}
	h.s.SetFeedValidators(feed, `"v1"`, "old")
	if err := h.s.SetFeedValidators(feed, `"v2"`, "Mon, 23 Nov 2026 10:00:00 GMT"); err != nil {
		t.Fatal(err)
	}
	h.reopen(time.Now)
	if e, m := h.s.FeedValidators(feed); e != `"v2"` || m != "Mon, 23 Nov 2026 10:00:00 GMT" {
		t.Errorf("FeedValidators = %q %q", e, m)
	}
}

func testSubscribeAndList(t *testing.T, h *harness) {
	since := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	subs := []store.Subscription{
		{Platform: "telegram", Chat: "-100", Title: "Presse", Since: since.Add(time.Hour), Lang: corpus.German},
		{Platform: "slack", Chat: "C1", Title: "#presse", Since: since, By: "U1", Cities: []string{"Köln"}, Topics: []string{"Wasserstoff"}},
	}
	for _, sub := range subs {
		if added, err := h.s.Subscribe(sub); err != nil || !added {
			t.Fatalf("Subscribe: %v %v", added, err)
		}
	}
	if added, _ := h.s.Subscribe(store.Subscription{Platform: "telegram", Chat: "-100", Title: "other"}); added {
		t.Error("a chat was subscribed twice")
	}
	// A subscription without a start gets the clock's.
	if _, err := h.s.Subscribe(store.Subscription{Platform: "telegram", Chat: "7"}); err != nil {
		t.Fatal(err)
	}
	h.reopen(time.Now)
	got, err := h.s.Subscriptions()
	if err != nil || len(got) != 3 {
		t.Fatalf("Subscriptions = %+v, %v", got, err)
	}
	if !reflect.DeepEqual(got[:2], []store.Subscription{subs[1], subs[0]}) {
		t.Errorf("Subscriptions, oldest first:\n got %+v\nwant %+v", got[:2], []store.Subscription{subs[1], subs[0]})
	}
	if got[2].Chat != "7" || time.Since(got[2].Since) > time.Minute {
		t.Errorf("a subscription without a start: %+v", got[2])
	}
	if sub, ok, err := h.s.Subscription("slack", "C1"); err != nil || !ok || !reflect.DeepEqual(sub, subs[1]) {
		t.Errorf("Subscription = %+v, %v, %v", sub, ok, err)
	}
	if _, ok, err := h.s.Subscription("slack", "C2"); ok || err != nil {
		t.Errorf("Subscription of an unknown chat: %v, %v", ok, err)
	}
	if removed, _ := h.s.Unsubscribe("slack", "C2"); removed {
		t.Error("an unknown chat was unsubscribed")
	}
}

func testAnnounceOnce(t *testing.T, h *harness) {
	// A release is announced once, under its id or under its fingerprint
	// from another source, however many replicas or feeds try at once.
	h.subscribe(3)
	var wg sync.WaitGroup
	created := make(chan int, 8)
	for range cap(created) {
		wg.Go(func() {
			ds, isNew, err := h.s.Announce(Release("r1"), "print-r1", nil)
			if err != nil {
				t.Error(err)
			}
			if isNew {
				created <- len(ds)
			}
		})
	}
	wg.Wait()
	close(created)
	var got []int
	for n := range created {
		got = append(got, n)
	}
	if !slices.Equal(got, []int{3}) {
		t.Errorf("deliveries created by each announcement that was new: %v", got)
	}
	other := Release("r1-from-the-feed")
	if ds, isNew, err := h.s.Announce(other, "print-r1", nil); err != nil || isNew || len(ds) != 0 {
		t.Errorf("the same release from another source: %v, %v, %v", ds, isNew, err)
	}
	// The id was not taken by the refused announcement.
	if _, isNew, _ := h.s.Announce(other, "", nil); !isNew {
		t.Error("a release refused for its fingerprint could not be announced under its own")
	}
	pending, err := h.s.Pending()
	if err != nil || len(pending) != 6 {
		t.Fatalf("Pending = %d, %v", len(pending), err)
	}
	for i, d := range pending {
		if i > 0 && d.Seq <= pending[i-1].Seq {
			t.Errorf("Pending out of order: %+v", pending)
		}
	}
}

func testAnnounceWants(t *testing.T, h *harness) {
	h.subscribe(3)
	ds, _, err := h.s.Announce(Release("r1"), "", func(sub store.Subscription) bool { return sub.Chat != "101" })
	if err != nil {
		t.Fatal(err)
	}
	var chats []string
	for _, d := range ds {
		chats = append(chats, d.Chat)
		if d.Release != "r1" || d.Platform != "telegram" {
			t.Errorf("delivery %+v", d)
		}
	}
	if !slices.Equal(chats, []string{"100", "102"}) {
		t.Errorf("delivered to %v", chats)
	}
	// Nobody wants it: announced, nothing kept.
	if ds, isNew, _ := h.s.Announce(Release("r2"), "p2", func(store.Subscription) bool { return false }); !isNew || len(ds) != 0 {
		t.Errorf("wanted by nobody: %v %v", ds, isNew)
	}
	if _, ok, _ := h.s.KeptRelease("r2"); ok {
		t.Error("a release nobody wants is kept")
	}
}

func testBaseline(t *testing.T, h *harness) {
	h.subscribe(1)
	if first, err := h.s.Baseline(map[string]string{"old-1": "print-old-1", "old-2": ""}); err != nil || !first {
		t.Fatalf("Baseline: %v %v", first, err)
	}
	if first, _ := h.s.Baseline(map[string]string{"old-3": "print-old-3"}); first {
		t.Error("a second baseline was recorded")
	}
	h.reopen(time.Now)
	for _, tt := range []struct {
		id, print string
		want      bool
	}{
		{"old-1", "", false},
		{"old-1-copy", "print-old-1", false},
		{"old-2", "x", false},
		{"old-3", "print-old-3", true}, // the second baseline did nothing
	} {
		if _, isNew, _ := h.s.Announce(Release(tt.id), tt.print, nil); isNew != tt.want {
			t.Errorf("Announce(%s, %q) after the baseline: new %v, want %v", tt.id, tt.print, isNew, tt.want)
		}
	}
}

func testOutboxKeepsTheRelease(t *testing.T, h *harness) {
	// The outbox keeps the release it delivers, through a restart, and
	// forgets it once every delivery is made.
	h.subscribe(2)
	r := Release("feed-1")
	r.Embargo = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	ds, _, err := h.s.Announce(r, "print-1", nil)
	if err != nil || len(ds) != 2 {
		t.Fatalf("Announce: %d, %v", len(ds), err)
	}
	h.reopen(time.Now)
	kept, ok, err := h.s.KeptRelease(r.ID)
	if err != nil || !ok || !reflect.DeepEqual(kept, r) {
		t.Fatalf("KeptRelease = %+v, %v, %v; want %+v", kept, ok, err, r)
	}
	if all, err := h.s.KeptReleases(); err != nil || len(all) != 1 || all[0].ID != r.ID {
		t.Errorf("KeptReleases = %+v, %v", all, err)
	}
	for _, d := range ds {
		if _, err := h.s.Delivered(d, ""); err != nil {
			t.Fatal(err)
		}
	}
	h.reopen(time.Now)
	if _, ok, _ := h.s.KeptRelease(r.ID); ok {
		t.Error("the release is kept after its last delivery")
	}
}

func testDelivered(t *testing.T, h *harness) {
	h.subscribe(2)
	ds := h.announce("r1")
	if owed, err := h.s.Owed(ds[0]); err != nil || !owed {
		t.Fatalf("Owed before delivery: %v %v", owed, err)
	}
	moved := ds[0]
	moved.Chat = "999"
	if owed, _ := h.s.Owed(moved); owed {
		t.Error("a delivery is owed to another chat under its number")
	}
	if _, err := h.s.Delivered(ds[0], ""); err != nil {
		t.Fatal(err)
	}
	if owed, _ := h.s.Owed(ds[0]); owed {
		t.Error("owed after delivery")
	}
	sub, _, _ := h.s.Subscription("telegram", ds[0].Chat)
	if sub.LastRelease != "r1" || time.Since(sub.LastDelivered) > time.Minute {
		t.Errorf("the subscription after a delivery: %+v", sub)
	}
	if pending, _ := h.s.Pending(); len(pending) != 1 || !reflect.DeepEqual(pending[0], ds[1]) {
		t.Errorf("Pending = %+v", pending)
	}
}

func testDeliveriesReport(t *testing.T, h *harness) {
	h.subscribe(4)
	if _, err := h.s.Subscribe(store.Subscription{Platform: "slack", Chat: "C1", Since: time.Now().Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	// The deliveries in the order of the chats: slack C1, then
	// telegram 100..103.
	first := h.announce("r1")
	second := h.announce("r2")
	if _, err := h.s.Delivered(first[0], "7"); err != nil {
		t.Fatal(err)
	}
	// Sent without a message id: made, but not counted as sent.
	if _, err := h.s.Delivered(first[1], ""); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		d     store.Delivery
		state store.DeliveryState
	}{
		{first[2], store.Failed},
		{first[3], store.Abandoned},
		{second[0], store.Abandoned},
	} {
		if err := h.s.GiveUp(tt.d, tt.state, "because"); err != nil {
			t.Fatal(err)
		}
	}
	// A delivery the outbox no longer holds (its chat unsubscribed, and
	// what was owed to it with it) is not reported.
	if _, err := h.s.Unsubscribe("telegram", second[4].Chat); err != nil {
		t.Fatal(err)
	}
	if err := h.s.GiveUp(second[4], store.Failed, "because"); err != nil {
		t.Fatal(err)
	}
	type counts struct {
		release, title string
		store.Counts
		platforms []store.PlatformDeliveries
		givenUp   int
	}
	read := func() []counts {
		report, err := h.s.Deliveries()
		if err != nil {
			t.Fatal(err)
		}
		got := []counts{}
		for _, r := range report {
			got = append(got, counts{r.Release, r.Title, r.Counts, r.Platforms, len(r.Undelivered)})
			for _, u := range r.Undelivered {
				if u.Release != r.Release || u.Title != r.Title || u.Cause != "because" || u.At.IsZero() || u.Seq == 0 {
					t.Errorf("given up: %+v", u)
				}
			}
		}
		return got
	}
	slack := func(c store.Counts) []store.PlatformDeliveries {
		return []store.PlatformDeliveries{{Platform: "slack", Counts: c}}
	}
	telegram := func(c store.Counts) store.PlatformDeliveries {
		return store.PlatformDeliveries{Platform: "telegram", Counts: c}
	}
	want := []counts{
		{"r1", "Testmeldung r1", store.Counts{Sent: 1, Failed: 1, Abandoned: 1},
			append(slack(store.Counts{Sent: 1}), telegram(store.Counts{Failed: 1, Abandoned: 1})), 2},
		{"r2", "Testmeldung r2", store.Counts{Pending: 3, Abandoned: 1},
			append(slack(store.Counts{Abandoned: 1}), telegram(store.Counts{Pending: 3})), 1},
	}
	if got := read(); !reflect.DeepEqual(got, want) {
		t.Errorf("report\n got %+v\nwant %+v", got, want)
	}
	// Reported after a restart; after 90 days, what was sent and given
	// up is forgotten.
	h.reopen(time.Now)
	if got := read(); !reflect.DeepEqual(got, want) {
		t.Errorf("after a restart\n got %+v\nwant %+v", got, want)
	}
	h.reopen(later(91 * 24 * time.Hour))
	want = []counts{{"r2", "Testmeldung r2", store.Counts{Pending: 3},
		[]store.PlatformDeliveries{telegram(store.Counts{Pending: 3})}, 0}}
	if got := read(); !reflect.DeepEqual(got, want) {
		t.Errorf("after 90 days\n got %+v\nwant %+v", got, want)
	}
}

func testMoveSubscription(t *testing.T, h *harness) {
	h.subscribe(2)
	h.s.Rename("telegram", "100", "Gruppe")
	ds := h.announce("r1")
	if err := h.s.MoveSubscription("telegram", "100", "-100100"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := h.s.Subscription("telegram", "100"); ok {
		t.Error("the old chat is still subscribed")
	}
	if sub, ok, _ := h.s.Subscription("telegram", "-100100"); !ok || sub.Title != "Gruppe" {
		t.Errorf("the new chat: %+v %v", sub, ok)
	}
	pending, _ := h.s.Pending()
	var chats []string
	for _, d := range pending {
		chats = append(chats, d.Chat)
	}
	if !slices.Equal(chats, []string{"-100100", "101"}) || pending[0].Seq != ds[0].Seq {
		t.Errorf("the outbox after the move: %+v", pending)
	}
	if err := h.s.MoveSubscription("telegram", "555", "556"); err != nil {
		t.Errorf("moving a chat not subscribed: %v", err)
	}
}

func testPauseHoldsDeliveries(t *testing.T, h *harness) {
	// A paused chat's deliveries, owed and announced later, wait apart
	// from the outbox, through a restart, and come back once, in order,
	// when it resumes for the reason it was paused; others go on.
	h.subscribe(2) // telegram 100 and 101
	h.announce("a")
	if paused, err := h.s.Pause("telegram", "100", "archived"); err != nil || !paused {
		t.Fatalf("Pause: %v %v", paused, err)
	}
	if paused, _ := h.s.Pause("telegram", "100", "uninstalled"); paused {
		t.Error("a paused chat was paused again")
	}
	if paused, _ := h.s.Pause("telegram", "555", "archived"); paused {
		t.Error("a chat not subscribed was paused")
	}
	created := h.announce("b")
	if len(created) != 1 || created[0].Chat != "101" {
		t.Fatalf("announced while paused: %+v", created)
	}
	pending, _ := h.s.Pending()
	for _, d := range pending {
		if d.Chat == "100" {
			t.Errorf("a paused chat's delivery is in the outbox: %+v", d)
		}
		if owed, _ := h.s.Owed(d); !owed {
			t.Errorf("not owed: %+v", d)
		}
	}
	if report, _ := h.s.Deliveries(); len(report) != 2 || report[0].Pending != 1 || report[1].Pending != 1 {
		t.Errorf("held deliveries are reported pending: %+v", report)
	}
	h.reopen(time.Now)
	if r, ok, _ := h.s.KeptRelease("b"); !ok || r.ID != "b" {
		t.Error("the release held for a paused chat was not kept")
	}
	for _, tt := range []struct {
		reason string
		want   []string // the releases back in the outbox
	}{
		{"uninstalled", nil},
		{"archived", []string{"a", "b"}},
		{"archived", nil},
	} {
		back, err := h.s.Resume("telegram", "100", tt.reason)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range back {
			got = append(got, d.Release)
			if owed, _ := h.s.Owed(d); !owed || d.Chat != "100" {
				t.Errorf("resumed but not owed: %+v", d)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Resume(%s): %v, want %v", tt.reason, got, tt.want)
		}
	}
	if sub, ok, _ := h.s.Subscription("telegram", "100"); !ok || sub.Paused != "" {
		t.Errorf("after resuming: %+v %v", sub, ok)
	}
}

func testUnsubscribeDropsHeldAndRename(t *testing.T, h *harness) {
	h.subscribe(1)
	h.s.Pause("telegram", "100", "archived")
	h.announce("a")
	if err := h.s.Rename("telegram", "100", "#neu"); err != nil {
		t.Fatal(err)
	}
	if sub, _, _ := h.s.Subscription("telegram", "100"); sub.Title != "#neu" || sub.Paused != "archived" {
		t.Errorf("renamed: %+v", sub)
	}
	if err := h.s.Rename("telegram", "555", "x"); err != nil {
		t.Errorf("renaming a chat not subscribed: %v", err)
	}
	if _, ok, _ := h.s.Subscription("telegram", "555"); ok {
		t.Error("renaming subscribed a chat")
	}
	if removed, _ := h.s.Unsubscribe("telegram", "100"); !removed {
		t.Fatal("not unsubscribed")
	}
	h.s.Subscribe(store.Subscription{Platform: "telegram", Chat: "100"})
	if back, _ := h.s.Resume("telegram", "100", "archived"); len(back) != 0 {
		t.Errorf("held deliveries outlived the subscription: %+v", back)
	}
	if pending, _ := h.s.Pending(); len(pending) != 0 {
		t.Errorf("deliveries outlived the subscription: %+v", pending)
	}
}

func testFollowAndUnfollow(t *testing.T, h *harness) {
	h.subscribe(1) // chat 100 gets everything
	h.announce("owed")
	steps := []struct {
		name       string
		chat       string
		follow     *store.Follows
		unfollow   *store.Follows
		wantCities []string
		wantTopics []string
		wantSub    bool
	}{
		{"a new chat follows a city", "7", &store.Follows{Cities: []string{"Köln"}}, nil, []string{"Köln"}, nil, true},
		{"and a topic, the city once", "7", &store.Follows{Cities: []string{"Köln"}, Topics: []string{"Wasserstoff"}}, nil, []string{"Köln"}, []string{"Wasserstoff"}, true},
		{"a topic in another case is the same", "7", &store.Follows{Topics: []string{"wasserstoff"}}, nil, []string{"Köln"}, []string{"Wasserstoff"}, true},
		{"unfollowing the city keeps the topic", "7", nil, &store.Follows{Cities: []string{"Köln"}}, nil, []string{"Wasserstoff"}, true},
		{"unfollowing the last ends the subscription", "7", nil, &store.Follows{Topics: []string{"WASSERSTOFF"}}, nil, nil, false},
		{"a chat that gets everything is narrowed", "100", &store.Follows{Cities: []string{"Foshan"}}, nil, []string{"Foshan"}, nil, true},
		{"unfollowing what it does not follow changes nothing", "100", nil, &store.Follows{Cities: []string{"Köln"}}, []string{"Foshan"}, nil, true},
		{"unfollowing a chat not subscribed", "8", nil, &store.Follows{Cities: []string{"Köln"}}, nil, nil, false},
	}
	for _, st := range steps {
		var (
			got store.Subscription
			ok  = true
			err error
		)
		if st.follow != nil {
			got, err = h.s.Follow(store.Subscription{Platform: "telegram", Chat: st.chat}, *st.follow)
		} else {
			got, ok, err = h.s.Unfollow("telegram", st.chat, *st.unfollow)
		}
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		sub, found, err := h.s.Subscription("telegram", st.chat)
		if err != nil || found != st.wantSub || ok != st.wantSub || !slices.Equal(sub.Cities, st.wantCities) || !slices.Equal(sub.Topics, st.wantTopics) {
			t.Errorf("%s: subscribed %v (returned %v), cities %v, topics %v (%v)", st.name, found, ok, sub.Cities, sub.Topics, err)
		}
		if found && !sameJSON(got, sub) {
			t.Errorf("%s: returned %+v, stored %+v", st.name, got, sub)
		}
	}
	// Chat 100, narrowed, still gets what it was owed.
	h.s.Unfollow("telegram", "100", store.Follows{Cities: []string{"Foshan"}})
	if pending, _ := h.s.Pending(); len(pending) != 0 {
		t.Errorf("unfollowing everything left deliveries owed: %+v", pending)
	}
}

// sameJSON reports whether a and b say the same as stored: an empty
// list is no list.
func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func testHandoffs(t *testing.T, h *harness) {
	for _, id := range []string{"b", "a", "c"} {
		if err := h.s.SaveHandoff(id, []byte("hand-off "+id)); err != nil {
			t.Fatal(err)
		}
	}
	if n := h.s.OpenHandoffs(); n != 3 {
		t.Errorf("OpenHandoffs = %d", n)
	}
	change := func(id string, f func([]byte) ([]byte, error)) error {
		return h.s.ChangeHandoff(id, f)
	}
	if err := change("a", func(data []byte) ([]byte, error) { return append(data, '!'), nil }); err != nil {
		t.Fatal(err)
	}
	refused := errors.New("refused")
	if err := change("b", func([]byte) ([]byte, error) { return []byte("lost"), refused }); !errors.Is(err, refused) {
		t.Errorf("ChangeHandoff's error: %v", err)
	}
	if err := change("c", func([]byte) ([]byte, error) { return nil, nil }); err != nil {
		t.Fatal(err)
	}
	var sawNil bool
	if err := change("new", func(data []byte) ([]byte, error) { sawNil = data == nil; return []byte("made"), nil }); err != nil || !sawNil {
		t.Errorf("ChangeHandoff of a new id: saw nil %v, %v", sawNil, err)
	}
	h.reopen(time.Now)
	all, err := h.s.Handoffs()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, data := range all {
		got = append(got, string(data))
	}
	if want := []string{"hand-off a!", "hand-off b", "made"}; !slices.Equal(got, want) {
		t.Errorf("Handoffs = %q, want %q", got, want)
	}
}

func testChangeHandoffTakesTurns(t *testing.T, h *harness) {
	// Changes of one hand-off at once take turns: none is lost.
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			err := h.s.ChangeHandoff("h", func(data []byte) ([]byte, error) {
				n, _ := strconv.Atoi(string(data))
				return []byte(strconv.Itoa(n + 1)), nil
			})
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if all, _ := h.s.Handoffs(); len(all) != 1 || string(all[0]) != "20" {
		t.Errorf("after 20 increments: %q", all)
	}
}

func testHandoffThreads(t *testing.T, h *harness) {
	for i := range 4 {
		if err := h.s.SaveHandoffThread(fmt.Sprintf("telegram:1:%d", i), []byte{byte(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if data, err := h.s.HandoffThread("telegram:1:404"); data != nil || err != nil {
		t.Errorf("an unknown thread: %v, %v", data, err)
	}
	if err := h.s.ForgetHandoffThreads(func(data []byte) bool { return data[0]%2 == 0 }); err != nil {
		t.Fatal(err)
	}
	h.reopen(time.Now)
	for i := range 4 {
		data, err := h.s.HandoffThread(fmt.Sprintf("telegram:1:%d", i))
		if kept := data != nil; err != nil || kept != (i%2 == 1) || kept && data[0] != byte(i) {
			t.Errorf("thread %d: %v, %v", i, data, err)
		}
	}
}

func testCorrections(t *testing.T, h *harness) {
	// A changed release queues a correction of each announcement sent,
	// none for one still waiting or for a chat that left, held for a
	// chat paused; the outbox keeps them through a restart; a message
	// maps to its release.
	h.subscribe(4) // chats 100..103
	r := Release("fix-1")
	ds, _, err := h.s.Announce(r, "print-fix", nil)
	if err != nil || len(ds) != 4 {
		t.Fatalf("Announce: %d, %v", len(ds), err)
	}
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	if cs, err := h.s.Correct(r, at); len(cs) != 0 || err != nil {
		t.Fatalf("the first version queued %+v, %v", cs, err)
	}
	for i, d := range ds[:3] {
		if _, err := h.s.Delivered(d, fmt.Sprint(40+i)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := h.s.Unsubscribe("telegram", "102"); err != nil {
		t.Fatal(err)
	}
	if cs, err := h.s.Correct(r, at); len(cs) != 0 || err != nil {
		t.Fatalf("the same version queued %+v, %v", cs, err)
	}
	fixed := *r
	fixed.Source = "elsewhere.md"
	if cs, err := h.s.Correct(&fixed, at); len(cs) != 0 || err != nil {
		t.Fatalf("the same text from elsewhere queued %+v, %v", cs, err)
	}
	fixed.Correction = "Chemnitz, nicht Zwickau."
	cs, err := h.s.Correct(&fixed, at)
	if err != nil || len(cs) != 2 {
		t.Fatalf("Correct: %+v, %v; want chats 100 and 101", cs, err)
	}
	for i, c := range cs {
		want := store.Delivery{Seq: c.Seq, Release: r.ID, Platform: "telegram", Chat: fmt.Sprint(100 + i),
			Kind: store.KindCorrection, Message: fmt.Sprint(40 + i), Note: fixed.Correction, At: at}
		if !reflect.DeepEqual(c, want) || c.Seq <= ds[3].Seq {
			t.Errorf("correction %d = %+v, want %+v", i, c, want)
		}
	}
	h.reopen(time.Now)
	pending, err := h.s.Pending()
	if err != nil || len(pending) != 3 { // the announcement to 103 and two corrections
		t.Fatalf("Pending after a restart: %+v, %v", pending, err)
	}
	if !reflect.DeepEqual(pending[1:], cs) {
		t.Errorf("Pending = %+v, want %+v after the announcement", pending, cs)
	}
	if kept, ok, _ := h.s.KeptRelease(r.ID); !ok || kept.Correction != fixed.Correction {
		t.Errorf("the outbox kept %+v, want the corrected release", kept)
	}
	if id, ok := h.s.MessageRelease("telegram", "101", "41"); !ok || id != r.ID {
		t.Errorf("MessageRelease = %q, %v", id, ok)
	}
	if _, ok := h.s.MessageRelease("telegram", "101", "40"); ok {
		t.Error("a message of another chat maps to a release")
	}
	// Corrections are not counted as announcements waiting.
	if report, _ := h.s.Deliveries(); len(report) != 1 || report[0].Pending != 1 || report[0].Sent != 3 {
		t.Errorf("the report counts corrections: %+v", report)
	}
	// A correction replied: the reply maps to the release, and a second
	// correction still edits the announcement; one to a paused chat is
	// held until it resumes.
	if _, err := h.s.Delivered(cs[0], "99"); err != nil {
		t.Fatal(err)
	}
	if id, ok := h.s.MessageRelease("telegram", "100", "99"); !ok || id != r.ID {
		t.Errorf("the reply maps to %q, %v", id, ok)
	}
	if sub, _, _ := h.s.Subscription("telegram", "100"); sub.LastRelease != r.ID {
		t.Errorf("the subscription after a correction: %+v", sub)
	}
	if _, err := h.s.Delivered(cs[1], ""); err != nil {
		t.Fatal(err)
	}
	if _, err := h.s.Pause("telegram", "101", "archived"); err != nil {
		t.Fatal(err)
	}
	fixed.Correction = "Und Plauen."
	again, err := h.s.Correct(&fixed, at)
	if err != nil || len(again) != 1 || again[0].Chat != "100" || again[0].Message != "40" {
		t.Errorf("a second correction: %+v, %v", again, err)
	}
	back, err := h.s.Resume("telegram", "101", "archived")
	if err != nil || len(back) != 1 || back[0].Kind != store.KindCorrection || back[0].Message != "41" || back[0].Note != "Und Plauen." || !back[0].At.Equal(at) {
		t.Errorf("the correction held for a paused chat: %+v, %v", back, err)
	}
	// After 90 days the messages are forgotten: a correction has
	// nothing to edit, a reply no release.
	h.reopen(later(91 * 24 * time.Hour))
	if _, ok := h.s.MessageRelease("telegram", "100", "99"); ok {
		t.Error("a reply is remembered after 90 days")
	}
	fixed.Correction = "Und Zwickau."
	if late, err := h.s.Correct(&fixed, at); err != nil || len(late) != 0 {
		t.Errorf("a correction after 90 days: %+v, %v", late, err)
	}
}

func testCorrectionWhileSending(t *testing.T, h *harness) {
	// A correction that comes while an announcement is being sent finds
	// no message to correct: the announcement, sent as the version
	// corrected, is corrected when it is delivered; one sent as the
	// corrected version is not. The correction stays in the outbox.
	h.subscribe(2) // chats 100 and 101
	r := Release("busy-1")
	ds, _, err := h.s.Announce(r, "print-busy", nil)
	if err != nil || len(ds) != 2 {
		t.Fatalf("Announce: %d, %v", len(ds), err)
	}
	if _, err := h.s.Correct(r, time.Now()); err != nil {
		t.Fatal(err)
	}
	fixed := *r
	fixed.Body = []string{"Eine Delegation besucht Zwickau."}
	fixed.Correction = "Zwickau, nicht Chemnitz."
	inFlight := ds[0]
	inFlight.Version = store.Version(r) // rendered before the correction
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	if cs, err := h.s.Correct(&fixed, at); err != nil || len(cs) != 0 {
		t.Fatalf("Correct with nothing sent yet: %+v, %v", cs, err)
	}
	cs, err := h.s.Delivered(inFlight, "7")
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].Kind != store.KindCorrection || cs[0].Chat != inFlight.Chat || cs[0].Message != "7" || cs[0].Note != fixed.Correction {
		t.Fatalf("delivered as the old version: %+v, want a correction of message 7 with its note", cs)
	}
	after := ds[1]
	after.Version = store.Version(&fixed) // rendered after it
	if cs, err := h.s.Delivered(after, "8"); err != nil || len(cs) != 0 {
		t.Errorf("delivered as the corrected version: %+v, %v; want no correction", cs, err)
	}
	h.reopen(time.Now)
	pending, err := h.s.Pending()
	if err != nil || len(pending) != 1 || pending[0].Kind != store.KindCorrection || pending[0].Message != "7" {
		t.Errorf("pending after a restart: %+v, %v; want the correction", pending, err)
	}
	if kept, ok, err := h.s.KeptRelease(r.ID); err != nil || !ok || kept.Correction != fixed.Correction {
		t.Errorf("kept release %+v, %v, %v; want the corrected one", kept, ok, err)
	}
}

func testGone(t *testing.T, h *harness) {
	// A chat that blocked the bot loses its subscription; what it was
	// owed is reported gone, its corrections are not.
	h.subscribe(2)
	first := h.announce("r1")
	if _, err := h.s.Delivered(first[0], "7"); err != nil {
		t.Fatal(err)
	}
	fixed := Release("r1")
	fixed.Correction = "Berichtigt."
	h.s.Correct(Release("r1"), time.Now())
	if cs, err := h.s.Correct(fixed, time.Now()); err != nil || len(cs) != 1 {
		t.Fatalf("Correct: %+v, %v", cs, err)
	}
	second := h.announce("r2")
	if err := h.s.Gone(second[0], "Forbidden: bot was blocked by the user"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := h.s.Subscription("telegram", "100"); ok {
		t.Error("a chat gone is still subscribed")
	}
	pending, _ := h.s.Pending()
	for _, d := range pending {
		if d.Chat == "100" {
			t.Errorf("owed to a chat gone: %+v", d)
		}
	}
	h.reopen(time.Now)
	report, err := h.s.Deliveries()
	if err != nil || len(report) != 2 {
		t.Fatalf("Deliveries = %+v, %v", report, err)
	}
	if c := report[1].Counts; c != (store.Counts{Pending: 1, Gone: 1}) {
		t.Errorf("r2's counts %+v", c)
	}
	u := report[1].Undelivered
	if len(u) != 1 || u[0].Seq != second[0].Seq || u[0].State != store.Gone || u[0].Chat != "100" || u[0].Cause != "Forbidden: bot was blocked by the user" {
		t.Errorf("r2 gone: %+v", u)
	}
	if c := report[0].Counts; c != (store.Counts{Sent: 1, Pending: 1}) {
		t.Errorf("r1's counts %+v", c)
	}
}

func testSettledFanOuts(t *testing.T, h *harness) {
	// A release is settled once no announcement of it waits, held ones
	// included; it is reported once; one nobody got is not reported.
	h.subscribe(2)
	first := h.announce("r1")
	if _, _, err := h.s.Announce(Release("nobody"), "", func(store.Subscription) bool { return false }); err != nil {
		t.Fatal(err)
	}
	if err := h.s.GiveUp(first[1], store.Failed, "because"); err != nil {
		t.Fatal(err)
	}
	h.s.Pause("telegram", "101", "archived")
	held := h.announce("r2")
	settled := func() []string {
		t.Helper()
		ids, err := h.s.SettledFanOuts()
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(ids)
		return ids
	}
	if got := settled(); len(got) != 0 {
		t.Errorf("settled before any delivery: %v", got)
	}
	h.s.Delivered(first[0], "1")
	h.s.Delivered(held[0], "2")
	fixed := Release("r1")
	fixed.Correction = "Berichtigt."
	h.s.Correct(Release("r1"), time.Now())
	h.s.Correct(fixed, time.Now()) // a correction waits: r1 is settled all the same
	if got := settled(); !slices.Equal(got, []string{"r1"}) {
		t.Errorf("settled = %v, want r1 (r2 is held for a paused chat)", got)
	}
	if err := h.s.FanOutReported("r1"); err != nil {
		t.Fatal(err)
	}
	if err := h.s.FanOutReported("unknown"); err != nil {
		t.Errorf("reporting an unknown release: %v", err)
	}
	h.s.Unsubscribe("telegram", "101")
	h.reopen(time.Now)
	if got := settled(); !slices.Equal(got, []string{"r2"}) {
		t.Errorf("after a restart settled = %v, want r2", got)
	}
	h.reopen(later(91 * 24 * time.Hour))
	if got := settled(); len(got) != 0 {
		t.Errorf("a fan-out of 90 days ago is settled: %v", got)
	}
}

func testDigestCollectsUntilItsHour(t *testing.T, h *harness) {
	// A digest chat's announcements wait, counted as waiting, until its
	// hour; then one digest lists them, once, through a restart; a
	// correction of a release it listed answers the digest.
	h.subscribe(1) // chat 100 gets each release
	day1 := time.Date(2026, 3, 2, 7, 0, 0, 0, time.UTC)
	if _, ok, err := h.s.SetDigest(store.Subscription{Platform: "telegram", Chat: "7"}, &store.Digest{At: "08:00", Zone: "UTC"}); err != nil || !ok {
		t.Fatalf("SetDigest: %v %v", ok, err)
	}
	due := day1
	dueAt := func(store.Subscription) (time.Time, bool) { return due, true }
	if ds, err := h.s.MakeDigests(dueAt); err != nil || len(ds) != 0 {
		t.Fatalf("a digest just chosen: %+v %v", ds, err)
	}
	r1, r2 := Release("r1"), Release("r2")
	var toChat100 []store.Delivery
	for _, id := range []string{"r1", "r2"} {
		ds, _, err := h.s.Announce(Release(id), id, nil)
		if err != nil || len(ds) != 1 || ds[0].Chat != "100" {
			t.Fatalf("Announce %s: %+v %v; want chat 100 only now", id, ds, err)
		}
		toChat100 = append(toChat100, ds[0])
	}
	if report, _ := h.s.Deliveries(); len(report) != 2 || report[0].Pending != 2 || report[1].Pending != 2 {
		t.Errorf("Deliveries = %+v; want two waiting for each release", report)
	}
	if settled, _ := h.s.SettledFanOuts(); len(settled) != 0 {
		t.Errorf("settled %v while the digest waits", settled)
	}
	if ds, err := h.s.MakeDigests(dueAt); err != nil || len(ds) != 0 {
		t.Fatalf("a digest before its hour: %+v %v", ds, err)
	}
	due = day1.Add(25 * time.Hour)
	ds, err := h.s.MakeDigests(dueAt)
	if err != nil || len(ds) != 1 || ds[0].Kind != store.KindDigest || !slices.Equal(ds[0].Releases, []string{"r1", "r2"}) || !ds[0].At.Equal(due) {
		t.Fatalf("MakeDigests = %+v, %v; want one digest of r1 and r2", ds, err)
	}
	if again, _ := h.s.MakeDigests(dueAt); len(again) != 0 {
		t.Errorf("the digest was made twice: %+v", again)
	}
	h.reopen(time.Now)
	pending, _ := h.s.Pending()
	i := slices.IndexFunc(pending, func(d store.Delivery) bool { return d.Kind == store.KindDigest })
	if i < 0 || !reflect.DeepEqual(pending[i], ds[0]) {
		t.Fatalf("the digest is not in the outbox after a restart: %+v", pending)
	}
	if _, ok, _ := h.s.KeptRelease("r2"); !ok {
		t.Error("the release a digest waits to list was not kept")
	}
	if _, err := h.s.Delivered(pending[i], "77"); err != nil {
		t.Fatal(err)
	}
	if sub, _, _ := h.s.Subscription("telegram", "7"); sub.LastRelease != "r2" {
		t.Errorf("the subscription after its digest: %+v", sub)
	}
	if _, about := h.s.MessageRelease("telegram", "7", "77"); about {
		t.Error("a digest was taken for one release's message")
	}
	fixed := *r1
	fixed.Correction = "Chemnitz."
	h.s.Correct(r1, day1)
	cs, err := h.s.Correct(&fixed, day1)
	if err != nil || len(cs) != 1 || cs[0].Chat != "7" || !cs[0].Digest || cs[0].Message != "77" {
		t.Fatalf("Correct: %+v, %v; want the digest answered, nothing to chat 100, which has not had it", cs, err)
	}
	h.s.Correct(r2, day1)
	if _, err := h.s.Delivered(toChat100[1], "5"); err != nil {
		t.Fatal(err)
	}
	changed := *r2
	changed.Title = "Neu"
	cs, err = h.s.Correct(&changed, day1)
	if err != nil || len(cs) != 2 {
		t.Fatalf("Correct: %+v, %v; want chat 100's announcement and the digest", cs, err)
	}
	for _, c := range cs {
		if wantDigest := c.Chat == "7"; c.Digest != wantDigest || (wantDigest && c.Message != "77") {
			t.Errorf("correction %+v: digest %v", c, wantDigest)
		}
	}
}

func testDigestOffSendsWhatWasCollected(t *testing.T, h *harness) {
	digest := &store.Digest{At: "08:00", Zone: "UTC"}
	if _, ok, _ := h.s.SetDigest(store.Subscription{Platform: "slack", Chat: "C1"}, nil); ok {
		t.Error("turning off the digest of a chat not subscribed subscribed it")
	}
	h.s.SetDigest(store.Subscription{Platform: "slack", Chat: "C1"}, digest)
	h.s.Announce(Release("r1"), "r1", nil)
	sub, ok, err := h.s.SetDigest(store.Subscription{Platform: "slack", Chat: "C1"}, nil)
	if err != nil || !ok || sub.Digest != nil {
		t.Fatalf("SetDigest(nil) = %+v %v %v", sub, ok, err)
	}
	back, err := h.s.MakeDigests(func(store.Subscription) (time.Time, bool) { return time.Now(), true })
	if err != nil || len(back) != 1 || back[0].Release != "r1" || back[0].Kind != store.KindAnnouncement {
		t.Fatalf("MakeDigests = %+v %v; want r1 back as an announcement", back, err)
	}
	if pending, _ := h.s.Pending(); !reflect.DeepEqual(pending, back) {
		t.Errorf("Pending = %+v", pending)
	}
}

func testDigestGivenUpCountsEachRelease(t *testing.T, h *harness) {
	h.s.SetDigest(store.Subscription{Platform: "slack", Chat: "C1"}, &store.Digest{At: "08:00", Zone: "UTC"})
	now := time.Now()
	due := func(store.Subscription) (time.Time, bool) { return now, true }
	h.s.MakeDigests(due)
	h.s.Announce(Release("r1"), "r1", nil)
	h.s.Announce(Release("r2"), "r2", nil)
	now = now.Add(24 * time.Hour)
	ds, err := h.s.MakeDigests(due)
	if err != nil || len(ds) != 1 {
		t.Fatalf("MakeDigests: %+v %v", ds, err)
	}
	if err := h.s.GiveUp(ds[0], store.Failed, "too long"); err != nil {
		t.Fatal(err)
	}
	report, _ := h.s.Deliveries()
	if len(report) != 2 || report[0].Failed != 1 || report[1].Failed != 1 || report[0].Pending+report[1].Pending != 0 {
		t.Errorf("Deliveries = %+v; want each release failed once", report)
	}
	for _, r := range report {
		if u := r.Undelivered; len(u) != 1 || u[0].Release != r.Release || u[0].Title != "Testmeldung "+r.Release || u[0].Kind != "" {
			t.Errorf("%s given up: %+v", r.Release, u)
		}
	}
}

func testDigestPausedAndGone(t *testing.T, h *harness) {
	// A paused digest chat still collects; its digest, made while paused,
	// is held until it resumes. A digest chat that blocked the bot has
	// what was collected for it reported gone, each release once.
	now := time.Now()
	due := func(store.Subscription) (time.Time, bool) { return now, true }
	for _, chat := range []string{"C1", "C2"} {
		h.s.SetDigest(store.Subscription{Platform: "slack", Chat: chat}, &store.Digest{At: "08:00", Zone: "UTC"})
	}
	h.s.MakeDigests(due)
	if _, err := h.s.Pause("slack", "C1", "archived"); err != nil {
		t.Fatal(err)
	}
	h.s.Announce(Release("r1"), "r1", nil)
	h.s.Announce(Release("r2"), "r2", nil)
	if err := h.s.MoveSubscription("slack", "C2", "C3"); err != nil {
		t.Fatal(err)
	}
	if err := h.s.Gone(store.Delivery{Platform: "slack", Chat: "C3"}, "account_inactive"); err != nil {
		t.Fatal(err)
	}
	now = now.Add(24 * time.Hour)
	if ds, err := h.s.MakeDigests(due); err != nil || len(ds) != 0 {
		t.Errorf("MakeDigests for a paused chat: %+v %v; want it held", ds, err)
	}
	back, err := h.s.Resume("slack", "C1", "archived")
	if err != nil || len(back) != 1 || back[0].Kind != store.KindDigest || !slices.Equal(back[0].Releases, []string{"r1", "r2"}) {
		t.Errorf("Resume = %+v %v; want the digest of r1 and r2", back, err)
	}
	report, _ := h.s.Deliveries()
	if len(report) != 2 {
		t.Fatalf("Deliveries = %+v", report)
	}
	for _, r := range report {
		if r.Gone != 1 || r.Pending != 1 || len(r.Undelivered) != 1 || r.Undelivered[0].Chat != "C3" {
			t.Errorf("%s: %+v; want gone to C3 once and waiting for C1", r.Release, r)
		}
	}
}
