package analysis

import (
	"slices"
	"sort"
	"sync"
	"time"

	"unsc"
	"unsc/charter"
)

// councils holds the Council each decision was taken in. charter.CouncilOn
// copies the members on every call, so the Council is asked for once per
// run of days with the same seats, not once per decision.
type councils struct {
	// list holds one Council per run of days that has decisions (the zero
	// Council, with err set, for days outside the compositions known).
	list []unsc.Council
	err  []error
	// of[i] indexes list for decision i.
	of []int32
}

// seatChanges are the day numbers on which the seats may change: every
// first and day-after-last day of a tenure, the first day of the
// 15-member Council, and the bounds of the compositions known. Between two
// of them every day has the same members (codes, permanence) and the same
// required votes; only a member's name may change within a term (and with
// it the member's place in the Council's order), and no question uses the
// Council's names or order.
var seatChanges = sync.OnceValue(func() []int64 {
	days := []int64{
		dayNumber(charter.FirstMeeting),
		dayNumber(charter.LastKnown) + 1,
		dayNumber(time.Date(1966, time.January, 1, 0, 0, 0, 0, time.UTC)),
	}
	for _, t := range charter.Tenures() {
		days = append(days, dayNumber(t.TermStart))
		if !t.TermEnd.IsZero() {
			days = append(days, dayNumber(t.TermEnd)+1)
		}
	}
	slices.Sort(days)
	return slices.Compact(days)
})

// councilTable returns the Council of every decision, built once.
func (x *Index) councilTable() *councils {
	x.councilsOnce.Do(func() {
		cs := &x.councils
		cs.of = make([]int32, x.n)
		changes := seatChanges()
		run := map[int]int32{} // run of days → index in list
		last, k := -1, int32(0)
		for i := range x.n {
			r := sort.Search(len(changes), func(k int) bool { return changes[k] > x.days[i] })
			if r == last {
				cs.of[i] = k
				continue
			}
			last = r
			var ok bool
			k, ok = run[r]
			if !ok {
				c, err := charter.CouncilOn(x.date(i))
				k = int32(len(cs.list))
				cs.list = append(cs.list, c)
				cs.err = append(cs.err, err)
				run[r] = k
			}
			cs.of[i] = k
		}
	})
	return &x.councils
}

// councilSize returns the number of members of the Council that took
// decision i, 0 where no composition is known.
func (x *Index) councilSize(i int) int {
	cs := x.councilTable()
	return len(cs.list[cs.of[i]].Members)
}
