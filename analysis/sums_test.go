package analysis_test

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/analysis"
	"unsc/readmodel"
)

// TestSumsAnswerAsScan asks an index that reads the record's sums
// (NewColumnsForOne, as one question on the command line does) and one
// that reads every decision (NewColumns) the questions the sums serve, over
// the real record and over it repeated 30 times (as bench/scale repeats
// it), for whole years, open periods and random periods (750 and 25), every
// member that voted (and 16 at 30 times), and wants the same answers.
func TestSumsAnswerAsScan(t *testing.T) {
	ds, _ := realRecord(t)
	for _, k := range []int{1, 30} {
		record := ds
		if k > 1 {
			record = repeated(ds, k)
		}
		img, b := encodeImage(t, record)
		sums, err := analysis.Sums(bg, readmodel.View{Image: img})
		if err != nil {
			t.Fatal(err)
		}
		held := make([]readmodel.Sum, len(sums))
		for i, s := range sums {
			held[i] = readmodel.Sum(s)
		}
		if b, err = readmodel.WithSums(b, held); err != nil {
			t.Fatal(err)
		}
		if img, err = readmodel.Open(b); err != nil {
			t.Fatal(err)
		}
		if err := img.Verify(); err != nil {
			t.Fatal(err)
		}
		if _, ok := img.Sum("trends/1"); !ok {
			t.Fatal("the image holds no trends/1 sum")
		}
		scan := analysis.NewColumns(readmodel.View{Image: img})
		periods := [][2]time.Time{{}, {day("2000-01-01"), {}}, {{}, day("1999-12-31")}, {day("1990-01-01"), day("2009-12-31")},
			{day("1946-01-17"), day("1946-01-17")}, {day("2030-01-01"), {}}, {{}, day("1940-01-01")}}
		rng := rand.New(rand.NewPCG(9, uint64(k)))
		for range 150 / k * 5 {
			a := day("1945-06-01").AddDate(0, 0, rng.IntN(30000))
			b := a.AddDate(0, 0, rng.IntN(12000))
			periods = append(periods, [2]time.Time{a, b})
		}
		members := [][]string{nil, {"USA", "GBR"}, {"SUN+RUS", "CHN", "USA", "CHN"}, {"FRA", "BRA"}}
		for _, p := range periods {
			// A new index for each period, as each process asks one
			// question.
			one := analysis.NewColumnsForOne(readmodel.View{Image: img})
			want, err := scan.Trends(bg, p[0], p[1])
			if err != nil {
				t.Fatal(err)
			}
			got, err := one.Trends(bg, p[0], p[1])
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("%dx: Trends %v (-scan +sums):\n%s", k, p, diff)
			}
			wantD, _ := scan.TrendsByDecade(bg, p[0], p[1])
			gotD, _ := one.TrendsByDecade(bg, p[0], p[1])
			if diff := cmp.Diff(wantD, gotD); diff != "" {
				t.Fatalf("%dx: TrendsByDecade %v (-scan +sums):\n%s", k, p, diff)
			}
			for _, rule := range []string{analysis.AbstainExact, analysis.AbstainNeutral, analysis.AbstainHalf} {
				for _, ms := range members {
					q := analysis.AgreementQuery{From: p[0], To: p[1], Rule: rule, Members: ms}
					want, err := scan.Agreement(bg, q)
					if err != nil {
						t.Fatal(err)
					}
					got, err := one.Agreement(bg, q)
					if err != nil {
						t.Fatal(err)
					}
					if diff := cmp.Diff(want, got); diff != "" {
						t.Fatalf("%dx: Agreement %+v (-scan +sums):\n%s", k, q, diff)
					}
				}
			}
		}
		// A member's decisions by position (the record's lists), and the
		// period of each answer (the sources' last days), over each
		// period, with the other fields of a search and its pages.
		searchers := []string{"GBR", "USA", "SUN+RUS", "sun + rus", "RUS+SUN", "FRA", "BRA", "YUG", "XXX"}
		positions := []unsc.Position{unsc.Abstain, unsc.No, unsc.Yes, unsc.NotParticipating, unsc.Absent}
		if k > 1 {
			searchers, positions = []string{"GBR", "SUN+RUS", "XXX"}, positions[:3]
		}
		for n, p := range periods {
			one := analysis.NewColumnsForOne(readmodel.View{Image: img})
			for _, kinds := range [][]string{nil, analysis.VetoKinds, {analysis.KindProcedural}} {
				if diff := cmp.Diff(scan.PeriodOf(p[0], p[1], kinds...), one.PeriodOf(p[0], p[1], kinds...)); diff != "" {
					t.Fatalf("%dx: PeriodOf %v %v (-scan +sums):\n%s", k, p, kinds, diff)
				}
			}
			vq := analysis.VetoQuery{From: p[0], To: p[1], GroupBy: []string{"member", "year", "", "member,decade"}[n%4],
				Rule: []string{analysis.RuleMemberVotes, analysis.RuleDrafts}[n%2], Scope: []string{analysis.ScopeRecord, analysis.ScopeUNList}[n/2%2],
				Member: []string{"", "USA", "SUN+RUS"}[n%3], CountOnly: n%5 != 0}
			wantV, err := scan.Vetoes(bg, vq)
			if err != nil {
				t.Fatal(err)
			}
			gotV, err := one.Vetoes(bg, vq)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wantV, gotV); diff != "" {
				t.Fatalf("%dx: Vetoes %+v (-scan +sums):\n%s", k, vq, diff)
			}
			for _, m := range searchers {
				for _, pos := range positions {
					q := analysis.SearchQuery{From: p[0], To: p[1], Member: m, Position: pos, PositionSet: true,
						Offset: rng.IntN(3) * rng.IntN(40), Limit: 1 + rng.IntN(analysis.MaxLimit)}
					switch n % 4 {
					case 1:
						q.Outcome = unsc.Vetoed
					case 2:
						q.Matter, q.MatterSet = unsc.Procedural, true
					case 3:
						if k == 1 {
							q.Limit, q.Uncapped = 0, true
						}
					}
					want, err := scan.Search(bg, q)
					if err != nil {
						t.Fatal(err)
					}
					got, err := analysis.NewColumnsForOne(readmodel.View{Image: img}).Search(bg, q)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(want, got) {
						t.Fatalf("%dx: Search %+v (-scan +sums):\n%s", k, q, cmp.Diff(want, got))
					}
				}
			}
		}
		seats := append([]string{"SUN+RUS", "XXX", "YUG+SCG", "sun+rus"}, codes(ds)...)
		if k > 1 {
			seats = seats[:20]
		}
		for _, m := range seats {
			want, err := scan.Member(bg, m)
			if err != nil {
				t.Fatal(err)
			}
			got, err := analysis.NewColumnsForOne(readmodel.View{Image: img}).Member(bg, m)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("%dx: Member %s (-scan +sums):\n%s", k, m, diff)
			}
		}
	}
}

// repeated returns the record k times over, each copy's decisions with
// ids of their own, in date order as the store keeps them.
func repeated(ds []unsc.Decision, k int) []unsc.Decision {
	out := make([]unsc.Decision, 0, k*len(ds))
	for _, d := range ds {
		for c := range k {
			d.ID += int64(c) * 10_000_000
			out = append(out, d)
		}
	}
	return out
}

// codes returns every member code that voted in the record.
func codes(ds []unsc.Decision) []string {
	seen := map[unsc.Code]bool{}
	var out []string
	for _, d := range ds {
		for c := range d.Votes.All() {
			if !seen[c] {
				seen[c] = true
				out = append(out, string(c))
			}
		}
	}
	return out
}
