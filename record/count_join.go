package record

import (
	"strconv"

	"unsc"
)

// countless pairs a failed or vetoed draft that a report gives without a
// symbol (a press release whose draft's symbol was not found) with the
// report of the same vote in another source: the one vote at the same
// meeting, with the same outcome and count. A pair is made only where the
// symbol-less report is the only one of its source at that meeting with
// that outcome and count, and exactly one report of each other source
// matches it; anything less certain stays apart.
func countless(reports []unsc.Report, resolution []int) map[string][]int {
	type voteKey struct {
		meeting string
		outcome unsc.Outcome
		count   string
	}
	keyOf := func(r unsc.Report) (voteKey, bool) {
		if r.Meeting == "" || r.Amendment || (r.Outcome != unsc.Failed && r.Outcome != unsc.Vetoed) {
			return voteKey{}, false
		}
		if !r.Tally.Known && !r.Votes.Known() {
			return voteKey{}, false
		}
		return voteKey{r.Meeting, r.Outcome, tallyKey(r)}, true
	}
	// The candidates of each source, by vote.
	bySource := map[voteKey]map[unsc.Source][]int{}
	for i, r := range reports {
		if resolution[i] != 0 {
			continue
		}
		k, ok := keyOf(r)
		if !ok {
			continue
		}
		if bySource[k] == nil {
			bySource[k] = map[unsc.Source][]int{}
		}
		bySource[k][r.Source] = append(bySource[k][r.Source], i)
	}
	out := map[string][]int{}
	for k, sources := range bySource {
		if len(sources) < 2 {
			continue
		}
		// Some source must give the vote without a symbol, and every
		// source just once.
		symbolless, unique := false, true
		for _, idx := range sources {
			if len(idx) != 1 {
				unique = false
			}
			for _, i := range idx {
				if reports[i].Draft == "" {
					symbolless = true
				}
			}
		}
		if !symbolless || !unique {
			continue
		}
		key := "count:" + k.meeting + ":" + strconv.Itoa(int(k.outcome)) + ":" + k.count
		for _, idx := range sources {
			out[key] = append(out[key], idx...)
		}
	}
	return out
}

// oralOccurrences numbers the oral amendments to one draft at one meeting
// that a source reports with the same count, in the order the source gives
// them: three amendments put to the vote in a row and each rejected 4-2-9
// (S/PV.9527, 10 January 2024) are three decisions, the n-th in one source
// the n-th in another.
func oralOccurrences(reports []unsc.Report) []int {
	occ := make([]int, len(reports))
	type oralKey struct {
		source                       unsc.Source
		meeting, day, amends, counts string
	}
	bySource := map[oralKey][]int{}
	for i, r := range reports {
		if !r.Amendment || r.Draft != "" {
			continue
		}
		k := oralKey{r.Source, r.Meeting, r.Date.Format("2006-01-02"), r.AmendmentTo, tallyKey(r)}
		bySource[k] = append(bySource[k], i)
	}
	for k, idx := range bySource {
		if len(idx) < 2 {
			continue
		}
		inPageOrder(reports, idx, k.source)
		for n, i := range idx {
			occ[i] = n
		}
	}
	return occ
}
