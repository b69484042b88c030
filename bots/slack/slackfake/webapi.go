package slackfake

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// reply is an answer to one request.
type reply struct {
	status     int
	retryAfter int            // sets Retry-After when > 0 or on a 429
	body       map[string]any // Slack's JSON; nil for text
	text       string         // a text answer (HTML for 5xx, webhooks' "ok")
	code       string         // the error recorded for a text answer
}

func ok(fields map[string]any) reply {
	body := map[string]any{"ok": true}
	for k, v := range fields {
		body[k] = v
	}
	return reply{status: http.StatusOK, body: body}
}

func fail(code string) reply {
	return reply{status: http.StatusOK, body: map[string]any{"ok": false, "error": code}}
}

// failBlocks is Slack's answer to blocks it refuses.
func failBlocks(code string, errs []string) reply {
	r := fail(code)
	messages := make([]string, len(errs))
	for i, e := range errs {
		messages[i] = "[ERROR] " + e
	}
	if code == "invalid_blocks" {
		r.body["errors"] = errs
	}
	r.body["response_metadata"] = map[string]any{"messages": messages}
	return r
}

func (r reply) errorCode() string {
	if r.body != nil {
		if ok, _ := r.body["ok"].(bool); !ok {
			code, _ := r.body["error"].(string)
			return code
		}
	}
	return r.code
}

func (r reply) write(w http.ResponseWriter) {
	if r.status == http.StatusTooManyRequests || r.retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(r.retryAfter))
	}
	if r.body != nil {
		data, err := json.Marshal(r.body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(r.status)
		_, _ = w.Write(data)
		return
	}
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(r.status)
	_, _ = io.WriteString(w, r.text)
}

// faultReply turns an injected fault into Slack's answer.
func faultReply(f fault) reply {
	switch f.kind {
	case faultRateLimit:
		r := fail("ratelimited")
		r.status, r.retryAfter = http.StatusTooManyRequests, f.retryAfter
		return r
	case faultStatus:
		return reply{
			status: f.status,
			text:   "<html><body><h1>" + http.StatusText(f.status) + "</h1></body></html>",
			code:   strconv.Itoa(f.status) + " " + http.StatusText(f.status),
		}
	default:
		return fail(f.err)
	}
}

// tokenKind is what a method wants: the bot token or the app-level one.
type tokenKind int

const (
	needsBot tokenKind = iota
	needsApp
)

type apiMethod struct {
	token  tokenKind
	handle func(s *Server, p map[string]string) reply
}

var methods = map[string]apiMethod{
	"auth.test":             {needsBot, (*Server).authTest},
	"chat.postMessage":      {needsBot, (*Server).postMessage},
	"chat.postEphemeral":    {needsBot, (*Server).postEphemeral},
	"chat.update":           {needsBot, (*Server).updateMessage},
	"chat.delete":           {needsBot, (*Server).deleteMessage},
	"views.publish":         {needsBot, (*Server).publishView},
	"views.open":            {needsBot, (*Server).openView},
	"conversations.info":    {needsBot, (*Server).conversationInfo},
	"conversations.join":    {needsBot, (*Server).joinConversation},
	"users.info":            {needsBot, (*Server).userInfo},
	"apps.connections.open": {needsApp, (*Server).openConnection},
}

var errInvalidJSON = errors.New("invalid_json")

// readParams reads a Web API request's fields and token the ways
// slack-go sends them: a form (token in a field or the header) or a
// JSON body (token in the header only, as Slack requires).
func readParams(r *http.Request) (map[string]string, string, error) {
	params := map[string]string{}
	token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	body, err := io.ReadAll(io.LimitReader(r.Body, 10<<20))
	if err != nil {
		return params, token, err
	}
	for k, v := range r.URL.Query() {
		params[k] = v[0]
	}
	ctype, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ctype == "application/json" {
		if strings.TrimSpace(string(body)) != "" {
			var fields map[string]json.RawMessage
			if err := json.Unmarshal(body, &fields); err != nil {
				return params, token, errInvalidJSON
			}
			for k, v := range fields {
				var s string
				if json.Unmarshal(v, &s) == nil {
					params[k] = s
				} else {
					params[k] = string(v)
				}
			}
		}
		delete(params, "token")
		return params, token, nil
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return params, token, errors.New("invalid_form_data")
	}
	for k, v := range form {
		params[k] = v[0]
	}
	if token == "" {
		token = params["token"]
	}
	delete(params, "token")
	return params, token, nil
}

