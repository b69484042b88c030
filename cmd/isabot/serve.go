package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/isa-alliance/isabot/bots/observe"
	slackbot "github.com/isa-alliance/isabot/bots/slack"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/telegram"
	"github.com/isa-alliance/isabot/bots/web"
)

// shutdownGrace is how long serve waits for answers in progress when
// told to stop.
const shutdownGrace = 10 * time.Second

func serveCommand() command {
	return command{
		name:    "serve",
		summary: "run the bots whose credentials are configured, and the HTTP listener",
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			if len(args) > 0 {
				fs.Usage()
				return errUsage
			}
			return a.serve(ctx)
		},
	}
}

// serve runs everything until ctx ends, then shuts down in order: stop
// taking updates, finish the answers in progress, close the state.
func (a *app) serve(ctx context.Context) error {
	engine, idx, err := a.openEngine(ctx)
	if err != nil {
		return err
	}
	defer idx.Close()
	state, err := store.Open(filepath.Join(a.dataDir, stateFile))
	if err != nil {
		return err
	}
	defer state.Close()

	metrics := observe.NewMetrics(func() float64 {
		n, _ := idx.DocCount()
		return float64(n)
	}, func() float64 { return 0 })
	unanswered := observe.NewUnanswered(filepath.Join(a.dataDir, unansweredFile), a.logger)
	observed := func(platform string) *observe.Engine { return observe.Observed(engine, platform, metrics, unanswered) }

	mux := http.NewServeMux()
	checks := map[string]web.Check{"index": func() error { _, err := idx.DocCount(); return err }}
	mux.Handle("GET /metrics", metrics.Handler())
	mux.Handle("GET /api/ask", web.AskHandler(observed("api"), a.cfg.AskRate, askBurst, a.logger))
	group, ctx := errgroup.WithContext(ctx)

	started := 0
	if a.cfg.TelegramToken != "" {
		cfg := telegram.Config{
			Token:         a.cfg.TelegramToken,
			APIURL:        a.cfg.TelegramAPIURL,
			WebhookURL:    a.cfg.TelegramWebhookURL,
			WebhookSecret: a.cfg.TelegramWebhookSecret,
			OnRateLimit:   func() { metrics.RateLimited("telegram") },
		}
		if cfg.WebhookURL != "" && cfg.WebhookSecret == "" {
			cfg.WebhookSecret = randomSecret()
		}
		tg, err := telegram.New(cfg, observed("telegram"), state, a.logger.With("bot", "telegram"))
		if err != nil {
			return err
		}
		checks["telegram"] = readiness(tg.Ready)
		if cfg.WebhookURL != "" {
			mux.Handle("POST /telegram/webhook", tg.WebhookHandler())
		}
		group.Go(func() error { return tg.Run(ctx) })
		started++
	}
	if a.cfg.SlackBotToken != "" {
		sl, err := slackbot.New(slackbot.Config{
			BotToken:      a.cfg.SlackBotToken,
			AppToken:      a.cfg.SlackAppToken,
			SigningSecret: a.cfg.SlackSigningSecret,
			APIURL:        a.cfg.SlackAPIURL,
			OnRateLimit:   func() { metrics.RateLimited("slack") },
		}, observed("slack"), state, a.logger.With("bot", "slack"))
		if err != nil {
			return err
		}
		checks["slack"] = readiness(sl.Ready)
		if !sl.SocketMode() {
			mux.Handle("POST /slack/events", sl.EventsHandler())
			mux.Handle("POST /slack/commands", sl.CommandsHandler())
			mux.Handle("POST /slack/interactivity", sl.InteractivityHandler())
		}
		group.Go(func() error { return sl.Run(ctx) })
		started++
	}
	if started == 0 {
		a.logger.Warn("no bot is configured: set TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN to start a bot; only the HTTP listener runs")
	}

	web.Health(mux, checks)

	ln, err := net.Listen("tcp", a.cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", a.cfg.Listen, err)
	}
	server := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	a.logger.Info("HTTP listener started", "addr", ln.Addr().String())
	group.Go(func() error {
		if err := server.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	})
	group.Go(func() error {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
		defer cancel()
		return server.Shutdown(shutdown)
	})
	err = group.Wait()
	a.logger.Info("stopped")
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// stateFile, in the data directory, is the state store.
const stateFile = "state.db"

// askBurst is how many questions a client may ask the API at once.
const askBurst = 5

// unansweredFile, in the data directory, logs the questions isabot could
// not answer.
const unansweredFile = "unanswered.jsonl"

// readiness turns a bot's Ready into a health check.
func readiness(ready func() bool) web.Check {
	return func() error {
		if !ready() {
			return errors.New("has not reached its platform yet")
		}
		return nil
	}
}

// randomSecret makes a webhook secret when none is configured: Telegram
// then sends it with every update, and nobody else knows it.
func randomSecret() string {
	b := make([]byte, 32)
	rand.Read(b)
	return hex.EncodeToString(b)
}
