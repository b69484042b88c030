// Package synthetic makes up press releases in the style of the alliance's
// own, for load tests and benchmarks: a tester can index 10,000 of them
// and see how building, opening and answering scale.
//
// Everything it makes is fake, and marked so: IDs are "synthetic-000001",
// "synthetic-000002" and so on, every title starts with "[SYNTHETIC] ",
// Source is "synthetic", the about section says the release is test data,
// and the contact block gives example.org addresses. The people quoted are
// invented; the cities are the alliance's member cities, named only to
// give the text the vocabulary real releases have.
//
// Synthetic releases must never be part of the default corpus: nothing
// embeds them, and they belong in a scratch data directory (see
// cmd/synthcorpus), never in corpus/data.
//
// The output depends only on the count and the seed: release i is the
// same whatever the count, so Releases(100, s)[:10] equals
// Releases(10, s). The generator is a fixed splitmix64, so the releases do
// not change with the Go version either.
package synthetic
