// Package telegramtest is a fake Telegram Bot API server for end-to-end
// tests of isabot's Telegram adapter. It listens on 127.0.0.1 and speaks
// the Bot API's wire protocol (https://core.telegram.org/bots/api), so
// the real github.com/go-telegram/bot client can be pointed at it with
// bot.WithServerURL(s.URL()).
//
// A test queues updates (Push, SendText, Reply, Callback, InlineQuery),
// which the bot fetches with getUpdates, and then looks at what the bot
// did (Calls, WaitCalls, Messages). Faults (FailNext, RateLimitNext,
// MigrateNext) make the next matching call fail the way Telegram does;
// EnforceLimits makes it refuse messages beyond Telegram's rate limits.
//
// The server checks what the Bot API specification says for the methods
// it implements — getMe, getUpdates, sendMessage, editMessageText,
// sendChatAction, answerInlineQuery, answerCallbackQuery, setMyCommands,
// getMyCommands, setWebhook, deleteWebhook, getWebhookInfo,
// getChatMember, getChat and leaveChat: exactly one of an inline button's
// optional fields, callback_data of 1–64 bytes, a copy_text of 1–256
// characters, message texts of 1–4096 characters after entity parsing,
// captions of up to 1024, valid HTML, at most 50 inline results with ids
// of up to 64 bytes, callback answers of up to 200 characters that open
// only the bot's own chat. It refuses a request with the error Telegram
// gives, in Telegram's shape (HTTP 400, {"ok":false,"error_code":400,
// "description":"Bad Request: ..."}); the descriptions of rarer errors
// (LANG_CODE_INVALID, NEXT_OFFSET_INVALID, a bad webhook secret, a button
// without text) are best guesses, and where the real server lets a
// breach of the specification pass (a button with two fields, a stray
// '&' in HTML) the fake refuses it with a description of its own. Any
// other method is answered 404 "Not Found" (and still recorded). A wrong
// token is answered 401 "Unauthorized", one that is no token at all
// (not digits, a colon and more) 404 "Not Found", as Telegram does,
// and recorded; SetToken changes the token the server accepts. It is lenient where a
// test needs it to be: any numeric chat_id is a chat the bot may write
// to, and setWebhook accepts http URLs on any host and port.
package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
)

// Server is a running fake Bot API server. Its methods are safe for
// concurrent use.
type Server struct {
	t       testing.TB
	srv     *httptest.Server
	waitFor time.Duration // how long WaitCalls waits
	now     func() time.Time

	mu      sync.Mutex
	token   string        // the token accepted
	changed chan struct{} // closed and replaced on every change
	closed  bool
	bot     Bot

	// updates
	lastUpdateID int64
	pushed       map[int64]pushedUpdate
	queue        []queuedUpdate
	allowed      []string // allowed_updates of the last getUpdates that set them
	pollGen      int      // counts getUpdates requests, to end older ones
	queryIDs     int      // last inline and callback query id
	inline       map[string]bool
	callbacks    map[string]bool

	// what the bot did
	calls    []Call
	faults   []fault
	chats    map[int64]*chatState
	users    map[int64]models.User
	members  map[[2]int64]string
	commands map[string][]models.BotCommand
	webhook  webhook
	limits   *limiter                 // nil until EnforceLimits
	latency  map[string]time.Duration // by lower-case method
}

// Bot is who the bot is: what getMe answers and the sender of the bot's
// messages. The fields are the Bot API's User fields for a bot.
type Bot struct {
	ID                      int64  `json:"id"`
	IsBot                   bool   `json:"is_bot"`
	FirstName               string `json:"first_name"`
	Username                string `json:"username"`
	CanJoinGroups           bool   `json:"can_join_groups"`
	CanReadAllGroupMessages bool   `json:"can_read_all_group_messages"`
	SupportsInlineQueries   bool   `json:"supports_inline_queries"`
	CanConnectToBusiness    bool   `json:"can_connect_to_business"`
	HasMainWebApp           bool   `json:"has_main_web_app"`
}

// User is the bot as the sender of a message.
func (b Bot) User() models.User {
	return models.User{ID: b.ID, IsBot: true, FirstName: b.FirstName, Username: b.Username}
}

