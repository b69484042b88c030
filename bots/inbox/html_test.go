package inbox

import (
	"slices"
	"strings"
	"testing"
)

func TestHTMLParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"plain text", "Nur Text", []string{"Nur Text"}},
		{"blank lines", "Eins\n\nZwei\n  \nDrei", []string{"Eins", "Zwei", "Drei"}},
		{"CRLF blank line", "Eins\r\n\r\nZwei\r\nDrei", []string{"Eins", "Zwei Drei"}},
		{"blank line around a comment", "Eins\n<!-- c -->\nZwei", []string{"Eins", "Zwei"}},
		{"paragraphs", "<p>Eins</p><p>Zwei</p>", []string{"Eins", "Zwei"}},
		{"breaks", "Eins<br>Zwei<BR/>Drei</br>Vier", []string{"Eins", "Zwei", "Drei", "Vier"}},
		{"block elements",
			"<h2>Titel</h2><div>Div</div><blockquote>Zitat</blockquote><pre>a\n  b</pre>Vor<hr>Nach" +
				"<table><tr><td>Zeile</td><td>eins</td></tr><tr><td>Zeile zwei</td></tr></table>",
			[]string{"Titel", "Div", "Zitat", "a b", "Vor", "Nach", "Zeile eins", "Zeile zwei"}},
		{"inline elements", "Stadt<b>teil</b> <a href=\"/x\"><em>Link</em></a>", []string{"Stadtteil Link"}},
		{"list", "<ul><li>Eins</li><li>Zwei</li></ul>", []string{"Eins", "Zwei"}},
		{"nested lists", "<ol><li>Eins<ul><li>Eins.a</li><li>Eins.b</ul></li><li>Zwei</ol>Danach",
			[]string{"Eins", "Eins.a", "Eins.b", "Zwei", "Danach"}},
		{"definition list", "<dl><dt>Wort</dt><dd>Bedeutung</dd></dl>", []string{"Wort", "Bedeutung"}},

		// Attributes.
		{"quoted > in attributes", "<P CLASS=\"x>y\">A <a href='/b>c'>Link</a>.</P>", []string{"A Link."}},
		{"quotes and entities in attributes", `<a title='"a>b"' data-x="&lt;p&gt;">Text</a>`, []string{"Text"}},
		{"unquoted > ends the tag", "<a title=x>y>z</a>", []string{"y>z"}},
		{"attributes over lines", "<div\nclass=\"a\"\n>Text</div>", []string{"Text"}},

		// Entities are decoded once.
		{"entities", "Stadt<b>teil</b> &amp; &quot;Ort&quot; &#8211; &nbsp; x", []string{"Stadtteil & \"Ort\" – x"}},
		{"escaped tags are text", "&lt;p&gt;bleibt Text&lt;/p&gt;", []string{"<p>bleibt Text</p>"}},
		{"double-escaped entities", "&amp;lt;b&amp;gt; &amp;amp;", []string{"&lt;b&gt; &amp;"}},
		{"entities without semicolon", "AT&T &amp Co &copy 2024", []string{"AT&T & Co © 2024"}},
		{"encoded blank line", "Eins&#10;&#10;Zwei", []string{"Eins", "Zwei"}},
		{"only spaces", "<p> </p><p>\u00a0</p><p>&nbsp;&#32;</p>", nil},

		// A "<" that starts no tag is text.
		{"lone <", "a < b und c>d", []string{"a < b und c>d"}},
		{"< before a digit", "a <3 b, 1<2", []string{"a <3 b, 1<2"}},
		{"<< at the end", "Pfeil <<", []string{"Pfeil <<"}},

		// Unclosed and cut-off markup.
		{"unclosed paragraphs", "<p>Eins<p>Zwei", []string{"Eins", "Zwei"}},
		{"unclosed inline element", "<b>fett bis zum Ende", []string{"fett bis zum Ende"}},
		{"tag cut off at the end", "Text <a href=\"/x", []string{"Text"}},
		{"name cut off at the end", "Text <b", []string{"Text"}},
		{"unclosed script", "Text<script>var a = 1;", []string{"Text"}},
		{"unclosed comment", "Text<!-- bis zum Ende <p>x</p>", []string{"Text"}},
		{"empty end tag", "a</>b", []string{"ab"}},
		{"end tag with a space", "a</ p>b", []string{"ab"}},
		{"stray end tags", "</p></script></template>Text", []string{"Text"}},

		// Comments, declarations, processing instructions.
		{"comments and hidden elements",
			"<!-- <p>Kommentar</p> -->Text<script>var p = '<p>';</script><style>p{}</style>", []string{"Text"}},
		{"empty comment", "a<!-->b<!--->c", []string{"abc"}},
		{"doctype", "<!DOCTYPE html>Text", []string{"Text"}},
		{"xml declaration", "<?xml version=\"1.0\"?>Text", []string{"Text"}},
		{"CDATA section", "a<![CDATA[versteckt]]>b", []string{"ab"}},
		{"CDATA end as text", "a ]]> b", []string{"a ]]> b"}},
		{"CDATA around markup", "<![CDATA[<p>Hallo</p>]]>", []string{"Hallo", "]]>"}},

		// Hidden elements.
		{"script end tag case and space", "<SCRIPT>a</Script >b<style>c</style\n>d", []string{"bd"}},
		{"self-closing script", "<script/>x</script>y", []string{"y"}},
		{"template", "<template><p>x</p></template>Text", []string{"Text"}},
		{"nested templates", "<template>a<template>b</template>c</template>d", []string{"d"}},
		{"end tag closing no hidden element", "<template>a</script>b</template>c", []string{"c"}},
		{"noscript", "<noscript><p>Bitte JavaScript</p></noscript>Text", []string{"Text"}},
		{"iframe", "<iframe src=\"/v\"><p>Kein Video</p></iframe>Text", []string{"Text"}},
		{"title", "<title>Seite</title>Text", []string{"Text"}},
		{"textarea is literal text", "<textarea>a &amp; <b>b</b></textarea>", []string{"a & <b>b</b>"}},
		{"unknown element", "<scripts>a</scripts><o:p>b</o:p>", []string{"ab"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlParagraphs(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("htmlParagraphs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHTMLParagraphsLong(t *testing.T) {
	const n = 20_000
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"many paragraphs", strings.Repeat("<p>Absatz &amp; mehr</p>", n),
			slices.Repeat([]string{"Absatz & mehr"}, n)},
		{"one long paragraph", strings.Repeat("Wort ", n), []string{strings.TrimSpace(strings.Repeat("Wort ", n))}},
		{"deep nesting", strings.Repeat("<div><span>", n) + "Text" + strings.Repeat("</span></div>", n), []string{"Text"}},
		{"long attribute", "<a title=\"" + strings.Repeat("a>b", n) + "\">Link</a>", []string{"Link"}},
		{"many lone <", strings.Repeat("< ", n), []string{strings.TrimSpace(strings.Repeat("< ", n))}},
		{"long script", "<script>" + strings.Repeat("<p>x</p>", n) + "</script>Text", []string{"Text"}},
		{"long unclosed comment", "Text<!--" + strings.Repeat("<p>x</p>", n), []string{"Text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := htmlParagraphs(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("htmlParagraphs(%d bytes) = %d paragraphs, want %d", len(tt.in), len(got), len(tt.want))
			}
		})
	}
}
