package telegramtest

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"
)

// ParseHTML parses s the way the Bot API parses a text sent with
// parse_mode "HTML" and returns the plain text a user sees. An error
// carries the wording Telegram puts after "Bad Request: can't parse
// entities: ", for example
//
//	Unsupported start tag "foo" at byte offset 3
//	Can't find end tag corresponding to start tag "b"
//
// Supported tags are those the Bot API documents: b, strong, i, em, u,
// ins, s, strike, del, a href, code (class "language-x" inside pre), pre,
// tg-spoiler, span class="tg-spoiler", blockquote (expandable) and
// tg-emoji; tag names are case-insensitive; the entities &lt; &gt; &amp;
// &quot; and numeric ones (&#NNN; &#xHH;) are decoded.
//
// ParseHTML is stricter than Telegram in one way, as the Bot API
// documentation asks: a '&' that does not start one of those entities,
// and a bare '>', are errors here ("Unescaped ..."), whereas the real
// server passes them through as text. Text that passes here therefore
// passes there. Leading and trailing whitespace is kept; the server
// trims it before counting the message length.
func ParseHTML(s string) (plain string, err error) {
	plain, _, err = parseHTML(s)
	return plain, err
}

// htmlTags are the start tags Telegram accepts.
var htmlTags = map[string]bool{
	"a": true, "b": true, "strong": true, "i": true, "em": true,
	"u": true, "ins": true, "s": true, "strike": true, "del": true,
	"tg-spoiler": true, "tg-emoji": true, "span": true,
	"pre": true, "code": true, "blockquote": true,
}

// entityTypes maps a tag to the entity it produces; a, code, pre and
// blockquote are decided in closeTag.
var entityTypes = map[string]models.MessageEntityType{
	"b": models.MessageEntityTypeBold, "strong": models.MessageEntityTypeBold,
	"i": models.MessageEntityTypeItalic, "em": models.MessageEntityTypeItalic,
	"u": models.MessageEntityTypeUnderline, "ins": models.MessageEntityTypeUnderline,
	"s": models.MessageEntityTypeStrikethrough, "strike": models.MessageEntityTypeStrikethrough,
	"del":        models.MessageEntityTypeStrikethrough,
	"tg-spoiler": models.MessageEntityTypeSpoiler, "span": models.MessageEntityTypeSpoiler,
	"tg-emoji": models.MessageEntityTypeCustomEmoji,
}

// openTag is a start tag waiting for its end tag.
type openTag struct {
	name   string
	arg    string // href, language, spoiler, emoji id, "1" for expandable
	offset int    // UTF-16 offset of the tag's text in the plain text
	text   int    // byte offset of the tag's text in the plain text
}

