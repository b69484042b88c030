// Package web serves isabot over plain HTTP: the ask API for the
// alliance's web site and other integrations, and the health endpoints.
package web

import (
	"context"
	"encoding/json"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"slices"
	"strconv"
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

// AskHandler serves GET /api/ask?q=...&lang=... with the JSON that
// `isabot ask --json` prints. Each client (by remote address) may ask
// perSecond questions a second, in bursts of burst.
func AskHandler(engine Answerer, perSecond float64, burst int, logger *slog.Logger) http.Handler {
	limits := newLimiters(rate.Limit(perSecond), burst)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !limits.allow(clientOf(r)) {
			w.Header().Set("Retry-After", strconv.Itoa(max(1, int(1/perSecond))))
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

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func clientOf(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
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
