package procedure

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/charter"
)

// Question returns the question a vote on q would put, or why it may not be
// put now: the rules of precedence are here.
func (s *State) Question(q QuestionRef) (Question, error) {
	// A challenged ruling is decided at once (rule 30).
	for _, p := range s.Points {
		if p.Status == PointChallenged && !(q.Kind == OnChallenge && q.Ref == p.ID) {
			return Question{}, conflict("the challenge to the ruling on point of order %d is decided first (rule 30)", p.ID)
		}
	}
	// The motions of rule 33 come before everything else, in their order.
	if m := s.nextMotion(); m != nil && q.Kind != OnChallenge && !(q.Kind == OnMotion && q.Ref == m.ID) {
		return Question{}, conflict("%s has precedence (rule 33)", motionWords.Get()[m.Kind])
	}
	proc := unsc.Procedural.String()
	switch q.Kind {
	case OnAgenda:
		if s.Agenda.Status != AgendaContested {
			return Question{}, conflict("the agenda is put to the vote only when a member objects to it (rule 9)")
		}
		return Question{Kind: OnAgenda, Matter: proc, Words: "the adoption of the provisional agenda"}, nil
	case OnChallenge:
		p := s.point(q.Ref)
		if p == nil {
			return Question{}, unsc.Errorf(unsc.ENOTFOUND, "question.ref", "no point of order %d", q.Ref)
		}
		if p.Status != PointChallenged {
			return Question{}, conflict("the ruling on point of order %d has not been challenged", p.ID)
		}
		return Question{Kind: OnChallenge, Ref: p.ID, Matter: proc,
			Words: fmt.Sprintf("the challenge to the President's ruling on the point of order of %s: shall the ruling be overruled?", p.By)}, nil
	case OnMotion:
		m := s.motion(q.Ref)
		if m == nil {
			return Question{}, unsc.Errorf(unsc.ENOTFOUND, "question.ref", "no motion %d", q.Ref)
		}
		if m.Status != Pending {
			return Question{}, conflict("%s is %s", motionWords.Get()[m.Kind], m.Status)
		}
		words := motionWords.Get()[m.Kind] + " (" + string(m.By) + ")"
		if m.Text != "" {
			words += ": " + m.Text
		}
		return Question{Kind: OnMotion, Ref: m.ID, Matter: proc, Words: words}, nil
	}

	// The rest concern drafts: in the order submitted (rule 32).
	ref := q.Ref
	var dv *Division
	var am *Amendment
	switch q.Kind {
	case OnDivision, OnPart:
		if dv = s.division(q.Ref); dv == nil {
			return Question{}, unsc.Errorf(unsc.ENOTFOUND, "question.ref", "no division %d", q.Ref)
		}
		ref = dv.Draft
	case OnAmendment:
		if am = s.amendment(q.Ref); am == nil {
			return Question{}, unsc.Errorf(unsc.ENOTFOUND, "question.ref", "no amendment %d", q.Ref)
		}
		if am.Status != Pending {
			return Question{}, conflict("amendment %d is %s", am.ID, am.Status)
		}
		ref = am.Draft
	case OnDraft, OnPreliminary:
	default:
		return Question{}, invalid("question.kind", "%q: want agenda, draft, amendment, part, division, motion, challenge or preliminary", q.Kind)
	}
	if err := s.needAgenda(); err != nil {
		return Question{}, err
	}
	d, err := s.pendingDraft(ref)
	if err != nil {
		return Question{}, err
	}
	for _, earlier := range s.Drafts[:d.ID-1] {
		if earlier.Status == Pending {
			return Question{}, conflict("draft %s was submitted first and is voted first (rule 32)", earlier.Symbol)
		}
	}
	if q.Kind == OnPreliminary {
		if d.Preliminary != Pending {
			return Question{}, conflict("no preliminary question has been raised on %s", d.Symbol)
		}
		return Question{Kind: OnPreliminary, Ref: d.ID, Document: d.Symbol, Matter: unsc.Preliminary.String(),
			Words: "whether the vote on draft resolution " + d.Symbol + " is a procedural matter"}, nil
	}
	if d.Preliminary == Pending {
		return Question{}, conflict("the preliminary question on %s is decided first", d.Symbol)
	}
	// Whether to divide, where the mover objects, comes before the parts;
	// the parts and the amendments come before the draft (rules 32, 36).
	open := s.divisionOf(d)
	if q.Kind == OnDivision {
		if open != dv || dv.Status != DivisionObjected {
			return Question{}, conflict("whether to divide is put to the vote only when the mover objects (rule 32)")
		}
		return Question{Kind: OnDivision, Ref: dv.ID, Document: d.Symbol, Matter: unsc.Procedural.String(),
			Words: "the request of " + string(dv.By) + " to vote separately on " + paragraphs(dv.Parts) + " of draft resolution " + d.Symbol}, nil
	}
	if open != nil && open.Status != DivisionGranted {
		return Question{}, conflict("the request to divide %s is decided first (rule 32)", d.Symbol)
	}
	pending := s.pendingAmendments(d)
	if q.Kind == OnAmendment {
		if pending[0] != am.ID {
			return Question{}, conflict("amendment %d to %s is voted first (rule 36)", pending[0], d.Symbol)
		}
		return Question{Kind: OnAmendment, Ref: am.ID, Document: d.Symbol, Matter: d.Matter, Amendment: true,
			Words: "the amendment of " + string(am.Mover) + " to draft resolution " + d.Symbol}, nil
	}
	if len(pending) > 0 {
		return Question{}, conflict("amendment %d to %s is voted before the draft (rule 36)", pending[0], d.Symbol)
	}
	if q.Kind == OnPart {
		if open != dv {
			return Question{}, conflict("no division of %s has been granted", d.Symbol)
		}
		return Question{Kind: OnPart, Ref: dv.ID, Document: d.Symbol, Matter: d.Matter,
			Words: paragraphs(dv.Parts) + " of draft resolution " + d.Symbol + ", voted separately"}, nil
	}
	if open != nil {
		return Question{}, conflict("%s of %s are voted separately first (rule 32)", paragraphs(open.Parts), d.Symbol)
	}
	words := "draft resolution " + d.Symbol
	if d.Amended {
		words += ", as amended"
	}
	return Question{Kind: OnDraft, Ref: d.ID, Document: d.Symbol, Matter: d.Matter, Words: words}, nil
}

