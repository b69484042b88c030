// Package push delivers new releases to the chats that subscribed to
// them, on every platform: each release to each subscriber once, in the
// order announced, within the platform's rate limits, through restarts.
//
// Announcing a release writes one delivery per subscriber to the state
// store's outbox in one transaction, with a copy of the release: after a
// restart the deliveries need neither the release's file nor its feed. A
// delivery leaves the outbox, on disk, the moment the platform accepted
// it, before the next message to that chat is sent. A crash therefore
// repeats at most the one message in flight to each subscriber, and skips
// none. A delivery that cannot be made is given up and kept in the state
// store to be reported, with its cause.
package push

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// Sender sends announcements on one platform, and corrections of them.
// Its errors tell the pusher what to do: a *RetryAfterError waits, a
// *MovedError follows the chat, ErrGone ends the subscription, anything
// else is retried with backoff.
type Sender interface {
	Platform() string
	// Send announces r in chat and returns the message it became.
	Send(ctx context.Context, chat string, r *corpus.Release) (message string, err error)
	// Correct edits an announcement sent before to the corrected
	// release, or, where the platform no longer lets it be edited,
	// replies to it with a short correction; it returns the reply's
	// message, or "" when it edited.
	Correct(ctx context.Context, c Correction) (reply string, err error)
	// SendDigest sends a chat's digest and returns the message it
	// became.
	SendDigest(ctx context.Context, d Digest) (message string, err error)
	Limits() Limits
	// Group reports whether chat is a group or channel, which may have
	// a limit of its own.
	Group(chat string) bool
}

// Limits are a platform's rate limits for a bot.
type Limits struct {
	PerSecond      float64       // messages a second, all chats together
	PerChat        time.Duration // between two messages to one chat
	PerGroupMinute int           // messages a minute to one group or channel; 0 for none
}

// ErrGone means the chat blocked the bot, removed it, or no longer exists.
var ErrGone = errors.New("the chat is gone")

// RetryAfterError means the platform asked to wait before sending again.
type RetryAfterError struct{ After time.Duration }

func (e *RetryAfterError) Error() string { return fmt.Sprintf("rate limited: retry after %v", e.After) }

// MovedError means the chat has a new id (a group became a supergroup).
type MovedError struct{ To string }

func (e *MovedError) Error() string { return "the chat moved to " + e.To }

// State is the outbox and the subscriptions; package store's Store is it.
type State interface {
	Announce(r *corpus.Release, fingerprint string, wants func(store.Subscription) bool) ([]store.Delivery, bool, error)
	Correct(r *corpus.Release, at time.Time) ([]store.Delivery, error)
	MakeDigests(due func(store.Subscription) (time.Time, bool)) ([]store.Delivery, error)
	Pending() ([]store.Delivery, error)
	KeptRelease(id string) (*corpus.Release, bool, error)
	Owed(store.Delivery) (bool, error)
	// Delivered records a delivery and returns the corrections it makes
	// due (store.Store.Delivered).
	Delivered(d store.Delivery, message string) ([]store.Delivery, error)
	GiveUp(d store.Delivery, state store.DeliveryState, cause string) error
	// Gone ends the subscription of a chat that blocked or removed the
	// bot, keeping what it was owed to be reported.
	Gone(d store.Delivery, cause string) error
	MoveSubscription(platform, from, to string) error
}

// Releases finds a release by id.
type Releases interface {
	Release(id string) (*corpus.Release, bool)
}

// Matcher tells what a release is about, for the chats that follow
// cities or topics; package search's Engine is one.
type Matcher interface {
	// CitiesNamed returns the canonical names of the cities r names.
	CitiesNamed(r *corpus.Release) []string
	// About reports whether r is about topic.
	About(r *corpus.Release, topic string) bool
}

// Observer is told what happens to releases and deliveries, for metrics.
type Observer interface {
	Announced()
	Delivered(platform, result string)
	// Abandoned is told of a delivery given up because its release is
	// gone.
	Abandoned(platform string)
	RateLimited(platform string)
}

