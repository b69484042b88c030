package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/isa-alliance/isabot/bots/observe"
	"github.com/isa-alliance/isabot/bots/store/pgstore"
)

func unansweredCommand() command {
	var (
		since  string
		asJSON bool
	)
	return command{
		name:    "unanswered",
		summary: "list the questions isabot could not answer, most asked first",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&since, "since", "", "only questions last asked since `WHEN`: a date (2026-11-01) or a time ago (7d, 36h)")
			fs.BoolVar(&asJSON, "json", false, "print a JSON array")
		},
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			if len(args) > 0 {
				fs.Usage()
				return errUsage
			}
			from, err := parseSince(since, time.Now())
			if err != nil {
				fmt.Fprintln(a.stderr, "isabot unanswered:", err)
				return errUsage
			}
			questions, err := a.readUnanswered(ctx, from)
			if err != nil {
				return err
			}
			if asJSON {
				if questions == nil {
					questions = []observe.Question{}
				}
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(questions)
			}
			if len(questions) == 0 {
				fmt.Fprintln(a.stdout, "No unanswered questions.")
				return nil
			}
			w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "COUNT\tLANG\tLAST ASKED\tPLATFORMS\tQUESTION")
			for _, q := range questions {
				fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\n", q.Count, q.Lang, q.Last.Local().Format("2006-01-02 15:04"), strings.Join(q.Platforms, ","), q.Question)
			}
			return w.Flush()
		},
	}
}

// readUnanswered reads the questions serve could not answer, last asked
// since from: from the database the replicas share, else from the data
// directory's file.
func (a *app) readUnanswered(ctx context.Context, from time.Time) ([]observe.Question, error) {
	if a.cfg.DatabaseURL == "" {
		return observe.ReadUnanswered(filepath.Join(a.dataDir, unansweredFile), from)
	}
	db, err := pgstore.Open(ctx, a.cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.ReadUnanswered(ctx, from)
}

// parseSince reads a date or a time ago; empty means since ever.
func parseSince(s string, now time.Time) (time.Time, error) {
	switch {
	case s == "":
		return time.Time{}, nil
	case strings.HasSuffix(s, "d"):
		if n, err := strconv.Atoi(strings.TrimSuffix(s, "d")); err == nil && n >= 0 {
			return now.AddDate(0, 0, -n), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	if t, err := time.ParseInLocation("2006-01-02", s, time.Local); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("--since %q: want a date such as 2026-11-01 or a time ago such as 7d or 36h", s)
}
