package undl

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/internal/ascii"
)

// The columns the parser reads. The order of the constants is the order of
// the col array in header, not the order in any file.
const (
	colID = iota
	colCode
	colVote
	colDate
	colResolution
	colDraft
	colMeeting
	colDescription
	colAgenda
	colSubjects
	colNote
	colYes
	colNo
	colAbstain
	colNonVoting
	colModality
	numCols
)

var colNames = [numCols]string{
	colID:          "undl_id",
	colCode:        "ms_code",
	colVote:        "ms_vote",
	colDate:        "date",
	colResolution:  "resolution",
	colDraft:       "draft",
	colMeeting:     "meeting",
	colDescription: "description",
	colAgenda:      "agenda",
	colSubjects:    "subjects",
	colNote:        "vote_note",
	colYes:         "total_yes",
	colNo:          "total_no",
	colAbstain:     "total_abstentions",
	colNonVoting:   "total_non_voting",
	colModality:    "modality",
}

// required lists the columns without which a row says nothing usable.
var required = [...]int{colID, colCode, colVote, colDate, colResolution}

// consistent lists the columns every row of one record must agree on.
var consistent = [...]int{colDate, colResolution, colDraft, colMeeting, colModality, colYes, colNo, colAbstain, colNonVoting}

// tallyCols are the totals, in the order of unsc.Tally's fields.
var tallyCols = [...]int{colYes, colNo, colAbstain, colNonVoting}

var bom = []byte("\ufeff")

// Sniff reports whether the start of a file (its first few KB) looks like
// this format: a CSV header naming undl_id, ms_code, ms_vote and resolution.
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, bom)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	want := [...]string{"undl_id", "ms_code", "ms_vote", "resolution"}
	var found [len(want)]bool
	for f := range bytes.SplitSeq(head, []byte(",")) {
		name := strings.ToLower(strings.Trim(string(f), " \t\r\""))
		for i, w := range want {
			if name == w {
				found[i] = true
			}
		}
	}
	for _, ok := range found {
		if !ok {
			return false
		}
	}
	return true
}

// Parse reads a CSV in the UN Digital Library's Security Council voting
// layout and returns one report per voting record (undl_id), in the order
// the records first appear. Each report has Source unsc.SourceUNDL, Key
// "undl:<undl_id>" and Ref "<name>:<line>", the line of the record's first
// row. name names the input in Ref and in errors.
//
// A malformed file returns no reports and an *unsc.Error with code
// unsc.EINVALID whose Field is "<name>:<line>:<column>" (the header is line
// 1) and whose message says what was expected.
func Parse(r io.Reader, name string) ([]unsc.Report, error) {
	p := parser{name: name, codes: map[string]unsc.Code{}, notes: map[string]string{}}
	reports, err := p.parse(r)
	if err != nil {
		return nil, err
	}
	return reports, nil
}

// record is one voting record as it is being read.
type record struct {
	rep unsc.Report
	// votes are the members' positions as read, made the report's when
	// the parser moves on to another record (seal) or finishes it.
	votes []unsc.Vote
	line  int // line of the first row
	rows  int
	// first holds the first row's value of each column in consistent, to
	// compare later rows against.
	first [numCols]string
	// notes are the vote_notes of the record's rows, in row order.
	notes []memberNote
	allX  bool
	// extra are notes the parser adds about the record itself.
	extra []string
}

type memberNote struct {
	code unsc.Code
	note string
}

type parser struct {
	name string
	cr   *csv.Reader
	col  [numCols]int // index of each column in the file, -1 if absent
	// width is the number of fields in the header.
	width int
	row   []string
	// codes and notes intern the strings kept from every row, so that a
	// report does not pin every row's line in memory.
	codes map[string]unsc.Code
	notes map[string]string
}

func (p *parser) parse(r io.Reader) ([]unsc.Report, error) {
	p.cr = csv.NewReader(r)
	p.cr.ReuseRecord = true
	p.cr.FieldsPerRecord = -1
	if err := p.header(); err != nil {
		return nil, err
	}
	var (
		order []*record
		byID  = map[string]*record{}
		last  *record
	)
	for {
		row, err := p.cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, p.syntaxError(err)
		}
		p.row = row
		if err := p.checkWidth(); err != nil {
			return nil, err
		}
		id := p.field(colID)
		rec := last
		if rec == nil || rec.rep.Key[len("undl:"):] != id {
			rec = byID[id]
		}
		if rec != last && last != nil {
			last.seal()
		}
		if rec == nil {
			rec, err = p.newRecord(id)
			if err != nil {
				return nil, err
			}
			byID[rec.rep.Key[len("undl:"):]] = rec
			order = append(order, rec)
		} else if err := p.sameRecord(rec); err != nil {
			return nil, err
		} else if rec != last {
			rec.reopen()
		}
		if err := p.vote(rec); err != nil {
			return nil, err
		}
		last = rec
	}
	reports := make([]unsc.Report, len(order))
	for i, rec := range order {
		reports[i] = rec.finish()
	}
	return reports, nil
}

