package record

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsc/internal/lazy"

	"unsc"
	"unsc/charter"
)

// The curated decisions: votes of the Council entered by hand from public
// sources — the UN's press releases and meetings coverage above all — where
// the imported files end or say nothing (failed drafts after June 2022,
// everything after 4 June 2025, procedural votes, resolution 2761 (2024)).
// Every row carries the address of its source. See the file's header and
// DATA.md for the columns.

//go:embed curated.csv
var curatedCSV []byte

// curatedColumns are the columns of curated.csv, in order.
var curatedColumns = []string{
	"date", "meeting", "resolution", "draft", "amendment_to", "matter", "modality",
	"outcome", "yes", "no", "abstain", "in_favour", "against", "abstaining",
	"not_participating", "absent", "vetoed_by", "title", "agenda", "sponsors",
	"source", "exception", "note",
}

// CuratedFile is the name of the curated decisions' file, in errors and
// in the program's own checks.
const CuratedFile = "curated.csv"

// resolutionNumbering is when the Council's resolutions began to be
// numbered (1964; the UN's volumes then numbered the earlier resolutions
// retroactively). A decision of substance adopted by a vote before then
// may bear no number: the volumes print such decisions apart from the
// resolutions (the recommendation to admit Kuwait, 7 May 1963;
// appointments of mediators). From then on an adopted draft on a
// non-procedural matter is a resolution, and a row without one is refused
// — unless it names no draft and no matter, as the volumes print a
// decision the Council took by a vote on no draft (the President's appeal
// to Egypt approved 13-0 on 21 July 1975): see unnumberedDecision.
var resolutionNumbering = time.Date(1964, time.January, 1, 0, 0, 0, 0, time.UTC)

// unnumberedDecision reports whether an adopted decision is a decision of
// substance taken by a vote without a resolution's number: before
// resolutions were numbered, any adoption without a resolution or a draft;
// from then on, only one whose matter no source states (the volumes print
// such a decision apart from the resolutions, and say nothing of its
// matter), never one named as a non-procedural draft.
func unnumberedDecision(adopted bool, resolution, draft string, amendment, matterKnown bool, date time.Time) bool {
	if !adopted || resolution != "" || draft != "" || amendment {
		return false
	}
	return date.Before(resolutionNumbering) || !matterKnown
}

// builtinCurated parses the curated decisions on first use, not when the
// package loads: a command that imports nothing should not pay for them.
// A lazy.Value, not a sync.OnceValue made at the start: the parser (and
// net/url, which it checks addresses with) is linked into a program only
// where something it runs reads the rows.
var builtinCurated = lazy.Value[[]CuratedRow]{Make: func() []CuratedRow { return mustParseCurated(CuratedFile, curatedCSV) }}

func mustParseCurated(name string, data []byte) []CuratedRow {
	rows, err := ParseCurated(bytes.NewReader(data), name)
	if err != nil {
		// The file is part of the program; its test keeps it valid.
		panic(err)
	}
	return rows
}

// CuratedRow is one row of the curated decisions: the report it makes,
// where it stands in its file, and what the row says beyond the report.
type CuratedRow struct {
	Report unsc.Report
	// Line is the row's line in its file.
	Line int
	// Sources are the row's addresses, in the order given.
	Sources []string
	// Exception says why the Charter engine does not derive the recorded
	// outcome from the row's votes; empty when it does.
	Exception string
	// AllNamed is true when the row names every member's position (with
	// "*" for the rest of the Council), so that Report.Votes is set.
	AllNamed bool
}

// Curated returns the reports of the curated decisions built into unsc, in
// the file's order. Every import adds them to the record.
func Curated() []unsc.Report {
	rows := builtinCurated.Get()
	out := make([]unsc.Report, len(rows))
	for i, r := range rows {
		out[i] = r.Report
		// Each caller gets slices of its own (positions are values).
		out[i].VetoedBy = slices.Clone(r.Report.VetoedBy)
		out[i].Sponsors = slices.Clone(r.Report.Sponsors)
	}
	return out
}

