// Package telegram is isabot's Telegram adapter: journalists ask in a
// private chat, in a group (commands, mentions, replies to the bot) or
// inline from any chat, and get the answer engine's answers formatted as
// Telegram HTML. It is built on github.com/go-telegram/bot.
package telegram

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// platform names Telegram in the shared state.
const platform = "telegram"

// Engine answers; package search's Engine is one.
type Engine interface {
	Answer(ctx context.Context, question string, lang corpus.Lang) (answer.Answer, error)
	Members(lang corpus.Lang, filter string) answer.Answer
	Contact(lang corpus.Lang) answer.Answer
	Latest(n int) []*corpus.Release
	Search(ctx context.Context, words string, lang corpus.Lang, offset, limit int) ([]answer.Hit, int, error)
	Release(id string) (*corpus.Release, bool)
}

// State keeps what must survive a restart; package store's Store is one.
type State interface {
	ClaimUpdate(platform, id string) (bool, error)
	LastUpdate(platform string) (int64, error)
	ChatLang(platform, chat string) (corpus.Lang, bool)
	SetChatLang(platform, chat string, lang corpus.Lang) error
	Remember(value string) (string, error)
	Recall(key string) (string, bool)
	Subscribe(store.Subscription) (bool, error)
	Unsubscribe(platform, chat string) (bool, error)
}

// Config is how the bot reaches Telegram.
type Config struct {
	Token string
	// APIURL is the Bot API server; empty means Telegram's own.
	APIURL string
	// WebhookURL switches from long polling to a webhook: Telegram posts
	// updates there, with WebhookSecret in a header.
	WebhookURL    string
	WebhookSecret string
	// PollTimeout is how long a long poll waits for updates.
	PollTimeout time.Duration
	HTTPClient  *http.Client
	// OnRateLimit, if set, is told of every 429 Telegram answers.
	OnRateLimit func()
	// Channels are subscribed to new releases at start: @name or id.
	Channels []string
	// Limits replaces Telegram's rate limits for announcements, for a
	// Bot API server of one's own, or tests.
	Limits *push.Limits
}

// Bot is the running Telegram bot.
type Bot struct {
	cfg    Config
	api    *bot.Bot
	engine Engine
	state  State
	logger *slog.Logger
	sender sender

	me      atomic.Pointer[models.User]
	mention atomic.Pointer[regexp.Regexp] // "@botname" in a group message
	ready   atomic.Bool
}

// handleTimeout bounds the work on one update, including waits for rate
// limits; shutdown lets updates in progress finish within it.
const handleTimeout = 30 * time.Second

// New prepares the bot; Run connects it.
func New(cfg Config, engine Engine, state State, logger *slog.Logger) (*Bot, error) {
	if cfg.PollTimeout == 0 {
		cfg.PollTimeout = 50 * time.Second
	}
	if cfg.HTTPClient == nil {
		// The client must wait longer than a long poll.
		cfg.HTTPClient = &http.Client{Timeout: cfg.PollTimeout + 15*time.Second}
	}
	b := &Bot{cfg: cfg, engine: engine, state: state, logger: logger}
	offset, err := state.LastUpdate(platform)
	if err != nil {
		return nil, err
	}
	opts := []bot.Option{
		bot.WithSkipGetMe(),
		bot.WithHTTPClient(cfg.PollTimeout, cfg.HTTPClient),
		bot.WithDefaultHandler(b.handle),
		// Handlers run on the library's workers, so its Start returns
		// only when the updates in progress are answered.
		bot.WithNotAsyncHandlers(),
		bot.WithWorkers(4),
		bot.WithInitialOffset(offset),
		bot.WithAllowedUpdates(bot.AllowedUpdates(allowedUpdates())),
		bot.WithErrorsHandler(func(err error) { logger.Warn("telegram", "error", err) }),
	}
	if cfg.APIURL != "" {
		opts = append(opts, bot.WithServerURL(cfg.APIURL))
	}
	api, err := bot.New(cfg.Token, opts...)
	if err != nil {
		return nil, fmt.Errorf("telegram: %w", err)
	}
	b.api = api
	b.sender = newSender(api, logger, cfg.OnRateLimit)
	return b, nil
}

// allowedUpdates are the updates the bot asks Telegram for: messages,
// button taps, inline queries, and news of its own membership in chats.
func allowedUpdates() []string {
	return []string{models.AllowedUpdateMessage, models.AllowedUpdateCallbackQuery, models.AllowedUpdateInlineQuery, models.AllowedUpdateMyChatMember}
}

// Ready reports whether the bot has reached Telegram.
func (b *Bot) Ready() bool { return b.ready.Load() }

