package record_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"unsc"
	"unsc/record"
)

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// council2024 votes every member of the Council of March 2024 yes, except
// those given.
func council2024(except map[unsc.Code]unsc.Position) map[unsc.Code]unsc.Position {
	v := map[unsc.Code]unsc.Position{}
	for _, c := range []unsc.Code{"CHN", "FRA", "RUS", "GBR", "USA", "DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"} {
		v[c] = unsc.Yes
	}
	for c, p := range except {
		v[c] = p
	}
	return v
}

func TestReconcileMatchesSymbolVariants(t *testing.T) {
	reports := []unsc.Report{
		{Source: unsc.SourceSpreadsheet, Key: "s1", Ref: "sheet:2", Date: day("2024-03-25"), Meeting: "S/PV.9586", Resolution: "S/RES/2728 (2024)", Draft: "S/2024/254",
			Outcome: unsc.Adopted, Votes: unsc.VotesOf(council2024(map[unsc.Code]unsc.Position{"USA": unsc.Abstain}))},
		{Source: unsc.SourceUNDL, Key: "u1", Ref: "undl:2", Date: day("2024-03-25"), Meeting: "S/PV.9586", Resolution: "S/RES/2728 (2024)",
			Title: "Security Council resolution 2728 (2024)", Outcome: unsc.Adopted, Votes: unsc.VotesOf(council2024(map[unsc.Code]unsc.Position{"USA": unsc.Abstain}))},
		{Source: unsc.SourceDHLMeetings, Key: "d1", Ref: "page:9", Date: day("2024-03-25"), Meeting: "S/PV.9586", Draft: "S/2024/254",
			Outcome: unsc.Adopted, Tally: unsc.Tally{Yes: 14, Abstain: 1, Known: true}},
	}
	ds := record.Reconcile(reports)
	if len(ds) != 1 {
		t.Fatalf("Reconcile(3 reports of res 2728) = %d decisions, want 1", len(ds))
	}
	d := ds[0]
	want := unsc.Decision{Date: day("2024-03-25"), Meeting: "S/PV.9586", Resolution: "S/RES/2728 (2024)", Draft: "S/2024/254",
		Title: "Security Council resolution 2728 (2024)", Recorded: unsc.Adopted, Derived: unsc.Adopted,
		Tally: unsc.Tally{Yes: 14, Abstain: 1, Known: true}, Sources: []unsc.Source{unsc.SourceUNDL, unsc.SourceDHLMeetings, unsc.SourceSpreadsheet}}
	got := d
	got.Votes, got.Reports = unsc.Votes{}, nil
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Reconcile mismatch (-want +got):\n%s", diff)
	}
	if d.Reports[0].Source != unsc.SourceUNDL {
		t.Errorf("reports ordered %v first, want the UN Digital Library first", d.Reports[0].Source)
	}
}

func TestReconcileVetoListWinsOnVetoes(t *testing.T) {
	reports := []unsc.Report{
		{Source: unsc.SourceDHLMeetings, Key: "m", Ref: "1962:103", Date: day("1962-06-22"), Meeting: "S/PV.1016", Draft: "S/5134",
			Outcome: unsc.Failed, Tally: unsc.Tally{Yes: 7, No: 2, Abstain: 2, Known: true}},
		{Source: unsc.SourceDHLVetoes, Key: "v", Ref: "veto:900", Date: day("1962-06-22"), Meeting: "S/PV.1016", Draft: "S/5134",
			Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"SUN"}},
	}
	ds := record.Reconcile(reports)
	if len(ds) != 1 || ds[0].Recorded != unsc.Vetoed || ds[0].Derived != unsc.Vetoed {
		t.Fatalf("Reconcile(Kashmir 1962) = %+v, want one decision recorded and derived vetoed", ds)
	}
	if diff := cmp.Diff([]unsc.Code{"SUN"}, ds[0].VetoedBy); diff != "" {
		t.Errorf("VetoedBy mismatch (-want +got):\n%s", diff)
	}
}

