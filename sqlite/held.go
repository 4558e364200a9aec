package sqlite

import "unsc"

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
