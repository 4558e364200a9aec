package dhl

import (
	"io"
	"strconv"
	"strings"
	"time"

	"unsc"
)

var (
	meetingsTitleRE = lazyRegexp(`(?i)meetings\s+conducted[^<>]{0,60}?by\s+the\s+security\s+council\s+in\s+(\d{4})`)
	meetingRE       = lazyRegexp(`(?i)S/PV\.?\s*\d+`)
	symbolRE        = lazyRegexp(symbolPattern)
)

// SniffMeetings reports whether head, the start of a file (its first 64 KB
// or so), is one of the library's yearly pages "Meetings conducted / actions
// taken by the Security Council in YYYY".
func SniffMeetings(head []byte) bool {
	return meetingsTitleRE.Match(head) && tableRE.Match(head)
}

var tableRE = lazyRegexp(`(?i)<table\b`)

// columns are the positions of the columns a parser reads; -1 when absent.
type columns struct {
	meeting, date, topic, outcome, letter int
	n                                     int
}

// ParseMeetings reads one yearly page and returns one report per resolution
// adopted, per draft not adopted or vetoed and per meeting that held an
// election of members of the International Court of Justice (icj.go), in
// the page's order (reverse chronological). Presidential statements,
// communiqués, notes and letters are not voted decisions and are skipped.
// name names the input in Ref and in errors, which are *unsc.Error with
// code unsc.EINVALID and Field "name:line:column".
func ParseMeetings(r io.Reader, name string) ([]unsc.Report, error) {
	rows, err := readRows(r, name)
	if err != nil {
		return nil, err
	}
	g := grid(rows)

	year, at := 0, -1
	for i, cells := range g {
		for _, c := range cells {
			if m := meetingsTitleRE.FindStringSubmatch(c.flat()); m != nil {
				year, _ = strconv.Atoi(m[1])
				at = i
				break
			}
		}
		if at >= 0 {
			break
		}
	}
	if at < 0 {
		return nil, unsc.Errorf(unsc.EINVALID, name+":1:title", "want a table titled \"Meetings conducted by the Security Council in YYYY\"")
	}
	cols, hdr := columns{}, -1
	for i := at; i < len(g) && hdr < 0; i++ {
		cols = meetingColumns(g[i])
		if cols.date >= 0 && cols.topic >= 0 && cols.outcome >= 0 && cols.meeting >= 0 {
			hdr = i
		}
	}
	if hdr < 0 {
		return nil, unsc.Errorf(unsc.EINVALID, name+":"+strconv.Itoa(rows[at].line)+":header", "want a header row with the columns Meeting Record, Date, Topic and Security Council Outcome / Vote")
	}
	p := &meetings{name: name, cols: cols, year: pageYear(g[hdr+1:], cols, year), keys: keyer{}}
	if p.year != year {
		p.yearNote = "the page's title says " + strconv.Itoa(year) + "; its documents are of " + strconv.Itoa(p.year)
	}
	for i := hdr + 1; i < len(g); i++ {
		if err := p.row(rows[i].line, g[i]); err != nil {
			return nil, err
		}
	}
	undateMisplacedElections(p.out)
	return p.out, nil
}

func meetingColumns(cells []*cell) columns {
	c := columns{-1, -1, -1, -1, -1, len(cells)}
	for i, x := range cells {
		t := strings.ToLower(x.flat())
		switch {
		case strings.Contains(t, "meeting"):
			c.meeting = i
		case t == "date":
			c.date = i
		case strings.Contains(t, "topic"):
			c.topic = i
		case strings.Contains(t, "letter") && strings.Contains(t, "outcome"):
			c.letter = i
		case strings.Contains(t, "outcome"):
			c.outcome = i
		}
	}
	return c
}

// pageYear returns the year of the page's meetings. The dates in the table
// give no year, so it comes from the title, except where the title is wrong:
// the saved 2020 VTC page is titled "… in 2021" though every document on it
// is of 2020. The resolutions on a page decide when they disagree with the
// title by a wide margin.
func pageYear(g [][]*cell, cols columns, title int) int {
	count := map[int]int{}
	for _, cells := range g {
		if cols.outcome < len(cells) {
			text := cells[cols.outcome].String()
			lower, exotic := fold(text)
			if !exotic && !strings.Contains(lower, "res") {
				continue
			}
			var ms [][]int
			if exotic {
				ms = resRE.FindAllStringSubmatchIndex(text, -1)
			} else {
				ms = resolutions(lower)
			}
			for _, m := range ms {
				if y, err := strconv.Atoi(sub(text, m[4], m[5])); err == nil {
					count[y]++
				}
			}
		}
	}
	best := title
	for y, n := range count {
		if n > count[best] || (n == count[best] && y < best) {
			best = y
		}
	}
	if count[title]*2 < count[best] {
		return best
	}
	return title
}

type meetings struct {
	name     string
	cols     columns
	year     int
	yearNote string
	keys     keyer
	out      []unsc.Report

	meeting string
	date    time.Time
	dated   bool
}

func (p *meetings) field(line int, col string) string {
	return p.name + ":" + strconv.Itoa(line) + ":" + col
}

func blank(c *cell) bool {
	if c == nil {
		return true
	}
	t := c.flat()
	return t == "" || t == "--"
}