// errReleaseGone means a delivery's release is in neither the corpus nor
// the outbox: the outbox of an older isabot kept no copies, and a feed's
// release is back only once the feed is read again.
var errReleaseGone = errors.New("the release is in neither the corpus nor the outbox")

// Pusher delivers the outbox.
type Pusher struct {
	state    State
	releases Releases
	matcher  Matcher
	senders  map[string]*lane
	logger   *slog.Logger
	observer Observer
	clock    Clock
	workers  int
}

// Option changes a Pusher.
type Option func(*Pusher)

// WithClock replaces the real clock, for benchmarks that should not wait.
func WithClock(c Clock) Option { return func(p *Pusher) { p.clock = c } }

// WithMatcher lets chats follow cities and topics: without it every
// subscriber gets every release.
func WithMatcher(m Matcher) Option { return func(p *Pusher) { p.matcher = m } }

// DefaultWorkers is how many messages may be in flight on each platform
// unless WithWorkers says otherwise: at an interruption, at most as many
// are sent again after the restart.
const DefaultWorkers = 64

// WithWorkers sets how many messages may be in flight on each platform.
func WithWorkers(n int) Option { return func(p *Pusher) { p.workers = n } }

// New makes a pusher for senders.
func New(state State, releases Releases, senders []Sender, observer Observer, logger *slog.Logger, opts ...Option) *Pusher {
	p := &Pusher{state: state, releases: releases, senders: map[string]*lane{}, logger: logger, observer: observer, clock: realClock{}, workers: DefaultWorkers}
	for _, o := range opts {
		o(p)
	}
	for _, s := range senders {
		p.senders[s.Platform()] = newLane(p, s)
	}
	return p
}

// Announce queues a new release for every subscriber that wants it,
// once: a release announced before, under its id or as the same title on
// the same day from another source, is not announced again. A release
// announced before under its id that says something else now is a
// correction: the announcements sent are corrected (see
// store.Store.Correct). It returns how many deliveries it queued.
func (p *Pusher) Announce(r *corpus.Release) (int, error) {
	ds, new, err := p.state.Announce(r, Fingerprint(r), p.wants(r))
	if err != nil {
		return 0, err
	}
	if new {
		p.logger.Info("push: announcing a new release", "release", r.ID, "subscribers", len(ds))
		p.observer.Announced()
	}
	corrections, err := p.state.Correct(r, p.clock.Now())
	if err != nil {
		return len(ds), err
	}
	if len(corrections) > 0 {
		p.logger.Info("push: correcting a release", "release", r.ID, "announcements", len(corrections))
	}
	ds = append(ds, corrections...)
	p.Enqueue(ds)
	return len(ds), nil
}

// Fingerprint identifies a release across sources: its day and its title,
// lower case, without punctuation or spacing.
func Fingerprint(r *corpus.Release) string {
	var b strings.Builder
	for _, c := range strings.ToLower(r.Title) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			b.WriteRune(c)
		}
	}
	return r.Date.Format("2006-01-02") + ":" + b.String()
}

// Enqueue hands the pusher deliveries just written to the outbox.
func (p *Pusher) Enqueue(ds []store.Delivery) {
	for _, d := range ds {
		if l := p.senders[d.Platform]; l != nil {
			l.add(d)
		} else {
			p.logger.Warn("push: no sender for platform; delivery left in the outbox", "platform", d.Platform, "chat", d.Chat)
		}
	}
}

// QueueDepth is the number of deliveries waiting.
func (p *Pusher) QueueDepth() int {
	n := 0
	for _, l := range p.senders {
		n += l.depth()
	}
	return n
}

// Run loads the outbox left by the last run and delivers until ctx ends;
// then it lets the messages in flight finish and returns.
func (p *Pusher) Run(ctx context.Context) error {
	pending, err := p.state.Pending()
	if err != nil {
		return fmt.Errorf("push: read the outbox: %w", err)
	}
	if len(pending) > 0 {
		p.logger.Info("push: resuming deliveries", "pending", len(pending))
	}
	p.Enqueue(pending)
	var wg sync.WaitGroup
	for _, l := range p.senders {
		wg.Go(func() { l.run(ctx) })
	}
	wg.Wait()
	return nil
}

