package corpus

import (
	"errors"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"sync"
)

// folderEntry is a file of a releases folder, with its type and, when
// asked for, its stamp, or the error of finding them. release says
// whether its name is that of a release (IsReleaseFile): only a release
// is stat-ed.
type folderEntry struct {
	name    string
	release bool
	typ     fs.FileMode
	stamp   Stamp
	err     error
}

func (e *folderEntry) isDir() bool { return e.typ&fs.ModeDir != 0 }

// folderLister is a file system that lists a folder with the stamps of
// its files faster than fs.ReadDir and a FileInfo for each: dirFS.
type folderLister interface {
	listFolder(name string) ([]folderEntry, error)
}

// readFolder lists the folder name of fsys in the order of the files'
// names, with their stamps if withStamps.
func readFolder(fsys fs.FS, name string, withStamps bool) ([]folderEntry, error) {
	if l, ok := fsys.(folderLister); ok && withStamps {
		return l.listFolder(name)
	}
	entries, err := fs.ReadDir(fsys, name)
	if err != nil {
		return nil, err
	}
	out := make([]folderEntry, len(entries))
	for i, e := range entries {
		out[i] = folderEntry{name: e.Name(), release: IsReleaseFile(e.Name()), typ: e.Type()}
		if withStamps && out[i].release {
			fi, err := e.Info()
			if err != nil {
				out[i].err = err
				continue
			}
			out[i].stamp = stampOf(fi)
		}
	}
	return out, nil
}

// Files of a folder are stat-ed and read by up to maxWorkers goroutines
// at once, one for each batch files, with no more than the process's
// cores.
const (
	maxWorkers = 4
	batch      = 512
)

// inParallel calls do for each i from 0 to n-1, on as many goroutines as
// maxWorkers and batch allow, and returns when all calls have.
func inParallel(n int, do func(i int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), maxWorkers, n/batch))
	if workers == 1 {
		for i := range n {
			do(i)
		}
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				do(i)
			}
		})
	}
	wg.Wait()
}

// listFolder lists the folder name of dir with each file's type and
// stamp. The names are read first, and the files stat-ed afterwards on
// as many cores as the process may use: a start of isabot stats every
// release file of the archive (a file changed in place keeps its
// folder's modification time), and os.ReadDir stats each one after the
// other as it reads the names of a folder opened in an os.Root. Only
// release files are stat-ed; a file that is gone by then is left out,
// as os.ReadDir does.
func (dir dirFS) listFolder(name string) ([]folderEntry, error) {
	root, err := os.OpenRoot(string(dir))
	if err != nil {
		return nil, err
	}
	defer root.Close()
	folder, err := root.OpenRoot(name)
	if err != nil {
		return nil, err
	}
	defer folder.Close()
	f, err := folder.Open(".")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	lstat := lstatIn(folder, f)
	entries := make([]folderEntry, len(names))
	inParallel(len(names), func(i int) { entries[i] = statEntry(lstat, names[i]) })
	return slices.DeleteFunc(entries, func(e folderEntry) bool { return errors.Is(e.err, fs.ErrNotExist) }), nil
}

// lstater gives the type and stamp of a file of a folder, by its name,
// not following a link (lstatIn).
type lstater func(name string) (fs.FileMode, Stamp, error)

// statEntry is the entry of the file name. A file that is no release by
// its name is not stat-ed: the loader passes over it.
func statEntry(lstat lstater, name string) folderEntry {
	e := folderEntry{name: name, release: IsReleaseFile(name)}
	if !e.release {
		return e
	}
	e.typ, e.stamp, e.err = lstat(name)
	return e
}
