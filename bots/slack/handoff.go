package slack

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/slack-go/slack"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/handoff"
	"github.com/isa-alliance/isabot/corpus"
)

// Handoffs is where the liaisons' answers to hand-offs go; package
// handoff's Desk is one.
type Handoffs interface {
	Claim(id, liaison, name string) (handoff.Handoff, error)
	Release(id, liaison string) error
	Answer(ctx context.Context, id, liaison, name string, r handoff.Reply) error
	Decline(ctx context.Context, id, liaison, name string) error
	Dismiss(ctx context.Context, id, liaison, name string) error
	// Board returns the open hand-offs and the curated answers, for the
	// App Home.
	Board() ([]handoff.Handoff, []corpus.Curated, error)
}

// handoffLang is the language of the hand-off channel: the press
// office's own.
const handoffLang = corpus.German

// The action ids of a hand-off's buttons, the modal's callback id and
// its inputs' block and action ids.
const (
	handoffPrefix   = "handoff_"
	handoffAnswer   = "handoff_answer"
	handoffDecline  = "handoff_decline"
	handoffDismiss  = "handoff_dismiss"
	handoffCallback = "handoff_reply"
	handoffReplyID  = "handoff_reply_text"
	handoffLangID   = "handoff_reply_lang"
	handoffOrgID    = "handoff_reply_org"
	handoffOthersID = "handoff_reply_others"
	handoffOrgMax   = 150
	handoffReplyMax = 3000
)

// handoffBlocks shows a hand-off in the channel: the question, its
// language, who asked (when they agreed to say), what isabot answered
// and from where, and while it is open the buttons to answer it.
func handoffBlocks(h handoff.Handoff) []slack.Block {
	t := bots.TextsFor(handoffLang).Handoff
	bot := t.BotCannot
	if h.BotAnswered {
		bot = "*" + escape(t.BotAnswer) + ":* " + escape(h.Answer)
		if h.Source != "" {
			bot += "\n*" + escape(t.Source) + ":* " + title(h.Source)
		}
	}
	blocks := []slack.Block{
		slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, t.Title, false, false)),
		section(quote(h.Question)),
		slack.NewContextBlock("handoff_about", mrkdwnText(fmt.Sprintf("*%s:* %s · *%s:* %s · %s",
			escape(t.Lang), escape(bots.TextsFor(h.Lang).LangName), escape(t.AskedBy), asker(h), h.Asked.Format("2006-01-02 15:04 MST")))),
		section(bot),
	}
	date := h.Closed.Format("2006-01-02 15:04")
	switch h.Outcome {
	case "":
		blocks = append(blocks, slack.NewActionBlock("handoff_actions",
			handoffButton(handoffAnswer, t.Answer, h.ID, slack.StylePrimary),
			handoffButton(handoffDecline, t.NotForUs, h.ID, ""),
			handoffButton(handoffDismiss, t.Dismiss, h.ID, "")))
	case handoff.Answered:
		blocks = append(blocks, section("*"+escape(fmt.Sprintf(t.AnsweredBy, replier(h), date))+"*\n"+quote(h.Reply)))
		if h.Curated {
			blocks = append(blocks, slack.NewContextBlock("handoff_curated", mrkdwnText(escape(fmt.Sprintf(t.Curated, h.ID)))))
		}
	case handoff.Declined:
		blocks = append(blocks, slack.NewContextBlock("handoff_closed", mrkdwnText(escape(fmt.Sprintf(t.DeclinedBy, h.LiaisonName, date)))))
	case handoff.Dismissed:
		blocks = append(blocks, slack.NewContextBlock("handoff_closed", mrkdwnText(escape(fmt.Sprintf(t.DismissedBy, h.LiaisonName, date)))))
	case handoff.Expired:
		blocks = append(blocks, slack.NewContextBlock("handoff_closed", mrkdwnText(escape(fmt.Sprintf(t.Expired, date)))))
	}
	return blocks
}

// asker names, in mrkdwn, who asked: only when they agreed to say.
func asker(h handoff.Handoff) string {
	switch {
	case h.Platform == handoff.Slack && h.Username != "":
		return "<@" + h.Username + ">"
	case h.Name != "" || h.Username != "":
		return escape(strings.TrimSpace(h.Name + " " + atName(h.Username)))
	}
	return escape(bots.TextsFor(handoffLang).Handoff.Anonymous)
}

