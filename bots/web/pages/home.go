package pages

import (
	"iter"
	"net/http"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/search/answer"
)

// maxQuestion bounds a question, in characters, as /api/ask does.
const maxQuestion = 1000

// latestCount is how many releases the home page lists.
const latestCount = 5

type homeData struct {
	Question string
	Answer   *answer.Answer
	Sources  []source
	Problem  string // why there is no answer
	Latest   []Entry
}

// source is one of an answer's sources, with where to read it: the page
// of a release we hold, else the source's own address, if any.
type source struct {
	answer.Source
	Link string
}

// home serves the ask box, the answer to the question in q, and the
// latest releases.
func (p *Pages) home(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	t := p.texts[lang]
	d := homeData{Question: r.URL.Query().Get("q"), Latest: slices.Collect(firstN(p.public(), latestCount))}
	status := http.StatusOK
	switch {
	case d.Question == "":
	case utf8.RuneCountInString(d.Question) > maxQuestion:
		status, d.Problem = http.StatusBadRequest, t["ask_too_long"]
	case !p.cfg.AllowAsk(r):
		status, d.Problem = http.StatusTooManyRequests, t["ask_slow_down"]
		w.Header().Set("Retry-After", "1")
	default:
		a, err := p.cfg.Asker.Answer(r.Context(), d.Question, lang)
		if err != nil {
			p.cfg.Logger.Error("web page: cannot answer", "error", err)
			status, d.Problem = http.StatusInternalServerError, t["ask_failed"]
			break
		}
		d.Answer = &a
		for _, src := range a.Sources {
			link := webURL(src.URL)
			if rel, ok := p.cfg.Releases.Release(r.Context(), src.Ref); ok && visible(rel.Date, p.cfg.Now()) {
				link = releaseURL(rel.ID, lang)
			}
			d.Sources = append(d.Sources, source{Source: src, Link: link})
		}
	}
	p.render(w, r, "home", status, lang, t["ask_title"], time.Time{}, d)
}

// firstN yields the first n of seq.
func firstN[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			if i++; i == n {
				return
			}
		}
	}
}
