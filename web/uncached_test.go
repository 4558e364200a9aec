package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"unsc/analysis"
	"unsc/web"
)

// TestUncachedAnswersByteForByte checks that each answer the API computes
// on its fast paths (the questions of bench/uncached.paths and more) is,
// byte for byte, json.Marshal of package analysis's answer to the same
// question, for periods that cut the record anywhere: every fifth year's
// bounds and the days around them, open ends, and random periods.
func TestUncachedAnswersByteForByte(t *testing.T) {
	h := web.NewServer(web.Config{Decisions: testRecord})
	x := analysis.New(testRecord)
	twoVetoes, err := analysis.RulesNamed(analysis.RulesTwoVetoes)
	if err != nil {
		t.Fatal(err)
	}
	var periods [][2]string
	for y := 1945; y <= 2030; y += 5 {
		jan := fmt.Sprintf("%d-01-01", y)
		periods = append(periods, [2]string{jan, ""}, [2]string{"", fmt.Sprintf("%d-12-31", y)},
			[2]string{fmt.Sprintf("%d-12-31", y-1), fmt.Sprintf("%d-01-02", y+3)})
	}
	periods = append(periods, [2]string{"", ""}, [2]string{"2030-01-01", ""}, [2]string{"1946-01-17", "1946-01-17"},
		[2]string{"2025-12-31", "2026-12-31"}, [2]string{"2026-01-01", "2029-12-01"})
	rng := rand.New(rand.NewPCG(9, 11))
	start := day("1946-01-01")
	for range 60 {
		a, b := rng.IntN(30000), rng.IntN(30000)
		periods = append(periods, [2]string{start.AddDate(0, 0, min(a, b)).Format("2006-01-02"), start.AddDate(0, 0, max(a, b)).Format("2006-01-02")})
	}
	parse := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		return day(s)
	}
	compared := 0
	for _, p := range periods {
		from, to := parse(p[0]), parse(p[1])
		query := ""
		if p[0] != "" {
			query += "&from=" + p[0]
		}
		if p[1] != "" {
			query += "&to=" + p[1]
		}
		for _, tt := range []struct {
			path string
			want func() (any, error)
		}{
			{"/api/v1/agreement?", func() (any, error) {
				return x.Agreement(bg, analysis.AgreementQuery{From: from, To: to})
			}},
			{"/api/v1/agreement?rule=abstain-half&members=USA,IND,GBR,BRA", func() (any, error) {
				return x.Agreement(bg, analysis.AgreementQuery{From: from, To: to, Rule: analysis.AbstainHalf, Members: []string{"USA", "IND", "GBR", "BRA"}})
			}},
			{"/api/v1/agreement?rule=abstain-neutral&members=SUN%2BRUS,CHN", func() (any, error) {
				return x.Agreement(bg, analysis.AgreementQuery{From: from, To: to, Rule: analysis.AbstainNeutral, Members: []string{"SUN+RUS", "CHN"}})
			}},
			{"/api/v1/vetoes/count?member=USA", func() (any, error) { return x.CountVetoes(bg, "USA", from, to) }},
			{"/api/v1/vetoes/count?member=SUN%2BRUS", func() (any, error) { return x.CountVetoes(bg, "SUN+RUS", from, to) }},
			{"/api/v1/vetoes/count?", func() (any, error) { return x.CountVetoes(bg, "", from, to) }},
			{"/api/v1/trends?", func() (any, error) { return x.Trends(bg, from, to) }},
			{"/api/v1/trends?by=decade", func() (any, error) { return x.TrendsByDecade(bg, from, to) }},
			{"/api/v1/whatif?rules=two-vetoes", func() (any, error) {
				return x.WhatIf(bg, analysis.WhatIfQuery{From: from, To: to, Rules: twoVetoes})
			}},
		} {
			target := tt.path + query
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
			if w.Code != http.StatusOK {
				t.Fatalf("GET %s = %d: %s", target, w.Code, w.Body)
			}
			v, err := tt.want()
			if err != nil {
				t.Fatal(err)
			}
			want, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, '\n')
			if got := w.Body.Bytes(); !bytes.Equal(got, want) {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Fatalf("GET %s: the answer differs from package analysis's at byte %d:\n got …%s\nwant …%s",
					target, i, got[max(0, i-80):min(len(got), i+80)], want[max(0, i-80):min(len(want), i+80)])
			}
			compared++
		}
	}
	if compared < 1000 {
		t.Errorf("only %d answers compared", compared)
	}
}
