package slackfake

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Slack reads &, < and > in a message's text and in mrkdwn as markup: an
// app escapes them as &amp;, &lt; and &gt;, except where it means
// Slack's own syntax (https://docs.slack.dev/messaging/formatting-message-text).
// Slack shows what it cannot read as it is, or drops it; the fake, a
// strict checker, refuses it, so that text from outside that reaches a
// message unescaped fails a test instead of a reader.

// entities are the only ones Slack decodes.
var entities = []string{"&amp;", "&lt;", "&gt;"}

// tokenPrefixes start what Slack reads between < and >: links, user and
// channel mentions, and special mentions such as <!here> or <!date^…>.
var tokenPrefixes = []string{"http://", "https://", "mailto:", "tel:", "@U", "@W", "@B", "#C", "#G", "!"}

// checkMarkup returns what is wrong with s as Slack text, or "": an &
// that starts none of Slack's entities, a < that starts no link or
// mention, or a > that ends none. A blockquote's leading > counts as
// unescaped too: text from outside must not become one.
func checkMarkup(s string) string {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			if !startsEntity(s[i:]) {
				return unescaped(s, i)
			}
		case '>':
			return unescaped(s, i)
		case '<':
			end := strings.IndexAny(s[i+1:], "<>")
			if end < 0 || s[i+1+end] != '>' {
				return unescaped(s, i)
			}
			token := s[i+1 : i+1+end]
			if !isToken(token) {
				return unescaped(s, i)
			}
			for j := range len(token) {
				if token[j] == '&' && !startsEntity(token[j:]) {
					return unescaped(s, i+1+j)
				}
			}
			i += 1 + end
		}
	}
	return ""
}

func startsEntity(s string) bool {
	for _, e := range entities {
		if strings.HasPrefix(s, e) {
			return true
		}
	}
	return false
}

// isToken reports whether the text between < and > is a link or mention.
func isToken(token string) bool {
	target, _, _ := strings.Cut(token, "|")
	for _, p := range tokenPrefixes {
		if strings.HasPrefix(target, p) && len(target) > len(p) {
			return true
		}
	}
	return false
}

// unescaped describes the unescaped character at byte i of s.
func unescaped(s string, i int) string {
	return fmt.Sprintf("unescaped %q at character %d: escape &, < and > as &amp;, &lt; and &gt; outside links and mentions",
		s[i], utf8.RuneCountInString(s[:i])+1)
}
