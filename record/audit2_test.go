package record_test

import (
	"strings"
	"testing"

	"unsc"
	"unsc/record"
)

// council2001 votes every member of the Council of March 2001 yes, except
// those given; a member given as Absent is left out, as the spreadsheet
// leaves out a member that cast no vote.
func council2001(except map[unsc.Code]unsc.Position) map[unsc.Code]unsc.Position {
	v := map[unsc.Code]unsc.Position{}
	for _, c := range []unsc.Code{"CHN", "FRA", "RUS", "GBR", "USA", "BGD", "COL", "IRL", "JAM", "MLI", "MUS", "NOR", "SGP", "TUN", "UKR"} {
		v[c] = unsc.Yes
	}
	for c, p := range except {
		if p == unsc.Absent {
			delete(v, c)
			continue
		}
		v[c] = p
	}
	return v
}

// A member the spreadsheet leaves out of positions that add up to the
// official count cast no vote, and the file writes absence and
// non-participation alike: the record names it in doubt, never plainly
// absent.
func TestReconcileNamesAMemberLeftOutInDoubt(t *testing.T) {
	votes := council2001(map[unsc.Code]unsc.Position{"USA": unsc.No, "FRA": unsc.Abstain, "GBR": unsc.Abstain, "IRL": unsc.Abstain, "NOR": unsc.Abstain, "UKR": unsc.Absent})
	reports := []unsc.Report{
		{Source: unsc.SourceDHLMeetings, Key: "m", Ref: "2001:1192", Date: day("2001-03-27"), Meeting: "S/PV.4305", Draft: "S/2099/1",
			Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"USA"}, Tally: unsc.Tally{Yes: 9, No: 1, Abstain: 4, Known: true}},
		{Source: unsc.SourceSpreadsheet, Key: "s", Ref: "sheet:6930", Date: day("2001-03-27"), Meeting: "S/PV.4305", Draft: "S/2099/1",
			Outcome: unsc.Vetoed, Votes: unsc.VotesOf(votes)},
	}
	ds := record.Reconcile(reports)
	if len(ds) != 1 {
		t.Fatalf("Reconcile gave %d decisions, want 1", len(ds))
	}
	d := ds[0]
	if _, ok := d.Votes.Get("UKR"); ok {
		t.Errorf("Ukraine's position = %v, want none given (the source does not say)", d.Votes.Of("UKR"))
	}
	var doubt *unsc.Note
	for i, n := range d.Notes {
		if n.Kind == unsc.NoteDoubt && n.Field == "votes" {
			doubt = &d.Notes[i]
		}
	}
	if doubt == nil || len(doubt.Members) != 1 || doubt.Members[0] != "UKR" || !strings.Contains(doubt.Text, "absent") || !strings.Contains(doubt.Text, "did not take part") {
		t.Fatalf("notes = %+v, want a doubt note naming Ukraine, absent or not taking part", d.Notes)
	}
	if d.Derived != unsc.Vetoed {
		t.Errorf("derived %v, want vetoed (9 in favour, the United States against)", d.Derived)
	}
}

func hasNote(d unsc.Decision, field, word string) bool {
	for _, n := range d.Notes {
		if n.Field == field && strings.Contains(n.Text, word) {
			return true
		}
	}
	return false
}

// A draft-symbol fact replaces the misprinted symbol and says so; a value
// that is not a draft's symbol is refused with the file, line and column.
func TestFactDraftSymbol(t *testing.T) {
	const head = "symbol,field,value,source,note\n"
	if _, err := record.ParseFacts(strings.NewReader(head+"S/25977,draft,S/RES/1 (1946),x,y\n"), "facts.csv"); err == nil || !strings.Contains(err.Error(), "facts.csv:2:value") {
		t.Errorf("ParseFacts of a resolution as a draft: %v, want an error at facts.csv:2:value", err)
	}
	facts, err := record.ParseFacts(strings.NewReader(head+"S/25977,draft,S/25997,https://undocs.org/en/S/25997,the table links S/25997\n"), "facts.csv")
	if err != nil {
		t.Fatal(err)
	}
	reports := []unsc.Report{
		{Source: unsc.SourceDHLMeetings, Key: "m", Ref: "1993:603", Date: day("1993-06-29"), Meeting: "S/PV.3247", Draft: "S/25977",
			Outcome: unsc.Failed, Tally: unsc.Tally{Yes: 6, Abstain: 9, Known: true}},
	}
	ds := record.ReconcileWith(reports, facts)
	if len(ds) != 1 || ds[0].Draft != "S/25997" || !hasNote(ds[0], "draft", "links S/25997") {
		t.Fatalf("Reconcile = %+v, want draft S/25997 with the fact's note", ds)
	}
}

// Where the official count says how many of those that cast no vote were
// absent ("14-0-0 (1 absent)"), a member the spreadsheet leaves out is
// absent, not in doubt; without that word it stays in doubt.
func TestReconcileTakesAbsenceFromTheOfficialCount(t *testing.T) {
	for _, tc := range []struct {
		note  string
		doubt bool
	}{{unsc.AbsentNote(1), false}, {"", true}} {
		reports := []unsc.Report{
			{Source: unsc.SourceDHLMeetings, Key: "m", Ref: "2001:1", Date: day("2001-03-20"), Meeting: "S/PV.4300", Resolution: "S/RES/9001 (2001)",
				Outcome: unsc.Adopted, Tally: unsc.Tally{Yes: 14, NonVoting: 1, Known: true}, Note: tc.note},
			{Source: unsc.SourceSpreadsheet, Key: "s", Ref: "sheet:1", Date: day("2001-03-20"), Meeting: "S/PV.4300", Resolution: "S/RES/9001 (2001)",
				Outcome: unsc.Adopted, Votes: unsc.VotesOf(council2001(map[unsc.Code]unsc.Position{"JAM": unsc.Absent}))},
		}
		ds := record.Reconcile(reports)
		if len(ds) != 1 {
			t.Fatalf("Reconcile gave %d decisions, want 1", len(ds))
		}
		d := ds[0]
		if _, ok := d.Votes.Get("JAM"); ok {
			t.Errorf("note %q: Jamaica's position = %v, want none (it cast no vote)", tc.note, d.Votes.Of("JAM"))
		}
		if got := len(d.InDoubt()) > 0; got != tc.doubt {
			t.Errorf("note %q: in doubt %v (%v), want %v", tc.note, got, d.InDoubt(), tc.doubt)
		}
		if !tc.doubt && !hasNote(d, "votes", "was absent") {
			t.Errorf("note %q: notes %+v, want one saying Jamaica was absent", tc.note, d.Notes)
		}
	}
}

// Sponsors from a list the spreadsheet cut short are shown with a note
// saying the others are not known.
func TestReconcileNotesACutSponsorList(t *testing.T) {
	ds := record.Reconcile([]unsc.Report{{Source: unsc.SourceSpreadsheet, Key: "s", Ref: "sheet:1", Date: day("2022-06-27"), Meeting: "S/PV.9000",
		Resolution: "S/RES/2639 (2022)", Outcome: unsc.Adopted, Sponsors: []string{"RUS"},
		Note: `sponsors: the file's list is cut short ("United", part of a name): the names it gives whole are kept, and others are missing`}})
	if len(ds) != 1 || !hasNote(ds[0], "sponsors", "not known") {
		t.Fatalf("Reconcile = %+v, want a note that the other sponsors are not known", ds)
	}
}
