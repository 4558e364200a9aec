package analysis_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc/analysis"
)

// periods returns the periods the questions are checked over: the whole
// record, open at either end, each first and last day of a year and the
// days either side of them, and random periods (a fixed seed), so that
// every way a period can cut a year, or hold none of the record, is asked.
func periods() [][2]time.Time {
	var zero time.Time
	out := [][2]time.Time{{zero, zero}}
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	for y := 1945; y <= 2027; y += 3 {
		out = append(out, [2]time.Time{day(y, 1, 1), zero}, [2]time.Time{zero, day(y, 12, 31)},
			[2]time.Time{day(y, 1, 2), day(y+2, 12, 30)}, [2]time.Time{day(y, 12, 31), day(y+1, 1, 1)},
			[2]time.Time{day(y, 6, 1), day(y, 6, 1)})
	}
	r := rand.New(rand.NewPCG(9, 9))
	first := day(1945, 6, 1)
	for range 200 {
		a := first.AddDate(0, 0, r.IntN(30000))
		b := a.AddDate(0, 0, r.IntN(30000))
		out = append(out, [2]time.Time{a, b})
	}
	return out
}

// TestTrendsPeriods checks Trends, which reads running totals, against the
// same counts made decision by decision, over every period of periods.
func TestTrendsPeriods(t *testing.T) {
	_, x := realRecord(t)
	for _, p := range periods() {
		got := must(x.Trends(bg, p[0], p[1]))
		if diff := cmp.Diff(analysis.TrendsReference(x, p[0], p[1]), got); diff != "" {
			t.Fatalf("Trends(%s, %s) (-decision by decision +got):\n%s", p[0].Format(time.DateOnly), p[1].Format(time.DateOnly), diff)
		}
	}
}

// TestCountVetoesPeriods checks CountVetoes, which adds up each member's
// vetoes weighed once, against the counts made anew for each question,
// for every member, a seat of two and every member at once, over every
// period of periods.
func TestCountVetoesPeriods(t *testing.T) {
	_, x := realRecord(t)
	for _, member := range []string{"", "USA", "SUN+RUS", "RUS", "SUN", "GBR", "FRA", "CHN", "TWN", "CHN+TWN"} {
		for _, p := range periods() {
			got := must(x.CountVetoes(bg, member, p[0], p[1]))
			want := must(analysis.CountVetoesReference(bg, x, member, p[0], p[1]))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("CountVetoes(%q, %s, %s) (-counted anew +got):\n%s", member, p[0].Format(time.DateOnly), p[1].Format(time.DateOnly), diff)
			}
		}
	}
}
