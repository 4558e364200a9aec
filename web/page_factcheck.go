package web

import (
	"net/http"
	"strconv"
	"strings"

	"unsc"
	"unsc/analysis"
)

// factCheckPage is what the fact-check page shows.
type factCheckPage struct {
	Claim  string
	Check  *analysis.ClaimCheck
	Lines  []factLine
	Name   string
	Period string
	Error  string
	Field  string
}

type factLine struct {
	Rule, Scope, Description string
	Count, Without           int
	Match, MatchWithout      bool
	Href                     string
}

var ruleWords = map[string]string{analysis.RuleMemberVotes: "negative votes cast", analysis.RuleDrafts: "drafts vetoed"}
var scopeWords = map[string]string{analysis.ScopeUNList: "the UN's veto list, then the record", analysis.ScopeRecord: "the record"}

// factCheckPageHandler answers /fact-check?claim=: a claim such as "USA,
// 89, since 1945, as of 2024-03-25" checked as `unsc vetoes --count
// --claim` checks it, with the parts of each count.
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
	chk := s.index.CheckClaim(c)
	p.Check = &chk
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
	for _, l := range chk.Count.Lines {
		fl := factLine{Rule: ruleWords[l.Rule], Scope: scopeWords[l.Scope], Description: l.Description, Count: l.Count, Without: l.WithoutAmendments,
			Match: l.Count == c.Number, MatchWithout: l.WithoutAmendments == c.Number}
		q := []string{"member=" + strings.ReplaceAll(c.Member, "+", "%2B"), "rule=" + l.Rule, "scope=" + l.Scope}
		if !c.From.IsZero() {
			q = append(q, "from="+c.From.Format(dateLayout))
		}
		if !c.To.IsZero() {
			q = append(q, "to="+c.To.Format(dateLayout))
		}
		fl.Href = "/vetoes?" + strings.Join(q, "&") + "#list"
		p.Lines = append(p.Lines, fl)
	}
	t := &csvTable{Header: []string{"count_name", "count", "without_amendments", "matches", "description"}}
	for _, l := range chk.Count.Lines {
		m := ""
		switch {
		case l.Count == c.Number:
			m = "count"
		case l.WithoutAmendments == c.Number:
			m = "without_amendments"
		}
		t.Rows = append(t.Rows, []string{l.Name, strconv.Itoa(l.Count), strconv.Itoa(l.WithoutAmendments), m, l.Description})
	}
	return &view{Template: "factcheck", Title: "Fact-check: " + p.Claim, Data: p, JSON: chk, CSV: t}, nil
}
