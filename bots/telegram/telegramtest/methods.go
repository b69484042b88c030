package telegramtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"
)

// chatState is what the server knows about a chat.
type chatState struct {
	chat   models.Chat
	nextID int                    // the next message id
	msgs   map[int]*storedMessage // the user's and the bot's messages
	sent   []int                  // the bot's messages, in order
}

// storedMessage is a message in a chat.
type storedMessage struct {
	id        int
	fromBot   bool
	from      models.User // when not from the bot
	date      int64
	editDate  int64
	raw       string // the text as sent
	parseMode string
	text      string // the text as shown
	entities  []models.MessageEntity
	markup    string // normalised inline keyboard, or another markup as sent
	inline    bool   // markup is an inline keyboard
	replyTo   int
	edited    bool
}

// chatLocked returns the chat with an id, making one up when it is new:
// a private chat for a positive id, a supergroup for -100…, else a group.
func (s *Server) chatLocked(id int64) *chatState {
	if c := s.chats[id]; c != nil {
		return c
	}
	chat := models.Chat{ID: id, Type: models.ChatTypeGroup, Title: "Chat " + strconv.FormatInt(id, 10)}
	switch {
	case id > 0:
		chat = models.Chat{ID: id, Type: models.ChatTypePrivate, FirstName: "User " + strconv.FormatInt(id, 10)}
	case id <= -1_000_000_000_000:
		chat.Type = models.ChatTypeSupergroup
	}
	c := &chatState{chat: chat, nextID: 1, msgs: map[int]*storedMessage{}}
	s.chats[id] = c
	return c
}

// registerChatLocked learns a chat's details.
func (s *Server) registerChatLocked(chat models.Chat) *chatState {
	c := s.chatLocked(chat.ID)
	if chat.Type != "" {
		c.chat = chat
	}
	return c
}

// chatIDLocked resolves the chat_id parameter: a number or an @username
// of a chat the server has seen.
func (s *Server) chatIDLocked(p params) (int64, *apiError) {
	v := strings.TrimSpace(p["chat_id"])
	if v == "" {
		return 0, badRequest("chat_id is empty")
	}
	if id, err := strconv.ParseInt(v, 10, 64); err == nil && id != 0 {
		return id, nil
	}
	if name, ok := strings.CutPrefix(v, "@"); ok {
		for id, c := range s.chats {
			if c.chat.Username != "" && strings.EqualFold(c.chat.Username, name) {
				return id, nil
			}
		}
	}
	return 0, badRequest("chat not found")
}

// blockedLocked is the 403 Telegram answers when the bot may not write
// to a chat: the user blocked it, or it left or was removed from a group.
func (s *Server) blockedLocked(c *chatState) *apiError {
	kind := string(c.chat.Type) + " chat"
	switch s.members[[2]int64{c.chat.ID, s.bot.ID}] {
	case "kicked":
		if c.chat.Type == models.ChatTypePrivate {
			return forbidden("bot was blocked by the user")
		}
		return forbidden("bot was kicked from the " + kind)
	case "left":
		return forbidden("bot is not a member of the " + kind)
	}
	return nil
}

// wireLocked is a stored message as Telegram sends it, with the message
// it replies to when withReply is set.
func (s *Server) wireLocked(c *chatState, m *storedMessage, withReply bool) *wireMessage {
	w := &wireMessage{
		MessageID: m.id, Chat: c.chat, Date: m.date, EditDate: m.editDate,
		Text: m.text, Entities: m.entities,
	}
	if m.fromBot {
		u := s.bot.User()
		w.From = &u
	} else if m.from.ID != 0 {
		u := m.from
		w.From = &u
	}
	if m.inline && m.markup != "" {
		w.ReplyMarkup = json.RawMessage(m.markup)
	}
	if r := c.msgs[m.replyTo]; withReply && r != nil {
		w.ReplyToMessage = s.wireLocked(c, r, false)
	}
	return w
}

func (s *Server) getMe(_ *http.Request, _ params) (any, *apiError) {
	return s.Bot(), nil
}