// Call is one request the bot made.
type Call struct {
	// Method is the method's name as the Bot API spells it ("sendMessage"),
	// or as requested when the method is unknown.
	Method string
	// Params holds the parameters as strings, whether they came as form
	// fields or JSON; JSON-valued ones (reply_markup, results, commands,
	// scope) are kept as their JSON text.
	Params map[string]string
	// At is when the request arrived.
	At time.Time
	// Status is the error_code answered (200 when ok; 0 while a
	// getUpdates request is still held).
	Status int

	handled bool // what it does is done, whether or not it was answered
	// polling marks a getUpdates request that has ended any older one
	// and may now be held: a newer one ends it.
	polling bool
}

// Message is a message the bot sent, as it stands after its latest edit.
type Message struct {
	ChatID    int64 // the chat it was sent to
	MessageID int   // its id in that chat
	// Text is the text as the bot sent it, markup and all.
	Text string
	// Plain is the text as the user sees it: entities parsed, whitespace
	// at both ends trimmed.
	Plain     string
	ParseMode string // as sent: "HTML", "MarkdownV2", ""...
	// ReplyMarkup is the inline keyboard as Telegram returns it in
	// Message.reply_markup (JSON, each button with its text and the one
	// field in effect), or another markup's JSON as sent; "" when none.
	ReplyMarkup string
	// ReplyTo is the id of the message this one replies to, or 0.
	ReplyTo int
	// Edited tells whether editMessageText changed the message.
	Edited bool
}

// NewServer starts a fake Bot API server for the bot with the given
// token; t's cleanup ends any held getUpdates request and closes it. The
// bot's id is the token's number before ':' when it has one, else 1000;
// its username is "isa_test_bot".
func NewServer(t testing.TB, token string) *Server {
	t.Helper()
	id := int64(1000)
	if n, err := strconv.ParseInt(strings.SplitN(token, ":", 2)[0], 10, 64); err == nil && n > 0 {
		id = n
	}
	s := &Server{
		t:       t,
		token:   token,
		waitFor: 5 * time.Second,
		now:     time.Now,
		changed: make(chan struct{}),
		bot: Bot{
			ID: id, IsBot: true, FirstName: "ISA Bot", Username: "isa_test_bot",
			CanJoinGroups: true, SupportsInlineQueries: true,
		},
		pushed:    map[int64]pushedUpdate{},
		inline:    map[string]bool{},
		callbacks: map[string]bool{},
		chats:     map[int64]*chatState{},
		users:     map[int64]models.User{},
		members:   map[[2]int64]string{},
		commands:  map[string][]models.BotCommand{},
		latency:   map[string]time.Duration{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	t.Cleanup(func() {
		s.mu.Lock()
		s.closed = true
		s.notify()
		s.mu.Unlock()
		s.srv.Close()
	})
	return s
}

// URL is the server's base URL, "http://127.0.0.1:port", for
// bot.WithServerURL or TELEGRAM_API_URL.
func (s *Server) URL() string { return s.srv.URL }

// SetToken changes the token the server accepts: a bot's token revoked
// (its requests then get 401) or, back again, a bot that may work again.
func (s *Server) SetToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.token = token
}

// tokenShape is what a bot token looks like: the bot's id, a colon and a
// secret. Telegram answers a request with anything else 404.
var tokenShape = regexp.MustCompile(`^[0-9]+:[A-Za-z0-9_-]+$`)

// SetBotInfo changes the bot's username.
func (s *Server) SetBotInfo(username string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bot.Username = username
}

// Bot is who the bot is.
func (s *Server) Bot() Bot {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bot
}

// Calls returns the calls made to method so far, all calls when method is
// "". Method names are matched case-insensitively, as Telegram does.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.callsLocked(method)
}

func (s *Server) callsLocked(method string) []Call {
	var out []Call
	for _, c := range s.calls {
		if method == "" || strings.EqualFold(c.Method, method) {
			c.Params = maps.Clone(c.Params)
			out = append(out, c)
		}
	}
	return out
}

