package procedure

import (
	"time"

	"unsc"
	"unsc/charter"
	"unsc/internal/lazy"
)

// Args are the particulars of an action, and of the event it becomes. Each
// action uses the few it needs.
type Args struct {
	// Ref is the ID of the draft, amendment, division, motion, point or
	// vote the action concerns.
	Ref      int          `json:"ref,omitempty"`
	Text     string       `json:"text,omitempty"`
	Symbol   string       `json:"symbol,omitempty"`
	Title    string       `json:"title,omitempty"`
	Matter   string       `json:"matter,omitempty"`
	Position string       `json:"position,omitempty"`
	Motion   string       `json:"motion,omitempty"`
	Op       string       `json:"op,omitempty"`
	When     string       `json:"when,omitempty"`
	Question *QuestionRef `json:"question,omitempty"`
	// Paragraphs is a draft's text, one paragraph each.
	Paragraphs []string    `json:"paragraphs,omitempty"`
	Sponsors   []unsc.Code `json:"sponsors,omitempty"`
	// Parts are paragraph numbers (division); Order amendment IDs.
	Parts     []int `json:"parts,omitempty"`
	Order     []int `json:"order,omitempty"`
	Paragraph int   `json:"paragraph,omitempty"`
	Seconds   int   `json:"seconds,omitempty"`
}

// QuestionRef names what the President puts to the vote: a question kind
// and the ID of its subject.
type QuestionRef struct {
	Kind string `json:"kind"`
	Ref  int    `json:"ref,omitempty"`
}

// Roles of actors.
const (
	RoleChair    = "chair"
	RoleSeat     = "seat"
	RoleOperator = "operator"
)

// Actor is who acts: the President (chair), one delegation (a seat, by its
// code), or the operator who created the session.
type Actor struct {
	Role string
	Seat unsc.Code
}

// Chair is the President of the Council.
var Chair = Actor{Role: RoleChair}

// Operator is the server acting for the operator that created the session.
var Operator = Actor{Role: RoleOperator}

// SeatOf is the delegation with that code.
func SeatOf(code unsc.Code) Actor { return Actor{Role: RoleSeat, Seat: code} }

// String names the actor as events record it: "chair", "operator" or the
// seat's code.
func (a Actor) String() string {
	if a.Role == RoleSeat {
		return string(a.Seat)
	}
	return a.Role
}

// Action is something an actor asks to do in a session.
type Action struct {
	Kind string    `json:"action"`
	By   Actor     `json:"-"`
	At   time.Time `json:"-"`
	Args
}

// Event is one entry of a session's log.
type Event struct {
	Seq  int64     `json:"seq"`
	At   time.Time `json:"at"`
	Kind string    `json:"kind"`
	// By is "chair", "operator" or a seat's code.
	By string `json:"by,omitempty"`
	Args
	// ID is the ID the event gives the item it creates.
	ID       int       `json:"id,omitempty"`
	Setup    *Setup    `json:"setup,omitempty"`
	Words    *Question `json:"words,omitempty"`
	Result   *Result   `json:"result,omitempty"`
	Deadline time.Time `json:"deadline,omitzero"`
}

// Result is a vote's outcome: the Charter engine's answer, in the shape of
// `unsc decide --json`, with what the session adds to it.
type Result struct {
	charter.ResultJSON
	// Resolution is the symbol an adopted draft resolution receives.
	Resolution string `json:"resolution,omitempty"`
	// Votes is each member's position as counted ("-" absent).
	Votes map[unsc.Code]string `json:"votes"`
	// Effect says in plain words what the outcome does in the meeting.
	Effect string `json:"effect,omitempty"`
}

// Event kinds, one per action, and the session's creation.
const (
	EvCreated = "session-created"
)

var eventOf = lazy.Value[map[string]string]{Make: func() map[string]string {
	return map[string]string{
		"open-meeting":       "meeting-opened",
		"call-roll":          "roll-called",
		"answer-roll":        "roll-answered",
		"close-roll":         "roll-closed",
		"propose-agenda":     "agenda-proposed",
		"object-agenda":      "agenda-objected",
		"adopt-agenda":       "agenda-adopted",
		"request-floor":      "floor-requested",
		"withdraw-request":   "floor-request-withdrawn",
		"next-speaker":       "floor-given",
		"end-speech":         "speech-ended",
		"set-speaking-time":  "speaking-time-set",
		"table-draft":        "draft-tabled",
		"withdraw-draft":     "draft-withdrawn",
		"propose-amendment":  "amendment-proposed",
		"withdraw-amendment": "amendment-withdrawn",
		"order-amendments":   "amendments-ordered",
		"request-division":   "division-requested",
		"object-division":    "division-objected",
		"grant-division":     "division-granted",
		"move":               "motion-moved",
		"withdraw-motion":    "motion-withdrawn",
		"point-of-order":     "point-raised",
		"rule-point":         "point-ruled",
		"challenge-ruling":   "ruling-challenged",
		"raise-preliminary":  "preliminary-raised",
		"open-vote":          "vote-opened",
		"cast-ballot":        "ballot-cast",
		"close-vote":         "vote-closed",
		"resume-meeting":     "meeting-resumed",
		"close-meeting":      "meeting-closed",
	}
}}

