package unsc

import (
	"fmt"
	"time"
)

// Matter is the kind of question put to the vote, which decides the rule that
// applies to it (Charter Art. 27; ICJ Statute Art. 10).
type Matter uint8

// The kinds of matter. NonProcedural is the zero value: a matter is
// non-procedural unless it is shown to be procedural.
const (
	// NonProcedural matters ("all other matters", Art. 27(3)) need the
	// required number of affirmative votes and no permanent member against.
	NonProcedural Matter = iota
	// Procedural matters (Art. 27(2)) need the required number of
	// affirmative votes; no member has a veto.
	Procedural
	// Preliminary is the vote on whether a matter is procedural. It is
	// itself decided as a non-procedural matter, which gives a permanent
	// member the "double veto".
	Preliminary
	// ICJElection is a round of balloting for judges of the International
	// Court of Justice: an absolute majority of the Council's members, with no
	// distinction between permanent and elected members (ICJ Statute Art. 10).
	ICJElection
)

var matterNames = [...]string{
	NonProcedural: "non-procedural",
	Procedural:    "procedural",
	Preliminary:   "preliminary",
	ICJElection:   "icj-election",
}

// String returns the matter's name as written in ballots.
func (m Matter) String() string {
	if int(m) < len(matterNames) {
		return matterNames[m]
	}
	return fmt.Sprintf("Matter(%d)", m)
}

// ParseMatter reads a matter from its name.
func ParseMatter(s string) (Matter, error) {
	for m, name := range matterNames {
		if s == name {
			return Matter(m), nil
		}
	}
	return 0, fmt.Errorf("unknown matter %q: want non-procedural, procedural, preliminary or icj-election", s)
}

// Modality says how a decision was taken.
type Modality uint8

// The modalities. A decision taken without a vote or by acclamation has no
// votes on its ballot.
const (
	ByVote Modality = iota
	WithoutVote
	ByAcclamation
)

var modalityNames = [...]string{
	ByVote:        "vote",
	WithoutVote:   "without-vote",
	ByAcclamation: "acclamation",
}

// String returns the modality's name as written in ballots.
func (m Modality) String() string {
	if int(m) < len(modalityNames) {
		return modalityNames[m]
	}
	return fmt.Sprintf("Modality(%d)", m)
}

// ParseModality reads a modality from its name.
func ParseModality(s string) (Modality, error) {
	for m, name := range modalityNames {
		if s == name {
			return Modality(m), nil
		}
	}
	return 0, fmt.Errorf("unknown modality %q: want vote, without-vote or acclamation", s)
}

// Ballot is one question put to the Council and how its members voted.
type Ballot struct {
	Date   time.Time
	Matter Matter
	// Amendment is true when the ballot is on an amendment to a draft whose
	// matter is Matter. Amendments are voted before the draft they amend
	// (rules 33 and 36) and follow the draft's rule: an amendment to a
	// non-procedural draft can be vetoed.
	Amendment bool
	Modality  Modality
	// Votes holds each member's position. A Council member not listed was
	// absent.
	Votes Votes
	// Chapter is the Charter chapter the decision falls under ("VI", "VII",
	// …) or "52(3)"; with Parties it marks obligatory abstention.
	Chapter string
	// Parties are the parties to the dispute. Under Chapter VI and Art. 52(3)
	// a party that sits on the Council shall abstain (Art. 27(3) proviso).
	Parties []Code
	// Seats and Candidates describe an ICJ election round; Votes is unused
	// there, because the ballot is secret.
	Seats      int
	Candidates []Candidate
	// Atrocity flags a draft on mass atrocities, for rules that deny the veto
	// on such drafts.
	Atrocity bool
}

// Candidate is a candidate in an ICJ election round and the votes obtained.
type Candidate struct {
	Name  string
	Votes int
}

// ObligesAbstention reports whether the ballot's chapter obliges parties to
// the dispute to abstain (Art. 27(3): decisions under Chapter VI and under
// Art. 52(3)).
func (b Ballot) ObligesAbstention() bool {
	return b.Chapter == "VI" || b.Chapter == "52(3)"
}

// IsParty reports whether code is a party to the dispute.
func (b Ballot) IsParty(code Code) bool {
	for _, p := range b.Parties {
		if p == code {
			return true
		}
	}
	return false
}
