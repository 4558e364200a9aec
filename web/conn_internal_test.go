package web

import (
	"errors"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// recordingConn is a connection that records each write it is given, and
// fails them all once fail is set.
type recordingConn struct {
	net.Conn
	writes []string
	fail   error
}

func (c *recordingConn) Write(p []byte) (int, error) {
	if c.fail != nil {
		return 0, c.fail
	}
	c.writes = append(c.writes, string(p))
	return len(p), nil
}

// TestOneWriteConn checks what a connection held while an answer is
// written sends: nothing while it keeps the first write back, then the
// first and second in one write; the first alone on release when no second
// comes; every write as it is when not held; and a failed send reported
// to the write that made it.
func TestOneWriteConn(t *testing.T) {
	rec := &recordingConn{}
	c := &oneWriteConn{Conn: rec}
	w := httptest.NewRecorder()

	c.Write([]byte("plain"))
	c.hold()
	c.Write([]byte("head+"))
	if len(rec.writes) != 1 {
		t.Fatalf("writes while held %q, want the first kept back", rec.writes)
	}
	if n, err := c.Write([]byte("body")); n != 4 || err != nil {
		t.Fatalf("second write = %d, %v; want 4, nil", n, err)
	}
	c.release(w)
	c.Write([]byte("after"))
	if want := []string{"plain", "head+body", "after"}; !slices.Equal(rec.writes, want) {
		t.Fatalf("writes %q, want %q", rec.writes, want)
	}

	rec.writes = nil
	c.hold()
	c.Write([]byte("small answer"))
	if err := c.release(w); err != nil || !slices.Equal(rec.writes, []string{"small answer"}) {
		t.Fatalf("release = %v, writes %q; want the kept write sent alone", err, rec.writes)
	}
	if c.kept != nil || c.held {
		t.Fatal("the connection still holds or keeps a write after release")
	}

	rec.writes = nil
	rec.fail = errors.New("connection reset")
	c.hold()
	if _, err := c.Write([]byte("head")); err != nil {
		t.Fatalf("kept write = %v, want nil (nothing sent yet)", err)
	}
	if n, err := c.Write([]byte("body")); err == nil || n != 0 {
		t.Fatalf("second write = %d, %v; want 0 and the connection's error", n, err)
	}
	if err := c.release(w); err != nil {
		t.Fatalf("release after a failed send = %v, want nil (the error was reported)", err)
	}
	c.hold()
	c.Write([]byte("head"))
	if err := c.release(w); err == nil {
		t.Fatal("release of a kept write that fails = nil, want the connection's error")
	}
}

// TestHoldWithLines checks the lines put into a head: after its last
// header, before the blank line that ends it, whether the head comes in
// the first write or spans several (a head over net/http's 4 KB buffer),
// and exactly once; a connection held without lines changes nothing, and
// a response net/http still buffers is flushed into the held connection
// on release, so that its head too has them.
func TestHoldWithLines(t *testing.T) {
	lines := headLines(appendHeaderLine(appendHeaderLine(nil, "Etag", `"abc"`), "X-Total-Count", "7"))
	const add = "Etag: \"abc\"\r\nX-Total-Count: 7\r\n"
	w := httptest.NewRecorder()
	for _, tt := range []struct {
		name   string
		writes []string
		want   string
	}{
		{"head and body in one write", []string{"HTTP/1.1 200 OK\r\nA: 1\r\n\r\nbody\r\n\r\n", "rest"}, "HTTP/1.1 200 OK\r\nA: 1\r\n" + add + "\r\nbody\r\n\r\nrest"},
		{"the head alone", []string{"HTTP/1.1 200 OK\r\nA: 1\r\n\r\n"}, "HTTP/1.1 200 OK\r\nA: 1\r\n" + add + "\r\n"},
		{"a head in three writes", []string{"HTTP/1.1 200 OK\r\nA: 1", "\r\nB: 2\r", "\n\r\nbo", "dy"}, "HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\n" + add + "\r\nbody"},
	} {
		rec := &recordingConn{}
		c := &oneWriteConn{Conn: rec}
		c.holdWith(lines)
		for _, p := range tt.writes {
			if n, err := c.Write([]byte(p)); n != len(p) || err != nil {
				t.Fatalf("%s: Write(%q) = %d, %v", tt.name, p, n, err)
			}
		}
		if err := c.release(w); err != nil {
			t.Fatalf("%s: release = %v", tt.name, err)
		}
		if got := strings.Join(rec.writes, ""); got != tt.want {
			t.Errorf("%s: sent %q, want %q", tt.name, got, tt.want)
		}
		if c.lines != nil || c.kept != nil || c.held {
			t.Errorf("%s: the connection still holds lines or a write after release", tt.name)
		}
	}

	rec := &recordingConn{}
	c := &oneWriteConn{Conn: rec}
	c.holdWith(nil)
	c.Write([]byte("HTTP/1.1 200 OK\r\n\r\n"))
	c.release(w)
	if want := []string{"HTTP/1.1 200 OK\r\n\r\n"}; !slices.Equal(rec.writes, want) {
		t.Errorf("held with no lines: sent %q, want %q", rec.writes, want)
	}

	// net/http's response still buffering the whole answer at release:
	// it is asked to flush while the connection is held.
	rec = &recordingConn{}
	c = &oneWriteConn{Conn: rec}
	c.holdWith(lines)
	c.release(flushTo{c, "HTTP/1.1 200 OK\r\n\r\n{}"})
	if want := []string{"HTTP/1.1 200 OK\r\n" + add + "\r\n{}"}; !slices.Equal(rec.writes, want) {
		t.Errorf("an answer flushed on release: sent %q, want %q", rec.writes, want)
	}
}

// flushTo is a response that writes what it buffers to its connection
// when flushed.
type flushTo struct {
	c        *oneWriteConn
	buffered string
}

func (f flushTo) Header() http.Header         { return nil }
func (f flushTo) Write(p []byte) (int, error) { return len(p), nil }
func (f flushTo) WriteHeader(int)             {}
func (f flushTo) FlushError() error {
	_, err := f.c.Write([]byte(f.buffered))
	return err
}

// A header's line holds its value as net/http writes it: line breaks
// made spaces, spaces at either end trimmed; and the lines set in a
// header map give each name its value.
func TestHeaderLines(t *testing.T) {
	b := appendHeaderLine(nil, "Link", " <a>;\r\n rel=\"next\"\n")
	b = appendHeaderLine(b, "X-Total-Count", "12")
	if want := "Link: <a>;   rel=\"next\"\r\nX-Total-Count: 12\r\n"; string(b) != want {
		t.Errorf("lines %q, want %q", b, want)
	}
	h := http.Header{}
	headLines(b).setIn(h)
	if want := (http.Header{"Link": {`<a>;   rel="next"`}, "X-Total-Count": {"12"}}); !maps.EqualFunc(h, want, slices.Equal) {
		t.Errorf("set in a header: %v, want %v", h, want)
	}
}
