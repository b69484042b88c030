package inbox

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/isa-alliance/isabot/corpus"
)

// DefaultSettle is how long a file written in place must stay unchanged
// before WatchFolder reads it.
const DefaultSettle = 2 * time.Second

// Options tune WatchFolder.
type Options struct {
	// Settle is how long a file written in place must keep its size and
	// modification time before it is read; 0 means DefaultSettle.
	Settle time.Duration
	// Scan also gives the release files already in the folder to the
	// sink, once the watch is in place, so that no file added between a
	// ScanFolder and the start of the watch is missed. A file modified
	// within the last Settle may still be being written: it is read once
	// it has settled.
	Scan bool
	// MaxFileSize is the largest release file read; 0 means
	// corpus.DefaultMaxFileSize.
	MaxFileSize int64
	// Taken, for a scan, holds the files the sink took at an earlier
	// start: one taken as it is now is not read again. The files the sink
	// takes are added to it. Nil reads every file a scan finds.
	Taken *Taken
	// Done, with Taken, says whether a release the sink took is done
	// with, so that its file need not be read at the next start; nil for
	// all. A release the sink holds in memory only (under embargo) is not.
	Done func(corpus.Release) bool
	// Embargo, for Publish only, puts the release under embargo until
	// then: it is written into the release's front matter.
	Embargo time.Time

	ready func() // called once the watch is in place; for tests
}

func (o Options) maxFileSize() int64 {
	if o.MaxFileSize <= 0 {
		return corpus.DefaultMaxFileSize
	}
	return o.MaxFileSize
}

// releaseFiles reads the release files of dir, the data directory's
// releases/ folder, as corpus.Load does: regular files of at most limit
// bytes, through links that stay inside the data directory, dir's parent.
type releaseFiles struct {
	fsys  fs.FS
	dir   string // the folder's name in fsys
	limit int64
}

func newReleaseFiles(dir string, limit int64) releaseFiles {
	return releaseFiles{fsys: corpus.DirFS(filepath.Dir(dir)), dir: filepath.Base(dir), limit: limit}
}

// read reads the release file name; see corpus.ReadFile.
func (r releaseFiles) read(name string) ([]byte, error) {
	return corpus.ReadFile(r.fsys, path.Join(r.dir, name), r.limit)
}

// WatchFolder watches dir, the data directory's releases/ folder, until
// ctx ends, and gives each release file (see corpus.IsReleaseFile) that
// appears or changes there to sink. It creates dir if it is missing.
//
// A file is never read half-written. A file renamed into the folder (an
// fsnotify Create right after a Rename, as Publish and editors that save
// through a temporary file do) is complete and read at once. A file
// written in place is read only once it has settled: its size and
// modification time unchanged for the settle period, which every Create or
// Write event restarts. A file moved in from another file system or folder
// looks like one written in place, and is read once it has settled.
//
// A malformed file is logged with its error, a *corpus.FileError naming
// file and line, and skipped until it changes again; so is a release the
// sink refuses, and a file that is not read: one that is no regular file
// (a named pipe, a device), a link that leads out of the data directory
// (dir's parent), a file larger than the size limit. Hidden and temporary
// files, folders and files of other types are ignored, and so is the
// removal of a file: removing a release is not news.
//
// WatchFolder returns nil when ctx ends, and an error when the watch
// cannot be set up or the folder itself is removed.
func WatchFolder(ctx context.Context, dir string, sink Sink, logger *slog.Logger, opts ...Options) error {
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	if o.Settle <= 0 {
		o.Settle = DefaultSettle
	}
	logger = orDiscard(logger)
	dir = filepath.Clean(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("inbox: create the releases folder: %w", err)
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("inbox: watch %s: %w", dir, err)
	}
	defer fw.Close()
	if err := fw.Add(dir); err != nil {
		return fmt.Errorf("inbox: watch %s: %w", dir, err)
	}

	w := &folderWatcher{dir: dir, files: newReleaseFiles(dir, o.maxFileSize()), sink: sink, logger: logger, settle: o.Settle,
		taken: o.Taken, done: o.Done, pending: map[string]pendingFile{}}
	if o.Scan {
		w.rescan(ctx)
	}
	if o.ready != nil {
		o.ready()
	}
	logger.Info("inbox: watching the releases folder", "dir", dir)

	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	afterRename := false
	for {
		w.arm(timer)
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-fw.Events:
			if !ok {
				return errors.New("inbox: the folder watcher stopped")
			}
			if err := w.event(ctx, ev, afterRename); err != nil {
				return err
			}
			afterRename = ev.Has(fsnotify.Rename)
		case err, ok := <-fw.Errors:
			if !ok {
				return errors.New("inbox: the folder watcher stopped")
			}
			afterRename = false
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				logger.Warn("inbox: too many file events, rescanning the releases folder", "dir", dir)
				w.rescan(ctx)
				continue
			}
			logger.Error("inbox: watching the releases folder", "dir", dir, "error", err)
		case <-timer.C:
			w.due(ctx)
		}
	}
}

