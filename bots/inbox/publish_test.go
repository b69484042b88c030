package inbox

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/isa-alliance/isabot/corpus"
)

func TestPublish(t *testing.T) {
	messe := fixture(t, "releases/"+messeFile)
	edited := bytes.Replace(messe, []byte("Der zweite Absatz"), []byte("Der überarbeitete zweite Absatz"), 1)
	otherID := bytes.Replace(messe, []byte("lang: de\n"), []byte("lang: de\nid: eine-andere-meldung\n"), 1)
	plenum := fixture(t, "releases/2024-06-12-testmeldung-plenum.md")
	sameIDAsMesse := bytes.Replace(plenum, []byte("lang: de\n"), []byte("lang: de\nid: 2024-05-06-testmeldung-messe\n"), 1)

	type file struct{ name, data string }
	tests := []struct {
		name     string
		existing []file // in releases/ before
		publish  file
		wantErr  string // "" for success
		wantIn   []file // releases/ after
	}{{
		name:    "new release",
		publish: file{messeFile, string(messe)},
		wantIn:  []file{{messeFile, string(messe)}},
	}, {
		name:    "malformed: refused with file and line, nothing lands",
		publish: file{"bad-date.md", string(fixture(t, "releases/bad-date.md"))},
		wantErr: "bad-date.md:3: ",
	}, {
		name:     "edited release replaces the old",
		existing: []file{{messeFile, string(messe)}},
		publish:  file{messeFile, string(edited)},
		wantIn:   []file{{messeFile, string(edited)}},
	}, {
		name:     "the same file again",
		existing: []file{{messeFile, string(messe)}},
		publish:  file{messeFile, string(messe)},
		wantIn:   []file{{messeFile, string(messe)}},
	}, {
		name:     "broken file of the same name is replaced",
		existing: []file{{messeFile, "kaputt"}},
		publish:  file{messeFile, string(messe)},
		wantIn:   []file{{messeFile, string(messe)}},
	}, {
		name:     "a different release under the same name is refused",
		existing: []file{{messeFile, string(messe)}},
		publish:  file{messeFile, string(otherID)},
		wantErr:  `already holds release "2024-05-06-testmeldung-messe", not "eine-andere-meldung"`,
		wantIn:   []file{{messeFile, string(messe)}},
	}, {
		name:     "an ID another file uses is refused",
		existing: []file{{messeFile, string(messe)}},
		publish:  file{"plenum.md", string(sameIDAsMesse)},
		wantErr:  `release id "2024-05-06-testmeldung-messe" is already used by`,
		wantIn:   []file{{messeFile, string(messe)}},
	}, {
		name:    "a hidden file is refused",
		publish: file{".versteckt.md", string(messe)},
		wantErr: "is not a release file",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dataDir := t.TempDir()
			dir := filepath.Join(dataDir, corpus.ReleasesDir)
			if len(tt.existing) > 0 {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			for _, f := range tt.existing {
				writeFile(t, filepath.Join(dir, f.name), []byte(f.data))
			}
			src := filepath.Join(t.TempDir(), tt.publish.name)
			writeFile(t, src, []byte(tt.publish.data))

			dest, err := Publish(dataDir, src)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("Publish: %v", err)
			case tt.wantErr != "" && err == nil:
				t.Fatalf("Publish succeeded, want an error with %q", tt.wantErr)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Fatalf("Publish: %v, want an error with %q", err, tt.wantErr)
			case tt.wantErr == "" && dest != filepath.Join(dir, tt.publish.name):
				t.Errorf("dest %q, want %q", dest, filepath.Join(dir, tt.publish.name))
			}

			// Exactly the wanted files, no temporary ones.
			entries, err := os.ReadDir(dir)
			if err != nil && !errors.Is(err, os.ErrNotExist) {
				t.Fatal(err)
			}
			var names, want []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			for _, f := range tt.wantIn {
				want = append(want, f.name)
				got, err := os.ReadFile(filepath.Join(dir, f.name))
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != f.data {
					t.Errorf("%s holds\n%s\nwant\n%s", f.name, got, f.data)
				}
			}
			if !slices.Equal(names, want) {
				t.Errorf("releases/ holds %q, want %q", names, want)
			}
		})
	}
}

func TestPublishErrorIsFileError(t *testing.T) {
	src := filepath.Join(t.TempDir(), "bad-date.md")
	writeFile(t, src, fixture(t, "releases/bad-date.md"))
	_, err := Publish(t.TempDir(), src)
	var fe *corpus.FileError
	if !errors.As(err, &fe) || fe.Path != src || fe.Line != 3 {
		t.Fatalf("got %#v, want a *corpus.FileError for %s line 3", err, src)
	}
}
