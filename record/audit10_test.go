package record_test

import (
	"testing"

	"unsc/record"
)

// Audit round 10 in the real record: resolutions of 2009–2025 and the
// procedural votes not yet named, the kinds the UN's Resolutions and
// Decisions volumes do not print or that no earlier round drew (seed
// 20261209; DATA.md, "Round 10").
//
// The round found no wrong value: each decision drawn agrees with the page
// read for it (testdata/audit10_sources.tsv) on what that page gives of its
// date, meeting, outcome, count and the members not in favour. The lines
// stay as a check: a later change to the record that contradicts one of
// them fails here.
func TestAuditRound10InRealRecord(t *testing.T) {
	const path = "testdata/audit10_sources.tsv"
	want := checksByDecision(t, path, releaseLines(t, path), 56, "the 56 of the file")
	decisions := record.Reconcile(realReports(t))
	checkEach(t, decisions, want)

	// SC/12073 is headed "7531st Meeting (AM)", and the copy of resolution
	// 2240's release "7532nd": the releases swap the two meetings of the
	// morning of 9 October 2015. The resolution as printed ("Adopted by the
	// Security Council at its 7532nd meeting, on 9 October 2015", its copy
	// at unscr.com) agrees with the Library's table.
	checkMeeting(t, decisions, "S/RES/2241 (2015)", "S/PV.7532", "the resolution as printed")

	// Resolutions of the sample adopted by written procedure during the
	// pandemic (the releases: "acting through its temporary silence
	// procedure", "the voting results announced by videoconference"): no
	// meeting was held, and the record names none.
	checkNoMeeting(t, decisions, "S/RES/2548 (2020)", "S/RES/2549 (2020)", "S/RES/2555 (2020)", "S/RES/2556 (2020)", "S/RES/2561 (2021)", "S/RES/2566 (2021)", "S/RES/2577 (2021)")
}
