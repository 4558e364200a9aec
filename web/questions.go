package web

import (
	"encoding/json"
	"net/http"
	"strings"

	"unsc"
	"unsc/analysis"
	"unsc/charter"
)

// The question endpoints answer with package analysis's answer types, which
// the CLI prints with --json; every answer says which counting rule it used.

// seat returns the parameter as a seat, "" when it is not given: a member
// by any name (charter.LookupMember), or a seat of several joined by "+"
// (SUN+RUS), as codes joined by "+" (charter.LookupSeat). A "+" left
// unescaped in a query string arrives as a space, so a space joins
// members too where the whole is no member's name.
func (a *args) seat(name string) string {
	s := a.q.Get(name)
	if s == "" {
		return ""
	}
	seat, err := lookupSeat(s)
	if err != nil {
		a.fail(name, "%s", unsc.ErrorMessage(err))
		return ""
	}
	return seat
}

func lookupSeat(s string) (string, error) {
	seat, err := charter.LookupSeat(s)
	if err != nil && strings.Contains(strings.TrimSpace(s), " ") {
		if joined, err2 := charter.LookupSeat(strings.Join(strings.Fields(s), "+")); err2 == nil {
			return joined, nil
		}
	}
	return seat, err
}

// seats returns the parameter as a comma-separated list of seats.
func (a *args) seats(name string) []string {
	s := a.q.Get(name)
	if s == "" {
		return nil
	}
	var out []string
	for _, part := range strings.Split(s, ",") {
		seat, err := lookupSeat(part)
		if err != nil {
			a.fail(name, "%s", unsc.ErrorMessage(err))
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
		Topic:             a.str("topic"),
	}
	q.From, q.To = a.dateRange()
	if a.err != nil {
		return nil, a.err
	}
	if err := analysis.CheckVetoQuery(q); err != nil {
		return nil, err
	}
	return s.index.Vetoes(r.Context(), q)
}

func (s *Server) vetoCount(r *http.Request, a *args) (any, error) {
	member := a.seat("member")
	from, to := a.dateRange()
	claim := a.integer("claim", -1, 0, 1<<20)
	if a.err != nil {
		return nil, a.err
	}
	if claim < 0 {
		// The period's text and the lines' parts are written straight
		// into the answer, the period's kinds and the lines held here.
		var kinds [8]analysis.KindPeriod
		var lines [4]analysis.CountLine
		c, err := s.index.CountVetoesIn(r.Context(), member, from, to, kinds[:0], lines[:0])
		if err != nil {
			return nil, err
		}
		return json.RawMessage(encodeCount(&c, true)), nil
	}
	c, err := s.index.CountVetoes(r.Context(), member, from, to)
	if err != nil {
		return nil, err
	}
	{
		cc, err := s.index.CheckClaim(r.Context(), analysis.Claim{Member: member, Number: claim, From: from, To: to})
		if err != nil {
			return nil, err
		}
		cc.Count = nil // the answer is the count
		c.Claim = &cc
	}
	return json.RawMessage(encodeVetoCount(&c)), nil
}

func (s *Server) coverage(r *http.Request, a *args) (any, error) {
	return s.index.Coverage(), nil
}

func (s *Server) profile(r *http.Request, a *args) (any, error) {
	member := a.seat("member")
	if a.err != nil {
		return nil, a.err
	}
	return s.index.Member(r.Context(), member)
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
	// The counts of each pair, and the period's kinds, are held here: the
	// answer is written from them, with no matrix of cells built.
	var counts [64][3]int32
	var kinds [8]analysis.KindPeriod
	m, c, err := s.index.AgreementCounts(r.Context(), q, counts[:0], kinds[:0])
	if err != nil {
		return nil, err
	}
	return agreementInParts(&m, c), nil
}

func (s *Server) trends(r *http.Request, a *args) (any, error) {
	from, to := a.dateRange()
	if a.err != nil {
		return nil, a.err
	}
	if a.str("by") == "decade" {
		t, err := s.index.TrendsByDecade(r.Context(), from, to)
		if err != nil {
			return nil, err
		}
		return json.RawMessage(encodeTrends(&t)), nil
	}
	// By year, the whole years are sent from their encodings kept, and
	// the period's text is written straight into the answer, its kinds
	// held here.
	var kinds [8]analysis.KindPeriod
	t := s.index.TrendsHead(from, to, kinds[:0])
	years, err := s.index.TrendYears(r.Context(), from, to)
	if err != nil {
		return nil, err
	}
	return trendsInPartsOf(&t, years, s.wholeYears.of(s.index), true), nil
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
	// The period's text is written straight into the answer's head, its
	// kinds held here.
	q.NoText = true
	var kinds [8]analysis.KindPeriod
	w, err := s.index.WhatIfIn(r.Context(), q, kinds[:0])
	if err != nil {
		return nil, err
	}
	// The flips are sent from the whole record's, encoded once.
	if l, ok := s.whatIfTexts.list(r.Context(), s.index, rules, &w, true); ok {
		return l, nil
	}
	return json.RawMessage(encodeWhatIfOf(&w, true)), nil
}

func (s *Server) vetoInitiative(r *http.Request, a *args) (any, error) {
	cal := analysis.DefaultCalendar()
	if a.str("calendar") == "weekends-only" {
		cal = analysis.WeekendsOnly()
	}
	return s.index.VetoInitiative(r.Context(), cal)
}
