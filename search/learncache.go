package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"

	"github.com/isa-alliance/isabot/corpus"
)

// What the engine learns from the releases is kept in the index beside
// them, so that a start with unchanged releases and data files reads it
// instead of reading every release again.

// learnedKey is where an index keeps what was learned from its releases.
const learnedKey = "isabot.learned"

// learnerVersion is part of what a kept learning is valid for: changing
// how facts are learned must change it, as mappingVersion for the index.
const learnerVersion = "isabot-learner-10"

// keptLearning is what an index keeps: for which learner and data it is,
// and what each release states.
type keptLearning struct {
	Key      string          `json:"key"`
	Releases []learnedRecord `json:"releases"`
}

// learnedRecord is what one release states, as kept.
type learnedRecord struct {
	Release    string            `json:"release"`
	Contact    *corpus.Office    `json:"contact,omitempty"`
	Count      *corpus.Count     `json:"count,omitempty"`
	Joins      []joinRecord      `json:"joins,omitempty"`
	Assemblies []corpus.Assembly `json:"assemblies,omitempty"`
	People     []corpus.Person   `json:"people,omitempty"`
	Glosses    []nameGloss       `json:"glosses,omitempty"`
}

type joinRecord struct {
	City corpus.City `json:"city"`
	When corpus.Date `json:"when"`
}

// learningKey identifies what learning depends on besides the releases,
// which the index's own hash covers: the learner's version, its word
// lists, the cities and regions of the data files and the gazetteer.
func learningKey(data *corpus.Data) string {
	h := sha256.New()
	h.Write([]byte(learnerVersion))
	if cues, err := fs.ReadFile(lexiconFiles, "data/learn.yaml"); err == nil {
		h.Write(cues)
	}
	json.NewEncoder(h).Encode([]any{data.Cities, data.Regions, corpus.GazetteerHeader()})
	return hex.EncodeToString(h.Sum(nil))
}

// keptLearned returns what idx keeps of the releases of data, if it is
// for this learning key and every release.
func keptLearned(idx *Index, key string, releases map[string]*corpus.Release) (map[string]*learned, bool) {
	raw, ok := idx.stored(learnedKey)
	if !ok {
		return nil, false
	}
	var kept keptLearning
	if err := json.Unmarshal(raw, &kept); err != nil || kept.Key != key || len(kept.Releases) != len(releases) {
		return nil, false
	}
	out := make(map[string]*learned, len(kept.Releases))
	for _, rec := range kept.Releases {
		r := releases[rec.Release]
		if r == nil {
			return nil, false
		}
		k := &learned{release: r, contact: rec.Contact, count: rec.Count, assemblies: rec.Assemblies, people: rec.People, glosses: rec.Glosses}
		for _, j := range rec.Joins {
			k.joins = append(k.joins, learnedJoin{city: j.City, when: j.When})
		}
		out[r.ID] = k
	}
	return out, true
}

// keepLearned keeps what was learned in idx. A learning that cannot be
// kept is learned again at the next start: nothing is lost.
func keepLearned(idx *Index, key string, byRelease map[string]*learned) {
	kept := keptLearning{Key: key}
	for _, k := range learnedInOrder(byRelease) {
		rec := learnedRecord{Release: k.release.ID, Contact: k.contact, Count: k.count, Assemblies: k.assemblies, People: k.people, Glosses: k.glosses}
		for _, j := range k.joins {
			rec.Joins = append(rec.Joins, joinRecord{City: j.city, When: j.when})
		}
		kept.Releases = append(kept.Releases, rec)
	}
	if raw, err := json.Marshal(kept); err == nil {
		_ = idx.store(learnedKey, raw)
	}
}
