package sqlite

import "unsc"

// heldVotes are the positions of the decisions an import writes, and of
// their reports, kept as the text the reports table stores them in
// (encodeVotes: "AUS=Y BRA=N …", in code order) while the image is encoded
// and the tables are written, instead of the maps the reconciler gave: a Go
// map of a Council's fifteen takes ~900 bytes, its text ~100. At 30 times
// today's record the maps were ~80 MB of the import's largest live heap.
// Each decision's positions are made into a map again, one decision at a
// time, as the encoder and the writer come to it.
type heldVotes struct {
	decision []string // by decision
	// The texts of decision i's reports are report[reportAt[i]:reportAt[i+1]].
	reportAt []int
	report   []string
}

// The texts that are not positions.
const (
	noVotes   = "\x00" // a nil map: the source gives no positions
	keptVotes = "\x01" // the map is kept where it was: its text would not read back as it (the writer says why)
)

// holdText returns the text that holds votes.
func holdText(votes map[unsc.Code]unsc.Position) string {
	v, why := encodeVotes(votes)
	switch {
	case why != "":
		return keptVotes
	case v == nil:
		return noVotes
	}
	return v.(string)
}

// holdVotes returns decisions as the import writes them, with their
// positions held: each decision a copy (the reconciler's are not changed),
// its reports as stored (a reconciler may have changed its copies: each
// report of the record, matched by source and key, replaces it, as the
// tables read it back), and the positions of the decisions and of their
// reports taken out into text. Once nothing else holds the reconciler's
// decisions and the record's reports (Import and its caller let them go),
// their maps go too.
func holdVotes(decisions []unsc.Decision, stored []unsc.Report) ([]unsc.Decision, *heldVotes) {
	at := make(map[sourceKey]int, len(stored))
	for i := range stored {
		at[sourceKey{stored[i].Source, stored[i].Key}] = i
	}
	n := 0
	for i := range decisions {
		n += len(decisions[i].Reports)
	}
	out := make([]unsc.Decision, len(decisions))
	h := &heldVotes{decision: make([]string, len(decisions)), reportAt: make([]int, 1, len(decisions)+1), report: make([]string, 0, n)}
	for i, d := range decisions {
		if h.decision[i] = holdText(d.Votes); h.decision[i] != keptVotes {
			d.Votes = nil
		}
		if d.Reports != nil {
			reports := make([]unsc.Report, len(d.Reports))
			for k, r := range d.Reports {
				text := keptVotes // a report not in the record: the writer refuses it
				if j, ok := at[sourceKey{r.Source, r.Key}]; ok {
					r = stored[j]
					if text = holdText(r.Votes); text != keptVotes {
						r.Votes = nil
					}
				}
				reports[k] = r
				h.report = append(h.report, text)
			}
			d.Reports = reports
		}
		out[i] = d
		h.reportAt = append(h.reportAt, len(h.report))
	}
	return out, h
}

// known reports whether decision i, d, has positions (a map, maybe empty).
func (h *heldVotes) known(i int, d *unsc.Decision) bool {
	t := h.decision[i]
	return t != noVotes && (t != keptVotes || d.Votes != nil)
}

// votes returns decision i, d's, positions.
func (h *heldVotes) votes(i int, d *unsc.Decision) map[unsc.Code]unsc.Position {
	return votesOf(h.decision[i], d.Votes)
}

// reportVotes returns the positions of report k of decision i, r.
func (h *heldVotes) reportVotes(i, k int, r *unsc.Report) map[unsc.Code]unsc.Position {
	return votesOf(h.report[h.reportAt[i]+k], r.Votes)
}

// votesOf returns the positions text holds; kept where it holds none.
func votesOf(text string, kept map[unsc.Code]unsc.Position) map[unsc.Code]unsc.Position {
	switch text {
	case noVotes:
		return nil
	case keptVotes:
		return kept
	}
	// encodeVotes wrote it, from positions it checked: it reads back.
	votes, _ := decodeVotes(text, true)
	return votes
}
