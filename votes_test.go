package unsc_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"testing"

	"pgregory.net/rapid"

	"unsc"
)

// TestVotesActAsTheMap checks Votes against the map of positions they
// replace: the same members and positions, the same text from fmt and
// encoding/json, nil apart from empty, and With and Without as a map's
// assignment and delete.
func TestVotesActAsTheMap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		code := rapid.Custom(func(t *rapid.T) unsc.Code {
			return unsc.Code(rapid.StringMatching(`[A-Z]{1,4}|.{0,200}`).Draw(t, "code"))
		})
		pos := rapid.Custom(func(t *rapid.T) unsc.Position { return unsc.Position(rapid.IntRange(0, 255).Draw(t, "p")) })
		var m map[unsc.Code]unsc.Position
		if rapid.Bool().Draw(t, "known") {
			m = rapid.MapOf(code, pos).Draw(t, "votes")
		}
		v := unsc.VotesOf(m)
		if v.Known() != (m != nil) || v.Len() != len(m) {
			t.Fatalf("VotesOf(%v): known %v, %d members", m, v.Known(), v.Len())
		}
		if got := v.Map(); !maps.Equal(got, m) || (got == nil) != (m == nil) {
			t.Fatalf("VotesOf(%v).Map() = %v", m, got)
		}
		for c, p := range m {
			if q, ok := v.Get(c); !ok || q != p || v.Of(c) != p {
				t.Fatalf("VotesOf(%v).Get(%q) = %v, %v", m, c, q, ok)
			}
		}
		other := code.Draw(t, "other")
		if _, listed := m[other]; !listed {
			if _, ok := v.Get(other); ok || v.Of(other) != unsc.Absent {
				t.Fatalf("VotesOf(%v) lists %q", m, other)
			}
		}
		prev := unsc.Code("")
		for c := range v.All() {
			if c < prev {
				t.Fatalf("VotesOf(%v).All() not in code order: %q after %q", m, c, prev)
			}
			prev = c
		}
		if got, want := fmt.Sprint(v), fmt.Sprint(m); got != want {
			t.Fatalf("fmt of votes = %s, of the map %s", got, want)
		}
		got, _ := json.Marshal(v)
		want, _ := json.Marshal(m)
		if string(got) != string(want) {
			t.Fatalf("json of votes = %s, of the map %s", got, want)
		}
		var back unsc.Votes
		if err := json.Unmarshal(got, &back); err != nil || !back.Equal(v) {
			t.Fatalf("json %s read back as %v (%v), want %v", got, back, err, v)
		}
		c, p := code.Draw(t, "set"), pos.Draw(t, "to")
		set := maps.Clone(m)
		if set == nil {
			set = map[unsc.Code]unsc.Position{}
		}
		set[c] = p
		if w := v.With(c, p); !w.Equal(unsc.VotesOf(set)) {
			t.Fatalf("%v.With(%q, %v) = %v, want %v", v, c, p, w, set)
		}
		del := maps.Clone(m)
		delete(del, c)
		if w := v.Without(c); !w.Equal(unsc.VotesOf(del)) {
			t.Fatalf("%v.Without(%q) = %v, want %v", v, c, w, del)
		}
	})
}

// TestVotesFrom checks that a member listed twice takes its last
// position, as a map's assignment would, and that none listed is known.
func TestVotesFrom(t *testing.T) {
	v := unsc.VotesFrom([]unsc.Vote{{"USA", unsc.Yes}, {"CHN", unsc.No}, {"USA", unsc.Abstain}})
	if v.Len() != 2 || v.Of("USA") != unsc.Abstain || v.Of("CHN") != unsc.No {
		t.Errorf("VotesFrom = %v, want map[CHN:no USA:abstain]", v)
	}
	if none := unsc.VotesFrom(nil); !none.Known() || none.Len() != 0 || none.Equal(unsc.Votes{}) {
		t.Errorf("VotesFrom(nil) = %v (known %v), want known and empty", none, none.Known())
	}
}
