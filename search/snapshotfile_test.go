package search

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/corpus/synthetic"
)

// fill sets every field of the struct v points to, and of the structs
// it holds, to a value that is not zero and tells it from the others
// (n numbers them): a field the snapshot file does not hold is then
// missed by a round trip. A field of a kind it does not know fails the
// test, to be taught.
func fill(t *testing.T, v reflect.Value, n *int) {
	t.Helper()
	for i := range v.NumField() {
		f, name := v.Field(i), v.Type().Field(i).Name
		if !f.CanSet() {
			continue // unexported: not kept
		}
		*n++
		switch {
		case f.Type() == reflect.TypeFor[time.Time]():
			// A zone the file keeps by its offset, which decodes as
			// itself: FixedZone caches whole hours by their offset.
			zone := time.FixedZone("", 3600*(1+*n%10))
			f.Set(reflect.ValueOf(time.Date(2020+*n, time.Month(1+*n%12), 1+*n%28, *n%24, *n%60, *n%60, 1000**n, zone)))
		case f.Kind() == reflect.String:
			f.SetString(name + "-" + string(rune('a'+*n%26)))
		case f.Kind() == reflect.Int, f.Kind() == reflect.Int64:
			f.SetInt(int64(*n * 1001))
		case f.Kind() == reflect.Bool:
			f.SetBool(true)
		case f.Type() == reflect.TypeFor[[]string]():
			f.Set(reflect.ValueOf([]string{name, "", "ü " + name}))
		case f.Kind() == reflect.Struct:
			fill(t, f, n)
		default:
			t.Fatalf("fill does not know field %s of type %s: teach it, and make sure the snapshot file holds it", name, f.Type())
		}
	}
}

