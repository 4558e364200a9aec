package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"
)

// startProfiling writes profiles for whoever measures unsc, when the
// environment asks for them (it is not part of the commands' interface):
//
//	UNSC_CPUPROFILE=FILE   the CPU profile of the whole run
//	UNSC_MEMPROFILE=FILE   the heap profile when the live heap was largest
//	                       (sampled every 20 ms), allocations included
//	UNSC_MEMTRACE=1        on stderr, the heap, its goal and the resident
//	                       memory every 250 ms, and the live heap (after a
//	                       collection) at each memMark (the files read,
//	                       each step of the store's import: sqlite.MemMark)
//	                       with the resident peak of the step it ends, the
//	                       time since the start and the process's CPU time
//	UNSC_MEMTRACE=nogc     the same without collecting at the marks
//	UNSC_MEMTRACE=gc       a collection before every sample (slow: the
//	                       samples are then the live heap)
//	UNSC_MEMTRACE=MARK=FILE  also the heap profile at that mark
//
// The returned function stops the profiles and writes them.
func startProfiling() func() {
	cpu, mem := os.Getenv("UNSC_CPUPROFILE"), os.Getenv("UNSC_MEMPROFILE")
	trace := os.Getenv("UNSC_MEMTRACE") != ""
	if trace {
		traceStart = time.Now()
		setMemMark(memMark)
	}
	if cpu == "" && mem == "" && !trace {
		return func() {}
	}
	var stops []func()
	if trace {
		start := time.Now()
		stops = append(stops, sampleEvery(250*time.Millisecond, func() {
			if os.Getenv("UNSC_MEMTRACE") == "gc" {
				runtime.GC()
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			rss := ""
			if b, err := os.ReadFile("/proc/self/statm"); err == nil {
				var size, res int64
				fmt.Sscan(string(b), &size, &res)
				rss = fmt.Sprintf(" rss %d MB", res*int64(os.Getpagesize())>>20)
			}
			fmt.Fprintf(os.Stderr, "memtrace %6.2fs heap %4d MB alloc %4d MB goal %4d MB sys %4d MB%s\n",
				time.Since(start).Seconds(), ms.HeapInuse>>20, ms.HeapAlloc>>20, ms.NextGC>>20, ms.Sys>>20, rss)
		}))
	}
	if cpu != "" {
		f, err := os.Create(cpu)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "unsc: cpu profile: %v\n", err)
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if mem != "" {
		runtime.MemProfileRate = 64 << 10
		var peak uint64
		write := func() {
			f, err := os.Create(mem)
			if err != nil {
				fmt.Fprintf(os.Stderr, "unsc: heap profile: %v\n", err)
				return
			}
			defer f.Close()
			_ = pprof.Lookup("heap").WriteTo(f, 0)
		}
		stop := sampleEvery(20*time.Millisecond, func() {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc < peak*11/10 {
				return
			}
			runtime.GC()
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak {
				peak = ms.HeapAlloc
				write()
			}
		})
		stops = append(stops, func() {
			stop()
			fmt.Fprintf(os.Stderr, "unsc: heap profile at %d MB live\n", peak>>20)
		})
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}

// traceStart is when UNSC_MEMTRACE's marks began to be counted.
var traceStart time.Time

// processCPU returns the CPU time (user and system) the process has used.
func processCPU() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// memMark prints the live heap after a collection, under UNSC_MEMTRACE.
func memMark(what string) {
	mode := os.Getenv("UNSC_MEMTRACE")
	if mode == "" {
		return
	}
	if mode != "nogc" {
		runtime.GC()
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(os.Stderr, "memmark %6.3fs cpu %6.3fs %s: heap %d MB (live after a collection, unless nogc), resident peak since the last mark %s\n", time.Since(traceStart).Seconds(), processCPU().Seconds(), what, ms.HeapAlloc>>20, residentPeak())
	// The next mark's peak is its step's own (5: reset the peak resident
	// set size only, proc(5)).
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	if p := os.Getenv("UNSC_MEMTRACE"); strings.HasPrefix(p, what+"=") {
		f, err := os.Create(strings.TrimPrefix(p, what+"="))
		if err == nil {
			_ = pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
		}
	}
}

// residentPeak returns the process's resident peak so far (VmHWM), what
// /usr/bin/time and bench/pair report at its end.
func residentPeak() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// sampleEvery calls sample every d in a goroutine of its own until the
// returned function is called; that function returns once the last sample
// has finished.
func sampleEvery(d time.Duration, sample func()) (stop func()) {
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	return func() { close(done); <-finished }
}
