package unsc

import "fmt"

// Outcome is what the Council decided on a ballot. A vetoed draft is an
// outcome, not an error.
type Outcome uint8

// The outcomes.
const (
	// Adopted: the proposal obtained the required majority (for a preliminary
	// question: the matter is procedural; for an ICJ round: every seat was
	// filled).
	Adopted Outcome = iota + 1
	// Failed: not adopted for want of the required number of votes, or (ICJ)
	// a round that did not fill every seat.
	Failed
	// Vetoed: the required votes were there, but a permanent member voted
	// against a non-procedural matter.
	Vetoed
)

var outcomeNames = [...]string{Adopted: "adopted", Failed: "failed", Vetoed: "vetoed"}

// String returns the outcome's name.
func (o Outcome) String() string {
	if o >= Adopted && int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return fmt.Sprintf("Outcome(%d)", o)
}

// ParseOutcome reads an outcome from its name.
func ParseOutcome(s string) (Outcome, error) {
	for o := Adopted; int(o) < len(outcomeNames); o++ {
		if outcomeNames[o] == s {
			return o, nil
		}
	}
	return 0, fmt.Errorf("unknown outcome %q: want adopted, failed or vetoed", s)
}

// Result is the Council's decision on one ballot, with the counts it rests on.
type Result struct {
	Outcome Outcome
	// VetoedBy lists the permanent members whose negative vote defeated the
	// proposal, in the Council's order.
	VetoedBy []Member
	// NoByPermanent lists permanent members that voted no when that was not a
	// veto (a procedural matter, or a proposal short of the required votes).
	NoByPermanent []Member
	// Withheld lists the permanent members that neither voted in favour nor
	// against: they abstained, were absent or did not participate, none of
	// which is a veto.
	Withheld []Cast
	// Obliged lists members that were parties to the dispute and so bound to
	// abstain (Art. 27(3)); they are counted among the abstentions whatever
	// they cast.
	Obliged []Member

	Yes, No, Abstain, NotParticipating, Absent int
	// Required is the number of affirmative votes the decision needed.
	Required int
	// Members is the size of the Council on the date.
	Members int

	Matter    Matter
	Amendment bool
	Modality  Modality

	// Seats and Elected describe an ICJ election round.
	Seats   int
	Elected []string
	// Rerun is true when more candidates than seats obtained the majority, so
	// the round is repeated (ICJ Statute Art. 10; rule 61).
	Rerun bool
}

// Cast is one member's position on a ballot.
type Cast struct {
	Member   Member
	Position Position
}
