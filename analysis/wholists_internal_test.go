package analysis

import (
	"fmt"
	"testing"
)

// TestWhoListsKept checks the words a period's text keeps for its kinds
// (appendWhoListsKinds) against the words written for each period, for
// periods whose kinds differ only in one kind's day, in the kinds, in
// their order or in the day the period is complete to, each asked twice.
func TestWhoListsKept(t *testing.T) {
	kinds := func(days ...string) []KindPeriod {
		ks := make([]KindPeriod, len(days))
		for i, d := range days {
			ks[i] = KindPeriod{Kind: Kinds[i], CompleteTo: d}
		}
		return ks
	}
	periods := []Period{
		{CompleteTo: "2025-12-31", Kinds: kinds("2025-12-31", "2025-12-31", "2025-12-31", "2025-12-31", "", "", "", "")},
		{CompleteTo: "2025-12-31", Kinds: kinds("2025-12-31", "2025-12-31", "2026-01-31", "2025-12-31", "", "", "", "")},
		{CompleteTo: "2024-06-30", Kinds: kinds("2024-06-30", "2024-06-30", "2024-06-30", "2024-06-30", "", "", "", "")},
		{CompleteTo: "2025-12-31", Kinds: kinds("2025-12-31", "2025-12-31", "2025-12-31")},
		{CompleteTo: "2025-12-31", Kinds: []KindPeriod{{Kind: KindVetoed, CompleteTo: "2025-12-31"}, {Kind: KindResolution, CompleteTo: "2025-12-31"}}},
		{CompleteTo: "2025-12-31", Kinds: []KindPeriod{{Kind: KindResolution, CompleteTo: "2025-12-31"}, {Kind: KindVetoed, CompleteTo: "2025-12-31"}}},
	}
	for round := range 2 {
		for i := range periods {
			p := &periods[i]
			want := string(p.appendKindNames(append([]byte(nil), p.whoLists()...), p.CompleteTo, "and"))
			if got := string(p.appendWhoListsKinds(nil)); got != want {
				t.Errorf("round %d, period %d (%s): %q, want %q", round, i, describe(p), got, want)
			}
		}
	}
}

func describe(p *Period) string {
	s := "complete to " + p.CompleteTo + ":"
	for _, k := range p.Kinds {
		s += fmt.Sprintf(" %s %s;", k.Kind, k.CompleteTo)
	}
	return s
}
