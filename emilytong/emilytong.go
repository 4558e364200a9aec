// Package emilytong reads the hand-entered member vote lists of failed
// Security Council votes published by Emily Tong (github.com/emilytong123/
// unsc_for_us, file cleaned_data_unsc.xlsx, read here as its CSV
// conversion cleaned_data_unsc.csv): 53 failed votes from 1947 to 2022,
// each member's vote copied by hand from the meeting records (S/PV) in the
// UN Digital Library. It is a sample, not the complete list, and not an
// official source (unsc.SourceFailedDrafts): it never overrides the
// libraries' count, date, meeting or symbol, and fills the per-member
// positions of failed and vetoed drafts only where they add up to the
// official count (package record decides).
//
// # Format
//
// A CSV with a header naming, among others, the columns "Meeting Number",
// "Voting On", "Year", "Submitted By", "In Favor", "Abstain", "Against",
// "Note", "For,Abstain,Against" and "Members"; columns are found by name.
// List cells are Python list literals: "['Poland', 'Russian Federation']",
// with double quotes around a name holding an apostrophe ("Côte d'Ivoire").
//
// # What Parse makes of it
//
// One unsc.Report per row that votes on a draft as a whole: Meeting is
// S/PV.<Meeting Number>; Draft is the symbol in "Voting On", normalised,
// where it holds one (else, for "174th Meeting Draft Resolution", none, and
// Note keeps the words); Votes has each listed member as Yes, Abstain or
// No; a member in "Members" but in no vote list was absent or did not take
// part, and is left out of Votes, as for every source that writes the two
// alike. "Submitted By" is kept in Note only, as the file writes it: it is
// not checked against any other source, and names sponsors wrongly at times
// (the Republic of Korea for the Democratic People's Republic of Korea on
// S/2022/231), so Sponsors stays nil. The file gives the
// year but no date: Date is zero, Note says the year, and the record dates
// the vote by its meeting. Key is "<meeting>:<voting on>", with "#2" on a
// second row of the same words, so that a corrected release updates rows in
// place; Ref is "<name>:<line>".
//
// The file says only that each vote failed. Outcome is unsc.Vetoed, with
// VetoedBy the permanent members voting against, where the listed votes in
// favour reach the majority required in that year (7 until 1965, 9 from
// 1966) and a permanent member voted against; else unsc.Failed.
//
// # Quirks handled
//
//   - The Soviet Union is written "Russian Federation" in the vote lists
//     even for 1947–1991 (while "Members" says "Union of Soviet Socialist
//     Republics"): for a year up to 1991 the name is read as the USSR
//     (SUN). The Ukrainian SSR is "Ukraine" or "Ukranian Soviet Socialist
//     Republic" (UKR); "Cote d' Ivoire" has a stray space.
//   - Rows that vote on parts of a draft ("S/1076 Paragraphs 1-4", "S/7951/
//     Rev.2 Paragraph 2", "Last Paragraph") are votes on paragraphs, not on
//     a draft: the record holds votes on drafts, amendments and
//     resolutions, and such rows give no report. Parts counts them.
//   - The "For,Abstain,Against" tuple is the author's count of the lists;
//     where it differs from the lists (S/1127, 1948: "(6, 5, 0)" with five
//     names in favour) the lists are kept and Note says so.
//   - An unknown member name, a member in two vote lists, or a malformed
//     list or meeting number fails the whole parse with an *unsc.Error
//     whose Field is "<name>:<line>:<column>".
package emilytong

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"unsc"
	"unsc/charter"
	"unsc/internal/ascii"
)

// The columns the parser reads.
const (
	colMeeting  = "Meeting Number"
	colVotingOn = "Voting On"
	colYear     = "Year"
	colBy       = "Submitted By"
	colFor      = "In Favor"
	colAbstain  = "Abstain"
	colAgainst  = "Against"
	colNote     = "Note"
	colTuple    = "For,Abstain,Against"
	colMembers  = "Members"
)

var required = []string{colMeeting, colVotingOn, colYear, colFor, colAbstain, colAgainst}

var optional = []string{colBy, colNote, colTuple, colMembers}

// Sniff reports whether head, the start of a file, is this format: a CSV
// header naming "Meeting Number", "Voting On", "In Favor" and "Against".
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	line, _, _ := bytes.Cut(head, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(line))
	row, err := r.Read()
	if err != nil {
		return false
	}
	want := map[string]bool{colMeeting: false, colVotingOn: false, colFor: false, colAgainst: false}
	for _, h := range row {
		h = strings.TrimSpace(h)
		if _, ok := want[h]; ok {
			want[h] = true
		}
	}
	for _, ok := range want {
		if !ok {
			return false
		}
	}
	return true
}

// Result is what Parse read: the reports, and the number of rows that vote
// on parts of a draft and give none.
type Result struct {
	Reports []unsc.Report
	Parts   int
}

