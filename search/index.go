package search

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"hash/maphash"
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

// mappingVersion is kept in an index's snapshot: changing the mapping
// or the passage split must change it, so that old indexes are rebuilt.
const mappingVersion = "isabot-index-21"

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
		return &lazyFilter{make: sync.OnceValue(germanCompoundFilter)}, nil
	})
	if err != nil {
		panic(err)
	}
}

// compoundEndings are German word endings that are words too ("schaft"),
// which are no part of a compound.
//
//go:embed data/compound-endings.txt
var compoundEndings string

// germanCompoundFilter is bleve's dictionary compound filter with the
// German words of the bilingual dictionaries.
func germanCompoundFilter() analysis.TokenFilter {
	dict := bilingual.Embedded()
	all := dict.Words(corpus.German)
	words := make(analysis.TokenMap, len(all)) // sized once: growing it cost twice the time
	// The filter sees words with their umlauts folded, as the words of
	// the dictionary are here: "beitragssatze" holds "satz", which
	// "Beitragssätze" does not.
	normalize := de.NewGermanNormalizeFilter()
	for _, w := range all {
		if n := utf8.RuneCountInString(w); n >= minCompoundPart && n <= maxCompoundPart && !strings.ContainsAny(w, " -") {
			words.AddToken(foldGerman(normalize, w))
		}
	}
	for _, line := range strings.Split(compoundEndings, "\n") {
		if ending := strings.TrimSpace(line); ending != "" && !strings.HasPrefix(ending, "#") {
			delete(words, ending)
		}
	}
	return compound.NewDictionaryCompoundFilter(words, minCompound, minCompoundPart, maxCompoundPart, true)
}

// foldGerman folds a lower-case German word as the index does: only a
// word with an umlaut, ß or a vowel pair the filter may fold is given to
// it, as most words are none and the filter costs an allocation each.
func foldGerman(normalize *de.GermanNormalizeFilter, word string) string {
	if !mayFold(word) {
		return word
	}
	return string(normalize.Filter(analysis.TokenStream{{Term: []byte(word)}})[0].Term)
}

// mayFold reports whether a lower-case word has a letter beyond ASCII
// (ä, ö, ü, ß) or an "e" after "a", "o" or "u", in one pass: the test
// runs on every German word of the dictionaries.
func mayFold(word string) bool {
	for i := 0; i < len(word); i++ {
		switch c := word[i]; {
		case c >= utf8.RuneSelf:
			return true
		case c == 'e' && i > 0 && (word[i-1] == 'a' || word[i-1] == 'o' || word[i-1] == 'u'):
			return true
		}
	}
	return false
}

// lazyFilter is a token filter made the first time it filters.
type lazyFilter struct {
	make func() analysis.TokenFilter
}

