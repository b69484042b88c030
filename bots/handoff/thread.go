package handoff

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

// A hand-off's thread in the journalist's chat is the bot's messages
// about it there: the confirmation that the question was sent, and the
// press office's reply. The journalist's reply to one of them is a
// follow-up, which goes to the hand-off's Slack thread. Each such message
// is kept in the state store with what the follow-up needs: the Slack
// message, the journalist's name only when they agreed to send it, and
// when the question was asked, from which the hand-off's retention
// counts. The follow-up stays possible after the hand-off is closed,
// until the retention ends; then the message is forgotten with the
// journalist's data in it.

// FollowUp is a journalist's message in reply to one of the bot's
// messages in their chat.
type FollowUp struct {
	Platform string
	Chat     int64
	ReplyTo  int // the bot's message replied to
	Text     string
}

// threadKey names a message of a journalist's chat in the state store.
func threadKey(platform string, chat int64, message int) string {
	return platform + ":" + strconv.FormatInt(chat, 10) + ":" + strconv.Itoa(message)
}

// keepThread remembers the message sent in the journalist's chat as part
// of h's thread; message 0 is no message to reply to.
func (d *Desk) keepThread(h Handoff, message int) {
	if message == 0 {
		return
	}
	// Only what a follow-up needs: not the question, not the reply.
	t := Handoff{ID: h.ID, Platform: h.Platform, Chat: h.Chat, Lang: h.Lang, Name: h.Name, Username: h.Username,
		Asked: h.Asked, Channel: h.Channel, TS: h.TS}
	data, err := json.Marshal(t)
	if err == nil {
		err = d.store.SaveHandoffThread(threadKey(h.Platform, h.Chat, message), data)
	}
	if err != nil {
		d.logger.Error("hand-off: a follow-up to its message would be lost", "handoff", h.ID, "error", err)
	}
}

// expired tells whether the retention of a hand-off asked at asked has
// ended at now.
func (d *Desk) expired(asked, now time.Time) bool { return now.Sub(asked) >= d.policy.Retention }

// FollowUp passes a journalist's reply to one of the bot's messages about
// a hand-off on to the hand-off's Slack thread, and returns the
// hand-off's language. It reports false when the message replied to is
// none of a hand-off's, or its retention has ended: the caller then
// treats the text as a new question.
func (d *Desk) FollowUp(ctx context.Context, f FollowUp) (corpus.Lang, bool, error) {
	key := threadKey(f.Platform, f.Chat, f.ReplyTo)
	data, err := d.store.HandoffThread(key)
	if err != nil || data == nil {
		return "", false, err
	}
	var h Handoff
	if err := json.Unmarshal(data, &h); err != nil {
		return "", false, fmt.Errorf("hand-off thread %s: %w", key, err)
	}
	if d.expired(h.Asked, d.now().UTC()) {
		return "", false, nil
	}
	if err := d.liaisons.PostFollowUp(ctx, h, f.Text); err != nil {
		return h.Lang, true, fmt.Errorf("hand-off %s: follow-up: %w", h.ID, err)
	}
	d.logger.Info("hand-off follow-up passed on", "handoff", h.ID)
	return h.Lang, true, nil
}

// forgetThreads forgets the messages of hand-offs whose retention has
// ended.
func (d *Desk) forgetThreads(now time.Time) error {
	return d.store.ForgetHandoffThreads(func(data []byte) bool {
		var h Handoff
		// One that cannot be read is no use to keep.
		return json.Unmarshal(data, &h) != nil || d.expired(h.Asked, now)
	})
}