// checkText validates a message text as Telegram does and returns what
// the user sees.
func checkText(text, parseMode, entities string) (string, []models.MessageEntity, *apiError) {
	if !utf8.ValidString(text) {
		return "", nil, badRequest("%s", errNotUTF8)
	}
	if strings.TrimSpace(text) == "" {
		return "", nil, badRequest("message text is empty")
	}
	plain := text
	var ents []models.MessageEntity
	switch {
	case strings.EqualFold(parseMode, "HTML"):
		var err error
		if plain, ents, err = parseHTML(text); err != nil {
			return "", nil, badRequest("can't parse entities: %s", err)
		}
	case parseMode == "" && entities != "":
		if err := json.Unmarshal([]byte(entities), &ents); err != nil {
			return "", nil, badRequest("can't parse entities JSON object")
		}
	case parseMode == "", strings.EqualFold(parseMode, "MarkdownV2"), strings.EqualFold(parseMode, "Markdown"):
		// Markdown is not parsed: the text counts as plain.
	default:
		return "", nil, badRequest("unsupported parse_mode")
	}
	plain, ents = trimText(plain, ents)
	if plain == "" {
		return "", nil, badRequest("message text is empty")
	}
	if utf16Len(plain) > 4096 {
		return "", nil, badRequest("message is too long")
	}
	return plain, ents, nil
}

// checkCaption validates a media caption: 0–1024 characters after
// entity parsing.
func checkCaption(caption, parseMode string) *apiError {
	plain := caption
	if strings.EqualFold(parseMode, "HTML") {
		var err error
		if plain, _, err = parseHTML(caption); err != nil {
			return badRequest("can't parse entities: %s", err)
		}
	}
	if utf16Len(strings.TrimSpace(plain)) > 1024 {
		return badRequest("message caption is too long")
	}
	return nil
}

func (s *Server) sendMessage(r *http.Request, p params) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	chatID, e := s.chatIDLocked(p)
	if e != nil {
		return nil, e
	}
	c := s.chatLocked(chatID)
	if e := s.blockedLocked(c); e != nil {
		return nil, e
	}
	text, ents, e := checkText(p["text"], p["parse_mode"], p["entities"])
	if e != nil {
		return nil, e
	}
	markup, inline, e := checkMarkup(p["reply_markup"], false)
	if e != nil {
		return nil, e
	}
	replyTo, allowMissing := 0, p.boolParam("allow_sending_without_reply")
	if v := p["reply_parameters"]; v != "" {
		var rp struct {
			MessageID                int  `json:"message_id"`
			AllowSendingWithoutReply bool `json:"allow_sending_without_reply"`
		}
		if err := json.Unmarshal([]byte(v), &rp); err != nil {
			return nil, badRequest("can't parse reply parameters JSON object")
		}
		replyTo, allowMissing = rp.MessageID, rp.AllowSendingWithoutReply
	} else if n, _, e := p.int64Param("reply_to_message_id"); e != nil {
		return nil, e
	} else {
		replyTo = int(n)
	}
	if replyTo != 0 && c.msgs[replyTo] == nil {
		if !allowMissing {
			return nil, badRequest("message to be replied not found")
		}
		replyTo = 0
	}
	if e := s.admitLocked(c.chat, arrival(r)); e != nil {
		return nil, e
	}
	m := &storedMessage{
		id: c.nextID, fromBot: true, date: time.Now().Unix(),
		raw: p["text"], parseMode: p["parse_mode"], text: text, entities: ents,
		markup: markup, inline: inline, replyTo: replyTo,
	}
	c.nextID++
	c.msgs[m.id] = m
	c.sent = append(c.sent, m.id)
	s.notify()
	return s.wireLocked(c, m, true), nil
}

// notModified is Telegram's answer to an edit that changes nothing.
const notModified = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"

