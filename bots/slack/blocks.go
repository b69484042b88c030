package slack

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// Block Kit's limits: characters in a section's text (and any text
// object's), blocks in a message, elements in a context block,
// characters in a button's value.
const (
	sectionLimit     = 3000
	blocksLimit      = 50
	contextLimit     = 10
	buttonValueLimit = 2000
)

// fallbackLimit bounds a message's fallback text, which notifications
// show; titleRunes bounds a title where a message names a release.
const (
	fallbackLimit = 300
	titleRunes    = 300
)

// escape makes text from the corpus or a user safe in mrkdwn and in a
// message's fallback text: Slack reads &, < and > as markup.
func escape(s string) string { return mrkdwn.Replace(s) }

var mrkdwn = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// title is a release's or source's title, escaped, cut to titleRunes.
func title(s string) string { return escape(bots.Clip(s, titleRunes)) }

// section is a section of mrkdwn, cut to Block Kit's limit.
func section(mrkdwn string) slack.Block {
	return slack.NewSectionBlock(mrkdwnText(mrkdwn), nil, nil)
}

// mrkdwnText is a text object of mrkdwn, cut to Block Kit's limit.
func mrkdwnText(mrkdwn string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, clipMrkdwn(mrkdwn, sectionLimit), false, false)
}

// clipMrkdwn shortens mrkdwn to at most n characters, marking a cut with
// "…". It cuts between characters and never inside &amp;, &lt; or &gt;,
// or a link or mention between < and >, which Slack would show broken.
func clipMrkdwn(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	end, runes := 0, 0
	for end < len(s) {
		unit := markupUnit(s[end:])
		r := utf8.RuneCountInString(unit)
		if runes+r > n-1 {
			break
		}
		runes += r
		end += len(unit)
	}
	return s[:end] + "…"
}

// markupUnit is what s starts with that must stay whole: an entity, a
// link or mention, else one character.
func markupUnit(s string) string {
	for _, e := range []string{"&amp;", "&lt;", "&gt;"} {
		if strings.HasPrefix(s, e) {
			return e
		}
	}
	if s[0] == '<' {
		if i := strings.IndexByte(s, '>'); i > 0 {
			return s[:i+1]
		}
	}
	_, size := utf8.DecodeRuneInString(s)
	return s[:size]
}

// answerBlocks renders an answer: its text as sections, cut within Block
// Kit's limits at paragraph boundaries, and its sources as a context
// block with title, date and link.
func answerBlocks(a answer.Answer) []slack.Block {
	var paragraphs []string
	for _, line := range strings.Split(a.Text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			paragraphs = append(paragraphs, escape(line))
		}
	}
	var blocks []slack.Block
	for _, chunk := range bots.Split(paragraphs, sectionLimit, utf8.RuneCountInString) {
		blocks = append(blocks, section(chunk))
	}
	if len(a.Sources) > 0 {
		elements := []slack.MixedElement{mrkdwnText("*" + escape(bots.TextsFor(a.Lang).Sources) + ":*")}
		for _, s := range a.Sources {
			if len(elements) == contextLimit {
				break
			}
			elements = append(elements, mrkdwnText(sourceText(s, a.Lang)))
		}
		blocks = append(blocks, slack.NewContextBlock("isa_sources", elements...))
	}
	return blocks
}

// sourceText names a source in mrkdwn: its title, linked where it has a
// link, and its date.
func sourceText(s answer.Source, lang corpus.Lang) string {
	text := title(s.Title)
	if s.URL != "" && !strings.ContainsAny(s.URL, "|<> ") {
		text = "<" + escape(s.URL) + "|" + text + ">"
	}
	if !s.Date.IsZero() {
		text += ", " + escape(s.Date.Format(lang))
	}
	return text
}

// releaseText names a release in a list: title (linked) and date.
func releaseText(r *corpus.Release, lang corpus.Lang) string {
	text := "*" + title(r.Title) + "*"
	if r.URL != "" && !strings.ContainsAny(r.URL, "|<> ") {
		text = "<" + escape(r.URL) + "|" + title(r.Title) + ">"
	}
	return text + " (" + escape(corpus.DateOf(r.Date).Format(lang)) + ")"
}

