package record_test

import (
	"testing"

	"unsc/record"
)

// Audit round 19 in the real record: a seeded sample of 35 decisions, seven
// from each of five periods (1946–59, 1960–79, 1980–93, 1994–2008,
// 2009–2025), none named by an earlier audit round (DATA.md, "Round 19";
// seed 20261219). Each line of testdata/audit19_sources.tsv is a page read
// outside the imported sources: the resolution as printed in the UN's
// yearly volumes (CR-UNSC's transcriptions), the volume of 1956, the UN's
// releases (SC/NNNNN) and their copies, and, where nothing else was
// returned, the printed text on Wikisource, Security Council Report and
// news agencies.
//
// The round found no wrong value: every date, meeting, outcome, count and
// member a page gives agrees with the record. The lines stay as a check: a
// later change that contradicts one of them fails here.
func TestAuditRound19InRealRecord(t *testing.T) {
	const path = "testdata/audit19_sources.tsv"
	want := checksByDecision(t, path, releaseLines(t, path), 29, "the 29 of the file")
	checkEach(t, record.Reconcile(realReports(t)), want)
}
