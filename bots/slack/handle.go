package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/corpus"
)

// slackEventsAPIEvent is what Socket Mode and the Events API deliver.
type slackEventsAPIEvent = slackevents.EventsAPIEvent

// dispatchEvent answers an Events API callback once: Slack retries
// events, and the same event_id is answered only the first time.
func (b *Bot) dispatchEvent(ctx context.Context, e slackEventsAPIEvent, r retry) {
	cb, ok := e.Data.(*slackevents.EventsAPICallbackEvent)
	if !ok {
		return
	}
	if !b.once("", cb.EventID) {
		b.logger.Debug("slack: event already handled; not answered again", "event_id", cb.EventID, "retry", r.num, "retry_reason", r.reason)
		return
	}
	if r.num > 0 {
		b.logger.Info("slack: answering an event Slack sent again", "event_id", cb.EventID, "retry", r.num, "retry_reason", r.reason)
	}
	if b.onWorkspaceEvent(ctx, e.InnerEvent.Data) {
		return
	}
	switch ev := e.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		if ev.BotID != "" || ev.User == b.botUser() {
			return
		}
		thread, about := ev.ThreadTimeStamp, b.announced(ev.Channel, ev.ThreadTimeStamp)
		if thread == "" {
			thread = ev.TimeStamp
		}
		b.background(ctx, func(ctx context.Context) {
			b.answerInChannel(ctx, ev.Channel, thread, about, plainText(ev.Text, b.botUser()))
		})
	case *slackevents.MessageEvent:
		// Direct messages, and replies in an announcement's thread; not
		// the bot's own, other bots', edits or deletions.
		if ev.SubType != "" || ev.BotID != "" || ev.User == "" || ev.User == b.botUser() {
			return
		}
		switch about := b.announced(ev.Channel, ev.ThreadTimeStamp); {
		case about != "" && ev.ThreadTimeStamp != ev.TimeStamp && !strings.Contains(ev.Text, "<@"+b.botUser()+">"):
			// A reply that mentions the bot is answered as the mention.
			b.background(ctx, func(ctx context.Context) {
				b.answerInChannel(ctx, ev.Channel, ev.ThreadTimeStamp, about, plainText(ev.Text, b.botUser()))
			})
		case ev.ChannelType == slackevents.ChannelTypeIM:
			b.background(ctx, func(ctx context.Context) {
				b.answerInChannel(ctx, ev.Channel, "", about, plainText(ev.Text, b.botUser()))
			})
		}
	case *slackevents.AppHomeOpenedEvent:
		if ev.Tab == "home" {
			b.background(ctx, func(ctx context.Context) { b.publishHome(ctx, ev.User) })
		}
	}
}

func (b *Bot) botUser() string { return b.userID.Load().(string) }

// slackToken is markup in the text Slack sends: a link <URL|label>, a
// mention <@U123>, <#C123|name> or <!here>.
var slackToken = regexp.MustCompile(`<[^<>]*>`)

// unescapeSlack undoes Slack's escaping of &, < and >, in one pass, so
// that a typed "&lt;" (sent as "&amp;lt;") stays as it was typed.
var unescapeSlack = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// plainText turns text as Slack sends it into what the user typed: the
// mentions of the bot (user self) dropped, other mentions and links made
// readable, and Slack's escaping undone.
func plainText(text, self string) string {
	text = slackToken.ReplaceAllStringFunc(text, func(token string) string {
		target, label, _ := strings.Cut(token[1:len(token)-1], "|")
		switch {
		case target == "@"+self:
			return ""
		case strings.HasPrefix(target, "@"), strings.HasPrefix(target, "#"):
			if label != "" {
				return target[:1] + label
			}
			return target
		case strings.HasPrefix(target, "!"):
			// <!here>, <!subteam^S123|@team>, <!date^…|fallback>
			if label != "" {
				return label
			}
			name, _, _ := strings.Cut(target[1:], "^")
			return "@" + name
		case label != "":
			return label
		}
		return target
	})
	return strings.TrimSpace(unescapeSlack.Replace(text))
}

