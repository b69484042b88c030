package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/handoff"
	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/store/pgstore"
	"github.com/isa-alliance/isabot/corpus"
)

func curatedCommand() command {
	var asJSON bool
	return command{
		name:    "curated",
		summary: "list the press office's curated answers; 'curated remove ID' removes one",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, "print a JSON array")
		},
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			var remove string
			switch {
			case len(args) == 2 && args[0] == "remove":
				remove = args[1]
			case len(args) > 0:
				fs.Usage()
				return errUsage
			}
			var list []corpus.Curated
			if a.cfg.DatabaseURL != "" {
				db, err := pgstore.Open(ctx, a.cfg.DatabaseURL)
				if err != nil {
					return err
				}
				defer db.Close()
				if remove != "" {
					removed, err := db.RemoveCurated(ctx, remove)
					return a.removedCurated(remove, "the database", removed, pgstore.CuratedPoll, err)
				}
				if list, err = db.ListCurated(ctx); err != nil {
					return err
				}
			} else {
				path := filepath.Join(a.dataDir, corpus.CuratedFile)
				if remove != "" {
					removed, err := corpus.RemoveCurated(path, remove)
					return a.removedCurated(remove, path, removed, handoff.CuratedPoll, err)
				}
				var errs []error
				list, errs = corpus.LoadCurated(a.curatedDir())
				for _, err := range errs {
					fmt.Fprintln(a.stderr, "isabot curated:", err)
				}
			}
			if asJSON {
				if list == nil {
					list = []corpus.Curated{}
				}
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(list)
			}
			if len(list) == 0 {
				fmt.Fprintln(a.stdout, "No curated answers.")
				return nil
			}
			w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tDATE\tLANG\tORGANISATION\tQUESTION\tANSWER")
			for _, c := range list {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.Date, c.Lang, c.Organisation, oneLine(c.Question, 60), oneLine(c.Answer, 60))
			}
			return w.Flush()
		},
	}
}

// removedCurated reports the removal of the curated answer id from
// where, the database or curated.yaml, which serve rereads every poll.
func (a *app) removedCurated(id, where string, removed bool, poll time.Duration, err error) error {
	if err != nil {
		return err
	}
	if !removed {
		return fmt.Errorf("no curated answer %q in %s", id, where)
	}
	fmt.Fprintf(a.stdout, "Removed curated answer %s; a running isabot serve stops giving it within %s.\n", id, poll)
	return nil
}

// oneLine clips text to runes on one line, for a table.
func oneLine(text string, runes int) string {
	return bots.Clip(strings.Join(strings.Fields(text), " "), runes)
}

// curatedDir is the directory curated.yaml is read from: the data
// directory.
func (a *app) curatedDir() corpus.Dir {
	dir := corpus.OSDir(a.dataDir)
	dir.MaxFileSize = a.cfg.MaxFileSize
	if a.dataFS != nil {
		dir.FS = a.dataFS
	}
	return dir
}

// curatedAnswers is where serve keeps the press office's curated
// answers: package pgstore's when the state is in the database, which
// every replica shares, else the data directory's curated.yaml.
type curatedAnswers interface {
	handoff.Curator
	// Load gives the curated answers to the engine.
	Load()
	// Watch gives them anew when they changed, until ctx ends.
	Watch(ctx context.Context) error
}

// curatedAnswers keeps the curated answers of state's database, or of
// the data directory when state is another (or none), in engine.
func (a *app) curatedAnswers(engine interface{ SetCurated([]corpus.Curated) }, state store.State) curatedAnswers {
	if db, ok := state.(*pgstore.Store); ok {
		return db.CuratedAnswers(engine, a.logger)
	}
	return handoff.NewCuratedFile(a.curatedDir(), filepath.Join(a.dataDir, corpus.CuratedFile), engine, a.logger)
}
