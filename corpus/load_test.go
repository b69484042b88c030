package corpus

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// embeddedRelease is the ID of the one release of the default corpus.
const embeddedRelease = "2021-02-11-isa-fruehlingsfest"

// testDir is a corpus directory held in memory; path names it in errors.
func testDir(path string, files map[string]string) Dir {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return Dir{FS: fsys, Path: path}
}

// mdRelease is a minimal Markdown release.
func mdRelease(title, date string) string {
	return "---\ntitle: " + title + "\ndate: " + date + "\nlang: de\n---\n" + title + ": Text der Meldung.\n"
}

// lineOf returns the 1-based line where marker, which must occur once in
// text, starts, so that fixtures can change without renumbering the tests.
func lineOf(t *testing.T, text, marker string) int {
	t.Helper()
	i := strings.Index(text, marker)
	if i < 0 {
		t.Fatalf("marker %q is not in the fixture", marker)
	}
	if strings.Contains(text[i+len(marker):], marker) {
		t.Fatalf("marker %q is in the fixture more than once", marker)
	}
	return strings.Count(text[:i], "\n") + 1
}

// wantErr is an error Load should report: in file, on the line of marker
// (line 0, for the whole file, when marker is ""), containing msg.
type wantErr struct {
	file   string // the path, as Load names it
	marker string
	msg    string
}

// checkErrs compares errs, in order, with want. text maps each file's path
// to its content, to find the markers in.
func checkErrs(t *testing.T, errs []error, text map[string]string, want []wantErr) {
	t.Helper()
	if len(errs) != len(want) {
		t.Errorf("got %d errors, want %d:", len(errs), len(want))
		for _, err := range errs {
			t.Errorf("  %v", err)
		}
	}
	for i, w := range want {
		if i >= len(errs) {
			t.Errorf("missing error: %s at %q: %s", w.file, w.marker, w.msg)
			continue
		}
		var fe *FileError
		if !errors.As(errs[i], &fe) {
			t.Errorf("error %d = %v (%T), want a *FileError", i, errs[i], errs[i])
			continue
		}
		line := 0
		if w.marker != "" {
			line = lineOf(t, text[w.file], w.marker)
		}
		if fe.Path != w.file || fe.Line != line {
			t.Errorf("error %d at %s:%d, want %s:%d (%v)", i, fe.Path, fe.Line, w.file, line, fe)
		}
		if !strings.Contains(fe.Error(), w.msg) {
			t.Errorf("error %d = %q, want it to contain %q", i, fe, w.msg)
		}
	}
}

func loadClean(t *testing.T, dirs ...Dir) *Data {
	t.Helper()
	d, errs := Load(dirs...)
	for _, err := range errs {
		t.Errorf("unexpected problem: %v", err)
	}
	return d
}

func releaseIDs(d *Data) []string {
	var ids []string
	for _, r := range d.Releases {
		ids = append(ids, r.ID)
	}
	return ids
}

func cityNames(d *Data) []string {
	var names []string
	for _, c := range d.Cities {
		names = append(names, c.Name)
	}
	return names
}

func findCity(d *Data, name string) *City {
	for i := range d.Cities {
		if d.Cities[i].Name == name {
			return &d.Cities[i]
		}
	}
	return nil
}

func findSource(d *Data, id string) *Source {
	for i := range d.Sources {
		if d.Sources[i].ID == id {
			return &d.Sources[i]
		}
	}
	return nil
}

func TestLoadEmbedded(t *testing.T) {
	d := loadClean(t, Embedded())

	if got := releaseIDs(d); !slices.Equal(got, []string{embeddedRelease}) {
		t.Errorf("releases = %q, want [%s]", got, embeddedRelease)
	}
	if r := d.Releases[0]; r.Title == "" || len(r.Body) == 0 || r.Source != filepath.Join("(embedded)", ReleasesDir, embeddedRelease+".txt") {
		t.Errorf("release %s: title %q, %d paragraphs, source %q", r.ID, r.Title, len(r.Body), r.Source)
	}
	// A release is a source of its own, and the source of the release
	// names it.
	if s := findSource(d, embeddedRelease); s == nil || s.Release != embeddedRelease || s.Date != (Date{2021, time.February, 11}) {
		t.Errorf("source %s = %+v, want the release as a source", embeddedRelease, s)
	}
	if s := findSource(d, "pm-2021-02-11"); s == nil || s.Release != embeddedRelease {
		t.Errorf("source pm-2021-02-11 = %+v, want it to name release %s", s, embeddedRelease)
	}
	if !slices.IsSortedFunc(d.Sources, func(a, b Source) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("sources are not sorted by id")
	}

	sources := map[string]bool{}
	for _, s := range d.Sources {
		sources[s.ID] = true
	}
	regions := map[string]Region{}
	for _, r := range d.Regions {
		regions[r.Key] = r
	}
	members := map[string]int{} // country → members
	memberRegions := map[string]map[string]bool{Germany: {}, China: {}}
	for _, c := range d.Cities {
		if !sources[c.Source] {
			t.Errorf("%s cites unknown source %q", c.Name, c.Source)
		}
		if c.AsOf.IsZero() {
			t.Errorf("%s has no as_of", c.Name)
		}
		if c.JoinedCite != nil && !sources[c.JoinedCite.Source] {
			t.Errorf("%s: join date cites unknown source %q", c.Name, c.JoinedCite.Source)
		}
		if r, ok := regions[c.Region]; !ok || r.Country != c.Country {
			t.Errorf("%s (%s) is in region %q, not one of its country", c.Name, c.Country, c.Region)
		}
		if c.IsMember() {
			members[c.Country]++
			memberRegions[c.Country][c.Region] = true
		}
	}
	// The release of 11 February 2021 names 20 German members from 8
	// Länder; the sources name 26 of the 27 Chinese members, from 14
	// provinces.
	if members[Germany] != 20 || len(memberRegions[Germany]) != 8 {
		t.Errorf("German members: %d from %d regions, want 20 from 8", members[Germany], len(memberRegions[Germany]))
	}
	if members[China] != 26 || len(memberRegions[China]) != 14 {
		t.Errorf("Chinese members: %d from %d regions, want 26 from 14", members[China], len(memberRegions[China]))
	}

	for _, tt := range []struct {
		name, status, joined string
	}{
		{"Köln", StatusMember, "2017-04-24"},
		{"Dortmund", StatusGuest, ""},
		{"Taicang", StatusMember, "2019-10"},
		{"Yunfu", StatusFormer, ""},
		{"Berlin", StatusNone, ""},
	} {
		c := findCity(d, tt.name)
		if c == nil {
			t.Errorf("%s is missing", tt.name)
			continue
		}
		if c.Status != tt.status || c.Joined.String() != tt.joined {
			t.Errorf("%s: status %q, joined %q; want %q, %q", tt.name, c.Status, c.Joined, tt.status, tt.joined)
		}
	}
	if c := findCity(d, "Köln"); c != nil && (c.JoinedCite == nil || c.JoinedCite.Source != "shundecity-2017-04" || c.Names[English] != "Cologne") {
		t.Errorf("Köln = %+v, want joined_cite shundecity-2017-04 and the name Cologne", c)
	}

	a := d.Alliance
	if len(a.Counts) == 0 {
		t.Fatal("no member counts")
	}
	newest := a.Counts[0]
	for _, c := range a.Counts[1:] {
		if newest.AsOf.Before(c.AsOf) {
			newest = c
		}
	}
	if newest.Total != 47 || newest.Germany != 20 || newest.China != 27 || newest.AsOf.String() != "2021-07" {
		t.Errorf("newest count = %+v, want 47/20/27 as of 2021-07", newest)
	}
	if a.Founded.Date.String() != "2016-04" || a.FoundingConference.Date.String() != "2016-04-25" || a.Proposed.Date.String() != "2015-09-10" {
		t.Errorf("founded %s, founding conference %s, proposed %s", a.Founded.Date, a.FoundingConference.Date, a.Proposed.Date)
	}
	if len(a.Names) != 6 || len(a.Assemblies) != 7 || len(a.Offices) != 3 || len(a.People) != 4 || a.Website.URL != "www.isa-portal.de" {
		t.Errorf("alliance: %d names, %d assemblies, %d offices, %d people, website %q; want 6, 7, 3, 4, www.isa-portal.de",
			len(a.Names), len(a.Assemblies), len(a.Offices), len(a.People), a.Website.URL)
	}
}

