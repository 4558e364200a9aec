package web

import (
	"errors"
	"net"
	"net/http/httptest"
	"slices"
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
