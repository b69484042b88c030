package search

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/isa-alliance/isabot/corpus"
)

func defaultReleases(t *testing.T) []corpus.Release {
	t.Helper()
	data, problems := corpus.Load(corpus.Embedded())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return data.Releases
}

func TestOpenIndex(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	releases := defaultReleases(t)

	// First open builds, reporting progress.
	var progressed int
	idx, rebuilt, err := OpenIndex(ctx, dir, releases, func(done, total int) { progressed = done })
	if err != nil || !rebuilt {
		t.Fatalf("first open: rebuilt=%v err=%v", rebuilt, err)
	}
	n, _ := idx.DocCount()
	if n == 0 || progressed != int(n) {
		t.Errorf("indexed %d passages, progress said %d", n, progressed)
	}

	// While it is open, another opener is told it is locked, not blocked.
	_, _, err = OpenIndex(ctx, dir, releases, nil)
	if !errors.Is(err, ErrLocked) {
		t.Errorf("second open while held: %v, want ErrLocked", err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	// Unchanged corpus: opened as is.
	idx, rebuilt, err = OpenIndex(ctx, dir, releases, nil)
	if err != nil || rebuilt {
		t.Fatalf("reopen: rebuilt=%v err=%v", rebuilt, err)
	}
	idx.Close()

	// A changed release: rebuilt.
	changed := append([]corpus.Release(nil), releases...)
	changed[0].Body = append([]string{"Ein neuer Absatz."}, changed[0].Body...)
	idx, rebuilt, err = OpenIndex(ctx, dir, changed, nil)
	if err != nil || !rebuilt {
		t.Fatalf("changed corpus: rebuilt=%v err=%v", rebuilt, err)
	}
	idx.Close()
}

func TestHash(t *testing.T) {
	releases := defaultReleases(t)
	h := Hash(releases)
	if h != Hash(defaultReleases(t)) {
		t.Error("hash of the same releases differs")
	}
	changed := append([]corpus.Release(nil), releases...)
	changed[0].Date = changed[0].Date.Add(24 * time.Hour)
	if Hash(changed) == h {
		t.Error("hash ignores the date")
	}
	changed = append([]corpus.Release(nil), releases...)
	changed[0].Title += "!"
	if Hash(changed) == h {
		t.Error("hash ignores the title")
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
