package procedure

import (
	"time"

	"unsc"
	"unsc/internal/lazy"
)

// Member is one delegation seated in a session.
type Member struct {
	Code      unsc.Code `json:"code"`
	Name      string    `json:"name"`
	Permanent bool      `json:"permanent"`
}

// Setup is what a session is created with: the first event of its log.
type Setup struct {
	// ID names the session.
	ID string `json:"id"`
	// Date is the date of the meeting (YYYY-MM-DD): the Council's
	// composition on that day, or the date a custom roster sits.
	Date    string   `json:"date"`
	Profile Profile  `json:"profile"`
	Members []Member `json:"members"`
	// Required is the number of affirmative votes a decision needs.
	Required int `json:"required"`
	// Custom is true for a roster the operator made, not the Council's
	// composition on Date.
	Custom bool `json:"custom,omitempty"`
	// FirstResolution is the number the session's first adopted draft
	// resolution receives.
	FirstResolution int `json:"first_resolution"`
	// Replay, for a historical replay, is what the Council actually did on
	// the draft the session replays.
	Replay *Replay `json:"replay,omitempty"`
}

// Replay is a real decision of the Council that a session replays: shown
// once the session has voted on its draft.
type Replay struct {
	Draft      string               `json:"draft"`
	Resolution string               `json:"resolution,omitempty"`
	Title      string               `json:"title,omitempty"`
	Meeting    string               `json:"meeting,omitempty"`
	Matter     string               `json:"matter"`
	Outcome    string               `json:"outcome"`
	VetoedBy   []unsc.Code          `json:"vetoed_by,omitempty"`
	Votes      map[unsc.Code]string `json:"votes,omitempty"`
	Link       string               `json:"link"`
}

// Meeting statuses.
const (
	Convened  = "convened"  // created, not yet opened by the President
	Open      = "open"      // in session
	Suspended = "suspended" // suspended by a motion (rule 33(1))
	Adjourned = "adjourned" // adjourned or closed: nothing more happens
)

// State is a session as the fold of its log. Every slice is in the order
// its items were created; an item's ID is its place, from 1.
type State struct {
	Setup Setup `json:"setup"`
	// Seq is the number of the last event folded.
	Seq int64 `json:"seq"`
	// Status is the meeting's status: convened, open, suspended, adjourned.
	Status string `json:"status"`
	// Roll holds each delegation's answer to the roll call: "present" or
	// "present-and-voting"; a member not in it has not answered.
	Roll     map[unsc.Code]string `json:"roll"`
	RollOpen bool                 `json:"roll_open"`
	Agenda   Agenda               `json:"agenda"`
	// Speakers is the speakers list in the order the floor was asked for
	// (rule 27).
	Speakers     []Request `json:"speakers"`
	Floor        *Floor    `json:"floor,omitempty"`
	SpeakingTime int       `json:"speaking_time"`
	// DebateClosed is set by a motion to close debate (the mun profile).
	DebateClosed bool        `json:"debate_closed,omitempty"`
	Drafts       []Draft     `json:"drafts"`
	Amendments   []Amendment `json:"amendments"`
	Divisions    []Division  `json:"divisions"`
	Motions      []Motion    `json:"motions"`
	Points       []Point     `json:"points"`
	Votes        []Vote      `json:"votes"`
	// Current is the ID of the open vote, 0 when none is open.
	Current int `json:"current"`
	// Resolutions counts the resolutions adopted in the session.
	Resolutions int `json:"resolutions"`
}

// Agenda statuses.
const (
	AgendaNone      = "none"
	AgendaProposed  = "proposed"
	AgendaContested = "contested"
	AgendaAdopted   = "adopted"
	AgendaRejected  = "rejected"
)

// Agenda is the provisional agenda and its adoption (rule 9).
type Agenda struct {
	Text       string      `json:"text,omitempty"`
	Status     string      `json:"status"`
	Objections []unsc.Code `json:"objections,omitempty"`
}

