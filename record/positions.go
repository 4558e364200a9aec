package record

import (
	"fmt"
	"slices"
	"strings"

	"unsc"
)

// Positions and the official count.
//
// The library's meeting tables give the official count of each vote; the
// UN Digital Library gives each member's position, and so, from 1994, does
// the unattributed spreadsheet. Positions are shown where they add up to
// the official count. Where they do not, the difference says what is
// wrong: the count leaves out the members that did not take part, which
// the Digital Library's pages often show as abstaining (China in 1971–81),
// or one member's position is misprinted. A difference that only one set
// of members can make up — every member shown abstaining must have stayed
// out, or the one member shown abstaining must have voted in favour — is
// resolved by the count, and the record shows the resolved positions with
// a note. Where several members could make it up, their positions are in
// doubt: the record says which, and replays the vote from the count.

// cat numbers the categories of a count: yes, no, abstain, and not voting
// (absent or not participating).
type cat int

const (
	catYes cat = iota
	catNo
	catAbstain
	catOut
)

func catOf(p unsc.Position) cat {
	switch p {
	case unsc.Yes:
		return catYes
	case unsc.No:
		return catNo
	case unsc.Abstain:
		return catAbstain
	}
	return catOut
}

// position is the position a category stands for when the record moves a
// member into it.
func (c cat) position() unsc.Position {
	return [...]unsc.Position{unsc.Yes, unsc.No, unsc.Abstain, unsc.NotParticipating}[c]
}

func (c cat) words() string {
	return [...]string{"in favour", "against", "abstaining", "not taking part"}[c]
}

func (c cat) did() string {
	return [...]string{"voted in favour", "voted against", "abstained", "did not take part in the vote"}[c]
}

// fit is positions set against the official count.
type fit struct {
	votes unsc.Votes
	// exact: the positions add up to the count as the source gives them.
	exact bool
	// moved lists the members the count moves, from a category to another.
	moved []move
	// doubt lists the members whose positions the count puts in doubt,
	// and what the difference is.
	doubt []unsc.Code
	why   string
}

type move struct {
	code     unsc.Code
	from, to cat
}

// countCats counts the members of c in each category of their positions
// in votes, a member not listed as absent. It reads votes once: looking
// each member up in them (Votes.Of reads them from the start) was most of
// fitCount's time, ~10 ms of the CPU of an import at today's size
// (PERFORMANCE.md, "Import at today's size, fourth pass").
func countCats(votes unsc.Votes, c unsc.Council) [4]int {
	var have [4]int
	listed := 0
	for code, p := range votes.All() {
		if _, ok := c.Member(code); ok {
			have[catOf(p)]++
			listed++
		}
	}
	have[catOf(unsc.Absent)] += len(c.Members) - listed
	return have
}

// fitCount sets a source's positions against the official count t, on the
// Council c. It resolves the difference where only one set of members can
// make it up, and otherwise says which members are in doubt.
func fitCount(votes unsc.Votes, t unsc.Tally, c unsc.Council) fit {
	// Most positions give their count: the members of each category are
	// listed only when they do not.
	have := countCats(votes, c)
	want := [4]int{t.Yes, t.No, t.Abstain, len(c.Members) - t.Yes - t.No - t.Abstain}
	if have == want {
		return fit{votes: votes, exact: true}
	}
	var members [4][]unsc.Code
	for _, m := range c.Members {
		k := catOf(votes.Of(m.Code))
		members[k] = append(members[k], m.Code)
	}
	var surplus, deficit []cat
	for k := catYes; k <= catOut; k++ {
		switch {
		case have[k] > want[k]:
			surplus = append(surplus, k)
		case have[k] < want[k]:
			deficit = append(deficit, k)
		}
	}
	f := fit{votes: votes}
	// One way to make up the difference: every member of each category
	// with too many moves, into the one category with too few.
	if len(deficit) == 1 && want[catOut] >= 0 {
		all := true
		for _, k := range surplus {
			if len(members[k]) != have[k]-want[k] {
				all = false
			}
		}
		if all {
			out := votes.Map()
			if out == nil {
				out = map[unsc.Code]unsc.Position{}
			}
			to := deficit[0]
			for _, k := range surplus {
				for _, code := range members[k] {
					out[code] = to.position()
					f.moved = append(f.moved, move{code, k, to})
				}
			}
			f.votes = unsc.VotesOf(out)
			return f
		}
	}
	for _, k := range surplus {
		f.doubt = append(f.doubt, members[k]...)
	}
	var parts []string
	for _, k := range surplus {
		n := have[k] - want[k]
		var to []string
		for _, d := range deficit {
			to = append(to, d.words())
		}
		parts = append(parts, fmt.Sprintf("%d of those %s (%s) %s", n, k.words(), names(c, members[k]), orList(to)))
	}
	f.why = strings.Join(parts, "; ")
	return f
}

// orList joins words with "or".
func orList(ws []string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return "should be " + ws[0]
	}
	return "should be " + strings.Join(ws[:len(ws)-1], ", ") + " or " + ws[len(ws)-1]
}

// names writes members by their names at the time, in the Council's order.
func names(c unsc.Council, codes []unsc.Code) string {
	var ns []string
	for _, m := range c.Members {
		if slices.Contains(codes, m.Code) {
			ns = append(ns, m.Name)
		}
	}
	for _, code := range codes {
		if _, ok := c.Member(code); !ok {
			ns = append(ns, string(code))
		}
	}
	return andList(ns)
}

func andList(ns []string) string {
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return ns[0]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

// swapped returns positions with yes and no exchanged.
func swapped(votes unsc.Votes) unsc.Votes {
	if !votes.Known() {
		return votes
	}
	out := make([]unsc.Vote, 0, 15)
	for c, p := range votes.All() {
		switch p {
		case unsc.Yes:
			p = unsc.No
		case unsc.No:
			p = unsc.Yes
		}
		out = append(out, unsc.Vote{Member: c, Position: p})
	}
	return unsc.VotesFrom(out)
}

func tallyText(t unsc.Tally) string {
	return fmt.Sprintf("%d-%d-%d", t.Yes, t.No, t.Abstain)
}

func wasWere(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}
