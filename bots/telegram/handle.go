package telegram

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
	"github.com/isa-alliance/isabot/search/answer"
)

// searchPageSize is how many releases a page of /search shows.
const searchPageSize = 5

// command is a message such as "/search Pandemie" or, in groups,
// "/search@isa_bot Pandemie"; any space, tab or newline may end the
// command's name.
type command struct {
	name string // without the slash, lower case
	bot  string // the @bot it is addressed to, if any
	args string
}

// parseCommand reads a command at the start of text.
func parseCommand(text string) (command, bool) {
	if !strings.HasPrefix(text, "/") {
		return command{}, false
	}
	head, args := text[1:], ""
	if i := strings.IndexFunc(head, unicode.IsSpace); i >= 0 {
		head, args = head[:i], head[i:]
	}
	name, target, _ := strings.Cut(head, "@")
	if name == "" {
		return command{}, false
	}
	return command{name: strings.ToLower(name), bot: target, args: strings.TrimSpace(args)}, true
}

// conversation is one incoming message and what the bot needs to reply.
type conversation struct {
	chat    models.Chat
	from    *models.User
	replyTo int // in groups the bot replies to the message it answers
	// question is the id of the message asking, 0 when a button asked.
	question int
	// asChat marks a message written as the group itself, which only its
	// anonymous admins can do.
	asChat bool
	// about is the release whose announcement the message replies to.
	about string
}

func (b *Bot) onMessage(ctx context.Context, m *models.Message) {
	asChat := m.SenderChat != nil && m.SenderChat.ID == m.Chat.ID
	if m.From != nil && m.From.IsBot && !asChat {
		return // other bots, and the bot itself
	}
	me := b.me.Load()
	private := m.Chat.Type == models.ChatTypePrivate
	c := conversation{chat: m.Chat, from: m.From, asChat: asChat, question: m.ID, about: b.announced(m.ReplyToMessage)}
	if !private {
		c.replyTo = m.ID
	}
	text := strings.TrimSpace(m.Text)

	if cmd, ok := parseCommand(text); ok {
		if cmd.bot != "" && !strings.EqualFold(cmd.bot, me.Username) {
			return // for another bot in the group
		}
		b.onCommand(ctx, c, cmd)
		return
	}
	if text != "" && b.followUp(ctx, c, m, text) {
		return
	}
	if !private {
		// In groups only mentions and replies to the bot are for it.
		mention := b.mention.Load()
		repliesToBot := m.ReplyToMessage != nil && m.ReplyToMessage.From != nil && m.ReplyToMessage.From.ID == me.ID
		switch {
		case mention.MatchString(text):
			text = strings.TrimSpace(mention.ReplaceAllString(text, ""))
		case repliesToBot:
		default:
			return
		}
	}
	switch {
	case text == "" && m.Text != "" && !private:
		// A bare mention asks what the bot can do.
		lang := b.lang(c, "")
		b.send(ctx, c, []string{escape(helpText(lang))}, examplesKeyboard(lang))
		return
	case text == "" && private:
		b.sendExamples(ctx, c, b.lang(c, ""), bots.TextsFor(b.lang(c, "")).Unsupported)
		return
	case text == "":
		return
	}
	b.ask(ctx, c, text)
}

// lang picks the reply language: the question's own when it tells, else
// the chat's choice, else the user's Telegram language, else German.
func (b *Bot) lang(c conversation, question string) corpus.Lang {
	if question != "" {
		if lang, sure := search.DetectLang(question); sure {
			return lang
		}
	}
	if lang, ok := b.state.ChatLang(platform, chatKey(c.chat.ID)); ok {
		return lang
	}
	if c.from != nil {
		if lang, err := corpus.ParseLang(c.from.LanguageCode); err == nil {
			return lang
		}
	}
	return corpus.German
}

func chatKey(id int64) string { return strconv.FormatInt(id, 10) }

// ask answers a question.
func (b *Bot) ask(ctx context.Context, c conversation, question string) {
	lang := b.lang(c, question)
	a, err := b.answer(ctx, c, question, lang)
	if err != nil {
		b.logger.Error("telegram: cannot answer", "chat", c.chat.ID, "error", err)
		b.send(ctx, c, []string{escape(bots.TextsFor(lang).Failed)}, nil)
		return
	}
	b.sendAnswer(ctx, c, a)
}

