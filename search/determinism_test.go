package search

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/isa-alliance/isabot/corpus"
)

func TestEqualScoresInTheOrderOfIDs(t *testing.T) {
	// Passages of equal score come in the order of their IDs, not in the
	// order a build of the index happened to give them (a batch is a map):
	// every build of the same corpus answers a question alike.
	var releases []corpus.Release
	for _, id := range []string{"2026-11-02-z", "2026-11-02-a", "2026-11-02-m"} {
		releases = append(releases, corpus.Release{ID: id, Lang: corpus.German, Date: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC),
			Title: "Testmeldung", Body: []string{"Der Arbeitskreis Wasserstoff tagt."}})
	}
	want := []string{"2026-11-02-a#b0", "2026-11-02-m#b0", "2026-11-02-z#b0"}
	for range 8 {
		idx, err := NewMemIndex(context.Background(), releases)
		if err != nil {
			t.Fatal(err)
		}
		q := bleve.NewTermQuery("wasserstoff")
		q.SetField(textField[corpus.German])
		hits, _, err := idx.search(context.Background(), q, 10)
		idx.Close()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.id)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("hits %v, want %v", got, want)
		}
	}
}
