package corpus

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// maxTitleLen is the longest title the text layout accepts, in characters.
// A longer one almost always means the blank line between the title and
// the first paragraph is missing.
const maxTitleLen = 300

// parseText reads the plain-text layout of the alliance's PDF releases:
//
//	Berlin, den 11.02.2021
//
//	Pressemitteilung
//
//	Title, which may wrap
//	onto a second line
//
//	Paragraphs of the body, hard-wrapped,
//	separated by blank lines.
//
//	Information zur ISA:
//
//	The alliance's self-description.
//
//	Kontakt:
//
//	One contact line after the other.
//
// The press-release marker is optional and may come before the dateline;
// the about and contact sections are optional. See normaliseText for the
// clean-up of extracted text, joinLines for how wrapped lines join, and
// parseDateline for the dateline.
func parseText(f *releaseFile) (Release, error) {
	lines := normaliseText(f.lines)
	i := nextText(lines, 0)
	if i == len(lines) {
		return Release{}, f.errorf(0, "empty file")
	}

	var marker Lang
	if l, ok := pressMarker(lines[i].text); ok {
		marker = l
		m := lines[i]
		if i = nextText(lines, i+1); i == len(lines) {
			return Release{}, f.errorf(m.num, "expected a dateline after %q", m.text)
		}
	}
	dl, err := parseDateline(lines[i].text)
	if err != nil {
		return Release{}, &FileError{Path: f.path, Line: lines[i].num, Err: err}
	}
	head := lines[i].num
	i = nextText(lines, i+1)
	if l, ok := pressMarker(textAt(lines, i)); ok && marker == "" {
		marker = l
		head = lines[i].num
		i = nextText(lines, i+1)
	}

	r := Release{Date: dl.date.Time(), Place: dl.place, Lang: German}
	switch {
	case marker != "":
		r.Lang = marker
	case dl.lang != "":
		r.Lang = dl.lang
	}

	if i == len(lines) {
		return Release{}, f.errorf(head, "no title after the dateline")
	}
	if _, _, ok := sectionHeading(lines[i].text); ok {
		return Release{}, f.errorf(lines[i].num, "expected the title, found %q", lines[i].text)
	}
	blocks := splitBlocks(lines[i:])
	title := blocks[0]
	r.Title = joinLines(title.texts(), true)
	if n := utf8.RuneCountInString(r.Title); n > maxTitleLen {
		return Release{}, f.errorf(title[0].num, "the title is %d characters long: is the blank line between title and text missing?", n)
	}
	if err := f.sections(&r, blocks[1:], title[len(title)-1].num, true, nil); err != nil {
		return Release{}, err
	}
	return r, nil
}

// normaliseText cleans up text extracted from a PDF: form feeds (page
// breaks) become line breaks but no blank lines of their own, no-break and
// other odd spaces become spaces, lines are trimmed (so lines of spaces are
// blank) and lines holding only a page number ("- 2 -", "2",
// "Seite 2 von 3", "Page 2 of 3") are dropped. Each line keeps the number
// of the file line it comes from. Line endings were handled by
// newReleaseFile; runs of blank lines count as one when splitBlocks groups
// the lines.
func normaliseText(lines []srcLine) []srcLine {
	out := make([]srcLine, 0, len(lines))
	for _, l := range lines {
		parts := strings.Split(l.text, "\f")
		for _, part := range parts {
			t := strings.TrimSpace(strings.Map(normaliseRune, part))
			// A page starts right after its form feed: the empty piece
			// before it is no blank line.
			if (t == "" && len(parts) > 1) || pageNumber.MatchString(t) {
				continue
			}
			out = append(out, srcLine{num: l.num, text: t})
		}
	}
	return out
}

func normaliseRune(r rune) rune {
	switch r {
	case '\u00a0', '\u2007', '\u202f': // no-break spaces
		return ' '
	case '\u200b', '\ufeff': // zero-width space, stray byte order mark
		return -1
	}
	return r
}

var pageNumber = regexp.MustCompile(`(?i)^(?:` +
	`[-–—]\s*\d{1,3}\s*[-–—]` + // - 2 -
	`|\d{1,3}(?:\s*/\s*\d{1,3})?` + // 2, 2/3
	`|(?:seite|page)\s+\d{1,3}(?:\s*(?:von|of|/)\s*\d{1,3})?` + // Seite 2 von 3
	`|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?` + // 第2页，共3页
	`)$`)

// nextText returns the index of the first non-blank line at or after i,
// or len(lines).
func nextText(lines []srcLine, i int) int {
	for i < len(lines) && lines[i].text == "" {
		i++
	}
	return i
}

