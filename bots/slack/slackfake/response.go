package slackfake

import (
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"time"
	"unicode/utf8"
)

// responseBody is what an app posts to a response_url.
type responseBody struct {
	ResponseType    string          `json:"response_type"`
	Text            string          `json:"text"`
	Blocks          json.RawMessage `json:"blocks"`
	ReplaceOriginal bool            `json:"replace_original"`
	DeleteOriginal  bool            `json:"delete_original"`
	ThreadTS        string          `json:"thread_ts"`
}

// webhookStatus is the HTTP status Slack's webhooks answer an error
// code with.
func webhookStatus(code string) int {
	switch code {
	case "expired_url", "no_service", "channel_not_found", "user_not_found", "no_active_hooks":
		return http.StatusNotFound
	case "action_prohibited", "posting_to_general_channel_denied", "invalid_token":
		return http.StatusForbidden
	case "channel_is_archived":
		return http.StatusGone
	default:
		return http.StatusBadRequest
	}
}

func webhookFail(code string) reply {
	return reply{status: webhookStatus(code), text: code, code: code}
}

// serveResponse takes a post to a response URL: JSON, or a form with the
// JSON in its payload field. Slack answers 200 "ok", or a 4xx status
// with the error code as text.
func (s *Server) serveResponse(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	body, err := io.ReadAll(io.LimitReader(r.Body, 10<<20))
	if err == nil {
		if ctype, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ctype == "application/x-www-form-urlencoded" {
			form, _ := url.ParseQuery(string(body))
			body = []byte(form.Get("payload"))
		}
	}
	var msg responseBody
	parseErr := json.Unmarshal(body, &msg)
	params := map[string]string{"id": id}
	if parseErr == nil {
		params["response_type"] = msg.ResponseType
		params["text"] = msg.Text
		params["replace_original"] = strconv.FormatBool(msg.ReplaceOriginal)
		params["delete_original"] = strconv.FormatBool(msg.DeleteOriginal)
		if msg.ThreadTS != "" {
			params["thread_ts"] = msg.ThreadTS
		}
		if len(msg.Blocks) > 0 && string(msg.Blocks) != "null" {
			params["blocks"] = string(msg.Blocks)
		}
	}
	call := Call{Method: "response_url", Params: params, At: time.Now()}

	s.mu.Lock()
	res := s.respond(id, msg, err == nil && parseErr == nil)
	call.Status, call.Error = res.status, res.errorCode()
	s.calls = append(s.calls, call)
	s.notify()
	s.mu.Unlock()

	res.write(w)
}

// checkResponse checks a post to a response URL as Slack does, and
// returns the error code it answers, or "". Deleting the original
// message needs nothing else.
func checkResponse(msg responseBody) string {
	if msg.DeleteOriginal {
		return ""
	}
	switch msg.ResponseType {
	case "", "ephemeral", "in_channel":
	default:
		return "invalid_payload"
	}
	if len(msg.Blocks) > 0 && string(msg.Blocks) != "null" {
		_, errs, err := checkBlocks(string(msg.Blocks), maxMessageBlocks, "/blocks")
		if err != nil || len(errs) > 0 {
			return "invalid_blocks"
		}
	}
	switch {
	case utf8.RuneCountInString(msg.Text) > maxTextLen:
		return "msg_too_long"
	case msg.Text == "" && !hasBlocks(msg.Blocks):
		return "no_text"
	case checkMarkup(msg.Text) != "":
		return "invalid_payload"
	}
	return ""
}

// respond answers one post to response URL id. s.mu is held.
func (s *Server) respond(id string, msg responseBody, parsed bool) reply {
	uses, known := s.respUses[id]
	if !known {
		return webhookFail("no_service")
	}
	if f, ok := s.takeFault("response_url"); ok {
		if f.kind == faultError {
			return webhookFail(f.err)
		}
		r := faultReply(f)
		if r.body != nil { // a rate limit: webhooks answer in text
			r.body, r.text, r.code = nil, "rate_limited", "rate_limited"
		}
		return r
	}
	if uses >= responseURLUses {
		return webhookFail("expired_url")
	}
	if !parsed {
		return webhookFail("invalid_payload")
	}
	if code := checkResponse(msg); code != "" {
		return webhookFail(code)
	}
	s.respUses[id] = uses + 1
	post := ResponsePost{
		ID:              id,
		ResponseType:    msg.ResponseType,
		Text:            msg.Text,
		ReplaceOriginal: msg.ReplaceOriginal,
		DeleteOriginal:  msg.DeleteOriginal,
		ThreadTS:        msg.ThreadTS,
		At:              time.Now(),
	}
	if hasBlocks(msg.Blocks) {
		post.Blocks = msg.Blocks
	}
	s.responses = append(s.responses, post)
	return reply{status: http.StatusOK, text: "ok"}
}
