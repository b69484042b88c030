package main

import (
	"context"
	"io"
	"os"
	"testing"
)

// BenchmarkAskStart runs `isabot ask` in the process, start included, on
// the data directory ISABOT_BENCH_DATA, whose index is already built (a
// synthetic corpus of go run ./cmd/synthcorpus, indexed with isabot
// index): what a start costs with the archive's size, to profile with
// -cpuprofile. Without the variable it is skipped.
//
//	ISABOT_BENCH_DATA=/tmp/c10k go test -run '^$' -bench AskStart -benchtime 60x -cpuprofile cpu.prof ./cmd/isabot
func BenchmarkAskStart(b *testing.B) {
	dir := os.Getenv("ISABOT_BENCH_DATA")
	if dir == "" {
		b.Skip("ISABOT_BENCH_DATA names no data directory")
	}
	for range b.N {
		if err := Run(context.Background(), []string{"--data", dir, "ask", "Wann wurde die ISA gegründet?"}, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
