package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unsc/record"

	"unsc"
	"unsc/analysis"
	"unsc/charter"
	"unsc/form"
)

// The pages of the questions over the record: each answered by package
// analysis as the CLI and the API answer it, and shown with its chart and
// table.

// seatColour is the colour of a permanent seat in every chart, the veto
// chart's ("" for another).
func seatColour(seat string) string {
	for _, s := range vetoSeries {
		if s.Key == seat {
			return s.Colour
		}
	}
	return ""
}

// seatLabel names a seat for a reader: "United States", "USSR / Russian
// Federation".
func seatLabel(seat string) string {
	for _, s := range vetoSeries {
		if s.Key == seat {
			return s.Name
		}
	}
	name := charter.SeatName(seat)
	if i := strings.LastIndex(name, " ("); i > 0 {
		return name[:i]
	}
	return name
}

// membersPage lists every state that has sat on the Council.
type membersPage struct {
	Permanent, Elected []memberEntry
}

type memberEntry struct {
	Code  unsc.Code
	Href  string
	Names string
	Terms int
	First string
	Last  string
}

// membersIndex answers /members: every state that sat, as GET
// /api/v1/members answers.
func (s *Server) membersIndex(r *http.Request, a *args) (*view, error) {
	states := form.NewStates(charter.Tenures())
	var p membersPage
	t := &csvTable{Header: []string{"code", "names", "permanent", "terms", "first_term_start", "last_term_end"}}
	for _, st := range states {
		e := memberEntry{Code: st.Code, Href: "/members/" + string(st.Code), Names: strings.Join(st.Names, " / "), Terms: len(st.Terms)}
		if len(st.Terms) > 0 {
			e.First = st.Terms[0].TermStart[:4]
			if end := st.Terms[len(st.Terms)-1].TermEnd; end != nil {
				e.Last = (*end)[:4]
			}
		}
		if st.Permanent {
			if st.Code == "SUN" || st.Code == "RUS" {
				e.Href = "/members/SUN+RUS"
			}
			p.Permanent = append(p.Permanent, e)
		} else {
			p.Elected = append(p.Elected, e)
		}
		t.Rows = append(t.Rows, []string{string(st.Code), e.Names, strconv.FormatBool(st.Permanent), strconv.Itoa(e.Terms), e.First, e.Last})
	}
	return &view{Template: "members", Title: "Members of the Council since 1946", Data: p, JSON: states, CSV: t}, nil
}

// memberPage is what a member's page shows.
type memberPage struct {
	Seat    string
	Name    string
	Profile analysis.MemberProfile
	Sided   *lineChart
	Vetoes  string
	Years   []memberYearRow
	Seats   []string
	Search  string
}

type memberYearRow struct {
	analysis.MemberYear
	Shares []string
}

