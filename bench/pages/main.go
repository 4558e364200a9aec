// Command pages measures the web pages (issue 10): the server's time to
// build each kind of page on a record, and each page's weight, compressed,
// with everything it loads.
//
//	go run ./bench/pages -db /tmp/unsc.db [-n 400]
//
// It loads the record from the store as `unsc serve` does, builds the
// server with its page cache off (every request renders its page anew, as
// a first request does), and serves each kind of page in turn through the
// server's handler, in process: the time measured is the server's, from
// the request to the last byte of the compressed page, with no network.
// For each kind it requests a list of addresses (decisions by symbol,
// searches by word, vetoes under each rule, members, …) round-robin, and
// interleaves a request for /healthz, the cheapest answer the server
// gives, as the paired baseline. It prints, per kind, p50, p99 and the
// largest time, p99 as a multiple of /healthz's, and the largest page's
// weight: its HTML gzip-compressed plus every stylesheet, script and image
// it links, compressed as the server sends them.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"unsc"
	"unsc/analysis"
	"unsc/casebook"
	"unsc/sqlite"
	"unsc/web"
)

func main() {
	db := flag.String("db", "", "the record (a SQLite file made by `unsc import`)")
	n := flag.Int("n", 400, "requests per kind of page")
	only := flag.String("only", "", "measure only the kinds of page whose name contains this")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the measured requests to this file")
	flag.Parse()
	onlyKind = *only
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "pages:", err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *db == "" {
		fmt.Fprintln(os.Stderr, "usage: pages -db FILE [-n N]")
		os.Exit(2)
	}
	if err := run(*db, *n); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "pages:", err)
		os.Exit(1)
	}
}

func run(db string, n int) error {
	st, err := sqlite.Open(db)
	if err != nil {
		return err
	}
	ds, err := st.Decisions(context.Background(), unsc.DecisionFilter{})
	st.Close()
	if err != nil {
		return err
	}
	start := time.Now()
	h := web.NewServer(web.Config{Decisions: ds, NoPageCache: true})
	runtime.GC()
	fmt.Printf("record: %d decisions; server built in %v; GOMAXPROCS %d\n", len(ds), time.Since(start).Round(time.Millisecond), runtime.GOMAXPROCS(0))
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Printf("load average at start: %s", load)
	}

	// The requests run on this goroutine, locked to its thread, so that
	// the thread's CPU time is the server's work on the request: on a
	// machine other work also uses, the time a request waits for a core
	// is in its wall time, not in its CPU time.
	runtime.LockOSThread()
	kinds := pageKinds(ds)
	fmt.Printf("\n%-20s %5s %9s %9s %9s %8s %9s %9s %11s  %s\n", "page", "n", "wall p50", "wall p99", "wall max", "p99/hz", "cpu p50", "cpu p99", "weight(gz)", "heaviest")
	worst, worstCPU := 0.0, 0.0
	heaviest := 0
	for _, k := range kinds {
		if !strings.Contains(k.name, onlyKind) {
			continue
		}
		// Warm each address once: what the server computes once per
		// record and keeps (an analysis index, a what-if replay) is not a
		// page's cost.
		for _, u := range k.urls {
			get(h, u)
		}
		var times, hz, cpu []time.Duration
		maxWeight, maxURL := 0, ""
		for i := range n {
			u := k.urls[i%len(k.urls)]
			c0 := threadCPU()
			t0 := time.Now()
			rec := get(h, u)
			times = append(times, time.Since(t0))
			cpu = append(cpu, threadCPU()-c0)
			if rec.Code != http.StatusOK {
				return fmt.Errorf("GET %s: %d", u, rec.Code)
			}
			if i < len(k.urls) {
				if w := weight(h, rec); w > maxWeight {
					maxWeight, maxURL = w, u
				}
			}
			t0 = time.Now()
			get(h, "/healthz")
			hz = append(hz, time.Since(t0))
		}
		p50, p99, top := quantiles(times)
		_, hz99, _ := quantiles(hz)
		c50, c99, _ := quantiles(cpu)
		fmt.Printf("%-20s %5d %9s %9s %9s %8.0f %9s %9s %8.1f KB  %s\n", k.name, len(times), ms(p50), ms(p99), ms(top), float64(p99)/float64(max(hz99, 1)), ms(c50), ms(c99), float64(maxWeight)/1024, maxURL)
		worst = max(worst, float64(p99)/float64(time.Millisecond))
		worstCPU = max(worstCPU, float64(c99)/float64(time.Millisecond))
		heaviest = max(heaviest, maxWeight)
	}
	fmt.Printf("\nworst p99: wall %.2f ms, cpu %.2f ms; heaviest page: %.1f KB compressed\n", worst, worstCPU, float64(heaviest)/1024)
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Printf("load average at end: %s", load)
	}
	return nil
}

var onlyKind string

type kind struct {
	name string
	urls []string
}