// replier names who answered: the liaison, and their organisation when
// they gave it.
func replier(h handoff.Handoff) string {
	if h.Organisation == "" {
		return h.LiaisonName
	}
	return h.LiaisonName + " (" + h.Organisation + ")"
}

func atName(username string) string {
	if username == "" {
		return ""
	}
	return "@" + username
}

// quote quotes text from outside in mrkdwn: escaped, in quotation
// marks, not as a blockquote, which it must not be able to start.
func quote(text string) string {
	return "“" + escape(text) + "”"
}

func handoffButton(action, label, id string, style slack.Style) *slack.ButtonBlockElement {
	b := slack.NewButtonBlockElement(action, id, slack.NewTextBlockObject(slack.PlainTextType, label, false, false))
	b.Style = style
	return b
}

// PostHandoff posts a hand-off to the hand-off channel.
func (b *Bot) PostHandoff(ctx context.Context, h handoff.Handoff) (channel, ts string, err error) {
	blocks := handoffBlocks(h)
	ts, err = b.poster.postMessage(ctx, b.cfg.HandoffChannel, slack.MsgOptionBlocks(blocks...), slack.MsgOptionText(fallbackText(blocks), false))
	if err != nil {
		return "", "", fmt.Errorf("slack: %w", err)
	}
	return b.cfg.HandoffChannel, ts, nil
}

// UpdateHandoff shows in its message how a hand-off went on.
func (b *Bot) UpdateHandoff(ctx context.Context, h handoff.Handoff) error {
	blocks := handoffBlocks(h)
	err := b.poster.updateMessage(ctx, h.Channel, h.TS, slack.MsgOptionBlocks(blocks...), slack.MsgOptionText(fallbackText(blocks), false))
	if err != nil {
		return fmt.Errorf("slack: %w", err)
	}
	return nil
}

// ReportUndelivered says in a hand-off's thread that the reply did not
// reach the journalist, and why.
func (b *Bot) ReportUndelivered(ctx context.Context, h handoff.Handoff, why error) error {
	t := bots.TextsFor(handoffLang).Handoff
	reason := t.Blocked
	if !errors.Is(why, handoff.ErrBlocked) {
		reason = why.Error()
	}
	text := escape(fmt.Sprintf(t.Undelivered, reason))
	if _, err := b.poster.postMessage(ctx, h.Channel, slack.MsgOptionTS(h.TS), slack.MsgOptionText(text, false)); err != nil {
		return fmt.Errorf("slack: %w", err)
	}
	return nil
}

// ReportNotCurated says in a hand-off's thread that the reply, sent to
// the journalist, is not kept for others, and why.
func (b *Bot) ReportNotCurated(ctx context.Context, h handoff.Handoff, why error) error {
	text := escape(fmt.Sprintf(bots.TextsFor(handoffLang).Handoff.NotCurated, why.Error()))
	if _, err := b.poster.postMessage(ctx, h.Channel, slack.MsgOptionTS(h.TS), slack.MsgOptionText(text, false)); err != nil {
		return fmt.Errorf("slack: %w", err)
	}
	return nil
}

// PostFollowUp posts the journalist's follow-up in the hand-off's
// thread, naming them only when they agreed to send their name.
func (b *Bot) PostFollowUp(ctx context.Context, h handoff.Handoff, text string) error {
	head := fmt.Sprintf(escape(bots.TextsFor(handoffLang).Handoff.FollowUp), asker(h))
	msg := "*" + head + "*\n" + quote(bots.Clip(text, handoffReplyMax))
	if _, err := b.poster.postMessage(ctx, h.Channel, slack.MsgOptionTS(h.TS), slack.MsgOptionText(msg, false)); err != nil {
		return fmt.Errorf("slack: %w", err)
	}
	return nil
}

// RemindHandoff reminds the channel, in the hand-off's thread, of a
// question still waiting for an answer.
func (b *Bot) RemindHandoff(ctx context.Context, h handoff.Handoff) error {
	t := bots.TextsFor(handoffLang).Handoff
	text := escape(fmt.Sprintf(t.Reminder, h.Asked.Format("2006-01-02 15:04 MST")))
	if _, err := b.poster.postMessage(ctx, h.Channel, slack.MsgOptionTS(h.TS), slack.MsgOptionBroadcast(), slack.MsgOptionText(text, false)); err != nil {
		return fmt.Errorf("slack: %w", err)
	}
	return nil
}

