package pages

import (
	"cmp"
	"maps"
	"net/http"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

// pageSize is how many releases an archive page lists.
const pageSize = 20

// filter is what the archive's form asks for; zero fields ask for all.
type filter struct {
	Year     int
	Language corpus.Lang
	City     string
	Page     int // from 1
}

// filterOf reads the archive's parameters; what cannot be read is left
// out, so that a mistyped link still shows releases.
func filterOf(q url.Values) filter {
	f := filter{City: strings.TrimSpace(q.Get("city")), Page: 1}
	f.Year, _ = strconv.Atoi(q.Get("year"))
	if l, err := corpus.ParseLang(q.Get("language")); err == nil {
		f.Language = l
	}
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 1 {
		f.Page = n
	}
	return f
}

// filterRule is one of the archive's filters: whether it is set and
// whether an entry passes it.
type filterRule struct {
	name  string
	set   func(f filter) bool
	match func(f filter, e *Entry) bool
}

var filterRules = []filterRule{
	{"year", func(f filter) bool { return f.Year != 0 }, func(f filter, e *Entry) bool { return e.Date.Year() == f.Year }},
	{"language", func(f filter) bool { return f.Language != "" }, func(f filter, e *Entry) bool { return e.Lang == f.Language }},
	{"city", func(f filter) bool { return f.City != "" }, func(f filter, e *Entry) bool { return strings.EqualFold(e.Place, f.City) }},
}

func (f filter) match(e *Entry) bool {
	for _, rule := range filterRules {
		if rule.set(f) && !rule.match(f, e) {
			return false
		}
	}
	return true
}

// query is f as the parameters of a link to its page n, in lang.
func (f filter) query(lang corpus.Lang, n int) string {
	q := url.Values{"lang": {string(lang)}}
	if f.Year != 0 {
		q.Set("year", strconv.Itoa(f.Year))
	}
	if f.Language != "" {
		q.Set("language", string(f.Language))
	}
	if f.City != "" {
		q.Set("city", f.City)
	}
	if n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	return "?" + q.Encode()
}

type archiveData struct {
	Filter    filter
	Entries   []Entry
	Total     int
	Pages     int
	Years     []int
	Languages []langLink // the releases' languages, named in the page's
	Cities    []string
	Prev      string // link to the newer page, if any
	Next      string
}

// archive lists the releases, newest first, a page at a time.
func (p *Pages) archive(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	t := p.texts[lang]
	f := filterOf(r.URL.Query())
	d := archiveData{Filter: f}
	years, languages, cities := map[int]bool{}, map[corpus.Lang]bool{}, map[string]bool{}
	var newest time.Time
	// One pass: the choices of the form from every release, the count of
	// those that match, and the page's own.
	from := (f.Page - 1) * pageSize
	for e := range p.public() {
		years[e.Date.Year()] = true
		languages[e.Lang] = true
		if e.Place != "" {
			cities[e.Place] = true
		}
		if !f.match(&e) {
			continue
		}
		if d.Total >= from && d.Total < from+pageSize {
			d.Entries = append(d.Entries, e)
		}
		d.Total++
		newest = later(newest, e.Date)
	}
	d.Years = slices.SortedFunc(maps.Keys(years), func(a, b int) int { return cmp.Compare(b, a) })
	for _, l := range slices.Sorted(maps.Keys(languages)) {
		d.Languages = append(d.Languages, langLink{Lang: l, Name: p.texts[l]["lang_name"]})
	}
	d.Cities = slices.Sorted(maps.Keys(cities))
	d.Pages = max(1, (d.Total+pageSize-1)/pageSize)
	if f.Page > d.Pages {
		p.notFound(w, r, lang)
		return
	}
	if f.Page > 1 {
		d.Prev = f.query(lang, f.Page-1)
	}
	if f.Page < d.Pages {
		d.Next = f.query(lang, f.Page+1)
	}
	p.render(w, r, "archive", http.StatusOK, lang, t["archive_title"], newest, d)
}

type releaseData struct {
	R        *corpus.Release
	Versions []Entry
	// SourceURL links the release's source, where it is on the web;
	// else SourceName names its file, without the server's folders.
	SourceURL, SourceName string
}

// release shows one release: its permanent page.
func (p *Pages) release(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	rel, ok := p.cfg.Releases.Release(r.Context(), r.PathValue("id"))
	if !ok || !visible(rel.Date, p.cfg.Now()) {
		p.notFound(w, r, lang)
		return
	}
	d := releaseData{R: rel, Versions: p.versions(rel)}
	d.SourceURL = webURL(rel.URL)
	if d.SourceURL == "" {
		d.SourceURL = webURL(rel.Source)
	}
	if d.SourceURL == "" {
		d.SourceName = path.Base(filepath.ToSlash(rel.Source))
	}
	p.render(w, r, "release", http.StatusOK, lang, rel.Title, rel.Date, d)
}

// versions are rel's language versions: the releases of the same day in
// other languages, as the alliance publishes one release in several.
func (p *Pages) versions(rel *corpus.Release) []Entry {
	var out []Entry
	for e := range p.public() {
		if e.ID != rel.ID && e.Lang != rel.Lang && e.Date.Equal(rel.Date) {
			out = append(out, e)
		}
	}
	return out
}

// webURL is s if it is a web address, else "": a release read from a
// file has the file as its source, which is no link for a reader.
func webURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return s
}
