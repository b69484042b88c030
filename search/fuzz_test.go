package search

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

// hostileQuestions are chat texts that break naive engines: query-string
// syntax, markup, control characters, huge and empty messages.
var hostileQuestions = []string{
	"", " ", "\t\n", "?", "*", "**", ":", "/", "\\", `"`, `"unterminated`, "'", "+-", "-", "~", "^2", "&&", "||", "!",
	"(", ")", "[", "{", "field:value", "text_de:Köln", "*:*", "a AND b OR", "<b>Köln</b> & <i>", "&amp;",
	"<script>alert(1)</script>", "\x00\x01\x02", "\u200b\u200e", "\xff\xfe", "Köln?*", "/regex/", "Köln~2",
	strings.Repeat("Köln ", 2000), strings.Repeat("a", 10000), strings.Repeat("中", 5000), "🐂🐂🐂", "ＩＳＡ　ｇｅｇｒüｎｄｅｔ",
	"第九十九届全体大会", "999999999999999999999th plenary", "-1. Plenarversammlung",
}

// lackingQuestions are answered with what the sources say instead of
// the fact asked for: not answered, so with no confidence either.
var lackingQuestions = []string{"Will Munich join?", "Wird München Mitglied werden?", "慕尼黑会加入联盟吗？"}

func FuzzAnswer(f *testing.F) {
	for _, q := range slices.Concat(hostileQuestions, lackingQuestions) {
		f.Add(q)
	}
	e := testEngine(f)
	f.Fuzz(func(t *testing.T, question string) {
		a, err := e.Answer(context.Background(), question, "")
		if err != nil {
			t.Fatalf("Answer(%q): %v", question, err)
		}
		checkWellFormed(t, question, a)
	})
}

// checkWellFormed checks what every answer must be, whatever was asked.
func checkWellFormed(t *testing.T, question string, a answer.Answer) {
	t.Helper()
	switch a.Lang {
	case corpus.German, corpus.English, corpus.Chinese:
	default:
		t.Errorf("Answer(%q): language %q", question, a.Lang)
	}
	if a.Text == "" || !utf8.ValidString(a.Text) || strings.Contains(a.Text, "%!") {
		t.Errorf("Answer(%q): empty, invalid or misformatted text %q", question, a.Text)
	}
	if a.Answered != (a.Confidence > 0) {
		t.Errorf("Answer(%q): answered=%v with confidence %v", question, a.Answered, a.Confidence)
	}
	if a.Answered && len(a.Sources) == 0 {
		t.Errorf("Answer(%q): answered without a source: %s", question, a.Text)
	}
	for _, s := range a.Sources {
		if s.Title == "" && s.Ref == "" {
			t.Errorf("Answer(%q): a source without title or reference: %s", question, a.Text)
		}
		for _, h := range s.Highlights {
			if h.Start < 0 || h.End > len(s.Snippet) || h.Start >= h.End || !utf8.ValidString(s.Snippet[h.Start:h.End]) {
				t.Errorf("Answer(%q): highlight %v outside snippet %q", question, h, s.Snippet)
			}
		}
	}
}

// releaseSentences are sentences of releases in the shapes the engine
// reads facts and answers from; the first cut past its end once, as its
// dates come in the order of findDates's patterns, not of the text.
var releaseSentences = []string{
	"From March 2029, a weekly container train will leave on 6 March 2029 and arrive on 25 March 2029.",
	"Haberland folgt auf Miriam Oltmanns, die seit Juli 2025 dabei ist; sie wechselt zum 1. April 2029 nach Saarbrücken.",
	"Die Plenarversammlung fand am 15. und 16. Juni 2028 in Weihai statt; 48 Mitglieder: 21 deutsche Städte aus neun Bundesländern.",
	"联盟现有48个成员城市，其中德国城市21个，中国城市27个，大会于2029年5月14日至15日举行。",
	"Pressekontakt (ab 2. Mai 2028): Dr. Anna Keller, Tel. +49 30 1234 5678, presse@example.org",
	"Nach einem langen Verfahren im Rat und im Präsidium lag am Ende der Antrag der Stadt Kiel vor; die Stadt ist der ISA beigetreten.",
	"Bis 31. Oktober 2027: Miriam Kessler. Ab 1. November 2027: Daniel Rehbein, +49 171 555 8203.",
	"Der 9. ISA-Tag, 3.–5. Mai, 2.450 Euro (anteilig), 12 %, 1,2 Mio. EUR, 第十一届, 十四个省份.",
}

// FuzzReleaseText runs what the engine does with a new release's text,
// whatever it says: the facts learned from it, and the sentence
// functions an answer weighs it with. None may panic; the dates found
// must not overlap, and the sentences must be the text's.
func FuzzReleaseText(f *testing.F) {
	for _, s := range releaseSentences {
		f.Add(s)
	}
	e := testEngine(f)
	questions := make([]*question, 0, 3)
	for _, q := range []string{"Wie viele Mitglieder hat die ISA?", "When does the train arrive?", "谁是新闻发言人？"} {
		lang, _ := DetectLang(q)
		questions = append(questions, e.read(cleanQuestion(q), lang))
	}
	f.Fuzz(func(t *testing.T, text string) {
		dates := findDates(text)
		for i, d := range dates {
			for _, other := range dates[:i] {
				if d.start < other.end && other.start < d.end {
					t.Fatalf("findDates(%q): %q overlaps %q", text, text[d.start:d.end], text[other.start:other.end])
				}
			}
		}
		stripOrdinals(stripDates(text))
		for _, s := range splitSentences(text) {
			if !strings.Contains(text, s) {
				t.Fatalf("splitSentences(%q): %q is not of the text", text, s)
			}
		}
		for _, lang := range corpus.Langs() {
			r := corpus.Release{ID: "fuzz", Title: "Fuzz", Date: time.Date(2029, time.June, 15, 0, 0, 0, 0, time.UTC), Lang: lang, Body: strings.Split(text, "\n")}
			e.learner.facts(&r)
		}
		for _, s := range splitSentences(text) {
			for _, q := range questions {
				for want := anyText; want <= aContact; want++ {
					e.holds(s, want, q)
					e.factIn(s, want, q)
				}
			}
		}
	})
}
