package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/isa-alliance/isabot/bots/inbox"
)

func publishCommand() command {
	return command{
		name:    "publish",
		summary: "add a release to the data directory; the running serve announces it (or the next one does)",
		usage:   "FILE",
		run: func(ctx context.Context, a *app, fs *flag.FlagSet, args []string) error {
			if len(args) != 1 {
				fs.Usage()
				return errUsage
			}
			dest, err := inbox.Publish(a.dataDir, args[0], inbox.Options{MaxFileSize: a.cfg.MaxFileSize})
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "published %s\n", dest)
			return nil
		},
	}
}
