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
	"sync"
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
	AnswerAbout(ctx context.Context, question string, lang corpus.Lang, release string) (answer.Answer, error)
	Members(lang corpus.Lang, filter string) answer.Answer
	Contact(lang corpus.Lang) answer.Answer
	Latest(n int) []*corpus.Release
	Search(ctx context.Context, words string, lang corpus.Lang, offset, limit int) ([]answer.Hit, int, error)
	Release(id string) (*corpus.Release, bool)
}

// State keeps what must survive a restart; package store's Store is one.
type State interface {
	ClaimUpdate(platform, id string) (bool, error)
	ReleaseUpdate(platform, id string) error
	ChatLang(platform, chat string) (corpus.Lang, bool)
	SetChatLang(platform, chat string, lang corpus.Lang) error
	Remember(value string) (string, error)
	Recall(key string) (string, bool)
	Subscribe(store.Subscription) (bool, error)
	Unsubscribe(platform, chat string) (bool, error)
	// MessageRelease tells which release a message of the bot announced.
	MessageRelease(platform, chat, message string) (string, bool)
	Followers
	Digests
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
	// DrainGrace is how long the answers in progress may go on once Run's
	// context ends; 0 means bots.DrainGrace. Tests shorten it.
	DrainGrace time.Duration
	// Cities, if set, tells the cities /follow names from its topics;
	// without it everything followed is a topic.
	Cities bots.Cities
	// Handoff, if set, offers journalists in private chats to ask the
	// press office what isabot cannot answer.
	Handoff Handoffs
	// Permalink, if set, is the address of a release's web page: an
	// announcement's Read more opens it instead of showing the release
	// in the chat.
	Permalink func(id string) string
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

	mu     sync.Mutex
	health error // nil while the bot receives updates, else why not

	// subscribed is closed once the configured channels are subscribed.
	subscribed chan struct{}

	// drain ends DrainGrace after Run's context, or with the drain Run's
	// context carries (bots.Draining): the updates taken from Telegram may
	// be answered until then.
	drain    context.Context
	endDrain context.CancelFunc
}

// handleTimeout bounds the work on one update, including waits for rate
// limits.
const handleTimeout = 30 * time.Second

// What Health reports when the bot does not receive updates.
var (
	errConnecting   = errors.New("has not reached Telegram yet")
	errTokenRefused = errors.New("the bot token was refused by Telegram")
	errUnreachable  = errors.New("cannot reach Telegram")
)

// New prepares the bot; Run connects it.
func New(cfg Config, engine Engine, state State, logger *slog.Logger) (*Bot, error) {
	if cfg.PollTimeout == 0 {
		cfg.PollTimeout = 50 * time.Second
	}
	if cfg.HTTPClient == nil {
		// The client must wait longer than a long poll.
		cfg.HTTPClient = &http.Client{Timeout: cfg.PollTimeout + 15*time.Second}
	}
	if cfg.APIURL == "" {
		cfg.APIURL = "https://api.telegram.org"
	}
	if cfg.DrainGrace == 0 {
		cfg.DrainGrace = bots.DrainGrace
	}
	b := &Bot{cfg: cfg, engine: engine, state: state, logger: logger, health: errConnecting, subscribed: make(chan struct{})}
	b.drain, b.endDrain = context.WithCancel(context.Background())
	// The library only calls methods: the bot polls for updates itself
	// (poll.go).
	api, err := bot.New(cfg.Token,
		bot.WithSkipGetMe(),
		bot.WithServerURL(cfg.APIURL),
		bot.WithHTTPClient(cfg.PollTimeout, cfg.HTTPClient),
		bot.WithErrorsHandler(func(err error) { logger.Warn("telegram", "error", err) }),
	)
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

// Health is nil while the bot receives updates, else why it does not:
// it has not reached Telegram yet, its token was refused, or Telegram
// cannot be reached. It never holds the token.
func (b *Bot) Health() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.health
}

// setHealth records why the bot does not receive updates (nil: it does)
// and returns what was recorded before.
func (b *Bot) setHealth(err error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	was := b.health
	b.health = err
	return was
}

// Subscribed is closed once the channels of the configuration are
// subscribed, which needs Telegram to find those named @name: a release
// announced before would not reach them.
func (b *Bot) Subscribed() <-chan struct{} { return b.subscribed }

