// Package scvotes reads the 1994–2025 spreadsheet of Security Council votes
// that lists every member's vote on every decision, failed drafts included
// (unsc.SourceSpreadsheet).
//
// # The format and its standing
//
// The file has one row per member per decision: Year, "Date," (an Excel
// serial date; the header really contains the comma), Resolution, Meeting,
// Draft, Agenda item, Category, Region, Submitted by, Outcome results, Vote
// (Yes, No or Abstain), Member State, ID (the file's decision number),
// Membership_Status and Topic, to which the copy we hold adds date_iso,
// res_no, date_corrected and date_corrected_source. It was found in a public
// chatbot demo repository (oliverunv/Voting-Agent) with no publisher and no
// licence. It is not an official source: wherever it disagrees with the UN
// Digital Library or the Dag Hammarskjöld Library, they win, and the
// reconciler decides. Columns are found by name, in any order.
//
// # What Parse makes of it
//
// Rows are grouped by ID into one unsc.Report per decision. Report.Key is
// "<meeting>|<resolution, else draft>|<amendment marker>", built from the
// file's content and not from its row or ID numbers, so that a re-import
// updates reports in place; a decision the file records twice gets "#2" on
// its second key. Ref is "<name>:<line of the decision's first row>".
//
// # Quirks handled, and where they are reported
//
// The parser reports what the file says. It fixes nothing silently: where
// the file contradicts itself or is known to be wrong, the report keeps the
// file's value and says so in Report.Note.
//
//   - Dates: 1994–2020 dates whose day is 12 or less often have day and
//     month swapped. The copy we hold adds a date_corrected column: the
//     meeting's date in the library's tables, else day and month swapped
//     for every day under 13 before 2021, a guess that also swaps right
//     dates (10 July 2020). Date is the corrected date where it comes from
//     the library's tables, else the file's own (date_iso, else the Excel
//     serial); Note keeps the other. Official sources still settle every
//     date they give, and the reconciler the rest.
//   - Symbols are spelt many ways ("893 (1994)", "Resolution 2618 (2022)",
//     "S/RES/2776/2025", "PV.8780", "3326", no-break spaces); every symbol is
//     put through unsc.NormalizeSymbol. Meetings "V005"…"V352" number the
//     2020–21 videoconferences, which have no S/PV record: Meeting is empty
//     and the number is in Key and Note. Rows whose Resolution and Draft are
//     swapped (2025) are swapped back, with a note.
//   - The Draft column is free text: "Oral amendment", "Oral amendment 2",
//     "S/2024/323 (amendment)", "S/2016/239 amendment", several symbols
//     ("S/2016/565; S/2016/638", of which the latest is taken as the draft)
//     or words ("as orally revised"). Text that is not a symbol goes to
//     Note. A row marked as an amendment has Amendment set; AmendmentTo is
//     the other draft voted at the same meeting, when there is exactly one.
//   - Outcome results: "Adopted unanimously", "Adopted by majority" →
//     Adopted; "Adopted by consensus", "Adopted by acclamation" → Adopted
//     with Modality WithoutVote or ByAcclamation, and since no vote was
//     taken the file's "Yes" rows are not kept as votes; "Not adopted -
//     veto" → Vetoed; "Not adopted - failed to receive required number of
//     votes" → Failed. VetoedBy lists the permanent members the file shows
//     voting no on a vetoed draft. The file never says whether a matter was
//     procedural, so MatterKnown is always false.
//   - Submitted by is free text ("France,United Kingdom,United States",
//     "Tunisia and the United States of America", "United States (64)",
//     lists broken over lines as "_x000D_", "President", "E10",
//     "-none-"). Sponsors lists each sponsor once: a member's code for a
//     state that has sat on the Council, else the name tidied
//     (a leading "the", a final full stop and a count dropped); nil for an
//     empty cell or "-none-".
//   - Members are short names ("United States", "Viet Nam", "Côte d'Ivoire",
//     and once "Ethipia") mapped to UN Digital Library codes; an unknown
//     name is an error. Absent and non-participating members are simply
//     missing: Votes has only the members the file lists, and Note says when
//     fewer than 15 are listed.
//   - Four decisions list a member twice with different votes (S/RES/2441
//     (2018), S/2020/797, S/2020/1054, S/RES/2602 (2021)). For those the file's positions are
//     withheld (Votes nil, Tally unknown) with a note; a member listed twice
//     anywhere else is an error.
//   - Some decisions carry positions that cannot be theirs (vote blocks
//     shifted against the decision rows, notably in 1995). Where the
//     positions contradict the file's own outcome ("adopted unanimously"
//     with a "No"; a veto without a permanent member against) Note says so.
//
// A malformed row fails the whole parse: Parse returns nil and an
// *unsc.Error of code unsc.EINVALID whose Field is
// "<name>:<line>:<column name>".
package scvotes

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/internal/lazy"
)