// TestLoadSameTwice loads the data directory on disk over the embedded
// copy of it: every file replaces its twin and nothing changes.
func TestLoadSameTwice(t *testing.T) {
	once := loadClean(t, Embedded())
	twice := loadClean(t, Embedded(), OSDir("data"))
	if !equalDocs(once.Cities, twice.Cities) || !equalDocs(once.Alliance, twice.Alliance) || !equalDocs(once.Regions, twice.Regions) {
		t.Error("the data directory on disk loads differently from the embedded one")
	}
	if got := releaseIDs(twice); !slices.Equal(got, []string{embeddedRelease}) {
		t.Errorf("releases = %q, want [%s]", got, embeddedRelease)
	}
	if src := twice.Releases[0].Source; src != filepath.Join("data", ReleasesDir, embeddedRelease+".txt") {
		t.Errorf("release source = %q, want the later directory's file", src)
	}
}

func TestLoadOverlay(t *testing.T) {
	const overlay = "overlay"
	base := loadClean(t, Embedded())
	embeddedSources := string(readFile(t, filepath.Join("data", SourcesFile)))

	tests := []struct {
		name  string
		files map[string]string
		check func(t *testing.T, d *Data)
	}{
		{
			name:  "empty",
			files: map[string]string{},
			check: func(t *testing.T, d *Data) {
				if !equalDocs(d, base) {
					t.Error("an empty directory changes the corpus")
				}
			},
		},
		{
			name: "adds a release",
			files: map[string]string{
				"releases/2022-05-10-neue-mitglieder.md": mdRelease("Neue Mitglieder", "2022-05-10"),
				"releases/2019-10-01-alt.markdown":       mdRelease("Ältere Meldung", "2019-10-01"),
				// The same day: by ID.
				"releases/2019-10-01-a.md": mdRelease("A", "2019-10-01"),
				"releases/2019-10-01-d.md": mdRelease("D", "2019-10-01"),
				"releases/x-zweite.md":     "---\nid: 2019-10-01-c\ntitle: C\ndate: 2019-10-01\nlang: de\n---\nText.\n",
				"releases/a-dritte.md":     "---\nid: 2019-10-01-b\ntitle: B\ndate: 2019-10-01\nlang: de\n---\nText.\n",
			},
			check: func(t *testing.T, d *Data) {
				want := []string{"2019-10-01-a", "2019-10-01-alt", "2019-10-01-b", "2019-10-01-c", "2019-10-01-d", embeddedRelease, "2022-05-10-neue-mitglieder"}
				if got := releaseIDs(d); !slices.Equal(got, want) {
					t.Errorf("releases = %q, want %q (by date, then ID)", got, want)
				}
				r := d.Releases[6]
				if r.Title != "Neue Mitglieder" || r.Source != filepath.Join(overlay, ReleasesDir, "2022-05-10-neue-mitglieder.md") {
					t.Errorf("new release: title %q, source %q", r.Title, r.Source)
				}
				if s := findSource(d, r.ID); s == nil || s.Release != r.ID || s.Title != r.Title || s.Date.String() != "2022-05-10" {
					t.Errorf("source of the new release = %+v", s)
				}
				if len(d.Cities) != len(base.Cities) {
					t.Errorf("%d cities, want the embedded %d", len(d.Cities), len(base.Cities))
				}
			},
		},
		{
			name: "replaces a release by file name",
			files: map[string]string{
				"releases/" + embeddedRelease + ".md": mdRelease("Korrigierte Fassung", "2021-02-11"),
			},
			check: func(t *testing.T, d *Data) {
				if got := releaseIDs(d); !slices.Equal(got, []string{embeddedRelease}) {
					t.Fatalf("releases = %q, want only %s", got, embeddedRelease)
				}
				if r := d.Releases[0]; r.Title != "Korrigierte Fassung" || r.Source != filepath.Join(overlay, ReleasesDir, embeddedRelease+".md") {
					t.Errorf("release: title %q, source %q; want the overlay's", r.Title, r.Source)
				}
				// The source that names the release still finds it.
				if s := findSource(d, "pm-2021-02-11"); s == nil || s.Release != embeddedRelease {
					t.Errorf("source pm-2021-02-11 = %+v", s)
				}
			},
		},
		{
			name: "replaces a release by front matter id",
			files: map[string]string{
				"releases/korrektur.md": "---\nid: " + embeddedRelease + "\ntitle: Korrektur\ndate: 2021-02-12\nlang: de\n---\nText.\n",
			},
			check: func(t *testing.T, d *Data) {
				if got := releaseIDs(d); !slices.Equal(got, []string{embeddedRelease}) {
					t.Fatalf("releases = %q, want only %s", got, embeddedRelease)
				}
				if r := d.Releases[0]; r.Title != "Korrektur" || r.Date.Day() != 12 {
					t.Errorf("release: title %q, date %v; want the overlay's", r.Title, r.Date)
				}
			},
		},
		{
			name: "replaces cities.yaml",
			files: map[string]string{
				CitiesFile: "regions:\n  - {key: DE-NW, country: DE, names: {de: NRW, en: NRW, zh: 北威州}}\n" +
					"cities:\n  - {name: Neustadt, country: DE, region: DE-NW, status: member, source: pm-2021-02-11, as_of: 2022}\n",
			},
			check: func(t *testing.T, d *Data) {
				if got := cityNames(d); !slices.Equal(got, []string{"Neustadt"}) {
					t.Errorf("cities = %q, want only the overlay's Neustadt", got)
				}
				if len(d.Regions) != 1 {
					t.Errorf("%d regions, want the overlay's 1", len(d.Regions))
				}
				// The other data files stay.
				if !equalDocs(d.Alliance, base.Alliance) || !equalDocs(d.Sources, base.Sources) {
					t.Error("replacing cities.yaml changed the alliance or the sources")
				}
			},
		},
		{
			name: "replaces sources.yaml and alliance.yaml",
			files: map[string]string{
				SourcesFile:  embeddedSources + "\n- {id: only-here, title: Neu}\n",
				AllianceFile: "counts:\n  - {total: 50, germany: 21, china: 29, source: only-here, as_of: 2023}\n",
			},
			check: func(t *testing.T, d *Data) {
				if s := findSource(d, "only-here"); s == nil || len(d.Sources) != len(base.Sources)+1 {
					t.Error("sources.yaml was not replaced")
				}
				if len(d.Alliance.Counts) != 1 || d.Alliance.Counts[0].Total != 50 || len(d.Alliance.Names) != 0 {
					t.Errorf("alliance = %+v, want only the overlay's count", d.Alliance)
				}
			},
		},
		{
			name: "ignores hidden, backup and other files",
			files: map[string]string{
				"releases/.x.txt":                 "not a release",
				"releases/.entwurf.md":            "not a release",
				"releases/foo.txt~":               "not a release",
				"releases/foo.md~":                "not a release",
				"releases/notes.pdf":              "not a release",
				"releases/README":                 "not a release",
				"releases/sub/2022-01-01-tief.md": mdRelease("Im Unterordner", "2022-01-01"),
				"2022-01-01-oben.md":              mdRelease("Neben den Daten", "2022-01-01"),
				"extra.yaml":                      "not: [data",
			},
			check: func(t *testing.T, d *Data) {
				if !equalDocs(d, base) {
					t.Errorf("releases = %q: files that are no releases changed the corpus", releaseIDs(d))
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, loadClean(t, Embedded(), testDir(overlay, tt.files)))
		})
	}
}

