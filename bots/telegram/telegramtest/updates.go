package telegramtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"
)

// pushedUpdate is an update as it goes over the wire.
type pushedUpdate struct {
	raw  json.RawMessage
	kind string // the update's field: "message", "callback_query"...
}

// queuedUpdate is an update waiting for getUpdates to confirm it.
type queuedUpdate struct {
	id int64
	pushedUpdate
	again bool // queued by PushAgain: kept until delivered, whatever the offset
	sent  bool // returned by getUpdates at least once
}

// webhook is what setWebhook registered.
type webhook struct {
	url     string
	secret  string
	maxConn int
}

// wireMessage is a Message as Telegram sends it.
type wireMessage struct {
	MessageID      int                    `json:"message_id"`
	From           *models.User           `json:"from,omitempty"`
	SenderChat     *models.Chat           `json:"sender_chat,omitempty"`
	Chat           models.Chat            `json:"chat"`
	Date           int64                  `json:"date"`
	EditDate       int64                  `json:"edit_date,omitempty"`
	ReplyToMessage *wireMessage           `json:"reply_to_message,omitempty"`
	Text           string                 `json:"text,omitempty"`
	Entities       []models.MessageEntity `json:"entities,omitempty"`
	ReplyMarkup    json.RawMessage        `json:"reply_markup,omitempty"`
}

type wireCallbackQuery struct {
	ID           string       `json:"id"`
	From         models.User  `json:"from"`
	Message      *wireMessage `json:"message"`
	ChatInstance string       `json:"chat_instance"`
	Data         string       `json:"data"`
}

type wireInlineQuery struct {
	ID     string      `json:"id"`
	From   models.User `json:"from"`
	Query  string      `json:"query"`
	Offset string      `json:"offset"`
}

type wireUpdate struct {
	UpdateID      int64              `json:"update_id"`
	Message       *wireMessage       `json:"message,omitempty"`
	InlineQuery   *wireInlineQuery   `json:"inline_query,omitempty"`
	CallbackQuery *wireCallbackQuery `json:"callback_query,omitempty"`
}

// Push queues an update for getUpdates and returns its update_id, the
// next one when u.ID is 0. The chats, users, messages and query ids in it
// become known to the server: the bot may reply to the message, answer
// the query, look the chat up.
func (s *Server) Push(u models.Update) int64 {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if u.ID == 0 {
		s.lastUpdateID++
		u.ID = s.lastUpdateID
	}
	s.lastUpdateID = max(s.lastUpdateID, u.ID)
	raw, err := json.Marshal(&u)
	if err != nil {
		s.t.Fatalf("telegramtest: Push: %v", err)
	}
	s.pushLocked(u.ID, raw)
	return u.ID
}

// PushAgain queues an update pushed before once more, with the same
// update_id, as Telegram does when it is not sure the bot got it. It is
// delivered even if the bot's offset already confirmed it.
func (s *Server) PushAgain(id int64) {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.pushed[id]
	if !ok {
		s.t.Fatalf("telegramtest: PushAgain: no update %d was pushed", id)
	}
	s.queue = append(s.queue, queuedUpdate{id: id, pushedUpdate: u, again: true})
	s.notify()
}

// Update returns a pushed update as the bot receives it, to learn the
// ids the server assigned (inline and callback query ids, message ids).
func (s *Server) Update(id int64) models.Update {
	s.t.Helper()
	s.mu.Lock()
	u, ok := s.pushed[id]
	s.mu.Unlock()
	if !ok {
		s.t.Fatalf("telegramtest: Update: no update %d was pushed", id)
	}
	var out models.Update
	if err := json.Unmarshal(u.raw, &out); err != nil {
		s.t.Fatalf("telegramtest: Update %d: %v", id, err)
	}
	return out
}

// SendText queues a message update: from writes text in chat. Message ids
// count from 1 in each chat, shared by the user's and the bot's
// messages. A text starting with "/" gets a bot_command entity for its
// first word, and each @username in it a mention entity, as Telegram
// adds them.
func (s *Server) SendText(chat models.Chat, from models.User, text string) int64 {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.registerChatLocked(chat)
	m := wireMessage{
		MessageID: c.nextID, From: &from, Chat: c.chat, Date: time.Now().Unix(),
		Text: text, Entities: textEntities(text),
	}
	return s.pushWireLocked(wireUpdate{Message: &m})
}

