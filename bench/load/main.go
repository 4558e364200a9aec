// Command load puts unsc serve under load and says whether it holds: many
// connections asking for the largest answers, each request's query varied
// so that none is in the server's cache, while /healthz is probed on its
// own connection during the load and after it. It reports the answers'
// statuses and latencies, /healthz's latencies during and after, requests
// that ran past the client's timeout, and the server's resident memory
// (sampled from /proc/PID/status), each beside its goal:
//
//	go run ./bench/load -base http://127.0.0.1:8080 -pid 1234 -c 1000 -d 30s
//
// Goals (issue 8): server RSS under 300 MB, /healthz p99 under 100 ms during
// and after the load, no request slower than its timeout. It exits with
// status 1 when a goal is missed.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// paths are the largest answers the API computes, each with %s where a
// date goes that makes every request a new one (the searches' whole
// decisions, view=full, as before summaries were their default).
var paths = []string{
	"/api/v1/decisions?limit=1000&from=%s&view=full",
	"/api/v1/decisions?q=the&sort=date&limit=1000&from=%s&view=full",
	"/api/v1/vetoes/summary?group_by=year&from=%s",
	"/api/v1/whatif?rules=no-veto&from=%s",
	"/api/v1/agreement?members=CHN,FRA,GBR,SUN%%2BRUS,USA&from=%s",
	"/api/v1/trends?from=%s",
	"/api/v1/vetoes?from=%s",
}

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "the server's address")
	pid := flag.Int("pid", 0, "the server's process id, to sample its memory (0: not sampled)")
	conns := flag.Int("c", 1000, "connections asking at once")
	dur := flag.Duration("d", 30*time.Second, "how long the load lasts")
	after := flag.Duration("after", 10*time.Second, "how long /healthz is probed after the load")
	timeout := flag.Duration("timeout", 30*time.Second, "a request's timeout (the server's write timeout)")
	probeOnly := flag.Bool("probe-only", false, "only probe /healthz, during -d and -after, and report it: run beside a load without probes (-probe=false) so that the probes' latency is not the busy load generator's own")
	probes := flag.Bool("probe", true, "probe /healthz during and after the load")
	obey := flag.Bool("retry-after", true, "wait as long as a 503's Retry-After says before that connection asks again, as a client should (false: ask again at once)")
	extra := flag.String("paths", "", "more paths, separated by spaces, each with %s for the varied date")
	flag.Parse()
	if *extra != "" {
		paths = append(paths, strings.Fields(*extra)...)
	}
	if *probeOnly {
		*conns, *pid = 0, 0
	}
	ok := run(*base, *pid, *conns, *dur, *after, *timeout, *obey, *probes || *probeOnly)
	if !ok {
		os.Exit(1)
	}
}

type sample struct {
	d          time.Duration
	status     int
	err        error
	retryAfter time.Duration
}