func TestReconcileRepeatedAndSymbolLessVotes(t *testing.T) {
	reports := []unsc.Report{
		// S/552 put to the vote twice at one meeting, in both library sources.
		{Source: unsc.SourceDHLMeetings, Key: "m1", Ref: "p:231", Date: day("1947-09-15"), Meeting: "S/PV.202", Draft: "S/552", Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"SUN"}, Tally: unsc.Tally{Yes: 8, No: 2, Abstain: 1, Known: true}},
		{Source: unsc.SourceDHLMeetings, Key: "m2", Ref: "p:232", Date: day("1947-09-15"), Meeting: "S/PV.202", Draft: "S/552", Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"SUN"}, Tally: unsc.Tally{Yes: 9, No: 2, Known: true}},
		{Source: unsc.SourceDHLVetoes, Key: "v1", Ref: "v:1199", Date: day("1947-09-15"), Meeting: "S/PV.202", Draft: "S/552", Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"SUN"}},
		{Source: unsc.SourceDHLVetoes, Key: "v2", Ref: "v:1193", Date: day("1947-09-15"), Meeting: "S/PV.202", Draft: "S/552", Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"SUN"}},
		// Two vetoes without symbols at one meeting.
		{Source: unsc.SourceDHLMeetings, Key: "m3", Ref: "p:308", Date: day("1946-06-26"), Meeting: "S/PV.49", Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"SUN"}},
		{Source: unsc.SourceDHLMeetings, Key: "m4", Ref: "p:309", Date: day("1946-06-26"), Meeting: "S/PV.49", Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"SUN"}},
		{Source: unsc.SourceDHLVetoes, Key: "v3", Ref: "v:1295", Date: day("1946-06-26"), Meeting: "S/PV.49", Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"SUN"}},
		{Source: unsc.SourceDHLVetoes, Key: "v4", Ref: "v:1289", Date: day("1946-06-26"), Meeting: "S/PV.49", Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"FRA", "SUN"}},
		// A revision on one source, the base symbol on another.
		{Source: unsc.SourceDHLMeetings, Key: "m5", Ref: "p:40", Date: day("1986-05-23"), Meeting: "S/PV.2686", Draft: "S/18087", Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"GBR", "USA"}},
		{Source: unsc.SourceDHLVetoes, Key: "v5", Ref: "v:700", Date: day("1986-05-23"), Meeting: "S/PV.2686", Draft: "S/18087/Rev.1", Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"GBR", "USA"}},
	}
	ds := record.Reconcile(reports)
	var got []string
	for _, d := range ds {
		var keys []string
		for _, r := range d.Reports {
			keys = append(keys, r.Key)
		}
		got = append(got, strings.Join(keys, "+"))
	}
	want := []string{"m3+v3", "m4+v4", "m1+v1", "m2+v2", "m5+v5"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Reconcile grouping (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]unsc.Code{"FRA", "SUN"}, ds[1].VetoedBy); diff != "" {
		t.Errorf("VetoedBy of the second veto at S/PV.49 (-want +got):\n%s", diff)
	}
}

func TestReconcileRejectsPositionsOfStrangers(t *testing.T) {
	// The spreadsheet's positions name Bangladesh, not on the Council in
	// 1999: they cannot be this vote's, so the Library's count decides.
	strangers := map[unsc.Code]unsc.Position{"BGD": unsc.Yes, "USA": unsc.No}
	reports := []unsc.Report{
		{Source: unsc.SourceSpreadsheet, Key: "s", Ref: "sheet:9", Date: day("1999-03-26"), Meeting: "S/PV.3989", Draft: "S/1999/328", Outcome: unsc.Failed, Votes: unsc.VotesOf(strangers)},
		{Source: unsc.SourceDHLMeetings, Key: "m", Ref: "p:9", Date: day("1999-03-26"), Meeting: "S/PV.3989", Draft: "S/1999/328", Outcome: unsc.Failed, Tally: unsc.Tally{Yes: 3, No: 12, Known: true}},
	}
	ds := record.Reconcile(reports)
	if len(ds) != 1 || ds[0].Votes.Known() || ds[0].Tally.No != 12 || ds[0].Derived != unsc.Failed {
		t.Fatalf("Reconcile = %+v, want no positions, the 3-12-0 count, derived failed", ds)
	}
	s := record.Check(ds)
	if s.Unexplained != 0 || s.Corrected != 1 {
		t.Errorf("Check = %s, want the stranger's report corrected by rule", s.Line())
	}
}

