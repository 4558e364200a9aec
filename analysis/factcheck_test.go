package analysis_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/analysis"
)

// listedRecord is a small record with a UN veto list: a joint veto on the
// list (2020-07-07, its last date), a US veto the list omits before it, and
// a US veto after it.
func listedRecord() []unsc.Decision {
	listed := vote("2020-07-07", "S/2020/654", map[unsc.Code]unsc.Position{"CHN": N, "RUS": N})
	listed.Reports = []unsc.Report{{Source: unsc.SourceDHLVetoes, Date: day("2020-07-07"), Draft: "S/2020/654", Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"RUS", "CHN"}, Ref: "veto.html:70"}}
	listed.Sources = append(listed.Sources, unsc.SourceDHLVetoes)
	omitted := vote("2020-03-02", "S/2020/900", map[unsc.Code]unsc.Position{"USA": N})
	later := vote("2024-04-18", "S/2024/312", map[unsc.Code]unsc.Position{"USA": N})
	return []unsc.Decision{omitted, listed, later}
}

func vetoSymbols(es []analysis.VetoEntry) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.Symbol)
	}
	return out
}

func line(t *testing.T, c analysis.VetoCount, name string) analysis.CountLine {
	t.Helper()
	for _, l := range c.Lines {
		if l.Name == name {
			return l
		}
	}
	t.Fatalf("no count line %s in %+v", name, c.Lines)
	return analysis.CountLine{}
}

