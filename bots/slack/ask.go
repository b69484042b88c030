package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/slack-go/slack"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/handoff"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// Asker hands a liaison's own question, asked in a direct message, to
// the press office; package handoff's Desk is one.
type Asker interface {
	Open(ctx context.Context, h handoff.Handoff) (handoff.Handoff, error)
}

// The action ids of a liaison's own hand-off: the offer under an answer
// in a direct message, and the choice to send their name or not.
const (
	offerAction     = "isa_offer"
	offerNamed      = "isa_offer_named"
	offerAnonymous  = "isa_offer_anonymous"
	offerQuestion   = 500 // runes of the question an offer carries
	offerAnswerText = 600 // runes of isabot's answer it carries
)

// offerValue is what the offer's buttons carry (at most 2000 characters).
type offerValue struct {
	Question string      `json:"q"`
	Lang     corpus.Lang `json:"l"`
	Answer   string      `json:"a,omitempty"`
	Answered bool        `json:"ok,omitempty"`
	Source   string      `json:"s,omitempty"`
}

// offerBlock is the "Ask the ISA press office" button under an answer in
// a direct message; nil when the hand-off is off, or there is no question.
func (b *Bot) offerBlock(channel string, a answer.Answer) slack.Block {
	if b.cfg.Asker == nil || !strings.HasPrefix(channel, "D") || strings.TrimSpace(a.Question) == "" {
		return nil
	}
	v := offerValue{Question: bots.Clip(a.Question, offerQuestion), Lang: a.Lang, Answered: a.Answered}
	if a.Answered {
		v.Answer = bots.Clip(a.Text, offerAnswerText)
		if len(a.Sources) > 0 {
			v.Source = bots.Clip(a.Sources[0].Title, titleRunes)
		}
	}
	value, err := json.Marshal(v)
	if err != nil {
		b.logger.Error("slack: cannot offer a hand-off", "error", err)
		return nil
	}
	t := bots.TextsFor(a.Lang).Handoff
	return slack.NewActionBlock("isa_offer", handoffButton(offerAction, t.Offer, string(value), ""))
}

// onOffer handles the offer (shows what will be sent and asks whether
// the liaison's name goes with it) and the choice (sends it).
func (b *Bot) onOffer(ctx context.Context, cb slack.InteractionCallback, action *slack.BlockAction) {
	var v offerValue
	if b.cfg.Asker == nil || json.Unmarshal([]byte(action.Value), &v) != nil || v.Question == "" || !strings.HasPrefix(cb.Channel.ID, "D") {
		b.logger.Warn("slack: malformed or misplaced hand-off offer", "channel", cb.Channel.ID)
		return
	}
	t := bots.TextsFor(v.Lang).Handoff
	msg := &slack.WebhookMessage{ResponseType: slack.ResponseTypeEphemeral}
	if action.ActionID == offerAction {
		preview := escape(fmt.Sprintf(t.Preview, v.Question, bots.TextsFor(v.Lang).LangName))
		blocks := []slack.Block{section(preview), slack.NewActionBlock("isa_offer_choice",
			handoffButton(offerNamed, t.WithName, action.Value, slack.StylePrimary),
			handoffButton(offerAnonymous, t.Anonymously, action.Value, ""))}
		msg.Text, msg.Blocks = fallbackText(blocks), &slack.Blocks{BlockSet: blocks}
	} else {
		h := handoff.Handoff{Platform: handoff.Slack, AskChannel: cb.Channel.ID, Lang: v.Lang, Question: v.Question,
			Answer: v.Answer, BotAnswered: v.Answered, Source: v.Source}
		if action.ActionID == offerNamed {
			h.Name, h.Username = cb.User.Name, cb.User.ID
		}
		msg.Text, msg.ReplaceOriginal = escape(t.Sent), true
		if _, err := b.cfg.Asker.Open(ctx, h); err != nil {
			b.logger.Error("slack: cannot hand a question to the press office", "error", err)
			msg.Text = escape(t.Failed)
		}
	}
	if err := b.poster.respond(ctx, cb.ResponseURL, msg); err != nil {
		b.logger.Warn("slack: cannot answer a hand-off offer", "error", err)
	}
}

// SendReply sends the press office's reply to a liaison's own question,
// in their direct message with the bot. It has no message to follow up:
// what the liaison writes next there is a new question.
func (b *Bot) SendReply(ctx context.Context, h handoff.Handoff) (int, error) {
	t := bots.TextsFor(h.Lang).Handoff
	head := fmt.Sprintf(t.Reply, h.Signature(), h.Closed.Format("2006-01-02"))
	return 0, b.sendAsker(ctx, h, "*"+escape(head)+"*\n"+escape(h.Reply))
}

// SendDeclined tells a liaison that the press office cannot answer their
// question.
func (b *Bot) SendDeclined(ctx context.Context, h handoff.Handoff) error {
	t := bots.TextsFor(h.Lang).Handoff
	return b.sendAsker(ctx, h, escape(fmt.Sprintf(t.Declined, bots.Clip(h.Question, bots.EchoRunes))))
}

func (b *Bot) sendAsker(ctx context.Context, h handoff.Handoff, text string) error {
	blocks := []slack.Block{section(text)}
	if _, err := b.poster.postMessage(ctx, h.AskChannel, slack.MsgOptionBlocks(blocks...), slack.MsgOptionText(fallbackText(blocks), false)); err != nil {
		return fmt.Errorf("slack: %w", err)
	}
	return nil
}
