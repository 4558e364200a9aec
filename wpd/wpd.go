// Package wpd reads the World Politics Data Lab's list of Security Council
// vetoes (github.com/world-politics-datalab/vetoes-un-security-council,
// file unsc_vetoes_1946_sept2022.csv; Carlos L. Yordan; MIT licence): a
// copy, scraped in September 2022, of the Dag Hammarskjöld Library's veto
// list (https://research.un.org/en/docs/sc/quick/veto), one row per row of
// that list from 16 February 1946 to 8 July 2022, to which it adds a
// crisis topic ("Syria", "Admission", "North Korea") and a region. It is not
// an official source (unsc.SourceWPDVetoes): the record checks it against
// the library's own list, takes nothing from it that an official source
// gives, and takes its topics as subjects of the vetoed drafts.
//
// # Format
//
// A CSV with a header; the columns read are found by name: date
// (M/D/YYYY), year, draft, meeting_record, agenda_item, crisis_topic,
// region, member_veto1, member_veto2 and member_veto3 (the members that cast
// the veto: USSR, Russia, USA, UK, France, China). The 0/1 columns USA,
// France, … are not read: they are not set for joint vetoes (the
// combination columns usa_uk, russia_china, … are), and member_veto1..3
// say the same for every row.
//
// # What Parse makes of it
//
// One unsc.Report per row, with Outcome unsc.Vetoed, VetoedBy the members
// named, Date, Draft (normalised), Meeting, Agenda (agenda_item) and
// Subjects (crisis_topic, then region). Key is "<date>:<draft, else
// meeting>", with "#2" on a second veto of the same key, so that a newer
// release updates rows in place; Ref is "<name>:<line>".
//
// # Quirks handled
//
//   - Vetoes of 1946–48 have no draft symbol: the draft column holds the
//     meeting record instead ("S/PV.49"), once misprinted ("S/PV.3038" for
//     S/PV.303), once beside the draft ("S/552, S/PV.202"). A meeting
//     record in the draft column is no draft: Draft is left empty and Note
//     keeps what the column says.
//   - The vetoes of 2020 taken by letter (COVID-19) give the letters
//     recording the vote, two to a cell, in meeting_record: Meeting is
//     left empty and Note keeps them.
//   - The USSR is "USSR" to 1991 and the Russian Federation "Russia";
//     China is the seat (the Republic of China to 1971, the People's
//     Republic after) without distinction: CHN.
//   - A year column that disagrees with the date is noted, not an error.
//
// An unknown member, a malformed date or symbol, or a row without a member
// fails the whole parse with an *unsc.Error whose Field is
// "<name>:<line>:<column>".
package wpd

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/internal/lazy"
)

const (
	colDate    = "date"
	colYear    = "year"
	colDraft   = "draft"
	colMeeting = "meeting_record"
	colAgenda  = "agenda_item"
	colTopic   = "crisis_topic"
	colRegion  = "region"
)

var vetoCols = []string{"member_veto1", "member_veto2", "member_veto3"}

var required = []string{colDate, colDraft, colMeeting, "member_veto1"}

// Sniff reports whether head, the start of a file, is this format: a CSV
// header naming date, draft, meeting_record and member_veto1.
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	line, _, _ := bytes.Cut(head, []byte("\n"))
	found := 0
	for f := range bytes.SplitSeq(line, []byte(",")) {
		if slices.Contains(required, strings.Trim(string(bytes.TrimSpace(f)), `"`)) {
			found++
		}
	}
	return found == len(required)
}

// members maps the list's member names to codes.
var members = map[string]unsc.Code{
	"USSR": "SUN", "Russia": "RUS", "USA": "USA", "UK": "GBR", "France": "FRA", "China": "CHN",
}

// Parse reads the list and returns one report per row (see the package
// documentation). name names the input in Ref and in errors.
func Parse(r io.Reader, name string) ([]unsc.Report, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	hdr, err := cr.Read()
	if err == io.EOF {
		return nil, unsc.Errorf(unsc.EINVALID, name+":1", "empty file: want a header naming %s", strings.Join(required, ", "))
	}
	if err != nil {
		return nil, syntaxError(name, err)
	}
	col := map[string]int{}
	for i, h := range hdr {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := col[h]; dup && h != "" {
			return nil, unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:1:%s", name, h), "column %q appears twice in the header", h)
		}
		col[h] = i
	}
	for _, c := range required {
		if _, ok := col[c]; !ok {
			return nil, unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:1:%s", name, c), "missing column %q: want a header naming %s", c, strings.Join(required, ", "))
		}
	}
	var out []unsc.Report
	seen := map[string]int{}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, syntaxError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(row) != len(hdr) {
			return nil, unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:%d:row", name, line), "row has %d fields: want %d, as in the header", len(row), len(hdr))
		}
		get := func(c string) string {
			i, ok := col[c]
			if !ok {
				return ""
			}
			return strings.TrimSpace(row[i])
		}
		field := func(c string) string { return fmt.Sprintf("%s:%d:%s", name, line, c) }
		rep, err := readRow(get, field)
		if err != nil {
			return nil, err
		}
		rep.Ref = fmt.Sprintf("%s:%d", name, line)
		seen[rep.Key]++
		if n := seen[rep.Key]; n > 1 {
			rep.Key += "#" + strconv.Itoa(n)
		}
		out = append(out, rep)
	}
	return out, nil
}