func textAt(lines []srcLine, i int) string {
	if i < len(lines) {
		return lines[i].text
	}
	return ""
}

// splitBlocks groups normalised lines into runs of non-blank lines; a
// line of three or more "*", "-" or "_" separates them too. The marker of
// a list item ("* ", "- " or "• " at the start of a line) is dropped when
// the item opens its block, follows another item (or the lines that
// continue it), or follows a line that ends in a colon and is followed
// by another item; an item that does not end a sentence is closed with a
// semicolon before the next. So a bulleted list reads as sentences, the
// items of a list of names or clauses stay apart, and a dash that a hard
// wrap put at the start of a line within a sentence stays where it is.
func splitBlocks(lines []srcLine) []block {
	var (
		blocks []block
		cur    block
		inList bool // the last item, or the lines that continue it
	)
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, cur)
			cur = nil
		}
		inList = false
	}
	for i, l := range lines {
		if l.text == "" || textRule.MatchString(l.text) {
			flush()
			continue
		}
		var last *srcLine
		if len(cur) > 0 {
			last = &cur[len(cur)-1]
		}
		item, ok := listItem(l.text)
		switch {
		case ok && (last == nil || inList || endsWithColon(last.text) && i+1 < len(lines) && isListItem(lines[i+1].text)):
			if last != nil && inList {
				last.text = closeItem(last.text)
			}
			l.text, l.item, inList = item, true, true
		case inList && endsSentence(last.text):
			inList = false // text after the list
		}
		cur = append(cur, l)
	}
	flush()
	return blocks
}

// textRule is a line that only separates, as a thematic break does in
// Markdown: "* * *", "---".
var textRule = regexp.MustCompile(`^(?:[*_-][ \t]*){3,}$`)

// listMarkers open the items of a plain-text list.
var listMarkers = []string{"* ", "- ", "• "}

// listItem returns the text of a line that opens a list item, without
// its marker.
func listItem(line string) (string, bool) {
	for _, m := range listMarkers {
		if rest, ok := strings.CutPrefix(line, m); ok && strings.IndexFunc(rest, isWordRune) >= 0 {
			return strings.TrimSpace(rest), true
		}
	}
	return "", false
}

func isListItem(line string) bool {
	_, ok := listItem(line)
	return ok
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func endsWithColon(line string) bool {
	return strings.HasSuffix(line, ":") || strings.HasSuffix(line, "：")
}

// endsSentence reports whether a line ends with the mark that ends a
// sentence or a list item.
func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?;。！？；", r)
}

// closeItem ends an item that does not end a sentence, so that it does
// not run into the next: "Siegen" and "Zwickau" are "Siegen; Zwickau",
// 接纳淄博为联盟成员 and 通过预算 "接纳淄博为联盟成员；通过预算".
func closeItem(line string) string {
	r, _ := utf8.DecodeLastRuneInString(line)
	switch {
	case endsSentence(line) || r == ',' || r == '，' || r == '、' || endsWithColon(line):
		return line
	case unicode.Is(unicode.Han, r):
		return line + "；"
	}
	return line + ";"
}

// pressMarkers are the lines that say "press release", in lower case.
var pressMarkers = map[string]Lang{
	"pressemitteilung":  German,
	"presseinformation": German,
	"pressemeldung":     German,
	"press release":     English,
	"新闻稿":               Chinese,
}

// pressMarker reports whether s is a press-release marker line and in
// which language.
func pressMarker(s string) (Lang, bool) {
	s = strings.TrimRight(s, ":： ")
	l, ok := pressMarkers[strings.ToLower(s)]
	return l, ok
}

// dateline is the first line of a release: its place and date.
type dateline struct {
	place string
	date  Date
	lang  Lang // the language the date is written in; "" for 11.02.2021
}

// datelineLayouts are the ways a dateline is written, each PLACE, DATE.
// In every pattern group 1 is the place (no digits or commas), group 2 an
// optional "den", groups 3 to 5 the day, month and year in the order given
// by dmy. Chinese datelines use a full-width comma, or none.
var datelineLayouts = []struct {
	re     *regexp.Regexp
	dmy    [3]int // the groups of day, month and year
	months []Lang // where to look a month name up, in order; nil for a number
	lang   Lang   // the language the layout is written in, if it tells
}{
	{re: datelinePattern(`[,，]\s*(den\s+)?(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})`), dmy: [3]int{3, 4, 5}},
	{re: datelinePattern(`[,，]\s*(den\s+)?(\d{1,2})\.\s*(\pL+\.?)\s+(\d{4})`), dmy: [3]int{3, 4, 5}, months: []Lang{German, English}, lang: German},
	{re: datelinePattern(`[,，]\s*()(\d{1,2})(?:st|nd|rd|th)?\s+(\pL+\.?)\s+(\d{4})`), dmy: [3]int{3, 4, 5}, months: []Lang{English, German}, lang: English},
	{re: datelinePattern(`[,，]\s*()(\pL+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,\s*(\d{4})`), dmy: [3]int{4, 3, 5}, months: []Lang{English, German}, lang: English},
	{re: datelinePattern(`[,，]?\s*()(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`), dmy: [3]int{5, 4, 3}, lang: Chinese},
}