// The spreadsheet's column names.
const (
	colYear          = "Year"
	colSerial        = "Date,"
	colResolution    = "Resolution"
	colMeeting       = "Meeting"
	colDraft         = "Draft"
	colAgenda        = "Agenda item"
	colSubmitted     = "Submitted by"
	colOutcome       = "Outcome results"
	colVote          = "Vote"
	colMember        = "Member State"
	colID            = "ID"
	colTopic         = "Topic"
	colDate          = "date_iso"
	colDateCorrected = "date_corrected"
	colDateSource    = "date_corrected_source"
)

// councilSize is the number of members since 1966 (Art. 23 as amended).
const councilSize = 15

// withheld names the decisions, by Key, on which the published file lists a
// member twice with different votes. Their positions are withheld rather
// than guessed; a duplicate anywhere else fails the parse.
var withheld = lazy.Value[map[string]bool]{Make: func() map[string]bool {
	return map[string]bool{
		"S/PV.8389|S/RES/2441 (2018)|": true,
		"V131|S/2020/797|":             true,
		"V175|S/2020/1054|":            true,
		// Not in the file's SOURCE.md: Tunisia both Yes and Abstain, China
		// missing.
		"S/PV.8890|S/RES/2602 (2021)|": true,
	}
}}

// Sniff reports whether head, the first bytes of a file, is the
// spreadsheet: its header names the Member State, Vote and Outcome results
// columns.
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	line, _, _ := bytes.Cut(head, []byte("\n"))
	return bytes.Contains(line, []byte(colMember)) &&
		bytes.Contains(line, []byte(colVote)) &&
		bytes.Contains(line, []byte(colOutcome)) &&
		bytes.Contains(line, []byte(colResolution))
}

// columns holds the index of each column, -1 when absent.
type columns struct {
	year, serial, resolution, meeting, draft, agenda, outcome, vote,
	member, id, topic, date, dateCorrected, dateSource, submitted int
}

// decisionCol is a column that describes the decision rather than the
// member: every row of a decision must agree on it.
type decisionCol struct {
	name string
	i    int
}

// The positions of the decision columns in decisionCols and group.first.
const (
	dResolution = iota
	dMeeting
	dDraft
	dOutcome
	dDate
	dSerial
	dAgenda
	dTopic
	dYear
	dDateCorrected
	dDateSource
	dSubmitted
)

// decisionCols lists the decision columns in the order of the d constants.
func (c *columns) decisionCols() []decisionCol {
	return []decisionCol{
		dResolution: {colResolution, c.resolution}, dMeeting: {colMeeting, c.meeting},
		dDraft: {colDraft, c.draft}, dOutcome: {colOutcome, c.outcome},
		dDate: {colDate, c.date}, dSerial: {colSerial, c.serial},
		dAgenda: {colAgenda, c.agenda}, dTopic: {colTopic, c.topic},
		dYear: {colYear, c.year}, dDateCorrected: {colDateCorrected, c.dateCorrected},
		dDateSource: {colDateSource, c.dateSource}, dSubmitted: {colSubmitted, c.submitted},
	}
}

// group is one decision's rows as read.
type group struct {
	line  int      // line of the first row
	first []string // the first row's decision columns, as in decisionCols
	votes []vote
	// dup is set for the first member listed twice.
	dup *duplicate
}

type vote struct {
	code unsc.Code
	pos  unsc.Position
	line int
}

type duplicate struct {
	name         string
	line, first  int
	pos, firstPo unsc.Position
}