// WaitCalls waits up to five seconds until at least n calls to method
// ("" = any) were made and returns them all; otherwise it fails the test
// with the calls it saw. A call counts once handled, so that what it did
// (a message sent, say) is there to be seen; a getUpdates request counts
// while it is held.
func (s *Server) WaitCalls(t testing.TB, method string, n int) []Call {
	t.Helper()
	timer := time.NewTimer(s.waitFor)
	defer timer.Stop()
	for {
		s.mu.Lock()
		calls, ch := s.callsLocked(method), s.changed
		s.mu.Unlock()
		done := 0
		for _, c := range calls {
			if c.handled || c.polling {
				done++
			}
		}
		if done >= n {
			return calls
		}
		select {
		case <-ch:
		case <-timer.C:
			var seen strings.Builder
			for _, c := range s.Calls("") {
				fmt.Fprintf(&seen, "\n\t%s %d %v", c.Method, c.Status, c.Params)
			}
			t.Fatalf("telegramtest: waited %v for %d calls to %q, got %d; all calls:%s", s.waitFor, n, method, len(calls), seen.String())
			return nil
		}
	}
}

// Messages returns the messages the bot sent to a chat, in order, each
// as it stands after its latest edit.
func (s *Server) Messages(chatID int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chats[chatID]
	if c == nil {
		return nil
	}
	var out []Message
	for _, id := range c.sent {
		m := c.msgs[id]
		out = append(out, Message{
			ChatID: chatID, MessageID: m.id, Text: m.raw, Plain: m.text, ParseMode: m.parseMode,
			ReplyMarkup: m.markup, ReplyTo: m.replyTo, Edited: m.edited,
		})
	}
	return out
}

// Commands returns the commands setMyCommands stored for a scope (nil
// for the default scope) and language ("" for all languages), as
// getMyCommands would answer.
func (s *Server) Commands(scope models.BotCommandScope, lang string) []models.BotCommand {
	key := "default"
	if scope != nil {
		b, err := scope.MarshalCustom()
		if err != nil {
			s.t.Fatalf("telegramtest: Commands: %v", err)
		}
		var e *apiError
		if key, e = scopeKey(string(b)); e != nil {
			s.t.Fatalf("telegramtest: Commands: %s", e.desc)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.commands[key+"|"+lang])
}

// SetChatMember sets what getChatMember answers for a user in a chat:
// "creator", "administrator", "member", "restricted", "left" or "kicked";
// anything else, like a user never set, is "member". Setting the bot
// itself to "left" or "kicked" makes sending to the chat fail with 403,
// as does leaveChat.
func (s *Server) SetChatMember(chatID, userID int64, status string) {
	switch status {
	case "creator", "administrator", "member", "restricted", "left", "kicked":
	default:
		status = "member"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.members[[2]int64{chatID, userID}] = status
	s.notify()
}

// Webhook returns the URL and secret token setWebhook registered, "" when
// no webhook is set. A test posts updates to that URL itself, with the
// secret in the X-Telegram-Bot-Api-Secret-Token header.
func (s *Server) Webhook() (url, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhook.url, s.webhook.secret
}

// fault is an error queued for the next matching call.
type fault struct {
	method string // lower-case; "" for any method with chat_id == chatID
	chatID int64
	err    apiError
}

// FailNext makes the next call to method fail with status and
// description, for example 400 "Bad Request: chat not found", 403
// "Forbidden: bot was blocked by the user" or 500 "Internal Server
// Error". Faults are used in the order they were queued.
func (s *Server) FailNext(method string, status int, description string) {
	s.addFault(fault{method: strings.ToLower(method), err: apiError{code: status, desc: description}})
}

// FailChatNext makes the next call with chat_id chatID, whatever its
// method, fail with status and description.
func (s *Server) FailChatNext(chatID int64, status int, description string) {
	s.addFault(fault{chatID: chatID, err: apiError{code: status, desc: description}})
}

// RateLimitNext makes the next call to method fail with 429 "Too Many
// Requests: retry after N" and parameters.retry_after N.
func (s *Server) RateLimitNext(method string, retryAfter int) {
	s.addFault(fault{method: strings.ToLower(method), err: apiError{
		code: http.StatusTooManyRequests, desc: fmt.Sprintf("Too Many Requests: retry after %d", retryAfter), retryAfter: retryAfter,
	}})
}

// MigrateNext makes the next call with chat_id chatID (sendMessage,
// editMessageText, getChat...) fail with 400 "Bad Request: group chat
// was upgraded to a supergroup chat" and parameters.migrate_to_chat_id
// newChatID.
func (s *Server) MigrateNext(chatID int64, newChatID int64) {
	s.addFault(fault{chatID: chatID, err: apiError{
		code: http.StatusBadRequest, desc: "Bad Request: group chat was upgraded to a supergroup chat", migrateTo: newChatID,
	}})
}

func (s *Server) addFault(f fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
}

// takeFault removes and returns the first fault matching a call.
func (s *Server) takeFault(method string, p params) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		match := f.method == strings.ToLower(method)
		if f.method == "" {
			match = p["chat_id"] == strconv.FormatInt(f.chatID, 10)
		}
		if match {
			s.faults = slices.Delete(s.faults, i, i+1)
			return &f.err
		}
	}
	return nil
}