// lane delivers on one platform: it picks the oldest delivery whose chat
// may be written to now, takes a token from the platform's bucket, and
// sends it on a worker, one message in flight per chat at most.
type lane struct {
	p      *Pusher
	sender Sender
	limits Limits

	mu       sync.Mutex
	queue    []*item
	queued   map[uint64]bool // sequence numbers in queue or in flight
	inFlight map[string]bool
	nextChat map[string]time.Time   // when a chat may be written to next
	recent   map[string][]time.Time // sends to each group in the last minute
	bucket   tokenBucket
	wake     chan struct{}
}

type item struct {
	d         store.Delivery
	notBefore time.Time
	attempts  int
	at        time.Time // when it was scheduled to go
}

type scheduledKey struct{}

// ScheduledAt is when the pusher scheduled the message a Send is sending,
// by its clock: with a simulated clock, the time a real schedule would
// have sent it.
func ScheduledAt(ctx context.Context) time.Time {
	t, _ := ctx.Value(scheduledKey{}).(time.Time)
	return t
}

func newLane(p *Pusher, s Sender) *lane {
	l := s.Limits()
	return &lane{
		p: p, sender: s, limits: l,
		queued: map[uint64]bool{}, inFlight: map[string]bool{}, nextChat: map[string]time.Time{}, recent: map[string][]time.Time{},
		bucket: tokenBucket{rate: l.PerSecond, max: l.PerSecond},
		wake:   make(chan struct{}, 1),
	}
}

func (l *lane) add(d store.Delivery) {
	l.mu.Lock()
	if !l.queued[d.Seq] {
		l.queued[d.Seq] = true
		l.queue = append(l.queue, &item{d: d})
	}
	l.mu.Unlock()
	l.poke()
}

func (l *lane) poke() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

func (l *lane) depth() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.queue)
}

func (l *lane) run(ctx context.Context) {
	var workers sync.WaitGroup
	defer workers.Wait()
	slots := make(chan struct{}, l.p.workers)
	for {
		// A free worker first, then the delivery: the time a message is
		// sent is the time it was scheduled for.
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return
		}
		it := l.waitNext(ctx)
		if it == nil {
			return // shutting down: what is queued stays in the outbox
		}
		// Claimed before it takes its turn under the rate limit: one no
		// longer owed (its chat left, another replica sends it) takes no
		// turn, and the state store's time to answer is not spent between
		// the turn and the send, where a slow answer would bunch the
		// messages the platform sees.
		if !l.owed(it) {
			l.done(it)
			<-slots
			continue
		}
		l.mu.Lock()
		wait := l.bucket.take(l.p.clock.Now())
		l.mu.Unlock()
		if !l.p.clock.Sleep(ctx, wait) {
			return
		}
		it.at = l.p.clock.Now()
		l.mu.Lock()
		l.bucket.wentAt(it.at)
		l.mu.Unlock()
		// The schedule, as the platform's limits see it when several
		// replicas take turns: checked by the two-replica test.
		l.p.logger.Debug("push: sending", "platform", l.sender.Platform(), "chat", it.d.Chat, "release", it.d.Release, "scheduled", it.at)
		workers.Go(func() {
			defer func() { <-slots }()
			l.deliver(ctx, it)
		})
	}
}

// waitNext waits until a delivery may be sent and takes it; nil when ctx
// ends first.
func (l *lane) waitNext(ctx context.Context) *item {
	for {
		it, wait := l.next()
		if it != nil {
			return it
		}
		var timer <-chan time.Time
		if wait > 0 {
			timer = l.p.clock.After(wait)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-l.wake:
		case <-timer:
		}
	}
}

