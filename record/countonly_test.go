package record_test

import (
	"testing"

	"unsc"
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
	decisions := record.Reconcile(realReports(t))
	checkEach(t, decisions, want)

	// The 303rd meeting (24 May 1948) holds two votes with no symbol, the
	// preliminary question and the draft: the fact keyed by the meeting
	// and "preliminary" (the word of the Library's veto list) gives the
	// first every position, and the draft keeps its count only.
	preliminary, err := parseVolumeVoteLine("S/PV.303\tS/PV.303\t8-2-1 N=SUN,UKR A=FRA\t-")
	if err != nil {
		t.Fatal(err)
	}
	var seen []unsc.Matter
	for _, d := range decisions {
		if d.Meeting != "S/PV.303" {
			continue
		}
		seen = append(seen, d.Matter)
		switch d.Matter {
		case unsc.Preliminary:
			if msg := preliminary.check(d); msg != "" {
				t.Errorf("S/PV.303, preliminary question: %s", msg)
			}
		default:
			if d.Votes.Known() {
				t.Errorf("S/PV.303, the draft: positions %v; no page read names them, so the fact keyed [preliminary] must not reach it", d.Votes)
			}
		}
	}
	if len(seen) != 2 {
		t.Errorf("S/PV.303: %d decisions (%v), want the preliminary question and the draft", len(seen), seen)
	}
}