// callKey keys the index in s.calls of the call a request is, in its
// context.
type callKey struct{}

// notify wakes everyone waiting for a change; s.mu is held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// apiError is an unsuccessful answer.
type apiError struct {
	code       int
	desc       string
	retryAfter int
	migrateTo  int64
}

func badRequest(format string, args ...any) *apiError {
	return &apiError{code: http.StatusBadRequest, desc: "Bad Request: " + fmt.Sprintf(format, args...)}
}

func forbidden(desc string) *apiError {
	return &apiError{code: http.StatusForbidden, desc: "Forbidden: " + desc}
}

// params are a request's parameters, as strings.
type params map[string]string

// handler answers one method; result is encoded as the answer's result.
type handler func(s *Server, r *http.Request, p params) (result any, err *apiError)

// methods maps the lower-case method names to their canonical name and
// handler; the Bot API's method names are case-insensitive.
var methods = map[string]struct {
	name string
	h    handler
}{}

func init() {
	for name, h := range map[string]handler{
		"getMe":               (*Server).getMe,
		"getUpdates":          (*Server).getUpdates,
		"sendMessage":         (*Server).sendMessage,
		"editMessageText":     (*Server).editMessageText,
		"sendChatAction":      (*Server).sendChatAction,
		"answerInlineQuery":   (*Server).answerInlineQuery,
		"answerCallbackQuery": (*Server).answerCallbackQuery,
		"setMyCommands":       (*Server).setMyCommands,
		"getMyCommands":       (*Server).getMyCommands,
		"setWebhook":          (*Server).setWebhook,
		"deleteWebhook":       (*Server).deleteWebhook,
		"getWebhookInfo":      (*Server).getWebhookInfo,
		"getChatMember":       (*Server).getChatMember,
		"getChat":             (*Server).getChat,
		"leaveChat":           (*Server).leaveChat,
	} {
		methods[strings.ToLower(name)] = struct {
			name string
			h    handler
		}{name, h}
	}
}

// SetLatency makes the server take d to answer each call to method, as
// Telegram takes a while: the call is recorded, and handled, when it
// arrives, and answered d later.
func (s *Server) SetLatency(method string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency[strings.ToLower(method)] = d
}

// arrivalKey keys the time a request arrived in its context.
type arrivalKey struct{}

// arrival is when r arrived.
func arrival(r *http.Request) time.Time {
	at, _ := r.Context().Value(arrivalKey{}).(time.Time)
	return at
}