// answerInChannel answers a question in a channel or DM, in the thread
// when thread is set; from the release about first, when it is about
// one.
func (b *Bot) answerInChannel(ctx context.Context, channel, thread, about, question string) {
	var blocks []slack.Block
	if question == "" {
		blocks = answerBlocks(b.engine.Help(corpus.German))
	} else {
		a, err := b.answer(ctx, question, about)
		if err != nil {
			b.logger.Error("slack: cannot answer", "channel", channel, "error", err)
			blocks = []slack.Block{section(escape(bots.TextsFor(lang(question)).Failed))}
		} else {
			blocks = answerBlocks(a)
			if offer := b.offerBlock(channel, a); offer != nil {
				blocks = append(blocks, offer)
			}
		}
	}
	for _, msg := range splitBlocks(blocks) {
		opts := []slack.MsgOption{slack.MsgOptionBlocks(msg...), slack.MsgOptionText(fallbackText(msg), false)}
		if thread != "" {
			opts = append(opts, slack.MsgOptionTS(thread))
		}
		if _, err := b.poster.postMessage(ctx, channel, opts...); err != nil {
			b.logger.Warn("slack: cannot post", "channel", channel, "error", err)
			return
		}
	}
}

// onCommand answers /isa: a question, or one of its subcommands. The
// answer is ephemeral, with a button to share it in the channel.
func (b *Bot) onCommand(ctx context.Context, cmd slack.SlashCommand) {
	if !b.once(triggerPrefix, cmd.TriggerID) {
		b.logger.Warn("slack: a slash command seen before is not answered again", "trigger_id", cmd.TriggerID, "channel", cmd.ChannelID)
		return
	}
	text := plainText(cmd.Text, b.botUser())
	var blocks []slack.Block
	switch sub, rest, l := parseCommand(text); {
	case rest == "" && (sub == "subscribe" || sub == "unsubscribe"):
		blocks = b.subscribe(ctx, cmd, sub == "subscribe", l)
	case followCommands[sub]:
		blocks = b.follow(ctx, cmd, sub, rest, l)
	case sub == "digest":
		blocks = b.digest(ctx, cmd, rest, l)
	default:
		b.answerCommand(ctx, cmd, text)
		return
	}
	if blocks != nil {
		err := b.poster.respond(ctx, cmd.ResponseURL, &slack.WebhookMessage{
			ResponseType: slack.ResponseTypeEphemeral, Text: fallbackText(blocks), Blocks: &slack.Blocks{BlockSet: blocks},
		})
		if err != nil {
			b.logger.Warn("slack: cannot respond to /isa", "channel", cmd.ChannelID, "error", err)
		}
	}
}

// answerCommand answers /isa with a question or a subcommand that shows
// something; the answer is ephemeral, with a button to share it.
func (b *Bot) answerCommand(ctx context.Context, cmd slack.SlashCommand, text string) {
	blocks, l, err := b.commandBlocks(ctx, text)
	if err != nil {
		b.logger.Error("slack: cannot answer /isa", "error", err)
		failed := []slack.Block{section(escape(bots.TextsFor(l).Failed))}
		err = b.poster.respond(ctx, cmd.ResponseURL, &slack.WebhookMessage{
			ResponseType: slack.ResponseTypeEphemeral, Text: fallbackText(failed), Blocks: &slack.Blocks{BlockSet: failed},
		})
		if err != nil {
			b.logger.Warn("slack: cannot respond to /isa", "channel", cmd.ChannelID, "error", err)
		}
		return
	}
	share := shareValue{Text: text}
	raw, _ := json.Marshal(share)
	// The button carries the question; one too long for a button's value
	// gets no button, as Slack would refuse the whole answer.
	if utf8.RuneCount(raw) <= buttonValueLimit {
		blocks = append(blocks, slack.NewActionBlock("isa_share",
			slack.NewButtonBlockElement(shareAction, string(raw), slack.NewTextBlockObject(slack.PlainTextType, bots.TextsFor(l).Share, false, false))))
	}
	for _, msg := range splitBlocks(blocks) {
		err := b.poster.respond(ctx, cmd.ResponseURL, &slack.WebhookMessage{
			ResponseType: slack.ResponseTypeEphemeral,
			Text:         fallbackText(msg),
			Blocks:       &slack.Blocks{BlockSet: msg},
		})
		if err != nil {
			b.logger.Warn("slack: cannot respond to /isa", "channel", cmd.ChannelID, "error", err)
			return
		}
	}
}

// commandsHelp lists what /isa understands.
const commandsHelp = "`/isa QUESTION` · `/isa help` · `/isa cities [country or region]` · `/isa contact` · " +
	"`/isa latest` · `/isa search WORDS` · `/isa subscribe` · `/isa unsubscribe` · " +
	"`/isa follow CITY or TOPIC` · `/isa following` · `/isa unfollow CITY or TOPIC` · " +
	"`/isa digest HH:MM [time zone]` · `/isa digest off` · `/isa digest`"

