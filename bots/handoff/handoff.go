// Package handoff hands the questions isabot cannot answer, from
// journalists on Telegram (or a liaison in a direct message with the
// Slack bot), to the press office's liaisons in a Slack channel, and
// their replies back. It knows neither platform: each bot
// satisfies the interface of its side, and the Desk keeps every open
// hand-off in the state store, so that a restart loses none.
package handoff

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

// Outcome is how a hand-off ended; "" while it is open.
type Outcome string

// The outcomes of a hand-off.
const (
	Answered  Outcome = "answered"
	Declined  Outcome = "declined"  // "Not for us": the journalist is told
	Dismissed Outcome = "dismissed" // closed silently
	Expired   Outcome = "expired"   // open past the retention: closed, personal data gone
)

// Handoff is one question handed to the press office.
type Handoff struct {
	ID string `json:"id"`
	// Platform is where the question was asked, and the reply goes:
	// Telegram or Slack.
	Platform string `json:"platform"`
	// Chat and MessageID are the journalist's Telegram chat and question
	// (0 when the question was a tapped example).
	Chat      int64 `json:"chat,omitempty"`
	MessageID int   `json:"message_id,omitempty"`
	// Confirmation is the bot's message telling the journalist that the
	// question was sent, to which they may reply with a follow-up; only
	// Open reads it.
	Confirmation int `json:"-"`
	// AskChannel is the liaison's direct-message channel with the Slack
	// bot, for a question asked there.
	AskChannel string      `json:"ask_channel,omitempty"`
	Lang       corpus.Lang `json:"lang"`
	Question   string      `json:"question"`
	// Name and Username (on Slack, the user id) are the asker's, set
	// only when they agreed to send them.
	Name     string    `json:"name,omitempty"`
	Username string    `json:"username,omitempty"`
	Asked    time.Time `json:"asked"`
	// Answer is what isabot answered, Answered whether it could, Source
	// where its answer came from.
	Answer      string `json:"answer,omitempty"`
	BotAnswered bool   `json:"bot_answered,omitempty"`
	Source      string `json:"source,omitempty"`

	// Channel and TS are the hand-off's Slack message.
	Channel string `json:"channel,omitempty"`
	TS      string `json:"ts,omitempty"`

	// Liaison (a Slack user id) and LiaisonName pressed "Answer" at
	// Claimed, or closed the hand-off.
	Liaison     string    `json:"liaison,omitempty"`
	LiaisonName string    `json:"liaison_name,omitempty"`
	Claimed     time.Time `json:"claimed,omitzero"`
	// Reminded is set once the channel was reminded of the hand-off.
	Reminded bool `json:"reminded,omitempty"`

	Outcome   Outcome     `json:"outcome,omitempty"`
	Reply     string      `json:"reply,omitempty"`
	ReplyLang corpus.Lang `json:"reply_lang,omitempty"`
	// Organisation is the answering liaison's, which the reply names.
	Organisation string    `json:"organisation,omitempty"`
	Closed       time.Time `json:"closed,omitzero"`
	// Curated is set when the reply was kept as a curated answer, to
	// answer the same question for others.
	Curated bool `json:"curated,omitempty"`
}

// Signature is who the reply to the journalist names: the liaison's
// organisation, or the liaison when they gave none.
func (h Handoff) Signature() string {
	if h.Organisation != "" {
		return h.Organisation
	}
	return h.LiaisonName
}

// Reply is a liaison's reply to a hand-off, from the modal.
type Reply struct {
	Text         string
	Lang         corpus.Lang
	Organisation string
	// ForOthers keeps the reply as a curated answer: isabot answers the
	// same or a close question with it from now on.
	ForOthers bool
}

// Curator keeps a reply marked for others as a curated answer, which
// isabot answers from at once.
type Curator interface {
	Curate(ctx context.Context, c corpus.Curated) error
	// Curated returns the curated answers in use.
	Curated() []corpus.Curated
}

// The platforms a question can come from.
const (
	Telegram = "telegram"
	Slack    = "slack"
)

// Journalists is the side where questions are asked (Telegram, and the
// Slack bot's direct messages): it sends the press office's reply, or
// the news that the question is not for it, to the asker.
type Journalists interface {
	// SendReply returns the id of the message sent, to which the
	// journalist may reply with a follow-up; 0 when there is none.
	SendReply(ctx context.Context, h Handoff) (sent int, err error)
	SendDeclined(ctx context.Context, h Handoff) error
}