// CuratedSources are the sources of the curated decisions: every report of
// them is built into unsc, and every import delivers them whole (Curated),
// so that they replace the record's reports of these sources as a set
// (unsc.Store.Import's whole).
func CuratedSources() []unsc.Source { return []unsc.Source{unsc.SourcePress, unsc.SourceResearch} }

// CuratedRows returns the rows of the curated decisions built into unsc,
// for checks of the file itself. Callers must not modify them.
func CuratedRows() []CuratedRow { return builtinCurated.Get() }

// ParseCurated reads curated decisions as CSV (see curated.csv for the
// columns; lines starting with # are comments). A bad row fails the whole
// file with an *unsc.Error (EINVALID) whose Field is "<name>:<line>:<column>"
// and whose message says what was expected.
func ParseCurated(r io.Reader, name string) ([]CuratedRow, error) {
	rows, err := readCSV(r, name, curatedColumns)
	if err != nil {
		return nil, err
	}
	out := make([]CuratedRow, 0, len(rows))
	seen := map[string]int{}
	for _, row := range rows {
		c, err := parseCuratedRow(row)
		if err != nil {
			return nil, err
		}
		// A key from content, stable across edits elsewhere in the file;
		// a second vote on the same thing at one meeting is numbered.
		k := c.Report.Key
		seen[k]++
		if n := seen[k]; n > 1 {
			c.Report.Key = k + "#" + strconv.Itoa(n)
		}
		out = append(out, c)
	}
	return out, nil
}

// positionColumns are the columns naming members by position.
var positionColumns = []struct {
	name string
	pos  unsc.Position
}{
	{"in_favour", unsc.Yes},
	{"against", unsc.No},
	{"abstaining", unsc.Abstain},
	{"not_participating", unsc.NotParticipating},
	{"absent", unsc.Absent},
}

