package inbox

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlParagraphs turns a feed item's HTML (or plain text) into text
// paragraphs: it splits at <p>, <br> and the other block elements and at
// blank lines, drops the other tags, comments, the doctype and the content
// of <script>, <style> and the other hidden elements, decodes entities once,
// collapses whitespace and drops empty paragraphs.
func htmlParagraphs(s string) []string {
	var out []string
	for _, p := range blankLines.Split(htmlText(s), -1) {
		if p = collapseSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var blankLines = regexp.MustCompile(`\n[ \t\r\f\v]*\n`)

// blockTags break paragraphs, both where they start and where they end.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Br: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Pre: true,
	atom.Table: true, atom.Tr: true, atom.Hr: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Figure: true, atom.Figcaption: true, atom.Address: true,
}

// hiddenTags hide their content, as browsers do. The tokenizer reads the
// content of all but <template> as raw text, which would otherwise show up
// as markup ("<p>Fallback</p>" in an <iframe>).
var hiddenTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true,
	atom.Iframe: true, atom.Noembed: true, atom.Noframes: true, atom.Title: true,
}

// htmlText returns the text of the HTML s with its entities decoded and a
// blank line for each block element's start and end tag. A "<" that starts
// no tag ("a < b") is text; a tag cut off by the end of s is dropped.
func htmlText(s string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	var hidden []atom.Atom // the hidden elements z is in, innermost last
	for {
		switch z.Next() {
		case html.ErrorToken:
			// Reading a string without a buffer limit, z fails only at io.EOF.
			return b.String()
		case html.TextToken:
			if len(hidden) == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			// Like browsers, take <template/> for a start tag: "/>" closes
			// only void elements.
			switch a := tagAtom(z); {
			case hiddenTags[a]:
				hidden = append(hidden, a)
			case len(hidden) == 0 && blockTags[a]:
				b.WriteString("\n\n")
			case len(hidden) == 0 && (a == atom.Td || a == atom.Th):
				b.WriteByte(' ') // cells of a row are words apart
			}
		case html.EndTagToken:
			switch a := tagAtom(z); {
			case len(hidden) > 0:
				// An end tag that closes no hidden element is ignored.
				if a == hidden[len(hidden)-1] {
					hidden = hidden[:len(hidden)-1]
				}
			case blockTags[a]:
				b.WriteString("\n\n")
			}
		}
	}
}

// tagAtom returns the atom of the name of the tag z is at, or 0 if the
// name is not a known one.
func tagAtom(z *html.Tokenizer) atom.Atom {
	name, _ := z.TagName()
	return atom.Lookup(name)
}

// collapseSpace trims s and turns each run of whitespace into one space;
// bytes that are no UTF-8 (a feed may hold them) become U+FFFD.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}