// Liaisons is the Slack side: it posts a hand-off to the channel,
// updates the message as the hand-off goes on, and reports in its
// thread what went wrong.
type Liaisons interface {
	PostHandoff(ctx context.Context, h Handoff) (channel, ts string, err error)
	UpdateHandoff(ctx context.Context, h Handoff) error
	ReportUndelivered(ctx context.Context, h Handoff, why error) error
	// RemindHandoff reminds the channel of a hand-off open for long.
	RemindHandoff(ctx context.Context, h Handoff) error
	// ReportNotCurated says in the thread that a reply marked for others
	// was sent but not kept as a curated answer, and why.
	ReportNotCurated(ctx context.Context, h Handoff, why error) error
	// PostFollowUp posts the journalist's follow-up in the thread; h
	// holds the Slack message, the language and the journalist's name
	// only when they agreed to send it.
	PostFollowUp(ctx context.Context, h Handoff, text string) error
}

// Store keeps the open hand-offs, and the messages of their threads in
// the journalists' chats; package store's Store is one.
type Store interface {
	SaveHandoff(id string, data []byte) error
	ChangeHandoff(id string, change func(data []byte) ([]byte, error)) error
	Handoffs() ([][]byte, error)
	SaveHandoffThread(key string, data []byte) error
	// HandoffThread returns nil when nothing is kept under key.
	HandoffThread(key string) ([]byte, error)
	ForgetHandoffThreads(forget func(data []byte) bool) error
}

// Policy is how long hand-offs wait: RemindAfter until the channel is
// reminded once of one still open, Retention until one still open is
// closed and the journalist's data in it deleted. Zero means the default.
type Policy struct {
	RemindAfter time.Duration
	Retention   time.Duration
}

// The default Policy.
const (
	DefaultRemindAfter = 24 * time.Hour
	DefaultRetention   = 30 * 24 * time.Hour
)

// sweepEvery is how often Run looks for hand-offs to remind or expire.
const sweepEvery = time.Minute

// Metrics counts the hand-offs; package observe's Metrics is one.
type Metrics interface {
	HandoffOpened()
	// HandoffClosed is told the outcome, and how long the hand-off was open.
	HandoffClosed(outcome string, open time.Duration)
}

// ErrBlocked is what a Journalists side returns when the journalist has
// blocked the bot.
var ErrBlocked = errors.New("the journalist has blocked the bot")

// ErrClosed means the hand-off is answered, declined, dismissed or
// unknown.
var ErrClosed = errors.New("the hand-off is closed")

// ErrNotClaimed means a reply came for a hand-off nobody pressed
// "Answer" on.
var ErrNotClaimed = errors.New("nobody is answering the hand-off")

// TakenError means another liaison is answering the hand-off.
type TakenError struct{ By string }

func (e *TakenError) Error() string { return e.By + " is answering this question" }

// claimTTL is how long a liaison's "Answer" holds a hand-off: after it,
// a modal closed without a reply does not keep the others out.
const claimTTL = 30 * time.Minute

// Desk coordinates the hand-offs between the two sides.
type Desk struct {
	store       Store
	policy      Policy
	metrics     Metrics
	logger      *slog.Logger
	now         func() time.Time
	journalists map[string]Journalists // by platform
	liaisons    Liaisons
	curator     Curator
}

// New makes a desk; Connect gives it the two sides before the bots run.
func New(store Store, policy Policy, metrics Metrics, logger *slog.Logger) *Desk {
	if policy.RemindAfter == 0 {
		policy.RemindAfter = DefaultRemindAfter
	}
	if policy.Retention == 0 {
		policy.Retention = DefaultRetention
	}
	return &Desk{store: store, policy: policy, metrics: metrics, logger: logger, now: time.Now}
}

