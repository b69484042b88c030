package main

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"sync"
)

// newServer makes the HTTP listener's server, with the configured limits
// against slow and idle clients. Its requests run under drain: what they
// start ends when drain does.
func (a *app) newServer(h http.Handler, drain context.Context) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: a.cfg.ReadHeaderTimeout,
		ReadTimeout:       a.cfg.ReadTimeout,
		WriteTimeout:      a.cfg.WriteTimeout,
		IdleTimeout:       a.cfg.IdleTimeout,
		MaxHeaderBytes:    a.cfg.MaxHeaderBytes,
		BaseContext:       func(net.Listener) context.Context { return drain },
		ErrorLog:          slog.NewLogLogger(a.logger.Handler(), slog.LevelWarn),
	}
}

// inFlight counts the requests being handled, so that serve can wait for
// those that http.Server.Shutdown gave up on before it closes the state.
type inFlight struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	waiting bool
}

// track counts the requests h handles; once wait began, it refuses them.
func (f *inFlight) track(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		if f.waiting {
			f.mu.Unlock()
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		f.wg.Add(1)
		f.mu.Unlock()
		defer f.wg.Done()
		h.ServeHTTP(w, r)
	})
}

// wait returns when no request is being handled any more.
func (f *inFlight) wait() {
	f.mu.Lock()
	f.waiting = true
	f.mu.Unlock()
	f.wg.Wait()
}
