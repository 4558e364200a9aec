package procedure_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/charter"
	"unsc/procedure"
)

var t0 = time.Date(2024, 3, 25, 15, 0, 0, 0, time.UTC)

// session is a session under test: its state and its log.
type session struct {
	t   *testing.T
	s   *procedure.State
	log []procedure.Event
}

func newSession(t *testing.T, profile string, date string) *session {
	t.Helper()
	d, _ := time.Parse(time.DateOnly, date)
	c, err := charter.CouncilOn(d)
	if err != nil {
		t.Fatal(err)
	}
	p, err := procedure.ProfileNamed(profile)
	if err != nil {
		t.Fatal(err)
	}
	setup := procedure.Setup{ID: "test", Date: date, Profile: p, Required: c.Required, FirstResolution: 2728}
	for _, m := range c.Members {
		setup.Members = append(setup.Members, procedure.Member{Code: m.Code, Name: m.Name, Permanent: m.Permanent})
	}
	e, err := procedure.Create(setup, t0)
	if err != nil {
		t.Fatal(err)
	}
	ss := &session{t: t, s: procedure.New()}
	ss.apply(e)
	return ss
}

func (ss *session) apply(e procedure.Event) {
	e.Seq = int64(len(ss.log) + 1)
	ss.log = append(ss.log, e)
	ss.s.Apply(e)
}

// try decides an action and folds its events; it returns the error.
func (ss *session) try(by procedure.Actor, kind string, args procedure.Args) error {
	ss.t.Helper()
	evs, err := procedure.Decide(ss.s, procedure.Action{Kind: kind, By: by, At: t0.Add(time.Duration(len(ss.log)) * time.Second), Args: args})
	if err != nil {
		return err
	}
	for _, e := range evs {
		ss.apply(e)
	}
	return nil
}

// do decides an action that must be allowed.
func (ss *session) do(by procedure.Actor, kind string, args procedure.Args) {
	ss.t.Helper()
	if err := ss.try(by, kind, args); err != nil {
		ss.t.Fatalf("%s %s %+v: %v", by, kind, args, err)
	}
}

func seat(c string) procedure.Actor { return procedure.SeatOf(unsc.Code(c)) }

var chair = procedure.Chair

// opened opens the meeting and adopts the agenda without objection.
func (ss *session) opened() *session {
	ss.do(chair, "open-meeting", procedure.Args{})
	ss.do(chair, "propose-agenda", procedure.Args{Text: "The situation in the Middle East, including the Palestinian question"})
	ss.do(chair, "adopt-agenda", procedure.Args{})
	return ss
}

// vote opens a vote on q, casts the ballots and closes it; it returns the
// result.
func (ss *session) vote(q procedure.QuestionRef, ballots map[string]string) *procedure.Result {
	ss.t.Helper()
	ss.do(chair, "open-vote", procedure.Args{Question: &q})
	id := ss.s.Current
	for code, p := range ballots {
		ss.do(seat(code), "cast-ballot", procedure.Args{Ref: id, Position: p})
	}
	ss.do(chair, "close-vote", procedure.Args{})
	return ss.s.VoteByID(id).Result
}

// council2024 is the vote of 25 March 2024 on S/2024/254: 14-0-1, the US
// abstaining.
func all(p string, except map[string]string) map[string]string {
	out := map[string]string{}
	for _, c := range []string{"CHN", "FRA", "RUS", "GBR", "USA", "DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"} {
		out[c] = p
	}
	for c, q := range except {
		out[c] = q
	}
	return out
}

func offers(s *procedure.State, by procedure.Actor) []string {
	var out []string
	for _, o := range procedure.Offers(s, by) {
		w := o.Action
		switch {
		case o.Question != nil:
			w += fmt.Sprintf(":%s/%d", o.Question.Kind, o.Question.Ref)
		case o.Motion != "":
			w += ":" + o.Motion
		case o.When != "":
			w += fmt.Sprintf(":%s/%d", o.When, o.Ref)
		case o.Ref != 0:
			w += fmt.Sprintf(":%d", o.Ref)
		}
		out = append(out, w)
	}
	return out
}

func draft(symbol string, paragraphs ...string) procedure.Args {
	return procedure.Args{Symbol: symbol, Title: "The situation in the Middle East", Paragraphs: paragraphs}
}

