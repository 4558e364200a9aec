package analysis_test

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/analysis"
	"unsc/charter"
)

// TestRealReplay checks WhatIf's replay, which keeps one Council per run
// of days, against record.DeriveUnder, which asks the engine for the
// Council of each date, on every decision of the record and every named
// rule set.
func TestRealReplay(t *testing.T) {
	ds, _ := realRecord(t)
	x := analysis.New(ds)
	for _, name := range []string{charter.Charter.Name, analysis.RulesNoVeto, analysis.RulesTwoVetoes, analysis.RulesNoVetoAtrocity,
		analysis.RulesElevenMember, "grant:IND", "deny:USA", "deny:SUN"} {
		r, err := analysis.RulesNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		got, want := x.Replay(r), analysis.ReplayReference(x, r)
		for i := range ds {
			if got[i] != want[i] {
				t.Errorf("replay(%s) of %s %s = %v, want record.DeriveUnder's %v", name, ds[i].Date.Format(time.DateOnly), ds[i].Draft, got[i], want[i])
			}
		}
	}
}

// TestRealPositions checks the positions kept for every member against
// the Council of each date (charter.CouncilOn) and the votes the record
// holds, positions in doubt marked "?".
func TestRealPositions(t *testing.T) {
	ds, _ := realRecord(t)
	x := analysis.New(ds)
	want := map[unsc.Code][]string{}
	wantSat := map[unsc.Code][]bool{}
	row := func(c unsc.Code) {
		if want[c] == nil {
			want[c], wantSat[c] = make([]string, len(ds)), make([]bool, len(ds))
		}
	}
	for i, d := range ds {
		c, _ := charter.CouncilOn(d.Date)
		known := d.Votes.Known() && d.Modality == unsc.ByVote
		for _, m := range c.Members {
			row(m.Code)
			wantSat[m.Code][i] = true
			if known {
				want[m.Code][i] = d.Votes.Of(m.Code).Letter()
			}
		}
		if known {
			for code, p := range d.Votes.All() {
				row(code)
				want[code][i] = p.Letter()
			}
			// A position in doubt is no position taken.
			for _, code := range d.InDoubt() {
				row(code)
				want[code][i] = "?"
			}
		}
	}
	for code := range want {
		got, sat := x.PositionLetters(code)
		if diff := cmp.Diff(want[code], got); diff != "" {
			t.Errorf("positions of %s (-want +got):\n%s", code, diff)
		}
		if diff := cmp.Diff(wantSat[code], sat); diff != "" {
			t.Errorf("seats of %s (-want +got):\n%s", code, diff)
		}
	}
}

// TestRealClassify checks the one-scan classification against regions.csv
// tried row by row, on every decision of the record.
func TestRealClassify(t *testing.T) {
	ds, _ := realRecord(t)
	for _, d := range ds {
		r, tp := analysis.Classify(d)
		wr, wtp := analysis.ClassifyReference(d)
		if r != wr || tp != wtp {
			t.Errorf("Classify(%s %q) = %s, %s; want %s, %s", d.Draft, d.Agenda, r, tp, wr, wtp)
		}
	}
}

// TestRealAtrocities checks the flags kept per decision against
// atrocity.csv read row by row, on every decision of the record.
func TestRealAtrocities(t *testing.T) {
	ds, _ := realRecord(t)
	got := analysis.New(ds).Atrocities()
	n := 0
	for i, d := range ds {
		if want := analysis.AtrocityReference(d); got[i] != want {
			t.Errorf("atrocity flag of %s %q = %t, want %t", d.Draft, d.Agenda, got[i], want)
		}
		if got[i] {
			n++
		}
	}
	if n == 0 {
		t.Error("no decision flagged, want those atrocity.csv names")
	}
}

// TestConcurrentFirstUse asks every question at once of a new index, so
// that each part is built while others wait for it (run with -race), and
// checks the answers against those of a warmed index.
func TestConcurrentFirstUse(t *testing.T) {
	ds, _ := realRecord(t)
	noVeto, _ := analysis.RulesNamed(analysis.RulesNoVeto)
	questions := []func(x *analysis.Index) any{
		func(x *analysis.Index) any { return must(x.Vetoes(bg, analysis.VetoQuery{GroupBy: "region"})) },
		func(x *analysis.Index) any {
			return must(x.Vetoes(bg, analysis.VetoQuery{Scope: analysis.ScopeUNList, Member: "SUN+RUS"}))
		},
		func(x *analysis.Index) any { return must(x.CountVetoes(bg, "USA", time.Time{}, time.Time{})) },
		func(x *analysis.Index) any {
			return must(x.Search(bg, analysis.SearchQuery{Text: "palestin", Limit: 100}))
		},
		func(x *analysis.Index) any {
			return must(x.Search(bg, analysis.SearchQuery{Member: "FRA", Position: unsc.No, PositionSet: true}))
		},
		func(x *analysis.Index) any { return must(x.Member(bg, "SUN+RUS")) },
		func(x *analysis.Index) any { return must(x.Agreement(bg, analysis.AgreementQuery{})) },
		func(x *analysis.Index) any { return must(x.Trends(bg, time.Time{}, time.Time{})) },
		func(x *analysis.Index) any { return must(x.WhatIf(bg, analysis.WhatIfQuery{Rules: noVeto})) },
		func(x *analysis.Index) any { return must(x.VetoInitiative(bg, analysis.DefaultCalendar())) },
		func(x *analysis.Index) any { return x.ListEnd() },
	}
	warm := analysis.New(ds)
	warm.Warm()
	var want []any
	for _, q := range questions {
		want = append(want, q(warm))
	}
	x := analysis.New(ds)
	got := make([][]any, 3)
	var wg sync.WaitGroup
	for r := range got {
		got[r] = make([]any, len(questions))
		for k, q := range slices.Backward(questions) {
			wg.Go(func() { got[r][k] = q(x) })
		}
	}
	wg.Go(x.Warm)
	wg.Wait()
	for r := range got {
		if diff := cmp.Diff(want, got[r]); diff != "" {
			t.Errorf("answers asked at once of a new index (-warmed +new):\n%s", diff)
		}
	}
}
