package slackfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// pingEvery is how often the fake pings a Socket Mode client. slack-go
// reconnects when Slack has not pinged for 30 seconds (its
// OptionPingInterval), so the fake pings far more often than that.
const pingEvery = 250 * time.Millisecond

var upgrader = websocket.Upgrader{
	// slack-go dials with "Origin: https://api.slack.com".
	CheckOrigin: func(*http.Request) bool { return true },
}

// wsConn is one Socket Mode connection.
type wsConn struct {
	c    *websocket.Conn
	wmu  sync.Mutex // one writer at a time
	done chan struct{}
	once sync.Once
}

func (c *wsConn) writeJSON(v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if err := c.c.SetWriteDeadline(time.Now().Add(2 * time.Second)); err != nil {
		return err
	}
	return c.c.WriteMessage(websocket.TextMessage, data)
}

// goodbye sends a close frame and gives the client a second to answer
// it before the reader gives up.
func (c *wsConn) goodbye(code int, reason string) {
	deadline := time.Now().Add(time.Second)
	_ = c.c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), deadline)
	_ = c.c.SetReadDeadline(deadline)
}

// shut closes the connection at once.
func (c *wsConn) shut() {
	c.once.Do(func() {
		_ = c.c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, "server closing"), time.Now().Add(100*time.Millisecond))
		_ = c.c.Close()
	})
}

type debugInfo struct {
	Host                      string `json:"host"`
	BuildNumber               int    `json:"build_number,omitempty"`
	ApproximateConnectionTime int    `json:"approximate_connection_time,omitempty"`
}

type hello struct {
	Type           string    `json:"type"`
	NumConnections int       `json:"num_connections"`
	DebugInfo      debugInfo `json:"debug_info"`
	ConnectionInfo struct {
		AppID string `json:"app_id"`
	} `json:"connection_info"`
}

type disconnect struct {
	Type      string    `json:"type"`
	Reason    string    `json:"reason"`
	DebugInfo debugInfo `json:"debug_info"`
}

type envelope struct {
	EnvelopeID             string          `json:"envelope_id"`
	Type                   string          `json:"type"`
	Payload                json.RawMessage `json:"payload"`
	AcceptsResponsePayload bool            `json:"accepts_response_payload"`
	RetryAttempt           int             `json:"retry_attempt"`
	RetryReason            string          `json:"retry_reason"`
}

// serveSocket is the websocket an apps.connections.open URL points to.
// Each URL's ticket works once, as Slack's do.
func (s *Server) serveSocket(w http.ResponseWriter, r *http.Request) {
	ticket := r.URL.Query().Get("ticket")
	s.mu.Lock()
	valid := s.tickets[ticket]
	delete(s.tickets, ticket)
	if s.closed || !valid {
		s.mu.Unlock()
		http.Error(w, "invalid or used ticket; call apps.connections.open", http.StatusUnauthorized)
		return
	}
	s.wg.Add(1)
	s.mu.Unlock()
	defer s.wg.Done()

	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // the upgrader has answered
	}
	conn := &wsConn{c: ws, done: make(chan struct{})}
	defer conn.shut()

	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.conns[conn] = true
	h := hello{Type: "hello", NumConnections: len(s.live) + 1, DebugInfo: debugInfo{Host: "slackfake", BuildNumber: 1, ApproximateConnectionTime: 18060}}
	h.ConnectionInfo.AppID = AppID
	s.mu.Unlock()

	if err := conn.writeJSON(h); err != nil {
		s.forget(conn)
		return
	}
	s.mu.Lock()
	if !s.closed {
		s.live = append(s.live, conn)
		s.connections++
		s.notify()
	}
	s.wg.Add(1)
	s.mu.Unlock()
	go s.ping(conn)

	s.read(conn)
	close(conn.done)
	s.forget(conn)
}

// read records the client's acks until the connection ends.
func (s *Server) read(conn *wsConn) {
	for {
		_, data, err := conn.c.ReadMessage()
		if err != nil {
			return
		}
		var ack struct {
			EnvelopeID string          `json:"envelope_id"`
			Payload    json.RawMessage `json:"payload"`
		}
		if json.Unmarshal(data, &ack) != nil || ack.EnvelopeID == "" {
			continue
		}
		if string(ack.Payload) == "null" {
			ack.Payload = nil
		}
		s.mu.Lock()
		s.acks[ack.EnvelopeID] = ack.Payload
		s.notify()
		s.mu.Unlock()
	}
}

// ping pings the client as Slack does; slack-go answers with a pong,
// which the reader takes.
func (s *Server) ping(conn *wsConn) {
	defer s.wg.Done()
	t := time.NewTicker(pingEvery)
	defer t.Stop()
	for {
		select {
		case <-conn.done:
			return
		case <-t.C:
			if err := conn.c.WriteControl(websocket.PingMessage, []byte("slackfake"), time.Now().Add(time.Second)); err != nil {
				return
			}
		}
	}
}