// Run connects to Telegram and answers updates until ctx ends, then
// finishes the answers in progress.
func (b *Bot) Run(ctx context.Context) error {
	me, err := b.connect(ctx)
	if err != nil {
		return err
	}
	// "@isabot", not the "info@isabot.de" of an e-mail address.
	b.mention.Store(regexp.MustCompile(`(?i)(^|\s)@` + regexp.QuoteMeta(me.Username) + `\b`))
	b.me.Store(me)
	b.registerCommands(ctx)
	b.subscribeConfigured(ctx)
	if b.cfg.WebhookURL != "" {
		_, err := b.api.SetWebhook(ctx, &bot.SetWebhookParams{
			URL:            b.cfg.WebhookURL,
			SecretToken:    b.cfg.WebhookSecret,
			AllowedUpdates: allowedUpdates(),
		})
		if err != nil {
			return fmt.Errorf("telegram: set webhook: %w", err)
		}
		b.ready.Store(true)
		b.logger.Info("telegram bot receives updates by webhook", "username", me.Username)
		<-ctx.Done()
		return nil
	}
	if _, err := b.api.DeleteWebhook(ctx, &bot.DeleteWebhookParams{}); err != nil {
		return fmt.Errorf("telegram: delete webhook: %w", err)
	}
	b.ready.Store(true)
	b.logger.Info("telegram bot polls for updates", "username", me.Username)
	b.api.Start(ctx)
	return nil
}

// connect asks Telegram who the bot is, retrying with backoff while the
// network or Telegram fails; a wrong token fails at once.
func (b *Bot) connect(ctx context.Context) (*models.User, error) {
	wait := time.Second
	for {
		me, err := b.api.GetMe(ctx)
		switch {
		case err == nil:
			return me, nil
		case errors.Is(err, bot.ErrorUnauthorized), errors.Is(err, bot.ErrorNotFound):
			return nil, fmt.Errorf("telegram: the bot token was refused: %w", err)
		}
		b.logger.Warn("telegram: cannot reach the Bot API, retrying", "error", err, "in", wait)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Minute)
	}
}

// WebhookHandler receives updates from Telegram in webhook mode. A request
// without the right secret gets 401 and is not read any further.
func (b *Bot) WebhookHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		got := r.Header.Get("X-Telegram-Bot-Api-Secret-Token")
		if b.cfg.WebhookSecret == "" || subtle.ConstantTimeCompare([]byte(got), []byte(b.cfg.WebhookSecret)) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if b.me.Load() == nil {
			// Not connected yet: Telegram delivers the update again later.
			http.Error(w, "starting", http.StatusServiceUnavailable)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
			return
		}
		var u models.Update
		if err := json.Unmarshal(body, &u); err != nil {
			b.logger.Warn("telegram: malformed update skipped", "error", err)
			http.Error(w, "malformed update", http.StatusBadRequest)
			return
		}
		// Answered before the response, so Telegram does not resend.
		b.api.ProcessUpdate(r.Context(), &u)
		w.WriteHeader(http.StatusOK)
	})
}

// handle is the library's handler for every update.
func (b *Bot) handle(ctx context.Context, _ *bot.Bot, u *models.Update) {
	// Shutdown stops new updates; one in progress is finished.
	ctx, cancel := bots.Finish(ctx, handleTimeout, bots.DrainGrace)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			b.logger.Error("telegram: update handler panicked", "update_id", u.ID, "panic", p)
		}
	}()
	first, err := b.state.ClaimUpdate(platform, strconv.FormatInt(u.ID, 10))
	if err != nil {
		b.logger.Error("telegram: cannot record the update; answering anyway", "update_id", u.ID, "error", err)
	} else if !first {
		b.logger.Debug("telegram: update already handled", "update_id", u.ID)
		return
	}
	switch {
	case u.Message != nil:
		b.onMessage(ctx, u.Message)
	case u.CallbackQuery != nil:
		b.onCallback(ctx, u.CallbackQuery)
	case u.InlineQuery != nil:
		b.onInlineQuery(ctx, u.InlineQuery)
	case u.MyChatMember != nil:
		b.onMembership(ctx, u.MyChatMember)
	}
}

// registerCommands sets the command menu in each language; a failure is
// logged, not fatal: the commands work without the menu.
func (b *Bot) registerCommands(ctx context.Context) {
	// The menu without a language is for users whose language is none of
	// the three: English.
	for _, lang := range append(corpus.Langs(), "") {
		menu := corpus.English
		if lang != "" {
			menu = lang
		}
		params := &bot.SetMyCommandsParams{Commands: commandMenu(menu), LanguageCode: string(lang)}
		if _, err := b.api.SetMyCommands(ctx, params); err != nil {
			b.logger.Warn("telegram: cannot set the command menu", "lang", lang, "error", err)
		}
	}
}
