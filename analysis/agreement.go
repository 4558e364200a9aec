package analysis

import (
	"context"
	"slices"
	"time"

	"unsc"
	"unsc/internal/lazy"
)

// Rules for abstentions in Agreement.
const (
	// AbstainExact counts two abstentions as agreement and an abstention
	// against a yes or a no as disagreement.
	AbstainExact = "exact"
	// AbstainNeutral leaves out every decision on which either member
	// abstained.
	AbstainNeutral = "abstain-neutral"
	// AbstainHalf counts an abstention against a yes or a no as half an
	// agreement, and two abstentions as agreement.
	AbstainHalf = "abstain-half"
)

var abstainNotes = lazy.Value[map[string]string]{Make: func() map[string]string {
	return map[string]string{
		AbstainExact:   "Same position counts as agreement: yes-yes, no-no and abstain-abstain agree; anything else disagrees.",
		AbstainNeutral: "Decisions on which either member abstained are left out; of the rest, yes-yes and no-no agree.",
		AbstainHalf:    "Yes-yes, no-no and abstain-abstain agree; an abstention against a yes or a no counts half; yes against no disagrees.",
	}
}}

// AgreementQuery asks how often members took the same position.
type AgreementQuery struct {
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
	// Members are codes or seats ("SUN+RUS"); empty means PermanentSeats.
	Members []string `json:"members,omitempty"`
	// Rule is AbstainExact (default), AbstainNeutral or AbstainHalf.
	Rule string `json:"rule,omitempty"`
}

// Matrix is the answer to an AgreementQuery: for each pair of members, the
// share of decisions on which they took the same position.
type Matrix struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Period is the period the answer covers, as the record holds it.
	Period   Period   `json:"period"`
	Members  []string `json:"members"`
	Rule     string   `json:"rule"`
	RuleNote string   `json:"rule_note"`
	// Counted says which decisions count.
	Counted string `json:"counted"`
	// Cells[i][j] compares Members[i] and Members[j].
	Cells [][]Cell `json:"cells"`
}

// Cell is the agreement of one pair.
type Cell struct {
	A string `json:"a"`
	B string `json:"b"`
	// N counts the decisions compared; Agreed is the agreement they add up
	// to (halves under AbstainHalf); Share is Agreed/N, and null when N is 0.
	N      int      `json:"n"`
	Agreed float64  `json:"agreed"`
	Share  *float64 `json:"share"`
	// InDoubt counts the decisions left out because the record holds the
	// position of one of the pair in doubt (unsc.Decision.InDoubt).
	InDoubt int `json:"in_doubt"`
}

const agreementCounted = "Decisions whose per-member votes are known, on which both members sat and each voted yes, no or abstained; decisions taken without a vote, those on which either was absent or did not participate, and those on which the record holds the position of either in doubt (in_doubt counts them) are left out. The seat SUN+RUS is the USSR until 24 December 1991 and the Russian Federation after; CHN is the China seat (Republic of China until 25 October 1971)."

// CheckAgreementQuery returns an *unsc.Error (EINVALID) naming the field
// of q that is not valid.
func CheckAgreementQuery(q AgreementQuery) error {
	switch q.Rule {
	case "", AbstainExact, AbstainNeutral, AbstainHalf:
	default:
		return unsc.Errorf(unsc.EINVALID, "rule", "%q: want %s, %s or %s", q.Rule, AbstainExact, AbstainNeutral, AbstainHalf)
	}
	if len(q.Members) == 1 {
		return unsc.Errorf(unsc.EINVALID, "members", "want at least two members")
	}
	return checkPeriod(q.From, q.To)
}

// agreeTable.Get()[rule][p][q] is twice the agreement of positions p and q, or
// -1 where the pair is left out.
var agreeTable = lazy.Value[map[string]*[numPositions][numPositions]int8]{Make: func() map[string]*[numPositions][numPositions]int8 {
	t := map[string]*[numPositions][numPositions]int8{}
	for _, rule := range []string{AbstainExact, AbstainNeutral, AbstainHalf} {
		var m [numPositions][numPositions]int8
		for p := range int(numPositions) {
			for q := range int(numPositions) {
				m[p][q] = -1
				if !voted(uint8(p)) || !voted(uint8(q)) {
					continue
				}
				switch {
				case rule == AbstainNeutral && (p == int(pAbstain) || q == int(pAbstain)):
				case p == q:
					m[p][q] = 2
				case rule == AbstainHalf && (p == int(pAbstain) || q == int(pAbstain)):
					m[p][q] = 1
				default:
					m[p][q] = 0
				}
			}
		}
		t[rule] = &m
	}
	return t
}}

