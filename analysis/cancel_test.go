package analysis_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc/analysis"
)

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

// doneAfter is a context that is done after its Err has been looked at n
// times: a client that goes away while its question is being computed.
type doneAfter struct {
	context.Context
	n     int64
	looks atomic.Int64
}

func (c *doneAfter) Err() error {
	if c.looks.Add(1) > c.n {
		return context.Canceled
	}
	return nil
}

// TestQuestionsStop asks every question over the whole record with a
// context already done and with one done while it runs: each stops with
// the context's error, and keeps nothing of its cut work, so the same
// question asked again answers as a fresh index does.
func TestQuestionsStop(t *testing.T) {
	ds, _ := realRecord(t)
	twoVetoes, err := analysis.RulesNamed(analysis.RulesTwoVetoes)
	if err != nil {
		t.Fatal(err)
	}
	questions := map[string]func(ctx context.Context, x *analysis.Index) (any, error){
		"Search": func(ctx context.Context, x *analysis.Index) (any, error) {
			return x.Search(ctx, analysis.SearchQuery{Member: "FRA", Uncapped: true})
		},
		"Search text": func(ctx context.Context, x *analysis.Index) (any, error) {
			return x.Search(ctx, analysis.SearchQuery{Text: "situation", Uncapped: true})
		},
		"Vetoes": func(ctx context.Context, x *analysis.Index) (any, error) {
			return x.Vetoes(ctx, analysis.VetoQuery{GroupBy: "member,decade"})
		},
		"CountVetoes": func(ctx context.Context, x *analysis.Index) (any, error) {
			return x.CountVetoes(ctx, "USA", time.Time{}, time.Time{})
		},
		"CheckClaim": func(ctx context.Context, x *analysis.Index) (any, error) {
			return x.CheckClaim(ctx, analysis.Claim{Member: "USA", Number: 89, To: day("2024-03-25")})
		},
		"Member": func(ctx context.Context, x *analysis.Index) (any, error) { return x.Member(ctx, "SUN+RUS") },
		"Agreement": func(ctx context.Context, x *analysis.Index) (any, error) {
			return x.Agreement(ctx, analysis.AgreementQuery{})
		},
		"Trends": func(ctx context.Context, x *analysis.Index) (any, error) {
			return x.Trends(ctx, time.Time{}, time.Time{})
		},
		"TrendsByDecade": func(ctx context.Context, x *analysis.Index) (any, error) {
			return x.TrendsByDecade(ctx, time.Time{}, time.Time{})
		},
		"WhatIf": func(ctx context.Context, x *analysis.Index) (any, error) {
			return x.WhatIf(ctx, analysis.WhatIfQuery{Rules: twoVetoes})
		},
		"VetoInitiative": func(ctx context.Context, x *analysis.Index) (any, error) {
			return x.VetoInitiative(ctx, analysis.DefaultCalendar())
		},
	}
	for name, ask := range questions {
		t.Run(name, func(t *testing.T) {
			want, err := ask(bg, analysis.New(ds))
			if err != nil {
				t.Fatalf("%s(background) = %v", name, err)
			}
			done, cancel := context.WithCancel(bg)
			cancel()
			if _, err := ask(done, analysis.New(ds)); !errors.Is(err, context.Canceled) {
				t.Errorf("%s(a context already done) = %v, want context.Canceled", name, err)
			}
			// Done at the second look: after the question has begun its
			// work over the record.
			x := analysis.New(ds)
			ctx := &doneAfter{Context: bg, n: 1}
			if _, err := ask(ctx, x); !errors.Is(err, context.Canceled) {
				t.Errorf("%s(a context done while it runs) = %v, want context.Canceled", name, err)
			}
			got, err := ask(bg, x)
			if err != nil {
				t.Fatalf("%s(background), asked again = %v", name, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s asked again after being stopped differs from a fresh index's answer (-fresh +again):\n%s", name, diff)
			}
		})
	}
}