// TestLoadOSDir loads testdata/load/overlay over the embedded corpus: a
// good release loads, a bad one is reported, files that are no releases
// are passed over.
func TestLoadOSDir(t *testing.T) {
	dir := filepath.Join("testdata", "load", "overlay")
	d, errs := Load(Embedded(), OSDir(dir))
	bad := filepath.Join(dir, ReleasesDir, "bad-date.md")
	checkErrs(t, errs, map[string]string{bad: string(readFile(t, bad))}, []wantErr{
		{bad, "date: 2022-02-30", `invalid date "2022-02-30": day 30 out of range for February 2022`},
	})
	want := []string{embeddedRelease, "2022-05-10-overlay"}
	if got := releaseIDs(d); !slices.Equal(got, want) {
		t.Errorf("releases = %q, want %q", got, want)
	}
	if r := d.Releases[1]; r.Source != filepath.Join(dir, ReleasesDir, "2022-05-10-overlay.md") || r.Place != "Berlin" {
		t.Errorf("release: source %q, place %q", r.Source, r.Place)
	}
}

func TestLoadBadReleases(t *testing.T) {
	const dir = "overlay"
	rel := func(name string) string { return filepath.Join(dir, ReleasesDir, name) }
	files := map[string]string{
		"releases/2022-01-10-gut.md":          mdRelease("Gut", "2022-01-10"),
		"releases/2022-02-01-schlecht.md":     "---\ntitle: Schlecht\ndate: 2022-13-01\nlang: de\n---\nText.\n",
		"releases/2022-03-01-ohne-text.md":    "---\ntitle: Ohne Text\ndate: 2022-03-01\nlang: de\n---\n\n",
		"releases/2022-04-01-leer.txt":        "",
		"releases/2022-05-01-latin1.txt":      "Berlin, den 01.05.2022\n\nMeldung f\xfcr Latin-1\n\nText.\n",
		"releases/2022-06-01-gut.markdown":    mdRelease("Auch gut", "2022-06-01"),
		"releases/2022-07-01-doppelt.md":      mdRelease("Erste", "2022-07-01"),
		"releases/a-doppelt.md":               "---\nid: 2022-07-01-doppelt\ntitle: Zweite\ndate: 2022-07-01\nlang: de\n---\nText.\n",
		"releases/" + embeddedRelease + ".md": "---\ntitle: Kaputte Korrektur\n---\nText.\n",
	}
	text := map[string]string{}
	for name, s := range files {
		text[filepath.Join(dir, name)] = s
	}
	d, errs := Load(Embedded(), testDir(dir, files))

	// Errors come in the order of the file names.
	checkErrs(t, errs, text, []wantErr{
		{rel(embeddedRelease + ".md"), "---\ntitle: Kaputte", "the front matter has no date"},
		{rel("2022-02-01-schlecht.md"), "date: 2022-13-01", `invalid date "2022-13-01": month 13 out of range`},
		{rel("2022-03-01-ohne-text.md"), "---\n\n", "no body text"}, // the closing "---"
		{rel("2022-04-01-leer.txt"), "", "empty file"},
		{rel("2022-05-01-latin1.txt"), "Meldung", "invalid UTF-8"},
		{rel("a-doppelt.md"), "", `release id "2022-07-01-doppelt" is already used by ` + rel("2022-07-01-doppelt.md")},
	})
	want := []string{embeddedRelease, "2022-01-10-gut", "2022-06-01-gut", "2022-07-01-doppelt"}
	if got := releaseIDs(d); !slices.Equal(got, want) {
		t.Errorf("releases = %q, want %q", got, want)
	}
	if r := d.Releases[0]; r.Source != filepath.Join("(embedded)", ReleasesDir, embeddedRelease+".txt") {
		t.Errorf("a bad replacement replaced the embedded release: source %q", r.Source)
	}
	if r := d.Releases[3]; r.Title != "Erste" {
		t.Errorf("release 2022-07-01-doppelt = %q, want the first file's (by name)", r.Title)
	}
	if len(d.Cities) == 0 || len(d.Alliance.Counts) == 0 {
		t.Error("bad releases cost the cities or the alliance facts")
	}
}

