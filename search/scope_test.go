package search

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

func TestAnswerAbout(t *testing.T) {
	// A question about one release is answered from it, where the same
	// question unscoped is answered from another; one it does not answer
	// is answered from everything.
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		t.Fatal(problems[0])
	}
	date := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	data.Releases = append(data.Releases,
		corpus.Release{ID: "scope-foshan", Lang: corpus.German, Date: date, Title: "Foshan spendet Schutzmasken",
			Body: []string{"Foshan lieferte 20.000 Schutzmasken an die Partnerstadt Duisburg."}},
		corpus.Release{ID: "scope-hefei", Lang: corpus.German, Date: date, Title: "Hefei spendet Schutzmasken",
			Body: []string{"Hefei lieferte 50.000 Schutzmasken an die Partnerstadt Nürnberg."}})
	ctx := context.Background()
	idx, err := NewMemIndex(ctx, data.Releases)
	if err != nil {
		t.Fatal(err)
	}
	e := NewEngine(data, idx)
	const question = "Wie viele Schutzmasken wurden geliefert?"
	plain, err := e.Answer(ctx, question, corpus.German)
	if err != nil || !plain.Answered || len(plain.Sources) == 0 {
		t.Fatalf("Answer: %+v, %v", plain, err)
	}
	for _, tt := range []struct{ release, want string }{{"scope-foshan", "20.000"}, {"scope-hefei", "50.000"}} {
		a, err := e.AnswerAbout(ctx, question, corpus.German, tt.release)
		if err != nil || !a.Answered || !strings.Contains(a.Text, tt.want) || a.Sources[0].Ref != tt.release {
			t.Errorf("about %s: %q from %+v, %v; want %s", tt.release, a.Text, a.Sources, err, tt.want)
		}
	}
	for _, release := range []string{"scope-hefei", "no-such-release"} {
		other := "Seit wann ist Köln Mitglied?"
		want, _ := e.Answer(ctx, other, corpus.German)
		if a, err := e.AnswerAbout(ctx, other, corpus.German, release); err != nil || a.Text != want.Text {
			t.Errorf("about %s, a question it does not answer: %q, %v; want %q", release, a.Text, err, want.Text)
		}
	}
}