// Apply folds one event into the state. Events come from Decide and the
// log; Apply trusts them, and ignores an event kind it does not know.
func (s *State) Apply(e Event) {
	s.Seq = e.Seq
	by := unsc.Code(e.By)
	switch e.Kind {
	case EvCreated:
		s.Setup = *e.Setup
		s.Status = Convened
		s.Agenda.Status = AgendaNone
		s.SpeakingTime = e.Setup.Profile.SpeakingTime
	case "meeting-opened", "meeting-resumed":
		s.Status = Open
	case "meeting-closed":
		s.Status = Adjourned
		s.Floor = nil
	case "roll-called":
		s.RollOpen = true
	case "roll-answered":
		s.Roll[by] = e.Position
	case "roll-closed":
		s.RollOpen = false
	case "agenda-proposed":
		s.Agenda = Agenda{Text: e.Text, Status: AgendaProposed}
	case "agenda-objected":
		s.Agenda.Status = AgendaContested
		s.Agenda.Objections = append(s.Agenda.Objections, by)
	case "agenda-adopted":
		s.Agenda.Status = AgendaAdopted
	case "floor-requested":
		s.Speakers = append(s.Speakers, Request{Seat: by, Kind: requestKind(e.When), Draft: e.Ref})
	case "floor-request-withdrawn":
		for i, r := range s.Speakers {
			if r.Seat == by {
				s.Speakers = append(s.Speakers[:i:i], s.Speakers[i+1:]...)
				break
			}
		}
	case "floor-given":
		if len(s.Speakers) > 0 {
			s.Floor = &Floor{Request: s.Speakers[0], Since: e.At, Deadline: e.Deadline}
			s.Speakers = s.Speakers[1:]
		}
	case "speech-ended":
		s.Floor = nil
	case "speaking-time-set":
		s.SpeakingTime = e.Seconds
	case "draft-tabled":
		s.Drafts = append(s.Drafts, Draft{ID: e.ID, Symbol: e.Symbol, Title: e.Title, Text: e.Paragraphs,
			Sponsors: e.Sponsors, Mover: by, Matter: e.Matter, Status: Pending})
	case "draft-withdrawn":
		s.draft(e.Ref).Status = Withdrawn
	case "amendment-proposed":
		s.Amendments = append(s.Amendments, Amendment{ID: e.ID, Draft: e.Ref, Mover: by, Op: e.Op,
			Paragraph: e.Paragraph, Text: e.Text, Status: Pending})
	case "amendment-withdrawn":
		s.amendment(e.Ref).Status = Withdrawn
	case "amendments-ordered":
		s.draft(e.Ref).Order = e.Order
	case "division-requested":
		s.Divisions = append(s.Divisions, Division{ID: e.ID, Draft: e.Ref, By: by, Parts: e.Parts, Status: DivisionRequested})
	case "division-objected":
		s.division(e.Ref).Status = DivisionObjected
	case "division-granted":
		s.division(e.Ref).Status = DivisionGranted
	case "motion-moved":
		s.Motions = append(s.Motions, Motion{ID: e.ID, Kind: e.Motion, By: by, Text: e.Text, Status: Pending})
	case "motion-withdrawn":
		s.motion(e.Ref).Status = Withdrawn
	case "point-raised":
		s.closeChallenges()
		s.Points = append(s.Points, Point{ID: e.ID, By: by, Text: e.Text, Status: PointPending})
	case "point-ruled":
		p := s.point(e.Ref)
		p.Ruling, p.Status = e.Text, PointRuled
	case "ruling-challenged":
		s.point(e.Ref).Status = PointChallenged
	case "preliminary-raised":
		s.draft(e.Ref).Preliminary = Pending
	case "vote-opened":
		if e.Question != nil && e.Question.Kind != OnChallenge {
			s.closeChallenges()
		}
		s.Votes = append(s.Votes, Vote{ID: e.ID, Question: *e.Words, Open: true, Ballots: map[unsc.Code]string{}, OpenedAt: e.At})
		s.Current = e.ID
		s.Floor = nil
		s.setVote(*e.Words, e.ID)
	case "ballot-cast":
		v := s.VoteByID(e.Ref)
		v.Ballots[by] = e.Position
		if _, ok := s.Roll[by]; !ok {
			// Voting is presence.
			s.Roll[by] = "present"
		}
	case "vote-closed":
		v := s.VoteByID(e.Ref)
		v.Open, v.ClosedAt, v.Result = false, e.At, e.Result
		s.Current = 0
		s.settle(v.Question, e.Result)
	}
}