// Two files of a directory with the ID of an earlier directory's release:
// the first replaces it, the second is reported, as two files of one ID
// are in any directory; Lazy or not.
func TestLoadDuplicateOfReplaced(t *testing.T) {
	for _, lazy := range []bool{false, true} {
		const dir = "overlay"
		replacement := func(title string) string {
			return "---\nid: " + embeddedRelease + "\ntitle: " + title + "\ndate: 2021-02-11\nlang: de\n---\nText.\n"
		}
		files := map[string]string{
			"releases/x-ersatz.md": replacement("Ersatz"),
			"releases/y-ersatz.md": replacement("Noch ein Ersatz"),
		}
		overlay := testDir(dir, files)
		overlay.Lazy = lazy
		d, errs := Load(Embedded(), overlay)
		want := `release id "` + embeddedRelease + `" is already used by ` + filepath.Join(dir, ReleasesDir, "x-ersatz.md")
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), want) {
			t.Errorf("lazy %v: errors %v, want one: %s", lazy, errs, want)
		}
		if i := slices.IndexFunc(d.Releases, func(r Release) bool { return r.ID == embeddedRelease }); i < 0 || d.Releases[i].Title != "Ersatz" {
			t.Errorf("lazy %v: the embedded release was not replaced by the first file", lazy)
		}
	}
}

// The data files of a small corpus of its own, for the tests of bad
// entries. Each test replaces one of them.
const (
	testSources = `- id: src-a
  title: Source A
  date: 2021-02-11
- id: src-b
  title: Source B
`
	testRegions = `regions:
  - {key: DE-NW, country: DE, names: {de: Nordrhein-Westfalen, en: North Rhine-Westphalia, zh: 北莱茵-威斯特法伦州}}
  - {key: CN-GD, country: CN, names: {de: Guangdong, en: Guangdong, zh: 广东省}}
`
	testAachen = `  - name: Aachen
    country: DE
    region: DE-NW
    status: member
    source: src-a
    as_of: 2021-02-11
`
	testFoshan = `  - {name: Foshan, country: CN, region: CN-GD, status: member, source: src-b, as_of: 2021-07, joined: 2016-04, joined_cite: {source: src-b, as_of: 2016-04}}
`
	testAlliance = `names:
  - {lang: de, name: Testallianz, short: TA, source: src-a, as_of: 2021-02-11}
founded:
  date: 2016-04
  source: src-a
  as_of: 2021-02-11
counts:
  - {total: 47, germany: 20, china: 27, source: src-a, as_of: 2021-02-11}
  - {total: 46, germany: 20, china: 26, source: src-b, as_of: 2020}
website:
  url: www.example.org
  source: src-a
  as_of: 2021
`
)

// loadSmall loads the small corpus with files replaced, under the path
// "small". It returns the texts of the files by the paths errors use.
func loadSmall(replace map[string]string) (*Data, []error, map[string]string) {
	files := map[string]string{
		SourcesFile:  testSources,
		CitiesFile:   testRegions + "cities:\n" + testAachen + testFoshan,
		AllianceFile: testAlliance,
	}
	for name, s := range replace {
		files[name] = s
	}
	text := map[string]string{}
	for name, s := range files {
		text[filepath.Join("small", name)] = s
	}
	d, errs := Load(testDir("small", files))
	return d, errs, text
}

func TestLoadSmall(t *testing.T) {
	d, errs, _ := loadSmall(nil)
	for _, err := range errs {
		t.Errorf("unexpected problem: %v", err)
	}
	if got := cityNames(d); !slices.Equal(got, []string{"Aachen", "Foshan"}) {
		t.Errorf("cities = %q", got)
	}
	if c := findCity(d, "Foshan"); c == nil || c.Joined.String() != "2016-04" || c.JoinedCite == nil || c.AsOf.String() != "2021-07" {
		t.Errorf("Foshan = %+v", c)
	}
	if len(d.Releases) != 0 || len(d.Sources) != 2 || len(d.Regions) != 2 {
		t.Errorf("%d releases, %d sources, %d regions; want 0, 2, 2", len(d.Releases), len(d.Sources), len(d.Regions))
	}
	a := d.Alliance
	if len(a.Names) != 1 || len(a.Counts) != 2 || a.Founded.Date.String() != "2016-04" || a.Website.URL != "www.example.org" {
		t.Errorf("alliance = %+v", a)
	}
}

