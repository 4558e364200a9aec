package analysis

import (
	"context"
	"maps"
	"slices"
	"strings"

	"unsc"
)

// The record's sums: counts over each year of the record that a store
// keeps with its image (readmodel.WithSums), computed once at import by
// Sums, so that a process asking one question over whole years reads
// them instead of every decision (NewColumnsForOne). Each is a run of
// int32 under a name:
//
//	years/1              for each year of the record (a run of decisions in
//	                     date order): the year, and its first decision
//	trends/1             for each year: its trendCounts
//	agree/1/RULE         for each year: for each pair of PermanentSeats
//	                     (pairIndex), the decisions compared, twice the
//	                     agreement, and those left out for a position in
//	                     doubt (pairSums over the year)
//	kinds/1              for each year: how many decisions of each of Kinds
//	                     it holds
//	member/1/SEAT        for each year the member or seat sat: the
//	                     MemberYear (memberWidth numbers, memberRow)
//	positions/1/SEAT     the decisions on which the member or seat sat and
//	                     took each position (seatPositions: absent, yes,
//	                     no, abstain, not participating, in doubt): the
//	                     end of each position's run (numListed numbers,
//	                     counted from the first decision listed), then the
//	                     runs, each in the record's order
//	vetoed/1             the decisions whose outcome is a veto, in the
//	                     record's order
//	last/1               how many sources the record's decisions report
//	last/1/SOURCE        the day of the latest decision that reports the
//	                     source (the record's order)
//
// A name's number is the version of what it counts: change it whenever
// what a question counts changes, so that the sums kept with a record
// imported before are passed over (and the decisions read) until the
// next import writes them again. TestSumsVersion fails when what they
// count of a made-up record changes and their names do not.
const (
	sumYears  = "years/1"
	sumTrends = "trends/1"
	sumKinds  = "kinds/1"
	sumAgree  = "agree/1/"
	sumMember = "member/1/"
	sumListed = "positions/1/"
	sumLast   = "last/1"
	sumVetoed = "vetoed/1"
)

// The positions listed for each member in the record's sums, in order.
var listedPositions = [...]uint8{pAbsent, pYes, pNo, pAbstain, pNotParticipating, pDoubt}

const numListed = len(listedPositions)

// Sum is one of the record's sums: a name and its counts.
type Sum struct {
	Name   string
	Values []int32
}

// sumReader is the Columns of a record that holds its sums.
type sumReader interface {
	Sum(name string) ([]int32, bool)
}

// NewColumnsForOne is NewColumns for a process that asks one question:
// where c holds the record's sums (Sums), a question over whole years
// (Trends, Agreement among permanent seats, Member, and the period of
// every answer) reads them and counts
// from the decisions only the years its period cuts, instead of building
// running totals over every decision, which only pay for themselves over
// many questions. Every answer is the one NewColumns gives.
func NewColumnsForOne(c Columns) *Index {
	x := NewColumns(c)
	if r, ok := c.(sumReader); ok {
		x.sums = r
	}
	return x
}

// sum returns the record's sum named name, where the index reads them.
func (x *Index) sum(name string) ([]int32, bool) {
	if x.sums == nil {
		return nil, false
	}
	return x.sums.Sum(name)
}

// sumYears returns the years of the record's sums and the first decision
// of each, with the number of decisions after the last; ok is false where
// the index reads no sums, or they do not fit the record.
func (x *Index) sumYears() (years, starts []int, ok bool) {
	v, ok := x.sum(sumYears)
	if !ok || len(v)%2 != 0 {
		return nil, nil, false
	}
	// Made at their length at once: appended, each grew by doubling, a
	// block of memory of each size, for every kind a period counts.
	years, starts = make([]int, 0, len(v)/2), make([]int, 0, len(v)/2+1)
	for r := 0; r < len(v); r += 2 {
		start := int(v[r+1])
		if start < 0 || start >= x.n || (r == 0) != (start == 0) || (r > 0 && start <= starts[len(starts)-1]) {
			return nil, nil, false
		}
		years, starts = append(years, int(v[r])), append(starts, start)
	}
	if x.n > 0 && len(years) == 0 {
		return nil, nil, false
	}
	return years, append(starts, x.n), true
}

