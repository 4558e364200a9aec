package record_test

import (
	"slices"
	"strings"
	"testing"

	"unsc"
	"unsc/record"
)

// A fact names a decision's sponsors where the sources name none or
// others: resolution 2448 (2018) was put forward by France (the UN's
// summary of the 8,422nd meeting); the fact's note takes the place of a
// source's note that its list is cut short, and, citing the UN, makes the
// sponsors official.
func TestReconcileTakesSponsorsFromAFact(t *testing.T) {
	ds := record.Reconcile([]unsc.Report{{Source: unsc.SourceUNDL, Key: "u", Ref: "undl:1", Date: day("2018-12-13"), Meeting: "S/PV.8422",
		Resolution: "S/RES/2448 (2018)", Outcome: unsc.Adopted}, {Source: unsc.SourceSpreadsheet, Key: "s", Ref: "sheet:1", Date: day("2018-12-13"), Meeting: "S/PV.8422",
		Resolution: "S/RES/2448 (2018)", Outcome: unsc.Adopted, Sponsors: []string{"GBR"},
		Note: `sponsors: the file's list is cut short ("United", part of a name): the names it gives whole are kept, and others are missing`}})
	if len(ds) != 1 {
		t.Fatalf("Reconcile = %d decisions, want 1", len(ds))
	}
	d := ds[0]
	if !slices.Equal(d.Sponsors, []string{"FRA"}) {
		t.Errorf("sponsors = %v, want [FRA] (the fact)", d.Sponsors)
	}
	if hasNote(d, "sponsors", "not known") || !hasNote(d, "sponsors", "Fact:") {
		t.Errorf("notes = %+v, want the fact's note on sponsors in place of the cut list's", d.Notes)
	}
}

func TestSponsorFactInRealRecord(t *testing.T) {
	for _, d := range record.Reconcile(realReports(t)) {
		if d.Resolution != "S/RES/2448 (2018)" {
			continue
		}
		if !slices.Equal(d.Sponsors, []string{"FRA"}) {
			t.Errorf("resolution 2448 (2018): sponsors %v, want [FRA]", d.Sponsors)
		}
		if slices.Contains(record.Unofficial(d), record.FieldSponsors) {
			t.Errorf("resolution 2448 (2018): sponsors listed unofficial, want official (the fact cites UN Web TV)")
		}
		return
	}
	t.Fatal("the record lacks resolution 2448 (2018)")
}

func TestParseSponsorFactErrors(t *testing.T) {
	const head = "symbol,field,value,source,note\n"
	for _, tt := range []struct{ name, value, want string }{
		{"a code of no Council member", "AND", "not the code of a state that has sat"},
		{"a member's name for its code", "France", "want its code, FRA"},
		{"a member's name in the UN today for its code", "Belarus", "want its code, BLR"},
		{"given twice", "FRA;FRA", "given twice"},
		{"empty", ";", "missing"},
	} {
		_, err := record.ParseFacts(strings.NewReader(head+"S/RES/2448 (2018),sponsors,\""+tt.value+"\",x,y\n"), "facts.csv")
		if err == nil || !strings.Contains(err.Error(), "facts.csv:2:value") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error = %v, want one at facts.csv:2:value saying %q", tt.name, err, tt.want)
		}
	}
	f, err := record.ParseFacts(strings.NewReader(head+"S/RES/2448 (2018),sponsors,FRA; Andorra,x,y\n"), "facts.csv")
	if err != nil || !slices.Equal(f["S/RES/2448 (2018)"].Sponsors, []string{"FRA", "Andorra"}) {
		t.Errorf("ParseFacts = %v, %v; want sponsors [FRA Andorra]", f, err)
	}
}