// editMessageText edits the text of one of the bot's messages. As on
// Telegram, an edit without reply_markup removes the inline keyboard.
func (s *Server) editMessageText(_ *http.Request, p params) (any, *apiError) {
	if p["inline_message_id"] != "" {
		if _, _, e := checkText(p["text"], p["parse_mode"], p["entities"]); e != nil {
			return nil, e
		}
		if _, _, e := checkMarkup(p["reply_markup"], true); e != nil {
			return nil, e
		}
		return true, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	chatID, e := s.chatIDLocked(p)
	if e != nil {
		return nil, e
	}
	id, ok, e := p.int64Param("message_id")
	if e != nil {
		return nil, e
	}
	if !ok {
		return nil, badRequest("message identifier is not specified")
	}
	text, ents, e := checkText(p["text"], p["parse_mode"], p["entities"])
	if e != nil {
		return nil, e
	}
	markup, _, e := checkMarkup(p["reply_markup"], true)
	if e != nil {
		return nil, e
	}
	c := s.chatLocked(chatID)
	if e := s.blockedLocked(c); e != nil {
		return nil, e
	}
	m := c.msgs[int(id)]
	switch {
	case m == nil:
		return nil, badRequest("message to edit not found")
	case !m.fromBot:
		return nil, badRequest("message can't be edited")
	}
	oldMarkup := ""
	if m.inline {
		oldMarkup = m.markup
	}
	if m.text == text && slices.EqualFunc(m.entities, ents, entityEqual) && oldMarkup == markup {
		return nil, badRequest(notModified)
	}
	m.raw, m.parseMode, m.text, m.entities = p["text"], p["parse_mode"], text, ents
	m.markup, m.inline = markup, markup != ""
	m.edited, m.editDate = true, time.Now().Unix()
	s.notify()
	return s.wireLocked(c, m, true), nil
}

func entityEqual(a, b models.MessageEntity) bool {
	return a.Type == b.Type && a.Offset == b.Offset && a.Length == b.Length && a.URL == b.URL &&
		a.Language == b.Language && a.CustomEmojiID == b.CustomEmojiID
}

// chatActions are sendChatAction's actions.
var chatActions = []string{
	"typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
	"upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
}

func (s *Server) sendChatAction(_ *http.Request, p params) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	chatID, e := s.chatIDLocked(p)
	if e != nil {
		return nil, e
	}
	if e := s.blockedLocked(s.chatLocked(chatID)); e != nil {
		return nil, e
	}
	if !slices.Contains(chatActions, p["action"]) {
		return nil, badRequest("wrong parameter action in request")
	}
	return true, nil
}

// queryTooOld is Telegram's answer for an unknown or answered query.
const queryTooOld = "query is too old and response timeout expired or query ID is invalid"

// inlineResultTypes are the types of InlineQueryResult.
var inlineResultTypes = []string{
	"article", "photo", "gif", "mpeg4_gif", "video", "audio", "voice", "document",
	"location", "venue", "contact", "game", "sticker",
}