func rule(t *testing.T, cc analysis.ClaimCheck, name string) analysis.ClaimRule {
	t.Helper()
	for _, r := range cc.Rules {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("no claim rule %s in %+v", name, cc.Rules)
	return analysis.ClaimRule{}
}

func TestCountParts(t *testing.T) {
	x := analysis.New(listedRecord())
	c := must(x.CountVetoes(bg, "USA", time.Time{}, time.Time{}))
	type parts struct{ Count, ToListEnd, AfterListEnd, OnList, NotOnList int }
	for name, want := range map[string]parts{
		"member-votes/un-list": {1, 0, 1, 0, 0},
		"member-votes/record":  {2, 1, 1, 0, 1},
	} {
		l := line(t, c, name)
		if got := (parts{l.Count, l.ToListEnd, l.AfterListEnd, l.OnList, l.NotOnList}); got != want {
			t.Errorf("CountVetoes(USA) %s = %+v, want %+v", name, got, want)
		}
		if l.Count != l.ToListEnd+l.AfterListEnd || l.Parts == "" {
			t.Errorf("CountVetoes(USA) %s: %d ≠ %d + %d, or no parts %q", name, l.Count, l.ToListEnd, l.AfterListEnd, l.Parts)
		}
	}
	if diff := cmp.Diff([]string{"S/2020/900"}, vetoSymbols(c.NotOnList)); diff != "" {
		t.Errorf("CountVetoes(USA) not on the list (-want +got):\n%s", diff)
	}
	if len(c.NotInRecord) != 0 || c.ListEnd != "2020-07-07" || c.MemberName != "United States (USA)" {
		t.Errorf("CountVetoes(USA): not in record %v, list end %s, name %q", vetoSymbols(c.NotInRecord), c.ListEnd, c.MemberName)
	}
	// Every member: the joint veto is two members' vetoes, one draft, on
	// the list.
	c = must(x.CountVetoes(bg, "", time.Time{}, time.Time{}))
	if l := line(t, c, "member-votes/record"); l.Count != 4 || l.OnList != 2 || l.NotOnList != 1 || l.AfterListEnd != 1 {
		t.Errorf("CountVetoes(all) member-votes/record = %+v, want 4 = 2 on the list + 1 not + 1 after", l)
	}
	if l := line(t, c, "drafts/record"); l.Count != 3 || l.OnList != 1 || l.NotOnList != 1 {
		t.Errorf("CountVetoes(all) drafts/record = %+v, want 3 = 1 on the list + 1 not + 1 after", l)
	}
}

func TestCheckClaimDays(t *testing.T) {
	x := analysis.New(listedRecord())
	cc := must(x.CheckClaim(bg, analysis.Claim{Member: "USA", From: time.Time{}, To: time.Time{}, Number: 1}))
	if diff := cmp.Diff([]string{"member-votes/un-list", "member-votes/un-list without amendments", "drafts/un-list", "drafts/un-list without amendments"}, cc.Matches); diff != "" {
		t.Errorf("CheckClaim(USA, 1) holds (-want +got):\n%s", diff)
	}
	r := rule(t, cc, "member-votes/record")
	if r.Count != 2 || r.Difference != 1 || r.Holds || r.HeldFrom != "2020-03-02" || r.HeldTo != "2024-04-17" || !slices.Equal(vetoSymbols(r.Decisions), []string{"S/2024/312"}) {
		t.Errorf("CheckClaim(USA, 1) record = %+v; want 2, +1, 1 from 2020-03-02 to 2024-04-17, S/2024/312 the difference", r)
	}
	// Before the later veto, 2 holds nowhere: the record reaches it later,
	// and the list's count never does.
	cc = must(x.CheckClaim(bg, analysis.Claim{Member: "USA", From: time.Time{}, To: day("2022-01-01"), Number: 2}))
	if len(cc.Matches) != 0 || !strings.Contains(cc.Verdict, "No way of counting in the record gives 2") {
		t.Errorf("CheckClaim(USA, to 2022, 2) holds under %v: %s", cc.Matches, cc.Verdict)
	}
	r = rule(t, cc, "member-votes/record")
	if r.Count != 1 || r.Difference != -1 || r.HeldFrom != "2024-04-18" || r.HeldTo != "" || !slices.Equal(vetoSymbols(r.Decisions), []string{"S/2024/312"}) {
		t.Errorf("CheckClaim(USA, to 2022, 2) record = %+v; want 1, -1, 2 from 2024-04-18 on, S/2024/312 the difference", r)
	}
	if r := rule(t, cc, "member-votes/un-list"); r.Count != 0 || r.HeldFrom != "" {
		t.Errorf("CheckClaim(USA, to 2022, 2) un-list = %+v; want 0, never 2", r)
	}
	// A joint veto takes the count of members' vetoes past 1 at once.
	cc = must(x.CheckClaim(bg, analysis.Claim{Member: "", From: time.Time{}, To: time.Time{}, Number: 1}))
	if r := rule(t, cc, "member-votes/un-list"); r.HeldFrom != "" || r.Count != 3 {
		t.Errorf("CheckClaim(all, 1) member-votes/un-list = %+v; want 3, never 1", r)
	}
	if r := rule(t, cc, "drafts/un-list"); r.HeldFrom != "2020-07-07" || r.HeldTo != "2024-04-17" {
		t.Errorf("CheckClaim(all, 1) drafts/un-list = %+v; want 1 from 2020-07-07 to 2024-04-17", r)
	}
}

func TestPeriod(t *testing.T) {
	ds := listedRecord()
	for i := range ds {
		ds[i].Sources = []unsc.Source{unsc.SourceUNDL}
	}
	// No source here lists every decision.
	if p := analysis.New(ds).Period(time.Time{}, time.Time{}); p.CompleteTo != "" || p.Later != 3 || !strings.Contains(p.Text, "no day the sources cover in full") {
		t.Errorf("Period() over a record no source lists in full = %+v", p)
	}
	// The spreadsheet lists every decision to its last date, 2020-07-07.
	ds[0].Sources = []unsc.Source{unsc.SourceSpreadsheet}
	ds[1].Sources = []unsc.Source{unsc.SourceSpreadsheet, unsc.SourceDHLVetoes}
	x := analysis.New(ds)
	tests := []struct {
		from, to string
		want     analysis.Period
	}{
		{"", "", analysis.Period{From: "1946-01-17", To: "2020-07-07", CompleteTo: "2020-07-07", Later: 1, LaterLast: "2024-04-18"}},
		{"2020-01-01", "2020-06-30", analysis.Period{From: "2020-01-01", To: "2020-06-30", CompleteTo: "2020-07-07"}},
		{"", "2030-01-01", analysis.Period{From: "1946-01-17", To: "2020-07-07", CompleteTo: "2020-07-07", AskedTo: "2030-01-01", Later: 1, LaterLast: "2024-04-18"}},
		{"2021-01-01", "", analysis.Period{From: "2021-01-01", To: "2020-12-31", CompleteTo: "2020-07-07", Later: 1, LaterLast: "2024-04-18"}},
		{"1900-01-01", "2023-12-31", analysis.Period{From: "1946-01-17", To: "2020-07-07", CompleteTo: "2020-07-07", AskedTo: "2023-12-31"}},
	}
	for _, tt := range tests {
		var from, to time.Time
		if tt.from != "" {
			from = day(tt.from)
		}
		if tt.to != "" {
			to = day(tt.to)
		}
		got := x.Period(from, to)
		if got.Text == "" {
			t.Errorf("Period(%s, %s) has no text", tt.from, tt.to)
		}
		got.Text = ""
		// Every kind is named; the spreadsheet lists all but the
		// procedural votes, preliminary questions, ICJ elections and
		// others, and the answer's day is the earliest of theirs.
		if len(got.Kinds) != len(analysis.Kinds) {
			t.Errorf("Period(%s, %s) names kinds %+v, want all of %v", tt.from, tt.to, got.Kinds, analysis.Kinds)
		}
		for _, k := range got.Kinds {
			listed := k.Kind == analysis.KindResolution || k.Kind == analysis.KindFailed || k.Kind == analysis.KindVetoed || k.Kind == analysis.KindAmendment
			if listed != (k.CompleteTo != "") || (listed && k.CompleteTo < got.CompleteTo) {
				t.Errorf("Period(%s, %s): %s complete to %q; want a day (not before %s) only for a kind the spreadsheet lists", tt.from, tt.to, k.Kind, k.CompleteTo, got.CompleteTo)
			}
		}
		got.Kinds = nil
		if !cmp.Equal(got, tt.want) {
			t.Errorf("Period(%s, %s) = %+v, want %+v", tt.from, tt.to, got, tt.want)
		}
	}
}

// TestRealFactCheck checks the worked example of the README: The
// Independent's "the US has vetoed 89 resolutions since 1945", as of 25
// March 2024.
func TestRealFactCheck(t *testing.T) {
	_, x := realRecord(t)
	c := must(x.CountVetoes(bg, "USA", time.Time{}, day("2024-03-25")))
	type parts struct{ Count, Without, ToListEnd, AfterListEnd, OnList, NotOnList int }
	for name, want := range map[string]parts{
		// The list's 82 to 26 May 2022, and 4 after it, one of them the
		// veto of the oral amendment of 22 December 2023.
		"member-votes/un-list": {86, 85, 82, 4, 0, 0},
		"drafts/un-list":       {86, 85, 82, 4, 0, 0},
		// The record adds S/1996/952, which the list omits.
		"member-votes/record": {87, 86, 83, 4, 82, 1},
		"drafts/record":       {87, 86, 83, 4, 82, 1},
	} {
		l := line(t, c, name)
		if got := (parts{l.Count, l.WithoutAmendments, l.ToListEnd, l.AfterListEnd, l.OnList, l.NotOnList}); got != want {
			t.Errorf("CountVetoes(USA, to 2024-03-25) %s = %+v, want %+v", name, got, want)
		}
	}
	if diff := cmp.Diff([]string{"S/1996/952"}, vetoSymbols(c.NotOnList)); diff != "" {
		t.Errorf("vetoes the list omits (-want +got):\n%s", diff)
	}
	if len(c.Amendments) != 1 || c.Amendments[0].Date != "2023-12-22" || len(c.NotInRecord) != 0 {
		t.Errorf("amendments %+v, not in record %v; want the oral amendment of 2023-12-22 only", c.Amendments, vetoSymbols(c.NotInRecord))
	}
	if c.Period.From != "1946-01-17" || c.Period.To != "2024-03-25" || c.Period.Later != 0 {
		t.Errorf("period %+v, want 1946-01-17 to 2024-03-25, complete", c.Period)
	}

	cc := must(x.CheckClaim(bg, analysis.Claim{Member: "USA", From: time.Time{}, To: day("2024-03-25"), Number: 89}))
	if len(cc.Matches) != 0 {
		t.Errorf("89 by 2024-03-25 holds under %v, want none", cc.Matches)
	}
	// The record's count reached 89 with the veto of 20 November 2024 and
	// stood there until the veto of 4 June 2025.
	r := rule(t, cc, "member-votes/record")
	if r.Count != 87 || r.Difference != -2 || r.HeldFrom != "2024-11-20" || r.HeldTo != "2025-06-03" {
		t.Errorf("89 under member-votes/record = %+v; want 87 on 2024-03-25, 89 from 2024-11-20 to 2025-06-03", r)
	}
	if diff := cmp.Diff([]string{"S/2024/312", "S/2024/835"}, vetoSymbols(r.Decisions)); diff != "" {
		t.Errorf("decisions between 87 and 89 (-want +got):\n%s", diff)
	}
	// 87 holds on the record's scope, with amendments.
	cc = must(x.CheckClaim(bg, analysis.Claim{Member: "USA", From: time.Time{}, To: day("2024-03-25"), Number: 87}))
	if diff := cmp.Diff([]string{"member-votes/record", "drafts/record"}, cc.Matches); diff != "" {
		t.Errorf("87 by 2024-03-25 holds (-want +got):\n%s", diff)
	}

	// The USSR: the list counts its negative votes on preliminary
	// questions; the record's vetoes and the list's agree in number.
	c = must(x.CountVetoes(bg, "SUN", time.Time{}, time.Time{}))
	if l := line(t, c, "member-votes/un-list"); l.Count != 90 || l.AfterListEnd != 0 {
		t.Errorf("CountVetoes(SUN) un-list = %+v, want the list's 90", l)
	}
}

// TestRealCoverage checks the coverage of the real record against the
// record itself.
func TestRealCoverage(t *testing.T) {
	ds, x := realRecord(t)
	c := x.Coverage()
	var all analysis.CoverageRow
	for _, r := range c.Totals {
		if r.Kind == "all" {
			all = r
		}
	}
	if all.Decisions != len(ds) || all.First != ds[0].Date.Format("2006-01-02") || all.Last != ds[len(ds)-1].Date.Format("2006-01-02") {
		t.Errorf("coverage of every kind = %+v, want the %d decisions of the record", all, len(ds))
	}
	sums := map[string]int{}
	for _, r := range c.Rows {
		if r.Positions+r.CountOnly+r.WithoutVote+r.Unknown != r.Decisions {
			t.Errorf("row %+v does not add up", r)
		}
		sums[r.Kind] += r.Decisions
	}
	for _, r := range c.Totals {
		if r.Kind != "all" && sums[r.Kind] != r.Decisions {
			t.Errorf("kind %s: rows add up to %d, total %d", r.Kind, sums[r.Kind], r.Decisions)
		}
	}
	// Resolutions: every adopted decision with a resolution's symbol that
	// is not procedural.
	want := 0
	for _, d := range ds {
		if analysis.KindOf(d) == analysis.KindResolution {
			want++
			if d.Resolution == "" || analysis.Outcome(d) != unsc.Adopted || d.Amendment {
				t.Errorf("%s %s counted as a resolution", d.Date.Format("2006-01-02"), d.Draft)
			}
		}
	}
	if want < 2700 {
		t.Errorf("%d resolutions, want over 2,700", want)
	}
	// The record is complete to the last day of a source that lists every
	// decision.
	last := ""
	bySource := map[unsc.Source]analysis.SourceCoverage{}
	for _, s := range c.Sources {
		bySource[s.Source] = s
		if s.Every && s.Last > last {
			last = s.Last
		}
	}
	// No source lists the procedural votes, and the record does not hold
	// them all: the answer says so, where it names the sources that list
	// every decision.
	for _, s := range c.Sources {
		if s.Every && !strings.Contains(s.Lists, "no vote on a procedural motion") {
			t.Errorf("%s lists every decision (%q) and does not say it leaves out the procedural votes", s.Source, s.Lists)
		}
	}
	if !strings.Contains(c.Note, "No source lists every vote on a procedural motion") {
		t.Errorf("coverage note %q does not say the procedural votes are not all in the record", c.Note)
	}
	// Every kind the sources list in full is complete to a later day by
	// the curated decisions (CuratedCompleteTo): the record's day is the
	// earliest of those, not before the sources' last.
	curated := ""
	for _, k := range c.Kinds {
		if k.CompleteTo != "" && (curated == "" || k.CompleteTo < curated) {
			curated = k.CompleteTo
		}
	}
	if c.CompleteTo != curated || c.CompleteTo < last || last < "2025-06-04" {
		t.Errorf("complete to %s, want %s, the earliest day of the kinds listed in full, not before %s, the last day of a source that lists every decision", c.CompleteTo, curated, last)
	}
	if s := bySource[unsc.SourceDHLVetoes]; s.Last != x.ListEnd().Format("2006-01-02") || s.Every {
		t.Errorf("dhl-vetoes coverage %+v, want to the list's last date", s)
	}
	if s := bySource[unsc.SourceUNDL]; !s.Official || s.Every || s.First != "1946-01-25" {
		t.Errorf("undl coverage %+v, want official resolutions from 25 January 1946", s)
	}
	// Answers name the period they cover.
	p := x.Period(time.Time{}, day("2030-01-01"))
	if p.To != c.CompleteTo || p.AskedTo != "2030-01-01" || !strings.Contains(p.Text, "asked to 1 January 2030") {
		t.Errorf("Period(to 2030) = %+v, want cut to %s", p, c.CompleteTo)
	}
	later := 0
	for _, d := range ds {
		if d.Date.Format("2006-01-02") > c.CompleteTo {
			later++
		}
	}
	if p.Later != later {
		t.Errorf("Period(to 2030).Later = %d, want the %d decisions after %s", p.Later, later, c.CompleteTo)
	}
	if tr := must(x.Trends(bg, day("2000-01-01"), day("2000-12-31"))); tr.Period.To != "2000-12-31" || tr.Period.Later != 0 || tr.Period.Text != "1 January 2000 to 31 December 2000; procedural votes: 1 known, no source lists them all; ICJ elections: 1 known, no source lists them all" {
		t.Errorf("Trends(2000).Period = %+v", tr.Period)
	}
}

// BenchmarkVetoesCountEightRules is what a fact check cost before its
// parts: the eight counts alone (each rule and scope, with and without
// amendments), the baseline of BenchmarkVetoesCount.
func BenchmarkVetoesCountEightRules(b *testing.B) {
	_, x := realRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, scope := range []string{analysis.ScopeUNList, analysis.ScopeRecord} {
			for _, rule := range []string{analysis.RuleMemberVotes, analysis.RuleDrafts} {
				for _, ex := range []bool{false, true} {
					must(x.Vetoes(bg, analysis.VetoQuery{Member: "USA", To: day("2024-03-25"), Rule: rule, Scope: scope, ExcludeAmendments: ex, CountOnly: true}))
				}
			}
		}
	}
}

