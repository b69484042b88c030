package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// DefaultMaxFileSize is the largest release or data file read from a
// directory on disk unless configured otherwise.
const DefaultMaxFileSize = 4 << 20

// Errors for a file that is not read.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file too large")
	ErrLinkOut    = errors.New("a link that leads out of the directory: not followed")
)

// DirFS is a file system for the directory tree at dir, like os.DirFS but
// safe for files that others write: a symbolic link is followed only as
// long as it stays inside dir (one that leads out, to /etc/passwd or
// /dev/zero, fails to open with ErrLinkOut), and opening never blocks, not even on a named
// pipe, so that ReadFile can refuse whatever is not a regular file.
func DirFS(dir string) fs.FS { return dirFS(dir) }

type dirFS string

func (dir dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	root, err := os.OpenRoot(string(dir))
	if err != nil {
		return nil, err
	}
	defer root.Close()
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission) {
		if fi, lerr := root.Lstat(name); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return nil, &fs.PathError{Op: "open", Path: name, Err: ErrLinkOut}
		}
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

// ReadFile reads the file name of fsys whole, if it is a regular file of
// at most limit bytes (no limit when limit is 0). A named pipe, a device,
// a socket or a folder is refused with ErrNotRegular and a larger file
// with ErrTooLarge, before anything of it is read; a file that grows past
// the limit while it is read is refused too, with no more than limit+1
// bytes of it read. The error names the file only, never its content.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%w but %s: not read", ErrNotRegular, kindOf(fi.Mode()))
	}
	var r io.Reader = f
	if limit > 0 {
		if fi.Size() > limit {
			return nil, tooLarge(fi.Size(), limit)
		}
		r = io.LimitReader(f, limit+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if limit > 0 && int64(len(data)) > limit {
		return nil, tooLarge(int64(len(data)), limit)
	}
	return data, nil
}

func tooLarge(size, limit int64) error {
	return fmt.Errorf("%w: %s, over the limit of %s: not read", ErrTooLarge, FormatSize(size), FormatSize(limit))
}

// kindOf names the kind of file that is no regular file.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// sizeUnits are the units FormatSize writes and ParseSize reads, largest
// first.
var sizeUnits = []struct {
	name  string
	bytes int64
}{
	{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10},
	{"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3},
	{"bytes", 1}, {"B", 1},
}

// FormatSize writes a number of bytes exactly, in the largest binary unit
// that divides it ("4 MiB", "1536 KiB"), else in bytes.
func FormatSize(n int64) string {
	for _, u := range sizeUnits[:3] {
		if n >= u.bytes && n%u.bytes == 0 {
			return fmt.Sprintf("%d %s", n/u.bytes, u.name)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}

// ParseSize reads a size such as "4MiB", "512 KiB", "10MB" or "1048576"
// (bytes), and what FormatSize writes; it must be above 0.
func ParseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	num, unit := s, int64(1)
	for _, u := range sizeUnits {
		if rest, ok := strings.CutSuffix(s, u.name); ok {
			num, unit = strings.TrimSpace(rest), u.bytes
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64/unit {
		return 0, fmt.Errorf("not a size such as 4MiB, 512KiB or 1048576: %q", s)
	}
	return n * unit, nil
}