func run(base string, pid, conns int, dur, after, timeout time.Duration, obey, probes bool) bool {
	loadTr := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns, DisableCompression: true}
	loadClient := &http.Client{Transport: loadTr, Timeout: timeout}
	probeClient := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 1}, Timeout: timeout}

	var mu sync.Mutex
	var loads []sample
	var during, afterLoad []time.Duration
	var rss []int64

	ctx, stop := context.WithTimeout(context.Background(), dur)
	defer stop()
	var wg sync.WaitGroup
	for i := 0; i < conns; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(i), 1))
			for ctx.Err() == nil {
				day := time.Date(1946, 1, 17, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(365*70))
				url := base + fmt.Sprintf(paths[r.IntN(len(paths))], day.Format("2006-01-02"))
				s := fetch(loadClient, url)
				mu.Lock()
				loads = append(loads, s)
				mu.Unlock()
				if obey && s.retryAfter > 0 {
					select {
					case <-ctx.Done():
					case <-time.After(s.retryAfter):
					}
				}
			}
		}()
	}
	probe := func(until time.Time, into *[]time.Duration) {
		for time.Now().Before(until) {
			s := fetch(probeClient, base+"/healthz")
			d := s.d
			if s.err != nil || s.status != http.StatusOK {
				d = timeout // a failed probe counts as the slowest
			}
			mu.Lock()
			*into = append(*into, d)
			mu.Unlock()
			time.Sleep(20 * time.Millisecond)
		}
	}
	sampler := func(done <-chan struct{}) {
		for {
			if v := readRSS(pid); v > 0 {
				mu.Lock()
				rss = append(rss, v)
				mu.Unlock()
			}
			select {
			case <-done:
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
	samplerDone := make(chan struct{})
	if pid > 0 {
		go sampler(samplerDone)
	}
	start := time.Now()
	cpu0 := cpuTime(pid)
	if probes {
		probe(start.Add(dur), &during)
	} else {
		<-ctx.Done()
	}
	wg.Wait()
	loadEnd := time.Now()
	cpu1 := cpuTime(pid)
	if probes {
		probe(time.Now().Add(after), &afterLoad)
	}
	close(samplerDone)

	statuses := map[string]int{}
	var lat []time.Duration
	slow := 0
	for _, s := range loads {
		key := strconv.Itoa(s.status)
		if s.err != nil {
			key = "error"
			if isTimeout(s.err) {
				key, slow = "timeout", slow+1
			}
		}
		statuses[key]++
		if s.status == http.StatusOK {
			lat = append(lat, s.d)
		}
	}
	if conns > 0 {
		fmt.Printf("load: %d connections for %v (%v with the stragglers) over %d kinds of answer, each request new, Retry-After obeyed: %v; %d cores, load average %s\n",
			conns, dur, loadEnd.Sub(start).Round(time.Millisecond), len(paths), obey, runtime.NumCPU(), loadAvg())
		keys := make([]string, 0, len(statuses))
		for k := range statuses {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		fmt.Printf("requests: %d (", len(loads))
		for i, k := range keys {
			if i > 0 {
				fmt.Print(", ")
			}
			fmt.Printf("%s: %d", k, statuses[k])
		}
		fmt.Printf("), %.0f answers/s\n", float64(statuses["200"])/loadEnd.Sub(start).Seconds())
		fmt.Printf("answers (200): p50 %s, p99 %s, max %s\n", pct(lat, 0.5), pct(lat, 0.99), pct(lat, 1))
		if pid > 0 {
			fmt.Printf("server CPU during the load: %.2f cores on average\n", (cpu1-cpu0).Seconds()/loadEnd.Sub(start).Seconds())
		}
	}
	ok := true
	check := func(pass bool, format string, v ...any) {
		mark := "ok  "
		if !pass {
			mark, ok = "MISS", false
		}
		fmt.Printf("%s "+format+"\n", append([]any{mark}, v...)...)
	}
	if probes {
		check(p(during, 0.99) < 100*time.Millisecond, "/healthz during the load: p99 %s (max %s, %d probes); goal under 100ms", pct(during, 0.99), pct(during, 1), len(during))
		check(p(afterLoad, 0.99) < 100*time.Millisecond, "/healthz after the load: p99 %s (max %s, %d probes); goal under 100ms", pct(afterLoad, 0.99), pct(afterLoad, 1), len(afterLoad))
	}
	if conns > 0 {
		check(slow == 0, "requests past their %v timeout: %d; goal none", timeout, slow)
	}
	if pid > 0 {
		peak := slices.Max(append(rss, 0))
		check(peak < 300<<20, "server RSS: peak %.1f MB sampled (VmHWM %.1f MB); goal under 300 MB", float64(peak)/(1<<20), float64(readHWM(pid))/(1<<20))
	}
	return ok
}

func fetch(c *http.Client, url string) sample {
	start := time.Now()
	resp, err := c.Get(url)
	if err != nil {
		return sample{d: time.Since(start), err: err}
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	s := sample{d: time.Since(start), status: resp.StatusCode, err: err}
	if n, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && resp.StatusCode == http.StatusServiceUnavailable {
		s.retryAfter = time.Duration(n) * time.Second
	}
	return s
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

func p(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

func pct(ds []time.Duration, q float64) string {
	return p(ds, q).Round(100 * time.Microsecond).String()
}

// cpuTime returns the user and system CPU time a process has used
// (/proc/PID/stat, in clock ticks of 1/100 s).
func cpuTime(pid int) time.Duration {
	if pid <= 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The fields after the command, which is in parentheses.
	s := string(b)
	fs := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(fs) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(fs[11], 10, 64)
	stime, _ := strconv.ParseInt(fs[12], 10, 64)
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// readRSS and readHWM read the resident and peak resident memory of a
// process, in bytes.
func readRSS(pid int) int64 { return statusField(pid, "VmRSS:") }
func readHWM(pid int) int64 { return statusField(pid, "VmHWM:") }

func statusField(pid int, name string) int64 {
	if pid <= 0 {
		return 0
	}
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fs := strings.Fields(sc.Text()); len(fs) >= 2 && fs[0] == name {
			kb, _ := strconv.ParseInt(fs[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

func loadAvg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	fs := strings.Fields(string(b))
	if len(fs) < 3 {
		return "?"
	}
	return strings.Join(fs[:3], " ")
}