func TestReconcileIsIdempotentAndOrderFree(t *testing.T) {
	reports := realReports(t)
	a := record.Reconcile(reports)
	rev := make([]unsc.Report, len(reports))
	for i, r := range reports {
		rev[len(reports)-1-i] = r
	}
	b := record.Reconcile(rev)
	if len(a) != len(b) {
		t.Fatalf("Reconcile gives %d decisions, reversed input %d", len(a), len(b))
	}
	for i := range a {
		if record.Symbol(a[i]) != record.Symbol(b[i]) || a[i].Recorded != b[i].Recorded || !cmp.Equal(a[i].VetoedBy, b[i].VetoedBy) {
			t.Fatalf("decision %d: %s %v %v, reversed input %s %v %v", i, record.Symbol(a[i]), a[i].Recorded, a[i].VetoedBy, record.Symbol(b[i]), b[i].Recorded, b[i].VetoedBy)
		}
	}
}

func TestParseFactsErrors(t *testing.T) {
	const head = "symbol,field,value,source,note\n"
	tests := []struct {
		name, in, field string
	}{
		{"bad symbol", head + "not a symbol,matter,procedural,x,y\n", "facts.csv:2:symbol"},
		{"bad field", head + "S/RES/87 (1950),urgency,high,x,y\n", "facts.csv:2:field"},
		{"bad matter", head + "S/RES/87 (1950),matter,urgent,x,y\n", "facts.csv:2:value"},
		{"bad absent", head + "S/RES/82 (1950),absent,USSR,x,y\n", "facts.csv:2:value"},
		{"no source", head + "S/RES/87 (1950),matter,procedural,,y\n", "facts.csv:2:source"},
		{"missing column", "symbol,field\n", "facts.csv:1"},
		{"bad amendment_to", head + "S/2025/115,amendment_to,S/RES/2774 (2025),x,y\n", "facts.csv:2:value"},
		{"bad tally", head + "S/5095,tally,2-7,x,y\n", "facts.csv:2:value"},
		{"tally over 15", head + "S/5095,tally,9-7-1,x,y\n", "facts.csv:2:value"},
		{"bad votes", head + "S/RES/290 (1970),votes,ESP:A,x,y\n", "facts.csv:2:value"},
		{"bad date", head + "S/RES/338 (1973),date,22 October 1973,x,y\n", "facts.csv:2:value"},
		{"bad meeting", head + "S/RES/2723 (2024),meeting,9539,x,y\n", "facts.csv:2:value"},
		{"bad modality", head + "S/RES/2580 (2021),modality,cheers,x,y\n", "facts.csv:2:value"},
		{"field twice", head + "S/5095,tally,2-7-1,x,y\nS/5095,tally,2-7-2,x,y\n", "facts.csv:3:field"},
		{"bracket without meeting", head + "S/5095 [Italy],tally,2-7-1,x,y\n", "facts.csv:2:symbol"},
		{"empty bracket", head + "S/PV.190 [],tally,2-7-1,x,y\n", "facts.csv:2:symbol"},
		{"open bracket", head + "S/PV.190 [Italy,tally,2-7-1,x,y\n", "facts.csv:2:symbol"},
	}
	for _, tt := range tests {
		_, err := record.ParseFacts(strings.NewReader(tt.in), "facts.csv")
		var e *unsc.Error
		if !errors.As(err, &e) || e.Code != unsc.EINVALID || e.Field != tt.field {
			t.Errorf("%s: error = %v, want EINVALID at %s", tt.name, err, tt.field)
		}
	}
}