// trendsFromSums fills tt with the whole years of the record's sums,
// where the index reads them.
func (x *Index) trendsFromSums(tt *trendsTable) bool {
	years, starts, ok := x.sumYears()
	if !ok {
		return false
	}
	v, ok := x.sum(sumTrends)
	if !ok || len(v) != len(years)*numTrendCounts {
		return false
	}
	tt.x, tt.years, tt.starts = x, years, starts
	tt.names = make([]string, len(years))
	tt.whole = make([]YearTrend, len(years))
	for r, y := range years {
		tt.names[r] = itoa(y)
		tt.whole[r] = *tt.yearTrend(r, (*trendCounts)(v[r*numTrendCounts:]))
	}
	return true
}

// kindFromSums counts the decisions [lo, hi) of the kind at place k of
// Kinds: the record's sums for the years inside the span, the decisions of
// the years it cuts; ok is false where the index reads no sums.
func (x *Index) kindFromSums(k, lo, hi int) (n int, ok bool) {
	_, starts, ok := x.sumYears()
	if !ok {
		return 0, false
	}
	v, ok := x.sum(sumKinds)
	if !ok || len(v) != (len(starts)-1)*len(Kinds) {
		return 0, false
	}
	for r := range len(starts) - 1 {
		a, b := max(starts[r], lo), min(starts[r+1], hi)
		switch {
		case a >= b:
		case a == starts[r] && b == starts[r+1]:
			n += int(v[r*len(Kinds)+k])
		default:
			for i := a; i < b; i++ {
				if x.isKind(i, k) {
					n++
				}
			}
		}
	}
	return n, true
}

// pairIndex numbers the pairs (i, j), i ≤ j, of PermanentSeats.
func pairIndex(i, j int) int {
	if i > j {
		i, j = j, i
	}
	k := len(PermanentSeats)
	return i*k - i*(i-1)/2 + (j - i)
}

var numPairs = pairIndex(len(PermanentSeats)-1, len(PermanentSeats)-1) + 1

// agreeFromSums returns, for each pair of PermanentSeats (pairIndex), the
// decisions compared, twice the agreement and the decisions left out for a
// position in doubt, over decisions [lo, hi): the record's sums for the
// years inside it, the decisions of the years it cuts. ok is false where
// the index reads no sums or a member is not a permanent seat.
func (x *Index) agreeFromSums(ctx context.Context, members []string, rule string, lo, hi int, counts [][3]int32) (_ [][3]int32, ok bool, err error) {
	for _, m := range members {
		if !slices.Contains(PermanentSeats, m) {
			return nil, false, nil
		}
	}
	_, starts, ok := x.sumYears()
	if !ok {
		return nil, false, nil
	}
	v, ok := x.sum(sumAgree + rule)
	if !ok || len(v) != (len(starts)-1)*numPairs*3 {
		return nil, false, nil
	}
	counts = append(counts[:0], make([][3]int32, numPairs)...)
	for r := range len(starts) - 1 {
		a, b := max(starts[r], lo), min(starts[r+1], hi)
		switch {
		case a >= b:
		case a == starts[r] && b == starts[r+1]:
			for p := range counts {
				for k := range 3 {
					counts[p][k] += v[(r*numPairs+p)*3+k]
				}
			}
		default:
			if err := ctx.Err(); err != nil {
				return nil, false, err
			}
			x.addAgreement(a, b, rule, counts)
		}
	}
	return counts, true, nil
}

