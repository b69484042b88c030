package observe

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/isa-alliance/isabot/corpus"
)

// maxLoggedQuestion bounds how much of a question the log keeps.
const maxLoggedQuestion = 500

// The log's bounds: how many distinct questions, and how many bytes, one
// file holds before it becomes the previous file; and how often it is
// written at most.
const (
	maxUnansweredEntries = 5000
	maxUnansweredBytes   = 1 << 20
	unansweredWriteEvery = time.Second
)

// Unanswered keeps the questions isabot could not answer in a file of
// JSON lines in the data directory, one line per distinct question: how
// often it was asked, in which language, on which platforms, when first
// and last; nothing about who asked. The same question asked again
// (ignoring case, spacing and the punctuation around it) counts on its
// line. The file is bounded: when one more question would take it over
// its number of questions or bytes, it becomes the previous file (its
// name with ".1", replacing the one before) and a new file begins.
//
// The log is kept in memory and the file rewritten whole (a new file
// renamed over the old one) at most once a second, and at Close; so
// `isabot unanswered` may read it while serve runs, which must be the
// only writer.
type Unanswered struct {
	path       string
	logger     *slog.Logger
	now        func() time.Time
	maxEntries int
	maxBytes   int

	mu      sync.Mutex
	entries map[string]*entry // by QuestionKey
	size    int               // bytes of the entries' lines
	dirty   bool              // entries differ from the file
	written time.Time         // when the file was last written
	write   *time.Timer       // the next write, when one is due
	closed  bool
}

type entry struct {
	line unansweredLine
	size int // of the line, with its newline
}

// unansweredLine is one line of the log: a question and its asks.
type unansweredLine struct {
	Question  string      `json:"q"`
	Lang      corpus.Lang `json:"lang"`
	Count     int         `json:"count,omitempty"`
	Platforms []string    `json:"platforms,omitempty"`
	First     time.Time   `json:"first,omitzero"`
	Last      time.Time   `json:"last,omitzero"`
	// At and Platform are what a line of the older log holds: one ask.
	At       time.Time `json:"at,omitzero"`
	Platform string    `json:"platform,omitempty"`
}

// asks turns a line of the older log (one ask) into a line of the
// current one.
func (l unansweredLine) asks() unansweredLine {
	if l.Count > 0 {
		return l
	}
	return unansweredLine{Question: l.Question, Lang: l.Lang, Count: 1, Platforms: []string{l.Platform}, First: l.At, Last: l.At}
}

// merge adds the asks of o, a line of the same question, to l.
func (l *unansweredLine) merge(o unansweredLine) {
	l.Count += o.Count
	if o.First.Before(l.First) {
		l.First = o.First
	}
	if o.Last.After(l.Last) {
		l.Last = o.Last
	}
	for _, p := range o.Platforms {
		if i, found := slices.BinarySearch(l.Platforms, p); !found {
			l.Platforms = slices.Insert(l.Platforms, i, p)
		}
	}
}

func (l unansweredLine) size() int {
	raw, _ := json.Marshal(l)
	return len(raw) + 1
}

// LoggedQuestion is a question as a log of unanswered questions keeps
// it: the log is read on a terminal, so without control sequences, at
// most maxLoggedQuestion characters; false for what is no question at
// all (no letter, no number).
func LoggedQuestion(question string) (string, bool) {
	q := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(question, ""))
	q = strings.Join(strings.Fields(q), " ")
	if !strings.ContainsFunc(q, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
		return "", false
	}
	if utf8.RuneCountInString(q) > maxLoggedQuestion {
		q = string([]rune(q)[:maxLoggedQuestion])
	}
	return q, true
}

// QuestionKey is what makes two questions the same: the language and the
// words, without case, spacing and the punctuation around them.
func QuestionKey(lang corpus.Lang, q string) string {
	q = strings.ToLower(strings.Join(strings.Fields(q), " "))
	q = strings.TrimFunc(q, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) })
	return string(lang) + "\x00" + q
}

// NewUnanswered keeps the log in the file at path, going on with what the
// file holds.
func NewUnanswered(path string, logger *slog.Logger) *Unanswered {
	u := &Unanswered{path: path, logger: logger, now: time.Now, maxEntries: maxUnansweredEntries, maxBytes: maxUnansweredBytes, entries: map[string]*entry{}}
	lines, err := readLog(path)
	if err != nil {
		// Kept as the previous file, not overwritten.
		logger.Error("cannot read the unanswered questions; starting a new log", "file", path, "error", err)
		u.rotate()
		return u
	}
	for _, l := range lines {
		e := &entry{line: l, size: l.size()}
		u.entries[QuestionKey(l.Lang, l.Question)] = e
		u.size += e.size
	}
	if len(u.entries) > u.maxEntries || u.size > u.maxBytes {
		u.rotate()
	}
	return u
}

