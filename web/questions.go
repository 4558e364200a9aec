package web

import (
	"net/http"
	"strings"

	"unsc/analysis"
)

// The question endpoints answer with package analysis's answer types, which
// the CLI prints with --json; every answer says which counting rule it used.

// seat returns the parameter as a member code or a seat of several codes
// joined by "+" (SUN+RUS), "" when it is not given. A "+" left unescaped in
// a query string arrives as a space, so a space joins codes too.
func (a *args) seat(name string) string {
	s := strings.ReplaceAll(a.q.Get(name), " ", "+")
	if s == "" {
		return ""
	}
	for _, c := range strings.Split(s, "+") {
		if len(c) != 3 || strings.IndexFunc(c, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0 {
			a.fail(name, "%q: want a member code in capitals such as USA, or a seat such as SUN+RUS", a.q.Get(name))
			return ""
		}
	}
	return s
}

// seats returns the parameter as a comma-separated list of seats.
func (a *args) seats(name string) []string {
	s := a.q.Get(name)
	if s == "" {
		return nil
	}
	var out []string
	for _, part := range strings.Split(s, ",") {
		one := &args{q: map[string][]string{name: {part}}}
		seat := one.seat(name)
		if one.err != nil || seat == "" {
			a.fail(name, "%q: want member codes or seats separated by commas, such as USA,CHN,SUN+RUS", s)
			return nil
		}
		out = append(out, seat)
	}
	return out
}

func (s *Server) vetoSummary(r *http.Request, a *args) (any, error) {
	q := analysis.VetoQuery{
		Member:            a.seat("member"),
		Rule:              a.str("rule"),
		Scope:             a.str("scope"),
		GroupBy:           a.str("group_by"),
		ExcludeAmendments: a.str("amendments") == "excluded",
		CountOnly:         a.str("list") == "false",
	}
	q.From, q.To = a.dateRange()
	if a.err != nil {
		return nil, a.err
	}
	if err := analysis.CheckVetoQuery(q); err != nil {
		return nil, err
	}
	return s.index.Vetoes(q), nil
}

func (s *Server) vetoCount(r *http.Request, a *args) (any, error) {
	member := a.seat("member")
	from, to := a.dateRange()
	if a.err != nil {
		return nil, a.err
	}
	return s.index.CountVetoes(member, from, to), nil
}

func (s *Server) profile(r *http.Request, a *args) (any, error) {
	member := a.seat("member")
	if a.err != nil {
		return nil, a.err
	}
	return s.index.Member(member), nil
}

func (s *Server) agreement(r *http.Request, a *args) (any, error) {
	q := analysis.AgreementQuery{Members: a.seats("members"), Rule: a.str("rule")}
	q.From, q.To = a.dateRange()
	if a.err != nil {
		return nil, a.err
	}
	if err := analysis.CheckAgreementQuery(q); err != nil {
		return nil, err
	}
	return s.index.Agreement(q), nil
}

func (s *Server) trends(r *http.Request, a *args) (any, error) {
	from, to := a.dateRange()
	if a.err != nil {
		return nil, a.err
	}
	return s.index.Trends(from, to), nil
}

func (s *Server) whatIf(r *http.Request, a *args) (any, error) {
	var q analysis.WhatIfQuery
	q.From, q.To = a.dateRange()
	if a.err != nil {
		return nil, a.err
	}
	rules, err := analysis.RulesNamed(a.str("rules"))
	if err != nil {
		return nil, err
	}
	q.Rules = rules
	return s.index.WhatIf(q), nil
}

func (s *Server) vetoInitiative(r *http.Request, a *args) (any, error) {
	cal := analysis.DefaultCalendar()
	if a.str("calendar") == "weekends-only" {
		cal = analysis.WeekendsOnly()
	}
	return s.index.VetoInitiative(cal), nil
}