// forget drops a connection that has ended.
func (s *Server) forget(conn *wsConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, conn)
	s.dropLive(conn)
	s.notify()
}

// dropLive stops sending envelopes to conn. s.mu is held.
func (s *Server) dropLive(conn *wsConn) {
	for i, c := range s.live {
		if c == conn {
			s.live = append(s.live[:i:i], s.live[i+1:]...)
			return
		}
	}
}

// Connections counts the Socket Mode connections opened so far,
// reconnections included.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.connections
}

// WaitConnections waits up to five seconds until n Socket Mode
// connections have been opened, and fails the test otherwise.
func (s *Server) WaitConnections(t testing.TB, n int) {
	t.Helper()
	if !s.waitFor(waitTimeout, func() bool { return s.connections >= n }) {
		t.Fatalf("slackfake: waited %v for %d Socket Mode connections, got %d", waitTimeout, n, s.Connections())
	}
}

// Disconnect asks every connected client to reconnect, as Slack does
// from time to time: {"type":"disconnect","reason":"refresh_requested"},
// then a close frame. slack-go then calls apps.connections.open again.
func (s *Server) Disconnect() {
	s.mu.Lock()
	conns := s.live
	s.live = nil
	s.notify()
	s.mu.Unlock()
	for _, c := range conns {
		_ = c.writeJSON(disconnect{Type: "disconnect", Reason: "refresh_requested", DebugInfo: debugInfo{Host: "slackfake"}})
		c.goodbye(websocket.CloseNormalClosure, "refresh requested")
	}
}

// SendEnvelope sends a Socket Mode envelope of type typ
// ("events_api", "slash_commands", "interactive") to the newest client,
// waiting up to five seconds for one to connect, and returns its
// envelope_id. payload is sent as it is when it is JSON ([]byte,
// json.RawMessage); url.Values (SlashCommand's) become the JSON object
// of strings Socket Mode carries; anything else is marshalled.
// acceptsResponse says whether the ack may carry a response payload.
func (s *Server) SendEnvelope(t testing.TB, typ string, payload any, acceptsResponse bool) (envelopeID string) {
	t.Helper()
	raw, err := payloadJSON(payload)
	if err != nil {
		t.Fatalf("slackfake: envelope payload: %v", err)
		return ""
	}
	s.mu.Lock()
	s.seq++
	id := fmt.Sprintf("%08x-5c3a-4e1b-9d2f-%012x", s.seq, s.seq)
	s.mu.Unlock()
	env := envelope{EnvelopeID: id, Type: typ, Payload: raw, AcceptsResponsePayload: acceptsResponse}

	deadline := time.Now().Add(waitTimeout)
	for {
		var conn *wsConn
		s.waitFor(time.Until(deadline), func() bool {
			if len(s.live) > 0 {
				conn = s.live[len(s.live)-1]
			}
			return conn != nil
		})
		if conn == nil {
			t.Fatalf("slackfake: no Socket Mode client connected within %v to take the %s envelope", waitTimeout, typ)
			return id
		}
		if err := conn.writeJSON(env); err == nil {
			return id
		}
		// That connection is going away; wait for the next.
		s.mu.Lock()
		s.dropLive(conn)
		s.mu.Unlock()
	}
}

// WaitAck waits up to five seconds for the client to acknowledge
// envelopeID and returns the ack's payload, nil when it had none. It
// fails the test if no ack came.
func (s *Server) WaitAck(t testing.TB, envelopeID string) json.RawMessage {
	t.Helper()
	var payload json.RawMessage
	if !s.waitFor(waitTimeout, func() bool {
		p, acked := s.acks[envelopeID]
		payload = p
		return acked
	}) {
		t.Fatalf("slackfake: envelope %s not acknowledged within %v", envelopeID, waitTimeout)
	}
	return payload
}

// Acked reports whether the client has acknowledged envelopeID.
func (s *Server) Acked(envelopeID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, acked := s.acks[envelopeID]
	return acked
}

func payloadJSON(payload any) (json.RawMessage, error) {
	switch p := payload.(type) {
	case json.RawMessage:
		return checkJSON(p)
	case []byte:
		return checkJSON(p)
	case url.Values:
		fields := make(map[string]string, len(p))
		for k := range p {
			fields[k] = p.Get(k)
		}
		return json.Marshal(fields)
	default:
		return json.Marshal(p)
	}
}

func checkJSON(b []byte) (json.RawMessage, error) {
	if !json.Valid(b) {
		return nil, fmt.Errorf("not JSON: %.80s", b)
	}
	return json.RawMessage(b), nil
}
