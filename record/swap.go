package record

import (
	"fmt"
	"math"
	"slices"

	"unsc"
)

// Positions a source gives for the wrong one of two resolutions.
//
// The UN Digital Library's page of resolution 400 (1976) gives positions
// that count 13-0-2, and its page of resolution 401 (1976) positions that
// count 15-0-0; the official counts are 15-0-0 for 400 and 13-0-0 for 401
// (two members not taking part, whom the Digital Library writes as a blank
// and its pages show as abstaining). Each page's positions are the other
// resolution's. The rule: where two resolutions adjacent in number, on
// one Council, each have a page whose positions do not give its official
// count, and each page's positions give the other's count — as they stand
// or resolved by the count (fitCount) — better than its own, the pages'
// positions are swapped, and each resolution takes the other's. The
// reports are kept as imported; the record says which page it takes the
// positions from.

// positionSwap is the positions a group's report of a source is to be
// read with: those of another group's report of the same source.
type positionSwap struct {
	// key is the report whose positions are replaced.
	key   string
	votes unsc.Votes
	// from is the report the positions come from; resolution the
	// resolution it reports; official the official count of the decision
	// the positions are read for, and own that of the resolution the page
	// gives them for.
	from          unsc.Report
	official, own unsc.Report
}

// swappedPositions finds the groups whose UN Digital Library positions
// belong to the group of the adjacent resolution, and what to read each
// with, by group index.
func swappedPositions(groups [][]unsc.Report) map[int]*positionSwap {
	type res struct {
		group   int
		n, year int
		// The reports themselves are the groups': a candidate is a few
		// words, not two reports' copies (~15 MB at 30 times today's
		// record).
		page, official *unsc.Report
		council        unsc.Council
	}
	var rs []res
	for gi, g := range groups {
		var r res
		r.group = gi
		pages := 0
		for k := range g {
			rep := &g[k]
			if r.n == 0 && rep.Source.Official() {
				if n, ok := unsc.ResolutionNumber(rep.Resolution); ok {
					r.n = n
				}
			}
			switch {
			case rep.Source == unsc.SourceUNDL && rep.Votes.Known() && anyVote(rep.Votes):
				pages++
				r.page = rep
			case r.official == nil && rep.Source == unsc.SourceDHLMeetings && !rep.Votes.Known() && rep.Tally.Known && rep.Modality == unsc.ByVote:
				r.official = rep
			}
		}
		if r.n == 0 || pages != 1 || r.official == nil {
			continue
		}
		c, err := councilOn(r.official.Date)
		if err != nil {
			continue
		}
		r.council = c
		r.year = r.official.Date.Year()
		rs = append(rs, r)
	}
	slices.SortFunc(rs, func(a, b res) int { return a.n - b.n })
	out := map[int]*positionSwap{}
	for k := 1; k < len(rs); k++ {
		a, b := rs[k-1], rs[k]
		if b.n != a.n+1 || !sameMembers(a.council, b.council) {
			continue
		}
		if len(notSitting(a.council, b.page.Votes)) > 0 || len(notSitting(b.council, a.page.Votes)) > 0 {
			continue
		}
		own := fitCost(a.page.Votes, a.official.Tally, a.council) + fitCost(b.page.Votes, b.official.Tally, b.council)
		crossA := fitCost(b.page.Votes, a.official.Tally, a.council)
		crossB := fitCost(a.page.Votes, b.official.Tally, b.council)
		if math.IsInf(crossA, 1) || math.IsInf(crossB, 1) || crossA == 0 && crossB == 0 && own == 0 || crossA+crossB >= own {
			continue
		}
		if _, taken := out[a.group]; taken {
			continue
		}
		out[a.group] = &positionSwap{key: a.page.Key, votes: b.page.Votes, from: *b.page, official: *a.official, own: *b.official}
		out[b.group] = &positionSwap{key: b.page.Key, votes: a.page.Votes, from: *a.page, official: *b.official, own: *a.official}
	}
	return out
}

// fitCost is how far positions are from a count: 0 where they give it,
// the number of members the count moves where it resolves them, and
// infinity where it cannot.
func fitCost(votes unsc.Votes, t unsc.Tally, c unsc.Council) float64 {
	f := fitCount(votes, t, c)
	switch {
	case f.exact:
		return 0
	case f.moved != nil:
		return float64(len(f.moved))
	}
	return math.Inf(1)
}

func sameMembers(a, b unsc.Council) bool {
	if len(a.Members) != len(b.Members) {
		return false
	}
	for _, m := range a.Members {
		if _, ok := b.Member(m.Code); !ok {
			return false
		}
	}
	return true
}

// swapped reads a report with the positions the swap gives it.
func (s *positionSwap) apply(r unsc.Report) unsc.Report {
	if s == nil || r.Key != s.key || r.Source != s.from.Source {
		return r
	}
	r.Votes = s.votes
	return r
}

// note says which page the positions come from, and why.
func (s *positionSwap) note(d *unsc.Decision) unsc.Note {
	own := countVotes(s.votes)
	mine := s.official.Tally
	return unsc.Note{Kind: unsc.NoteCorrected, Field: "votes", Source: cite(s.official) + "; " + cite(s.own),
		Text: fmt.Sprintf("The UN Digital Library's page of this resolution gives positions that count %s, and its page of %s positions that count %s. The official counts (the Dag Hammarskjöld Library's meeting table) are %s for this resolution and %s for %s: each page gives the other resolution's positions. The record takes this resolution's positions from the page of %s (%s).",
			tallyText(countVotes(d.Reports[pageIndex(d, s.key)].Votes)), s.from.Resolution, tallyText(own),
			tallyText(mine), tallyText(s.own.Tally), s.from.Resolution, s.from.Resolution, s.from.Ref)}
}

func pageIndex(d *unsc.Decision, key string) int {
	for i, r := range d.Reports {
		if r.Source == unsc.SourceUNDL && r.Key == key {
			return i
		}
	}
	return 0
}