// Run sweeps the open hand-offs every minute until ctx ends: reminds the
// channel once of those open for the policy's RemindAfter, and expires
// those open past its Retention.
func (d *Desk) Run(ctx context.Context) error {
	tick := time.NewTicker(sweepEvery)
	defer tick.Stop()
	for {
		if err := d.sweep(ctx); err != nil {
			d.logger.Error("hand-off: sweep", "error", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// sweep reminds of and expires the hand-offs due, and forgets the
// messages of those past the retention.
func (d *Desk) sweep(ctx context.Context) error {
	now := d.now().UTC()
	if err := d.forgetThreads(now); err != nil {
		return err
	}
	all, err := d.store.Handoffs()
	if err != nil {
		return err
	}
	for _, data := range all {
		var h Handoff
		if err := json.Unmarshal(data, &h); err != nil {
			d.logger.Error("hand-off: unreadable in the state store", "error", err)
			continue
		}
		switch {
		case d.expired(h.Asked, now):
			d.expire(ctx, h.ID, now)
		case now.Sub(h.Asked) >= d.policy.RemindAfter && !h.Reminded:
			d.remind(ctx, h.ID)
		}
	}
	return nil
}

// remind reminds the channel of a hand-off, once.
func (d *Desk) remind(ctx context.Context, id string) {
	h, err := d.change(id, func(h *Handoff) error {
		h.Reminded = true
		return nil
	})
	if err == nil {
		err = d.liaisons.RemindHandoff(ctx, h)
	}
	if err != nil && !errors.Is(err, ErrClosed) {
		d.logger.Warn("hand-off: cannot remind", "handoff", id, "error", err)
	}
}

// expire closes a hand-off open past the retention: the state store
// forgets it, and its Slack message no longer names the journalist.
func (d *Desk) expire(ctx context.Context, id string, now time.Time) {
	h, err := d.change(id, func(h *Handoff) error {
		h.Name, h.Username, h.Outcome, h.Closed = "", "", Expired, now
		return nil
	})
	if err == nil {
		d.metrics.HandoffClosed(string(Expired), now.Sub(h.Asked))
		d.logger.Info("hand-off expired", "handoff", id)
		err = d.update(ctx, h)
	}
	if err != nil && !errors.Is(err, ErrClosed) {
		d.logger.Warn("hand-off: cannot expire", "handoff", id, "error", err)
	}
}

// Connect sets the sides: the liaisons' channel, and the bots questions
// come from, by platform. It is called once, before the bots run.
func (d *Desk) Connect(l Liaisons, journalists map[string]Journalists) {
	d.liaisons, d.journalists = l, journalists
}

// LearnWith sets where replies marked for others are kept; without it
// they are not. It is called once, before the bots run.
func (d *Desk) LearnWith(c Curator) { d.curator = c }

// Board returns what the press office has in hand: the open hand-offs,
// oldest first, and the curated answers.
func (d *Desk) Board() ([]Handoff, []corpus.Curated, error) {
	all, err := d.store.Handoffs()
	if err != nil {
		return nil, nil, err
	}
	var open []Handoff
	for _, data := range all {
		var h Handoff
		if err := json.Unmarshal(data, &h); err == nil {
			open = append(open, h)
		}
	}
	slices.SortFunc(open, func(a, b Handoff) int { return a.Asked.Compare(b.Asked) })
	var curated []corpus.Curated
	if d.curator != nil {
		curated = d.curator.Curated()
	}
	return open, curated, nil
}

// asker is the side the hand-off's question came from.
func (d *Desk) asker(h Handoff) (Journalists, error) {
	j, ok := d.journalists[h.Platform]
	if !ok {
		return nil, fmt.Errorf("hand-off %s: no bot for platform %q", h.ID, h.Platform)
	}
	return j, nil
}

// Open hands a question to the press office: it is posted to the
// channel, then kept until it is closed; one Slack refused is not kept.
// Only what h holds is kept: the journalist's name only when they agreed
// to send it.
func (d *Desk) Open(ctx context.Context, h Handoff) (Handoff, error) {
	id := make([]byte, 8)
	rand.Read(id)
	h.ID, h.Asked = hex.EncodeToString(id), d.now().UTC()
	if _, err := d.asker(h); err != nil {
		return h, err
	}
	channel, ts, err := d.liaisons.PostHandoff(ctx, h)
	if err != nil {
		return h, fmt.Errorf("hand-off %s: post: %w", h.ID, err)
	}
	h.Channel, h.TS = channel, ts
	if err := d.save(h); err != nil {
		return h, err
	}
	d.keepThread(h, h.Confirmation)
	d.metrics.HandoffOpened()
	d.logger.Info("hand-off opened", "handoff", h.ID, "lang", h.Lang)
	return h, nil
}

func (d *Desk) save(h Handoff) error {
	data, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("hand-off %s: %w", h.ID, err)
	}
	return d.store.SaveHandoff(h.ID, data)
}

// change applies f to the open hand-off id, atomically; f's error is
// returned as it is, and a closed hand-off is deleted from the store.
func (d *Desk) change(id string, f func(h *Handoff) error) (Handoff, error) {
	var h Handoff
	err := d.store.ChangeHandoff(id, func(data []byte) ([]byte, error) {
		if data == nil {
			return nil, ErrClosed
		}
		if err := json.Unmarshal(data, &h); err != nil {
			return nil, fmt.Errorf("hand-off %s: %w", id, err)
		}
		if err := f(&h); err != nil {
			return data, err
		}
		if h.Outcome != "" {
			return nil, nil
		}
		return json.Marshal(h)
	})
	return h, err
}

// Claim lets the liaison who pressed "Answer" reply, unless another one
// holds the hand-off: then the error is a *TakenError.
func (d *Desk) Claim(id, liaison, name string) (Handoff, error) {
	now := d.now().UTC()
	return d.change(id, func(h *Handoff) error {
		if h.Liaison != "" && h.Liaison != liaison && now.Sub(h.Claimed) < claimTTL {
			return &TakenError{By: h.LiaisonName}
		}
		h.Liaison, h.LiaisonName, h.Claimed = liaison, name, now
		return nil
	})
}

// Release gives up the liaison's claim on the hand-off, when they closed
// the modal without a reply: another may answer at once.
func (d *Desk) Release(id, liaison string) error {
	_, err := d.change(id, func(h *Handoff) error {
		if h.Liaison == liaison {
			h.Liaison, h.LiaisonName, h.Claimed = "", "", time.Time{}
		}
		return nil
	})
	return err
}

// Answer sends the reply of the liaison who claimed the hand-off to the
// journalist and closes it; a reply marked for others becomes a curated
// answer. A reply that cannot be delivered, or kept, is reported in the
// Slack thread.
func (d *Desk) Answer(ctx context.Context, id, liaison, name string, r Reply) error {
	now := d.now().UTC()
	h, err := d.change(id, func(h *Handoff) error {
		switch h.Liaison {
		case liaison:
		case "":
			return ErrNotClaimed
		default:
			return &TakenError{By: h.LiaisonName}
		}
		h.LiaisonName, h.Organisation = name, r.Organisation
		h.Outcome, h.Reply, h.ReplyLang, h.Closed = Answered, r.Text, r.Lang, now
		return nil
	})
	if err != nil {
		return err
	}
	if r.ForOthers {
		h.Curated = d.curate(ctx, h)
	}
	j, err := d.asker(h)
	if err == nil {
		var sent int
		sent, err = j.SendReply(ctx, h)
		d.keepThread(h, sent)
	}
	if err != nil {
		d.logger.Warn("hand-off: the reply did not reach the journalist", "handoff", id, "error", err)
		if err := d.liaisons.ReportUndelivered(ctx, h, err); err != nil {
			d.logger.Error("hand-off: cannot report an undelivered reply", "handoff", id, "error", err)
		}
	}
	d.metrics.HandoffClosed(string(Answered), now.Sub(h.Asked))
	d.logger.Info("hand-off answered", "handoff", id, "after", now.Sub(h.Asked))
	return d.update(ctx, h)
}

// Decline tells the journalist that the question is not for the press
// office, and closes the hand-off; the question stays among those isabot
// could not answer.
func (d *Desk) Decline(ctx context.Context, id, liaison, name string) error {
	return d.close(ctx, id, liaison, name, Declined)
}

// Dismiss closes the hand-off without a word to the journalist.
func (d *Desk) Dismiss(ctx context.Context, id, liaison, name string) error {
	return d.close(ctx, id, liaison, name, Dismissed)
}

func (d *Desk) close(ctx context.Context, id, liaison, name string, outcome Outcome) error {
	now := d.now().UTC()
	h, err := d.change(id, func(h *Handoff) error {
		h.Liaison, h.LiaisonName, h.Outcome, h.Closed = liaison, name, outcome, now
		return nil
	})
	if err != nil {
		return err
	}
	if outcome == Declined {
		j, err := d.asker(h)
		if err == nil {
			err = j.SendDeclined(ctx, h)
		}
		if err != nil {
			d.logger.Warn("hand-off: cannot tell the journalist", "handoff", id, "error", err)
		}
	}
	d.metrics.HandoffClosed(string(outcome), now.Sub(h.Asked))
	d.logger.Info("hand-off closed", "handoff", id, "outcome", outcome)
	return d.update(ctx, h)
}

// curate keeps an answered hand-off as a curated answer, and reports
// whether it did. The answer is the press office's: it names the
// liaison's organisation, never the journalist.
func (d *Desk) curate(ctx context.Context, h Handoff) bool {
	err := errors.New("curated answers are not kept here")
	if d.curator != nil {
		err = d.curator.Curate(ctx, corpus.Curated{ID: h.ID, Question: h.Question, Answer: h.Reply, Lang: h.ReplyLang,
			Organisation: h.Organisation, Date: corpus.DateOf(h.Closed)})
	}
	if err != nil {
		d.logger.Warn("hand-off: the reply is not kept for others", "handoff", h.ID, "error", err)
		if err := d.liaisons.ReportNotCurated(ctx, h, err); err != nil {
			d.logger.Error("hand-off: cannot report a reply not kept", "handoff", h.ID, "error", err)
		}
		return false
	}
	d.logger.Info("hand-off kept as a curated answer", "handoff", h.ID)
	return true
}

func (d *Desk) update(ctx context.Context, h Handoff) error {
	if err := d.liaisons.UpdateHandoff(ctx, h); err != nil {
		return fmt.Errorf("hand-off %s: update the Slack message: %w", h.ID, err)
	}
	return nil
}
