package inbox

import (
	"bytes"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
)

// fuzzFeedURL is where the fuzzed feed claims to come from; bodyTransport
// answers for it, so nothing goes over the network.
const fuzzFeedURL = "https://feeds.example.org/isa/rss.xml"

// bodyTransport answers every request with 200 and itself as the body,
// as a feed's server would.
type bodyTransport []byte

func (b bodyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{
		Status: "200 OK", StatusCode: http.StatusOK, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": {"application/xml"}},
		Body:          io.NopCloser(bytes.NewReader(b)),
		ContentLength: int64(len(b)),
		Request:       r,
	}, nil
}

// FuzzFeed serves arbitrary bytes as a feed to a poll, as isabot polls its
// feeds, and checks what reaches the sink: a body that is no feed gives
// nothing (and no panic), and every release a feed gives is one isabot can
// index and announce (see checkFeedRelease), oldest first. A second poll
// of the same body gives the same releases with the same IDs, as the
// sink's telling new from known relies on.
func FuzzFeed(f *testing.F) {
	entries, err := os.ReadDir("testdata/feeds")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata/feeds", e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	// gofeed also reads JSON Feed.
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"Test","language":"en","items":[` +
		`{"id":"1","url":"/pm/1","title":"Testmeldung &amp; more","content_html":"<p>One</p><p>Two</p>","date_published":"2024-05-06T10:00:00Z"}]}`))
	f.Add([]byte(`<rss><channel><item><title>T</title><pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">&lt;b&gt;A&lt;/b&gt;</title><link href="javascript:x"/><content type="html">&lt;script&gt;x&lt;/script&gt;y</content></entry></feed>`))

	f.Fuzz(func(t *testing.T, body []byte) {
		c := &collector{}
		p := &poller{
			client: &http.Client{Transport: bodyTransport(body)},
			state:  &memState{},
			sink:   c.sink,
			logger: slog.New(slog.DiscardHandler),
		}
		p.poll(t.Context(), fuzzFeedURL)
		first := c.releases()
		for i, r := range first {
			checkFeedRelease(t, r)
			if i > 0 && r.Date.Before(first[i-1].Date) {
				t.Errorf("release %d (%s) is older than the one before (%s): want oldest first", i, r.Date, first[i-1].Date)
			}
		}
		p.poll(t.Context(), fuzzFeedURL)
		second := c.releases()[len(first):]
		key := func(r corpus.Release) string { return r.ID + "\x00" + r.Title }
		ids := func(rs []corpus.Release) []string {
			out := make([]string, len(rs))
			for i, r := range rs {
				out[i] = key(r)
			}
			slices.Sort(out)
			return out
		}
		if a, b := ids(first), ids(second); !slices.Equal(a, b) {
			t.Errorf("two polls of the same feed gave different releases:\n%q\n%q", a, b)
		}
	})
}

// checkFeedRelease checks what every release from a feed must be.
func checkFeedRelease(t *testing.T, r corpus.Release) {
	t.Helper()
	id, ok := strings.CutPrefix(r.ID, "feed-")
	if _, err := hex.DecodeString(id); !ok || len(id) != 16 || err != nil {
		t.Errorf("ID %q: want feed- and 16 hex digits", r.ID)
	}
	if r.Title == "" || r.Title != collapseSpace(r.Title) || !utf8.ValidString(r.Title) {
		t.Errorf("%s: title %q: want non-empty UTF-8 text with its spaces collapsed", r.ID, r.Title)
	}
	for _, p := range r.Body {
		if p == "" || p != collapseSpace(p) || !utf8.ValidString(p) {
			t.Errorf("%s: body paragraph %q: want non-empty UTF-8 text with its spaces collapsed", r.ID, p)
		}
	}
	if !r.Date.Equal(corpus.DateOf(r.Date).Time()) {
		t.Errorf("%s: date %v: want a day, at midnight UTC", r.ID, r.Date)
	}
	if !slices.Contains(corpus.Langs(), r.Lang) {
		t.Errorf("%s: language %q", r.ID, r.Lang)
	}
	if r.URL != "" {
		if u, err := url.Parse(r.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			t.Errorf("%s: URL %q: want an absolute http(s) address or none", r.ID, r.URL)
		}
	}
	if r.Source != fuzzFeedURL {
		t.Errorf("%s: source %q, want the feed's URL", r.ID, r.Source)
	}
}