func latestBlocks(latest []*corpus.Release, lang corpus.Lang) []slack.Block {
	t := bots.TextsFor(lang)
	if len(latest) == 0 {
		return []slack.Block{section(escape(t.NoReleases))}
	}
	lines := []string{"*" + escape(t.Latest) + "*"}
	for _, r := range latest {
		lines = append(lines, "• "+releaseText(r, lang))
	}
	return []slack.Block{section(strings.Join(lines, "\n"))}
}

// searchPageSize is how many releases a page of /isa search shows.
const searchPageSize = 5

// searchBlocks lists the releases of one page that match words, each
// with a snippet whose matched words are bold and a button to read it,
// and buttons to turn the page.
func searchBlocks(words string, hits []answer.Hit, total, page int, lang corpus.Lang) []slack.Block {
	t := bots.TextsFor(lang)
	if len(hits) == 0 {
		// The words are echoed, cut so that the section stays within
		// Block Kit's limit however long they were.
		return []slack.Block{section(escape(fmt.Sprintf(t.SearchNone, bots.Clip(words, bots.EchoRunes))))}
	}
	pages := (total + searchPageSize - 1) / searchPageSize
	blocks := []slack.Block{section("*" + escape(fmt.Sprintf(t.SearchPage, page+1, pages, total)) + "*")}
	for i, h := range hits {
		read := slack.NewButtonBlockElement(readAction, h.Release.ID, slack.NewTextBlockObject(slack.PlainTextType, t.ReadMore, false, false))
		text := mrkdwnText(fmt.Sprintf("%d. %s\n%s", page*searchPageSize+i+1, releaseText(h.Release, lang), snippetText(h.Source)))
		blocks = append(blocks, slack.NewSectionBlock(text, nil, slack.NewAccessory(read)))
	}
	var turn []slack.BlockElement
	if page > 0 {
		turn = append(turn, pageButton(words, page-1, lang, t.Previous))
	}
	if page+1 < pages {
		turn = append(turn, pageButton(words, page+1, lang, t.Next))
	}
	if len(turn) > 0 {
		blocks = append(blocks, slack.NewActionBlock(pageAction, turn...))
	}
	return blocks
}

// pageAction is the action id of the buttons that turn a search's page;
// their value carries the words and the page.
const pageAction = "isa_page"

type pageValue struct {
	Words string      `json:"w"`
	Page  int         `json:"p"`
	Lang  corpus.Lang `json:"l"`
}

func pageButton(words string, page int, lang corpus.Lang, label string) *slack.ButtonBlockElement {
	raw, _ := json.Marshal(pageValue{Words: bots.Clip(words, bots.EchoRunes), Page: page, Lang: lang})
	b := slack.NewButtonBlockElement(pageAction, string(raw), slack.NewTextBlockObject(slack.PlainTextType, label, false, false))
	b.ActionID = fmt.Sprintf("%s_%d", pageAction, page) // unique within the block
	return b
}

// snippetText renders a snippet in mrkdwn with its matched words bold.
func snippetText(s answer.Source) string {
	return s.MarkedSnippet(escape, func(w string) string { return "*" + escape(w) + "*" })
}

// homeBlocks is the App Home tab.
func homeBlocks(help answer.Answer, latest []*corpus.Release) []slack.Block {
	blocks := []slack.Block{
		slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, "isabot · ISA · 中德工业城市联盟", false, false)),
		section(escape(help.Text)),
		section("*Beispiele / Examples / 示例*\n" + strings.Join(examples(), "\n")),
		slack.NewDividerBlock(),
	}
	return append(blocks, latestBlocks(latest, corpus.German)...)
}

func examples() []string {
	var out []string
	for _, l := range corpus.Langs() {
		for _, q := range bots.TextsFor(l).Examples[:2] {
			out = append(out, "• /isa "+escape(q))
		}
	}
	return out
}

// splitBlocks cuts a reply into messages of at most blocksLimit blocks.
func splitBlocks(blocks []slack.Block) [][]slack.Block {
	var out [][]slack.Block
	for len(blocks) > blocksLimit {
		out = append(out, blocks[:blocksLimit])
		blocks = blocks[blocksLimit:]
	}
	return append(out, blocks)
}

// fallbackText is a message's text for notifications and clients that
// show no blocks: the start of its first section, escaped as that is.
func fallbackText(blocks []slack.Block) string {
	for _, b := range blocks {
		if s, ok := b.(*slack.SectionBlock); ok && s.Text != nil {
			return clipMrkdwn(s.Text.Text, fallbackLimit)
		}
	}
	return "isabot"
}