// header reads the first line and finds the columns by name.
func (p *parser) header() error {
	row, err := p.cr.Read()
	if err == io.EOF {
		return unsc.Errorf(unsc.EINVALID, p.name+":1", "empty file: want a header naming %s", strings.Join(requiredNames(), ", "))
	}
	if err != nil {
		return p.syntaxError(err)
	}
	p.width = len(row)
	for i := range p.col {
		p.col[i] = -1
	}
	for i, h := range row {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		h = strings.ToLower(strings.TrimSpace(h))
		for c, n := range colNames {
			if h != n {
				continue
			}
			if p.col[c] >= 0 {
				return unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:1:%s", p.name, n), "column %s appears twice in the header", n)
			}
			p.col[c] = i
		}
	}
	for _, c := range required {
		if p.col[c] < 0 {
			return unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:1:%s", p.name, colNames[c]), "missing column %s: want a header naming %s", colNames[c], strings.Join(requiredNames(), ", "))
		}
	}
	return nil
}

func requiredNames() []string {
	names := make([]string, len(required))
	for i, c := range required {
		names[i] = colNames[c]
	}
	return names
}

// syntaxError turns an error of the CSV reader into an *unsc.Error.
func (p *parser) syntaxError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:%d:%d", p.name, pe.Line, pe.Column), "%v: want CSV as RFC 4180 writes it", pe.Err)
	}
	return unsc.Errorf(unsc.EINVALID, p.name, "reading: %v", err)
}

// checkWidth rejects a row whose fields do not line up with the header,
// which is what an unquoted comma or a lost field looks like.
func (p *parser) checkWidth() error {
	if len(p.row) == p.width {
		return nil
	}
	line, _ := p.cr.FieldPos(0)
	col := "column " + strconv.Itoa(min(len(p.row), p.width)+1)
	return unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:%d:%s", p.name, line, col), "row has %d fields: want %d, as in the header", len(p.row), p.width)
}

// field returns the value of column c in the current row, "" if the file
// has no such column.
func (p *parser) field(c int) string {
	i := p.col[c]
	if i < 0 || i >= len(p.row) {
		return ""
	}
	return strings.TrimSpace(p.row[i])
}

// errorf returns an error about column c of the current row.
func (p *parser) errorf(c int, format string, args ...any) error {
	line := 0
	if i := p.col[c]; i >= 0 && i < len(p.row) {
		line, _ = p.cr.FieldPos(i)
	}
	return unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:%d:%s", p.name, line, colNames[c]), format, args...)
}

