package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/handoff"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// Handoffs takes the questions journalists send to the press office;
// package handoff's Desk is one.
type Handoffs interface {
	Open(ctx context.Context, h handoff.Handoff) (handoff.Handoff, error)
	// FollowUp passes a reply to the bot's message about a hand-off on
	// to the press office; false when the message is none of a hand-off's.
	FollowUp(ctx context.Context, f handoff.FollowUp) (corpus.Lang, bool, error)
}

// The kinds of the hand-off buttons' callback data: the offer under an
// answer, and the journalist's choice to send their name or not. An
// offer is the value, the question's language and message id the extra
// field.
const (
	offerKind     = "ho"
	withNameKind  = "hn"
	anonymousKind = "ha"
)

// offer is what the hand-off buttons carry: the question and isabot's
// answer to it, so that the press office sees what the journalist saw
// without the question being asked, and counted, again.
type offer struct {
	Question string `json:"q"`
	Answer   string `json:"a,omitempty"`
	Answered bool   `json:"ok,omitempty"`
	Source   string `json:"s,omitempty"`
}

// offerAnswerRunes bounds the answer an offer carries.
const offerAnswerRunes = 600

// offerRow is the "Ask the ISA press office" button under an answer,
// to a question asked in the message questionID (0 for none); nil when
// the hand-off is off or there is no question.
func (b *Bot) offerRow(a answer.Answer, questionID int) []button {
	if b.cfg.Handoff == nil || strings.TrimSpace(a.Question) == "" {
		return nil
	}
	o := offer{Question: a.Question, Answered: a.Answered}
	if a.Answered {
		o.Answer = bots.Clip(a.Text, offerAnswerRunes)
		if len(a.Sources) > 0 {
			o.Source = a.Sources[0].Title
		}
	}
	value, err := json.Marshal(o)
	if err != nil {
		b.logger.Error("telegram: cannot offer a hand-off", "error", err)
		return nil
	}
	t := bots.TextsFor(a.Lang).Handoff
	return []button{{Text: t.Offer, CallbackData: b.callbackData(offerKind, string(value), handoffExtra(a.Lang, questionID))}}
}

func handoffExtra(lang corpus.Lang, questionID int) string {
	return string(lang) + "." + strconv.Itoa(questionID)
}

func parseHandoffExtra(extra string) (corpus.Lang, int, bool) {
	l, id, _ := strings.Cut(extra, ".")
	lang, err := corpus.ParseLang(l)
	n, errID := strconv.Atoi(id)
	return lang, n, err == nil && errID == nil && n >= 0
}

// onHandoffButton handles the offer (shows what will be sent and asks
// whether the journalist's name goes with it) and the choice (sends it).
func (b *Bot) onHandoffButton(ctx context.Context, q *models.CallbackQuery, kind, value, extra string) {
	lang, questionID, ok := parseHandoffExtra(extra)
	var o offer
	if b.cfg.Handoff == nil || !ok || json.Unmarshal([]byte(value), &o) != nil || o.Question == "" {
		b.logger.Warn("telegram: malformed hand-off button", "kind", kind)
		return
	}
	msg := q.Message.Message
	c := conversation{chat: msg.Chat, from: &q.From}
	t := bots.TextsFor(lang).Handoff
	if kind == offerKind {
		data := func(kind string) string { return b.callbackData(kind, value, extra) }
		preview := escape(fmt.Sprintf(t.Preview, bots.Clip(o.Question, bots.EchoRunes), bots.TextsFor(lang).LangName))
		b.send(ctx, c, []string{preview}, &keyboard{InlineKeyboard: [][]button{
			{{Text: t.WithName, CallbackData: data(withNameKind)}},
			{{Text: t.Anonymously, CallbackData: data(anonymousKind)}},
		}})
		return
	}
	// A second tap on the preview, before its buttons are gone, sends
	// nothing more.
	first, err := b.state.ClaimUpdate(platform, "handoff:"+chatKey(msg.Chat.ID)+":"+strconv.Itoa(msg.ID))
	if err == nil && !first {
		return
	}
	h := handoff.Handoff{Platform: handoff.Telegram, Chat: msg.Chat.ID, MessageID: questionID, Confirmation: msg.ID,
		Lang: lang, Question: o.Question, Answer: o.Answer, BotAnswered: o.Answered, Source: o.Source}
	if kind == withNameKind {
		h.Name = strings.TrimSpace(q.From.FirstName + " " + q.From.LastName)
		h.Username = q.From.Username
	}
	text := t.Sent
	if _, err := b.cfg.Handoff.Open(ctx, h); err != nil {
		b.logger.Error("telegram: cannot hand a question to the press office", "chat", msg.Chat.ID, "error", err)
		text = t.Failed
	}
	// The preview loses its buttons, so that the question goes once.
	_, err = b.sender.editMessageText(ctx, &bot.EditMessageTextParams{
		ChatID: msg.Chat.ID, MessageID: msg.ID, Text: escape(text), ParseMode: models.ParseModeHTML,
	})
	if err != nil {
		b.logger.Warn("telegram: cannot confirm a hand-off", "chat", msg.Chat.ID, "error", err)
	}
}

