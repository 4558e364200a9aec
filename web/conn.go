package web

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"net/textproto"
	"strings"
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
	held  bool
	kept  *[]byte   // the write kept back, while held
	err   error     // the error of sending what was kept, for the next write
	lines headLines // header lines to put into the head, until they are (holdWith)
}

// keptBuffers holds the buffers a write is kept in: net/http's 4 KB, and
// room for the lines put into its head (holdWith), so that they do not
// make the buffer grow (a copy of 8 KB an answer over 4 KB).
var keptBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10+1<<10); return &b }}

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
		c.addLines()
		return len(p), nil
	}
	if c.lines != nil {
		// The head has not ended yet (a head over net/http's 4 KB
		// buffer): keep this write too, until it does.
		*c.kept = append(*c.kept, p...)
		c.addLines()
		return len(p), nil
	}
	// The kept write and this one, in one system call.
	c.held, c.lines = false, nil
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
func (c *oneWriteConn) hold() { c.held, c.err, c.lines = true, nil, nil }

// holdWith holds the connection as hold does, for a response whose head
// net/http is about to write (an HTTP/1.x response, not yet begun): lines
// are put into that head, after net/http's own headers, before the blank
// line that ends it. The head is always whole in what is kept back before
// the body is sent: net/http writes it first, through its 4 KB buffer,
// and what it flushes is kept until the head's end is seen.
func (c *oneWriteConn) holdWith(lines headLines) {
	c.hold()
	if len(lines) > 0 {
		c.lines = lines
	}
}

// flusher is a response net/http can be asked to send what it buffers of.
type flusher interface{ FlushError() error }

// headEnd ends an HTTP/1.x head: its last line's end and a blank line.
var headEnd = []byte("\r\n\r\n")

// addLines puts the lines held into the head kept back, once its end is
// in what is kept.
func (c *oneWriteConn) addLines() {
	if c.lines == nil {
		return
	}
	k := *c.kept
	end := bytes.Index(k, headEnd)
	if end < 0 {
		return
	}
	end += 2 // after the last header's line, before the blank line
	n := len(k)
	k = append(k, c.lines...)
	copy(k[end+len(c.lines):], k[end:n])
	copy(k[end:], c.lines)
	*c.kept = k
	c.lines = nil
}

// release sends what the connection kept back and no longer holds it. w is
// the response being written: what net/http still buffers of it is sent
// first (with what was kept, in one write).
func (c *oneWriteConn) release(w http.ResponseWriter) error {
	if c.kept != nil || c.lines != nil {
		// The second write, when net/http buffered it; or the whole
		// answer, still in net/http's buffer, whose head is to have the
		// lines put into it while the connection is held.
		if f, ok := w.(flusher); ok {
			f.FlushError()
		}
	}
	c.held, c.lines = false, nil
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

// headLines are header fields as written in an HTTP/1.x head, each
// "Name: value\r\n", built once for an answer served many times
// (appendHeaderLine).
type headLines []byte

// appendHeaderLine appends a header's line to b, its value as net/http
// writes one (a line break a space, the spaces at either end trimmed).
// name must be canonical (textproto.CanonicalMIMEHeaderKey).
func appendHeaderLine(b []byte, name, value string) []byte {
	if strings.ContainsAny(value, "\r\n") {
		value = strings.NewReplacer("\n", " ", "\r", " ").Replace(value)
	}
	value = textproto.TrimString(value)
	b = append(append(append(b, name...), ": "...), value...)
	return append(b, "\r\n"...)
}

// setIn sets the headers of l in h, for net/http to write.
func (l headLines) setIn(h http.Header) {
	for rest := string(l); rest != ""; {
		var line, name, value string
		line, rest, _ = strings.Cut(rest, "\r\n")
		name, value, _ = strings.Cut(line, ": ")
		h[name] = append(h[name], value)
	}
}
