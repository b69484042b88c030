package main

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/slack/slackfake"
)

func TestServeSlowClients(t *testing.T) {
	// A client that sends its request slowly, or keeps its connection
	// idle, loses the connection when the listener's time for it is up;
	// headers that are too large are refused.
	sl := slackfake.NewServer(t, slackBot, slackApp)
	s := startServe(t, map[string]string{
		"ISABOT_HTTP_READ_HEADER_TIMEOUT": "300ms",
		"ISABOT_HTTP_READ_TIMEOUT":        "1s",
		"ISABOT_HTTP_IDLE_TIMEOUT":        "300ms",
		"ISABOT_HTTP_MAX_HEADER_BYTES":    "4096",
		"SLACK_BOT_TOKEN":                 slackBot,
		"SLACK_API_URL":                   sl.APIURL(),
		"SLACK_SIGNING_SECRET":            "slow-client-secret",
	})
	tests := []struct {
		name string
		// The client sends head, then repeat every 50 ms until the
		// server hangs up.
		head, repeat string
		// answer begins what the server answers before it hangs up; ""
		// when it answers nothing.
		answer string
	}{
		{"headers sent slowly", "GET /healthz HTTP/1.1\r\nHost: isabot\r\n", "X-Slow: 1\r\n", ""},
		{"body sent slowly", "POST /slack/events HTTP/1.1\r\nHost: isabot\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n", "{}", "HTTP/1.1 4"},
		{"idle keep-alive connection", "GET /healthz HTTP/1.1\r\nHost: isabot\r\n\r\n", "", "HTTP/1.1 200"},
		{"connection that sends nothing", "", "", ""},
		{"headers too large", "GET /healthz HTTP/1.1\r\nHost: isabot\r\nX-Large: " + strings.Repeat("a", 16<<10) + "\r\n\r\n", "", "HTTP/1.1 431"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", strings.TrimPrefix(s.base, "http://"))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			sent := make(chan struct{})
			go func() {
				defer close(sent)
				if _, err := io.WriteString(conn, tt.head); err != nil || tt.repeat == "" {
					return
				}
				for {
					time.Sleep(50 * time.Millisecond)
					if _, err := io.WriteString(conn, tt.repeat); err != nil {
						return // the server hung up
					}
				}
			}()
			// Far longer than the listener's limits; a connection still
			// open then would stay open.
			conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			got, err := io.ReadAll(conn)
			if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
				t.Fatalf("the connection is still open after 5 s; read %q", got)
			}
			if !strings.HasPrefix(string(got), tt.answer) || tt.answer == "" && len(got) > 0 {
				t.Errorf("the server answered %.40q, want %q", got, tt.answer)
			}
			conn.Close()
			<-sent
		})
	}
}

func TestServeTrustedProxy(t *testing.T) {
	// Behind a trusted proxy, the ask API's rate limit counts each client
	// the proxy names, not the proxy.
	s := startServe(t, map[string]string{"ISABOT_TRUSTED_PROXIES": "127.0.0.0/8", "ISABOT_ASK_RATE": "0.01"})
	ask := func(client string) int {
		req, _ := http.NewRequest(http.MethodGet, s.base+"/api/ask?q="+url.QueryEscape("Ist Köln Mitglied?"), nil)
		req.Header.Set("X-Forwarded-For", client)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for i := range askBurst {
		if code := ask("198.51.100.1"); code != http.StatusOK {
			t.Fatalf("question %d of the first client: %d", i+1, code)
		}
	}
	if code := ask("198.51.100.1"); code != http.StatusTooManyRequests {
		t.Errorf("the first client beyond its burst: %d, want 429", code)
	}
	if code := ask("198.51.100.2"); code != http.StatusOK {
		t.Errorf("another client behind the same proxy: %d, want 200", code)
	}
}
