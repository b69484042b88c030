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
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/isa-alliance/isabot/corpus"
)

// An on-disk index keeps, in a snapshot file beside its segments, what
// it was built from: each release without its text, the file and stamp
// it was read from, how many passages it has; and the data files' facts
// merged with those the releases state, for the releases and data it
// was merged from. A start with unchanged release files opens the index,
// gives the corpus the releases the snapshot knows (corpus.Dir.Known),
// reads only the files that changed (Index.Sync), and takes the merged
// facts as they are. What each release states is kept apart, in a
// second file (learnedFile), read only when the facts must be merged
// again: a release changed, or the data files did.

// snapshotFile, in the index directory, is the snapshot (its format is
// in snapshotfile.go); learnedFile what was learned of each release.
const (
	snapshotFile = "isabot-snapshot.bin"
	learnedFile  = "isabot-learned.gob"
)

// learnerVersion is part of what kept learning and the kept merged facts
// are valid for: changing how facts are learned or merged must change
// it, as mappingVersion for the index.
const learnerVersion = "isabot-learner-134"

// snapshot is what an index keeps of the releases in it.
type snapshot struct {
	// Mapping is the mappingVersion the index was built with.
	Mapping  string
	Releases map[string]*keptRelease // by release ID
	// Merged are the facts merged for MergeKey (mergeKey), if any.
	MergeKey string
	Merged   *mergedFacts
	// MergedReleases is MergeKey's key of the releases (releasesKey), of
	// MergedCount releases, each marked Merged; "" when the snapshot's
	// releases were not all those of the key when it was kept.
	MergedReleases string
	MergedCount    int
	// Count is how many releases a gob snapshot file (oldSnapshotFile)
	// holds in all its parts, written in the first, so that their map is
	// made at its size (0 in a file written before it was). In memory it
	// is 0: the map says.
	Count int
	// old says that the snapshot was read from oldSnapshotFile: Sync
	// writes it in the format of snapshotFile.
	old bool
	// list holds the releases as read from snapshotFile, in its order,
	// which Releases points into, until newIndex has gone through them.
	list []keptRelease
}

// keptRelease is one indexed release.
type keptRelease struct {
	// Release is the release without its text.
	Release corpus.Release
	// Version is what its passages were indexed from: a hash of its text
	// (releaseVersion), or "" for its file at Stamp.
	Version string
	Stamp   corpus.Stamp
	// Body and About count its indexed body and about passages, Contact
	// whether it has a contact block: the documents that remove it.
	Body, About int
	Contact     bool
	// Merged says that this version of the release, with its title, link
	// and date, is one of those the merged facts were kept for
	// (Index.keepMerged). A release indexed again is not, until they are
	// kept again.
	Merged bool
}

// version is k's version as releaseVersion says it.
func (k *keptRelease) version() string {
	if k.Version == "" {
		return stampVersion(k.Release.Source, k.Stamp)
	}
	return k.Version
}

// holds reports whether k is the version of r that data has, as
// releaseVersion tells, without making the version of a file's stamp:
// a start asks it of every release.
func (k *keptRelease) holds(data *corpus.Data, r *corpus.Release) bool {
	if s, ok := data.Stamps[r.ID]; ok && !r.HasText() {
		// The same path is most often the same string (Index.Known).
		return k.Version == "" && k.Stamp == s && (k.Release.Source == r.Source || filepath.Base(k.Release.Source) == filepath.Base(r.Source))
	}
	return k.Version == releaseVersion(data, r)
}

// learnedSet is what an index keeps learned of its releases: the
// content of learnedFile.
type learnedSet struct {
	Mapping string
	// Key says what the learning is for besides the releases
	// (learningKey).
	Key     string
	Records map[string]*learnedRecord // by release ID
	// offices keeps one copy of each contact the records give (share).
	offices map[string]*corpus.Office
}

// share makes rec's contact share what it says with the same contact of
// the other records: most releases give the same press contact, and a
// copy of it for each of 100,000 releases, with its roles in three
// languages, held about 100 MB while the index was built. Only the
// citation, of rec's own release, stays rec's own. The contact rec had
// is not changed: the engine may hold it.
func (set *learnedSet) share(rec *learnedRecord) {
	if rec.Contact == nil {
		return
	}
	o := *rec.Contact
	o.Cite = corpus.Cite{}
	key := officeKey(&o)
	kept := set.offices[key]
	if kept == nil {
		if set.offices == nil {
			set.offices = map[string]*corpus.Office{}
		}
		kept = cloneOffice(&o)
		set.offices[key] = kept
	}
	shared := *kept
	shared.Cite = corpus.Cite{Source: strings.Clone(rec.Contact.Source), AsOf: rec.Contact.AsOf}
	rec.Contact = &shared
}