func parseCuratedRow(row csvRow) (CuratedRow, error) {
	c := CuratedRow{Line: row.line}
	rep := unsc.Report{Ref: ""}

	date, err := time.Parse(time.DateOnly, row.get("date"))
	if err != nil {
		return c, row.errorf("date", "%q: want YYYY-MM-DD", row.get("date"))
	}
	rep.Date = date
	council, err := charter.CouncilOn(date)
	if err != nil {
		return c, row.errorf("date", "%s: %v", row.get("date"), unsc.ErrorMessage(err))
	}

	symbol := func(col string, want unsc.SymbolKind, example string) (string, error) {
		s := row.get(col)
		if s == "" {
			return "", nil
		}
		sym, kind, err := unsc.NormalizeSymbol(s)
		if err != nil || kind != want {
			return "", row.errorf(col, "%q: want a symbol such as %s", s, example)
		}
		return sym, nil
	}
	if rep.Meeting, err = symbol("meeting", unsc.MeetingSymbol, "S/PV.9586"); err != nil {
		return c, err
	}
	if rep.Resolution, err = symbol("resolution", unsc.ResolutionSymbol, "S/RES/2728 (2024)"); err != nil {
		return c, err
	}
	if rep.Draft, err = symbol("draft", unsc.DraftSymbol, "S/2024/239"); err != nil {
		return c, err
	}
	// A decision is known by its resolution, draft or meeting: a row with
	// none of them would have no symbol to be found by.
	if rep.Meeting == "" && rep.Resolution == "" && rep.Draft == "" {
		return c, row.errorf("meeting", "missing: want the meeting's symbol, such as S/PV.9586, where the row gives no resolution or draft")
	}
	if rep.AmendmentTo, err = symbol("amendment_to", unsc.DraftSymbol, "S/2024/254"); err != nil {
		return c, err
	}
	rep.Amendment = rep.AmendmentTo != ""
	if rep.Amendment && rep.Resolution != "" {
		return c, row.errorf("resolution", "%s given for an amendment: an amendment is not a resolution", rep.Resolution)
	}
	if rep.Resolution != "" {
		if n, ok := unsc.ResolutionNumber(rep.Resolution); ok && !strings.HasSuffix(rep.Resolution, "("+strconv.Itoa(date.Year())+")") {
			return c, row.errorf("resolution", "%s: want the year of the date, S/RES/%d (%d)", rep.Resolution, n, date.Year())
		}
	}

	// An empty matter is one the source does not state: non-procedural, as
	// every matter is unless shown to be procedural, and not known.
	if m := row.get("matter"); m != "" {
		if rep.Matter, err = unsc.ParseMatter(m); err != nil {
			return c, row.errorf("matter", "%q: want non-procedural, procedural, preliminary or icj-election, or empty where the source does not say", m)
		}
		rep.MatterKnown = true
	}
	if rep.Modality, err = unsc.ParseModality(row.get("modality")); err != nil || row.get("modality") == "" {
		return c, row.errorf("modality", "%q: want vote, without-vote or acclamation", row.get("modality"))
	}
	// An election to the Court is by secret ballot: the row names no
	// outcome, count or position, and the note names those elected
	// ("elected: Hilary Charlesworth (Australia)", unsc.ElectedNote), or
	// says that the meeting elected no one ("elected: none",
	// unsc.NoneElectedNote: the first meeting of an election the
	// Assembly and the Council did not agree on).
	icj := rep.Matter == unsc.ICJElection
	if icj {
		if rep.Modality != unsc.ByVote {
			return c, row.errorf("modality", "%s for an election to the Court: want vote (a secret ballot)", rep.Modality)
		}
		for _, col := range []string{"outcome", "yes", "no", "abstain", "in_favour", "against", "abstaining", "not_participating", "absent", "vetoed_by"} {
			if row.get(col) != "" {
				return c, row.errorf(col, "%q given for an election to the Court: want none (a secret ballot); name those elected in the note, \"elected: NAME (NATIONALITY), …\"", row.get(col))
			}
		}
		// Or, for one of several meetings on a day whose source names
		// those elected that day but not the meeting that elected each,
		// "elected at one of S/PV.a–S/PV.b: NAME (NATIONALITY), …"
		// (unsc.ElectedOnDayNote), a span that holds the row's meeting.
		_, ok := unsc.ElectedInNote(row.get("note"))
		none := unsc.NoneElectedInNote(row.get("note"))
		first, last, _, onDay := unsc.ElectedOnDayInNote(row.get("note"))
		given := 0
		for _, b := range []bool{ok, none, onDay} {
			if b {
				given++
			}
		}
		switch {
		case given == 0 && strings.Contains(row.get("note"), "elected at one of "):
			return c, row.errorf("note", "\"elected at one of …\" not of the form \"elected at one of S/PV.a–S/PV.b: NAME (NATIONALITY), …\", the first meeting before the last")
		case given == 0:
			return c, row.errorf("note", "want those elected, \"elected: NAME (NATIONALITY), …\", \"%s\" where the meeting elected no one, or \"elected at one of S/PV.a–S/PV.b: NAME (NATIONALITY), …\" where the source names those elected that day but not the meeting, for an election to the Court", unsc.NoneElectedNote)
		case given > 1:
			return c, row.errorf("note", "says more than one of \"elected: NAME …\", \"%s\" and \"elected at one of …\": want one of them", unsc.NoneElectedNote)
		}
		if onDay {
			a, _ := unsc.MeetingNumber(first)
			b, _ := unsc.MeetingNumber(last)
			m, okM := unsc.MeetingNumber(rep.Meeting)
			if !okM || m < a || m > b {
				return c, row.errorf("note", "elected at one of %s–%s: the row's meeting %q is not among them", first, last, rep.Meeting)
			}
		}
	} else if rep.Outcome, err = unsc.ParseOutcome(row.get("outcome")); err != nil || row.get("outcome") == "" {
		return c, row.errorf("outcome", "%q: want adopted, failed or vetoed", row.get("outcome"))
	}
	if rep.Outcome == unsc.Adopted && rep.Resolution == "" && !rep.Amendment && rep.Matter == unsc.NonProcedural &&
		!unnumberedDecision(true, rep.Resolution, rep.Draft, rep.Amendment, rep.MatterKnown, date) {
		return c, row.errorf("resolution", "missing: an adopted draft on a non-procedural matter becomes a resolution (from %d; decisions taken by a vote before then may bear no number, and later ones only with no draft and no matter stated)", resolutionNumbering.Year())
	}
	if rep.Outcome != unsc.Adopted && rep.Resolution != "" {
		return c, row.errorf("resolution", "%s given for a draft that was %s", rep.Resolution, rep.Outcome)
	}

	// The count.
	counts := map[string]int{}
	given := 0
	for _, col := range []string{"yes", "no", "abstain"} {
		s := row.get(col)
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > len(council.Members) {
			return c, row.errorf(col, "%q: want a number of votes from 0 to %d", s, len(council.Members))
		}
		counts[col] = n
		given++
	}
	switch {
	case rep.Modality != unsc.ByVote && given > 0:
		return c, row.errorf("yes", "a count given for a decision taken %s: want none", rep.Modality)
	case rep.Modality == unsc.ByVote && given != 3 && !icj:
		return c, row.errorf("yes", "want the count of a vote in yes, no and abstain (0 where none)")
	case given == 3:
		rep.Tally = unsc.Tally{Yes: counts["yes"], No: counts["no"], Abstain: counts["abstain"], Known: true}
		if sum := rep.Tally.Yes + rep.Tally.No + rep.Tally.Abstain; sum > len(council.Members) {
			return c, row.errorf("abstain", "%d votes counted, more than the %d members on the Council on %s", sum, len(council.Members), row.get("date"))
		}
	}

	// The members named by position; "*" stands for every member of the
	// Council not named in another column.
	named := map[unsc.Code]string{}
	rest := ""
	votes := map[unsc.Code]unsc.Position{}
	for _, pc := range positionColumns {
		for _, f := range strings.Fields(row.get(pc.name)) {
			if f == "*" {
				if rest != "" {
					return c, row.errorf(pc.name, `"*" given in %s and %s: want it in one column at most`, rest, pc.name)
				}
				rest = pc.name
				continue
			}
			code := unsc.Code(f)
			if _, ok := council.Member(code); !ok {
				return c, row.errorf(pc.name, "%s is not on the Council on %s: want the code of a member that day (see unsc council %s)", f, row.get("date"), row.get("date"))
			}
			if other, dup := named[code]; dup {
				return c, row.errorf(pc.name, "%s named twice (also in %s)", f, other)
			}
			named[code] = pc.name
			votes[code] = pc.pos
		}
	}
	if rest != "" {
		pos := unsc.Yes
		for _, pc := range positionColumns {
			if pc.name == rest {
				pos = pc.pos
			}
		}
		for _, m := range council.Members {
			if _, ok := named[m.Code]; !ok {
				votes[m.Code] = pos
			}
		}
	}
	if rest != "" || len(named) == len(council.Members) {
		if rep.Modality != unsc.ByVote {
			return c, row.errorf("in_favour", "positions given for a decision taken %s: want none", rep.Modality)
		}
		if len(votes) != len(council.Members) {
			return c, row.errorf("in_favour", "%d members named of the %d on the Council: want each once, or \"*\" for the rest", len(votes), len(council.Members))
		}
		t := countVotes(unsc.VotesOf(votes))
		if !sameTally(t, rep.Tally) {
			return c, row.errorf(cmpColumn(rest), "the positions count %d-%d-%d, the count says %d-%d-%d: want them to agree",
				t.Yes, t.No, t.Abstain, rep.Tally.Yes, rep.Tally.No, rep.Tally.Abstain)
		}
		rep.Votes = unsc.VotesOf(votes)
		rep.Tally.NonVoting = t.NonVoting
		c.AllNamed = true
	} else if len(named) > 0 {
		// Some members named, not all: each named position must fit in
		// the count, and the positions are not kept as votes (a member
		// left out is not known to be absent).
		per := map[unsc.Position]int{}
		for _, p := range votes {
			per[p]++
		}
		for _, chk := range []struct {
			col  string
			pos  unsc.Position
			want int
		}{{"in_favour", unsc.Yes, rep.Tally.Yes}, {"against", unsc.No, rep.Tally.No}, {"abstaining", unsc.Abstain, rep.Tally.Abstain}} {
			if per[chk.pos] > chk.want {
				return c, row.errorf(chk.col, "%d members named, more than the count's %d", per[chk.pos], chk.want)
			}
		}
		if per[unsc.NotParticipating]+per[unsc.Absent] > 0 {
			rep.Tally.NonVoting = per[unsc.NotParticipating] + per[unsc.Absent]
		}
		rep.Note = namedText(votes)
	}

	for _, f := range strings.Fields(row.get("vetoed_by")) {
		m, ok := council.Member(unsc.Code(f))
		if !ok || !m.Permanent {
			return c, row.errorf("vetoed_by", "%s: want the code of a permanent member", f)
		}
		if len(named) > 0 && votes[m.Code] != unsc.No {
			return c, row.errorf("vetoed_by", "%s did not vote against: want only members named in against", f)
		}
		rep.VetoedBy = append(rep.VetoedBy, m.Code)
	}
	if (rep.Outcome == unsc.Vetoed) != (len(rep.VetoedBy) > 0) {
		return c, row.errorf("vetoed_by", "want the members that vetoed for a vetoed draft, and none otherwise")
	}

	rep.Title = row.get("title")
	rep.Agenda = row.get("agenda")
	if rep.Title == "" && rep.Agenda == "" {
		return c, row.errorf("title", "missing: want a title or the agenda item, or both")
	}
	sponsors, err := parseSponsors(row.get("sponsors"))
	if err != nil {
		return c, row.errorf("sponsors", "%v", err)
	}
	rep.Sponsors = sponsors

	for _, s := range strings.Fields(row.get("source")) {
		if _, ok := addressHost(s); !ok {
			return c, row.errorf("source", "%q: want the public addresses (https://…) the row's facts come from, separated by spaces", s)
		}
		c.Sources = append(c.Sources, s)
	}
	if len(c.Sources) == 0 {
		return c, row.errorf("source", "missing: every row needs the address of its source")
	}
	// The first address is the row's own source, for the vote; the others
	// add what the note says they add.
	rep.Source = unsc.SourceResearch
	if unAddress(c.Sources[0]) {
		rep.Source = unsc.SourcePress
	}
	// Ref is where the report was read: its first address. The others
	// close the note.
	rep.Ref = c.Sources[0]
	c.Exception = row.get("exception")
	var note []string
	if n := row.get("note"); n != "" {
		note = append(note, n)
	}
	if rep.Note != "" {
		note = append(note, "Members named: "+rep.Note+".")
	}
	if len(c.Sources) > 1 {
		note = append(note, "Also: "+strings.Join(c.Sources[1:], " "))
	}
	rep.Note = strings.Join(note, " ")

	what := rep.Resolution
	switch {
	case what != "":
	case rep.Amendment && rep.Draft != "":
		what = "amendment " + rep.Draft
	case rep.Amendment:
		what = "oral amendment to " + rep.AmendmentTo
	case rep.Draft != "":
		what = rep.Draft
	default:
		what = rep.Matter.String()
	}
	// A vote whose meeting no source gave is known by its date.
	where := rep.Meeting
	if where == "" {
		where = rep.Date.Format(time.DateOnly)
	}
	rep.Key = where + "|" + what
	c.Report = rep
	return c, nil
}

