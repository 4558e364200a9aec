package web

import (
	"net/http"
	"strconv"
	"strings"
	"unsc/record"

	"unsc"
	"unsc/analysis"
)

// factCheckPage is what the fact-check page shows.
type factCheckPage struct {
	Claim  string
	Check  *analysis.ClaimCheck
	Count  *analysis.VetoCount
	Rules  []factRule
	Name   string
	Period string
	Error  string
}

// factRule is one way of counting checked against the claim.
type factRule struct {
	analysis.ClaimRule
	Words string
	Parts string
	Href  string
	Held  string
	// Decisions are the vetoes that make the difference, linked.
	Decisions []link
}

// ruleWords and scopeWords say a claim's rule and scope for a reader (""
// for one they do not know).
func ruleWords(rule string) string {
	switch rule {
	case analysis.RuleMemberVotes:
		return "negative votes cast"
	case analysis.RuleDrafts:
		return "drafts vetoed"
	}
	return ""
}

func scopeWords(scope string) string {
	switch scope {
	case analysis.ScopeUNList:
		return "as the UN's veto list counts them (then the record)"
	case analysis.ScopeRecord:
		return "every veto in the record"
	}
	return ""
}

// factCheckPageHandler answers /fact-check?claim=: a claim such as "USA,
// 89, since 1945, as of 2024-03-25" checked as `unsc vetoes --count
// --claim` checks it (analysis.CheckClaim), with the parts of each count.
// Its .json twin is GET /api/v1/vetoes/count with the claim's member,
// period and number.
func (s *Server) factCheckPageHandler(r *http.Request, a *args) (*view, error) {
	p := factCheckPage{Claim: a.str("claim")}
	if p.Claim == "" {
		return &view{Template: "factcheck", Title: "Fact-check a number of vetoes", Data: p}, nil
	}
	c, err := analysis.ParseClaim(p.Claim)
	if err != nil {
		if r.URL.Path != "/fact-check" {
			return nil, err // a twin answers problem+json
		}
		// A claim that does not read is answered on the page, with the
		// form, so that it can be corrected.
		p.Error = unsc.ErrorMessage(err)
		return &view{Template: "factcheck", Title: "Fact-check: the claim could not be read", Status: http.StatusBadRequest, Data: p}, nil
	}
	chk, err := s.index.CheckClaim(r.Context(), c)
	if err != nil {
		return nil, err
	}
	count := *chk.Count
	p.Check, p.Count = &chk, &count
	p.Name = seatLabel(c.Member)
	switch {
	case !c.From.IsZero() && !c.To.IsZero():
		p.Period = "from " + longDate(c.From) + " to " + longDate(c.To)
	case !c.From.IsZero():
		p.Period = "since " + longDate(c.From)
	case !c.To.IsZero():
		p.Period = "up to " + longDate(c.To)
	default:
		p.Period = "in the whole record"
	}
	parts := map[string]string{}
	for _, l := range count.Lines {
		parts[l.Name] = l.Parts
	}
	for _, cr := range chk.Rules {
		fr := factRule{ClaimRule: cr, Words: ruleWords(cr.Rule) + ", " + scopeWords(cr.Scope), Parts: parts[cr.Rule+"/"+cr.Scope]}
		if cr.Amendments == "excluded" {
			fr.Words += ", without vetoes of amendments"
		}
		q := []string{"member=" + strings.ReplaceAll(c.Member, "+", "%2B"), "rule=" + cr.Rule, "scope=" + cr.Scope}
		if cr.Amendments == "excluded" {
			q = append(q, "amendments=excluded")
		}
		if !c.From.IsZero() {
			q = append(q, "from="+c.From.Format(dateLayout))
		}
		if !c.To.IsZero() {
			q = append(q, "to="+c.To.Format(dateLayout))
		}
		fr.Href = "/vetoes?" + strings.Join(q, "&") + "#list"
		switch {
		case cr.HeldFrom != "" && cr.HeldTo != "":
			fr.Held = "from " + cr.HeldFrom + " to " + cr.HeldTo
		case cr.HeldFrom != "":
			fr.Held = "since " + cr.HeldFrom
		default:
			fr.Held = "never"
		}
		for _, d := range cr.Decisions {
			fr.Decisions = append(fr.Decisions, link{symbolHref(record.SymbolLookup(d.Symbol)), d.Date + " " + d.Symbol})
		}
		p.Rules = append(p.Rules, fr)
	}
	t := &csvTable{Header: []string{"way", "rule", "scope", "amendments", "count", "difference", "holds", "held_from", "held_to", "decisions"}}
	for _, cr := range chk.Rules {
		var syms []string
		for _, d := range cr.Decisions {
			syms = append(syms, d.Symbol)
		}
		t.Rows = append(t.Rows, []string{cr.Name, cr.Rule, cr.Scope, cr.Amendments, strconv.Itoa(cr.Count), strconv.Itoa(cr.Difference),
			strconv.FormatBool(cr.Holds), cr.HeldFrom, cr.HeldTo, strings.Join(syms, " ")})
	}
	// The twin is the API's answer: the count, with the claim checked.
	api := count
	claim := chk
	claim.Count = nil
	api.Claim = &claim
	return &view{Template: "factcheck", Title: "Fact-check: " + p.Claim, Data: p, JSON: api, CSV: t}, nil
}