// pageKinds lists, for each kind of page, addresses spread over the record.
func pageKinds(ds []unsc.Decision) []kind {
	var decisions, meetings []string
	step := max(len(ds)/200, 1)
	for i := 0; i < len(ds); i += step {
		d := ds[i]
		switch {
		case d.Resolution != "":
			decisions = append(decisions, "/"+strings.ReplaceAll(d.Resolution, " ", ""))
		case d.Draft != "":
			decisions = append(decisions, "/"+d.Draft)
		}
		if d.Meeting != "" && len(meetings) < 100 {
			meetings = append(meetings, "/"+d.Meeting)
		}
	}
	decisions = append(decisions, "/S/RES/2728(2024)", "/S/2024/239")
	words := []string{"Gaza", "Syria", "Ukraine", "Korea", "chemical weapons", "Palestine", "Cyprus", "Congo", "Iraq", "sanctions", "peacekeeping", "admission"}
	var searches []string
	for _, w := range words {
		searches = append(searches, "/decisions?q="+strings.ReplaceAll(w, " ", "+"), "/decisions?q="+strings.ReplaceAll(w, " ", "+")+"&outcome=vetoed")
	}
	searches = append(searches, "/decisions", "/decisions?from=2000-01-01&member=GBR&position=abstain", "/decisions?offset=1000")
	var vetoes []string
	for _, rule := range []string{"", "rule=drafts"} {
		for _, scope := range []string{"", "scope=un-list"} {
			for _, extra := range []string{"", "member=USA", "member=SUN%2BRUS", "from=1990-01-01", "amendments=excluded", "topic=Syria"} {
				var q []string
				for _, p := range []string{rule, scope, extra} {
					if p != "" {
						q = append(q, p)
					}
				}
				u := "/vetoes"
				if len(q) > 0 {
					u += "?" + strings.Join(q, "&")
				}
				vetoes = append(vetoes, u)
			}
		}
	}
	var members []string
	seen := map[unsc.Code]bool{}
	for _, d := range ds {
		for c := range d.Votes.All() {
			if !seen[c] && len(members) < 40 {
				seen[c] = true
				members = append(members, "/members/"+string(c))
			}
		}
	}
	slices.Sort(members)
	members = append(members, "/members/SUN+RUS", "/members")
	agreement := []string{"/agreement", "/agreement?from=2000-01-01", "/agreement?members=USA,GBR,FRA,CHN,SUN%2BRUS,IND,BRA,ZAF&rule=abstain-half", "/agreement?rule=abstain-neutral&from=1991-12-25"}
	var whatif []string
	for _, r := range analysis.NamedRules {
		r = strings.Replace(strings.Replace(r, "grant:CODE", "grant&member=IND", 1), "deny:CODE", "deny&member=USA", 1)
		whatif = append(whatif, "/whatif?rules="+r, "/whatif?rules="+r+"&from=1990-01-01")
	}
	var council []string
	for y := 1946; y <= 2025; y += 3 {
		council = append(council, "/council?date="+strconv.Itoa(y)+"-06-30")
	}
	rules := []string{"/rules", "/rules/try"}
	for _, c := range casebook.Cases() {
		rules = append(rules, "/rules/"+strconv.Itoa(c.Number), "/rules/try?case="+strconv.Itoa(c.Number))
	}
	var twins []string
	for _, u := range vetoes[:6] {
		twins = append(twins, strings.Replace(u, "/vetoes", "/vetoes.json", 1), strings.Replace(u, "/vetoes", "/vetoes.csv", 1))
	}
	return []kind{
		{"home", []string{"/"}},
		{"decision", decisions},
		{"meeting", meetings},
		{"search", searches},
		{"vetoes", vetoes},
		{"member", members},
		{"agreement", agreement},
		{"trends", []string{"/trends", "/trends?from=1990-01-01", "/trends?from=1946-01-01&to=1965-12-31"}},
		{"whatif", whatif},
		{"initiative", []string{"/initiative", "/initiative?calendar=weekends-only"}},
		{"council", council},
		{"rules", rules},
		{"twins (.json/.csv)", twins},
	}
}

func get(h http.Handler, u string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, u, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

var linked = regexp.MustCompile(`(?:href|src)="(/assets/[^"]+)"`)

// weight is a page's compressed size with every asset it links.
func weight(h http.Handler, rec *httptest.ResponseRecorder) int {
	body := rec.Body.Bytes()
	total := len(body)
	html := body
	if rec.Header().Get("Content-Encoding") == "gzip" {
		html = gunzip(body)
	}
	for _, m := range linked.FindAllSubmatch(html, -1) {
		total += get(h, string(m[1])).Body.Len()
	}
	return total
}

func quantiles(ts []time.Duration) (p50, p99, top time.Duration) {
	s := slices.Clone(ts)
	slices.Sort(s)
	at := func(q float64) time.Duration { return s[min(int(q*float64(len(s))), len(s)-1)] }
	return at(0.50), at(0.99), s[len(s)-1]
}

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 2, 64) + "ms"
}

func gunzip(b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	out, _ := io.ReadAll(zr)
	return out
}

// threadCPU is the CPU time the calling thread has used, from its
// CPU-time clock (Linux: CLOCK_THREAD_CPUTIME_ID, nanoseconds).
func threadCPU() time.Duration {
	var ts syscall.Timespec
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, 3 /* CLOCK_THREAD_CPUTIME_ID */, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}