// Run connects to Telegram and answers updates until ctx ends, then
// finishes the answers in progress within the drain grace. While the
// token is refused or Telegram cannot be reached it retries, with
// backoff, and Health says why; it fails only for a webhook Telegram
// refuses. Run is called once.
func (b *Bot) Run(ctx context.Context) error {
	bots.AfterDrain(ctx, b.cfg.DrainGrace, b.endDrain)
	me, err := reach(ctx, b, "getMe", b.api.GetMe)
	if err != nil {
		return b.ended(ctx, err)
	}
	// "@isabot", not the "info@isabot.de" of an e-mail address.
	b.mention.Store(regexp.MustCompile(`(?i)(^|\s)@` + regexp.QuoteMeta(me.Username) + `\b`))
	b.me.Store(me)
	b.registerCommands(ctx)
	b.subscribeConfigured(ctx)
	close(b.subscribed)
	if b.cfg.WebhookURL != "" {
		_, err := reach(ctx, b, "setWebhook", func(ctx context.Context) (bool, error) {
			return b.api.SetWebhook(ctx, &bot.SetWebhookParams{
				URL:            b.cfg.WebhookURL,
				SecretToken:    b.cfg.WebhookSecret,
				AllowedUpdates: allowedUpdates(),
			})
		})
		if err != nil {
			return b.ended(ctx, err)
		}
		b.setHealth(nil)
		b.logger.Info("telegram bot receives updates by webhook", "username", me.Username)
		<-ctx.Done()
		return nil
	}
	_, err = reach(ctx, b, "deleteWebhook", func(ctx context.Context) (bool, error) {
		return b.api.DeleteWebhook(ctx, &bot.DeleteWebhookParams{})
	})
	if err != nil {
		return b.ended(ctx, err)
	}
	b.setHealth(nil)
	b.logger.Info("telegram bot polls for updates", "username", me.Username)
	b.poll(ctx)
	return nil
}

// ended is what Run returns when it could not connect: nil when ctx
// ended first, else the error.
func (b *Bot) ended(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return nil
	}
	return fmt.Errorf("telegram: %w", err)
}

// reach calls Telegram until it answers, retrying (see retry) all but a
// bad request, which is returned, as is ctx's error when it ends.
func reach[T any](ctx context.Context, b *Bot, what string, call func(context.Context) (T, error)) (T, error) {
	var wait backoff
	for {
		v, err := call(ctx)
		switch {
		case err == nil, errors.Is(err, bot.ErrorBadRequest):
			return v, err
		case ctx.Err() != nil:
			return v, ctx.Err()
		}
		b.retry(ctx, what, err, &wait)
	}
}

// retry logs why a call to Telegram failed, records it in Health, and
// waits before the next try, or until ctx ends. A refused token is
// logged as an error: it needs the operator. The log comes first, so
// that whoever sees the health can find the log line.
func (b *Bot) retry(ctx context.Context, what string, err error, wait *backoff) {
	in := wait.next(err)
	if errors.Is(err, bot.ErrorUnauthorized) || errors.Is(err, bot.ErrorNotFound) {
		// 401 for a wrong or revoked token, 404 for one that is no token.
		b.logger.Error("telegram: the bot token was refused; check TELEGRAM_BOT_TOKEN; retrying", "call", what, "error", err, "in", in)
		b.setHealth(errTokenRefused)
	} else {
		b.logger.Warn("telegram: cannot reach the Bot API, retrying", "call", what, "error", err, "in", in)
		b.setHealth(errUnreachable)
	}
	select {
	case <-ctx.Done():
	case <-time.After(in):
	}
}

// Waits before the next try to reach Telegram.
const (
	firstRetryWait = time.Second
	maxRetryWait   = time.Minute
)

// backoff is how long to wait before the next try to reach Telegram:
// what a 429 asks for, else from a second, doubling with each failure in
// a row, up to a minute. The zero value starts afresh.
type backoff struct{ last time.Duration }

func (w *backoff) next(err error) time.Duration {
	var tooMany *bot.TooManyRequestsError
	if errors.As(err, &tooMany) {
		return time.Duration(max(tooMany.RetryAfter, 1)) * time.Second
	}
	w.last = min(max(2*w.last, firstRetryWait), maxRetryWait)
	return w.last
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
		// Answered before the response: Telegram delivers the update
		// again unless it gets 200.
		if !b.handle(&u) {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// handle answers an update, once: it reports false when shutdown's
// grace cut the answer off (or came first). The update's claim is then
// given up, so that it is answered when Telegram delivers it again; at
// worst a reply is sent twice.
func (b *Bot) handle(u *models.Update) bool {
	if b.drain.Err() != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(b.drain, handleTimeout)
	defer cancel()
	id := strconv.FormatInt(u.ID, 10)
	first, err := b.state.ClaimUpdate(platform, id)
	switch {
	case err != nil:
		b.logger.Error("telegram: cannot record the update; answering anyway", "update_id", u.ID, "error", err)
	case !first:
		b.logger.Debug("telegram: update already handled", "update_id", u.ID)
		return true
	}
	b.dispatch(ctx, u)
	if b.drain.Err() == nil {
		return true
	}
	b.logger.Warn("telegram: shutdown cut an answer off; the update is answered again after the restart", "update_id", u.ID)
	if err == nil {
		if err := b.state.ReleaseUpdate(platform, id); err != nil {
			b.logger.Error("telegram: cannot give up the claim on an update cut off", "update_id", u.ID, "error", err)
		}
	}
	return false
}

// dispatch hands an update to what answers its kind.
func (b *Bot) dispatch(ctx context.Context, u *models.Update) {
	defer func() {
		if p := recover(); p != nil {
			b.logger.Error("telegram: update handler panicked", "update_id", u.ID, "panic", p)
		}
	}()
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
