package search

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

func BenchmarkZZEach(b *testing.B) {
	for name, e := range map[string]*Engine{"default": testEngine(b), "10k": func() *Engine { e, _ := syntheticEngine(b); return e }()} {
		for _, q := range benchQuestions {
			var ds []time.Duration
			for range 30 {
				s := time.Now()
				e.Answer(context.Background(), q, "")
				ds = append(ds, time.Since(s))
			}
			slices.Sort(ds)
			a, _ := e.Answer(context.Background(), q, "")
			fmt.Printf("%s\t%v\t%v\t%s\t%v\t%s\n", name, ds[15], ds[29], a.Kind, a.Answered, q)
		}
	}
}
