package record_test

import (
	"testing"

	"unsc"
	"unsc/charter"
	"unsc/record"
)

// TestPositionsFromCountInRealRecord: where no source lists the members'
// positions, the record derives them only when the official count accounts
// for every seat with no abstention and each vote against is a veto the
// sources name; every derived set adds up to the count, names the vetoers
// against and says so in a "derived" note. A vote with an abstention, or a
// member against that no source names, gets none.
func TestPositionsFromCountInRealRecord(t *testing.T) {
	decisions := record.Reconcile(realReports(t))
	want := map[string]unsc.Code{"S/19466": "USA", "S/2443": "SUN", "S/25693": "RUS"}
	derived, seen := 0, map[string]bool{}
	for _, d := range decisions {
		var note *unsc.Note
		for i := range d.Notes {
			// Positions derived; a derived tally (unaccountedSeats) counts
			// the seats a count leaves out and derives no position.
			if d.Notes[i].Kind == unsc.NoteDerived && d.Notes[i].Field != "tally" {
				note = &d.Notes[i]
			}
		}
		if note == nil {
			if !d.Votes.Known() && d.Tally.Known && d.Modality == unsc.ByVote && d.Tally.Abstain == 0 && d.Tally.NonVoting == 0 &&
				len(d.VetoedBy) == d.Tally.No && d.Tally.Yes+d.Tally.No == seats(t, d) && !noted(d, "votes") {
				t.Errorf("%s %s: count %d-%d-0 accounts for every seat and names every member against, but no positions were derived", d.Date.Format("2006-01-02"), record.Symbol(d), d.Tally.Yes, d.Tally.No)
			}
			continue
		}
		derived++
		sym := record.Symbol(d)
		if note.Field != "votes" || note.Source == "" {
			t.Errorf("%s: derived note on %q from %q", sym, note.Field, note.Source)
		}
		if d.Tally.Abstain != 0 || d.Tally.NonVoting != 0 {
			t.Errorf("%s: positions derived from a count with abstentions or members not voting: %+v", sym, d.Tally)
		}
		var yes, no int
		for c, p := range d.Votes.All() {
			switch p {
			case unsc.Yes:
				yes++
			case unsc.No:
				no++
				found := false
				for _, v := range d.VetoedBy {
					found = found || v == c
				}
				if !found {
					t.Errorf("%s: %s shown against, but it cast no veto the sources name", sym, c)
				}
			default:
				t.Errorf("%s: %s derived as %v", sym, c, p)
			}
		}
		if yes != d.Tally.Yes || no != d.Tally.No {
			t.Errorf("%s: derived positions count %d-%d, the count is %d-%d", sym, yes, no, d.Tally.Yes, d.Tally.No)
		}
		if c, ok := want[d.Draft]; ok && d.Resolution == "" {
			seen[d.Draft] = true
			if d.Votes.Of(c) != unsc.No {
				t.Errorf("%s: %s shown %v, want against", sym, c, d.Votes.Of(c))
			}
		}
	}
	for s := range want {
		if !seen[s] {
			t.Errorf("%s: no positions derived", s)
		}
	}
	if derived == 0 {
		t.Fatal("no decision with derived positions")
	}
	t.Logf("%d decisions with positions derived from the count", derived)
}

func seats(t *testing.T, d unsc.Decision) int {
	c, err := charter.CouncilOn(d.Date)
	if err != nil {
		t.Fatalf("%s: %v", record.Symbol(d), err)
	}
	return len(c.Members)
}

func noted(d unsc.Decision, field string) bool {
	for _, n := range d.Notes {
		if n.Field == field {
			return true
		}
	}
	return false
}
