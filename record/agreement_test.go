package record_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/record"
)

// TestOfficialAgreement measures the official sources against one another
// on hand-made decisions: one field out of three disagreeing, a blank page
// (no count), the spreadsheet (not official) and a decision one official
// source alone reports.
func TestOfficialAgreement(t *testing.T) {
	table := func(date, meeting string, y, n, a int) unsc.Report {
		return unsc.Report{Source: unsc.SourceDHLMeetings, Date: day(date), Meeting: meeting, Tally: unsc.Tally{Yes: y, No: n, Abstain: a, Known: true}}
	}
	undl := func(date, meeting string, votes map[unsc.Code]unsc.Position) unsc.Report {
		return unsc.Report{Source: unsc.SourceUNDL, Date: day(date), Meeting: meeting, Votes: unsc.VotesOf(votes)}
	}
	all := council2024(nil)
	oneAbstains := council2024(map[unsc.Code]unsc.Position{"USA": unsc.Abstain})
	blank := map[unsc.Code]unsc.Position{"USA": unsc.NotParticipating}
	ds := []unsc.Decision{
		// Agree on all three.
		{Reports: []unsc.Report{table("2024-03-25", "S/PV.9586", 15, 0, 0), undl("2024-03-25", "S/PV.9586", all)}},
		// The count: the page's positions sum to 14-0-1.
		{Reports: []unsc.Report{table("2024-03-25", "S/PV.9586", 15, 0, 0), undl("2024-03-25", "S/PV.9586", oneAbstains)}},
		// The date.
		{Reports: []unsc.Report{table("2024-03-25", "S/PV.9586", 15, 0, 0), undl("2024-03-26", "S/PV.9586", all)}},
		// The meeting, and a blank page gives no count to compare.
		{Reports: []unsc.Report{table("2024-03-25", "S/PV.9586", 15, 0, 0), undl("2024-03-25", "S/PV.9587", blank)}},
		// The spreadsheet is not official: one official source, not measured.
		{Reports: []unsc.Report{table("2024-03-25", "S/PV.9586", 15, 0, 0), {Source: unsc.SourceSpreadsheet, Date: day("2024-01-01")}}},
		// Two reports of one source are one source.
		{Reports: []unsc.Report{table("2024-03-25", "S/PV.9586", 15, 0, 0), table("2024-03-26", "S/PV.9586", 15, 0, 0)}},
	}
	got := record.Check(ds).Official
	want := record.Agreement{Decisions: 4, Count: 3, Date: 3, Meeting: 3, All: 1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check(…).Official (-want +got):\n%s", diff)
	}
	if s := got.Share(got.All); s != 25 {
		t.Errorf("Share(All) = %v, want 25", s)
	}
	line := got.Line()
	for _, w := range []string{"Of 4 decisions", "75.0% agree on the count", "25.0% on all three"} {
		if !strings.Contains(line, w) {
			t.Errorf("Line() = %q, want it to say %q", line, w)
		}
	}
	if s := (record.Agreement{}).Share(0); s != 0 {
		t.Errorf("Share of nothing measured = %v, want 0", s)
	}
}

// TestSummaryLinePlural: one decision is "1 decision".
func TestSummaryLinePlural(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{1, "1 decision: "}, {2, "2 decisions: "}, {0, "0 decisions: "}} {
		if got := (record.Summary{Decisions: c.n}).Line(); !strings.HasPrefix(got, c.want) {
			t.Errorf("Summary{Decisions: %d}.Line() = %q, want it to begin %q", c.n, got, c.want)
		}
	}
	if got := (record.Agreement{Decisions: 1, All: 1}).Line(); !strings.HasPrefix(got, "Of 1 decision two") {
		t.Errorf("Agreement{Decisions: 1}.Line() = %q, want %q", got, "Of 1 decision two …")
	}
}

// TestOfficialAgreementReal measures the shared data: the share is well
// over nine in ten and each part at least the whole.
func TestOfficialAgreementReal(t *testing.T) {
	a := record.Check(record.Reconcile(realReports(t))).Official
	t.Log(a.Line())
	if a.Decisions < 2500 || a.All > a.Count || a.All > a.Date || a.All > a.Meeting || a.Share(a.All) < 90 || a.Share(a.All) == 100 {
		t.Errorf("Official = %+v: want over 2,500 decisions measured, over 90%% (and not all) agreeing on all three, each part at least the whole", a)
	}
}
