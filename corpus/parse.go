package corpus

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ParseRelease reads one press release. The file extension picks the
// layout: .txt is the plain text extracted from the alliance's PDF releases
// (see parseText), .md and .markdown are hand-written Markdown with YAML
// front matter (see parseMarkdown).
//
// name is the file's path: errors name it, and it becomes Release.Source.
// The release's ID is the base name without its extension unless Markdown
// front matter sets one. Every error is a *FileError with the 1-based line
// of the problem, or line 0 when it concerns the whole file.
func ParseRelease(name string, data []byte) (Release, error) {
	var parse func(*releaseFile) (Release, error)
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".txt":
		parse = parseText
	case ".md", ".markdown":
		parse = parseMarkdown
	default:
		return Release{}, &FileError{Path: name, Err: fmt.Errorf("unknown release layout %q: want .txt, .md or .markdown", ext)}
	}
	f, err := newReleaseFile(name, data)
	if err != nil {
		return Release{}, err
	}
	if f.blank() {
		return Release{}, f.errorf(0, "empty file")
	}
	r, err := parse(f)
	if err != nil {
		return Release{}, err
	}
	if r.ID == "" {
		base := filepath.Base(name)
		r.ID = strings.TrimSuffix(base, filepath.Ext(base))
	}
	r.Source = name
	return r, nil
}

// releaseFile is a release being parsed: its path for errors and its lines.
type releaseFile struct {
	path  string
	lines []srcLine
}

// srcLine is one line of text and the line of the file it comes from.
type srcLine struct {
	num  int // 1-based
	text string
	// item marks a list item whose marker splitBlocks dropped: no
	// section heading, though it may read like one ("• Kontakt: …").
	item bool
}

// newReleaseFile splits data into lines at LF, CRLF or a lone CR and
// rejects lines that are not UTF-8. A leading byte order mark is dropped.
func newReleaseFile(path string, data []byte) (*releaseFile, error) {
	f := &releaseFile{path: path}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	for num := 1; len(data) > 0; num++ {
		text, rest := data, []byte(nil)
		if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
			text, rest = data[:i], data[i+1:]
			if data[i] == '\r' && len(rest) > 0 && rest[0] == '\n' {
				rest = rest[1:]
			}
		}
		if !utf8.Valid(text) {
			return nil, f.errorf(num, "invalid UTF-8: save the file as UTF-8 (it may be Latin-1 or Windows-1252)")
		}
		f.lines = append(f.lines, srcLine{num: num, text: string(text)})
		data = rest
	}
	return f, nil
}

func (f *releaseFile) blank() bool {
	for _, l := range f.lines {
		if strings.TrimSpace(l.text) != "" {
			return false
		}
	}
	return true
}

func (f *releaseFile) errorf(line int, format string, args ...any) error {
	return &FileError{Path: f.path, Line: line, Err: fmt.Errorf(format, args...)}
}

// block is a run of lines between blank lines: a paragraph, a heading, a
// list item or the lines of the contact block.
type block []srcLine

func (b block) texts() []string {
	out := make([]string, len(b))
	for i, l := range b {
		out[i] = l.text
	}
	return out
}

// section is a part of a release after its title.
type section int

const (
	sectionBody section = iota
	sectionAbout
	sectionContact
)

// sectionHeadings start the about and contact sections: headings.yaml.
var sectionHeadings = mustParseHeadings(headingsFile)

//go:embed headings.yaml
var headingsFile []byte

// heading is a section heading, in lower case; alone marks one that
// starts its section only as a line of its own.
type heading struct {
	text    string
	section section
	alone   bool
}

// mustParseHeadings parses the embedded headings, which the tests check.
func mustParseHeadings(raw []byte) []heading {
	hs, err := parseHeadings("headings.yaml", raw)
	if err != nil {
		panic(err)
	}
	return hs
}

// parseHeadings reads the headings of each section from raw: a mapping
// of "about" and "contact" to lists of headings. A heading listed twice
// is an error, with its file and line.
func parseHeadings(path string, raw []byte) ([]heading, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, &FileError{Path: path, Line: doc.Line, Err: errors.New("want a mapping of sections to lists of headings")}
	}
	sections := map[string]section{"about": sectionAbout, "contact": sectionContact, "contact_alone": sectionContact}
	var out []heading
	seen := map[string]int{}
	m := doc.Content[0].Content
	for i := 0; i+1 < len(m); i += 2 {
		key, list := m[i], m[i+1]
		sec, ok := sections[key.Value]
		if !ok {
			return nil, &FileError{Path: path, Line: key.Line, Err: fmt.Errorf("unknown section %q, want about, contact or contact_alone", key.Value)}
		}
		if list.Kind != yaml.SequenceNode {
			return nil, &FileError{Path: path, Line: list.Line, Err: fmt.Errorf("%s: want a list of headings", key.Value)}
		}
		for _, n := range list.Content {
			text := strings.ToLower(strings.TrimSpace(n.Value))
			if n.Kind != yaml.ScalarNode || text == "" {
				return nil, &FileError{Path: path, Line: n.Line, Err: errors.New("want a heading's text")}
			}
			if first, dup := seen[text]; dup {
				return nil, &FileError{Path: path, Line: n.Line, Err: fmt.Errorf("%q is listed twice (first at line %d)", text, first)}
			}
			seen[text] = n.Line
			out = append(out, heading{text: text, section: sec, alone: key.Value == "contact_alone"})
		}
	}
	return out, nil
}