// memberPageHandler answers /members/{seat}: `unsc member` and GET
// /api/v1/profile. The seat is any name of the member; the page's address
// is its code.
func (s *Server) memberPageHandler(r *http.Request, a *args) (*view, error) {
	p, f := pageFormat(r.URL.Path)
	name, _ := url.PathUnescape(strings.TrimPrefix(p, "/members/"))
	seat, err := charter.LookupSeat(name)
	if err != nil {
		if joined, err2 := charter.LookupSeat(strings.Join(strings.Fields(name), "+")); err2 == nil {
			seat, err = joined, nil
		}
	}
	if err != nil {
		return nil, unsc.Errorf(unsc.ENOTFOUND, "", "%v", unsc.ErrorMessage(err))
	}
	if canonical := "/members/" + seat; canonical != p && f == asHTML {
		return nil, redirectTo(canonical)
	}
	prof, err := s.index.Member(r.Context(), seat)
	if err != nil {
		return nil, err
	}
	page := memberPage{Seat: seat, Name: seatLabel(seat), Profile: prof, Seats: analysis.PermanentSeats,
		Search: "/decisions?member=" + url.QueryEscape(seat)}
	if prof.Vetoes > 0 {
		page.Vetoes = vetoHref(seat)
	}
	var series []lineSeries
	first := 0
	if len(prof.Years) > 0 {
		first = prof.Years[0].Year
	}
	last := first
	if n := len(prof.Years); n > 0 {
		last = prof.Years[n-1].Year
	}
	for k, ps := range analysis.PermanentSeats {
		if ps == seat {
			continue
		}
		vals := make([]*float64, last-first+1)
		for _, y := range prof.Years {
			if k < len(y.Sided) && y.Sided[k].Share != nil {
				vals[y.Year-first] = y.Sided[k].Share
			}
		}
		series = append(series, lineSeries{Name: seatLabel(ps), Colour: seatColour(ps), Values: vals})
	}
	if len(prof.Years) > 0 {
		page.Sided = newLineChart(first, series, "Line chart: the share of decisions, year by year, on which "+page.Name+" voted as each permanent member did; the table that follows gives the numbers.")
	}
	t := &csvTable{Header: []string{"year", "decisions", "votes_known", "yes", "no", "abstain", "not_participating", "absent", "vetoes"}}
	for _, ps := range analysis.PermanentSeats {
		t.Header = append(t.Header, "sided_with_"+ps)
	}
	for _, y := range prof.Years {
		row := memberYearRow{MemberYear: y}
		rec := []string{strconv.Itoa(y.Year), strconv.Itoa(y.Decisions), strconv.Itoa(y.VotesKnown), strconv.Itoa(y.Positions.Yes), strconv.Itoa(y.Positions.No),
			strconv.Itoa(y.Positions.Abstain), strconv.Itoa(y.Positions.NotParticipating), strconv.Itoa(y.Positions.Absent), strconv.Itoa(y.Vetoes)}
		for _, sd := range y.Sided {
			share := ""
			if sd.Share != nil {
				share = strconv.FormatFloat(*sd.Share, 'f', 3, 64)
				row.Shares = append(row.Shares, strconv.Itoa(int(*sd.Share*100+0.5))+"%")
			} else {
				row.Shares = append(row.Shares, "–")
			}
			rec = append(rec, share)
		}
		page.Years = append(page.Years, row)
		t.Rows = append(t.Rows, rec)
	}
	return &view{Template: "member", Title: page.Name + " on the Security Council", Data: page, JSON: prof, CSV: t}, nil
}

// agreementPage is what the agreement page shows.
type agreementPage struct {
	Matrix  analysis.Matrix
	Names   []string
	Rows    []agreementRow
	Form    struct{ Members, From, To, Rule string }
	Rules   []option
	Default bool
	// Span says which shares the shades run between.
	Span string
}

type agreementRow struct {
	Name  string
	Cells []agreementCell
}

type agreementCell struct {
	Text  string
	N     int
	Class string
	Label string
	Self  bool
}

// agreementPageHandler answers /agreement: `unsc agreement` and GET
// /api/v1/agreement, drawn as a heatmap whose cells give the share and n.
func (s *Server) agreementPageHandler(r *http.Request, a *args) (*view, error) {
	q := analysis.AgreementQuery{Members: a.seats("members"), Rule: a.str("rule")}
	q.From, q.To = a.dateRange()
	if a.err != nil {
		return nil, a.err
	}
	if err := analysis.CheckAgreementQuery(q); err != nil {
		return nil, err
	}
	m, err := s.index.Agreement(r.Context(), q)
	if err != nil {
		return nil, err
	}
	p := agreementPage{Matrix: m, Default: len(q.Members) == 0}
	p.Form.Members, p.Form.From, p.Form.To, p.Form.Rule = a.str("members"), a.str("from"), a.str("to"), m.Rule
	for _, r := range []string{analysis.AbstainExact, analysis.AbstainNeutral, analysis.AbstainHalf} {
		p.Rules = append(p.Rules, option{Value: r, Text: r, Selected: r == m.Rule})
	}
	for _, mem := range m.Members {
		p.Names = append(p.Names, seatLabel(mem))
	}
	t := &csvTable{Header: []string{"a", "b", "n", "agreed", "share"}}
	// The shades span the shares shown, lowest to highest, so that the
	// differences between pairs show even when every pair mostly agrees;
	// the caption gives the span.
	lo, hi := 1.0, 0.0
	for i, row := range m.Cells {
		for j, c := range row {
			if i != j && c.Share != nil {
				lo, hi = min(lo, *c.Share), max(hi, *c.Share)
			}
		}
	}
	if lo <= hi {
		p.Span = strconv.Itoa(int(lo*100+0.5)) + "% (lightest) to " + strconv.Itoa(int(hi*100+0.5)) + "% (darkest)"
	}
	for i, row := range m.Cells {
		ar := agreementRow{Name: p.Names[i]}
		for j, c := range row {
			cell := agreementCell{N: c.N, Self: i == j, Class: "h-none", Text: "–"}
			if c.Share != nil {
				pct := int(*c.Share*100 + 0.5)
				cell.Text = strconv.Itoa(pct) + "%"
				shade := 9
				if hi > lo {
					shade = int((*c.Share - lo) / (hi - lo) * 9.999)
				}
				if i != j {
					cell.Class = "h" + strconv.Itoa(min(max(shade, 0), 9))
				}
			}
			cell.Label = p.Names[i] + " and " + p.Names[j] + ": " + cell.Text + " of " + strconv.Itoa(c.N) + " decisions"
			ar.Cells = append(ar.Cells, cell)
			if j > i {
				share := ""
				if c.Share != nil {
					share = strconv.FormatFloat(*c.Share, 'f', 3, 64)
				}
				t.Rows = append(t.Rows, []string{c.A, c.B, strconv.Itoa(c.N), strconv.FormatFloat(c.Agreed, 'f', -1, 64), share})
			}
		}
		p.Rows = append(p.Rows, ar)
	}
	return &view{Template: "agreement", Title: "How often members vote alike", Data: p, JSON: m, CSV: t}, nil
}

