package handoff_test

import (
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/handoff"
	"github.com/isa-alliance/isabot/bots/slack/slackfake"
)

// threadReplies are the messages in the hand-off's Slack thread.
func (h *harness) threadReplies(ts string) []slackfake.Message {
	var out []slackfake.Message
	for _, m := range h.slack.Messages(pressChannel) {
		if m.ThreadTS == ts {
			out = append(out, m)
		}
	}
	return out
}

// TestFollowUpGoesToTheSlackThread: the journalist's reply to the press
// office's answer, or to the bot's confirmation that the question was
// sent, goes to the hand-off's Slack thread, naming them only when they
// agreed; after the hand-off's retention it is a new question.
func TestFollowUpGoesToTheSlackThread(t *testing.T) {
	const followUp = "Is that also true for Mars?"
	for _, tt := range []struct {
		name    string
		consent string
		// to is what the journalist replies to: "answer" or
		// "confirmation".
		to      string
		restart bool          // between the answer and the follow-up
		later   time.Duration // from the question to the follow-up
		// shown is in the thread's follow-up, notShown not; passed is
		// false when the follow-up must be a new question.
		shown, notShown string
		passed          bool
	}{
		{name: "to the answer, with name", consent: "Send with my name", to: "answer", shown: "(Jo Reporter @jo_reporter):", passed: true},
		{name: "to the answer, anonymously", consent: "Send anonymously", to: "answer", shown: "(anonym):", notShown: "jo_reporter", passed: true},
		{name: "to the confirmation", consent: "Send anonymously", to: "confirmation", shown: "(anonym):", passed: true},
		{name: "restart between answer and follow-up", consent: "Send with my name", to: "answer", restart: true, shown: "Jo Reporter", passed: true},
		{name: "within the retention", consent: "Send with my name", to: "answer", later: handoff.DefaultRetention - time.Hour, shown: "Jo Reporter", passed: true},
		{name: "after the retention", consent: "Send with my name", to: "answer", later: handoff.DefaultRetention},
		{name: "to the confirmation after the retention", consent: "Send anonymously", to: "confirmation", later: handoff.DefaultRetention + time.Hour},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t)
			_, posted := h.handOff(t, question, tt.consent)
			confirmation := h.tg.Messages(journalistChat.ID)[1]
			repliedTo := confirmation.MessageID
			if tt.to == "answer" {
				sent := len(h.tg.Messages(journalistChat.ID))
				h.press(t, jana, pressChannel, posted, "handoff_answer")
				h.submit(t, jana, 1, "The moon has no inhabitants.", "en")
				repliedTo = h.telegramMessage(t, sent+1).MessageID
				eventually(t, "the Slack message updated", func() bool {
					return strings.Contains(string(h.slackMessage(t, posted.TS).Blocks), "Beantwortet von u0jana")
				})
			}
			if tt.restart {
				h.stop()
				h.run(t)
			}
			h.clock.add(tt.later)
			sent := len(h.tg.Messages(journalistChat.ID))
			followUpID := h.tg.Update(h.tg.Reply(journalistChat, journalist, followUp, repliedTo)).Message.ID
			told := h.telegramMessage(t, sent+1)
			h.stop() // every update handled

			thread := h.threadReplies(posted.TS)
			if !tt.passed {
				if len(thread) != 0 {
					t.Errorf("a follow-up after the retention went to the thread: %+v", thread)
				}
				if strings.Contains(told.Plain, "Passed on") {
					t.Errorf("the journalist was told %q, want an answer to a new question", told.Plain)
				}
				if !strings.Contains(told.ReplyMarkup, "Ask the ISA press office") {
					t.Errorf("the new question is not offered to the press office: %s", told.ReplyMarkup)
				}
				return
			}
			if len(thread) != 1 {
				t.Fatalf("%d messages in the thread, want the follow-up: %+v", len(thread), thread)
			}
			for _, want := range []string{"Nachfrage der Journalistin oder des Journalisten", tt.shown, followUp} {
				if !strings.Contains(thread[0].Text, want) {
					t.Errorf("the follow-up in the thread lacks %q: %q", want, thread[0].Text)
				}
			}
			if tt.notShown != "" && strings.Contains(thread[0].Text, tt.notShown) {
				t.Errorf("the follow-up in the thread shows %q: %q", tt.notShown, thread[0].Text)
			}
			if want := "Passed on to the ISA press office, with your question."; told.Plain != want || told.ReplyTo != followUpID {
				t.Errorf("the journalist was told %q (replying to %d), want %q replying to the follow-up %d", told.Plain, told.ReplyTo, want, followUpID)
			}
			if n := len(h.tg.Messages(journalistChat.ID)); n != sent+1 {
				t.Errorf("the follow-up got %d messages, want one", n-sent)
			}
		})
	}
}

// TestFollowUpToAnotherMessageIsAQuestion: a reply to isabot's own answer
// is a new question, not a follow-up.
func TestFollowUpToAnotherMessageIsAQuestion(t *testing.T) {
	h := start(t)
	h.handOff(t, question, "Send with my name")
	answer := h.tg.Messages(journalistChat.ID)[0] // isabot's answer to the question
	sent := len(h.tg.Messages(journalistChat.ID))
	h.tg.Update(h.tg.Reply(journalistChat, journalist, "When was the ISA founded?", answer.MessageID))
	told := h.telegramMessage(t, sent+1)
	h.stop()
	if len(h.threadReplies(h.slack.Messages(pressChannel)[0].TS)) != 0 || strings.Contains(told.Plain, "Passed on") {
		t.Errorf("a reply to isabot's answer went to the press office; told %q", told.Plain)
	}
}
