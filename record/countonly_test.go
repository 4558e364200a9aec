package record_test

import (
	"testing"

	"unsc/record"
)

// Votes of 1946–1959 that the imported sources give with a count only
// (the Library's tables name no member), each given every member's
// position by a fact from a page that names them: FRUS's editorial
// notes, a contemporaneous account (DATA.md, "Count-only votes of
// 1946–1959: the positions searched"). Each line of
// testdata/count_only_sources.tsv is the vote as its page gives it; the
// record must show that count with every member of the Council of the day
// placed, the members the page names as it names them and the others in
// favour, so a fact lost or a position changed fails here.
func TestCountOnlyVotesInRealRecord(t *testing.T) {
	const path = "testdata/count_only_sources.tsv"
	want := checksByDecision(t, path, volumeVoteLines(t, path), 3, "the 3 of the first batch")
	checkEach(t, record.Reconcile(realReports(t)), want)
}