func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	method := strings.TrimPrefix(r.URL.Path, "/api/")
	params, token, err := readParams(r)
	call := Call{Method: method, Params: params, Token: token, At: time.Now()}

	s.mu.Lock()
	res := s.dispatch(method, params, token, err)
	call.Status, call.Error = res.status, res.errorCode()
	s.calls = append(s.calls, call)
	s.notify()
	s.mu.Unlock()

	res.write(w)
}

// dispatch answers one Web API call. s.mu is held.
func (s *Server) dispatch(method string, params map[string]string, token string, readErr error) reply {
	m, known := methods[method]
	if !known {
		r := fail("unknown_method")
		r.body["req_method"] = method
		return r
	}
	if readErr != nil {
		if errors.Is(readErr, errInvalidJSON) {
			return fail("invalid_json")
		}
		return fail("invalid_form_data")
	}
	switch {
	case token == "":
		return fail("not_authed")
	case s.refused[token] != "":
		return fail(s.refused[token])
	case token == s.botToken && s.botToken != "":
		if m.token != needsBot {
			return fail("not_allowed_token_type")
		}
	case token == s.appToken && s.appToken != "":
		if m.token != needsApp {
			return fail("not_allowed_token_type")
		}
	default:
		return fail("invalid_auth")
	}
	if f, ok := s.takeFault(method); ok {
		return faultReply(f)
	}
	return m.handle(s, params)
}

func (s *Server) authTest(map[string]string) reply {
	return ok(map[string]any{
		"url":                   "https://" + TeamDomain + ".slack.com/",
		"team":                  TeamName,
		"user":                  BotName,
		"team_id":               TeamID,
		"user_id":               BotUserID,
		"bot_id":                BotID,
		"is_enterprise_install": false,
	})
}

// maxTextLen is the longest text Slack takes in a message.
const maxTextLen = 40000

// checkMessage validates a message's text and blocks as Slack does for
// a bot; it returns the blocks as JSON (nil without blocks).
func checkMessage(p map[string]string) (json.RawMessage, *reply) {
	var blocks json.RawMessage
	if raw, has := p["blocks"]; has && raw != "" {
		b, errs, err := checkBlocks(raw, maxMessageBlocks, "/blocks")
		if err != nil {
			r := fail("invalid_blocks_format")
			return nil, &r
		}
		if len(errs) > 0 {
			r := failBlocks("invalid_blocks", errs)
			return nil, &r
		}
		blocks = b
	}
	text := p["text"]
	if utf8.RuneCountInString(text) > maxTextLen {
		r := fail("msg_too_long")
		return nil, &r
	}
	if text == "" && !hasBlocks(blocks) && p["attachments"] == "" {
		r := fail("no_text")
		return nil, &r
	}
	if problem := checkMarkup(text); problem != "" {
		r := failBlocks("invalid_arguments", []string{problem + " [json-pointer:/text]"})
		return nil, &r
	}
	return blocks, nil
}

func hasBlocks(b json.RawMessage) bool {
	var list []json.RawMessage
	return json.Unmarshal(b, &list) == nil && len(list) > 0
}

// messageJSON is the message object Slack returns for a bot's post.
func messageJSON(m Message) map[string]any {
	out := map[string]any{
		"type":   "message",
		"user":   BotUserID,
		"bot_id": BotID,
		"app_id": AppID,
		"team":   TeamID,
		"text":   m.Text,
		"ts":     m.TS,
	}
	if m.ThreadTS != "" {
		out["thread_ts"] = m.ThreadTS
	}
	if len(m.Blocks) > 0 {
		out["blocks"] = m.Blocks
	}
	return out
}

