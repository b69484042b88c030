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

	slackbot "github.com/isa-alliance/isabot/bots/slack"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/telegram"
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
	state, err := store.Open(filepath.Join(a.dataDir, "state.db"))
	if err != nil {
		return err
	}
	defer state.Close()

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	group, ctx := errgroup.WithContext(ctx)

	started := 0
	if a.cfg.TelegramToken != "" {
		cfg := telegram.Config{
			Token:         a.cfg.TelegramToken,
			APIURL:        a.cfg.TelegramAPIURL,
			WebhookURL:    a.cfg.TelegramWebhookURL,
			WebhookSecret: a.cfg.TelegramWebhookSecret,
		}
		if cfg.WebhookURL != "" && cfg.WebhookSecret == "" {
			cfg.WebhookSecret = randomSecret()
		}
		tg, err := telegram.New(cfg, engine, state, a.logger.With("bot", "telegram"))
		if err != nil {
			return err
		}
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
		}, engine, state, a.logger.With("bot", "slack"))
		if err != nil {
			return err
		}
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

// randomSecret makes a webhook secret when none is configured: Telegram
// then sends it with every update, and nobody else knows it.
func randomSecret() string {
	b := make([]byte, 32)
	rand.Read(b)
	return hex.EncodeToString(b)
}
