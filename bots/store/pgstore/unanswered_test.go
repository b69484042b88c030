package pgstore_test

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/bots/observe"
	"github.com/isa-alliance/isabot/bots/store/pgstore"
	"github.com/isa-alliance/isabot/bots/store/pgstore/pgtest"
	"github.com/isa-alliance/isabot/corpus"
)

func TestUnansweredLikeTheFile(t *testing.T) {
	// The same asks, logged by two replicas in the database and by one
	// process in the file, read back alike: one line per question however
	// it is written, counted across platforms; what is no question is
	// not logged.
	ctx := context.Background()
	url := pgtest.Database(t)
	var replicas []*pgstore.Store
	for range 2 {
		s, err := pgstore.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		replicas = append(replicas, s)
	}
	logger := slog.New(slog.DiscardHandler)
	a, b := replicas[0].Unanswered(logger), replicas[1].Unanswered(logger)
	path := filepath.Join(t.TempDir(), "unanswered.jsonl")
	file := observe.NewUnanswered(path, logger)
	for i, ask := range []struct {
		q        string
		lang     corpus.Lang
		platform string
	}{
		{"Wann tagt der Vorstand?", corpus.German, "telegram"},
		{"  wann TAGT der vorstand ", corpus.German, "slack"},
		{"Wann tagt der Vorstand?", corpus.English, "api"},
		{"Wer zahlt\x1b[31m die Reise?", corpus.German, "web"},
		{"?!", corpus.German, "web"},
		{"Wann tagt der Vorstand!", corpus.German, "telegram"},
	} {
		for _, log := range []observe.UnansweredLog{[]observe.UnansweredLog{a, b}[i%2], file} {
			log.Add(ask.q, ask.lang, ask.platform)
		}
	}
	a.Close()
	b.Close()
	file.Close()

	fromFile, err := observe.ReadUnanswered(path, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	fromDB, err := replicas[0].ReadUnanswered(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fromDB) != 3 || fromDB[0].Count != 3 || fromDB[0].Question != "Wann tagt der Vorstand?" {
		t.Errorf("from the database: %+v", fromDB)
	}
	for _, qs := range [][]observe.Question{fromFile, fromDB} {
		for i := range qs {
			qs[i].First, qs[i].Last = time.Time{}, time.Time{} // each clock its own
		}
		// Asked as often, in the same second: in either order.
		slices.SortStableFunc(qs, func(x, y observe.Question) int {
			return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Lang, y.Lang), cmp.Compare(x.Question, y.Question))
		})
	}
	if !reflect.DeepEqual(fromDB, fromFile) {
		t.Errorf("the database and the file differ:\n  database %+v\n      file %+v", fromDB, fromFile)
	}
	if later, _ := replicas[0].ReadUnanswered(ctx, time.Now().Add(time.Hour)); len(later) != 0 {
		t.Errorf("asked since an hour from now: %+v", later)
	}
}

func TestUnansweredBounded(t *testing.T) {
	// The least recently asked questions go once there are more than the
	// log keeps (10,000, the file's two files' worth).
	ctx := context.Background()
	s, err := pgstore.Open(ctx, pgtest.Database(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	long := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var old []observe.Question
	for i := range 10_000 {
		at := long.Add(time.Duration(i) * time.Minute)
		old = append(old, observe.Question{Question: fmt.Sprint("Frage ", i), Lang: corpus.German, Platforms: []string{"web"}, Count: 1, First: at, Last: at})
	}
	if err := s.ImportUnanswered(ctx, old); err != nil {
		t.Fatal(err)
	}
	log := s.Unanswered(slog.New(slog.DiscardHandler))
	log.Add("Eine neue Frage", corpus.German, "telegram")
	log.Close()
	all, err := s.ReadUnanswered(ctx, time.Time{})
	if err != nil || len(all) != 10_000 {
		t.Fatalf("%d questions kept, %v", len(all), err)
	}
	for _, q := range all {
		if q.Question == "Frage 0" {
			t.Error("the least recently asked question was kept")
		}
	}
	if first, _ := s.ReadUnanswered(ctx, time.Now().Add(-time.Hour)); len(first) != 1 || first[0].Question != "Eine neue Frage" {
		t.Errorf("the new question: %+v", first)
	}
}
