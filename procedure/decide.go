package procedure

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"unsc"
)

// Limits on what an action may carry, so that a log stays small.
const (
	maxText       = 4000
	maxParagraphs = 100
	maxShort      = 200
)

// Decide is the rules of procedure: it returns the events that action a
// makes in state s, or why the rules do not allow it. It does not change s;
// fold the events with Apply. The events have no Seq: the log numbers them.
//
// Errors are *unsc.Error: EFORBIDDEN when the actor's role may not take the
// action at all, ECONFLICT when the rules do not allow it at this moment
// (the message names the rule), EINVALID for a bad argument, ENOTFOUND for
// an item that does not exist. An action that changes nothing (a ballot
// cast again unchanged) returns no events and no error.
func Decide(s *State, a Action) ([]Event, error) {
	spec, ok := specs()[a.Kind]
	if !ok {
		return nil, unsc.Errorf(unsc.EINVALID, "action", "unknown action %q", a.Kind)
	}
	if !slices.Contains(spec.roles, a.By.Role) {
		return nil, unsc.Errorf(unsc.EFORBIDDEN, "action", "%s: only %s may do this", a.Kind, strings.Join(spec.roles, " or "))
	}
	if a.By.Role == RoleSeat {
		if _, ok := s.member(a.By.Seat); !ok {
			return nil, unsc.Errorf(unsc.EFORBIDDEN, "seat", "%s has no seat in this session", a.By.Seat)
		}
	}
	// The operator acts only when the session is created (a replay's
	// draft), before the meeting opens.
	if a.By.Role == RoleOperator {
		if s.Status != Convened {
			return nil, unsc.Errorf(unsc.EFORBIDDEN, "action", "the operator acts only before the meeting opens")
		}
	} else if err := s.when(a.Kind, spec); err != nil {
		return nil, err
	}
	e := Event{At: a.At, Kind: eventOf.Get()[a.Kind], By: a.By.String(), Args: a.Args}
	if err := spec.check(s, &a, &e); err != nil {
		return nil, err
	}
	if e.Kind == "" {
		return nil, nil
	}
	return []Event{e}, nil
}

// spec is an action's rule: who may take it, in what meeting, and its own
// check, which also completes the event.
type spec struct {
	roles []string
	// status is the meeting status the action needs ("" for open).
	status string
	// duringVote allows the action while a vote is open.
	duringVote bool
	// duringPoint allows the action while a point of order awaits a ruling.
	duringPoint bool
	rule        string
	check       func(s *State, a *Action, e *Event) error
}

var (
	chair    = []string{RoleChair}
	seat     = []string{RoleSeat}
	anyone   = []string{RoleSeat, RoleChair}
	drafters = []string{RoleSeat, RoleChair, RoleOperator}
)

// specs returns the spec of every action, made on first use, not at the
// start of every command (a function, not a variable made in init: the
// checks the specs name read them).
func specs() map[string]spec {
	specsOnce.Do(func() { specTable = makeSpecs() })
	return specTable
}

var (
	specsOnce sync.Once
	specTable map[string]spec
)

