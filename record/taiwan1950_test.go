package record_test

import (
	"testing"

	"unsc"
	"unsc/record"
)

// TestBombingComplaintOf7September1950InRealRecord: the two procedural
// votes FRUS 1950 vol. VI doc. 289 gives at the 497th meeting (7 September
// 1950), in the order taken, each with the members the note names and
// every other member in favour: the bombing complaint put before the
// Taiwan complaint (8-1-2), then the question of the USSR's draft S/1759
// taken first (7-3-1). TestProceduralVotesFromFRUSInRealRecord checks only
// a meeting's first decision; this checks both.
func TestBombingComplaintOf7September1950InRealRecord(t *testing.T) {
	var want []volumeVoteLine
	for _, text := range []string{
		"S/PV.497\tS/PV.497\t8-1-2 N=SUN A=EGY,IND\t-",
		"S/PV.497\tS/PV.497\t7-3-1 N=CHN,CUB,ECU A=USA\t-",
	} {
		l, err := parseVolumeVoteLine(text)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, l)
	}
	var at []unsc.Decision
	for _, d := range record.Reconcile(realReports(t)) {
		if d.Meeting == "S/PV.497" && d.Matter == unsc.Procedural {
			at = append(at, d)
		}
	}
	if len(at) != len(want) {
		t.Fatalf("S/PV.497: %d procedural decisions, want %d (the order of the two complaints; S/1759's question first)", len(at), len(want))
	}
	for i, d := range at {
		if d.Recorded != unsc.Adopted {
			t.Errorf("S/PV.497, vote %d: %v, want adopted", i+1, d.Recorded)
		}
		if msg := want[i].check(d); msg != "" {
			t.Errorf("S/PV.497, vote %d: %s", i+1, msg)
		}
	}
}
