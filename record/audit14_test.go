package record_test

import (
	"testing"

	"unsc/record"
)

// Audit round 14 in the real record: a second seeded sample drawn as round
// 13's was (DATA.md, "Round 14"; seed 20261211), from the decisions no
// earlier round, DATA.md table or testdata tsv names, weighted toward the
// values that rest on one source or on a non-UN source. Each line of
// testdata/audit14_sources.tsv is a page read outside the imported sources:
// the UN's releases (SC/NNNNN) and their copies, the resolution as printed,
// FRUS, the Australian Senate's Hansard, the Digest of United States
// Practice, Papers Past, and the wikis where nothing else was returned.
//
// The round found no wrong value: every date, meeting, outcome, count and
// position a page gives agrees with the record. Where a page disagrees
// with the Library's tables rather than with a value the record derives
// (S/10606's meeting in the Repertoire's heading, S/12110's non-voter,
// S/21048's count), DATA.md says so and nothing is entered. The lines stay
// as a check: a later change that contradicts one of them fails here.
func TestAuditRound14InRealRecord(t *testing.T) {
	const path = "testdata/audit14_sources.tsv"
	want := checksByDecision(t, path, releaseLines(t, path), 22, "the 22 of the file")
	checkEach(t, record.Reconcile(realReports(t)), want)
}
