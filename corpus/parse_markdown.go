package corpus

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// parseMarkdown reads a release written by hand in Markdown:
//
//	---
//	title: ISA begrüßt neue Mitgliedsstädte
//	date: 2021-10-20
//	lang: de
//	url: https://www.isa-portal.de/...   (optional)
//	place: Berlin                        (optional)
//	id: custom-id                        (optional)
//	embargo: 2026-03-01T10:00:00+01:00   (optional: not shown before)
//	correction: "Die Zahl lautet 12."    (optional: what a correction changed)
//	---
//	First paragraph...
//
//	## Information zur ISA               (optional)
//	...
//	## Kontakt                           (optional)
//	...
//
// The body keeps only the text: paragraphs are split on blank lines and
// their lines joined, inline markup (**bold**, *em*, _em_, `code`,
// [text](url)) is stripped, other headings and list items become
// paragraphs of their own. The about and contact sections start at a
// heading, or at a paragraph such as "**Kontakt:**", that names them.
func parseMarkdown(f *releaseFile) (Release, error) {
	lines := f.lines
	if strings.TrimRight(lines[0].text, " \t") != "---" {
		return Release{}, f.errorf(lines[0].num, `expected front matter: the file must start with a "---" line`)
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i].text, " \t") == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		return Release{}, f.errorf(lines[0].num, `the front matter is not closed: add a "---" line after it`)
	}
	r, err := f.frontMatter(lines[0].num, lines[1:end])
	if err != nil {
		return Release{}, err
	}
	if err := f.sections(&r, markdownBlocks(lines[end+1:]), lines[end].num, false, stripMarkdown); err != nil {
		return Release{}, err
	}
	return r, nil
}

// frontMatterKeys lists the keys the front matter may hold, for errors.
const frontMatterKeys = "title, date, lang, url, place, id, embargo or correction"

var (
	isoDay  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	idChars = regexp.MustCompile(`^[\pL\pN][\pL\pN._-]*$`)
)

// frontMatter reads the YAML between the "---" lines into the release.
// open is the line of the opening "---": line n of the YAML is line
// open+n of the file.
func (f *releaseFile) frontMatter(open int, lines []srcLine) (Release, error) {
	var r Release
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(strings.Join(block(lines).texts(), "\n")), &doc); err != nil {
		if n, msg := splitYAMLLine(err.Error()); n > 0 {
			return r, f.errorf(open+n, "front matter: %s", msg)
		}
		// yaml leaves out the line when it is the first.
		return r, f.errorf(open+1, "front matter: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 {
		return r, f.errorf(open, "the front matter is empty: want title, date and lang")
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return r, f.errorf(open+m.Line, `the front matter must hold keys and values such as "title: ..."`)
	}

	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := m.Content[i], m.Content[i+1]
		line, valLine := open+key.Line, open+val.Line
		if first, dup := seen[key.Value]; dup {
			return r, f.errorf(line, "front matter key %q is repeated (first on line %d)", key.Value, first)
		}
		seen[key.Value] = line
		if val.Kind != yaml.ScalarNode {
			return r, f.errorf(valLine, "front matter %s: want a single value", key.Value)
		}
		v := strings.TrimSpace(val.Value)
		if val.Tag == "!!null" {
			v = ""
		}
		switch key.Value {
		case "title":
			r.Title = collapseSpace(v)
		case "date":
			if !isoDay.MatchString(v) {
				return r, f.errorf(valLine, "date %q: want YYYY-MM-DD", v)
			}
			d, err := ParseDate(v)
			if err != nil {
				return r, &FileError{Path: f.path, Line: valLine, Err: err}
			}
			r.Date = d.Time()
		case "lang":
			l, err := ParseLang(v)
			if err != nil {
				return r, &FileError{Path: f.path, Line: valLine, Err: err}
			}
			r.Lang = l
		case "url":
			u, err := url.Parse(v)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return r, f.errorf(valLine, "url %q: want an http or https address", v)
			}
			r.URL = v
		case "place":
			r.Place = collapseSpace(v)
		case "id":
			if !idChars.MatchString(v) {
				return r, f.errorf(valLine, "id %q: want letters, digits, '.', '_' and '-'", v)
			}
			r.ID = v
		case "embargo":
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return r, f.errorf(valLine, "embargo %q: want a time with its offset, such as 2026-03-01T10:00:00+01:00", v)
			}
			r.Embargo = t
		case "correction":
			r.Correction = collapseSpace(v)
		default:
			return r, f.errorf(line, "unknown front matter key %q: want %s", key.Value, frontMatterKeys)
		}
	}
	for _, req := range []struct {
		key     string
		missing bool
	}{{"title", r.Title == ""}, {"date", r.Date.IsZero()}, {"lang", r.Lang == ""}} {
		if !req.missing {
			continue
		}
		if line, ok := seen[req.key]; ok {
			return r, f.errorf(line, "front matter %s is empty", req.key)
		}
		return r, f.errorf(open, "the front matter has no %s", req.key)
	}
	return r, nil
}

