package pages

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// library is a fake of the engine's releases and the members' data.
type library struct {
	releases map[string]*corpus.Release
	entries  []Entry
	data     MemberData
}

func (l *library) Entries() iter.Seq[Entry] { return slices.Values(l.entries) }
func (l *library) Release(_ context.Context, id string) (*corpus.Release, bool) {
	r, ok := l.releases[id]
	return r, ok
}
func (l *library) Members() MemberData { return l.data }

// newLibrary holds n releases, newest first, a day apart back from
// 2026-01-01, in turn German, English and Chinese.
func newLibrary(n int) *library {
	l := &library{releases: map[string]*corpus.Release{}}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		r := &corpus.Release{
			ID: fmt.Sprintf("r%05d", i), Title: fmt.Sprintf("Meldung %d", i), Date: start.AddDate(0, 0, -i),
			Lang: []corpus.Lang{corpus.German, corpus.English, corpus.Chinese}[i%3], Place: []string{"Köln", "Foshan"}[i%2],
			Body: []string{"Erster Absatz."},
		}
		l.releases[r.ID] = r
		l.entries = append(l.entries, Entry{ID: r.ID, Title: r.Title, Date: r.Date, Lang: r.Lang, Place: r.Place})
	}
	return l
}

type asker struct{}

func (asker) Answer(_ context.Context, q string, lang corpus.Lang) (answer.Answer, error) {
	return answer.Answer{Question: q, Lang: lang, Answered: true, Text: "<b>" + q + "</b>", Sources: []answer.Source{{Title: "Quelle <i>", Snippet: "Auszug"}}}, nil
}