// newRecord starts a record from its first row.
func (p *parser) newRecord(id string) (*record, error) {
	if id == "" || !ascii.IsDigits(id) {
		return nil, p.errorf(colID, "undl_id %q: want the record's number", id)
	}
	line, _ := p.cr.FieldPos(0)
	rec := &record{
		line:  line,
		allX:  true,
		votes: make([]unsc.Vote, 0, 15),
		rep: unsc.Report{
			Source:   unsc.SourceUNDL,
			Key:      "undl:" + id,
			Ref:      fmt.Sprintf("%s:%d", p.name, line),
			Title:    p.field(colDescription),
			Agenda:   p.field(colAgenda),
			Subjects: subjects(p.field(colSubjects)),
			Matter:   unsc.NonProcedural,
			Outcome:  unsc.Adopted,
		},
	}
	for _, c := range consistent {
		rec.first[c] = p.field(c)
	}

	date, err := time.Parse(time.DateOnly, p.field(colDate))
	if err != nil {
		return nil, p.errorf(colDate, "date %q: want YYYY-MM-DD", p.field(colDate))
	}
	rec.rep.Date = date

	res, err := resolution(p.field(colResolution), date)
	if err != nil {
		return nil, p.errorf(colResolution, "resolution %q: want S/RES/NNNN (YYYY)", p.field(colResolution))
	}
	rec.rep.Resolution = res

	if s := p.field(colDraft); s != "" {
		draft, kind, err := unsc.NormalizeSymbol(s)
		if err != nil || kind != unsc.DraftSymbol {
			return nil, p.errorf(colDraft, "draft %q: want S/YYYY/NNN or S/NNNN", s)
		}
		rec.rep.Draft = draft
	}

	if s := p.field(colMeeting); s != "" {
		meeting, kind, err := unsc.NormalizeSymbol(s)
		switch {
		case err == nil && kind == unsc.MeetingSymbol:
			rec.rep.Meeting = meeting
		case err == nil && kind == unsc.DraftSymbol && strings.Count(meeting, "/") == 2:
			// Resolutions adopted by written procedure (2020–2021) name
			// the letter that recorded the votes instead of a meeting.
			rec.extra = append(rec.extra, "meeting: "+meeting+" (a document, not a meeting record)")
		default:
			return nil, p.errorf(colMeeting, "meeting %q: want S/PV.NNNN", s)
		}
	}

	mod, err := modality(p.field(colModality))
	if err != nil {
		return nil, p.errorf(colModality, "%v", err)
	}
	rec.rep.Modality = mod

	if err := p.tally(rec); err != nil {
		return nil, err
	}
	rec.ownValues()
	return rec, nil
}

// tally reads the totals. They are known when the file has them; a file
// without the columns, or with all four empty, gives no tally.
func (p *parser) tally(rec *record) error {
	var n [len(tallyCols)]int
	present := 0
	for _, c := range tallyCols {
		if p.field(c) != "" {
			present++
		}
	}
	if present == 0 {
		return nil
	}
	for i, c := range tallyCols {
		s := p.field(c)
		v, err := strconv.Atoi(s)
		if err != nil || !ascii.IsDigits(s) {
			return p.errorf(c, "%s %q: want a number of members", colNames[c], s)
		}
		n[i] = v
	}
	rec.rep.Tally = unsc.Tally{Yes: n[0], No: n[1], Abstain: n[2], NonVoting: n[3], Known: true}
	return nil
}

// sameRecord checks that a later row of a record agrees with its first.
func (p *parser) sameRecord(rec *record) error {
	for _, c := range consistent {
		got, want := p.field(c), rec.first[c]
		if got == want || p.sameSymbol(rec, c, got) {
			continue
		}
		return p.errorf(c, "%s %q differs from %q on line %d: want the same value on every row of undl_id %s",
			colNames[c], got, want, rec.line, rec.rep.Key[len("undl:"):])
	}
	return nil
}

// sameSymbol reports whether got, in symbol column c, names the same
// document as the record's first row, spelt differently.
func (p *parser) sameSymbol(rec *record, c int, got string) bool {
	var want string
	switch c {
	case colResolution:
		res, err := resolution(got, rec.rep.Date)
		return err == nil && res == rec.rep.Resolution
	case colDraft:
		want = rec.rep.Draft
	case colMeeting:
		want = rec.rep.Meeting
	default:
		return false
	}
	s, _, err := unsc.NormalizeSymbol(got)
	return err == nil && s == want && want != ""
}

// resolution normalises a resolution symbol. A symbol without its year
// takes the year of the date: a resolution is numbered in the year it is
// adopted.
func resolution(s string, date time.Time) (string, error) {
	res, kind, err := unsc.NormalizeSymbol(s)
	if err != nil {
		return "", err
	}
	if kind != unsc.ResolutionSymbol {
		return "", fmt.Errorf("not a resolution")
	}
	if !strings.HasSuffix(res, ")") {
		res, _, err = unsc.NormalizeSymbol(fmt.Sprintf("%s (%04d)", res, date.Year()))
	}
	return res, err
}

