package inbox

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
)

// FeedState keeps each feed's validators for conditional requests; the
// state store implements it.
type FeedState interface {
	FeedValidators(url string) (etag, lastModified string)
	SetFeedValidators(url, etag, lastModified string) error
}

// UserAgent is what PollFeeds tells the feeds' servers.
const UserAgent = "isabot (+https://www.isa-portal.de)"

const (
	// maxFeedBytes bounds a feed's response body.
	maxFeedBytes = 10 << 20
	// fetchTimeout bounds one fetch when the client sets no timeout.
	fetchTimeout = time.Minute
)

// PollFeeds polls each RSS or Atom feed at urls at once and then again
// each time every has passed, until ctx ends, and gives each item to sink
// as a release (see itemRelease). It returns nil when ctx ends, at once if urls is empty.
//
// Requests are conditional: the ETag and Last-Modified that state holds
// for a feed go out as If-None-Match and If-Modified-Since, a 304 means
// nothing to do, and a 200 leaves its validators in state, once every item
// reached the sink (so an item the sink refused comes again on the next
// poll). Every full poll gives all of the feed's items to sink again,
// oldest first, with the same IDs: telling new from known is the sink's
// job.
//
// Each feed is polled on its own: one that fails (network, an HTTP error,
// a body that is no feed or larger than 10 MiB) is logged and tried again
// at the next interval, and never holds up the others. client may be nil.
func PollFeeds(ctx context.Context, urls []string, every time.Duration, client *http.Client, state FeedState, sink Sink, logger *slog.Logger) error {
	if every <= 0 {
		return fmt.Errorf("inbox: feed poll interval %v: want more than zero", every)
	}
	if state == nil {
		return errors.New("inbox: PollFeeds needs a FeedState")
	}
	if client == nil {
		client = http.DefaultClient
	}
	p := &poller{client: client, state: state, sink: sink, logger: orDiscard(logger)}
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Go(func() {
			ticker := time.NewTicker(every)
			defer ticker.Stop()
			for {
				p.poll(ctx, u)
				select {
				case <-ctx.Done():
					return
				case <-ticker.C:
				}
			}
		})
	}
	wg.Wait()
	return nil
}

type poller struct {
	client *http.Client
	state  FeedState
	sink   Sink
	logger *slog.Logger
}

// poll fetches one feed and gives its items to the sink, logging what
// goes wrong.
func (p *poller) poll(ctx context.Context, feedURL string) {
	logger := p.logger.With("feed", redact(feedURL))
	feed, etag, lastModified, err := p.fetch(ctx, feedURL)
	switch {
	case ctx.Err() != nil:
		return
	case err != nil:
		logger.Error("inbox: cannot read a feed, trying again at the next poll", "error", err)
		return
	case feed == nil:
		logger.Debug("inbox: feed unchanged")
		return
	}
	now := time.Now()
	var releases []corpus.Release
	for _, item := range feed.Items {
		r, ok := itemRelease(feedURL, feed, item, now)
		if !ok {
			logger.Warn("inbox: a feed item has no title, skipped", "guid", item.GUID, "link", item.Link)
			continue
		}
		releases = append(releases, r)
	}
	// Oldest first, as they were published; feeds list the newest first.
	slices.SortStableFunc(releases, func(a, b corpus.Release) int { return a.Date.Compare(b.Date) })
	taken := true
	for _, r := range releases {
		if err := p.sink(ctx, r); err != nil {
			taken = false
			logger.Error("inbox: a feed item was not taken, retried at the next poll", "release", r.ID, "title", r.Title, "error", err)
		}
	}
	if !taken {
		return
	}
	if err := p.state.SetFeedValidators(feedURL, etag, lastModified); err != nil {
		logger.Error("inbox: cannot store a feed's validators", "error", err)
	}
}

