package observe

import (
	"context"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
)

func TestObservedEngine(t *testing.T) {
	data, _ := corpus.Load(corpus.Embedded())
	idx, err := search.NewMemIndex(context.Background(), data.Releases)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	m := NewMetrics(func() float64 { return 9 }, func() float64 { return 0 })
	path := filepath.Join(t.TempDir(), "unanswered.jsonl")
	u := NewUnanswered(path, slog.New(slog.DiscardHandler))
	e := Observed(search.NewEngine(data, idx), "telegram", m, u)

	for _, q := range []string{"Ist Köln Mitglied?", "Wie wird das Wetter?", "wie wird das   WETTER?", "What's the weather?", "hallo",
		"\x00\x01\x02", "\x1b]0;PWNED\x07\x1b[31mWer\u200b gewinnt?"} {
		if _, err := e.Answer(context.Background(), q, ""); err != nil {
			t.Fatal(err)
		}
	}
	if n := testutil.ToFloat64(m.questions.WithLabelValues("telegram", "de", "answered", "membership")); n != 1 {
		t.Errorf("answered membership questions: %v", n)
	}
	if n := testutil.ToFloat64(m.questions.WithLabelValues("telegram", "de", "unanswered", "none")); n != 4 {
		t.Errorf("unanswered German questions: %v", n)
	}
	if n := testutil.CollectAndCount(m.latency); n != 1 {
		t.Errorf("latency series: %d", n)
	}

	// The log counts the same question together, most asked first; a
	// greeting is no unanswered question.
	u.Close()
	qs, err := ReadUnanswered(path, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 3 || qs[0].Count != 2 || qs[0].Lang != corpus.German || qs[0].Platforms[0] != "telegram" {
		t.Errorf("unanswered: %+v", qs)
	}
	// Control characters are not kept: the editors read the log on a
	// terminal.
	var logged []string
	for _, q := range qs {
		logged = append(logged, q.Question)
	}
	slices.Sort(logged)
	if want := []string{"What's the weather?", "Wie wird das Wetter?", "]0;PWNED [31mWer gewinnt?"}; !slices.Equal(logged, want) {
		t.Errorf("logged %q, want %q", logged, want)
	}
	if qs, _ := ReadUnanswered(path, time.Now().Add(time.Hour)); len(qs) != 0 {
		t.Errorf("since the future: %+v", qs)
	}
	// Scraped, the metrics are there.
	families, err := m.registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range families {
		names = append(names, f.GetName())
		if f.GetName() == "isabot_index_passages" && f.GetMetric()[0].GetGauge().GetValue() != 9 {
			t.Errorf("index size %v", f.GetMetric()[0].GetGauge().GetValue())
		}
	}
	if got := strings.Join(names, " "); !strings.Contains(got, "isabot_questions_total") || !strings.Contains(got, "isabot_delivery_queue_depth") {
		t.Errorf("metrics: %s", got)
	}
}

func TestDeliveryMetrics(t *testing.T) {
	m := NewMetrics(func() float64 { return 0 }, func() float64 { return 0 })
	m.Delivered("telegram", "sent")
	m.Delivered("telegram", "failed")
	m.Abandoned("telegram")
	for _, tt := range []struct {
		name string
		got  float64
		want float64
	}{
		{"sent", testutil.ToFloat64(m.deliveries.WithLabelValues("telegram", "sent")), 1},
		{"failed", testutil.ToFloat64(m.deliveries.WithLabelValues("telegram", "failed")), 1},
		{"abandoned", testutil.ToFloat64(m.abandoned.WithLabelValues("telegram")), 1},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}
