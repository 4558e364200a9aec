package record

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"unsc"
)

// Dates and meetings in order.
//
// Resolutions are numbered in the order of their adoption, and meetings
// in the order they are held: a resolution's date lies between the dates
// of the resolutions numbered before and after it, and a meeting's between
// those of the meetings numbered around it; the decisions of one meeting
// fall on one day (or the next, for a meeting that runs past midnight). A
// decision whose date or meeting breaks that order is misdated or
// misnumbered in the source the record took it from. Where another source
// gives a date or a meeting that keeps the order, the record takes it, and
// says so (S/RES/2723 (2024): the Digital Library's S/PV.9527 met on 10
// January; the spreadsheet's S/PV.9539 fits 30 January). Where none does,
// Check reports the decision.

// orderIndex holds the record's resolutions and meetings in number order.
type orderIndex struct {
	ds   []unsc.Decision
	res  []point // by resolution number
	meet []point // by meeting number
}

type point struct {
	n    int
	date time.Time
	i    int
}

func newOrderIndex(ds []unsc.Decision) *orderIndex {
	x := &orderIndex{ds: ds}
	for i, d := range ds {
		if d.Date.IsZero() {
			continue
		}
		if n, ok := unsc.ResolutionNumber(d.Resolution); ok {
			x.res = append(x.res, point{n, d.Date, i})
		}
		if d.Meeting != "" {
			x.meet = append(x.meet, point{meetingNumber(d.Meeting), d.Date, i})
		}
	}
	by := func(a, b point) int {
		if c := cmp.Compare(a.n, b.n); c != 0 {
			return c
		}
		return a.date.Compare(b.date)
	}
	slices.SortFunc(x.res, by)
	slices.SortFunc(x.meet, by)
	return x
}

// between reports whether date lies between the dates of the nearest
// points numbered below and above n (other than decision i), where those
// agree with each other. slack allows a meeting past midnight.
func between(ps []point, n, i int, date time.Time, slack time.Duration) bool {
	k := sort.Search(len(ps), func(j int) bool { return ps[j].n >= n })
	var lo, hi *point
	for j := k - 1; j >= 0; j-- {
		if ps[j].i != i && ps[j].n < n {
			lo = &ps[j]
			break
		}
	}
	for j := k; j < len(ps); j++ {
		if ps[j].i != i && ps[j].n > n {
			hi = &ps[j]
			break
		}
	}
	if lo != nil && hi != nil && lo.date.After(hi.date) {
		return true // the neighbours disagree: nothing to judge by
	}
	if lo != nil && date.Add(slack).Before(lo.date) {
		return false
	}
	if hi != nil && date.Add(-slack).After(hi.date) {
		return false
	}
	return true
}

// sameMeeting reports whether date is within a day of the other decisions
// of meeting m, if it has any.
func sameMeeting(ps []point, m, i int, date time.Time) bool {
	k := sort.Search(len(ps), func(j int) bool { return ps[j].n >= m })
	near, far := 0, 0
	for j := k; j < len(ps) && ps[j].n == m; j++ {
		if ps[j].i == i {
			continue
		}
		if absDays(ps[j].date, date) <= 1 {
			near++
		} else {
			far++
		}
	}
	return far == 0 || near > 0
}

func (x *orderIndex) fits(i int, date time.Time, meeting string) bool {
	d := x.ds[i]
	if n, ok := unsc.ResolutionNumber(d.Resolution); ok && !between(x.res, n, i, date, 0) {
		return false
	}
	if meeting != "" {
		m := meetingNumber(meeting)
		if !sameMeeting(x.meet, m, i, date) || !between(x.meet, m, i, date, 24*time.Hour) {
			return false
		}
	}
	return true
}

// inOrder puts decisions back in order where another source gives a date
// or a meeting that fits the order the decision breaks.
func inOrder(ds []unsc.Decision) {
	x := newOrderIndex(ds)
	for i := range ds {
		d := &ds[i]
		if d.Date.IsZero() || x.fits(i, d.Date, d.Meeting) || hasFact(d, "date") || hasFact(d, "meeting") {
			continue
		}
		for _, r := range byDateRank(d.Reports) {
			if secondHand(r.Source) {
				continue
			}
			dates := []time.Time{r.Date}
			// The spreadsheet swaps day and month of many dates before
			// 2021: either may be the date.
			if y, m, dd := r.Date.Date(); r.Source == unsc.SourceSpreadsheet && dd <= 12 && y <= 2020 && int(m) != dd {
				dates = append(dates, time.Date(y, time.Month(dd), int(m), 0, 0, 0, 0, time.UTC))
			}
			done := false
			for _, date := range dates {
				if !date.IsZero() && !date.Equal(d.Date) && x.fits(i, date, d.Meeting) {
					replaceNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "date", Source: cite(r),
						Text: fmt.Sprintf("%s %s, out of the order of the resolutions and meetings numbered around it; %s gives %s, which keeps it.",
							orderWhat(*d, d.Meeting), d.Date.Format("2 January 2006"), sourceName(r), date.Format("2 January 2006"))})
					d.Date, done = date, true
					break
				}
			}
			if !done && r.Meeting != "" && r.Meeting != d.Meeting && x.fits(i, d.Date, r.Meeting) {
				replaceNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "meeting", Source: cite(r),
					Text: fmt.Sprintf("The record had the meeting as %s, which does not fit %s among the meetings numbered around it; %s gives %s, which does.",
						d.Meeting, d.Date.Format("2 January 2006"), sourceName(r), r.Meeting)})
				d.Meeting, done = r.Meeting, true
			}
			if done {
				break
			}
		}
	}
}

func orderWhat(d unsc.Decision, meeting string) string {
	if d.Resolution != "" {
		return "The record dated " + d.Resolution
	}
	return "The record dated the vote at " + meeting
}

// hasFact reports whether a sourced fact sets the field: a fact is the
// last word.
func hasFact(d *unsc.Decision, field string) bool {
	for _, n := range d.Notes {
		if n.Field == field && strings.HasPrefix(n.Text, "Fact:") {
			return true
		}
	}
	return false
}
