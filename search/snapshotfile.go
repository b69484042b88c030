package search

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

// The snapshot is read at every start, and its releases are most of it:
// decoding them with gob took 0.12 s of a start at 100,000 releases (20
// ms at 10,000), a string and a time zone made for every field. It is
// written in a format of its own instead, read into one string whose
// parts the releases' strings are:
//
//	magic            "isabot snapshot\n"
//	format           uvarint, snapshotFormat
//	mapping          string
//	merge key        string
//	merged releases  string, then their count as a uvarint
//	merged facts     bytes: the gob of *mergedFacts, empty for none
//	count            uvarint
//	releases         count times a release (appendRelease)
//	checksum         CRC-32C of all before it, 4 bytes little-endian
//
// A string or bytes is its length as a uvarint, then its bytes. A file
// of another format, mapping or checksum, or one that ends early, is no
// snapshot: the index is built again.

// snapshotFormat is the version of the file's format: a change to what
// it holds or how must change it.
const snapshotFormat = 1

const snapshotMagic = "isabot snapshot\n"

// oldSnapshotFile is where snapshots were kept before, in gob: read
// when there is no snapshotFile, and written again in its format.
const oldSnapshotFile = "isabot-snapshot.gob"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// errSnapshot is a snapshot file that cannot be read.
var errSnapshot = errors.New("not a snapshot of this version")

// writeSnapshot writes snap to the file name of dir, whole or not at all.
func writeSnapshot(dir, name string, snap *snapshot) error {
	return writeWhole(dir, name, func(w io.Writer) error { return encodeSnapshot(w, snap) })
}

// encodeSnapshot writes snap in the snapshot file's format to w.
func encodeSnapshot(w io.Writer, snap *snapshot) error {
	sum := crc32.New(castagnoli)
	out := io.MultiWriter(w, sum)
	var merged bytes.Buffer
	if snap.Merged != nil {
		if err := gob.NewEncoder(&merged).Encode(snap.Merged); err != nil {
			return err
		}
	}
	buf := []byte(snapshotMagic)
	buf = binary.AppendUvarint(buf, snapshotFormat)
	buf = appendString(buf, snap.Mapping)
	buf = appendString(buf, snap.MergeKey)
	buf = appendString(buf, snap.MergedReleases)
	buf = binary.AppendUvarint(buf, uint64(snap.MergedCount))
	buf = appendString(buf, merged.String())
	buf = binary.AppendUvarint(buf, uint64(len(snap.Releases)))
	// In the order of their IDs, most often that of their files' names, in
	// which a start takes them: the strings of one are read after those
	// of the one before, not all over the file. One write for every few.
	for _, id := range slices.Sorted(maps.Keys(snap.Releases)) {
		k := snap.Releases[id]
		var err error
		if buf, err = appendRelease(buf, k); err != nil {
			return err
		}
		if len(buf) >= 1<<15 {
			if _, err := out.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	if _, err := out.Write(buf); err != nil {
		return err
	}
	_, err := w.Write(binary.LittleEndian.AppendUint32(nil, sum.Sum32()))
	return err
}

// appendRelease appends k: the release's strings (ID, place, title,
// language, source, link, correction), its date and embargo (each as
// time.Time.AppendBinary makes it, after its length), its body, about
// and contact lines (each a count, then the strings), then k's version,
// stamp (size and modification time as varints), passage counts and a
// byte of flags (contact, merged).
func appendRelease(buf []byte, k *keptRelease) ([]byte, error) {
	r := &k.Release
	for _, s := range []string{r.ID, r.Place, r.Title, string(r.Lang), r.Source, r.URL, r.Correction} {
		buf = appendString(buf, s)
	}
	for _, t := range []time.Time{r.Date, r.Embargo} {
		b, err := t.AppendBinary(nil)
		if err != nil {
			return nil, err
		}
		buf = appendString(buf, string(b))
	}
	for _, lines := range [][]string{r.Body, r.About, r.Contact} {
		buf = binary.AppendUvarint(buf, uint64(len(lines)))
		for _, s := range lines {
			buf = appendString(buf, s)
		}
	}
	buf = appendString(buf, k.Version)
	buf = binary.AppendVarint(buf, k.Stamp.Size)
	buf = binary.AppendVarint(buf, k.Stamp.ModTime)
	buf = binary.AppendUvarint(buf, uint64(k.Body))
	buf = binary.AppendUvarint(buf, uint64(k.About))
	var flags byte
	if k.Contact {
		flags |= 1
	}
	if k.Merged {
		flags |= 2
	}
	return append(buf, flags), nil
}

func appendString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

// readSnapshotFile reads the snapshot file at path.
func readSnapshotFile(path string) (*snapshot, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return decodeSnapshot(f, fi.Size())
}

// decodeSnapshot reads a snapshot file of size bytes from r. Its
// releases' strings are parts of one string, the file's content, which
// they keep.
func decodeSnapshot(r io.Reader, size int64) (*snapshot, error) {
	content, err := readChecked(r, size)
	if err != nil {
		return nil, err
	}
	d := decoder{s: content}
	if d.next(len(snapshotMagic)) != snapshotMagic || d.uvarint() != snapshotFormat {
		return nil, errSnapshot
	}
	snap := &snapshot{Mapping: d.str(), MergeKey: d.str(), MergedReleases: d.str(), MergedCount: d.int()}
	if merged := d.str(); merged != "" && !d.bad {
		if err := gob.NewDecoder(strings.NewReader(merged)).Decode(&snap.Merged); err != nil {
			return nil, fmt.Errorf("%w: %v", errSnapshot, err)
		}
	}
	n := d.count()
	if d.bad {
		return nil, errSnapshot
	}
	// One allocation for all, and the map made at its size.
	kept := make([]keptRelease, n)
	snap.Releases, snap.list = make(map[string]*keptRelease, n), kept
	for i := range kept {
		k := &kept[i]
		d.release(k)
		if d.bad {
			return nil, errSnapshot
		}
		snap.Releases[k.Release.ID] = k
	}
	if d.at != len(d.s) {
		return nil, errSnapshot
	}
	return snap, nil
}

// readChecked reads size bytes from r into a string, without the
// checksum they end with, and checks it.
func readChecked(r io.Reader, size int64) (string, error) {
	size -= 4
	if size < 0 {
		return "", errSnapshot
	}
	// Read into a strings.Builder, which gives its content as a string
	// without copying it.
	var b strings.Builder
	b.Grow(int(size))
	sum := crc32.New(castagnoli)
	if _, err := io.CopyN(io.MultiWriter(&b, sum), r, size); err != nil {
		return "", fmt.Errorf("%w: %v", errSnapshot, err)
	}
	// One byte more than the checksum tells a file longer than size.
	var tail [5]byte
	if n, _ := io.ReadFull(r, tail[:]); n != 4 || binary.LittleEndian.Uint32(tail[:4]) != sum.Sum32() {
		return "", errSnapshot
	}
	return b.String(), nil
}

// decoder reads the snapshot file's content s from at. A value that
// would reach past its end is read as the zero value, and sets bad.
type decoder struct {
	s   string
	at  int
	bad bool
}

// next returns the n bytes at d.at.
func (d *decoder) next(n int) string {
	if d.bad || n < 0 || n > len(d.s)-d.at {
		d.bad = true
		return ""
	}
	s := d.s[d.at : d.at+n]
	d.at += n
	return s
}

func (d *decoder) uvarint() uint64 {
	var x uint64
	for shift := uint(0); shift < 64 && !d.bad && d.at < len(d.s); shift += 7 {
		b := d.s[d.at]
		d.at++
		x |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return x
		}
	}
	d.bad = true
	return 0
}

func (d *decoder) varint() int64 {
	u := d.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a length or a count: no more than the bytes left, as each
// thing counted takes one at least.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.s)-d.at) {
		d.bad = true
		return 0
	}
	return int(n)
}

