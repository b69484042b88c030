package search

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/compound"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/bilingual"
)

// mappingVersion is part of the corpus hash: changing the mapping or the
// passage split must change it, so that old indexes are rebuilt.
const mappingVersion = "isabot-index-8"

// hashKey is where an index remembers the corpus it was built from.
var hashKey = []byte("isabot.corpus-hash")

// The index holds one document per passage of a release: its title, each
// body paragraph, its about section and its contact block. The text goes
// into the field of the release's language, analysed for that language.
var textField = map[corpus.Lang]string{
	corpus.German:  "text_de",
	corpus.English: "text_en",
	corpus.Chinese: "text_zh",
}

const (
	chineseAnalyzer = "isabot_zh"
	germanAnalyzer  = "isabot_de"
	// germanCompounds names the token filter that splits German
	// compounds.
	germanCompounds = "isabot_de_compounds"
)

// A German compound is split into the words of the dictionary it holds,
// at index and at query time, with bleve's compound filter:
// "Kooperationschancen" finds "Chancen der Kooperation", and "Jury"
// finds "Jurysprecherin". The words are the bilingual dictionaries'
// German words. bleve makes its filters when it opens an index; this one
// reads the words when it first splits a word, so that a question the
// data answer does not wait for them.
func init() {
	err := registry.RegisterTokenFilter(germanCompounds, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return &lazyFilter{make: sync.OnceValues(germanCompoundFilter)}, nil
	})
	if err != nil {
		panic(err)
	}
}

// germanCompoundFilter is bleve's dictionary compound filter with the
// German words of the bilingual dictionaries.
func germanCompoundFilter() (analysis.TokenFilter, error) {
	dict, err := bilingual.Embedded()
	if err != nil {
		return nil, err
	}
	words := analysis.NewTokenMap()
	for _, w := range dict.Words(corpus.German) {
		if n := utf8.RuneCountInString(w); n >= minCompoundPart && n <= maxCompoundPart && !strings.ContainsAny(w, " -") {
			words.AddToken(w)
		}
	}
	return compound.NewDictionaryCompoundFilter(words, minCompound, minCompoundPart, maxCompoundPart, true), nil
}

// lazyFilter is a token filter made the first time it filters.
type lazyFilter struct {
	make func() (analysis.TokenFilter, error)
}

func (f *lazyFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	if !slices.ContainsFunc(input, func(t *analysis.Token) bool { return utf8.RuneCount(t.Term) >= minCompound }) {
		return input // no word long enough to be a compound
	}
	filter, err := f.make()
	if err != nil {
		panic(fmt.Sprintf("German compounds: %v", err)) // the dictionaries are fixed at build time, checked by the tests
	}
	return filter.Filter(input)
}

// The sizes of compounds and their parts, in letters: "Webinarreihe" is
// "Webinar" and "Reihe"; a part of three letters would find "Rat" in
// every "Ratgeber".
const (
	minCompound     = 8
	minCompoundPart = 4
	maxCompoundPart = 13
)

// newMapping returns the index mapping: German with stemming and umlaut
// folding, English with stemming, and Chinese as unigrams plus bigrams
// (bleve's cjk analyzer makes bigrams only, so single-character words such
// as 港 would not be found).
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	err := m.AddCustomTokenFilter("isabot_cjk_bigram", map[string]any{
		"type":           cjk.BigramName,
		"output_unigram": true,
	})
	if err != nil {
		return nil, err
	}
	err = m.AddCustomAnalyzer(chineseAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{cjk.WidthName, lowercase.Name, "isabot_cjk_bigram"},
	})
	if err != nil {
		return nil, err
	}
	// bleve's German analyzer, with compounds split before stop words,
	// umlauts and stems.
	err = m.AddCustomAnalyzer(germanAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, germanCompounds, de.StopName, de.NormalizeName, de.SnowballStemmerName},
	})
	if err != nil {
		return nil, err
	}
	analyzers := map[corpus.Lang]string{corpus.German: germanAnalyzer, corpus.English: en.AnalyzerName, corpus.Chinese: chineseAnalyzer}
	doc := bleve.NewDocumentStaticMapping()
	for lang, field := range textField {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzers[lang]
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		doc.AddFieldMappingsAt(field, f)
	}
	m.DefaultMapping = doc
	m.DefaultAnalyzer = germanAnalyzer
	return m, nil
}

