package record_test

import (
	"testing"

	"unsc/record"
)

// Audit round 18 in the real record: the four procedural votes of 2016–2019
// that hold every member's position and that round 17 left unread
// (S/PV.7830, S/PV.8409, S/PV.8452, S/PV.8529), each read against the UN's
// release of its meeting for the members it names (DATA.md, "Round 18").
//
// The round found no wrong value: every member a release names agrees with
// the record. The lines stay as a check: a later change that contradicts
// one of them fails here.
func TestAuditRound18InRealRecord(t *testing.T) {
	const path = "testdata/audit18_sources.tsv"
	want := checksByDecision(t, path, releaseLines(t, path), 4, "the 4 of the file")
	checkEach(t, record.Reconcile(realReports(t)), want)
}