// ScanFolder gives every release file in dir to sink, for releases added
// while the server was down. A malformed file, one that is not read (as
// for WatchFolder), or one the sink refuses, is logged and skipped. A
// missing dir holds no releases. It returns early with ctx's error when
// ctx ends. Of opts, only MaxFileSize counts.
func ScanFolder(ctx context.Context, dir string, sink Sink, logger *slog.Logger, opts ...Options) error {
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	logger = orDiscard(logger)
	files := newReleaseFiles(filepath.Clean(dir), o.maxFileSize())
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("inbox: scan the releases folder: %w", err)
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		if e.IsDir() || !corpus.IsReleaseFile(e.Name()) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := files.read(e.Name())
		if err != nil {
			logger.Error("inbox: a release file was not read", "file", path, "error", err)
			continue
		}
		deliverFile(ctx, path, data, sink, logger)
	}
	return nil
}

// folderWatcher is the state of one WatchFolder, used by its loop only.
type folderWatcher struct {
	dir    string
	files  releaseFiles
	sink   Sink
	logger *slog.Logger
	settle time.Duration
	taken  *Taken
	done   func(corpus.Release) bool
	// pending holds the files being written in place, by base name.
	pending map[string]pendingFile
}

// pendingFile is a file waiting to settle: its stamp when last seen to
// change, and when that was.
type pendingFile struct {
	stamp stamp
	since time.Time
}

// stamp is what tells that a file changed.
type stamp struct {
	size    int64
	modTime time.Time
}

func stampOf(fi fs.FileInfo) stamp { return stamp{size: fi.Size(), modTime: fi.ModTime()} }

func (s stamp) corpus() corpus.Stamp {
	return corpus.Stamp{Size: s.size, ModTime: s.modTime.UnixNano()}
}

func (w *folderWatcher) event(ctx context.Context, ev fsnotify.Event, afterRename bool) error {
	if filepath.Clean(ev.Name) == w.dir {
		if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
			return fmt.Errorf("inbox: the releases folder %s was removed or renamed", w.dir)
		}
		return nil
	}
	name := filepath.Base(ev.Name)
	switch {
	case !corpus.IsReleaseFile(name):
		// Hidden, temporary or no release; its Rename still counts.
	case ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename):
		delete(w.pending, name)
	case ev.Has(fsnotify.Create) && afterRename:
		// Renamed in, so complete. Nobody renames an empty release in: an
		// empty file is a new file that its writer has yet to fill.
		delete(w.pending, name)
		path := filepath.Join(w.dir, name)
		// The stamp before the read: a write after it makes another.
		fi, statErr := os.Stat(path)
		data, err := w.files.read(name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			w.logger.Error("inbox: a release file was not read", "file", path, "error", err)
		case len(data) == 0:
			w.wait(name)
		case statErr != nil:
			deliverFile(ctx, path, data, w.sink, w.logger)
		default:
			w.deliver(ctx, name, data, stampOf(fi))
		}
	case ev.Has(fsnotify.Create) || ev.Has(fsnotify.Write):
		w.wait(name)
	}
	return nil
}

