//go:build !race

package search

// raceDetector reports whether the tests run with the race detector.
const raceDetector = false