// Parse reads the spreadsheet from r and returns one report per decision, in
// the file's order. name identifies the input in Ref and in errors, and is
// usually the file's name. On a malformed row it returns nil and an
// *unsc.Error (EINVALID) whose Field is "<name>:<line>:<column>": a missing
// column, an ID that is not a whole number, a date that is not YYYY-MM-DD,
// an unknown outcome, vote or member name, a member listed twice in one
// decision, a symbol that cannot be read, or rows of one decision that
// disagree on a decision column.
func Parse(r io.Reader, name string) ([]unsc.Report, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1

	header, err := cr.Read()
	if err == io.EOF {
		return nil, unsc.Errorf(unsc.EINVALID, name+":1", "empty file: want the header row")
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	cols, err := findColumns(header, name)
	if err != nil {
		return nil, err
	}
	dcols := cols.decisionCols()

	var groups []*group
	byID := map[string]*group{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		get := func(i int) string {
			if i >= 0 && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		bad := func(col, format string, args ...any) error {
			return unsc.Errorf(unsc.EINVALID, name+":"+strconv.Itoa(line)+":"+col, format, args...)
		}

		id := strings.TrimSpace(get(cols.id))
		g := byID[id]
		if g == nil {
			if n, err := strconv.Atoi(id); err != nil || n < 0 {
				return nil, bad(colID, "ID %q: want a whole number", id)
			}
			g = &group{line: line, first: make([]string, len(dcols)), votes: make([]vote, 0, councilSize)}
			for k, c := range dcols {
				g.first[k] = get(c.i)
			}
			byID[id] = g
			groups = append(groups, g)
		} else {
			for k, c := range dcols {
				if v := get(c.i); v != g.first[k] {
					return nil, bad(c.name, "%q differs from %q on line %d, the first row of decision ID %s: want one value per decision", v, g.first[k], g.line, id)
				}
			}
		}

		memberName := get(cols.member)
		code, ok := memberCode(memberName)
		if !ok {
			return nil, bad(colMember, "unknown member name %q: want the name of a Council member", memberName)
		}
		pos, ok := parseVote(get(cols.vote))
		if !ok {
			return nil, bad(colVote, "unknown vote %q: want Yes, No or Abstain", get(cols.vote))
		}
		for _, v := range g.votes {
			if v.code == code && g.dup == nil {
				g.dup = &duplicate{name: memberName, line: line, first: v.line, pos: pos, firstPo: v.pos}
			}
		}
		g.votes = append(g.votes, vote{code, pos, line})
	}

	reports := make([]unsc.Report, 0, len(groups))
	cells := make([]string, 0, len(groups))
	read := sponsorCells{}
	for _, g := range groups {
		rep, err := build(g, cols, name, read)
		if err != nil {
			return nil, err
		}
		reports = append(reports, rep)
		cells = append(cells, g.first[dSubmitted])
	}
	linkAmendments(reports)
	realignSponsors(reports, cells)
	cutNames(reports)
	uniqueKeys(reports)
	return reports, nil
}

// findColumns locates the columns by name.
func findColumns(header []string, name string) (*columns, error) {
	idx := map[string]int{}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\uFEFF")
		}
		h = strings.TrimSpace(h)
		if _, dup := idx[h]; !dup {
			idx[h] = i
		}
	}
	at := func(c string) int {
		if i, ok := idx[c]; ok {
			return i
		}
		return -1
	}
	c := &columns{
		year: at(colYear), serial: at(colSerial), resolution: at(colResolution),
		meeting: at(colMeeting), draft: at(colDraft), agenda: at(colAgenda),
		outcome: at(colOutcome), vote: at(colVote), member: at(colMember),
		id: at(colID), topic: at(colTopic), date: at(colDate),
		dateCorrected: at(colDateCorrected), dateSource: at(colDateSource),
		submitted: at(colSubmitted),
	}
	for _, req := range []struct {
		name string
		i    int
	}{
		{colID, c.id}, {colMember, c.member}, {colVote, c.vote}, {colOutcome, c.outcome},
		{colResolution, c.resolution}, {colMeeting, c.meeting}, {colDraft, c.draft},
	} {
		if req.i < 0 {
			return nil, unsc.Errorf(unsc.EINVALID, name+":1:"+req.name, "missing column %q", req.name)
		}
	}
	if c.date < 0 && c.serial < 0 {
		return nil, unsc.Errorf(unsc.EINVALID, name+":1:"+colDate, "missing column %q (or the Excel serial date column %q)", colDate, colSerial)
	}
	return c, nil
}