// sendAnswer sends an answer; one the engine could not give comes with
// example questions to tap. In a private chat, when the hand-off is on,
// every answer offers to ask the press office.
func (b *Bot) sendAnswer(ctx context.Context, c conversation, a answer.Answer) {
	messages := answerMessages(a)
	var rows [][]button
	if !a.Answered {
		rows = examplesRows(a.Lang)
	}
	if c.chat.Type == models.ChatTypePrivate {
		if row := b.offerRow(a, c.question); row != nil {
			rows = append(rows, row)
		}
	}
	var markup models.ReplyMarkup
	if rows != nil {
		markup = &keyboard{InlineKeyboard: rows}
	}
	b.send(ctx, c, messages, markup)
}

// send sends messages to the conversation, the keyboard under the last.
func (b *Bot) send(ctx context.Context, c conversation, messages []string, markup models.ReplyMarkup) {
	for i, text := range messages {
		p := &bot.SendMessageParams{
			ChatID:             c.chat.ID,
			Text:               text,
			ParseMode:          models.ParseModeHTML,
			LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
		}
		if i == 0 && c.replyTo != 0 {
			p.ReplyParameters = &models.ReplyParameters{MessageID: c.replyTo, AllowSendingWithoutReply: true}
		}
		if i == len(messages)-1 && markup != nil {
			p.ReplyMarkup = markup
		}
		if _, err := b.sender.sendMessage(ctx, p); err != nil {
			b.logger.Warn("telegram: cannot send", "chat", c.chat.ID, "error", err)
			return
		}
	}
}

// echo renders a reply that repeats the user's words, cut so that the
// message stays within Telegram's limit however long they were.
func echo(format, words string) string {
	return escape(fmt.Sprintf(format, bots.Clip(words, bots.EchoRunes)))
}

func (b *Bot) sendExamples(ctx context.Context, c conversation, lang corpus.Lang, intro string) {
	b.send(ctx, c, []string{escape(intro)}, examplesKeyboard(lang))
}

// examplesKeyboard offers the example questions as buttons.
func examplesKeyboard(lang corpus.Lang) models.ReplyMarkup {
	return &keyboard{InlineKeyboard: examplesRows(lang)}
}

func examplesRows(lang corpus.Lang) [][]button {
	var rows [][]button
	for i, q := range bots.TextsFor(lang).Examples {
		rows = append(rows, []button{{Text: q, CallbackData: fmt.Sprintf("ex:%s:%d", lang, i)}})
	}
	return rows
}

func (b *Bot) onCommand(ctx context.Context, c conversation, cmd command) {
	lang := b.lang(c, cmd.args)
	t := bots.TextsFor(lang)
	switch cmd.name {
	case "start":
		if id, ok := strings.CutPrefix(cmd.args, readPayload); ok {
			// "Read more" tapped in a group or channel opens here.
			if key, ok := b.state.Recall(id); ok {
				id = key
			}
			if r, ok := b.engine.Release(id); ok {
				b.send(ctx, c, releaseMessages(r, b.lang(c, "")), nil)
				return
			}
		}
		if q := startPayload(cmd.args); q != "" {
			b.ask(ctx, c, q)
			return
		}
		b.sendExamples(ctx, c, b.lang(c, ""), bots.TextsFor(b.lang(c, "")).Welcome)
	case "help":
		lang := b.lang(c, "")
		b.send(ctx, c, []string{escape(helpText(lang))}, examplesKeyboard(lang))
	case "ask":
		if cmd.args == "" {
			b.send(ctx, c, []string{escape(t.AskUsage)}, nil)
			return
		}
		b.ask(ctx, c, cmd.args)
	case "cities":
		b.sendAnswer(ctx, c, b.engine.Members(lang, cmd.args))
	case "contact":
		b.sendAnswer(ctx, c, b.engine.Contact(b.lang(c, "")))
	case "latest":
		b.sendLatest(ctx, c, b.lang(c, ""))
	case "search":
		if cmd.args == "" {
			b.send(ctx, c, []string{escape(t.SearchUsage)}, nil)
			return
		}
		text, markup := b.searchPage(ctx, cmd.args, lang, 0)
		b.send(ctx, c, []string{text}, markup)
	case "lang":
		b.setLang(ctx, c, cmd.args)
	case "subscribe", "unsubscribe":
		b.onSubscribe(ctx, c, cmd.args, cmd.name == "subscribe")
	case "follow", "unfollow", "following":
		b.onFollow(ctx, c, cmd.name, cmd.args)
	case "digest":
		b.onDigest(ctx, c, cmd.args)
	default:
		if c.chat.Type == models.ChatTypePrivate {
			lang := b.lang(c, "")
			b.send(ctx, c, []string{escape(helpText(lang))}, examplesKeyboard(lang))
		}
	}
}