// fetch gets and parses a feed. It returns a nil feed for 304 Not
// Modified, and the response's validators with a feed.
func (p *poller) fetch(ctx context.Context, feedURL string) (feed *gofeed.Feed, etag, lastModified string, err error) {
	if p.client.Timeout == 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, fetchTimeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, feedURL, nil)
	if err != nil {
		return nil, "", "", err
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1")
	etag, lastModified = p.state.FeedValidators(feedURL)
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := p.client.Do(req)
	if err != nil {
		// The error names the URL; a password in it stays out of logs.
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			urlErr.URL = redact(urlErr.URL)
		}
		return nil, "", "", err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return nil, "", "", nil
	case resp.StatusCode != http.StatusOK:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, "", "", fmt.Errorf("HTTP status %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxFeedBytes+1))
	if err != nil {
		return nil, "", "", fmt.Errorf("read the feed: %w", err)
	}
	if len(body) > maxFeedBytes {
		return nil, "", "", fmt.Errorf("the feed is larger than %d MiB", maxFeedBytes>>20)
	}
	feed, err = gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, "", "", fmt.Errorf("parse the feed: %w", err)
	}
	return feed, resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"), nil
}

// itemRelease turns a feed item into a release; it reports false for an
// item without a title.
//
//   - ID: "feed-" and the first 16 hex digits of the SHA-256 of the item's
//     GUID (else its link, else its title and date), so it stays the same
//     from poll to poll;
//   - Date: the item's publication date, else its update, else now, as the
//     day in UTC;
//   - Lang: the item's (Dublin Core) or the feed's language if it is one
//     of corpus.Langs, else guessed from the text;
//   - Body: the item's content, else its description, as text paragraphs;
//   - URL: the item's link, made absolute, if it is an http(s) address;
//     Source: the feed's URL; Place: empty.
func itemRelease(feedURL string, feed *gofeed.Feed, item *gofeed.Item, now time.Time) (corpus.Release, bool) {
	// A title is text: "Stadt & <Land>" is what it says.
	title := collapseSpace(html.UnescapeString(item.Title))
	if title == "" {
		return corpus.Release{}, false
	}
	link := strings.TrimSpace(item.Link)
	if link == "" && len(item.Links) > 0 {
		link = strings.TrimSpace(item.Links[0])
	}
	key := strings.TrimSpace(item.GUID)
	if key == "" {
		key = link
	}
	if key == "" {
		key = title + "\n" + cmp.Or(item.Published, item.Updated)
	}
	sum := sha256.Sum256([]byte(key))

	date := now
	switch {
	case item.PublishedParsed != nil:
		date = *item.PublishedParsed
	case item.UpdatedParsed != nil:
		date = *item.UpdatedParsed
	}

	content := item.Content
	if strings.TrimSpace(content) == "" {
		content = item.Description
	}
	body := htmlParagraphs(content)

	var lang corpus.Lang
	var langs []string
	if item.DublinCoreExt != nil {
		langs = append(langs, item.DublinCoreExt.Language...)
	}
	for _, s := range append(langs, feed.Language) {
		if l, err := corpus.ParseLang(strings.TrimSpace(s)); err == nil {
			lang = l
			break
		}
	}
	if lang == "" {
		lang, _ = search.DetectLang(title + "\n" + strings.Join(body, "\n"))
	}

	return corpus.Release{
		ID:     "feed-" + hex.EncodeToString(sum[:])[:16],
		Date:   corpus.DateOf(date.UTC()).Time(),
		Title:  title,
		Lang:   lang,
		Body:   body,
		URL:    webLink(feedURL, link),
		Source: feedURL,
	}, true
}

// webLink makes an item's link absolute, against the feed's own URL, and
// keeps it only if it is a web address: announcements link to it.
func webLink(feedURL, link string) string {
	base, err := url.Parse(feedURL)
	if err != nil || link == "" {
		return ""
	}
	u, err := base.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// redact hides a password in a feed's URL for the log.
func redact(feedURL string) string {
	u, err := url.Parse(feedURL)
	if err != nil {
		return feedURL
	}
	return u.Redacted()
}
