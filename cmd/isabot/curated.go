package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/isa-alliance/isabot/bots"
	"github.com/isa-alliance/isabot/bots/handoff"
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
			path := filepath.Join(a.dataDir, corpus.CuratedFile)
			switch {
			case len(args) == 2 && args[0] == "remove":
				removed, err := corpus.RemoveCurated(path, args[1])
				if err != nil {
					return err
				}
				if !removed {
					return fmt.Errorf("no curated answer %q in %s", args[1], path)
				}
				fmt.Fprintf(a.stdout, "Removed curated answer %s; a running isabot serve stops giving it within %s.\n", args[1], handoff.CuratedPoll)
				return nil
			case len(args) > 0:
				fs.Usage()
				return errUsage
			}
			list, errs := corpus.LoadCurated(a.curatedDir())
			for _, err := range errs {
				fmt.Fprintln(a.stderr, "isabot curated:", err)
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

// curatedAnswers keeps the data directory's curated answers in engine.
func (a *app) curatedAnswers(engine interface{ SetCurated([]corpus.Curated) }) *handoff.CuratedFile {
	return handoff.NewCuratedFile(a.curatedDir(), filepath.Join(a.dataDir, corpus.CuratedFile), engine, a.logger)
}
