package analysis_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"unsc"
	"unsc/analysis"
)

// TestCompletenessByKindInRealRecord checks that the record says, kind by
// kind, how far it is complete, and that every count answer names the
// period true for the kinds it counts: no day for the procedural votes,
// with how many are known; the vetoed drafts' and amendments' day for a
// veto answer; the earliest day of the kinds counted for an answer that
// mixes them.
func TestCompletenessByKindInRealRecord(t *testing.T) {
	ds, x := realRecord(t)
	ctx := context.Background()
	c := x.Coverage()
	kinds := map[string]analysis.KindCoverage{}
	for _, k := range c.Kinds {
		kinds[k.Kind] = k
	}
	counts := map[string]int{}
	var lastVetoList string
	for _, d := range ds {
		counts[analysis.KindOf(d)]++
		if slices.Contains(d.Sources, unsc.SourceSpreadsheet) {
			lastVetoList = d.Date.Format(time.DateOnly)
		}
	}
	if len(c.Kinds) != len(analysis.Kinds) {
		t.Fatalf("coverage names %d kinds, want %d", len(c.Kinds), len(analysis.Kinds))
	}
	// No source lists the procedural votes, the preliminary questions, the
	// ICJ elections or the other decisions.
	for _, kind := range []string{analysis.KindProcedural, analysis.KindPreliminary, analysis.KindICJ, analysis.KindOther} {
		if k := kinds[kind]; k.CompleteTo != "" || k.CompleteFrom != "" || len(k.ListedBy) != 0 || k.Decisions != counts[kind] {
			t.Errorf("coverage of %s = %+v; want no day and the %d the record holds", kind, k, counts[kind])
		}
	}
	// The drafts to the last day of the spreadsheet; the amendments only
	// from its first day, which no other source lists.
	for _, kind := range []string{analysis.KindFailed, analysis.KindVetoed, analysis.KindAmendment} {
		if k := kinds[kind]; k.CompleteTo != lastVetoList || k.Curated {
			t.Errorf("coverage of %s = %+v; want complete to %s, the spreadsheet's last day", kind, k, lastVetoList)
		}
	}
	if k := kinds[analysis.KindAmendment]; k.CompleteFrom != "1994-01-06" || !slices.Equal(k.ListedBy, []unsc.Source{unsc.SourceSpreadsheet}) {
		t.Errorf("coverage of amendments = %+v; want from 6 January 1994, by the spreadsheet alone", k)
	}
	// The resolutions to the day CuratedCompleteTo gives, which no
	// resolution of the record comes after.
	k := kinds[analysis.KindResolution]
	if want := analysis.CuratedCompleteTo[analysis.KindResolution]; k.CompleteTo != want || !k.Curated || k.CompleteFrom != "1946-01-17" {
		t.Errorf("coverage of resolutions = %+v; want complete from the first meeting to %s, curated", k, want)
	}
	if c.CompleteTo != lastVetoList {
		t.Errorf("coverage complete to %s, want the earliest day of the kinds listed in full, %s", c.CompleteTo, lastVetoList)
	}
	procedural := "procedural votes: " + strconv.Itoa(counts[analysis.KindProcedural]) + " known, no source lists them all"
	if !strings.Contains(c.Complete, procedural) || !strings.Contains(c.Complete, "every resolution to 31 December 2025") {
		t.Errorf("coverage in words %q, want %q and the resolutions to 31 December 2025", c.Complete, procedural)
	}

	// A count over the procedural votes claims no day.
	s := must(x.Search(ctx, analysis.SearchQuery{Matter: unsc.Procedural, MatterSet: true, Limit: 1}))
	if p := s.Period; p.CompleteTo != "" || len(p.Kinds) != 1 || p.Kinds[0].Known != counts[analysis.KindProcedural] || !strings.Contains(p.Text, "none of them lists every procedural vote") || !strings.Contains(p.Text, procedural) {
		t.Errorf("search of the procedural votes: period %+v; want no day, and %q", p, procedural)
	}
	// Nor does a count over a period with procedural votes, whatever the
	// day of the other kinds: the member's history says how many are
	// known there.
	m := must(x.Member(ctx, "USA"))
	if p := m.Period; p.CompleteTo != lastVetoList || !strings.Contains(p.Text, procedural) || !strings.Contains(p.Text, "every failed draft, vetoed draft and amendment;") {
		t.Errorf("member USA: period %+v; want to %s, the earliest day of the kinds, and %q", p, lastVetoList, procedural)
	}
	tr := must(x.Trends(ctx, day("2024-01-01"), day("2024-12-31")))
	known := 0
	for _, d := range ds {
		if d.Date.Year() == 2024 && analysis.KindOf(d) == analysis.KindProcedural {
			known++
		}
	}
	if want := "procedural votes: " + strconv.Itoa(known) + " known"; known == 0 || !strings.Contains(tr.Period.Text, want) {
		t.Errorf("trends of 2024: period %q, want %q", tr.Period.Text, want)
	}

	// A veto answer: the vetoed drafts' day, and no word of procedural
	// votes, which cannot be vetoed; the preliminary questions, some
	// vetoed (the "double veto"), are not all known.
	v := must(x.Vetoes(ctx, analysis.VetoQuery{}))
	if p := v.Period; p.CompleteTo != kinds[analysis.KindVetoed].CompleteTo || strings.Contains(p.Text, "procedural") || !strings.Contains(p.Text, "amendments are listed in full only from 6 January 1994") || !strings.Contains(p.Text, "preliminary questions: "+strconv.Itoa(counts[analysis.KindPreliminary])+" known") {
		t.Errorf("vetoes: period %+v; want to the vetoed drafts' day %s, amendments from 1994", p, kinds[analysis.KindVetoed].CompleteTo)
	}
	// The decisions it says the record holds after that day are those of
	// its kinds, not every decision.
	later := 0
	for _, d := range ds {
		if d.Date.Format(time.DateOnly) > v.Period.CompleteTo && slices.Contains(analysis.VetoKinds, analysis.KindOf(d)) {
			later++
		}
	}
	if all := x.Period(time.Time{}, time.Time{}); v.Period.Later != later || later == 0 || later >= all.Later {
		t.Errorf("vetoes: %d decisions after %s, want the %d of its kinds (of the %d of every kind)", v.Period.Later, v.Period.CompleteTo, later, all.Later)
	}
	// Every vetoed decision is of a kind veto answers name.
	for _, d := range ds {
		if analysis.Outcome(d) == unsc.Vetoed && !slices.Contains(analysis.VetoKinds, analysis.KindOf(d)) {
			t.Errorf("%s %s: vetoed, of kind %s, which veto answers do not name", d.Date.Format(time.DateOnly), d.Draft, analysis.KindOf(d))
		}
	}
}

// TestResolutionNumbersInRealRecord checks what CuratedCompleteTo rests on
// for the resolutions: they are numbered in the order of their adoption,
// and the record holds each number from 1 to its last once, the last
// adopted no later than the day it gives.
func TestResolutionNumbersInRealRecord(t *testing.T) {
	ds, _ := realRecord(t)
	seen := map[int]int{}
	last, lastDay := 0, ""
	for _, d := range ds {
		if d.Resolution == "" {
			continue // a resolution adopted by a procedural vote is numbered too
		}
		n, err := strconv.Atoi(strings.TrimPrefix(strings.Fields(d.Resolution)[0], "S/RES/"))
		if err != nil {
			t.Fatalf("resolution %q: no number", d.Resolution)
		}
		seen[n]++
		if n > last {
			last, lastDay = n, d.Date.Format(time.DateOnly)
		}
	}
	for n := 1; n <= last; n++ {
		if seen[n] != 1 {
			t.Errorf("resolution %d held %d times, want once", n, seen[n])
		}
	}
	if to := analysis.CuratedCompleteTo[analysis.KindResolution]; last < 2811 || lastDay > to {
		t.Errorf("last resolution %d of %s; want 2811 or later, adopted by %s", last, lastDay, to)
	}
}