// parseVote reads the Vote column.
func parseVote(s string) (unsc.Position, bool) {
	switch s {
	case "Yes":
		return unsc.Yes, true
	case "No":
		return unsc.No, true
	case "Abstain":
		return unsc.Abstain, true
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y":
		return unsc.Yes, true
	case "no", "n":
		return unsc.No, true
	case "abstain", "abstention", "a":
		return unsc.Abstain, true
	case "not participating", "non-voting", "x":
		return unsc.NotParticipating, true
	}
	return 0, false
}

// outcomes maps the Outcome results column to an outcome and a modality.
var outcomes = map[string]struct {
	outcome  unsc.Outcome
	modality unsc.Modality
}{
	"adopted unanimously":    {unsc.Adopted, unsc.ByVote},
	"adopted by majority":    {unsc.Adopted, unsc.ByVote},
	"adopted by consensus":   {unsc.Adopted, unsc.WithoutVote},
	"adopted by acclamation": {unsc.Adopted, unsc.ByAcclamation},
	"not adopted - veto":     {unsc.Vetoed, unsc.ByVote},
	"not adopted - failed to receive required number of votes": {unsc.Failed, unsc.ByVote},
}

// dashes writes en and em dashes as hyphens.
var dashes = strings.NewReplacer("–", "-", "—", "-")

