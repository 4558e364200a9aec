package analysis

import (
	"slices"
	"testing"
	"time"

	"unsc"
	"unsc/charter"
)

// TestCouncilsEveryDay checks the Councils kept per run of days against
// charter.CouncilOn on every day from before the first meeting to after the
// last composition known: the same seats and required votes, in any order.
func TestCouncilsEveryDay(t *testing.T) {
	var ds []unsc.Decision
	for d := charter.FirstMeeting.AddDate(0, 0, -3); !d.After(charter.LastKnown.AddDate(0, 0, 3)); d = d.AddDate(0, 0, 1) {
		ds = append(ds, unsc.Decision{Date: d})
	}
	x := New(ds)
	cs := x.councilTable()
	seats := func(c unsc.Council) []string {
		var out []string
		for _, m := range c.Members {
			p := ""
			if m.Permanent {
				p = "*"
			}
			out = append(out, string(m.Code)+p)
		}
		// A name changed within a term moves the member in the
		// Council's order, which no question uses.
		slices.Sort(out)
		return out
	}
	for i, d := range ds {
		want, wantErr := charter.CouncilOn(d.Date)
		k := cs.of[i]
		got, gotErr := cs.full()[k], cs.err[k]
		if (gotErr != nil) != (wantErr != nil) || got.Required != want.Required || !slices.Equal(seats(got), seats(want)) {
			t.Fatalf("Council kept for %s = %v %d (err %v), want CouncilOn's %v %d (err %v)",
				d.Date.Format(dateLayout), seats(got), got.Required, gotErr, seats(want), want.Required, wantErr)
		}
		// The codes kept are the whole Council's, in its order.
		var codes []unsc.Code
		for _, m := range got.Members {
			codes = append(codes, m.Code)
		}
		if !slices.Equal(cs.codes[k], codes) {
			t.Fatalf("codes kept for %s = %v, want the Council's %v", d.Date.Format(dateLayout), cs.codes[k], codes)
		}
	}
	if n := len(cs.codes); n > 400 {
		t.Errorf("%d Councils kept for %d days, want one per run of days with the same seats", n, len(ds))
	}
}

// TestDates checks day numbers and the dates answers write against the
// time package, across the calendar's edges.
func TestDates(t *testing.T) {
	for _, d := range []time.Time{
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1600, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(1946, 1, 17, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 0, 0, time.UTC), time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2000, 2, 29, 12, 0, 0, 0, time.FixedZone("x", -11*3600)), time.Date(2024, 3, 25, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 3, 1, 0, 0, 0, 0, time.UTC),
	} {
		y, m, dd := d.Date()
		want := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix() / 86400
		if got := dayNumber(d); got != want {
			t.Errorf("dayNumber(%v) = %d, want %d", d, got, want)
		}
		if got := string(appendDate(nil, d, dayNumber(d))); got != d.Format(dateLayout) {
			t.Errorf("appendDate(%v) = %s, want %s", d, got, d.Format(dateLayout))
		}
	}
	for n := int64(-800000); n < 3000000; n += 7 {
		y, m, d := civilDate(n)
		if back := charter.DayNumber(time.Date(int(y), time.Month(m), int(d), 0, 0, 0, 0, time.UTC)); back != n {
			t.Fatalf("civilDay(civilDate(%d) = %d-%d-%d) = %d", n, y, m, d, back)
		}
	}
}
