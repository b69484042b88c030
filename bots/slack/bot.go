// Package slack is isabot's Slack adapter: member-city liaisons ask by
// mentioning the bot in a channel, in a direct message or with the /isa
// slash command, and get the answer engine's answers as Block Kit. It runs
// in Socket Mode (no public address needed) or over HTTP, where every
// request is verified with the app's signing secret before it is read.
// It is built on github.com/slack-go/slack.
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/push"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
	"github.com/isa-alliance/isabot/search/answer"
)

// platform names Slack in the shared state.
const platform = "slack"

// Engine answers; package search's Engine is one.
type Engine interface {
	Answer(ctx context.Context, question string, lang corpus.Lang) (answer.Answer, error)
	AnswerAbout(ctx context.Context, question string, lang corpus.Lang, release string) (answer.Answer, error)
	Members(lang corpus.Lang, filter string) answer.Answer
	Contact(lang corpus.Lang) answer.Answer
	Help(lang corpus.Lang) answer.Answer
	Latest(n int) []*corpus.Release
	Search(ctx context.Context, words string, lang corpus.Lang, offset, limit int) ([]answer.Hit, int, error)
	Release(id string) (*corpus.Release, bool)
}

// State keeps what must survive a restart; package store's Store is one.
type State interface {
	ClaimUpdate(platform, id string) (bool, error)
	Subscribe(store.Subscription) (bool, error)
	Unsubscribe(platform, chat string) (bool, error)
	Subscription(platform, chat string) (store.Subscription, bool, error)
	Subscriptions() ([]store.Subscription, error)
	Rename(platform, chat, title string) error
	Pause(platform, chat, reason string) (bool, error)
	Resume(platform, chat, reason string) ([]store.Delivery, error)
	// MessageRelease tells which release a message of the bot announced.
	MessageRelease(platform, chat, message string) (string, bool)
	Followers
	Digests
}

// Config is how the bot reaches Slack.
type Config struct {
	BotToken string // xoxb-...
	// AppToken (xapp-...) switches on Socket Mode; without it the bot
	// serves Slack's HTTP requests and needs SigningSecret.
	AppToken      string
	SigningSecret string
	// APIURL is the Web API's base URL with a trailing slash; empty means
	// Slack's own.
	APIURL     string
	HTTPClient *http.Client
	// OnRateLimit, if set, is told of every rate limit Slack answers.
	OnRateLimit func()
	// Channels are subscribed to new releases at start (channel ids).
	Channels []string
	// Limits replaces Slack's rate limits for announcements, for tests.
	Limits *push.Limits
	// AdminsSubscribe lets only the workspace's admins and owners
	// subscribe a channel or end its subscription (SLACK_SUBSCRIBE=admins);
	// else anyone in the channel may.
	AdminsSubscribe bool
	// Cities, if set, tells the cities "/isa follow" names from its
	// topics; without it everything followed is a topic.
	Cities bots.Cities
	// Requeue, if set, is handed the deliveries that were held while a
	// channel was archived or the app uninstalled, once they may go.
	Requeue func([]store.Delivery)
	// Permalink, if set, is the address of a release's web page: an
	// announcement's Read more opens it instead of showing the release
	// to who pressed it.
	Permalink func(id string) string
	// HandoffChannel is where the questions journalists hand to the press
	// office are posted, and Handoff takes the liaisons' answers to them;
	// the hand-off is off without both.
	HandoffChannel string
	Handoff        Handoffs
	// Asker, if set, offers a liaison to hand their own question, asked
	// in a direct message, to the press office.
	Asker Asker
}

// Bot is the running Slack bot.
type Bot struct {
	cfg    Config
	api    *slack.Client
	engine Engine
	state  State
	logger *slog.Logger
	poster poster
	now    func() time.Time

	userID atomic.Value // the bot's own user id, from auth.test
	seen   seenSet      // the commands, interactions and events answered lately

	healthMu sync.Mutex
	health   error // why the bot is not ready; nil when it is
	// pausedFor is the workspace event (app_uninstalled, tokens_revoked)
	// that paused every delivery until the token works again.
	pausedFor string
	// recheck asks Run to check the token, which a call found refused.
	recheck chan struct{}
	// after is time.After; tests make the pauses their own.
	after func(time.Duration) <-chan time.Time

	// work tracks the answers in progress, so shutdown can wait for them.
	work sync.WaitGroup
}

// handleTimeout bounds the work on one request, including retries.
const handleTimeout = 30 * time.Second

// New prepares the bot; Run connects it.
func New(cfg Config, engine Engine, state State, logger *slog.Logger) (*Bot, error) {
	if cfg.BotToken == "" {
		return nil, errors.New("slack: no bot token")
	}
	if cfg.AppToken == "" && cfg.SigningSecret == "" {
		return nil, errors.New("slack: HTTP mode needs SLACK_SIGNING_SECRET to verify that requests come from Slack; set it, or set SLACK_APP_TOKEN for Socket Mode")
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	opts := []slack.Option{slack.OptionHTTPClient(cfg.HTTPClient)}
	if cfg.APIURL != "" {
		opts = append(opts, slack.OptionAPIURL(withSlash(cfg.APIURL)))
	}
	if cfg.AppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(cfg.AppToken))
	}
	api := slack.New(cfg.BotToken, opts...)
	b := &Bot{
		cfg: cfg, api: api, engine: engine, state: state, logger: logger, now: time.Now,
		seen:    seenSet{ids: map[string]bool{}},
		health:  errNotConnected,
		recheck: make(chan struct{}, 1),
		after:   time.After,
	}
	// Configured channels need no answer from Slack: subscribed before
	// anything is announced.
	b.subscribeConfigured()
	b.poster = newPoster(api, cfg.HTTPClient, logger, cfg.OnRateLimit, b.noticeRefusal)
	b.userID.Store("")
	return b, nil
}