// AnonymousAdminID is the user GroupAnonymousBot, which Telegram names as
// the sender of what a group's anonymous admin writes.
const AnonymousAdminID = 1087968824

// SendAsGroup queues a message update written by an anonymous admin of
// the group chat: from GroupAnonymousBot, with the group as sender_chat.
func (s *Server) SendAsGroup(chat models.Chat, text string) int64 {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.registerChatLocked(chat)
	from := models.User{ID: AnonymousAdminID, IsBot: true, FirstName: "Group", Username: "GroupAnonymousBot"}
	sender := c.chat
	m := wireMessage{
		MessageID: c.nextID, From: &from, SenderChat: &sender, Chat: c.chat, Date: time.Now().Unix(),
		Text: text, Entities: textEntities(text),
	}
	return s.pushWireLocked(wireUpdate{Message: &m})
}

// Reply queues a message update in which from replies to the bot's
// message replyTo, which goes along as reply_to_message. It fails the
// test if the bot sent no such message to chat.
func (s *Server) Reply(chat models.Chat, from models.User, text string, replyTo int) int64 {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.registerChatLocked(chat)
	orig := c.msgs[replyTo]
	if orig == nil || !orig.fromBot {
		s.t.Fatalf("telegramtest: Reply: the bot sent no message %d to chat %d", replyTo, chat.ID)
	}
	m := wireMessage{
		MessageID: c.nextID, From: &from, Chat: c.chat, Date: time.Now().Unix(),
		ReplyToMessage: s.wireLocked(c, orig, false), Text: text, Entities: textEntities(text),
	}
	return s.pushWireLocked(wireUpdate{Message: &m})
}

// Callback queues a callback_query update: from pressed a button with
// callback data on the bot's message messageID. The query's id is new;
// Update(id).CallbackQuery.ID tells it. It fails the test if the bot
// sent no such message to chat.
func (s *Server) Callback(chat models.Chat, from models.User, messageID int, data string) int64 {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.registerChatLocked(chat)
	orig := c.msgs[messageID]
	if orig == nil || !orig.fromBot {
		s.t.Fatalf("telegramtest: Callback: the bot sent no message %d to chat %d", messageID, chat.ID)
	}
	s.queryIDs++
	q := wireCallbackQuery{
		ID: strconv.Itoa(s.queryIDs), From: from, Message: s.wireLocked(c, orig, false),
		ChatInstance: strconv.FormatInt(c.chat.ID^0x5DEECE66D, 10), Data: data,
	}
	return s.pushWireLocked(wireUpdate{CallbackQuery: &q})
}

// InlineQuery queues an inline_query update: from typed "@bot query" in
// some chat. The query's id is new; Update(id).InlineQuery.ID tells it.
func (s *Server) InlineQuery(from models.User, query string) int64 {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queryIDs++
	q := wireInlineQuery{ID: strconv.Itoa(s.queryIDs), From: from, Query: query}
	return s.pushWireLocked(wireUpdate{InlineQuery: &q})
}

// pushWireLocked assigns u the next update_id and queues it.
func (s *Server) pushWireLocked(u wireUpdate) int64 {
	s.lastUpdateID++
	u.UpdateID = s.lastUpdateID
	raw, err := json.Marshal(u)
	if err != nil {
		s.t.Fatalf("telegramtest: %v", err)
	}
	s.pushLocked(u.UpdateID, raw)
	return u.UpdateID
}

