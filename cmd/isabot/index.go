package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/isa-alliance/isabot/search"
)

func indexCommand() command {
	return command{
		name:    "index",
		summary: "build or refresh the on-disk search index",
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			if len(args) > 0 {
				fs.Usage()
				return errUsage
			}
			// A first build holds each release's metadata and what it
			// states until it writes them: the garbage collector runs
			// at half the growth it otherwise waits for, unless GOGC
			// says. At 100,000 releases the peak went from 580 to 430 MB,
			// for more time spent collecting (see docs/performance.md).
			defer collectAt(50, 0)()
			data, _, idx, err := a.openCorpus(ctx, false)
			if errors.Is(err, search.ErrLocked) {
				return fmt.Errorf("%w: a running isabot serve keeps its index up to date itself", err)
			}
			if err != nil {
				return err
			}
			defer idx.Close()
			// The engine learns what the releases state and keeps it in
			// the index, so that the next start need read no release.
			search.NewEngine(data, idx)
			n, err := idx.DocCount()
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "index ready: %d releases, %d passages, in %s\n", len(data.Releases), n, a.dataDir)
			return nil
		},
	}
}
