package record_test

import (
	"testing"

	"unsc"
	"unsc/record"
)

// A press release's vote without its draft's symbol is the spreadsheet's
// vote at the same meeting with the same outcome and count, and only that.
func TestReconcileJoinsVotesWithoutSymbolByCount(t *testing.T) {
	veto := council2024(map[unsc.Code]unsc.Position{"USA": unsc.No, "GBR": unsc.Abstain})
	sheet := func(key, draft string, votes map[unsc.Code]unsc.Position, outcome unsc.Outcome) unsc.Report {
		return unsc.Report{Source: unsc.SourceSpreadsheet, Key: key, Ref: "sheet:" + key, Date: day("2024-02-20"),
			Meeting: "S/PV.9552", Draft: draft, Outcome: outcome, Votes: unsc.VotesOf(votes)}
	}
	press := unsc.Report{Source: unsc.SourcePress, Key: "p1", Ref: "https://press.un.org/", Date: day("2024-02-20"),
		Meeting: "S/PV.9552", Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"USA"},
		Tally: unsc.Tally{Yes: 13, No: 1, Abstain: 1, Known: true}}
	failed := council2024(map[unsc.Code]unsc.Position{"USA": unsc.No, "GBR": unsc.No, "FRA": unsc.No, "JPN": unsc.Abstain,
		"MLT": unsc.Abstain, "ECU": unsc.Abstain, "KOR": unsc.Abstain, "SLE": unsc.Abstain, "SVN": unsc.Abstain, "CHE": unsc.Abstain, "GUY": unsc.Abstain})

	tests := []struct {
		name    string
		reports []unsc.Report
		want    int
	}{
		{"one match", []unsc.Report{sheet("s1", "S/2024/173", veto, unsc.Vetoed), sheet("s2", "S/2024/174", failed, unsc.Failed), press}, 2},
		{"another count", []unsc.Report{sheet("s2", "S/2024/174", failed, unsc.Failed), press}, 2},
		{"two matches", []unsc.Report{sheet("s1", "S/2024/173", veto, unsc.Vetoed), sheet("s3", "S/2024/175", veto, unsc.Vetoed), press}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := record.Reconcile(tt.reports)
			if len(ds) != tt.want {
				t.Fatalf("Reconcile = %d decisions, want %d", len(ds), tt.want)
			}
			if tt.name == "one match" {
				for _, d := range ds {
					if d.Draft == "S/2024/173" && len(d.Sources) != 2 {
						t.Errorf("S/2024/173 from %v, want the spreadsheet and the press release", d.Sources)
					}
				}
			}
		})
	}
}
