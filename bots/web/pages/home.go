package pages

import (
	"net/http"
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
	Problem  string // why there is no answer
	Latest   []Entry
}

// home serves the ask box, the answer to the question in q, and the
// latest releases.
func (p *Pages) home(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	t := p.texts[lang]
	d := homeData{Question: r.URL.Query().Get("q"), Latest: p.public(p.cfg.Releases.Entries(), latestCount)}
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
	}
	p.render(w, r, "home", status, lang, t["ask_title"], time.Time{}, d)
}

// public is the first n releases of entries that may be shown now (all
// of them when n < 0).
func (p *Pages) public(entries []Entry, n int) []Entry {
	now := p.cfg.Now()
	var out []Entry
	for _, e := range entries {
		if n >= 0 && len(out) == n {
			break
		}
		if visible(e.Date, now) {
			out = append(out, e)
		}
	}
	return out
}
