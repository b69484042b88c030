// Command synthcorpus writes synthetic press releases for load tests and
// benchmarks (see package corpus/synthetic):
//
//	go run ./cmd/synthcorpus -n 10000 -out DIR/releases
//	isabot --data DIR index
//
// The releases are fake. Never write them into corpus/data, which is
// embedded in the binary.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/isa-alliance/isabot/corpus/synthetic"
)

func main() {
	n := flag.Int("n", 10000, "how many releases to write")
	seed := flag.Int64("seed", 1, "the seed; the same seed writes the same releases")
	out := flag.String("out", "", "the `DIR`ectory to write into, such as DATA/releases (required)")
	flag.Parse()
	if *out == "" || *n < 1 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if abs, err := filepath.Abs(*out); err == nil && strings.Contains(filepath.ToSlash(abs), "/corpus/data") {
		fmt.Fprintln(os.Stderr, "synthcorpus: refusing to write synthetic releases into the embedded corpus", abs)
		os.Exit(2)
	}
	if err := synthetic.WriteFiles(*out, synthetic.Releases(*n, *seed)); err != nil {
		fmt.Fprintln(os.Stderr, "synthcorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d synthetic releases to %s\n", *n, *out)
}
