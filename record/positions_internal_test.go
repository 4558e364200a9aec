package record

import (
	"testing"
	"time"

	"unsc"
)

// TestCountCatsAsEachMember checks that countCats counts what looking
// each member up in the votes counts, on the Council of every year, with
// positions of every kind, members left out and a state not sitting.
func TestCountCatsAsEachMember(t *testing.T) {
	positions := []unsc.Position{unsc.Yes, unsc.No, unsc.Abstain, unsc.NotParticipating, unsc.Absent}
	for year := 1946; year <= 2025; year++ {
		c, err := councilOn(time.Date(year, 6, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		for shift := range positions {
			m := map[unsc.Code]unsc.Position{"ZZZ": unsc.No} // not a member
			for i, mem := range c.Members {
				if p := positions[(i+shift)%len(positions)]; p != unsc.Absent {
					m[mem.Code] = p
				}
			}
			votes := unsc.VotesOf(m)
			var want [4]int
			for _, mem := range c.Members {
				want[catOf(votes.Of(mem.Code))]++
			}
			if got := countCats(votes, c); got != want {
				t.Errorf("%d, shift %d: countCats = %v, want %v", year, shift, got, want)
			}
		}
	}
}
