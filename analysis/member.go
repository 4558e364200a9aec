package analysis

import (
	"context"
	"slices"
	"time"

	"unsc"
	"unsc/charter"
)

// MemberProfile is one member's record on the Council.
type MemberProfile struct {
	// Member is the code or seat asked about; Names the names it sat under.
	Member string   `json:"member"`
	Names  []string `json:"names"`
	Terms  []Term   `json:"terms"`
	// Period is the period the answer covers, as the record holds it.
	Period Period `json:"period"`
	// Decisions counts the decisions taken while it sat; VotesKnown those
	// whose per-member votes are known, which alone count for Positions
	// and Sided.
	Decisions  int            `json:"decisions"`
	VotesKnown int            `json:"votes_known"`
	Positions  PositionCounts `json:"positions"`
	// Vetoes counts the vetoes it cast (scope record).
	Vetoes int `json:"vetoes"`
	// Sided gives, for each permanent seat, the share of decisions on
	// which it took the same position (rule AbstainExact).
	Sided []Sided      `json:"sided_with"`
	Years []MemberYear `json:"years"`
	Note  string       `json:"note"`
}

// Term is one tenure of a seat.
type Term struct {
	Code      unsc.Code `json:"code"`
	Name      string    `json:"name"`
	Permanent bool      `json:"permanent"`
	Start     string    `json:"start"`
	// End is empty for a permanent seat still held.
	End string `json:"end,omitempty"`
}

// PositionCounts counts positions taken.
type PositionCounts struct {
	Yes              int `json:"yes"`
	No               int `json:"no"`
	Abstain          int `json:"abstain"`
	NotParticipating int `json:"not_participating"`
	Absent           int `json:"absent"`
	// InDoubt counts the decisions on which the record holds the
	// member's position in doubt (unsc.Decision.InDoubt): none of the
	// positions above, and left out of sided_with.
	InDoubt int `json:"in_doubt"`
}

func (c *PositionCounts) add(p uint8) {
	switch p {
	case pYes:
		c.Yes++
	case pNo:
		c.No++
	case pAbstain:
		c.Abstain++
	case pNotParticipating:
		c.NotParticipating++
	case pAbsent:
		c.Absent++
	case pDoubt:
		c.InDoubt++
	}
}

// Sided is how often a member took the same position as a permanent seat.
type Sided struct {
	Seat   string   `json:"seat"`
	N      int      `json:"n"`
	Agreed int      `json:"agreed"`
	Share  *float64 `json:"share"`
}

// MemberYear is one year of a member's record.
type MemberYear struct {
	Year       int            `json:"year"`
	Decisions  int            `json:"decisions"`
	VotesKnown int            `json:"votes_known"`
	Positions  PositionCounts `json:"positions"`
	Vetoes     int            `json:"vetoes"`
	Sided      []Sided        `json:"sided_with"`
}

const memberNote = "Positions and sided_with count only decisions whose per-member votes are known (votes_known), and leave out those on which the record holds the member's position in doubt (positions.in_doubt counts them); sided_with compares yes, no and abstain (rule exact) where both sat and voted; vetoes are the record's. A seat such as SUN+RUS joins the codes that held it."

// Member profiles a member (a code such as "GBR", or a seat such as
// "SUN+RUS"). A code that never sat gets an empty profile. Profiles are
// computed once and kept; the slices of the answer are shared and must not
// be changed. It stops with ctx's error when ctx is done.
func (x *Index) Member(ctx context.Context, code string) (MemberProfile, error) {
	if err := ctx.Err(); err != nil {
		return MemberProfile{}, err
	}
	x.memberMu.Lock()
	p, ok := x.members[code]
	x.memberMu.Unlock()
	if ok {
		return p, nil
	}
	p, err := x.member(ctx, code)
	if err != nil {
		return MemberProfile{}, err
	}
	x.memberMu.Lock()
	if len(x.members) >= 512 {
		clear(x.members)
	}
	x.members[code] = p
	x.memberMu.Unlock()
	return p, nil
}

func (x *Index) member(ctx context.Context, code string) (MemberProfile, error) {
	if p, ok := x.memberFromSums(code); ok {
		return p, nil
	}
	codes := seatCodes(code)
	p := x.memberHead(code)
	// The member's positions and where it sat, and each permanent seat's
	// positions, in one pass.
	sets := [][]unsc.Code{codes}
	for _, s := range PermanentSeats {
		sets = append(sets, seatCodes(s))
	}
	pos, sat := x.seatColumns(sets...)
	mine, seats, rows := pos[0], pos[1:], sat[0]
	var year *MemberYear
	days := x.allDays()
	for i := range x.n {
		if err := stopped(ctx, i); err != nil {
			return MemberProfile{}, err
		}
		if !rows.at(i) {
			continue
		}
		if y, _, _ := civilDate(days[i]); year == nil || year.Year != y {
			p.Years = append(p.Years, MemberYear{Year: y, Sided: make([]Sided, len(PermanentSeats))})
			year = &p.Years[len(p.Years)-1]
			for k, s := range PermanentSeats {
				year.Sided[k].Seat = s
			}
		}
		p.Decisions++
		year.Decisions++
		if x.outcome(i) == unsc.Vetoed {
			for _, c := range x.vetoedBy(i) {
				if slices.Contains(codes, c) {
					p.Vetoes++
					year.Vetoes++
				}
			}
		}
		if !x.votesKnown(i) {
			continue
		}
		p.VotesKnown++
		year.VotesKnown++
		p.Positions.add(mine[i])
		year.Positions.add(mine[i])
		if !voted(mine[i]) {
			continue
		}
		for k := range seats {
			if o := seats[k][i]; voted(o) {
				p.Sided[k].N++
				year.Sided[k].N++
				if o == mine[i] {
					p.Sided[k].Agreed++
					year.Sided[k].Agreed++
				}
			}
		}
	}
	share(p.Sided)
	for i := range p.Years {
		share(p.Years[i].Sided)
	}
	return p, nil
}

// memberHead returns the profile of a member or seat before its
// decisions are counted: its names and terms, the period, and a count of
// nothing sided with each permanent seat.
func (x *Index) memberHead(code string) MemberProfile {
	codes := seatCodes(code)
	p := MemberProfile{Member: code, Names: []string{}, Terms: []Term{}, Years: []MemberYear{}, Note: memberNote, Period: x.Period(time.Time{}, time.Time{})}
	for _, t := range charter.TenuresOf(codes...) {
		if !slices.Contains(p.Names, t.Name) {
			p.Names = append(p.Names, t.Name)
		}
		p.Terms = append(p.Terms, Term{Code: t.Code, Name: t.Name, Permanent: t.Permanent,
			Start: formatDate(t.TermStart), End: formatDate(t.TermEnd)})
	}
	p.Sided = make([]Sided, len(PermanentSeats))
	for i, s := range PermanentSeats {
		p.Sided[i].Seat = s
	}
	return p
}

func share(ss []Sided) {
	for i := range ss {
		if ss[i].N > 0 {
			s := float64(ss[i].Agreed) / float64(ss[i].N)
			ss[i].Share = &s
		}
	}
}