func paragraphs(parts []int) string {
	ns := make([]string, len(parts))
	for i, p := range parts {
		ns[i] = strconv.Itoa(p)
	}
	if len(ns) == 1 {
		return "paragraph " + ns[0]
	}
	return "paragraphs " + strings.Join(ns, ", ")
}

func checkOpenVote(s *State, a *Action, e *Event) error {
	if a.Question == nil {
		return invalid("question", "missing: want what is put to the vote, {\"kind\": …, \"ref\": …}")
	}
	q, err := s.Question(*a.Question)
	if err != nil {
		return err
	}
	e.Args = Args{Question: a.Question}
	e.Words = &q
	e.ID = len(s.Votes) + 1
	return nil
}

func checkBallot(s *State, a *Action, e *Event) error {
	v := s.VoteByID(a.Ref)
	if v == nil {
		return unsc.Errorf(unsc.ENOTFOUND, "vote", "no vote %d", a.Ref)
	}
	if !v.Open {
		return conflict("vote %d is closed", v.ID)
	}
	if _, err := ballotPosition(a.Position); err != nil {
		return err
	}
	if a.Position == "A" && s.Setup.Profile.PresentVotingMayNotAbstain && s.Roll[a.By.Seat] == "present-and-voting" {
		return conflict("%s answered the roll call present and voting, and may not abstain (profile %s)", a.By.Seat, s.Setup.Profile.Name)
	}
	if v.Ballots[a.By.Seat] == a.Position {
		// Unchanged: nothing to record.
		e.Kind = ""
		return nil
	}
	e.Args = Args{Ref: a.Ref, Position: a.Position}
	return nil
}

