package record_test

import (
	"testing"

	"unsc/record"
)

// Audit round 12 in the real record: the resolutions adopted unanimously
// from 1 July 2022 to 31 December 2024, whose date, meeting and count rest
// on the UN Digital Library alone once the Library's yearly tables stop,
// and the failed drafts of the period no earlier round read against an
// outside page (DATA.md, "Round 12"), each read against the UN's release
// of its meeting, the resolution as printed or a news agency.
//
// The round found one wrong value: the date of resolution 2763 (2024),
// which the Digital Library gives as 16 December 2024 and the pages as
// Friday 13 December, now set by fact. The 86 lines of
// testdata/audit12_sources.tsv stay as a check: a later change to the
// record that contradicts one of them fails here.
func TestAuditRound12InRealRecord(t *testing.T) {
	const path = "testdata/audit12_sources.tsv"
	want := checksByDecision(t, path, releaseLines(t, path), 86, "the 86 of the file")
	decisions := record.Reconcile(realReports(t))
	checkEach(t, decisions, want)

	// Resolution 2763 (2024) was adopted at the 9,812th meeting, after the
	// 9,811th of the same day (resolution 2762 (2024)); the Digital Library
	// dates it 16 December, the Monday after. The meeting stands.
	checkMeeting(t, decisions, "S/RES/2763 (2024)", "S/PV.9812", "the Digital Library, the spreadsheet")
}
