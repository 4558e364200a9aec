package web_test

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"testing"

	"unsc/web"
)

// writeCalls returns how many write system calls (write, writev and the
// like) the process has made, from /proc/self/io.
func writeCalls(t *testing.T) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/io")
	if err != nil {
		t.Skipf("no /proc/self/io to count write system calls: %v", err)
	}
	for line := range bytes.Lines(b) {
		if v, ok := bytes.CutPrefix(line, []byte("syscw: ")); ok {
			n, err := strconv.ParseInt(string(bytes.TrimSpace(v)), 10, 64)
			if err != nil {
				t.Fatalf("/proc/self/io: %q: %v", line, err)
			}
			return n
		}
	}
	t.Skip("/proc/self/io has no syscw line to count write system calls")
	return 0
}

// TestOneWriteOverTCP checks the path `unsc serve` takes: over a real TCP
// connection accepted through web.Listener, an answer of any size goes out
// in one system call (writev, the head and the body), and arrives whole.
// The process's write calls are counted around each request: the client's
// request is one, the server's answer the other. Each answer is asked for
// several times and the fewest calls kept, so that a write of anything
// else in the process meanwhile cannot fail the test.
func TestOneWriteOverTCP(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: web.NewServer(web.Config{Decisions: testRecord}), ConnContext: web.ConnContext}
	go srv.Serve(web.Listener(ln))
	t.Cleanup(func() { srv.Close() })
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	t.Cleanup(client.CloseIdleConnections)
	base := "http://" + ln.Addr().String()
	get := func(path string) []byte {
		t.Helper()
		resp, err := client.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d, %v", path, resp.StatusCode, err)
		}
		if resp.ContentLength != int64(len(b)) {
			t.Fatalf("GET %s: Content-Length %d, body %d bytes", path, resp.ContentLength, len(b))
		}
		return b
	}
	for _, path := range []string{
		"/healthz",
		"/api/v1/decisions?q=situation&from=1990-01-01&to=2020-01-01&limit=20",
		"/api/v1/vetoes?member=USA",
		"/api/v1/whatif?rules=two-vetoes",
		"/api/v1/trends?from=2010-01-01",
		"/api/v1/openapi.json",
	} {
		want := get(path) // computed once; then from the cache
		fewest := int64(1 << 30)
		for range 5 {
			before := writeCalls(t)
			got := get(path)
			fewest = min(fewest, writeCalls(t)-before)
			if !bytes.Equal(got, want) {
				t.Fatalf("GET %s: the answer from the cache differs from the one computed", path)
			}
		}
		if fewest != 2 {
			t.Errorf("GET %s (%d bytes): %d write calls for the request and its answer, want 2 (one each)", path, len(want), fewest)
		}
	}
}
