package inbox

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/isa-alliance/isabot/corpus"
)

// Taken remembers, in a file, which release files a sink took, by name,
// with the stamp each had (its size and modification time): a scan at
// the next start passes over a file taken as it is now without reading
// it (Options.Taken). In an archive of 100,000 releases reading and
// handing every file to the sink again at each start took a minute.
//
// The file is a log: a line is appended for each file taken, and the
// last line of a name counts. It is written again, without the lines
// that no longer count, when it is opened and holds more of those than
// of the others. A line lost (a crash while appending) only makes the
// next scan read that file again.
type Taken struct {
	mu     sync.Mutex
	path   string
	stamps map[string]corpus.Stamp
	log    *os.File
}

// OpenTaken opens the record of taken files at path, creating it if it
// does not exist.
func OpenTaken(path string) (*Taken, error) {
	t := &Taken{path: path, stamps: map[string]corpus.Stamp{}}
	lines, err := t.read()
	if err != nil {
		return nil, err
	}
	if lines > 2*len(t.stamps)+64 {
		if err := t.rewrite(); err != nil {
			return nil, err
		}
	}
	t.log, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("inbox: open the record of taken files: %w", err)
	}
	return t, nil
}

// read reads the log into t.stamps and returns how many lines it has; a
// line it cannot read (the last, cut short) is left out.
func (t *Taken) read() (int, error) {
	f, err := os.Open(t.path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("inbox: read the record of taken files: %w", err)
	}
	defer f.Close()
	lines := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines++
		if name, s, ok := parseTakenLine(sc.Text()); ok {
			t.stamps[name] = s
		}
	}
	if err := sc.Err(); err != nil {
		return 0, fmt.Errorf("inbox: read the record of taken files: %w", err)
	}
	return lines, nil
}

// takenLine is a line of the log: size, modification time in
// nanoseconds, and the quoted name (a name may hold spaces).
func takenLine(name string, s corpus.Stamp) string {
	return strconv.FormatInt(s.Size, 10) + " " + strconv.FormatInt(s.ModTime, 10) + " " + strconv.Quote(name) + "\n"
}

func parseTakenLine(line string) (string, corpus.Stamp, bool) {
	size, rest, ok1 := strings.Cut(line, " ")
	mod, quoted, ok2 := strings.Cut(rest, " ")
	if !ok1 || !ok2 {
		return "", corpus.Stamp{}, false
	}
	s, err1 := strconv.ParseInt(size, 10, 64)
	m, err2 := strconv.ParseInt(mod, 10, 64)
	name, err3 := strconv.Unquote(quoted)
	if err1 != nil || err2 != nil || err3 != nil {
		return "", corpus.Stamp{}, false
	}
	return name, corpus.Stamp{Size: s, ModTime: m}, true
}

// rewrite writes the log again with one line a name, whole or not at all.
func (t *Taken) rewrite() error {
	f, err := os.CreateTemp(filepath.Dir(t.path), "."+filepath.Base(t.path)+".*")
	if err != nil {
		return fmt.Errorf("inbox: write the record of taken files: %w", err)
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriter(f)
	for name, s := range t.stamps {
		w.WriteString(takenLine(name, s))
	}
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), t.path)
	}
	if err != nil {
		return fmt.Errorf("inbox: write the record of taken files: %w", err)
	}
	return nil
}

// Has reports whether the file name was taken when it had stamp s.
func (t *Taken) Has(name string, s corpus.Stamp) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	old, ok := t.stamps[name]
	return ok && old == s
}

// Take records that the files of stamps, by name, were taken as they
// were at those stamps.
func (t *Taken) Take(stamps map[string]corpus.Stamp) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	var b strings.Builder
	for name, s := range stamps {
		if old, ok := t.stamps[name]; ok && old == s {
			continue
		}
		t.stamps[name] = s
		b.WriteString(takenLine(name, s))
	}
	if b.Len() == 0 {
		return nil
	}
	if _, err := t.log.WriteString(b.String()); err != nil {
		return fmt.Errorf("inbox: record a taken file: %w", err)
	}
	return nil
}

// Close closes the log.
func (t *Taken) Close() error { return t.log.Close() }