func syntaxError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:%d:%d", name, pe.Line, pe.Column), "%v: want CSV as RFC 4180 writes it", pe.Err)
	}
	return unsc.Errorf(unsc.EINVALID, name, "reading: %v", err)
}

func readRow(get func(string) string, field func(string) string) (unsc.Report, error) {
	rep := unsc.Report{Source: unsc.SourceWPDVetoes, Outcome: unsc.Vetoed, Matter: unsc.NonProcedural}
	var notes []string
	date, err := time.Parse("1/2/2006", get(colDate))
	if err != nil || date.Year() < 1946 || date.Year() > 2100 {
		return rep, unsc.Errorf(unsc.EINVALID, field(colDate), "date %q: want M/D/YYYY, such as 7/8/2022", get(colDate))
	}
	rep.Date = date
	if y := get(colYear); y != "" && y != strconv.Itoa(date.Year()) {
		notes = append(notes, fmt.Sprintf("the year column says %s", y))
	}
	draftCell := strings.Join(strings.Fields(get(colDraft)), " ")
	syms := symbolRE.Get().FindAllString(draftCell, -1)
	if len(syms) == 0 {
		return rep, unsc.Errorf(unsc.EINVALID, field(colDraft), "%q: want a draft symbol (S/YYYY/NNN, S/NNNN) or a meeting record (S/PV.NNNN)", draftCell)
	}
	for _, s := range syms {
		sym, kind, err := unsc.NormalizeSymbol(s)
		if err != nil {
			return rep, unsc.Errorf(unsc.EINVALID, field(colDraft), "%q: want a draft symbol (S/YYYY/NNN, S/NNNN) or a meeting record (S/PV.NNNN)", s)
		}
		if kind == unsc.DraftSymbol && rep.Draft == "" {
			rep.Draft = sym
		}
	}
	if rep.Draft == "" || draftCell != syms[0] {
		notes = append(notes, "draft column: "+draftCell)
	}
	var letters []string
	for _, s := range symbols(get(colMeeting)) {
		sym, kind, err := unsc.NormalizeSymbol(s)
		switch {
		case err != nil:
			return rep, unsc.Errorf(unsc.EINVALID, field(colMeeting), "%q: want a meeting record S/PV.NNNN", s)
		case kind == unsc.MeetingSymbol && rep.Meeting == "":
			rep.Meeting = sym
		case kind == unsc.DraftSymbol:
			letters = append(letters, sym)
		}
	}
	if len(letters) > 0 {
		notes = append(notes, "voted by letter: "+strings.Join(letters, ", ")+" (documents, not meeting records)")
	}
	if rep.Meeting == "" && len(letters) == 0 {
		return rep, unsc.Errorf(unsc.EINVALID, field(colMeeting), "empty: want the meeting record, S/PV.NNNN")
	}
	for _, c := range vetoCols {
		m := get(c)
		if m == "" {
			continue
		}
		code, ok := members[m]
		if !ok {
			return rep, unsc.Errorf(unsc.EINVALID, field(c), "member %q: want USSR, Russia, USA, UK, France or China", m)
		}
		if !slices.Contains(rep.VetoedBy, code) {
			rep.VetoedBy = append(rep.VetoedBy, code)
		}
	}
	if len(rep.VetoedBy) == 0 {
		return rep, unsc.Errorf(unsc.EINVALID, field("member_veto1"), "empty: want the member that cast the veto")
	}
	rep.Agenda = strings.Join(strings.Fields(get(colAgenda)), " ")
	for _, c := range []string{colTopic, colRegion} {
		if s := strings.Join(strings.Fields(get(c)), " "); s != "" && !slices.Contains(rep.Subjects, s) {
			rep.Subjects = append(rep.Subjects, s)
		}
	}
	what := rep.Draft
	if what == "" {
		what = rep.Meeting
	}
	if what == "" {
		what = letters[0]
	}
	rep.Key = date.Format(time.DateOnly) + ":" + what
	rep.Note = strings.Join(notes, "; ")
	return rep, nil
}

// symbolRE matches a document or meeting symbol in a cell.
var symbolRE = lazy.Value[*regexp.Regexp]{Make: func() *regexp.Regexp {
	return regexp.MustCompile(`S/(?:PV\.\s*)?\d+(?:/\d+)?(?:/(?:Rev|Add|Corr)\.\s*\d+)*`)
}}

// symbols splits a cell into the symbols it holds: "S/552, S/PV.202",
// "S/2020/661\nS/2020/657".
func symbols(cell string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(cell, func(r rune) bool { return r == ',' || r == '\n' || r == '\r' || r == ';' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