// startPayload turns a deep link's payload into a question:
// "city_koeln" asks about Köln, "q_wer_ist_der_kontakt" asks the words.
func startPayload(payload string) string {
	kind, rest, ok := strings.Cut(payload, "_")
	if !ok || rest == "" {
		return ""
	}
	words := strings.ReplaceAll(rest, "_", " ")
	switch kind {
	case "city":
		return words
	case "q":
		return words
	}
	return ""
}

func (b *Bot) setLang(ctx context.Context, c conversation, arg string) {
	lang, err := corpus.ParseLang(strings.TrimSpace(arg))
	if err != nil {
		b.send(ctx, c, []string{escape(bots.TextsFor(b.lang(c, "")).LangUsage)}, nil)
		return
	}
	if err := b.state.SetChatLang(platform, chatKey(c.chat.ID), lang); err != nil {
		b.logger.Error("telegram: cannot save the chat's language", "error", err)
	}
	t := bots.TextsFor(lang)
	b.send(ctx, c, []string{escape(fmt.Sprintf(t.LangSet, t.LangName))}, nil)
}

func (b *Bot) sendLatest(ctx context.Context, c conversation, lang corpus.Lang) {
	t := bots.TextsFor(lang)
	latest := b.engine.Latest(searchPageSize)
	if len(latest) == 0 {
		b.send(ctx, c, []string{escape(t.NoReleases)}, nil)
		return
	}
	lines := []string{"<b>" + escape(t.Latest) + "</b>"}
	var rows [][]button
	for i, r := range latest {
		lines = append(lines, fmt.Sprintf("%d. %s", i+1, releaseLine(r, lang)))
		rows = append(rows, []button{b.readMoreButton(r, fmt.Sprintf("%d. %s", i+1, t.ReadMore))})
	}
	b.send(ctx, c, []string{strings.Join(lines, "\n")}, &keyboard{InlineKeyboard: rows})
}

// readMoreButton opens a release in the chat.
func (b *Bot) readMoreButton(r *corpus.Release, label string) button {
	return button{Text: label, CallbackData: b.callbackData("r", r.ID, "")}
}

// readPayload starts the /start payload of a "Read more" link.
const readPayload = "r_"

// readMoreLink opens the bot's chat with the reader, where /start shows
// the release: a deep link, whose payload may hold only 64 of A-Z, a-z,
// 0-9, _ and -, so another id is remembered and travels as a short key.
func (b *Bot) readMoreLink(id string) string {
	if !deepLinkSafe.MatchString(readPayload + id) {
		key, err := b.state.Remember(id)
		if err != nil {
			b.logger.Error("telegram: cannot remember a release id", "error", err)
		}
		id = key
	}
	return "https://t.me/" + b.me.Load().Username + "?start=" + readPayload + id
}

var deepLinkSafe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// callbackData packs kind, value and an extra field into a button's 64
// bytes; a value too long is remembered and travels as a short key.
func (b *Bot) callbackData(kind, value, extra string) string {
	data := kind + ":" + extra + ":" + value
	if len(data) <= 64 {
		return data
	}
	key, err := b.state.Remember(value)
	if err != nil {
		b.logger.Error("telegram: cannot remember a button's value", "error", err)
		return kind + ":" + extra + ":"
	}
	return kind + "~" + extra + ":" + key
}