func (s *Server) postMessage(p map[string]string) reply {
	channel := p["channel"]
	if channel == "" {
		return fail("channel_not_found")
	}
	if code := s.postable(channel); code != "" {
		return fail(code)
	}
	blocks, bad := checkMessage(p)
	if bad != nil {
		return *bad
	}
	m := Message{Channel: channel, TS: s.nextTS(), ThreadTS: p["thread_ts"], Text: p["text"], Blocks: blocks}
	s.messages = append(s.messages, m)
	return ok(map[string]any{"channel": channel, "ts": m.TS, "message": messageJSON(m)})
}

func (s *Server) postEphemeral(p map[string]string) reply {
	channel := p["channel"]
	if channel == "" {
		return fail("channel_not_found")
	}
	if p["user"] == "" {
		return fail("user_not_found")
	}
	if code := s.postable(channel); code != "" {
		return fail(code)
	}
	blocks, bad := checkMessage(p)
	if bad != nil {
		return *bad
	}
	m := Message{Channel: channel, TS: s.nextTS(), ThreadTS: p["thread_ts"], User: p["user"], Text: p["text"], Blocks: blocks, Ephemeral: true}
	s.messages = append(s.messages, m)
	return ok(map[string]any{"message_ts": m.TS})
}

// findMessage finds a posted (not ephemeral) message. s.mu is held.
func (s *Server) findMessage(channel, ts string) int {
	for i, m := range s.messages {
		if m.Channel == channel && m.TS == ts && !m.Ephemeral {
			return i
		}
	}
	return -1
}

// updateMessage is chat.update: a bot may edit its own messages, not in
// an archived channel, with the same checks of text and blocks as a
// post (https://docs.slack.dev/reference/methods/chat.update). A message
// past the workspace's edit window answers edit_window_closed, which a
// test injects with FailNext.
func (s *Server) updateMessage(p map[string]string) reply {
	channel, ts := p["channel"], p["ts"]
	if channel == "" {
		return fail("channel_not_found")
	}
	if s.channelLocked(channel).Archived {
		return fail("is_archived")
	}
	i := s.findMessage(channel, ts)
	if i < 0 {
		return fail("message_not_found")
	}
	blocks, bad := checkMessage(p)
	if bad != nil {
		return *bad
	}
	m := &s.messages[i]
	m.Text = p["text"]
	if _, has := p["blocks"]; has {
		m.Blocks = blocks
	}
	return ok(map[string]any{"channel": channel, "ts": ts, "text": m.Text, "message": messageJSON(*m)})
}

func (s *Server) deleteMessage(p map[string]string) reply {
	channel, ts := p["channel"], p["ts"]
	if channel == "" {
		return fail("channel_not_found")
	}
	i := s.findMessage(channel, ts)
	if i < 0 {
		return fail("message_not_found")
	}
	s.messages = append(s.messages[:i], s.messages[i+1:]...)
	return ok(map[string]any{"channel": channel, "ts": ts})
}

// Limits of a view (https://docs.slack.dev/reference/views): blocks in
// a Home tab or modal, characters in its private_metadata, callback_id
// and external_id.
const (
	maxViewBlocks   = 100
	maxViewMetadata = 3000
	maxViewID       = 255
)

// checkViewFields checks a view's optional string fields.
func checkViewFields(view map[string]json.RawMessage) []string {
	var errs []string
	for _, f := range []struct {
		key string
		max int
	}{{"private_metadata", maxViewMetadata}, {"callback_id", maxViewID}, {"external_id", maxViewID}} {
		raw, has := view[f.key]
		if !has {
			continue
		}
		var s string
		switch err := json.Unmarshal(raw, &s); {
		case err != nil:
			errs = append(errs, "must provide a string [json-pointer:/view/"+f.key+"]")
		case utf8.RuneCountInString(s) > f.max:
			errs = append(errs, fmt.Sprintf("must be less than %d characters [json-pointer:/view/%s]", f.max+1, f.key))
		}
	}
	return errs
}

