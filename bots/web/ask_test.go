package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
)

func engine(t *testing.T) *search.Engine {
	t.Helper()
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	idx, err := search.NewMemIndex(context.Background(), data.Releases)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return search.NewEngine(data, idx)
}

func TestAskHandler(t *testing.T) {
	srv := httptest.NewServer(AskHandler(engine(t), RateLimit{PerSecond: 100, Burst: 100}, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	get := func(query string) (int, map[string]any) {
		resp, err := http.Get(srv.URL + "?" + query)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body map[string]any
		raw, _ := io.ReadAll(resp.Body)
		if err := json.Unmarshal(raw, &body); err != nil {
			t.Fatalf("%s: not JSON: %s", query, raw)
		}
		return resp.StatusCode, body
	}
	code, body := get("q=" + url.QueryEscape("Wann wurde die ISA gegründet?"))
	if code != 200 || body["language"] != "de" || body["answered"] != true || !strings.Contains(body["answer"].(string), "April 2016") {
		t.Errorf("%d %v", code, body)
	}
	for _, k := range []string{"question", "confidence", "sources"} {
		if _, ok := body[k]; !ok {
			t.Errorf("no %q in %v", k, body)
		}
	}
	if _, body := get("q=" + url.QueryEscape("Wann wurde die ISA gegründet?") + "&lang=zh"); body["language"] != "zh" {
		t.Errorf("lang=zh: %v", body)
	}
	for query, want := range map[string]int{
		"":                               400,
		"q=x&lang=fr":                    400,
		"q=" + strings.Repeat("a", 1001): 400,
	} {
		if code, body := get(query); code != want || body["error"] == nil {
			t.Errorf("%.30s: %d %v, want %d with an error", query, code, body, want)
		}
	}
}

func TestAskRateLimit(t *testing.T) {
	srv := httptest.NewServer(AskHandler(engine(t), RateLimit{PerSecond: 1, Burst: 3}, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	codes := map[int]int{}
	for range 6 {
		resp, err := http.Get(srv.URL + "?q=ISA")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		codes[resp.StatusCode]++
		if resp.StatusCode == 429 && resp.Header.Get("Retry-After") == "" {
			t.Error("429 without Retry-After")
		}
	}
	if codes[200] != 3 || codes[429] != 3 {
		t.Errorf("status counts %v, want 3 answered and 3 refused", codes)
	}
}

func TestClientOf(t *testing.T) {
	// X-Forwarded-For names the client only when a trusted proxy sent the
	// request, and only as far as the chain of trusted proxies reaches.
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("fd00::/8")}
	tests := []struct {
		name    string
		peer    string
		trusted []netip.Prefix
		xff     []string
		want    string
	}{
		{"no proxy", "203.0.113.7:5000", trusted, nil, "203.0.113.7"},
		{"untrusted peer with a forged header", "203.0.113.7:5000", trusted, []string{"198.51.100.1"}, "203.0.113.7"},
		{"no trusted proxies configured", "10.0.0.2:5000", nil, []string{"198.51.100.1"}, "10.0.0.2"},
		{"trusted proxy", "10.0.0.2:5000", trusted, []string{"198.51.100.1"}, "198.51.100.1"},
		{"trusted proxy without the header", "10.0.0.2:5000", trusted, nil, "10.0.0.2"},
		{"forged entries left of the proxy's", "10.0.0.2:5000", trusted, []string{"1.1.1.1, 2.2.2.2, 198.51.100.1"}, "198.51.100.1"},
		{"chain of trusted proxies", "10.0.0.2:5000", trusted, []string{"6.6.6.6, 198.51.100.1, 10.1.1.1", "10.2.2.2"}, "198.51.100.1"},
		{"client in a trusted network", "10.0.0.2:5000", trusted, []string{"10.9.9.9"}, "10.9.9.9"},
		{"address with a port", "10.0.0.2:5000", trusted, []string{"198.51.100.1:4711"}, "198.51.100.1"},
		{"IPv6 proxy and client", "[fd00::2]:5000", trusted, []string{"2001:db8::1"}, "2001:db8::1"},
		{"IPv4 mapped into IPv6", "[::ffff:10.0.0.2]:5000", trusted, []string{"::ffff:198.51.100.1"}, "198.51.100.1"},
		{"garbage stops the walk at the last proxy", "10.0.0.2:5000", trusted, []string{"198.51.100.1, unknown, 10.3.3.3"}, "10.3.3.3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/api/ask?q=x", nil)
			r.RemoteAddr = tt.peer
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := clientOf(r, tt.trusted); got != tt.want {
				t.Errorf("client %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAskRateLimitBehindProxy(t *testing.T) {
	// Behind a trusted proxy each client has its own budget; a client
	// that forges the header does not get a new one with each request.
	h := AskHandler(engine(t), RateLimit{PerSecond: 1, Burst: 1, TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}}, slog.New(slog.DiscardHandler))
	ask := func(peer string, xff ...string) int {
		r := httptest.NewRequest(http.MethodGet, "/api/ask?q=ISA", nil)
		r.RemoteAddr = peer
		for _, v := range xff {
			r.Header.Add("X-Forwarded-For", v)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Code
	}
	for i, tt := range []struct {
		peer string
		xff  string
		want int
	}{
		{"127.0.0.1:1000", "198.51.100.1", 200},
		{"127.0.0.1:1001", "198.51.100.2", 200}, // another client behind the proxy
		{"127.0.0.1:1002", "198.51.100.1", 429},
		{"203.0.113.9:1000", "198.51.100.3", 200},
		{"203.0.113.9:1001", "198.51.100.4", 429}, // forged: the peer counts
	} {
		if got := ask(tt.peer, tt.xff); got != tt.want {
			t.Errorf("request %d from %s for %s: %d, want %d", i, tt.peer, tt.xff, got, tt.want)
		}
	}
}

func TestHealth(t *testing.T) {
	ready := false
	mux := http.NewServeMux()
	Health(mux, map[string]Check{
		"index": func() error { return nil },
		"bot": func() error {
			if !ready {
				return io.ErrUnexpectedEOF
			}
			return nil
		},
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	status := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(raw)
	}
	if code, _ := status("/healthz"); code != 200 {
		t.Errorf("/healthz %d", code)
	}
	if code, body := status("/readyz"); code != 503 || !strings.Contains(body, "bot: unexpected EOF") || !strings.Contains(body, "index: ok") {
		t.Errorf("/readyz before ready: %d %q", code, body)
	}
	ready = true
	if code, body := status("/readyz"); code != 200 || body != "bot: ok\nindex: ok\n" {
		t.Errorf("/readyz when ready: %d %q", code, body)
	}
}
