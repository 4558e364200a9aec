package sqlite

import (
	"slices"
	"sync/atomic"

	"unsc"
)

// holdReports returns decisions as the import writes them, and the id of
// each stored report by source and key (ids gives the id of each of
// stored). Each decision is a copy of its own (the reconciler's are not
// changed; each goes on its own once written, see releaser), with its
// reports as stored (a reconciler may have changed its copies: each report
// of the record, matched by source and key, replaces it, as the tables
// read it back). A report not in the record is kept as given, and the
// writer refuses it. A decision whose reports all read as stored already
// (the usual case) shares its list of reports with the reconciler's, which
// is not copied (~30 MB at 30 times today's record), unless that list is a
// window on stored. Once nothing else holds the reconciler's decisions and
// the record's reports (Import and its caller let them go), what only they
// held goes too.
func holdReports(decisions []unsc.Decision, stored []unsc.Report, ids []int64) ([]*unsc.Decision, map[sourceKey]int64) {
	// Each stored report's place in stored, then its id: one map, made
	// once the reconciler is done (~6 MB at 30 times today's record).
	at := make(map[sourceKey]int64, len(stored))
	for i := range stored {
		at[sourceKey{stored[i].Source, stored[i].Key}] = int64(i)
	}
	asStored := func(r *unsc.Report) *unsc.Report {
		if j, ok := at[sourceKey{r.Source, r.Key}]; ok {
			return &stored[j]
		}
		return r
	}
	out := make([]*unsc.Decision, len(decisions))
	for i, d := range decisions {
		if !slices.ContainsFunc(d.Reports, func(r unsc.Report) bool { return !sameReport(&r, asStored(&r)) }) {
			if len(d.Reports) > 0 && &d.Reports[0] == asStored(&d.Reports[0]) {
				// The reconciler's window on the record's reports
				// (record.Reconcile gives a decision only one report
				// gives so): a copy of its own, so that the record's
				// reports go once every decision is read.
				d.Reports = slices.Clone(d.Reports)
			}
			out[i] = &d
			continue
		}
		reports := make([]unsc.Report, len(d.Reports))
		for k := range d.Reports {
			reports[k] = *asStored(&d.Reports[k])
		}
		d.Reports = reports
		out[i] = &d
	}
	for k, i := range at {
		at[k] = ids[i]
	}
	return out, at
}

// sameReport reports whether a and b hold the same values, each field
// identical (dates in the same location): a report for another.
func sameReport(a, b *unsc.Report) bool {
	if a == b {
		return true
	}
	return a.Source == b.Source && a.Key == b.Key && a.Ref == b.Ref &&
		a.Date == b.Date && a.Meeting == b.Meeting && a.Resolution == b.Resolution &&
		a.Draft == b.Draft && a.Amendment == b.Amendment && a.AmendmentTo == b.AmendmentTo &&
		a.Title == b.Title && a.Agenda == b.Agenda &&
		sameList(a.Subjects, b.Subjects) && sameList(a.Sponsors, b.Sponsors) &&
		a.Matter == b.Matter && a.MatterKnown == b.MatterKnown && a.Modality == b.Modality &&
		a.Outcome == b.Outcome && a.Tally == b.Tally && a.Votes == b.Votes &&
		sameList(a.VetoedBy, b.VetoedBy) && a.Note == b.Note
}

// sameList reports whether a and b hold the same items, and are both nil
// or both not.
func sameList[T comparable](a, b []T) bool {
	return (a == nil) == (b == nil) && slices.Equal(a, b)
}

// releaser lets each decision an import writes go once both the image's
// encoder and the tables' writer, which run side by side, are done with it:
// the decisions and their reports (~85 MB at 30 times today's record) are
// then not all held beside the whole image (~46 MB).
type releaser struct {
	decisions []*unsc.Decision
	users     []atomic.Uint32
}

func newReleaser(decisions []*unsc.Decision) *releaser {
	return &releaser{decisions: decisions, users: make([]atomic.Uint32, len(decisions))}
}

// done says that one of the two is done with decision i; the second lets
// it go.
func (r *releaser) done(i int) {
	if r.users[i].Add(1) == 2 {
		r.decisions[i] = nil
	}
}
