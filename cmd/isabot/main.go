// Command isabot answers journalists' questions about the Chinese-German
// Industrial Cities Alliance (ISA) from its press releases and data.
//
// Run "isabot --help" for the subcommands.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	// The time zones of the chats' digests, in the binary: the image and
	// hosts without /usr/share/zoneinfo know them too.
	_ "time/tzdata"
)

// version is stamped by .ci/build with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil:
	case errors.Is(err, errUsage):
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "isabot:", err)
		os.Exit(1)
	}
}