// pushLocked queues an update and learns what is in it.
func (s *Server) pushLocked(id int64, raw json.RawMessage) {
	var fields map[string]json.RawMessage
	_ = json.Unmarshal(raw, &fields)
	u := pushedUpdate{raw: raw}
	for k, v := range fields {
		if k != "update_id" && string(v) != "null" {
			u.kind = k
		}
	}
	s.pushed[id] = u
	s.queue = append(s.queue, queuedUpdate{id: id, pushedUpdate: u})

	type probeMessage struct {
		MessageID int          `json:"message_id"`
		From      *models.User `json:"from"`
		Chat      *models.Chat `json:"chat"`
		Date      int64        `json:"date"`
		Text      string       `json:"text"`
	}
	var probe struct {
		Message       *probeMessage `json:"message"`
		EditedMessage *probeMessage `json:"edited_message"`
		ChannelPost   *probeMessage `json:"channel_post"`
		CallbackQuery *struct {
			ID   string      `json:"id"`
			From models.User `json:"from"`
		} `json:"callback_query"`
		InlineQuery *struct {
			ID   string      `json:"id"`
			From models.User `json:"from"`
		} `json:"inline_query"`
	}
	_ = json.Unmarshal(raw, &probe)
	for _, m := range []*probeMessage{probe.Message, probe.EditedMessage, probe.ChannelPost} {
		if m == nil || m.Chat == nil {
			continue
		}
		c := s.registerChatLocked(*m.Chat)
		stored := &storedMessage{id: m.MessageID, date: m.Date, text: m.Text, raw: m.Text}
		if m.From != nil {
			s.users[m.From.ID] = *m.From
			stored.from = *m.From
		}
		if c.msgs[m.MessageID] == nil || !c.msgs[m.MessageID].fromBot {
			c.msgs[m.MessageID] = stored
		}
		c.nextID = max(c.nextID, m.MessageID+1)
	}
	if q := probe.CallbackQuery; q != nil {
		s.callbacks[q.ID] = true
		s.users[q.From.ID] = q.From
	}
	if q := probe.InlineQuery; q != nil {
		s.inline[q.ID] = true
		s.users[q.From.ID] = q.From
	}
	s.notify()
}

// textEntities are the entities Telegram finds in a user's text: the
// leading /command and the @mentions.
func textEntities(text string) []models.MessageEntity {
	var ents []models.MessageEntity
	skip := 0
	if strings.HasPrefix(text, "/") {
		cmd, _, _ := strings.Cut(text, " ")
		cmd, _, _ = strings.Cut(cmd, "\n")
		ents = append(ents, models.MessageEntity{Type: models.MessageEntityTypeBotCommand, Length: utf16Len(cmd)})
		skip = len(cmd)
	}
	isWord := func(c byte) bool { return isAlnum(c) || c == '_' }
	for i := skip; i < len(text); i++ {
		if text[i] != '@' || (i > 0 && isWord(text[i-1])) {
			continue
		}
		j := i + 1
		for j < len(text) && isWord(text[j]) {
			j++
		}
		if n := j - i - 1; n >= 5 && n <= 32 {
			ents = append(ents, models.MessageEntity{
				Type: models.MessageEntityTypeMention, Offset: utf16Len(text[:i]), Length: j - i,
			})
		}
		i = j - 1
	}
	return ents
}

