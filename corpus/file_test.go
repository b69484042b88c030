package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// secretLine is the content of a file outside the data directory that a
// link in it points to: no error may show it.
const secretLine = "root:x:0:0:secret-first-line"

// loadWithin loads the embedded corpus and dir, failing the test if that
// does not end within 10 s: a named pipe must not hang it.
func loadWithin(t *testing.T, dir Dir) (*Data, []error) {
	t.Helper()
	type result struct {
		d    *Data
		errs []error
	}
	done := make(chan result, 1)
	go func() {
		d, errs := LoadContext(t.Context(), Embedded(), dir)
		done <- result{d, errs}
	}()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	select {
	case r := <-done:
		return r.d, r.errs
	case <-ctx.Done():
		t.Fatal("Load hangs")
		return nil, nil
	}
}

func TestLoadOnlyRegularFiles(t *testing.T) {
	base := loadClean(t, Embedded())
	good := mdRelease("Gute Meldung", "2024-01-10")
	tests := []struct {
		name string
		// setup makes the data directory's files; it returns the file
		// that is refused, relative to the data directory.
		setup func(t *testing.T, dir string) string
		limit int64 // 0 for the default
		msg   string
		// unused is the data file that is not used, if any.
		unused string
	}{
		{
			name: "named pipe in releases",
			setup: func(t *testing.T, dir string) string {
				mkfifo(t, filepath.Join(dir, "releases", "2024-02-01-pipe.md"))
				return "releases/2024-02-01-pipe.md"
			},
			msg: "not a regular file but a named pipe",
		},
		{
			name: "named pipe as cities.yaml",
			setup: func(t *testing.T, dir string) string {
				mkfifo(t, filepath.Join(dir, CitiesFile))
				return CitiesFile
			},
			msg:    "not a regular file but a named pipe",
			unused: CitiesFile,
		},
		{
			name: "link to /dev/zero",
			setup: func(t *testing.T, dir string) string {
				symlink(t, "/dev/zero", filepath.Join(dir, "releases", "2024-02-01-zero.md"))
				return "releases/2024-02-01-zero.md"
			},
			msg: "a link that leads out of the directory: not followed",
		},
		{
			name: "link out of the data directory",
			setup: func(t *testing.T, dir string) string {
				outside := filepath.Join(t.TempDir(), "passwd.md")
				write(t, outside, secretLine+"\n")
				symlink(t, outside, filepath.Join(dir, "releases", "2024-02-01-passwd.md"))
				return "releases/2024-02-01-passwd.md"
			},
			msg: "a link that leads out of the directory: not followed",
		},
		{
			name: "relative link out of the data directory as alliance.yaml",
			setup: func(t *testing.T, dir string) string {
				write(t, filepath.Join(filepath.Dir(dir), "alliance.yaml"), secretLine+"\n")
				symlink(t, "../alliance.yaml", filepath.Join(dir, AllianceFile))
				return AllianceFile
			},
			msg:    "a link that leads out of the directory: not followed",
			unused: AllianceFile,
		},
		{
			name: "release over the default limit",
			setup: func(t *testing.T, dir string) string {
				write(t, filepath.Join(dir, "releases", "2024-02-01-gross.md"), good+strings.Repeat(secretLine+" ", DefaultMaxFileSize/len(secretLine)))
				return "releases/2024-02-01-gross.md"
			},
			msg: "over the limit of 4 MiB: not read",
		},
		{
			name: "release over a configured limit",
			setup: func(t *testing.T, dir string) string {
				write(t, filepath.Join(dir, "releases", "2024-02-01-gross.md"), good+strings.Repeat("x", 1024))
				return "releases/2024-02-01-gross.md"
			},
			limit: 1024,
			msg:   "over the limit of 1 KiB",
		},
		{
			name: "cities.yaml over a configured limit",
			setup: func(t *testing.T, dir string) string {
				write(t, filepath.Join(dir, CitiesFile), "regions: []\n# "+strings.Repeat("x", 2048)+"\n")
				return CitiesFile
			},
			limit:  1024,
			msg:    "over the limit of 1 KiB",
			unused: CitiesFile,
		},
		{
			name: "a folder named like a release",
			setup: func(t *testing.T, dir string) string {
				if err := os.Mkdir(filepath.Join(dir, "drafts"), 0o755); err != nil {
					t.Fatal(err)
				}
				symlink(t, "../drafts", filepath.Join(dir, "releases", "2024-02-01-ordner.md"))
				return "releases/2024-02-01-ordner.md"
			},
			msg: "not a regular file but a folder",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			write(t, filepath.Join(dir, "releases", "2024-01-10-gut.md"), good)
			bad := filepath.Join(dir, tt.setup(t, dir))
			d := OSDir(dir)
			if tt.limit > 0 {
				d.MaxFileSize = tt.limit
			}
			data, errs := loadWithin(t, d)

			var fe *FileError
			if len(errs) == 0 || !errors.As(errs[0], &fe) || fe.Path != bad || !strings.Contains(fe.Error(), tt.msg) {
				t.Errorf("errors = %q, want first one for %s saying %q", errs, bad, tt.msg)
			}
			for _, err := range errs {
				if strings.Contains(err.Error(), "secret-first-line") {
					t.Errorf("an error shows the refused file's content: %v", err)
				}
			}
			if tt.unused != "" {
				if len(errs) != 2 {
					t.Fatalf("errors = %q, want the file's error and that it is not used", errs)
				}
				checkUnused(t, errs[1], bad, filepath.Join("(embedded)", tt.unused))
				if data.Files[tt.unused] != filepath.Join("(embedded)", tt.unused) {
					t.Errorf("Files = %q, want the embedded %s", data.Files, tt.unused)
				}
			} else if len(errs) != 1 {
				t.Errorf("errors = %q, want one", errs)
			}
			if got, want := releaseIDs(data), []string{embeddedRelease, "2024-01-10-gut"}; !slices.Equal(got, want) {
				t.Errorf("releases = %q, want %q", got, want)
			}
			if !equalDocs(data.Cities, base.Cities) || !equalDocs(data.Alliance, base.Alliance) {
				t.Error("the data files changed: want the embedded ones")
			}
		})
	}
}

