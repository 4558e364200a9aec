package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	"unsc"
	"unsc/analysis"
	"unsc/form"
	"unsc/readmodel"
)

// The questions over the record: each a command with --json and --csv,
// answered by package analysis from the whole record, as the API answers
// them.

// format is how a question prints its answer.
type outputFormat int

const (
	asText outputFormat = iota
	asJSON
	asCSV
)

// outputFlags adds --json and --csv to a command's flags.
func outputFlags(fs *flag.FlagSet) func() (outputFormat, error) {
	j := fs.Bool("json", false, "print JSON")
	c := fs.Bool("csv", false, "print CSV")
	return func() (outputFormat, error) {
		switch {
		case *j && *c:
			return 0, &usageError{msg: fs.Name() + ": --json and --csv exclude each other"}
		case *j:
			return asJSON, nil
		case *c:
			return asCSV, nil
		}
		return asText, nil
	}
}

// loadIndex indexes the record for the questions: its image read where it
// lies, in columns, so that a question decodes only the decisions its
// answer shows; where the record has no image, every decision read from
// its tables.
//
// Questions about the UN veto list read the list's own rows, which are
// reports; the others need only the reconciled decisions.
func (a *app) loadIndex(ctx context.Context, withReports bool) (*analysis.Index, error) {
	prog := a.startProgress("reading the record")
	st, err := a.openStore()
	if err != nil {
		prog.stop()
		return nil, err
	}
	img, err := imageOf(ctx, st)
	st.Close()
	prog.stop()
	if err != nil {
		return nil, a.recordError(err)
	}
	if img != nil {
		if img.Len() == 0 {
			return nil, errEmptyRecord
		}
		// One question: it reads the record's sums where it can.
		return analysis.NewColumnsForOne(readmodel.View{Image: img, Reports: withReports}), nil
	}
	ds, err := a.loadRecord(ctx, withReports)
	if err != nil {
		return nil, err
	}
	return analysis.New(ds), nil
}

// imageOf returns the store's image, or nil where it has none.
func imageOf(ctx context.Context, st unsc.Store) (*readmodel.Image, error) {
	if s, ok := st.(interface {
		Image(context.Context) (*readmodel.Image, error)
	}); ok {
		return s.Image(ctx)
	}
	return nil, nil
}

var errEmptyRecord = &unsc.Error{Code: unsc.ENOTFOUND, Message: "the record is empty: run `unsc import` or `unsc sync` first"}

// loadRecord reads the whole record, in date order; an empty record is an
// error saying what to do.
func (a *app) loadRecord(ctx context.Context, withReports bool) ([]unsc.Decision, error) {
	prog := a.startProgress("reading the record")
	defer prog.stop()
	st, err := a.openStore()
	if err != nil {
		return nil, err
	}
	defer st.Close()
	ds, err := st.Decisions(ctx, unsc.DecisionFilter{OmitReports: !withReports})
	if err != nil {
		return nil, err
	}
	if len(ds) == 0 {
		return nil, errEmptyRecord
	}
	return ds, nil
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func printCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// printTable writes a table: the header, then a line for each row, each
// cell but the last of a line padded to its column's width and two spaces,
// a width counted in characters (runes), as text/tabwriter lays out cells
// separated by tabs (minimum width 0, padding 2, padded with spaces). A
// row's tabs and line breaks are written as spaces (cell). The table is
// laid out in one buffer of its exact size and written in one piece: a
// question's table went through text/tabwriter, a write through the
// escaper and the held output for each cell and each run of padding, and
// was a tenth of the front's CPU and page faults on `member USA`
// (PERFORMANCE.md, "The start of each question, sixth pass").
func printTable(w io.Writer, header []string, rows [][]string) error {
	lines := make([][]string, 0, 1+len(rows))
	lines = append(lines, header)
	for _, r := range rows {
		cleaned, copied := r, false
		for i, c := range r {
			if cc := cell(c); cc != c {
				if !copied {
					cleaned, copied = slices.Clone(r), true
				}
				cleaned[i] = cc
			}
		}
		lines = append(lines, cleaned)
	}
	table, ok := layOut(lines)
	if !ok {
		table = layOutByTabwriter(lines)
	}
	_, err := w.Write(table)
	return err
}

// layOut lays out lines as printTable says, where every line has as many
// cells as the first (one column block each, in text/tabwriter's terms)
// and no cell holds a byte text/tabwriter reads as other than text (a
// tab, a line break, a vertical tab, a form feed, its escape 0xff): false
// for any other table, which layOutByTabwriter lays out.
func layOut(lines [][]string) ([]byte, bool) {
	n := len(lines[0])
	if n == 0 {
		return nil, false
	}
	width := make([]int, n) // a column's width, its padding in
	size := 0
	for _, l := range lines {
		if len(l) != n {
			return nil, false
		}
		for j, c := range l {
			if !plainText(c) {
				return nil, false
			}
			size += len(c)
			if j < n-1 {
				width[j] = max(width[j], utf8.RuneCountInString(c)+2)
			}
		}
		size++ // the line break
	}
	for j := range n - 1 {
		size += width[j] * len(lines)
	}
	out := make([]byte, 0, size)
	for _, l := range lines {
		for j, c := range l {
			out = append(out, c...)
			if j < n-1 {
				for range width[j] - utf8.RuneCountInString(c) {
					out = append(out, ' ')
				}
			}
		}
		out = append(out, '\n')
	}
	return out, true
}

// plainText reports whether text/tabwriter reads every byte of s as text.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\v', '\f', tabwriter.Escape:
			return false
		}
	}
	return true
}

