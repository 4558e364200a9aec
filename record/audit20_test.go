package record_test

import (
	"slices"
	"strings"
	"testing"

	"unsc"
	"unsc/record"
)

// A release read for a meeting the Library's table gives twice, once on
// each day of an election to the Court (S/PV.8773, resumed on 12 November
// 2020), joins the decision of its own day: a secret ballot has no count
// to tell the two apart, and the day does.
func TestReconcileElectionJoinsItsOwnDay(t *testing.T) {
	election := func(src unsc.Source, key, date, note string) unsc.Report {
		return unsc.Report{Source: src, Key: key, Ref: key, Date: day(date), Meeting: "S/PV.8773", Matter: unsc.ICJElection, MatterKnown: true, Modality: unsc.ByVote, Note: note}
	}
	reports := []unsc.Report{
		election(unsc.SourceDHLMeetings, "m11", "2020-11-11", ""),
		election(unsc.SourceDHLMeetings, "m12", "2020-11-12", ""),
		election(unsc.SourcePress, "p12", "2020-11-12", "elected: Yuji Iwasawa (Japan), Georg Nolte (Germany)"),
	}
	ds := record.Reconcile(reports)
	var got []string
	for _, d := range ds {
		var keys []string
		for _, r := range d.Reports {
			keys = append(keys, r.Key)
		}
		got = append(got, d.Date.Format("2006-01-02")+":"+strings.Join(keys, "+"))
	}
	want := []string{"2020-11-11:m11", "2020-11-12:m12+p12"}
	if !slices.Equal(got, want) {
		t.Errorf("Reconcile grouping = %q, want %q", got, want)
	}
}

// Audit round 20 (DATA.md, "Round 20"): the one value found wanting. The
// Council's meeting of 12 November 2020, the 8773rd resumed, elected five
// judges (SC/14357); the record, from the Library's table alone, named no
// one. It now names them from the release, on the decision of that day,
// and the meeting of 11 November, which elected no one (SC/14353), stays
// as it was: two decisions at S/PV.8773, one a day.
func TestAudit20ElectionOf12November2020InRealRecord(t *testing.T) {
	want := map[string][]string{
		"2020-11-11": nil,
		"2020-11-12": {"Yuji Iwasawa (Japan)", "Peter Tomka (Slovakia)", "Hanqin Xue (China)", "Julia Sebutinde (Uganda)", "Georg Nolte (Germany)"},
	}
	got := map[string]int{}
	for _, d := range record.Reconcile(realReports(t)) {
		if d.Meeting != "S/PV.8773" {
			continue
		}
		day := d.Date.Format("2006-01-02")
		got[day]++
		w, ok := want[day]
		if !ok {
			t.Errorf("S/PV.8773 on %s: the meeting sat on 11 and 12 November 2020 only", day)
			continue
		}
		if d.Matter != unsc.ICJElection || !slices.Equal(d.Elected(), w) || d.Tally.Known || d.Votes.Known() || !slices.Contains(d.Sources, unsc.SourceDHLMeetings) {
			t.Errorf("S/PV.8773 on %s: %v, elected %q, count %v, sources %v; want an election to the Court from the Library's table, electing %q",
				day, d.Matter, d.Elected(), d.Tally, d.Sources, w)
		}
		if w != nil && !slices.Contains(d.Sources, unsc.SourcePress) {
			t.Errorf("S/PV.8773 on %s: sources %v, want the UN's release (SC/14357) joined to the Library's row", day, d.Sources)
		}
	}
	for day := range want {
		if got[day] != 1 {
			t.Errorf("S/PV.8773 on %s: %d decisions, want 1", day, got[day])
		}
	}
}

// Audit round 20: the other elections to the Court drawn whose pages were
// found agree with the record: the day, and those elected (none at the
// 6666th meeting, the second of three rounds that filled no seat,
// SC/10456; Thomas Buergenthal on 2 March 2000, SC/6813; the triennial
// election of 15 November 1990, the Canadian Yearbook of International
// Law, which does not say at which of the day's two meetings).
func TestAudit20ElectionsInRealRecord(t *testing.T) {
	checkElectionsInRealRecord(t, map[string]electionWant{
		"S/PV.4107": {date: "2000-03-02", elected: []string{"Thomas Buergenthal"}},
		"S/PV.6666": {date: "2011-11-22"},
		"S/PV.2955": {date: "1990-11-15"},
	})
}

// electionWant is an election to the Court as an audit's page gives it:
// its day and those it elected (none where elected is nil), unless
// electedUnknown says the page does not say whom this meeting elected.
type electionWant struct {
	date           string
	elected        []string
	electedUnknown bool
}

// checkElectionsInRealRecord checks that each meeting of want is one
// election to the Court in the record, on its day, electing those want
// names.
func checkElectionsInRealRecord(t *testing.T, want map[string]electionWant) {
	t.Helper()
	got := map[string]int{}
	for _, d := range record.Reconcile(realReports(t)) {
		w, ok := want[d.Meeting]
		if !ok {
			continue
		}
		got[d.Meeting]++
		if d.Matter != unsc.ICJElection || d.Date.Format("2006-01-02") != w.date {
			t.Errorf("%s: %v on %s; want an election to the Court on %s", d.Meeting, d.Matter, d.Date.Format("2006-01-02"), w.date)
		}
		if !w.electedUnknown && !slices.Equal(d.Elected(), w.elected) {
			t.Errorf("%s: elected %q, want %q", d.Meeting, d.Elected(), w.elected)
		}
	}
	for m := range want {
		if got[m] != 1 {
			t.Errorf("%s: %d decisions, want 1", m, got[m])
		}
	}
}
