// Package observe watches isabot at work: Prometheus metrics of the
// questions, answers, deliveries and rate limits, and the log of the
// questions it could not answer, which tells the editors what to add to
// the corpus. Engine wraps the answer engine so that every platform's
// questions are counted without the adapters knowing.
package observe

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// Metrics are isabot's Prometheus metrics, in a registry of their own.
type Metrics struct {
	registry       *prometheus.Registry
	questions      *prometheus.CounterVec
	latency        *prometheus.HistogramVec
	announced      prometheus.Counter
	deliveries     *prometheus.CounterVec
	abandoned      *prometheus.CounterVec
	rateLimitWaits *prometheus.CounterVec
	handoffs       *prometheus.CounterVec
	handoffAnswer  prometheus.Histogram
}

// NewMetrics registers the metrics; indexSize and queueDepth are read
// when Prometheus scrapes.
func NewMetrics(indexSize, queueDepth func() float64) *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "isabot_questions_total",
			Help: "Questions asked, by platform, language, outcome (answered or unanswered) and kind of answer.",
		}, []string{"platform", "lang", "outcome", "kind"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "isabot_answer_seconds",
			Help:    "Time to answer a question.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1},
		}, []string{"platform"}),
		announced: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "isabot_releases_announced_total",
			Help: "New releases announced to subscribers.",
		}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "isabot_deliveries_total",
			Help: "Announcements delivered to subscribers, by platform and result.",
		}, []string{"platform", "result"}),
		abandoned: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "isabot_deliveries_abandoned_total",
			Help: "Deliveries given up because the release to deliver was gone, by platform (each also counts as failed in isabot_deliveries_total).",
		}, []string{"platform"}),
		rateLimitWaits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "isabot_rate_limit_waits_total",
			Help: "Times a platform asked isabot to slow down (429), by platform.",
		}, []string{"platform"}),
		handoffs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "isabot_handoffs_total",
			Help: "Questions handed to the press office, by event: opened, answered, declined or dismissed.",
		}, []string{"event"}),
		handoffAnswer: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "isabot_handoff_answer_seconds",
			Help:    "Time from a question's hand-off to the press office's answer.",
			Buckets: []float64{60, 300, 900, 3600, 4 * 3600, 24 * 3600, 3 * 24 * 3600},
		}),
	}
	m.registry.MustRegister(m.questions, m.latency, m.announced, m.deliveries, m.abandoned, m.rateLimitWaits, m.handoffs, m.handoffAnswer,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "isabot_index_passages", Help: "Passages in the search index."}, indexSize),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "isabot_delivery_queue_depth", Help: "Deliveries waiting to be sent."}, queueDepth),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

// Handler serves /metrics.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// Answered counts an answer given on platform in d.
func (m *Metrics) Answered(platform string, a answer.Answer, d time.Duration) {
	outcome := "unanswered"
	if a.Answered {
		outcome = "answered"
	}
	m.questions.WithLabelValues(platform, string(a.Lang), outcome, string(a.Kind)).Inc()
	m.latency.WithLabelValues(platform).Observe(d.Seconds())
}

// HandoffOpened counts a question handed to the press office.
func (m *Metrics) HandoffOpened() { m.handoffs.WithLabelValues("opened").Inc() }

// HandoffClosed counts a hand-off closed with outcome, after it was open
// for d; an answer's time is observed.
func (m *Metrics) HandoffClosed(outcome string, d time.Duration) {
	m.handoffs.WithLabelValues(outcome).Inc()
	if outcome == "answered" {
		m.handoffAnswer.Observe(d.Seconds())
	}
}

// WatchHandoffs shows the hand-offs open now, which open reads when
// Prometheus scrapes. It is called once, when the hand-off is on.
func (m *Metrics) WatchHandoffs(open func() float64) {
	m.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "isabot_handoffs_open", Help: "Questions handed to the press office and not answered, declined, dismissed or expired yet.",
	}, open))
}

// RateLimited counts a 429 from platform.
func (m *Metrics) RateLimited(platform string) { m.rateLimitWaits.WithLabelValues(platform).Inc() }

// Announced counts a release announced.
func (m *Metrics) Announced() { m.announced.Inc() }

// Delivered counts a delivery's result ("sent", "unsubscribed", "failed").
func (m *Metrics) Delivered(platform, result string) {
	m.deliveries.WithLabelValues(platform, result).Inc()
}

// Abandoned counts a delivery given up because its release was gone.
func (m *Metrics) Abandoned(platform string) { m.abandoned.WithLabelValues(platform).Inc() }

// Engine is what the bots and the ask API put to the answer engine;
// package search's Engine is one. Only its questions are observed.
type Engine interface {
	Answer(ctx context.Context, question string, lang corpus.Lang) (answer.Answer, error)
	// AnswerAbout answers a question about one release, such as a reply
	// to its announcement: from it first, then from everything.
	AnswerAbout(ctx context.Context, question string, lang corpus.Lang, release string) (answer.Answer, error)
	Members(lang corpus.Lang, filter string) answer.Answer
	Contact(lang corpus.Lang) answer.Answer
	Help(lang corpus.Lang) answer.Answer
	Latest(n int) []*corpus.Release
	Search(ctx context.Context, words string, lang corpus.Lang, offset, limit int) ([]answer.Hit, int, error)
	Release(id string) (*corpus.Release, bool)
}

// ObservedEngine counts the questions put to an engine on one platform
// and logs those it could not answer; its other methods are the engine's
// own.
type ObservedEngine struct {
	Engine
	platform   string
	metrics    *Metrics
	unanswered UnansweredLog
}

// UnansweredLog keeps the questions that were not answered: Unanswered
// in a file of the data directory, or package pgstore's in the database
// the replicas share.
type UnansweredLog interface {
	Add(question string, lang corpus.Lang, platform string)
}

// Observed wraps engine for platform.
func Observed(engine Engine, platform string, metrics *Metrics, unanswered UnansweredLog) *ObservedEngine {
	return &ObservedEngine{Engine: engine, platform: platform, metrics: metrics, unanswered: unanswered}
}

// Answer answers, counts and logs.
func (e *ObservedEngine) Answer(ctx context.Context, question string, lang corpus.Lang) (answer.Answer, error) {
	return e.observe(question, func() (answer.Answer, error) { return e.Engine.Answer(ctx, question, lang) })
}

// AnswerAbout answers a question about a release, counts and logs.
func (e *ObservedEngine) AnswerAbout(ctx context.Context, question string, lang corpus.Lang, release string) (answer.Answer, error) {
	return e.observe(question, func() (answer.Answer, error) { return e.Engine.AnswerAbout(ctx, question, lang, release) })
}

// observe counts what ask answers, and logs it if unanswered.
func (e *ObservedEngine) observe(question string, ask func() (answer.Answer, error)) (answer.Answer, error) {
	start := time.Now()
	a, err := ask()
	if err != nil {
		return a, err
	}
	e.metrics.Answered(e.platform, a, time.Since(start))
	if !a.Answered && a.Kind != answer.KindHelp {
		e.unanswered.Add(question, a.Lang, e.platform)
	}
	return a, nil
}
