package inbox

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/isa-alliance/isabot/corpus"
)

// Publish puts a release file into dataDir's releases/ folder, where a
// running WatchFolder picks it up at once, and returns its path there.
//
// The file is parsed first, and a broken one is refused with the parse
// error (a *corpus.FileError naming file and line), so nothing broken
// lands. It is copied under its base name through a hidden temporary file
// in the folder, synced and renamed, so the folder never holds half of it.
//
// An existing file of that name is replaced only if it holds the same
// release (the same ID: an edited release), or, when it does not parse,
// if the new release has the ID its file name gives. Publishing a file
// identical to the one in place does nothing. A release whose ID another
// file in the folder already uses is refused, as the corpus would reject
// the second one.
//
// Only regular files are read, each of at most opts' MaxFileSize (of
// opts, only that counts): file, after its links, must be one, and so
// must a file of its name in the folder, else Publish refuses.
func Publish(dataDir, file string, opts ...Options) (dest string, err error) {
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	base := filepath.Base(file)
	if !corpus.IsReleaseFile(base) {
		return "", fmt.Errorf("publish: %s is not a release file: want a .txt, .md or .markdown file whose name does not start with a dot or end in ~", file)
	}
	data, err := readSource(file, o.maxFileSize())
	if err != nil {
		return "", fmt.Errorf("publish: %w", err)
	}
	if !o.Embargo.IsZero() {
		if data, err = withEmbargo(base, data, o.Embargo); err != nil {
			return "", err
		}
	}
	r, err := corpus.ParseRelease(file, data)
	if err != nil {
		return "", err
	}

	dir := filepath.Join(dataDir, corpus.ReleasesDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("publish: %w", err)
	}
	dest = filepath.Join(dir, base)
	files := newReleaseFiles(dir, o.maxFileSize())
	old, err := files.read(base)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return "", fmt.Errorf("publish: %s: %w", dest, err)
	case bytes.Equal(old, data):
		return dest, nil
	default:
		oldID := strings.TrimSuffix(base, filepath.Ext(base))
		if o, err := corpus.ParseRelease(dest, old); err == nil {
			oldID = o.ID
		}
		if oldID != r.ID {
			return "", fmt.Errorf("publish: %s already holds release %q, not %q: give the new release another file name", dest, oldID, r.ID)
		}
	}
	if other := idUsedBy(dir, files, base, r.ID); other != "" {
		return "", fmt.Errorf("publish: release id %q is already used by %s", r.ID, other)
	}
	if err := writeAtomic(dir, base, data); err != nil {
		return "", fmt.Errorf("publish: %w", err)
	}
	return dest, nil
}

// readSource reads the file to publish, wherever its links lead, if it is
// a regular file of at most limit bytes.
func readSource(file string, limit int64) ([]byte, error) {
	real, err := filepath.EvalSymlinks(file)
	if err != nil {
		return nil, err
	}
	data, err := corpus.ReadFile(corpus.DirFS(filepath.Dir(real)), filepath.Base(real), limit)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return data, nil
}

// idUsedBy returns the path of a release file in dir, the releases folder
// that files reads, other than the one named skip, that holds the release
// id.
func idUsedBy(dir string, files releaseFiles, skip, id string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	for _, e := range entries {
		if e.Name() == skip || e.IsDir() || !corpus.IsReleaseFile(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		data, err := files.read(e.Name())
		if err != nil {
			continue
		}
		if r, err := corpus.ParseRelease(p, data); err == nil && r.ID == id {
			return p
		}
	}
	return ""
}

// writeAtomic writes data to dir/name through a hidden temporary file in
// dir: written, synced, renamed over name, and the folder synced.
func writeAtomic(dir, name string, data []byte) (err error) {
	f, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		return err
	}
	// Make the rename itself durable; not every system can sync a folder.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
