package analysis

import (
	"slices"
	"sync"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/internal/lazy"
)

// councils holds the Council each decision was taken in. charter.CouncilOn
// copies the members on every call, so the Council is asked for once per
// run of days with the same seats, not once per decision.
type councils struct {
	// codes holds the members' codes of one Council per run of days that
	// has decisions (none, with err set, for days outside the compositions
	// known), and day the day it was asked for.
	codes [][]unsc.Code
	err   []error
	day   []time.Time
	// of[i] indexes codes for decision i.
	of []int32
	// list holds each Council whole, made on first use (what-if): most
	// questions need the codes only, a sixth of the memory.
	listOnce sync.Once
	list     []unsc.Council
}

// full returns each Council whole (the zero Council where err is set).
func (cs *councils) full() []unsc.Council {
	cs.listOnce.Do(func() {
		cs.list = make([]unsc.Council, len(cs.day))
		for k, d := range cs.day {
			if cs.err[k] == nil {
				cs.list[k], _ = charter.CouncilOn(d)
			}
		}
	})
	return cs.list
}

// seatChanges are the day numbers on which the seats may change: every
// first and day-after-last day of a tenure, the first day of the
// 15-member Council, and the bounds of the compositions known. Between two
// of them every day has the same members (codes, permanence) and the same
// required votes; only a member's name may change within a term (and with
// it the member's place in the Council's order), and no question uses the
// Council's names or order.
var seatChanges = lazy.Value[[]int64]{Make: func() []int64 {
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
}}

// councilTable returns the Council of every decision, built once.
func (x *Index) councilTable() *councils {
	x.councilsOnce.Do(func() {
		cs := &x.councils
		cs.of = make([]int32, x.n)
		changes := seatChanges.Get()
		run := map[int]int32{} // run of days → index in list
		last, k := -1, int32(0)
		days := x.allDays()
		r := 0 // the first change after the decision's day
		for i := range x.n {
			// Decisions come in date order: the change after each day is
			// found by going on from the last one's.
			if i > 0 && days[i] < days[i-1] {
				r = 0
			}
			for r < len(changes) && changes[r] <= days[i] {
				r++
			}
			if r == last {
				cs.of[i] = k
				continue
			}
			last = r
			var ok bool
			k, ok = run[r]
			if !ok {
				d := x.date(i)
				codes, err := charter.SeatsOn(d)
				k = int32(len(cs.codes))
				cs.codes = append(cs.codes, codes)
				cs.err = append(cs.err, err)
				cs.day = append(cs.day, d)
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
	return len(cs.codes[cs.of[i]])
}
