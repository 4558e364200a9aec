//go:build unix

package web_test

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user and system) the process has used,
// every thread's, the collector's included: what a benchmark's work costs
// the machine, which a machine busy with other work inflates far less than
// the time by the clock.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