func makeSpecs() map[string]spec {
	return map[string]spec{
		"open-meeting":       {roles: chair, status: Convened, rule: "rule 1", check: noCheck},
		"call-roll":          {roles: chair, rule: "roll call", check: checkCallRoll},
		"answer-roll":        {roles: seat, rule: "roll call", check: checkAnswerRoll},
		"close-roll":         {roles: chair, rule: "roll call", check: checkCloseRoll},
		"propose-agenda":     {roles: chair, rule: "rule 9", check: checkProposeAgenda},
		"object-agenda":      {roles: seat, rule: "rule 9", check: checkObjectAgenda},
		"adopt-agenda":       {roles: chair, rule: "rule 9", check: checkAdoptAgenda},
		"request-floor":      {roles: seat, rule: "rule 27", check: checkRequestFloor},
		"withdraw-request":   {roles: seat, rule: "rule 27", check: checkWithdrawRequest},
		"next-speaker":       {roles: chair, rule: "rule 27", check: checkNextSpeaker},
		"end-speech":         {roles: chair, rule: "rule 27", check: checkEndSpeech},
		"set-speaking-time":  {roles: chair, rule: "rule 27", check: checkSpeakingTime},
		"table-draft":        {roles: drafters, rule: "rules 31-32", check: checkTableDraft},
		"withdraw-draft":     {roles: seat, rule: "rule 35", check: checkWithdrawDraft},
		"propose-amendment":  {roles: seat, rule: "rule 36", check: checkProposeAmendment},
		"withdraw-amendment": {roles: seat, rule: "rule 35", check: checkWithdrawAmendment},
		"order-amendments":   {roles: chair, rule: "rule 36", check: checkOrderAmendments},
		"request-division":   {roles: seat, rule: "rule 32", check: checkRequestDivision},
		"object-division":    {roles: seat, rule: "rule 32", check: checkObjectDivision},
		"grant-division":     {roles: chair, rule: "rule 32", check: checkGrantDivision},
		"move":               {roles: seat, rule: "rule 33", check: checkMove},
		"withdraw-motion":    {roles: seat, rule: "rule 35", check: checkWithdrawMotion},
		"point-of-order":     {roles: seat, rule: "rule 30", check: checkPointOfOrder},
		"rule-point":         {roles: chair, duringPoint: true, rule: "rule 30", check: checkRulePoint},
		"challenge-ruling":   {roles: seat, rule: "rule 30", check: checkChallenge},
		"raise-preliminary":  {roles: anyone, rule: "Art. 27; the preliminary question", check: checkPreliminary},
		"open-vote":          {roles: chair, rule: "Art. 27; rule 40", check: checkOpenVote},
		"cast-ballot":        {roles: seat, duringVote: true, rule: "Art. 27; rule 40", check: checkBallot},
		"close-vote":         {roles: chair, duringVote: true, rule: "Art. 27; rule 40", check: checkCloseVote},
		"resume-meeting":     {roles: chair, status: Suspended, rule: "rule 33", check: noCheck},
		"close-meeting":      {roles: chair, rule: "the President", check: checkCloseMeeting},
	}
}

// ActionKinds lists every action, in the order pages offer them.
var ActionKinds = []string{
	"open-meeting", "call-roll", "answer-roll", "close-roll",
	"propose-agenda", "object-agenda", "adopt-agenda",
	"request-floor", "withdraw-request", "next-speaker", "end-speech", "set-speaking-time",
	"table-draft", "withdraw-draft", "propose-amendment", "withdraw-amendment", "order-amendments",
	"request-division", "object-division", "grant-division",
	"move", "withdraw-motion", "point-of-order", "rule-point", "challenge-ruling", "raise-preliminary",
	"open-vote", "cast-ballot", "close-vote", "resume-meeting", "close-meeting",
}

// Rule returns the rule or article an action follows, for pages to name.
func Rule(kind string) string { return specs()[kind].rule }

func conflict(format string, args ...any) error {
	return unsc.Errorf(unsc.ECONFLICT, "", format, args...)
}

func invalid(field, format string, args ...any) error {
	return unsc.Errorf(unsc.EINVALID, field, format, args...)
}

// when checks the moment: the meeting's status, an open vote, a point of
// order awaiting its ruling.
func (s *State) when(kind string, sp spec) error {
	want := sp.status
	if want == "" {
		want = Open
	}
	if s.Status != want {
		switch s.Status {
		case Adjourned:
			return conflict("the meeting is adjourned")
		case Convened:
			return conflict("the President has not opened the meeting")
		case Suspended:
			return conflict("the meeting is suspended: the President resumes it first")
		}
		return conflict("%s is for a meeting that is %s, and this one is %s", kind, want, s.Status)
	}
	if s.Current != 0 && !sp.duringVote {
		return conflict("vote %d is under way: delegations vote and the President closes it first (rule 40)", s.Current)
	}
	if s.Current == 0 && sp.duringVote {
		return conflict("no vote is under way")
	}
	if p := s.pendingPoint(); p != nil && !sp.duringPoint {
		return conflict("the point of order of %s awaits the President's ruling first (rule 30)", p.By)
	}
	return nil
}

func (s *State) pendingPoint() *Point {
	for i := range s.Points {
		if s.Points[i].Status == PointPending {
			return &s.Points[i]
		}
	}
	return nil
}

func noCheck(s *State, a *Action, e *Event) error { return nil }

func checkCallRoll(s *State, a *Action, e *Event) error {
	if s.RollOpen {
		return conflict("the roll is being called")
	}
	return nil
}

