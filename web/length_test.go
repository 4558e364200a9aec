package web_test

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"unsc/web"
)

// countingListener counts the writes the server makes to every connection
// it accepts; each is counted before it is made, so that a client that has
// read an answer has seen every write of it counted.
type countingListener struct {
	net.Listener
	writes *atomic.Int64
}

func (l countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return countingConn{c, l.writes}, nil
}

type countingConn struct {
	net.Conn
	writes *atomic.Int64
}

func (c countingConn) Write(b []byte) (int, error) {
	c.writes.Add(1)
	return c.Conn.Write(b)
}

// TestContentLength checks that every answer, computed or from the cache,
// one piece or joined from the parts kept encoded (a list of decisions,
// the vetoes, what-if's flips, trends' whole years), says its length in
// Content-Length and is sent as it is, not chunked; that HEAD says the
// same length with no body; and how many writes to the connection the
// server sends an answer in. Served as `unsc serve` serves it (through
// web.Listener, with web.ConnContext), every answer goes out in one
// write, head and body together, whatever its size. Served by net/http
// alone (an http.Server with neither), the body is given to net/http in
// one Write, which it sends with the head through its 4 KB buffer (one
// write up to 4 KB in all, two above), never part by part.
func TestContentLength(t *testing.T) {
	t.Run("web.Listener", func(t *testing.T) { testContentLength(t, true) })
	t.Run("net/http", func(t *testing.T) { testContentLength(t, false) })
}

func testContentLength(t *testing.T, oneWrite bool) {
	var writes atomic.Int64
	srv := httptest.NewUnstartedServer(web.NewServer(web.Config{Decisions: testRecord}))
	srv.Listener = countingListener{srv.Listener, &writes}
	minWrites, maxWrites := 1, 2
	if oneWrite {
		srv.Listener = web.Listener(srv.Listener)
		srv.Config.ConnContext = web.ConnContext
		maxWrites = 1
	}
	srv.Start()
	t.Cleanup(srv.Close)
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	t.Cleanup(client.CloseIdleConnections)

	targets := []string{
		"GET /healthz",
		"GET /api/v1/council?date=2024-03-25",
		"GET /api/v1/decisions?symbol=S%2F2024%2F239",
		"GET /api/v1/decisions?q=situation&from=1990-01-01&to=2020-01-01&limit=20",
		"GET /api/v1/decisions?member=GBR&position=abstain&limit=100",
		"GET /api/v1/vetoes",
		"GET /api/v1/vetoes?member=USA&from=1980-01-01&to=2020-01-01",
		"GET /api/v1/vetoes/count?member=USA&from=1980-01-01&to=2020-01-01",
		"GET /api/v1/trends?from=1990-01-01&to=2020-01-01",
		"GET /api/v1/whatif?rules=two-vetoes&from=1990-01-01&to=2020-01-01",
		"GET /api/v1/agreement?from=1990-01-01&to=2020-01-01",
		"GET /api/v1/openapi.json",
		"POST /api/v1/decide",
	}
	ballot := `{"date":"2024-03-22","votes":{"USA":"Y","GBR":"Y","FRA":"Y","CHN":"N","RUS":"N","DZA":"N","GUY":"A","ECU":"Y","JPN":"Y","MLT":"Y","MOZ":"Y","KOR":"Y","SLE":"Y","SVN":"Y","CHE":"Y"}}`
	send := func(method, target string) (*http.Response, []byte, int64) {
		t.Helper()
		var body io.Reader
		if method == http.MethodPost {
			body = strings.NewReader(ballot)
		}
		req, err := http.NewRequest(method, srv.URL+target, body)
		if err != nil {
			t.Fatal(err)
		}
		before := writes.Load()
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", method, target, err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("%s %s: reading the body: %v", method, target, err)
		}
		return resp, b, writes.Load() - before
	}
	over := 0 // answers over net/http's 4 KB buffer
	for _, tt := range targets {
		method, target, _ := strings.Cut(tt, " ")
		// Twice: computed, then (for a record answer) from the cache.
		for _, when := range []string{"first", "again"} {
			resp, body, n := send(method, target)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s (%s) = %d, want 200: %s", tt, when, resp.StatusCode, body)
			}
			if got := resp.Header.Get("Content-Length"); got != strconv.Itoa(len(body)) || resp.ContentLength != int64(len(body)) {
				t.Errorf("%s (%s): Content-Length %q, body %d bytes", tt, when, got, len(body))
			}
			if len(resp.TransferEncoding) != 0 {
				t.Errorf("%s (%s): Transfer-Encoding %v, want none (the length is known)", tt, when, resp.TransferEncoding)
			}
			if n < int64(minWrites) || n > int64(maxWrites) {
				t.Errorf("%s (%s): %d bytes sent in %d writes, want %d to %d", tt, when, len(body), n, minWrites, maxWrites)
			}
			if len(body) > 4<<10 {
				over++
			}
			if method != http.MethodGet {
				continue
			}
			head, hbody, _ := send(http.MethodHead, target)
			if head.StatusCode != http.StatusOK || head.Header.Get("Content-Length") != strconv.Itoa(len(body)) || len(hbody) != 0 {
				t.Errorf("HEAD %s (%s) = %d, Content-Length %q, %d bytes; want 200, %d, none",
					target, when, head.StatusCode, head.Header.Get("Content-Length"), len(hbody), len(body))
			}
		}
	}
	if over < 8 {
		t.Errorf("%d answers over 4 KB, want at least 8: the test no longer checks the long answers", over)
	}
}
