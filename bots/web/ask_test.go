package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
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
	srv := httptest.NewServer(AskHandler(engine(t), 100, 100, slog.New(slog.DiscardHandler)))
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
	srv := httptest.NewServer(AskHandler(engine(t), 1, 3, slog.New(slog.DiscardHandler)))
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