func BenchmarkCheckClaim(b *testing.B) {
	_, x := realRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		must(x.CheckClaim(bg, analysis.Claim{Member: "USA", Number: 89, To: day("2024-03-25")}))
	}
}

// BenchmarkCoverage builds the coverage of a new index; BenchmarkNew is
// its baseline.
func BenchmarkCoverage(b *testing.B) {
	ds, _ := realRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		analysis.New(ds).Coverage()
	}
}

// TestCountSums checks each count line's numbers and sources, which
// CountVetoes adds up from each line's running sums, against the line's
// vetoes in the period added one at a time, for every permanent member,
// a seat, every member at once and a member with no veto, over periods
// that cut the record anywhere.
func TestCountSums(t *testing.T) {
	_, x := realRecord(t)
	start := day("1946-01-01")
	var periods [][2]time.Time
	for y := 1946; y <= 2030; y += 3 {
		periods = append(periods, [2]time.Time{day(fmt.Sprintf("%d-06-15", y)), {}}, [2]time.Time{{}, day(fmt.Sprintf("%d-02-01", y))})
	}
	rng := rand.New(rand.NewPCG(3, 5))
	for range 200 {
		a, b := rng.IntN(30000), rng.IntN(30000)
		periods = append(periods, [2]time.Time{start.AddDate(0, 0, min(a, b)), start.AddDate(0, 0, max(a, b))})
	}
	periods = append(periods, [2]time.Time{}, [2]time.Time{day("2000-01-01"), day("1999-01-01")})
	compared := 0
	for _, member := range []string{"USA", "GBR", "FRA", "CHN", "SUN+RUS", "RUS", "", "BRA"} {
		for _, p := range periods {
			c := must(x.CountVetoes(bg, member, p[0], p[1]))
			want := analysis.CountLinesReference(x, member, p[0], p[1])
			for k, l := range c.Lines {
				w := want[k]
				got := analysis.CountLine{Name: l.Name, Rule: l.Rule, Scope: l.Scope, Count: l.Count, WithoutAmendments: l.WithoutAmendments,
					Amendments: l.Amendments, ToListEnd: l.ToListEnd, AfterListEnd: l.AfterListEnd, OnList: l.OnList, NotOnList: l.NotOnList, Sources: l.Sources}
				if diff := cmp.Diff(w, got); diff != "" {
					t.Fatalf("CountVetoes(%q, %v, %v) line %s (-vetoes one at a time +sums):\n%s", member, p[0], p[1], l.Name, diff)
				}
				compared++
			}
		}
	}
	if compared < 4000 {
		t.Fatalf("compared %d lines, want every line of each member and period", compared)
	}
}