func newPages(t testing.TB, l *library, now time.Time) http.Handler {
	t.Helper()
	p, err := New(Config{Asker: asker{}, Releases: l, Members: l, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	p.Register(mux)
	return mux
}

func get(h http.Handler, path string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestLanguage(t *testing.T) {
	h := newPages(t, newLibrary(3), time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		name, path, accept, want string
	}{
		{"default", "/releases", "", `<html lang="de">`},
		{"accept-language", "/releases", "zh-CN,zh;q=0.9,en;q=0.5", `<html lang="zh">`},
		{"english", "/releases", "en-GB", `<html lang="en">`},
		{"parameter wins", "/releases?lang=en", "zh-CN", `<html lang="en">`},
		{"unknown parameter", "/releases?lang=fr", "en", `<html lang="en">`},
		{"unknown language", "/members", "fr", `<html lang="de">`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(h, tt.path, map[string]string{"Accept-Language": tt.accept})
			if !strings.Contains(rec.Body.String(), tt.want) {
				t.Errorf("%s with %q: want %s", tt.path, tt.accept, tt.want)
			}
			if rec.Header().Get("Vary") != "Accept-Language" {
				t.Error("no Vary: Accept-Language")
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	h := newPages(t, newLibrary(30), time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	for _, path := range []string{"/", "/releases", "/releases/r00001", "/members", "/feed.atom", "/feed.rss", "/static/site.css"} {
		rec := get(h, path, nil)
		if rec.Code != http.StatusOK {
			t.Errorf("%s: %d", path, rec.Code)
			continue
		}
		if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s: Content-Security-Policy %q", path, csp)
		}
	}
	for _, path := range []string{"/releases", "/releases/r00001", "/feed.atom"} {
		rec := get(h, path, nil)
		etag, modified := rec.Header().Get("ETag"), rec.Header().Get("Last-Modified")
		if etag == "" || modified == "" {
			t.Errorf("%s: ETag %q, Last-Modified %q", path, etag, modified)
			continue
		}
		if again := get(h, path, map[string]string{"If-None-Match": etag}); again.Code != http.StatusNotModified {
			t.Errorf("%s with its ETag: %d, want 304", path, again.Code)
		}
		if again := get(h, path, map[string]string{"If-Modified-Since": modified}); again.Code != http.StatusNotModified {
			t.Errorf("%s since its Last-Modified: %d, want 304", path, again.Code)
		}
	}
}

func TestEmbargo(t *testing.T) {
	l := newLibrary(5) // r00000 is dated 2026-01-01
	h := newPages(t, l, time.Date(2025, 12, 30, 12, 0, 0, 0, time.UTC))
	for _, path := range []string{"/", "/releases", "/feed.atom", "/feed.rss"} {
		body := get(h, path, nil).Body.String()
		if strings.Contains(body, "r00000") || strings.Contains(body, "Meldung 0<") {
			t.Errorf("%s shows a release before its date", path)
		}
		if !strings.Contains(body, "r00002") {
			t.Errorf("%s does not show a release of its past", path)
		}
	}
	if rec := get(h, "/releases/r00000", nil); rec.Code != http.StatusNotFound {
		t.Errorf("an embargoed release's page: %d", rec.Code)
	}
}

func TestEscaping(t *testing.T) {
	l := newLibrary(1)
	r := l.releases["r00000"]
	r.Title, r.Place, r.Body, r.Contact = `<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, []string{`"><svg onload=alert(1)>`}, []string{`<a href="javascript:alert(1)">x</a>`}
	l.entries[0].Title, l.entries[0].Place = r.Title, r.Place
	l.data = MemberData{Cities: []corpus.City{{Name: `<script>x</script>`, Country: corpus.Germany, Status: corpus.StatusMember, Coords: &corpus.Coords{Lat: 50, Lon: 7}}}}
	h := newPages(t, l, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	for _, path := range []string{"/?q=%3Cscript%3Ealert(1)%3C/script%3E", "/releases", "/releases/r00000", "/members", "/feed.atom", "/feed.rss"} {
		body := get(h, path, nil).Body.String()
		for _, bad := range []string{"<script", "<img", "<svg onload", `href="javascript`} {
			if strings.Contains(body, bad) {
				t.Errorf("%s holds %s unescaped", path, bad)
			}
		}
	}
}

func TestArchivePages(t *testing.T) {
	h := newPages(t, newLibrary(45), time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		path       string
		code       int
		want, miss []string
	}{
		{"/releases?lang=en", 200, []string{"45 press releases, page 1 of 3", "r00000", "r00019", `rel="next"`}, []string{"r00020", `rel="prev"`}},
		{"/releases?lang=en&page=3", 200, []string{"r00040", "r00044", `rel="prev"`}, []string{"r00039", `rel="next"`}},
		{"/releases?lang=en&page=4", 404, nil, nil},
		{"/releases?lang=en&language=zh&city=Foshan", 200, []string{"7 press releases", "r00005", "r00041"}, []string{"r00002"}},
		{"/releases?lang=en&year=2025", 200, []string{"44 press releases"}, []string{"/releases/r00000?"}},
		{"/releases?lang=en&year=abc&page=x", 200, []string{"45 press releases, page 1"}, nil},
	}
	for _, tt := range tests {
		rec := get(h, tt.path, nil)
		body := rec.Body.String()
		if rec.Code != tt.code {
			t.Errorf("%s: %d, want %d", tt.path, rec.Code, tt.code)
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %s", tt.path, w)
			}
		}
		for _, m := range tt.miss {
			if strings.Contains(body, m) {
				t.Errorf("%s holds %s", tt.path, m)
			}
		}
	}
}

func TestStableIDs(t *testing.T) {
	// An entry's id depends on its release's id alone: the same in every
	// run, and different from another's.
	if got, want := stableID("release:2021-02-11-isa-fruehlingsfest"), "urn:uuid:aa54a15a-ed3d-5412-8933-2c7623701111"; got != want {
		t.Errorf("stableID = %s, want %s", got, want)
	}
	if stableID("release:a") == stableID("release:b") {
		t.Error("two releases share an id")
	}
}

func TestReleasePage(t *testing.T) {
	l := newLibrary(4)
	// r00003 in German; another release of its day in English is its
	// version, one of another day is not.
	de := l.releases["r00003"]
	de.Source, de.Contact = "/var/lib/isabot/releases/r00003.txt", []string{"Presse", "presse@example.org"}
	en := &corpus.Release{ID: "r00003-en", Title: "Release 3", Date: de.Date, Lang: corpus.English, Body: []string{"Text."}, URL: "https://isa.example.org/en/3"}
	l.releases[en.ID] = en
	l.entries = append(l.entries, Entry{ID: en.ID, Title: en.Title, Date: en.Date, Lang: en.Lang})
	h := newPages(t, l, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		path       string
		want, miss []string
	}{
		{"/releases/r00003?lang=en", []string{"<h1>Meldung 3</h1>", `href="/releases/r00003-en?lang=en"`, "Presse<br>presse@example.org", "r00003.txt"}, []string{"/var/lib", "r00002?"}},
		{"/releases/r00003-en?lang=de", []string{`href="/releases/r00003?lang=de"`, `<a href="https://isa.example.org/en/3">`}, nil},
		{"/releases/r00002?lang=de", nil, []string{"Andere Sprachen"}},
	}
	for _, tt := range tests {
		body := get(h, tt.path, nil).Body.String()
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %s", tt.path, w)
			}
		}
		for _, m := range tt.miss {
			if strings.Contains(body, m) {
				t.Errorf("%s holds %s", tt.path, m)
			}
		}
	}
	if rec := get(h, "/releases/nope", nil); rec.Code != http.StatusNotFound {
		t.Errorf("an unknown release: %d", rec.Code)
	}
}

func TestAskBox(t *testing.T) {
	h := newPages(t, newLibrary(1), time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		path string
		code int
		want string
	}{
		{"/?lang=en", 200, `<input id="q" name="q"`},
		{"/?lang=en&q=Wer", 200, "&lt;b&gt;Wer&lt;/b&gt;"},
		{"/?lang=en&q=" + strings.Repeat("x", 1001), 400, "longer than 1,000"},
	}
	for _, tt := range tests {
		rec := get(h, tt.path, nil)
		if rec.Code != tt.code || !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("%.40s: %d, want %d with %s", tt.path, rec.Code, tt.code, tt.want)
		}
	}
	p, err := New(Config{Asker: asker{}, Releases: newLibrary(1), Members: newLibrary(1), AllowAsk: func(*http.Request) bool { return false }})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	p.Register(mux)
	if rec := get(mux, "/?q=Wer", nil); rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Errorf("a question over the rate limit: %d", rec.Code)
	}
}