// answerInlineQuery answers an inline query once, with at most 50
// results and a next_offset of at most 64 bytes. Each result needs a
// type, a unique id of at most 64 bytes, and an article a title and an
// input_message_content whose text is checked like sendMessage's; a
// caption may hold 1024 characters.
func (s *Server) answerInlineQuery(_ *http.Request, p params) (any, *apiError) {
	id := p["inline_query_id"]
	s.mu.Lock()
	known := s.inline[id]
	s.mu.Unlock()
	if !known {
		return nil, badRequest(queryTooOld)
	}
	var results []map[string]json.RawMessage
	if v := p["results"]; v != "null" {
		if err := json.Unmarshal([]byte(v), &results); err != nil {
			return nil, badRequest("can't parse inline query results JSON object")
		}
	}
	if len(results) > 50 {
		return nil, badRequest("RESULTS_TOO_MUCH")
	}
	if len(p["next_offset"]) > 64 {
		return nil, badRequest("NEXT_OFFSET_INVALID")
	}
	ids := map[string]bool{}
	for _, r := range results {
		typ, rid := jsonString(r["type"]), jsonString(r["id"])
		switch {
		case !slices.Contains(inlineResultTypes, typ):
			return nil, badRequest("RESULT_TYPE_INVALID")
		case rid == "":
			return nil, badRequest("RESULT_ID_EMPTY")
		case len(rid) > 64:
			return nil, badRequest("RESULT_ID_INVALID")
		case ids[rid]:
			return nil, badRequest("RESULT_ID_DUPLICATE")
		}
		ids[rid] = true
		if typ == "article" && jsonString(r["title"]) == "" {
			return nil, badRequest(`can't parse inline query result: Field "title" must be of type String`)
		}
		if content, ok := r["input_message_content"]; ok && string(content) != "null" {
			var imc struct {
				MessageText *string         `json:"message_text"`
				ParseMode   string          `json:"parse_mode"`
				Entities    json.RawMessage `json:"entities"`
			}
			if err := json.Unmarshal(content, &imc); err != nil {
				return nil, badRequest("can't parse input message content JSON object")
			}
			if imc.MessageText != nil {
				if _, _, e := checkText(*imc.MessageText, imc.ParseMode, string(imc.Entities)); e != nil {
					return nil, e
				}
			}
		} else if typ == "article" {
			return nil, badRequest(`can't parse inline query result: Field "input_message_content" must be of type Object`)
		}
		if e := checkCaption(jsonString(r["caption"]), jsonString(r["parse_mode"])); e != nil {
			return nil, e
		}
		if markup, ok := r["reply_markup"]; ok && string(markup) != "null" {
			if _, _, e := checkMarkup(string(markup), true); e != nil {
				return nil, e
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.inline[id] {
		return nil, badRequest(queryTooOld)
	}
	delete(s.inline, id)
	s.notify()
	return true, nil
}

// answerCallbackQuery answers a callback query once. Its text may hold
// up to 200 characters; its url may only open the bot's chat with a
// start parameter (t.me/bot?start=XXXX; games are not implemented).
func (s *Server) answerCallbackQuery(_ *http.Request, p params) (any, *apiError) {
	if _, _, e := p.int64Param("cache_time"); e != nil {
		return nil, e
	}
	if utf16Len(p["text"]) > 200 {
		return nil, badRequest("MESSAGE_TOO_LONG")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if v := p["url"]; v != "" && !s.startLinkLocked(v) {
		return nil, badRequest("URL_INVALID")
	}
	id := p["callback_query_id"]
	if !s.callbacks[id] {
		return nil, badRequest(queryTooOld)
	}
	delete(s.callbacks, id)
	s.notify()
	return true, nil
}

// startLinkLocked tells whether link opens the bot's chat with a start
// parameter: https://t.me/<bot>?start=<1–64 of A-Z a-z 0-9 _ ->.
func (s *Server) startLinkLocked(link string) bool {
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || !strings.EqualFold(u.Host, "t.me") ||
		!strings.EqualFold(strings.Trim(u.Path, "/"), s.bot.Username) {
		return false
	}
	start := u.Query().Get("start")
	if len(start) < 1 || len(start) > 64 {
		return false
	}
	for i := 0; i < len(start); i++ {
		if !isAlnum(start[i]) && start[i] != '_' && start[i] != '-' {
			return false
		}
	}
	return true
}

// setMyCommands stores a command list per scope and language; an empty
// list deletes it.
func (s *Server) setMyCommands(_ *http.Request, p params) (any, *apiError) {
	var cmds []models.BotCommand
	if v := p["commands"]; v != "null" {
		if err := json.Unmarshal([]byte(v), &cmds); err != nil {
			return nil, badRequest("can't parse commands JSON object")
		}
	}
	if len(cmds) > 100 {
		return nil, badRequest("BOT_COMMANDS_TOO_MUCH")
	}
	for _, c := range cmds {
		if !validCommand(c.Command) {
			return nil, badRequest("BOT_COMMAND_INVALID")
		}
		if n := utf8.RuneCountInString(strings.TrimSpace(c.Description)); n < 1 || n > 256 {
			return nil, badRequest("BOT_COMMAND_DESCRIPTION_INVALID")
		}
	}
	key, e := commandsKey(p)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(cmds) == 0 {
		delete(s.commands, key)
	} else {
		s.commands[key] = cmds
	}
	s.notify()
	return true, nil
}

// getMyCommands answers the list stored for exactly that scope and
// language, with no fallback, as Telegram does.
func (s *Server) getMyCommands(_ *http.Request, p params) (any, *apiError) {
	key, e := commandsKey(p)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cmds := slices.Clone(s.commands[key])
	if cmds == nil {
		cmds = []models.BotCommand{}
	}
	return cmds, nil
}

// validCommand checks a command: 1–32 of a-z 0-9 _.
func validCommand(c string) bool {
	if len(c) < 1 || len(c) > 32 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if !(c[i] >= 'a' && c[i] <= 'z' || c[i] >= '0' && c[i] <= '9' || c[i] == '_') {
			return false
		}
	}
	return true
}

// commandsKey is the scope and language_code of a commands method.
func commandsKey(p params) (string, *apiError) {
	lang := p["language_code"]
	if lang != "" && (len(lang) != 2 || lang[0] < 'a' || lang[0] > 'z' || lang[1] < 'a' || lang[1] > 'z') {
		return "", badRequest("LANG_CODE_INVALID")
	}
	scope, e := scopeKey(p["scope"])
	if e != nil {
		return "", e
	}
	return scope + "|" + lang, nil
}

// scopeKey names a BotCommandScope given as JSON.
func scopeKey(raw string) (string, *apiError) {
	if raw == "" || raw == "null" {
		return "default", nil
	}
	var sc struct {
		Type   string          `json:"type"`
		ChatID json.RawMessage `json:"chat_id"`
		UserID int64           `json:"user_id"`
	}
	if err := json.Unmarshal([]byte(raw), &sc); err != nil {
		return "", badRequest("can't parse BotCommandScope JSON object")
	}
	chat := strings.Trim(string(sc.ChatID), `"`)
	switch sc.Type {
	case "default", "all_private_chats", "all_group_chats", "all_chat_administrators":
		return sc.Type, nil
	case "chat", "chat_administrators":
		if chat == "" || chat == "null" {
			return "", badRequest("chat_id is empty")
		}
		return sc.Type + ":" + chat, nil
	case "chat_member":
		if chat == "" || chat == "null" {
			return "", badRequest("chat_id is empty")
		}
		if sc.UserID == 0 {
			return "", badRequest("invalid user_id specified")
		}
		return sc.Type + ":" + chat + ":" + strconv.FormatInt(sc.UserID, 10), nil
	}
	return "", badRequest("wrong BotCommandScope type specified")
}

// getChatMember answers with the status SetChatMember set ("member" by
// default) and the fields that status has.
func (s *Server) getChatMember(_ *http.Request, p params) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	chatID, e := s.chatIDLocked(p)
	if e != nil {
		return nil, e
	}
	userID, _, e := p.int64Param("user_id")
	if e != nil || userID <= 0 {
		return nil, badRequest("invalid user_id specified")
	}
	user, ok := s.users[userID]
	switch {
	case userID == s.bot.ID:
		user = s.bot.User()
	case !ok:
		user = models.User{ID: userID, FirstName: "User " + strconv.FormatInt(userID, 10)}
	}
	status := s.members[[2]int64{chatID, userID}]
	if status == "" {
		status = "member"
	}
	m := map[string]any{"status": status, "user": user}
	switch status {
	case "creator":
		m["is_anonymous"] = false
	case "administrator":
		for _, k := range []string{"can_be_edited", "is_anonymous", "can_promote_members"} {
			m[k] = false
		}
		for _, k := range []string{
			"can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
			"can_change_info", "can_invite_users", "can_pin_messages", "can_post_stories",
			"can_edit_stories", "can_delete_stories",
		} {
			m[k] = true
		}
	case "restricted":
		m["is_member"], m["until_date"] = true, 0
		for _, k := range []string{
			"can_send_messages", "can_send_audios", "can_send_documents", "can_send_photos",
			"can_send_videos", "can_send_video_notes", "can_send_voice_notes", "can_send_polls",
			"can_send_other_messages", "can_add_web_page_previews", "can_change_info",
			"can_invite_users", "can_pin_messages",
		} {
			m[k] = false
		}
	case "kicked":
		m["until_date"] = 0
	}
	return m, nil
}

// getChat answers a minimal ChatFullInfo.
func (s *Server) getChat(_ *http.Request, p params) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	chatID, e := s.chatIDLocked(p)
	if e != nil {
		return nil, e
	}
	c := s.chatLocked(chatID).chat
	return struct {
		models.Chat
		AccentColorID    int `json:"accent_color_id"`
		MaxReactionCount int `json:"max_reaction_count"`
	}{c, 0, 11}, nil
}

// leaveChat makes the bot leave a group; sending there then answers 403.
func (s *Server) leaveChat(_ *http.Request, p params) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	chatID, e := s.chatIDLocked(p)
	if e != nil {
		return nil, e
	}
	c := s.chatLocked(chatID)
	if c.chat.Type == models.ChatTypePrivate {
		return nil, badRequest("chat member status can't be changed in private chats")
	}
	if e := s.blockedLocked(c); e != nil {
		return nil, e
	}
	s.members[[2]int64{chatID, s.bot.ID}] = "left"
	s.notify()
	return true, nil
}

// jsonString is a JSON string's value, "" for anything else.
func jsonString(raw json.RawMessage) string {
	var v string
	if json.Unmarshal(raw, &v) != nil {
		return ""
	}
	return v
}

// AddChat makes a chat known to the server, as one the bot can see: a
// channel a test subscribes by its @username, say.
func (s *Server) AddChat(chat models.Chat) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.registerChatLocked(chat)
}
