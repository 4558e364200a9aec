package web

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"time"

	"unsc"
	"unsc/casebook"
	"unsc/charter"
	"unsc/internal/lazy"
)

// The rules: the casebook of RULES.md §6 as teaching pages, each landmark
// vote run through the Charter engine, and a ballot form that runs the
// engine on any vote (the ballot of `unsc decide` and POST /api/v1/decide).

// caseView is one case of the casebook as a page shows it.
type caseView struct {
	Number   int
	Href     string
	Title    string
	Date     string
	ISODate  string
	Symbols  []link
	Meeting  string
	Note     string
	Sources  []string
	Verified bool
	Official string
	Steps    []ballotView
	TryHref  string
}

// ballotView is one ballot decided by the engine.
type ballotView struct {
	Title       string
	Ballot      string
	Outcome     string
	Headline    string
	Statement   string
	Explanation string
	Tally       *Tally
	Required    int
	Size        int
	Bar         *tallyBar
	Seats       []seatView
	Agrees      bool
	Official    string
	Error       string
}

// decideBallot runs a ballot in its JSON form through the engine, as `unsc
// decide` does.
func (s *Server) decideBallot(raw []byte, official casebook.Official) ballotView {
	v := ballotView{Ballot: string(raw)}
	b, err := charter.ParseBallot(raw)
	if err != nil {
		v.Error = unsc.ErrorMessage(err)
		return v
	}
	c, err := charter.CouncilOn(b.Date)
	if err != nil {
		v.Error = unsc.ErrorMessage(err)
		return v
	}
	res, err := charter.Decide(c, b)
	if err != nil {
		v.Error = unsc.ErrorMessage(err)
		return v
	}
	v.Outcome = res.Outcome.String()
	var vetoed []unsc.Code
	for _, m := range res.VetoedBy {
		vetoed = append(vetoed, m.Code)
	}
	v.Headline = s.headline(res.Outcome, vetoed, b.Date)
	v.Statement, v.Explanation = charter.Statement(res), charter.Explain(res)
	v.Required, v.Size = res.Required, res.Members
	if b.Modality == unsc.ByVote && b.Matter != unsc.ICJElection {
		v.Tally = &Tally{Yes: res.Yes, No: res.No, Abstain: res.Abstain, NonVoting: res.NotParticipating + res.Absent}
		v.Bar = newTallyBar(*v.Tally, res.Required, res.Members)
		for _, m := range c.Members {
			p := b.Votes.Of(m.Code)
			v.Seats = append(v.Seats, seatView{Code: m.Code, Name: m.Name, Permanent: m.Permanent, Position: positionWord(p), Letter: p.Letter()})
		}
	}
	if official.Outcome != "" {
		o, _ := unsc.ParseOutcome(official.Outcome)
		var codes []unsc.Code
		for _, c := range official.VetoedBy {
			codes = append(codes, unsc.Code(c))
		}
		v.Official = s.headline(o, codes, b.Date)
		v.Agrees = official.Outcome == v.Outcome && slices.Equal(codes, vetoed)
	}
	return v
}

func (s *Server) caseView(c casebook.Case, full bool) caseView {
	v := caseView{Number: c.Number, Href: "/rules/" + strconv.Itoa(c.Number), Title: c.Title,
		Date: longDate(c.Date), ISODate: c.Date.Format(dateLayout), Meeting: c.Meeting, Note: c.Note,
		Sources: c.Sources, Verified: c.Verified, TryHref: "/rules/try?case=" + strconv.Itoa(c.Number)}
	for _, sym := range c.Symbols {
		l := link{Href: docHref(sym), Text: sym}
		if _, err := s.record.bySymbol(sym); err == nil {
			l.Href = symbolHref(sym)
		}
		v.Symbols = append(v.Symbols, l)
	}
	first := s.decideBallot(c.Ballot, c.Official)
	first.Title = c.Title
	v.Official = first.Official
	if !full {
		v.Steps = []ballotView{first}
		return v
	}
	v.Steps = append(v.Steps, first)
	for _, st := range c.Sequel {
		b := s.decideBallot(st.Ballot, st.Official)
		b.Title = st.Title
		v.Steps = append(v.Steps, b)
	}
	return v
}

// rulesPage is what the rules page shows.
type rulesPage struct {
	Cases []caseView
}

// rulesIndex answers /rules.
func (s *Server) rulesIndex(r *http.Request, a *args) (*view, error) {
	var p rulesPage
	for _, c := range casebook.Cases() {
		p.Cases = append(p.Cases, s.caseView(c, false))
	}
	return &view{Template: "rules", Title: "How the Security Council decides", Data: p}, nil
}

// rulesCase answers /rules/{n}: one case of the casebook.
func (s *Server) rulesCase(r *http.Request, a *args) (*view, error) {
	n, err := strconv.Atoi(r.PathValue("n"))
	c, ok := casebook.Lookup(n)
	if err != nil || !ok {
		return nil, unsc.Errorf(unsc.ENOTFOUND, "", "the casebook has cases 1 to %d: see /rules", len(casebook.Cases()))
	}
	v := s.caseView(c, true)
	p := struct {
		Case       caseView
		Prev, Next string
	}{Case: v}
	if n > 1 {
		p.Prev = "/rules/" + strconv.Itoa(n-1)
	}
	if _, ok := casebook.Lookup(n + 1); ok {
		p.Next = "/rules/" + strconv.Itoa(n+1)
	}
	return &view{Template: "case", Title: v.Title, Data: p}, nil
}

