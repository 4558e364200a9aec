package form

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/analysis"
	"unsc/record"
)

// Veto is the wire form of one veto: the rows of `unsc vetoes --json` and
// GET /api/v1/vetoes. Agenda is the decision's agenda item, or its title
// where the record has no agenda item.
type Veto struct {
	Date        string      `json:"date"`
	Draft       string      `json:"draft,omitempty"`
	Meeting     string      `json:"meeting,omitempty"`
	Agenda      string      `json:"agenda,omitempty"`
	VetoedBy    []unsc.Code `json:"vetoed_by"`
	Amendment   bool        `json:"amendment"`
	AmendmentTo string      `json:"amendment_to,omitempty"`
	Symbol      string      `json:"symbol"`
}

// NewVeto returns the wire form of d, a decision defeated by a veto.
func NewVeto(d unsc.Decision) Veto {
	agenda := d.Agenda
	if agenda == "" {
		agenda = d.Title
	}
	return Veto{Date: d.Date.Format(DateLayout), Draft: d.Draft, Meeting: d.Meeting, Agenda: agenda,
		VetoedBy: d.VetoedBy, Amendment: d.Amendment, AmendmentTo: d.AmendmentTo, Symbol: record.Symbol(d)}
}

// VetoList is the answer of GET /api/v1/vetoes and `unsc vetoes --json`:
// every decision the record shows defeated by a veto in a period, by a
// member when one is given, with the period the sources cover.
type VetoList struct {
	// Member is the member or seat asked about (SUN+RUS), empty for all.
	Member string `json:"member,omitempty"`
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	// Period is the period the list covers, as the record holds it.
	Period analysis.Period `json:"period"`
	// Count is the number of vetoes listed: each vetoed draft or
	// amendment once, however many members vetoed it (rule drafts; for
	// one member, its vetoes).
	Count int    `json:"count"`
	Rule  string `json:"rule"`
	// Vetoes lists them in date order.
	Vetoes []Veto `json:"vetoes"`
}

// NewVetoList lists the vetoes of ds (the record x indexes) cast from..to
// (zero times leave it open) by seat (a code, a seat of codes joined by
// "+", or "" for every member).
func NewVetoList(x *analysis.Index, ds []unsc.Decision, seat string, from, to time.Time) VetoList {
	l := VetoList{Member: seat, Period: x.PeriodOf(from, to, analysis.VetoKinds...), Rule: analysis.RuleDrafts, Vetoes: []Veto{}}
	if !from.IsZero() {
		l.From = from.Format(DateLayout)
	}
	if !to.IsZero() {
		l.To = to.Format(DateLayout)
	}
	codes := SeatCodes(seat)
	for i := range ds {
		d := &ds[i]
		if len(d.VetoedBy) == 0 || !from.IsZero() && d.Date.Before(from) || !to.IsZero() && d.Date.After(to) {
			continue
		}
		if !VetoedByAny(d, codes) {
			continue
		}
		l.Vetoes = append(l.Vetoes, NewVeto(*d))
	}
	l.Count = len(l.Vetoes)
	return l
}

// VetoedByAny reports whether one of codes cast a veto on d; any member
// when codes is nil.
func VetoedByAny(d *unsc.Decision, codes []unsc.Code) bool {
	return codes == nil || slices.ContainsFunc(d.VetoedBy, func(c unsc.Code) bool { return slices.Contains(codes, c) })
}

// SeatCodes splits a seat given as codes joined by "+" ("" for every
// member) into its codes.
func SeatCodes(seat string) []unsc.Code {
	var codes []unsc.Code
	for c := range strings.SplitSeq(seat, "+") {
		if c != "" {
			codes = append(codes, unsc.Code(c))
		}
	}
	return codes
}

// InitiativeColumns are the columns of the veto initiative as a table or
// CSV (`unsc initiative`, the /initiative page's CSV): assembly is
// "debate" or "emergency special session", met the day the Assembly met.
var InitiativeColumns = []string{"date", "symbol", "vetoed_by", "deadline", "assembly", "met", "meeting_record", "in_time", "agenda"}

// InitiativeRow returns v's row under InitiativeColumns; the Assembly's
// meeting's columns are empty where it is not known.
func InitiativeRow(v analysis.InitiativeVeto) []string {
	codes := make([]string, len(v.VetoedBy))
	for i, c := range v.VetoedBy {
		codes[i] = string(c)
	}
	assembly, met, rec, inTime := "", "", "", ""
	if d := v.Debate; d != nil {
		assembly, met, rec = d.KindText(), d.Date, d.MeetingRecord
	}
	if v.InTime != nil {
		inTime = strconv.FormatBool(*v.InTime)
	}
	return []string{v.Date, v.Symbol, strings.Join(codes, ", "), v.Deadline, assembly, met, rec, inTime, v.Agenda}
}
