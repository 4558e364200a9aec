package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"unsc/analysis"
	"unsc/charter"
)

// vetoesPage is what the vetoes page shows.
type vetoesPage struct {
	Answer analysis.VetoAnswer
	Chart  *vetoChart
	// Switches change one counting rule, keeping the rest.
	Switches []vetoSwitch
	Form     vetoForm
	Seats    []option
	Topics   []option
	Rows     []vetoRow
	List     *htmlTable
	// SeatName names the member filtered on, if any.
	SeatName string
}

// vetoSwitch is a choice between ways of counting, each a link.
type vetoSwitch struct {
	Label   string
	Choices []vetoChoice
}

type vetoChoice struct {
	Text    string
	Href    string
	Current bool
}

// vetoForm is the filters as the form shows them.
type vetoForm struct {
	Rule, Scope, Amendments, Member, From, To, Topic string
}

// option is one option of a select.
type option struct {
	Value, Text string
	Selected    bool
}

// vetoRow is one veto in the table.
type vetoRow struct {
	analysis.VetoEntry
	Href     string
	Names    string
	ListOnly bool
}

// permanentSeats are the permanent seats, as the veto filters offer them.
var permanentSeats = []option{
	{Value: "CHN", Text: "China"},
	{Value: "FRA", Text: "France"},
	{Value: "SUN+RUS", Text: "USSR / Russian Federation"},
	{Value: "GBR", Text: "United Kingdom"},
	{Value: "USA", Text: "United States"},
}

// vetoesPage answers /vetoes: `unsc vetoes --by` and GET
// /api/v1/vetoes/summary, answered by package analysis, drawn by year and
// member and listed.
func (s *Server) vetoesPage(r *http.Request, a *args) (*view, error) {
	q := analysis.VetoQuery{
		Member:            a.seat("member"),
		Rule:              a.str("rule"),
		Scope:             a.str("scope"),
		ExcludeAmendments: a.str("amendments") == "excluded",
		Topic:             a.str("topic"),
	}
	q.From, q.To = a.dateRange()
	if a.err != nil {
		return nil, a.err
	}
	if err := analysis.CheckVetoQuery(q); err != nil {
		return nil, err
	}
	ans, err := s.index.Vetoes(r.Context(), q)
	if err != nil {
		return nil, err
	}
	p := vetoesPage{Answer: ans, Chart: newVetoChart(ans, false, s.lastYear()),
		Form: vetoForm{Rule: ans.Rule, Scope: ans.Scope, Amendments: ans.Amendments, Member: a.str("member"), From: a.str("from"), To: a.str("to"), Topic: q.Topic}}
	with := func(name, value, def string) string {
		nq := url.Values{}
		for k, vs := range a.q {
			nq[k] = vs
		}
		if value == def {
			nq.Del(name)
		} else {
			nq.Set(name, value)
		}
		if len(nq) == 0 {
			return "/vetoes"
		}
		return "/vetoes?" + nq.Encode()
	}
	p.Switches = []vetoSwitch{
		{"Count", []vetoChoice{
			{"negative votes cast", with("rule", analysis.RuleMemberVotes, analysis.RuleMemberVotes), ans.Rule == analysis.RuleMemberVotes},
			{"drafts vetoed", with("rule", analysis.RuleDrafts, analysis.RuleMemberVotes), ans.Rule == analysis.RuleDrafts},
		}},
		{"Amendments", []vetoChoice{
			{"with amendments", with("amendments", "included", "included"), ans.Amendments == "included"},
			{"without", with("amendments", "excluded", "included"), ans.Amendments == "excluded"},
		}},
		{"Which vetoes", []vetoChoice{
			{"the record's", with("scope", analysis.ScopeRecord, analysis.ScopeRecord), ans.Scope == analysis.ScopeRecord},
			{"the UN's veto list", with("scope", analysis.ScopeUNList, analysis.ScopeRecord), ans.Scope == analysis.ScopeUNList},
		}},
	}
	for _, o := range permanentSeats {
		o.Selected = o.Value == q.Member
		p.Seats = append(p.Seats, o)
	}
	if q.Member != "" {
		p.SeatName = q.Member
		for _, o := range permanentSeats {
			if o.Value == q.Member {
				p.SeatName = o.Text
			}
		}
	}
	// The topics offered are those that have vetoes.
	topics, err := s.index.Vetoes(r.Context(), analysis.VetoQuery{GroupBy: "topic", CountOnly: true})
	if err != nil {
		return nil, err
	}
	for _, g := range topics.Groups {
		p.Topics = append(p.Topics, option{Value: g.Key, Text: g.Key + " (" + strconv.Itoa(g.Count) + ")", Selected: g.Key == q.Topic})
	}
	t := &csvTable{Header: []string{"date", "symbol", "draft", "meeting", "vetoed_by", "amendment", "amendment_to", "topic", "region", "agenda", "in_un_list", "list_ref"}}
	for i := len(ans.Vetoes) - 1; i >= 0; i-- {
		v := ans.Vetoes[i]
		date, _ := parseDate(v.Date)
		p.Rows = append(p.Rows, vetoRow{VetoEntry: v, Href: symbolHref(v.Symbol), Names: charter.NamesInSentence(v.VetoedBy, date)})
	}
	p.List = &htmlTable{Class: "list", Caption: strconv.Itoa(len(p.Rows)) + " vetoes, newest first",
		Columns: []string{"Date", "Draft", "Vetoed by", "Topic", "Agenda item"}}
	if len(p.Rows) == 1 {
		p.List.Caption = "1 veto"
	}
	for _, v := range p.Rows {
		draft := tableCell{Text: v.Symbol, Href: v.Href}
		if v.Amendment {
			draft.Tags = append(draft.Tags, "amendment")
		}
		if !v.InUNList {
			draft.Tags = append(draft.Tags, "not in the UN list")
		}
		p.List.Rows = append(p.List.Rows, []tableCell{{Text: v.Date, Nowrap: true}, draft, {Text: v.Names}, {Text: v.Topic}, {Text: v.Agenda}})
	}
	for _, v := range ans.Vetoes {
		t.Rows = append(t.Rows, []string{v.Date, v.Symbol, v.Draft, v.Meeting, joinCodes(v.VetoedBy), strconv.FormatBool(v.Amendment), v.AmendmentTo, v.Topic, v.Region, v.Agenda, strconv.FormatBool(v.InUNList), v.ListRef})
	}
	title := "Vetoes"
	if p.SeatName != "" {
		title = "Vetoes cast by " + p.SeatName
	}
	return &view{Template: "vetoes", Title: title, Data: p, JSON: ans, CSV: t}, nil
}

// parseDate reads a wire date.
func parseDate(s string) (time.Time, error) { return time.Parse(dateLayout, s) }

// vetoHref is the address of the vetoes page for a member.
func vetoHref(seat string) string {
	return "/vetoes?member=" + url.QueryEscape(seat)
}