func checkAnswerRoll(s *State, a *Action, e *Event) error {
	if !s.RollOpen {
		return conflict("the roll is not being called")
	}
	if a.Position != "present" && a.Position != "present-and-voting" {
		return invalid("position", "%q: want present or present-and-voting", a.Position)
	}
	e.Args = Args{Position: a.Position}
	return nil
}

func checkCloseRoll(s *State, a *Action, e *Event) error {
	if !s.RollOpen {
		return conflict("the roll is not being called")
	}
	return nil
}

func checkProposeAgenda(s *State, a *Action, e *Event) error {
	if s.Agenda.Status != AgendaNone && s.Agenda.Status != AgendaRejected {
		return conflict("the agenda is %s (rule 9)", s.Agenda.Status)
	}
	if err := text("text", a.Text, maxText); err != nil {
		return err
	}
	e.Args = Args{Text: a.Text}
	return nil
}

func checkObjectAgenda(s *State, a *Action, e *Event) error {
	if s.Agenda.Status != AgendaProposed && s.Agenda.Status != AgendaContested {
		return conflict("no provisional agenda awaits adoption (rule 9)")
	}
	if slices.Contains(s.Agenda.Objections, a.By.Seat) {
		return conflict("%s has already objected to the agenda", a.By.Seat)
	}
	e.Args = Args{}
	return nil
}

func checkAdoptAgenda(s *State, a *Action, e *Event) error {
	switch s.Agenda.Status {
	case AgendaProposed:
		e.Args = Args{}
		return nil
	case AgendaContested:
		return conflict("the agenda is contested: it is put to a procedural vote (rule 9)")
	}
	return conflict("no provisional agenda awaits adoption (rule 9)")
}

func (s *State) needAgenda() error {
	if s.Agenda.Status != AgendaAdopted {
		return conflict("the agenda has not been adopted: its adoption is the first item (rule 9)")
	}
	return nil
}

func checkRequestFloor(s *State, a *Action, e *Event) error {
	if err := s.needAgenda(); err != nil {
		return err
	}
	if s.motionWithoutDebate() != nil {
		return conflict("a motion to suspend or adjourn is decided without debate (rule 33)")
	}
	for _, r := range s.Speakers {
		if r.Seat == a.By.Seat {
			return conflict("%s is already on the speakers list", a.By.Seat)
		}
	}
	e.Args = Args{When: a.When}
	switch a.When {
	case "":
		if s.DebateClosed {
			return conflict("the debate has been closed")
		}
	case "before", "after":
		d := s.draft(a.Ref)
		if d == nil {
			return unsc.Errorf(unsc.ENOTFOUND, "ref", "no draft %d", a.Ref)
		}
		if a.When == "before" && d.Status != Pending {
			return conflict("draft %s is no longer before the Council: explain a vote before it is taken", d.Symbol)
		}
		if a.When == "after" && d.Vote == 0 {
			return conflict("draft %s has not been voted on: explain a vote after it is taken", d.Symbol)
		}
		e.Ref = a.Ref
	default:
		return invalid("when", "%q: want before or after (an explanation of vote), or nothing (a speech)", a.When)
	}
	return nil
}

func checkWithdrawRequest(s *State, a *Action, e *Event) error {
	for _, r := range s.Speakers {
		if r.Seat == a.By.Seat {
			e.Args = Args{}
			return nil
		}
	}
	return conflict("%s is not on the speakers list", a.By.Seat)
}

func checkNextSpeaker(s *State, a *Action, e *Event) error {
	if s.motionWithoutDebate() != nil {
		return conflict("a motion to suspend or adjourn is decided without debate (rule 33)")
	}
	if len(s.Speakers) == 0 {
		return conflict("the speakers list is empty")
	}
	e.Args = Args{}
	e.Deadline = a.At.Add(time.Duration(s.SpeakingTime) * time.Second)
	return nil
}

func checkEndSpeech(s *State, a *Action, e *Event) error {
	if s.Floor == nil {
		return conflict("no one has the floor")
	}
	e.Args = Args{}
	return nil
}

func checkSpeakingTime(s *State, a *Action, e *Event) error {
	if a.Seconds < 10 || a.Seconds > 3600 {
		return invalid("seconds", "%d: want a speaking time of 10 to 3600 seconds", a.Seconds)
	}
	e.Args = Args{Seconds: a.Seconds}
	return nil
}

