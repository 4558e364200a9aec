package analysis_test

import (
	"slices"
	"testing"

	"unsc"
	"unsc/analysis"
	"unsc/charter"
	"unsc/readmodel"
)

// TestSeatColumnsAsTable checks the positions of a few members read alone
// (as `unsc member` and `unsc decisions --member` read them) against the
// table of every member's positions: for every member that ever sat, the
// permanent seats, a seat of two codes, a code that never sat and none,
// over the record decoded and read in columns.
func TestSeatColumnsAsTable(t *testing.T) {
	ds, _ := realRecord(t)
	var sets [][]unsc.Code
	for _, m := range charter.Tenures() {
		if !slices.ContainsFunc(sets, func(s []unsc.Code) bool { return len(s) == 1 && s[0] == m.Code }) {
			sets = append(sets, []unsc.Code{m.Code})
		}
	}
	sets = append(sets, []unsc.Code{"SUN", "RUS"}, []unsc.Code{"RUS", "SUN"}, []unsc.Code{"YMD", "YEM"}, []unsc.Code{"XXX"}, []unsc.Code{"usa"}, nil)
	b, err := readmodel.Encode(ds)
	if err != nil {
		t.Fatal(err)
	}
	img, err := readmodel.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	// A few sets at a time, as a question asks (past 127 codes the table
	// is built anyway), each time on a new index.
	for lo := 0; lo < len(sets); lo += 12 {
		chunk := sets[lo:min(lo+12, len(sets))]
		for name, x := range map[string]*analysis.Index{"decoded": analysis.New(ds), "columns": analysis.NewColumns(readmodel.View{Image: img})} {
			few, table, fewSat, tableSat := x.SeatColumns(chunk...)
			for k, s := range chunk {
				if !slices.Equal(few[k], table[k]) {
					t.Errorf("%s: positions of %v read alone differ from the table's", name, s)
				}
				if !slices.Equal(fewSat[k], tableSat[k]) {
					t.Errorf("%s: where %v sat, read alone, differs from the table's", name, s)
				}
			}
		}
	}
	if len(sets) < 100 {
		t.Errorf("only %d sets asked about", len(sets))
	}
}
