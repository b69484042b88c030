package search

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

var defaultEngine struct {
	once   sync.Once
	engine *Engine
	err    error
}

// testEngine answers from the embedded default corpus through a real
// in-memory index. It is built once and shared: answering does not change
// it.
func testEngine(t testing.TB) *Engine {
	t.Helper()
	defaultEngine.once.Do(func() {
		data, problems := corpus.Load(corpus.Embedded())
		for _, err := range problems {
			defaultEngine.err = err
			return
		}
		idx, err := NewMemIndex(context.Background(), data.Releases)
		if err != nil {
			defaultEngine.err = err
			return
		}
		defaultEngine.engine = NewEngine(data, idx)
	})
	if defaultEngine.err != nil {
		t.Fatalf("default corpus: %v", defaultEngine.err)
	}
	return defaultEngine.engine
}

func TestAnswerCityNames(t *testing.T) {
	// Every spelling of a member finds it; a place that is no member gets
	// a clear no if German, and an honest "not among the named" if Chinese.
	tests := []struct {
		question string
		want     []string
		notWant  []string
	}{
		{"Ist Köln Mitglied?", []string{"Ja", "Köln", "24. April 2017"}, nil},
		{"Ist Koeln Mitglied?", []string{"Ja", "Köln"}, nil},
		{"ist koln mitglied", []string{"Ja", "Köln"}, nil},
		{"Is Cologne a member?", []string{"Yes", "Cologne (Köln)"}, nil},
		{"科隆是成员吗？", []string{"是的", "科隆"}, nil},
		{"Gehört Freiburg zur ISA?", []string{"Ja", "Freiburg", "Region Schwarzwald", "Lahr"}, nil},
		{"Is Kelsterbach a member?", []string{"Yes", "Drei gewinnt", "Rüsselsheim"}, nil},
		{"Is Shenzhen a member?", []string{"Yes", "Bao'an (Shenzhen)"}, nil},
		{"Ist Berlin Mitglied?", []string{"Nein", "20 deutschen"}, []string{"Ja"}},
		{"Is Munich a member?", []string{"No", "Munich"}, []string{"Yes"}},
		{"Is Wuhan a member?", []string{"not among the Chinese members the sources name", "27"}, []string{"Yes", "No,"}},
		{"Ist Ingolstat Mitglied?", []string{"Meinten Sie Ingolstadt?", "Ja"}, nil},
		// A non-member whose name is close to a member's: a clear no, and
		// "did you mean" the member.
		{"Ist Aalen Mitglied?", []string{"Nein", "Meinten Sie Aachen?"}, nil},
		{"Ist Paderborn Mitglied?", []string{"Nein, Paderborn ist kein Mitglied"}, []string{"Ja"}},
		{"Ist Halle Mitglied?", []string{"Nein, Halle (Saale) ist kein Mitglied"}, []string{"Ja"}},
		{"Is Dortmund a member?", []string{"guest status"}, nil},
	}
	e := testEngine(t)
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			a, err := e.Answer(context.Background(), tt.question, "")
			if err != nil {
				t.Fatal(err)
			}
			if !a.Answered || a.Kind != answer.KindMembership {
				t.Fatalf("answered=%v kind=%s: %s", a.Answered, a.Kind, a.Text)
			}
			for _, w := range tt.want {
				if !strings.Contains(a.Text, w) {
					t.Errorf("answer lacks %q: %s", w, a.Text)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(a.Text, w) {
					t.Errorf("answer contains %q: %s", w, a.Text)
				}
			}
			checkWellFormed(t, tt.question, a)
		})
	}
}

func TestAnswerLanguage(t *testing.T) {
	tests := []struct {
		question string
		force    corpus.Lang
		want     corpus.Lang
		contains string
	}{
		{"Wann wurde die ISA gegründet?", "", corpus.German, "April 2016"},
		{"When was the ISA founded?", "", corpus.English, "April 2016"},
		{"联盟是什么时候成立的？", "", corpus.Chinese, "2016年4月"},
		{"Wann wurde die ISA gegründet?", corpus.English, corpus.English, "April 2016"},
		{"When was the ISA founded?", corpus.Chinese, corpus.Chinese, "2016年4月"},
		{"ISA", "", corpus.German, "ISA"},
	}
	e := testEngine(t)
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.question, tt.force)
		if err != nil {
			t.Fatal(err)
		}
		if a.Lang != tt.want || !strings.Contains(a.Text, tt.contains) {
			t.Errorf("Answer(%q, %q) = %s: %s; want %s with %q", tt.question, tt.force, a.Lang, a.Text, tt.want, tt.contains)
		}
	}
}

