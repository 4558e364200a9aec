package record_test

import (
	"testing"

	"unsc/record"
)

// Audit round 11 in the real record: every resolution of 1 August 2009 –
// 31 December 2024 adopted by a vote that was not unanimous, less those
// earlier rounds read line by line against a page outside the imported
// sources (DATA.md, "Round 11"), each read against the UN's release of its
// meeting or, where the release was not returned, another page.
//
// The round found no wrong value in the record: each of the 80 lines of
// testdata/audit11_sources.tsv agrees with the record on what its page
// gives of the date, meeting, outcome, count and the members not in
// favour. The lines stay as a check: a later change to the record that
// contradicts one of them fails here.
func TestAuditRound11InRealRecord(t *testing.T) {
	const path = "testdata/audit11_sources.tsv"
	want := checksByDecision(t, path, releaseLines(t, path), 80, "the 80 of the file")
	decisions := record.Reconcile(realReports(t))
	checkEach(t, decisions, want)

	// SC/14830 is headed "8995th Meeting (AM)"; the resolution as printed
	// ("Adopted by the Security Council at its 8994th meeting, on 15 March
	// 2022", its copy at unscr.com) and the Library's table, which gives the
	// 8,995th meeting to the Middle East (SC/14831), agree on the 8,994th.
	checkMeeting(t, decisions, "S/RES/2625 (2022)", "S/PV.8994", "the resolution as printed")

	// Resolutions of the round adopted by written procedure (the releases:
	// "in a videoconference meeting", "announced during a videoconference
	// meeting"): no meeting was held, and the record names none.
	checkNoMeeting(t, decisions, "S/RES/2529 (2020)", "S/RES/2533 (2020)", "S/RES/2564 (2021)")
}
