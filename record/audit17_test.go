package record_test

import (
	"testing"

	"unsc/record"
)

// Audit round 17 in the real record: the votes of 1 January 2009 – 26 May
// 2022 that are not resolutions — vetoed and failed drafts, amendments and
// procedural votes — less the four an earlier round read against a UN
// release with the members (DATA.md, "Round 17"), each read against the
// UN's release of its meeting or, where the search tool did not return it,
// UN News, Security Council Report, a news agency or a newspaper.
//
// The round found no wrong value: every date, meeting, outcome, count and
// member a page gives agrees with the record. The lines stay as a check: a
// later change that contradicts one of them fails here.
func TestAuditRound17InRealRecord(t *testing.T) {
	const path = "testdata/audit17_sources.tsv"
	want := checksByDecision(t, path, releaseLines(t, path), 51, "the 51 of the file")
	checkEach(t, record.Reconcile(realReports(t)), want)
}
