package main

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"time"

	"github.com/isa-alliance/isabot/bots/inbox"
	"github.com/isa-alliance/isabot/corpus"
)

func publishCommand() command {
	var embargo string
	return command{
		name:    "publish",
		summary: "add a release to the data directory; the running serve announces it (or the next one does), at its embargo if it has one",
		usage:   "FILE",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&embargo, "embargo", "", "hold the release until `TIME` (such as 2026-03-01T10:00:00+01:00): not searchable, shown or announced before; a Markdown release only")
		},
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			if len(args) != 1 {
				fs.Usage()
				return errUsage
			}
			opts := inbox.Options{MaxFileSize: a.cfg.MaxFileSize}
			if embargo != "" {
				t, err := time.Parse(time.RFC3339, embargo)
				if err != nil {
					return fmt.Errorf("--embargo %q: want a time with its offset, such as 2026-03-01T10:00:00+01:00", embargo)
				}
				opts.Embargo = t
			}
			dest, err := inbox.Publish(a.dataDir, args[0], opts)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "published %s\n", dest)
			return a.printScheduled(ctx)
		},
	}
}

func releasesCommand() command {
	return command{
		name:    "releases",
		summary: "list the data directory's releases, those scheduled under embargo first",
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			if len(args) > 0 {
				fs.Usage()
				return errUsage
			}
			releases, err := a.ownReleases(ctx)
			if err != nil {
				return err
			}
			if len(releases) == 0 {
				fmt.Fprintln(a.stdout, "No releases in the data directory.")
				return nil
			}
			now := a.clock()
			for _, r := range releases {
				state := "published"
				if r.Embargoed(now) {
					state = "scheduled for " + r.Embargo.Local().Format("2006-01-02 15:04 MST")
				}
				fmt.Fprintf(a.stdout, "%s\t%s\t%s\t%s\n", r.ID, r.Date.Format("2006-01-02"), state, r.Title)
			}
			return nil
		},
	}
}

// printScheduled lists the releases of the data directory under embargo,
// soonest first.
func (a *app) printScheduled(ctx context.Context) error {
	releases, err := a.ownReleases(ctx)
	if err != nil {
		return err
	}
	now := a.clock()
	for _, r := range releases {
		if r.Embargoed(now) {
			fmt.Fprintf(a.stdout, "scheduled for %s: %s (%s)\n", r.Embargo.Local().Format("2006-01-02 15:04 MST"), r.ID, r.Title)
		}
	}
	return nil
}

// ownReleases reads the releases of the data directory, those under
// embargo first (soonest first), then the others, newest first. A file
// that does not parse is logged, as serve would.
func (a *app) ownReleases(ctx context.Context) ([]corpus.Release, error) {
	dir := corpus.OSDir(a.dataDir)
	dir.MaxFileSize = a.cfg.MaxFileSize
	data, problems := corpus.LoadContext(ctx, dir)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, err := range problems {
		a.logger.Warn("skipped part of the data directory", "error", err)
	}
	releases := data.Releases
	now := a.clock()
	slices.SortFunc(releases, func(x, y corpus.Release) int {
		xe, ye := x.Embargoed(now), y.Embargoed(now)
		switch {
		case xe && ye:
			return x.Embargo.Compare(y.Embargo)
		case xe != ye:
			if xe {
				return -1
			}
			return 1
		}
		return y.Date.Compare(x.Date)
	})
	return releases, nil
}