func TestLoadLinkInside(t *testing.T) {
	// A link that stays inside the data directory is followed, to a
	// release and to a data file.
	dir := t.TempDir()
	write(t, filepath.Join(dir, "drafts", "meldung.md"), mdRelease("Verlinkte Meldung", "2024-03-01"))
	symlink(t, "../drafts/meldung.md", filepath.Join(dir, "releases", "2024-03-01-link.md"))
	sources, err := os.ReadFile(filepath.Join("data", SourcesFile))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "drafts", SourcesFile), string(sources)+"\n- {id: only-here, title: Neu}\n")
	symlink(t, "drafts/"+SourcesFile, filepath.Join(dir, SourcesFile))

	d := loadClean(t, Embedded(), OSDir(dir))
	if got, want := releaseIDs(d), []string{embeddedRelease, "2024-03-01-link"}; !slices.Equal(got, want) {
		t.Errorf("releases = %q, want %q", got, want)
	}
	if findSource(d, "only-here") == nil || d.Files[SourcesFile] != filepath.Join(dir, SourcesFile) {
		t.Errorf("the linked sources.yaml was not used: Files = %q", d.Files)
	}
}

func TestLoadContextEnds(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "releases", "2024-01-10-gut.md"), mdRelease("Gut", "2024-01-10"))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, errs := LoadContext(ctx, OSDir(dir))
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("errors = %q, want the context's", errs)
	}
}

func TestSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		text string // FormatSize(want)
	}{
		{"4MiB", 4 << 20, "4 MiB"},
		{"4 MiB", 4 << 20, "4 MiB"},
		{"512KiB", 512 << 10, "512 KiB"},
		{"1536KiB", 1536 << 10, "1536 KiB"},
		{"1GiB", 1 << 30, "1 GiB"},
		{"10MB", 10_000_000, "10000000 bytes"},
		{"2KB", 2000, "2000 bytes"},
		{"1048576", 1 << 20, "1 MiB"},
		{"100B", 100, "100 bytes"},
		{"100 bytes", 100, "100 bytes"},
		{"0", 0, ""},
		{"-1MiB", 0, ""},
		{"4 MiBs", 0, ""},
		{"MiB", 0, ""},
		{"1.5MiB", 0, ""},
		{"9999999999GiB", 0, ""},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if tt.want == 0 {
			if err == nil {
				t.Errorf("ParseSize(%q) = %d, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
		if s := FormatSize(got); s != tt.text {
			t.Errorf("FormatSize(%d) = %q, want %q", got, s, tt.text)
		}
		if back, err := ParseSize(tt.text); err != nil || back != got {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tt.text, back, err, got)
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
}

func symlink(t *testing.T, target, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
}

func TestLoadMistypedDataFile(t *testing.T) {
	// An edited data file with one error is not used at all: the
	// embedded version is, and the error names file and line.
	base := loadClean(t, Embedded())
	embedded := func(name string) string { return string(readFile(t, filepath.Join("data", name))) }
	cities, alliance, sources := embedded(CitiesFile), embedded(AllianceFile), embedded(SourcesFile)
	edit := func(text, old, new string) string {
		if !strings.Contains(text, old) {
			t.Fatalf("the fixture lacks %q", old)
		}
		return strings.Replace(text, old, new, 1)
	}
	tests := []struct {
		name   string
		file   string
		text   string
		marker string // where the first error is
		msg    string
	}{
		{
			name:   "unknown key",
			file:   CitiesFile,
			text:   edit(cities, "  - name: Köln\n", "  - nme: Köln\n"),
			marker: "nme: Köln",
			msg:    "field nme not found",
		},
		{
			name:   "wrong type",
			file:   CitiesFile,
			text:   edit(cities, "  - name: Köln\n    names: {en: Cologne, zh: 科隆}\n", "  - name: Köln\n    names: [Cologne, 科隆]\n"),
			marker: "names: [Cologne",
			msg:    "cannot unmarshal",
		},
		{
			name:   "a city that is no mapping",
			file:   CitiesFile,
			text:   "regions: []\ncities: [foo]\n",
			marker: "cities: [foo]",
			msg:    "cannot unmarshal !!str `foo`",
		},
		{
			name: "no cities",
			file: CitiesFile,
			text: "regions: []\n",
			msg:  "no city is listed",
		},
		{
			name:   "a wrong value",
			file:   CitiesFile,
			text:   edit(cities, "  - name: Köln\n    names: {en: Cologne, zh: 科隆}\n    aliases: [Colonia]\n    country: DE\n", "  - name: Köln\n    names: {en: Cologne, zh: 科隆}\n    aliases: [Colonia]\n    country: Deutschland\n"),
			marker: "- name: Köln",
			msg:    `country "Deutschland" is not DE or CN`,
		},
		{
			name:   "bad date",
			file:   AllianceFile,
			text:   edit(alliance, "founded:\n  date: 2016-04\n", "founded:\n  date: April 2016\n"),
			marker: "date: April 2016",
			msg:    `invalid date "April 2016"`,
		},
		{
			name:   "a number that is none",
			file:   AllianceFile,
			text:   edit(alliance, "  - total: 47\n", "  - total: siebenundvierzig\n"),
			marker: "total: siebenundvierzig",
			msg:    "cannot unmarshal !!str `siebenu...` into int",
		},
		{
			name:   "unknown key in alliance.yaml",
			file:   AllianceFile,
			text:   edit(alliance, "counts:\n", "cuonts:\n"),
			marker: "cuonts:",
			msg:    "field cuonts not found",
		},
		{
			name:   "unknown key in sources.yaml",
			file:   SourcesFile,
			text:   edit(sources, "  site: isa-portal.de\n", "  sitee: isa-portal.de\n"),
			marker: "sitee:",
			msg:    "field sitee not found",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join("overlay", tt.file)
			d, errs := Load(Embedded(), testDir("overlay", map[string]string{tt.file: tt.text}))
			if len(errs) < 2 {
				t.Fatalf("errors = %q, want the file's and that it is not used", errs)
			}
			var fe *FileError
			line := 0
			if tt.marker != "" {
				line = lineOf(t, tt.text, tt.marker)
			}
			if !errors.As(errs[0], &fe) || fe.Path != path || fe.Line != line || !strings.Contains(fe.Error(), tt.msg) {
				t.Errorf("first error = %v, want %s:%d: …%s…", errs[0], path, line, tt.msg)
			}
			checkUnused(t, errs[len(errs)-1], path, filepath.Join("(embedded)", tt.file))
			if !equalDocs(d.Cities, base.Cities) || !equalDocs(d.Alliance, base.Alliance) || !equalDocs(d.Sources, base.Sources) {
				t.Error("the data changed: want the embedded data files")
			}
			if d.Files[tt.file] != filepath.Join("(embedded)", tt.file) {
				t.Errorf("Files = %q", d.Files)
			}
		})
	}
}

func TestLoadFallsBackInOrder(t *testing.T) {
	// Of three versions of cities.yaml, the newest without errors is
	// used; cities.yaml citing a source of a sources.yaml that is not
	// used is not used either.
	older := "regions:\n  - {key: DE-NW, country: DE, names: {de: NRW, en: NRW, zh: 北威州}}\n" +
		"cities:\n  - {name: Neustadt, country: DE, region: DE-NW, status: member, source: pm-2021-02-11, as_of: 2022}\n"
	newer := "regions: []\ncities:\n  - {nme: Altstadt}\n"
	d, errs := Load(Embedded(), testDir("a", map[string]string{CitiesFile: older}), testDir("b", map[string]string{CitiesFile: newer}))
	if got := cityNames(d); !slices.Equal(got, []string{"Neustadt"}) || d.Files[CitiesFile] != filepath.Join("a", CitiesFile) {
		t.Errorf("cities = %q from %q, want a's Neustadt", got, d.Files[CitiesFile])
	}
	checkUnused(t, errs[len(errs)-1], filepath.Join("b", CitiesFile), filepath.Join("a", CitiesFile))

	cites := strings.Replace(older, "source: pm-2021-02-11", "source: only-b", 1)
	d, errs = Load(Embedded(), testDir("b", map[string]string{SourcesFile: "- {id: only-b, title: B, sitee: x}\n", CitiesFile: cites}))
	if len(d.Cities) < 40 || findSource(d, "only-b") != nil {
		t.Errorf("%d cities, only-b %v: want the embedded files", len(d.Cities), findSource(d, "only-b"))
	}
	var unused []string
	for _, err := range errs {
		var ue *UnusedFileError
		if errors.As(err, &ue) {
			unused = append(unused, ue.Path)
		}
	}
	if want := []string{filepath.Join("b", SourcesFile), filepath.Join("b", CitiesFile)}; !slices.Equal(unused, want) {
		t.Errorf("unused = %q, want %q (errors %q)", unused, want, errs)
	}
}
