package analysis_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/analysis"
)

func TestPositions(t *testing.T) {
	ds := handMade()
	// A member left out of a decision's votes was absent; a decision known
	// only by its count has no rows.
	gone := vote("2024-07-01", "S/2024/600", map[unsc.Code]unsc.Position{"GBR": A})
	gone.Votes = gone.Votes.Without("FRA")
	derive(&gone)
	gone.Notes = []unsc.Note{{Kind: unsc.NoteDoubt, Field: "votes", Members: []unsc.Code{"GBR"}}}
	counted := unsc.Decision{Date: day("2024-07-02"), Draft: "S/2024/601", Tally: unsc.Tally{Yes: 15, Known: true}, Derived: unsc.Adopted}
	ds = append(ds, gone, counted)
	x := analysis.New(ds)
	collect := func(q analysis.SearchQuery) ([]analysis.PositionRow, analysis.PositionsSummary) {
		var rows []analysis.PositionRow
		sum, err := x.Positions(context.Background(), q, func(r *analysis.PositionRow) error {
			rows = append(rows, *r)
			return nil
		})
		if err != nil {
			t.Fatalf("Positions(%+v): %v", q, err)
		}
		return rows, sum
	}
	rows, sum := collect(analysis.SearchQuery{})
	if want := (analysis.PositionsSummary{Decisions: 7, WithoutVotes: 1, Rows: 6 * 15, InDoubt: 1}); sum != want || len(rows) != sum.Rows {
		t.Errorf("Positions() summary %+v with %d rows, want %+v", sum, len(rows), want)
	}
	positions := map[string]string{}
	for _, r := range rows {
		if r.Draft == "S/2024/600" {
			positions[string(r.Member)] = r.Position
		}
		if r.InDoubt != (r.Draft == "S/2024/600" && r.Member == "GBR") {
			t.Errorf("row %s %s: in doubt %v, want only the UK's on S/2024/600", r.Symbol, r.Member, r.InDoubt)
		}
		if r.Member == "USA" && (!r.Permanent || r.Name != "United States") {
			t.Errorf("row %+v: want the United States, permanent", r)
		}
	}
	if positions["FRA"] != "absent" || positions["GBR"] != "abstain" || positions["USA"] != "yes" || len(positions) != 15 {
		t.Errorf("positions on S/2024/600 = %v, want FRA absent, GBR abstain, USA yes, 15 rows", positions)
	}
	// With a seat: only its rows; with a position: only the decisions
	// where it took it.
	rows, _ = collect(analysis.SearchQuery{Member: "SUN+RUS", Position: N, PositionSet: true})
	want := []analysis.PositionRow{{Date: "2024-03-22", Symbol: "S/2024/239", Draft: "S/2024/239", Member: "RUS", Name: "Russian Federation",
		Permanent: true, Position: "no", Outcome: "vetoed", Source: unsc.SourceSpreadsheet}}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("Positions(SUN+RUS no) (-want +got):\n%s", diff)
	}
	// Work stops when the context is done.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Positions(ctx, analysis.SearchQuery{}, func(*analysis.PositionRow) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Positions with a cancelled context = %v, want context.Canceled", err)
	}
}
