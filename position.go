package unsc

import "fmt"

// Position is what a member did on one vote.
type Position uint8

// The positions a member can take. Absent is the zero value: a member not
// listed on a ballot was absent. The letters are the UN Digital Library's.
const (
	Absent           Position = iota // not present at the vote
	Yes                              // Y: voted in favour
	No                               // N: voted against
	Abstain                          // A: abstained
	NotParticipating                 // X: present but not participating
)

// ParsePosition reads a position from its one-letter code: Y, N, A, X, or
// "-" (and "") for absent.
func ParsePosition(s string) (Position, error) {
	switch s {
	case "Y":
		return Yes, nil
	case "N":
		return No, nil
	case "A":
		return Abstain, nil
	case "X":
		return NotParticipating, nil
	case "-", "":
		return Absent, nil
	}
	return 0, fmt.Errorf("unknown vote %q: want Y (yes), N (no), A (abstain), X (present, not participating) or - (absent)", s)
}

// Letter returns the position's one-letter code ("-" for absent).
func (p Position) Letter() string {
	switch p {
	case Yes:
		return "Y"
	case No:
		return "N"
	case Abstain:
		return "A"
	case NotParticipating:
		return "X"
	}
	return "-"
}

// String returns the position in words.
func (p Position) String() string {
	switch p {
	case Yes:
		return "yes"
	case No:
		return "no"
	case Abstain:
		return "abstain"
	case NotParticipating:
		return "not participating"
	}
	return "absent"
}