// build turns one decision's rows into a report.
func build(g *group, cols *columns, name string, read sponsorCells) (unsc.Report, error) {
	bad := func(col, format string, args ...any) error {
		return unsc.Errorf(unsc.EINVALID, name+":"+strconv.Itoa(g.line)+":"+col, format, args...)
	}
	rep := unsc.Report{
		Source: unsc.SourceSpreadsheet,
		Ref:    name + ":" + strconv.Itoa(g.line),
		Agenda: strings.TrimSpace(g.first[dAgenda]),
	}
	var notes []string
	note := func(format string, args ...any) { notes = append(notes, fmt.Sprintf(format, args...)) }

	// Date: the file's own, never corrected here.
	if cols.date >= 0 {
		s := strings.TrimSpace(g.first[dDate])
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return rep, bad(colDate, "date %q: want YYYY-MM-DD", s)
		}
		rep.Date = d
	} else {
		s := strings.TrimSpace(g.first[dSerial])
		n, err := strconv.Atoi(s)
		// Serial 1 is 1900-01-01; 100000 is in 2173.
		if err != nil || n < 1 || n > 100000 {
			return rep, bad(colSerial, "date %q: want an Excel serial day number", s)
		}
		rep.Date = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	}
	if s := strings.TrimSpace(g.first[dDateCorrected]); s != "" {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return rep, bad(colDateCorrected, "date %q: want YYYY-MM-DD", s)
		}
		if !d.Equal(rep.Date) {
			src := strings.TrimSpace(g.first[dDateSource])
			if src == "" {
				src = "unstated"
			}
			how := ""
			if d.Year() == rep.Date.Year() && d.Day() == int(rep.Date.Month()) && int(d.Month()) == rep.Date.Day() {
				how = ", day and month swapped"
			}
			// A date taken from the library's table of the meeting is
			// the meeting's; the conversion's blind swap of every day
			// under 13 is only a guess (it swapped 10 July 2020 too), left
			// for the reconciler to settle against the meetings around.
			if src == "dhl_meeting_table" {
				note("date: the file gives %s; its date_corrected column (added on conversion, from %s) gives %s%s, which is kept",
					rep.Date.Format(time.DateOnly), src, d.Format(time.DateOnly), how)
				rep.Date = d
			} else {
				note("date: the file gives %s, which is kept; its date_corrected column (added on conversion, from %s) gives %s%s",
					rep.Date.Format(time.DateOnly), src, d.Format(time.DateOnly), how)
			}
		}
	}
	if s := strings.TrimSpace(g.first[dYear]); s != "" && s != strconv.Itoa(rep.Date.Year()) {
		note("year: the Year column says %s, the date %s", s, rep.Date.Format(time.DateOnly))
	}

	// Outcome and modality.
	oc, ok := outcomes[strings.ToLower(strings.Join(strings.Fields(dashes.Replace(g.first[dOutcome])), " "))]
	if !ok {
		return rep, bad(colOutcome, "unknown outcome %q: want Adopted unanimously, Adopted by majority, Adopted by consensus, Adopted by acclamation, Not adopted - veto or Not adopted - failed to receive required number of votes", g.first[dOutcome])
	}
	rep.Outcome, rep.Modality = oc.outcome, oc.modality

	// Meeting.
	meeting, vtc, ok := meetingCell(g.first[dMeeting])
	if !ok {
		return rep, bad(colMeeting, "meeting %q: want a meeting number, S/PV.NNNN or a videoconference number VNNN", g.first[dMeeting])
	}
	rep.Meeting = meeting
	if vtc != "" {
		note("meeting: %s numbers a 2020–21 videoconference, which has no S/PV record", vtc)
	}

	// Resolution and draft.
	res, resIsDraft, placeholder, ok := resolutionCell(g.first[dResolution])
	if !ok {
		return rep, bad(colResolution, "resolution %q: want a resolution symbol such as 2728 (2024) or S/RES/2728 (2024)", g.first[dResolution])
	}
	if placeholder {
		note("resolution: the file says %q", strings.TrimSpace(g.first[dResolution]))
	}
	dc := parseDraftCell(g.first[dDraft])
	switch {
	case resIsDraft && dc.resolution != "":
		note("resolution and draft columns are swapped in the file (%s, %s)", res, dc.resolution)
		rep.Resolution, dc.symbols = dc.resolution, []string{res}
		dc.resolution = ""
	case resIsDraft:
		return rep, bad(colResolution, "resolution %q is a draft symbol: want a resolution symbol such as 2728 (2024)", g.first[dResolution])
	case dc.resolution != "":
		return rep, bad(colDraft, "draft %q is a resolution symbol: want a draft symbol such as S/2024/254", g.first[dDraft])
	default:
		rep.Resolution = res
	}
	if len(dc.symbols) > 1 {
		note("draft: the file lists %s; took the latest, %s, as the draft", strings.Join(dc.symbols, ", "), latestDraft(dc.symbols))
	}
	rep.Draft = latestDraft(dc.symbols)
	if dc.rest != "" {
		note("draft: the file says %q", dc.rest)
	}
	rep.Amendment = dc.amendment
	if rep.Outcome == unsc.Adopted && rep.Resolution == "" && !rep.Amendment && !placeholder {
		note("resolution: none given for an adopted decision")
	}
	if t := strings.TrimSpace(g.first[dTopic]); t != "" {
		rep.Subjects = []string{t}
	}
	sp, spNote := read.sponsors(g.first[dSubmitted])
	rep.Sponsors = sp
	if spNote != "" {
		note("%s", spNote)
	}

	// The key, from content only.
	marker := ""
	switch {
	case dc.oral != "":
		marker = dc.oral
	case dc.amendment:
		marker = "amendment"
	}
	meetingKey := meeting
	if vtc != "" {
		meetingKey = vtc
	}
	symbolKey := rep.Resolution
	if symbolKey == "" {
		symbolKey = rep.Draft
	}
	if symbolKey == "" && dc.oral == "" {
		symbolKey = dc.rest
	}
	rep.Key = meetingKey + "|" + symbolKey + "|" + marker

	// Votes.
	switch {
	case g.dup != nil && !withheld.Get()[rep.Key]:
		return rep, unsc.Errorf(unsc.EINVALID, name+":"+strconv.Itoa(g.dup.line)+":"+colMember,
			"%s is listed twice in one decision (also on line %d): want each member once", g.dup.name, g.dup.first)
	case g.dup != nil:
		note("votes: the file lists %s twice (%s on line %d, %s on line %d); its positions for this decision are not kept",
			g.dup.name, g.dup.firstPo, g.dup.first, g.dup.pos, g.dup.line)
	case rep.Modality != unsc.ByVote:
		how := "by consensus"
		if rep.Modality == unsc.ByAcclamation {
			how = "by acclamation"
		}
		note("votes: adopted %s, without a vote; the file's %d member rows are not kept as votes", how, len(g.votes))
	default:
		votes := make([]unsc.Vote, 0, len(g.votes))
		rep.Tally.Known = true
		for _, v := range g.votes {
			votes = append(votes, unsc.Vote{Member: v.code, Position: v.pos})
			switch v.pos {
			case unsc.Yes:
				rep.Tally.Yes++
			case unsc.No:
				rep.Tally.No++
			case unsc.Abstain:
				rep.Tally.Abstain++
			case unsc.NotParticipating:
				rep.Tally.NonVoting++
			}
		}
		rep.Votes = unsc.VotesFrom(votes)
		if len(g.votes) < councilSize {
			note("votes: the file lists %d members; the others are missing (absent or not participating)", len(g.votes))
		}
		notes = append(notes, checkOutcome(&rep, g.first[dOutcome])...)
	}
	rep.Note = strings.Join(notes, "; ")
	return rep, nil
}

