// Package slackfake is a fake Slack for end-to-end tests of the Slack
// adapter. It listens on 127.0.0.1 and speaks Slack's own wire protocol,
// so the real github.com/slack-go/slack client talks to it unchanged:
//
//   - the Web API (POST /api/<method>, form or JSON bodies, the token in
//     an "Authorization: Bearer" header or a token field), answering with
//     Slack's JSON, its error codes and its HTTP 429 rate limits;
//   - response_url endpoints (NewResponseURL), answered "ok" like Slack;
//   - Socket Mode: apps.connections.open hands out a ws:// URL, the fake
//     says hello, sends envelopes (SendEnvelope) and records the acks;
//   - builders of the payloads Slack sends (EventCallback, SlashCommand,
//     BlockAction, the workspace events such as ChannelArchive, ...) and
//     Sign, for the HTTP mode;
//   - a workspace: channels public or private, archived or not, with the
//     bot in them or not (SetChannel), and its members (SetUser). A post
//     where the bot is not answers not_in_channel, conversations.join
//     refuses a private channel or a DM.
//
// Everything a client does is recorded (Calls, Messages, ResponsePosts,
// Views), and faults are injected per method (RateLimitNext, FailNext,
// ServerErrorNext). A test makes one Server with NewServer; t.Cleanup
// closes it, websockets included.
package slackfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// The workspace the fake pretends to be.
const (
	TeamID     = "T0ISA"
	TeamDomain = "isa-alliance"
	TeamName   = "ISA Alliance"
	AppID      = "A0ISA"
	BotUserID  = "UBOT" // the bot's user id, as auth.test tells it
	BotID      = "BBOT"
	BotName    = "isabot"
	// VerificationToken is the (deprecated) token field of the payloads
	// the builders make.
	VerificationToken = "fake-verification-token"
)

// waitTimeout bounds every Wait* method and SendEnvelope's wait for a
// client.
const waitTimeout = 5 * time.Second

// responseURLUses is how many times Slack accepts a post to one
// response_url (within 30 minutes).
const responseURLUses = 5

// Call is one request the fake received: a Web API method, or
// "response_url" for a post to a response URL.
type Call struct {
	Method string
	// Params are the request's fields: form values, or a JSON body's
	// top-level fields (strings as they are, anything else as JSON). The
	// token is not among them.
	Params map[string]string
	Token  string
	At     time.Time
	Status int    // the HTTP status answered
	Error  string // Slack's error code, "" when the call succeeded
}

// Message is what the bot posted (chat.postMessage) or showed one user
// (chat.postEphemeral), as chat.update left it.
type Message struct {
	Channel   string
	TS        string
	ThreadTS  string
	User      string // the ephemeral message's target
	Text      string
	Blocks    json.RawMessage
	Ephemeral bool
}

// ResponsePost is one accepted post to a response URL.
type ResponsePost struct {
	ID              string // the id in the URL NewResponseURL gave
	ResponseType    string // "ephemeral", "in_channel" or ""
	Text            string
	Blocks          json.RawMessage
	ReplaceOriginal bool
	DeleteOriginal  bool
	ThreadTS        string
	At              time.Time
}

type faultKind int

const (
	faultRateLimit faultKind = iota
	faultError
	faultStatus
)

type fault struct {
	kind       faultKind
	retryAfter int
	err        string
	status     int
}

// Server is a running fake Slack.
type Server struct {
	botToken, appToken string
	srv                *httptest.Server

	mu      sync.Mutex
	changed chan struct{} // closed and replaced whenever something is recorded
	seq     int           // for timestamps and ids
	closed  bool

	calls     []Call
	faults    map[string][]fault
	refused   map[string]string // token -> the error every call with it gets
	messages  []Message
	views     map[string][]json.RawMessage
	viewHash  map[string]string
	modals    []Modal
	triggers  map[string]bool // trigger ids used for a modal
	responses []ResponsePost
	respUses  map[string]int // response URL id -> accepted posts
	channels  map[string]Channel
	users     map[string]User

	tickets     map[string]bool // unused Socket Mode tickets
	live        []*wsConn       // connections that get envelopes, newest last
	conns       map[*wsConn]bool
	connections int
	acks        map[string]json.RawMessage

	wg sync.WaitGroup // websocket handlers and their pingers
}

// NewServer starts a fake Slack on 127.0.0.1 that accepts botToken
// (xoxb-...) for the Web API and appToken (xapp-...) for
// apps.connections.open. t.Cleanup stops it.
func NewServer(t testing.TB, botToken, appToken string) *Server {
	t.Helper()
	s := &Server{
		botToken: botToken,
		appToken: appToken,
		changed:  make(chan struct{}),
		faults:   map[string][]fault{},
		refused:  map[string]string{},
		views:    map[string][]json.RawMessage{},
		viewHash: map[string]string{},
		triggers: map[string]bool{},
		respUses: map[string]int{},
		channels: map[string]Channel{},
		users:    map[string]User{},
		tickets:  map[string]bool{},
		conns:    map[*wsConn]bool{},
		acks:     map[string]json.RawMessage{},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/", s.serveAPI)
	mux.HandleFunc("POST /response/{id}", s.serveResponse)
	mux.HandleFunc("GET /socket", s.serveSocket)
	s.srv = httptest.NewServer(mux)
	if !strings.HasPrefix(s.srv.URL, "http://127.0.0.1:") {
		s.srv.Close()
		t.Fatalf("slackfake: listening on %s, not 127.0.0.1", s.srv.URL)
	}
	t.Cleanup(s.close)
	return s
}

// close shuts the websockets, waits for their goroutines and stops the
// HTTP server.
func (s *Server) close() {
	s.mu.Lock()
	s.closed = true
	s.live = nil
	conns := make([]*wsConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.shut()
	}
	s.wg.Wait()
	s.srv.Close()
}

// URL is the fake's base URL, "http://127.0.0.1:PORT".
func (s *Server) URL() string { return s.srv.URL }

// APIURL is the Web API's base URL with the trailing slash that
// slack.OptionAPIURL needs: "http://127.0.0.1:PORT/api/".
func (s *Server) APIURL() string { return s.srv.URL + "/api/" }

// NewResponseURL makes a response URL, as Slack puts in slash commands
// and interactions. It takes five posts; the sixth gets 404 expired_url.
func (s *Server) NewResponseURL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.nextID("R")
	s.respUses[id] = 0
	return s.srv.URL + "/response/" + id
}