func (f *lazyFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	if !slices.ContainsFunc(input, func(t *analysis.Token) bool { return utf8.RuneCount(t.Term) >= minCompound }) {
		return input // no word long enough to be a compound
	}
	return f.make().Filter(input)
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
	// bleve's German analyzer, with compounds split after umlauts are
	// folded, before stems: the parts of "Beitragssätze" are "beitrag"
	// and "satz".
	err = m.AddCustomAnalyzer(germanAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, de.StopName, de.NormalizeName, germanCompounds, de.SnowballStemmerName},
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

// Index is the full-text index over the releases' passages.
type Index struct {
	bleve bleve.Index
	// dir is the on-disk index's directory, "" for one in memory.
	dir string
	// mu guards adding releases while questions are answered, and snap.
	mu sync.RWMutex
	// snap is what the index holds: each release, its version and
	// passages, the merged facts.
	snap *snapshot
	// learned is what was learned of each release, read when first
	// needed (loadLearned).
	learned *learnedSet
	// unchanged is the data the last Sync was given, if it found each of
	// its releases as the merged facts kept were keyed with
	// (keptRelease.Merged), and no other: their key of the releases is
	// then snap.MergedReleases (mergeKeyOf).
	unchanged *corpus.Data
	// files are snap's releases read from a file, in the order of the
	// files' names, for Known; nil when they are to be found again, snap's
	// releases having changed since.
	files []keptFile
	// langs are the languages of the indexed releases: only their fields
	// are worth searching.
	langs map[corpus.Lang]bool
	// about remembers the about paragraphs indexed, by a hash of their
	// text, with the release whose passage holds each: every release
	// repeats the alliance's self-description, and one copy is enough to
	// find it.
	about     map[uint64]string
	aboutOf   map[string][]uint64 // the keys of about by release
	aboutSeed maphash.Seed
}

func newIndex(b bleve.Index, dir string, snap *snapshot) *Index {
	idx := &Index{bleve: b, dir: dir, snap: snap, langs: map[corpus.Lang]bool{},
		about: map[uint64]string{}, aboutOf: map[string][]uint64{}, aboutSeed: maphash.MakeSeed()}
	// In the order of the file, when it was read: the map's order reads
	// the releases all over memory.
	if snap.list != nil {
		for i := range snap.list {
			idx.langs[indexLang(snap.list[i].Release.Lang)] = true
		}
		idx.files = keptFiles(len(snap.list), func(yield func(*keptRelease) bool) {
			for i := range snap.list {
				if !yield(&snap.list[i]) {
					return
				}
			}
		})
		snap.list = nil
	} else {
		for _, k := range snap.Releases {
			idx.langs[indexLang(k.Release.Lang)] = true
		}
	}
	return idx
}

// keptFile is a release of the snapshot read from a file, by the file's
// name.
type keptFile struct {
	name string
	k    *keptRelease
}

// keptFiles are the releases of the n of list read from a file, in the
// order of their files' names. The snapshot file holds them in the order
// of their IDs, which is most often that of their files' names: they are
// sorted only when it is not.
func keptFiles(n int, list iter.Seq[*keptRelease]) []keptFile {
	files := make([]keptFile, 0, n)
	for k := range list {
		if k.Version == "" {
			files = append(files, keptFile{name: filepath.Base(k.Release.Source), k: k})
		}
	}
	byName := func(a, b keptFile) int { return strings.Compare(a.name, b.name) }
	if !slices.IsSortedFunc(files, byName) {
		slices.SortFunc(files, byName)
	}
	return files
}

func newSnapshot() *snapshot {
	return &snapshot{Mapping: mappingVersion, Releases: map[string]*keptRelease{}}
}

// indexLang is the language whose field holds a release's text.
func indexLang(lang corpus.Lang) corpus.Lang {
	if _, ok := textField[lang]; ok {
		return lang
	}
	return corpus.German
}

// ProgressFunc is told how many of total releases are indexed.
type ProgressFunc func(done, total int)

// NewMemIndex builds an index of releases in memory, for tests and for
// when the on-disk index is held by another process (then empty, and
// filled by Sync).
func NewMemIndex(ctx context.Context, releases []corpus.Release) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	b, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create in-memory index: %w", err)
	}
	idx := newIndex(b, "", newSnapshot())
	_, problems, err := idx.Sync(ctx, &corpus.Data{Releases: releases}, nil)
	if err == nil {
		err = errors.Join(problems...)
	}
	if err != nil {
		b.Close()
		return nil, err
	}
	return idx, nil
}

// ErrLocked means another process has the on-disk index open.
var ErrLocked = errors.New("index is in use by another isabot process")