// checkOutcome fills VetoedBy and notes where the file's positions
// contradict its own outcome.
func checkOutcome(rep *unsc.Report, outcomeText string) []string {
	var pNo []unsc.Code
	for _, c := range permanent {
		if rep.Votes.Of(c) == unsc.No {
			pNo = append(pNo, c)
		}
	}
	var notes []string
	switch rep.Outcome {
	case unsc.Vetoed:
		rep.VetoedBy = pNo
		if len(pNo) == 0 {
			notes = append(notes, "votes: recorded as vetoed, yet no permanent member voted no in the file's positions")
		}
	case unsc.Adopted:
		if strings.Contains(strings.ToLower(outcomeText), "unanimously") && rep.Tally.Yes != rep.Votes.Len() {
			notes = append(notes, fmt.Sprintf("votes: recorded as adopted unanimously, yet the file's positions are %d-%d-%d", rep.Tally.Yes, rep.Tally.No, rep.Tally.Abstain))
		} else if len(pNo) > 0 {
			notes = append(notes, fmt.Sprintf("votes: recorded as adopted, yet %s voted no (a procedural vote, or misaligned positions)", joinCodes(pNo)))
		}
	}
	return notes
}

func joinCodes(cs []unsc.Code) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// linkAmendments sets AmendmentTo on each amendment: the draft the
// amendment names when that draft is voted at the same meeting, else the
// one other draft voted at that meeting.
func linkAmendments(reps []unsc.Report) {
	drafts := map[string][]string{} // meeting key → drafts voted there
	for i := range reps {
		r := &reps[i]
		if r.Amendment || r.Draft == "" {
			continue
		}
		m := meetingOf(r.Key)
		if m == "" {
			continue
		}
		if !contains(drafts[m], r.Draft) {
			drafts[m] = append(drafts[m], r.Draft)
		}
	}
	for i := range reps {
		r := &reps[i]
		if !r.Amendment {
			continue
		}
		others := drafts[meetingOf(r.Key)]
		switch {
		case r.Draft != "" && contains(others, r.Draft):
			// "S/2020/24 amendment": the symbol is the amended draft's.
			r.AmendmentTo, r.Draft = r.Draft, ""
		case len(others) == 1:
			r.AmendmentTo = others[0]
		default:
			r.Note = joinNote(r.Note, fmt.Sprintf("amendment: cannot tell which draft it amends (%d other drafts at the meeting)", len(others)))
		}
	}
}

// meetingOf returns the meeting part of a key.
func meetingOf(key string) string {
	m, _, _ := strings.Cut(key, "|")
	return m
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// uniqueKeys suffixes "#2", "#3"… to the keys of decisions the file records
// more than once, and notes the repetition on each.
func uniqueKeys(reps []unsc.Report) {
	used := make(map[string]bool, len(reps))
	for i := range reps {
		used[reps[i].Key] = true
	}
	first := map[string]int{}
	count := map[string]int{}
	for i := range reps {
		k := reps[i].Key
		count[k]++
		if count[k] == 1 {
			first[k] = i
			continue
		}
		j := first[k]
		reps[i].Note = joinNote(reps[i].Note, fmt.Sprintf("the file records this vote more than once (also at %s)", reps[j].Ref))
		if count[k] == 2 {
			reps[j].Note = joinNote(reps[j].Note, fmt.Sprintf("the file records this vote more than once (also at %s)", reps[i].Ref))
		}
		n := count[k]
		for used[k+"#"+strconv.Itoa(n)] {
			n++
		}
		reps[i].Key = k + "#" + strconv.Itoa(n)
		used[reps[i].Key] = true
	}
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
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
