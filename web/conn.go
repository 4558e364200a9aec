package web

import (
	"io"
	"net"
	"net/http"
	"sync"
)

// One write an answer. net/http writes a response through a 4 KB buffer
// of each connection's: an answer whose head and body pass 4 KB goes out
// in two writes to the socket (the full buffer, then the rest), each a
// system call, a TCP segment and a wake-up of the client. A connection
// accepted through Listener can be held while an answer is written
// (writeAnswer): the first write is kept back and sent with the next in
// one system call (writev), so that every answer goes out in one.

// Listener returns ln with every connection it accepts able to send an
// answer in one write. Serve the server on it with ConnContext as the
// http.Server's ConnContext, which finds the connection of each request;
// without either, answers are sent as net/http sends them.
func Listener(ln net.Listener) net.Listener { return oneWriteListener{ln} }

type oneWriteListener struct{ net.Listener }

func (l oneWriteListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &oneWriteConn{Conn: c}, nil
}

// oneWriteConn is a connection that, while held, keeps back its first
// write and sends it with the next. Only the goroutine that serves the
// connection's requests (net/http's, which writes every response) holds
// it and writes while held; a connection not held writes as it is.
type oneWriteConn struct {
	net.Conn
	held bool
	kept *[]byte // the write kept back, while held
	err  error   // the error of sending what was kept, for the next write
}

// keptBuffers holds the buffers a write is kept in: net/http's 4 KB.
var keptBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}

func (c *oneWriteConn) Write(p []byte) (int, error) {
	if !c.held {
		return c.Conn.Write(p)
	}
	if c.err != nil {
		return 0, c.err
	}
	if c.kept == nil {
		c.kept = keptBuffers.Get().(*[]byte)
		*c.kept = append((*c.kept)[:0], p...)
		return len(p), nil
	}
	// The kept write and this one, in one system call.
	c.held = false
	kept := *c.kept
	var n int64
	var err error
	if _, ok := c.Conn.(*net.TCPConn); ok {
		bufs := net.Buffers{kept, p}
		n, err = bufs.WriteTo(c.Conn)
	} else {
		// A connection that writes no vector (a test's, a TLS one) is
		// given the two joined.
		var m int
		m, err = c.Conn.Write(append(kept[:len(kept):len(kept)], p...))
		n = int64(m)
	}
	c.giveBack()
	if err != nil {
		return max(0, int(n)-len(kept)), err
	}
	return len(p), nil
}

// hold keeps back the connection's next write, to be sent with the one
// after it or by release.
func (c *oneWriteConn) hold() { c.held, c.err = true, nil }

// release sends what the connection kept back and no longer holds it. w is
// the response being written: what net/http still buffers of it is sent
// first (with what was kept, in one write).
func (c *oneWriteConn) release(w http.ResponseWriter) error {
	if c.kept != nil {
		if f, ok := w.(interface{ FlushError() error }); ok {
			f.FlushError() // the second write, when net/http buffered it
		}
	}
	c.held = false
	err := c.err
	c.err = nil
	if c.kept != nil {
		_, err = c.Conn.Write(*c.kept)
		c.giveBack()
	}
	return err
}

func (c *oneWriteConn) giveBack() {
	keptBuffers.Put(c.kept)
	c.kept = nil
}

// ReadFrom and CloseWrite are the connection's own, for net/http (a file
// sent by sendfile, a connection closed for writing first).
func (c *oneWriteConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok && !c.held {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{c}, r)
}

func (c *oneWriteConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
