package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"unsc"
	"unsc/analysis"
	"unsc/form"
	"unsc/record"
)

// templateFuncs returns the functions the templates call (made when the
// templates are parsed, not at every start). Each only formats: what a
// page says is computed by its handler from package analysis's answers.
func templateFuncs() template.FuncMap {
	return template.FuncMap{
		"join": func(sep string, xs []string) string { return strings.Join(xs, sep) },
		"codes": func(cs []unsc.Code) string {
			return joinCodes(cs)
		},
		"add":        func(a, b int) int { return a + b },
		"percent":    func(f float64) string { return strconv.FormatFloat(f*100, 'f', 0, 64) + "%" },
		"symbolHref": func(s string) string { return symbolHref(record.SymbolLookup(s)) },
		"docHref":    docHref,
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return strconv.Itoa(n) + " " + one
			}
			return strconv.Itoa(n) + " " + many
		},
		"list": func(xs ...string) []string { return xs },
		"deref": func(p any) any {
			switch v := p.(type) {
			case *string:
				return *v
			case *bool:
				return *v
			}
			return p
		},
		"navItems": func() []navItem { return navItems },
	}
}

// navItem is one section of the site in the navigation bar.
type navItem struct{ Key, Href, Text string }

// navItems are the sections of the site, in the navigation bar's order.
var navItems = []navItem{
	{"decisions", "/decisions", "Decisions"},
	{"vetoes", "/vetoes", "Vetoes"},
	{"factcheck", "/fact-check", "Fact-check"},
	{"members", "/members", "Members"},
	{"agreement", "/agreement", "Agreement"},
	{"trends", "/trends", "Trends"},
	{"whatif", "/whatif", "What if"},
	{"initiative", "/initiative", "Veto initiative"},
	{"council", "/council", "The Council on a date"},
	{"rules", "/rules", "The rules"},
}

// homePage is what the home page shows.
type homePage struct {
	Latest    []decisionView
	Decisions int
	Vetoes    int
	First     string
	Last      string
	Chart     *vetoChart
	// Official and Other name the sources the record is reconciled from,
	// the UN's own and the others; Period says, kind by kind, to which
	// day the record holds every decision (analysis.Coverage's Complete).
	Official []string
	Other    []string
	Period   string
}

// home answers /.
func (s *Server) home(r *http.Request, a *args) (*view, error) {
	ds := s.record.decisions
	p := homePage{Decisions: len(ds)}
	if len(ds) > 0 {
		p.First = longDate(ds[0].Date)
		p.Last = longDate(ds[len(ds)-1].Date)
	}
	for i := len(ds) - 1; i >= 0 && len(p.Latest) < 8; i-- {
		p.Latest = append(p.Latest, s.decisionSummary(i))
	}
	ans, err := s.index.Vetoes(r.Context(), analysis.VetoQuery{})
	if err != nil {
		return nil, err
	}
	p.Vetoes = ans.Drafts
	p.Chart = newVetoChart(ans, true, s.lastYear())
	c := s.index.Coverage()
	p.Period = c.Complete
	for _, src := range c.Sources {
		name := sourceNames.Get()[src.Source]
		if name == "" {
			name = string(src.Source)
		}
		if src.Official {
			p.Official = append(p.Official, name)
		} else {
			p.Other = append(p.Other, name)
		}
	}
	return &view{Template: "home", Title: "How the UN Security Council votes", Data: p}, nil
}

// decisionSummary is the short form of a decision, for lists.
func (s *Server) decisionSummary(i int) decisionView {
	d := &s.record.decisions[i]
	o := analysis.Outcome(*d)
	v := decisionView{Symbol: record.Symbol(*d), Href: decisionHref(d), Date: longDate(d.Date), ISODate: d.Date.Format(dateLayout),
		Meeting: d.Meeting, Title: record.Title(*d), Agenda: d.Agenda, Amendment: d.Amendment, AmendmentTo: d.AmendmentTo,
		Tally: form.NewTally(d.Tally), Outcome: form.OutcomeName(o), Headline: s.headline(o, d.VetoedBy, d.Date)}
	if v.Agenda == v.Title {
		v.Agenda = ""
	}
	return v
}

// searchPage is what the search page shows.
type searchPage struct {
	Query  searchForm
	Answer analysis.SearchAnswer
	Hits   []decisionView
	// Prev and Next are the addresses of the neighbouring pages.
	Prev, Next string
	From, To   int
}

