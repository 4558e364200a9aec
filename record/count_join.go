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
		if !r.Tally.Known && r.Votes == nil {
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
