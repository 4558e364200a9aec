package record_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/record"
)

// The lines of audit round 15 (the record's corrections of the Library's
// tables) are checked in auditrounds_test.go; these tests pin the rules
// behind some of those corrections.

// afterMidnight is every resolution whose date the record takes from the
// rule "adopted after midnight" (adoptedAfterMidnight in build.go) over the
// Library's meeting table, with the date the rule gives: round 15 read each
// in the resolution as printed (913 (1994) only in a wiki; the UN Digital
// Library gives the same day). The rule has no per-item source, and the
// Digital Library's one-day slips look the same to it (708 (1991), 731
// (1992), 820 (1993), 1253 (1999), 1585 (2005), 1744 (2007): each held by
// a fact that names the day printed or released). A rule that fires
// anywhere else has met a resolution no one has read: read it, then add
// it here or a fact.
var afterMidnight = map[string]string{
	"S/RES/46 (1948)":   "1948-04-17",
	"S/RES/143 (1960)":  "1960-07-14",
	"S/RES/145 (1960)":  "1960-07-22",
	"S/RES/146 (1960)":  "1960-08-09",
	"S/RES/161 (1961)":  "1961-02-21",
	"S/RES/289 (1970)":  "1970-11-23",
	"S/RES/313 (1972)":  "1972-02-28",
	"S/RES/338 (1973)":  "1973-10-22",
	"S/RES/521 (1982)":  "1982-09-19",
	"S/RES/913 (1994)":  "1994-04-22",
	"S/RES/918 (1994)":  "1994-05-17",
	"S/RES/1402 (2002)": "2002-03-30",
}

// TestAfterMidnightRuleOnlyWhereRead checks that the rule moves the
// Library's date on the resolutions listed in afterMidnight and on no
// other, to the date each bears.
func TestAfterMidnightRuleOnlyWhereRead(t *testing.T) {
	got := map[string]string{}
	for _, d := range record.Reconcile(realReports(t)) {
		for _, n := range d.Notes {
			if n.Field == "date" && n.Kind == unsc.NoteCorrected && strings.Contains(n.Text, "adopted after midnight") {
				got[d.Resolution] = d.Date.Format("2006-01-02")
			}
		}
	}
	if diff := cmp.Diff(afterMidnight, got); diff != "" {
		t.Errorf("resolutions dated by the rule \"adopted after midnight\" (-read +record):\n%s", diff)
	}
}

// TestAdoptedAfterMidnightNeedsTheSameMeetingNextDay checks the rule's
// guards: it moves the meeting table's date only to the UN Digital
// Library's of the next day, at the same meeting (or none given).
func TestAdoptedAfterMidnightNeedsTheSameMeetingNextDay(t *testing.T) {
	const res = "S/RES/143 (1960)"
	tests := []struct {
		name, undlDate, undlMeeting, want string
	}{
		{"next day, same meeting", "1960-07-14", "S/PV.873", "1960-07-14"},
		{"next day, no meeting", "1960-07-14", "", "1960-07-14"},
		{"next day, another meeting", "1960-07-14", "S/PV.874", "1960-07-13"},
		{"two days on", "1960-07-15", "S/PV.873", "1960-07-13"},
		{"a day before", "1960-07-12", "S/PV.873", "1960-07-13"},
		{"the same day", "1960-07-13", "S/PV.873", "1960-07-13"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reports := []unsc.Report{
				{Source: unsc.SourceDHLMeetings, Key: "d1", Ref: "page:1", Date: day("1960-07-13"), Meeting: "S/PV.873", Resolution: res,
					Outcome: unsc.Adopted, Tally: unsc.Tally{Yes: 8, Abstain: 3, Known: true}},
				{Source: unsc.SourceUNDL, Key: "u1", Ref: "undl:1", Date: day(tt.undlDate), Meeting: tt.undlMeeting, Resolution: res,
					Outcome: unsc.Adopted},
			}
			ds := record.Reconcile(reports)
			i := slices.IndexFunc(ds, func(d unsc.Decision) bool { return d.Resolution == res })
			if i < 0 {
				t.Fatalf("Reconcile: no decision %s in %d", res, len(ds))
			}
			if got := ds[i].Date.Format("2006-01-02"); got != tt.want {
				t.Errorf("the Library's table 1960-07-13 at S/PV.873, the Digital Library %s at %q: date %s, want %s", tt.undlDate, tt.undlMeeting, got, tt.want)
			}
		})
	}
}

// TestVetoListOutcomeOnlyWhereRead checks the rule that the Library's veto
// list outranks its meeting table, which says only "not adopted", on the
// outcome: it holds for S/5134 (1962; the Repertoire 1959-1963: "one of the
// negative votes being that of a permanent member") and S/5407 (1963) and
// nowhere else, and each draft it makes vetoed is one the veto list names
// and whose count the engine reads as a veto.
func TestVetoListOutcomeOnlyWhereRead(t *testing.T) {
	var got []string
	for _, d := range record.Reconcile(realReports(t)) {
		if d.Recorded != unsc.Vetoed {
			continue
		}
		tableFailed := slices.ContainsFunc(d.Reports, func(r unsc.Report) bool {
			return r.Source == unsc.SourceDHLMeetings && r.Outcome == unsc.Failed
		})
		if !tableFailed {
			continue
		}
		got = append(got, d.Draft)
		if !slices.ContainsFunc(d.Reports, func(r unsc.Report) bool { return r.Source == unsc.SourceDHLVetoes && r.Outcome == unsc.Vetoed }) {
			t.Errorf("%s: vetoed over the meeting table's \"not adopted\" with no veto list row", d.Draft)
		}
		if d.Derived != unsc.Vetoed {
			t.Errorf("%s: vetoed by the veto list, but the engine reads its count %v as %v", d.Draft, d.Tally, d.Derived)
		}
	}
	slices.Sort(got)
	if want := []string{"S/5134", "S/5407"}; !slices.Equal(got, want) {
		t.Errorf("drafts the veto list makes vetoed over the meeting table = %v, want %v", got, want)
	}
}