// passage is one indexed piece of a release.
type passage struct {
	Release *corpus.Release
	Kind    part
	// Index is the paragraph's position within its kind.
	Index int
	Text  string
}

// part says which part of a release a passage is.
type part byte

// The parts of a release. Their letters appear in document IDs.
const (
	partTitle   part = 't'
	partBody    part = 'b'
	partAbout   part = 'a'
	partContact part = 'c'
)

// passages splits a release into its indexed pieces.
func passagesOf(r *corpus.Release) []passage {
	ps := []passage{{Release: r, Kind: partTitle, Text: r.Title}}
	for i, p := range r.Body {
		ps = append(ps, passage{Release: r, Kind: partBody, Index: i, Text: p})
	}
	for i, p := range r.About {
		ps = append(ps, passage{Release: r, Kind: partAbout, Index: i, Text: p})
	}
	if len(r.Contact) > 0 {
		ps = append(ps, passage{Release: r, Kind: partContact, Text: strings.Join(r.Contact, "\n")})
	}
	return ps
}

// passageAt is one passage of r, as passagesOf would list it.
func passageAt(r *corpus.Release, kind part, index int) (passage, bool) {
	p := passage{Release: r, Kind: kind, Index: index}
	switch {
	case kind == partTitle && index == 0:
		p.Text = r.Title
	case kind == partBody && index >= 0 && index < len(r.Body):
		p.Text = r.Body[index]
	case kind == partAbout && index >= 0 && index < len(r.About):
		p.Text = r.About[index]
	case kind == partContact && index == 0 && len(r.Contact) > 0:
		p.Text = strings.Join(r.Contact, "\n")
	default:
		return passage{}, false
	}
	return p, true
}

func (p passage) docID() string {
	return fmt.Sprintf("%s#%c%d", p.Release.ID, p.Kind, p.Index)
}

func (p passage) document() map[string]any {
	return map[string]any{textField[indexLang(p.Release.Lang)]: p.Text}
}

// parseDocID splits "release#b3" into its parts.
func parseDocID(id string) (release string, kind part, index int, ok bool) {
	i := strings.LastIndexByte(id, '#')
	if i < 0 || i+2 > len(id) {
		return "", 0, 0, false
	}
	if _, err := fmt.Sscanf(id[i+2:], "%d", &index); err != nil {
		return "", 0, 0, false
	}
	return id[:i], part(id[i+1]), index, true
}

// toIndex yields the passages of releases that go into the index: all
// but about paragraphs already indexed, which it records in about.
func toIndex(releases []corpus.Release, about map[string]bool) iter.Seq[passage] {
	return func(yield func(passage) bool) {
		for i := range releases {
			for _, p := range passagesOf(&releases[i]) {
				if p.Kind == partAbout {
					if about[p.Text] {
						continue
					}
					about[p.Text] = true
				}
				if !yield(p) {
					return
				}
			}
		}
	}
}