// Request is one place on the speakers list.
type Request struct {
	Seat unsc.Code `json:"seat"`
	// Kind is "speech", "explanation-before" or "explanation-after".
	Kind string `json:"kind"`
	// Draft is the draft an explanation of vote is about.
	Draft int `json:"draft,omitempty"`
}

// Floor is the representative speaking: since when and until when.
type Floor struct {
	Request
	Since    time.Time `json:"since"`
	Deadline time.Time `json:"deadline"`
}

// Item statuses shared by drafts, amendments and motions.
const (
	Pending   = "pending"
	Withdrawn = "withdrawn"
	Referred  = "referred"
	Postponed = "postponed"
)

// Draft is a draft resolution tabled in the session (rules 31, 32).
type Draft struct {
	ID       int         `json:"id"`
	Symbol   string      `json:"symbol"`
	Title    string      `json:"title,omitempty"`
	Text     []string    `json:"text,omitempty"`
	Sponsors []unsc.Code `json:"sponsors,omitempty"`
	// Mover is the delegation that tabled it ("" for a draft the operator
	// tabled for a replay).
	Mover  unsc.Code `json:"mover,omitempty"`
	Matter string    `json:"matter"`
	// Status is pending, withdrawn, referred, postponed, or once voted the
	// outcome: adopted, failed, vetoed.
	Status     string `json:"status"`
	Resolution string `json:"resolution,omitempty"`
	Amended    bool   `json:"amended,omitempty"`
	// Preliminary is "" until a preliminary question is raised, then
	// "pending", then "procedural" or "non-procedural".
	Preliminary string `json:"preliminary,omitempty"`
	// Order is the order in which the President ruled its amendments are
	// voted (rule 36); empty for the default order.
	Order []int `json:"order,omitempty"`
	Vote  int   `json:"vote,omitempty"`
}

// Amendment operations.
const (
	OpAdd     = "add"
	OpDelete  = "delete"
	OpReplace = "replace"
)

// Amendment is an amendment to a draft (rule 36).
type Amendment struct {
	ID    int       `json:"id"`
	Draft int       `json:"draft"`
	Mover unsc.Code `json:"mover"`
	// Op is add, delete or replace; Paragraph is the paragraph it concerns
	// (for add, the place it takes; 0 appends).
	Op        string `json:"op"`
	Paragraph int    `json:"paragraph,omitempty"`
	Text      string `json:"text,omitempty"`
	Status    string `json:"status"`
	Vote      int    `json:"vote,omitempty"`
}

// Division statuses.
const (
	DivisionRequested = "requested"
	DivisionObjected  = "objected"
	DivisionGranted   = "granted"
	DivisionRefused   = "refused"
	DivisionDone      = "voted"
)

// Division is a request that parts of a draft be voted separately (rule
// 32).
type Division struct {
	ID    int       `json:"id"`
	Draft int       `json:"draft"`
	By    unsc.Code `json:"by"`
	// Parts are the paragraphs, numbered from 1, to vote separately.
	Parts  []int  `json:"parts"`
	Status string `json:"status"`
	Vote   int    `json:"vote,omitempty"`
}

// The motions, in their order of precedence (rule 33); close-debate is the
// mun profile's.
const (
	MotionSuspend     = "suspend"
	MotionAdjourn     = "adjourn"
	MotionAdjournTo   = "adjourn-to"
	MotionRefer       = "refer"
	MotionPostpone    = "postpone"
	MotionCloseDebate = "close-debate"
)

var motionOrder = []string{MotionSuspend, MotionAdjourn, MotionAdjournTo, MotionRefer, MotionPostpone, MotionCloseDebate}

var motionWords = lazy.Value[map[string]string]{Make: func() map[string]string {
	return map[string]string{
		MotionSuspend:     "the motion to suspend the meeting",
		MotionAdjourn:     "the motion to adjourn the meeting",
		MotionAdjournTo:   "the motion to adjourn the meeting to a certain day or hour",
		MotionRefer:       "the motion to refer the matter",
		MotionPostpone:    "the motion to postpone the discussion",
		MotionCloseDebate: "the motion to close the debate",
	}
}}