// OpenIndex opens the index in dir with the snapshot of the releases it
// holds, or makes a new, empty one when there is none or it was built
// another way; Sync brings it up to date. It fails with ErrLocked when
// another process holds the index.
func OpenIndex(dir string) (*Index, error) {
	b, err := openExisting(dir)
	switch {
	case errors.Is(err, ErrLocked):
		return nil, err
	case err == nil:
		if snap, ok := readSnapshot(dir); ok {
			return newIndex(b, dir, snap), nil
		}
		b.Close()
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, fmt.Errorf("replace index: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	b, err = bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	return newIndex(b, dir, newSnapshot()), nil
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

// Known gives the releases without their text that the release files of
// the folder at path folder held when they had the stamps given, where
// the index holds those versions of them: the corpus need not read those
// files (corpus.Dir.Known). files are in the order of their names, and
// the snapshot's files are gone through beside them, in the same order,
// instead of looking each up: a start asks it of every file of the
// archive. The releases returned are the index's own, to be copied and
// not changed; Known is asked before the index is shared.
func (idx *Index) Known(folder string, files []corpus.File) []*corpus.Release {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	if idx.files == nil {
		idx.files = keptFiles(len(idx.snap.Releases), maps.Values(idx.snap.Releases))
	}
	out := make([]*corpus.Release, len(files))
	kept, j := idx.files, 0
	for i := range files {
		f := &files[i]
		if i > 0 && f.Name < files[i-1].Name {
			j = 0 // not in order after all: from the start again
		}
		for j < len(kept) && kept[j].name < f.Name {
			j++
		}
		if j < len(kept) && kept[j].name == f.Name && kept[j].k.Stamp == f.Stamp {
			out[i] = &kept[j].k.Release
		}
	}
	return out
}

// snapshotDiff is how data's releases differ from those of the index's
// snapshot.
type snapshotDiff struct {
	// changed are the releases new or changed, with their versions.
	changed  []*corpus.Release
	versions []string
	// gone are the IDs of the releases the index holds and data does not.
	gone map[string]bool
	// merged is whether every release is one of those the merged facts
	// were kept for, as it was: told here, where each is looked up anyway.
	merged bool
	// moved is whether a file is known under another path: the data
	// directory named another way. The snapshot then keeps the new one,
	// which Known gives without making it at the next start.
	moved bool
}

// diff compares data's releases with the snapshot's, noting the new path
// of a release the snapshot knows under another.
func (idx *Index) diff(data *corpus.Data) snapshotDiff {
	d := snapshotDiff{gone: map[string]bool{}, merged: idx.snap.MergedReleases != "" && len(data.Releases) == idx.snap.MergedCount}
	known := 0 // of data's releases, those the index holds a version of
	for i := range data.Releases {
		r := &data.Releases[i]
		if k := idx.snap.Releases[r.ID]; k != nil {
			known++
			if k.holds(data, r) {
				d.merged = d.merged && k.Merged && sameCitation(k, r)
				if k.Version == "" && k.Release.Source != r.Source {
					k.Release.Source, d.moved = r.Source, true
				}
				continue
			}
		}
		d.changed = append(d.changed, r)
		d.versions = append(d.versions, releaseVersion(data, r))
	}
	// Every release of the index is among data's, unless it holds more.
	if known < len(idx.snap.Releases) {
		present := make(map[string]bool, len(data.Releases))
		for i := range data.Releases {
			present[data.Releases[i].ID] = true
		}
		for id := range idx.snap.Releases {
			if !present[id] {
				d.gone[id] = true
			}
		}
	}
	return d
}

// batchSize balances memory against per-batch overhead, in passages.
const batchSize = 2000

// Sync brings the index up to date with data's releases: it indexes the
// releases new or changed since the snapshot, reading the text of those
// loaded without it (corpus.Data.Full) one at a time, removes those gone,
// and writes the snapshot. An on-disk index also learns what each
// release it reads states and keeps it, so that the engine need not read
// the file again (Engine.learnAll). It returns how many releases it
// indexed or removed, and a problem for each release whose text could
// not be read, which is left out.
func (idx *Index) Sync(ctx context.Context, data *corpus.Data, progress ProgressFunc) (int, []error, error) {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	d := idx.diff(data)
	changed, versions, gone := d.changed, d.versions, d.gone
	idx.unchanged = nil
	if len(changed) == 0 && len(gone) == 0 {
		if d.merged {
			idx.unchanged = data
		}
		if idx.snap.old || d.moved {
			// Written in its new format, or with the new paths, once; if
			// it cannot be, it is read as it was again at the next start.
			_ = idx.saveSnapshot()
		}
		return 0, nil, nil
	}
	batch := idx.bleve.NewBatch()
	flush := func(done int) error {
		if err := idx.bleve.Batch(batch); err != nil {
			return fmt.Errorf("index passages: %w", err)
		}
		// A new batch, not the old one reset: scorch's analysis
		// goroutine may still be reading the old one's operations when
		// Batch returns (seen by the race detector).
		batch = idx.bleve.NewBatch()
		if progress != nil {
			progress(done, len(changed))
		}
		return ctx.Err()
	}
	idx.remove(batch, gone)
	var problems []error
	var learn func(r *corpus.Release, version string)
	if idx.dir != "" {
		l, key := newLearner(data), learningKey(data)
		idx.loadLearned()
		learn = func(r *corpus.Release, version string) {
			k := l.learn(r)
			if k.failure != nil {
				problems = append(problems, k.failure)
				return // not kept: read again at the next start
			}
			idx.learn(key, r.ID, k, version)
		}
	}
	for i, r := range changed {
		idx.remove(batch, map[string]bool{r.ID: true})
		full, err := data.Full(r)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		kept, err := idx.indexRelease(batch, &full)
		if err != nil {
			return 0, problems, err
		}
		kept.Release, kept.Stamp = *r, data.Stamps[r.ID]
		kept.Release.Body, kept.Release.About, kept.Release.Contact = nil, nil, nil
		if v := versions[i]; v != kept.version() {
			kept.Version = v
		}
		idx.snap.Releases[r.ID], idx.files = kept, nil
		if learn != nil {
			learn(&full, versions[i])
		}
		if batch.Size() >= batchSize {
			if err := flush(i + 1); err != nil {
				return 0, problems, err
			}
		}
	}
	if err := flush(len(changed)); err != nil {
		return 0, problems, err
	}
	if learn != nil {
		if err := idx.saveLearned(); err != nil {
			return 0, problems, err
		}
	}
	return len(changed) + len(gone), problems, idx.saveSnapshot()
}

// Replace indexes r while questions are being answered, in place of the
// release of its ID the index holds, if any.
func (idx *Index) Replace(ctx context.Context, r corpus.Release) error {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	idx.unchanged = nil
	batch := idx.bleve.NewBatch()
	idx.remove(batch, map[string]bool{r.ID: true})
	kept, err := idx.indexRelease(batch, &r)
	if err != nil {
		return err
	}
	if err := idx.bleve.Batch(batch); err != nil {
		return fmt.Errorf("index %s: %w", r.ID, err)
	}
	kept.Release, kept.Version = r, releaseVersion(&corpus.Data{}, &r)
	kept.Release.Body, kept.Release.About, kept.Release.Contact = nil, nil, nil
	idx.snap.Releases[r.ID], idx.files = kept, nil
	return ctx.Err()
}

// remove puts the removal of the passages of the releases with ids into
// batch, and forgets them; idx.mu must be held.
func (idx *Index) remove(batch *bleve.Batch, ids map[string]bool) {
	for id := range ids {
		// The release may have held the one indexed copy of an about
		// paragraph: the next that has it indexes it again.
		for _, key := range idx.aboutOf[id] {
			delete(idx.about, key)
		}
		delete(idx.aboutOf, id)
		k := idx.snap.Releases[id]
		if k == nil {
			continue
		}
		r := &corpus.Release{ID: id}
		batch.Delete(passage{Release: r, Kind: partTitle}.docID())
		for i := range k.Body {
			batch.Delete(passage{Release: r, Kind: partBody, Index: i}.docID())
		}
		for i := range k.About {
			batch.Delete(passage{Release: r, Kind: partAbout, Index: i}.docID())
		}
		if k.Contact {
			batch.Delete(passage{Release: r, Kind: partContact}.docID())
		}
		delete(idx.snap.Releases, id)
		idx.files = nil
	}
}

// indexRelease puts r's passages into batch, all but about paragraphs
// already indexed, and returns what the snapshot keeps of it but the
// release and its version; idx.mu must be held.
func (idx *Index) indexRelease(batch *bleve.Batch, r *corpus.Release) (*keptRelease, error) {
	idx.langs[indexLang(r.Lang)] = true
	for _, p := range passagesOf(r) {
		if p.Kind == partAbout {
			key := maphash.String(idx.aboutSeed, p.Text)
			if _, indexed := idx.about[key]; indexed {
				continue
			}
			idx.about[key] = r.ID
			idx.aboutOf[r.ID] = append(idx.aboutOf[r.ID], key)
		}
		if err := batch.Index(p.docID(), p.document()); err != nil {
			return nil, fmt.Errorf("index %s: %w", p.docID(), err)
		}
	}
	return &keptRelease{Body: len(r.Body), About: len(r.About), Contact: len(r.Contact) > 0}, nil
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

// maxTitleHits bounds the passages inTitle looks through for a title.
const maxTitleHits = 50

// inTitle reports whether the title of a release holds all the words of
// phrase, as its field's analyzer reads them, in any language. (The index
// keeps no positions, which a phrase query would need.)
func (idx *Index) inTitle(ctx context.Context, phrase string) (bool, error) {
	var qs []query.Query
	for _, lang := range corpus.Langs() {
		if idx.hasLang(lang) {
			mq := query.NewMatchQuery(phrase)
			mq.SetField(textField[lang])
			mq.SetOperator(query.MatchQueryOperatorAnd)
			qs = append(qs, mq)
		}
	}
	if len(qs) == 0 {
		return false, nil
	}
	hits, _, err := idx.search(ctx, query.NewDisjunctionQuery(qs), maxTitleHits)
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(hits, func(h hit) bool {
		_, kind, _, ok := parseDocID(h.id)
		return ok && kind == partTitle
	}), nil
}

// hasLang reports whether releases in lang are indexed.
func (idx *Index) hasLang(lang corpus.Lang) bool {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	return idx.langs[lang]
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
	// Passages of equal score in the order of their IDs, not of where
	// the index happened to put them: the same question gets the same
	// answer from every build of the same index.
	req.SortBy([]string{"-_score", "_id"})
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
