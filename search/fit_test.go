package search

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

var fitWeights = flag.Bool("fit", false, "fit the sentence weights on the evaluation suites but the last, and print them")

// TestFitSentenceWeights fits the weights that choose a release's
// sentence (sentenceWeights) to the evaluation suites, all but the last,
// which measures the weights it prints. It changes one weight at a time
// while that answers more questions right, and keeps every one of the
// engine's own questions right. go test ./search -run
// TestFitSentenceWeights -fit -v -timeout 60m
func TestFitSentenceWeights(t *testing.T) {
	if !*fitWeights {
		t.Skip("fits the weights only with -fit")
	}
	type fitSuite struct {
		name      string
		e         *Engine
		questions []evalQuestion
	}
	var suites []fitSuite
	for _, s := range evalSuites[:len(evalSuites)-1] {
		var questions []evalQuestion
		files, _ := filepath.Glob(s.questions)
		for _, f := range files {
			questions = append(questions, readEvalQuestions(t, f)...)
		}
		suites = append(suites, fitSuite{s.name, s.engine(t), questions})
	}
	// score answers every question with w: how many are right, and
	// whether all of the engine's own are.
	score := func(w sentenceWeights) (int, bool) {
		right := make([]int, len(suites))
		var wg sync.WaitGroup
		for i := range suites {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := &suites[i]
				s.e.weights = w
				for _, q := range s.questions {
					a, err := s.e.Answer(context.Background(), q.Q, "")
					if err == nil && len(checkAnswer(q, a)) == 0 {
						right[i]++
					}
				}
			}()
		}
		wg.Wait()
		total := 0
		for _, n := range right {
			total += n
		}
		return total, right[0] == len(suites[0].questions)
	}
	best := defaultSentenceWeights
	bestScore, ok := score(best)
	if !ok {
		t.Fatal("the default weights miss one of the engine's own questions")
	}
	t.Logf("default weights: %d right", bestScore)
	params := []struct {
		name string
		at   func(*sentenceWeights) *float64
	}{
		{"release", func(w *sentenceWeights) *float64 { return &w.release }},
		{"about", func(w *sentenceWeights) *float64 { return &w.about }},
		{"hints", func(w *sentenceWeights) *float64 { return &w.hints }},
		{"holds", func(w *sentenceWeights) *float64 { return &w.holds }},
		{"around", func(w *sentenceWeights) *float64 { return &w.around }},
		{"period", func(w *sentenceWeights) *float64 { return &w.period }},
		{"second", func(w *sentenceWeights) *float64 { return &w.second }},
		{"person", func(w *sentenceWeights) *float64 { return &w.person }},
		{"leads", func(w *sentenceWeights) *float64 { return &w.leads }},
		{"counts", func(w *sentenceWeights) *float64 { return &w.counts }},
		{"dayOrMonth", func(w *sentenceWeights) *float64 { return &w.dayOrMonth }},
		{"byCity", func(w *sentenceWeights) *float64 { return &w.byCity }},
		{"ordinal", func(w *sentenceWeights) *float64 { return &w.ordinal }},
		{"boundary", func(w *sentenceWeights) *float64 { return &w.boundary }},
		{"total", func(w *sentenceWeights) *float64 { return &w.total }},
	}
	for round := range 2 {
		improved := false
		for _, p := range params {
			for _, factor := range []float64{0.5, 0.75, 1.25, 1.5, 2} {
				w := best
				*p.at(&w) *= factor
				n, ok := score(w)
				if ok && n > bestScore {
					best, bestScore, improved = w, n, true
					t.Logf("round %d: %s × %.2f = %.3f: %d right", round, p.name, factor, *p.at(&w), n)
				}
			}
		}
		if !improved {
			break
		}
	}
	fmt.Printf("fitted weights: %+v, %d right\n", best, bestScore)
}
