package inbox

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/isa-alliance/isabot/corpus"
)

// feedServer serves testdata feeds and records the requests. bodies are
// served in turn, the last one from then on; etag and lastModified, if
// set, make it answer conditional requests with 304.
type feedServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []*http.Request
}

func newFeedServer(t *testing.T, status int, etag, lastModified string, bodies ...[]byte) *feedServer {
	t.Helper()
	s := &feedServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		n := len(s.requests)
		s.requests = append(s.requests, r)
		s.mu.Unlock()
		if status != http.StatusOK {
			http.Error(w, "kaputt", status)
			return
		}
		if (etag != "" && r.Header.Get("If-None-Match") == etag) ||
			(lastModified != "" && r.Header.Get("If-Modified-Since") == lastModified) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if etag != "" {
			w.Header().Set("ETag", etag)
		}
		if lastModified != "" {
			w.Header().Set("Last-Modified", lastModified)
		}
		w.Header().Set("Content-Type", "application/xml")
		w.Write(bodies[min(n, len(bodies)-1)])
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *feedServer) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

func (s *feedServer) request(i int) *http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[i]
}

// poll runs PollFeeds until cond holds, then stops it.
func poll(t *testing.T, urls []string, state FeedState, c *collector, cond func() bool) *logBuffer {
	t.Helper()
	logger, logs := newLogger(t)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		done <- PollFeeds(ctx, urls, 20*time.Millisecond, nil, state, c.sink, logger)
	}()
	waitFor(t, "the polls", cond)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("PollFeeds: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("PollFeeds did not stop")
	}
	return logs
}