// sectionHeading reports whether s is the heading of the about or contact
// section, and returns the lines it gives the section: any text after the
// heading's colon ("Kontakt: Stefanie Behmer"). A remark in brackets may
// follow the heading ("Media contact (Germany):", "媒体联系人（代理）：谭嘉欣");
// one that gives a day is a line of its own, as a label ("Pressekontakt
// (ab 1. Juni 2033): Jana Brandt" gives "ab 1. Juni 2033:"). After a
// remark, a sentence is no contact: "Kontakt (für Aussteller):
// Unternehmen, die einen Stand buchen möchten, …" is the body's; nor
// is any text after a heading that stands alone ("媒体联系：…").
func sectionHeading(s string) (section, []string, bool) {
	s = strings.TrimSpace(s)
	for _, h := range sectionHeadings {
		if len(s) < len(h.text) || !strings.EqualFold(s[:len(h.text)], h.text) {
			continue
		}
		remark, rest := cutRemark(s[len(h.text):])
		switch {
		case remark == "" && datedRemark(s[len(h.text):]):
			// "Pressekontakt ab 1. April 2042": a remark without brackets.
			remark, rest = rest, ""
		case rest == "":
		case strings.HasPrefix(rest, ":"):
			rest = strings.TrimSpace(rest[len(":"):])
		case strings.HasPrefix(rest, "："):
			rest = strings.TrimSpace(rest[len("："):])
		default:
			continue // "Kontaktdaten", "Über die ISA hinaus"
		}
		if remark != "" && utf8.RuneCountInString(rest) > maxRemarkedContact || h.alone && rest != "" {
			continue
		}
		var lines []string
		if strings.ContainsFunc(remark, unicode.IsDigit) {
			lines = append(lines, remark+":")
		}
		if rest != "" {
			lines = append(lines, rest)
		}
		return h.section, lines, true
	}
	return 0, nil, false
}

// datedRemark reports whether the text after a heading is a remark that
// gives a day without brackets: "ab 1. April 2042", "from 1 April 2042".
// It follows a space, and is a word or two before a date written as a
// dateline writes it, and nothing after: not "Media enquiries from 1
// April 2033:", which announces a list of the body, nor "Kontakt besteht
// seit 2019."
func datedRemark(after string) bool {
	if first, _ := utf8.DecodeRuneInString(after); !unicode.IsSpace(first) {
		return false
	}
	words := strings.Fields(after)
	// The words before the date are a dateline's place: "ab, 1. April
	// 2042", "from, April 1, 2042".
	for n := 1; n <= maxRemarkWords && n < len(words); n++ {
		if _, err := parseDateline(strings.Join(words[:n], " ") + ", " + strings.Join(words[n:], " ")); err == nil {
			return true
		}
	}
	return false
}

// maxRemarkWords bounds the words before a remark's date.
const maxRemarkWords = 2

// maxRemarkedContact bounds the text after a heading with a remark: a
// name, a role, a number, not a sentence.
const maxRemarkedContact = 60

// cutRemark cuts a remark in brackets from the start of s, and returns it
// without its brackets and the rest: "(ab 2. Mai 2028)" is "ab 2. Mai
// 2028" and "", "（代理）：谭嘉欣" is "代理" and "：谭嘉欣". A remark that
// holds another bracket, or is not closed, is none.
func cutRemark(s string) (remark, rest string) {
	s = strings.TrimSpace(s)
	for _, b := range [][2]string{{"(", ")"}, {"（", "）"}} {
		inner, ok := strings.CutPrefix(s, b[0])
		if !ok {
			continue
		}
		end := strings.Index(inner, b[1])
		if end < 0 || strings.ContainsAny(inner[:end], "()（）") {
			return "", s
		}
		return strings.TrimSpace(inner[:end]), strings.TrimSpace(inner[end+len(b[1]):])
	}
	return "", s
}

