package pages

import (
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/corpus"
)

// feedCount is how many releases the feeds list.
const feedCount = 50

// idSpace is the name space of the feeds' ids (RFC 9562 name-based UUIDs):
// an entry's id is made from its release's id alone, so it is the same
// after a restart, a move of the site or a change of its address.
var idSpace = [16]byte{0x6b, 0x4e, 0x1f, 0x4a, 0x2c, 0x37, 0x4d, 0x52, 0x9a, 0x0e, 0x5d, 0x27, 0x61, 0x3c, 0x88, 0x10}

// stableID is the urn:uuid of name (a version 5 UUID in idSpace).
func stableID(name string) string {
	h := sha1.New()
	h.Write(idSpace[:])
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// feedItem is a release as the feeds show it.
type feedItem struct {
	ID, Title, Link, Summary string
	Lang                     corpus.Lang
	Date                     time.Time
}

// feedItems are the newest releases that may be shown now, with links to
// their pages under base.
func (p *Pages) feedItems(r *http.Request, base string) []feedItem {
	var out []feedItem
	for e := range firstN(p.public(), feedCount) {
		rel, ok := p.cfg.Releases.Release(r.Context(), e.ID)
		if !ok {
			continue // gone meanwhile
		}
		out = append(out, feedItem{
			ID: stableID("release:" + e.ID), Title: rel.Title, Lang: rel.Lang, Date: rel.Date,
			Link: Permalink(base, e.ID), Summary: bots.Summary(rel),
		})
	}
	return out
}

// Permalink is the address of the page of the release id, on the site at
// base (such as https://isa.example.org): what announcements link to.
func Permalink(base, id string) string {
	return strings.TrimRight(base, "/") + "/releases/" + url.PathEscape(id)
}

// base is the address the pages are reached at: the configured public
// one, else the one r came to.
func (p *Pages) base(r *http.Request) string {
	if p.cfg.PublicURL != "" {
		return p.cfg.PublicURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Lang      string   `xml:"xml:lang,attr"`
	ID        string   `xml:"id"`
	Title     string   `xml:"title"`
	Updated   string   `xml:"updated"`
	Published string   `xml:"published"`
	Link      atomLink `xml:"link"`
	Summary   string   `xml:"summary,omitempty"`
}

// atom serves the releases as an Atom feed (RFC 4287).
func (p *Pages) atom(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	base := p.base(r)
	items := p.feedItems(r, base)
	f := atomFeed{
		Lang: string(lang), ID: stableID("feed"), Title: p.texts[lang]["feed_title"],
		Author: atomAuthor{Name: p.texts[lang]["alliance"]},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + "/feed.atom"},
			{Rel: "alternate", Type: "text/html", Href: base + "/releases"},
		},
	}
	updated := time.Unix(0, 0).UTC()
	for _, it := range items {
		stamp := it.Date.UTC().Format(time.RFC3339)
		f.Entries = append(f.Entries, atomEntry{
			Lang: string(it.Lang), ID: it.ID, Title: it.Title, Updated: stamp, Published: stamp,
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: it.Link}, Summary: it.Summary,
		})
		updated = later(updated, it.Date)
	}
	f.Updated = updated.UTC().Format(time.RFC3339)
	p.writeXML(w, r, "application/atom+xml; charset=utf-8", updated, f)
}

type rssFeed struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language"`
	Items       []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	GUID        rssGUID `xml:"guid"`
	PubDate     string  `xml:"pubDate"`
	Description string  `xml:"description,omitempty"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// rss serves the same releases as an RSS 2.0 feed.
func (p *Pages) rss(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	base := p.base(r)
	t := p.texts[lang]
	f := rssFeed{Version: "2.0", Channel: rssChannel{Title: t["feed_title"], Link: base + "/releases", Description: t["alliance"], Language: string(lang)}}
	var updated time.Time
	for _, it := range p.feedItems(r, base) {
		f.Channel.Items = append(f.Channel.Items, rssItem{
			Title: it.Title, Link: it.Link, GUID: rssGUID{Value: it.ID},
			PubDate: it.Date.UTC().Format(time.RFC1123Z), Description: it.Summary,
		})
		updated = later(updated, it.Date)
	}
	p.writeXML(w, r, "application/rss+xml; charset=utf-8", updated, f)
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func (p *Pages) writeXML(w http.ResponseWriter, r *http.Request, contentType string, modified time.Time, v any) {
	var b strings.Builder
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		p.cfg.Logger.Error("web feed: cannot encode", "error", err)
		http.Error(w, "the feed could not be made", http.StatusInternalServerError)
		return
	}
	p.write(w, r, contentType, http.StatusOK, modified, []byte(b.String()))
}
