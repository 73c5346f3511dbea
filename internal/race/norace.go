//go:build !race

// Package race tells tests whether the race detector is on: timings and
// memory peaks measured under it say nothing about the program, so tests
// that bound them skip (.ci/run runs them without it too).
package race

// Enabled reports whether the race detector is on.
const Enabled = false
