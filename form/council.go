package form

import "unsc"

// DateLayout is how every date is written on the wire.
const DateLayout = "2006-01-02"

// Council is the wire form of the Council on a date: what `unsc council
// --json` prints and GET /api/v1/council answers.
type Council struct {
	Date     string   `json:"date"`
	Required int      `json:"required"`
	Members  []Member `json:"members"`
}

// Member is the wire form of one member of the Council on a date. TermEnd is
// null for a permanent member still holding its seat.
type Member struct {
	Code       unsc.Code `json:"code"`
	Name       string    `json:"name"`
	Government string    `json:"government,omitempty"`
	Permanent  bool      `json:"permanent"`
	TermStart  string    `json:"term_start"`
	TermEnd    *string   `json:"term_end"`
}

// NewCouncil returns the wire form of c.
func NewCouncil(c unsc.Council) Council {
	out := Council{Date: c.Date.Format(DateLayout), Required: c.Required, Members: make([]Member, len(c.Members))}
	for i, m := range c.Members {
		mj := Member{Code: m.Code, Name: m.Name, Government: m.Government, Permanent: m.Permanent, TermStart: m.TermStart.Format(DateLayout)}
		if !m.TermEnd.IsZero() {
			end := m.TermEnd.Format(DateLayout)
			mj.TermEnd = &end
		}
		out.Members[i] = mj
	}
	return out
}
