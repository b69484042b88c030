package main

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"math"
	"net"
	"net/http"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/handoff"
	"github.com/isa-alliance/isabot/bots/inbox"
	"github.com/isa-alliance/isabot/bots/observe"
	"github.com/isa-alliance/isabot/bots/push"
	slackbot "github.com/isa-alliance/isabot/bots/slack"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/telegram"
	"github.com/isa-alliance/isabot/bots/web"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
)

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

// start loads the corpus and opens its index, then starts the bots, the
// delivery of new releases and the watch of the releases folder in group
// (the bots that poll and the deliveries on pollCtx, the bots the listener
// feeds on hookCtx),
// and puts the HTTP handlers in place. It tells starting how far it got,
// adds what is to be closed after group ends to closers, and returns
// ctx's error if ctx ends first.
func (a *app) start(ctx, pollCtx, hookCtx context.Context, group *errgroup.Group, starting *startup, closers *[]func()) error {
	began := time.Now()
	data, unused, idx, err := a.openCorpus(ctx, true)
	if err != nil {
		return err
	}
	starting.set("data", dataCheck(unused))
	*closers = append(*closers, func() { idx.Close() })
	engine := search.NewEngine(data, idx)
	// What the engine reads on first need, it reads now, beside the
	// start, so that the first questions do not wait; done before the
	// index closes.
	warmed := make(chan struct{})
	go func() {
		defer close(warmed)
		engine.Warm()
	}()
	*closers = append(*closers, func() { <-warmed })
	state, err := a.openState(ctx)
	if err != nil {
		return err
	}
	*closers = append(*closers, func() { state.Close() })
	// The press office's curated answers, kept in step with the database
	// or curated.yaml.
	curated := a.curatedAnswers(engine, state)
	curated.Load()
	group.Go(func() error { return curated.Watch(pollCtx) })
	shared, _ := state.(replicas) // nil with the state file: this process alone
	if check := stateCheck(state); check != nil {
		starting.set("state", check)
	}
	// What must happen once, whatever the number of replicas: the
	// deliveries, the long polls, the feeds, the hand-offs' reminders.
	var scheduled []func(context.Context) error

	var pusher *push.Pusher
	metrics := observe.NewMetrics(func() float64 {
		n, _ := idx.DocCount()
		return float64(n)
	}, func() float64 {
		if pusher == nil { // not made yet: nothing queued
			return 0
		}
		return float64(pusher.QueueDepth())
	})
	unanswered := a.unansweredLog(state)
	*closers = append(*closers, func() { unanswered.Close() })
	observed := func(platform string) *observe.ObservedEngine {
		return observe.Observed(engine, platform, metrics, unanswered)
	}

	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics.Handler())
	mux.Handle("GET /api/ask", web.AskHandler(observed("api"), web.RateLimit{PerSecond: a.cfg.AskRate, Burst: askBurst, TrustedProxies: a.cfg.TrustedProxies}, a.logger))
	if err := a.servePages(mux, observed("web"), engine); err != nil {
		return err
	}
	internalToken, err := writeInternalToken(a.dataDir)
	if err != nil {
		return err
	}
	mux.Handle("GET "+subscribersPath, stateHandler(state, internalToken, subscriptions))
	mux.Handle("GET "+deliveriesPath, stateHandler(state, internalToken, store.State.Deliveries))

	var senders []push.Sender
	var reportTargets []push.ReportTarget // told of each release's deliveries
	var subscribing []<-chan struct{}     // closed once a bot's configured channels are subscribed
	// The hand-off of journalists' questions to the press office joins
	// the two bots once both are made.
	var desk *handoff.Desk
	if missing := a.cfg.handoffMissing(); len(missing) == 0 {
		policy := handoff.Policy{RemindAfter: a.cfg.SlackHandoffRemind, Retention: a.cfg.SlackHandoffRetention}
		desk = handoff.New(state, policy, metrics, a.logger.With("bot", "handoff"))
		desk.LearnWith(curated)
		metrics.WatchHandoffs(func() float64 { return float64(state.OpenHandoffs()) })
	} else if a.cfg.SlackHandoffChannel != "" {
		a.logger.Warn("the hand-off to the press office is off", "missing", strings.Join(missing, ", "))
	}
	journalists := map[string]handoff.Journalists{}
	var liaisons *slackbot.Bot
	started := 0
	if a.cfg.TelegramToken != "" {
		cfg := telegram.Config{
			Token:         a.cfg.TelegramToken,
			APIURL:        a.cfg.TelegramAPIURL,
			WebhookURL:    a.cfg.TelegramWebhookURL,
			WebhookSecret: a.cfg.TelegramWebhookSecret,
			OnRateLimit:   func() { metrics.RateLimited("telegram") },
			Channels:      a.cfg.TelegramChannels,
			Limits:        a.cfg.telegramLimits(),
			Cities:        engine,
		}
		if cfg.WebhookURL != "" && cfg.WebhookSecret == "" {
			cfg.WebhookSecret = randomSecret()
		}
		if desk != nil {
			cfg.Handoff = desk
		}
		cfg.Permalink = a.permalink()
		tg, err := telegram.New(cfg, observed("telegram"), state, a.logger.With("bot", "telegram"))
		if err != nil {
			return err
		}
		starting.set("telegram", tg.Health)
		runCtx := pollCtx
		if cfg.WebhookURL != "" {
			mux.Handle("POST /telegram/webhook", tg.WebhookHandler())
			runCtx = hookCtx
		}
		if cfg.WebhookURL != "" {
			group.Go(func() error { return tg.Run(runCtx) })
		} else {
			scheduled = append(scheduled, tg.Run)
		}
		journalists[handoff.Telegram] = tg
		if a.cfg.ReportChat != "" {
			reportTargets = append(reportTargets, push.ReportTarget{Notifier: tg, Chat: a.cfg.ReportChat})
		}
		subscribing = append(subscribing, tg.Subscribed())
		senders = append(senders, tg)
		started++
	}
	var runSlack func() // started once the pusher is made
	if a.cfg.SlackBotToken != "" {
		slackCfg := slackbot.Config{
			BotToken:        a.cfg.SlackBotToken,
			AppToken:        a.cfg.SlackAppToken,
			SigningSecret:   a.cfg.SlackSigningSecret,
			APIURL:          a.cfg.SlackAPIURL,
			OnRateLimit:     func() { metrics.RateLimited("slack") },
			Channels:        a.cfg.SlackChannels,
			AdminsSubscribe: a.cfg.SlackSubscribe == "admins",
			Cities:          engine,
			// Called only once Run has started, after the pusher is made.
			Requeue: func(ds []store.Delivery) { pusher.Enqueue(ds) },
		}
		slackCfg.Permalink = a.permalink()
		if desk != nil {
			slackCfg.HandoffChannel, slackCfg.Handoff, slackCfg.Asker = a.cfg.SlackHandoffChannel, desk, desk
		}
		sl, err := slackbot.New(slackCfg, observed("slack"), state, a.logger.With("bot", "slack"))
		if err != nil {
			return err
		}
		starting.set("slack", sl.Health)
		runCtx := pollCtx
		if !sl.SocketMode() {
			mux.Handle("POST /slack/events", sl.EventsHandler())
			mux.Handle("POST /slack/commands", sl.CommandsHandler())
			mux.Handle("POST /slack/interactivity", sl.InteractivityHandler())
			runCtx = hookCtx
		}
		runSlack = func() { group.Go(func() error { return sl.Run(runCtx) }) }
		liaisons = sl
		journalists[handoff.Slack] = sl
		if a.cfg.SlackReportChannel != "" {
			reportTargets = append(reportTargets, push.ReportTarget{Notifier: sl, Chat: a.cfg.SlackReportChannel})
		}
		senders = append(senders, sl)
		started++
	}
	if desk != nil {
		desk.Connect(liaisons, journalists)
		scheduled = append(scheduled, desk.Run)
	}
	if started == 0 {
		a.logger.Warn("no bot is configured: set TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN to start a bot; only the HTTP listener runs")
	}

	// New releases: from the releases folder and the feeds, indexed live
	// and announced to the subscribers once each.
	pusher = push.New(state, engine, senders, metrics, a.logger, push.WithMatcher(engine))
	if runSlack != nil {
		runSlack() // once the pusher it hands resumed deliveries is made
	}
	taken, err := inbox.OpenTaken(filepath.Join(a.dataDir, takenFile))
	if err != nil {
		return err
	}
	*closers = append(*closers, func() { taken.Close() })
	if first, err := state.Baseline(fingerprints(engine.Latest(math.MaxInt))); err != nil {
		return err
	} else if first {
		a.logger.Info("recorded the releases present as the baseline: they are not announced")
		// Their files need not be read at the next start either.
		if err := taken.Take(releaseFiles(data)); err != nil {
			a.logger.Warn("the release files are read again at the next start", "error", err)
		}
	}
	a.restoreKept(ctx, engine, state)
	due := func(ctx context.Context, r corpus.Release) error { return a.arrive(ctx, engine, pusher, shared, r) }
	held := newEmbargoes(a.clock)
	arrive := func(ctx context.Context, r corpus.Release) error {
		if held.hold(r) {
			a.logger.Info("holding a release under embargo", "release", r.ID, "until", r.Embargo)
			return nil
		}
		return due(ctx, r)
	}
	scheduled = append(scheduled, pusher.Run, func(ctx context.Context) error {
		push.RunReports(ctx, state, reportTargets, reportTick, a.logger)
		return nil
	}, func(ctx context.Context) error {
		// Digests are checked for their hour as often as embargoes.
		pusher.RunDigests(ctx, a.clock, cmp.Or(a.embargoTick, embargoTick))
		return nil
	})
	group.Go(func() error {
		held.run(pollCtx, cmp.Or(a.embargoTick, embargoTick), due, func(r corpus.Release, err error) {
			a.logger.Error("cannot publish a release whose embargo ended; trying again", "release", r.ID, "error", err)
		})
		return nil
	})
	// A release that arrives is announced to the subscribers of the
	// moment: the configured channels first, unless a bot cannot reach
	// its platform in time.
	group.Go(func() error {
		if !a.awaitSubscribed(ctx, subscribing) {
			return nil
		}
		group.Go(func() error {
			opts := inbox.Options{Scan: true, MaxFileSize: a.cfg.MaxFileSize, Taken: taken,
				Done: func(r corpus.Release) bool { return !r.Embargoed(a.clock()) }}
			return inbox.WatchFolder(ctx, filepath.Join(a.dataDir, corpus.ReleasesDir), arrive, a.logger, opts)
		})
		return nil
	})
	if len(a.cfg.Feeds) > 0 {
		scheduled = append(scheduled, func(ctx context.Context) error {
			if !a.awaitSubscribed(ctx, subscribing) {
				return nil
			}
			return inbox.PollFeeds(ctx, a.cfg.Feeds, a.cfg.FeedInterval, &http.Client{Timeout: time.Minute}, state, arrive, a.logger)
		})
	}
	a.schedule(pollCtx, group, shared, state, engine, pusher, scheduled)

	starting.open(mux, func() error { _, err := idx.DocCount(); return err })
	a.logger.Info("serving: the index is open", "releases", len(data.Releases), "took", time.Since(began).Round(time.Millisecond))
	return nil
}

