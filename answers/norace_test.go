//go:build !race

package answers

// raceEnabled says the tests run under the race detector.
const raceEnabled = false