func voted(p uint8) bool { return p == pYes || p == pNo || p == pAbstain }

// doubtful reports whether a pair would be compared but for a position in
// doubt: both sat on a decision whose positions are known, and one's
// position is in doubt while the other's is in doubt or taken.
func doubtful(p, q uint8) bool {
	return (p == pDoubt || q == pDoubt) && (p == pDoubt || voted(p)) && (q == pDoubt || voted(q))
}

// Agreement answers an AgreementQuery. It stops with ctx's error when ctx
// is done.
func (x *Index) Agreement(ctx context.Context, q AgreementQuery) (Matrix, error) {
	m, counts, err := x.AgreementCounts(ctx, q, nil, nil)
	if err != nil {
		return Matrix{}, err
	}
	m.Period.Text = m.Period.text()
	// The rows, their cells and the cells' shares are made at once.
	members := m.Members
	k := len(members)
	m.Cells = make([][]Cell, k)
	cells, shares := make([]Cell, k*k), make([]float64, 0, k*(k+1)/2)
	for i := range members {
		m.Cells[i] = cells[i*k : (i+1)*k : (i+1)*k]
	}
	p := 0
	for i := range members {
		for j := i; j < k; j++ {
			c := AgreementCell(members[i], members[j], counts[p])
			p++
			if c.Share != nil {
				shares = append(shares, *c.Share)
				c.Share = &shares[len(shares)-1]
			}
			m.Cells[i][j] = c
			c.A, c.B = c.B, c.A
			m.Cells[j][i] = c
		}
	}
	return m, nil
}

// AgreementCell returns the cell of members a and b with the counts
// AgreementCounts gives for them: decisions compared, twice the agreement,
// decisions in doubt.
func AgreementCell(a, b string, counts [3]int32) Cell {
	n, twice, doubt := int(counts[0]), int(counts[1]), int(counts[2])
	c := Cell{A: a, B: b, N: n, Agreed: float64(twice) / 2, InDoubt: doubt}
	if n > 0 {
		share := c.Agreed / float64(n)
		c.Share = &share
	}
	return c
}

// AgreementCounts answers q as Agreement does, but for the matrix's cells
// and its period's text, for a caller that writes them itself: the counts
// of each pair of members i <= j, in that order (row by row of the upper
// half, the diagonal included), appended to counts (decisions compared,
// twice the agreement, decisions in doubt: AgreementCell), and the period
// without its Text, its kinds in kinds where it has room (Period.AppendText
// writes the text). It stops with ctx's error when ctx is done.
func (x *Index) AgreementCounts(ctx context.Context, q AgreementQuery, counts [][3]int32, kinds []KindPeriod) (Matrix, [][3]int32, error) {
	if err := ctx.Err(); err != nil {
		return Matrix{}, nil, err
	}
	rule := q.Rule
	if agreeTable.Get()[rule] == nil {
		rule = AbstainExact
	}
	members := q.Members
	if len(members) == 0 {
		members = PermanentSeats
	}
	m := Matrix{Period: x.periodBoundsIn(kinds, q.From, q.To, Kinds), Members: members,
		Rule: rule, RuleNote: abstainNotes.Get()[rule], Counted: agreementCounted}
	m.From, m.To = formatDates(q.From, q.To)
	lo, hi := x.span(q.From, q.To)
	var held [16][3]int32
	summed, fromSums, err := x.agreeFromSums(ctx, members, rule, lo, hi, held[:0])
	if err != nil {
		return Matrix{}, nil, err
	}
	// The permanent seats' pairs, by pairIndex, where every member asked
	// for is one.
	var seats [16]int
	perm := !fromSums && len(members) <= len(seats)
	for i := 0; perm && i < len(members); i++ {
		seats[i] = slices.Index(PermanentSeats, members[i])
		perm = seats[i] >= 0
	}
	var pairs []*pairSums
	if perm {
		if pairs, err = x.permanentPairs(ctx, rule); err != nil {
			return Matrix{}, nil, err
		}
	}
	for i := range members {
		for j := i; j < len(members); j++ {
			if pairs != nil {
				ps := pairs[pairIndex(seats[i], seats[j])]
				counts = append(counts, [3]int32{ps.n[hi] - ps.n[lo], ps.twice[hi] - ps.twice[lo], ps.doubt[hi] - ps.doubt[lo]})
				continue
			}
			if fromSums {
				counts = append(counts, summed[pairIndex(slices.Index(PermanentSeats, members[i]), slices.Index(PermanentSeats, members[j]))])
				continue
			}
			ps, err := x.pairSums(ctx, members[i], members[j], rule)
			if err != nil {
				return Matrix{}, nil, err
			}
			counts = append(counts, [3]int32{ps.n[hi] - ps.n[lo], ps.twice[hi] - ps.twice[lo], ps.doubt[hi] - ps.doubt[lo]})
		}
	}
	return m, counts, nil
}

