package search

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/isa-alliance/isabot/corpus"
)

// An on-disk index keeps, in a snapshot file beside its segments, what
// it was built from: each release without its text, the file and stamp
// it was read from, how many passages it has, and what the engine learned
// from it. A start with unchanged release files opens the index, gives
// the corpus the releases the snapshot knows (corpus.Dir.Known), and
// reads only the files that changed (Index.Sync).

// snapshotFile, in the index directory, is the snapshot.
const snapshotFile = "isabot-snapshot.gob"

// learnerVersion is part of what kept learning is valid for: changing
// how facts are learned must change it, as mappingVersion for the index.
const learnerVersion = "isabot-learner-11"

// snapshot is what an index keeps of the releases in it.
type snapshot struct {
	// Mapping is the mappingVersion the index was built with.
	Mapping string
	// LearningKey says what the kept learning is for besides the
	// releases (learningKey).
	LearningKey string
	Releases    map[string]*keptRelease // by release ID
}

// keptRelease is one indexed release.
type keptRelease struct {
	// Release is the release without its text.
	Release corpus.Release
	// Version is what its passages were indexed from: its file's stamp,
	// or a hash of its text (releaseVersion).
	Version string
	Stamp   corpus.Stamp
	// Body and About count its indexed body and about passages, Contact
	// whether it has a contact block: the documents that remove it.
	Body, About int
	Contact     bool
	// Learned is what it states, if learned at this version.
	Learned *learnedRecord
}

// learnedRecord is what one release states, as kept.
type learnedRecord struct {
	Contact    *corpus.Office
	Count      *corpus.Count
	Joins      []joinRecord
	Assemblies []corpus.Assembly
	People     []corpus.Person
	Glosses    []nameGloss
}

type joinRecord struct {
	City corpus.City
	When corpus.Date
}

// releaseVersion says which version of r the index holds: its file's
// stamp, for a release loaded without its text, else a hash of what is
// indexed of it.
func releaseVersion(data *corpus.Data, r *corpus.Release) string {
	if s, ok := data.Stamps[r.ID]; ok && !r.HasText() {
		return stampVersion(r.Source, s)
	}
	h := sha256.New()
	field := func(s string) {
		binary.Write(h, binary.LittleEndian, uint32(len(s)))
		io.WriteString(h, s)
	}
	field(r.ID)
	field(string(r.Lang))
	field(r.Date.Format("2006-01-02"))
	for _, p := range passagesOf(r) {
		field(string(p.Kind))
		field(p.Text)
	}
	return "text " + hex.EncodeToString(h.Sum(nil))
}

func stampVersion(path string, s corpus.Stamp) string {
	return "file " + path + " " + strconv.FormatInt(s.Size, 10) + " " + strconv.FormatInt(s.ModTime, 10)
}

// readSnapshot reads the snapshot of the index in dir; a missing or
// unreadable one, or one of another mapping, is none.
func readSnapshot(dir string) (*snapshot, bool) {
	f, err := os.Open(filepath.Join(dir, snapshotFile))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var s snapshot
	if err := gob.NewDecoder(bufio.NewReaderSize(f, 1<<16)).Decode(&s); err != nil || s.Mapping != mappingVersion {
		return nil, false
	}
	return &s, true
}

// writeSnapshot writes s into dir, whole or not at all.
func writeSnapshot(dir string, s *snapshot) error {
	f, err := os.CreateTemp(dir, snapshotFile+".*")
	if err != nil {
		return fmt.Errorf("write the index snapshot: %w", err)
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriterSize(f, 1<<16)
	err = gob.NewEncoder(w).Encode(s)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, snapshotFile))
	}
	if err != nil {
		return fmt.Errorf("write the index snapshot: %w", err)
	}
	return nil
}

// learningKey identifies what learning depends on besides the releases,
// which their versions cover: the learner's version, its word lists, the
// cities and regions of the data files and the gazetteer.
func learningKey(data *corpus.Data) string {
	h := sha256.New()
	h.Write([]byte(learnerVersion))
	if cues, err := fs.ReadFile(lexiconFiles, "data/learn.yaml"); err == nil {
		h.Write(cues)
	}
	json.NewEncoder(h).Encode([]any{data.Cities, data.Regions, corpus.GazetteerHeader()})
	return hex.EncodeToString(h.Sum(nil))
}

// keptLearned returns what idx keeps learned of the releases, for key,
// by release ID; a release missing from it is to be learned.
func (idx *Index) keptLearned(key string, releases map[string]*corpus.Release) map[string]*learned {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	out := map[string]*learned{}
	if idx.snap.LearningKey != key {
		return out
	}
	for id, kept := range idx.snap.Releases {
		r, rec := releases[id], kept.Learned
		if r == nil || rec == nil {
			continue
		}
		k := &learned{release: r, contact: rec.Contact, count: rec.Count, assemblies: rec.Assemblies, people: rec.People, glosses: rec.Glosses}
		for _, j := range rec.Joins {
			k.joins = append(k.joins, learnedJoin{city: j.City, when: j.When})
		}
		out[id] = k
	}
	return out
}

// keepLearned keeps what was learned of the releases in fresh, for key,
// and writes the snapshot. A learning that cannot be kept is learned
// again at the next start: nothing is lost.
func (idx *Index) keepLearned(key string, fresh map[string]*learned) error {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	if idx.snap.LearningKey != key {
		for _, kept := range idx.snap.Releases {
			kept.Learned = nil
		}
		idx.snap.LearningKey = key
	}
	for id, k := range fresh {
		kept := idx.snap.Releases[id]
		if kept == nil {
			continue
		}
		rec := &learnedRecord{Contact: k.contact, Count: k.count, Assemblies: k.assemblies, People: k.people, Glosses: k.glosses}
		for _, j := range k.joins {
			rec.Joins = append(rec.Joins, joinRecord{City: j.city, When: j.when})
		}
		kept.Learned = rec
	}
	return idx.saveSnapshot()
}

// saveSnapshot writes the snapshot of an on-disk index; idx.mu must be
// held.
func (idx *Index) saveSnapshot() error {
	if idx.dir == "" {
		return nil
	}
	return writeSnapshot(idx.dir, idx.snap)
}

// errNoSnapshot means an index was found without a snapshot it can use.
var errNoSnapshot = errors.New("the index has no snapshot of its releases")