// officeKey tells offices apart by everything they say but their
// citation.
func officeKey(o *corpus.Office) string {
	var b strings.Builder
	field := func(s string) {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	text := func(t corpus.Text) {
		field(strconv.Itoa(len(t)))
		for _, l := range slices.Sorted(maps.Keys(t)) {
			field(string(l))
			field(t[l])
		}
	}
	for _, s := range []string{o.Kind, o.Organisation, o.City, o.Person, o.Email, o.Phone, o.Mobile, o.Fax, o.Website,
		o.Since.String(), strconv.FormatBool(o.Current)} {
		field(s)
	}
	text(o.Role)
	text(o.PersonRole)
	field(strconv.Itoa(len(o.Address)))
	for _, a := range o.Address {
		field(a)
	}
	return b.String()
}

// cloneOffice copies o with its own strings and texts, so that the copy
// holds none of the text it was learned from.
func cloneOffice(o *corpus.Office) *corpus.Office {
	c := *o
	c.Kind, c.Organisation, c.City, c.Person = strings.Clone(o.Kind), strings.Clone(o.Organisation), strings.Clone(o.City), strings.Clone(o.Person)
	c.Email, c.Phone, c.Mobile, c.Fax, c.Website = strings.Clone(o.Email), strings.Clone(o.Phone), strings.Clone(o.Mobile), strings.Clone(o.Fax), strings.Clone(o.Website)
	c.Role, c.PersonRole = cloneText(o.Role), cloneText(o.PersonRole)
	c.Address = nil
	for _, a := range o.Address {
		c.Address = append(c.Address, strings.Clone(a))
	}
	return &c
}

func cloneText(t corpus.Text) corpus.Text {
	if t == nil {
		return nil
	}
	c := make(corpus.Text, len(t))
	for l, s := range t {
		c[l] = strings.Clone(s)
	}
	return c
}

// learnedRecord is what one release states, as kept.
type learnedRecord struct {
	// Version is the release's version it was learned from.
	Version     string
	Contact     *corpus.Office
	Count       *corpus.Count
	Memberships []membershipRecord // joins, leaves, applications, suspensions
	Assemblies  []corpus.Assembly
	People      []corpus.Person
	Glosses     []nameGloss
}

type membershipRecord struct {
	City   corpus.City
	When   corpus.Date
	Change membershipChange
	Until  corpus.Date
}

func recordOf(k *learned, version string) *learnedRecord {
	rec := &learnedRecord{Version: version, Contact: k.contact, Count: k.count, Assemblies: k.assemblies, People: k.people, Glosses: k.glosses}
	for _, j := range k.memberships {
		rec.Memberships = append(rec.Memberships, membershipRecord{City: j.city, When: j.when, Change: j.change, Until: j.until})
	}
	return rec
}

func (rec *learnedRecord) learned(r *corpus.Release) *learned {
	k := &learned{release: r, contact: rec.Contact, count: rec.Count, assemblies: rec.Assemblies, people: rec.People, glosses: rec.Glosses}
	for _, j := range rec.Memberships {
		k.memberships = append(k.memberships, learnedMembership{city: j.City, when: j.When, change: j.Change, until: j.Until})
	}
	return k
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

// stampVersion is the version of the file at path with stamp: its name,
// not its directory, which may be named another way at the next start.
func stampVersion(path string, s corpus.Stamp) string {
	return "file " + filepath.Base(path) + " " + strconv.FormatInt(s.Size, 10) + " " + strconv.FormatInt(s.ModTime, 10)
}

// readSnapshot reads the snapshot of the index in dir, or, when there
// is none, the one written before in gob; a missing or unreadable one, or
// one of another format or mapping, is none.
func readSnapshot(dir string) (*snapshot, bool) {
	snap, err := readSnapshotFile(filepath.Join(dir, snapshotFile))
	switch {
	case err == nil:
		return snap, snap.Mapping == mappingVersion
	case errors.Is(err, fs.ErrNotExist):
		return readOldSnapshot(dir)
	}
	return nil, false
}

// readOldSnapshot reads the snapshot in gob, as it was written before
// snapshotFile.
func readOldSnapshot(dir string) (*snapshot, bool) {
	var s snapshot
	ok := readGob(filepath.Join(dir, oldSnapshotFile), func(part *snapshot, first bool) {
		if first {
			s = *part
			s.Releases, s.Count = make(map[string]*keptRelease, max(part.Count, len(part.Releases))), 0
		}
		maps.Copy(s.Releases, part.Releases)
	})
	if !ok || s.Mapping != mappingVersion {
		return nil, false
	}
	s.old = true
	return &s, true
}

// The learned facts (and the snapshot, when it was in gob) are written
// in parts of partSize releases, one gob message a part, the first with
// the rest of the value: the encoder makes each message whole in memory,
// and its buffer for the learned facts of 100,000 releases in one message
// held about 70 MB at the peak of a first build. A file of one message
// (as written before) reads as it did.
const partSize = 4096

// readGob decodes the file at path, message by message, giving each to
// add, and reports whether it could read it whole.
func readGob[T any](path string, add func(part *T, first bool)) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	dec := gob.NewDecoder(bufio.NewReaderSize(f, 1<<16))
	for n := 0; ; n++ {
		var part T
		err := dec.Decode(&part)
		if errors.Is(err, io.EOF) {
			return n > 0
		}
		if err != nil {
			return false
		}
		add(&part, n == 0)
	}
}

// encodeParts encodes all in parts of partSize entries, each as the
// message part makes of it.
func encodeParts[V any](enc *gob.Encoder, all map[string]V, part func(entries map[string]V, first bool) any) error {
	entries := make(map[string]V, min(len(all), partSize))
	first := true
	flush := func() error {
		err := enc.Encode(part(entries, first))
		first = false
		clear(entries)
		return err
	}
	for k, v := range all {
		entries[k] = v
		if len(entries) == partSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if first || len(entries) > 0 {
		return flush()
	}
	return nil
}

// writeGob writes the file name of dir with encode, whole or not at all.
func writeGob(dir, name string, encode func(*gob.Encoder) error) error {
	return writeWhole(dir, name, func(w io.Writer) error { return encode(gob.NewEncoder(w)) })
}

// writeWhole writes the file name of dir with write, whole or not at all:
// into a temporary file, renamed to name once written.
func writeWhole(dir, name string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(dir, name+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriterSize(f, 1<<16)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, name))
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
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

// loadLearned reads what the index keeps learned, the first time it is
// needed; idx.mu must be held for writing. A missing or unreadable file
// is nothing learned.
func (idx *Index) loadLearned() {
	if idx.learned != nil {
		return
	}
	var set learnedSet
	read := idx.dir != "" && readGob(filepath.Join(idx.dir, learnedFile), func(part *learnedSet, first bool) {
		if first {
			set = *part
			if set.Records == nil {
				set.Records = map[string]*learnedRecord{}
			}
			return
		}
		maps.Copy(set.Records, part.Records)
	})
	if !read || set.Mapping != mappingVersion {
		set = learnedSet{Mapping: mappingVersion, Records: map[string]*learnedRecord{}}
	}
	for _, rec := range set.Records {
		set.share(rec)
	}
	idx.learned = &set
}

// keptLearned returns what idx keeps learned of the releases, for key,
// by release ID; a release missing from it, or learned from another
// version of it, is to be learned.
func (idx *Index) keptLearned(key string, releases map[string]*corpus.Release) map[string]*learned {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	idx.loadLearned()
	out := map[string]*learned{}
	if idx.learned.Key != key {
		return out
	}
	for id, rec := range idx.learned.Records {
		r, kept := releases[id], idx.snap.Releases[id]
		if r == nil || kept == nil || rec.Version != kept.version() {
			continue
		}
		out[id] = rec.learned(r)
	}
	return out
}

// keepLearned keeps what was learned of the releases in fresh, for key,
// and writes it. A learning that cannot be kept is learned again at the
// next start: nothing is lost.
func (idx *Index) keepLearned(key string, fresh map[string]*learned) error {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	idx.loadLearned()
	for id, k := range fresh {
		if kept := idx.snap.Releases[id]; kept != nil {
			idx.learn(key, id, k, kept.version())
		}
	}
	return idx.saveLearned()
}

// learn keeps k, learned from version of the release with id, for key;
// idx.mu must be held for writing, and loadLearned called.
func (idx *Index) learn(key, id string, k *learned, version string) {
	if idx.learned.Key != key {
		idx.learned.Key, idx.learned.Records = key, map[string]*learnedRecord{}
	}
	rec := recordOf(k, version)
	idx.learned.share(rec)
	idx.learned.Records[id] = rec
}

// saveLearned writes what is learned of the releases the index holds;
// idx.mu must be held.
func (idx *Index) saveLearned() error {
	for id := range idx.learned.Records {
		if idx.snap.Releases[id] == nil {
			delete(idx.learned.Records, id)
		}
	}
	if idx.dir == "" {
		return nil
	}
	return writeGob(idx.dir, learnedFile, func(enc *gob.Encoder) error {
		return encodeParts(enc, idx.learned.Records, func(records map[string]*learnedRecord, first bool) any {
			if first {
				return &learnedSet{Mapping: idx.learned.Mapping, Key: idx.learned.Key, Records: records}
			}
			return &learnedSet{Records: records}
		})
	})
}

// saveSnapshot writes the snapshot of an on-disk index, and removes one
// written before in gob; idx.mu must be held.
func (idx *Index) saveSnapshot() error {
	if idx.dir == "" {
		return nil
	}
	if err := writeSnapshot(idx.dir, snapshotFile, idx.snap); err != nil {
		return err
	}
	if idx.snap.old {
		if err := os.Remove(filepath.Join(idx.dir, oldSnapshotFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		idx.snap.old = false
	}
	return nil
}