// parseCallbackData undoes callbackData.
func (b *Bot) parseCallbackData(data string) (kind, value, extra string, ok bool) {
	remembered := false
	i := strings.IndexAny(data, ":~")
	if i < 0 {
		return "", "", "", false
	}
	kind, remembered = data[:i], data[i] == '~'
	extra, value, ok = strings.Cut(data[i+1:], ":")
	if ok && remembered {
		value, ok = b.state.Recall(value)
	}
	return kind, value, extra, ok
}

// searchPage renders page (from 0) of the releases matching words, with
// buttons to open each and to page on.
func (b *Bot) searchPage(ctx context.Context, words string, lang corpus.Lang, page int) (string, models.ReplyMarkup) {
	t := bots.TextsFor(lang)
	hits, total, err := b.engine.Search(ctx, words, lang, page*searchPageSize, searchPageSize)
	if err != nil {
		b.logger.Error("telegram: search failed", "error", err)
		return escape(t.Failed), nil
	}
	if len(hits) == 0 {
		return echo(t.SearchNone, words), nil
	}
	pages := (total + searchPageSize - 1) / searchPageSize
	lines := []string{"<b>" + escape(fmt.Sprintf(t.SearchPage, page+1, pages, total)) + "</b>"}
	var rows [][]button
	for i, h := range hits {
		n := page*searchPageSize + i + 1
		lines = append(lines, fmt.Sprintf("\n%d. %s\n%s", n, releaseLine(h.Release, lang), snippetHTML(h.Source)))
		rows = append(rows, []button{b.readMoreButton(h.Release, fmt.Sprintf("%d. %s", n, bots.Clip(h.Release.Title, 40)))})
	}
	var nav []button
	if page > 0 {
		nav = append(nav, button{Text: t.Previous, CallbackData: b.callbackData("s", words, strconv.Itoa(page-1))})
	}
	if page+1 < pages {
		nav = append(nav, button{Text: t.Next, CallbackData: b.callbackData("s", words, strconv.Itoa(page+1))})
	}
	if nav != nil {
		rows = append(rows, nav)
	}
	return strings.Join(lines, "\n"), &keyboard{InlineKeyboard: rows}
}

// onCallback handles a tap on one of the bot's buttons.
func (b *Bot) onCallback(ctx context.Context, q *models.CallbackQuery) {
	// The spinner on the button stops whatever happens next.
	answer := &bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID}
	defer func() {
		if err := b.sender.answerCallbackQuery(ctx, answer); err != nil {
			b.logger.Warn("telegram: cannot answer a button", "error", err)
		}
	}()
	msg := q.Message.Message
	if msg == nil || msg.ID == 0 {
		return // the message is too old to act on, or no message at all
	}
	c := conversation{chat: msg.Chat, from: &q.From}
	kind, value, extra, ok := b.parseCallbackData(q.Data)
	if !ok {
		b.logger.Warn("telegram: unknown button data", "data", q.Data)
		return
	}
	switch kind {
	case "ex":
		lang, err := corpus.ParseLang(extra)
		i, _ := strconv.Atoi(value)
		if examples := bots.TextsFor(lang).Examples; err == nil && i >= 0 && i < len(examples) {
			a, err := b.engine.Answer(ctx, examples[i], lang)
			if err == nil {
				b.sendAnswer(ctx, c, a)
			}
		}
	case "r":
		r, ok := b.engine.Release(value)
		switch {
		case !ok:
		case msg.Chat.Type == models.ChatTypePrivate:
			b.send(ctx, c, releaseMessages(r, b.lang(c, "")), nil)
		default:
			// In a group or channel the whole release would go to
			// everyone, at each tap: it opens in the reader's own chat
			// with the bot instead.
			answer.URL = b.readMoreLink(r.ID)
		}
	case offerKind, withNameKind, anonymousKind:
		b.onHandoffButton(ctx, q, kind, value, extra)
	case "s":
		page, _ := strconv.Atoi(extra)
		text, markup := b.searchPage(ctx, value, b.lang(c, value), max(page, 0))
		_, err := b.sender.editMessageText(ctx, &bot.EditMessageTextParams{
			ChatID:             msg.Chat.ID,
			MessageID:          msg.ID,
			Text:               text,
			ParseMode:          models.ParseModeHTML,
			ReplyMarkup:        markup,
			LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
		})
		if err != nil {
			b.logger.Warn("telegram: cannot turn the page", "error", err)
		}
	}
}