// searchForm is the search as the form shows it.
type searchForm struct {
	Q, From, To, Outcome, Matter, Member, Position, Sort string
}

// looksLikeSymbol reports whether a search is a document symbol rather
// than words: "S/2024/239", "S/PV.9584", "2728 (2024)".
func looksLikeSymbol(t string) bool {
	u := strings.ToUpper(t)
	return strings.HasPrefix(u, "S/") || strings.HasSuffix(t, ")") && strings.Contains(t, "(") && t[0] >= '0' && t[0] <= '9'
}

// decisionsPage answers /decisions: the search of `unsc decisions` and
// GET /api/v1/decisions, answered by package analysis.
func (s *Server) decisionsPage(r *http.Request, a *args) (*view, error) {
	q := analysis.SearchQuery{Text: a.str("q"), Member: a.seat("member"), Sort: a.str("sort")}
	q.From, q.To = a.dateRange()
	// A symbol typed into the search box goes to its page.
	if t := strings.TrimSpace(q.Text); len(a.q) == 1 && looksLikeSymbol(t) && !strings.HasSuffix(r.URL.Path, ".json") && !strings.HasSuffix(r.URL.Path, ".csv") {
		if sym, _, err := unsc.NormalizeSymbol(t); err == nil {
			if _, err := s.record.bySymbol(sym); err == nil {
				return nil, seeOther(symbolHref(sym))
			}
		}
	}
	if o := a.str("outcome"); o != "" {
		q.Outcome, _ = unsc.ParseOutcome(o)
	}
	if m := a.str("matter"); m != "" {
		q.Matter, _ = unsc.ParseMatter(m)
		q.MatterSet = true
	}
	if p := a.str("position"); p != "" {
		if q.Member == "" && a.err == nil {
			a.fail("position", "given without member: want a member too, such as GBR")
		}
		q.Position, q.PositionSet = positionOf(p), true
	}
	q.Offset = a.integer("offset", 0, 0, 1<<30)
	q.Limit = a.integer("limit", 50, 1, analysis.MaxLimit)
	if a.err != nil {
		return nil, a.err
	}
	if err := analysis.CheckSearchQuery(q); err != nil {
		return nil, err
	}
	ans, err := s.index.Search(r.Context(), q)
	if err != nil {
		return nil, err
	}
	p := searchPage{Answer: ans, Query: searchForm{Q: a.str("q"), From: a.str("from"), To: a.str("to"),
		Outcome: a.str("outcome"), Matter: a.str("matter"), Member: a.str("member"), Position: a.str("position"), Sort: ans.Sort}}
	for _, h := range ans.Decisions {
		v := s.decisionSummary(h.Index)
		if h.Position != "" {
			v.Modality = h.Position
		}
		p.Hits = append(p.Hits, v)
	}
	p.From, p.To = ans.Offset+1, ans.Offset+len(ans.Decisions)
	page := func(offset int) string {
		nq := url.Values{}
		for k, vs := range a.q {
			nq[k] = vs
		}
		if offset == 0 {
			nq.Del("offset")
		} else {
			nq.Set("offset", strconv.Itoa(offset))
		}
		return searchHref(nq)
	}
	if ans.Offset > 0 {
		p.Prev = page(max(ans.Offset-ans.Limit, 0))
	}
	if ans.Offset+ans.Limit < ans.Total {
		p.Next = page(ans.Offset + ans.Limit)
	}
	title := "Decisions"
	if q.Text != "" {
		title = "Decisions on “" + q.Text + "”"
	}
	t := &csvTable{Header: []string{"date", "symbol", "meeting", "outcome", "count", "position", "agenda"}}
	for _, h := range ans.Decisions {
		count := ""
		if h.CountKnown {
			count = strconv.Itoa(h.Yes) + "-" + strconv.Itoa(h.No) + "-" + strconv.Itoa(h.Abstain)
		}
		agenda := h.Agenda
		if agenda == "" {
			agenda = h.Title
		}
		t.Rows = append(t.Rows, []string{h.Date, h.Symbol, h.Meeting, h.Outcome, count, h.Position, agenda})
	}
	return &view{Template: "decisions", Title: title, Data: p, JSON: ans, CSV: t}, nil
}

// lastYear is the year of the record's last decision.
func (s *Server) lastYear() int {
	if len(s.updated) < 4 {
		return 1946
	}
	y, _ := strconv.Atoi(s.updated[:4])
	return y
}
