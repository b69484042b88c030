package corpus

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
)

// A large archive of releases is not held in memory: a Lazy directory's
// releases are loaded without their text (Body, About, Contact), which
// Data.Full reads from the file again when it is needed. What the file
// held is known from its Stamp, so that a file not changed since it was
// last read need not be read at all (Dir.Known).

// Stamp tells the versions of a release file apart without reading it:
// its size and modification time.
type Stamp struct {
	Size    int64
	ModTime int64 // in nanoseconds since 1970
}

func stampOf(fi fs.FileInfo) Stamp {
	return Stamp{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
}

// withoutText is r as a Lazy directory keeps it: no text, and its other
// strings copied, so that they do not keep the file's content alive.
func withoutText(r Release) Release {
	return Release{
		ID: strings.Clone(r.ID), Date: r.Date, Place: strings.Clone(r.Place), Title: strings.Clone(r.Title),
		Lang: r.Lang, Source: r.Source, URL: strings.Clone(r.URL), Embargo: r.Embargo,
	}
}

// HasText reports whether r holds its text; a release of a Lazy
// directory does not, and Data.Full reads it.
func (r *Release) HasText() bool { return len(r.Body) > 0 }

// Full returns r with its text: r itself when it holds it, else the
// release read again from the file of the Lazy directory it came from.
// The file may have changed since it was loaded: a release of another ID
// is an error.
func (d *Data) Full(r *Release) (Release, error) {
	if r.HasText() {
		return *r, nil
	}
	for _, dir := range d.lazy {
		folder := filepath.Join(dir.Path, ReleasesDir)
		name, err := filepath.Rel(folder, r.Source)
		if err != nil || name != filepath.Base(name) || name == "." || name == ".." {
			continue
		}
		raw, err := ReadFile(dir.FS, path.Join(ReleasesDir, name), dir.MaxFileSize)
		if err != nil {
			return Release{}, err
		}
		full, err := ParseRelease(r.Source, raw)
		if err != nil {
			return Release{}, err
		}
		if full.ID != r.ID {
			return Release{}, fmt.Errorf("%s now holds release %q, not %q", r.Source, full.ID, r.ID)
		}
		return full, nil
	}
	return Release{}, fmt.Errorf("release %q has no text and no file to read it from", r.ID)
}