// subcommands are the words /isa understands before its argument. Each
// names a subcommand by its English word and tells the language it is a
// word of; the English words, which the help lists for everyone, and no
// word at all tell none, so the reply is in German, as for a question
// whose language is unclear.
var subcommands = map[string]struct {
	name string
	lang corpus.Lang
}{
	"":            {"help", ""},
	"help":        {"help", ""},
	"hilfe":       {"help", corpus.German},
	"帮助":          {"help", corpus.Chinese},
	"cities":      {"cities", ""},
	"städte":      {"cities", corpus.German},
	"staedte":     {"cities", corpus.German},
	"城市":          {"cities", corpus.Chinese},
	"contact":     {"contact", ""},
	"kontakt":     {"contact", corpus.German},
	"联系":          {"contact", corpus.Chinese},
	"latest":      {"latest", ""},
	"neueste":     {"latest", corpus.German},
	"最新":          {"latest", corpus.Chinese},
	"search":      {"search", ""},
	"suche":       {"search", corpus.German},
	"搜索":          {"search", corpus.Chinese},
	"subscribe":   {"subscribe", ""},
	"unsubscribe": {"unsubscribe", ""},
	"follow":      {"follow", ""},
	"following":   {"following", ""},
	"unfollow":    {"unfollow", ""},
	"digest":      {"digest", ""},
}

// parseCommand reads "/isa TEXT": the subcommand its first word names,
// if any, the words after it, and the language to reply in: the words',
// or when there are none the subcommand word's, else German.
func parseCommand(text string) (sub, rest string, l corpus.Lang) {
	first, rest, _ := strings.Cut(strings.TrimSpace(text), " ")
	rest = strings.TrimSpace(rest)
	s, ok := subcommands[strings.ToLower(first)]
	switch {
	case !ok:
		return "", "", lang(text)
	case rest == "" && s.lang != "":
		return s.name, rest, s.lang
	}
	return s.name, rest, lang(rest)
}

// shareAction is the action id of the "Share in channel" button; its
// value carries what the user typed, so the answer can be made again.
const shareAction = "isa_share"

type shareValue struct {
	Text string `json:"t"`
}

// commandBlocks renders the answer to "/isa TEXT", TEXT as the user
// typed it, and tells its language, for the words around it.
func (b *Bot) commandBlocks(ctx context.Context, text string) ([]slack.Block, corpus.Lang, error) {
	sub, rest, l := parseCommand(text)
	switch sub {
	case "help":
		return append(answerBlocks(b.engine.Help(l)), section(commandsHelp)), l, nil
	case "cities":
		return answerBlocks(b.engine.Members(l, rest)), l, nil
	case "contact":
		return answerBlocks(b.engine.Contact(l)), l, nil
	case "latest":
		return latestBlocks(b.engine.Latest(5), l), l, nil
	case "search":
		if rest == "" {
			return []slack.Block{section(escape(strings.ReplaceAll(bots.TextsFor(l).SearchUsage, "/search", "/isa search")))}, l, nil
		}
		blocks, err := b.searchPage(ctx, rest, l, 0)
		return blocks, l, err
	}
	// No subcommand: parseCommand read the question's language already.
	a, err := b.engine.Answer(ctx, strings.TrimSpace(text), l)
	if err != nil {
		return nil, "", err
	}
	return answerBlocks(a), a.Lang, nil
}