// Motion is a motion of rule 33 (or the mun profile's closure).
type Motion struct {
	ID   int       `json:"id"`
	Kind string    `json:"kind"`
	By   unsc.Code `json:"by"`
	// Text says to when, or to whom, where the motion needs it.
	Text   string `json:"text,omitempty"`
	Status string `json:"status"`
	Vote   int    `json:"vote,omitempty"`
}

// Point statuses.
const (
	PointPending    = "pending"    // raised, awaiting the President's ruling
	PointRuled      = "ruled"      // ruled; may be challenged
	PointChallenged = "challenged" // challenged; awaiting the Council's vote
	PointStands     = "stands"     // challenge failed: the ruling stands
	PointOverruled  = "overruled"  // the Council overruled the ruling
	PointClosed     = "closed"     // no longer challengeable
)

// Point is a point of order and the President's ruling (rule 30).
type Point struct {
	ID     int       `json:"id"`
	By     unsc.Code `json:"by"`
	Text   string    `json:"text"`
	Ruling string    `json:"ruling,omitempty"`
	Status string    `json:"status"`
	Vote   int       `json:"vote,omitempty"`
}

// Question kinds: what a vote is on.
const (
	OnAgenda      = "agenda"
	OnDraft       = "draft"
	OnAmendment   = "amendment"
	OnPart        = "part"        // the parts of a draft voted separately
	OnDivision    = "division"    // whether to divide, when the mover objects
	OnMotion      = "motion"      // a motion of rule 33
	OnChallenge   = "challenge"   // whether to overrule the President's ruling
	OnPreliminary = "preliminary" // whether a draft is procedural
)

// Question is what a vote is on.
type Question struct {
	Kind string `json:"kind"`
	// Ref is the ID of the draft, amendment, division, motion or point the
	// vote is on (0 for the agenda).
	Ref int `json:"ref,omitempty"`
	// Document is the symbol of the draft concerned, if any.
	Document  string `json:"document,omitempty"`
	Matter    string `json:"matter"`
	Amendment bool   `json:"amendment,omitempty"`
	// Words says what is put to the vote, as the President would.
	Words string `json:"words"`
}

// Vote is one vote of the session.
type Vote struct {
	ID       int                  `json:"id"`
	Question Question             `json:"question"`
	Open     bool                 `json:"open"`
	Ballots  map[unsc.Code]string `json:"ballots"`
	OpenedAt time.Time            `json:"opened_at"`
	ClosedAt time.Time            `json:"closed_at,omitzero"`
	Result   *Result              `json:"result,omitempty"`
}

// New returns the state of a session created with setup, before any event:
// Apply the log's events to it, the first being the session's creation.
func New() *State {
	return &State{Roll: map[unsc.Code]string{}}
}

func (s *State) member(code unsc.Code) (Member, bool) {
	for _, m := range s.Setup.Members {
		if m.Code == code {
			return m, true
		}
	}
	return Member{}, false
}

func (s *State) draft(id int) *Draft {
	if id < 1 || id > len(s.Drafts) {
		return nil
	}
	return &s.Drafts[id-1]
}

func (s *State) amendment(id int) *Amendment {
	if id < 1 || id > len(s.Amendments) {
		return nil
	}
	return &s.Amendments[id-1]
}

func (s *State) division(id int) *Division {
	if id < 1 || id > len(s.Divisions) {
		return nil
	}
	return &s.Divisions[id-1]
}

func (s *State) motion(id int) *Motion {
	if id < 1 || id > len(s.Motions) {
		return nil
	}
	return &s.Motions[id-1]
}

func (s *State) point(id int) *Point {
	if id < 1 || id > len(s.Points) {
		return nil
	}
	return &s.Points[id-1]
}

// VoteByID returns the vote with that ID, or nil.
func (s *State) VoteByID(id int) *Vote {
	if id < 1 || id > len(s.Votes) {
		return nil
	}
	return &s.Votes[id-1]
}

// DraftBySymbol returns the ID of the draft tabled under symbol, or 0.
func (s *State) DraftBySymbol(symbol string) int {
	for _, d := range s.Drafts {
		if d.Symbol == symbol {
			return d.ID
		}
	}
	return 0
}
