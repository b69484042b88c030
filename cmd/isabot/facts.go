package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
)

func factsCommand() command {
	var (
		release string
		asJSON  bool
	)
	return command{
		name:    "facts",
		summary: "list the facts learned from the releases, so an editor can check them",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&release, "release", "", "only the facts of the release with `ID`")
			fs.BoolVar(&asJSON, "json", false, "print a JSON array")
		},
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			if len(args) > 0 {
				fs.Usage()
				return errUsage
			}
			engine, idx, err := a.openEngine(ctx)
			if err != nil {
				return err
			}
			defer idx.Close()
			facts, err := engine.LearnedFacts(release)
			if err != nil {
				return err
			}
			if asJSON {
				if facts == nil {
					facts = []search.LearnedFact{}
				}
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(facts)
			}
			return printFacts(a, facts)
		},
	}
}

// printFacts prints the facts by release, each with what a newer data
// file says instead.
func printFacts(a *app, facts []search.LearnedFact) error {
	if len(facts) == 0 {
		fmt.Fprintln(a.stdout, "No facts learned from the releases.")
		return nil
	}
	w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	last := ""
	for _, f := range facts {
		if f.Release != last {
			if last != "" {
				fmt.Fprintln(w)
			}
			fmt.Fprintf(w, "%s (%s)\n", f.Release, f.Date.Format(corpus.English))
			last = f.Release
		}
		fmt.Fprintf(w, "  %s\t%s\n", f.Kind, f.Fact)
		if f.Contradicted != "" {
			fmt.Fprintf(w, "  \t! a newer data file says otherwise, and wins: %s\n", f.Contradicted)
		}
	}
	return w.Flush()
}
