//go:build race

package main

// raceEnabled says the race detector is on, which slows everything enough
// that wall-time bounds are reported rather than held.
const raceEnabled = true