// onHandoffAction handles a hand-off's buttons, pressed in the hand-off
// channel only.
func (b *Bot) onHandoffAction(ctx context.Context, cb slack.InteractionCallback, action *slack.BlockAction) {
	t := bots.TextsFor(handoffLang).Handoff
	if b.cfg.Handoff == nil || cb.Channel.ID != b.cfg.HandoffChannel {
		b.logger.Warn("slack: a hand-off button from outside the hand-off channel refused", "channel", cb.Channel.ID, "user", cb.User.ID)
		b.tell(ctx, cb, t.WrongChannel)
		return
	}
	id, user, name := action.Value, cb.User.ID, cb.User.Name
	var err error
	switch action.ActionID {
	case handoffAnswer:
		var h handoff.Handoff
		if h, err = b.cfg.Handoff.Claim(id, user, name); err == nil {
			err = b.poster.openView(ctx, cb.TriggerID, handoffModal(h))
		}
	case handoffDecline:
		err = b.cfg.Handoff.Decline(ctx, id, user, name)
	case handoffDismiss:
		err = b.cfg.Handoff.Dismiss(ctx, id, user, name)
	}
	b.handoffFailed(ctx, cb, id, err)
}

// handoffFailed tells the liaison why their action on a hand-off did not
// go through.
func (b *Bot) handoffFailed(ctx context.Context, cb slack.InteractionCallback, id string, err error) {
	t := bots.TextsFor(handoffLang).Handoff
	var taken *handoff.TakenError
	switch {
	case err == nil:
	case errors.As(err, &taken):
		b.tell(ctx, cb, fmt.Sprintf(t.Taken, taken.By))
	case errors.Is(err, handoff.ErrClosed), errors.Is(err, handoff.ErrNotClaimed):
		b.tell(ctx, cb, t.Closed)
	default:
		b.logger.Error("slack: hand-off", "handoff", id, "error", err)
		b.tell(ctx, cb, bots.TextsFor(handoffLang).Failed)
	}
}

// tell shows the liaison a note only they see: through the action's
// response_url, or in the hand-off channel for a modal's submission.
func (b *Bot) tell(ctx context.Context, cb slack.InteractionCallback, text string) {
	var err error
	if cb.ResponseURL != "" {
		err = b.poster.respond(ctx, cb.ResponseURL, &slack.WebhookMessage{ResponseType: slack.ResponseTypeEphemeral, Text: escape(text)})
	} else {
		err = b.poster.postEphemeral(ctx, b.cfg.HandoffChannel, cb.User.ID, slack.MsgOptionText(escape(text), false))
	}
	if err != nil {
		b.logger.Warn("slack: cannot tell a liaison", "user", cb.User.ID, "error", err)
	}
}

// handoffModal asks for the reply to a hand-off, and its language.
func handoffModal(h handoff.Handoff) slack.ModalViewRequest {
	t := bots.TextsFor(handoffLang).Handoff
	plain := func(s string) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
	}
	reply := slack.NewPlainTextInputBlockElement(nil, handoffReplyID)
	reply.Multiline, reply.MaxLength = true, handoffReplyMax
	var options []*slack.OptionBlockObject
	var initial *slack.OptionBlockObject
	for _, l := range corpus.Langs() {
		o := slack.NewOptionBlockObject(string(l), plain(bots.TextsFor(l).LangName), nil)
		options = append(options, o)
		if l == h.Lang {
			initial = o
		}
	}
	lang := slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, nil, handoffLangID, options...)
	lang.InitialOption = initial
	org := slack.NewPlainTextInputBlockElement(nil, handoffOrgID)
	org.MaxLength = handoffOrgMax
	orgBlock := slack.NewInputBlock(handoffOrgID, plain(t.ModalOrg), nil, org)
	orgBlock.Optional = true
	others := slack.NewCheckboxGroupsBlockElement(handoffOthersID,
		slack.NewOptionBlockObject("yes", plain(t.ModalOthers), plain(t.ModalOthersHint)))
	othersBlock := slack.NewInputBlock(handoffOthersID, plain(t.ModalLearn), nil, others)
	othersBlock.Optional = true
	return slack.ModalViewRequest{
		Type:            slack.VTModal,
		CallbackID:      handoffCallback,
		PrivateMetadata: h.ID,
		NotifyOnClose:   true,
		Title:           plain(t.ModalTitle),
		Submit:          plain(t.Send),
		Close:           plain(t.Cancel),
		Blocks: slack.Blocks{BlockSet: []slack.Block{
			section(quote(h.Question)),
			slack.NewInputBlock(handoffReplyID, plain(t.ModalReply), nil, reply),
			slack.NewInputBlock(handoffLangID, plain(t.ModalLang), nil, lang),
			orgBlock,
			othersBlock,
		}},
	}
}

