package analysis_test

import (
	"context"
	"testing"

	"unsc"
	"unsc/analysis"
)

// TestInDoubtLeftOut: a position the record holds in doubt is no position
// taken. Agreement, a member's profile and a search by position leave the
// decision out and say how many they left out.
func TestInDoubtLeftOut(t *testing.T) {
	ctx := context.Background()
	ds := handMade()
	// The UK shown abstaining, its position in doubt.
	doubtful := vote("2024-08-01", "S/2024/700", map[unsc.Code]unsc.Position{"GBR": A})
	doubtful.Notes = []unsc.Note{{Kind: unsc.NoteDoubt, Field: "votes", Members: []unsc.Code{"GBR"}}}
	x := analysis.New(append(ds, doubtful))
	base := analysis.New(ds)

	m, err := x.Agreement(ctx, analysis.AgreementQuery{Members: []string{"GBR", "USA"}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := base.Agreement(ctx, analysis.AgreementQuery{Members: []string{"GBR", "USA"}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.Cells[0][1], b.Cells[0][1]; got.N != want.N || got.Agreed != want.Agreed || got.InDoubt != 1 || want.InDoubt != 0 {
		t.Errorf("Agreement(GBR, USA) = %+v, want %+v with in_doubt 1 (the decision in doubt left out)", got, want)
	}
	if c := m.Cells[1][1]; c.InDoubt != 0 {
		t.Errorf("Agreement(USA, USA) in_doubt = %d, want 0", c.InDoubt)
	}

	p, err := x.Member(ctx, "GBR")
	if err != nil {
		t.Fatal(err)
	}
	q, err := base.Member(ctx, "GBR")
	if err != nil {
		t.Fatal(err)
	}
	want := q.Positions
	want.InDoubt = 1
	if p.Positions != want || p.VotesKnown != q.VotesKnown+1 {
		t.Errorf("Member(GBR).Positions = %+v (votes known %d), want %+v (votes known %d)", p.Positions, p.VotesKnown, want, q.VotesKnown+1)
	}
	for k, s := range p.Sided {
		if s.N != q.Sided[k].N {
			t.Errorf("Member(GBR) sided with %s over %d decisions, want %d: the decision in doubt left out", s.Seat, s.N, q.Sided[k].N)
		}
	}

	// "Every draft the UK abstained on": not the one in doubt.
	a, err := x.Search(ctx, analysis.SearchQuery{Member: "GBR", Position: A, PositionSet: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range a.Decisions {
		if h.Draft == "S/2024/700" {
			t.Errorf("Search(GBR abstained) holds %s, whose UK position is in doubt", h.Draft)
		}
	}
	if a.InDoubt != 1 {
		t.Errorf("Search(GBR abstained).InDoubt = %d, want 1", a.InDoubt)
	}
	// Without a position asked for, nothing is left out, and the hit says
	// the position is in doubt.
	a, err = x.Search(ctx, analysis.SearchQuery{Member: "GBR", From: day("2024-08-01")})
	if err != nil {
		t.Fatal(err)
	}
	if a.InDoubt != 0 || a.Total != 1 || a.Decisions[0].Position != "?" {
		t.Errorf("Search(GBR, from 1 August 2024) = %+v, want the decision, position \"?\", none left out", a)
	}
}
