package record_test

import (
	"testing"

	"unsc"
	"unsc/record"
)

// TestGoaAgendaVoteOf18December1961InRealRecord: the 987th meeting (18
// December 1961) put Portugal's complaint (Goa) on its agenda by a vote,
// 7-2-2, as the Repertoire of the Practice of the Security Council
// 1959–1963 gives it (read in a copy: DATA.md, "Issue 7 leads: the UN
// Yearbooks, FRUS and the press (session yearbook)"). No member is named,
// so the record must hold the procedural vote with its count and no
// position.
func TestGoaAgendaVoteOf18December1961InRealRecord(t *testing.T) {
	l, err := parseFRUSProceduralLine("1961-12-18\tS/PV.987\tthe complaint by Portugal (Goa) included in the agenda\tadopted\t7-2-2\thttps://goa-invasion-1961.blogspot.com/2013/05/complaint-by-portugal-goa.html\t-")
	if err != nil {
		t.Fatal(err)
	}
	var at []unsc.Decision
	for _, d := range record.Reconcile(realReports(t)) {
		if d.Meeting == "S/PV.987" {
			at = append(at, d)
		}
	}
	if len(at) != 1 {
		t.Fatalf("S/PV.987: %d decisions, want 1 (the agenda's adoption by vote)", len(at))
	}
	if at[0].Matter != unsc.Procedural {
		t.Errorf("S/PV.987: matter %v, want procedural", at[0].Matter)
	}
	if msg := l.check(at[0]); msg != "" {
		t.Errorf("S/PV.987: %s", msg)
	}
}