// parseHTML is ParseHTML that also returns the entities, offsets and
// lengths in UTF-16 code units as the Bot API counts them. It follows
// TDLib's parser (td/telegram/MessageEntity.cpp), whose error messages
// the Bot API passes on.
func parseHTML(s string) (string, []models.MessageEntity, error) {
	var out strings.Builder
	var stack []openTag
	var ents []models.MessageEntity
	off := 0 // UTF-16 length of out
	i := 0
	for i < len(s) {
		switch c := s[i]; c {
		case '&':
			r, n := decodeEntity(s[i:])
			if n == 0 {
				return "", nil, fmt.Errorf("Unescaped \"&\" at byte offset %d: use \"&amp;\"", i)
			}
			out.WriteRune(r)
			off += utf16Len(string(r))
			i += n
			continue
		case '>':
			return "", nil, fmt.Errorf("Unescaped \">\" at byte offset %d: use \"&gt;\"", i)
		case '<':
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			out.WriteString(s[i : i+size])
			off += utf16Len(s[i : i+size])
			i += size
			continue
		}

		begin := i
		i++
		if i < len(s) && s[i] == '/' {
			if len(stack) == 0 {
				return "", nil, fmt.Errorf("Unexpected end tag at byte offset %d", begin)
			}
			i++
			start := i
			for i < len(s) && !isSpace(s[i]) && s[i] != '>' {
				i++
			}
			name := strings.ToLower(s[start:i])
			for i < len(s) && isSpace(s[i]) {
				i++
			}
			if i >= len(s) || s[i] != '>' {
				return "", nil, fmt.Errorf("Unclosed end tag at byte offset %d", begin)
			}
			i++
			top := stack[len(stack)-1]
			if name != "" && name != top.name {
				return "", nil, fmt.Errorf("Unmatched end tag at byte offset %d, expected \"</%s>\", found \"</%s>\"", begin, top.name, name)
			}
			stack = stack[:len(stack)-1]
			ents = closeTag(ents, stack, top, off, out.String()[top.text:])
			continue
		}

		start := i
		for i < len(s) && !isSpace(s[i]) && s[i] != '>' {
			i++
		}
		if i >= len(s) {
			return "", nil, fmt.Errorf("Unclosed start tag at byte offset %d", begin)
		}
		name := strings.ToLower(s[start:i])
		if !htmlTags[name] {
			return "", nil, fmt.Errorf("Unsupported start tag \"%s\" at byte offset %d", name, begin)
		}
		arg, end, err := parseAttributes(s, i, name, begin)
		if err != nil {
			return "", nil, err
		}
		if name == "span" && arg != "spoiler" {
			return "", nil, fmt.Errorf("Tag \"span\" must have class \"tg-spoiler\" at byte offset %d", begin)
		}
		i = end + 1
		stack = append(stack, openTag{name: name, arg: arg, offset: off, text: out.Len()})
	}
	if len(stack) > 0 {
		return "", nil, fmt.Errorf("Can't find end tag corresponding to start tag \"%s\"", stack[len(stack)-1].name)
	}
	sort.SliceStable(ents, func(a, b int) bool {
		if ents[a].Offset != ents[b].Offset {
			return ents[a].Offset < ents[b].Offset
		}
		return ents[a].Length > ents[b].Length
	})
	return out.String(), ents, nil
}

// parseAttributes reads the attributes of the start tag name that begins
// at byte begin, from i up to the closing '>', whose index it returns
// with the tag's argument.
func parseAttributes(s string, i int, name string, begin int) (arg string, end int, err error) {
	unclosed := fmt.Errorf("Unclosed start tag \"%s\" at byte offset %d", name, begin)
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return "", 0, unclosed
		}
		if s[i] == '>' {
			return arg, i, nil
		}
		attrStart := i
		for i < len(s) && !isSpace(s[i]) && s[i] != '=' && s[i] != '>' {
			i++
		}
		attr := strings.ToLower(s[attrStart:i])
		if attr == "" {
			return "", 0, fmt.Errorf("Empty attribute name in the tag \"%s\" at byte offset %d", name, begin)
		}
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return "", 0, unclosed
		}
		if s[i] != '=' {
			if name == "blockquote" && attr == "expandable" {
				arg = "1"
				continue
			}
			return "", 0, fmt.Errorf("Expected equal sign in declaration of an attribute of the tag \"%s\" at byte offset %d", name, begin)
		}
		i++
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return "", 0, unclosed
		}
		var value string
		if q := s[i]; q == '"' || q == '\'' {
			n := strings.IndexByte(s[i+1:], q)
			if n < 0 {
				return "", 0, fmt.Errorf("Unclosed start tag at byte offset %d", begin)
			}
			value = decodeAttribute(s[i+1 : i+1+n])
			i += n + 2
		} else {
			tokenStart := i
			for i < len(s) && (isAlnum(s[i]) || s[i] == '.' || s[i] == '-') {
				i++
			}
			value = strings.ToLower(s[tokenStart:i])
			if i >= len(s) {
				return "", 0, unclosed
			}
			if !isSpace(s[i]) && s[i] != '>' {
				return "", 0, fmt.Errorf("Unexpected end of name token at byte offset %d", tokenStart)
			}
		}
		switch {
		case name == "a" && attr == "href":
			arg = value
		case name == "code" && attr == "class" && strings.HasPrefix(value, "language-"):
			arg = strings.TrimPrefix(value, "language-")
		case name == "span" && attr == "class" && strings.HasPrefix(value, "tg-"):
			arg = strings.TrimPrefix(value, "tg-")
		case name == "tg-emoji" && attr == "emoji-id":
			arg = value
		case name == "blockquote" && attr == "expandable":
			arg = "1"
		}
	}
}

