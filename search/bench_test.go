package search

// Benchmarks for docs/performance.md: answering, a bare bleve match query
// as the baseline, building and opening the index, on the default corpus
// and on 10,000 synthetic releases. They are benchmarks only; a plain
// "go test" runs none of them. See docs/performance.md for the command.

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/corpus/synthetic"
)

// The sizes the targets speak of, and the seed of the synthetic corpus.
const (
	benchReleases      = 10000
	benchBuildReleases = 2000
	benchSeed          = 1
)

// benchQuestions are asked round-robin: facts from the data, questions
// about the releases' text (about the real release and about the synthetic
// releases' subjects) and questions nothing answers, in the three
// languages. Which of them search the index is found out by asking, see
// fulltextQuestions.
var benchQuestions = []string{
	// Facts from the city and alliance data.
	"Wann wurde die ISA gegründet?",
	"Is Cologne a member of the alliance?",
	"联盟一共有多少个成员城市？",
	"Welche Mitglieder kommen aus Nordrhein-Westfalen?",
	"What's the e-mail address of the ISA press office?",
	"佛山是成员吗？",
	"neueste pressemitteilung",
	"When did the 9th plenary assembly take place?",
	// The text of the releases.
	"Welche Studie hat die ISA in Auftrag gegeben und was ist dabei herausgekommen?",
	"Wie bewertet die ISA das Investitionsabkommen zwischen der EU und China?",
	"masken pandemie china hilfe",
	"Did Chinese cities send masks to German members during the pandemic?",
	"Was hat Friedhelm Ost zum chinesischen Frühlingsfest gesagt?",
	"联盟委托做的那项研究得出了什么结论？",
	"牛年祝福",
	"Welche Projekte gibt es zur Wasserstofftechnologie?",
	"hydrogen technology cooperation between German and Chinese cities",
	"Wo plant eine Stadt einen Technologiepark für Elektromobilität?",
	// Nothing answers these.
	"Wie viele Einwohner hat Wuppertal?",
	"ISA stock price",
	"明天佛山天气怎么样？",
	"Wer hat gestern Borussia Dortmund gegen Schalke gewonnen?",
}

// fulltextQuestions returns the questions whose answer searches e's index,
// counted by bleve's own search statistics.
func fulltextQuestions(b *testing.B, e *Engine) []string {
	b.Helper()
	var out []string
	for _, q := range benchQuestions {
		before := searchCount(e.index)
		if _, err := e.Answer(context.Background(), q, ""); err != nil {
			b.Fatalf("%q: %v", q, err)
		}
		if searchCount(e.index) > before {
			out = append(out, q)
		}
	}
	if len(out) == 0 {
		b.Fatal("no question searches the index")
	}
	return out
}

func searchCount(idx *Index) uint64 {
	n, _ := idx.bleve.StatsMap()["searches"].(uint64)
	return n
}

// synthetic10k is the default corpus plus 10,000 synthetic releases, with
// an in-memory index, built once per benchmark process.
var synthetic10k struct {
	once     sync.Once
	engine   *Engine
	fulltext []string
	took     time.Duration
	err      error
}

func syntheticEngine(b *testing.B) (*Engine, []string) {
	b.Helper()
	s := &synthetic10k
	s.once.Do(func() {
		start := time.Now()
		data, problems := corpus.Load(corpus.Embedded())
		if len(problems) > 0 {
			s.err = problems[0]
			return
		}
		big := *data
		big.Releases = sortedReleases(append(slices.Clone(data.Releases), synthetic.Releases(benchReleases, benchSeed)...))
		idx, err := NewMemIndex(context.Background(), big.Releases)
		if err != nil {
			s.err = err
			return
		}
		s.engine = NewEngine(&big, idx)
		s.took = time.Since(start)
	})
	if s.err != nil {
		b.Fatalf("synthetic corpus: %v", s.err)
	}
	if s.fulltext == nil {
		s.fulltext = fulltextQuestions(b, s.engine)
		n, _ := s.engine.index.DocCount()
		b.Logf("synthetic index: %d releases, %d passages, built in %s; questions that search it: %q",
			len(s.engine.data.Releases), n, s.took.Round(time.Millisecond), s.fulltext)
	}
	return s.engine, s.fulltext
}

// sortedReleases orders releases as corpus.Load does, oldest first: the
// engine takes the last ones for the latest.
func sortedReleases(rs []corpus.Release) []corpus.Release {
	slices.SortFunc(rs, func(a, b corpus.Release) int {
		return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.ID, b.ID))
	})
	return rs
}

func BenchmarkAnswer(b *testing.B) {
	// Each question's own times go to the log, to tell which dominate.
	var each []questionTimes
	b.Run("default", func(b *testing.B) {
		each = benchAnswer(b, testEngine(b), benchQuestions)
	})
	logEach("default", each)
	each = nil
	b.Run("synthetic-10k", func(b *testing.B) {
		e, _ := syntheticEngine(b)
		each = benchAnswer(b, e, benchQuestions)
	})
	logEach("synthetic-10k", each)
	b.Run("synthetic-10k-fulltext", func(b *testing.B) {
		e, fulltext := syntheticEngine(b)
		benchAnswer(b, e, fulltext)
	})
}

func benchAnswer(b *testing.B, e *Engine, questions []string) []questionTimes {
	ctx := context.Background()
	took := make(latencies, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		if _, err := e.Answer(ctx, questions[i%len(questions)], ""); err != nil {
			b.Fatal(err)
		}
		took[i] = time.Since(start)
	}
	b.StopTimer()

	each := make([]questionTimes, len(questions))
	for i, q := range questions {
		var l latencies
		for j := i; j < len(took); j += len(questions) {
			l = append(l, took[j])
		}
		slices.Sort(l)
		each[i] = questionTimes{question: q, p50: l.percentile(50), max: l.percentile(100)}
	}
	took.report(b)
	return each
}

