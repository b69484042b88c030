// Package inbox is where new releases come from: files that land in the
// data directory's releases/ folder (WatchFolder, ScanFolder), files an
// editor publishes there (Publish), and RSS or Atom feeds (PollFeeds).
//
// Every source hands each release it finds to a Sink. A source does not
// remember what it delivered: the same release may reach the sink again
// (a file that is saved twice, a feed item on every full poll), with the
// same ID each time, and the sink decides what is new. Only the
// folder's watch may be told which files the sink took at an earlier
// start (Options.Taken), so as not to read an archive again at each.
package inbox

import (
	"context"
	"log/slog"

	"github.com/isa-alliance/isabot/corpus"
)

// Sink receives each release that arrives; it must be safe for concurrent
// use. An error is logged by the caller of Sink (the source), and the
// source retries that release later (a file on the next change or rescan,
// a feed item on the next poll).
type Sink func(ctx context.Context, r corpus.Release) error

// orDiscard returns logger, or a logger that drops everything.
func orDiscard(logger *slog.Logger) *slog.Logger {
	if logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return logger
}
