package search

import (
	"context"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// scopeKey carries, in a question's context, the release it is about.
type scopeKey struct{}

// AnswerAbout answers a question asked about one release, such as a
// reply to its announcement: from that release's text first, then, if
// it does not answer, from everything, as Answer does. An unknown release
// is no scope.
func (e *Engine) AnswerAbout(ctx context.Context, question string, lang corpus.Lang, release string) (answer.Answer, error) {
	r, ok := e.Release(release)
	if !ok {
		return e.Answer(ctx, question, lang)
	}
	a, err := e.Answer(context.WithValue(ctx, scopeKey{}, r), question, lang)
	if err != nil || a.Answered && cites(a, r) {
		return a, err
	}
	return e.Answer(ctx, question, lang)
}

// cites reports whether a gives r as a source.
func cites(a answer.Answer, r *corpus.Release) bool {
	for _, s := range a.Sources {
		if s.Ref == r.ID || r.URL != "" && s.Ref == r.URL {
			return true
		}
	}
	return false
}

// scoped narrows a passage search to the release ctx's question is
// about, if it is about one.
func scoped(ctx context.Context, pq query.Query) query.Query {
	r, ok := ctx.Value(scopeKey{}).(*corpus.Release)
	if !ok {
		return pq
	}
	var ids []string
	for _, p := range passagesOf(r) {
		ids = append(ids, p.docID())
	}
	return bleve.NewConjunctionQuery(pq, bleve.NewDocIDQuery(ids))
}