// wait starts or restarts the settle period of a file written in place;
// one that is no regular file is reported when it is due, but a folder is
// ignored.
func (w *folderWatcher) wait(name string) {
	fi, err := os.Stat(filepath.Join(w.dir, name))
	if err != nil || fi.IsDir() {
		delete(w.pending, name)
		return
	}
	w.pending[name] = pendingFile{stamp: stampOf(fi), since: time.Now()}
}

// arm sets timer to fire when the next pending file is due, or stops it.
func (w *folderWatcher) arm(timer *time.Timer) {
	if len(w.pending) == 0 {
		timer.Stop()
		return
	}
	var next time.Time
	for _, p := range w.pending {
		if due := p.since.Add(w.settle); next.IsZero() || due.Before(next) {
			next = due
		}
	}
	timer.Reset(max(time.Until(next), 0))
}

// due reads the pending files whose settle period has passed without a
// change, in name order; a file that did change waits again.
func (w *folderWatcher) due(ctx context.Context) {
	now := time.Now()
	var names []string
	for name, p := range w.pending {
		if !now.Before(p.since.Add(w.settle)) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		p := w.pending[name]
		path := filepath.Join(w.dir, name)
		fi, err := os.Stat(path)
		if err != nil {
			delete(w.pending, name)
			continue
		}
		if stampOf(fi) != p.stamp {
			w.pending[name] = pendingFile{stamp: stampOf(fi), since: now}
			continue
		}
		data, err := w.files.read(name)
		if err != nil {
			delete(w.pending, name)
			if !errors.Is(err, fs.ErrNotExist) {
				w.logger.Error("inbox: a release file was not read", "file", path, "error", err)
			}
			continue
		}
		// A write while reading: wait for it to settle too.
		if fi, err := os.Stat(path); err == nil && stampOf(fi) != p.stamp {
			w.pending[name] = pendingFile{stamp: stampOf(fi), since: time.Now()}
			continue
		}
		delete(w.pending, name)
		w.deliver(ctx, name, data, p.stamp)
	}
}

// deliver gives the file name, read at st, to the sink, and records it
// as taken.
func (w *folderWatcher) deliver(ctx context.Context, name string, data []byte, st stamp) {
	r, ok := deliverFile(ctx, filepath.Join(w.dir, name), data, w.sink, w.logger)
	if !ok || w.taken == nil || w.done != nil && !w.done(r) {
		return
	}
	if err := w.taken.Take(map[string]corpus.Stamp{name: st.corpus()}); err != nil {
		w.logger.Warn("inbox: the file is read again at the next start", "file", name, "error", err)
	}
}

// rescan takes every release file in the folder: one unchanged for the
// settle period at once, a more recent one once it has settled.
func (w *folderWatcher) rescan(ctx context.Context) {
	entries, err := os.ReadDir(w.dir)
	if err != nil {
		w.logger.Error("inbox: scan the releases folder", "dir", w.dir, "error", err)
		return
	}
	now := time.Now()
	for _, e := range entries {
		if !corpus.IsReleaseFile(e.Name()) {
			continue
		}
		fi, err := os.Stat(filepath.Join(w.dir, e.Name()))
		if err != nil || fi.IsDir() || w.taken != nil && w.taken.Has(e.Name(), stampOf(fi).corpus()) {
			continue
		}
		// Backdate the file's wait by its age, so an old file is due now.
		since := now
		if age := now.Sub(fi.ModTime()); age > 0 {
			since = now.Add(-min(age, w.settle))
		}
		w.pending[e.Name()] = pendingFile{stamp: stampOf(fi), since: since}
	}
	w.due(ctx)
}

// deliverFile parses a release file and gives it to sink, logging what
// goes wrong; it returns the release and whether the sink took it.
func deliverFile(ctx context.Context, path string, data []byte, sink Sink, logger *slog.Logger) (corpus.Release, bool) {
	r, err := corpus.ParseRelease(path, data)
	if err != nil {
		logger.Error("inbox: a release file is malformed, skipped until it changes", "file", path, "error", err)
		return r, false
	}
	if err := sink(ctx, r); err != nil {
		logger.Error("inbox: a release was not taken, retried when its file changes", "file", path, "release", r.ID, "error", err)
		return r, false
	}
	logger.Info("inbox: release arrived", "file", path, "release", r.ID)
	return r, true
}
