package pgstore_test

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/isa-alliance/isabot/bots/store/pgstore"
	"github.com/isa-alliance/isabot/bots/store/pgstore/pgtest"
	"github.com/isa-alliance/isabot/corpus"
)

// fakeEngine keeps what it was given last, as the answer engine does.
type fakeEngine struct {
	mu   sync.Mutex
	list []corpus.Curated
	sets int
}

func (e *fakeEngine) SetCurated(list []corpus.Curated) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.list, e.sets = list, e.sets+1
}

func (e *fakeEngine) ids() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var ids []string
	for _, c := range e.list {
		ids = append(ids, c.ID)
	}
	return ids
}

func curated(id, lang, date string) corpus.Curated {
	d, err := corpus.ParseDate(date)
	if err != nil {
		panic(err)
	}
	return corpus.Curated{ID: id, Question: "Frage " + id + "?", Answer: "Antwort " + id + ".", Lang: corpus.Lang(lang), Organisation: "Stadt Duisburg", Date: d}
}

func TestCuratedSharedByReplicas(t *testing.T) {
	// An answer curated on replica A is given by replica B once B
	// reloads; one removed (by `isabot curated remove`) is given by
	// neither after their reload.
	ctx := context.Background()
	url := pgtest.Database(t)
	logger := slog.New(slog.DiscardHandler)
	var engines [2]*fakeEngine
	var keepers [2]*pgstore.CuratedAnswers
	var stores [2]*pgstore.Store
	for i := range 2 {
		s, err := pgstore.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		engines[i], stores[i] = &fakeEngine{}, s
		keepers[i] = s.CuratedAnswers(engines[i], logger)
		keepers[i].Load()
	}
	a, b := keepers[0], keepers[1]
	fee := curated("fee", "de", "2026-11-30")
	if err := a.Curate(ctx, fee); err != nil {
		t.Fatal(err)
	}
	if got := engines[0].ids(); !slices.Equal(got, []string{"fee"}) || !slices.Equal(a.Curated(), []corpus.Curated{fee}) {
		t.Errorf("replica A after curating: %v", got)
	}
	if got := engines[1].ids(); got != nil {
		t.Errorf("replica B before reloading: %v", got)
	}
	if err := b.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	if got := b.Curated(); !slices.Equal(got, []corpus.Curated{fee}) || !slices.Equal(engines[1].ids(), []string{"fee"}) {
		t.Errorf("replica B after reloading: %+v", got)
	}
	// A reload that finds nothing changed leaves the engine alone.
	sets := engines[1].sets
	if err := b.Reload(ctx); err != nil || engines[1].sets != sets {
		t.Errorf("a reload without change set the engine again: %v", err)
	}

	if err := b.Curate(ctx, fee); err == nil || !strings.Contains(err.Error(), `id "fee" is used already`) {
		t.Errorf("the same id twice: %v", err)
	}
	if err := b.Curate(ctx, corpus.Curated{ID: "empty", Lang: corpus.German}); err == nil || !strings.Contains(err.Error(), "needs question, answer, date") {
		t.Errorf("an answer lacking its text: %v", err)
	}
	year := curated("year", "en", "2026") // a date of a year only keeps its form
	if err := b.Curate(ctx, year); err != nil {
		t.Fatal(err)
	}

	if removed, err := stores[0].RemoveCurated(ctx, "fee"); err != nil || !removed {
		t.Fatalf("remove fee: %v %v", removed, err)
	}
	if removed, err := stores[0].RemoveCurated(ctx, "fee"); err != nil || removed {
		t.Errorf("remove fee twice: %v %v", removed, err)
	}
	for i, k := range keepers {
		if err := k.Reload(ctx); err != nil {
			t.Fatal(err)
		}
		if got := k.Curated(); !slices.Equal(got, []corpus.Curated{year}) {
			t.Errorf("replica %d after the removal: %+v", i, got)
		}
	}
}

func TestImportCurated(t *testing.T) {
	// curated.yaml's answers are copied all or none: an id the database
	// holds fails the copy.
	ctx := context.Background()
	s, err := pgstore.Open(ctx, pgtest.Database(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list := []corpus.Curated{curated("a", "de", "2026-01"), curated("b", "zh", "2025-12-24")}
	if err := s.ImportCurated(ctx, list); err != nil {
		t.Fatal(err)
	}
	if got, err := s.ListCurated(ctx); err != nil || !slices.Equal(got, list) {
		t.Errorf("after the copy: %v %+v", err, got)
	}
	if err := s.ImportCurated(ctx, []corpus.Curated{curated("c", "en", "2026"), curated("a", "de", "2026")}); err == nil {
		t.Error("a copy with an id used already is no error")
	}
	if got, _ := s.ListCurated(ctx); len(got) != 2 {
		t.Errorf("a failed copy left part of itself: %+v", got)
	}
}