func ballotPosition(letter string) (unsc.Position, error) {
	p, err := unsc.ParsePosition(letter)
	if err != nil || p == unsc.Absent {
		return 0, invalid("position", "%q: want Y (yes), N (no), A (abstain) or X (present, not participating)", letter)
	}
	return p, nil
}

func checkCloseVote(s *State, a *Action, e *Event) error {
	v := s.VoteByID(s.Current)
	if a.Ref != 0 && a.Ref != v.ID {
		return conflict("vote %d is the one under way", v.ID)
	}
	r, err := s.decide(v)
	if err != nil {
		return err
	}
	e.Args = Args{Ref: v.ID}
	e.Result = &r
	return nil
}

// Council returns the session's Council as the Charter engine sees it.
func (s *State) Council() unsc.Council {
	d, _ := time.Parse(time.DateOnly, s.Setup.Date)
	c := unsc.Council{Date: d, Required: s.Setup.Required}
	for _, m := range s.Setup.Members {
		c.Members = append(c.Members, unsc.Member{Code: m.Code, Name: m.Name, Permanent: m.Permanent})
	}
	return c
}

// decide runs the vote's ballots through the Charter engine. A present
// member that has not voted is counted as not participating, an absent one
// as absent.
func (s *State) decide(v *Vote) (Result, error) {
	c := s.Council()
	b := unsc.Ballot{Date: c.Date, Amendment: v.Question.Amendment}
	votes := make([]unsc.Vote, 0, len(c.Members))
	var err error
	if b.Matter, err = unsc.ParseMatter(v.Question.Matter); err != nil {
		return Result{}, err
	}
	letters := make(map[unsc.Code]string, len(c.Members))
	yes, no := 0, 0
	for _, m := range c.Members {
		letter, voted := v.Ballots[m.Code]
		if !voted {
			if _, present := s.Roll[m.Code]; !present {
				letters[m.Code] = "-"
				continue
			}
			letter = "X"
		}
		p, _ := ballotPosition(letter)
		votes = append(votes, unsc.Vote{Member: m.Code, Position: p})
		letters[m.Code] = letter
		switch p {
		case unsc.Yes:
			yes++
		case unsc.No:
			no++
		}
	}
	b.Votes = unsc.VotesFrom(votes)
	rules := charter.Charter
	closure := false
	if v.Question.Kind == OnMotion {
		if m := s.motion(v.Question.Ref); m.Kind == MotionCloseDebate {
			// Two thirds of the members present and voting, with no veto
			// (the mun profile).
			closure = true
			rules = charter.Rules{Name: "two-thirds", Required: max(1, (2*(yes+no)+2)/3)}
		}
	}
	res, err := rules.Decide(c, b)
	if err != nil {
		return Result{}, err
	}
	r := Result{ResultJSON: charter.NewResultJSON(res), Votes: letters}
	adopted := res.Outcome == unsc.Adopted
	switch v.Question.Kind {
	case OnDraft:
		if adopted {
			r.Resolution = fmt.Sprintf("S/RES/%d (%s)", s.Setup.FirstResolution+s.Resolutions, s.Setup.Date[:4])
			r.Statement = strings.Replace(r.Statement, "The draft resolution has been adopted.",
				"The draft resolution has been adopted as resolution "+strings.TrimPrefix(r.Resolution, "S/RES/")+".", 1)
			r.Effect = "Draft resolution " + v.Question.Document + " is adopted as resolution " + strings.TrimPrefix(r.Resolution, "S/RES/") + " (a simulation)."
		} else {
			r.Effect = "Draft resolution " + v.Question.Document + " is not adopted."
		}
	case OnPart:
		r.Statement = strings.Replace(r.Statement, "The draft resolution", "The part voted separately", 1)
		if adopted {
			r.Effect = "The paragraphs voted separately stay in the draft."
		} else {
			r.Effect = "The paragraphs voted separately are removed from the draft."
		}
	case OnAmendment:
		if adopted {
			r.Effect = "The amendment is adopted: the draft is voted as amended."
		} else {
			r.Effect = "The amendment is not adopted: the draft stays as it was."
		}
	case OnAgenda:
		r.Effect = map[bool]string{true: "The agenda is adopted.", false: "The agenda is not adopted."}[adopted]
	case OnDivision:
		r.Effect = map[bool]string{true: "The parts will be voted separately.", false: "The draft will be voted as a whole."}[adopted]
	case OnChallenge:
		r.Effect = map[bool]string{true: "The President's ruling is overruled.", false: "The President's ruling stands."}[adopted]
	case OnPreliminary:
		r.Effect = map[bool]string{
			true:  "The matter is procedural: the draft needs the required votes, and no member has a veto.",
			false: "The matter is not procedural: the draft can be vetoed (the double veto).",
		}[adopted]
	case OnMotion:
		r.Effect = map[bool]string{true: "The motion is carried.", false: "The motion is not carried."}[adopted]
		if closure {
			r.Effect += fmt.Sprintf(" Closure needs two thirds of the members present and voting: %d of %d.", r.Required, yes+no)
		}
	}
	return r, nil
}

