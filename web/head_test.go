package web_test

import (
	"bufio"
	"bytes"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"unsc/web"
)

// TestAnswerHeads checks that an answer's head is the same through
// web.Listener, which puts the answer's own headers (ETag, X-Total-Count,
// X-Period-*, Link) into the head as the connection sends it, as through
// net/http alone, which writes them from the header map: the same names,
// each once, with the same values, for GET and HEAD, computed and from
// the cache, small answers and those past net/http's 4 KB buffer, over
// HTTP/1.1 and HTTP/1.0. Through web.Listener the answer's own headers
// are read from the raw head too: they follow net/http's Date, so the
// connection wrote them (net/http sorts its map's keys, and Date is
// last).
func TestAnswerHeads(t *testing.T) {
	start := func(oneWrite bool) string {
		srv := httptest.NewUnstartedServer(web.NewServer(web.Config{Decisions: testRecord}))
		if oneWrite {
			srv.Listener = web.Listener(srv.Listener)
			srv.Config.ConnContext = web.ConnContext
		}
		srv.Start()
		t.Cleanup(srv.Close)
		return srv.Listener.Addr().String()
	}
	listener, plain := start(true), start(false)
	// raw sends one request on a connection of its own and reads the
	// answer's head and body as they arrive.
	raw := func(addr, method, target, proto string) (head string, resp *http.Response, body []byte) {
		t.Helper()
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := io.WriteString(c, method+" "+target+" "+proto+"\r\nHost: x\r\nConnection: close\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		all, err := io.ReadAll(c)
		if err != nil {
			t.Fatal(err)
		}
		h, _, ok := bytes.Cut(all, []byte("\r\n\r\n"))
		if !ok {
			t.Fatalf("%s %s %s: no head's end in %q", method, target, proto, all)
		}
		req, _ := http.NewRequest(method, "http://x"+target, nil)
		resp, err = http.ReadResponse(bufio.NewReader(bytes.NewReader(all)), req)
		if err != nil {
			t.Fatalf("%s %s %s: %v", method, target, proto, err)
		}
		body, err = io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("%s %s %s: reading the body: %v", method, target, proto, err)
		}
		return string(h), resp, body
	}
	own := []string{"Etag", "X-Total-Count", "X-Period-From", "X-Period-To", "X-Period-Complete-To", "X-Period-Later", "X-Period-Incomplete", "Link"}
	seen := map[string]bool{}
	for _, target := range []string{
		"/healthz",
		"/api/v1/decisions?q=situation&from=1990-01-01&to=2020-01-01&limit=2",
		"/api/v1/decisions?q=situation&from=1990-01-01&to=2020-01-01&limit=20&view=full",
		"/api/v1/decisions?symbol=S%2F2024%2F239",
		"/api/v1/vetoes?member=USA&from=1980-01-01&to=2020-01-01",
		"/api/v1/vetoes/count?member=USA",
		"/api/v1/trends?from=1990-01-01&to=2020-01-01",
		"/api/v1/whatif?rules=two-vetoes",
		"/api/v1/agreement?from=1990-01-01",
		"/api/v1/council?date=2024-03-25",
	} {
		for _, proto := range []string{"HTTP/1.1", "HTTP/1.0"} {
			for _, method := range []string{"GET", "HEAD", "GET"} { // the last from the cache
				head, got, gotBody := raw(listener, method, target, proto)
				_, want, wantBody := raw(plain, method, target, proto)
				what := method + " " + target + " " + proto
				if got.StatusCode != http.StatusOK || want.StatusCode != http.StatusOK {
					t.Fatalf("%s = %d through web.Listener, %d through net/http; want 200", what, got.StatusCode, want.StatusCode)
				}
				got.Header.Del("Date")
				want.Header.Del("Date")
				if !maps.EqualFunc(got.Header, want.Header, slices.Equal) {
					t.Errorf("%s: headers through web.Listener\n%v\nthrough net/http\n%v", what, got.Header, want.Header)
				}
				if !bytes.Equal(gotBody, wantBody) {
					t.Errorf("%s: %d bytes of body through web.Listener, %d through net/http, or not the same", what, len(gotBody), len(wantBody))
				}
				date := strings.Index(head, "\r\nDate: ")
				for _, name := range own {
					if i := strings.Index(head, "\r\n"+name+": "); i >= 0 {
						seen[name] = true
						if i < date {
							t.Errorf("%s: %s before Date in the head through web.Listener: written from net/http's map, not by the connection:\n%s", what, name, head)
						}
					}
				}
			}
		}
	}
	for _, name := range own {
		if !seen[name] {
			t.Errorf("no answer had %s: the test no longer checks it", name)
		}
	}
}