func TestDetectLang(t *testing.T) {
	tests := []struct {
		text      string
		want      corpus.Lang
		confident bool
	}{
		{"Wer ist der Ansprechpartner?", corpus.German, true},
		{"Who is the contact person?", corpus.English, true},
		{"谁是联系人？", corpus.Chinese, true},
		{"ISA的email是什么", corpus.Chinese, true},
		{"Is 纽伦堡 a member", corpus.English, true},
		{"纽伦堡", corpus.Chinese, true},
		{"ISA？", corpus.Chinese, false},
		{"munich isa?", corpus.English, true},
		{"Wetter in Foshan morgen", corpus.German, true},
		// A name with an umlaut leans German but does not decide: a chat
		// whose /lang is zh gets Chinese.
		{"Köln", corpus.German, false},
		{"Who signs Lübeck's certificate?", corpus.English, true},
		{"Bürgermeister?", corpus.German, false},
		{"Städte über 500.000 Einwohner?", corpus.German, true},
		{"Sekretariat in Foshan?", corpus.German, false},
		{"Wo ist das Sekretariat in Foshan?", corpus.German, true},
		{"ISA stock price", corpus.English, false},
		// "will" is a word of both; the "ing" inside a German verb is no
		// English ending.
		{"Welche Branchen will Rostock voranbringen?", corpus.German, false},
		{"Rostock developing?", corpus.English, false},
		{"Solingen membership?", corpus.English, true},
		{"email?", corpus.German, false},
		{"", corpus.German, false},
	}
	for _, tt := range tests {
		got, confident := DetectLang(tt.text)
		if got != tt.want || confident != tt.confident {
			t.Errorf("DetectLang(%q) = %s, %v; want %s, %v", tt.text, got, confident, tt.want, tt.confident)
		}
	}
}

