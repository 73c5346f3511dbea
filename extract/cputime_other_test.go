//go:build !unix

package extract_test

import "time"

// cpuTime is 0 where the process's CPU time is not read: cpu-ms/op
// reads 0 there.
func cpuTime() time.Duration { return 0 }
