package inbox

import (
	"html"
	"regexp"
	"strings"
)

// htmlParagraphs turns a feed item's HTML (or plain text) into text
// paragraphs: it splits at <p>, <br> and the other block elements and at
// blank lines, drops the other tags, comments and the content of <script>
// and <style>, unescapes entities, collapses whitespace and drops empty
// paragraphs.
func htmlParagraphs(s string) []string {
	var out []string
	for _, p := range blankLines.Split(stripTags(s), -1) {
		if p = collapseSpace(html.UnescapeString(p)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var blankLines = regexp.MustCompile(`\n[ \t\r\f\v]*\n`)

// blockTags break paragraphs.
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true, "pre": true,
	"table": true, "tr": true, "hr": true, "section": true, "article": true, "header": true, "footer": true,
	"figure": true, "figcaption": true, "address": true,
}

// skipTags hide their content.
var skipTags = map[string]bool{"script": true, "style": true, "template": true, "noscript": true}

// stripTags removes the markup from s, leaving its text with entities as
// they are and a blank line for each block element. A "<" that starts no
// tag ("a < b") is text.
func stripTags(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "<!--"):
			s = after(s[len("<!--"):], "-->")
			continue
		case len(s) > 1 && (s[1] == '!' || s[1] == '?'):
			s = after(s, ">")
			continue
		}
		name, closing, ok := tagName(s)
		if !ok {
			b.WriteByte('<')
			s = s[1:]
			continue
		}
		s = afterTag(s)
		if skipTags[name] && !closing {
			s = skipElement(s, name)
		}
		if blockTags[name] {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// tagName reads the name of the tag that s starts with, in lower case.
func tagName(s string) (name string, closing, ok bool) {
	s = s[1:]
	if strings.HasPrefix(s, "/") {
		closing, s = true, s[1:]
	}
	n := 0
	for n < len(s) && (isASCIILetter(s[n]) || (n > 0 && (s[n] >= '0' && s[n] <= '9' || s[n] == '-' || s[n] == ':'))) {
		n++
	}
	if n == 0 {
		return "", false, false
	}
	return strings.ToLower(s[:n]), closing, true
}

// afterTag returns what follows the tag that s starts with, skipping
// quoted attribute values.
func afterTag(s string) string {
	var quote byte
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return s[i+1:]
		}
	}
	return ""
}

// skipElement returns what follows the closing tag of the element name.
func skipElement(s, name string) string {
	for i := 0; ; i++ {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return ""
		}
		i += j
		end := i + len("</") + len(name)
		if end <= len(s) && strings.EqualFold(s[i+len("</"):end], name) && (end == len(s) || !isASCIILetter(s[end])) {
			return afterTag(s[i:])
		}
	}
}

// after returns what follows the first sep in s, or nothing.
func after(s, sep string) string {
	if _, rest, ok := strings.Cut(s, sep); ok {
		return rest
	}
	return ""
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// collapseSpace trims s and turns each run of whitespace into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
