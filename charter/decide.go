package charter

import (
	"fmt"

	"unsc"
)

// Rules are the voting rules the engine applies. Charter holds the rules in
// force; other values describe what-if variants, so that replays under other
// rules use the same engine.
type Rules struct {
	// Name identifies the rules in answers that use them.
	Name string
	// Required, when non-zero, replaces the Council's required number of
	// affirmative votes.
	Required int
	// VetoThreshold is how many negative votes of veto holders defeat a
	// non-procedural matter that has the required votes: 1 under the
	// Charter; 0 means that no member has a veto.
	VetoThreshold int
	// Grant gives the veto to members that are not permanent; Deny takes
	// it from permanent members.
	Grant, Deny []unsc.Code
	// NoVetoOnAtrocities lets no veto block a ballot flagged Atrocity.
	NoVetoOnAtrocities bool
}

// Charter is the rules of the Charter of the United Nations as applied by
// the Council.
var Charter = Rules{Name: "charter", VetoThreshold: 1}

// Decide applies the Charter to a ballot taken in Council c. It returns an
// *unsc.Error with code EINVALID when the ballot does not fit the Council:
// a vote by a state that is not a member on that date, votes on a decision
// taken without a vote, or an ICJ round without candidates.
func Decide(c unsc.Council, b unsc.Ballot) (unsc.Result, error) {
	return Charter.Decide(c, b)
}

// Decide applies the rules to a ballot taken in Council c.
func (rules Rules) Decide(c unsc.Council, b unsc.Ballot) (unsc.Result, error) {
	r := unsc.Result{
		Required:  c.Required,
		Members:   len(c.Members),
		Matter:    b.Matter,
		Amendment: b.Amendment,
		Modality:  b.Modality,
	}
	if rules.Required > 0 {
		r.Required = rules.Required
	}
	if err := checkChapter(b.Chapter); err != nil {
		return unsc.Result{}, err
	}
	if b.Matter == unsc.ICJElection {
		return rules.elect(c, b, r)
	}
	if len(b.Candidates) > 0 || b.Seats != 0 {
		return unsc.Result{}, unsc.Errorf(unsc.EINVALID, "candidates", "candidates and seats are for matter icj-election only, not %s", b.Matter)
	}
	if b.Modality != unsc.ByVote {
		// Adoption without a vote or by acclamation records no positions.
		if b.Votes.Len() > 0 {
			return unsc.Result{}, unsc.Errorf(unsc.EINVALID, "votes", "a decision taken %s has no votes; remove them or set modality to vote", phraseModality(b.Modality))
		}
		r.Outcome = unsc.Adopted
		return r, nil
	}

	listed := 0
	obliges := b.ObligesAbstention()
	for _, m := range c.Members {
		p, ok := b.Votes.Get(m.Code)
		if ok {
			listed++
		}
		if obliges && b.IsParty(m.Code) {
			r.Obliged = append(r.Obliged, m)
			p = unsc.Abstain
		}
		if m.Permanent && p != unsc.Yes && p != unsc.No {
			r.Withheld = append(r.Withheld, unsc.Cast{Member: m, Position: p})
		}
		switch p {
		case unsc.Yes:
			r.Yes++
		case unsc.No:
			r.No++
			if rules.holdsVeto(m) {
				r.NoByPermanent = append(r.NoByPermanent, m)
			}
		case unsc.Abstain:
			r.Abstain++
		case unsc.NotParticipating:
			r.NotParticipating++
		default:
			r.Absent++
		}
	}
	if listed < b.Votes.Len() {
		return unsc.Result{}, notOnCouncil(c, b)
	}

	rules.settle(&r, b)
	return r, nil
}

// DecideTally applies the rules to a vote known only by its counts, as the
// older records give it ("9-1-1"), together with the members known to have
// voted against. The Art. 27 rule needs no more than that: the number of
// affirmative votes and which veto holders voted no. Members not counted in
// the tally are taken as absent or not participating, which is never a veto.
func (rules Rules) DecideTally(c unsc.Council, b unsc.Ballot, t unsc.Tally, noBy []unsc.Code) (unsc.Result, error) {
	r := unsc.Result{
		Required:  c.Required,
		Members:   len(c.Members),
		Matter:    b.Matter,
		Amendment: b.Amendment,
		Modality:  b.Modality,
		Yes:       t.Yes,
		No:        t.No,
		Abstain:   t.Abstain,
	}
	if rules.Required > 0 {
		r.Required = rules.Required
	}
	if t.Yes < 0 || t.No < 0 || t.Abstain < 0 || t.Yes+t.No+t.Abstain > len(c.Members) {
		return unsc.Result{}, unsc.Errorf(unsc.EINVALID, "tally", "%d-%d-%d: want counts that add up to at most the Council's %d members", t.Yes, t.No, t.Abstain, len(c.Members))
	}
	if len(noBy) > t.No {
		return unsc.Result{}, unsc.Errorf(unsc.EINVALID, "tally", "%d members named as voting no, but the tally counts %d", len(noBy), t.No)
	}
	r.Absent = len(c.Members) - t.Yes - t.No - t.Abstain
	for _, code := range noBy {
		m, ok := c.Member(code)
		if !ok {
			return unsc.Result{}, unsc.Errorf(unsc.EINVALID, "votes."+string(code), "%s is not a member of the Security Council on %s", code, c.Date.Format(dateLayout))
		}
		if rules.holdsVeto(m) {
			r.NoByPermanent = append(r.NoByPermanent, m)
		}
	}
	if b.Modality != unsc.ByVote {
		r.Outcome = unsc.Adopted
		return r, nil
	}
	rules.settle(&r, b)
	return r, nil
}

