package record_test

import (
	"testing"

	"unsc"
	"unsc/record"
)

// TestIranianQuestionOf27March1946InRealRecord: the 27th meeting (27
// March 1946) took two votes. First the USSR's motion to postpone the
// Iranian question until 10 April, voted down with only the USSR and
// Poland for it (the press accounts of NZPA, the Press Association and
// MTI, "9:2"; FRUS 1946 vol. VII doc. 288: the Soviet delegation walked
// out after it); then, the USSR absent, the proposal to hear Iran's
// representative, which the UN's volume prints "adopted by 8 votes in
// favour (no further voting took place)". The record must hold both, in
// that order, each with its own count (DATA.md, "Issue 7 leads: the UN
// Yearbooks, FRUS and the press (session yearbook)").
func TestIranianQuestionOf27March1946InRealRecord(t *testing.T) {
	motion, err := parseVolumeVoteLine("S/PV.27\tS/PV.27\t2-9-0 N=AUS,BRA,CHN,EGY,FRA,GBR,MEX,NLD,USA\t-")
	if err != nil {
		t.Fatal(err)
	}
	var at []unsc.Decision
	for _, d := range record.Reconcile(realReports(t)) {
		if d.Meeting == "S/PV.27" {
			at = append(at, d)
		}
	}
	if len(at) != 2 {
		t.Fatalf("S/PV.27: %d decisions, want 2 (the USSR's motion to postpone, rejected; Iran's representative heard)", len(at))
	}
	first, second := at[0], at[1]
	if first.Recorded != unsc.Failed || first.Matter != unsc.Procedural {
		t.Errorf("S/PV.27, first vote: %v, matter %v; want the USSR's motion to postpone, procedural, failed", first.Recorded, first.Matter)
	}
	if msg := motion.check(first); msg != "" {
		t.Errorf("S/PV.27, the USSR's motion to postpone: %s", msg)
	}
	if second.Recorded != unsc.Adopted || second.Tally.Yes != 8 || second.Tally.No != 0 || second.Tally.Abstain != 0 {
		t.Errorf("S/PV.27, second vote: %v %v; want adopted by the 8 votes in favour the volume prints", second.Recorded, second.Tally)
	}
	if got := second.Votes.Of("SUN"); got != unsc.Absent {
		t.Errorf("S/PV.27, second vote: the USSR %v; it had walked out, absent", got)
	}
}
