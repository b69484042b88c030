package search

import (
	"regexp"
	"testing"

	"github.com/fzipp/gocyclo"
)

// maxComplexity bounds the cyclomatic complexity of each function of the
// answer engine: the model codebases' most complex functions reach 13
// (benbjohnson/wtf), 30 (go-telegram/bot) and 46 (miniflux). A decision
// that needs more is a table of named rules (expectRules, the router's
// rules) or a function of its own per case.
const maxComplexity = 30

// TestComplexity fails on a function of search and the packages in its
// folder (answer, bilingual, catalog), tests aside, more complex than
// maxComplexity.
func TestComplexity(t *testing.T) {
	stats := gocyclo.Analyze([]string{"."}, regexp.MustCompile(`_test\.go$|/testdata/`))
	if len(stats) == 0 {
		t.Fatal("no functions analysed")
	}
	for _, s := range stats.SortAndFilter(-1, maxComplexity) {
		t.Errorf("%s.%s (%s): complexity %d, above %d: split it, or make its decision a table of rules", s.PkgName, s.FuncName, s.Pos, s.Complexity, maxComplexity)
	}
}
