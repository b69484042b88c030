package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

func TestZZDebug(t *testing.T) {
	qs := os.Getenv("Q")
	if qs == "" {
		t.Skip()
	}
	dir := os.Getenv("D")
	if dir == "" {
		dir = "testdata/blind"
	}
	debugSentences = os.Getenv("V") != ""
	e := engineWith(t, dir)
	e.now = func() time.Time { return time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC) }
	for _, qt := range strings.Split(qs, "\n") {
		lang, _ := DetectLang(qt)
		q := e.read(cleanQuestion(e.message.unwrap(qt)), lang)
		var unk []string
		for _, u := range q.unknown {
			unk = append(unk, u.raw)
		}
		fmt.Printf("Q: %s\n lang=%s unknown=%v expects=%v also=%v people=%d cities=%d\n", qt, lang, unk, q.expects, q.alsoExpects, len(q.people), len(q.cities))
		topic := e.topicWords(q)
		for _, w := range topic {
			fmt.Printf("  topic %q noun=%v name=%v kind=%v terms=%v parts=%v\n", w.text, w.noun, w.name, w.kind, w.terms, w.parts)
		}
		for _, w := range e.hintWords(q) {
			fmt.Printf("  hint %q terms=%v\n", w.text, w.terms)
		}
		found, best, err := e.bestPassages(context.Background(), q, topic)
		if err != nil {
			t.Fatal(err)
		}
		for i, f := range found {
			if i > 5 {
				break
			}
			fmt.Printf("  passage %.2f [%s] %.80s\n", f.score, f.p.Release.ID, f.p.Text)
		}
		fmt.Printf("  best holds=%v cover=%.2f score=%.2f: %s\n", best.holds, best.cover, best.score, best.sentence)
		a, _ := e.Answer(context.Background(), qt, "")
		fmt.Printf("  ANSWER rule=%s answered=%v: %s\n", a.Rule, a.Answered, a.Text)
	}
	_ = corpus.German
}

func TestZZSweep(t *testing.T) {
	if os.Getenv("SWEEP") == "" {
		t.Skip()
	}
	for _, w := range []float64{1.0, 0.7, 0.4} {
		passageWeight = w
		for _, suite := range evalSuites[2:] {
			e := engineWith(t, suite.extra)
			e.now = func() time.Time { return suite.now }
			files, _ := filepath.Glob(suite.questions)
			total, passed := 0, 0
			for _, file := range files {
				for _, q := range readEvalQuestions(t, file) {
					total++
					a, _ := e.Answer(context.Background(), q.Q, "")
					if len(checkAnswer(q, a)) == 0 {
						passed++
					}
				}
			}
			fmt.Printf("w=%.1f %s %d/%d\n", w, suite.name, passed, total)
		}
	}
}