// serve runs everything until ctx ends, then shuts down in order, within
// the configured shutdown timeout: stop taking updates and requests,
// finish the answers, requests and deliveries in progress (cut off when
// their time is up), close the state. The HTTP listener starts first (see
// startup), and the rest beside it.
func (a *app) serve(ctx context.Context) error {
	starting := newStartup(a.cfg)
	mux := starting.handler()
	group, ctx := errgroup.WithContext(ctx)
	// Once told to stop, the work in progress (answers, requests,
	// deliveries) may go on under the drain, which ends when nine tenths
	// of the shutdown timeout have passed; the rest is for closing. The
	// bots that take their updates themselves (long polling, Socket Mode)
	// and the deliveries stop at once; the bots the listener feeds
	// (webhooks) stop once it has drained, so that what its last requests
	// started is waited for too.
	drain, endDrain := bots.Draining(context.WithoutCancel(ctx))
	defer endDrain()
	pollCtx, stopPolling := context.WithCancel(drain)
	defer stopPolling()
	hookCtx, stopHooks := context.WithCancel(drain)
	defer stopHooks()
	// What start opens is closed, in reverse, once everything stopped.
	var closers []func()
	defer func() {
		for _, c := range slices.Backward(closers) {
			c()
		}
	}()

	ln, err := net.Listen("tcp", a.cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", a.cfg.Listen, err)
	}
	requests := &inFlight{}
	server := a.newServer(requests.track(mux), drain)
	a.logger.Info("HTTP listener started", "addr", ln.Addr().String())
	group.Go(func() error {
		if err := server.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	})
	var cutOff *time.Timer // ends the drain when its time is up
	group.Go(func() error {
		<-ctx.Done()
		cutOff = time.AfterFunc(a.cfg.ShutdownTimeout*9/10, endDrain)
		stopPolling()
		if err := server.Shutdown(drain); err != nil {
			a.logger.Warn("HTTP requests in progress were cut off at the shutdown deadline", "error", err)
			server.Close()
		}
		requests.wait()
		stopHooks()
		return nil
	})
	group.Go(func() error { return a.start(ctx, pollCtx, hookCtx, group, starting, &closers) })
	err = group.Wait()
	cutOff.Stop()
	a.logger.Info("stopped")
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// subscribeWait bounds how long new releases wait for the bots to
// subscribe their configured channels: a bot whose platform refuses its
// token must not hold up the others' announcements.
const subscribeWait = 30 * time.Second

// awaitSubscribed waits until every bot has subscribed its configured
// channels, at most subscribeWait; false if ctx ended first.
func (a *app) awaitSubscribed(ctx context.Context, subscribing []<-chan struct{}) bool {
	timeout := time.NewTimer(subscribeWait)
	defer timeout.Stop()
	for _, done := range subscribing {
		select {
		case <-done:
		case <-ctx.Done():
			return false
		case <-timeout.C:
			a.logger.Warn("new releases are announced before every configured channel is subscribed: a bot has not reached its platform", "waited", subscribeWait)
			return true
		}
	}
	return true
}

// arrive takes a release that came in while serving: it is indexed (once,
// or again when it changed), shared with the other replicas if there are
// any, and announced (once).
func (a *app) arrive(ctx context.Context, engine *search.Engine, pusher *push.Pusher, shared replicas, r corpus.Release) error {
	added, err := a.index(ctx, engine, r)
	if err != nil {
		return err
	}
	current, _ := engine.Release(r.ID)
	if added && shared != nil {
		if err := shared.AddRelease(ctx, current); err != nil {
			return err
		}
	}
	_, err = pusher.Announce(current)
	return err
}

// index indexes a release that is new or changed; it reports whether it
// was.
func (a *app) index(ctx context.Context, engine *search.Engine, r corpus.Release) (bool, error) {
	if old, ok := engine.Release(r.ID); ok && sameRelease(old, &r) {
		return false, nil
	}
	if err := a.add(ctx, engine, r); err != nil {
		return false, fmt.Errorf("index %s: %w", r.ID, err)
	}
	a.logger.Info("indexed a release", "release", r.ID, "source", r.Source)
	return true, nil
}

// add puts a release into the engine. One it learns no facts from is
// added all the same, found by its text, and announced: that is logged,
// not an error.
func (a *app) add(ctx context.Context, engine *search.Engine, r corpus.Release) error {
	var learnErr *search.LearnError
	if err := engine.Add(ctx, r); errors.As(err, &learnErr) {
		a.logger.Error("indexed a release, but learned no facts from it", "release", r.ID, "error", err)
	} else if err != nil {
		return err
	}
	return nil
}

// restoreKept gives the engine the releases the outbox is delivering that
// the corpus lacks, such as a feed's: their announcements' Read more
// shows them, and questions find them, whether or not the feed answers.
func (a *app) restoreKept(ctx context.Context, engine *search.Engine, state store.State) {
	kept, err := state.KeptReleases()
	if err != nil {
		a.logger.Error("cannot read the releases being delivered", "error", err)
		return
	}
	for _, r := range kept {
		if _, ok := engine.Release(r.ID); ok {
			continue
		}
		if err := a.add(ctx, engine, r); err != nil {
			a.logger.Error("cannot index a release being delivered", "release", r.ID, "error", err)
			continue
		}
		a.logger.Info("indexed a release being delivered, from the outbox", "release", r.ID, "source", r.Source)
	}
}

// sameRelease reports whether two versions of a release say the same:
// what is indexed, and the link and place an announcement shows. Where the
// file or feed came from does not count.
func sameRelease(a, b *corpus.Release) bool {
	x, y := *a, *b
	x.Source, y.Source = "", ""
	return reflect.DeepEqual(x, y)
}

// fingerprints maps releases to their fingerprints, for the baseline.
func fingerprints(releases []*corpus.Release) map[string]string {
	out := make(map[string]string, len(releases))
	for _, r := range releases {
		out[r.ID] = push.Fingerprint(r)
	}
	return out
}

// releaseFiles are the data directory's release files data was loaded
// from, by name, with their stamps.
func releaseFiles(data *corpus.Data) map[string]corpus.Stamp {
	out := make(map[string]corpus.Stamp, len(data.Stamps))
	for _, r := range data.Releases {
		if s, ok := data.Stamps[r.ID]; ok {
			out[filepath.Base(r.Source)] = s
		}
	}
	return out
}

// reportTick is how often settled fan-outs are looked for, to be
// reported.
const reportTick = 15 * time.Second

// stateFile, in the data directory, is the state store.
const stateFile = "state.db"

// takenFile, in the data directory, records the release files the
// releases folder's watch took (inbox.Taken).
const takenFile = "inbox-taken.log"

// askBurst is how many questions a client may ask the API at once.
const askBurst = 5

// unansweredFile, in the data directory, logs the questions isabot could
// not answer.
const unansweredFile = "unanswered.jsonl"

// randomSecret makes a webhook secret when none is configured: Telegram
// then sends it with every update, and nobody else knows it.
func randomSecret() string {
	b := make([]byte, 32)
	rand.Read(b)
	return hex.EncodeToString(b)
}