// cmpColumn names the column to blame when positions and count disagree.
func cmpColumn(rest string) string {
	if rest != "" {
		return rest
	}
	return "in_favour"
}

// namedText lists the members a row names, by position, for a report's
// note where the row names some but not all.
func namedText(votes map[unsc.Code]unsc.Position) string {
	var parts []string
	for _, pc := range positionColumns {
		var codes []string
		for c, p := range votes {
			if p == pc.pos {
				codes = append(codes, string(c))
			}
		}
		if len(codes) > 0 {
			slices.Sort(codes)
			parts = append(parts, strings.ReplaceAll(pc.name, "_", " ")+" "+strings.Join(codes, " "))
		}
	}
	return strings.Join(parts, "; ")
}

// unAddress reports whether an address is the United Nations' own.
func unAddress(s string) bool {
	h, ok := addressHost(s)
	if !ok {
		return false
	}
	h = strings.ToLower(h)
	switch h {
	case "un.org", "undocs.org", "unmultimedia.org", "www.unmultimedia.org", "unis.unvienna.org":
		// The UN's own: its audiovisual library's old address and the UN
		// Information Service at Vienna, which republishes the press
		// releases.
		return true
	}
	return strings.HasSuffix(h, ".un.org")
}

// addressHost returns the host of a public address and whether s is one:
// "http" or "https" (in either case), "://", a host of ASCII letters,
// digits, dots and hyphens, an optional port of digits, then nothing or
// a path, query or fragment of visible ASCII in which each "%" begins an
// escape (%XX). A hand-written check, not net/url's parser: the package
// is linked into the front ("Run it", README), whose start
// net/url (with net/netip and unique) made 2-3% slower for nothing, as
// the front neither imports nor reconciles. It is stricter than net/url's
// (no user, IPv6 host, host outside ASCII, or malformed escape anywhere),
// which every address of the curated rows and the facts passes.
func addressHost(s string) (string, bool) {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok || !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") {
		return "", false
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	host, port, _ := strings.Cut(rest[:end], ":")
	if host == "" {
		return "", false
	}
	for i := 0; i < len(host); i++ {
		if c := host[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-') {
			return "", false
		}
	}
	for i := 0; i < len(port); i++ {
		if c := port[i]; c < '0' || c > '9' {
			return "", false
		}
	}
	for tail := rest[end:]; tail != ""; tail = tail[1:] {
		c := tail[0]
		if c <= ' ' || c >= 0x7f {
			return "", false
		}
		if c == '%' {
			if len(tail) < 3 || !isHex(tail[1]) || !isHex(tail[2]) {
				return "", false
			}
			tail = tail[2:]
		}
	}
	return host, true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// isCode reports whether s is written as a member code: three capital
// letters.
func isCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := range 3 {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// parseSponsors reads a list of sponsors separated by ";": the code of a
// state that has sat on the Council (USA), else a name (Andorra), each
// once. An empty list is nil.
func parseSponsors(list string) ([]string, error) {
	var out []string
	for _, s := range strings.Split(list, ";") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if isCode(s) {
			if !sat(unsc.Code(s)) {
				return nil, fmt.Errorf("%s: not the code of a state that has sat on the Council; want a code (USA) or a name (Andorra)", s)
			}
		} else if c, ok := charter.MemberCode(s); ok {
			return nil, fmt.Errorf("%q: want its code, %s", s, c)
		}
		if slices.Contains(out, s) {
			return nil, fmt.Errorf("%s given twice", s)
		}
		out = append(out, s)
	}
	return out, nil
}

// sat reports whether a state with this code has sat on the Council.
func sat(code unsc.Code) bool {
	for _, m := range charter.Tenures() {
		if m.Code == code {
			return true
		}
	}
	return false
}

// String describes a curated row by its file, line and symbol.
func (c CuratedRow) String() string {
	return fmt.Sprintf("%s:%d %s", CuratedFile, c.Line, c.Report.Key)
}