func TestAnswerFromRelease(t *testing.T) {
	// A question about the text of a release gets its best passage, with a
	// snippet whose highlights mark the words asked about.
	e := testEngine(t)
	// Typos in the subject's words are forgiven when the exact words find
	// nothing.
	typo, err := e.Answer(context.Background(), "Welche Stuide hat die ISA in Auftarg gegeben?", "")
	if err != nil || typo.Kind != answer.KindPassage || !strings.Contains(typo.Text, "Forschung und Entwicklung") {
		t.Errorf("with typos: %v %s: %s", err, typo.Kind, typo.Text)
	}
	a, err := e.Answer(context.Background(), "Welche Studie hat die ISA in Auftrag gegeben?", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != answer.KindPassage || !strings.Contains(a.Text, "Forschung und Entwicklung") {
		t.Fatalf("kind %s: %s", a.Kind, a.Text)
	}
	s := a.Sources[0]
	if s.Ref != "2021-02-11-isa-fruehlingsfest" || s.Date.String() != "2021-02-11" {
		t.Errorf("source = %+v", s)
	}
	var marked []string
	for _, h := range s.Highlights {
		marked = append(marked, s.Snippet[h.Start:h.End])
	}
	if !slices.Contains(marked, "Studie") || !slices.Contains(marked, "Auftrag") {
		t.Errorf("highlights %q in %q", marked, s.Snippet)
	}
}

func TestNotAnswered(t *testing.T) {
	// Out of the corpus's scope: an honest no, saying what it can answer.
	e := testEngine(t)
	for _, q := range []string{"Wie wird das Wetter morgen in Köln?", "Who is the mayor of Foshan?", "佛山的人口是多少？", "asdfgh qwertz"} {
		a, err := e.Answer(context.Background(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Answered || a.Confidence != 0 || len(a.Sources) != 0 {
			t.Errorf("Answer(%q) answered: %s", q, a.Text)
		}
		if !strings.Contains(a.Text, map[corpus.Lang]string{corpus.German: "Ich weiß Bescheid über", corpus.English: "I can tell you about", corpus.Chinese: "我可以回答"}[a.Lang]) {
			t.Errorf("Answer(%q) does not say what it can answer: %s", q, a.Text)
		}
	}
}

func TestHostileQuestions(t *testing.T) {
	e := testEngine(t)
	for _, q := range hostileQuestions {
		a, err := e.Answer(context.Background(), q, "")
		if err != nil {
			t.Fatalf("Answer(%q): %v", q, err)
		}
		checkWellFormed(t, q, a)
	}
}

func TestAnswerJSON(t *testing.T) {
	// The JSON form is a contract: isabot ask --json and the ask API.
	a, err := testEngine(t).Answer(context.Background(), "Wann wurde die ISA gegründet?", "")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"answer", "answered", "confidence", "language", "question", "rule", "sources"}; !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	src := got["sources"].([]any)[0].(map[string]any)
	for _, k := range []string{"title", "date", "ref", "snippet"} {
		if _, ok := src[k]; !ok {
			t.Errorf("source lacks %q: %v", k, src)
		}
	}
	if src["date"] != "2021-02-11" {
		t.Errorf("source date = %v", src["date"])
	}
}

func TestBrowse(t *testing.T) {
	e := testEngine(t)
	ctx := context.Background()

	hits, total, err := e.Search(ctx, "Pandemie Masken", corpus.German, 0, 5)
	if err != nil || total != 1 || len(hits) != 1 || hits[0].Release.ID != "2021-02-11-isa-fruehlingsfest" {
		t.Fatalf("Search = %v, %d, %v", hits, total, err)
	}
	if s := hits[0].Source; !strings.Contains(s.Snippet, "Masken") || len(s.Highlights) == 0 {
		t.Errorf("snippet %q highlights %v", s.Snippet, s.Highlights)
	}
	if hits, total, _ := e.Search(ctx, "Pandemie", corpus.German, 5, 5); len(hits) != 0 || total != 1 {
		t.Errorf("page beyond the end: %v, %d", hits, total)
	}
	if hits, total, _ := e.Search(ctx, "  ", corpus.German, 0, 5); len(hits) != 0 || total != 0 {
		t.Errorf("empty search: %v, %d", hits, total)
	}

	if a := e.Members(corpus.English, "Bavaria"); !strings.Contains(a.Text, "Ingolstadt") || !strings.Contains(a.Text, "Nuremberg") {
		t.Errorf("Members(Bavaria): %s", a.Text)
	}
	if a := e.Members(corpus.German, "Lummerland"); !strings.HasPrefix(a.Text, "„Lummerland“ kenne ich nicht") || !strings.Contains(a.Text, "Aachen") {
		t.Errorf("Members(Lummerland): %s", a.Text)
	}
	if a := e.Members(corpus.German, "China"); !strings.Contains(a.Text, "27 chinesische") {
		t.Errorf("Members(China): %s", a.Text)
	}
	if a := e.Members(corpus.German, "koeln"); a.Kind != answer.KindMembership || !strings.Contains(a.Text, "Ja") {
		t.Errorf("Members(koeln): %s", a.Text)
	}
	if a := e.Contact(corpus.Chinese); !strings.Contains(a.Text, "isa@pks-gmbh.net") || a.Lang != corpus.Chinese {
		t.Errorf("Contact: %s", a.Text)
	}
	if latest := e.Latest(3); len(latest) != 1 {
		t.Errorf("Latest(3) = %d releases", len(latest))
	}
	if r, ok := e.Release("2021-02-11-isa-fruehlingsfest"); !ok || r.Place != "Berlin" {
		t.Errorf("Release: %v %v", r, ok)
	}
}

func TestAddRelease(t *testing.T) {
	// A release added while the engine runs is found by the next
	// question; one with the same ID replaces it, old text gone.
	ctx := context.Background()
	data, _ := corpus.Load(corpus.Embedded())
	idx, err := NewMemIndex(ctx, data.Releases)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	e := NewEngine(data, idx)
	r := corpus.Release{ID: "2026-11-20-test", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Lang: corpus.German,
		Title: "Testmeldung: Wasserstoffgipfel in Foshan", Body: []string{"Der Wasserstoffgipfel der Testmeldung fand in Foshan statt."}}
	if err := e.Add(ctx, r); err != nil {
		t.Fatal(err)
	}
	a, err := e.Answer(ctx, "Wo fand der Wasserstoffgipfel statt?", "")
	if err != nil || a.Kind != answer.KindPassage || !strings.Contains(a.Text, "Foshan") {
		t.Fatalf("after Add: %v %s", err, a.Text)
	}
	if latest := e.Latest(1); latest[0].ID != r.ID {
		t.Errorf("latest is %s", latest[0].ID)
	}
	r.Title, r.Body = "Testmeldung: Solargipfel in Huzhou", []string{"Der Solargipfel der Testmeldung fand in Huzhou statt."}
	if err := e.Add(ctx, r); err != nil {
		t.Fatal(err)
	}
	if a, _ := e.Answer(ctx, "Wo fand der Wasserstoffgipfel statt?", ""); a.Answered {
		t.Errorf("the replaced text is still found: %s", a.Text)
	}
	if a, _ := e.Answer(ctx, "Wo fand der Solargipfel statt?", ""); !strings.Contains(a.Text, "Huzhou") {
		t.Errorf("the new text is not found: %s", a.Text)
	}
	if n := len(e.Latest(10)); n != 2 {
		t.Errorf("%d releases, want 2", n)
	}

	// Who is quoted comes from the releases' text: the newest release
	// that quotes someone the data knows comes first.
	r.Body = append(r.Body, "„Wir freuen uns auf die Zusammenarbeit“, sagt Generalsekretär Liu Yi.")
	if err := e.Add(ctx, r); err != nil {
		t.Fatal(err)
	}
	a, _ = e.Answer(ctx, "Wer wird in den Pressemitteilungen zitiert?", "")
	liu, ost := strings.Index(a.Text, "Liu Yi"), strings.Index(a.Text, "Friedhelm Ost")
	if a.Kind != answer.KindPerson || liu < 0 || ost < liu || len(a.Sources) < 2 || a.Sources[0].Ref != r.ID {
		t.Errorf("who is quoted: %s %s %+v", a.Kind, a.Text, a.Sources)
	}

	// Replacing the release that holds the one indexed copy of the about
	// section keeps the about section findable.
	seed, _ := e.Release("2021-02-11-isa-fruehlingsfest")
	edited := *seed
	edited.Body = append([]string{"Ein neuer erster Absatz."}, seed.Body...)
	if err := e.Add(ctx, edited); err != nil {
		t.Fatal(err)
	}
	if hits, _, _ := e.Search(ctx, "leistungsstarken Industriestandorten", corpus.German, 0, 5); len(hits) == 0 {
		t.Error("the about section was lost from the index")
	}
	if seed.Body[0] == edited.Body[0] {
		t.Error("a release given out before was changed in place")
	}
}

func TestRepeatedQuestion(t *testing.T) {
	// A question pasted several times is answered once.
	a, err := testEngine(t).Answer(context.Background(), strings.Repeat("Ist Köln Mitglied? ", 300), "")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(a.Text, "Köln ist Mitglied"); n != 1 {
		t.Errorf("answered %d times: %s", n, a.Text)
	}
}

// TestAllianceHasLearnedMembers: a city that a release says joined is a
// member in what the engine gives the web pages.
func TestAllianceHasLearnedMembers(t *testing.T) {
	e := engineWith(t, "testdata/eval")
	d := e.Alliance()
	i := slices.IndexFunc(d.Cities, func(c corpus.City) bool { return c.Name == "Paderborn" })
	if i < 0 || !d.Cities[i].IsMember() {
		t.Fatalf("Paderborn, whose joining a release states, is no member in %d cities", len(d.Cities))
	}
	if len(d.Releases) != 0 {
		t.Errorf("%d releases given with the alliance's data", len(d.Releases))
	}
}