func checkTableDraft(s *State, a *Action, e *Event) error {
	if a.By.Role != RoleOperator {
		if err := s.needAgenda(); err != nil {
			return err
		}
	}
	if err := text("symbol", a.Symbol, maxShort); err != nil {
		return err
	}
	if s.DraftBySymbol(a.Symbol) != 0 {
		return conflict("a draft %s is already tabled", a.Symbol)
	}
	if len(a.Title) > maxShort {
		return invalid("title", "%d bytes: want at most %d", len(a.Title), maxShort)
	}
	if len(a.Paragraphs) > maxParagraphs {
		return invalid("paragraphs", "%d paragraphs: want at most %d", len(a.Paragraphs), maxParagraphs)
	}
	for i, p := range a.Paragraphs {
		if err := text(fmt.Sprintf("paragraphs[%d]", i), p, maxText); err != nil {
			return err
		}
	}
	matter := a.Matter
	switch matter {
	case "":
		matter = unsc.NonProcedural.String()
	case unsc.NonProcedural.String(), unsc.Procedural.String():
	default:
		return invalid("matter", "%q: want non-procedural or procedural", a.Matter)
	}
	sponsors := a.Sponsors
	if a.By.Role == RoleSeat && !slices.Contains(sponsors, a.By.Seat) {
		sponsors = append([]unsc.Code{a.By.Seat}, sponsors...)
	}
	if len(sponsors) > 200 {
		return invalid("sponsors", "want at most 200 sponsors")
	}
	for i, c := range sponsors {
		if len(c) < 2 || len(c) > 8 {
			return invalid(fmt.Sprintf("sponsors[%d]", i), "%q: want a state's code", c)
		}
	}
	e.Args = Args{Symbol: a.Symbol, Title: a.Title, Paragraphs: a.Paragraphs, Sponsors: sponsors, Matter: matter}
	e.ID = len(s.Drafts) + 1
	return nil
}

// pendingDraft returns the draft with ID ref if it is still before the
// Council.
func (s *State) pendingDraft(ref int) (*Draft, error) {
	d := s.draft(ref)
	if d == nil {
		return nil, unsc.Errorf(unsc.ENOTFOUND, "ref", "no draft %d", ref)
	}
	if d.Status != Pending {
		return nil, conflict("draft %s is %s", d.Symbol, d.Status)
	}
	return d, nil
}

func checkWithdrawDraft(s *State, a *Action, e *Event) error {
	d, err := s.pendingDraft(a.Ref)
	if err != nil {
		return err
	}
	if d.Mover != a.By.Seat {
		return unsc.Errorf(unsc.EFORBIDDEN, "ref", "only the mover, %s, may withdraw %s (rule 35)", d.Mover, d.Symbol)
	}
	e.Args = Args{Ref: a.Ref}
	return nil
}

func checkProposeAmendment(s *State, a *Action, e *Event) error {
	d, err := s.pendingDraft(a.Ref)
	if err != nil {
		return err
	}
	switch a.Op {
	case OpAdd:
		if err := text("text", a.Text, maxText); err != nil {
			return err
		}
		if a.Paragraph < 0 || a.Paragraph > len(d.Text)+1 {
			return invalid("paragraph", "%d: want 0 (at the end) to %d", a.Paragraph, len(d.Text)+1)
		}
	case OpDelete, OpReplace:
		if a.Paragraph < 1 || a.Paragraph > len(d.Text) {
			return invalid("paragraph", "%d: want a paragraph of %s, 1 to %d", a.Paragraph, d.Symbol, len(d.Text))
		}
		if a.Op == OpReplace {
			if err := text("text", a.Text, maxText); err != nil {
				return err
			}
		}
	default:
		return invalid("op", "%q: want add, delete or replace", a.Op)
	}
	e.Args = Args{Ref: a.Ref, Op: a.Op, Paragraph: a.Paragraph, Text: a.Text}
	if a.Op == OpDelete {
		e.Text = ""
	}
	e.ID = len(s.Amendments) + 1
	return nil
}

func checkWithdrawAmendment(s *State, a *Action, e *Event) error {
	am := s.amendment(a.Ref)
	if am == nil {
		return unsc.Errorf(unsc.ENOTFOUND, "ref", "no amendment %d", a.Ref)
	}
	if am.Status != Pending {
		return conflict("amendment %d is %s", am.ID, am.Status)
	}
	if am.Mover != a.By.Seat {
		return unsc.Errorf(unsc.EFORBIDDEN, "ref", "only the mover, %s, may withdraw amendment %d (rule 35)", am.Mover, am.ID)
	}
	e.Args = Args{Ref: a.Ref}
	return nil
}

