package search

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"

	"github.com/isa-alliance/isabot/corpus"
	"github.com/isa-alliance/isabot/search/bilingual"
)

func defaultReleases(t *testing.T) []corpus.Release {
	t.Helper()
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return data.Releases
}

// openSynced opens the index in dir and brings it up to date with
// releases, returning how many releases it indexed or removed.
func openSynced(ctx context.Context, dir string, releases []corpus.Release) (*Index, int, error) {
	idx, err := OpenIndex(dir)
	if err != nil {
		return nil, 0, err
	}
	n, problems, err := idx.Sync(ctx, &corpus.Data{Releases: releases}, nil)
	if err == nil {
		err = errors.Join(problems...)
	}
	if err != nil {
		idx.Close()
		return nil, 0, err
	}
	return idx, n, nil
}

func TestOpenIndex(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	releases := defaultReleases(t)

	// First open builds, reporting progress by release.
	idx, err := OpenIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	var progressed, total int
	n, _, err := idx.Sync(ctx, &corpus.Data{Releases: releases}, func(done, all int) { progressed, total = done, all })
	if err != nil || n != len(releases) {
		t.Fatalf("first sync: %d releases indexed, err=%v; want %d", n, err, len(releases))
	}
	if progressed != len(releases) || total != len(releases) {
		t.Errorf("progress said %d of %d, want %d of %d", progressed, total, len(releases), len(releases))
	}
	docs, _ := idx.DocCount()

	// While it is open, another opener is told it is locked, not blocked.
	if _, err := OpenIndex(dir); !errors.Is(err, ErrLocked) {
		t.Errorf("second open while held: %v, want ErrLocked", err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	// Unchanged corpus: opened as is.
	idx, n, err = openSynced(ctx, dir, releases)
	if err != nil || n != 0 {
		t.Fatalf("reopen: %d releases indexed, err=%v", n, err)
	}
	idx.Close()

	// A changed release: that one indexed again, with its new passage.
	changed := append([]corpus.Release(nil), releases...)
	changed[0].Body = append([]string{"Ein neuer Absatz."}, changed[0].Body...)
	idx, n, err = openSynced(ctx, dir, changed)
	if err != nil || n != 1 {
		t.Fatalf("changed corpus: %d releases indexed, err=%v; want 1", n, err)
	}
	if got, _ := idx.DocCount(); got != docs+1 {
		t.Errorf("after a paragraph was added: %d passages, want %d", got, docs+1)
	}
	idx.Close()

	// A removed release: its passages go.
	idx, n, err = openSynced(ctx, dir, changed[1:])
	if err != nil || n != 1 {
		t.Fatalf("removed release: %d releases changed, err=%v; want 1", n, err)
	}
	if got, _ := idx.DocCount(); got >= docs {
		t.Errorf("after a release was removed: %d passages, want fewer than %d", got, docs)
	}
	idx.Close()
}

func TestReleaseVersion(t *testing.T) {
	releases := defaultReleases(t)
	data := &corpus.Data{}
	v := releaseVersion(data, &releases[0])
	if v != releaseVersion(data, &defaultReleases(t)[0]) {
		t.Error("version of the same release differs")
	}
	changed := releases[0]
	changed.Date = changed.Date.Add(24 * time.Hour)
	if releaseVersion(data, &changed) == v {
		t.Error("version ignores the date")
	}
	changed = releases[0]
	changed.Title += "!"
	if releaseVersion(data, &changed) == v {
		t.Error("version ignores the title")
	}
}

func TestParseDocID(t *testing.T) {
	tests := []struct {
		id      string
		release string
		kind    part
		index   int
		ok      bool
	}{
		{"2021-02-11-isa#b3", "2021-02-11-isa", partBody, 3, true},
		{"a#b#t0", "a#b", partTitle, 0, true},
		{"no-hash", "", 0, 0, false},
		{"x#b", "", 0, 0, false},
		{"x#bz", "", 0, 0, false},
	}
	for _, tt := range tests {
		release, kind, index, ok := parseDocID(tt.id)
		if release != tt.release || kind != tt.kind || index != tt.index || ok != tt.ok {
			t.Errorf("parseDocID(%q) = %q, %c, %d, %v", tt.id, release, kind, index, ok)
		}
	}
}

func TestAnalyzers(t *testing.T) {
	// Köln, Koeln and Koln meet in the German field; Chinese single
	// characters are found as well as pairs.
	idx, err := NewMemIndex(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	terms := func(lang corpus.Lang, s string) []string {
		var out []string
		for _, term := range idx.analyze(lang, s) {
			out = append(out, term.text)
		}
		return out
	}
	for _, spelling := range []string{"Köln", "Koeln", "Koln", "KÖLN"} {
		if got := terms(corpus.German, spelling); len(got) != 1 || got[0] != "koln" {
			t.Errorf("German %q → %v", spelling, got)
		}
	}
	if got := terms(corpus.German, "Städte Straße"); len(got) != 2 || got[0] != "stadt" || got[1] != "strass" {
		t.Errorf("German stemming and ß: %v", got)
	}
	got := terms(corpus.Chinese, "汉堡港")
	want := map[string]bool{"汉": true, "堡": true, "港": true, "汉堡": true, "堡港": true}
	for _, g := range got {
		delete(want, g)
	}
	if len(want) > 0 {
		t.Errorf("Chinese 汉堡港 → %v, missing %v", got, want)
	}
}

func TestPassageAt(t *testing.T) {
	// Every passage indexed can be found again from its document id.
	r := &defaultReleases(t)[0]
	for _, p := range passagesOf(r) {
		release, kind, index, ok := parseDocID(p.docID())
		got, found := passageAt(r, kind, index)
		if !ok || release != r.ID || !found || got.Text != p.Text {
			t.Errorf("%s: got %q, %v", p.docID(), got.Text, found)
		}
	}
	for _, bad := range []struct {
		kind  part
		index int
	}{{partBody, -1}, {partBody, len(r.Body)}, {partTitle, 1}, {'x', 0}} {
		if _, found := passageAt(r, bad.kind, bad.index); found {
			t.Errorf("passageAt(%c, %d) found something", bad.kind, bad.index)
		}
	}
}

// TestFoldGerman checks that the shortcut in foldGerman passes over no
// German word of the dictionaries that the index's normalizer would fold.
func TestFoldGerman(t *testing.T) {
	normalize := de.NewGermanNormalizeFilter()
	for _, w := range bilingual.Embedded().Words(corpus.German) {
		want := string(normalize.Filter(analysis.TokenStream{{Term: []byte(w)}})[0].Term)
		if got := foldGerman(normalize, w); got != want {
			t.Errorf("foldGerman(%q) = %q, want %q", w, got, want)
		}
	}
}
