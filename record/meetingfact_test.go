package record_test

import (
	"strings"
	"testing"

	"unsc"
	"unsc/record"
)

// Two vetoes with no symbol at one meeting: a fact keyed by the meeting and
// the applicant ("S/PV.190 [Italy]") gives its positions to Italy's vote
// only; Austria's keeps its count alone.
func TestFactKeyedByMeetingAndApplicant(t *testing.T) {
	const in = "symbol,field,value,source,note\n" +
		"S/PV.190 [italy],votes,AUS=Y BEL=Y BRA=Y CHN=Y COL=Y FRA=Y SYR=Y GBR=Y USA=Y SUN=N POL=A,a cable,Italy's vote\n"
	facts, err := record.ParseFacts(strings.NewReader(in), "facts.csv")
	if err != nil {
		t.Fatal(err)
	}
	veto := func(key, applicant string, tally unsc.Tally) []unsc.Report {
		return []unsc.Report{
			{Source: unsc.SourceDHLMeetings, Key: "dhl:S/PV.190:" + key, Ref: "t:" + key, Date: day("1947-08-21"), Meeting: "S/PV.190",
				Title: "Admission of new Members", Outcome: unsc.Vetoed, Tally: tally, VetoedBy: []unsc.Code{"SUN"}},
			{Source: unsc.SourceDHLVetoes, Key: "dhl:S/PV.190:" + key, Ref: "v:" + key, Date: day("1947-08-21"), Meeting: "S/PV.190",
				Title: "Application for Membership " + applicant, Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"SUN"}},
		}
	}
	reports := append(veto("draft", "Italy", unsc.Tally{Yes: 9, No: 1, Abstain: 1, Known: true}),
		veto("draft#2", "Austria", unsc.Tally{Yes: 8, No: 1, Abstain: 2, Known: true})...)
	// An unofficial list naming Italy, paired with Austria's vote: not
	// taken for the applicant.
	// (The copy lists Austria first, the Library Italy first.)
	for i, applicant := range []string{"Austria", "Italy"} {
		key := "1947-08-21:S/PV.190"
		if i > 0 {
			key += "#2"
		}
		reports = append(reports, unsc.Report{Source: unsc.SourceWPDVetoes, Key: key, Ref: "w:" + applicant, Date: day("1947-08-21"),
			Meeting: "S/PV.190", Agenda: "Application for Membership " + applicant, Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"SUN"}})
	}
	ds := record.ReconcileWith(reports, facts)
	if len(ds) != 2 {
		t.Fatalf("Reconcile = %d decisions, want 2", len(ds))
	}
	for _, d := range ds {
		p, listed := d.Votes.Get("POL")
		switch d.Tally.Abstain {
		case 1: // Italy
			if !listed || p != unsc.Abstain || !d.Votes.Known() {
				t.Errorf("Italy's vote: Poland %v (listed %v), positions known %v; want abstaining, known", p, listed, d.Votes.Known())
			}
		case 2: // Austria
			if listed || d.Votes.Known() {
				t.Errorf("Austria's vote: Poland %v (listed %v), positions known %v; want the count alone", p, listed, d.Votes.Known())
			}
		}
	}
}
