package analysis_test

import (
	"context"
	"testing"

	"unsc"
	"unsc/analysis"
)

// An ICJ election is a secret ballot: a search hit gives it the outcome
// "election", never "unknown", adopted or rejected, and no count.
func TestSearchGivesICJElectionsTheirOutcome(t *testing.T) {
	ds, x := realRecord(t)
	elections := 0
	for i := range ds {
		if ds[i].Matter == unsc.ICJElection {
			elections++
		}
	}
	if elections == 0 {
		t.Fatal("the real record holds no ICJ election; the Library's tables list dozens")
	}
	s, err := x.Search(context.Background(), analysis.SearchQuery{Matter: unsc.ICJElection, MatterSet: true, Limit: elections + 1})
	if err != nil {
		t.Fatal(err)
	}
	if s.Total != elections || len(s.Decisions) != elections {
		t.Fatalf("search of the ICJ elections: %d of %d hits, want the record's %d", len(s.Decisions), s.Total, elections)
	}
	for _, h := range s.Decisions {
		if h.Outcome != analysis.OutcomeElection || h.CountKnown || h.VotesKnown {
			t.Errorf("%s (%s): outcome %q, count known %v, votes known %v; want %q with no count and no votes", h.Symbol, h.Date, h.Outcome, h.CountKnown, h.VotesKnown, analysis.OutcomeElection)
		}
	}
	// No other decision is given the outcome "election".
	all, err := x.Search(context.Background(), analysis.SearchQuery{Limit: len(ds)})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range all.Decisions {
		if h.Outcome == analysis.OutcomeElection && h.Matter != unsc.ICJElection.String() {
			t.Errorf("%s (%s), matter %s: outcome %q, which only an ICJ election has", h.Symbol, h.Date, h.Matter, h.Outcome)
		}
	}
}
