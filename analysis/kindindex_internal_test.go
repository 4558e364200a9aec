package analysis

import "testing"

// TestKindIndex checks the tables the period's words read a kind's plural
// and curated day from: each kind's place in Kinds, and the same plural
// and day as the maps give, for every kind; another string is at no place
// and read from the maps.
func TestKindIndex(t *testing.T) {
	for i, kind := range Kinds {
		if got := KindIndex(kind); got != i {
			t.Errorf("KindIndex(%q) = %d, want %d", kind, got, i)
		}
		if got, want := kindPlural(kind), kindPlurals[kind]; got != want || got == "" {
			t.Errorf("kindPlural(%q) = %q, want %q", kind, got, want)
		}
		if got, want := curatedTo(kind), CuratedCompleteTo[kind]; got != want {
			t.Errorf("curatedTo(%q) = %q, want %q", kind, got, want)
		}
	}
	if got := KindIndex("vetoed drafts"); got != -1 {
		t.Errorf("KindIndex of another string = %d, want -1", got)
	}
	if got := kindPlural("vetoed drafts"); got != "" {
		t.Errorf("kindPlural of another string = %q, want none", got)
	}
}