// trendsPage is what the trends page shows.
type trendsPage struct {
	Trends    analysis.Trends
	Decisions *barChart
	Unanimous *lineChart
	Vetoed    *barChart
	Form      struct{ From, To string }
	Rows      []trendRow
}

type trendRow struct {
	analysis.YearTrend
	Share string
}

// trendsPageHandler answers /trends: `unsc trends` and GET /api/v1/trends.
func (s *Server) trendsPageHandler(r *http.Request, a *args) (*view, error) {
	from, to := a.dateRange()
	if a.err != nil {
		return nil, a.err
	}
	tr, err := s.index.Trends(r.Context(), from, to)
	if err != nil {
		return nil, err
	}
	p := trendsPage{Trends: tr}
	p.Form.From, p.Form.To = a.str("from"), a.str("to")
	t := &csvTable{Header: []string{"year", "decisions", "resolutions", "without_vote", "unanimous_share", "vetoed_drafts", "member_vetoes", "abstentions", "failed_drafts"}}
	if n := len(tr.Years); n > 0 {
		first, last := tr.Years[0].Year, tr.Years[n-1].Year
		decisions := make([]int, last-first+1)
		vetoed := make([]int, last-first+1)
		shares := make([]*float64, last-first+1)
		for _, y := range tr.Years {
			decisions[y.Year-first] = y.Decisions
			vetoed[y.Year-first] = y.VetoedDrafts
			shares[y.Year-first] = y.UnanimousShare
		}
		p.Decisions = newBarChart(first, decisions, "decisions", "#0072B2", "Bar chart: decisions taken each year; the table that follows gives the numbers.")
		p.Vetoed = newBarChart(first, vetoed, "drafts vetoed", "#D55E00", "Bar chart: drafts vetoed each year; the table that follows gives the numbers.")
		p.Unanimous = newLineChart(first, []lineSeries{{Name: "share of decisions by vote adopted unanimously", Colour: "#009E73", Values: shares}},
			"Line chart: the share of decisions taken by a vote on which every member voted yes, year by year.")
	}
	for i := len(tr.Years) - 1; i >= 0; i-- {
		y := tr.Years[i]
		share := "–"
		if y.UnanimousShare != nil {
			share = strconv.Itoa(int(*y.UnanimousShare*100+0.5)) + "%"
		}
		p.Rows = append(p.Rows, trendRow{y, share})
	}
	for _, y := range tr.Years {
		share := ""
		if y.UnanimousShare != nil {
			share = strconv.FormatFloat(*y.UnanimousShare, 'f', 3, 64)
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(y.Year), strconv.Itoa(y.Decisions), strconv.Itoa(y.Resolutions), strconv.Itoa(y.WithoutVote), share,
			strconv.Itoa(y.VetoedDrafts), strconv.Itoa(y.MemberVetoes), strconv.Itoa(y.Abstentions), strconv.Itoa(y.FailedDrafts)})
	}
	return &view{Template: "trends", Title: "The Council year by year", Data: p, JSON: tr, CSV: t}, nil
}