// getUpdates answers long polling: it drops the updates the offset
// confirms, then answers at once with what is queued or holds the request
// until an update comes, the timeout passes or the client goes away.
func (s *Server) getUpdates(r *http.Request, p params) (any, *apiError) {
	offset, _, e := p.int64Param("offset")
	if e != nil {
		return nil, e
	}
	limit := 100
	if n, ok, e := p.int64Param("limit"); e != nil {
		return nil, e
	} else if ok && n >= 1 && n < 100 {
		limit = int(n)
	}
	timeout, _, e := p.int64Param("timeout")
	if e != nil {
		return nil, e
	}
	var allowed []string
	if v := p["allowed_updates"]; v != "" {
		if err := json.Unmarshal([]byte(v), &allowed); err != nil {
			return nil, badRequest("can't parse allowed updates JSON object")
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.webhook.url != "" {
		return nil, conflictWebhook()
	}
	if _, ok := p["allowed_updates"]; ok {
		s.allowed = allowed
	}
	s.pollGen++
	gen := s.pollGen
	if i, ok := r.Context().Value(callKey{}).(int); ok {
		s.calls[i].polling = true // WaitCalls counts it from now on
	}
	s.notify() // ends an older request still held
	s.confirmLocked(offset)

	var expired <-chan time.Time
	if timeout > 0 {
		timer := time.NewTimer(time.Duration(timeout) * time.Second)
		defer timer.Stop()
		expired = timer.C
	}
	for {
		switch {
		case s.pollGen != gen:
			return nil, &apiError{code: http.StatusConflict, desc: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}
		case s.webhook.url != "":
			return nil, conflictWebhook()
		}
		batch := s.takeLocked(limit)
		if len(batch) > 0 || timeout <= 0 || s.closed {
			return batch, nil
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-expired:
			timeout = 0 // one last look, then answer
		case <-r.Context().Done():
			s.mu.Lock()
			return nil, &apiError{code: http.StatusBadRequest, desc: "Bad Request: request canceled"}
		}
		s.mu.Lock()
	}
}

func conflictWebhook() *apiError {
	return &apiError{code: http.StatusConflict, desc: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}
}

// confirmLocked forgets the updates an offset confirms: those below a
// positive offset, all but the last -offset ones for a negative one.
func (s *Server) confirmLocked(offset int64) {
	switch {
	case offset < 0:
		if n := int(-offset); len(s.queue) > n {
			s.queue = slices.Clone(s.queue[len(s.queue)-n:])
		}
	case offset > 0:
		s.queue = slices.DeleteFunc(s.queue, func(u queuedUpdate) bool {
			return u.id < offset && (!u.again || u.sent)
		})
	}
}

// takeLocked returns up to limit queued updates of the allowed kinds,
// dropping the others as Telegram does.
func (s *Server) takeLocked(limit int) []json.RawMessage {
	batch := []json.RawMessage{}
	kept := s.queue[:0]
	for _, u := range s.queue {
		if !s.allowedLocked(u.kind) {
			continue
		}
		if len(batch) < limit {
			batch = append(batch, u.raw)
			u.sent = true
		}
		kept = append(kept, u)
	}
	s.queue = kept
	return batch
}

// allowedLocked tells whether updates of a kind are delivered: those in
// allowed_updates, or all but chat_member, message_reaction and
// message_reaction_count when it is unset or empty.
func (s *Server) allowedLocked(kind string) bool {
	if len(s.allowed) == 0 {
		return kind != "chat_member" && kind != "message_reaction" && kind != "message_reaction_count"
	}
	return slices.Contains(s.allowed, kind)
}

// setWebhook registers a webhook; getUpdates then answers 409. Unlike
// Telegram it accepts http URLs and any host and port, so a test can
// register its httptest server.
func (s *Server) setWebhook(_ *http.Request, p params) (any, *apiError) {
	raw := p["url"]
	if raw == "" {
		return s.deleteWebhook(nil, p)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, badRequest("bad webhook: An HTTPS URL must be provided for webhook")
	}
	secret, hasSecret := p["secret_token"]
	if hasSecret && !validSecret(secret) {
		return nil, badRequest("bad webhook: secret token contains unallowed characters")
	}
	maxConn := 40
	if n, ok, e := p.int64Param("max_connections"); e != nil {
		return nil, e
	} else if ok && n >= 1 && n <= 100 {
		maxConn = int(n)
	}
	var allowed []string
	if v := p["allowed_updates"]; v != "" {
		if err := json.Unmarshal([]byte(v), &allowed); err != nil {
			return nil, badRequest("can't parse allowed updates JSON object")
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	desc := "Webhook was set"
	if s.webhook.url == raw {
		desc = "Webhook is already set"
	}
	s.webhook = webhook{url: raw, secret: secret, maxConn: maxConn}
	if _, ok := p["allowed_updates"]; ok {
		s.allowed = allowed
	}
	if p.boolParam("drop_pending_updates") {
		s.queue = nil
	}
	s.notify()
	return described{true, desc}, nil
}

// validSecret checks a webhook secret token: 1–256 of A-Z a-z 0-9 _ -.
func validSecret(v string) bool {
	if len(v) < 1 || len(v) > 256 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if !isAlnum(v[i]) && v[i] != '_' && v[i] != '-' {
			return false
		}
	}
	return true
}

func (s *Server) deleteWebhook(_ *http.Request, p params) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	desc := "Webhook was deleted"
	if s.webhook.url == "" {
		desc = "Webhook is already deleted"
	}
	s.webhook = webhook{}
	if p.boolParam("drop_pending_updates") {
		s.queue = nil
	}
	s.notify()
	return described{true, desc}, nil
}

func (s *Server) getWebhookInfo(_ *http.Request, _ params) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	info := models.WebhookInfo{URL: s.webhook.url, PendingUpdateCount: len(s.queue)}
	if s.webhook.url != "" {
		info.MaxConnections = s.webhook.maxConn
		info.IPAddress = "127.0.0.1"
		info.AllowedUpdates = s.allowed
	}
	return info, nil
}
