package record_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/internal/realrecord"
	"unsc/record"
)

// realReports returns every report of the shared data.
func realReports(t testing.TB) []unsc.Report { return realrecord.Reports(t) }

func TestCheckRealRecord(t *testing.T) {
	ds := record.Reconcile(realReports(t))
	s := record.Check(ds)
	t.Log(s.Line())
	for _, f := range s.Findings {
		if f.Status == record.Unexplained {
			t.Errorf("unexplained: %s %s [%s] %s", f.Decision.Date.Format("2006-01-02"), record.Symbol(f.Decision), f.Kind, f.Detail)
		}
		if f.Status == record.Corrected && f.Basis == "" {
			t.Errorf("corrected without a basis: %s %s [%s] %s", f.Decision.Date.Format("2006-01-02"), record.Symbol(f.Decision), f.Kind, f.Detail)
		}
	}
	if s.Decisions < 3100 || s.Agree+s.Corrected+s.Unexplained != s.Decisions {
		t.Errorf("Check = %s, want over 3,100 decisions that add up", s.Line())
	}
	// Every fact shipped must still apply to a decision: a stale one would
	// wait to mislead a future one.
	used := map[string]bool{}
	for _, d := range ds {
		used[d.Resolution], used[d.Draft] = true, true
		if d.Resolution == "" && d.Draft == "" {
			used[d.Meeting] = true // a motion without a symbol, by its meeting
		}
		for _, r := range d.Reports {
			used[r.Resolution], used[r.Draft] = true, true
		}
	}
	// A vote keyed by its meeting and a word of its title ("S/PV.190
	// [Italy]") is used where a decision shows the fact's note.
	shown := func(f *record.Fact) bool {
		for _, d := range ds {
			for _, n := range d.Notes {
				if len(f.Fields) > 0 && f.Fields[0].Note != "" && strings.Contains(n.Text, f.Fields[0].Note) {
					return true
				}
			}
		}
		return false
	}
	for sym, f := range record.BuiltinFacts() {
		if !used[sym] && !(strings.Contains(sym, " [") && shown(f)) {
			t.Errorf("facts.csv: %s (%d fields) names no decision", sym, len(f.Fields))
		}
	}
}

// Facts the sources do not state: the USSR absent from res 82 (1950), not
// "not participating" as the UN Digital Library's blank reads; res 87
// (1950) procedural, so China's and the US's "no" were no veto.
func TestRealFacts(t *testing.T) {
	for _, d := range record.Reconcile(realReports(t)) {
		switch d.Resolution {
		case "S/RES/82 (1950)":
			if p, listed := d.Votes.Get("SUN"); listed || d.Derived != unsc.Adopted {
				t.Errorf("res 82 (1950): USSR %v (listed %v), derived %v; want absent, adopted", p, listed, d.Derived)
			}
		case "S/RES/87 (1950)":
			if d.Matter != unsc.Procedural || !d.MatterKnown || d.Derived != unsc.Adopted || len(d.VetoedBy) != 0 {
				t.Errorf("res 87 (1950): matter %v (known %v), derived %v, vetoed by %v; want procedural, adopted, no veto", d.Matter, d.MatterKnown, d.Derived, d.VetoedBy)
			}
		}
	}
}

// The record's vetoes, member by member, against the Dag Hammarskjöld
// Library's veto list (to 26 May 2022) as its pages give it.
func TestRealVetoesMatchTheLibrary(t *testing.T) {
	ds := record.Reconcile(realReports(t))
	listed := map[unsc.Code]int{}
	all := map[unsc.Code]int{}
	last := time.Date(2022, 5, 26, 0, 0, 0, 0, time.UTC)
	for _, d := range ds {
		if d.Recorded != unsc.Vetoed {
			continue
		}
		for _, c := range d.VetoedBy {
			all[c]++
			if slices.Contains(d.Sources, unsc.SourceDHLVetoes) && !d.Date.After(last) {
				listed[c]++
			}
		}
	}
	want := map[unsc.Code]int{"SUN": 90, "USA": 82, "RUS": 30, "GBR": 29, "CHN": 17, "FRA": 17}
	if diff := cmp.Diff(want, listed); diff != "" {
		t.Errorf("vetoes on the Library's list, by member (-want +got):\n%s", diff)
	}
	// Beyond the list: S/1996/952 (USA, private meeting) and the vetoes
	// after 26 May 2022 that the spreadsheet records.
	if all["USA"] <= listed["USA"] {
		t.Errorf("US vetoes in the record = %d, want more than the list's %d (S/1996/952 and after 2022)", all["USA"], listed["USA"])
	}
}

// TestDumpSymbol prints every report of the decisions named in $SYMBOL: a
// tool for reading the record while writing explanations.
func TestDumpSymbol(t *testing.T) {
	sym := os.Getenv("SYMBOL")
	if sym == "" {
		t.Skip("set SYMBOL to dump a decision's reports")
	}
	for _, d := range record.Reconcile(realReports(t)) {
		if record.Symbol(d) != sym && d.Draft != sym && d.Meeting != sym {
			continue
		}
		t.Logf("DECISION %s %s res=%q draft=%q amend=%v/%q recorded=%v derived=%v tally=%+v vetoedBy=%v title=%q", d.Date.Format("2006-01-02"), d.Meeting, d.Resolution, d.Draft, d.Amendment, d.AmendmentTo, d.Recorded, d.Derived, d.Tally, d.VetoedBy, d.Title)
		for _, r := range d.Reports {
			t.Logf("   %s %s %s res=%q draft=%q amend=%v/%q outcome=%v tally=%+v vetoedBy=%v votes=%v note=%q title=%q", r.Source, r.Ref, r.Date.Format("2006-01-02"), r.Resolution, r.Draft, r.Amendment, r.AmendmentTo, r.Outcome, r.Tally, r.VetoedBy, r.Votes, r.Note, r.Title)
		}
	}
}