// whatIfPage is what the what-if page shows.
type whatIfPage struct {
	Answer analysis.WhatIfAnswer
	Rules  []option
	Form   struct{ Rules, Code, From, To string }
	Flips  []flipRow
	List   *htmlTable
}

type flipRow struct {
	analysis.Flip
	Href          string
	Before, After string
}

// whatIfRules are the rules the what-if page offers, with what they mean.
var whatIfRules = []option{
	{Value: analysis.RulesNoVeto, Text: "no veto at all"},
	{Value: analysis.RulesTwoVetoes, Text: "a veto needs two permanent members"},
	{Value: analysis.RulesNoVetoAtrocity, Text: "no veto on drafts about mass atrocities"},
	{Value: analysis.RulesElevenMember, Text: "7 votes needed, as when the Council had 11 members"},
	{Value: "grant", Text: "give a member a veto (name it below)"},
	{Value: "deny", Text: "take a permanent member's veto away (name it below)"},
}

// whatIfPageHandler answers /whatif: `unsc whatif` and GET /api/v1/whatif.
func (s *Server) whatIfPageHandler(r *http.Request, a *args) (*view, error) {
	name := a.str("rules")
	if name == "" {
		name = analysis.RulesTwoVetoes
	}
	code := a.str("member")
	if name == "grant" || name == "deny" {
		if code == "" {
			a.fail("member", "missing: name the member to %s a veto, such as IND or Brazil", name)
		} else if c, err := charter.LookupMember(code); err != nil {
			a.fail("member", "%s", unsc.ErrorMessage(err))
		} else {
			name += ":" + string(c)
		}
	}
	var q analysis.WhatIfQuery
	q.From, q.To = a.dateRange()
	if a.err != nil {
		return nil, a.err
	}
	rules, err := analysis.RulesNamed(name)
	if err != nil {
		return nil, err
	}
	q.Rules = rules
	ans, err := s.index.WhatIf(r.Context(), q)
	if err != nil {
		return nil, err
	}
	p := whatIfPage{Answer: ans}
	p.Form.Rules, p.Form.Code, p.Form.From, p.Form.To = a.str("rules"), code, a.str("from"), a.str("to")
	if p.Form.Rules == "" {
		p.Form.Rules = analysis.RulesTwoVetoes
	}
	for _, o := range whatIfRules {
		o.Selected = o.Value == p.Form.Rules
		p.Rules = append(p.Rules, o)
	}
	t := &csvTable{Header: []string{"date", "symbol", "count", "before", "before_vetoed_by", "after", "after_vetoed_by", "agenda"}}
	for _, f := range ans.Flips {
		date, _ := parseDate(f.Date)
		row := flipRow{Flip: f, Href: symbolHref(record.SymbolLookup(f.Symbol)),
			Before: s.headline(mustOutcome(f.Before), f.BeforeVetoedBy, date), After: s.headline(mustOutcome(f.After), f.AfterVetoedBy, date)}
		p.Flips = append(p.Flips, row)
		t.Rows = append(t.Rows, []string{f.Date, f.Symbol, strconv.Itoa(f.Yes) + "-" + strconv.Itoa(f.No) + "-" + strconv.Itoa(f.Abstain),
			f.Before, joinCodes(f.BeforeVetoedBy), f.After, joinCodes(f.AfterVetoedBy), f.Agenda})
	}
	if len(p.Flips) > 0 {
		p.List = &htmlTable{Class: "list", Columns: []string{"Date", "Decision", "Count", "Under the Charter", "Under this rule", "Agenda item"}}
		for _, f := range p.Flips {
			d := tableCell{Text: f.Symbol, Href: f.Href}
			if f.Atrocity {
				d.Tags = []string{"atrocity"}
			}
			p.List.Rows = append(p.List.Rows, []tableCell{{Text: f.Date, Nowrap: true}, d,
				{Text: strconv.Itoa(f.Yes) + "–" + strconv.Itoa(f.No) + "–" + strconv.Itoa(f.Abstain), Nowrap: true},
				{Text: f.Before}, {Text: f.After}, {Text: f.Agenda}})
		}
	}
	return &view{Template: "whatif", Title: "What if the rules were different?", Data: p, JSON: ans, CSV: t}, nil
}