// settle decides the outcome from the counts (Art. 27(2) and (3)).
func (rules Rules) settle(r *unsc.Result, b unsc.Ballot) {
	switch {
	case r.Yes < r.Required:
		r.Outcome = unsc.Failed
	case b.Matter == unsc.Procedural:
		r.Outcome = unsc.Adopted
	case rules.VetoThreshold > 0 && len(r.NoByPermanent) >= rules.VetoThreshold &&
		!(rules.NoVetoOnAtrocities && b.Atrocity):
		r.Outcome = unsc.Vetoed
		r.VetoedBy, r.NoByPermanent = r.NoByPermanent, nil
	default:
		r.Outcome = unsc.Adopted
	}
}

// holdsVeto reports whether a member holds the veto under the rules.
func (rules Rules) holdsVeto(m unsc.Member) bool {
	for _, c := range rules.Deny {
		if c == m.Code {
			return false
		}
	}
	if m.Permanent {
		return true
	}
	for _, c := range rules.Grant {
		if c == m.Code {
			return true
		}
	}
	return false
}

// elect decides one round of balloting for judges of the International Court
// of Justice (ICJ Statute Art. 10; rule 61).
func (rules Rules) elect(c unsc.Council, b unsc.Ballot, r unsc.Result) (unsc.Result, error) {
	if b.Votes.Len() > 0 {
		return unsc.Result{}, unsc.Errorf(unsc.EINVALID, "votes", "an ICJ election is by secret ballot: give candidates with their votes, not members' votes")
	}
	if len(b.Candidates) == 0 {
		return unsc.Result{}, unsc.Errorf(unsc.EINVALID, "candidates", "an ICJ election needs at least one candidate")
	}
	if b.Seats < 1 {
		return unsc.Result{}, unsc.Errorf(unsc.EINVALID, "seats", "want the number of seats to fill, at least 1")
	}
	// An absolute majority of the Council's members; no member has a veto.
	r.Required = len(c.Members)/2 + 1
	r.Seats = b.Seats
	total := 0
	for i, cand := range b.Candidates {
		if cand.Votes < 0 || cand.Votes > len(c.Members) {
			return unsc.Result{}, unsc.Errorf(unsc.EINVALID, fmt.Sprintf("candidates[%d].votes", i), "%d votes: want 0 to %d, the Council's size", cand.Votes, len(c.Members))
		}
		total += cand.Votes
		if cand.Votes >= r.Required {
			r.Elected = append(r.Elected, cand.Name)
		}
	}
	if total > len(c.Members)*b.Seats {
		return unsc.Result{}, unsc.Errorf(unsc.EINVALID, "candidates", "%d votes in all: %d members can cast at most %d for %d seat(s)", total, len(c.Members), len(c.Members)*b.Seats, b.Seats)
	}
	switch {
	case len(r.Elected) > b.Seats:
		r.Rerun = true
		r.Elected = nil
		r.Outcome = unsc.Failed
	case len(r.Elected) == b.Seats:
		r.Outcome = unsc.Adopted
	default:
		r.Outcome = unsc.Failed
	}
	return r, nil
}

// notOnCouncil builds the error for the first listed state, in code order,
// that is not a member of Council c.
func notOnCouncil(c unsc.Council, b unsc.Ballot) error {
	var first unsc.Code
	for code := range b.Votes.All() {
		if _, ok := c.Member(code); !ok && (first == "" || code < first) {
			first = code
		}
	}
	return unsc.Errorf(unsc.EINVALID, "votes."+string(first), "%s is not a member of the Security Council on %s", first, c.Date.Format(dateLayout))
}

// isChapter reports whether ch names a chapter of the Charter a ballot may
// give (none, I to XIX, or 52(3)): a switch, not a table made at every
// start.
func isChapter(ch string) bool {
	switch ch {
	case "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
		"XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "52(3)":
		return true
	}
	return false
}

func checkChapter(ch string) error {
	if !isChapter(ch) {
		return unsc.Errorf(unsc.EINVALID, "chapter", "%q: want a Charter chapter in Roman numerals (I to XIX) or 52(3)", ch)
	}
	return nil
}

const dateLayout = "2006-01-02"