// A file that holds only some members' rows of a record (the official
// sample stops mid-record) updates those members; the fuller report gives
// the others.
func TestDedupeKeepsMembersAPartialFileLacks(t *testing.T) {
	full := unsc.Report{Source: unsc.SourceUNDL, Key: "undl:1", Ref: "crawl:2", Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"CHN": unsc.Abstain, "FRA": unsc.Yes, "USA": unsc.Yes})}
	part := unsc.Report{Source: unsc.SourceUNDL, Key: "undl:1", Ref: "sample:9", Note: "China did not participate in the voting", Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"CHN": unsc.NotParticipating})}
	got := record.Dedupe([]unsc.Report{full, part})
	want := unsc.VotesOf(map[unsc.Code]unsc.Position{"CHN": unsc.NotParticipating, "FRA": unsc.Yes, "USA": unsc.Yes})
	if len(got) != 1 || !cmp.Equal(got[0].Votes, want) || got[0].Ref != "sample:9" {
		t.Errorf("Dedupe(full, partial) = %+v, want one report with votes %v from sample:9", got, want)
	}
}

// Reports given in parts (one per file) are deduplicated across the
// parts as one list would be, in order, and each part is let go once read.
func TestDedupeAcrossParts(t *testing.T) {
	full := unsc.Report{Source: unsc.SourceUNDL, Key: "undl:1", Ref: "crawl:2", Title: "Full", Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"CHN": unsc.Abstain, "FRA": unsc.Yes})}
	other := unsc.Report{Source: unsc.SourceDHLMeetings, Key: "m:1", Ref: "meetings:3"}
	part := unsc.Report{Source: unsc.SourceUNDL, Key: "undl:1", Ref: "sample:9", Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"CHN": unsc.NotParticipating})}
	last := unsc.Report{Source: unsc.SourceUNDL, Key: "undl:2", Ref: "sample:20"}
	parts := [][]unsc.Report{{full, other}, nil, {part, last}}
	got := record.Dedupe(parts...)
	want := record.Dedupe([]unsc.Report{full, other, part, last})
	if !cmp.Equal(got, want) {
		t.Errorf("Dedupe(parts...) = %+v, want %+v", got, want)
	}
	if len(got) != 3 || got[0].Ref != "sample:9" || got[0].Title != "Full" || got[1].Key != "m:1" || got[2].Key != "undl:2" {
		t.Errorf("Dedupe(parts...) = %+v, want undl:1 from sample:9 with the crawl's title, then m:1, then undl:2", got)
	}
	for i, p := range parts {
		if p != nil {
			t.Errorf("part %d = %+v after Dedupe, want it let go (nil)", i, p)
		}
	}
}

// A procedural motion voted at a meeting (here an adjournment, with no text
// of its own) is a decision apart from the draft voted at the same meeting,
// though neither names the other and both failed; a symbol-less report of
// the draft's vote still joins the draft.
func TestReconcileKeepsAMotionApartFromTheDraftAtItsMeeting(t *testing.T) {
	reports := []unsc.Report{
		{Source: unsc.SourceDHLMeetings, Key: "d", Ref: "2017:716", Date: day("2017-10-24"), Meeting: "S/PV.8073", Draft: "S/2017/884",
			Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"RUS"}, Tally: unsc.Tally{Yes: 11, No: 2, Abstain: 2, Known: true}},
		{Source: unsc.SourceResearch, Key: "motion", Ref: "curated.csv:1", Date: day("2017-10-24"), Meeting: "S/PV.8073",
			Matter: unsc.Procedural, MatterKnown: true, Outcome: unsc.Failed, Tally: unsc.Tally{Yes: 4, No: 8, Abstain: 3, Known: true}},
		{Source: unsc.SourcePress, Key: "draft", Ref: "curated.csv:2", Date: day("2017-10-24"), Meeting: "S/PV.8073",
			MatterKnown: true, Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"RUS"}, Tally: unsc.Tally{Yes: 11, No: 2, Abstain: 2, Known: true}},
	}
	var got []string
	for _, d := range record.Reconcile(reports) {
		var keys []string
		for _, r := range d.Reports {
			keys = append(keys, r.Key)
		}
		got = append(got, strings.Join(keys, "+"))
	}
	want := []string{"d+draft", "motion"}
	if diff := cmp.Diff(want, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("Reconcile grouping (-want +got):\n%s", diff)
	}
}

