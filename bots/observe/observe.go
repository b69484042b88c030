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
	}
	m.registry.MustRegister(m.questions, m.latency, m.announced, m.deliveries, m.abandoned, m.rateLimitWaits,
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
	unanswered *Unanswered
}

// Observed wraps engine for platform.
func Observed(engine Engine, platform string, metrics *Metrics, unanswered *Unanswered) *ObservedEngine {
	return &ObservedEngine{Engine: engine, platform: platform, metrics: metrics, unanswered: unanswered}
}

// Answer answers, counts and logs.
func (e *ObservedEngine) Answer(ctx context.Context, question string, lang corpus.Lang) (answer.Answer, error) {
	start := time.Now()
	a, err := e.Engine.Answer(ctx, question, lang)
	if err != nil {
		return a, err
	}
	e.metrics.Answered(e.platform, a, time.Since(start))
	if !a.Answered && a.Kind != answer.KindHelp {
		e.unanswered.Add(question, a.Lang, e.platform)
	}
	return a, nil
}