// sections sorts the blocks that follow a release's title into its body,
// about section and contact block. A block whose first line is a section
// heading starts that section. Paragraphs are joined with joinLines (with
// de-hyphenation for text extracted from PDFs); clean, if not nil, strips
// markup from each paragraph and contact line. after is the last line
// before the blocks, where the error for a missing body points.
func (f *releaseFile) sections(r *Release, blocks []block, after int, dehyphenate bool, clean func(string) string) error {
	if clean == nil {
		clean = func(s string) string { return s }
	}
	sec := sectionBody
	for _, b := range blocks {
		texts := b.texts()
		first := clean(texts[0])
		if next, lines, ok := sectionHeading(first); ok && !b[0].item {
			if len(r.Body) == 0 {
				return f.errorf(b[0].num, "no body text before %q", first)
			}
			sec = next
			texts = append(lines, texts[1:]...)
		}
		switch sec {
		case sectionBody, sectionAbout:
			p := collapseSpace(clean(joinLines(texts, dehyphenate)))
			if p == "" {
				continue
			}
			if sec == sectionBody {
				r.Body = append(r.Body, p)
			} else {
				r.About = append(r.About, p)
			}
		case sectionContact:
			for _, t := range texts {
				if t = collapseSpace(clean(t)); t != "" {
					r.Contact = append(r.Contact, t)
				}
			}
		}
	}
	if len(r.Body) == 0 {
		return f.errorf(after, "no body text")
	}
	return nil
}

// joinLines joins the hard-wrapped lines of one paragraph with single
// spaces, collapsing runs of whitespace. A line that ends or starts with a
// Chinese character joins without a space, and a soft hyphen (U+00AD) at
// the end of a line joins the word it splits.
//
// With dehyphenate, a line that ends in a hyphen attached to a word joins
// the next line by these rules, which keep it simple rather than complete:
//
//   - before a conjunction (und, oder, bzw., sowie, bis, and, or) the
//     hyphen stays and a space follows: "Kommunikations- und";
//   - before a lower-case letter the hyphen is dropped and the word joined
//     ("Industrie-" + "städte" = "Industriestädte"), unless the part
//     before it already holds a hyphen, does not end in a lower-case letter
//     ("ISA-", "COVID-19-") or is an adjective that forms compounds
//     (ending in "isch" or "deutsch": "deutsch-chinesische");
//   - otherwise the hyphen stays and no space follows:
//     "Chinesisch-" + "Deutsche" = "Chinesisch-Deutsche".
//
// A hyphen that stands alone, such as a dash between spaces, is ordinary
// text. Typographic quotes and dashes are kept as they are.
func joinLines(lines []string, dehyphenate bool) string {
	var (
		b    []byte
		word int // where the last word of b starts
	)
	for _, l := range lines {
		l = collapseSpace(l)
		if l == "" {
			continue
		}
		space := len(b) > 0
		if len(b) > 0 {
			last, _ := utf8.DecodeLastRune(b)
			first, _ := utf8.DecodeRuneInString(l)
			switch {
			case last == softHyphen, isCJK(last) || isCJK(first):
				space = false
			case dehyphenate && last == '-':
				// Longer "words" are no words; looking at their end is enough.
				w := b[max(word, len(b)-maxWordLen):]
				var keep bool
				keep, space = afterHyphen(string(w), l)
				if !keep {
					b = b[:len(b)-1]
				}
			}
		}
		if space {
			b = append(b, ' ')
			word = len(b)
		}
		if i := strings.LastIndexByte(l, ' '); i >= 0 {
			word = len(b) + i + 1
		}
		b = append(b, l...)
	}
	return strings.ReplaceAll(string(b), string(softHyphen), "")
}

const (
	softHyphen = '\u00ad'
	maxWordLen = 100 // bytes
)

// afterHyphen decides, for a line ending in word (which ends in a hyphen)
// and followed by next, whether the hyphen stays and whether a space
// follows it. See joinLines.
func afterHyphen(word, next string) (keep, space bool) {
	stem := strings.TrimSuffix(word, "-")
	if stem == "" {
		return true, true // a dash on its own
	}
	if conjunctions[strings.ToLower(strings.TrimRight(strings.Fields(next)[0], ",;:"))] {
		return true, true
	}
	last, _ := utf8.DecodeLastRuneInString(stem)
	first, _ := utf8.DecodeRuneInString(next)
	lower := strings.ToLower(stem)
	compound := strings.Contains(stem, "-") || strings.HasSuffix(lower, "isch") || strings.HasSuffix(lower, "deutsch")
	if unicode.IsLower(first) && unicode.IsLower(last) && !compound {
		return false, false
	}
	return true, false
}

var conjunctions = map[string]bool{
	"und": true, "oder": true, "bzw.": true, "bzw": true, "sowie": true, "bis": true,
	"and": true, "or": true,
}

// isCJK reports whether r is a Chinese character or CJK punctuation, which
// are written without spaces between them.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		(r >= 0x3000 && r <= 0x303f) || // CJK symbols and punctuation
		(r >= 0xff00 && r <= 0xffef) // full-width forms: ，：（）
}

// collapseSpace trims s and turns each run of whitespace into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
