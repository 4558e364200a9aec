package dhl

import (
	"bytes"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"unsc"
)

// maxInput bounds what a parser reads: the largest yearly page is about
// 110 KB, so anything near this size is not one of these pages.
const maxInput = 32 << 20

// cell is one table cell as the page gives it: its text, with line breaks
// kept as '\n', and the source line on which each stretch of text starts.
type cell struct {
	line    int
	pad     bool // stands in for a spanned cell that is not there
	rowspan int
	colspan int
	text    strings.Builder
	// flatText caches flat once flatDone.
	flatText string
	flatDone bool
	// marks maps offsets in text to source lines, in increasing order.
	marks []mark
}

type mark struct{ off, line int }

// row is one <tr>, with the line it starts on.
type row struct {
	line  int
	cells []*cell
}

// String returns the cell's text.
func (c *cell) String() string { return c.text.String() }

// flat returns the cell's text on one line, with runs of white space
// (line breaks included) collapsed to single spaces.
func (c *cell) flat() string {
	if !c.flatDone {
		c.flatText, c.flatDone = collapse(c.text.String()), true
	}
	return c.flatText
}

// lineAt returns the source line of the text at offset off.
func (c *cell) lineAt(off int) int {
	i := sort.Search(len(c.marks), func(i int) bool { return c.marks[i].off > off })
	if i == 0 {
		return c.line
	}
	return c.marks[i-1].line
}

func (c *cell) write(s string, line int) {
	if s == "" {
		return
	}
	c.marks = append(c.marks, mark{c.text.Len(), line})
	c.text.WriteString(s)
	c.flatDone = false
}

// writeBytes is write for text the tokenizer hands out.
func (c *cell) writeBytes(b []byte, line int) {
	if len(b) == 0 {
		return
	}
	c.marks = append(c.marks, mark{c.text.Len(), line})
	c.text.Write(b)
	c.flatDone = false
}

// readRows reads every table row of an HTML page. It is deliberately
// forgiving, as browsers are: the saved pages close tags in the wrong order
// ("</th></a>", "</p></span>"), leave <td> unclosed, and write "</br>" for
// "<br>". A cell ends at the next <td>, <th>, <tr> or </table>. Text outside
// cells is ignored. name is used for errors.
func readRows(r io.Reader, name string) ([]row, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, unsc.Errorf(unsc.EINVALID, name+":1:file", "cannot read the page: %v", err)
	}
	if len(data) > maxInput {
		return nil, unsc.Errorf(unsc.EINVALID, name+":1:file", "page larger than %d bytes: want a saved Dag Hammarskjöld Library table", maxInput)
	}
	var (
		rows []row
		cur  *row
		c    *cell
		line = 1
		z    = html.NewTokenizer(bytes.NewReader(data))
	)
	endCell := func() {
		if c != nil && cur != nil {
			cur.cells = append(cur.cells, c)
		}
		c = nil
	}
	endRow := func() {
		endCell()
		if cur != nil && len(cur.cells) > 0 {
			rows = append(rows, *cur)
		}
		cur = nil
	}
	// mode is how the text after a start tag is read (modeAfter).
	mode := markup
	for {
		tt := z.Next()
		start := line
		line += bytes.Count(z.Raw(), []byte{'\n'})
		textIn := mode
		mode = markup
		switch tt {
		case html.ErrorToken:
			endRow()
			if z.Err() != io.EOF {
				return nil, unsc.Errorf(unsc.EINVALID, name+":"+strconv.Itoa(start)+":file", "cannot read the page as HTML: %v", z.Err())
			}
			return rows, nil
		case html.TextToken:
			if c != nil {
				c.writeBytes(tokenText(z.Raw(), textIn), start)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			mode = modeAfter(z.Raw())
			switch tagAtom(z.Raw(), 1) {
			case atom.Tr:
				endRow()
				cur = &row{line: start}
			case atom.Td, atom.Th:
				endCell()
				if cur == nil {
					cur = &row{line: start}
				}
				c = &cell{line: start, rowspan: 1, colspan: 1}
				eachAttr(z.Raw(), func(k, v []byte) {
					switch string(k) {
					case "rowspan":
						c.rowspan = span(attrValue(v))
					case "colspan":
						c.colspan = span(attrValue(v))
					}
				})
			case atom.Br, atom.P, atom.Div:
				if c != nil {
					c.write("\n", start)
				}
			case atom.Table:
				endRow()
			}
		case html.EndTagToken:
			switch tagAtom(z.Raw(), 2) {
			case atom.Td, atom.Th:
				endCell()
			case atom.Tr, atom.Table:
				endRow()
			case atom.Br, atom.P, atom.Div:
				if c != nil {
					c.write("\n", start)
				}
			}
		}
	}
}

// tagAtom returns the atom of the name of the tag in raw, a tag token as
// the tokenizer read it, whose name starts at offset at ("<td", "</td"):
// what atom.Lookup(z.TagName()) returns for the short names the parser
// looks for, without the copy TagName makes.
func tagAtom(raw []byte, at int) atom.Atom {
	var name [8]byte
	n := 0
	for _, c := range raw[min(at, len(raw)):] {
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if n == len(name) {
			return 0 // longer than any name looked for
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		name[n] = c
		n++
	}
	return atom.Lookup(name[:n])
}

// readAll reads r to its end, or to maxInput+1 bytes, in one buffer sized
// from the file or reader when it says how long it is.
func readAll(r io.Reader) ([]byte, error) {
	size := 0
	switch r := r.(type) {
	case interface{ Len() int }:
		size = r.Len()
	case interface{ Stat() (fs.FileInfo, error) }:
		if info, err := r.Stat(); err == nil && info.Mode().IsRegular() {
			size = int(min(info.Size(), maxInput+1))
		}
	}
	var buf bytes.Buffer
	buf.Grow(size + bytes.MinRead)
	_, err := buf.ReadFrom(io.LimitReader(r, maxInput+1))
	return buf.Bytes(), err
}

// span reads a rowspan or colspan attribute, keeping it between 1 and 100
// so that a malformed page cannot make the grid absurdly large.
func span(v []byte) int {
	n, err := strconv.Atoi(strings.TrimSpace(string(v)))
	switch {
	case err != nil || n < 1:
		return 1
	case n > 100:
		return 100
	}
	return n
}

// grid expands row spans: a cell with rowspan="2" is repeated at the same
// position in the next row, as a browser lays it out. Column spans are kept
// as given; the parsers look at them where they matter.
func grid(rows []row) [][]*cell {
	type carry struct {
		c    *cell
		left int
	}
	var pending []carry // by column
	out := make([][]*cell, 0, len(rows))
	for _, r := range rows {
		var cells []*cell
		next := r.cells
		for col := 0; len(next) > 0 || col < len(pending); col++ {
			if col < len(pending) && pending[col].left > 0 {
				cells = append(cells, pending[col].c)
				pending[col].left--
				continue
			}
			if len(next) == 0 {
				// A span still runs further right, but this row has no
				// cell to put before it: pad so columns stay aligned.
				cells = append(cells, &cell{line: r.line, pad: true, rowspan: 1, colspan: 1})
				continue
			}
			c := next[0]
			next = next[1:]
			cells = append(cells, c)
			for len(pending) <= col {
				pending = append(pending, carry{})
			}
			pending[col] = carry{c, c.rowspan - 1}
		}
		// Drop trailing padding: it only marks spans that have run out.
		for len(cells) > 0 && cells[len(cells)-1].pad {
			cells = cells[:len(cells)-1]
		}
		out = append(out, cells)
	}
	return out
}