func TestLoadBadCities(t *testing.T) {
	file := filepath.Join("small", CitiesFile)
	tests := []struct {
		name  string
		entry string // between Aachen and Foshan
		errs  []wantErr
		want  []string // the cities that load
		check func(t *testing.T, d *Data)
	}{
		{
			name:  "unknown source",
			entry: "  - {name: Bonn, country: DE, region: DE-NW, status: none, source: nowhere, as_of: 2021}\n",
			errs:  []wantErr{{file, "name: Bonn", `city "Bonn" names unknown source "nowhere"`}},
			want:  []string{"Aachen", "Foshan"},
		},
		{
			name:  "no source",
			entry: "  - name: Bonn\n    country: DE\n    region: DE-NW\n    status: none\n    as_of: 2021\n",
			errs:  []wantErr{{file, "name: Bonn", `city "Bonn" has no source`}},
			want:  []string{"Aachen", "Foshan"},
		},
		{
			name:  "region of the other country",
			entry: "  - name: Bonn\n    country: DE\n    region: CN-GD\n    status: none\n    source: src-a\n    as_of: 2021\n",
			errs:  []wantErr{{file, "name: Bonn", `city "Bonn": region "CN-GD" is not a region of DE`}},
			want:  []string{"Aachen", "Foshan"},
		},
		{
			name:  "coords out of range",
			entry: "  - {name: Bonn, country: DE, region: DE-NW, coords: {lat: 7.1, lon: 250.7}, status: none, source: src-a, as_of: 2021}\n",
			errs:  []wantErr{{file, "name: Bonn", `city "Bonn": coords 7.1, 250.7 are no latitude (-90 to 90) and longitude (-180 to 180)`}},
			want:  []string{"Aachen", "Foshan"},
		},
		{
			name:  "coords not a number",
			entry: "  - {name: Bonn, country: DE, region: DE-NW, coords: {lat: .nan, lon: 7.1}, status: none, source: src-a, as_of: 2021}\n",
			errs:  []wantErr{{file, "name: Bonn", `city "Bonn": coords NaN, 7.1 are no latitude`}},
			want:  []string{"Aachen", "Foshan"},
		},
		{
			name:  "unknown region",
			entry: "  - {name: Bonn, country: DE, region: DE-XX, status: none, source: src-a, as_of: 2021}\n",
			errs:  []wantErr{{file, "name: Bonn", `region "DE-XX" is not a region of DE`}},
			want:  []string{"Aachen", "Foshan"},
		},
		{
			name:  "no region",
			entry: "  - {name: Bonn, country: DE, status: none, source: src-a, as_of: 2021}\n",
			errs:  []wantErr{{file, "name: Bonn", `region "" is not a region of DE`}},
			want:  []string{"Aachen", "Foshan"},
		},
		{
			name:  "bad country",
			entry: "  - {name: Paris, country: FR, region: DE-NW, status: none, source: src-a, as_of: 2021}\n",
			errs:  []wantErr{{file, "name: Paris", `city "Paris": country "FR" is not DE or CN`}},
			want:  []string{"Aachen", "Foshan"},
		},
		{
			name:  "bad status",
			entry: "  - name: Bonn\n    country: DE\n    region: DE-NW\n    status: observer\n    source: src-a\n    as_of: 2021\n",
			errs:  []wantErr{{file, "name: Bonn", `city "Bonn": status "observer" is not member, guest, former or none`}},
			want:  []string{"Aachen", "Foshan"},
		},
		{
			name:  "no status",
			entry: "  - {name: Bonn, country: DE, region: DE-NW, source: src-a, as_of: 2021}\n",
			errs:  []wantErr{{file, "name: Bonn", `status ""`}},
			want:  []string{"Aachen", "Foshan"},
		},
		{
			name:  "missing as_of",
			entry: "  - name: Bonn\n    country: DE\n    region: DE-NW\n    status: none\n    source: src-a\n",
			errs:  []wantErr{{file, "name: Bonn", `city "Bonn" has no as_of date`}},
			want:  []string{"Aachen", "Foshan"},
		},
		{
			name:  "bad as_of",
			entry: "  - name: Bonn\n    country: DE\n    region: DE-NW\n    status: none\n    source: src-a\n    as_of: 2021-13\n",
			errs: []wantErr{
				{file, "as_of: 2021-13", `invalid date "2021-13"`},
				{file, "name: Bonn", `city "Bonn" has no as_of date`},
			},
			want: []string{"Aachen", "Foshan"},
		},
		{
			name:  "join date without joined_cite",
			entry: "  - name: Bonn\n    country: DE\n    region: DE-NW\n    status: member\n    source: src-a\n    as_of: 2021\n    joined: 2018-04\n",
			errs:  []wantErr{{file, "name: Bonn", `city "Bonn": a join date needs joined_cite`}},
			want:  []string{"Aachen", "Bonn", "Foshan"},
			check: func(t *testing.T, d *Data) {
				if c := findCity(d, "Bonn"); !c.Joined.IsZero() || c.JoinedCite != nil {
					t.Errorf("Bonn keeps an unsourced join date %s", c.Joined)
				}
			},
		},
		{
			name:  "joined_cite with an unknown source",
			entry: "  - name: Bonn\n    country: DE\n    region: DE-NW\n    status: member\n    source: src-a\n    as_of: 2021\n    joined: 2018-04\n    joined_cite: {source: nowhere, as_of: 2018-04}\n",
			errs:  []wantErr{{file, "name: Bonn", `city "Bonn" join date names unknown source "nowhere"`}},
			want:  []string{"Aachen", "Bonn", "Foshan"},
			check: func(t *testing.T, d *Data) {
				if c := findCity(d, "Bonn"); !c.Joined.IsZero() || c.JoinedCite != nil || c.Source != "src-a" {
					t.Errorf("Bonn = %+v, want it without the join date", c)
				}
			},
		},
		{
			name:  "duplicate name",
			entry: "  - {name: Aachen, country: DE, region: DE-NW, status: none, source: src-b, as_of: 2020}\n",
			errs:  []wantErr{{file, "name: Aachen, country", `city "Aachen" is listed twice (also line 5)`}},
			want:  []string{"Aachen", "Foshan"},
			check: func(t *testing.T, d *Data) {
				if c := findCity(d, "Aachen"); c.Source != "src-a" || c.Status != StatusMember {
					t.Errorf("Aachen = %+v, want the first entry", c)
				}
			},
		},
		{
			name:  "no name",
			entry: "  - {country: DE, region: DE-NW, status: none, source: src-a, as_of: 2021}\n",
			errs:  []wantErr{{file, "{country: DE", "a city needs a name"}},
			want:  []string{"Aachen", "Foshan"},
		},
		{
			name:  "unknown key",
			entry: "  - name: Bonn\n    country: DE\n    region: DE-NW\n    mayor: Someone\n    status: none\n    source: src-a\n    as_of: 2021\n",
			errs:  []wantErr{{file, "mayor:", "field mayor not found in type corpus.City"}},
			want:  []string{"Aachen", "Bonn", "Foshan"},
			check: func(t *testing.T, d *Data) {
				if c := findCity(d, "Bonn"); c.Status != StatusNone || c.AsOf.String() != "2021" {
					t.Errorf("Bonn = %+v, want the fields after the unknown key too", c)
				}
			},
		},
		{
			name:  "misspelt key",
			entry: "  - {name: Bonn, country: DE, region: DE-NW, status: none, source: src-a, asof: 2021}\n",
			errs: []wantErr{
				{file, "asof:", "field asof not found"},
				{file, "name: Bonn", `city "Bonn" has no as_of date`},
			},
			want: []string{"Aachen", "Foshan"},
		},
		{
			name:  "wrong type",
			entry: "  - {name: Bonn, country: DE, region: DE-NW, status: none, source: src-a, as_of: 2021, aliases: Bonna}\n",
			errs:  []wantErr{{file, "name: Bonn", "cannot unmarshal !!str `Bonna` into []string"}},
			want:  []string{"Aachen", "Bonn", "Foshan"},
		},
		{
			// The decoder leaves such an entry out of the list; the
			// entries after it keep their own lines.
			name: "repeated key, then a bad entry",
			entry: "  - name: Bonn\n    country: DE\n    region: DE-NW\n    status: none\n    status: former\n    source: src-a\n    as_of: 2021\n" +
				"  - {name: Essen, country: DE, region: DE-NW, status: none, source: nowhere, as_of: 2021}\n",
			errs: []wantErr{
				{file, "status: former", `mapping key "status" already defined at line`},
				{file, "name: Essen", `city "Essen" names unknown source "nowhere"`},
			},
			want: []string{"Aachen", "Foshan"},
		},
		{
			name:  "an entry that is no mapping, then a bad entry",
			entry: "  - Bonn\n  - {name: Essen, country: DE, region: DE-NW, status: none, source: nowhere, as_of: 2021}\n",
			errs: []wantErr{
				{file, "- Bonn", "cannot unmarshal !!str `Bonn` into corpus.City"},
				{file, "name: Essen", `city "Essen" names unknown source "nowhere"`},
			},
			want: []string{"Aachen", "Foshan"},
		},
		{
			// The decoder drops it without a word.
			name:  "an empty entry, then a bad entry",
			entry: "  -\n  - {name: Essen, country: DE, region: DE-NW, status: none, source: nowhere, as_of: 2021}\n",
			errs:  []wantErr{{file, "name: Essen", `city "Essen" names unknown source "nowhere"`}},
			want:  []string{"Aachen", "Foshan"},
		},
		{
			name: "a list, then a bad entry",
			entry: "  - [Bonn, DE]\n" +
				"  - {name: Essen, country: DE, region: DE-NW, status: none, source: nowhere, as_of: 2021}\n",
			errs: []wantErr{
				{file, "- [Bonn", "cannot unmarshal !!seq into corpus.City"},
				{file, "name: Essen", `city "Essen" names unknown source "nowhere"`},
			},
			want: []string{"Aachen", "Foshan"},
		},
		{
			name: "an alias",
			entry: "  - &bonn {name: Bonn, country: DE, region: DE-NW, status: none, source: src-a, as_of: 2021}\n  - *bonn\n" +
				"  - {name: Essen, country: DE, region: DE-NW, status: none, source: nowhere, as_of: 2021}\n",
			errs: []wantErr{
				{file, "- *bonn", `city "Bonn" is listed twice`},
				{file, "name: Essen", `city "Essen" names unknown source "nowhere"`},
			},
			want: []string{"Aachen", "Bonn", "Foshan"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, errs, text := loadSmall(map[string]string{
				CitiesFile: testRegions + "cities:\n" + testAachen + tt.entry + testFoshan,
			})
			checkErrs(t, errs, text, tt.errs)
			if got := cityNames(d); !slices.Equal(got, tt.want) {
				t.Errorf("cities = %q, want %q", got, tt.want)
			}
			if len(d.Regions) != 2 || len(d.Alliance.Counts) != 2 {
				t.Errorf("%d regions, %d counts; want 2, 2", len(d.Regions), len(d.Alliance.Counts))
			}
			if tt.check != nil {
				tt.check(t, d)
			}
		})
	}
}

