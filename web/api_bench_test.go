package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"unsc/web"
)

// BenchmarkAPIUncached asks each record question of the API in process
// with a period no request asked before, so that the server's cache of
// answers never has it (as bench/ratios.sh's uncached rows do over HTTP),
// beside /healthz: go test ./web -run x -bench APIUncached -benchmem.
// Besides the time by the clock it reports cpu-ns/op, the process's CPU
// time (every thread's, the collector's included) per answer, which a
// machine busy with other work inflates far less; compare each question's
// with /healthz's, the baseline run beside it. The answers are written to
// a writer that keeps nothing, so that B/op and allocs/op are the server's
// own.
func BenchmarkAPIUncached(b *testing.B) {
	// The server builds its index in the background (analysis.Index.Warm):
	// it is built before the clock starts, so that no answer's CPU time
	// counts any of it.
	before := runtime.NumGoroutine()
	h := web.NewServer(web.Config{Decisions: testRecord, MaxConcurrent: 1 << 10})
	for deadline := time.Now().Add(time.Minute); runtime.NumGoroutine() > before && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	start := time.Date(1946, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, path := range []string{
		"/healthz",
		"/api/v1/vetoes?member=USA&from=%s&to=2030-01-01",
		"/api/v1/trends?from=%s&to=2030-01-01",
		"/api/v1/whatif?rules=two-vetoes&from=%s&to=2030-01-01",
		"/api/v1/decisions?q=situation&from=%s&to=2030-01-01&limit=20",
		"/api/v1/agreement?from=%s&to=2030-01-01",
		"/api/v1/vetoes/count?member=USA&from=%s&to=2030-01-01",
	} {
		name, _, _ := strings.Cut(strings.TrimPrefix(path, "/api/v1/"), "?")
		name = strings.TrimPrefix(name, "/")
		b.Run(name, func(b *testing.B) {
			// Whatever a question keeps for all its answers (a set of
			// rules replayed, a member's vetoes weighed) is made before
			// the clock starts, by one answer.
			first := path
			if path != "/healthz" {
				first = fmt.Sprintf(path, "1946-01-01")
			}
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, first, nil))
			n := 0
			w := &discardWriter{header: http.Header{}}
			cpu0, cpuOK := processCPU()
			for b.Loop() {
				n++
				url := path
				if path != "/healthz" {
					url = fmt.Sprintf(path, start.AddDate(0, 0, n%28000).Format("2006-01-02"))
				}
				w.reset()
				req, err := http.NewRequest(http.MethodGet, url, nil)
				if err != nil {
					b.Fatal(err)
				}
				h.ServeHTTP(w, req)
				if w.code != http.StatusOK {
					b.Fatalf("%s: %d", url, w.code)
				}
			}
			if cpu1, ok := processCPU(); ok && cpuOK {
				b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

// discardWriter is an http.ResponseWriter that keeps the status and
// headers of one answer and counts its body.
type discardWriter struct {
	header http.Header
	code   int
	n      int
}

func (w *discardWriter) reset() {
	clear(w.header)
	w.code, w.n = 0, 0
}

func (w *discardWriter) Header() http.Header { return w.header }

func (w *discardWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}

func (w *discardWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	w.n += len(b)
	return len(b), nil
}
