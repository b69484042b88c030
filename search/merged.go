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
	Programmes []corpus.Programme
	// Sources are those merge added after the data files' own.
	Sources []corpus.Source
}

// factsOf is what merged, merged from base, changed of base.
func factsOf(base, merged *corpus.Data) *mergedFacts {
	return &mergedFacts{
		Cities: merged.Cities, Offices: merged.Alliance.Offices, Counts: merged.Alliance.Counts,
		Assemblies: merged.Alliance.Assemblies, People: merged.Alliance.People, Programmes: merged.Alliance.Programmes,
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
	d.Alliance.Programmes = slices.Clone(m.Programmes)
	return &d
}

// mergeKey identifies what merge makes of base and what its releases
// state: the learning's key (which covers the learner and the cities,
// see learningKey), the key of the releases (releasesKey), and the data
// files' facts and sources that merge starts from.
func mergeKey(learning, releases string, base *corpus.Data) string {
	h := sha256.New()
	var buf []byte
	field := func(s string) {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(len(s)))
		buf = append(buf, s...)
	}
	field(learning)
	field(releases)
	// merge cites a release by the source that is it.
	for _, s := range base.Sources {
		if s.Release != "" {
			field(s.ID)
			field(s.Release)
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	json.NewEncoder(h).Encode(base.Alliance) // the learning key covers the cities
	return hex.EncodeToString(h.Sum(nil))
}

// releasesKey identifies what merge takes of base's releases: each one's
// version and what a citation takes from it, in their order. A start
// with unchanged releases does not make it (Index.mergeKeyOf).
func releasesKey(base *corpus.Data) string {
	h := sha256.New()
	// One write a release, of its fields each after its length.
	var buf []byte
	field := func(s string) {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(len(s)))
		buf = append(buf, s...)
	}
	number := func(n int64) { buf = binary.LittleEndian.AppendUint64(buf, uint64(n)) }
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
	return hex.EncodeToString(h.Sum(nil))
}

// sameCitation reports whether r has what releasesKey takes of k's
// release for a citation: its title, link and date (to the second, with
// its zone's offset).
func sameCitation(k *keptRelease, r *corpus.Release) bool {
	if r.Title != k.Release.Title || r.URL != k.Release.URL || r.Date.Unix() != k.Release.Date.Unix() {
		return false
	}
	_, offset := r.Date.Zone()
	_, kept := k.Release.Date.Zone()
	return offset == kept
}

// mergeKeys is the key of merged facts (mergeKey) with its key of the
// releases (releasesKey).
type mergeKeys struct {
	releases, all string
}

// mergeKeyOf makes the key of what merge makes of base for the learning
// key learning. Hashing every release took about 80 ms of a start at
// 100,000 releases; when the last Sync, of base, found every release as
// the merged facts kept were keyed with (idx.unchanged), their key of
// the releases is taken as it is.
func (idx *Index) mergeKeyOf(learning string, base *corpus.Data) mergeKeys {
	idx.mu.RLock()
	releases := ""
	if idx.unchanged == base && len(base.Releases) == idx.snap.MergedCount {
		releases = idx.snap.MergedReleases
	}
	idx.mu.RUnlock()
	if releases == "" {
		releases = releasesKey(base)
	}
	return mergeKeys{releases: releases, all: mergeKey(learning, releases, base)}
}

// keptMerged returns the merged facts the index keeps, if they are for
// key.
func (idx *Index) keptMerged(key mergeKeys) (*mergedFacts, bool) {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	if idx.snap.Merged == nil || idx.snap.MergeKey != key.all {
		return nil, false
	}
	return idx.snap.Merged, true
}

// keepMerged keeps m, the merged facts for key, made from base, and
// writes the snapshot. It marks each release of the snapshot that is as
// base's release of its ID was hashed (keptRelease.Merged), so that Sync
// can tell that the releases are still those of the key. Merged facts
// that cannot be kept are merged again at the next start.
func (idx *Index) keepMerged(key mergeKeys, base *corpus.Data, m *mergedFacts) error {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	idx.snap.MergeKey, idx.snap.Merged = key.all, m
	for _, k := range idx.snap.Releases {
		k.Merged = false
	}
	all := true
	for i := range base.Releases {
		r := &base.Releases[i]
		k := idx.snap.Releases[r.ID]
		if k == nil || !k.holds(base, r) || !sameCitation(k, r) {
			all = false
			continue
		}
		k.Merged = true
	}
	idx.snap.MergedReleases, idx.snap.MergedCount, idx.unchanged = "", 0, nil
	if all {
		idx.snap.MergedReleases, idx.snap.MergedCount, idx.unchanged = key.releases, len(base.Releases), base
	}
	return idx.saveSnapshot()
}