// layOutByTabwriter lays out lines through text/tabwriter, for the tables
// layOut does not lay out.
func layOutByTabwriter(lines [][]string) []byte {
	var table bytes.Buffer
	tw := tabwriter.NewWriter(&table, 0, 4, 2, ' ', 0)
	for _, l := range lines {
		tw.Write([]byte(strings.Join(l, "\t") + "\n")) // a bytes.Buffer's writes do not fail
	}
	tw.Flush()
	return table.Bytes()
}

// out is where an answer in format f goes: standard output with control
// characters escaped, except CSV written to a file or a pipe, which is
// data and goes as it is.
func (a *app) out(f outputFormat) io.Writer {
	if f == asCSV && !a.stdoutTerminal {
		return a.rawStdout
	}
	return a.stdout
}

// answer prints rows as a table or CSV, or v as JSON.
func answer(w io.Writer, f outputFormat, v any, header []string, rows [][]string) error {
	switch f {
	case asJSON:
		return printJSON(w, v)
	case asCSV:
		return printCSV(w, header, rows)
	}
	return printTable(w, header, rows)
}

func dateFlags(fs *flag.FlagSet, what string) func() (time.Time, time.Time, error) {
	from := fs.String("from", "", "only "+what+" on or after this `DATE` (YYYY-MM-DD)")
	to := fs.String("to", "", "only "+what+" on or before this `DATE` (YYYY-MM-DD)")
	return func() (time.Time, time.Time, error) {
		f, err := optionalDate("--from", *from)
		if err != nil {
			return f, f, err
		}
		t, err := optionalDate("--to", *to)
		if err != nil {
			return f, t, err
		}
		return f, t, checkPeriod(f, t)
	}
}

// checkPeriod refuses a period that ends before it starts, naming the flag,
// as the API refuses to= before from= (every question, whether or not its
// analysis checks the period itself).
func checkPeriod(from, to time.Time) error {
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return unsc.Errorf(unsc.EINVALID, "--to", "%s is before --from %s: want --to on or after --from", to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	return nil
}

// asFlags names the input of an error from package analysis, which names
// the API's parameters (rule, scope, group_by), as the command's flag that
// was given (--rule, --scope, --by): renames maps the parameters whose flag
// is named otherwise; every other gets "--" before it.
func asFlags(err error, renames map[string]string) error {
	var e *unsc.Error
	if !errors.As(err, &e) || e.Code != unsc.EINVALID || e.Field == "" || strings.HasPrefix(e.Field, "--") {
		return err
	}
	named := *e
	if flag, ok := renames[e.Field]; ok {
		named.Field = flag
	} else {
		named.Field = "--" + e.Field
	}
	return &named
}

// questionFlags are the flags every question over a period takes: --from,
// --to, --json and --csv.
type questionFlags struct {
	fs     *flag.FlagSet
	dates  func() (time.Time, time.Time, error)
	format func() (outputFormat, error)
}

func newQuestionFlags(fs *flag.FlagSet, what string) *questionFlags {
	return &questionFlags{fs: fs, dates: dateFlags(fs, what), format: outputFlags(fs)}
}

// parse parses a question's flags, which take no arguments, and returns
// its output format and period.
func (q *questionFlags) parse(args []string) (f outputFormat, from, to time.Time, err error) {
	if err = parseFlags(q.fs, args); err != nil {
		return
	}
	if err = noArgs(q.fs); err != nil {
		return
	}
	if f, err = q.format(); err != nil {
		return
	}
	from, to, err = q.dates()
	return
}

func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() != 0 {
		return &usageError{msg: fs.Name() + ": unexpected argument " + strconv.Quote(fs.Arg(0))}
	}
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }

