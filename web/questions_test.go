package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"unsc/analysis"
	"unsc/web"
)

// TestQuestions checks that each question endpoint answers what package
// analysis answers over the same record.
func TestQuestions(t *testing.T) {
	srv := newServer(t, web.Config{})
	x := analysis.New(testRecord)
	twoVetoes, err := analysis.RulesNamed("two-vetoes")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		target string
		want   any
	}{
		{"/api/v1/vetoes/count?member=USA&to=2024-03-25", must(x.CountVetoes(bg, "USA", zero, day("2024-03-25")))},
		{"/api/v1/vetoes/count?member=SUN%2BRUS", must(x.CountVetoes(bg, "SUN+RUS", zero, zero))},
		{"/api/v1/vetoes/count?member=USA&to=2024-03-25&claim=89", func() analysis.VetoCount {
			c := must(x.CountVetoes(bg, "USA", zero, day("2024-03-25")))
			cc := must(x.CheckClaim(bg, analysis.Claim{Member: "USA", Number: 89, To: day("2024-03-25")}))
			cc.Count = nil
			c.Claim = &cc
			return c
		}()},
		{"/api/v1/coverage", x.Coverage()},
		{"/api/v1/vetoes/count?member=SUN+RUS", must(x.CountVetoes(bg, "SUN+RUS", zero, zero))},
		// Members by any name people use.
		{"/api/v1/vetoes/count?member=United%20States&to=2024-03-25", must(x.CountVetoes(bg, "USA", zero, day("2024-03-25")))},
		{"/api/v1/vetoes/count?member=ussr%2Brussia", must(x.CountVetoes(bg, "SUN+RUS", zero, zero))},
		{"/api/v1/vetoes/count?member=USSR+Russia", must(x.CountVetoes(bg, "SUN+RUS", zero, zero))},
		{"/api/v1/profile?member=Zaire", must(x.Member(bg, "COD"))},
		{"/api/v1/profile?member=gbr", must(x.Member(bg, "GBR"))},
		{"/api/v1/vetoes/summary?rule=drafts&group_by=decade&list=false", must(x.Vetoes(bg, analysis.VetoQuery{Rule: "drafts", GroupBy: "decade", CountOnly: true}))},
		{"/api/v1/vetoes/summary?member=CHN&scope=un-list&amendments=excluded", must(x.Vetoes(bg, analysis.VetoQuery{Member: "CHN", Scope: "un-list", ExcludeAmendments: true}))},
		{"/api/v1/profile?member=GBR", must(x.Member(bg, "GBR"))},
		{"/api/v1/agreement?members=CHN,SUN%2BRUS,USA&from=2000-01-01&rule=abstain-half", must(x.Agreement(bg, analysis.AgreementQuery{Members: []string{"CHN", "SUN+RUS", "USA"}, From: day("2000-01-01"), Rule: "abstain-half"}))},
		{"/api/v1/agreement", must(x.Agreement(bg, analysis.AgreementQuery{}))},
		{"/api/v1/agreement?members=China,Soviet%20Union%2BRussia,us&from=2000-01-01", must(x.Agreement(bg, analysis.AgreementQuery{Members: []string{"CHN", "SUN+RUS", "USA"}, From: day("2000-01-01")}))},
		{"/api/v1/trends?from=2020-01-01&to=2024-12-31", must(x.Trends(bg, day("2020-01-01"), day("2024-12-31")))},
		{"/api/v1/whatif?rules=two-vetoes&from=2011-01-01", must(x.WhatIf(bg, analysis.WhatIfQuery{Rules: twoVetoes, From: day("2011-01-01")}))},
		{"/api/v1/veto-initiative", must(x.VetoInitiative(bg, analysis.DefaultCalendar()))},
		{"/api/v1/veto-initiative?calendar=weekends-only", must(x.VetoInitiative(bg, analysis.WeekendsOnly()))},
	}
	for _, tt := range tests {
		resp, body := get(t, srv.URL+tt.target)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s = %d: %s", tt.target, resp.StatusCode, body)
			continue
		}
		var got, want any
		decode(t, tt.target, body, &got)
		raw, _ := json.Marshal(tt.want)
		decode(t, "want", raw, &want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("GET %s differs from package analysis (-want +got):\n%s", tt.target, diff)
		}
	}
}

var zero = day("0001-01-01")

// TestUnknownMember checks that a member no state that sat goes by is a
// 400 naming the input and the closest names, never an empty answer.
func TestUnknownMember(t *testing.T) {
	srv := newServer(t, web.Config{})
	for _, target := range []string{
		"/api/v1/vetoes/count?member=Untied%20States",
		"/api/v1/vetoes/summary?member=Untied%20States",
		"/api/v1/vetoes?member=Untied%20States",
		"/api/v1/profile?member=Untied%20States",
		"/api/v1/decisions?member=Untied%20States",
		"/api/v1/agreement?members=CHN,Untied%20States",
	} {
		resp, body := get(t, srv.URL+target)
		var p web.Problem
		decode(t, target, body, &p)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(p.Detail, `"Untied States"`) || !strings.Contains(p.Detail, "United States (USA)") {
			t.Errorf("GET %s = %d %+v, want 400 naming the input and United States (USA)", target, resp.StatusCode, p)
		}
	}
}

func TestMembers(t *testing.T) {
	srv := newServer(t, web.Config{})
	resp, body := get(t, srv.URL+"/api/v1/members")
	var states []web.State
	decode(t, "/api/v1/members", body, &states)
	if resp.StatusCode != http.StatusOK || len(states) < 130 {
		t.Fatalf("GET /api/v1/members = %d, %d states; want every state that sat", resp.StatusCode, len(states))
	}
	for _, s := range states {
		if s.Code == "LKA" && (len(s.Names) != 1 || s.Names[0] != "Ceylon") {
			t.Errorf("GET /api/v1/members: LKA names %q, want Ceylon, the name it sat under", s.Names)
		}
	}
}

// bg is the context of questions asked to completion.
var bg = context.Background()

// must returns the answer of a question asked with bg, which is never
// done: an error there is a fault of the question.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