func feedID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "feed-" + hex.EncodeToString(sum[:])[:16]
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestPollFeeds(t *testing.T) {
	const (
		etag         = `"v1"`
		lastModified = "Wed, 12 Jun 2024 08:00:00 GMT"
	)
	rss := newFeedServer(t, http.StatusOK, etag, "", fixture(t, "feeds/rss.xml"))
	atom := newFeedServer(t, http.StatusOK, "", lastModified, fixture(t, "feeds/atom.xml"))
	c := &collector{}
	logs := poll(t, []string{rss.URL, atom.URL}, &memState{}, c, func() bool {
		// The third request comes after the second one's work is done.
		return rss.count() >= 3 && atom.count() >= 3
	})

	want := []corpus.Release{{
		ID:    feedID("test-isa-2024-0001"),
		Date:  day("2024-05-06"), // 00:30 in +02:00 is the 6th in UTC
		Title: "Testmeldung: ISA begrüßt neue Teststädte",
		Lang:  corpus.German,
		Body: []string{
			"Erster Absatz mit fettem Text & einer Entität.",
			"Zweiter Absatz, mit Zeilenumbruch",
			"und einem br.",
			"Letzter Absatz.",
		},
		URL:    "https://www.example.org/test/neue-teststaedte",
		Source: rss.URL,
	}, {
		ID:     feedID("https://www.example.org/test/english"), // no GUID: the link
		Date:   day("2024-05-08"),
		Title:  "Testmeldung: An English test item",
		Lang:   corpus.English,
		Body:   []string{"A plain text description.", "Its second paragraph, after a blank line."},
		URL:    "https://www.example.org/test/english",
		Source: rss.URL,
	}, {
		ID:     feedID("urn:uuid:5d0c1a8e-test-zh-0001"),
		Date:   day("2024-06-12"), // only updated
		Title:  "Testmeldung：中德工业城市联盟测试新闻",
		Lang:   corpus.Chinese, // detected
		Body:   []string{"这是一条测试新闻。", "第二段&结尾。"},
		URL:    "https://www.example.org/test/zh",
		Source: atom.URL,
	}, {
		ID:     feedID("urn:uuid:5d0c1a8e-test-de-0002"),
		Date:   day("2024-06-10"), // published before updated
		Title:  "Testmeldung: Die Städte der Allianz treffen sich",
		Lang:   corpus.German, // detected
		Body:   []string{"Die Städte der ISA treffen sich zur Plenarversammlung, die in diesem Test erfunden ist."},
		URL:    "https://www.example.org/test/treffen",
		Source: atom.URL,
	}}
	got := c.releases()
	slices.SortFunc(got, func(a, b corpus.Release) int { return a.Date.Compare(b.Date) })
	slices.SortFunc(want, func(a, b corpus.Release) int { return a.Date.Compare(b.Date) })
	if len(got) != len(want) {
		t.Fatalf("got %d releases, want %d (one poll of each feed, then 304s): %+v", len(got), len(want), got)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("release %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if !logs.contains("no title") {
		t.Errorf("the item without a title was not logged")
	}

	for i := range 3 {
		r := rss.request(i)
		if ua := r.Header.Get("User-Agent"); ua != UserAgent {
			t.Errorf("User-Agent %q", ua)
		}
		wantETag, wantSince := "", ""
		if i > 0 {
			wantETag, wantSince = etag, lastModified
		}
		if got := r.Header.Get("If-None-Match"); got != wantETag {
			t.Errorf("RSS request %d: If-None-Match %q, want %q", i, got, wantETag)
		}
		if got := atom.request(i).Header.Get("If-Modified-Since"); got != wantSince {
			t.Errorf("Atom request %d: If-Modified-Since %q, want %q", i, got, wantSince)
		}
	}
}

func TestPollFeedsStableIDs(t *testing.T) {
	// No validators: every poll is a full one, and the items come again,
	// edited, with the same GUID and link.
	rss := newFeedServer(t, http.StatusOK, "", "", fixture(t, "feeds/rss.xml"), fixture(t, "feeds/rss-edited.xml"))
	c := &collector{}
	poll(t, []string{rss.URL}, &memState{}, c, func() bool { return rss.count() >= 3 })

	got := c.releases()
	if len(got) < 4 {
		t.Fatalf("got %d releases, want two polls of two", len(got))
	}
	first, second := got[:2], got[2:4]
	for i := range 2 {
		if first[i].ID != second[i].ID {
			t.Errorf("item %d: ID %q, then %q", i, first[i].ID, second[i].ID)
		}
	}
	if !strings.HasSuffix(second[0].Title, "(korrigiert)") {
		t.Errorf("the second poll gave %q, not the edited item", second[0].Title)
	}
}

func TestPollFeedsFailingFeed(t *testing.T) {
	broken := newFeedServer(t, http.StatusInternalServerError, "", "")
	notFeed := newFeedServer(t, http.StatusOK, "", "", []byte("<html><body>Keine Meldungen</body></html>"))
	rss := newFeedServer(t, http.StatusOK, `"v1"`, "", fixture(t, "feeds/rss.xml"))
	c := &collector{}
	logs := poll(t, []string{broken.URL, notFeed.URL, rss.URL}, &memState{}, c, func() bool {
		return broken.count() >= 2 && notFeed.count() >= 2 && rss.count() >= 2
	})
	if got := len(c.releases()); got != 2 {
		t.Errorf("got %d releases from the good feed, want 2", got)
	}
	for _, s := range []string{broken.URL, "500 Internal Server Error", notFeed.URL} {
		if !logs.contains(s) {
			t.Errorf("the log does not mention %q", s)
		}
	}
}

func TestPollFeedsSinkRefusal(t *testing.T) {
	// An item the sink refused must come again: the validators of that
	// poll are not kept.
	rss := newFeedServer(t, http.StatusOK, `"v1"`, "", fixture(t, "feeds/rss.xml"))
	c := &collector{}
	refused := false
	c.fail = func(corpus.Release) bool {
		if !refused {
			refused = true
			return true
		}
		return false
	}
	poll(t, []string{rss.URL}, &memState{}, c, func() bool { return rss.count() >= 3 })
	if got := rss.request(1).Header.Get("If-None-Match"); got != "" {
		t.Errorf("after a refusal the next poll sent If-None-Match %q", got)
	}
	if got := rss.request(2).Header.Get("If-None-Match"); got != `"v1"` {
		t.Errorf("after a full success the next poll sent If-None-Match %q", got)
	}
}

func TestItemRelease(t *testing.T) {
	now := time.Date(2024, 9, 1, 23, 30, 0, 0, time.FixedZone("CST", -6*3600))
	published := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	feed := &gofeed.Feed{Language: "zh-CN"}
	tests := []struct {
		name   string
		item   gofeed.Item
		wantID string
		check  func(t *testing.T, r corpus.Release)
	}{{
		name:   "GUID",
		item:   gofeed.Item{Title: "T", GUID: "g", Link: "l"},
		wantID: feedID("g"),
	}, {
		name:   "link without GUID",
		item:   gofeed.Item{Title: "T", Link: "l"},
		wantID: feedID("l"),
	}, {
		name:   "title and date without GUID or link",
		item:   gofeed.Item{Title: "T", Published: "Fri, 01 Mar 2024 12:00:00 GMT", PublishedParsed: &published},
		wantID: feedID("T\nFri, 01 Mar 2024 12:00:00 GMT"),
	}, {
		name: "no date: today in UTC",
		item: gofeed.Item{Title: "T", GUID: "g"},
		check: func(t *testing.T, r corpus.Release) {
			if want := day("2024-09-02"); !r.Date.Equal(want) {
				t.Errorf("date %v, want %v", r.Date, want)
			}
		},
	}, {
		name: "the feed's language",
		item: gofeed.Item{Title: "Testmeldung: English words here", GUID: "g"},
		check: func(t *testing.T, r corpus.Release) {
			if r.Lang != corpus.Chinese {
				t.Errorf("lang %q, want the feed's zh", r.Lang)
			}
		},
	}, {
		name: "a title is text",
		item: gofeed.Item{Title: " Stadt &amp; <Land> ", GUID: "g"},
		check: func(t *testing.T, r corpus.Release) {
			if r.Title != "Stadt & <Land>" {
				t.Errorf("title %q", r.Title)
			}
		},
	}, {
		name: "a relative link is made absolute",
		item: gofeed.Item{Title: "T", Link: "/pm/1"},
		check: func(t *testing.T, r corpus.Release) {
			if r.URL != "https://example.org/pm/1" {
				t.Errorf("URL %q", r.URL)
			}
		},
	}, {
		name: "a link that is no web address is dropped",
		item: gofeed.Item{Title: "T", Link: "javascript:alert(1)"},
		check: func(t *testing.T, r corpus.Release) {
			if r.URL != "" {
				t.Errorf("URL %q", r.URL)
			}
		},
	}, {
		name: "description when there is no content",
		item: gofeed.Item{Title: "T", GUID: "g", Description: "Nur &lt;Beschreibung&gt;"},
		check: func(t *testing.T, r corpus.Release) {
			if !slices.Equal(r.Body, []string{"Nur <Beschreibung>"}) {
				t.Errorf("body %q", r.Body)
			}
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := itemRelease("https://example.org/feed", feed, &tt.item, now)
			if !ok {
				t.Fatal("skipped")
			}
			if tt.wantID != "" && r.ID != tt.wantID {
				t.Errorf("ID %q, want %q", r.ID, tt.wantID)
			}
			if tt.check != nil {
				tt.check(t, r)
			}
		})
	}
	if _, ok := itemRelease("u", feed, &gofeed.Item{Title: " \t\n ", GUID: "g"}, now); ok {
		t.Error("an item with a blank title was taken")
	}
}