func TestLoadBadRegions(t *testing.T) {
	file := filepath.Join("small", CitiesFile)
	tests := []struct {
		name  string
		entry string // after the two good regions
		errs  []wantErr
	}{
		{
			name:  "no zh name",
			entry: "  - {key: DE-BY, country: DE, names: {de: Bayern, en: Bavaria}}\n",
			errs:  []wantErr{{file, "key: DE-BY", `region "DE-BY" needs names in de, en and zh`}},
		},
		{
			name:  "bad country",
			entry: "  - {key: FR-IDF, country: FR, names: {de: a, en: b, zh: c}}\n",
			errs:  []wantErr{{file, "key: FR-IDF", `region "FR-IDF" needs a key and a country (DE or CN)`}},
		},
		{
			name:  "no key",
			entry: "  - {country: DE, names: {de: a, en: b, zh: c}}\n",
			errs:  []wantErr{{file, "{country: DE", `region "" needs a key`}},
		},
		{
			name:  "key used twice",
			entry: "  - {key: DE-NW, country: DE, names: {de: a, en: b, zh: c}}\n",
			errs:  []wantErr{{file, "{de: a", `region key "DE-NW" is used twice`}},
		},
		{
			name:  "unknown language",
			entry: "  - {key: DE-BY, country: DE, names: {de: Bayern, en: Bavaria, zh: 巴伐利亚州, fr: Bavière}}\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, errs, text := loadSmall(map[string]string{
				CitiesFile: testRegions + tt.entry + "cities:\n" + testAachen + testFoshan,
			})
			checkErrs(t, errs, text, tt.errs)
			if len(d.Regions) != 2+1-len(tt.errs) || d.Regions[0].Key != "DE-NW" || d.Regions[1].Key != "CN-GD" {
				t.Errorf("regions = %+v", d.Regions)
			}
			if got := cityNames(d); !slices.Equal(got, []string{"Aachen", "Foshan"}) {
				t.Errorf("cities = %q", got)
			}
		})
	}
}

func TestLoadBadSources(t *testing.T) {
	file := filepath.Join("small", SourcesFile)
	tests := []struct {
		name    string
		sources string
		errs    []wantErr
		want    []string // the source ids that load
	}{
		{
			name:    "no title",
			sources: testSources + "- id: src-c\n  site: example.org\n- {id: src-d, title: Source D}\n",
			errs:    []wantErr{{file, "id: src-c", "a source needs an id and a title"}},
			want:    []string{"src-a", "src-b", "src-d"},
		},
		{
			name:    "no id",
			sources: "- {title: Ohne ID}\n" + testSources,
			errs:    []wantErr{{file, "Ohne ID", "a source needs an id and a title"}},
			want:    []string{"src-a", "src-b"},
		},
		{
			name:    "id used twice",
			sources: testSources + "- {id: src-a, title: Noch einmal}\n",
			errs:    []wantErr{{file, "Noch einmal", `source id "src-a" is used twice`}},
			want:    []string{"src-a", "src-b"},
		},
		{
			name:    "unknown release",
			sources: testSources + "- {id: src-c, title: Source C, release: 2099-01-01-nirgends}\n",
			errs:    []wantErr{{file, "id: src-c", `source "src-c" names release "2099-01-01-nirgends", which is not in the corpus`}},
			want:    []string{"src-a", "src-b", "src-c"}, // without the release
		},
		{
			name:    "bad date",
			sources: testSources + "- {id: src-c, title: Source C, date: 2021-13}\n",
			errs:    []wantErr{{file, "id: src-c", `invalid date "2021-13"`}},
			want:    []string{"src-a", "src-b", "src-c"},
		},
		{
			name:    "unknown key",
			sources: testSources + "- {id: src-c, title: Source C, author: Someone}\n",
			errs:    []wantErr{{file, "id: src-c", "field author not found in type corpus.Source"}},
			want:    []string{"src-a", "src-b", "src-c"},
		},
		{
			name:    "not a list",
			sources: "src-a: Source A\n",
			errs: []wantErr{
				{file, "src-a", "must hold a list at its top"},
				{filepath.Join("small", CitiesFile), "name: Aachen", `unknown source "src-a"`},
				{filepath.Join("small", CitiesFile), "name: Foshan", `unknown source "src-b"`},
				{filepath.Join("small", AllianceFile), "name: Testallianz", `unknown source "src-a"`},
				{filepath.Join("small", AllianceFile), "total: 47", `unknown source "src-a"`},
				{filepath.Join("small", AllianceFile), "total: 46", `unknown source "src-b"`},
				{filepath.Join("small", AllianceFile), "date: 2016-04", `founded names unknown source "src-a"`},
				{filepath.Join("small", AllianceFile), "url: www.example.org", `website names unknown source "src-a"`},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, errs, text := loadSmall(map[string]string{SourcesFile: tt.sources})
			checkErrs(t, errs, text, tt.errs)
			var ids []string
			for _, s := range d.Sources {
				ids = append(ids, s.ID)
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("sources = %q, want %q", ids, tt.want)
			}
			if s := findSource(d, "src-c"); s != nil && (s.Release != "" || s.Title != "Source C") {
				t.Errorf("src-c = %+v", s)
			}
		})
	}
}

