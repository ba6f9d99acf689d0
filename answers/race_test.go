//go:build race

package answers

// raceEnabled says the tests run under the race detector, which makes the
// whole-corpus comparisons several times slower: they then sample.
const raceEnabled = true
