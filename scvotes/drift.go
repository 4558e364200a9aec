package scvotes

import (
	"fmt"
	"slices"

	"unsc"
)

// A drift is a stretch of the file where the "Submitted by" column runs one
// decision late: the cell of the first decision of the stretch holds the
// end of the list of the decision before it (the column was cut there),
// each decision of the stretch holds in its cell the sponsors of the
// decision before, and so takes its sponsors from the next decision's
// cell, to the last. What follows the last is one of two things: the next
// decision's own cell was lost (lost), so its sponsors are not known; or
// the next decision's cell holds the last decision's sponsors, the first
// merged of its names, run together with its own (merged > 0).
//
// Found by reading the file against the UN's pages (audit round 6, in
// DATA.md): from resolution 2640 (2022) to 2671 (2022) the cells sit one
// decision late — the Norwegian and Irish draft on Syria vetoed on 8 July
// 2022 (SC/14963) shows "France", the Russian draft of that day "Ireland,
// Norway", resolution 2642 "Russian Federation"; resolution 2645 (2022)
// (BINUH, put forward by the United States and Mexico) "United Kingdom",
// 2646 (UNFICYP, the United Kingdom's) "Mexico and United States", 2669
// (Myanmar, the United Kingdom's: SC/15159 and Reuters) "Mexico".
type drift struct {
	first, last string // the decisions, by resolution symbol or else draft symbol
	lost        bool   // the cell of the decision after last was lost
	merged      int    // or: how many of its first names are last's
}

var drifts = []drift{
	// "Russian Federation and United" | "States": the cell of 2640 ends
	// that of 2639; the cell of 2651 (UNITAD) is lost, that of 2652 is its
	// own.
	{first: "S/RES/2640 (2022)", last: "S/RES/2650 (2022)", lost: true},
	// The list of the 28 European sponsors of 2652 ends with "France" in
	// the cell of S/2022/720; the cell of 2671 (UNDOF) begins with 2670's
	// "United Kingdom" and goes on with its own "Russian Federation,
	// United States".
	{first: "S/2022/720", last: "S/RES/2670 (2022)", merged: 1},
}

// realignSponsors mends each drift the file holds: it gives each decision
// of the stretch the sponsors of the next decision's cell, joins the first
// cell to the list it ends, and settles the decision after the stretch.
// cells are the "Submitted by" cells of the reports, in the file's order.
// A drift whose decisions the file does not hold is left alone.
func realignSponsors(reports []unsc.Report, cells []string) {
	index := func(symbol string) int {
		return slices.IndexFunc(reports, func(r unsc.Report) bool {
			return r.Resolution == symbol || (r.Resolution == "" && r.Draft == symbol)
		})
	}
	name := func(r unsc.Report) string {
		if r.Resolution != "" {
			return r.Resolution
		}
		return r.Draft
	}
	for _, d := range drifts {
		i0, i1 := index(d.first), index(d.last)
		if i0 < 1 || i1 < i0 || i1+1 >= len(reports) {
			continue
		}
		span := fmt.Sprintf("the file's \"Submitted by\" column runs one decision late from %s to %s", d.first, d.last)
		set := func(i int, cell, how string) {
			sp, _ := sponsors(cell)
			reports[i].Sponsors = sp
			addNote(&reports[i], "sponsors: "+span+"; "+how)
		}
		set(i0-1, cells[i0-1]+", "+cells[i0], fmt.Sprintf("this list goes on in the cell of %s", name(reports[i0])))
		for i := i0; i <= i1; i++ {
			set(i, cells[i+1], fmt.Sprintf("taken from the cell of %s", name(reports[i+1])))
		}
		next := &reports[i1+1]
		switch {
		case d.lost:
			next.Sponsors = nil
			addNote(next, "sponsors: "+span+"; the cell of this decision is lost (its own holds the sponsors of "+d.last+"): not known")
		case d.merged > 0 && d.merged < len(reports[i1].Sponsors):
			next.Sponsors = reports[i1].Sponsors[d.merged:]
			reports[i1].Sponsors = reports[i1].Sponsors[:d.merged:d.merged]
			addNote(next, "sponsors: "+span+fmt.Sprintf("; this cell begins with the sponsors of %s, which are left out", d.last))
		}
	}
}

func addNote(r *unsc.Report, note string) {
	if r.Note != "" {
		r.Note += "; "
	}
	r.Note += note
}