// closeTag adds the entity of the closed tag t, whose text is inner and
// ends at UTF-16 offset end; stack holds the tags still open.
func closeTag(ents []models.MessageEntity, stack []openTag, t openTag, end int, inner string) []models.MessageEntity {
	e := models.MessageEntity{Offset: t.offset, Length: end - t.offset}
	switch t.name {
	case "a":
		e.Type, e.URL = models.MessageEntityTypeTextLink, t.arg
		if e.URL == "" {
			e.URL = inner
		}
	case "code":
		// <pre><code class="language-go"> is one pre entity with a language.
		if n := len(stack); n > 0 && stack[n-1].name == "pre" && stack[n-1].offset == t.offset {
			if t.arg != "" {
				stack[n-1].arg = t.arg
			}
			return ents
		}
		e.Type = models.MessageEntityTypeCode
	case "pre":
		e.Type, e.Language = models.MessageEntityTypePre, t.arg
	case "blockquote":
		e.Type = models.MessageEntityTypeBlockquote
		if t.arg == "1" {
			e.Type = models.MessageEntityTypeExpandableBlockquote
		}
	default:
		e.Type = entityTypes[t.name]
		if t.name == "tg-emoji" {
			e.CustomEmojiID = t.arg
		}
	}
	if e.Length == 0 || (e.Type == models.MessageEntityTypeTextLink && e.URL == "") {
		return ents
	}
	return append(ents, e)
}

// decodeEntity decodes the HTML entity at the start of s (which begins
// with '&') as TDLib does: &lt; &gt; &amp; &quot;, &#NNN; and &#xHH;, the
// semicolon optional. It returns the rune and the bytes read, or 0, 0.
func decodeEntity(s string) (rune, int) {
	var r rune
	j := 1
	if len(s) > 1 && s[1] == '#' {
		j = 2
		base := 10
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			base = 16
			j++
		}
		start := j
		for j < len(s) {
			d := digitValue(s[j])
			if d < 0 || d >= base {
				break
			}
			r = r*rune(base) + rune(d)
			if r >= 0x10ffff {
				return 0, 0
			}
			j++
		}
		if j == start || r == 0 || j >= 10 {
			return 0, 0
		}
	} else {
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
			j++
		}
		switch s[1:j] {
		case "lt":
			r = '<'
		case "gt":
			r = '>'
		case "amp":
			r = '&'
		case "quot":
			r = '"'
		default:
			return 0, 0
		}
	}
	if j < len(s) && s[j] == ';' {
		j++
	}
	return r, j
}

// decodeAttribute decodes the entities in a quoted attribute value,
// leaving anything else as it is.
func decodeAttribute(v string) string {
	if !strings.Contains(v, "&") {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); {
		if v[i] == '&' {
			if r, n := decodeEntity(v[i:]); n > 0 {
				b.WriteRune(r)
				i += n
				continue
			}
		}
		b.WriteByte(v[i])
		i++
	}
	return b.String()
}

func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// isSpace is TDLib's is_space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == 0
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// utf16Len is the length of s in UTF-16 code units, the unit of the Bot
// API's offsets and of its 4096 limit.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}

// trimText trims the whitespace Telegram strips from both ends of a
// message text and moves the entities with it.
func trimText(text string, ents []models.MessageEntity) (string, []models.MessageEntity) {
	trimmed := strings.TrimLeftFunc(text, unicode.IsSpace)
	shift := utf16Len(text[:len(text)-len(trimmed)])
	trimmed = strings.TrimRightFunc(trimmed, unicode.IsSpace)
	size := utf16Len(trimmed)
	var out []models.MessageEntity
	for _, e := range ents {
		start, end := max(e.Offset-shift, 0), min(e.Offset+e.Length-shift, size)
		if end <= start {
			continue
		}
		e.Offset, e.Length = start, end-start
		out = append(out, e)
	}
	return trimmed, out
}

// errNotUTF8 is what Telegram answers for a text that is not UTF-8.
var errNotUTF8 = errors.New("text must be encoded in UTF-8")
