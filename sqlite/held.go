package sqlite

import (
	"sync/atomic"

	"unsc"
)

// holdReports returns decisions as the import writes them: each decision
// a copy (the reconciler's are not changed), with its reports as stored (a
// reconciler may have changed its copies: each report of the record,
// matched by source and key, replaces it, as the tables read it back). A
// report not in the record is kept as given, and the writer refuses it.
// Once nothing else holds the reconciler's decisions and the record's
// reports (Import and its caller let them go), what only they held goes
// too.
func holdReports(decisions []unsc.Decision, stored []unsc.Report) []unsc.Decision {
	at := make(map[sourceKey]int, len(stored))
	for i := range stored {
		at[sourceKey{stored[i].Source, stored[i].Key}] = i
	}
	out := make([]unsc.Decision, len(decisions))
	for i, d := range decisions {
		if d.Reports != nil {
			reports := make([]unsc.Report, len(d.Reports))
			for k, r := range d.Reports {
				if j, ok := at[sourceKey{r.Source, r.Key}]; ok {
					r = stored[j]
				}
				reports[k] = r
			}
			d.Reports = reports
		}
		out[i] = d
	}
	return out
}

// releaser lets each decision an import writes go once both the image's
// encoder and the tables' writer, which run side by side, are done with it:
// the decisions and their reports (~85 MB at 30 times today's record) are
// then not all held beside the whole image (~46 MB).
type releaser struct {
	decisions []unsc.Decision
	users     []atomic.Uint32
}

func newReleaser(decisions []unsc.Decision) *releaser {
	return &releaser{decisions: decisions, users: make([]atomic.Uint32, len(decisions))}
}

// done says that one of the two is done with decision i; the second lets
// it go.
func (r *releaser) done(i int) {
	if r.users[i].Add(1) == 2 {
		r.decisions[i] = unsc.Decision{}
	}
}