// Hash identifies a corpus's releases and the way they are indexed; an
// on-disk index is rebuilt when it changes.
func Hash(releases []corpus.Release) string {
	h := sha256.New()
	io.WriteString(h, mappingVersion)
	field := func(s string) {
		binary.Write(h, binary.LittleEndian, uint32(len(s)))
		io.WriteString(h, s)
	}
	for i := range releases {
		r := &releases[i]
		field(r.ID)
		field(string(r.Lang))
		field(r.Date.Format("2006-01-02"))
		for _, p := range passagesOf(r) {
			field(string(p.Kind))
			field(p.Text)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Index is the full-text index over the releases' passages.
type Index struct {
	bleve bleve.Index
	// mu guards adding releases while questions are answered.
	mu sync.RWMutex
	// langs are the languages of the indexed releases: only their fields
	// are worth searching.
	langs map[corpus.Lang]bool
	// about remembers the about paragraphs indexed: every release repeats
	// the alliance's self-description, and one copy is enough to find it.
	about map[string]bool
}

func newIndex(b bleve.Index, releases []corpus.Release) *Index {
	idx := &Index{bleve: b, langs: map[corpus.Lang]bool{}, about: map[string]bool{}}
	for i := range releases {
		idx.langs[indexLang(releases[i].Lang)] = true
	}
	return idx
}

// indexLang is the language whose field holds a release's text.
func indexLang(lang corpus.Lang) corpus.Lang {
	if _, ok := textField[lang]; ok {
		return lang
	}
	return corpus.German
}

// ProgressFunc is told how many of total passages are indexed.
type ProgressFunc func(done, total int)

// NewMemIndex builds an index in memory, for tests and for when the
// on-disk index is held by another process.
func NewMemIndex(ctx context.Context, releases []corpus.Release) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	b, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create in-memory index: %w", err)
	}
	idx := newIndex(b, releases)
	if err := idx.add(ctx, releases, nil); err != nil {
		b.Close()
		return nil, err
	}
	return idx, nil
}

// ErrLocked means another process has the on-disk index open.
var ErrLocked = errors.New("index is in use by another isabot process")

// OpenIndex opens the index in dir, building it first when it is missing
// or was built from other releases. It fails with ErrLocked when another
// process holds the index.
func OpenIndex(ctx context.Context, dir string, releases []corpus.Release, progress ProgressFunc) (idx *Index, rebuilt bool, err error) {
	want := Hash(releases)
	if b, err := openExisting(dir); err == nil {
		got, err := b.GetInternal(hashKey)
		if err == nil && string(got) == want {
			return newIndex(b, releases), false, nil
		}
		b.Close()
	} else if errors.Is(err, ErrLocked) {
		return nil, false, err
	}

	tmp, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+".building-")
	if err != nil {
		return nil, false, fmt.Errorf("build index: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := build(ctx, filepath.Join(tmp, "index"), releases, want, progress); err != nil {
		return nil, false, err
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, false, fmt.Errorf("replace index: %w", err)
	}
	if err := os.Rename(filepath.Join(tmp, "index"), dir); err != nil {
		return nil, false, fmt.Errorf("replace index: %w", err)
	}
	b, err := openExisting(dir)
	if err != nil {
		return nil, false, err
	}
	return newIndex(b, releases), true, nil
}

func openExisting(dir string) (bleve.Index, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, err
	}
	// Without a timeout a second process would wait forever for the lock.
	b, err := bleve.OpenUsing(dir, map[string]any{"bolt_timeout": "1s"})
	if err != nil {
		// A failed Open returns an index that must not be closed.
		if strings.Contains(err.Error(), "timeout") {
			return nil, fmt.Errorf("%w: %s", ErrLocked, dir)
		}
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return b, nil
}

func build(ctx context.Context, dir string, releases []corpus.Release, hash string, progress ProgressFunc) error {
	m, err := newMapping()
	if err != nil {
		return err
	}
	b, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	idx := newIndex(b, releases)
	err = idx.add(ctx, releases, progress)
	if err == nil {
		err = b.SetInternal(hashKey, []byte(hash))
	}
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	return err
}

// batchSize balances memory against per-batch overhead.
const batchSize = 2000

// Replace indexes r while questions are being answered, removing the
// passages of old, the release it replaces, if any.
func (idx *Index) Replace(ctx context.Context, old *corpus.Release, r corpus.Release) error {
	if old != nil {
		idx.mu.Lock()
		batch := idx.bleve.NewBatch()
		for _, p := range passagesOf(old) {
			batch.Delete(p.docID())
			if p.Kind == partAbout {
				// The old release may have held the one indexed copy:
				// the new one indexes it again.
				delete(idx.about, p.Text)
			}
		}
		err := idx.bleve.Batch(batch)
		idx.mu.Unlock()
		if err != nil {
			return fmt.Errorf("remove %s from the index: %w", old.ID, err)
		}
	}
	return idx.add(ctx, []corpus.Release{r}, nil)
}

func (idx *Index) add(ctx context.Context, releases []corpus.Release, progress ProgressFunc) error {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	total := 0
	for range toIndex(releases, maps.Clone(idx.about)) {
		total++
	}
	batch := idx.bleve.NewBatch()
	done := 0
	flush := func() error {
		if err := idx.bleve.Batch(batch); err != nil {
			return fmt.Errorf("index passages: %w", err)
		}
		done += batch.Size()
		batch.Reset()
		if progress != nil {
			progress(done, total)
		}
		return ctx.Err()
	}
	for i := range releases {
		idx.langs[indexLang(releases[i].Lang)] = true
	}
	for p := range toIndex(releases, idx.about) {
		if err := batch.Index(p.docID(), p.document()); err != nil {
			return fmt.Errorf("index %s: %w", p.docID(), err)
		}
		if batch.Size() >= batchSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if batch.Size() > 0 {
		return flush()
	}
	return nil
}

// known reports which of the given terms occur in the index, per
// language field: a term no passage holds cannot help a search.
func (idx *Index) known(ctx context.Context, terms map[corpus.Lang][]string) (map[corpus.Lang]map[string]bool, error) {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	advanced, err := idx.bleve.Advanced()
	if err != nil {
		return nil, err
	}
	reader, err := advanced.Reader()
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	defer reader.Close()
	out := map[corpus.Lang]map[string]bool{}
	for lang, list := range terms {
		out[lang] = map[string]bool{}
		if !idx.langs[lang] {
			continue
		}
		for _, t := range list {
			if _, done := out[lang][t]; done {
				continue
			}
			tfr, err := reader.TermFieldReader(ctx, []byte(t), textField[lang], false, false, false)
			if err != nil {
				return nil, fmt.Errorf("read index: %w", err)
			}
			out[lang][t] = tfr.Count() > 0
			tfr.Close()
		}
	}
	return out, nil
}

// hasLang reports whether releases in lang are indexed.
func (idx *Index) hasLang(lang corpus.Lang) bool {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	return idx.langs[lang]
}

// stored returns what was kept in the index under key, if anything.
func (idx *Index) stored(key string) ([]byte, bool) {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	v, err := idx.bleve.GetInternal([]byte(key))
	return v, err == nil && v != nil
}

// store keeps value in the index under key, beside the passages.
func (idx *Index) store(key string, value []byte) error {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	if err := idx.bleve.SetInternal([]byte(key), value); err != nil {
		return fmt.Errorf("store %s in the index: %w", key, err)
	}
	return nil
}

// Close releases the index and its lock.
func (idx *Index) Close() error { return idx.bleve.Close() }

// DocCount is the number of indexed passages.
func (idx *Index) DocCount() (uint64, error) { return idx.bleve.DocCount() }

// hit is a passage found by a search, with its score.
type hit struct {
	id    string
	score float64
}

// search runs q and returns up to size hits, best first.
func (idx *Index) search(ctx context.Context, q query.Query, size int) ([]hit, uint64, error) {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	req := bleve.NewSearchRequestOptions(q, size, 0, false)
	req.Fields = nil
	res, err := idx.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, 0, fmt.Errorf("search index: %w", err)
	}
	hits := make([]hit, len(res.Hits))
	for i, h := range res.Hits {
		hits[i] = hit{id: h.ID, score: h.Score}
	}
	return hits, res.Total, nil
}

// analyze runs text through the analyzer of lang's field and returns the
// terms with their byte offsets in text.
func (idx *Index) analyze(lang corpus.Lang, text string) []term {
	a := idx.bleve.Mapping().AnalyzerNamed(idx.bleve.Mapping().AnalyzerNameForPath(textField[lang]))
	if a == nil {
		return nil
	}
	tokens := a.Analyze([]byte(text))
	terms := make([]term, 0, len(tokens))
	for i, t := range tokens {
		// The compound filter puts a compound's parts at its position.
		part := lang == corpus.German && i > 0 && t.Position == tokens[i-1].Position
		terms = append(terms, term{text: string(t.Term), start: t.Start, end: t.End, part: part})
	}
	return terms
}

// term is a term of an analysed text; a part is a word a German compound
// before it holds.
type term struct {
	text       string
	start, end int
	part       bool
}