// addAgreement adds to counts (by pairIndex) the agreement of each pair of
// PermanentSeats on decisions [a, b), as pairSums counts it.
func (x *Index) addAgreement(a, b int, rule string, counts [][3]int32) {
	addAgreement(x.spanPositions(a, b, PermanentSeats), agreeTable.Get()[rule], counts)
}

// addAgreement adds to counts (by pairIndex) the agreement of each pair of
// PermanentSeats whose positions pos gives (pos[k] those of seat k on the
// same decisions), under the rule whose table is t.
func addAgreement(pos [][]uint8, t *[numPositions][numPositions]int8, counts [][3]int32) {
	for i := range PermanentSeats {
		for j := i; j < len(PermanentSeats); j++ {
			c := &counts[pairIndex(i, j)]
			for k, pa := range pos[i] {
				pb := pos[j][k]
				if v := t[pa][pb]; v >= 0 {
					c[0]++
					c[1] += int32(v)
				} else if doubtful(pa, pb) {
					c[2]++
				}
			}
		}
	}
}

// spanPositions returns the positions of each seat on decisions [a, b)
// (index i-a), as seatPositions gives them: of a seat of several codes,
// the position of the first that has one.
func (x *Index) spanPositions(a, b int, seats []string) [][]uint8 {
	cs := x.councilTable()
	out := make([][]uint8, len(seats))
	var codes []unsc.Code // every seat's codes, in turn
	var seatOf []int      // the seat of each of codes
	for k, s := range seats {
		out[k] = make([]uint8, b-a)
		for _, c := range seatCodes(s) {
			codes, seatOf = append(codes, c), append(seatOf, k)
		}
	}
	pos := make([]uint8, len(codes)) // on the decision read
	vote := func(v unsc.Code, p unsc.Position) {
		for j, c := range codes {
			if c == v {
				pos[j] = posCode(p)
			}
		}
	}
	for i := a; i < b; i++ {
		if !x.votesKnown(i) {
			continue
		}
		sat := cs.codes[cs.of[i]]
		for j, c := range codes {
			pos[j] = pNone
			if slices.Contains(sat, c) {
				pos[j] = pAbsent
			}
		}
		x.eachVote(i, vote)
		for _, d := range x.inDoubt(i) {
			for j, c := range codes {
				if c == d {
					pos[j] = pDoubt
				}
			}
		}
		for j, p := range pos {
			if k := seatOf[j]; p != pNone && out[k][i-a] == pNone {
				out[k][i-a] = p
			}
		}
	}
	return out
}

// The numbers of a MemberYear in the record's sums.
const (
	mYear = iota
	mDecisions
	mVotesKnown
	mYes
	mNo
	mAbstain
	mNotParticipating
	mAbsent
	mInDoubt
	mVetoes
	mSided // N then Agreed for each of PermanentSeats
)

var memberWidth = mSided + 2*len(PermanentSeats)

// memberFromSums returns the profile of a member or seat from the
// record's sums, where the index reads them and they hold it.
func (x *Index) memberFromSums(code string) (MemberProfile, bool) {
	v, ok := x.sum(sumMember + code)
	if !ok || len(v)%memberWidth != 0 {
		return MemberProfile{}, false
	}
	p := x.memberHead(code)
	// The years and their sides made at once, not one block of memory
	// for each year's sides and the years grown by doubling (80 years
	// for a permanent member).
	n := len(v) / memberWidth
	if n > 0 {
		p.Years = make([]MemberYear, 0, n)
	}
	sided := make([]Sided, n*len(PermanentSeats))
	for r := 0; r < len(v); r += memberWidth {
		row := v[r : r+memberWidth]
		ys := sided[:len(PermanentSeats):len(PermanentSeats)]
		sided = sided[len(PermanentSeats):]
		y := MemberYear{Year: int(row[mYear]), Decisions: int(row[mDecisions]), VotesKnown: int(row[mVotesKnown]),
			Positions: PositionCounts{Yes: int(row[mYes]), No: int(row[mNo]), Abstain: int(row[mAbstain]),
				NotParticipating: int(row[mNotParticipating]), Absent: int(row[mAbsent]), InDoubt: int(row[mInDoubt])},
			Vetoes: int(row[mVetoes]), Sided: ys}
		p.Decisions += y.Decisions
		p.VotesKnown += y.VotesKnown
		p.Positions.Yes += y.Positions.Yes
		p.Positions.No += y.Positions.No
		p.Positions.Abstain += y.Positions.Abstain
		p.Positions.NotParticipating += y.Positions.NotParticipating
		p.Positions.Absent += y.Positions.Absent
		p.Positions.InDoubt += y.Positions.InDoubt
		p.Vetoes += y.Vetoes
		for k, s := range PermanentSeats {
			n, agreed := int(row[mSided+2*k]), int(row[mSided+2*k+1])
			y.Sided[k] = Sided{Seat: s, N: n, Agreed: agreed}
			p.Sided[k].N += n
			p.Sided[k].Agreed += agreed
		}
		share(y.Sided)
		p.Years = append(p.Years, y)
	}
	share(p.Sided)
	return p, true
}