// onHandoffClosed lets another liaison answer when one closed the modal
// without a reply.
func (b *Bot) onHandoffClosed(cb slack.InteractionCallback) {
	if b.cfg.Handoff == nil || cb.View.CallbackID != handoffCallback {
		return
	}
	if err := b.cfg.Handoff.Release(cb.View.PrivateMetadata, cb.User.ID); err != nil && !errors.Is(err, handoff.ErrClosed) {
		b.logger.Warn("slack: cannot release a hand-off", "handoff", cb.View.PrivateMetadata, "error", err)
	}
}

// onHandoffSubmission sends a liaison's reply from the modal.
func (b *Bot) onHandoffSubmission(ctx context.Context, cb slack.InteractionCallback) {
	if b.cfg.Handoff == nil || cb.View.CallbackID != handoffCallback {
		return
	}
	values := cb.View.State.Values
	reply := strings.TrimSpace(values[handoffReplyID][handoffReplyID].Value)
	lang, err := corpus.ParseLang(values[handoffLangID][handoffLangID].SelectedOption.Value)
	if err != nil {
		lang = handoffLang
	}
	id := cb.View.PrivateMetadata
	if reply == "" {
		return
	}
	r := handoff.Reply{Text: bots.Clip(reply, handoffReplyMax), Lang: lang,
		Organisation: bots.Clip(strings.TrimSpace(values[handoffOrgID][handoffOrgID].Value), handoffOrgMax),
		ForOthers:    len(values[handoffOthersID][handoffOthersID].SelectedOptions) > 0}
	err = b.cfg.Handoff.Answer(ctx, id, cb.User.ID, cb.User.Name, r)
	b.handoffFailed(ctx, cb, id, err)
}

// boardItems is how many open hand-offs, and how many curated answers,
// the App Home lists: with the rest of the tab well within Slack's 100
// blocks.
const boardItems = 20

// boardBlocks show on the App Home what the press office has in hand:
// the open hand-offs, without the journalists' names, and the curated
// answers.
func boardBlocks(open []handoff.Handoff, curated []corpus.Curated) []slack.Block {
	t := bots.TextsFor(handoffLang).Handoff
	blocks := []slack.Block{slack.NewDividerBlock(),
		slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, fmt.Sprintf(t.BoardOpen, len(open)), false, false))}
	if len(open) == 0 {
		blocks = append(blocks, slack.NewContextBlock("", mrkdwnText(escape(t.BoardNone))))
	}
	for _, h := range open[:min(len(open), boardItems)] {
		line := quote(bots.Clip(h.Question, bots.EchoRunes)) + "\n" + escape(bots.TextsFor(h.Lang).LangName) + " · " + h.Asked.Format("2006-01-02 15:04 MST")
		if h.Channel != "" {
			line += " · <#" + h.Channel + ">"
		}
		if h.LiaisonName != "" {
			line += " · " + escape(fmt.Sprintf(t.Taken, h.LiaisonName))
		}
		blocks = append(blocks, section(line))
	}
	if n := len(open) - boardItems; n > 0 {
		blocks = append(blocks, slack.NewContextBlock("", mrkdwnText(escape(fmt.Sprintf(t.BoardMore, n)))))
	}
	blocks = append(blocks, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, fmt.Sprintf(t.BoardCurated, len(curated)), false, false)))
	if len(curated) == 0 {
		blocks = append(blocks, slack.NewContextBlock("", mrkdwnText(escape(t.BoardNone))))
	}
	// The newest first.
	for i := len(curated) - 1; i >= max(0, len(curated)-boardItems); i-- {
		c := curated[i]
		by := c.Date.String()
		if c.Organisation != "" {
			by = c.Organisation + ", " + by
		}
		blocks = append(blocks, section(quote(bots.Clip(c.Question, bots.EchoRunes))+"\n"+escape(bots.Clip(c.Answer, 500))+
			"\n_"+escape(by)+" · "+escape(string(c.Lang))+" · "+escape(c.ID)+"_"))
	}
	if n := len(curated) - boardItems; n > 0 {
		blocks = append(blocks, slack.NewContextBlock("", mrkdwnText(escape(fmt.Sprintf(t.BoardMore, n)))))
	}
	return blocks
}