// testSnapshot is a snapshot with every field of its releases set, and
// merged facts.
func testSnapshot(t *testing.T, releases int) *snapshot {
	snap := newSnapshot()
	snap.MergeKey, snap.MergedReleases, snap.MergedCount = "merge key", "releases key", releases
	snap.Merged = &mergedFacts{
		Cities:  []corpus.City{{Name: "Köln", Names: corpus.Text{corpus.German: "Köln", corpus.Chinese: "科隆"}, Country: corpus.Germany}},
		Sources: []corpus.Source{{ID: "s", Title: "Quelle", Release: "r-1"}},
	}
	n := 0
	for range releases {
		k := &keptRelease{}
		fill(t, reflect.ValueOf(k).Elem(), &n)
		snap.Releases[k.Release.ID] = k
	}
	// Zero values and none too.
	snap.Releases["bare"] = &keptRelease{Release: corpus.Release{ID: "bare", Date: time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
		Stamp: corpus.Stamp{Size: 0, ModTime: -1}}
	return snap
}

// TestSnapshotFile checks that a snapshot file reads back as it was
// written, every field of its releases too.
func TestSnapshotFile(t *testing.T) {
	dir := t.TempDir()
	for _, snap := range []*snapshot{newSnapshot(), testSnapshot(t, 5)} {
		if err := writeSnapshot(dir, snapshotFile, snap); err != nil {
			t.Fatal(err)
		}
		got, err := readSnapshotFile(filepath.Join(dir, snapshotFile))
		if err != nil {
			t.Fatal(err)
		}
		if len(got.list) != len(snap.Releases) {
			t.Errorf("the list of releases read holds %d, want %d", len(got.list), len(snap.Releases))
		}
		got.list = nil
		if !reflect.DeepEqual(got, snap) {
			t.Errorf("snapshot of %d releases read back as\n%+v\nwant\n%+v", len(snap.Releases), got, snap)
		}
	}
}

// encoded is snap as its file holds it.
func encoded(t *testing.T, snap *snapshot) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := encodeSnapshot(&b, snap); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withSum is content with its checksum, as a file ends.
func withSum(content []byte) []byte {
	return binary.LittleEndian.AppendUint32(slices.Clip(content), crc32.Checksum(content, castagnoli))
}

// TestSnapshotFileDamaged checks that a snapshot file cut short, with a
// byte changed, of another format or of nonsense is not read, and
// reading it does not fail otherwise.
func TestSnapshotFileDamaged(t *testing.T) {
	good := encoded(t, testSnapshot(t, 3))
	read := func(content []byte) (*snapshot, error) {
		return decodeSnapshot(bytes.NewReader(content), int64(len(content)))
	}
	if _, err := read(good); err != nil {
		t.Fatal(err)
	}
	notRead := func(what string, content []byte) {
		t.Helper()
		if snap, err := read(content); err == nil {
			t.Errorf("%s: read as a snapshot of %d releases", what, len(snap.Releases))
		}
	}
	for n := range len(good) {
		notRead("cut short", good[:n])
	}
	for i := range good {
		bad := slices.Clone(good)
		bad[i] ^= 0x10
		notRead("a byte changed", bad)
	}
	// Another format, its checksum right.
	content := slices.Clone(good[:len(good)-4])
	content[len(snapshotMagic)] = snapshotFormat + 1
	notRead("another format", withSum(content))
	// Nonsense with a right checksum: the file's beginning, then bytes
	// at random.
	rng := rand.New(rand.NewPCG(1, 2))
	head := good[:len(snapshotMagic)+1]
	for range 2000 {
		junk := slices.Clone(head)
		for range rng.IntN(200) {
			junk = append(junk, byte(rng.IntN(256)))
		}
		notRead("nonsense", withSum(junk))
	}
	// The start of each release's part changed, its checksum right: no
	// panic, whatever is read.
	for i := len(head); i < len(good)-4; i++ {
		content := slices.Clone(good[:len(good)-4])
		content[i] = 0xff
		read(withSum(content))
	}
	// A file longer than it says.
	notRead("longer", append(slices.Clone(good), 0))
}

// TestDamagedSnapshotRebuilt checks that an index whose snapshot file is
// damaged is built again, every release file read.
func TestDamagedSnapshotRebuilt(t *testing.T) {
	dataDir := t.TempDir()
	releases := synthetic.Releases(3, 9)
	if err := synthetic.WriteFiles(filepath.Join(dataDir, corpus.ReleasesDir), releases); err != nil {
		t.Fatal(err)
	}
	_, idx, _ := lazyStart(t, dataDir)
	idx.Close()
	path := filepath.Join(dataDir, "index", snapshotFile)
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	content[len(content)/2] ^= 1
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	e, idx, files := lazyStart(t, dataDir)
	defer idx.Close()
	if got := files.read(); len(got) < len(releases) {
		t.Errorf("a start with a damaged snapshot read %v, want every release file", got)
	}
	if got := searchIDs(t, e, releases[1].Title); !slices.Contains(got, releases[1].ID) {
		t.Errorf("a release's title finds %v after the index was built again", got)
	}
	if _, err := readSnapshotFile(path); err != nil {
		t.Errorf("the snapshot written again: %v", err)
	}
}

// TestOldSnapshotWrittenAgain checks that an index whose snapshot was
// written in gob, as before, is taken as it is, no release file read,
// and its snapshot written in the new format and the old file removed.
func TestOldSnapshotWrittenAgain(t *testing.T) {
	dataDir := t.TempDir()
	releases := synthetic.Releases(4, 3)
	if err := synthetic.WriteFiles(filepath.Join(dataDir, corpus.ReleasesDir), releases); err != nil {
		t.Fatal(err)
	}
	_, idx, _ := lazyStart(t, dataDir)
	idx.Close()
	indexDir := filepath.Join(dataDir, "index")
	snap, err := readSnapshotFile(filepath.Join(indexDir, snapshotFile))
	if err != nil {
		t.Fatal(err)
	}
	// As the gob snapshot was written: one message will do.
	if err := writeGob(indexDir, oldSnapshotFile, func(enc *gob.Encoder) error { return enc.Encode(snap) }); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(indexDir, snapshotFile)); err != nil {
		t.Fatal(err)
	}

	_, idx, files := lazyStart(t, dataDir)
	idx.Close()
	if got := files.read(); len(got) > 0 {
		t.Errorf("a start from the gob snapshot read %v", got)
	}
	if _, err := os.Stat(filepath.Join(indexDir, oldSnapshotFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the gob snapshot is still there: %v", err)
	}
	again, err := readSnapshotFile(filepath.Join(indexDir, snapshotFile))
	if err != nil {
		t.Fatalf("the snapshot written in the new format: %v", err)
	}
	if len(again.Releases) != len(snap.Releases) {
		t.Errorf("the snapshot written again holds %d releases, want %d", len(again.Releases), len(snap.Releases))
	}
	_, idx, files = lazyStart(t, dataDir)
	idx.Close()
	if got := files.read(); len(got) > 0 {
		t.Errorf("the start after it read %v", got)
	}
}

// TestKnownByFileName checks that a release whose ID is not its file's
// name without its extension is known by its file all the same, and
// each release given with its file's path.
func TestKnownByFileName(t *testing.T) {
	dataDir := t.TempDir()
	folder := filepath.Join(dataDir, corpus.ReleasesDir)
	if err := synthetic.WriteFiles(folder, synthetic.Releases(2, 4)); err != nil {
		t.Fatal(err)
	}
	const named = "---\nid: eigene-kennung\ntitle: Meldung mit eigener Kennung\ndate: 2026-03-01\nlang: de\n---\nDie Meldung berichtet über Wasserstoff aus Mainz.\n"
	// Its name sorts after the others' and its ID before: the snapshot
	// holds the releases in the order of their IDs, Known goes through
	// them in that of their files' names.
	if err := os.WriteFile(filepath.Join(folder, "zz-datei.md"), []byte(named), 0o644); err != nil {
		t.Fatal(err)
	}
	_, idx, _ := lazyStart(t, dataDir)
	idx.Close()
	e, idx, files := lazyStart(t, dataDir)
	defer idx.Close()
	if got := files.read(); len(got) > 0 {
		t.Errorf("an unchanged start read %v", got)
	}
	var names []string
	for _, f := range idx.files {
		names = append(names, f.name)
	}
	if len(names) != 3 || !slices.IsSorted(names) || names[2] != "zz-datei.md" || idx.files[2].k.Release.ID != "eigene-kennung" {
		t.Errorf("the files the index knows: %v, want 3 in order, the last zz-datei.md's", names)
	}
	r, ok := e.Release("eigene-kennung")
	if !ok || r.Source != filepath.Join(folder, "zz-datei.md") || len(r.Body) != 1 {
		t.Errorf("the release of zz-datei.md: %v, %+v", ok, r)
	}
	n := 0
	for _, r := range e.base.Releases {
		if _, ok := e.base.Stamps[r.ID]; ok {
			n++
			if filepath.Dir(r.Source) != folder {
				t.Errorf("release %s from %s, not from %s", r.ID, r.Source, folder)
			}
		}
	}
	if n != 3 {
		t.Errorf("%d releases of the data directory, want 3", n)
	}
}

// TestKnownFiles checks which files Index.Known knows: those of the
// index's releases with the stamps they were indexed at, asked in the
// order of their names or not, and none removed since.
func TestKnownFiles(t *testing.T) {
	dataDir := t.TempDir()
	folder := filepath.Join(dataDir, corpus.ReleasesDir)
	if err := synthetic.WriteFiles(folder, synthetic.Releases(3, 5)); err != nil {
		t.Fatal(err)
	}
	e, idx, _ := lazyStart(t, dataDir)
	defer idx.Close()
	var files []corpus.File // in the order of their names
	for _, r := range e.base.Releases {
		if s, ok := e.base.Stamps[r.ID]; ok {
			files = append(files, corpus.File{Name: filepath.Base(r.Source), Stamp: s})
		}
	}
	slices.SortFunc(files, func(a, b corpus.File) int { return cmp.Compare(a.Name, b.Name) })
	if len(files) != 3 {
		t.Fatalf("%d files, want 3", len(files))
	}
	id := func(f corpus.File) string { return strings.TrimSuffix(f.Name, filepath.Ext(f.Name)) }
	changed := files[1]
	changed.Stamp.ModTime++
	for _, c := range []struct {
		name  string
		files []corpus.File
		want  []string // the IDs of the releases given, "" for none
	}{
		{"all", files, []string{id(files[0]), id(files[1]), id(files[2])}},
		{"a stamp changed", []corpus.File{files[0], changed, files[2]}, []string{id(files[0]), "", id(files[2])}},
		{"files unknown among them", []corpus.File{{Name: "a.md"}, files[0], {Name: files[0].Name + "x"}, files[2], {Name: "zz.txt"}}, []string{"", id(files[0]), "", id(files[2]), ""}},
		{"not in the order of their names", []corpus.File{files[2], files[0], files[1]}, []string{id(files[2]), id(files[0]), id(files[1])}},
		{"none", nil, []string{}},
	} {
		got := idx.Known(folder, c.files)
		ids := make([]string, len(got))
		for i, r := range got {
			if r != nil {
				ids[i] = r.ID
			}
		}
		if !slices.Equal(ids, c.want) {
			t.Errorf("%s: Known gave %q, want %q", c.name, ids, c.want)
		}
	}
	// A release removed from the index is known no more.
	data := *e.base
	data.Releases = slices.DeleteFunc(slices.Clone(data.Releases), func(r corpus.Release) bool { return r.ID == id(files[1]) })
	if _, _, err := idx.Sync(t.Context(), &data, nil); err != nil {
		t.Fatal(err)
	}
	if got := idx.Known(folder, files); got[0] == nil || got[1] != nil || got[2] == nil {
		t.Errorf("after %s was removed, Known gave %v", id(files[1]), got)
	}
}