// questionTimes are one question's median and slowest time, in
// milliseconds.
type questionTimes struct {
	question string
	p50, max float64
}

// logEach prints each question's times after the sub-benchmark's results.
// It prints rather than logs: a parent benchmark's log shows only with -v.
func logEach(name string, each []questionTimes) {
	if len(each) == 0 {
		return // not run
	}
	fmt.Printf("    %s, per question: p50-ms max-ms question\n", name)
	for _, t := range each {
		fmt.Printf("    %7.2f %7.2f  %s\n", t.p50, t.max, t.question)
	}
}

// BenchmarkBareMatchQuery is the baseline for answering: bleve alone
// running a match query for the question on the same index, ten hits,
// nothing else; on the German text field (synthetic-10k), and on the
// fields of all three languages, as a bot for three languages would
// (synthetic-10k-all-fields).
func BenchmarkBareMatchQuery(b *testing.B) {
	for _, bench := range []struct {
		name  string
		langs []corpus.Lang
	}{
		{"synthetic-10k", []corpus.Lang{corpus.German}},
		{"synthetic-10k-all-fields", corpus.Langs()},
	} {
		b.Run(bench.name, func(b *testing.B) {
			e, fulltext := syntheticEngine(b)
			ctx := context.Background()
			took := make(latencies, b.N)
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				start := time.Now()
				var qs []query.Query
				for _, l := range bench.langs {
					q := bleve.NewMatchQuery(fulltext[i%len(fulltext)])
					q.SetField(textField[l])
					qs = append(qs, q)
				}
				if _, err := e.index.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), 10, 0, false)); err != nil {
					b.Fatal(err)
				}
				took[i] = time.Since(start)
			}
			b.StopTimer()
			took.report(b)
		})
	}
}

// BenchmarkBuild builds an in-memory index of 2,000 synthetic releases with
// NewMemIndex, and the same documents into a bare bleve index in batches
// of 2,000, as the baseline.
func BenchmarkBuild(b *testing.B) {
	releases := synthetic.Releases(benchBuildReleases, benchSeed)
	ctx := context.Background()
	b.Run("isabot", func(b *testing.B) {
		for range b.N {
			idx, err := NewMemIndex(ctx, releases)
			if err != nil {
				b.Fatal(err)
			}
			if err := idx.Close(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(releases)*b.N)/b.Elapsed().Seconds(), "releases/s")
	})
	b.Run("bare-batch", func(b *testing.B) {
		for range b.N {
			if err := bareBuild(releases); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(releases)*b.N)/b.Elapsed().Seconds(), "releases/s")
	})
}

// bareBuild indexes the releases' passages as NewMemIndex does, without
// isabot around it.
func bareBuild(releases []corpus.Release) error {
	m, err := newMapping()
	if err != nil {
		return err
	}
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return err
	}
	batch := idx.NewBatch()
	about := map[string]bool{}
	for i := range releases {
		for _, p := range passagesOf(&releases[i]) {
			if p.Kind == partAbout {
				if about[p.Text] {
					continue
				}
				about[p.Text] = true
			}
			if err := batch.Index(p.docID(), p.document()); err != nil {
				return err
			}
			if batch.Size() == batchSize {
				if err := idx.Batch(batch); err != nil {
					return err
				}
				batch.Reset()
			}
		}
	}
	if batch.Size() > 0 {
		if err := idx.Batch(batch); err != nil {
			return err
		}
	}
	return idx.Close()
}

// BenchmarkOpen opens an unchanged on-disk index of the default corpus
// plus 10,000 synthetic releases, which must not rebuild it, and closes it.
func BenchmarkOpen(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "index")
	var (
		once     sync.Once
		releases []corpus.Release
	)
	b.Run("synthetic-10k", func(b *testing.B) {
		ctx := context.Background()
		once.Do(func() {
			data, problems := corpus.Load(corpus.Embedded())
			if len(problems) > 0 {
				b.Fatal(problems[0])
			}
			releases = sortedReleases(append(slices.Clone(data.Releases), synthetic.Releases(benchReleases, benchSeed)...))
			start := time.Now()
			idx, synced, err := openSynced(ctx, dir, releases)
			if err != nil {
				b.Fatal(err)
			}
			if synced == 0 {
				b.Fatal("a new index was not built")
			}
			if err := idx.Close(); err != nil {
				b.Fatal(err)
			}
			b.Logf("built the on-disk index of %d releases in %s", len(releases), time.Since(start).Round(time.Millisecond))
		})
		took := make(latencies, b.N)
		b.ResetTimer()
		for i := range b.N {
			start := time.Now()
			idx, synced, err := openSynced(ctx, dir, releases)
			if err != nil {
				b.Fatal(err)
			}
			if synced > 0 {
				b.Fatal("an unchanged index was rebuilt")
			}
			if err := idx.Close(); err != nil {
				b.Fatal(err)
			}
			took[i] = time.Since(start)
		}
		b.StopTimer()
		took.report(b)
	})
}

// latencies are the times of single operations, for percentiles.
type latencies []time.Duration

// report adds the median and the 99th percentile, in milliseconds.
func (l latencies) report(b *testing.B) {
	slices.Sort(l)
	b.ReportMetric(l.percentile(50), "p50-ms")
	b.ReportMetric(l.percentile(99), "p99-ms")
}

// percentile is the nearest-rank percentile p of sorted l, in
// milliseconds.
func (l latencies) percentile(p float64) float64 {
	if len(l) == 0 {
		return 0
	}
	i := int(math.Ceil(p/100*float64(len(l)))) - 1
	return float64(l[max(i, 0)]) / float64(time.Millisecond)
}
