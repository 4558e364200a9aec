package form

import (
	"cmp"
	"slices"

	"unsc"
)

// State is the wire form of one state that sat on the Council, with every
// seat it held: what `unsc members --json` prints and GET /api/v1/members
// answers. Names are the names it sat under, in the order it bore them;
// Terms its tenures in order, each with the name (or names, joined by
// " / ", where the name changed during the term) it bore.
type State struct {
	Code      unsc.Code `json:"code"`
	Names     []string  `json:"names"`
	Permanent bool      `json:"permanent"`
	Terms     []Member  `json:"terms"`
}

// NewStates groups seat tenures (charter.Tenures) by state: the permanent
// members first, in the Council's order, then the others by code.
func NewStates(tenures []unsc.Member) []State {
	var out []State
	index := map[unsc.Code]int{}
	for _, m := range tenures {
		i, ok := index[m.Code]
		if !ok {
			i = len(out)
			index[m.Code] = i
			out = append(out, State{Code: m.Code, Names: []string{}, Terms: []Member{}})
		}
		s := &out[i]
		if !slices.Contains(s.Names, m.Name) {
			s.Names = append(s.Names, m.Name)
		}
		s.Permanent = s.Permanent || m.Permanent
		start := m.TermStart.Format(DateLayout)
		if k := slices.IndexFunc(s.Terms, func(t Member) bool { return t.TermStart == start }); k >= 0 {
			// The same term under a new name.
			s.Terms[k].Name += " / " + m.Name
			continue
		}
		t := Member{Code: m.Code, Name: m.Name, Government: m.Government, Permanent: m.Permanent, TermStart: start}
		if !m.TermEnd.IsZero() {
			end := m.TermEnd.Format(DateLayout)
			t.TermEnd = &end
		}
		s.Terms = append(s.Terms, t)
	}
	for i := range out {
		slices.SortStableFunc(out[i].Terms, func(a, b Member) int { return cmp.Compare(a.TermStart, b.TermStart) })
	}
	// Tenures gives the permanent members first, in the Council's order.
	slices.SortStableFunc(out, func(a, b State) int {
		switch {
		case a.Permanent && b.Permanent:
			return 0
		case a.Permanent:
			return -1
		case b.Permanent:
			return 1
		}
		return cmp.Compare(a.Code, b.Code)
	})
	return out
}
