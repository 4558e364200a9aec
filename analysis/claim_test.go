package analysis_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"unsc"
	"unsc/analysis"
	"unsc/internal/realrecord"
)

func TestParseClaim(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, tc := range []struct {
		text     string
		member   string
		number   int
		from, to time.Time
	}{
		{"USA, 89, since 1945, as of 2024-03-25", "USA", 89, day("1945-01-01"), day("2024-03-25")},
		{"Russia, 34, since 1992", "RUS", 34, day("1992-01-01"), time.Time{}},
		{"United Kingdom, 29", "GBR", 29, time.Time{}, time.Time{}},
		{"SUN+RUS, 150, until 2000", "SUN+RUS", 150, time.Time{}, day("2000-12-31")},
	} {
		c, err := analysis.ParseClaim(tc.text)
		if err != nil {
			t.Errorf("ParseClaim(%q): %v", tc.text, err)
			continue
		}
		if c.Member != tc.member || c.Number != tc.number || !c.From.Equal(tc.from) || !c.To.Equal(tc.to) {
			t.Errorf("ParseClaim(%q) = %s %d %v %v, want %s %d %v %v", tc.text, c.Member, c.Number, c.From, c.To, tc.member, tc.number, tc.from, tc.to)
		}
	}
	for _, bad := range []string{"", "USA", "89, since 1945", "Narnia, 3", "USA, 3, since the war", "USA, 3, since 2000, as of 1990", "USA, 3, as of 2024-02-30"} {
		_, err := analysis.ParseClaim(bad)
		var e *unsc.Error
		if !errors.As(err, &e) || e.Code != unsc.EINVALID || e.Field != "claim" {
			t.Errorf("ParseClaim(%q) = %v, want EINVALID naming the claim", bad, err)
		}
	}
}

func TestCheckClaim(t *testing.T) {
	x := analysis.New(realrecord.Decisions(t))
	c, err := analysis.ParseClaim("USA, 0, as of 2024-03-25")
	if err != nil {
		t.Fatal(err)
	}
	count := must(x.CountVetoes(bg, "USA", time.Time{}, c.To))
	// Each count the record gives is a claim it supports, and one more than
	// the largest is supported by none.
	top := 0
	for _, l := range count.Lines {
		c.Number = l.Count
		chk := must(x.CheckClaim(bg, c))
		if !slices.Contains(chk.Matches, l.Name) {
			t.Errorf("CheckClaim(USA, %d) matches %v, want %s among them", l.Count, chk.Matches, l.Name)
		}
		top = max(top, l.Count)
	}
	c.Number = top + 1
	if chk := must(x.CheckClaim(bg, c)); len(chk.Matches) != 0 {
		t.Errorf("CheckClaim(USA, %d) matches %v, want none", c.Number, chk.Matches)
	}
}
