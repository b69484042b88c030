package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/isa-alliance/isabot/bots/web/pages"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/corpus/synthetic"
	"github.com/isa-alliance/isabot/search"
)

// BenchmarkPagesArchive renders pages of the release archive at 10,000
// releases (synthetic, and the embedded one), through the adapter serve
// gives the pages, from the request to the last byte. The index holds
// the embedded release only: listing and showing releases read none of
// it, and building it for 10,000 would take the benchmark's minutes.
func BenchmarkPagesArchive(b *testing.B) {
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		b.Fatal(problems[0])
	}
	idx, err := search.NewMemIndex(context.Background(), data.Releases)
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	big := *data
	big.Releases = append(slices.Clone(data.Releases), synthetic.Releases(10_000, 1)...)
	engine := search.NewEngine(&big, idx)
	lib := library{engine: engine}
	p, err := pages.New(pages.Config{Asker: engine, Releases: lib, Members: lib})
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	p.Register(mux)
	newest := engine.Latest(1)[0]
	for _, bc := range []struct{ name, path string }{
		{"first page", "/releases?lang=en"},
		{"last page", "/releases?lang=en&page=500"},
		{"filtered", "/releases?lang=de&year=" + newest.Date.Format("2006") + "&language=de&city=" + newest.Place},
		{"release", "/releases/" + newest.ID},
		{"feed", "/feed.atom"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, bc.path, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d", bc.path, rec.Code)
				}
			}
		})
	}
}