// agreeRules are the rules of Agreement, in the order of Index.permAgree.
var agreeRules = [...]string{AbstainExact, AbstainNeutral, AbstainHalf}

// permanentPairs returns the running totals of every pair of
// PermanentSeats under rule (by pairIndex; the pair (i, j) as pairSums
// makes it for PermanentSeats[min(i, j)] and PermanentSeats[max(i, j)]),
// made once and kept.
func (x *Index) permanentPairs(ctx context.Context, rule string) ([]*pairSums, error) {
	r := slices.Index(agreeRules[:], rule)
	if p := x.permAgree[r].Load(); p != nil {
		return *p, nil
	}
	pairs := make([]*pairSums, numPairs)
	for i := range PermanentSeats {
		for j := i; j < len(PermanentSeats); j++ {
			ps, err := x.pairSums(ctx, PermanentSeats[i], PermanentSeats[j], rule)
			if err != nil {
				return nil, err
			}
			pairs[pairIndex(i, j)] = ps
		}
	}
	x.permAgree[r].Store(&pairs)
	return pairs, nil
}

// pairSums holds running totals over the record for one pair of members
// under one rule: n[i] decisions compared, twice[i] twice the agreement and
// doubt[i] the decisions left out because a position is in doubt, over
// decisions 0..i-1. Any period's answer is then two subtractions.
type pairSums struct{ n, twice, doubt []int32 }

// pairKey names a pair's running totals: its members and the rule.
type pairKey struct{ a, b, rule string }

// pairSums returns the running totals of a pair, computed once and kept (a
// bounded number of pairs); totals cut short by ctx are not kept.
func (x *Index) pairSums(ctx context.Context, a, b, rule string) (*pairSums, error) {
	key := pairKey{a, b, rule}
	x.agreeMu.Lock()
	ps, ok := x.agree[key]
	x.agreeMu.Unlock()
	if ok {
		return ps, nil
	}
	// Positions are pNone where the member did not sit, so a pair is
	// compared only where both sat.
	pa, pb := x.seatPositions(seatCodes(a)), x.seatPositions(seatCodes(b))
	t := agreeTable.Get()[rule]
	ps = &pairSums{n: make([]int32, len(pa)+1), twice: make([]int32, len(pa)+1), doubt: make([]int32, len(pa)+1)}
	for k := range pa {
		if err := stopped(ctx, k); err != nil {
			return nil, err
		}
		ps.n[k+1], ps.twice[k+1], ps.doubt[k+1] = ps.n[k], ps.twice[k], ps.doubt[k]
		if v := t[pa[k]][pb[k]]; v >= 0 {
			ps.n[k+1]++
			ps.twice[k+1] += int32(v)
		} else if doubtful(pa[k], pb[k]) {
			ps.doubt[k+1]++
		}
	}
	x.agreeMu.Lock()
	if len(x.agree) >= 1024 {
		clear(x.agree)
	}
	x.agree[key] = ps
	x.agreeMu.Unlock()
	return ps, nil
}