// next takes the oldest delivery that may be sent now, marking its chat
// busy; else it returns how long until one may be.
func (l *lane) next() (*item, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.p.clock.Now()
	soonest := time.Duration(math.MaxInt64)
	for i, it := range l.queue {
		chat := it.d.Chat
		if l.inFlight[chat] {
			continue
		}
		ready := it.notBefore
		if t := l.nextChat[chat]; t.After(ready) {
			ready = t
		}
		if t := l.groupReady(chat, now); t.After(ready) {
			ready = t
		}
		if ready.After(now) {
			soonest = min(soonest, ready.Sub(now))
			continue
		}
		l.queue = slices.Delete(l.queue, i, i+1)
		l.inFlight[chat] = true
		return it, 0
	}
	if soonest == time.Duration(math.MaxInt64) {
		return nil, 0
	}
	return nil, soonest
}

// groupReady is when a group may have its next message under the
// per-minute limit.
func (l *lane) groupReady(chat string, now time.Time) time.Time {
	if l.limits.PerGroupMinute == 0 || !l.sender.Group(chat) {
		return time.Time{}
	}
	sent := l.recent[chat]
	for len(sent) > 0 && now.Sub(sent[0]) >= time.Minute {
		sent = sent[1:]
	}
	l.recent[chat] = sent
	if len(sent) < l.limits.PerGroupMinute {
		return time.Time{}
	}
	return sent[0].Add(time.Minute)
}

// release puts an item back, to be tried from retry on, in its place in
// the order, and frees its chat.
func (l *lane) release(it *item, retry time.Time) {
	l.mu.Lock()
	delete(l.inFlight, it.d.Chat)
	it.notBefore = retry
	i, _ := slices.BinarySearchFunc(l.queue, it.d.Seq, func(q *item, seq uint64) int { return cmp.Compare(q.d.Seq, seq) })
	l.queue = slices.Insert(l.queue, i, it)
	l.mu.Unlock()
	l.poke()
}

// maxAttempts is how often a delivery that keeps failing is tried;
// sendTimeout bounds one try.
const (
	maxAttempts = 10
	sendTimeout = 15 * time.Second
)

// release finds the release a delivery is for: the corpus's version,
// which may have been corrected since it was announced, else the copy the
// outbox kept.
func (p *Pusher) release(id string) (*corpus.Release, error) {
	if r, ok := p.releases.Release(id); ok {
		return r, nil
	}
	r, ok, err := p.state.KeptRelease(id)
	switch {
	case err != nil:
		return nil, err
	case !ok:
		return nil, fmt.Errorf("%w: %s", errReleaseGone, id)
	}
	return r, nil
}

// owed reports whether the outbox still owes it (the chat may have
// unsubscribed while it waited in the queue), claiming it for this
// process where replicas share the outbox.
func (l *lane) owed(it *item) bool {
	owed, err := l.p.state.Owed(it.d)
	if err != nil {
		l.p.logger.Error("push: cannot check the outbox; sending anyway", "error", err)
		return true
	}
	return owed
}