func share(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', 3, 64)
}

func codeList(cs []unsc.Code) string { return joinCodes(cs) }

// --- vetoes, grouped and counted -------------------------------------------

// runVetoQuestion answers `unsc vetoes` with --by, --count or a counting
// rule.
func runVetoQuestion(ctx context.Context, a *app, q analysis.VetoQuery, f outputFormat) error {
	if err := analysis.CheckVetoQuery(q); err != nil {
		return asFlags(err, map[string]string{"group_by": "--by"})
	}
	x, err := a.loadIndex(ctx, q.Scope == analysis.ScopeUNList)
	if err != nil {
		return err
	}
	if q.GroupBy != "" && f != asJSON {
		// The groups are the answer: the list of vetoes, which only the
		// JSON carries, is not built.
		q.CountOnly = true
	}
	v, err := x.Vetoes(ctx, q)
	if err != nil {
		return err
	}
	if q.GroupBy != "" {
		dims := strings.Split(q.GroupBy, ",")
		rows := make([][]string, len(v.Groups))
		for i, g := range v.Groups {
			rows[i] = append([]string{g.Key, g.Key2}[:len(dims)], itoa(g.Count))
			if f == asCSV {
				// A count travels with its rule and period.
				rows[i] = append(rows[i], v.Rule, v.Scope, v.Amendments, v.From, v.To)
			}
		}
		header := append(slices.Clone(dims), "count")
		if f == asCSV {
			header = append(header, "rule", "scope", "amendments", "from", "to")
		}
		if f == asText {
			fmt.Fprintf(a.stdout, "%s: %s %s\nPeriod: %s.\n\n", plural(v.Count, "veto", "vetoes"), v.RuleNote, v.ScopeNote, v.Period.Text)
		}
		return answer(a.out(f), f, v, header, rows)
	}
	rows := make([][]string, len(v.Vetoes))
	for i, e := range v.Vetoes {
		rows[i] = []string{e.Date, e.Symbol, e.Meeting, codeList(e.VetoedBy), strconv.FormatBool(e.Amendment), e.Region, e.Agenda}
	}
	if err := answer(a.out(f), f, v, []string{"date", "symbol", "meeting", "vetoed_by", "amendment", "region", "agenda"}, rows); err != nil {
		return err
	}
	if f == asText {
		fmt.Fprintf(a.stdout, "\n%s. %s %s\nPeriod: %s.\n", plural(v.Count, "veto", "vetoes"), v.RuleNote, v.ScopeNote, v.Period.Text)
	}
	return nil
}

// --- decisions --------------------------------------------------------------

var decisionsCommand = command{
	name:    "decisions",
	args:    "[--simulations [--sessions PATH]] [--text WORDS] [--sort relevance|date] [--from DATE] [--to DATE] [--outcome O] [--matter M] [--member MEMBER [--position P]] [--offset N] [--limit N] [--json|--csv]",
	summary: "Search the record's decisions (or with --simulations the live sessions') by text (ranked), date, outcome, matter or a member's position.",
	run:     runDecisions,
}

// decisionColumns are the columns of `unsc decisions --csv`.
var decisionColumns = []string{"date", "symbol", "resolution", "draft", "meeting", "amendment_to", "outcome", "vetoed_by", "matter", "modality",
	"yes", "no", "abstain", "count_known", "votes_known", "position", "score", "title", "agenda"}

