package main

import (
	"context"
	"flag"
	"fmt"
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
			data := a.loadCorpus()
			idx, err := a.openIndex(ctx, data)
			if err != nil {
				return err
			}
			defer idx.Close()
			n, err := idx.DocCount()
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "index ready: %d releases, %d passages, in %s\n", len(data.Releases), n, a.dataDir)
			return nil
		},
	}
}