// TestOffers is the table of what the rules allow when: for each moment of
// a meeting, what the President and two delegations are offered.
func TestOffers(t *testing.T) {
	type step func(ss *session)
	cases := []struct {
		name  string
		steps []step
		chair []string
		usa   []string // the mover of drafts in these steps
		fra   []string
	}{
		{
			name:  "convened: only the President opens the meeting",
			chair: []string{"open-meeting"},
		},
		{
			name:  "opened: the agenda first (rule 9); motions and points of order any time",
			steps: []step{func(ss *session) { ss.do(chair, "open-meeting", procedure.Args{}) }},
			chair: []string{"call-roll", "propose-agenda", "set-speaking-time", "close-meeting"},
			usa:   []string{"move:suspend", "move:adjourn", "move:adjourn-to", "point-of-order"},
			fra:   []string{"move:suspend", "move:adjourn", "move:adjourn-to", "point-of-order"},
		},
		{
			name: "roll call under way",
			steps: []step{func(ss *session) {
				ss.do(chair, "open-meeting", procedure.Args{})
				ss.do(chair, "call-roll", procedure.Args{})
			}},
			chair: []string{"close-roll", "propose-agenda", "set-speaking-time", "close-meeting"},
			usa:   []string{"answer-roll", "move:suspend", "move:adjourn", "move:adjourn-to", "point-of-order"},
			fra:   []string{"answer-roll", "move:suspend", "move:adjourn", "move:adjourn-to", "point-of-order"},
		},
		{
			name: "agenda proposed: members may object; the President adopts it",
			steps: []step{func(ss *session) {
				ss.do(chair, "open-meeting", procedure.Args{})
				ss.do(chair, "propose-agenda", procedure.Args{Text: "Item"})
			}},
			chair: []string{"call-roll", "adopt-agenda", "set-speaking-time", "close-meeting"},
			usa:   []string{"object-agenda", "move:suspend", "move:adjourn", "move:adjourn-to", "point-of-order"},
			fra:   []string{"object-agenda", "move:suspend", "move:adjourn", "move:adjourn-to", "point-of-order"},
		},
		{
			name: "agenda contested: a procedural vote, not the President's adoption",
			steps: []step{func(ss *session) {
				ss.do(chair, "open-meeting", procedure.Args{})
				ss.do(chair, "propose-agenda", procedure.Args{Text: "Item"})
				ss.do(seat("CHN"), "object-agenda", procedure.Args{})
			}},
			chair: []string{"call-roll", "set-speaking-time", "open-vote:agenda/0", "close-meeting"},
			usa:   []string{"object-agenda", "move:suspend", "move:adjourn", "move:adjourn-to", "point-of-order"},
			fra:   []string{"object-agenda", "move:suspend", "move:adjourn", "move:adjourn-to", "point-of-order"},
		},
		{
			name:  "agenda adopted: debate, drafts, all motions",
			steps: []step{func(ss *session) { ss.opened() }},
			chair: []string{"call-roll", "set-speaking-time", "table-draft", "close-meeting"},
			usa:   []string{"request-floor", "table-draft", "move:suspend", "move:adjourn", "move:adjourn-to", "move:refer", "move:postpone", "point-of-order"},
			fra:   []string{"request-floor", "table-draft", "move:suspend", "move:adjourn", "move:adjourn-to", "move:refer", "move:postpone", "point-of-order"},
		},
		{
			name: "a draft tabled: its mover may withdraw it; others amend, divide; anyone raises the preliminary question",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("USA"), "table-draft", draft("S/2024/239", "p1", "p2"))
			}},
			chair: []string{"call-roll", "set-speaking-time", "table-draft", "raise-preliminary:1", "open-vote:draft/1", "close-meeting"},
			usa: []string{"request-floor", "request-floor:before/1", "table-draft", "withdraw-draft:1", "propose-amendment:1", "request-division:1",
				"move:suspend", "move:adjourn", "move:adjourn-to", "move:refer", "move:postpone", "point-of-order", "raise-preliminary:1"},
			fra: []string{"request-floor", "request-floor:before/1", "table-draft", "propose-amendment:1", "request-division:1",
				"move:suspend", "move:adjourn", "move:adjourn-to", "move:refer", "move:postpone", "point-of-order", "raise-preliminary:1"},
		},
		{
			name: "an amendment: voted before its draft (rule 36); its mover may withdraw it",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("USA"), "table-draft", draft("S/2024/254", "p1", "p2"))
				ss.do(seat("FRA"), "propose-amendment", procedure.Args{Ref: 1, Op: "replace", Paragraph: 2, Text: "q2"})
			}},
			chair: []string{"call-roll", "set-speaking-time", "table-draft", "raise-preliminary:1", "open-vote:amendment/1", "close-meeting"},
			usa: []string{"request-floor", "request-floor:before/1", "table-draft", "withdraw-draft:1", "propose-amendment:1", "request-division:1",
				"move:suspend", "move:adjourn", "move:adjourn-to", "move:refer", "move:postpone", "point-of-order", "raise-preliminary:1"},
			fra: []string{"request-floor", "request-floor:before/1", "table-draft", "propose-amendment:1", "withdraw-amendment:1", "request-division:1",
				"move:suspend", "move:adjourn", "move:adjourn-to", "move:refer", "move:postpone", "point-of-order", "raise-preliminary:1"},
		},
		{
			name: "two amendments: the President may order them; additions and deletions first",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("USA"), "table-draft", draft("S/2024/254", "p1", "p2"))
				ss.do(seat("FRA"), "propose-amendment", procedure.Args{Ref: 1, Op: "replace", Paragraph: 2, Text: "q2"})
				ss.do(seat("RUS"), "propose-amendment", procedure.Args{Ref: 1, Op: "delete", Paragraph: 1})
			}},
			chair: []string{"call-roll", "set-speaking-time", "table-draft", "order-amendments:1", "raise-preliminary:1", "open-vote:amendment/2", "close-meeting"},
		},
		{
			name: "a vote under way: ballots and closing only",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("USA"), "table-draft", draft("S/2024/254", "p1"))
				ss.do(chair, "open-vote", procedure.Args{Question: &procedure.QuestionRef{Kind: "draft", Ref: 1}})
			}},
			chair: []string{"close-vote"},
			usa:   []string{"cast-ballot:1"},
			fra:   []string{"cast-ballot:1"},
		},
		{
			name: "after the vote: explanations after it",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("USA"), "table-draft", draft("S/2024/254", "p1"))
				ss.vote(procedure.QuestionRef{Kind: "draft", Ref: 1}, all("Y", nil))
			}},
			chair: []string{"call-roll", "set-speaking-time", "table-draft", "close-meeting"},
			usa:   []string{"request-floor", "request-floor:after/1", "table-draft", "move:suspend", "move:adjourn", "move:adjourn-to", "move:refer", "move:postpone", "point-of-order"},
		},
		{
			name: "a motion to suspend: precedence, and no debate (rule 33)",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("USA"), "table-draft", draft("S/2024/254", "p1"))
				ss.do(seat("FRA"), "request-floor", procedure.Args{})
				ss.do(seat("RUS"), "move", procedure.Args{Motion: "suspend"})
			}},
			chair: []string{"call-roll", "set-speaking-time", "table-draft", "raise-preliminary:1", "open-vote:motion/1"},
			usa: []string{"table-draft", "withdraw-draft:1", "propose-amendment:1", "move:adjourn", "move:adjourn-to", "move:refer", "move:postpone",
				"point-of-order", "raise-preliminary:1"},
			fra: []string{"withdraw-request", "table-draft", "propose-amendment:1", "move:adjourn", "move:adjourn-to", "move:refer", "move:postpone",
				"point-of-order", "raise-preliminary:1"},
		},
		{
			name: "a point of order: the President rules at once (rule 30)",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("CHN"), "point-of-order", procedure.Args{Text: "The speaker is not on the item"})
			}},
			chair: []string{"rule-point"},
			usa:   nil,
		},
		{
			name: "a ruling: any member may challenge it",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("CHN"), "point-of-order", procedure.Args{Text: "The speaker is not on the item"})
				ss.do(chair, "rule-point", procedure.Args{Text: "The speaker is in order"})
			}},
			chair: []string{"call-roll", "set-speaking-time", "table-draft", "close-meeting"},
			fra:   []string{"request-floor", "table-draft", "move:suspend", "move:adjourn", "move:adjourn-to", "move:refer", "move:postpone", "point-of-order", "challenge-ruling:1"},
		},
		{
			name: "a challenge: decided at once, before anything else",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("USA"), "table-draft", draft("S/2024/254", "p1"))
				ss.do(seat("CHN"), "point-of-order", procedure.Args{Text: "The speaker is not on the item"})
				ss.do(chair, "rule-point", procedure.Args{Text: "The speaker is in order"})
				ss.do(seat("CHN"), "challenge-ruling", procedure.Args{Ref: 1})
			}},
			chair: []string{"call-roll", "set-speaking-time", "table-draft", "raise-preliminary:1", "open-vote:challenge/1"},
		},
		{
			name: "a division requested: the mover may object; else the President grants it",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("USA"), "table-draft", draft("S/2024/254", "p1", "p2", "p3"))
				ss.do(seat("RUS"), "request-division", procedure.Args{Ref: 1, Parts: []int{2}})
			}},
			chair: []string{"call-roll", "set-speaking-time", "table-draft", "grant-division:1", "raise-preliminary:1", "close-meeting"},
			usa: []string{"request-floor", "request-floor:before/1", "table-draft", "withdraw-draft:1", "propose-amendment:1", "object-division:1",
				"move:suspend", "move:adjourn", "move:adjourn-to", "move:refer", "move:postpone", "point-of-order", "raise-preliminary:1"},
		},
		{
			name: "a division objected: a procedural vote on whether to divide",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("USA"), "table-draft", draft("S/2024/254", "p1", "p2", "p3"))
				ss.do(seat("RUS"), "request-division", procedure.Args{Ref: 1, Parts: []int{2}})
				ss.do(seat("USA"), "object-division", procedure.Args{Ref: 1})
			}},
			chair: []string{"call-roll", "set-speaking-time", "table-draft", "raise-preliminary:1", "open-vote:division/1", "close-meeting"},
		},
		{
			name: "a division granted: the parts first",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("USA"), "table-draft", draft("S/2024/254", "p1", "p2", "p3"))
				ss.do(seat("RUS"), "request-division", procedure.Args{Ref: 1, Parts: []int{2}})
				ss.do(chair, "grant-division", procedure.Args{Ref: 1})
			}},
			chair: []string{"call-roll", "set-speaking-time", "table-draft", "raise-preliminary:1", "open-vote:part/1", "close-meeting"},
		},
		{
			name: "a preliminary question raised: it is voted before the draft",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("USA"), "table-draft", draft("S/1948/794", "p1"))
				ss.do(seat("FRA"), "raise-preliminary", procedure.Args{Ref: 1})
			}},
			chair: []string{"call-roll", "set-speaking-time", "table-draft", "open-vote:preliminary/1", "close-meeting"},
		},
		{
			name: "two drafts: voted in the order submitted (rule 32)",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("USA"), "table-draft", draft("S/2024/239", "p1"))
				ss.do(seat("RUS"), "table-draft", draft("S/2024/240", "p1"))
			}},
			chair: []string{"call-roll", "set-speaking-time", "table-draft", "raise-preliminary:1", "raise-preliminary:2", "open-vote:draft/1", "close-meeting"},
		},
		{
			name: "suspended: the President resumes",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("RUS"), "move", procedure.Args{Motion: "suspend"})
				ss.vote(procedure.QuestionRef{Kind: "motion", Ref: 1}, all("Y", nil))
			}},
			chair: []string{"resume-meeting"},
		},
		{
			name: "adjourned: nothing",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(chair, "close-meeting", procedure.Args{})
			}},
		},
		{
			name: "the speakers list: the President gives the floor in order",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("FRA"), "request-floor", procedure.Args{})
			}},
			chair: []string{"call-roll", "next-speaker", "set-speaking-time", "table-draft", "close-meeting"},
			fra:   []string{"withdraw-request", "table-draft", "move:suspend", "move:adjourn", "move:adjourn-to", "move:refer", "move:postpone", "point-of-order"},
		},
		{
			name: "a speaker has the floor",
			steps: []step{func(ss *session) {
				ss.opened()
				ss.do(seat("FRA"), "request-floor", procedure.Args{})
				ss.do(chair, "next-speaker", procedure.Args{})
			}},
			chair: []string{"call-roll", "end-speech", "set-speaking-time", "table-draft", "close-meeting"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ss := newSession(t, "charter", "2024-03-25")
			for _, st := range c.steps {
				st(ss)
			}
			if diff := cmp.Diff(c.chair, offers(ss.s, chair)); diff != "" {
				t.Errorf("Offers(chair) (-want +got):\n%s", diff)
			}
			if c.usa != nil || strings.HasPrefix(c.name, "a point of order") {
				if diff := cmp.Diff(c.usa, offers(ss.s, seat("USA"))); diff != "" {
					t.Errorf("Offers(USA) (-want +got):\n%s", diff)
				}
			}
			if c.fra != nil {
				if diff := cmp.Diff(c.fra, offers(ss.s, seat("FRA"))); diff != "" {
					t.Errorf("Offers(FRA) (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestRefused is the other half of the table: actions the rules refuse at
// a moment, with the kind of refusal.
func TestRefused(t *testing.T) {
	cases := []struct {
		name  string
		setup func(ss *session)
		by    procedure.Actor
		kind  string
		args  procedure.Args
		code  string
	}{
		{"a seat runs the meeting", func(ss *session) {}, seat("USA"), "open-meeting", procedure.Args{}, unsc.EFORBIDDEN},
		{"the chair votes", func(ss *session) {
			ss.opened()
			ss.do(seat("USA"), "table-draft", draft("S/1", "p"))
			ss.do(chair, "open-vote", procedure.Args{Question: &procedure.QuestionRef{Kind: "draft", Ref: 1}})
		}, chair, "cast-ballot", procedure.Args{Ref: 1, Position: "Y"}, unsc.EFORBIDDEN},
		{"a state without a seat", func(ss *session) { ss.opened() }, seat("DEU"), "request-floor", procedure.Args{}, unsc.EFORBIDDEN},
		{"a draft before the agenda", func(ss *session) { ss.do(chair, "open-meeting", procedure.Args{}) }, seat("USA"), "table-draft", draft("S/1", "p"), unsc.ECONFLICT},
		{"anything before the meeting opens", func(ss *session) {}, seat("USA"), "point-of-order", procedure.Args{Text: "x"}, unsc.ECONFLICT},
		{"the same symbol twice", func(ss *session) {
			ss.opened()
			ss.do(seat("USA"), "table-draft", draft("S/1", "p"))
		}, seat("FRA"), "table-draft", draft("S/1", "p"), unsc.ECONFLICT},
		{"withdrawing another's draft", func(ss *session) {
			ss.opened()
			ss.do(seat("USA"), "table-draft", draft("S/1", "p"))
		}, seat("FRA"), "withdraw-draft", procedure.Args{Ref: 1}, unsc.EFORBIDDEN},
		{"withdrawing a draft once voted (rule 35)", func(ss *session) {
			ss.opened()
			ss.do(seat("USA"), "table-draft", draft("S/1", "p"))
			ss.vote(procedure.QuestionRef{Kind: "draft", Ref: 1}, all("Y", nil))
		}, seat("USA"), "withdraw-draft", procedure.Args{Ref: 1}, unsc.ECONFLICT},
		{"a draft before its amendment (rule 36)", func(ss *session) {
			ss.opened()
			ss.do(seat("USA"), "table-draft", draft("S/1", "p"))
			ss.do(seat("RUS"), "propose-amendment", procedure.Args{Ref: 1, Op: "add", Text: "q"})
		}, chair, "open-vote", procedure.Args{Question: &procedure.QuestionRef{Kind: "draft", Ref: 1}}, unsc.ECONFLICT},
		{"a draft before a pending motion (rule 33)", func(ss *session) {
			ss.opened()
			ss.do(seat("USA"), "table-draft", draft("S/1", "p"))
			ss.do(seat("RUS"), "move", procedure.Args{Motion: "postpone"})
		}, chair, "open-vote", procedure.Args{Question: &procedure.QuestionRef{Kind: "draft", Ref: 1}}, unsc.ECONFLICT},
		{"postponement before adjournment (rule 33)", func(ss *session) {
			ss.opened()
			ss.do(seat("RUS"), "move", procedure.Args{Motion: "postpone"})
			ss.do(seat("CHN"), "move", procedure.Args{Motion: "adjourn"})
		}, chair, "open-vote", procedure.Args{Question: &procedure.QuestionRef{Kind: "motion", Ref: 1}}, unsc.ECONFLICT},
		{"an abstention when present and voting (mun)", func(ss *session) {
			ss.do(chair, "open-meeting", procedure.Args{})
			ss.do(chair, "call-roll", procedure.Args{})
			ss.do(seat("USA"), "answer-roll", procedure.Args{Position: "present-and-voting"})
			ss.do(chair, "close-roll", procedure.Args{})
			ss.do(chair, "propose-agenda", procedure.Args{Text: "x"})
			ss.do(chair, "adopt-agenda", procedure.Args{})
			ss.do(seat("FRA"), "table-draft", draft("S/1", "p"))
			ss.do(chair, "open-vote", procedure.Args{Question: &procedure.QuestionRef{Kind: "draft", Ref: 1}})
		}, seat("USA"), "cast-ballot", procedure.Args{Ref: 1, Position: "A"}, unsc.ECONFLICT},
		{"a bad vote letter", func(ss *session) {
			ss.opened()
			ss.do(seat("USA"), "table-draft", draft("S/1", "p"))
			ss.do(chair, "open-vote", procedure.Args{Question: &procedure.QuestionRef{Kind: "draft", Ref: 1}})
		}, seat("USA"), "cast-ballot", procedure.Args{Ref: 1, Position: "P"}, unsc.EINVALID},
		{"closure under the Charter profile", func(ss *session) { ss.opened() }, seat("USA"), "move", procedure.Args{Motion: "close-debate"}, unsc.ECONFLICT},
		{"an unknown action", func(ss *session) { ss.opened() }, chair, "dissolve", procedure.Args{}, unsc.EINVALID},
		{"a vote on nothing", func(ss *session) { ss.opened() }, chair, "open-vote", procedure.Args{Question: &procedure.QuestionRef{Kind: "draft", Ref: 9}}, unsc.ENOTFOUND},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			profile := "charter"
			if strings.Contains(c.name, "(mun)") {
				profile = "mun"
			}
			ss := newSession(t, profile, "2024-03-25")
			c.setup(ss)
			err := ss.try(c.by, c.kind, c.args)
			var e *unsc.Error
			if !errors.As(err, &e) || e.Code != c.code {
				t.Fatalf("Decide(%s %s) = %v, want an error with code %s", c.by, c.kind, err, c.code)
			}
			for _, o := range procedure.Offers(ss.s, c.by) {
				if o.Action == c.kind && o.Ref == c.args.Ref && o.Motion == c.args.Motion && (c.args.Question == nil || cmp.Equal(o.Question, c.args.Question)) && c.kind != "table-draft" && c.kind != "cast-ballot" {
					t.Errorf("Offers(%s) offers %s %d, which Decide refuses", c.by, c.kind, c.args.Ref)
				}
			}
		})
	}
}

// TestMeeting runs a meeting through the votes of RULES.md §6 that the
// chamber must get right, and checks each outcome and its effect.
func TestMeeting(t *testing.T) {
	ss := newSession(t, "charter", "2024-03-25").opened()
	ss.do(seat("MOZ"), "table-draft", draft("S/2024/254", "Demands an immediate ceasefire", "Demands the release of all hostages"))
	// The oral amendment of 25 March 2024: 3-1-11, the US against, no veto.
	ss.do(seat("RUS"), "propose-amendment", procedure.Args{Ref: 1, Op: "replace", Paragraph: 1, Text: "Demands an immediate permanent ceasefire"})
	r := ss.vote(procedure.QuestionRef{Kind: "amendment", Ref: 1}, all("A", map[string]string{"RUS": "Y", "CHN": "Y", "DZA": "Y", "USA": "N"}))
	if r.Outcome != "failed" || len(r.VetoedBy) != 0 || r.Yes != 3 || r.No != 1 || r.Abstain != 11 {
		t.Errorf("amendment: %+v, want failed 3-1-11 without veto", r.ResultJSON)
	}
	if got := ss.s.Drafts[0].Text[0]; got != "Demands an immediate ceasefire" {
		t.Errorf("after a failed amendment, paragraph 1 = %q, want it unchanged", got)
	}
	// The draft: 14-0-1, the US abstaining: adopted, as resolution 2728.
	r = ss.vote(procedure.QuestionRef{Kind: "draft", Ref: 1}, all("Y", map[string]string{"USA": "A"}))
	if r.Outcome != "adopted" || r.Resolution != "S/RES/2728 (2024)" {
		t.Errorf("draft: %s %q, want adopted as S/RES/2728 (2024)", r.Outcome, r.Resolution)
	}
	if !strings.Contains(r.Statement, "adopted as resolution 2728 (2024)") || !strings.Contains(r.Statement, "14 votes in favour") {
		t.Errorf("statement %q, want the count and the resolution", r.Statement)
	}
	// A veto: the next draft, the US against: vetoed; no resolution number.
	ss.do(seat("DZA"), "table-draft", draft("S/2024/999", "p1"))
	r = ss.vote(procedure.QuestionRef{Kind: "draft", Ref: 2}, all("Y", map[string]string{"USA": "N", "GBR": "A"}))
	if r.Outcome != "vetoed" || !cmp.Equal(r.VetoedBy, []unsc.Code{"USA"}) || r.Resolution != "" {
		t.Errorf("veto: %s by %v %q, want vetoed by USA without a resolution", r.Outcome, r.VetoedBy, r.Resolution)
	}
	if !strings.Contains(r.Statement, "owing to the negative vote of a permanent member") {
		t.Errorf("veto statement %q", r.Statement)
	}
	// A procedural vote carried over two permanent members' "no" (Myanmar
	// 2006): a motion to postpone, 10-4-1.
	ss.do(seat("USA"), "table-draft", draft("S/2024/1000", "p1"))
	ss.do(seat("GBR"), "move", procedure.Args{Motion: "postpone"})
	r = ss.vote(procedure.QuestionRef{Kind: "motion", Ref: 1}, all("Y", map[string]string{"CHN": "N", "RUS": "N", "DZA": "N", "MOZ": "N", "GUY": "A"}))
	if r.Outcome != "adopted" || len(r.VetoedBy) != 0 {
		t.Errorf("procedural: %s %v, want adopted over two permanent members' no", r.Outcome, r.VetoedBy)
	}
	if got := ss.s.Drafts[2].Status; got != procedure.Postponed {
		t.Errorf("after postponement, the draft is %s, want postponed", got)
	}
	// The next resolution number follows the session's count.
	ss.do(seat("FRA"), "table-draft", draft("S/2024/1001", "p1"))
	r = ss.vote(procedure.QuestionRef{Kind: "draft", Ref: 4}, all("Y", nil))
	if r.Resolution != "S/RES/2729 (2024)" {
		t.Errorf("second adoption: %q, want S/RES/2729 (2024)", r.Resolution)
	}
	checkFold(t, ss)
}

// TestDoubleVeto replays the Czechoslovak question of 24 May 1948: the
// preliminary question fails on the USSR's "no", so the draft is
// non-procedural, and then vetoed.
func TestDoubleVeto(t *testing.T) {
	ss := newSession(t, "charter", "1948-05-24").opened()
	ss.do(seat("ARG"), "table-draft", procedure.Args{Symbol: "S/794", Paragraphs: []string{"Sub-committee"}, Matter: "procedural"})
	ss.do(seat("SUN"), "raise-preliminary", procedure.Args{Ref: 1})
	votes := map[string]string{"ARG": "Y", "BEL": "Y", "CAN": "Y", "CHN": "Y", "COL": "Y", "GBR": "Y", "USA": "Y", "SYR": "Y", "SUN": "N", "UKR": "N", "FRA": "A"}
	r := ss.vote(procedure.QuestionRef{Kind: "preliminary", Ref: 1}, votes)
	if r.Outcome != "vetoed" {
		t.Fatalf("preliminary question: %s, want vetoed (8-2-1 with the USSR against)", r.Outcome)
	}
	if got := ss.s.Drafts[0].Matter; got != "non-procedural" {
		t.Fatalf("after the preliminary question, the draft is %s, want non-procedural", got)
	}
	votes["FRA"] = "Y"
	r = ss.vote(procedure.QuestionRef{Kind: "draft", Ref: 1}, votes)
	if r.Outcome != "vetoed" || !cmp.Equal(r.VetoedBy, []unsc.Code{"SUN"}) {
		t.Errorf("S/794: %s by %v, want vetoed by SUN", r.Outcome, r.VetoedBy)
	}
	checkFold(t, ss)
}

// TestProcedure covers the rest of the meeting: division, points of order
// and their challenge, the speakers list and its deadlines, withdrawal, the
// agenda vote, closure in the mun profile.
func TestProcedure(t *testing.T) {
	ss := newSession(t, "mun", "2024-03-25")
	ss.do(chair, "open-meeting", procedure.Args{})
	ss.do(chair, "propose-agenda", procedure.Args{Text: "Item"})
	ss.do(seat("CHN"), "object-agenda", procedure.Args{})
	if err := ss.try(chair, "adopt-agenda", procedure.Args{}); unsc.ErrorCode(err) != unsc.ECONFLICT {
		t.Fatalf("adopting a contested agenda: %v, want a conflict", err)
	}
	// Myanmar 2006: the agenda adopted 10-4-1 over China's and Russia's no.
	r := ss.vote(procedure.QuestionRef{Kind: "agenda"}, all("Y", map[string]string{"CHN": "N", "RUS": "N", "DZA": "N", "MOZ": "N", "GUY": "A"}))
	if r.Outcome != "adopted" || ss.s.Agenda.Status != procedure.AgendaAdopted {
		t.Fatalf("contested agenda: %s, agenda %s; want adopted", r.Outcome, ss.s.Agenda.Status)
	}

	// The speakers list, in the order asked, with a deadline.
	ss.do(seat("FRA"), "request-floor", procedure.Args{})
	ss.do(seat("JPN"), "request-floor", procedure.Args{})
	ss.do(chair, "next-speaker", procedure.Args{})
	if f := ss.s.Floor; f == nil || f.Seat != "FRA" || f.Deadline.Sub(f.Since) != 90*time.Second {
		t.Fatalf("floor %+v, want France with 90 seconds (mun)", f)
	}
	ss.do(chair, "set-speaking-time", procedure.Args{Seconds: 120})
	ss.do(chair, "next-speaker", procedure.Args{})
	if f := ss.s.Floor; f.Seat != "JPN" || f.Deadline.Sub(f.Since) != 120*time.Second {
		t.Fatalf("floor %+v, want Japan with 120 seconds", f)
	}

	// Division, the mover objecting: a procedural vote, then the part.
	ss.do(seat("USA"), "table-draft", draft("S/2024/500", "p1", "p2", "p3"))
	ss.do(seat("RUS"), "request-division", procedure.Args{Ref: 1, Parts: []int{3}})
	ss.do(seat("USA"), "object-division", procedure.Args{Ref: 1})
	if err := ss.try(chair, "grant-division", procedure.Args{Ref: 1}); unsc.ErrorCode(err) != unsc.ECONFLICT {
		t.Fatalf("granting a division the mover objects to: %v, want a conflict", err)
	}
	r = ss.vote(procedure.QuestionRef{Kind: "division", Ref: 1}, all("Y", map[string]string{"USA": "N"}))
	if r.Outcome != "adopted" {
		t.Fatalf("division vote: %s, want adopted (procedural: the US no is no veto)", r.Outcome)
	}
	r = ss.vote(procedure.QuestionRef{Kind: "part", Ref: 1}, all("N", map[string]string{"USA": "Y"}))
	if r.Outcome != "failed" || !cmp.Equal(ss.s.Drafts[0].Text, []string{"p1", "p2"}) {
		t.Fatalf("part vote: %s, text %v; want failed and paragraph 3 removed", r.Outcome, ss.s.Drafts[0].Text)
	}

	// A point of order, ruled, challenged, the ruling overruled.
	ss.do(seat("CHN"), "point-of-order", procedure.Args{Text: "x"})
	if err := ss.try(seat("FRA"), "request-floor", procedure.Args{}); unsc.ErrorCode(err) != unsc.ECONFLICT {
		t.Fatalf("speaking over a point of order: %v, want a conflict", err)
	}
	ss.do(chair, "rule-point", procedure.Args{Text: "Out of order"})
	ss.do(seat("CHN"), "challenge-ruling", procedure.Args{Ref: 1})
	r = ss.vote(procedure.QuestionRef{Kind: "challenge", Ref: 1}, all("Y", nil))
	if ss.s.Points[0].Status != procedure.PointOverruled || r.Effect != "The President's ruling is overruled." {
		t.Fatalf("challenge: point %s, effect %q; want overruled", ss.s.Points[0].Status, r.Effect)
	}

	// Withdrawal, then closure by two thirds of those present and voting:
	// 6-3 carries (6 of 9), though short of nine votes.
	ss.do(seat("USA"), "withdraw-draft", procedure.Args{Ref: 1})
	if ss.s.Drafts[0].Status != procedure.Withdrawn {
		t.Fatalf("withdrawn draft is %s", ss.s.Drafts[0].Status)
	}
	ss.do(seat("GBR"), "move", procedure.Args{Motion: "close-debate"})
	r = ss.vote(procedure.QuestionRef{Kind: "motion", Ref: 1}, all("A", map[string]string{"USA": "Y", "GBR": "Y", "FRA": "Y", "JPN": "Y", "MLT": "Y", "KOR": "Y", "CHN": "N", "RUS": "N", "DZA": "N"}))
	if r.Outcome != "adopted" || r.Required != 6 || !ss.s.DebateClosed {
		t.Fatalf("closure: %s with %d required, closed %v; want adopted with 6 of 9", r.Outcome, r.Required, ss.s.DebateClosed)
	}
	// Members present who did not vote count as not participating; others
	// as absent.
	ss.do(seat("JPN"), "table-draft", draft("S/2024/501", "p1"))
	r = ss.vote(procedure.QuestionRef{Kind: "draft", Ref: 2}, map[string]string{"JPN": "Y"})
	if r.Votes["JPN"] != "Y" || r.Votes["USA"] != "X" {
		t.Errorf("votes %v, want JPN Y and USA (present earlier) X", r.Votes)
	}
	checkFold(t, ss)
}

// checkFold checks that the log, encoded as the store keeps it and folded
// again, gives the same state.
func checkFold(t *testing.T, ss *session) {
	t.Helper()
	data, err := json.Marshal(ss.log)
	if err != nil {
		t.Fatal(err)
	}
	var back []procedure.Event
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	got := procedure.Fold(back)
	if diff := cmp.Diff(ss.s, got); diff != "" {
		t.Errorf("Fold(log) differs from the state built action by action (-want +got):\n%s", diff)
	}
}

func TestCreate(t *testing.T) {
	good := procedure.Setup{ID: "x", Date: "2024-01-01", Required: 2, Members: []procedure.Member{{Code: "AAA", Name: "A"}, {Code: "BBB", Name: "B"}}}
	if _, err := procedure.Create(good, t0); err != nil {
		t.Fatalf("Create(good) = %v", err)
	}
	for field, bad := range map[string]func(s *procedure.Setup){
		"date":     func(s *procedure.Setup) { s.Date = "2024-13-01" },
		"required": func(s *procedure.Setup) { s.Required = 3 },
		"members[1].code": func(s *procedure.Setup) {
			s.Members = []procedure.Member{{Code: "AAA", Name: "A"}, {Code: "AAA", Name: "B"}}
		},
		"members[0].code": func(s *procedure.Setup) { s.Members = []procedure.Member{{Code: "a<b", Name: "A"}} },
		"profile":         func(s *procedure.Setup) { s.Profile.Name = "house" },
	} {
		s := good
		bad(&s)
		_, err := procedure.Create(s, t0)
		var e *unsc.Error
		if !errors.As(err, &e) || e.Code != unsc.EINVALID || e.Field != field {
			t.Errorf("Create(bad %s) = %v, want invalid %s", field, err, field)
		}
	}
	for n, want := range map[int]int{15: 9, 11: 7, 5: 3, 1: 1} {
		if got := procedure.DefaultRequired(n); got != want {
			t.Errorf("DefaultRequired(%d) = %d, want %d", n, got, want)
		}
	}
}
