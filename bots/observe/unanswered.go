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

// Unanswered appends the questions isabot could not answer to a file of
// JSON lines in the data directory: what was asked, in which language, on
// which platform and when; nothing about who asked. Appending needs no
// lock across processes, so `isabot unanswered` reads it while serve runs.
type Unanswered struct {
	path   string
	logger *slog.Logger
	now    func() time.Time
	mu     sync.Mutex
}

// NewUnanswered logs to the file at path.
func NewUnanswered(path string, logger *slog.Logger) *Unanswered {
	return &Unanswered{path: path, logger: logger, now: time.Now}
}

type unansweredLine struct {
	At       time.Time   `json:"at"`
	Question string      `json:"q"`
	Lang     corpus.Lang `json:"lang"`
	Platform string      `json:"platform"`
}

// Add logs one unanswered question. A failure to write is logged, not
// returned: the asker has had an answer either way.
func (u *Unanswered) Add(question string, lang corpus.Lang, platform string) {
	// The log is read on a terminal: no control sequences, and nothing
	// that is no question at all.
	q := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(question, ""))
	q = strings.Join(strings.Fields(q), " ")
	if !strings.ContainsFunc(q, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
		return
	}
	if utf8.RuneCountInString(q) > maxLoggedQuestion {
		q = string([]rune(q)[:maxLoggedQuestion])
	}
	line, _ := json.Marshal(unansweredLine{At: u.now().UTC(), Question: q, Lang: lang, Platform: platform})
	u.mu.Lock()
	defer u.mu.Unlock()
	f, err := os.OpenFile(u.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err == nil {
		_, err = f.Write(append(line, '\n'))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		u.logger.Error("cannot log an unanswered question", "file", u.path, "error", err)
	}
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

// ReadUnanswered reads the log at path and returns the questions asked
// since then, the same question (ignoring case and spacing) counted
// together, most asked first. A line that cannot be read is skipped.
func ReadUnanswered(path string, since time.Time) ([]Question, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read unanswered questions: %w", err)
	}
	defer f.Close()
	byKey := map[string]*Question{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		var l unansweredLine
		if json.Unmarshal(sc.Bytes(), &l) != nil || l.Question == "" || l.At.Before(since) {
			continue
		}
		key := string(l.Lang) + "\x00" + strings.ToLower(l.Question)
		q := byKey[key]
		if q == nil {
			q = &Question{Question: l.Question, Lang: l.Lang, First: l.At}
			byKey[key] = q
		}
		q.Count++
		q.Last = l.At
		if !slices.Contains(q.Platforms, l.Platform) {
			q.Platforms = append(q.Platforms, l.Platform)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read unanswered questions: %w", err)
	}
	out := make([]Question, 0, len(byKey))
	for _, q := range byKey {
		slices.Sort(q.Platforms)
		out = append(out, *q)
	}
	slices.SortFunc(out, func(a, b Question) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return b.Last.Compare(a.Last)
	})
	return out, nil
}