// Parse reads the file and returns one report per vote on a draft as a
// whole (see the package documentation). name names the input in Ref and
// in errors.
func Parse(r io.Reader, name string) ([]unsc.Report, error) {
	res, err := ParseAll(r, name)
	if err != nil {
		return nil, err
	}
	return res.Reports, nil
}

// ParseAll is Parse, saying also how many rows voted on parts of a draft.
func ParseAll(r io.Reader, name string) (Result, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	hdr, err := cr.Read()
	if err == io.EOF {
		return Result{}, unsc.Errorf(unsc.EINVALID, name+":1", "empty file: want a header naming %s", strings.Join(required, ", "))
	}
	if err != nil {
		return Result{}, syntaxError(name, err)
	}
	col := map[string]int{}
	for i, h := range hdr {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if slices.Contains(required, h) || slices.Contains(optional, h) {
			if _, dup := col[h]; dup {
				return Result{}, unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:1:%s", name, h), "column %q appears twice in the header", h)
			}
			col[h] = i
		}
	}
	for _, c := range required {
		if _, ok := col[c]; !ok {
			return Result{}, unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:1:%s", name, c), "missing column %q: want a header naming %s", c, strings.Join(required, ", "))
		}
	}
	var out Result
	seen := map[string]int{}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Result{}, syntaxError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(row) != len(hdr) {
			return Result{}, unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:%d:row", name, line), "row has %d fields: want %d, as in the header", len(row), len(hdr))
		}
		get := func(c string) string {
			i, ok := col[c]
			if !ok {
				return ""
			}
			return strings.TrimSpace(row[i])
		}
		field := func(c string) string { return fmt.Sprintf("%s:%d:%s", name, line, c) }
		rep, part, err := readRow(get, field)
		if err != nil {
			return Result{}, err
		}
		if part {
			out.Parts++
			continue
		}
		rep.Ref = fmt.Sprintf("%s:%d", name, line)
		seen[rep.Key]++
		if n := seen[rep.Key]; n > 1 {
			rep.Key += "#" + strconv.Itoa(n)
		}
		out.Reports = append(out.Reports, rep)
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

// readRow makes the report of one row; part is true for a vote on part of
// a draft, which gives none.
func readRow(get func(string) string, field func(string) string) (rep unsc.Report, part bool, err error) {
	year, err := strconv.Atoi(get(colYear))
	if err != nil || year < 1946 || year > 2100 {
		return rep, false, unsc.Errorf(unsc.EINVALID, field(colYear), "year %q: want the year of the vote, such as 1948", get(colYear))
	}
	mn := get(colMeeting)
	if !ascii.IsDigits(mn) || len(mn) > 6 {
		return rep, false, unsc.Errorf(unsc.EINVALID, field(colMeeting), "meeting number %q: want the number of the meeting record, such as 381", mn)
	}
	meeting, _, err := unsc.NormalizeSymbol("S/PV." + mn)
	if err != nil {
		return rep, false, unsc.Errorf(unsc.EINVALID, field(colMeeting), "meeting number %q: want the number of the meeting record, such as 381", mn)
	}
	on := strings.Join(strings.Fields(get(colVotingOn)), " ")
	if on == "" {
		return rep, false, unsc.Errorf(unsc.EINVALID, field(colVotingOn), "empty: want the symbol of the draft voted on")
	}
	if isPart(on) {
		return rep, true, nil
	}
	rep = unsc.Report{
		Source:  unsc.SourceFailedDrafts,
		Key:     meeting + ":" + on,
		Meeting: meeting,
		Matter:  unsc.NonProcedural,
	}
	var notes []string
	if sym, kind, err := unsc.NormalizeSymbol(on); err == nil && kind == unsc.DraftSymbol {
		rep.Draft = sym
	} else {
		notes = append(notes, "voting on: "+on)
	}
	notes = append(notes, fmt.Sprintf("year %d (the file gives no date)", year))
	votes := map[unsc.Code]unsc.Position{}
	listed := map[unsc.Code]string{}
	for _, l := range []struct {
		col string
		pos unsc.Position
	}{{colFor, unsc.Yes}, {colAbstain, unsc.Abstain}, {colAgainst, unsc.No}} {
		names, err := pyList(get(l.col))
		if err != nil {
			return rep, false, unsc.Errorf(unsc.EINVALID, field(l.col), "%v", err)
		}
		for _, n := range names {
			code, err := memberCode(n, year)
			if err != nil {
				return rep, false, unsc.Errorf(unsc.EINVALID, field(l.col), "%v", err)
			}
			if prev, dup := listed[code]; dup {
				return rep, false, unsc.Errorf(unsc.EINVALID, field(l.col), "%q (%s) is also listed under %q: want each member in one list", n, code, prev)
			}
			listed[code] = l.col
			votes[code] = l.pos
		}
	}
	rep.Votes = unsc.VotesOf(votes)
	if rep.Votes.Len() == 0 {
		return rep, false, unsc.Errorf(unsc.EINVALID, field(colFor), "no member in any vote list: want the members' votes")
	}
	if s := get(colMembers); s != "" {
		names, err := pyList(s)
		if err != nil {
			return rep, false, unsc.Errorf(unsc.EINVALID, field(colMembers), "%v", err)
		}
		var unlisted []string
		for _, n := range names {
			code, err := memberCode(n, year)
			if err != nil {
				return rep, false, unsc.Errorf(unsc.EINVALID, field(colMembers), "%v", err)
			}
			if _, ok := listed[code]; !ok {
				unlisted = append(unlisted, string(code))
			}
		}
		if len(unlisted) > 0 {
			notes = append(notes, "in no vote list (absent or not taking part): "+strings.Join(unlisted, ", "))
		}
	}
	if s := get(colTuple); s != "" {
		t := countOf(rep.Votes)
		if want := fmt.Sprintf("(%d, %d, %d)", t[0], t[1], t[2]); s != want {
			notes = append(notes, fmt.Sprintf("the file counts %s (for, abstain, against); its lists hold %s", s, want))
		}
	}
	if s := get(colBy); s != "" {
		names, err := pyList(s)
		if err != nil {
			return rep, false, unsc.Errorf(unsc.EINVALID, field(colBy), "%v", err)
		}
		notes = append(notes, "submitted by (as the file gives it): "+strings.Join(names, ", "))
	}
	if s := get(colNote); s != "" {
		notes = append(notes, "note: "+s)
	}
	rep.Outcome, rep.VetoedBy = outcome(rep.Votes, year)
	rep.Note = strings.Join(notes, "; ")
	return rep, false, nil
}

// isPart reports whether "Voting On" names part of a draft.
func isPart(on string) bool {
	l := strings.ToLower(on)
	return strings.Contains(l, "paragraph") || strings.Contains(l, " part ")
}

// countOf counts votes as the file's tuple does: for, abstain, against.
func countOf(v unsc.Votes) [3]int {
	var t [3]int
	for _, p := range v.All() {
		switch p {
		case unsc.Yes:
			t[0]++
		case unsc.Abstain:
			t[1]++
		case unsc.No:
			t[2]++
		}
	}
	return t
}

// permanent are the permanent members' codes.
var permanent = []unsc.Code{"CHN", "FRA", "GBR", "SUN", "RUS", "USA"}

// outcome is Vetoed, with the permanent members against, where the votes
// in favour reach the majority of the year and a permanent member voted
// against; else Failed.
func outcome(v unsc.Votes, year int) (unsc.Outcome, []unsc.Code) {
	required := 9
	if year < 1966 {
		required = 7
	}
	var against []unsc.Code
	for _, c := range permanent {
		if v.Of(c) == unsc.No {
			against = append(against, c)
		}
	}
	if countOf(v)[0] >= required && len(against) > 0 {
		return unsc.Vetoed, against
	}
	return unsc.Failed, nil
}

// memberCode returns the code of a member the file names, in the year of
// the vote.
func memberCode(name string, year int) (unsc.Code, error) {
	n := strings.Join(strings.Fields(name), " ")
	n = strings.ReplaceAll(n, "d' ", "d'")
	switch n {
	case "Russian Federation":
		if year <= 1991 {
			return "SUN", nil
		}
	case "Ukranian Soviet Socialist Republic":
		return "UKR", nil
	}
	code, err := charter.LookupMember(n)
	if err != nil {
		return "", fmt.Errorf("member %q: no state that sat on the Security Council has this name", name)
	}
	return code, nil
}

// pyList reads a Python list of strings: "['A', \"B's\"]"; "[]" is empty.
func pyList(s string) ([]string, error) {
	bad := func(why string) ([]string, error) {
		return nil, fmt.Errorf("list %q: %s: want a list such as ['Poland', 'Syria']", clip(s), why)
	}
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return bad("not in square brackets")
	}
	s = strings.TrimSpace(s[1 : len(s)-1])
	var out []string
	for s != "" {
		q := s[0]
		if q != '\'' && q != '"' {
			return bad("an item not in quotes")
		}
		var b strings.Builder
		i := 1
		for ; i < len(s) && s[i] != q; i++ {
			if s[i] == '\\' && i+1 < len(s) {
				i++
			}
			b.WriteByte(s[i])
		}
		if i >= len(s) {
			return bad("a quote not closed")
		}
		item := strings.TrimSpace(b.String())
		if item == "" {
			return bad("an empty item")
		}
		out = append(out, item)
		s = strings.TrimSpace(s[i+1:])
		if s == "" {
			break
		}
		if s[0] != ',' {
			return bad("items not separated by commas")
		}
		s = strings.TrimSpace(s[1:])
		if s == "" {
			return bad("a comma after the last item")
		}
	}
	return out, nil
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