var (
	// A thematic break (---, ***, ___) or a setext heading's underline
	// (===); either only separates paragraphs here.
	mdRule     = regexp.MustCompile(`^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+)$`)
	mdHeading  = regexp.MustCompile(`^#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdListItem = regexp.MustCompile(`^[-*+][ \t]+(.*)$`)
)

// markdownBlocks splits the Markdown body into blocks: paragraphs, each
// heading and each list item. Block-quote markers and trailing hard-break
// backslashes are dropped; inline markup is left to stripMarkdown.
func markdownBlocks(lines []srcLine) []block {
	var (
		blocks []block
		cur    block
	)
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, cur)
			cur = nil
		}
	}
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		for strings.HasPrefix(t, ">") {
			t = strings.TrimSpace(t[1:])
		}
		if strings.HasSuffix(t, `\`) && !strings.HasSuffix(t, `\\`) {
			t = strings.TrimSpace(strings.TrimSuffix(t, `\`))
		}
		switch {
		case t == "" || mdRule.MatchString(t):
			flush()
		case mdHeading.MatchString(t):
			flush()
			if h := mdHeading.FindStringSubmatch(t)[1]; h != "" {
				blocks = append(blocks, block{{num: l.num, text: h}})
			}
		case mdListItem.MatchString(t):
			flush()
			cur = block{{num: l.num, text: mdListItem.FindStringSubmatch(t)[1]}}
		default:
			cur = append(cur, srcLine{num: l.num, text: t})
		}
	}
	flush()
	return blocks
}

// Inline Markdown. Emphasis must stand at word boundaries, so that
// "Partner*innen" and snake_case keep their characters.
var (
	mdEscape   = regexp.MustCompile("\\\\[\\\\`*_{}\\[\\]()#+\\-.!<>]")
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdAutolink = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	mdCode     = regexp.MustCompile("`([^`]+)`")
	mdEmphasis = []*regexp.Regexp{
		mdDelimited(`\*\*\*`, `*`),
		mdDelimited(`\*\*`, `*`),
		mdDelimited(`__`, `_`),
		mdDelimited(`\*`, `*`),
		mdDelimited(`_`, `_`),
	}
)

// mdDelimited matches text between two delimiters made of char, at word
// boundaries.
func mdDelimited(delim, char string) *regexp.Regexp {
	text := `([^` + char + `\s](?:[^` + char + `]*[^` + char + `\s])?)`
	edge := `[^\pL\pN` + char + `]`
	return regexp.MustCompile(`(^|` + edge + `)` + delim + text + delim + `($|` + edge + `)`)
}

// escaped moves a backslash-escaped ASCII character out of the way of the
// markup patterns, into the Private Use Area, and back.
const escaped = 0xe000

// stripMarkdown returns the text of a line or paragraph of Markdown without
// its inline markup.
func stripMarkdown(s string) string {
	s = mdEscape.ReplaceAllStringFunc(s, func(m string) string { return string(rune(escaped + int(m[1]))) })
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdAutolink.ReplaceAllString(s, "$1")
	s = mdCode.ReplaceAllString(s, "$1")
	// A match takes the character after it, which may be the start of the
	// next one ("*a* *b*"), and emphasis nests: repeat until nothing changes.
	for range 4 {
		before := s
		for _, re := range mdEmphasis {
			s = re.ReplaceAllString(s, "${1}${2}${3}")
		}
		if s == before {
			break
		}
	}
	return strings.Map(func(r rune) rune {
		if r >= escaped && r < escaped+0x80 {
			return r - escaped
		}
		return r
	}, s)
}
