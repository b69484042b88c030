package search

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// evalQuestion is one journalist's question of the evaluation set in
// testdata/questions, with what its answer must and must not contain.
type evalQuestion struct {
	Q        string      `yaml:"q"`
	Lang     corpus.Lang `yaml:"lang"`
	Answered bool        `yaml:"answered"`
	// Contains lists strings the answer must contain, case-insensitively;
	// "a|b" accepts either.
	Contains []string `yaml:"contains"`
	Absent   []string `yaml:"absent"`
	Note     string   `yaml:"note"`
}

// TestEvaluationSet asks every question of the evaluation set and fails
// below 100%. It prints the score, and each failure with the answer given.
func TestEvaluationSet(t *testing.T) {
	files, err := filepath.Glob("testdata/questions/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no evaluation questions: %v", err)
	}
	e := testEngine(t)
	total, passed := 0, 0
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var questions []evalQuestion
		if err := yaml.Unmarshal(raw, &questions); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, q := range questions {
			total++
			a, err := e.Answer(context.Background(), q.Q, "")
			if err != nil {
				t.Errorf("%s: %q: %v", file, q.Q, err)
				continue
			}
			if problems := checkAnswer(q, a); len(problems) > 0 {
				t.Errorf("%s: %q\n  %s\n  answer (%s, answered=%v, kind=%s): %s",
					filepath.Base(file), q.Q, strings.Join(problems, "\n  "), a.Lang, a.Answered, a.Kind, a.Text)
				continue
			}
			passed++
		}
	}
	t.Logf("evaluation score: %d/%d (%.1f%%)", passed, total, 100*float64(passed)/float64(total))
}

func checkAnswer(q evalQuestion, a answer.Answer) []string {
	var problems []string
	if a.Lang != q.Lang {
		problems = append(problems, "language "+string(a.Lang)+", want "+string(q.Lang))
	}
	if a.Answered != q.Answered {
		if q.Answered {
			problems = append(problems, "not answered, want an answer")
		} else {
			problems = append(problems, "answered, want answered=false")
		}
	}
	text := strings.ToLower(a.Text)
	for _, want := range q.Contains {
		found := false
		for _, alt := range strings.Split(want, "|") {
			if strings.Contains(text, strings.ToLower(alt)) {
				found = true
			}
		}
		if !found {
			problems = append(problems, "missing "+want)
		}
	}
	for _, bad := range q.Absent {
		if strings.Contains(text, strings.ToLower(bad)) {
			problems = append(problems, "contains "+bad)
		}
	}
	return problems
}