func runDecisions(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("decisions")
	filters := newDecisionFilters(fs)
	sortBy := fs.String("sort", "", "the order: relevance (the default with --text) or date (the default without)")
	offset := fs.Int("offset", 0, "skip the first `N` matches")
	limit := fs.Int("limit", 0, "print at most `N` matches (default 50 as a table, every match with --csv or --json)")
	simulations := fs.Bool("simulations", false, "search the decisions taken in live sessions (unsc serve), marked as simulations, instead of the record's")
	sessions := fs.String("sessions", "", "with --simulations: the sessions' database `PATH` (default: $UNSC_SESSIONS, else sessions.db beside the record)")
	f, from, to, err := filters.qf.parse(args)
	if err != nil {
		return err
	}
	if *limit < 0 {
		return unsc.Errorf(unsc.EINVALID, "--limit", "%d: want 1 or more", *limit)
	}
	q, err := filters.query(from, to)
	if err != nil {
		return err
	}
	// A table is read by a person, a page at a time; CSV and JSON are
	// read by programs, which get every match unless they ask for fewer.
	q.Sort, q.Offset, q.Limit = *sortBy, *offset, *limit
	if f == asText && *limit == 0 {
		q.Limit = analysis.DefaultLimit
	}
	if err := checkSearch(q); err != nil {
		return err
	}
	if *sessions != "" && !*simulations {
		return unsc.Errorf(unsc.EINVALID, "--sessions", "only with --simulations")
	}
	var x *analysis.Index
	if *simulations {
		x, err = a.loadSimulations(ctx, *sessions)
	} else {
		x, err = a.loadIndex(ctx, false)
	}
	if err != nil {
		return err
	}
	if f == asCSV && !*simulations {
		return writeDecisionsCSV(ctx, a.out(f), x, q)
	}
	s, err := x.Search(ctx, q)
	if err != nil {
		return err
	}
	if *simulations {
		return answerSimulations(a, f, s)
	}
	if f == asText {
		rows := make([][]string, len(s.Decisions))
		for i, h := range s.Decisions {
			rows[i] = []string{h.Date, h.Symbol, h.Meeting, h.Outcome, fmt.Sprintf("%d-%d-%d", h.Yes, h.No, h.Abstain), h.Position, h.Title}
			if !h.CountKnown {
				rows[i][4] = ""
			}
		}
		if err := printTable(a.stdout, []string{"date", "symbol", "meeting", "outcome", "count", "position", "title"}, rows); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "\n%d of %s (from %d), by %s.\n", len(s.Decisions), plural(s.Total, "decision", "decisions"), s.Offset+1, s.Sort)
		if s.InDoubt > 0 {
			fmt.Fprintf(a.stdout, "Left out: %s on which the record holds the member's position in doubt (its sources give one that does not square with the official count).\n", plural(s.InDoubt, "decision", "decisions"))
		}
		fmt.Fprintf(a.stdout, "Period: %s.\n", s.Period.Text)
		return nil
	}
	return printJSON(a.out(f), s)
}

// writeDecisionsCSV writes the answer to q as CSV, each decision's line
// as it comes (Index.SearchEach): no list of hits, rows or cells is made
// first, only the line being written (the abstentions at 30× are 183
// lines, 48 KB).
func writeDecisionsCSV(ctx context.Context, w io.Writer, x *analysis.Index, q analysis.SearchQuery) error {
	line := make([]byte, 0, 1024)
	var err error
	// The header once the search has found its page: a bad query writes
	// nothing but its error.
	header := func(int) {
		for i, c := range decisionColumns {
			line = appendCSVField(line, i, c)
		}
		_, err = w.Write(append(line, '\n'))
	}
	_, serr := x.SearchEach(ctx, q, header, func(h analysis.SearchHit) error {
		if err != nil {
			return err
		}
		line = appendDecisionCSV(line[:0], h)
		_, err = w.Write(line)
		return err
	})
	if serr != nil {
		return serr
	}
	return err
}

// appendDecisionCSV appends h's line of `unsc decisions --csv`, the
// columns of decisionColumns, as encoding/csv writes it.
func appendDecisionCSV(b []byte, h analysis.SearchHit) []byte {
	for i, v := range [...]string{h.Date, h.Symbol, h.Resolution, h.Draft, h.Meeting, h.AmendmentTo, h.Outcome} {
		b = appendCSVField(b, i, v)
	}
	b = appendCSVField(b, 7, codeList(h.VetoedBy))
	b = appendCSVField(b, 8, h.Matter)
	b = appendCSVField(b, 9, h.Modality)
	b = append(b, ',')
	if h.CountKnown {
		b = strconv.AppendInt(b, int64(h.Yes), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(h.No), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(h.Abstain), 10)
	} else {
		b = append(b, ',', ',')
	}
	b = append(b, ',')
	b = strconv.AppendBool(b, h.CountKnown)
	b = append(b, ',')
	b = strconv.AppendBool(b, h.VotesKnown)
	b = appendCSVField(b, 15, h.Position)
	b = append(b, ',')
	if h.Score > 0 {
		b = strconv.AppendFloat(b, h.Score, 'f', 3, 64)
	}
	b = appendCSVField(b, 17, h.Title)
	b = appendCSVField(b, 18, h.Agenda)
	return append(b, '\n')
}

// appendCSVField appends the field s, the i-th of its line (a comma
// before all but the first), quoted as encoding/csv's Writer quotes it
// (Comma ',', no CRLF): where it holds a comma, a quote, \r or \n, begins
// with a space, or is `\.`; a quote inside doubled.
func appendCSVField(b []byte, i int, s string) []byte {
	if i > 0 {
		b = append(b, ',')
	}
	if !csvNeedsQuotes(s) {
		return append(b, s...)
	}
	b = append(b, '"')
	for {
		k := strings.IndexByte(s, '"')
		if k < 0 {
			break
		}
		b = append(b, s[:k+1]...)
		b = append(b, '"')
		s = s[k+1:]
	}
	b = append(b, s...)
	return append(b, '"')
}

func csvNeedsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` {
		return true
	}
	// Not strings.ContainsAny, which makes its set for each field and
	// looks a short field's runes up one by one (a twentieth of the CPU of
	// the 183 lines of GBR's abstentions at 30×): a short field a byte at
	// a time through a table, a long one (a title, an agenda item) by the
	// vector search of strings.IndexByte for each byte: a fifth of the
	// time a byte at a time takes over the 213 titles and agenda items of
	// those 183 lines (a benchmark over them, 21 against 100 µs).
	if len(s) < 32 {
		for i := 0; i < len(s); i++ {
			if csvQuoted[s[i]] {
				return true
			}
		}
	} else if strings.IndexByte(s, ',') >= 0 || strings.IndexByte(s, '"') >= 0 || strings.IndexByte(s, '\n') >= 0 || strings.IndexByte(s, '\r') >= 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// csvQuoted holds the bytes for which encoding/csv quotes a field.
var csvQuoted = [256]bool{',': true, '"': true, '\r': true, '\n': true}

// positionWord reads a position as the JSON API spells it, which the CLI
// takes too (a switch: no table made at every start).
func positionWord(s string) (unsc.Position, bool) {
	switch s {
	case "yes":
		return unsc.Yes, true
	case "no":
		return unsc.No, true
	case "abstain":
		return unsc.Abstain, true
	case "not-participating":
		return unsc.NotParticipating, true
	case "absent":
		return unsc.Absent, true
	}
	return unsc.Absent, false
}

// --- member -----------------------------------------------------------------

var memberCommand = command{
	name:    "member",
	args:    "[--json|--csv] MEMBER",
	summary: "A member's history: terms served, positions taken, vetoes cast, how often it sided with each permanent member, year by year.",
	run:     runMember,
}

func runMember(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("member")
	format := outputFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &usageError{msg: "member: want a MEMBER: a code such as USA, a name such as \"United States\" or UK, or a seat such as SUN+RUS"}
	}
	f, err := format()
	if err != nil {
		return err
	}
	// A name with a space may arrive as several arguments.
	seat, err := seatArg("MEMBER", strings.Join(fs.Args(), " "))
	if err != nil {
		return err
	}
	x, err := a.loadIndex(ctx, false)
	if err != nil {
		return err
	}
	p, err := x.Member(ctx, seat)
	if err != nil {
		return err
	}
	var seats []string
	for _, s := range p.Sided {
		seats = append(seats, "sided_with_"+s.Seat)
	}
	header := append([]string{"year", "decisions", "votes_known", "yes", "no", "abstain", "not_participating", "absent", "vetoes"}, seats...)
	if f == asCSV {
		return writeMemberCSV(a.out(f), header, p)
	}
	rows := memberRows(p)
	if f == asText {
		fmt.Fprintf(a.stdout, "%s (%s)\n", strings.Join(p.Names, " / "), p.Member)
		for _, t := range p.Terms {
			end := t.End
			if end == "" {
				end = "today"
			}
			fmt.Fprintf(a.stdout, "  %s to %s  %s (%s)\n", t.Start, end, t.Name, t.Code)
		}
		doubt := ""
		if p.Positions.InDoubt > 0 {
			doubt = fmt.Sprintf(", %d in doubt (left out)", p.Positions.InDoubt)
		}
		fmt.Fprintf(a.stdout, "%s, %d with known votes: %d yes, %d no, %d abstain, %d not participating, %d absent%s; %s cast.\nPeriod: %s.\n",
			plural(p.Decisions, "decision", "decisions"), p.VotesKnown, p.Positions.Yes, p.Positions.No, p.Positions.Abstain, p.Positions.NotParticipating, p.Positions.Absent, doubt, plural(p.Vetoes, "veto", "vetoes"), p.Period.Text)
		for _, s := range p.Sided {
			fmt.Fprintf(a.stdout, "  sided with %-8s %s of %s\n", s.Seat, share(s.Share), plural(s.N, "decision", "decisions"))
		}
		fmt.Fprintln(a.stdout)
	}
	return answer(a.out(f), f, p, header, rows)
}

// memberRows returns a member's years as the rows of its table.
func memberRows(p analysis.MemberProfile) [][]string {
	rows := make([][]string, len(p.Years))
	for i, y := range p.Years {
		rows[i] = []string{itoa(y.Year), itoa(y.Decisions), itoa(y.VotesKnown), itoa(y.Positions.Yes), itoa(y.Positions.No), itoa(y.Positions.Abstain), itoa(y.Positions.NotParticipating), itoa(y.Positions.Absent), itoa(y.Vetoes)}
		for _, s := range y.Sided {
			rows[i] = append(rows[i], share(s.Share))
		}
	}
	return rows
}

// writeMemberCSV writes a member's years as `unsc member --csv` prints
// them, as encoding/csv writes memberRows (TestMemberCSVAsTable),
// each year appended to the answer as it is read: no cell made a string,
// no row a list (80 years of 14 cells for a permanent member). The cells
// are numbers, which need no quoting; the header is quoted as any field.
func writeMemberCSV(w io.Writer, header []string, p analysis.MemberProfile) error {
	b := make([]byte, 0, 64*(len(p.Years)+2))
	for i, c := range header {
		b = appendCSVField(b, i, c)
	}
	b = append(b, '\n')
	for _, y := range p.Years {
		for i, n := range [...]int{y.Year, y.Decisions, y.VotesKnown, y.Positions.Yes, y.Positions.No, y.Positions.Abstain, y.Positions.NotParticipating, y.Positions.Absent, y.Vetoes} {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(n), 10)
		}
		for _, s := range y.Sided {
			b = append(b, ',')
			if s.Share != nil {
				b = strconv.AppendFloat(b, *s.Share, 'f', 3, 64)
			}
		}
		b = append(b, '\n')
	}
	_, err := w.Write(b)
	return err
}

// --- agreement --------------------------------------------------------------

var agreementCommand = command{
	name:    "agreement",
	args:    "[--members MEMBER,…] [--from DATE] [--to DATE] [--rule R] [--json|--csv]",
	summary: "How often each pair of members took the same position, as a matrix.",
	run:     runAgreement,
}

func runAgreement(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("agreement")
	members := fs.String("members", "", "`MEMBERS`, comma-separated: codes in any case, names or seats (default: the five permanent seats, the USSR and Russia as SUN+RUS)")
	rule := fs.String("rule", analysis.AbstainExact, "how abstentions count: "+analysis.AbstainExact+", "+analysis.AbstainNeutral+" or "+analysis.AbstainHalf)
	qf := newQuestionFlags(fs, "decisions")
	f, from, to, err := qf.parse(args)
	if err != nil {
		return err
	}
	q := analysis.AgreementQuery{Rule: *rule, From: from, To: to}
	if *members != "" {
		for _, m := range strings.Split(*members, ",") {
			seat, err := seatArg("--members", m)
			if err != nil {
				return err
			}
			q.Members = append(q.Members, seat)
		}
	}
	if err := analysis.CheckAgreementQuery(q); err != nil {
		return asFlags(err, nil)
	}
	x, err := a.loadIndex(ctx, false)
	if err != nil {
		return err
	}
	m, err := x.Agreement(ctx, q)
	if err != nil {
		return err
	}
	if f == asCSV {
		var rows [][]string
		for _, row := range m.Cells {
			for _, c := range row {
				rows = append(rows, []string{c.A, c.B, itoa(c.N), strconv.FormatFloat(c.Agreed, 'f', 1, 64), share(c.Share)})
			}
		}
		return printCSV(a.out(asCSV), []string{"a", "b", "n", "agreed", "share"}, rows)
	}
	header := append([]string{""}, m.Members...)
	rows := make([][]string, len(m.Cells))
	for i, row := range m.Cells {
		rows[i] = []string{m.Members[i]}
		for _, c := range row {
			rows[i] = append(rows[i], share(c.Share))
		}
	}
	if err := answer(a.out(f), f, m, header, rows); err != nil {
		return err
	}
	if f == asText {
		fmt.Fprintf(a.stdout, "\nRule %s: %s\n%s\nPeriod: %s.\n", m.Rule, m.RuleNote, m.Counted, m.Period.Text)
		var doubt []string
		for i, row := range m.Cells {
			for _, c := range row[i+1:] {
				if c.InDoubt > 0 {
					doubt = append(doubt, fmt.Sprintf("%s–%s %d", c.A, c.B, c.InDoubt))
				}
			}
		}
		if len(doubt) > 0 {
			fmt.Fprintf(a.stdout, "Left out, a position in doubt: %s.\n", strings.Join(doubt, ", "))
		}
	}
	return nil
}

// --- trends -----------------------------------------------------------------

var trendsCommand = command{
	name:    "trends",
	args:    "[--by year|decade] [--from DATE] [--to DATE] [--json|--csv]",
	summary: "Per year (or decade): decisions taken, share unanimous, vetoes, abstentions, failed drafts.",
	run:     runTrends,
}

func runTrends(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("trends")
	by := fs.String("by", "year", "count by year or by decade")
	qf := newQuestionFlags(fs, "decisions")
	f, from, to, err := qf.parse(args)
	if err != nil {
		return err
	}
	if *by != "year" && *by != "decade" {
		return unsc.Errorf(unsc.EINVALID, "--by", "%q: want year or decade", *by)
	}
	x, err := a.loadIndex(ctx, false)
	if err != nil {
		return err
	}
	if f == asCSV && *by == "year" {
		return writeTrendsCSV(ctx, a.out(f), x, from, to)
	}
	var t analysis.Trends
	if *by == "decade" {
		t, err = x.TrendsByDecade(ctx, from, to)
	} else {
		t, err = x.Trends(ctx, from, to)
	}
	if err != nil {
		return err
	}
	rows := make([][]string, len(t.Years))
	for i, y := range t.Years {
		rows[i] = []string{y.Period, itoa(y.Decisions), itoa(y.Resolutions), itoa(y.WithoutVote), share(y.UnanimousShare), itoa(y.VetoedDrafts), itoa(y.MemberVetoes), itoa(y.Abstentions), itoa(y.FailedDrafts)}
	}
	if err := answer(a.out(f), f, t, append([]string{t.By}, trendsColumns...), rows); err != nil {
		return err
	}
	if f == asText {
		fmt.Fprintf(a.stdout, "\n%s\nPeriod: %s.\n", t.Note, t.Period.Text)
	}
	return nil
}

// trendsColumns are the columns of `unsc trends` after the year's or the
// decade's.
var trendsColumns = []string{"decisions", "resolutions", "without_vote", "unanimous_share", "vetoed_drafts", "member_vetoes", "abstentions", "failed_drafts"}

// writeTrendsCSV writes `unsc trends --csv` by year, each year's line
// into one buffer from the years as the index holds them
// (Index.TrendYears): no period put in words, no copy of the years, rows
// or cells first.
func writeTrendsCSV(ctx context.Context, w io.Writer, x *analysis.Index, from, to time.Time) error {
	ys, err := x.TrendYears(ctx, from, to)
	if err != nil {
		return err
	}
	b := make([]byte, 0, 64*(ys.Len()+1))
	b = appendCSVField(b, 0, "year")
	for _, c := range trendsColumns {
		b = appendCSVField(b, 1, c)
	}
	b = append(b, '\n')
	if ys.First != nil {
		b = appendTrendCSV(b, ys.First)
	}
	whole := x.WholeYears()
	for i := ys.Lo; i < ys.Hi; i++ {
		b = appendTrendCSV(b, &whole[i])
	}
	if ys.Last != nil {
		b = appendTrendCSV(b, ys.Last)
	}
	_, err = w.Write(b)
	return err
}

// appendTrendCSV appends y's line of `unsc trends --csv`.
func appendTrendCSV(b []byte, y *analysis.YearTrend) []byte {
	b = appendCSVField(b, 0, y.Period)
	for k, n := range [...]int{y.Decisions, y.Resolutions, y.WithoutVote, -1, y.VetoedDrafts, y.MemberVetoes, y.Abstentions, y.FailedDrafts} {
		b = append(b, ',')
		switch {
		case k != 3:
			b = strconv.AppendInt(b, int64(n), 10)
		case y.UnanimousShare != nil:
			b = strconv.AppendFloat(b, *y.UnanimousShare, 'f', 3, 64)
		}
	}
	return append(b, '\n')
}

// --- what-if ----------------------------------------------------------------

var whatIfCommand = command{
	name:    "whatif",
	args:    "--rules NAME [--from DATE] [--to DATE] [--json|--csv]",
	summary: "Replay the record under other rules and list every decision whose outcome flips.",
	run:     runWhatIf,
}

func runWhatIf(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("whatif")
	rules := fs.String("rules", "", "the rules: no-veto, two-vetoes, no-veto-on-atrocities, eleven-member, grant:CODE or deny:CODE")
	qf := newQuestionFlags(fs, "decisions")
	f, from, to, err := qf.parse(args)
	if err != nil {
		return err
	}
	r, err := analysis.RulesNamed(*rules)
	if err != nil {
		return asFlags(err, nil)
	}
	q := analysis.WhatIfQuery{Rules: r, From: from, To: to}
	x, err := a.loadIndex(ctx, false)
	if err != nil {
		return err
	}
	w, err := x.WhatIf(ctx, q)
	if err != nil {
		return err
	}
	rows := make([][]string, len(w.Flips))
	for i, fl := range w.Flips {
		rows[i] = []string{fl.Date, fl.Symbol, fmt.Sprintf("%d-%d-%d", fl.Yes, fl.No, fl.Abstain), fl.Before, codeList(fl.BeforeVetoedBy), fl.After, codeList(fl.AfterVetoedBy), fl.Agenda}
	}
	if err := answer(a.out(f), f, w, []string{"date", "symbol", "count", "before", "before_vetoed_by", "after", "after_vetoed_by", "agenda"}, rows); err != nil {
		return err
	}
	if f == asText {
		flip := "flip"
		if w.Flipped == 1 {
			flip = "flips"
		}
		fmt.Fprintf(a.stdout, "\n%d of %s replayed %s under %s (%s); %d could not be replayed.\nPeriod: %s.\n", w.Flipped, plural(w.Replayed, "decision", "decisions"), flip, w.Rules, w.RulesNote, w.NotReplayable, w.Period.Text)
	}
	return nil
}

// --- veto initiative --------------------------------------------------------

var initiativeCommand = command{
	name:    "initiative",
	args:    "[--calendar un-headquarters|weekends-only] [--holidays FILE] [--json|--csv]",
	summary: "Every veto since GA res 76/262 with the deadline for the General Assembly's debate, and the Assembly's meeting on it where known: a debate, or an emergency special session on the same situation.",
	run:     runInitiative,
}

func runInitiative(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("initiative")
	calendar := fs.String("calendar", "un-headquarters", "the working days counted: un-headquarters (weekends and UN Headquarters holidays; an assumption) or weekends-only")
	holidays := fs.String("holidays", "", "a CSV `FILE` of holidays (header date,name; dates YYYY-MM-DD) to count instead of the calendar's: weekends and these days are not working days")
	format := outputFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	f, err := format()
	if err != nil {
		return err
	}
	var cal analysis.Calendar
	switch *calendar {
	case "un-headquarters":
		cal = analysis.DefaultCalendar()
	case "weekends-only":
		cal = analysis.WeekendsOnly()
	default:
		return unsc.Errorf(unsc.EINVALID, "--calendar", "%q: want un-headquarters or weekends-only", *calendar)
	}
	if *holidays != "" {
		if cal, err = readHolidays(*holidays); err != nil {
			return err
		}
	}
	x, err := a.loadIndex(ctx, false)
	if err != nil {
		return err
	}
	v, err := x.VetoInitiative(ctx, cal)
	if err != nil {
		return err
	}
	rows := make([][]string, len(v.Vetoes))
	var debated, sessions, unknown int
	for i, e := range v.Vetoes {
		switch {
		case e.Debate == nil:
			unknown++
		case e.Debate.Kind == analysis.KindEmergencySession:
			sessions++
		default:
			debated++
		}
		rows[i] = form.InitiativeRow(e)
	}
	if err := answer(a.out(f), f, v, form.InitiativeColumns, rows); err != nil {
		return err
	}
	if f == asText {
		fmt.Fprintf(a.stdout, "\n%s: %d debated by the General Assembly, %d followed by an emergency special session on the same situation (res 76/262 then calls for no debate of its own), %d not known here. Each meeting's sources and how it was verified: --json, or analysis/gadebates.csv.\n%s\nCalendar: %s (%s)\nPeriod: %s.\n",
			plural(len(v.Vetoes), "veto", "vetoes"), debated, sessions, unknown, v.Rule, v.Calendar, v.Source, v.Period.Text)
	}
	return nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// readHolidays reads a calendar of weekends and the holidays listed in a
// CSV file with the header date,name.
func readHolidays(path string) (analysis.Calendar, error) {
	f, err := os.Open(path)
	if err != nil {
		return analysis.Calendar{}, unsc.Errorf(unsc.EINVALID, "--holidays", "%v", err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = 2
	rows, err := cr.ReadAll()
	if err != nil {
		return analysis.Calendar{}, unsc.Errorf(unsc.EINVALID, path, "%v: want CSV rows date,name", err)
	}
	if len(rows) == 0 || rows[0][0] != "date" || rows[0][1] != "name" {
		return analysis.Calendar{}, unsc.Errorf(unsc.EINVALID, path+":1", "want the header date,name")
	}
	cal := analysis.WeekendsOnly()
	cal.Name, cal.Source, cal.Assumption = "holidays from "+path, path, false
	for i, r := range rows[1:] {
		if _, err := unsc.ParseDate(fmt.Sprintf("%s:%d:date", path, i+2), r[0]); err != nil {
			return analysis.Calendar{}, err
		}
		cal.Holidays = append(cal.Holidays, analysis.Holiday{Date: r[0], Name: r[1]})
	}
	return cal, analysis.CheckCalendar(cal)
}
