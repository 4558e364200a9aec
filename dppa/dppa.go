// Package dppa reads UN DPPA's table of Security Council membership by year
// (Peace and Security Data Hub dataset "DPPA-SCMembership", published by the
// Department of Political and Peacebuilding Affairs). It is an official UN
// source: one row per (year, member) from 1946, with columns id, year,
// security_council_member and last_update.
//
// The parser is pure: it reads a CSV stream and returns its rows, validated,
// and does no I/O of its own. It keeps the table's quirks for the caller to
// handle rather than guessing:
//
//   - Eight rows of the published file have a blank member name (names with
//     non-ASCII characters lost upstream, such as Côte d'Ivoire). They are
//     returned blank; the caller fills them from its own table.
//   - Names are the UN's current short names ("Türkiye", "Czechia") with a
//     few historical entities kept ("USSR (Union of Soviet Socialist
//     Republics)", "Yugoslavia"). They are returned as written, trimmed.
//   - There is no seat-type column and terms are whole calendar years.
//
// Columns are found by name, in any order; a leading byte-order mark is
// ignored. A malformed row fails the whole parse with an *unsc.Error of code
// unsc.EINVALID whose Field is "<name>:<line>:<column>".
package dppa

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"unsc"
)

// The column names of the published file.
const (
	colID         = "id"
	colYear       = "year"
	colMember     = "security_council_member"
	colLastUpdate = "last_update"
)

// The years a row may name: the Council first met in 1946, and anything past
// 2100 is a typing error rather than a term.
const (
	minYear = 1946
	maxYear = 2100
)

// Row is one (year, member) line of the table.
type Row struct {
	// Line is the line of the file the row starts on, counting from 1 at
	// the header.
	Line int
	ID   int
	Year int
	// Member is the member's name as the table writes it; blank where the
	// table leaves it blank.
	Member string
	// LastUpdate is the table's last_update value (YYYY-MM-DD), or "".
	LastUpdate string
}

// Sniff reports whether head, the first bytes of a file, looks like the DPPA
// membership table: its header names the id, year and
// security_council_member columns.
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	line, _, _ := bytes.Cut(head, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	var id, year, member bool
	for f := range bytes.SplitSeq(line, []byte(",")) {
		switch strings.ToLower(strings.Trim(strings.TrimSpace(string(f)), `"`)) {
		case colID:
			id = true
		case colYear:
			year = true
		case colMember:
			member = true
		}
	}
	return id && year && member
}

// Parse reads the membership table from r. name identifies the input in
// errors and is usually the file's name. It returns the rows in file order,
// or nil and an *unsc.Error (EINVALID) naming "<name>:<line>:<column>" for
// the first malformed row: a missing column, an id or year that is not a
// whole number, a year outside 1946–2100, an id used twice, a member listed
// twice in one year, or a last_update that is not YYYY-MM-DD.
func Parse(r io.Reader, name string) ([]Row, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1

	header, err := cr.Read()
	if err == io.EOF {
		return nil, unsc.Errorf(unsc.EINVALID, name+":1", "empty file: want a header naming %s, %s and %s", colID, colYear, colMember)
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	cols := map[string]int{}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\uFEFF")
		}
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := cols[h]; !dup {
			cols[h] = i
		}
	}
	need := func(c string) (int, error) {
		i, ok := cols[c]
		if !ok {
			return 0, unsc.Errorf(unsc.EINVALID, name+":1:"+c, "missing column %q", c)
		}
		return i, nil
	}
	iID, err := need(colID)
	if err != nil {
		return nil, err
	}
	iYear, err := need(colYear)
	if err != nil {
		return nil, err
	}
	iMember, err := need(colMember)
	if err != nil {
		return nil, err
	}
	iUpdate, hasUpdate := cols[colLastUpdate]

	var rows []Row
	idLine := map[int]int{}
	type yearMember struct {
		year   int
		member string
	}
	memberLine := map[yearMember]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		field := func(col string) string { return name + ":" + strconv.Itoa(line) + ":" + col }
		get := func(i int) string {
			if i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		row := Row{Line: line, Member: get(iMember)}
		if row.ID, err = strconv.Atoi(get(iID)); err != nil || row.ID < 0 {
			return nil, unsc.Errorf(unsc.EINVALID, field(colID), "id %q: want a whole number", get(iID))
		}
		if prev, ok := idLine[row.ID]; ok {
			return nil, unsc.Errorf(unsc.EINVALID, field(colID), "id %d repeats the row on line %d: want each id once", row.ID, prev)
		}
		idLine[row.ID] = line
		y, err := strconv.Atoi(get(iYear))
		if err != nil {
			return nil, unsc.Errorf(unsc.EINVALID, field(colYear), "year %q: want a whole number", get(iYear))
		}
		if y < minYear || y > maxYear {
			return nil, unsc.Errorf(unsc.EINVALID, field(colYear), "year %d: want a year from %d to %d", y, minYear, maxYear)
		}
		row.Year = y
		if row.Member != "" {
			k := yearMember{y, row.Member}
			if prev, ok := memberLine[k]; ok {
				return nil, unsc.Errorf(unsc.EINVALID, field(colMember), "%s is listed twice for %d (also on line %d): want each member once a year", row.Member, y, prev)
			}
			memberLine[k] = line
		}
		if hasUpdate {
			row.LastUpdate = get(iUpdate)
			if row.LastUpdate != "" {
				if _, err := time.Parse(time.DateOnly, row.LastUpdate); err != nil {
					return nil, unsc.Errorf(unsc.EINVALID, field(colLastUpdate), "last_update %q: want YYYY-MM-DD", row.LastUpdate)
				}
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// csvError turns a CSV syntax error into an *unsc.Error (EINVALID) at its
// line, and a failure to read into one with code EINTERNAL.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return unsc.Errorf(unsc.EINVALID, name+":"+strconv.Itoa(pe.Line), "malformed CSV: %v", pe.Err)
	}
	// Anything else is the reader failing, not the data being wrong.
	return unsc.Errorf(unsc.EINTERNAL, name, "reading: %v", err)
}