// vote records the current row's member, vote and note in rec.
func (p *parser) vote(rec *record) error {
	s := p.field(colCode)
	code, ok := p.codes[s]
	if !ok {
		if !isCode(s) {
			return p.errorf(colCode, "ms_code %q: want a three-letter code such as USA", s)
		}
		code = unsc.Code(strings.Clone(s))
		p.codes[string(code)] = code
	}
	v := p.field(colVote)
	var pos unsc.Position
	switch v {
	case "Y":
		pos = unsc.Yes
	case "N":
		pos = unsc.No
	case "A":
		pos = unsc.Abstain
	case "X":
		pos = unsc.NotParticipating
	default:
		return p.errorf(colVote, "ms_vote %q: want Y, N, A or X", v)
	}
	if slices.ContainsFunc(rec.votes, func(v unsc.Vote) bool { return v.Member == code }) {
		return p.errorf(colCode, "ms_code %s appears twice in undl_id %s (first row on line %d): want one row per member",
			code, rec.rep.Key[len("undl:"):], rec.line)
	}
	rec.votes = append(rec.votes, unsc.Vote{Member: code, Position: pos})
	rec.rows++
	if pos != unsc.NotParticipating {
		rec.allX = false
	}
	if s := p.field(colNote); s != "" {
		note, ok := p.notes[s]
		if !ok {
			note = strings.Clone(s)
			p.notes[note] = note
		}
		rec.notes = append(rec.notes, memberNote{code, note})
	}
	return nil
}

// seal makes the positions read the report's and lets their buffer go:
// a record's rows are on consecutive lines in the library's files, so a
// record the parser has moved on from is done with, and its buffer would
// be most of the memory every record held until the end (~30 MB at 30
// times today's file). A later row of it reopens it.
func (rec *record) seal() {
	if rec.votes != nil {
		rec.rep.Votes = unsc.VotesFrom(rec.votes)
		rec.votes = nil
	}
}

// reopen takes a sealed record's positions back into its buffer, for
// another of its rows.
func (rec *record) reopen() {
	if rec.votes == nil {
		rec.votes = make([]unsc.Vote, 0, 15)
		for c, p := range rec.rep.Votes.All() {
			rec.votes = append(rec.votes, unsc.Vote{Member: c, Position: p})
		}
	}
}

// finish completes the report once every row has been read.
func (rec *record) finish() unsc.Report {
	rec.seal()
	if rec.first[colModality] == "" && rec.allX && rec.rows > 0 {
		rec.rep.Modality = unsc.WithoutVote
		rec.extra = append(rec.extra, "modality: not given; every member is X, so taken as adopted without a vote")
	}
	var notes []string
	if len(rec.notes) > 0 {
		count := map[string]int{}
		for _, mn := range rec.notes {
			count[mn.note]++
		}
		for _, mn := range rec.notes {
			switch n := count[mn.note]; {
			case n == rec.rows:
				// The library repeats a note about the record on every
				// row: keep it once.
				notes = append(notes, mn.note)
				count[mn.note] = -1
			case n > 0:
				notes = append(notes, string(mn.code)+": "+mn.note)
			}
		}
	}
	notes = append(notes, rec.extra...)
	rec.rep.Note = strings.Join(notes, "; ")
	return rec.rep
}

// ownValues copies the values rec read from its first row out of the row:
// each row's fields share one string, the whole line, which a report would
// otherwise keep alive for a title (24 MB at 30 times today's record), and
// the record's first row for the values later rows are compared with,
// until the file is read (24–50 MB more while it is read). Those are
// copied into one string.
func (rec *record) ownValues() {
	r := &rec.rep
	for _, s := range []*string{&r.Title, &r.Agenda, &r.Resolution, &r.Draft, &r.Meeting, &r.AmendmentTo} {
		*s = strings.Clone(*s)
	}
	for i := range r.Subjects {
		r.Subjects[i] = strings.Clone(r.Subjects[i])
	}
	n := 0
	for _, c := range consistent {
		n += len(rec.first[c])
	}
	var b strings.Builder
	b.Grow(n)
	for _, c := range consistent {
		b.WriteString(rec.first[c])
	}
	all, at := b.String(), 0
	for _, c := range consistent {
		n := len(rec.first[c])
		rec.first[c], at = all[at:at+n], at+n
	}
}

// modality reads the modality column.
func modality(s string) (unsc.Modality, error) {
	l := strings.ToLower(s)
	switch {
	case strings.Contains(l, "acclamation"):
		return unsc.ByAcclamation, nil
	case strings.Contains(l, "without") || strings.Contains(l, "consensus") || l == "no vote":
		return unsc.WithoutVote, nil
	case l == "" || l == "vote" || l == "by vote" || l == "voted" || l == "recorded vote":
		return unsc.ByVote, nil
	}
	return 0, fmt.Errorf("modality %q: want Vote, Without vote or By acclamation", s)
}

// subjects splits the subjects field, whose terms are separated by "|".
func subjects(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for t := range strings.SplitSeq(s, "|") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// isCode reports whether s looks like an ms_code: three capital letters.
func isCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
