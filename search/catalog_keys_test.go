package search

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/isa-alliance/isabot/search/catalog"
)

// TestCatalogKeys finds every sentence key the engine's code says and
// checks that the message catalogue holds it.
func TestCatalogKeys(t *testing.T) {
	keys := catalog.Embedded().Keys()
	used := regexp.MustCompile(`\b(?:say|msg)\((?:[\w.]+, )?"([\w.]+)"`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(src), -1) {
			n++
			if !slices.Contains(keys, m[1]) {
				t.Errorf("%s: the key %q is not in the message catalogue", f, m[1])
			}
		}
	}
	if n < 100 {
		t.Errorf("found only %d keys in the code: is the pattern still right?", n)
	}
}
