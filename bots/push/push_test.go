package push

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// fakeSender records what it sends and fails as a test tells it.
type fakeSender struct {
	limits Limits
	mu     sync.Mutex
	sent   []sent
	fail   map[string][]error // chat → errors to return, in turn
	clock  Clock
	// corrected are the corrections made, in order.
	corrected []Correction
	// hold, when set, is called once by the next Send before it sends.
	hold func()
}

type sent struct {
	chat, release string
	at            time.Time
}

func (f *fakeSender) Platform() string       { return "fake" }
func (f *fakeSender) Limits() Limits         { return f.limits }
func (f *fakeSender) Group(chat string) bool { return chat[0] == '-' }

func (f *fakeSender) Send(ctx context.Context, chat string, r *corpus.Release) (string, error) {
	f.mu.Lock()
	hold := f.hold
	f.hold = nil
	f.mu.Unlock()
	if hold != nil {
		hold()
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if errs := f.fail[chat]; len(errs) > 0 {
		f.fail[chat] = errs[1:]
		if errs[0] != nil {
			return "", errs[0]
		}
	}
	f.sent = append(f.sent, sent{chat, r.ID, f.clock.Now()})
	return strconv.Itoa(len(f.sent)), nil
}

func (f *fakeSender) Correct(ctx context.Context, c Correction) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.corrected = append(f.corrected, c)
	return "", nil
}

// SendDigest records a digest as "digest:" and the ids it lists.
func (f *fakeSender) SendDigest(ctx context.Context, d Digest) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	ids := make([]string, len(d.Releases))
	for i, r := range d.Releases {
		ids[i] = r.ID
	}
	f.sent = append(f.sent, sent{d.Chat, "digest:" + strings.Join(ids, ","), f.clock.Now()})
	return strconv.Itoa(len(f.sent)), nil
}

func (f *fakeSender) sentTo(chat string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, s := range f.sent {
		if s.chat == chat {
			out = append(out, s.release)
		}
	}
	return out
}

func (f *fakeSender) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.sent)
}

// releases is the corpus. It may lack every release for its first
// lookups, as it lacks a feed's until the feed is read again.
type releases struct {
	mu     sync.Mutex
	m      map[string]*corpus.Release
	missed int // lookups still to fail; -1 for all
}

func (r *releases) Release(id string) (*corpus.Release, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.missed != 0 {
		r.missed = max(r.missed-1, -1)
		return nil, false
	}
	x, ok := r.m[id]
	return x, ok
}

func (r *releases) add(x *corpus.Release) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.m[x.ID] = x
}

// observer counts the deliveries abandoned.
type observer struct {
	mu        sync.Mutex
	abandoned int
}

func (*observer) Announced()               {}
func (*observer) Delivered(string, string) {}
func (*observer) RateLimited(string)       {}

func (o *observer) Abandoned(string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.abandoned++
}

func (o *observer) abandonedCount() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.abandoned
}

// oldStore is a state file written by an isabot that kept no copies of
// the releases it delivered.
type oldStore struct{ *store.Store }

func (oldStore) KeptRelease(string) (*corpus.Release, bool, error) { return nil, false, nil }

func newRelease(id string, day int) *corpus.Release {
	return &corpus.Release{ID: id, Title: "Testmeldung " + id, Date: time.Date(2026, 11, day, 0, 0, 0, 0, time.UTC), Body: []string{"Text."}}
}

// harness runs a pusher with a fake sender over a real state file.
type harness struct {
	state    *store.Store
	old      bool // the pusher sees the state file as oldStore
	sender   *fakeSender
	observer *observer
	pusher   *Pusher
	releases *releases
	matcher  Matcher // nil: every subscriber gets everything
	stop     func()
}

func start(t *testing.T, limits Limits, subscribers int, clock Clock) *harness {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for i := range subscribers {
		st.Subscribe(store.Subscription{Platform: "fake", Chat: strconv.Itoa(1000 + i)})
	}
	if clock == nil {
		clock = realClock{}
	}
	h := &harness{state: st, sender: &fakeSender{limits: limits, fail: map[string][]error{}, clock: clock}, observer: &observer{}, releases: &releases{m: map[string]*corpus.Release{}}}
	h.run(clock)
	return h
}

