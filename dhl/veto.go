package dhl

import (
	"io"
	"strconv"
	"strings"
	"time"

	"unsc"
)

var vetoTitleRE = lazyRegexp(`(?i)security\s+council\s*[-–—:]?\s*veto\s+list`)

// SniffVetoes reports whether head, the start of a file (its first 64 KB or
// so), is the library's "Security Council – Veto List".
func SniffVetoes(head []byte) bool {
	return vetoTitleRE.Match(head) && tableRE.Match(head)
}

type vetoColumns struct {
	date, draft, record, agenda, member int
}

// ParseVetoes reads the veto list and returns one report per row: one per
// vetoed draft (or, for the early years, per vetoed proposal without a symbol
// of its own), with VetoedBy listing every permanent member the row names.
// A joint veto is one report with several members. Reports come in the
// page's order (reverse chronological). Errors are *unsc.Error with code
// unsc.EINVALID and Field "name:line:column".
func ParseVetoes(r io.Reader, name string) ([]unsc.Report, error) {
	rows, err := readRows(r, name)
	if err != nil {
		return nil, err
	}
	g := grid(rows)
	at := -1
	for i, cells := range g {
		for _, c := range cells {
			if vetoTitleRE.MatchString(c.flat()) {
				at = i
			}
		}
		if at >= 0 {
			break
		}
	}
	if at < 0 {
		return nil, unsc.Errorf(unsc.EINVALID, name+":1:title", "want a table titled \"Security Council - Veto List\"")
	}
	hdr, cols := -1, vetoColumns{}
	for i := at; i < len(g) && hdr < 0; i++ {
		cols = vetoColumns{-1, -1, -1, -1, -1}
		for j, c := range g[i] {
			t := strings.ToLower(c.flat())
			switch {
			case t == "date":
				cols.date = j
			case t == "draft":
				cols.draft = j
			case strings.Contains(t, "record") || strings.Contains(t, "meeting"):
				cols.record = j
			case strings.Contains(t, "agenda"):
				cols.agenda = j
			case strings.Contains(t, "negative") || strings.Contains(t, "permanent"):
				cols.member = j
			}
		}
		if cols.date >= 0 && cols.draft >= 0 && cols.record >= 0 && cols.agenda >= 0 && cols.member >= 0 {
			hdr = i
		}
	}
	if hdr < 0 {
		return nil, unsc.Errorf(unsc.EINVALID, name+":"+strconv.Itoa(rows[at].line)+":header", "want a header row with the columns Date, Draft, Written Record, Agenda Item and Permanent Member Casting Negative Vote")
	}
	n := max(cols.date, cols.draft, cols.record, cols.agenda, cols.member) + 1
	var out []unsc.Report
	for i := hdr + 1; i < len(g); i++ {
		cells := g[i]
		if len(cells) < 2 {
			continue // a note across the table
		}
		if len(cells) < n {
			return nil, unsc.Errorf(unsc.EINVALID, name+":"+strconv.Itoa(rows[i].line)+":row", "want %d cells in a row, got %d", n, len(cells))
		}
		rep, err := vetoRow(name, cells, cols)
		if err != nil {
			return nil, err
		}
		out = append(out, rep)
	}
	// Keys number repeats in chronological order, from the bottom of the
	// page, so that rows the library adds at the top leave them unchanged.
	keys := keyer{}
	for i := len(out) - 1; i >= 0; i-- {
		out[i].Key = keys.key(out[i].Key)
	}
	return out, nil
}

func vetoRow(name string, cells []*cell, cols vetoColumns) (unsc.Report, error) {
	field := func(c *cell, col string) string { return name + ":" + strconv.Itoa(c.line) + ":" + col }
	dc, fc, rc, ac, mc := cells[cols.date], cells[cols.draft], cells[cols.record], cells[cols.agenda], cells[cols.member]
	rep := unsc.Report{
		Source:  unsc.SourceDHLVetoes,
		Ref:     name + ":" + strconv.Itoa(dc.line),
		Outcome: unsc.Vetoed,
	}
	date, ranged, ok := parseDate(dc.flat(), 0)
	if !ok {
		return rep, unsc.Errorf(unsc.EINVALID, field(dc, "date"), "want a date such as \"26 May 2022\", got %q", dc.flat())
	}
	rep.Date = date
	if t := dc.flat(); ranged || (t != date.Format("2 January 2006") && t != date.Format("02 January 2006")) {
		// "14-15 December 2001", "30 January 86": Date is the first day.
		addNote(&rep.Note, "the list gives the date as "+strconv.Quote(t))
	}

	// The draft cell: "S/2022/431", "S/20945/Rev.1", "S/PV.57" (an early
	// proposal with no symbol of its own), "S/552, S/PV.202",
	// "S/471 and S/471/Add.1", "S/11400 (as amended)",
	// "S/3995 (incorporating the amendment)S/3998".
	draftText := fc.flat()
	if m := amendHeadRE.FindStringSubmatch(draftText); m != nil {
		rep.Amendment = true
		if d, ok := normDraft(m[1]); ok {
			rep.Draft = d
		}
		if d, ok := normDraft(m[2]); ok {
			rep.AmendmentTo = d
		}
	} else {
		syms := symbolRE.FindAllString(draftText, -1)
		if len(syms) == 0 {
			return rep, unsc.Errorf(unsc.EINVALID, field(fc, "draft"), "want a draft symbol such as S/2022/431 or S/1732, got %q", draftText)
		}
		if d, ok := normDraft(syms[0]); ok {
			rep.Draft = d
		} else if m, ok := normMeeting(syms[0]); ok {
			addNote(&rep.Note, unsc.NoDraftSymbol+"; the list cites "+m)
		}
		if rest := strings.TrimSpace(strings.Replace(draftText, syms[0], "", 1)); rest != "" {
			addNote(&rep.Note, "draft: "+draftText)
		}
	}

	// The written record is the meeting, or for the 2020 votes by letter
	// the letters that record the vote.
	recs := symbolRE.FindAllString(rc.flat(), -1)
	var letters []string
	for _, s := range recs {
		if m, ok := normMeeting(s); ok {
			if rep.Meeting == "" {
				rep.Meeting = m
			}
		} else if d, ok := normDraft(s); ok {
			letters = append(letters, d)
		}
	}
	if rep.Meeting == "" && len(letters) == 0 {
		return rep, unsc.Errorf(unsc.EINVALID, field(rc, "record"), "want a meeting record S/PV.NNNN or the letters recording the vote, got %q", rc.flat())
	}
	if len(letters) > 0 {
		addNote(&rep.Note, "vote recorded in "+strings.Join(letters, ", "))
	}

	rep.Agenda = ac.flat()
	rep.Title = rep.Agenda
	if prelimRE.MatchString(rep.Agenda) || prelimRE.MatchString(draftText) {
		rep.Matter, rep.MatterKnown = unsc.Preliminary, true
	}

	codes, bad := members(mc.String())
	if bad != "" {
		return rep, unsc.Errorf(unsc.EINVALID, field(mc, "member"), "want the permanent members casting the negative vote (USSR, USA, UK, France, China, Russian Federation), got %q", bad)
	}
	if len(codes) == 0 {
		return rep, unsc.Errorf(unsc.EINVALID, field(mc, "member"), "want the permanent members casting the negative vote, got an empty cell")
	}
	rep.VetoedBy = codes

	where := rep.Meeting
	if where == "" {
		where = rep.Date.Format(time.DateOnly)
	}
	doc := rep.Draft
	if doc == "" {
		doc = "draft"
	}
	rep.Key = "dhl:" + where + ":" + doc
	return rep, nil
}