// withSlash adds the trailing slash slack-go needs on its API URL.
func withSlash(u string) string {
	if strings.HasSuffix(u, "/") {
		return u
	}
	return u + "/"
}

// SocketMode reports whether the bot receives events over Socket Mode
// rather than HTTP.
func (b *Bot) SocketMode() bool { return b.cfg.AppToken != "" }

// Run connects to Slack and answers until ctx ends, then finishes the
// answers in progress, and returns nil. A token Slack refuses, at the
// start or later, stops nothing else: the bot reports it in Health, logs
// it, and asks Slack again after a pause that doubles up to a limit.
func (b *Bot) Run(ctx context.Context) error {
	defer b.work.Wait()
	pause := tokenPause
	for {
		err := b.connect(ctx)
		if err == nil {
			b.resumeWorkspace()
			b.checkConfigured(ctx)
			err = b.receive(ctx)
		}
		if ctx.Err() != nil {
			return nil
		}
		if b.Health() == nil { // it ran: the pauses start over
			pause = tokenPause
		}
		b.setHealth(err)
		b.logger.Error(fmt.Sprintf("slack: %v; retrying in %v", err, pause), "error", err, "retry_in", pause)
		if !b.sleep(ctx, pause) {
			return nil
		}
		pause = min(2*pause, maxTokenPause)
	}
}

// receive takes Slack's events until ctx ends (nil), a token is refused
// or Socket Mode fails.
func (b *Bot) receive(ctx context.Context) error {
	if !b.SocketMode() {
		b.setHealth(nil)
		b.logger.Info("slack bot receives events over HTTP")
		for {
			select {
			case <-ctx.Done():
				return nil
			case <-b.recheck:
				if err := b.checkToken(ctx); err != nil {
					return err
				}
			}
		}
	}
	socketCtx, stop := context.WithCancel(ctx)
	defer stop()
	client := socketmode.New(b.api)
	done := make(chan error, 1)
	go func() { done <- client.RunContext(socketCtx) }()
	b.logger.Info("slack bot connects in Socket Mode")
	for {
		select {
		case <-ctx.Done():
			<-done
			return nil
		case err := <-done:
			if ctx.Err() != nil {
				return nil
			}
			if refusal := refused("app-level token", err); refusal != nil {
				return refusal
			}
			return fmt.Errorf("socket mode: %w", err)
		case <-b.recheck:
			if err := b.checkToken(ctx); err != nil {
				stop()
				<-done
				return err
			}
		case evt := <-client.Events:
			b.onSocketEvent(ctx, client, evt)
		}
	}
}

// connect asks Slack who the bot is, retrying while the network fails,
// and returns a *refusedError if Slack refuses the token.
func (b *Bot) connect(ctx context.Context) error {
	wait := time.Second
	for {
		auth, err := b.api.AuthTestContext(ctx)
		if err == nil {
			b.userID.Store(auth.UserID)
			return nil
		}
		if refusal := refused("token", err); refusal != nil {
			return refusal
		}
		b.logger.Warn("slack: cannot reach the Web API, retrying", "error", err, "in", wait)
		if !b.sleep(ctx, wait) {
			return ctx.Err()
		}
		wait = min(2*wait, time.Minute)
	}
}

// sleep waits d, or until ctx ends; it reports whether ctx goes on.
func (b *Bot) sleep(ctx context.Context, d time.Duration) bool {
	select {
	case <-ctx.Done():
		return false
	case <-b.after(d):
		return true
	}
}

// onSocketEvent acknowledges a Socket Mode envelope at once, as Slack
// wants within three seconds, and answers it in the background.
func (b *Bot) onSocketEvent(ctx context.Context, client *socketmode.Client, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnected:
		b.setHealth(nil)
		return
	case socketmode.EventTypeEventsAPI, socketmode.EventTypeSlashCommand, socketmode.EventTypeInteractive:
	default:
		return
	}
	var again retry
	if evt.Request != nil {
		if err := client.AckCtx(ctx, evt.Request.EnvelopeID, nil); err != nil {
			b.logger.Warn("slack: cannot acknowledge an envelope", "error", err)
		}
		again = retry{num: evt.Request.RetryAttempt, reason: evt.Request.RetryReason}
	}
	switch data := evt.Data.(type) {
	case slackEventsAPIEvent:
		b.dispatchEvent(ctx, data, again)
	case slack.SlashCommand:
		b.background(ctx, func(ctx context.Context) { b.onCommand(ctx, data) })
	case slack.InteractionCallback:
		b.background(ctx, func(ctx context.Context) { b.onInteraction(ctx, data) })
	default:
		b.logger.Warn("slack: unexpected envelope skipped", "type", evt.Type)
	}
}

// background runs work for one conversation in its own goroutine, so a
// slow or failing post never holds back others; shutdown waits for it.
func (b *Bot) background(ctx context.Context, work func(ctx context.Context)) {
	b.work.Add(1)
	go func() {
		defer b.work.Done()
		ctx, cancel := bots.Finish(ctx, handleTimeout, bots.DrainGrace)
		defer cancel()
		defer func() {
			if p := recover(); p != nil {
				b.logger.Error("slack: handler panicked", "panic", p)
			}
		}()
		work(ctx)
	}()
}

// lang is the reply language: the question's own, else German.
func lang(question string) corpus.Lang {
	l, _ := search.DetectLang(question)
	return l
}
