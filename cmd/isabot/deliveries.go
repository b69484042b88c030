package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"text/tabwriter"

	"github.com/isa-alliance/isabot/bots/store"
)

func deliveriesCommand() command {
	var asJSON bool
	return command{
		name:    "deliveries",
		summary: "report the deliveries of new releases, by release and platform: sent, waiting, failed (why), gone; only RELEASE's when given",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, "print a JSON array")
		},
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			if len(args) > 1 {
				fs.Usage()
				return errUsage
			}
			report, err := fromState(ctx, a, deliveriesPath, store.State.Deliveries)
			if err != nil {
				return err
			}
			if len(args) == 1 {
				report = slices.DeleteFunc(report, func(r store.ReleaseDeliveries) bool { return r.Release != args[0] })
				if len(report) == 0 {
					return fmt.Errorf("no deliveries of a release %q are on record: see isabot deliveries for those that are", args[0])
				}
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(report)
			}
			if len(report) == 0 {
				fmt.Fprintln(a.stdout, "No deliveries on record.")
				return nil
			}
			return printDeliveries(a, report)
		},
	}
}

// printDeliveries prints the counts of each release, then each delivery
// given up.
func printDeliveries(a *app, report []store.ReleaseDeliveries) error {
	w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "RELEASE\tPLATFORM\tSENT\tWAITING\tFAILED\tGONE\tTITLE")
	givenUp := 0
	for _, r := range report {
		for _, p := range r.Platforms {
			fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%d\t%s\n", r.Release, p.Platform, p.Sent, p.Pending, p.Failed+p.Abandoned, p.Gone, r.Title)
		}
		givenUp += len(r.Undelivered)
	}
	if err := w.Flush(); err != nil || givenUp == 0 {
		return err
	}
	fmt.Fprintln(a.stdout, "\nFailed or gone:")
	fmt.Fprintln(w, "RELEASE\tPLATFORM\tCHAT\tSTATE\tWHEN\tCAUSE")
	for _, r := range report {
		for _, u := range r.Undelivered {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", u.Release, u.Platform, u.Chat, u.State, u.At.Local().Format("2006-01-02 15:04"), u.Cause)
		}
	}
	return w.Flush()
}

// deliveriesPath lets `isabot deliveries` ask a running serve, which
// holds the state file.
const deliveriesPath = "/internal/deliveries"
