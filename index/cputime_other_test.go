//go:build !unix

package index

import (
	"testing"
	"time"
)

// cpuTime is not measured here: benchmarks report 0 CPU seconds.
func cpuTime(testing.TB) time.Duration { return 0 }
