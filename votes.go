package unsc

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strings"
)

// Votes holds each member's position on one vote, in the order of the
// members' codes: what a Go map of positions held, laid out in one string
// (a few bytes a member: ~80 for a Council of fifteen, where a map takes
// ~900). A record holds one for every report and decision, so their size
// is most of an import's memory.
//
// The zero Votes gives no positions (the source gives none); Votes made
// from positions, even from none, are known, and a member not among them
// was absent. Votes are values: With and Without return changed copies.
type Votes struct {
	// s is "" (none), or votesKnown followed, for each member in code
	// order, by the length of its code (a uvarint), the code and the
	// position's byte.
	s string
}

const votesKnown = "="

// Vote is one member's position, to make Votes from (VotesFrom).
type Vote struct {
	Member   Code
	Position Position
}

// VotesOf returns the positions of m; none for a nil map.
func VotesOf(m map[Code]Position) Votes {
	if m == nil {
		return Votes{}
	}
	vs := make([]Vote, 0, len(m))
	for c, p := range m {
		vs = append(vs, Vote{c, p})
	}
	return VotesFrom(vs)
}

// VotesFrom returns known Votes of vs (none listed: known, every member
// absent). A member listed twice takes its last position, as a map's
// assignment would. It sorts vs in place, keeping the order of a member's
// entries.
func VotesFrom(vs []Vote) Votes {
	slices.SortStableFunc(vs, func(a, b Vote) int { return cmp.Compare(a.Member, b.Member) })
	n := len(votesKnown)
	for _, v := range vs {
		n += binary.MaxVarintLen64 + len(v.Member) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, votesKnown...)
	for i, v := range vs {
		if i+1 < len(vs) && vs[i+1].Member == v.Member {
			continue // the last of a member's entries stands
		}
		b = binary.AppendUvarint(b, uint64(len(v.Member)))
		b = append(b, v.Member...)
		b = append(b, byte(v.Position))
	}
	return Votes{string(b)}
}

// Known reports whether the Votes give positions (a non-nil map).
func (v Votes) Known() bool { return v.s != "" }

// All yields each member listed and its position, in code order.
func (v Votes) All() iter.Seq2[Code, Position] {
	return func(yield func(Code, Position) bool) {
		for i := len(votesKnown); i < len(v.s); {
			c, p, next := v.at(i)
			if !yield(c, p) {
				return
			}
			i = next
		}
	}
}

// at reads the member listed at offset i: its code, its position and the
// offset of the next.
func (v Votes) at(i int) (Code, Position, int) {
	var n uint64
	for shift := 0; ; shift += 7 {
		b := v.s[i]
		i++
		n |= uint64(b&0x7f) << shift
		if b < 0x80 {
			break
		}
	}
	c := Code(v.s[i : i+int(n)])
	i += int(n)
	return c, Position(v.s[i]), i + 1
}

// Len returns how many members are listed.
func (v Votes) Len() int {
	n := 0
	for range v.All() {
		n++
	}
	return n
}

// Get returns member c's position and whether it is listed.
func (v Votes) Get(c Code) (Position, bool) {
	for m, p := range v.All() {
		if m == c {
			return p, true
		}
		if m > c {
			break
		}
	}
	return Absent, false
}

// Of returns member c's position: Absent where it is not listed.
func (v Votes) Of(c Code) Position {
	p, _ := v.Get(c)
	return p
}

// Members returns the members listed, in code order.
func (v Votes) Members() []Code {
	var out []Code
	for c := range v.All() {
		out = append(out, c)
	}
	return out
}

// Map returns the positions as a new map; nil for none.
func (v Votes) Map() map[Code]Position {
	if !v.Known() {
		return nil
	}
	m := make(map[Code]Position, v.Len())
	for c, p := range v.All() {
		m[c] = p
	}
	return m
}

// With returns known Votes with member c at position p.
func (v Votes) With(c Code, p Position) Votes {
	vs := slices.AppendSeq(make([]Vote, 0, v.Len()+1), v.pairs())
	return VotesFrom(append(vs, Vote{c, p}))
}

// Without returns the Votes without member c (still known if v is).
func (v Votes) Without(c Code) Votes {
	if !v.Known() {
		return v
	}
	vs := make([]Vote, 0, v.Len())
	for x := range v.pairs() {
		if x.Member != c {
			vs = append(vs, x)
		}
	}
	return VotesFrom(vs)
}

func (v Votes) pairs() iter.Seq[Vote] {
	return func(yield func(Vote) bool) {
		for c, p := range v.All() {
			if !yield(Vote{c, p}) {
				return
			}
		}
	}
}

// Equal reports whether v and w give the same positions, and are both
// known or both not.
func (v Votes) Equal(w Votes) bool { return v.s == w.s }

// String writes the positions as fmt writes a map of them.
func (v Votes) String() string {
	if !v.Known() {
		return "map[]"
	}
	var b strings.Builder
	b.WriteString("map[")
	first := true
	for c, p := range v.All() {
		if !first {
			b.WriteByte(' ')
		}
		first = false
		fmt.Fprintf(&b, "%s:%v", c, p)
	}
	b.WriteByte(']')
	return b.String()
}

// MarshalJSON writes the positions as a map of them: null for none.
func (v Votes) MarshalJSON() ([]byte, error) { return json.Marshal(v.Map()) }

// UnmarshalJSON reads what MarshalJSON writes.
func (v *Votes) UnmarshalJSON(b []byte) error {
	var m map[Code]Position
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*v = VotesOf(m)
	return nil
}