// pendingAmendments returns the IDs of a draft's amendments not yet voted,
// in the order they are to be voted: the President's order, else those that
// add to or delete from the text first, then the rest, each in the order
// submitted (rule 36).
func (s *State) pendingAmendments(d *Draft) []int {
	var ids []int
	for _, id := range d.Order {
		if am := s.amendment(id); am != nil && am.Status == Pending && am.Draft == d.ID {
			ids = append(ids, id)
		}
	}
	for pass := 0; pass < 2; pass++ {
		for _, am := range s.Amendments {
			if am.Draft != d.ID || am.Status != Pending || slices.Contains(ids, am.ID) {
				continue
			}
			first := am.Op == OpAdd || am.Op == OpDelete
			if first == (pass == 0) {
				ids = append(ids, am.ID)
			}
		}
	}
	return ids
}

func checkOrderAmendments(s *State, a *Action, e *Event) error {
	d, err := s.pendingDraft(a.Ref)
	if err != nil {
		return err
	}
	pending := s.pendingAmendments(d)
	if len(pending) < 2 {
		return conflict("draft %s has fewer than two amendments to order (rule 36)", d.Symbol)
	}
	got := slices.Clone(a.Order)
	slices.Sort(got)
	want := slices.Clone(pending)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		return invalid("order", "want each pending amendment to %s once: %v", d.Symbol, want)
	}
	e.Args = Args{Ref: a.Ref, Order: a.Order}
	return nil
}

func (s *State) divisionOf(d *Draft) *Division {
	for i := range s.Divisions {
		dv := &s.Divisions[i]
		if dv.Draft == d.ID && dv.Status != DivisionRefused && dv.Status != DivisionDone {
			return dv
		}
	}
	return nil
}

func checkRequestDivision(s *State, a *Action, e *Event) error {
	d, err := s.pendingDraft(a.Ref)
	if err != nil {
		return err
	}
	if dv := s.divisionOf(d); dv != nil {
		return conflict("a division of %s is already %s", d.Symbol, dv.Status)
	}
	if len(a.Parts) == 0 || len(a.Parts) >= len(d.Text) {
		return invalid("parts", "want some, not all, of the %d paragraphs of %s", len(d.Text), d.Symbol)
	}
	for i, p := range a.Parts {
		if p < 1 || p > len(d.Text) || slices.Contains(a.Parts[:i], p) {
			return invalid("parts", "paragraph %d: want distinct paragraphs 1 to %d", p, len(d.Text))
		}
	}
	e.Args = Args{Ref: a.Ref, Parts: a.Parts}
	e.ID = len(s.Divisions) + 1
	return nil
}

func checkObjectDivision(s *State, a *Action, e *Event) error {
	dv := s.division(a.Ref)
	if dv == nil {
		return unsc.Errorf(unsc.ENOTFOUND, "ref", "no division %d", a.Ref)
	}
	d := s.draft(dv.Draft)
	if dv.Status != DivisionRequested {
		return conflict("the division of %s is %s", d.Symbol, dv.Status)
	}
	if d.Mover != a.By.Seat {
		return unsc.Errorf(unsc.EFORBIDDEN, "ref", "only the mover of %s, %s, may object to its division (rule 32)", d.Symbol, d.Mover)
	}
	e.Args = Args{Ref: a.Ref}
	return nil
}

func checkGrantDivision(s *State, a *Action, e *Event) error {
	dv := s.division(a.Ref)
	if dv == nil {
		return unsc.Errorf(unsc.ENOTFOUND, "ref", "no division %d", a.Ref)
	}
	switch dv.Status {
	case DivisionRequested:
		e.Args = Args{Ref: a.Ref}
		return nil
	case DivisionObjected:
		return conflict("the mover objects: whether to divide is put to a procedural vote (rule 32)")
	}
	return conflict("the division is %s", dv.Status)
}