// tryPage is the ballot form and, once every member's vote is given, the
// engine's decision.
type tryPage struct {
	Date, Matter, Modality string
	Amendment              bool
	Matters, Modalities    []option
	Members                []tryMember
	Required, Size         int
	Result                 *ballotView
	// Changed says that the date's Council differs from the votes sent.
	Changed bool
	Error   string
}

type tryMember struct {
	Code      unsc.Code
	Name      string
	Permanent bool
	Choices   []option
}

// ballotCodes are every member code that has sat, which the ballot form's
// parameters are named by.
var ballotCodes = lazy.Value[[]string]{Make: func() []string {
	var out []string
	for _, m := range charter.Tenures() {
		if !slices.Contains(out, string(m.Code)) {
			out = append(out, string(m.Code))
		}
	}
	return out
}}

// tryParams are the ballot form's parameters.
func tryParams() []param {
	ps := []param{{name: "date", typ: "date"}, {name: "matter", enum: []string{"non-procedural", "procedural", "preliminary"}},
		{name: "modality", enum: []string{"vote", "without-vote", "acclamation"}}, {name: "amendment", enum: []string{"true", "false"}},
		{name: "case"}}
	for _, c := range ballotCodes.Get() {
		ps = append(ps, param{name: c, enum: []string{"Y", "N", "A", "X", "-"}})
	}
	return ps
}

// rulesTry answers /rules/try: a ballot built from the form, decided by the
// engine as `unsc decide` decides it.
func (s *Server) rulesTry(r *http.Request, a *args) (*view, error) {
	p := tryPage{Date: a.str("date"), Matter: a.str("matter"), Modality: a.str("modality"), Amendment: a.str("amendment") == "true"}
	votes := map[string]string{}
	for _, c := range ballotCodes.Get() {
		if v := a.str(c); v != "" {
			votes[c] = v
		}
	}
	fromCase := false
	if n := a.str("case"); n != "" {
		k, _ := strconv.Atoi(n)
		c, ok := casebook.Lookup(k)
		if !ok {
			a.fail("case", "%q: want a case of the casebook, 1 to %d", n, len(casebook.Cases()))
		} else {
			var b struct {
				Date, Matter, Modality string
				Amendment              bool
				Votes                  map[string]string
			}
			if json.Unmarshal(c.Ballot, &b) == nil && b.Votes != nil {
				p.Date, p.Matter, p.Modality, p.Amendment, votes = b.Date, b.Matter, b.Modality, b.Amendment, b.Votes
				fromCase = true
			}
		}
	}
	d := a.date("date")
	if a.err != nil {
		return nil, a.err
	}
	if p.Date == "" {
		p.Date = "2024-03-22"
	} else if !d.IsZero() {
		p.Date = d.Format(dateLayout)
	}
	if p.Matter == "" {
		p.Matter = "non-procedural"
	}
	if p.Modality == "" {
		p.Modality = "vote"
	}
	for _, m := range []string{"non-procedural", "procedural", "preliminary"} {
		p.Matters = append(p.Matters, option{Value: m, Text: m, Selected: m == p.Matter})
	}
	for _, m := range []string{"vote", "without-vote", "acclamation"} {
		p.Modalities = append(p.Modalities, option{Value: m, Text: m, Selected: m == p.Modality})
	}
	date, _ := time.Parse(dateLayout, p.Date)
	c, err := charter.CouncilOn(date)
	if err != nil {
		return nil, err
	}
	p.Required, p.Size = c.Required, len(c.Members)
	complete := len(votes) > 0
	ballot := map[string]string{}
	for _, m := range c.Members {
		v, ok := votes[string(m.Code)]
		switch {
		case !ok && fromCase:
			v = "-" // a member a ballot leaves out was absent
		case !ok:
			complete = false
			v = "Y"
		}
		if v != "-" {
			ballot[string(m.Code)] = v
		}
		tm := tryMember{Code: m.Code, Name: m.Name, Permanent: m.Permanent}
		for _, o := range []option{{"Y", "in favour", false}, {"N", "against", false}, {"A", "abstains", false}, {"X", "does not participate", false}, {"-", "absent", false}} {
			o.Selected = o.Value == v
			tm.Choices = append(tm.Choices, o)
		}
		p.Members = append(p.Members, tm)
	}
	for code := range votes {
		if _, on := c.Member(unsc.Code(code)); !on {
			p.Changed = true
		}
	}
	submitted := a.str("date") != "" || fromCase
	if submitted && (p.Modality != "vote" || complete && !p.Changed) {
		raw, _ := json.Marshal(struct {
			Date      string            `json:"date"`
			Matter    string            `json:"matter"`
			Amendment bool              `json:"amendment,omitempty"`
			Modality  string            `json:"modality"`
			Votes     map[string]string `json:"votes,omitempty"`
		}{p.Date, p.Matter, p.Amendment, p.Modality, ballot})
		if p.Modality != "vote" {
			raw, _ = json.Marshal(map[string]any{"date": p.Date, "matter": p.Matter, "modality": p.Modality})
		}
		res := s.decideBallot(raw, casebook.Official{})
		if res.Error != "" {
			p.Error = res.Error
		} else {
			p.Result = &res
		}
	}
	title := "Try it: decide a vote"
	if p.Result != nil {
		title = "Try it: " + p.Result.Headline
	}
	return &view{Template: "try", Title: title, Data: p}, nil
}
