package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// terminal is isTerminal, or a stand-in in tests.
var terminal = isTerminal

// escaper writes what it is given with every control character escaped, so
// that text from a ballot or a source (an agenda item, a candidate's name, a
// file name) cannot move the cursor, recolour or retitle a terminal, or
// reverse the text around it. It escapes the C0 and C1 controls other than
// tab and newline, DEL, and Unicode's bidirectional formatting characters,
// each as \uXXXX — a form that reads the same in JSON, so JSON output stays
// valid and means the same — and each byte that is not UTF-8 as \xNN.
type escaper struct {
	w io.Writer
	// carry holds the start of a UTF-8 sequence cut by the end of a Write.
	carry []byte
}

func newEscaper(w io.Writer) *escaper { return &escaper{w: w} }

// mustEscape reports whether r is escaped.
func mustEscape(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
		return true
	}
	return false
}

func (e *escaper) Write(p []byte) (int, error) {
	n := len(p)
	if len(e.carry) > 0 {
		p = append(e.carry, p...)
		e.carry = nil
	}
	var out []byte
	start := 0 // the first byte not yet copied to out
	for i := 0; i < len(p); {
		if c := p[i]; c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' {
			i++ // printable ASCII, most of the output: kept as it is
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size <= 1 {
			if !utf8.FullRune(p[i:]) {
				// Cut by the end of this Write: the rest comes with the next.
				e.carry = append([]byte(nil), p[i:]...)
				p = p[:i]
				break
			}
			out = append(out, p[start:i]...)
			out = fmt.Appendf(out, `\x%02x`, p[i])
			i++
			start = i
			continue
		}
		if mustEscape(r) {
			out = append(out, p[start:i]...)
			out = fmt.Appendf(out, `\u%04x`, r)
			start = i + size
		}
		i += size
	}
	if out == nil {
		_, err := e.w.Write(p)
		return n, err
	}
	out = append(out, p[start:]...)
	_, err := e.w.Write(out)
	return n, err
}

// Flush writes a sequence left incomplete at the end of the output, escaped.
func (e *escaper) Flush() error {
	if len(e.carry) == 0 {
		return nil
	}
	var out []byte
	for _, b := range e.carry {
		out = fmt.Appendf(out, `\x%02x`, b)
	}
	e.carry = nil
	_, err := e.w.Write(out)
	return err
}

// cell makes text one cell of a table: tabs and line breaks, which would
// break the table's columns and rows, become spaces.
func cell(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// progressDelay is how long work runs before its progress is shown: work
// done sooner shows none.
var progressDelay = defaultProgressDelay

const defaultProgressDelay = time.Second

// progress shows on standard error, when it is a terminal, what a long
// piece of work is doing, redrawn in place and erased when the work is
// done.
type progress struct {
	w    io.Writer
	mu   sync.Mutex
	text string
	// shown is true once a line has been drawn; done stops the drawing.
	shown bool
	done  chan struct{}
	wg    sync.WaitGroup
}

// startProgress begins showing progress for work described by text, if
// standard error is a terminal; the zero progress shows nothing. Call stop
// when the work is done.
func (a *app) startProgress(text string) *progress {
	if !a.stderrTerminal {
		return &progress{}
	}
	p := &progress{w: a.rawStderr, text: text, done: make(chan struct{})}
	if progressDelay <= 0 {
		p.draw()
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		select {
		case <-time.After(progressDelay):
		case <-p.done:
			return
		}
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			p.draw()
			select {
			case <-tick.C:
			case <-p.done:
				return
			}
		}
	}()
	return p
}

// set changes what the line says.
func (p *progress) set(format string, args ...any) {
	if p.done == nil {
		return
	}
	p.mu.Lock()
	p.text = fmt.Sprintf(format, args...)
	p.mu.Unlock()
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	// \r returns to the start of the line; \x1b[K clears what a longer line
	// left.
	fmt.Fprintf(p.w, "\r%s…\x1b[K", p.text)
	p.shown = true
}

// stop ends the progress and erases its line.
func (p *progress) stop() {
	if p.done == nil {
		return
	}
	select {
	case <-p.done:
		return
	default:
	}
	close(p.done)
	p.wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