// int reads a number of no more than 32 bits.
func (d *decoder) int() int {
	n := d.uvarint()
	if n > math.MaxInt32 {
		d.bad = true
		return 0
	}
	return int(n)
}

func (d *decoder) str() string { return d.next(d.count()) }

// lang reads a language, as its constant when it is one: comparing it
// with another then reads no byte of the file, which is large.
func (d *decoder) lang() corpus.Lang {
	switch l := corpus.Lang(d.str()); l {
	case corpus.German:
		return corpus.German
	case corpus.English:
		return corpus.English
	case corpus.Chinese:
		return corpus.Chinese
	default:
		return l
	}
}

func (d *decoder) time() time.Time {
	var t time.Time
	if err := t.UnmarshalBinary([]byte(d.str())); err != nil {
		d.bad = true
	}
	return t
}

func (d *decoder) lines() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	lines := make([]string, n)
	for i := range lines {
		lines[i] = d.str()
	}
	return lines
}

// release reads into k what appendRelease wrote.
func (d *decoder) release(k *keptRelease) {
	r := &k.Release
	r.ID, r.Place, r.Title, r.Lang = d.str(), d.str(), d.str(), d.lang()
	r.Source, r.URL, r.Correction = d.str(), d.str(), d.str()
	r.Date, r.Embargo = d.time(), d.time()
	r.Body, r.About, r.Contact = d.lines(), d.lines(), d.lines()
	k.Version = d.str()
	k.Stamp.Size, k.Stamp.ModTime = d.varint(), d.varint()
	k.Body, k.About = d.int(), d.int()
	flags := d.next(1)
	if flags != "" {
		k.Contact, k.Merged = flags[0]&1 != 0, flags[0]&2 != 0
	}
}
