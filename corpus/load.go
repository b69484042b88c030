package corpus

import (
	"cmp"
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// The data files at the top of a corpus directory, and the folder of
// releases beside them.
const (
	SourcesFile  = "sources.yaml"
	CitiesFile   = "cities.yaml"
	AllianceFile = "alliance.yaml"
	ReleasesDir  = "releases"
)

//go:embed data
var embedded embed.FS

// Dir is a directory of corpus files: the data files at its top and
// releases in its releases/ folder. Path names it in error messages.
// MaxFileSize is the largest file read from it, 0 for no limit.
type Dir struct {
	FS          fs.FS
	Path        string
	MaxFileSize int64
	// Lazy keeps the releases of the directory without their text, which
	// Data.Full reads again; Data.Stamps has their files' stamps.
	Lazy bool
	// Known gives, for a Lazy directory, the releases without their
	// text that the release files of the folder at path folder held
	// when they had the stamps given, where it knows them: those files
	// are not read. It is asked once a start, with the folder's files in
	// the order of their names, and returns for each the release, or nil
	// when it does not know that version of the file; the loader copies
	// each and changes none. A release's Source is made the file's path
	// if it is not. Nil reads every file.
	Known func(folder string, files []File) []*Release
}

// File is a release file of a folder, by its name, with its stamp
// (Dir.Known).
type File struct {
	Name  string
	Stamp Stamp
}

// Embedded is the default corpus compiled into the binary.
func Embedded() Dir {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return Dir{FS: sub, Path: "(embedded)"}
}

// OSDir is a corpus directory on disk, such as the data directory. Only
// regular files are read from it, each of at most DefaultMaxFileSize, and
// no link that leads out of it (see DirFS).
func OSDir(dir string) Dir {
	return Dir{FS: DirFS(dir), Path: dir, MaxFileSize: DefaultMaxFileSize}
}

// Load reads the corpus from dirs in order; see LoadContext.
func Load(dirs ...Dir) (*Data, []error) {
	return LoadContext(context.Background(), dirs...)
}

// LoadContext reads the corpus from dirs in order. Releases of later
// directories are added to those of earlier ones (the same ID replaces).
//
// A data file in a later directory replaces the earlier one, if it has no
// errors at all: a data file with an error (of syntax, an unknown key, a
// wrong type, a missing or wrong value) is not used, and the newest
// version without errors is used instead, as Data.Files says. Where every
// version has errors, the entries of the first directory's version that
// are right are used.
//
// Every problem is returned among errs: a *FileError naming file and line
// for each error, and an *UnusedFileError for each data file not used.
// A release with an error is left out, and the others load. LoadContext
// returns early with ctx's error when ctx ends.
func LoadContext(ctx context.Context, dirs ...Dir) (*Data, []error) {
	l := loader{stamps: map[string]Stamp{}}
	// The data files are read and parsed while the releases load: neither
	// needs the other, and a start lists and stats every release file.
	versions := map[string][]dataFile{}
	var parsed sync.WaitGroup
	parsed.Go(func() {
		for _, dir := range dirs {
			for _, name := range dataFiles {
				if f, ok := readDataFile(dir, name); ok {
					f.decoded = decodeFile(name, f)
					versions[name] = append(versions[name], f)
				}
			}
		}
	})
	var releases releaseSet
	d := &Data{Files: map[string]string{}, Stamps: map[string]Stamp{}}
	for _, dir := range dirs {
		if err := l.loadReleases(ctx, dir, &releases); err != nil {
			parsed.Wait()
			return &Data{}, append(l.errs, err)
		}
		if dir.Lazy {
			d.lazy = append(d.lazy, dir)
		}
	}
	parsed.Wait()

	d.Releases = releases.list
	// The stamps of the releases a later directory did not replace with
	// one that holds its text.
	d.Stamps = l.stamps
	for i := range d.Releases {
		if r := &d.Releases[i]; r.HasText() {
			delete(d.Stamps, r.ID)
		}
	}
	// The releases are ordered while the data files load, which read
	// them in any order, and moved to their places after.
	var order []int32
	var ordered sync.WaitGroup
	ordered.Go(func() { order = dateOrder(d.Releases) })

	sources := choose(&l, d, versions[SourcesFile], func(l *loader, f dataFile) sourceSet {
		return l.loadSources(f, releases.at)
	})
	d.Sources = sources.list(d.Releases)
	cities := choose(&l, d, versions[CitiesFile], func(l *loader, f dataFile) cityData {
		return l.loadCities(f, sources)
	})
	d.Regions, d.Cities = cities.regions, cities.cities
	d.Alliance = choose(&l, d, versions[AllianceFile], func(l *loader, f dataFile) Alliance {
		return l.loadAlliance(f, sources)
	})
	ordered.Wait()
	reorder(d.Releases, order)
	return d, l.errs
}

// dateOrder returns the places of releases sorted oldest first, those of
// the same time by ID: the release at place i is releases[order[i]]. It
// sorts small keys, and reorder moves each release once: a Release is
// 232 bytes, and sorting the releases themselves, moving and copying
// them at every comparison, took 8 ms of a start at 10,000. Releases
// most often come in the order of their IDs (that of their files'
// names): the places of those of the same time are then in the order of
// their IDs too, and compared instead, without reading the IDs, which
// lie all over memory.
func dateOrder(releases []Release) []int32 {
	type key struct {
		sec  int64
		nsec int32
		at   int32
		id   string
	}
	byID := true
	for i := 1; i < len(releases) && byID; i++ {
		byID = releases[i-1].ID < releases[i].ID
	}
	keys := make([]key, len(releases))
	for i := range releases {
		r := &releases[i]
		keys[i] = key{sec: r.Date.Unix(), nsec: int32(r.Date.Nanosecond()), at: int32(i)}
		if !byID {
			keys[i].id = r.ID
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(a.sec, b.sec); c != 0 {
			return c
		}
		if c := cmp.Compare(a.nsec, b.nsec); c != 0 {
			return c
		}
		if byID {
			return cmp.Compare(a.at, b.at)
		}
		return strings.Compare(a.id, b.id)
	})
	order := make([]int32, len(keys))
	for i, k := range keys {
		order[i] = k.at
	}
	return order
}

// reorder moves the entries of list, in place, to the places order gives
// them (dateOrder: the entry at place i is list[order[i]]), and leaves
// order marking each place its own.
func reorder[T any](list []T, order []int32) {
	// Each cycle of the permutation is followed once, a place marked
	// done when filled.
	for start := range order {
		if int(order[start]) == start {
			continue
		}
		first := list[start]
		i := start
		for {
			from := int(order[i])
			order[i] = int32(i)
			if from == start {
				list[i] = first
				break
			}
			list[i] = list[from]
			i = from
		}
	}
}

// dataFiles are the data files in the order they load: the others cite
// the sources.
var dataFiles = []string{SourcesFile, CitiesFile, AllianceFile}

// UnusedFileError reports a data file that has errors and is therefore
// not used at all. Using is the version used instead, as its directory
// names it, or "" when there is none. Errs are the file's errors, each a
// *FileError; LoadContext returns them too.
type UnusedFileError struct {
	Path  string
	Using string
	Errs  []error
}

func (e *UnusedFileError) Error() string {
	instead := "no version of it is used"
	if e.Using != "" {
		instead = e.Using + " is used instead"
	}
	return fmt.Sprintf("%s has %d %s and is not used; %s", e.Path, len(e.Errs), plural(len(e.Errs), "error", "errors"), instead)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// readDataFile reads and parses the data file name of dir, if it exists;
// a file that cannot be read or parsed is a version with errors.
func readDataFile(dir Dir, name string) (dataFile, bool) {
	f := dataFile{path: filepath.Join(dir.Path, name)}
	raw, err := ReadFile(dir.FS, name, dir.MaxFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		return f, false
	}
	fail := func(line int, err error) (dataFile, bool) {
		f.errs = append(f.errs, &FileError{Path: f.path, Line: line, Err: err})
		return f, true
	}
	if err != nil {
		return fail(0, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return fail(yamlErrorLine(err), fmt.Errorf("not valid YAML: %w", err))
	}
	if len(root.Content) == 0 {
		return fail(0, errors.New("the file is empty"))
	}
	if want := fileShape(name); root.Content[0].Kind != want {
		return fail(root.Content[0].Line, fmt.Errorf("%s must hold a %s at its top", name, shapeName(want)))
	}
	f.raw, f.root = raw, &root
	return f, true
}

// choose loads the newest of the versions of a data file that has no
// errors, and records its path in d.Files; each newer version is reported
// with its errors and as unused. When every version has errors, the first
// is loaded for what in it is right. With no version, load gets an empty
// dataFile.
func choose[T any](l *loader, d *Data, versions []dataFile, load func(*loader, dataFile) T) T {
	var unused []*UnusedFileError
	for i := len(versions) - 1; i >= 0; i-- {
		f := versions[i]
		try := loader{errs: f.errs}
		v := load(&try, f)
		l.errs = append(l.errs, try.errs...)
		if len(try.errs) > 0 && i > 0 {
			unused = append(unused, &UnusedFileError{Path: f.path, Errs: try.errs})
			continue
		}
		if f.root != nil {
			d.Files[filepath.Base(f.path)] = f.path
			for _, u := range unused {
				u.Using = f.path
			}
		}
		for _, u := range unused {
			l.errs = append(l.errs, u)
		}
		return v
	}
	return load(l, dataFile{})
}

// fileShape is the YAML node a data file holds at its top: the sources and
// the curated answers are lists, the other files mappings of lists.
func fileShape(name string) yaml.Kind {
	if name == SourcesFile || name == CuratedFile {
		return yaml.SequenceNode
	}
	return yaml.MappingNode
}

func shapeName(k yaml.Kind) string {
	if k == yaml.SequenceNode {
		return "list"
	}
	return "mapping"
}

// dataFile is one version of a data file: its content, parsed, or the
// errors that kept it from being read or parsed.
type dataFile struct {
	path string
	raw  []byte
	root *yaml.Node
	errs []error
	// decoded is the file decoded into its type while the releases load
	// (decodeFile), if it was.
	decoded *decodedFile
}

// decodedFile is a data file decoded into its type (loader.decode), with
// the errors of decoding it and whether it could be.
type decodedFile struct {
	value any // *[]Source, *citiesFile or *Alliance
	errs  []error
	ok    bool
}

// decodeFile decodes the parsed data file f of name into its type. The
// decoder parses the file again, with its own checks (KnownFields): it
// took about 5 ms of a start, after the releases had loaded, when
// decoded there.
func decodeFile(name string, f dataFile) *decodedFile {
	var v any
	switch {
	case f.root == nil:
		return nil
	case name == SourcesFile:
		v = new([]Source)
	case name == CitiesFile:
		v = new(citiesFile)
	case name == AllianceFile:
		v = new(Alliance)
	default:
		return nil
	}
	var l loader
	ok := l.decode(f, v)
	return &decodedFile{value: v, errs: l.errs, ok: ok}
}

// decoded gives what the data file f was decoded into, decoding it if it
// was not, with the errors of decoding it reported to l, and whether it
// could be decoded.
func decoded[T any](l *loader, f dataFile) (T, bool) {
	if f.decoded == nil {
		v := new(T)
		ok := l.decode(f, v)
		return *v, ok
	}
	l.errs = append(l.errs, f.decoded.errs...)
	v, _ := f.decoded.value.(*T)
	if v == nil {
		var zero T
		return zero, false
	}
	return *v, f.decoded.ok
}

type loader struct {
	errs []error
	// stamps are the stamps of the release files of Lazy directories, by
	// release ID.
	stamps map[string]Stamp
}

func (l *loader) fail(path string, line int, err error) {
	l.errs = append(l.errs, &FileError{Path: path, Line: line, Err: err})
}

// releaseSet holds releases in the order added, one of each ID: a
// release of an ID there replaces it (loadReleases).
type releaseSet struct {
	list []Release
	at   map[string]int // index in list by ID
}

// loadReleases reads the releases of dir into into. It returns ctx's
// error when ctx ends, and reports every other problem.
func (l *loader) loadReleases(ctx context.Context, dir Dir, into *releaseSet) error {
	entries, err := readFolder(dir.FS, ReleasesDir, dir.Lazy)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		l.fail(filepath.Join(dir.Path, ReleasesDir), 0, err)
		return nil
	}
	// Sized for the folder at once: an archive has many releases.
	at := make(map[string]int, len(into.at)+len(entries))
	maps.Copy(at, into.at)
	into.at, into.list = at, slices.Grow(into.list, len(entries))
	if dir.Lazy {
		stamps := make(map[string]Stamp, len(l.stamps)+len(entries))
		maps.Copy(stamps, l.stamps)
		l.stamps = stamps
	}
	// A release read from this folder has its file there as its Source.
	folder := filepath.Join(dir.Path, ReleasesDir)
	known, err := knownReleases(ctx, dir, folder, entries)
	if err != nil {
		return err
	}
	// The files not known are read in chunks, each on several cores (a
	// first start reads every release of the archive), and added with
	// those known in the order of their names.
	type taken struct {
		release Release
		err     error
	}
	chunk := make([]taken, min(len(entries), readChunk))
	for start := 0; start < len(entries); start += readChunk {
		part := entries[start:min(start+readChunk, len(entries))]
		inParallel(len(part), func(i int) {
			e := &part[i]
			chunk[i] = taken{}
			if e.isDir() || !e.release || known[start+i] != nil || ctx.Err() != nil {
				return
			}
			chunk[i].release, chunk[i].err = readRelease(dir, e, folder)
		})
		if err := ctx.Err(); err != nil {
			return err
		}
		for i := range part {
			e, t := &part[i], &chunk[i]
			if e.isDir() || !e.release {
				continue
			}
			if t.err != nil {
				l.errs = append(l.errs, t.err)
				continue
			}
			r := &t.release
			if k := known[start+i]; k != nil {
				r = k
			}
			// One look-up for both: a start adds every release.
			at, dup := into.at[r.ID]
			switch {
			case dup && filepath.Dir(into.list[at].Source) == folder:
				l.fail(filepath.Join(folder, e.name), 0, fmt.Errorf("release id %q is already used by %s", r.ID, into.list[at].Source))
				continue
			case dup:
				into.list[at] = *r
			default:
				at = len(into.list)
				into.at[r.ID] = at
				into.list = append(into.list, *r)
			}
			if k := &into.list[at]; !inFolder(k.Source, folder, e.name) {
				// A release known from a folder named another way.
				k.Source = filepath.Join(folder, e.name)
			}
			if dir.Lazy {
				l.stamps[r.ID] = e.stamp
			}
		}
	}
	return nil
}

// readChunk is how many release files are read at once: enough for the
// cores to share, few enough that the releases read and not yet added
// stay small.
const readChunk = 4 * batch

// knownReleases asks dir.Known, for a Lazy directory, which of the
// release files entries of its folder at path folder it knows as they
// are: known[i] is the release of entries[i], or nil for a file to read.
// A link is always read: its own stamp says nothing of the file it leads
// to. It returns ctx's error if ctx ends while dir.Known answers (it may
// wait for an index being opened).
func knownReleases(ctx context.Context, dir Dir, folder string, entries []folderEntry) ([]*Release, error) {
	known := make([]*Release, len(entries))
	if !dir.Lazy || dir.Known == nil {
		return known, nil
	}
	files := make([]File, 0, len(entries))
	at := make([]int32, 0, len(entries)) // the entry of each of files
	for i := range entries {
		if e := &entries[i]; e.release && e.err == nil && e.typ&(fs.ModeDir|fs.ModeSymlink) == 0 {
			files = append(files, File{Name: e.name, Stamp: e.stamp})
			at = append(at, int32(i))
		}
	}
	if len(files) == 0 {
		return known, nil
	}
	got := dir.Known(folder, files)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i, r := range got[:min(len(got), len(files))] {
		known[at[i]] = r
	}
	return known, nil
}

// inFolder reports whether path is the file name of folder as
// filepath.Join makes it, without making it.
func inFolder(path, folder, name string) bool {
	return len(path) == len(folder)+1+len(name) && path[len(folder)] == filepath.Separator &&
		path[:len(folder)] == folder && path[len(folder)+1:] == name
}

// readRelease reads the release file e of dir's folder at path folder:
// a Lazy directory's release without its text.
func readRelease(dir Dir, e *folderEntry, folder string) (Release, error) {
	p := filepath.Join(folder, e.name)
	if e.err != nil {
		return Release{}, &FileError{Path: p, Err: e.err}
	}
	raw, err := ReadFile(dir.FS, path.Join(ReleasesDir, e.name), dir.MaxFileSize)
	if err != nil {
		return Release{}, &FileError{Path: p, Err: err}
	}
	r, err := ParseRelease(p, raw)
	if err != nil {
		return Release{}, err
	}
	if dir.Lazy {
		r = withoutText(r)
	}
	return r, nil
}

// IsReleaseFile reports whether a file name has the extension of a release:
// .txt, .md or .markdown. Hidden and temporary files are not releases.
func IsReleaseFile(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") {
		return false
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".markdown":
		return true
	}
	return false
}

// decode reads f strictly into v. Type errors and unknown keys are
// reported with their lines; the values that did decode are kept.
func (l *loader) decode(f dataFile, v any) bool {
	dec := yaml.NewDecoder(strings.NewReader(string(f.raw)))
	dec.KnownFields(true)
	err := dec.Decode(v)
	var te *yaml.TypeError
	switch {
	case errors.As(err, &te):
		for _, msg := range te.Errors {
			line, text := splitYAMLLine(msg)
			l.fail(f.path, line, errors.New(text))
		}
	case err != nil:
		l.fail(f.path, yamlErrorLine(err), err)
		return false
	}
	return true
}

// sourceSet is the corpus's sources: every release is a source in its
// own right, unless the sources file lists one of its ID, and those of
// the sources file. Its sources are not made one by one until they are
// listed in order (list): a map of 100,000 of them, made at every start
// and sorted, took about 70 ms of a start at 100,000 releases.
type sourceSet struct {
	releases map[string]int    // the releases, by ID (releaseSet.at)
	listed   map[string]Source // those of the sources file, by ID
}

func (l *loader) loadSources(f dataFile, releases map[string]int) sourceSet {
	set := sourceSet{releases: releases, listed: map[string]Source{}}
	if f.root == nil {
		return set
	}
	list, ok := decoded[[]Source](l, f)
	if !ok {
		return set
	}
	lines := itemLines(f.root, "")
	for i, s := range list {
		line := lines.at(i)
		switch {
		case s.ID == "" || s.Title == "":
			l.fail(f.path, line, errors.New("a source needs an id and a title"))
			continue
		case s.Release != "" && !set.isRelease(s.Release):
			l.fail(f.path, line, fmt.Errorf("source %q names release %q, which is not in the corpus", s.ID, s.Release))
			s.Release = ""
		}
		// A release's own source, or one listed as a release's, may be
		// listed again; any other is not.
		if kept, dup := set.listed[s.ID]; dup && !isReleaseSource(kept) {
			l.fail(f.path, line, fmt.Errorf("source id %q is used twice", s.ID))
			continue
		}
		set.listed[s.ID] = s
	}
	return set
}

func isReleaseSource(s Source) bool { return s.Release == s.ID }

func (set sourceSet) isRelease(id string) bool {
	_, ok := set.releases[id]
	return ok
}

// has reports whether a source of id is among the set's.
func (set sourceSet) has(id string) bool {
	_, ok := set.listed[id]
	return ok || set.isRelease(id)
}

// list makes the set's sources in the order of their IDs, releases
// being the releases it was made with. They are made at once in a list
// of their size (growing a list of 100,000 step by step left four times
// its size behind), each in its place: a Source is 136 bytes to move at
// each step of a sort. The releases come in the order of their files'
// names, most often that of their IDs: their places are sorted only when
// they are not in order.
func (set sourceSet) list(releases []Release) []Source {
	// The releases whose source the file lists: few, most often none.
	replaced := map[string]bool{}
	for id := range set.listed {
		if set.isRelease(id) {
			replaced[id] = true
		}
	}
	n := len(releases) - len(replaced) + len(set.listed)
	if n == 0 {
		return nil
	}
	// The releases of their own sources, by their places, in the order
	// of their IDs.
	own := make([]int32, 0, len(releases)-len(replaced))
	for i := range releases {
		if len(replaced) == 0 || !replaced[releases[i].ID] {
			own = append(own, int32(i))
		}
	}
	byID := func(a, b int32) int { return strings.Compare(releases[a].ID, releases[b].ID) }
	if !slices.IsSortedFunc(own, byID) {
		slices.SortFunc(own, byID)
	}
	listed := slices.SortedFunc(maps.Values(set.listed), func(a, b Source) int { return strings.Compare(a.ID, b.ID) })
	// Each listed one where it goes among the releases', each of which
	// is made in its place.
	sources := make([]Source, 0, n)
	addOwn := func(places []int32) {
		for _, i := range places {
			r := &releases[i]
			sources = append(sources, Source{ID: r.ID, Title: r.Title, URL: r.URL, Date: DateOf(r.Date), Release: r.ID})
		}
	}
	for _, s := range listed {
		at, _ := slices.BinarySearchFunc(own, s.ID, func(i int32, id string) int { return strings.Compare(releases[i].ID, id) })
		addOwn(own[:at])
		own = own[at:]
		sources = append(sources, s)
	}
	addOwn(own)
	return sources
}

func (l *loader) checkCite(path string, line int, what string, c Cite, sources sourceSet) bool {
	switch {
	case c.Source == "":
		l.fail(path, line, fmt.Errorf("%s has no source", what))
	case c.AsOf.IsZero():
		l.fail(path, line, fmt.Errorf("%s has no as_of date", what))
	default:
		if !sources.has(c.Source) {
			l.fail(path, line, fmt.Errorf("%s names unknown source %q", what, c.Source))
			return false
		}
		return true
	}
	return false
}

// citiesFile is what cities.yaml holds, as decoded; cityData what of it
// is right.
type citiesFile struct {
	Regions []Region `yaml:"regions"`
	Cities  []City   `yaml:"cities"`
}

type cityData struct {
	regions []Region
	cities  []City
}

func (l *loader) loadCities(f dataFile, sources sourceSet) cityData {
	if f.root == nil {
		return cityData{}
	}
	file, ok := decoded[citiesFile](l, f)
	if !ok {
		return cityData{}
	}

	var regions []Region
	regionCountry := map[string]string{}
	lines := itemLines(f.root, "regions")
	for i, r := range file.Regions {
		line := lines.at(i)
		switch {
		case r.Key == "" || (r.Country != Germany && r.Country != China):
			l.fail(f.path, line, fmt.Errorf("region %q needs a key and a country (DE or CN)", r.Key))
		case r.Names[German] == "" || r.Names[English] == "" || r.Names[Chinese] == "":
			l.fail(f.path, line, fmt.Errorf("region %q needs names in de, en and zh", r.Key))
		case regionCountry[r.Key] != "":
			l.fail(f.path, line, fmt.Errorf("region key %q is used twice", r.Key))
		default:
			regionCountry[r.Key] = r.Country
			regions = append(regions, r)
		}
	}

	var cities []City
	names := map[string]string{}
	lines = itemLines(f.root, "cities")
	for i, c := range file.Cities {
		line := lines.at(i)
		what := fmt.Sprintf("city %q", c.Name)
		switch {
		case c.Name == "":
			l.fail(f.path, line, errors.New("a city needs a name"))
			continue
		case c.Country != Germany && c.Country != China:
			l.fail(f.path, line, fmt.Errorf("%s: country %q is not DE or CN", what, c.Country))
			continue
		case regionCountry[c.Region] != c.Country:
			l.fail(f.path, line, fmt.Errorf("%s: region %q is not a region of %s", what, c.Region, c.Country))
			continue
		case c.Coords != nil && !(c.Coords.Lat >= -90 && c.Coords.Lat <= 90 && c.Coords.Lon >= -180 && c.Coords.Lon <= 180):
			l.fail(f.path, line, fmt.Errorf("%s: coords %v, %v are no latitude (-90 to 90) and longitude (-180 to 180)", what, c.Coords.Lat, c.Coords.Lon))
			continue
		case !slices.Contains([]string{StatusMember, StatusGuest, StatusFormer, StatusNone}, c.Status):
			l.fail(f.path, line, fmt.Errorf("%s: status %q is not member, guest, former or none", what, c.Status))
			continue
		case !l.checkCite(f.path, line, what, c.Cite, sources):
			continue
		}
		if !c.Joined.IsZero() && (c.JoinedCite == nil || !l.checkCite(f.path, line, what+" join date", *c.JoinedCite, sources)) {
			if c.JoinedCite == nil {
				l.fail(f.path, line, fmt.Errorf("%s: a join date needs joined_cite", what))
			}
			c.Joined, c.JoinedCite = Date{}, nil
		}
		if other, dup := names[c.Name]; dup {
			l.fail(f.path, line, fmt.Errorf("%s is listed twice (also line %s)", what, other))
			continue
		}
		names[c.Name] = strconv.Itoa(line)
		cities = append(cities, c)
	}
	if len(file.Cities) == 0 {
		l.fail(f.path, keyLine(f.root, "cities"), errors.New("no city is listed under cities:"))
	}
	return cityData{regions: regions, cities: cities}
}

func (l *loader) loadAlliance(f dataFile, sources sourceSet) Alliance {
	if f.root == nil {
		return Alliance{}
	}
	a, ok := decoded[Alliance](l, f)
	if !ok {
		return a
	}
	// keep returns the entries of list whose cite checks out.
	keep := func(key string, n int, cite func(i int) (string, Cite)) []int {
		lines := itemLines(f.root, key)
		var ok []int
		for i := range n {
			what, c := cite(i)
			if l.checkCite(f.path, lines.at(i), what, c, sources) {
				ok = append(ok, i)
			}
		}
		return ok
	}
	a.Names = pick(a.Names, keep("names", len(a.Names), func(i int) (string, Cite) {
		return fmt.Sprintf("name %q", a.Names[i].Name), a.Names[i].Cite
	}))
	a.Counts = pick(a.Counts, keep("counts", len(a.Counts), func(i int) (string, Cite) {
		return "member count", a.Counts[i].Cite
	}))
	for i, as := range a.Assemblies {
		if !as.LastDay.IsZero() && (as.Date.Day == 0 || as.LastDay.Day == 0 || !as.Date.Time().Before(as.LastDay.Time())) {
			l.fail(f.path, itemLines(f.root, "assemblies").at(i), fmt.Errorf("assembly %d: last_day %s is no day after its date %s", as.Number, as.LastDay, as.Date))
			a.Assemblies[i].LastDay = Date{}
		}
	}
	a.Assemblies = pick(a.Assemblies, keep("assemblies", len(a.Assemblies), func(i int) (string, Cite) {
		return fmt.Sprintf("assembly %d", a.Assemblies[i].Number), a.Assemblies[i].Cite
	}))
	a.Offices = pick(a.Offices, keep("offices", len(a.Offices), func(i int) (string, Cite) {
		return fmt.Sprintf("office %q", a.Offices[i].Organisation), a.Offices[i].Cite
	}))
	a.People = pick(a.People, keep("people", len(a.People), func(i int) (string, Cite) {
		return fmt.Sprintf("person %q", a.People[i].Name), a.People[i].Cite
	}))
	for _, e := range []struct {
		key   string
		event *Event
	}{{"founded", &a.Founded}, {"founding_conference", &a.FoundingConference}, {"proposed", &a.Proposed}, {"prospective", &a.Prospective}} {
		if e.event.Date.IsZero() && e.event.Source == "" {
			continue
		}
		if !l.checkCite(f.path, keyLine(f.root, e.key), e.key, e.event.Cite, sources) {
			*e.event = Event{}
		}
	}
	if a.Website.URL != "" && !l.checkCite(f.path, keyLine(f.root, "website"), "website", a.Website.Cite, sources) {
		a.Website = Website{}
	}
	return a
}

func pick[T any](list []T, indexes []int) []T {
	out := make([]T, 0, len(indexes))
	for _, i := range indexes {
		out = append(out, list[i])
	}
	return out
}

// lineList holds the line of each item of a YAML sequence.
type lineList []int

func (ll lineList) at(i int) int {
	if i < len(ll) {
		return ll[i]
	}
	return 0
}

// itemLines finds the sequence under key in the document's top mapping
// (or the top-level sequence when key is empty) and returns the lines of
// the items that decode into the list, so that they stay in step with it.
func itemLines(doc *yaml.Node, key string) lineList {
	n := valueNode(doc, key)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	lines := make(lineList, 0, len(n.Content))
	for _, item := range n.Content {
		if decodesToStruct(item) {
			lines = append(lines, item.Line)
		}
	}
	return lines
}

// decodesToStruct reports whether the YAML decoder keeps item in a list of
// structs. It leaves out an item that is no mapping (a scalar or a list,
// reported as a type error; an empty item, silently) and a mapping with a
// repeated key (reported).
func decodesToStruct(item *yaml.Node) bool {
	for item.Kind == yaml.AliasNode && item.Alias != nil {
		item = item.Alias
	}
	if item.Kind != yaml.MappingNode {
		return false
	}
	keys := item.Content
	for i := 0; i < len(keys); i += 2 {
		for j := i + 2; j < len(keys); j += 2 {
			if keys[i].Kind == keys[j].Kind && keys[i].Value == keys[j].Value {
				return false
			}
		}
	}
	return true
}

func keyLine(doc *yaml.Node, key string) int {
	if n := valueNode(doc, key); n != nil {
		return n.Line
	}
	return 0
}

func valueNode(doc *yaml.Node, key string) *yaml.Node {
	n := doc
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	if key == "" {
		return n
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// splitYAMLLine takes "line 12: message" apart.
func splitYAMLLine(msg string) (int, string) {
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return 0, msg
	}
	n, _ := strconv.Atoi(m[1])
	return n, m[2]
}

func yamlErrorLine(err error) int {
	line, _ := splitYAMLLine(err.Error())
	return line
}