// memberRow appends year y of a profile as the record's sums hold it.
func memberRow(v []int32, y *MemberYear) []int32 {
	v = append(v, int32(y.Year), int32(y.Decisions), int32(y.VotesKnown), int32(y.Positions.Yes), int32(y.Positions.No),
		int32(y.Positions.Abstain), int32(y.Positions.NotParticipating), int32(y.Positions.Absent),
		int32(y.Positions.InDoubt), int32(y.Vetoes))
	for _, s := range y.Sided {
		v = append(v, int32(s.N), int32(s.Agreed))
	}
	return v
}

// Sums computes the record's sums over c, reading every decision, for a
// store to keep with the record (see NewColumnsForOne). It stops with
// ctx's error when ctx is done.
func Sums(ctx context.Context, c Columns) ([]Sum, error) {
	x := NewColumns(c)
	tt := x.trendsTable()
	years := Sum{Name: sumYears}
	trends := Sum{Name: sumTrends}
	for r, y := range tt.years {
		a, b := tt.starts[r], tt.starts[r+1]
		years.Values = append(years.Values, int32(y), int32(a))
		for k := range numTrendCounts {
			trends.Values = append(trends.Values, tt.sums[b][k]-tt.sums[a][k])
		}
	}
	kinds := Sum{Name: sumKinds, Values: make([]int32, len(tt.years)*len(Kinds))}
	for r := range tt.years {
		for i := tt.starts[r]; i < tt.starts[r+1]; i++ {
			for k := range Kinds {
				if x.isKind(i, k) {
					kinds.Values[r*len(Kinds)+k]++
				}
			}
		}
	}
	sums := []Sum{years, trends, kinds}
	seats := make([][]uint8, len(PermanentSeats))
	for k, s := range PermanentSeats {
		seats[k] = x.seatPositions(seatCodes(s))
	}
	for _, rule := range []string{AbstainExact, AbstainNeutral, AbstainHalf} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		agree := Sum{Name: sumAgree + rule, Values: make([]int32, len(tt.years)*numPairs*3)}
		pos := make([][]uint8, len(seats))
		counts := make([][3]int32, numPairs)
		for r := range tt.years {
			for k := range seats {
				pos[k] = seats[k][tt.starts[r]:tt.starts[r+1]]
			}
			clear(counts)
			addAgreement(pos, agreeTable.Get()[rule], counts)
			for p, c := range counts {
				copy(agree.Values[(r*numPairs+p)*3:], c[:])
			}
		}
		sums = append(sums, agree)
	}
	// Every member that sat or voted, and each permanent seat.
	var members []string
	for c := range x.positionTable().codes {
		members = append(members, string(c))
	}
	for _, s := range PermanentSeats {
		if !slices.Contains(members, s) {
			members = append(members, s)
		}
	}
	slices.Sort(members)
	for _, m := range members {
		p, err := x.member(ctx, m)
		if err != nil {
			return nil, err
		}
		s := Sum{Name: sumMember + m, Values: make([]int32, 0, len(p.Years)*memberWidth)}
		for i := range p.Years {
			s.Values = memberRow(s.Values, &p.Years[i])
		}
		sums = append(sums, s, x.listedSum(m))
	}
	vetoed := Sum{Name: sumVetoed, Values: []int32{}}
	for _, v := range x.recordVetoList() {
		vetoed.Values = append(vetoed.Values, int32(v.i))
	}
	return append(append(sums, vetoed), x.lastSums()...), nil
}