func TestLoadBadAlliance(t *testing.T) {
	file := filepath.Join("small", AllianceFile)
	tests := []struct {
		name     string
		alliance string
		errs     []wantErr
		check    func(t *testing.T, a Alliance)
	}{
		{
			name:     "bad founding date",
			alliance: strings.Replace(testAlliance, "date: 2016-04", "date: 2021-13", 1),
			errs:     []wantErr{{file, "date: 2021-13", `invalid date "2021-13"`}},
			check: func(t *testing.T, a Alliance) {
				if !a.Founded.Date.IsZero() {
					t.Errorf("founded = %s, want no date", a.Founded.Date)
				}
				if len(a.Names) != 1 || len(a.Counts) != 2 || a.Website.URL == "" {
					t.Errorf("alliance = %+v, want the rest loaded", a)
				}
			},
		},
		{
			name:     "bad as_of in a count",
			alliance: strings.Replace(testAlliance, "as_of: 2020}", "as_of: 2020-02-30}", 1),
			errs: []wantErr{
				{file, "as_of: 2020-02-30", `invalid date "2020-02-30"`},
				{file, "total: 46", "member count has no as_of date"},
			},
			check: func(t *testing.T, a Alliance) {
				if len(a.Counts) != 1 || a.Counts[0].Total != 47 || len(a.Names) != 1 {
					t.Errorf("alliance = %+v, want the count of 47 and the rest", a)
				}
			},
		},
		{
			name:     "count with an unknown source",
			alliance: strings.Replace(testAlliance, "source: src-b, as_of: 2020}", "source: nowhere, as_of: 2020}", 1),
			errs:     []wantErr{{file, "total: 46", `member count names unknown source "nowhere"`}},
			check: func(t *testing.T, a Alliance) {
				if len(a.Counts) != 1 || a.Counts[0].Total != 47 {
					t.Errorf("counts = %+v, want only the count of 47", a.Counts)
				}
				if len(a.Names) != 1 || a.Founded.Date.IsZero() || a.Website.URL == "" {
					t.Errorf("alliance = %+v, want the rest loaded", a)
				}
			},
		},
		{
			name:     "name with an unknown source",
			alliance: strings.Replace(testAlliance, "short: TA, source: src-a", "short: TA, source: nowhere", 1),
			errs:     []wantErr{{file, "name: Testallianz", `name "Testallianz" names unknown source "nowhere"`}},
			check: func(t *testing.T, a Alliance) {
				if len(a.Names) != 0 || len(a.Counts) != 2 {
					t.Errorf("alliance = %+v", a)
				}
			},
		},
		{
			name:     "founded without as_of",
			alliance: strings.Replace(testAlliance, "  source: src-a\n  as_of: 2021-02-11\ncounts", "  source: src-a\ncounts", 1),
			errs:     []wantErr{{file, "date: 2016-04", "founded has no as_of date"}},
			check: func(t *testing.T, a Alliance) {
				if !a.Founded.Date.IsZero() || len(a.Counts) != 2 {
					t.Errorf("alliance = %+v, want no founding date", a)
				}
			},
		},
		{
			name:     "website with an unknown source",
			alliance: strings.Replace(testAlliance, "url: www.example.org\n  source: src-a", "url: www.example.org\n  source: nowhere", 1),
			errs:     []wantErr{{file, "url: www.example.org", `website names unknown source "nowhere"`}},
			check: func(t *testing.T, a Alliance) {
				if a.Website.URL != "" || len(a.Counts) != 2 {
					t.Errorf("alliance = %+v, want no website", a)
				}
			},
		},
		{
			name: "assembly whose last day is before its first",
			alliance: testAlliance + `assemblies:
  - {number: 3, date: 2017-04-24, last_day: 2017-04-25, place: {de: Hannover}, source: src-a, as_of: 2017}
  - {number: 4, date: 2017-10-13, last_day: 2017-10-12, place: {de: Taizhou}, source: src-a, as_of: 2017}
  - {number: 6, date: 2018-10, last_day: 2018-10-20, place: {de: Foshan}, source: src-a, as_of: 2018}
`,
			errs: []wantErr{
				{file, "number: 4", "assembly 4: last_day 2017-10-12 is no day after its date 2017-10-13"},
				{file, "number: 6", "assembly 6: last_day 2018-10-20 is no day after its date 2018-10"},
			},
			check: func(t *testing.T, a Alliance) {
				if len(a.Assemblies) != 3 || a.Assemblies[0].LastDay.Day != 25 || !a.Assemblies[1].LastDay.IsZero() || !a.Assemblies[2].LastDay.IsZero() || a.Assemblies[1].Date.Day != 13 {
					t.Errorf("assemblies = %+v, want all three, the last days of the 4th and 6th dropped", a.Assemblies)
				}
			},
		},
		{
			name:     "unknown key",
			alliance: testAlliance + "motto: Gemeinsam\n",
			errs:     []wantErr{{file, "motto:", "field motto not found in type corpus.Alliance"}},
			check: func(t *testing.T, a Alliance) {
				if len(a.Names) != 1 || len(a.Counts) != 2 {
					t.Errorf("alliance = %+v", a)
				}
			},
		},
		{
			name:     "count that is not a number",
			alliance: strings.Replace(testAlliance, "total: 46", "total: many", 1),
			errs:     []wantErr{{file, "total: many", "cannot unmarshal !!str `many` into int"}},
			check: func(t *testing.T, a Alliance) {
				if len(a.Counts) != 2 || a.Counts[1].Total != 0 || a.Counts[1].China != 26 {
					t.Errorf("counts = %+v, want the second without its total", a.Counts)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, errs, text := loadSmall(map[string]string{AllianceFile: tt.alliance})
			checkErrs(t, errs, text, tt.errs)
			tt.check(t, d.Alliance)
			if got := cityNames(d); !slices.Equal(got, []string{"Aachen", "Foshan"}) {
				t.Errorf("cities = %q", got)
			}
		})
	}
}

// TestLoadBrokenFile: a data file that is no YAML at all, or empty, is
// reported and not used, and the version of the earlier directory is.
func TestLoadBrokenFile(t *testing.T) {
	base := loadClean(t, Embedded())
	const dir = "overlay"
	tests := []struct {
		name   string
		file   string
		text   string
		marker string // the line of the problem; "" for the whole file
		// early is how many lines before the problem the error may point:
		// yaml reports a parser error (not a scanner error) at the line
		// before the collection it was reading (go-yaml/yaml#205).
		early int
		msg   string
	}{
		{
			name:   "cities: bad indentation",
			file:   CitiesFile,
			text:   "regions: []\ncities:\n  - name: Neustadt\n    country: DE\n   region: DE-NW\n",
			marker: "   region",
			early:  3,
			msg:    "not valid YAML: yaml: line 2: did not find expected '-' indicator",
		},
		{
			name:   "cities: unclosed flow mapping",
			file:   CitiesFile,
			text:   "regions: []\ncities:\n  - {name: Neustadt, country: DE\n  - {name: Altstadt}\n",
			marker: "Altstadt",
			early:  2,
			msg:    "not valid YAML",
		},
		{
			name:   "cities: tab",
			file:   CitiesFile,
			text:   "regions: []\ncities:\n\t- name: Neustadt\n",
			marker: "\t- name",
			msg:    "found character that cannot start any token",
		},
		{
			name:   "cities: colon in a value",
			file:   CitiesFile,
			text:   "regions: []\ncities:\n  - name: Neustadt\n    note: {de: Hinweis: falsch}\n",
			marker: "Hinweis",
			early:  1,
			msg:    "not valid YAML",
		},
		{
			name:   "alliance",
			file:   AllianceFile,
			text:   "names:\n  - {lang: de, name: \"Unclosed}\n",
			marker: "Unclosed",
			msg:    "not valid YAML",
		},
		{
			name:   "sources",
			file:   SourcesFile,
			text:   "- id: a\n  title: A\n- id: b\n  title: [B\n",
			marker: "[B",
			early:  1,
			msg:    "not valid YAML",
		},
		{
			name: "empty",
			file: CitiesFile,
			text: "",
			msg:  "the file is empty",
		},
		{
			name: "only comments",
			file: CitiesFile,
			text: "# nothing here yet\n",
			msg:  "the file is empty",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			d, errs := Load(Embedded(), testDir(dir, map[string]string{tt.file: tt.text}))
			if len(errs) != 2 {
				t.Fatalf("errors = %q, want two", errs)
			}
			checkUnused(t, errs[1], path, filepath.Join("(embedded)", tt.file))
			var fe *FileError
			if !errors.As(errs[0], &fe) {
				t.Fatalf("error = %v (%T), want a *FileError", errs[0], errs[0])
			}
			line := 0
			if tt.marker != "" {
				line = lineOf(t, tt.text, tt.marker)
			}
			if fe.Path != path || fe.Line > line || fe.Line < max(line-tt.early, 1) && line > 0 {
				t.Errorf("error at %s:%d, want %s:%d (or up to %d lines before) (%v)", fe.Path, fe.Line, path, line, tt.early, fe)
			}
			if !strings.Contains(fe.Error(), tt.msg) {
				t.Errorf("error = %q, want it to contain %q", fe, tt.msg)
			}
			if !equalDocs(d, base) {
				t.Errorf("the corpus changed: want the embedded %s", tt.file)
			}
		})
	}
}

