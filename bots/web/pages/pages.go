// Package pages serves isabot's web pages for people: the ask box and the
// latest releases (/), the release archive (/releases) and each release's
// permanent page (/releases/{id}), the member cities on a map (/members),
// and the releases as an Atom or RSS feed (/feed.atom, /feed.rss).
//
// The pages are rendered on the server with html/template and work
// without JavaScript. Each is in German, English or Chinese: the lang
// parameter chooses, else the browser's Accept-Language, so that a link
// with ?lang=en shows English to whoever opens it.
package pages

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"iter"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// Asker answers questions; package search's Engine is one.
type Asker interface {
	Answer(ctx context.Context, question string, lang corpus.Lang) (answer.Answer, error)
}

// Entry is what the archive shows of a release: no body, so that listing
// thousands of releases reads none.
type Entry struct {
	ID    string
	Title string
	Date  time.Time
	Lang  corpus.Lang
	Place string // the dateline's place
}

// Releases lists and gives the releases.
type Releases interface {
	// Entries yields every release, newest first.
	Entries() iter.Seq[Entry]
	// Release gives one release whole.
	Release(ctx context.Context, id string) (*corpus.Release, bool)
}

// MemberData is what the members page shows.
type MemberData struct {
	Cities  []corpus.City
	Regions []corpus.Region
	Counts  []corpus.Count
	Sources []corpus.Source
}

// Members gives the member cities and the counts of members over time.
type Members interface {
	Members() MemberData
}

// Config is what the pages need.
type Config struct {
	Asker    Asker
	Releases Releases
	Members  Members
	// PublicURL is where people reach the pages; the feed's links use it,
	// else the address the request came to.
	PublicURL string
	// AllowAsk says whether the client of r may ask a question now (the
	// rate limit of /api/ask); nil allows every question.
	AllowAsk func(r *http.Request) bool
	// Now is the time of day; releases dated later are not shown yet.
	Now    func() time.Time
	Logger *slog.Logger
}

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Pages serves the pages.
type Pages struct {
	cfg   Config
	tmpl  map[string]*template.Template // by page
	texts texts
	shape *outlines
}

// New parses the templates and the embedded texts and map.
func New(cfg Config) (*Pages, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.AllowAsk == nil {
		cfg.AllowAsk = func(*http.Request) bool { return true }
	}
	cfg.PublicURL = strings.TrimRight(cfg.PublicURL, "/")
	t, err := loadTexts()
	if err != nil {
		return nil, err
	}
	shape, err := loadOutlines()
	if err != nil {
		return nil, err
	}
	p := &Pages{cfg: cfg, texts: t, shape: shape, tmpl: map[string]*template.Template{}}
	for _, page := range []string{"home", "archive", "release", "members", "error"} {
		tm, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/"+page+".html")
		if err != nil {
			return nil, err
		}
		p.tmpl[page] = tm
	}
	return p, nil
}

// Register puts the pages on mux.
func (p *Pages) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", p.home)
	mux.HandleFunc("GET /releases", p.archive)
	mux.HandleFunc("GET /releases/{id}", p.release)
	mux.HandleFunc("GET /members", p.members)
	mux.HandleFunc("GET /feed.atom", p.atom)
	mux.HandleFunc("GET /feed.rss", p.rss)
	static, _ := fs.Sub(staticFiles, "static")
	files := http.FileServerFS(static)
	mux.Handle("GET /static/", http.StripPrefix("/static/", headers(files)))
}

// csp lets a page load only its own style sheet: no script, no frame,
// nothing from elsewhere; inline SVG needs nothing more.
const csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// headers sets what every response of the pages carries.
func headers(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setSecurity(w)
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

func setSecurity(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
}

// langs are the languages of the pages, the first the default.
var langs = []corpus.Lang{corpus.German, corpus.English, corpus.Chinese}

var matcher = language.NewMatcher([]language.Tag{language.German, language.English, language.Chinese})

// langOf is the language r asks for: its lang parameter, else the best
// match of Accept-Language, else German.
func langOf(r *http.Request) corpus.Lang {
	if l, err := corpus.ParseLang(r.URL.Query().Get("lang")); err == nil {
		return l
	}
	tags, _, _ := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	_, i, conf := matcher.Match(tags...)
	if conf == language.No {
		return langs[0]
	}
	return langs[i]
}

// view is what every page's layout needs, and the page's own data.
type view struct {
	Lang  corpus.Lang
	T     map[string]string
	Title string
	Page  string // the nav entry that is current
	// Switch links this page in each language.
	Switch []langLink
	Data   any
}

type langLink struct {
	Lang    corpus.Lang
	Name    string
	URL     string
	Current bool
}

// switchLinks links r's page in every language, its other parameters
// kept.
func switchLinks(r *http.Request, current corpus.Lang, t texts) []langLink {
	out := make([]langLink, 0, len(langs))
	for _, l := range langs {
		q := r.URL.Query()
		q.Set("lang", string(l))
		u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		out = append(out, langLink{Lang: l, Name: t[l]["lang_name"], URL: u.String(), Current: l == current})
	}
	return out
}

// render writes page with data, with an ETag of its bytes and modified as
// Last-Modified, so that a client that has it gets 304.
func (p *Pages) render(w http.ResponseWriter, r *http.Request, page string, status int, lang corpus.Lang, title string, modified time.Time, data any) {
	v := view{Lang: lang, T: p.texts[lang], Title: title, Page: page, Switch: switchLinks(r, lang, p.texts), Data: data}
	var buf bytes.Buffer
	if err := p.tmpl[page].Execute(&buf, v); err != nil {
		p.cfg.Logger.Error("web page: cannot render", "page", page, "error", err)
		http.Error(w, "the page could not be shown", http.StatusInternalServerError)
		return
	}
	p.write(w, r, "text/html; charset=utf-8", status, modified, buf.Bytes())
}

// write sends body; a successful one with validators so that a client's
// copy is reused while it is current.
func (p *Pages) write(w http.ResponseWriter, r *http.Request, contentType string, status int, modified time.Time, body []byte) {
	setSecurity(w)
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Vary", "Accept-Language")
	if status != http.StatusOK {
		w.WriteHeader(status)
		w.Write(body)
		return
	}
	sum := sha256.Sum256(body)
	h.Set("ETag", `"`+hex.EncodeToString(sum[:12])+`"`)
	h.Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "", modified, bytes.NewReader(body))
}

// notFound answers that nothing is at r's path.
func (p *Pages) notFound(w http.ResponseWriter, r *http.Request, lang corpus.Lang) {
	t := p.texts[lang]
	p.render(w, r, "error", http.StatusNotFound, lang, t["not_found"], time.Time{}, t["not_found_text"])
}

// public yields the entries that may be shown now: a release dated later
// is embargoed until its day.
func (p *Pages) public() iter.Seq[Entry] {
	now := p.cfg.Now()
	return func(yield func(Entry) bool) {
		for e := range p.cfg.Releases.Entries() {
			if visible(e.Date, now) && !yield(e) {
				return
			}
		}
	}
}

// visible reports whether a release may be shown at now: a release dated
// later is embargoed until its day.
func visible(date, now time.Time) bool { return !date.After(now) }
