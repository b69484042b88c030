package main

import (
	"errors"
	"net/http"
	"strings"
	"sync/atomic"

	"github.com/isa-alliance/isabot/bots/web"
	"github.com/isa-alliance/isabot/corpus"
)

// startup is what serve's HTTP listener knows while the rest starts. The
// listener starts first, so that /healthz answers at once while the
// corpus loads and its index opens, which takes a while for a large
// corpus; /readyz says what is not ready yet, and every other path
// answers 503 until its handler is in place.
type startup struct {
	checks map[string]*lateCheck // fixed when made; each set once ready
	routes atomic.Pointer[http.ServeMux]
}

// newStartup makes the readiness checks of what serve starts with cfg:
// the index, the data files, the database if there is one and each bot
// configured.
func newStartup(cfg *config) *startup {
	s := &startup{checks: map[string]*lateCheck{
		"index": {waiting: "the corpus is loading"},
		"data":  {waiting: "the corpus is loading"},
	}}
	if cfg.DatabaseURL != "" {
		s.checks["state"] = &lateCheck{waiting: "not connected yet"}
	}
	if cfg.TelegramToken != "" {
		s.checks["telegram"] = &lateCheck{waiting: "not started yet"}
	}
	if cfg.SlackBotToken != "" {
		s.checks["slack"] = &lateCheck{waiting: "not started yet"}
	}
	return s
}

// handler answers /healthz and /readyz (web.Health), and every other path
// with the routes once they are open, 503 until then.
func (s *startup) handler() http.Handler {
	mux := http.NewServeMux()
	checks := map[string]web.Check{}
	for name, c := range s.checks {
		checks[name] = c.run
	}
	web.Health(mux, checks)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if routes := s.routes.Load(); routes != nil {
			routes.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Retry-After", "5")
		http.Error(w, "isabot is starting: the corpus is loading", http.StatusServiceUnavailable)
	})
	return mux
}

// set puts the check of name in place; name must be one of newStartup's.
func (s *startup) set(name string, check web.Check) { s.checks[name].set(check) }

// open puts the routes in place, and then the index's check.
func (s *startup) open(routes *http.ServeMux, index web.Check) {
	s.routes.Store(routes)
	s.set("index", index)
}

// lateCheck is the readiness check of something that does not exist when
// the listener starts: until its check is set, it says what it waits for.
type lateCheck struct {
	waiting string
	check   atomic.Pointer[web.Check]
}

func (c *lateCheck) set(check web.Check) { c.check.Store(&check) }

func (c *lateCheck) run() error {
	if check := c.check.Load(); check != nil {
		return (*check)()
	}
	return errors.New(c.waiting)
}

// dataCheck reports the data files that have errors and are not used: the
// data directory does not hold what the corpus answers from.
func dataCheck(unused []*corpus.UnusedFileError) web.Check {
	var msgs []string
	for _, u := range unused {
		msgs = append(msgs, u.Error())
	}
	return func() error {
		if len(msgs) == 0 {
			return nil
		}
		return errors.New(strings.Join(msgs, "; ") + " (see the log or isabot config)")
	}
}
