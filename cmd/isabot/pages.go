package main

import (
	"context"
	"iter"
	"math"
	"net/http"

	"github.com/isa-alliance/isabot/bots/web"
	"github.com/isa-alliance/isabot/bots/web/pages"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
)

// library gives the pages the engine's releases and members, so that the
// pages know neither how releases are held nor how data is loaded.
type library struct {
	engine *search.Engine
}

func (l library) Entries() iter.Seq[pages.Entry] {
	return func(yield func(pages.Entry) bool) {
		for _, r := range l.engine.Latest(math.MaxInt) {
			if !yield(pages.Entry{ID: r.ID, Title: r.Title, Date: r.Date, Lang: r.Lang, Place: r.Place}) {
				return
			}
		}
	}
}

func (l library) Release(_ context.Context, id string) (*corpus.Release, bool) {
	return l.engine.Release(id)
}

// Members are the members as the engine knows them now: a city that a
// release says joined is on the page from then on.
func (l library) Members() pages.MemberData {
	d := l.engine.Alliance()
	return pages.MemberData{Cities: d.Cities, Regions: d.Regions, Counts: d.Alliance.Counts, Sources: d.Sources}
}

// servePages puts the web pages for people on mux: their questions are
// answered by asker, under the rate limit of /api/ask.
func (a *app) servePages(mux *http.ServeMux, asker pages.Asker, engine *search.Engine) error {
	lib := library{engine: engine}
	p, err := pages.New(pages.Config{
		Asker: asker, Releases: lib, Members: lib, PublicURL: a.cfg.PublicURL,
		AllowAsk: web.Limiter(web.RateLimit{PerSecond: a.cfg.AskRate, Burst: askBurst, TrustedProxies: a.cfg.TrustedProxies}),
		Logger:   a.logger.With("component", "pages"),
	})
	if err != nil {
		return err
	}
	p.Register(mux)
	return nil
}

// permalink links a release's web page, where the pages have a public
// address (ISABOT_PUBLIC_URL); nil without one.
func (a *app) permalink() func(id string) string {
	if a.cfg.PublicURL == "" {
		return nil
	}
	return func(id string) string { return pages.Permalink(a.cfg.PublicURL, id) }
}