// serveHTTP answers POST (or GET) /bot<token>/<method>.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	// Taken first: the time a call arrived is not the time it waited
	// for the server's lock.
	at := s.now()
	r = r.WithContext(context.WithValue(r.Context(), arrivalKey{}, at))
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	token, method, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 {
		writeAnswer(w, nil, &apiError{code: http.StatusNotFound, desc: "Not Found"})
		return
	}
	p, perr := readParams(r)
	m, known := methods[strings.ToLower(method)]
	name := method
	if known {
		name = m.name
	}

	s.mu.Lock()
	s.calls = append(s.calls, Call{Method: name, Params: p, At: at})
	callIndex := len(s.calls) - 1
	accepted := s.token
	latency := s.latency[strings.ToLower(name)]
	s.notify()
	s.mu.Unlock()

	var result any
	var err *apiError
	switch {
	case !tokenShape.MatchString(token):
		err = &apiError{code: http.StatusNotFound, desc: "Not Found"}
	case token != accepted:
		err = &apiError{code: http.StatusUnauthorized, desc: "Unauthorized"}
	case !known:
		err = &apiError{code: http.StatusNotFound, desc: "Not Found"}
	case perr != nil:
		err = perr
	default:
		if err = s.takeFault(name, p); err == nil {
			result, err = m.h(s, r.WithContext(context.WithValue(r.Context(), callKey{}, callIndex)), p)
		}
	}
	s.mu.Lock()
	s.calls[callIndex].handled = true
	s.notify()
	s.mu.Unlock()
	if latency > 0 {
		select {
		case <-time.After(latency):
		case <-r.Context().Done():
		}
	}

	s.mu.Lock()
	s.calls[callIndex].Status = http.StatusOK
	if err != nil {
		s.calls[callIndex].Status = err.code
	}
	s.notify()
	s.mu.Unlock()
	writeAnswer(w, result, err)
}

// answer is the Bot API's response envelope.
type answer struct {
	OK          bool          `json:"ok"`
	Result      any           `json:"result,omitempty"`
	ErrorCode   int           `json:"error_code,omitempty"`
	Description string        `json:"description,omitempty"`
	Parameters  *answerParams `json:"parameters,omitempty"`
}

type answerParams struct {
	RetryAfter      int   `json:"retry_after,omitempty"`
	MigrateToChatID int64 `json:"migrate_to_chat_id,omitempty"`
}

// described is a result that comes with a description, as setWebhook's.
type described struct {
	result      any
	description string
}

func writeAnswer(w http.ResponseWriter, result any, e *apiError) {
	a := answer{OK: e == nil, Result: result}
	status := http.StatusOK
	if d, ok := result.(described); ok {
		a.Result, a.Description = d.result, d.description
	}
	if e != nil {
		status = e.code
		a.ErrorCode, a.Description = e.code, e.desc
		if e.retryAfter != 0 || e.migrateTo != 0 {
			a.Parameters = &answerParams{RetryAfter: e.retryAfter, MigrateToChatID: e.migrateTo}
		}
	}
	body, err := json.Marshal(a)
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"ok":false,"error_code":500,"description":"Internal Server Error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// readParams reads the query string and a multipart/form-data,
// application/x-www-form-urlencoded or application/json body. A JSON
// string is kept as is, any other JSON value as its JSON text; null is
// no value. An uploaded file's parameter holds the file's name.
func readParams(r *http.Request) (params, *apiError) {
	p := params{}
	for k, v := range r.URL.Query() {
		p[k] = v[0]
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return p, badRequest("can't read request body")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return p, nil
	}
	mediaType, mp, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mediaType {
	case "multipart/form-data":
		mr := multipart.NewReader(bytes.NewReader(body), mp["boundary"])
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return p, badRequest("can't parse multipart/form-data request")
			}
			value, err := io.ReadAll(part)
			if err != nil {
				return p, badRequest("can't parse multipart/form-data request")
			}
			if part.FileName() != "" {
				p[part.FormName()] = part.FileName()
				continue
			}
			p[part.FormName()] = string(value)
		}
	case "application/x-www-form-urlencoded":
		values, err := url.ParseQuery(string(body))
		if err != nil {
			return p, badRequest("can't parse application/x-www-form-urlencoded request")
		}
		for k, v := range values {
			p[k] = v[0]
		}
	case "application/json":
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(body, &fields); err != nil {
			return p, badRequest("can't parse JSON encoded request")
		}
		for k, v := range fields {
			var str string
			switch {
			case string(v) == "null":
			case json.Unmarshal(v, &str) == nil:
				p[k] = str
			default:
				p[k] = string(v)
			}
		}
	}
	return p, nil
}

// int64Param parses an integer parameter; ok is false when it is absent.
func (p params) int64Param(name string) (n int64, ok bool, e *apiError) {
	v, ok := p[name]
	if !ok || v == "" {
		return 0, false, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil {
		return 0, true, badRequest("invalid %s specified", name)
	}
	return n, true, nil
}

// boolParam is a boolean parameter: true, 1 or "True".
func (p params) boolParam(name string) bool {
	b, _ := strconv.ParseBool(p[name])
	return b
}