func (s *Server) publishView(p map[string]string) reply {
	user := p["user_id"]
	if user == "" {
		return failBlocks("invalid_arguments", []string{"missing required field: user_id"})
	}
	var view map[string]json.RawMessage
	if err := json.Unmarshal([]byte(p["view"]), &view); err != nil {
		return failBlocks("invalid_arguments", []string{"must provide an object [json-pointer:/view]"})
	}
	var typ string
	_ = json.Unmarshal(view["type"], &typ)
	if typ != "home" {
		return failBlocks("invalid_arguments", []string{`must be "home" for views.publish [json-pointer:/view/type]`})
	}
	blocksRaw, has := view["blocks"]
	if !has {
		return failBlocks("invalid_arguments", []string{"missing required field: blocks [json-pointer:/view]"})
	}
	_, errs, err := checkBlocks(string(blocksRaw), maxViewBlocks, "/view/blocks")
	if err != nil {
		errs = []string{"must provide an array [json-pointer:/view/blocks]"}
	}
	if errs = append(errs, checkViewFields(view)...); len(errs) > 0 {
		return failBlocks("invalid_arguments", errs)
	}
	if hash := p["hash"]; hash != "" && hash != s.viewHash[user] {
		return fail("hash_conflict")
	}
	s.views[user] = append(s.views[user], json.RawMessage(p["view"]))
	id, hash := s.nextID("V"), s.nextID("H")
	s.viewHash[user] = hash
	out := map[string]any{}
	for k, v := range view {
		out[k] = v
	}
	out["id"], out["team_id"], out["hash"] = id, TeamID, hash
	out["app_id"], out["bot_id"], out["app_installed_team_id"] = AppID, BotID, TeamID
	out["root_view_id"] = id
	return ok(map[string]any{"view": out})
}

// maxModalTitle is the longest title, submit or close label of a modal.
const maxModalTitle = 24

// openView opens a modal for a trigger_id, which is good for one view:
// a second use answers expired_trigger_id, as Slack does.
func (s *Server) openView(p map[string]string) reply {
	trigger := p["trigger_id"]
	if trigger == "" {
		return failBlocks("invalid_arguments", []string{"missing required field: trigger_id"})
	}
	if s.triggers[trigger] {
		return fail("expired_trigger_id")
	}
	var view map[string]json.RawMessage
	if err := json.Unmarshal([]byte(p["view"]), &view); err != nil {
		return failBlocks("invalid_arguments", []string{"must provide an object [json-pointer:/view]"})
	}
	var typ string
	_ = json.Unmarshal(view["type"], &typ)
	if typ != "modal" {
		return failBlocks("invalid_arguments", []string{`must be "modal" for views.open [json-pointer:/view/type]`})
	}
	c := &checker{}
	var parts map[string]any
	_ = json.Unmarshal([]byte(p["view"]), &parts)
	c.text("/view/title", parts["title"], maxModalTitle, true)
	for _, key := range []string{"submit", "close"} {
		if v, has := parts[key]; has {
			c.text("/view/"+key, v, maxModalTitle, true)
		}
	}
	blocksRaw, has := view["blocks"]
	if !has {
		return failBlocks("invalid_arguments", []string{"missing required field: blocks [json-pointer:/view]"})
	}
	_, errs, err := checkBlocks(string(blocksRaw), maxViewBlocks, "/view/blocks")
	if err != nil {
		errs = []string{"must provide an array [json-pointer:/view/blocks]"}
	}
	if strings.Contains(string(blocksRaw), `"type":"input"`) && parts["submit"] == nil {
		errs = append(errs, "must provide submit when the view has input blocks [json-pointer:/view/submit]")
	}
	if errs = append(append(errs, c.errs...), checkViewFields(view)...); len(errs) > 0 {
		return failBlocks("invalid_arguments", errs)
	}
	s.triggers[trigger] = true
	m := Modal{ID: s.nextID("V"), TriggerID: trigger, View: json.RawMessage(p["view"])}
	s.modals = append(s.modals, m)
	out := map[string]any{}
	for k, v := range view {
		out[k] = v
	}
	out["id"], out["team_id"], out["app_id"], out["bot_id"] = m.ID, TeamID, AppID, BotID
	return ok(map[string]any{"view": out})
}

func (s *Server) openConnection(map[string]string) reply {
	ticket := s.nextID("ticket-")
	s.tickets[ticket] = true
	u := "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/socket?ticket=" + ticket + "&app_id=" + AppID
	return ok(map[string]any{"url": u})
}

// channelName is the made-up name of a channel.
func channelName(id string) string {
	return "isa-" + strings.ToLower(id)
}