func mustOutcome(s string) unsc.Outcome {
	o, _ := unsc.ParseOutcome(s)
	return o
}

// initiativePage is what the veto initiative page shows.
type initiativePage struct {
	Answer analysis.VetoInitiative
	Rows   []initiativeRow
	Form   struct{ Calendar string }
}

type initiativeRow struct {
	analysis.InitiativeVeto
	Href  string
	Names string
	// Session is true when the Assembly met in an emergency special
	// session rather than in a debate of its own.
	Session bool
	// Source is the first address read for the meeting.
	Source string
}

// initiativePageHandler answers /initiative: `unsc initiative` and GET
// /api/v1/veto-initiative.
func (s *Server) initiativePageHandler(r *http.Request, a *args) (*view, error) {
	cal := analysis.DefaultCalendar()
	if a.str("calendar") == "weekends-only" {
		cal = analysis.WeekendsOnly()
	}
	ans, err := s.index.VetoInitiative(r.Context(), cal)
	if err != nil {
		return nil, err
	}
	p := initiativePage{Answer: ans}
	p.Form.Calendar = cal.Name
	t := &csvTable{Header: form.InitiativeColumns}
	for i := len(ans.Vetoes) - 1; i >= 0; i-- {
		v := ans.Vetoes[i]
		date, _ := parseDate(v.Date)
		row := initiativeRow{InitiativeVeto: v, Href: symbolHref(record.SymbolLookup(v.Symbol)), Names: charter.NamesInSentence(v.VetoedBy, date)}
		if v.Debate != nil {
			row.Session = v.Debate.Kind == analysis.KindEmergencySession
			row.Source = v.Debate.Address()
		}
		p.Rows = append(p.Rows, row)
	}
	for _, v := range ans.Vetoes {
		t.Rows = append(t.Rows, form.InitiativeRow(v))
	}
	return &view{Template: "initiative", Title: "The veto initiative: a General Assembly debate after every veto", Data: p, JSON: ans, CSV: t}, nil
}

// councilPage is what the page of the Council on a date shows.
type councilPage struct {
	Council   Council
	Date      string
	Long      string
	Permanent []Member
	Elected   []Member
	China     []Member
	Russia    []Member
	Decisions string
}

// councilPageHandler answers /council: `unsc council` and GET
// /api/v1/council, with the seat histories of China and the USSR.
func (s *Server) councilPageHandler(r *http.Request, a *args) (*view, error) {
	d := a.date("date")
	if a.err != nil {
		return nil, a.err
	}
	if d.IsZero() {
		d = time.Now().UTC().Truncate(24 * time.Hour)
		if d.After(charter.LastKnown) {
			d = charter.LastKnown
		}
	}
	c, err := charter.CouncilOn(d)
	if err != nil {
		return nil, err
	}
	wire := form.NewCouncil(c)
	p := councilPage{Council: wire, Date: wire.Date, Long: longDate(d),
		Decisions: "/decisions?from=" + wire.Date + "&to=" + wire.Date}
	for _, m := range wire.Members {
		if m.Permanent {
			p.Permanent = append(p.Permanent, m)
		} else {
			p.Elected = append(p.Elected, m)
		}
	}
	for _, st := range form.NewStates(charter.Tenures()) {
		switch st.Code {
		case "CHN":
			p.China = append(p.China, st.Terms...)
		case "SUN", "RUS":
			p.Russia = append(p.Russia, st.Terms...)
		}
	}
	t := &csvTable{Header: []string{"code", "name", "government", "permanent", "term_start", "term_end"}}
	for _, m := range wire.Members {
		end := ""
		if m.TermEnd != nil {
			end = *m.TermEnd
		}
		t.Rows = append(t.Rows, []string{string(m.Code), m.Name, m.Government, strconv.FormatBool(m.Permanent), m.TermStart, end})
	}
	return &view{Template: "council", Title: "The Council on " + p.Long, Data: p, JSON: wire, CSV: t}, nil
}
