package search

// BenchmarkCuratedMatch measures the comparison of a question with the
// press office's curated answers, which every question goes through
// before the release text: with 0, 10 and 200 of them. See
// docs/performance.md for the command and the figures.

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

// curatedBenchAsked are the questions compared: two that a curated
// answer answers (in another language than its question), one close to
// a synthetic one, and three that none answers, one of them close in its
// words.
var curatedBenchAsked = []string{
	"How much does membership of the ISA cost?",
	"下一次青年营什么时候举行？",
	"Does %s offer grants for student exchange?", // the city of the second synthetic one
	"Wann wurde die ISA gegründet?",
	"Is Cologne a member of the alliance?",
	"Welche Projekte gibt es zur Wasserstofftechnologie?",
}

// curatedBenchTopics are what the synthetic curated questions ask
// about, in German, English and Chinese.
var curatedBenchTopics = [][3]string{
	{"Schüleraustausch", "student exchange", "学生交流"},
	{"Elektromobilität", "electric mobility", "电动汽车"},
	{"Wasserstoff", "hydrogen", "氢能"},
	{"Kulturfestivals", "cultural festivals", "文化节"},
	{"Start-ups", "start-ups", "初创企业"},
	{"Messen", "trade fairs", "展会"},
	{"Sprachkurse", "language courses", "语言课程"},
	{"Stipendien", "scholarships", "奖学金"},
}

// curatedBenchTemplates make a synthetic curated question of a city and
// a topic in the template's language.
var curatedBenchTemplates = []struct {
	lang   corpus.Lang
	format string
}{
	{corpus.German, "Gibt es in %s ein Förderprogramm für %s?"},
	{corpus.English, "Does %s offer a grant for %s?"},
	{corpus.Chinese, "%s有没有关于%s的资助项目？"},
	{corpus.German, "Wer ist in %s für %s zuständig?"},
	{corpus.English, "Who in %s is responsible for %s?"},
}

// curatedBenchList is n curated answers: those of the tests, then
// synthetic ones, each of another city, topic and template.
func curatedBenchList(cities []corpus.City, n int) []corpus.Curated {
	list := append([]corpus.Curated(nil), curatedAnswers[:min(n, len(curatedAnswers))]...)
	langIndex := map[corpus.Lang]int{corpus.German: 0, corpus.English: 1, corpus.Chinese: 2}
	for i := 0; len(list) < n; i++ {
		tmpl := curatedBenchTemplates[i%len(curatedBenchTemplates)]
		topic := curatedBenchTopics[i/len(curatedBenchTemplates)%len(curatedBenchTopics)][langIndex[tmpl.lang]]
		city := cities[(i*7)%len(cities)].Name
		list = append(list, corpus.Curated{ID: fmt.Sprintf("bench-%d", i), Question: fmt.Sprintf(tmpl.format, city, topic),
			Answer: "Ja.", Lang: tmpl.lang, Date: corpus.Date{Year: 2026, Month: 12, Day: 1}})
	}
	return list
}

func BenchmarkCuratedMatch(b *testing.B) {
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		b.Fatal(problems[0])
	}
	idx, err := NewMemIndex(context.Background(), data.Releases)
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	e := NewEngine(data, idx)
	asked := make([]*question, len(curatedBenchAsked))
	for i, text := range curatedBenchAsked {
		if strings.Contains(text, "%s") {
			text = fmt.Sprintf(text, data.Cities[7].Name)
		}
		lang, _ := DetectLang(text)
		asked[i] = e.read(cleanQuestion(text), lang)
	}
	// What every comparison begins with, whatever the number of curated
	// answers: reading the asked question's words into each language.
	b.Run("read-asked", func(b *testing.B) {
		took := make(latencies, b.N)
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			start := time.Now()
			e.readCurated(asked[i%len(asked)])
			took[i] = time.Since(start)
		}
		b.StopTimer()
		took.report(b)
	})
	for _, n := range []int{0, 10, 200} {
		list := curatedBenchList(data.Cities, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			e.SetCurated(list)
			matched := 0
			took := make(latencies, b.N)
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				start := time.Now()
				if _, ok := e.curatedFor(asked[i%len(asked)]); ok {
					matched++
				}
				took[i] = time.Since(start)
			}
			b.StopTimer()
			took.report(b)
			b.ReportMetric(float64(matched)/float64(b.N), "matched/op")
		})
	}
}
