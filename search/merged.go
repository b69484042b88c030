package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"slices"

	"github.com/isa-alliance/isabot/corpus"
)

// Merging what 100,000 releases state with the data files takes longer
// than answering a question, and gives the same result at every start
// while neither changes. The index keeps the result in its snapshot,
// with a key made of all it depends on (mergeKey), and an engine whose
// key matches takes it instead of reading what each release states and
// merging it again.

// mergedFacts is what merge changes of the data files' facts.
type mergedFacts struct {
	Cities  []corpus.City
	Offices []corpus.Office
	Counts  []corpus.Count
	// Assemblies and People are the alliance's.
	Assemblies []corpus.Assembly
	People     []corpus.Person
	// Sources are those merge added after the data files' own.
	Sources []corpus.Source
}

// factsOf is what merged, merged from base, changed of base.
func factsOf(base, merged *corpus.Data) *mergedFacts {
	return &mergedFacts{
		Cities: merged.Cities, Offices: merged.Alliance.Offices, Counts: merged.Alliance.Counts,
		Assemblies: merged.Alliance.Assemblies, People: merged.Alliance.People,
		Sources: merged.Sources[len(base.Sources):],
	}
}

// apply returns base with the merged facts, as merge returned it.
func (m *mergedFacts) apply(base *corpus.Data) *corpus.Data {
	d := *base
	d.Cities = slices.Clone(m.Cities)
	// Without sources of its own, the merge shares base's: there is one
	// for each release. Clipped, an append to either copies.
	d.Sources = append(slices.Clip(base.Sources), m.Sources...)
	d.Alliance.Offices = slices.Clone(m.Offices)
	d.Alliance.Counts = slices.Clone(m.Counts)
	d.Alliance.Assemblies = slices.Clone(m.Assemblies)
	d.Alliance.People = slices.Clone(m.People)
	return &d
}

// mergeKey identifies what merge makes of base and what its releases
// state: the learning's key (which covers the learner and the cities,
// see learningKey),
// each release's version and what a citation takes from it, and the data
// files' facts and sources that merge starts from.
func mergeKey(learning string, base *corpus.Data) string {
	h := sha256.New()
	// One write a release, of its fields each after its length: a start
	// hashes every release.
	var buf []byte
	field := func(s string) {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(len(s)))
		buf = append(buf, s...)
	}
	number := func(n int64) { buf = binary.LittleEndian.AppendUint64(buf, uint64(n)) }
	field(learning)
	for i := range base.Releases {
		r := &base.Releases[i]
		field(r.ID)
		field(r.Title)
		field(r.URL)
		_, offset := r.Date.Zone()
		number(r.Date.Unix())
		number(int64(offset))
		// The file's stamp, as releaseVersion, without making its string.
		if s, ok := base.Stamps[r.ID]; ok && !r.HasText() {
			field(filepath.Base(r.Source))
			number(s.Size)
			number(s.ModTime)
		} else {
			field(releaseVersion(base, r))
		}
		h.Write(buf)
		buf = buf[:0]
	}
	// merge cites a release by the source that is it.
	for _, s := range base.Sources {
		if s.Release != "" {
			field(s.ID)
			field(s.Release)
			h.Write(buf)
			buf = buf[:0]
		}
	}
	json.NewEncoder(h).Encode(base.Alliance) // the learning key covers the cities
	return hex.EncodeToString(h.Sum(nil))
}

// keptMerged returns the merged facts the index keeps, if they are for
// key.
func (idx *Index) keptMerged(key string) (*mergedFacts, bool) {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	if idx.snap.Merged == nil || idx.snap.MergeKey != key {
		return nil, false
	}
	return idx.snap.Merged, true
}

// keepMerged keeps m, the merged facts for key, and writes the snapshot.
// Merged facts that cannot be kept are merged again at the next start.
func (idx *Index) keepMerged(key string, m *mergedFacts) error {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	idx.snap.MergeKey, idx.snap.Merged = key, m
	return idx.saveSnapshot()
}