func (h *harness) run(clock Clock) {
	opts := []Option{WithClock(clock)}
	if _, simulated := clock.(*SimClock); simulated {
		opts = append(opts, WithWorkers(1)) // sends happen at the simulated time they were scheduled for
	}
	if h.matcher != nil {
		opts = append(opts, WithMatcher(h.matcher))
	}
	var state State = h.state
	if h.old {
		state = oldStore{h.state}
	}
	h.pusher = New(state, h.releases, []Sender{h.sender}, h.observer, slog.New(slog.DiscardHandler), opts...)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { h.pusher.Run(ctx); close(done) }()
	h.stop = func() { cancel(); <-done }
}

func (h *harness) announce(t *testing.T, r *corpus.Release) int {
	t.Helper()
	h.releases.add(r)
	n, err := h.pusher.Announce(r)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// wait waits until the fake has sent n messages and the outbox is empty.
func (h *harness) wait(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		pending, _ := h.state.Pending()
		if h.sender.count() >= n && len(pending) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("sent %d of %d; %d pending", h.sender.count(), n, len(pending))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestBroadcastOnceEach(t *testing.T) {
	h := start(t, Limits{}, 50, nil)
	defer h.stop()
	r := newRelease("r1", 20)
	if n := h.announce(t, r); n != 50 {
		t.Fatalf("queued %d", n)
	}
	// The same release again, or the same release from another source,
	// is not announced again.
	if n := h.announce(t, r); n != 0 {
		t.Errorf("re-announced: %d", n)
	}
	twin := newRelease("feed-abc", 20)
	twin.Title = r.Title
	if n := h.announce(t, twin); n != 0 {
		t.Errorf("the same release from a feed was announced: %d", n)
	}
	h.wait(t, 50)
	for i := range 50 {
		if got := h.sender.sentTo(strconv.Itoa(1000 + i)); len(got) != 1 {
			t.Errorf("chat %d got %v", 1000+i, got)
		}
	}
	subs, _ := h.state.Subscriptions()
	for _, s := range subs {
		if s.LastRelease != "r1" || s.LastDelivered.IsZero() {
			t.Errorf("subscription not updated: %+v", s)
		}
	}
}

func TestCorrectionWhileSending(t *testing.T) {
	// A release corrected while its announcement is being sent, before
	// there is a message to edit: the message is corrected once sent.
	h := start(t, Limits{}, 1, nil)
	defer h.stop()
	sending, proceed := make(chan struct{}), make(chan struct{})
	h.sender.mu.Lock()
	h.sender.hold = func() { close(sending); <-proceed }
	h.sender.mu.Unlock()
	r := newRelease("r1", 20)
	h.announce(t, r)
	<-sending
	fixed := *r
	fixed.Body = []string{"Berichtigter Text."}
	fixed.Correction = "Der Text ist berichtigt."
	if n := h.announce(t, &fixed); n != 0 {
		t.Errorf("the correction queued %d deliveries before the announcement was sent, want none", n)
	}
	close(proceed)
	deadline := time.Now().Add(10 * time.Second)
	for {
		h.sender.mu.Lock()
		corrected := slices.Clone(h.sender.corrected)
		h.sender.mu.Unlock()
		if len(corrected) > 0 {
			if c := corrected[0]; len(corrected) != 1 || c.Message != "1" || c.Note != fixed.Correction || c.Release.Body[0] != fixed.Body[0] {
				t.Errorf("corrections %+v, want one of message 1 to the corrected text", corrected)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the announcement sent before the correction was never corrected")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if h.sender.count() != 1 {
		t.Errorf("%d messages sent, want the one announcement", h.sender.count())
	}
}

func TestNewSubscriberGetsWhatComesAfter(t *testing.T) {
	h := start(t, Limits{}, 1, nil)
	defer h.stop()
	h.announce(t, newRelease("r1", 20))
	h.wait(t, 1)
	h.state.Subscribe(store.Subscription{Platform: "fake", Chat: "2000"})
	h.announce(t, newRelease("r2", 21))
	h.wait(t, 3)
	if got := h.sender.sentTo("2000"); !slices.Equal(got, []string{"r2"}) {
		t.Errorf("new subscriber got %v", got)
	}
	if got := h.sender.sentTo("1000"); !slices.Equal(got, []string{"r1", "r2"}) {
		t.Errorf("old subscriber got %v", got)
	}
}

func TestUnsubscribedChatGetsNoMore(t *testing.T) {
	// What waits in memory for a chat that unsubscribes is not sent.
	h := start(t, Limits{PerChat: 300 * time.Millisecond}, 2, nil)
	defer h.stop()
	for i, id := range []string{"r1", "r2", "r3"} {
		h.announce(t, newRelease(id, 20+i))
	}
	deadline := time.Now().Add(10 * time.Second)
	for len(h.sender.sentTo("1000")) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("nothing sent to 1000")
		}
		time.Sleep(time.Millisecond)
	}
	if _, err := h.state.Unsubscribe("fake", "1000"); err != nil {
		t.Fatal(err)
	}
	h.wait(t, 4)
	if got := h.sender.sentTo("1000"); !slices.Equal(got, []string{"r1"}) {
		t.Errorf("after unsubscribing, 1000 got %v", got)
	}
	if got := h.sender.sentTo("1001"); len(got) != 3 {
		t.Errorf("1001 got %v", got)
	}
}

func TestFailuresAndMoves(t *testing.T) {
	h := start(t, Limits{}, 4, nil)
	defer h.stop()
	h.sender.fail["1000"] = []error{&RetryAfterError{After: 20 * time.Millisecond}, &RetryAfterError{After: 10 * time.Millisecond}}
	h.sender.fail["1001"] = []error{fmt.Errorf("%w: bot was blocked by the user", ErrGone)}
	h.sender.fail["1002"] = []error{&MovedError{To: "-1009"}}
	h.sender.fail["1003"] = []error{fmt.Errorf("502 bad gateway")}
	h.announce(t, newRelease("r1", 20))
	h.wait(t, 3)
	if got := h.sender.sentTo("1000"); len(got) != 1 {
		t.Errorf("rate-limited chat got %v", got)
	}
	if got := h.sender.sentTo("1001"); len(got) != 0 {
		t.Errorf("blocked chat got %v", got)
	}
	if got := h.sender.sentTo("-1009"); len(got) != 1 {
		t.Errorf("moved chat got %v", got)
	}
	if got := h.sender.sentTo("1003"); len(got) != 1 {
		t.Errorf("chat after a 502 got %v", got)
	}
	subs, _ := h.state.Subscriptions()
	var chats []string
	for _, s := range subs {
		chats = append(chats, s.Chat)
	}
	slices.Sort(chats)
	if !slices.Equal(chats, []string{"-1009", "1000", "1003"}) {
		t.Errorf("subscriptions after the failures: %v", chats)
	}
}

func TestRestartResumesTheOutbox(t *testing.T) {
	h := start(t, Limits{}, 20, nil)
	h.stop() // nobody delivers
	r := newRelease("r1", 20)
	h.releases.add(r)
	ds, _, err := h.state.Announce(r, "", nil)
	if err != nil || len(ds) != 20 {
		t.Fatalf("%d %v", len(ds), err)
	}
	h.run(realClock{}) // a new process reads the outbox
	defer h.stop()
	h.wait(t, 20)
	if n := h.sender.count(); n != 20 {
		t.Errorf("sent %d", n)
	}
}

func TestRestartWithoutTheRelease(t *testing.T) {
	// A release is announced to five chats and the process stops before
	// anything is sent. The next one starts with a corpus that lacks the
	// release, as it lacks a feed's until the feed answers again: the
	// outbox's copy is delivered. An outbox from before the copies waits,
	// with backoff, for the feed; when the release does not come back, or
	// the platform keeps refusing it, the deliveries are given up and
	// reported.
	for _, tt := range []struct {
		name    string
		old     bool  // the outbox holds no copy of the release
		missed  int   // lookups the corpus fails before the feed is read; -1: it never is
		sendErr error // what the platform answers every time
		sent    int
		givenUp store.DeliveryState
	}{
		{name: "the feed gone", missed: -1, sent: 5},
		{name: "an old outbox, the feed late", old: true, missed: 3, sent: 5},
		{name: "an old outbox, the feed gone", old: true, missed: -1, givenUp: store.Abandoned},
		{name: "the platform refusing", sendErr: errors.New("502 bad gateway"), givenUp: store.Failed},
	} {
		t.Run(tt.name, func(t *testing.T) {
			clock := NewSimClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
			h := start(t, Limits{}, 5, clock)
			h.stop()
			r := newRelease("feed-0123", 20)
			if _, _, err := h.state.Announce(r, Fingerprint(r), nil); err != nil {
				t.Fatal(err)
			}
			h.releases = &releases{m: map[string]*corpus.Release{r.ID: r}, missed: tt.missed}
			h.old = tt.old
			for i := range 5 {
				h.sender.fail[strconv.Itoa(1000+i)] = slices.Repeat([]error{tt.sendErr}, maxAttempts)
			}
			h.run(clock)
			defer h.stop()
			h.wait(t, tt.sent)

			if n := h.sender.count(); n != tt.sent {
				t.Errorf("sent %d, want %d", n, tt.sent)
			}
			report, err := h.state.Deliveries()
			if err != nil {
				t.Fatal(err)
			}
			if tt.givenUp == "" {
				if len(report) != 1 || report[0].Sent != tt.sent || report[0].Pending+len(report[0].Undelivered) != 0 {
					t.Errorf("deliveries left: %+v", report)
				}
				return
			}
			if len(report) != 1 || report[0].Release != r.ID || report[0].Pending != 0 || len(report[0].Undelivered) != 5 {
				t.Fatalf("report: %+v", report)
			}
			for _, u := range report[0].Undelivered {
				if u.State != tt.givenUp || u.Cause == "" {
					t.Errorf("given up as %q (%q), want %q", u.State, u.Cause, tt.givenUp)
				}
			}
			abandoned := 0
			if tt.givenUp == store.Abandoned {
				abandoned = 5
			}
			if n := h.observer.abandonedCount(); report[0].Abandoned != abandoned || n != abandoned {
				t.Errorf("abandoned: %d in the report, %d in the metrics; want %d", report[0].Abandoned, n, abandoned)
			}
		})
	}
}

func TestOrderPerChat(t *testing.T) {
	h := start(t, Limits{}, 3, nil)
	defer h.stop()
	for i := range 5 {
		h.announce(t, newRelease("r"+strconv.Itoa(i), 20+i))
	}
	h.wait(t, 15)
	for i := range 3 {
		if got := h.sender.sentTo(strconv.Itoa(1000 + i)); !slices.Equal(got, []string{"r0", "r1", "r2", "r3", "r4"}) {
			t.Errorf("chat %d got %v", 1000+i, got)
		}
	}
}

func TestRateLimitsInSimulatedTime(t *testing.T) {
	// Telegram's limits: 30 a second, one a second per chat, 20 a minute
	// per group. Timed on a simulated clock, so no real minute passes.
	clock := NewSimClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	h := start(t, Limits{PerSecond: 30, PerChat: time.Second, PerGroupMinute: 20}, 0, clock)
	defer h.stop()
	for i := range 40 {
		h.state.Subscribe(store.Subscription{Platform: "fake", Chat: strconv.Itoa(1000 + i)})
	}
	h.state.Subscribe(store.Subscription{Platform: "fake", Chat: "-500"}) // a group
	for i := range 3 {
		h.announce(t, newRelease("r"+strconv.Itoa(i), 1+i))
	}
	h.wait(t, 3*41)
	// Then the group alone gets 22 more.
	for i := range 40 {
		h.state.Unsubscribe("fake", strconv.Itoa(1000+i))
	}
	for i := range 22 {
		h.announce(t, newRelease("g"+strconv.Itoa(i), 4+i))
	}
	h.wait(t, 3*41+22)

	h.sender.mu.Lock()
	defer h.sender.mu.Unlock()
	// No second holds more than 30 messages, no chat gets two within a
	// second, and no minute more than 20 to the group.
	perSecond := map[int64]int{}
	last := map[string]time.Time{}
	var group []time.Time
	for _, s := range h.sender.sent {
		perSecond[s.at.Sub(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)).Milliseconds()/1000]++
		if prev, ok := last[s.chat]; ok && s.at.Sub(prev) < time.Second {
			t.Fatalf("chat %s got two messages %v apart", s.chat, s.at.Sub(prev))
		}
		last[s.chat] = s.at
		if s.chat == "-500" {
			group = append(group, s.at)
		}
	}
	for sec, n := range perSecond {
		if n > 30 {
			t.Errorf("second %d held %d messages", sec, n)
		}
	}
	if len(group) != 25 {
		t.Fatalf("the group got %d of 25", len(group))
	}
	for i := 20; i < len(group); i++ {
		if group[i].Sub(group[i-20]) < time.Minute {
			t.Fatalf("the group got 21 messages within %v", group[i].Sub(group[i-20]))
		}
	}
	// And it took no longer than the limits require: 41 messages at 30 a
	// second, then a pause until the group's minute is over.
	if took := clock.Elapsed(); took > 90*time.Second {
		t.Errorf("the schedule took %v of simulated time", took)
	}
}
