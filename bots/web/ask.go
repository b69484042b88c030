// Package web serves isabot over plain HTTP: the ask API for the
// alliance's web site and other integrations, and the health endpoints.
package web

import (
	"context"
	"encoding/json"
	"log/slog"
	"maps"
	"net/http"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/time/rate"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// maxQuestion bounds the q parameter, in characters.
const maxQuestion = 1000

// Answerer answers questions; package search's Engine is one.
type Answerer interface {
	Answer(ctx context.Context, question string, lang corpus.Lang) (answer.Answer, error)
}

// RateLimit is how often each client may ask.
type RateLimit struct {
	PerSecond float64
	Burst     int
	// TrustedProxies are the reverse proxies whose X-Forwarded-For header
	// names the client; from anyone else the header is not believed.
	TrustedProxies []netip.Prefix
}

// AskHandler serves GET /api/ask?q=...&lang=... with the JSON that
// `isabot ask --json` prints. Each client may ask limit.PerSecond
// questions a second, in bursts of limit.Burst.
func AskHandler(engine Answerer, limit RateLimit, logger *slog.Logger) http.Handler {
	allow := Limiter(limit)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allow(r) {
			w.Header().Set("Retry-After", strconv.Itoa(max(1, int(1/limit.PerSecond))))
			writeError(w, http.StatusTooManyRequests, "too many requests: slow down")
			return
		}
		q := r.URL.Query().Get("q")
		if q == "" {
			writeError(w, http.StatusBadRequest, "the q parameter holds the question")
			return
		}
		if utf8.RuneCountInString(q) > maxQuestion {
			writeError(w, http.StatusBadRequest, "the question is longer than 1,000 characters")
			return
		}
		var lang corpus.Lang
		if l := r.URL.Query().Get("lang"); l != "" {
			var err error
			if lang, err = corpus.ParseLang(l); err != nil {
				writeError(w, http.StatusBadRequest, err.Error())
				return
			}
		}
		a, err := engine.Answer(r.Context(), q, lang)
		if err != nil {
			logger.Error("ask API: cannot answer", "error", err)
			writeError(w, http.StatusInternalServerError, "the question could not be answered")
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.Encode(a)
	})
}

// Limiter says whether the client of a request may ask now: limit.PerSecond
// questions a second, in bursts of limit.Burst, for each client.
func Limiter(limit RateLimit) func(r *http.Request) bool {
	limits := newLimiters(rate.Limit(limit.PerSecond), limit.Burst)
	return func(r *http.Request) bool { return limits.allow(clientOf(r, limit.TrustedProxies)) }
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// clientOf is the address of the client that sent r: the peer, or, when
// the peer is a trusted proxy, the right-most address in X-Forwarded-For
// that is no trusted proxy. Each proxy appends the address it got the
// request from, so everything left of that address is the client's own
// word and may be forged.
func clientOf(r *http.Request, trusted []netip.Prefix) string {
	peer, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	client := peer.Addr().Unmap()
	if !isTrusted(client, trusted) {
		return client.String()
	}
	hops := r.Header.Values("X-Forwarded-For")
	for i := len(hops) - 1; i >= 0; i-- {
		addrs := strings.Split(hops[i], ",")
		for j := len(addrs) - 1; j >= 0; j-- {
			hop, ok := parseHop(addrs[j])
			if !ok {
				// Not written by a proxy of ours: the last hop it
				// reached is the client as far as we know.
				return client.String()
			}
			client = hop
			if !isTrusted(hop, trusted) {
				return client.String()
			}
		}
	}
	// The whole chain is trusted: the request began in a trusted network.
	return client.String()
}

// parseHop reads one address of X-Forwarded-For, which some proxies write
// with a port.
func parseHop(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap(), true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), true
	}
	return netip.Addr{}, false
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	return slices.ContainsFunc(trusted, func(p netip.Prefix) bool { return p.Contains(a) })
}

// limiters keeps a token bucket per client, forgetting clients idle for
// ten minutes so that the map does not grow without bound.
type limiters struct {
	limit rate.Limit
	burst int
	mu    sync.Mutex
	by    map[string]*clientLimit
	swept time.Time
}

type clientLimit struct {
	limiter *rate.Limiter
	seen    time.Time
}

func newLimiters(limit rate.Limit, burst int) *limiters {
	return &limiters{limit: limit, burst: burst, by: map[string]*clientLimit{}, swept: time.Now()}
}

func (l *limiters) allow(client string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if now.Sub(l.swept) > time.Minute {
		for k, c := range l.by {
			if now.Sub(c.seen) > 10*time.Minute {
				delete(l.by, k)
			}
		}
		l.swept = now
	}
	c := l.by[client]
	if c == nil {
		c = &clientLimit{limiter: rate.NewLimiter(l.limit, l.burst)}
		l.by[client] = c
	}
	c.seen = now
	return c.limiter.Allow()
}

// Check is one thing readiness depends on: nil when it is ready.
type Check func() error

// Health serves /healthz (the process lives) and /readyz (every check
// passes), each answering 200 or 503 with a line per check.
func Health(mux *http.ServeMux, checks map[string]Check) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		status, body := http.StatusOK, ""
		for _, name := range slices.Sorted(maps.Keys(checks)) {
			if err := checks[name](); err != nil {
				status = http.StatusServiceUnavailable
				body += name + ": " + err.Error() + "\n"
			} else {
				body += name + ": ok\n"
			}
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		w.Write([]byte(body))
	})
}