// SendReply sends the press office's reply to the journalist, as a reply
// to their question, headed by the liaison's name and the date.
func (b *Bot) SendReply(ctx context.Context, h handoff.Handoff) (int, error) {
	t := bots.TextsFor(h.Lang).Handoff
	head := fmt.Sprintf(t.Reply, h.Signature(), h.Closed.Format("2006-01-02"))
	return b.sendHandoff(ctx, h, "<b>"+escape(head)+"</b>\n"+escape(h.Reply))
}

// SendDeclined tells the journalist, in their language, that the press
// office cannot answer the question.
func (b *Bot) SendDeclined(ctx context.Context, h handoff.Handoff) error {
	t := bots.TextsFor(h.Lang).Handoff
	_, err := b.sendHandoff(ctx, h, echo(t.Declined, h.Question))
	return err
}

// sendHandoff sends text to the journalist, as a reply to their
// question, and returns the id of the message sent.
func (b *Bot) sendHandoff(ctx context.Context, h handoff.Handoff, text string) (int, error) {
	p := &bot.SendMessageParams{
		ChatID: h.Chat, Text: text, ParseMode: models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
	}
	if h.MessageID != 0 {
		p.ReplyParameters = &models.ReplyParameters{MessageID: h.MessageID, AllowSendingWithoutReply: true}
	}
	m, err := b.sender.sendMessage(ctx, p)
	switch {
	case errors.Is(err, bot.ErrorForbidden):
		return 0, fmt.Errorf("telegram: %w: %w", handoff.ErrBlocked, err)
	case err != nil:
		return 0, fmt.Errorf("telegram: %w", err)
	}
	return m.ID, nil
}

// followUp passes the journalist's reply to the bot's message about a
// hand-off on to the press office, and tells them so; it reports false
// when the message replied to is none of a hand-off's (or its retention
// has ended), and the text is a new question.
func (b *Bot) followUp(ctx context.Context, c conversation, m *models.Message, text string) bool {
	if b.cfg.Handoff == nil || m.ReplyToMessage == nil || c.chat.Type != models.ChatTypePrivate {
		return false
	}
	lang, ok, err := b.cfg.Handoff.FollowUp(ctx, handoff.FollowUp{Platform: handoff.Telegram, Chat: c.chat.ID, ReplyTo: m.ReplyToMessage.ID, Text: text})
	if !ok {
		if err != nil {
			b.logger.Error("telegram: cannot look up a follow-up", "chat", c.chat.ID, "error", err)
		}
		return false
	}
	told := bots.TextsFor(lang).Handoff.FollowUpSent
	if err != nil {
		b.logger.Error("telegram: cannot pass a follow-up on", "chat", c.chat.ID, "error", err)
		told = bots.TextsFor(lang).Handoff.Failed
	}
	c.replyTo = m.ID
	b.send(ctx, c, []string{escape(told)}, nil)
	return true
}
