package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
)

// loadCorpus reads the embedded corpus and the data directory's additions,
// logging every problem; the rest loads. It returns the data files of the
// data directory that have errors and are not used (corpus.Load), and
// ctx's error if ctx ends first.
func (a *app) loadCorpus(ctx context.Context) (*corpus.Data, []*corpus.UnusedFileError, error) {
	dir := corpus.OSDir(a.dataDir)
	dir.MaxFileSize = a.cfg.MaxFileSize
	if a.dataFS != nil {
		dir.FS = a.dataFS
	}
	data, problems := corpus.LoadContext(ctx, corpus.Embedded(), dir)
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	var unused []*corpus.UnusedFileError
	for _, err := range problems {
		var u *corpus.UnusedFileError
		if errors.As(err, &u) {
			a.logger.Error("a data file has errors and is not used", "error", err)
			unused = append(unused, u)
			continue
		}
		a.logger.Warn("skipped part of the corpus", "error", err)
	}
	data.Releases = withoutEmbargoed(data.Releases, a.clock())
	return data, unused, nil
}

// openIndex opens the on-disk index in the data directory, building it
// when the corpus changed. When another isabot process holds it, the
// answers come from an index built in memory instead, if inMemory allows.
func (a *app) openIndex(ctx context.Context, data *corpus.Data, inMemory bool) (*search.Index, error) {
	dir := filepath.Join(a.dataDir, "index")
	start := time.Now()
	idx, rebuilt, err := search.OpenIndex(ctx, dir, data.Releases, a.progress("indexing releases"))
	switch {
	case errors.Is(err, search.ErrLocked) && inMemory:
		a.logger.Warn("the index is in use by another isabot process; building a temporary one in memory", "dir", dir)
		return search.NewMemIndex(ctx, data.Releases)
	case err != nil:
		return nil, err
	case rebuilt:
		a.logger.Info("built the search index", "releases", len(data.Releases), "dir", dir, "took", time.Since(start).Round(time.Millisecond))
	}
	return idx, nil
}

// openEngine loads the corpus and its index and returns the answer engine.
func (a *app) openEngine(ctx context.Context) (*search.Engine, *search.Index, error) {
	data, _, err := a.loadCorpus(ctx)
	if err != nil {
		return nil, nil, err
	}
	idx, err := a.openIndex(ctx, data, true)
	if err != nil {
		return nil, nil, err
	}
	engine := search.NewEngine(data, idx)
	a.curatedAnswers(engine).Load()
	return engine, idx, nil
}

// progress returns a progress callback that draws a bar on a terminal once
// the work has taken more than a moment, and does nothing otherwise.
func (a *app) progress(what string) search.ProgressFunc {
	f, ok := a.stderr.(*os.File)
	if !ok || !isatty.IsTerminal(f.Fd()) {
		return nil
	}
	start := time.Now()
	var bar *progressbar.ProgressBar
	return func(done, total int) {
		if bar == nil {
			if time.Since(start) < 500*time.Millisecond && done < total {
				return
			}
			bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(a.stderr),
				progressbar.OptionSetDescription(what),
				progressbar.OptionShowCount(),
				progressbar.OptionClearOnFinish(),
				progressbar.OptionOnCompletion(func() { fmt.Fprintln(a.stderr) }),
			)
		}
		bar.Set(done)
	}
}