// deliver sends one announcement and acts on the outcome. A release that
// cannot be found is a failure like the platform's: retried with backoff,
// in case its feed brings it back, then given up.
func (l *lane) deliver(ctx context.Context, it *item) {
	p, platform := l.p, l.sender.Platform()
	sent := p.clock.Now()
	// A message in flight at shutdown is finished, not cut off.
	sendCtx, cancel := bots.Finish(context.WithValue(ctx, scheduledKey{}, it.at), sendTimeout, bots.DrainGrace)
	message, err := l.send(sendCtx, &it.d)
	cancel()
	var (
		retryAfter *RetryAfterError
		moved      *MovedError
	)
	switch {
	case err == nil:
		l.mu.Lock()
		if l.limits.PerChat > 0 {
			l.nextChat[it.d.Chat] = sent.Add(l.limits.PerChat)
		}
		if l.sender.Group(it.d.Chat) {
			l.recent[it.d.Chat] = append(l.recent[it.d.Chat], sent)
		}
		l.bucket.succeeded()
		l.mu.Unlock()
		// On disk before the chat's next message may go.
		corrections, err := p.state.Delivered(it.d, message)
		if err != nil {
			p.logger.Error("push: cannot record a delivery", "error", err)
		}
		if len(corrections) > 0 {
			p.logger.Info("push: correcting an announcement corrected while it was sent", "release", it.d.Release, "chat", it.d.Chat)
			p.Enqueue(corrections)
		}
		p.observer.Delivered(platform, results[it.d.Kind])
		l.done(it)
	case errors.As(err, &retryAfter):
		p.observer.RateLimited(platform)
		l.mu.Lock()
		until := p.clock.Now().Add(retryAfter.After)
		l.bucket.slowDown(until)
		l.mu.Unlock()
		p.logger.Warn("push: rate limited; slowing down", "platform", platform, "chat", it.d.Chat, "retry_after", retryAfter.After)
		l.release(it, until)
	case errors.As(err, &moved):
		p.logger.Info("push: chat moved; following it", "platform", platform, "from", it.d.Chat, "to", moved.To)
		if err := p.state.MoveSubscription(platform, it.d.Chat, moved.To); err != nil {
			p.logger.Error("push: cannot move the subscription", "error", err)
		}
		// The outbox was redirected with the subscription; so is what
		// waits in memory.
		from := it.d.Chat
		l.mu.Lock()
		delete(l.inFlight, from)
		for _, q := range l.queue {
			if q.d.Chat == from {
				q.d.Chat = moved.To
			}
		}
		l.mu.Unlock()
		it.d.Chat = moved.To
		l.release(it, p.clock.Now())
	case errors.Is(err, ErrGone):
		p.logger.Info("push: the chat blocked or removed the bot; unsubscribed", "platform", platform, "chat", it.d.Chat, "error", err)
		if err := p.state.Gone(it.d, err.Error()); err != nil {
			p.logger.Error("push: cannot unsubscribe", "error", err)
		}
		l.dropChat(it.d.Chat)
		p.observer.Delivered(platform, "unsubscribed")
		l.done(it)
	case ctx.Err() != nil:
		l.release(it, p.clock.Now()) // shutting down: stays in the outbox
	default:
		it.attempts++
		if it.attempts >= maxAttempts {
			l.giveUp(it, err)
			return
		}
		backoff := min(time.Duration(1<<it.attempts)*time.Second, 10*time.Minute)
		p.logger.Warn("push: delivery failed; retrying", "platform", platform, "chat", it.d.Chat, "in", backoff, "error", err)
		l.release(it, p.clock.Now().Add(backoff))
	}
}

// giveUp takes a delivery that cannot be made out of the outbox; the
// state store keeps it to be reported, as failed, or as abandoned when
// its release is gone.
func (l *lane) giveUp(it *item, cause error) {
	p, platform := l.p, l.sender.Platform()
	state := store.Failed
	if errors.Is(cause, errReleaseGone) {
		state = store.Abandoned
		p.observer.Abandoned(platform)
	}
	p.logger.Error("push: giving up on a delivery", "platform", platform, "chat", it.d.Chat, "release", it.d.Release, "state", state, "error", cause)
	if err := p.state.GiveUp(it.d, state, cause.Error()); err != nil {
		p.logger.Error("push: cannot record a delivery given up", "error", err)
	}
	p.observer.Delivered(platform, "failed")
	l.done(it)
}

// done frees the chat of a finished delivery.
func (l *lane) done(it *item) {
	l.mu.Lock()
	delete(l.inFlight, it.d.Chat)
	delete(l.queued, it.d.Seq)
	l.mu.Unlock()
	l.poke()
}

// dropChat forgets the queued deliveries to a chat that is gone.
func (l *lane) dropChat(chat string) {
	l.mu.Lock()
	l.queue = slices.DeleteFunc(l.queue, func(it *item) bool {
		if it.d.Chat == chat {
			delete(l.queued, it.d.Seq)
			return true
		}
		return false
	})
	l.mu.Unlock()
}
