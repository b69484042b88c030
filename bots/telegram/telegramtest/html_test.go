package telegramtest_test

import (
	"testing"

	"github.com/isa-alliance/isabot/bots/telegram/telegramtest"
)

func TestParseHTML(t *testing.T) {
	tests := []struct {
		in, plain string
	}{
		{"plain text", "plain text"},
		{"", ""},
		{"a &lt; b &gt; c &amp; &quot;d&quot;", `a < b > c & "d"`},
		{"&#65;&#x42;&#x43", "ABC"},
		{"<b>bold</b> <strong>strong</strong>", "bold strong"},
		{"<B>upper</B>", "upper"},
		{"<b><i><u>nested</u></i></b>", "nested"},
		{"<i>x</>", "x"},
		{"<s>s</s><strike>s</strike><del>d</del><ins>i</ins><em>e</em>", "ssdie"},
		{`<a href="https://example.org/?a=1&amp;b=2">link</a>`, "link"},
		{"<a href='https://example.org'>single</a>", "single"},
		{"<a href=example.org>unquoted</a>", "unquoted"},
		{`<span class="tg-spoiler">hidden</span> <tg-spoiler>too</tg-spoiler>`, "hidden too"},
		{"<blockquote>q</blockquote><blockquote expandable>e</blockquote>", "qe"},
		{`<pre><code class="language-go">x := 1</code></pre>`, "x := 1"},
		{"<code>a&lt;b</code>", "a<b"},
		{`<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>`, "👍"},
		{"Düsseldorf – 杜塞尔多夫\n<b>ok</b>", "Düsseldorf – 杜塞尔多夫\nok"},
		{"  <b> </b> ", "    "},
	}
	for _, tt := range tests {
		plain, err := telegramtest.ParseHTML(tt.in)
		if err != nil || plain != tt.plain {
			t.Errorf("ParseHTML(%q) = %q, %v; want %q", tt.in, plain, err, tt.plain)
		}
	}
}

func TestParseHTMLErrors(t *testing.T) {
	tests := []struct {
		in, err string
	}{
		{"<foo>x</foo>", `Unsupported start tag "foo" at byte offset 0`},
		{"a < b", `Unsupported start tag "" at byte offset 2`},
		{"Ü<br>", `Unsupported start tag "br" at byte offset 2`},
		{"<b/>", `Unsupported start tag "b/" at byte offset 0`},
		{"<b>open", `Can't find end tag corresponding to start tag "b"`},
		{"<b><i>x</b></i>", `Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`},
		{"x</b>", "Unexpected end tag at byte offset 1"},
		{"<b>x</b", "Unclosed end tag at byte offset 4"},
		{"<b", "Unclosed start tag at byte offset 0"},
		{"x <", "Unclosed start tag at byte offset 2"},
		{`<a href="x>y</a>`, "Unclosed start tag at byte offset 0"},
		{`<a href=a"b>x</a>`, "Unexpected end of name token at byte offset 8"},
		{"<a href=https://example.org>x</a>", "Unexpected end of name token at byte offset 8"},
		{`<a href>x</a>`, `Expected equal sign in declaration of an attribute of the tag "a" at byte offset 0`},
		{`<span class="x">s</span>`, `Tag "span" must have class "tg-spoiler" at byte offset 0`},
		{"<span>s</span>", `Tag "span" must have class "tg-spoiler" at byte offset 0`},
		{"Q&A", `Unescaped "&" at byte offset 1: use "&amp;"`},
		{"&nbsp;", `Unescaped "&" at byte offset 0: use "&amp;"`},
		{"1 > 0", `Unescaped ">" at byte offset 2: use "&gt;"`},
	}
	for _, tt := range tests {
		plain, err := telegramtest.ParseHTML(tt.in)
		if err == nil || err.Error() != tt.err {
			t.Errorf("ParseHTML(%q) = %q, %v; want error %q", tt.in, plain, err, tt.err)
		}
	}
}