// TestVideoconferenceDate: a vote only the spreadsheet gives, at a 2020–21
// videoconference it dates as it dates another vote there, takes the date
// the official sources give that other vote; a vote the spreadsheet dates
// otherwise, or at another videoconference, keeps the spreadsheet's date.
func TestVideoconferenceDate(t *testing.T) {
	sheet := day("2020-11-07")
	reports := []unsc.Report{
		{Source: unsc.SourceSpreadsheet, Key: "V108|S/RES/2533 (2020)|", Ref: "sheet:2", Date: sheet, Resolution: "S/RES/2533 (2020)", Draft: "S/2020/684", Outcome: unsc.Adopted},
		{Source: unsc.SourceUNDL, Key: "u1", Ref: "undl:2", Date: day("2020-07-11"), Resolution: "S/RES/2533 (2020)", Outcome: unsc.Adopted},
		{Source: unsc.SourceSpreadsheet, Key: "V108|S/2020/684|", Ref: "sheet:17", Date: sheet, Draft: "S/2020/684", Outcome: unsc.Failed,
			Tally: unsc.Tally{Yes: 5, No: 6, Abstain: 4, Known: true}},
		{Source: unsc.SourceSpreadsheet, Key: "V109|S/2020/700|", Ref: "sheet:33", Date: sheet, Draft: "S/2020/700", Outcome: unsc.Failed,
			Tally: unsc.Tally{Yes: 5, No: 6, Abstain: 4, Known: true}},
		{Source: unsc.SourceSpreadsheet, Key: "V108|S/2020/701|", Ref: "sheet:49", Date: day("2020-11-08"), Draft: "S/2020/701", Outcome: unsc.Failed,
			Tally: unsc.Tally{Yes: 5, No: 6, Abstain: 4, Known: true}},
	}
	got := map[string]string{}
	for _, d := range record.Reconcile(reports) {
		got[record.Symbol(d)] = d.Date.Format("2006-01-02")
		if d.AmendmentTo == "S/2020/684" {
			n, ok := noteOn(d, "date")
			if !ok || !strings.Contains(n.Text, "V108") || !strings.Contains(n.Text, "11 July 2020") {
				t.Errorf("S/2020/684: date note %+v, want one naming the videoconference and the official date", n)
			}
		}
	}
	want := map[string]string{"S/RES/2533 (2020)": "2020-07-11", "amendment to S/2020/684": "2020-07-11", "S/2020/700": "2020-11-07", "S/2020/701": "2020-11-08"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dates (-want +got):\n%s", diff)
	}
}

// TestRejectedVoteOnAnAdoptedDraft: a draft adopted was not also rejected.
// A vote not adopted that only the spreadsheet gives, filed under the draft
// of a resolution adopted at the same meeting, is an amendment to that
// draft, named as an oral one (moved at a meeting); a vote filed under
// another draft stays that draft's.
func TestRejectedVoteOnAnAdoptedDraft(t *testing.T) {
	no := map[unsc.Code]unsc.Position{"USA": unsc.No, "GBR": unsc.No, "FRA": unsc.No, "JPN": unsc.No, "MLT": unsc.No, "SVN": unsc.No,
		"CHE": unsc.Abstain, "KOR": unsc.Abstain, "ECU": unsc.Abstain, "GUY": unsc.Abstain}
	reports := []unsc.Report{
		{Source: unsc.SourceUNDL, Key: "u1", Ref: "undl:1", Date: day("2024-03-25"), Meeting: "S/PV.9586", Resolution: "S/RES/2728 (2024)", Draft: "S/2024/254", Outcome: unsc.Adopted,
			Votes: unsc.VotesOf(council2024(map[unsc.Code]unsc.Position{"USA": unsc.Abstain}))},
		{Source: unsc.SourceSpreadsheet, Key: "S/PV.9586|S/2024/254|", Ref: "sheet:7", Date: day("2024-03-25"), Meeting: "S/PV.9586", Draft: "S/2024/254", Outcome: unsc.Failed,
			Matter: unsc.NonProcedural, MatterKnown: true, Votes: unsc.VotesOf(council2024(no))},
		{Source: unsc.SourceSpreadsheet, Key: "S/PV.9586|S/2024/255|", Ref: "sheet:9", Date: day("2024-03-25"), Meeting: "S/PV.9586", Draft: "S/2024/255", Outcome: unsc.Failed,
			Matter: unsc.NonProcedural, MatterKnown: true, Votes: unsc.VotesOf(council2024(no))},
	}
	got := map[string]bool{}
	for _, d := range record.Reconcile(reports) {
		got[record.Symbol(d)+" "+d.Meeting] = d.Amendment
		if d.Amendment {
			if n, ok := noteOn(d, "kind"); !ok || !strings.Contains(n.Text, "S/RES/2728 (2024)") {
				t.Errorf("%s: kind note %+v, want one naming the resolution the draft became", record.Symbol(d), n)
			}
		}
	}
	want := map[string]bool{"S/RES/2728 (2024) S/PV.9586": false, "oral amendment to S/2024/254 S/PV.9586": true, "S/2024/255 S/PV.9586": false}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decisions (-want +got):\n%s", diff)
	}
}

