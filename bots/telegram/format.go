package telegram

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode/utf16"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// messageLimit is Telegram's 4,096 characters per message, less a margin.
const messageLimit = 4000

// escape makes text from the corpus or a user safe in Telegram HTML: it
// replaces <, >, & and quotes by entities, which Telegram accepts.
func escape(s string) string { return html.EscapeString(s) }

var tag = regexp.MustCompile(`<[^>]*>`)

// plainLength counts an HTML message as Telegram does: the text without
// tags, entities resolved, in UTF-16 code units.
func plainLength(htmlText string) int {
	return len(utf16.Encode([]rune(html.UnescapeString(tag.ReplaceAllString(htmlText, "")))))
}

// answerMessages renders an answer as one or more HTML messages: the
// answer's paragraphs, then its sources with title, date and link.
func answerMessages(a answer.Answer) []string {
	var paragraphs []string
	for _, line := range strings.Split(a.Text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			paragraphs = append(paragraphs, escape(line))
		}
	}
	if len(a.Sources) > 0 {
		lines := []string{"<b>" + escape(bots.TextsFor(a.Lang).Sources) + "</b>"}
		for _, s := range a.Sources {
			lines = append(lines, "• "+sourceLine(s, a.Lang))
		}
		paragraphs = append(paragraphs, strings.Join(lines, "\n"))
	}
	return bots.Split(paragraphs, messageLimit, plainLength)
}

// sourceLine names a source: its title, linked where it has a link, and
// its date.
func sourceLine(s answer.Source, lang corpus.Lang) string {
	title := escape(s.Title)
	if s.URL != "" {
		title = fmt.Sprintf(`<a href="%s">%s</a>`, escape(s.URL), title)
	}
	if !s.Date.IsZero() {
		title += ", " + escape(s.Date.Format(lang))
	}
	return title
}

// snippetHTML renders a snippet with its matched words in bold.
func snippetHTML(s answer.Source) string {
	return s.MarkedSnippet(escape, func(w string) string { return "<b>" + escape(w) + "</b>" })
}

// releaseMessages renders a whole release: title, dateline, the news
// text, then the about section and the contact block. Paragraphs carry no
// tags, so that a paragraph too long for one message can be cut anywhere.
func releaseMessages(r *corpus.Release, lang corpus.Lang) []string {
	head := "<b>" + escape(r.Title) + "</b>\n" + escape(bots.Dateline(r, lang))
	if r.URL != "" {
		head += "\n" + escape(r.URL)
	}
	paragraphs := []string{head}
	for _, p := range r.Body {
		paragraphs = append(paragraphs, escape(p))
	}
	for _, p := range r.About {
		paragraphs = append(paragraphs, escape(p))
	}
	if len(r.Contact) > 0 {
		paragraphs = append(paragraphs, escape(strings.Join(r.Contact, "\n")))
	}
	return bots.Split(paragraphs, messageLimit, plainLength)
}

// releaseLine names a release in a list: title and date.
func releaseLine(r *corpus.Release, lang corpus.Lang) string {
	return "<b>" + escape(r.Title) + "</b> (" + escape(corpus.DateOf(r.Date).Format(lang)) + ")"
}
