package sqlite

import (
	"reflect"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"unsc"
)

// TestChecksumCoversEveryField fails when unsc.Decision, unsc.Report,
// unsc.Tally or unsc.Note gains a field that checksum does not hash: add it there and to
// checksumFields.
func TestChecksumCoversEveryField(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeFor[unsc.Decision](), reflect.TypeFor[unsc.Report](), reflect.TypeFor[unsc.Tally](), reflect.TypeFor[unsc.Note]()} {
		var fields []string
		for i := range typ.NumField() {
			fields = append(fields, typ.Field(i).Name)
		}
		if diff := gocmp.Diff(checksumFields[typ.Name()], fields); diff != "" {
			t.Errorf("the fields of unsc.%s that checksum hashes differ from its fields (-hashed +declared):\n%s", typ.Name(), diff)
		}
	}
}

// TestChecksumTellsFieldsApart checks that a change to any one field, or a
// value moved from one field to the next, changes the sums.
func TestChecksumTellsFieldsApart(t *testing.T) {
	base := []unsc.Decision{{
		ID: 1, Meeting: "S/PV.1", Title: "a", Agenda: "", Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.Yes}),
		Reports: []unsc.Report{{Source: unsc.SourceUNDL, Key: "k", Title: "t"}},
	}}
	decisions, record := checksums(base)
	variants := map[string]func(d *unsc.Decision){
		"title moved to agenda": func(d *unsc.Decision) { d.Title, d.Agenda = "", "a" },
		"a position":            func(d *unsc.Decision) { d.Votes = unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.No}) },
		"no positions":          func(d *unsc.Decision) { d.Votes = unsc.Votes{} },
		"a veto":                func(d *unsc.Decision) { d.VetoedBy = []unsc.Code{"USA"} },
		"the tally known":       func(d *unsc.Decision) { d.Tally.Known = true },
		"a report's key":        func(d *unsc.Decision) { d.Reports = []unsc.Report{{Source: unsc.SourceUNDL, Key: "K", Title: "t"}} },
	}
	for name, change := range variants {
		d := base[0]
		change(&d)
		gotDecisions, gotRecord := checksums([]unsc.Decision{d})
		if gotRecord == record {
			t.Errorf("checksums with %s changed = the same record sum, want another", name)
		}
		if name != "a report's key" && gotDecisions == decisions {
			t.Errorf("checksums with %s changed = the same decisions sum, want another", name)
		}
		if name == "a report's key" && gotDecisions != decisions {
			t.Errorf("checksums with %s changed = another decisions sum, want the same: it leaves out the reports", name)
		}
	}
}