func TestIsReleaseFile(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"2021-02-11-isa.txt", true},
		{"2021-02-11-isa.md", true},
		{"2021-02-11-isa.markdown", true},
		{"MELDUNG.TXT", true},
		{"Meldung.Md", true},
		{".x.txt", false},
		{".md", false},
		{"foo.txt~", false},
		{"foo.md~", false},
		{"foo.txt.swp", false},
		{"foo.pdf", false},
		{"foo.yaml", false},
		{"foo", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsReleaseFile(tt.name); got != tt.want {
			t.Errorf("IsReleaseFile(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFileError(t *testing.T) {
	inner := errors.New("boom")
	tests := []struct {
		err  *FileError
		want string
	}{
		{&FileError{Path: "a/cities.yaml", Line: 12, Err: inner}, "a/cities.yaml:12: boom"},
		{&FileError{Path: "a/cities.yaml", Err: inner}, "a/cities.yaml: boom"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if !errors.Is(tt.err, inner) {
			t.Errorf("%v does not unwrap to its cause", tt.err)
		}
	}
}

func TestLoadWrongShapeFallsBack(t *testing.T) {
	// A data file of valid YAML but the wrong shape is reported and the
	// previous version stays, as for a syntax error.
	overlay := Dir{FS: fstest.MapFS{
		CitiesFile:  {Data: []byte("- name: Köln\n- name: Bonn\n")},
		SourcesFile: {Data: []byte("id: x\ntitle: y\n")},
	}, Path: "overlay"}
	data, problems := Load(Embedded(), overlay)
	if len(data.Cities) < 40 || len(data.Sources) < 10 {
		t.Errorf("fell back to nothing: %d cities, %d sources", len(data.Cities), len(data.Sources))
	}
	if len(problems) != 4 {
		t.Fatalf("want 4 problems, got %q", problems)
	}
	for i, name := range []string{SourcesFile, CitiesFile} {
		var fe *FileError
		if err := problems[2*i]; !errors.As(err, &fe) || fe.Line != 1 || fe.Path != filepath.Join("overlay", name) {
			t.Errorf("problem %v is no FileError of %s at line 1", err, name)
		}
		checkUnused(t, problems[2*i+1], filepath.Join("overlay", name), filepath.Join("(embedded)", name))
	}
}

// checkUnused checks that err reports the data file path as unused, and
// using as used instead.
func checkUnused(t *testing.T, err error, path, using string) {
	t.Helper()
	var ue *UnusedFileError
	if !errors.As(err, &ue) || ue.Path != path || ue.Using != using || len(ue.Errs) == 0 {
		t.Errorf("got %v, want %s reported as unused, %s used instead", err, path, using)
	}
}