func datelinePattern(date string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)^([^\d,，]+?)\s*` + date + `$`)
}

var errNoDateline = errors.New(`expected a dateline such as "Berlin, den 11.02.2021"`)

// parseDateline reads "Berlin, den 11.02.2021", "Berlin, 11.02.2021",
// "Foshan, den 3. März 2021", "Hannover, 25. April 2016",
// "Berlin, 11 February 2021", "Berlin, February 11, 2021" or
// "柏林，2021年2月11日". Month names may be German or English, written out
// or abbreviated ("Feb.", "Okt.", "Maerz"); the language of the dateline
// is that of its month name, German for "den 11.02.2021" and unknown for
// a bare "11.02.2021". The date must exist.
func parseDateline(s string) (dateline, error) {
	for _, layout := range datelineLayouts {
		m := layout.re.FindStringSubmatch(s)
		if m == nil || strings.TrimSpace(m[1]) == "" {
			continue
		}
		dl := dateline{place: strings.TrimSpace(m[1]), lang: layout.lang}
		if m[2] != "" {
			dl.lang = German // "den"
		}
		var d Date
		d.Day, _ = strconv.Atoi(m[layout.dmy[0]])
		d.Year, _ = strconv.Atoi(m[layout.dmy[2]])
		month := m[layout.dmy[1]]
		if layout.months == nil {
			n, _ := strconv.Atoi(month)
			d.Month = time.Month(n)
		} else {
			d.Month, dl.lang = lookupMonth(month, layout.months)
			if d.Month == 0 {
				return dateline{}, fmt.Errorf("unknown month %q in the dateline", month)
			}
		}
		if d.Month < 1 || d.Day < 1 {
			return dateline{}, fmt.Errorf("impossible date in the dateline %q", s)
		}
		if err := d.validate(); err != nil {
			return dateline{}, fmt.Errorf("impossible date in the dateline: %w", err)
		}
		dl.date = d
		return dl, nil
	}
	return dateline{}, fmt.Errorf("%w, found %q", errNoDateline, shorten(s, 60))
}

// MonthNamed finds a month by its German or English name or abbreviation
// ("Oktober", "Okt.", "October", "Oct").
func MonthNamed(name string) (time.Month, bool) {
	m, _ := lookupMonth(name, []Lang{German, English})
	return m, m != 0
}

// lookupMonth finds a month by name or abbreviation in the first of langs
// that knows it, and returns that language.
func lookupMonth(name string, langs []Lang) (time.Month, Lang) {
	key := strings.TrimSuffix(strings.ToLower(name), ".")
	for _, l := range langs {
		if m, ok := monthByName[l][key]; ok {
			return m, l
		}
	}
	return 0, ""
}

// monthByName finds a month by its lower-case name or abbreviation.
var monthByName = map[Lang]map[string]time.Month{
	German: {
		"januar": 1, "jänner": 1, "jan": 1,
		"februar": 2, "feb": 2, "febr": 2,
		"märz": 3, "maerz": 3, "mär": 3, "mrz": 3,
		"april": 4, "apr": 4,
		"mai":  5,
		"juni": 6, "jun": 6,
		"juli": 7, "jul": 7,
		"august": 8, "aug": 8,
		"september": 9, "sept": 9, "sep": 9,
		"oktober": 10, "okt": 10,
		"november": 11, "nov": 11,
		"dezember": 12, "dez": 12,
	},
	English: {
		"january": 1, "jan": 1,
		"february": 2, "feb": 2,
		"march": 3, "mar": 3,
		"april": 4, "apr": 4,
		"may":  5,
		"june": 6, "jun": 6,
		"july": 7, "jul": 7,
		"august": 8, "aug": 8,
		"september": 9, "sept": 9, "sep": 9,
		"october": 10, "oct": 10,
		"november": 11, "nov": 11,
		"december": 12, "dec": 12,
	},
}

// shorten cuts s to at most n characters for an error message.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
