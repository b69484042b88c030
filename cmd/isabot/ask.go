package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/answer"
)

func askCommand() command {
	var (
		asJSON bool
		lang   string
	)
	return command{
		name:    "ask",
		summary: "answer a question about the ISA, with its sources",
		usage:   `"QUESTION"`,
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, `print one JSON object: {"question","language","answered","answer","confidence","sources":[...]}`)
			fs.StringVar(&lang, "lang", "", "answer in `LANG` (de, en or zh) instead of the question's language")
		},
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			question := strings.TrimSpace(strings.Join(args, " "))
			if question == "" {
				fmt.Fprintln(a.stderr, "isabot ask: a question is needed, such as: isabot ask \"Wann wurde die ISA gegründet?\"")
				return errUsage
			}
			var l corpus.Lang
			if lang != "" {
				var err error
				if l, err = corpus.ParseLang(lang); err != nil {
					fmt.Fprintln(a.stderr, "isabot ask:", err)
					return errUsage
				}
			}
			defer collectLess()()
			engine, idx, err := a.openEngine(ctx)
			if err != nil {
				return err
			}
			defer idx.Close()
			answer, err := engine.Answer(ctx, question, l)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(answer)
			}
			return printAnswer(a.stdout, answer, isTerminal(a.stdout))
		},
	}
}

// askMemoryLimit bounds the heap of one `isabot ask` (collectLess).
const askMemoryLimit = 200 << 20

// collectLess makes the garbage collector of a one-question process run
// at five times the growth of the heap it otherwise waits for, with the
// heap kept under askMemoryLimit, unless GOGC or GOMEMLIMIT say how; it
// returns what sets them back. What `ask` allocates is left behind when
// the process ends: at 10,000 releases collecting it took about a
// third of the process's CPU time, and without collecting at all its
// peak memory grew by 4 MB only. At 100,000 releases the limit keeps
// the heap as it was (see docs/performance.md).
func collectLess() (restore func()) { return collectAt(400, askMemoryLimit) }

// collectAt sets the garbage collector's percent, and its memory limit
// if limit is not 0, for a command whose heap the defaults suit badly,
// unless GOGC (or, with a limit, GOMEMLIMIT) says how; it returns what
// sets them back.
func collectAt(percent int, limit int64) (restore func()) {
	if os.Getenv("GOGC") != "" || limit != 0 && os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	oldPercent, oldLimit := debug.SetGCPercent(percent), debug.SetMemoryLimit(-1) // -1 reads it
	if limit != 0 {
		debug.SetMemoryLimit(limit)
	}
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

// printAnswer writes an answer for a reader at a terminal: the answer,
// then its numbered sources with their snippets, the words that matched
// in bold when bold is set (on a terminal).
func printAnswer(w io.Writer, a answer.Answer, bold bool) error {
	var b strings.Builder
	b.WriteString(a.Text)
	b.WriteString("\n")
	if len(a.Sources) > 0 {
		fmt.Fprintf(&b, "\n%s:\n", bots.TextsFor(a.Lang).Sources)
		for i, s := range a.Sources {
			fmt.Fprintf(&b, "  [%d] %s", i+1, s.Title)
			if !s.Date.IsZero() {
				fmt.Fprintf(&b, ", %s", s.Date.Format(a.Lang))
			}
			if s.Ref != "" && !strings.Contains(s.Title, s.Ref) {
				fmt.Fprintf(&b, " — %s", s.Ref)
			}
			b.WriteString("\n")
			if s.Snippet != "" {
				snippet := s.Snippet
				if bold {
					snippet = s.MarkedSnippet(func(t string) string { return t }, func(t string) string { return "\x1b[1m" + t + "\x1b[0m" })
				}
				fmt.Fprintf(&b, "      %s\n", snippet)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
