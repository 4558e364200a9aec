package web

import (
	"unsc"
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
	return Veto{Date: d.Date.Format(dateLayout), Draft: d.Draft, Meeting: d.Meeting, Agenda: agenda,
		VetoedBy: d.VetoedBy, Amendment: d.Amendment, AmendmentTo: d.AmendmentTo, Symbol: record.Symbol(d)}
}
