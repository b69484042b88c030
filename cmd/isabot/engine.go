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

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/bots/store/pgstore"
	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search"
)

// loadCorpus reads the embedded corpus and the data directory's additions,
// logging every problem; the rest loads. The data directory's releases
// are loaded without their text, which the engine reads when it needs it,
// and known, when given, names the release files that need not be read
// (search.Index.Known). It returns the data files of the data directory
// that have errors and are not used (corpus.Load), and ctx's error if ctx
// ends first.
func (a *app) loadCorpus(ctx context.Context, known func(folder string, files []corpus.File) []*corpus.Release) (*corpus.Data, []*corpus.UnusedFileError, error) {
	dir := corpus.OSDir(a.dataDir)
	dir.MaxFileSize = a.cfg.MaxFileSize
	dir.Lazy, dir.Known = true, known
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

// openCorpus opens the on-disk index in the data directory, loads the
// corpus, reading only the release files the index does not hold as they
// are, and brings the index up to date. When another isabot process holds
// the index, the answers come from an index built in memory instead, if
// inMemory allows.
//
// The index opens while the corpus loads: reading its snapshot and
// listing the releases folder (a stat of every file) are each about a
// fifth of a start at 10,000 releases, and neither needs the other. The
// corpus waits for the index when it has listed and stat-ed the release
// files and asks which it could take from it.
func (a *app) openCorpus(ctx context.Context, inMemory bool) (*corpus.Data, []*corpus.UnusedFileError, *search.Index, error) {
	dir := filepath.Join(a.dataDir, "index")
	loadCtx, cancelLoad := context.WithCancel(ctx)
	defer cancelLoad()
	var (
		idx     *search.Index
		openErr error
		opened  = make(chan struct{})
	)
	go func() {
		defer close(opened)
		idx, openErr = search.OpenIndex(dir)
		if errors.Is(openErr, search.ErrLocked) && inMemory {
			a.logger.Warn("the index is in use by another isabot process; building a temporary one in memory", "dir", dir)
			idx, openErr = search.NewMemIndex(ctx, nil)
		}
		if openErr != nil {
			cancelLoad() // the corpus is not needed
		}
	}()
	known := func(folder string, files []corpus.File) []*corpus.Release {
		<-opened
		if openErr != nil {
			return nil
		}
		return idx.Known(folder, files)
	}
	data, unused, err := a.loadCorpus(loadCtx, known)
	<-opened
	if openErr != nil {
		return nil, nil, nil, openErr
	}
	if err != nil {
		idx.Close()
		return nil, nil, nil, err
	}
	start := time.Now()
	n, problems, err := idx.Sync(ctx, data, a.progress("indexing releases"))
	for _, p := range problems {
		a.logger.Warn("a release was left out of the index: its file cannot be read again", "error", p)
	}
	if err != nil {
		idx.Close()
		return nil, nil, nil, err
	}
	if n > 0 {
		a.logger.Info("updated the search index", "releases", n, "of", len(data.Releases), "dir", dir, "took", time.Since(start).Round(time.Millisecond))
	}
	return data, unused, idx, nil
}

// openEngine loads the corpus and its index and returns the answer engine.
func (a *app) openEngine(ctx context.Context) (*search.Engine, *search.Index, error) {
	// The engine's own data files are read on the other core while the
	// corpus loads: a one-line question pays for the longer of the two.
	go search.Preload()
	data, _, idx, err := a.openCorpus(ctx, true)
	if err != nil {
		return nil, nil, err
	}
	engine := search.NewEngine(data, idx)
	// The curated answers are in the database when the state is.
	var state store.State
	if a.cfg.DatabaseURL != "" {
		db, err := pgstore.Open(ctx, a.cfg.DatabaseURL)
		if err != nil {
			idx.Close()
			return nil, nil, err
		}
		defer db.Close()
		state = db
	}
	a.curatedAnswers(engine, state).Load()
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