// Add logs one unanswered question. A failure to write is logged, not
// returned: the asker has had an answer either way.
func (u *Unanswered) Add(question string, lang corpus.Lang, platform string) {
	q, ok := LoggedQuestion(question)
	if !ok {
		return
	}
	at := u.now().UTC().Truncate(time.Second)
	ask := unansweredLine{Question: q, Lang: lang, Count: 1, Platforms: []string{platform}, First: at, Last: at}
	key := QuestionKey(lang, q)

	u.mu.Lock()
	defer u.mu.Unlock()
	e := u.entries[key]
	line, entries, size := ask, len(u.entries)+1, ask.size()
	if e != nil {
		line = e.line
		line.Platforms = slices.Clone(line.Platforms)
		line.merge(ask)
		entries, size = len(u.entries), line.size()-e.size
	}
	if entries > u.maxEntries || u.size+size > u.maxBytes {
		// This file is full: it becomes the previous one, and the ask
		// begins the next.
		u.rotate()
		e, line, size = nil, ask, ask.size()
	}
	if e == nil {
		e = &entry{}
		u.entries[key] = e
	}
	e.line = line
	e.size += size
	u.size += size
	u.dirty = true
	u.schedule()
}

// schedule has the file written now, if a second has passed since the
// last write, else when it has.
func (u *Unanswered) schedule() {
	wait := time.Until(u.written.Add(unansweredWriteEvery))
	if u.closed || wait <= 0 {
		u.flush()
		return
	}
	if u.write != nil {
		return
	}
	u.write = time.AfterFunc(wait, func() {
		u.mu.Lock()
		defer u.mu.Unlock()
		u.write = nil
		if !u.closed {
			u.flush()
		}
	})
}

// Close writes what has not been written yet.
func (u *Unanswered) Close() {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.closed = true
	if u.write != nil {
		u.write.Stop()
		u.write = nil
	}
	u.flush()
}

// flush writes the entries to the file, most asked first, if they
// changed.
func (u *Unanswered) flush() {
	if !u.dirty {
		return
	}
	lines := make([]unansweredLine, 0, len(u.entries))
	for _, e := range u.entries {
		lines = append(lines, e.line)
	}
	sortLines(lines)
	if err := writeLog(u.path, lines); err != nil {
		u.logger.Error("cannot log the unanswered questions", "file", u.path, "error", err)
		return
	}
	u.dirty = false
	u.written = time.Now()
}

// rotate makes the file the previous file and begins a new one.
func (u *Unanswered) rotate() {
	u.flush()
	if err := os.Rename(u.path, u.path+".1"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		u.logger.Error("cannot keep the unanswered questions as the previous file", "file", u.path, "error", err)
	}
	clear(u.entries)
	u.size = 0
	u.dirty = false
}

// writeLog replaces the file at path with lines, all at once.
func writeLog(path string, lines []unansweredLine) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, l := range lines {
		if err = enc.Encode(l); err != nil {
			break
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// readLog reads the log file at path, the same question's lines taken
// together, in the order of their first lines; a missing file is an
// empty log, and a line that cannot be read is skipped.
func readLog(path string) ([]unansweredLine, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []unansweredLine
	byKey := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		var l unansweredLine
		if json.Unmarshal(sc.Bytes(), &l) != nil || l.Question == "" {
			continue
		}
		l = l.asks()
		key := QuestionKey(l.Lang, l.Question)
		if i, ok := byKey[key]; ok {
			lines[i].merge(l)
			continue
		}
		slices.Sort(l.Platforms)
		byKey[key] = len(lines)
		lines = append(lines, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return lines, nil
}

// Question is an unanswered question and how often it was asked.
type Question struct {
	Question  string      `json:"question"`
	Lang      corpus.Lang `json:"language"`
	Platforms []string    `json:"platforms"`
	Count     int         `json:"count"`
	First     time.Time   `json:"first_asked"`
	Last      time.Time   `json:"last_asked"`
}

// ReadUnanswered reads the log at path, and the previous file beside it,
// and returns the questions last asked since then, each with all its
// asks the log holds, the same question (ignoring case, spacing and the
// punctuation around it) counted together, most asked first.
func ReadUnanswered(path string, since time.Time) ([]Question, error) {
	var lines []unansweredLine
	byKey := map[string]int{}
	// The previous file first: a question keeps its earliest wording.
	for _, p := range []string{path + ".1", path} {
		read, err := readLog(p)
		if err != nil {
			return nil, fmt.Errorf("read unanswered questions: %w", err)
		}
		for _, l := range read {
			key := QuestionKey(l.Lang, l.Question)
			if i, ok := byKey[key]; ok {
				lines[i].merge(l)
				continue
			}
			byKey[key] = len(lines)
			lines = append(lines, l)
		}
	}
	sortLines(lines)
	var out []Question
	for _, l := range lines {
		if !l.Last.Before(since) {
			out = append(out, Question{Question: l.Question, Lang: l.Lang, Platforms: l.Platforms, Count: l.Count, First: l.First, Last: l.Last})
		}
	}
	return out, nil
}

// sortLines puts the most asked first, then the last asked.
func sortLines(lines []unansweredLine) {
	slices.SortFunc(lines, func(a, b unansweredLine) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return b.Last.Compare(a.Last)
	})
}