func requestKind(when string) string {
	switch when {
	case "before":
		return "explanation-before"
	case "after":
		return "explanation-after"
	}
	return "speech"
}

// closeChallenges ends the time in which rulings may be challenged: the
// meeting has moved on.
func (s *State) closeChallenges() {
	for i := range s.Points {
		if s.Points[i].Status == PointRuled {
			s.Points[i].Status = PointClosed
		}
	}
}

// setVote records which vote is on an item.
func (s *State) setVote(q Question, id int) {
	switch q.Kind {
	case OnDraft:
		s.draft(q.Ref).Vote = id
	case OnAmendment:
		s.amendment(q.Ref).Vote = id
	case OnDivision, OnPart:
		s.division(q.Ref).Vote = id
	case OnMotion:
		s.motion(q.Ref).Vote = id
	case OnChallenge:
		s.point(q.Ref).Vote = id
	}
}

// settle folds the effect of a vote's outcome into the meeting.
func (s *State) settle(q Question, r *Result) {
	adopted := r.Outcome == unsc.Adopted.String()
	switch q.Kind {
	case OnAgenda:
		if adopted {
			s.Agenda.Status = AgendaAdopted
		} else {
			s.Agenda.Status = AgendaRejected
		}
	case OnDraft:
		d := s.draft(q.Ref)
		d.Status = r.Outcome
		if r.Resolution != "" {
			d.Resolution = r.Resolution
			s.Resolutions++
		}
	case OnAmendment:
		a := s.amendment(q.Ref)
		a.Status = r.Outcome
		if adopted {
			d := s.draft(a.Draft)
			d.Text = amend(d.Text, a)
			d.Amended = true
		}
	case OnPart:
		dv := s.division(q.Ref)
		dv.Status = DivisionDone
		if !adopted {
			d := s.draft(dv.Draft)
			d.Text = removeParts(d.Text, dv.Parts)
			d.Amended = true
		}
	case OnDivision:
		dv := s.division(q.Ref)
		if adopted {
			dv.Status = DivisionGranted
		} else {
			dv.Status = DivisionRefused
		}
	case OnMotion:
		m := s.motion(q.Ref)
		if !adopted {
			m.Status = unsc.Failed.String()
			return
		}
		m.Status = unsc.Adopted.String()
		switch m.Kind {
		case MotionSuspend:
			s.Status = Suspended
		case MotionAdjourn, MotionAdjournTo:
			s.Status = Adjourned
		case MotionRefer, MotionPostpone:
			status := Referred
			if m.Kind == MotionPostpone {
				status = Postponed
			}
			for i := range s.Drafts {
				if s.Drafts[i].Status == Pending {
					s.Drafts[i].Status = status
				}
			}
		case MotionCloseDebate:
			s.DebateClosed = true
			var keep []Request
			for _, r := range s.Speakers {
				if r.Kind != "speech" {
					keep = append(keep, r)
				}
			}
			s.Speakers = keep
		}
	case OnChallenge:
		p := s.point(q.Ref)
		if adopted {
			p.Status = PointOverruled
		} else {
			p.Status = PointStands
		}
	case OnPreliminary:
		d := s.draft(q.Ref)
		if adopted {
			d.Preliminary, d.Matter = unsc.Procedural.String(), unsc.Procedural.String()
		} else {
			d.Preliminary, d.Matter = unsc.NonProcedural.String(), unsc.NonProcedural.String()
		}
	}
}

// amend returns text with the adopted amendment a applied.
func amend(text []string, a *Amendment) []string {
	out := append([]string(nil), text...)
	i := a.Paragraph - 1
	switch a.Op {
	case OpAdd:
		if a.Paragraph == 0 || i >= len(out) {
			return append(out, a.Text)
		}
		return append(out[:i], append([]string{a.Text}, out[i:]...)...)
	case OpDelete:
		if i >= 0 && i < len(out) {
			return append(out[:i], out[i+1:]...)
		}
	case OpReplace:
		if i >= 0 && i < len(out) {
			out[i] = a.Text
		}
	}
	return out
}

func removeParts(text []string, parts []int) []string {
	var out []string
	for i, p := range text {
		drop := false
		for _, n := range parts {
			if n == i+1 {
				drop = true
			}
		}
		if !drop {
			out = append(out, p)
		}
	}
	return out
}

// EventKinds returns the event each action makes, by action.
func EventKinds() map[string]string {
	out := make(map[string]string, len(eventOf.Get()))
	for k, v := range eventOf.Get() {
		out[k] = v
	}
	return out
}
