package search

import (
	"context"
	"strings"
	"testing"

	"github.com/isa-alliance/isabot/corpus"
)

// curatedTestEngine is an engine of its own with the curated answers
// set: the shared test engine must not answer from them.
func curatedTestEngine(t *testing.T, list []corpus.Curated) *Engine {
	t.Helper()
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	idx, err := NewMemIndex(context.Background(), data.Releases)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	e := NewEngine(data, idx)
	e.SetCurated(list)
	return e
}

var curatedAnswers = []corpus.Curated{
	{ID: "fee", Question: "Wie viel kostet die Mitgliedschaft in der ISA?", Answer: "Die Mitgliedschaft ist beitragsfrei.",
		Lang: corpus.German, Organisation: "Stadt Duisburg", Date: corpus.Date{Year: 2026, Month: 11, Day: 30}},
	{ID: "camp", Question: "Wann findet das nächste Jugendcamp statt?", Answer: "Im Juli 2027 in Foshan.",
		Lang: corpus.German, Organisation: "Stadt Foshan", Date: corpus.Date{Year: 2026, Month: 12, Day: 1}},
	{ID: "photos", Question: "Darf ich Fotos vom Frühlingsfest verwenden?", Answer: "Ja, mit Nennung der Quelle „ISA“.",
		Lang: corpus.German, Date: corpus.Date{Year: 2026, Month: 12, Day: 2}},
	{ID: "moon", Question: "How many inhabitants does the moon have?", Answer: "Der Mond hat keine Einwohner.",
		Lang: corpus.German, Date: corpus.Date{Year: 2026, Month: 12, Day: 3}},
	{ID: "visa", Question: "Do Chinese delegates need a visa for the plenary assembly in Köln?", Answer: "Yes; the secretariat helps with the invitation letters.",
		Lang: corpus.English, Date: corpus.Date{Year: 2026, Month: 12, Day: 3}},
}

func TestCuratedAnswers(t *testing.T) {
	e := curatedTestEngine(t, curatedAnswers)
	tests := []struct {
		question string
		want     string // the curated answer's id, "" for none
	}{
		// The same question, and close ones in every language.
		{"Wie viel kostet die Mitgliedschaft in der ISA?", "fee"},
		{"wie viel kostet die mitgliedschaft in der isa", "fee"},
		{"Was kostet die Mitgliedschaft?", "fee"},
		{"How much does membership of the ISA cost?", "fee"},
		{"加入ISA需要多少费用？", "fee"},
		{"Wann findet das nächste Jugendcamp statt?", "camp"},
		{"When is the next youth camp?", "camp"},
		{"下一次青年营什么时候举行？", "camp"},
		{"Darf ich Fotos vom Frühlingsfest verwenden?", "photos"},
		{"Can I use photos of the spring festival?", "photos"},
		{"Brauchen chinesische Delegierte ein Visum für die Plenarversammlung in Köln?", "visa"},
		// An English question answered in German.
		{"How many inhabitants does the moon have?", "moon"},
		{"Wie viele Einwohner hat der Mond?", "moon"},
		// Other questions: another kind of fact, another subject, another
		// name.
		{"Wie viele Mitglieder hat die ISA?", ""},
		{"Wo findet das nächste Jugendcamp statt?", ""},
		{"Darf ich Fotos vom Jugendcamp verwenden?", ""},
		{"Can I use photos of the youth camp?", ""},
		{"Do Chinese delegates need a visa for the plenary assembly in Hamburg?", ""},
		{"Ist Köln Mitglied?", ""},
		{"Wann wurde die ISA gegründet?", ""},
		{"Hallo", ""},
	}
	for _, tt := range tests {
		a, err := e.Answer(context.Background(), tt.question, "")
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if a.Rule == "curated" {
			got = strings.TrimPrefix(a.Sources[0].Ref, "curated:")
		}
		if got != tt.want {
			t.Errorf("%q: curated %q (rule %s: %q), want %q", tt.question, got, a.Rule, a.Text, tt.want)
		}
	}
}

func TestCuratedCitation(t *testing.T) {
	e := curatedTestEngine(t, curatedAnswers[:1])
	a, err := e.Answer(context.Background(), "How much does membership of the ISA cost?", "")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Rule != "curated" || len(a.Sources) != 1 {
		t.Fatalf("answer %+v", a)
	}
	want := "The ISA press office answered this in German:\nDie Mitgliedschaft ist beitragsfrei."
	if a.Text != want {
		t.Errorf("text %q, want %q", a.Text, want)
	}
	if s := a.Sources[0]; s.Title != "ISA press office" || s.Date != (corpus.Date{Year: 2026, Month: 11, Day: 30}) {
		t.Errorf("source %+v, want ISA press office, 2026-11-30", s)
	}
	// Removed, it answers no more.
	e.SetCurated(nil)
	if a, _ := e.Answer(context.Background(), "Wie viel kostet die Mitgliedschaft in der ISA?", ""); a.Rule == "curated" {
		t.Errorf("a removed curated answer answers: %+v", a)
	}
}