// Tally is a vote's count as it stands, for the live display: who has
// voted, how many more votes in favour the question needs, and which
// permanent members are blocking it or could still.
type Tally struct {
	Vote             int         `json:"vote"`
	Yes              int         `json:"yes"`
	No               int         `json:"no"`
	Abstain          int         `json:"abstain"`
	NotParticipating int         `json:"not_participating"`
	Voted            []unsc.Code `json:"voted"`
	NotVoted         []unsc.Code `json:"not_voted"`
	Required         int         `json:"required"`
	// Needed is how many more votes in favour the question needs.
	Needed int `json:"needed"`
	// Reachable is false when too few members are left to vote for the
	// question to obtain the required votes, counting only those who have
	// not voted.
	Reachable bool `json:"reachable"`
	// Vetoing are the permanent members voting no on a question they can
	// veto; CanBlock the permanent members that could still veto it by
	// voting (or changing their vote to) no.
	Vetoing  []unsc.Code `json:"vetoing"`
	CanBlock []unsc.Code `json:"can_block"`
}

// Tally counts vote v as it stands.
func (s *State) Tally(v *Vote) Tally {
	t := Tally{Vote: v.ID, Required: s.Setup.Required, Voted: []unsc.Code{}, NotVoted: []unsc.Code{}, Vetoing: []unsc.Code{}, CanBlock: []unsc.Code{}}
	veto := v.Question.Matter == unsc.NonProcedural.String() || v.Question.Matter == unsc.Preliminary.String()
	for _, m := range s.Setup.Members {
		p, ok := v.Ballots[m.Code]
		if !ok {
			t.NotVoted = append(t.NotVoted, m.Code)
		} else {
			t.Voted = append(t.Voted, m.Code)
		}
		switch p {
		case "Y":
			t.Yes++
		case "N":
			t.No++
		case "A":
			t.Abstain++
		case "X":
			t.NotParticipating++
		}
		if veto && m.Permanent {
			if p == "N" {
				t.Vetoing = append(t.Vetoing, m.Code)
			} else {
				t.CanBlock = append(t.CanBlock, m.Code)
			}
		}
	}
	t.Needed = max(0, t.Required-t.Yes)
	t.Reachable = t.Yes+len(t.NotVoted) >= t.Required
	return t
}

// Clone returns a deep copy of the state.
func (s *State) Clone() *State {
	data, err := json.Marshal(s)
	if err != nil {
		panic(err) // a state always encodes
	}
	c := New()
	if err := json.Unmarshal(data, c); err != nil {
		panic(err)
	}
	return c
}