func (p *meetings) row(line int, cells []*cell) error {
	n := p.cols.n
	if len(cells) < 2 {
		return nil // a note across the table ("Document links will work …")
	}
	var at = make([]*cell, n)
	switch {
	case len(cells) >= n:
		copy(at, cells)
		for _, c := range cells[n:] {
			if !blank(c) {
				return unsc.Errorf(unsc.EINVALID, p.field(c.line, "outcome"), "want %d cells in a row, got %d with text beyond the last column", n, len(cells))
			}
		}
	case len(cells) == 2:
		// A continuation of the meeting above: another topic and its outcome.
		at[p.cols.topic], at[p.cols.outcome] = cells[0], cells[1]
	case meetingRE.MatchString(cells[0].flat()) || cells[0].flat() == "--":
		copy(at, cells) // the last cells are missing
	default:
		copy(at[n-len(cells):], cells) // the first cells are missing
	}
	get := func(i int) *cell {
		if i < 0 || at[i] == nil {
			return nil
		}
		return at[i]
	}
	mc, dc, tc, oc := get(p.cols.meeting), get(p.cols.date), get(p.cols.topic), get(p.cols.outcome)
	if blank(mc) && (dc == nil || dc.flat() == "") {
		// Continuation rows leave the meeting and date empty.
		if !p.dated {
			return unsc.Errorf(unsc.EINVALID, p.field(line, "date"), "want a meeting and date before a continuation row")
		}
	} else {
		p.meeting = ""
		if !blank(mc) {
			m := meetingRE.FindString(mc.flat())
			sym, ok := normMeeting(m)
			if !ok {
				return unsc.Errorf(unsc.EINVALID, p.field(mc.line, "meeting"), "want a meeting record symbol S/PV.NNNN or --, got %q", mc.flat())
			}
			p.meeting = sym
		}
		if dc == nil {
			return unsc.Errorf(unsc.EINVALID, p.field(line, "date"), "want the meeting's date")
		}
		d, _, ok := parseDate(dc.flat(), p.year)
		if !ok {
			return unsc.Errorf(unsc.EINVALID, p.field(dc.line, "date"), "want a date such as \"30 November\", got %q", dc.flat())
		}
		p.date, p.dated = d, true
	}
	// The topic cell's paragraphs, read once for the election's test and
	// the actions' topics.
	topics := topicParagraphs(tc)
	if rep, ok := p.icjElection(line, topics, oc); ok {
		// A meeting resumed the same day is listed again (S/PV.8092
		// (Resumption1)): one meeting, one report.
		if n := len(p.out); n > 0 {
			last := &p.out[n-1]
			if last.Matter == unsc.ICJElection && last.Meeting != "" && last.Meeting == rep.Meeting && last.Date.Equal(rep.Date) && last.Agenda == rep.Agenda {
				if last.Note == "" {
					last.Note = rep.Note
				}
				return nil
			}
		}
		p.out = append(p.out, rep)
		return nil
	}
	if blank(oc) {
		return nil
	}
	acts, cerr := actions(oc, p.year, p.date)
	if cerr != nil {
		return unsc.Errorf(unsc.EINVALID, p.field(cerr.line, "outcome"), "%s", cerr.msg)
	}
	if len(acts) == 0 {
		return nil
	}
	raw := oc.String()
	starts := paragraphs(raw)
	outParas := len(starts)
	for outParas > 1 && strings.TrimSpace(raw[starts[outParas-1]:]) == "" {
		outParas--
	}
	var letter string
	if lc := get(p.cols.letter); lc != nil {
		if d, ok := normDraft(symbolRE.FindString(lc.flat())); ok {
			letter = d
		}
	}
	for _, a := range acts {
		// Older pages put several topics in one cell and their outcomes in
		// paragraphs of the next; where the counts match they align.
		agenda := strings.Join(topics, "; ")
		if len(topics) > 1 && outParas == len(topics) && a.para >= 0 && a.para < len(topics) {
			agenda = topics[a.para]
		}
		doc := a.resolution
		if doc == "" {
			doc = a.draft
		}
		if doc == "" {
			doc = "draft"
		}
		where := p.meeting
		if where == "" {
			where = p.date.Format(time.DateOnly)
		}
		base := "dhl:" + where + ":" + doc
		if a.resolution != "" && p.keys[base] > 0 {
			// The same resolution twice at one meeting is a repeated row
			// (S/RES/1996 (2011) at S/PV.6576): it was adopted once.
			continue
		}
		rep := unsc.Report{
			Source:      unsc.SourceDHLMeetings,
			Key:         p.keys.key(base),
			Ref:         p.name + ":" + strconv.Itoa(a.line),
			Date:        p.date,
			Meeting:     p.meeting,
			Resolution:  a.resolution,
			Draft:       a.draft,
			Amendment:   a.amendment,
			AmendmentTo: a.amendmentTo,
			Title:       agenda,
			Agenda:      agenda,
			Matter:      a.matter,
			MatterKnown: a.matterKnown,
			Modality:    a.modality,
			Outcome:     a.outcome,
			Tally:       a.tally,
			VetoedBy:    a.vetoedBy,
			Note:        a.note,
		}
		if letter != "" {
			addNote(&rep.Note, "vote outcome in "+letter)
		}
		if p.yearNote != "" {
			addNote(&rep.Note, p.yearNote)
		}
		p.out = append(p.out, rep)
	}
	return nil
}

// topicParagraphs splits the topic cell into its topics, one per paragraph.
func topicParagraphs(c *cell) []string {
	if c == nil {
		return nil
	}
	text := strings.TrimSpace(c.String())
	var out []string
	starts := paragraphs(text)
	for i, s := range starts {
		end := len(text)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		if t := joinLines(text[s:end]); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// joinLines joins the lines of a topic. Some pages put two topics in one
// paragraph, a line each; others break one long topic over lines. A line
// that starts with a capital after a line that does not end in a comma
// starts a new topic.
func joinLines(s string) string {
	var b strings.Builder
	prev := ""
	for _, l := range strings.Split(s, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			if r := l[0]; r >= 'A' && r <= 'Z' && !strings.HasSuffix(prev, ",") {
				b.WriteString("; ")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
		prev = l
	}
	return b.String()
}