func noteOn(d unsc.Decision, field string) (unsc.Note, bool) {
	for _, n := range d.Notes {
		if n.Field == field {
			return n, true
		}
	}
	return unsc.Note{}, false
}

// TestRepeatAgreeingWithOfficialOutcome: a source that lists a vote twice,
// once with another decision's outcome and sponsors (the spreadsheet's
// "Adopted unanimously", "President", for the veto of S/1997/199), gives
// the decision the sponsors of the listing whose outcome agrees with the
// official one, whichever comes first in the file.
func TestRepeatAgreeingWithOfficialOutcome(t *testing.T) {
	votes := map[unsc.Code]unsc.Position{}
	for _, c := range []unsc.Code{"CHL", "CHN", "CRI", "EGY", "FRA", "GBR", "GNB", "JPN", "KEN", "KOR", "POL", "PRT", "RUS", "SWE"} {
		votes[c] = unsc.Yes
	}
	votes["USA"] = unsc.No
	for _, order := range [][2]int{{0, 1}, {1, 0}} {
		sheet := []unsc.Report{
			{Source: unsc.SourceSpreadsheet, Key: "S/PV.3747|S/1997/199|", Ref: "sheet:1153", Date: day("1997-03-07"), Meeting: "S/PV.3747", Draft: "S/1997/199",
				Outcome: unsc.Adopted, Sponsors: []string{"President"}, Votes: unsc.VotesOf(votes)},
			{Source: unsc.SourceSpreadsheet, Key: "S/PV.3747|S/1997/199|#2", Ref: "sheet:3142", Date: day("1997-03-07"), Meeting: "S/PV.3747", Draft: "S/1997/199",
				Outcome: unsc.Vetoed, Sponsors: []string{"FRA", "PRT", "SWE", "GBR"}, Votes: unsc.VotesOf(votes)},
		}
		reports := []unsc.Report{
			{Source: unsc.SourceDHLMeetings, Key: "d1", Ref: "page:797", Date: day("1997-03-07"), Meeting: "S/PV.3747", Draft: "S/1997/199",
				Outcome: unsc.Vetoed, Tally: unsc.Tally{Yes: 14, No: 1, Known: true}, VetoedBy: []unsc.Code{"USA"}},
			sheet[order[0]], sheet[order[1]],
		}
		ds := record.Reconcile(reports)
		if len(ds) != 1 {
			t.Fatalf("%d decisions, want 1", len(ds))
		}
		if got := ds[0].Sponsors; !cmp.Equal(got, []string{"FRA", "PRT", "SWE", "GBR"}) {
			t.Errorf("listings in order %v: sponsors %v, want those of the listing that records the veto", order, got)
		}
		if ds[0].Recorded != unsc.Vetoed || ds[0].Votes.Len() != 15 {
			t.Errorf("listings in order %v: %v with %d positions, want vetoed with 15", order, ds[0].Recorded, ds[0].Votes.Len())
		}
	}
}
