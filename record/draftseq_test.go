package record_test

import (
	"fmt"
	"testing"

	"unsc"
	"unsc/record"
)

// The drafts of one year, in the order voted, bear rising numbers. A
// resolution's draft symbol that only the spreadsheet gives is not shown
// where it is of another year, or where several drafts voted weeks before
// it bear higher numbers (a report the resolution cites) or several voted
// weeks after it lower ones (a misprint); a symbol an official source
// gives, and a draft issued a week or two before its vote, stay.
func TestReconcileTakesOffDraftsOutOfOrder(t *testing.T) {
	var reports []unsc.Report
	res := 3000
	add := func(date, draft string, src unsc.Source) {
		res++
		reports = append(reports, unsc.Report{Source: src, Key: fmt.Sprint(res), Ref: fmt.Sprintf("sheet:%d", res), Date: day(date),
			Meeting: fmt.Sprintf("S/PV.%d", 20000+res), Resolution: fmt.Sprintf("S/RES/%d (2031)", res), Draft: draft, Outcome: unsc.Adopted})
	}
	// A year of drafts in order: one a month, numbered 100 apart.
	for m := 1; m <= 12; m++ {
		if m == 6 {
			continue
		}
		add(fmt.Sprintf("2031-%02d-10", m), fmt.Sprintf("S/2031/%d", m*100), unsc.SourceSpreadsheet)
	}
	add("2031-06-10", "S/2031/150", unsc.SourceSpreadsheet)  // a report of February
	add("2031-06-12", "S/2031/9050", unsc.SourceSpreadsheet) // a misprint for S/2031/905? too high for June
	add("2031-06-14", "S/2030/610", unsc.SourceSpreadsheet)  // of the year before
	add("2031-06-20", "S/2031/560", unsc.SourceSpreadsheet)  // issued a week or two before its vote: kept
	add("2031-06-24", "S/2031/120", unsc.SourceDHLMeetings)  // an official source's: kept
	ds := record.Reconcile(reports)
	want := map[string]string{
		"S/RES/3012 (2031)": "", "S/RES/3013 (2031)": "", "S/RES/3014 (2031)": "",
		"S/RES/3015 (2031)": "S/2031/560", "S/RES/3016 (2031)": "S/2031/120",
		"S/RES/3001 (2031)": "S/2031/100", "S/RES/3011 (2031)": "S/2031/1200",
	}
	seen := 0
	for _, d := range ds {
		w, ok := want[d.Resolution]
		if !ok {
			continue
		}
		seen++
		if d.Draft != w {
			t.Errorf("%s: draft %q, want %q", d.Resolution, d.Draft, w)
		}
		if w == "" && !hasNote(d, "draft", "does not show it") {
			t.Errorf("%s: notes %+v, want a note on the draft taken off", d.Resolution, d.Notes)
		}
	}
	if seen != len(want) {
		t.Fatalf("found %d of the %d resolutions", seen, len(want))
	}
	if got := len(record.Check(ds).Findings); got == 0 {
		t.Errorf("Check found nothing; want the symbols taken off reported")
	}
}
