package search

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// The bots' commands ask the engine directly, without a question to read:
// the member list, the contact, the latest releases, a search over the
// releases, and a release in full.

// Members lists the members, narrowed by filter ("China", "Bayern",
// "广东"); a filter that names a city answers whether it is a member.
func (e *Engine) Members(lang corpus.Lang, filter string) answer.Answer {
	e.mu.RLock()
	defer e.mu.RUnlock()
	q := e.read(cleanQuestion(filter), lang)
	var a answer.Answer
	switch {
	case len(q.cities) > 0 && len(q.regions) == 0:
		a = e.membership(lang, q.cities, membershipAspect{})
	case q.unknownWords() > 0 && len(q.regions) == 0 && !q.has[cGermany] && !q.has[cChina]:
		// "/cities Lummerland": say so, rather than seem to list
		// Lummerland's members.
		a = e.members(lang, memberFilterOf(q))
		a.Text = msg(lang, "members.unknown_filter", strings.TrimSpace(filter)) + a.Text
	default:
		a = e.members(lang, memberFilterOf(q))
	}
	return e.finish(a, filter, lang)
}

// Contact gives the contact person and details.
func (e *Engine) Contact(lang corpus.Lang) answer.Answer {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.finish(e.contact(lang, officeChoice{kind: corpus.OfficeGerman}, corpus.Date{}, false, false), "", lang)
}

// Help says what the engine can answer, with examples.
func (e *Engine) Help(lang corpus.Lang) answer.Answer {
	return e.finish(e.help(lang, false), "", lang)
}

// finish fills in what Answer fills in for answers to questions.
func (e *Engine) finish(a answer.Answer, question string, lang corpus.Lang) answer.Answer {
	a.Question = question
	a.Lang = lang
	if a.Kind == "" {
		a.Kind = answer.KindNone
	}
	if a.Sources == nil {
		a.Sources = []answer.Source{}
	}
	return a
}

// Latest returns up to n releases, newest first, without their text
// where the corpus loaded them so (corpus.Dir.Lazy): Release gives one
// whole.
func (e *Engine) Latest(n int) []*corpus.Release {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.latest(n)
}

// Alliance returns what the engine knows of the alliance now: the data
// files merged with what the releases state, the newest winning, so that
// a city a release says joined is a member, and one it said would leave
// is a former member once the day has come. Its releases are left out.
func (e *Engine) Alliance() corpus.Data {
	e.mu.RLock()
	defer e.mu.RUnlock()
	d := *e.data
	d.Releases = nil
	d.Cities = slices.Clone(d.Cities)
	for i := range d.Cities {
		if c := &d.Cities[i]; e.gone(c) {
			c.Status, c.Cite = corpus.StatusFormer, *c.LeftCite
		}
	}
	return d
}

// Release returns the release with id, with its text.
func (e *Engine) Release(id string) (*corpus.Release, bool) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	r, ok := e.releases[id]
	if !ok {
		return nil, false
	}
	return e.full(r), true
}

// maxSearchPassages bounds the passages a search groups into releases.
const maxSearchPassages = 500

// Search finds the releases that match words, best first, and returns
// those from offset on, at most limit, with the number of all matches.
func (e *Engine) Search(ctx context.Context, words string, lang corpus.Lang, offset, limit int) ([]answer.Hit, int, error) {
	text := cleanQuestion(words)
	if text == "" {
		return nil, 0, nil
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	// The words' terms as a match query makes them, but not the parts of
	// a compound on their own: "Wasserstoffgipfel" finds that summit, not
	// every release on hydrogen. The index holds the parts, so a word
	// still finds the compounds it is part of.
	var qs []query.Query
	for _, l := range corpus.Langs() {
		if !e.index.hasLang(l) {
			continue
		}
		for _, t := range e.index.analyze(l, text) {
			if !t.part {
				tq := bleve.NewTermQuery(t.text)
				tq.SetField(textField[l])
				qs = append(qs, tq)
			}
		}
	}
	if len(qs) == 0 {
		return nil, 0, nil
	}
	hits, _, err := e.index.search(ctx, bleve.NewDisjunctionQuery(qs...), maxSearchPassages)
	if err != nil {
		return nil, 0, err
	}
	// The best passage of each release stands for it.
	type best struct {
		p     *passage
		score float64
	}
	byRelease := map[string]best{}
	var order []string
	for _, h := range hits {
		p := e.passageByID(h.id)
		if p == nil {
			continue
		}
		id := p.Release.ID
		if _, seen := byRelease[id]; !seen {
			order = append(order, id)
			byRelease[id] = best{p, h.score}
		}
	}
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(byRelease[b].score, byRelease[a].score) })
	total := len(order)
	if offset >= total {
		return nil, total, nil
	}
	order = order[offset:min(total, offset+limit)]
	var parts []string
	for _, u := range segment(text) {
		parts = append(parts, u.raw)
	}
	topic := e.topicOf(parts, nil, nil, lang)
	out := make([]answer.Hit, len(order))
	for i, id := range order {
		b := byRelease[id]
		src := releaseSource(b.p.Release)
		src.Snippet, src.Highlights = e.snippet(b.p.Release.Lang, b.p.Text, topic)
		out[i] = answer.Hit{Release: b.p.Release, Source: src}
	}
	return out, total, nil
}