func checkMove(s *State, a *Action, e *Event) error {
	if !slices.Contains(motionOrder, a.Motion) {
		return invalid("motion", "%q: want suspend, adjourn, adjourn-to, refer or postpone", a.Motion)
	}
	if a.Motion == MotionCloseDebate && !s.Setup.Profile.Closure {
		return conflict("the %s profile has no motion to close debate: it is a Model UN convention (profile mun)", s.Setup.Profile.Name)
	}
	switch a.Motion {
	case MotionAdjournTo, MotionRefer:
		if err := text("text", a.Text, maxShort); err != nil {
			return err
		}
	}
	switch a.Motion {
	case MotionRefer, MotionPostpone, MotionCloseDebate:
		if err := s.needAgenda(); err != nil {
			return err
		}
	}
	if a.Motion == MotionCloseDebate && s.DebateClosed {
		return conflict("the debate is already closed")
	}
	for _, m := range s.Motions {
		if m.Status == Pending && m.Kind == a.Motion {
			return conflict("%s is already before the Council", motionWords.Get()[m.Kind])
		}
	}
	e.Args = Args{Motion: a.Motion, Text: a.Text}
	e.ID = len(s.Motions) + 1
	return nil
}

// nextMotion returns the pending motion with the highest precedence (rule
// 33), or nil.
func (s *State) nextMotion() *Motion {
	var best *Motion
	for i := range s.Motions {
		m := &s.Motions[i]
		if m.Status == Pending && (best == nil || slices.Index(motionOrder, m.Kind) < slices.Index(motionOrder, best.Kind)) {
			best = m
		}
	}
	return best
}

// motionWithoutDebate returns a pending motion to suspend or adjourn, which
// is decided without debate (rule 33), or nil.
func (s *State) motionWithoutDebate() *Motion {
	for i := range s.Motions {
		m := &s.Motions[i]
		if m.Status == Pending && (m.Kind == MotionSuspend || m.Kind == MotionAdjourn) {
			return m
		}
	}
	return nil
}

func checkWithdrawMotion(s *State, a *Action, e *Event) error {
	m := s.motion(a.Ref)
	if m == nil {
		return unsc.Errorf(unsc.ENOTFOUND, "ref", "no motion %d", a.Ref)
	}
	if m.Status != Pending {
		return conflict("%s is %s", motionWords.Get()[m.Kind], m.Status)
	}
	if m.By != a.By.Seat {
		return unsc.Errorf(unsc.EFORBIDDEN, "ref", "only the mover, %s, may withdraw the motion (rule 35)", m.By)
	}
	e.Args = Args{Ref: a.Ref}
	return nil
}

func checkPointOfOrder(s *State, a *Action, e *Event) error {
	if err := text("text", a.Text, maxText); err != nil {
		return err
	}
	e.Args = Args{Text: a.Text}
	e.ID = len(s.Points) + 1
	return nil
}

func checkRulePoint(s *State, a *Action, e *Event) error {
	p := s.pendingPoint()
	if p == nil {
		return conflict("no point of order awaits a ruling")
	}
	if a.Ref != 0 && a.Ref != p.ID {
		return conflict("the President rules first on point of order %d (rule 30)", p.ID)
	}
	if err := text("text", a.Text, maxText); err != nil {
		return err
	}
	e.Args = Args{Ref: p.ID, Text: a.Text}
	return nil
}

func checkChallenge(s *State, a *Action, e *Event) error {
	p := s.point(a.Ref)
	if p == nil {
		return unsc.Errorf(unsc.ENOTFOUND, "ref", "no point of order %d", a.Ref)
	}
	if p.Status != PointRuled {
		return conflict("the ruling on point of order %d cannot be challenged now: it is %s", p.ID, p.Status)
	}
	e.Args = Args{Ref: a.Ref}
	return nil
}

func checkPreliminary(s *State, a *Action, e *Event) error {
	d, err := s.pendingDraft(a.Ref)
	if err != nil {
		return err
	}
	if d.Preliminary != "" {
		return conflict("the preliminary question on %s has been raised already", d.Symbol)
	}
	e.Args = Args{Ref: a.Ref}
	return nil
}

func checkCloseMeeting(s *State, a *Action, e *Event) error {
	if m := s.nextMotion(); m != nil {
		return conflict("%s is before the Council (rule 33)", motionWords.Get()[m.Kind])
	}
	for _, p := range s.Points {
		if p.Status == PointChallenged {
			return conflict("the challenge to the ruling on point of order %d is before the Council (rule 30)", p.ID)
		}
	}
	e.Args = Args{}
	return nil
}

func text(field, s string, max int) error {
	if strings.TrimSpace(s) == "" {
		return invalid(field, "missing: want some text")
	}
	if len(s) > max {
		return invalid(field, "%d bytes: want at most %d", len(s), max)
	}
	return nil
}