// RateLimitNext makes the next call of method ("response_url" for
// response URLs) fail with HTTP 429, "Retry-After: retryAfter" and
// {"ok":false,"error":"ratelimited"}. Faults queue up per method and
// are taken, in order, by the calls that pass the token check.
func (s *Server) RateLimitNext(method string, retryAfter int) {
	s.addFault(method, fault{kind: faultRateLimit, retryAfter: retryAfter})
}

// FailNext makes the next call of method answer HTTP 200
// {"ok":false,"error":slackError}, say "channel_not_found" or
// "not_in_channel". For "response_url" the error comes as Slack's
// webhooks send it: the code as text with a 4xx status.
func (s *Server) FailNext(method, slackError string) {
	s.addFault(method, fault{kind: faultError, err: slackError})
}

// ServerErrorNext makes the next call of method answer with HTTP status
// (500, 503, ...) and an HTML body, as Slack does when it is down.
func (s *Server) ServerErrorNext(method string, status int) {
	s.addFault(method, fault{kind: faultStatus, status: status})
}

// RefuseToken makes every call with token answer HTTP 200
// {"ok":false,"error":slackError}, as Slack answers a token that was
// revoked ("token_revoked") or whose account was deactivated
// ("account_inactive"), until it is called again with "".
func (s *Server) RefuseToken(token, slackError string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if slackError == "" {
		delete(s.refused, token)
		return
	}
	s.refused[token] = slackError
}

func (s *Server) addFault(method string, f fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], f)
}

// takeFault consumes the next fault queued for method. s.mu is held.
func (s *Server) takeFault(method string) (fault, bool) {
	q := s.faults[method]
	if len(q) == 0 {
		return fault{}, false
	}
	s.faults[method] = q[1:]
	return q[0], true
}

// Calls returns the calls of method so far, in order; "" returns all.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.callsLocked(method)
}

func (s *Server) callsLocked(method string) []Call {
	var out []Call
	for _, c := range s.calls {
		if method == "" || c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// WaitCalls waits up to five seconds for n calls of method and returns
// all of them; it fails the test, listing every call seen, if fewer came.
// Like t.Fatalf, it must be called from the test's goroutine.
func (s *Server) WaitCalls(t testing.TB, method string, n int) []Call {
	t.Helper()
	var got []Call
	if s.waitFor(waitTimeout, func() bool {
		got = s.callsLocked(method)
		return len(got) >= n
	}) {
		return got
	}
	var seen strings.Builder
	for _, c := range s.Calls("") {
		fmt.Fprintf(&seen, "\n\t%s %s status=%d error=%q", c.At.Format("15:04:05.000"), c.Method, c.Status, c.Error)
	}
	if seen.Len() == 0 {
		seen.WriteString(" none")
	}
	t.Fatalf("slackfake: waited %v for %d %s calls, got %d; calls seen:%s", waitTimeout, n, method, len(got), seen.String())
	return got
}

// Messages returns the messages in channel ("" for all), posted and
// ephemeral, in the order they were sent; deleted ones are gone.
func (s *Server) Messages(channel string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.messages {
		if channel == "" || m.Channel == channel {
			out = append(out, m)
		}
	}
	return out
}

// ResponsePosts returns the accepted posts to response URLs, in order.
func (s *Server) ResponsePosts() []ResponsePost {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ResponsePost(nil), s.responses...)
}

// Views returns the views published for userID, oldest first.
func (s *Server) Views(userID string) []json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]json.RawMessage(nil), s.views[userID]...)
}

// Modal is a view opened with views.open.
type Modal struct {
	ID        string
	TriggerID string
	View      json.RawMessage
}

// Modals returns the modals opened, oldest first.
func (s *Server) Modals() []Modal {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Modal(nil), s.modals...)
}

// notify wakes the waiters. s.mu is held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// waitFor waits up to d for cond, which runs with s.mu held.
func (s *Server) waitFor(d time.Duration, cond func() bool) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		s.mu.Lock()
		ok := cond()
		changed := s.changed
		s.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-changed:
		case <-timer.C:
			return false
		}
	}
}

// nextTS makes a unique, increasing message timestamp in Slack's
// "1700000000.000100" form. s.mu is held.
func (s *Server) nextTS() string {
	s.seq++
	micro := s.seq * 100
	return fmt.Sprintf("%d.%06d", 1700000000+micro/1_000_000, micro%1_000_000)
}

// nextID makes a unique id with a prefix. s.mu is held.
func (s *Server) nextID(prefix string) string {
	s.seq++
	return fmt.Sprintf("%s%06d", prefix, s.seq)
}