// onInteraction handles the buttons: "Share in channel" posts the answer
// for everyone and removes the ephemeral copy; a hand-off's buttons,
// modal and its submission go to the hand-off (handoff.go).
func (b *Bot) onInteraction(ctx context.Context, cb slack.InteractionCallback) {
	switch cb.Type {
	case slack.InteractionTypeBlockActions, slack.InteractionTypeViewSubmission:
	case slack.InteractionTypeViewClosed:
		b.onHandoffClosed(cb)
		return
	default:
		return
	}
	if !b.once(triggerPrefix, cb.TriggerID) {
		b.logger.Warn("slack: an interaction seen before is not answered again", "trigger_id", cb.TriggerID, "channel", cb.Channel.ID)
		return
	}
	if cb.Type == slack.InteractionTypeViewSubmission {
		b.onHandoffSubmission(ctx, cb)
		return
	}
	for _, action := range cb.ActionCallback.BlockActions {
		switch action.ActionID {
		case offerAction, offerNamed, offerAnonymous:
			b.onOffer(ctx, cb, action)
			continue
		}
		if strings.HasPrefix(action.ActionID, handoffPrefix) {
			b.onHandoffAction(ctx, cb, action)
			continue
		}
		if action.ActionID == readAction {
			b.readMore(ctx, cb, action.Value)
			continue
		}
		if strings.HasPrefix(action.ActionID, pageAction) {
			b.turnPage(ctx, cb, action.Value)
			continue
		}
		if action.ActionID != shareAction {
			continue
		}
		var share shareValue
		if err := json.Unmarshal([]byte(action.Value), &share); err != nil {
			b.logger.Warn("slack: malformed share button", "error", err)
			continue
		}
		blocks, _, err := b.commandBlocks(ctx, share.Text)
		if err != nil {
			b.logger.Error("slack: cannot share", "error", err)
			return
		}
		// The question as typed, cut, so that escaping it cannot take the
		// context beyond Block Kit's limit.
		blocks = append(blocks, slack.NewContextBlock("isa_shared_by",
			mrkdwnText(fmt.Sprintf("/isa %s · <@%s>", escape(bots.Clip(share.Text, bots.EchoRunes)), cb.User.ID))))
		for _, msg := range splitBlocks(blocks) {
			err := b.poster.respond(ctx, cb.ResponseURL, &slack.WebhookMessage{
				ResponseType: slack.ResponseTypeInChannel,
				Text:         fallbackText(msg),
				Blocks:       &slack.Blocks{BlockSet: msg},
			})
			if err != nil {
				b.logger.Warn("slack: cannot share in channel", "channel", cb.Channel.ID, "error", err)
				return
			}
		}
		if err := b.poster.respond(ctx, cb.ResponseURL, &slack.WebhookMessage{DeleteOriginal: true}); err != nil {
			b.logger.Warn("slack: cannot remove the ephemeral answer", "error", err)
		}
	}
}

// searchPage finds the releases of one page of a search.
func (b *Bot) searchPage(ctx context.Context, words string, l corpus.Lang, page int) ([]slack.Block, error) {
	hits, total, err := b.engine.Search(ctx, words, l, page*searchPageSize, searchPageSize)
	if err != nil {
		return nil, err
	}
	return searchBlocks(words, hits, total, page, l), nil
}

// turnPage replaces a search's ephemeral message with another page.
func (b *Bot) turnPage(ctx context.Context, cb slack.InteractionCallback, value string) {
	var v pageValue
	if err := json.Unmarshal([]byte(value), &v); err != nil || v.Page < 0 {
		b.logger.Warn("slack: malformed page button", "error", err)
		return
	}
	blocks, err := b.searchPage(ctx, v.Words, v.Lang, v.Page)
	if err != nil {
		b.logger.Error("slack: cannot turn the page", "error", err)
		return
	}
	err = b.poster.respond(ctx, cb.ResponseURL, &slack.WebhookMessage{
		ResponseType: slack.ResponseTypeEphemeral, ReplaceOriginal: true, Text: fallbackText(blocks), Blocks: &slack.Blocks{BlockSet: blocks},
	})
	if err != nil {
		b.logger.Warn("slack: cannot turn the page", "error", err)
	}
}

// readMore shows a whole release to the user who asked, as an ephemeral
// message.
func (b *Bot) readMore(ctx context.Context, cb slack.InteractionCallback, id string) {
	r, ok := b.engine.Release(id)
	if !ok {
		return
	}
	for _, msg := range splitBlocks(releaseBlocks(r, r.Lang)) {
		err := b.poster.respond(ctx, cb.ResponseURL, &slack.WebhookMessage{
			ResponseType: slack.ResponseTypeEphemeral, ReplaceOriginal: false, Text: title(r.Title), Blocks: &slack.Blocks{BlockSet: msg},
		})
		if err != nil {
			b.logger.Warn("slack: cannot show a release", "error", err)
			return
		}
	}
}

// publishHome shows the App Home tab: what isabot answers, examples, the
// five latest releases and, with the hand-off on, the open hand-offs and
// the curated answers.
func (b *Bot) publishHome(ctx context.Context, user string) {
	blocks := homeBlocks(b.engine.Help(corpus.German), b.engine.Latest(5))
	if b.cfg.Handoff != nil {
		open, curated, err := b.cfg.Handoff.Board()
		if err != nil {
			b.logger.Warn("slack: cannot read the hand-offs for the App Home", "error", err)
		} else {
			blocks = append(blocks, boardBlocks(open, curated)...)
		}
	}
	err := b.poster.publishHome(ctx, user, blocks)
	if err != nil {
		b.logger.Warn("slack: cannot publish the App Home", "user", user, "error", err)
	}
}
