package record_test

import (
	"testing"

	"unsc"
	"unsc/record"
)

// Audit round 13 in the real record: a seeded sample of the decisions
// audited least (DATA.md, "Round 13"), weighted toward values that rest on
// one source or on a non-UN source, each read against a page outside the
// imported sources: the UN's texts of vetoed drafts with their vote lines
// (as copied by the Institute for Palestine Studies), the UN Chronicle, the
// Repertoire, the resolution as printed, the UN's audiovisual library.
//
// The round found one class of wrong value: resolutions adopted by
// acclamation shown as a unanimous vote (1987 (2011), 2311 and 2324
// (2016)), where the meeting table gives a vote, blank or 15-0-0, and the
// spreadsheet says by acclamation; now a rule (modality) and facts. It
// found no wrong date, meeting, outcome or count. It read the positions of
// four vetoed drafts that no imported source names (S/14943, S/17459,
// S/18250, S/18428), which agree with the facts another pass entered
// meanwhile. Round 14 read four of the drafts this round left unread
// (S/10928, S/11795, S/11796, S/11833), each in agreement, and added their
// lines. The lines of testdata/audit13_sources.tsv stay as a check: a
// later change to the record that contradicts one of them fails here, and
// so does the record without those facts (a line naming abstainers needs
// every position).
func TestAuditRound13InRealRecord(t *testing.T) {
	const path = "testdata/audit13_sources.tsv"
	want := checksByDecision(t, path, releaseLines(t, path), 28, "the 28 of the file")
	decisions := record.Reconcile(realReports(t))
	checkEach(t, decisions, want)

	// The class: no decision a source reports adopted by acclamation is shown
	// as a vote.
	for _, d := range decisions {
		for _, r := range d.Reports {
			if r.Modality == unsc.ByAcclamation && d.Modality != unsc.ByAcclamation {
				t.Errorf("%s: %v, where %s says by acclamation", record.Symbol(d), d.Modality, r.Source)
			}
		}
	}
}
