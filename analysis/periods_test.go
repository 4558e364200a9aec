package analysis_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
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

// TestWhatIfPeriods checks WhatIf, which keeps the record replayed under
// each set of rules, against the period replayed anew, for every named set
// of rules over every period of periods.
func TestWhatIfPeriods(t *testing.T) {
	_, x := realRecord(t)
	for _, name := range []string{analysis.RulesTwoVetoes, analysis.RulesNoVeto, analysis.RulesNoVetoAtrocity, analysis.RulesElevenMember, "charter", "grant:IND", "deny:USA"} {
		rules, err := analysis.RulesNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		whole := must(x.WhatIf(bg, analysis.WhatIfQuery{Rules: rules}))
		for k, p := range periods() {
			if k%3 != 0 && name != analysis.RulesTwoVetoes {
				continue // a third of them: each asks the engine anew
			}
			q := analysis.WhatIfQuery{From: p[0], To: p[1], Rules: rules}
			got := must(x.WhatIf(bg, q))
			want := must(analysis.WhatIfReference(bg, x, q))
			// FirstFlip places the answer's flips among the whole record's.
			if f, n := got.FirstFlip, len(got.Flips); f < 0 || f+n > len(whole.Flips) || !cmp.Equal(whole.Flips[f:f+n], got.Flips) {
				t.Fatalf("WhatIf(%s, %s, %s): FirstFlip %d does not place its %d flips among the whole record's %d", name, p[0].Format(time.DateOnly), p[1].Format(time.DateOnly), f, n, len(whole.Flips))
			}
			want.FirstFlip = got.FirstFlip
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("WhatIf(%s, %s, %s) (-replayed anew +got):\n%s", name, p[0].Format(time.DateOnly), p[1].Format(time.DateOnly), diff)
			}
		}
	}
}

// TestPeriodTextPeriods checks the period's text, written directly,
// against the text as fmt wrote it, over every period of periods and with
// the parts a period may lack.
func TestPeriodTextPeriods(t *testing.T) {
	_, x := realRecord(t)
	for _, p := range periods() {
		pp := x.Period(p[0], p[1])
		for _, v := range []analysis.Period{pp, {From: pp.From, To: pp.To}, {From: "2000-01-01", To: "1999-01-01", CompleteTo: "1998-12-31"},
			{From: "2000-01-01", To: "2000-01-02", CompleteTo: "2000-01-02", Later: 1, LaterLast: "2001-03-04"}} {
			if got, want := analysis.PeriodText(v), analysis.PeriodTextReference(v); got != want {
				t.Fatalf("period %+v: text %q, want %q", v, got, want)
			}
		}
		if pp.Text != analysis.PeriodTextReference(pp) {
			t.Fatalf("Period(%s, %s).Text = %q, want %q", p[0].Format(time.DateOnly), p[1].Format(time.DateOnly), pp.Text, analysis.PeriodTextReference(pp))
		}
	}
}

// TestSearchPeriods checks Search, which keeps the matches of the texts
// asked for, against the search made anew, and SearchPlaces against
// Search (but for the period's text), for searches by text (by relevance
// and by date), by member and position, by outcome, and pages past the
// first, over every period of periods.
func TestSearchPeriods(t *testing.T) {
	_, x := realRecord(t)
	queries := []analysis.SearchQuery{
		{Text: "situation", Limit: 20},
		{Text: "situation", Sort: analysis.SortDate, Limit: 20, Offset: 5},
		// Pages that reach past a block of ranked matches, and past
		// the matches.
		{Text: "situation", Limit: 100, Offset: 150},
		{Text: "council", Limit: 3, Offset: 1},
		{Text: "situation", Sort: analysis.SortDate, Limit: 1000, Offset: 2000},
		{Text: `"Middle East" Palestinian`, Limit: 50},
		{Text: "veto", Member: "USA", Limit: 10},
		{Text: "nothingmatchesthis"},
		{Member: "GBR", Position: unsc.Abstain, PositionSet: true, Limit: 20},
		{Outcome: unsc.Vetoed, Limit: 1000},
		{Text: "Syria", Member: "SUN+RUS", Position: unsc.No, PositionSet: true},
	}
	for k, p := range periods() {
		if k%2 != 0 {
			continue // half of them: each is searched anew
		}
		for _, q := range queries {
			q.From, q.To = p[0], p[1]
			got := must(x.Search(bg, q))
			if diff := cmp.Diff(must(analysis.SearchReference(bg, x, q)), got); diff != "" {
				t.Fatalf("Search(%+v) (-searched anew +got):\n%s", q, diff)
			}
			a, places, err := x.SearchPlaces(bg, q)
			if err != nil {
				t.Fatal(err)
			}
			var want []int
			for _, h := range got.Decisions {
				want = append(want, h.Index)
			}
			// SearchPlaces leaves the period's text out (the API sends
			// the period in headers, without it).
			got.Decisions, got.Period.Text = []analysis.SearchHit{}, ""
			if diff := cmp.Diff(got, a); diff != "" || !slices.Equal(want, places) {
				t.Fatalf("SearchPlaces(%+v) = %v, want %v, answer (-Search +SearchPlaces):\n%s", q, places, want, diff)
			}
		}
	}
}

// TestDayString checks the dates answers write, taken from a table for
// 1945 to 2059, against time.Format, on every day of the table and days
// beyond it either side.
func TestDayString(t *testing.T) {
	for d := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2101; d = d.AddDate(0, 0, 1) {
		want := d.Format(time.DateOnly)
		if got := analysis.DayString(d.Unix() / 86400); got != want {
			t.Fatalf("dayString(%s) = %q", want, got)
		}
		if got := analysis.FormatDate(d); got != want {
			t.Fatalf("formatDate(%s) = %q", want, got)
		}
	}
	// A date in another zone and with a time of day is its own calendar day.
	d := time.Date(2024, 3, 22, 23, 30, 0, 0, time.FixedZone("x", -5*3600))
	if got, want := analysis.FormatDate(d), d.Format(time.DateOnly); got != want {
		t.Errorf("formatDate(%v) = %q, want %q", d, got, want)
	}
}