// vetoedFromSums returns the decisions whose outcome is a veto, from the
// record's sums, where the index reads them.
func (x *Index) vetoedFromSums() ([]int32, bool) {
	v, ok := x.sum(sumVetoed)
	if !ok {
		return nil, false
	}
	for k, i := range v {
		if i < 0 || int(i) >= x.n || k > 0 && i <= v[k-1] {
			return nil, false
		}
	}
	return v, true
}

// listedSum returns the sum positions/1/SEAT of a member or seat.
func (x *Index) listedSum(seat string) Sum {
	codes := seatCodes(seat)
	pos, rows := x.seatPositions(codes), x.seatedRows(codes)
	var runs [numListed][]int32
	for i, p := range pos {
		if k := slices.Index(listedPositions[:], p); k >= 0 && rows.at(i) {
			runs[k] = append(runs[k], int32(i))
		}
	}
	s := Sum{Name: sumListed + seat, Values: make([]int32, numListed)}
	for k, r := range runs {
		s.Values = append(s.Values, r...)
		s.Values[k] = int32(len(s.Values) - numListed)
	}
	return s
}

// listedFromSums returns the decisions, in the record's order, on which a
// member or seat sat and took position p (one of listedPositions), from
// the record's sums; ok is false where the index reads no sums or they do
// not hold the member.
func (x *Index) listedFromSums(codes []unsc.Code, p uint8) (listed []int32, ok bool) {
	k := slices.Index(listedPositions[:], p)
	if k < 0 || len(codes) == 0 {
		return nil, false
	}
	v, ok := x.sum(sumListed + strings.Join(codesStrings(codes), "+"))
	if !ok || len(v) < numListed {
		return nil, false
	}
	lo, hi := int32(0), v[k]
	if k > 0 {
		lo = v[k-1]
	}
	if lo < 0 || lo > hi || int(hi) > len(v)-numListed {
		return nil, false
	}
	return v[numListed+int(lo) : numListed+int(hi)], true
}

// lastSums returns the sums last/1 and last/1/SOURCE: for each source the
// record's decisions report, the day of the latest that does.
func (x *Index) lastSums() []Sum {
	last := map[unsc.Source]int64{}
	for i := x.n - 1; i >= 0; i-- {
		x.eachSource(i, func(s unsc.Source) {
			if _, found := last[s]; !found {
				last[s] = x.day(i)
			}
		})
	}
	sums := []Sum{{Name: sumLast, Values: []int32{int32(len(last))}}}
	for _, s := range slices.Sorted(maps.Keys(last)) {
		sums = append(sums, Sum{Name: sumLast + "/" + string(s), Values: []int32{int32(last[s])}})
	}
	return sums
}

// lastFromSums returns the day of the latest decision that reports source
// s, and whether one does, from the record's sums; held is false where
// the index reads no sums.
func (x *Index) lastFromSums(s unsc.Source) (day int64, found, held bool) {
	if v, ok := x.sum(sumLast); !ok || len(v) != 1 {
		return 0, false, false
	}
	v, ok := x.sum(sumLast + "/" + string(s))
	if !ok {
		return 0, false, true
	}
	if len(v) != 1 {
		return 0, false, false
	}
	return int64(v[0]), true, true
}
