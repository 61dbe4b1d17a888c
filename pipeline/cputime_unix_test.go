//go:build unix

package pipeline

import "syscall"

// cpuTime is the process's user and system time so far, in nanoseconds:
// on a machine shared with other jobs the check benchmarks report it per
// check beside the wall time, which waiting for a core inflates.
func cpuTime() (int64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
