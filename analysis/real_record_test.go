package analysis_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/analysis"
)

func byMember(a analysis.VetoAnswer) map[string]int {
	out := map[string]int{}
	for _, g := range a.Groups {
		out[g.Key] = g.Count
	}
	return out
}

// TestRealVetoesUNList pins the Dag Hammarskjöld Library's veto list as
// its HTML page gives it (to 26 May 2022): counted row by row, each member
// named on a row one veto (see package dhl).
func TestRealVetoesUNList(t *testing.T) {
	_, x := realRecord(t)
	if got := x.ListEnd().Format("2006-01-02"); got != "2022-05-26" {
		t.Fatalf("ListEnd() = %s, want 2022-05-26", got)
	}
	a := must(x.Vetoes(bg, analysis.VetoQuery{Scope: analysis.ScopeUNList, To: x.ListEnd(), GroupBy: "member", CountOnly: true}))
	want := map[string]int{"SUN": 90, "USA": 82, "RUS": 30, "GBR": 29, "CHN": 17, "FRA": 17}
	if diff := cmp.Diff(want, byMember(a)); diff != "" {
		t.Errorf("UN list vetoes per member to 2022-05-26 (-want +got):\n%s", diff)
	}
	if a.Count != 265 || !cmp.Equal(a.Sources, []unsc.Source{unsc.SourceDHLVetoes}) {
		t.Errorf("UN list member-votes = %d from %v, want 265 from dhl-vetoes only", a.Count, a.Sources)
	}
}

// TestRealUSCount pins /work/shared/data/README.md's derived US total: 89
// by 2025-06-04 counting the UN list and the vetoes after it, 88 without
// the 2023-12-22 oral amendment; and the record's one more, S/1996/952,
// which the list omits.
func TestRealUSCount(t *testing.T) {
	_, x := realRecord(t)
	got := map[string][2]int{}
	for _, l := range must(x.CountVetoes(bg, "USA", time.Time{}, day("2025-06-04"))).Lines {
		got[l.Name] = [2]int{l.Count, l.WithoutAmendments}
	}
	want := map[string][2]int{
		"member-votes/un-list": {89, 88}, "drafts/un-list": {89, 88},
		"member-votes/record": {90, 89}, "drafts/record": {90, 89},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CountVetoes(USA, to 2025-06-04) (-want +got):\n%s", diff)
	}
	rec := must(x.Vetoes(bg, analysis.VetoQuery{Member: "USA", To: day("2022-05-26")}))
	list := must(x.Vetoes(bg, analysis.VetoQuery{Member: "USA", To: day("2022-05-26"), Scope: analysis.ScopeUNList}))
	var extra []string
	for _, v := range rec.Vetoes {
		if !v.InUNList {
			extra = append(extra, v.Symbol)
		}
	}
	if diff := cmp.Diff([]string{"S/1996/952"}, extra); diff != "" || rec.Count != list.Count+1 {
		t.Errorf("US vetoes in the record but not the UN list (-want +got):\n%s; counts %d vs %d", diff, rec.Count, list.Count)
	}
}

// TestRealRecordVetoes pins the record's own count, member by member,
// where it differs from the list: S/1996/952 (USA, 1996).
func TestRealRecordVetoes(t *testing.T) {
	_, x := realRecord(t)
	a := must(x.Vetoes(bg, analysis.VetoQuery{To: day("2022-05-26"), GroupBy: "member", CountOnly: true}))
	want := map[string]int{"SUN": 90, "USA": 83, "RUS": 30, "GBR": 29, "CHN": 17, "FRA": 17}
	if diff := cmp.Diff(want, byMember(a)); diff != "" {
		t.Errorf("record vetoes per member to 2022-05-26 (-want +got):\n%s", diff)
	}
	// Grouped counts add up to the total under the drafts rule.
	for _, by := range []string{"year", "decade", "region", "topic", "kind", "type"} {
		g := must(x.Vetoes(bg, analysis.VetoQuery{Rule: analysis.RuleDrafts, GroupBy: by, CountOnly: true}))
		sum := 0
		for _, k := range g.Groups {
			sum += k.Count
		}
		if sum != g.Count {
			t.Errorf("Vetoes(group by %s) groups add up to %d, want the count %d", by, sum, g.Count)
		}
	}
}

// TestRealAtrocityFlags checks atrocity.csv against the record: every
// draft it names is a veto in the record on that topic's date.
func TestRealAtrocityFlags(t *testing.T) {
	ds, x := realRecord(t)
	vetoed := map[string]bool{}
	for _, d := range ds {
		if analysis.Outcome(d) == unsc.Vetoed && d.Draft != "" {
			vetoed[d.Draft] = true
		}
	}
	for _, f := range analysis.AtrocityFlags() {
		if f.Kind == "draft" && !vetoed[f.Value] {
			t.Errorf("atrocity.csv names %s, which the record has no veto of", f.Value)
		}
		if f.Source == "" {
			t.Errorf("atrocity.csv %s has no source", f.Value)
		}
	}
	r, _ := analysis.RulesNamed(analysis.RulesNoVetoAtrocity)
	a := must(x.WhatIf(bg, analysis.WhatIfQuery{Rules: r}))
	if a.Flipped != len(analysis.AtrocityFlags()) {
		t.Errorf("WhatIf(no veto on atrocities) flips %d, want one per atrocity.csv row, %d", a.Flipped, len(analysis.AtrocityFlags()))
	}
	for _, f := range a.Flips {
		if !f.Atrocity || f.After != "adopted" {
			t.Errorf("WhatIf(no veto on atrocities) flip %+v, want a flagged draft adopted", f)
		}
	}
}

// TestRealVetoInitiative checks gadebates.csv against the record and the
// default calendar: each debate is on a veto the record has, on its date,
// and met the deadline.
func TestRealVetoInitiative(t *testing.T) {
	_, x := realRecord(t)
	a := must(x.VetoInitiative(bg, analysis.DefaultCalendar()))
	found := 0
	for _, v := range a.Vetoes {
		if v.Date < "2022-04-26" {
			t.Errorf("veto %s of %s is before GA res 76/262", v.Symbol, v.Date)
		}
		if v.Debate != nil {
			found++
			if v.InTime == nil || !*v.InTime {
				t.Errorf("debate on %s on %s, deadline %s: want in time", v.Symbol, v.Debate.Date, v.Deadline)
			}
		}
	}
	if found != len(analysis.Debates()) {
		t.Errorf("debates matched to vetoes = %d, want every row of gadebates.csv, %d", found, len(analysis.Debates()))
	}
	// Each row of gadebates.csv is a veto the record has, on its date, and
	// the Assembly met after it: a row whose veto is not in the record, or
	// whose meeting is not after the veto, fails here.
	vetoes := map[[2]string]analysis.InitiativeVeto{}
	for _, v := range a.Vetoes {
		vetoes[[2]string{v.Symbol, v.Date}] = v
	}
	for _, d := range analysis.Debates() {
		v, ok := vetoes[[2]string{d.Draft, d.VetoDate}]
		if !ok {
			t.Errorf("gadebates.csv: %s vetoed on %s is not a veto of the record since 26 April 2022", d.Draft, d.VetoDate)
			continue
		}
		if d.Date <= v.Date {
			t.Errorf("gadebates.csv: the Assembly met on %s on %s, want a day after the veto of %s", d.Draft, d.Date, v.Date)
		}
		if v.Debate == nil || *v.Debate != d || v.Met != d.Text() {
			t.Errorf("VetoInitiative gives %s of %s the meeting %+v (%q), want %+v", d.Draft, d.VetoDate, v.Debate, v.Met, d)
		}
	}
	// All 20 vetoes to 18 September 2025 have the Assembly's meeting, six
	// of them an emergency special session.
	sessions, known := 0, 0
	for _, v := range a.Vetoes {
		if v.Date > "2025-09-18" {
			continue
		}
		if v.Debate == nil {
			t.Errorf("veto %s of %s: no meeting of the Assembly, want one from gadebates.csv", v.Symbol, v.Date)
			continue
		}
		known++
		if v.Debate.Kind == analysis.KindEmergencySession {
			sessions++
		}
	}
	if known != 20 || sessions != 6 {
		t.Errorf("vetoes to 2025-09-18 with a meeting = %d, %d of them an emergency special session; want 20 and 6", known, sessions)
	}
	if len(a.Vetoes) < 19 || a.Vetoes[0].Symbol != "S/2022/431" || a.Vetoes[0].Deadline != "2022-06-10" {
		t.Errorf("VetoInitiative first %+v of %d, want S/2022/431 with deadline 2022-06-10 among at least 19", a.Vetoes[0], len(a.Vetoes))
	}
	// The list names its period, that of the vetoed drafts and amendments:
	// from the resolution on.
	if want := x.PeriodOf(analysis.VetoInitiativeStart, time.Time{}, analysis.VetoKinds...); !cmp.Equal(a.Period, want) || want.From != "2022-04-26" {
		t.Errorf("VetoInitiative period = %+v, want %+v from 2022-04-26", a.Period, want)
	}
	// So does a search.
	if s := must(x.Search(bg, analysis.SearchQuery{Text: "ceasefire", From: day("2000-01-01"), To: day("2010-12-31")})); s.Period.From != "2000-01-01" || s.Period.To != "2010-12-31" || s.Period.Text == "" {
		t.Errorf("Search(2000..2010) period = %+v, want 2000-01-01 to 2010-12-31 with its text", s.Period)
	}
}

// TestRealQuestions checks the casebook's facts (RULES.md §6) through the
// questions.
func TestRealQuestions(t *testing.T) {
	_, x := realRecord(t)
	// "Every draft the UK abstained on since 2000" includes S/2023/970
	// (case 10) and S/2024/312 (case 14).
	s := must(x.Search(bg, analysis.SearchQuery{Member: "GBR", Position: unsc.Abstain, PositionSet: true, From: day("2000-01-01"), Limit: analysis.MaxLimit}))
	var syms []string
	for _, h := range s.Decisions {
		syms = append(syms, h.Symbol)
	}
	for _, want := range []string{"S/2023/970", "S/2024/312"} {
		if !slices.Contains(syms, want) {
			t.Errorf("Search(GBR abstained since 2000) lacks %s (%d found)", want, s.Total)
		}
	}
	// Resolution 2728 (case 13), found by words of its agenda.
	s = must(x.Search(bg, analysis.SearchQuery{Text: "palestinian middle", From: day("2024-03-25"), To: day("2024-03-25"), Outcome: unsc.Adopted}))
	if s.Total != 1 || s.Decisions[0].Resolution != "S/RES/2728 (2024)" || s.Decisions[0].Abstain != 1 {
		t.Errorf("Search(2024-03-25 adopted) = %+v, want S/RES/2728 (2024) 14-0-1", s.Decisions)
	}
	// Agreement since 2000 among the permanent seats.
	m := must(x.Agreement(bg, analysis.AgreementQuery{From: day("2000-01-01")}))
	cell := func(a, b string) analysis.Cell {
		i, j := slices.Index(m.Members, a), slices.Index(m.Members, b)
		return m.Cells[i][j]
	}
	chnRus, usaGbr, usaRus := cell("CHN", "SUN+RUS"), cell("USA", "GBR"), cell("USA", "SUN+RUS")
	if chnRus.N < 1500 || *chnRus.Share < 0.9 || *usaGbr.Share < 0.95 || *usaRus.Share > *chnRus.Share {
		t.Errorf("agreement since 2000: CHN-RUS %.3f (n %d), USA-GBR %.3f, USA-RUS %.3f; want CHN-RUS above 0.9 over 1500 decisions, USA-GBR above 0.95, USA-RUS below CHN-RUS",
			*chnRus.Share, chnRus.N, *usaGbr.Share, *usaRus.Share)
	}
	t.Logf("agreement since 2000 (exact): CHN-RUS %.3f n=%d, USA-GBR %.3f n=%d, USA-RUS %.3f", *chnRus.Share, chnRus.N, *usaGbr.Share, usaGbr.N, *usaRus.Share)
	// The USSR's absence from June to August 1950 (case 3): the UN
	// Digital Library codes absence as "X" (present, not participating),
	// so the profile counts it there.
	p := must(x.Member(bg, "SUN"))
	if p.Positions.NotParticipating+p.Positions.Absent == 0 || p.Vetoes != 90 || p.VotesKnown >= p.Decisions {
		t.Errorf("Member(SUN) not participating %d, absent %d, vetoes %d, votes known %d of %d; want some absences, 90 vetoes, votes not known for every decision",
			p.Positions.NotParticipating, p.Positions.Absent, p.Vetoes, p.VotesKnown, p.Decisions)
	}
	// Trends: 2024, the first year with a joint Chinese-Russian veto of a
	// US draft on Gaza (case 11).
	for _, y := range must(x.Trends(bg, day("2024-01-01"), day("2024-12-31"))).Years {
		if y.Year == 2024 && (y.VetoedDrafts < 7 || y.MemberVetoes != y.VetoedDrafts+1) {
			t.Errorf("Trends 2024 vetoed %d, member vetoes %d; want at least 7 and one joint veto", y.VetoedDrafts, y.MemberVetoes)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	ds, _ := realRecord(b)
	for b.Loop() {
		analysis.New(ds)
	}
}

// BenchmarkWarm is what a server pays at start to build every part.
func BenchmarkWarm(b *testing.B) {
	ds, _ := realRecord(b)
	for b.Loop() {
		analysis.New(ds).Warm()
	}
}

func BenchmarkVetoesCount(b *testing.B) {
	_, x := realRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		must(x.CountVetoes(bg, "USA", time.Time{}, day("2024-03-25")))
	}
}

func BenchmarkVetoesGroupByMember(b *testing.B) {
	_, x := realRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		must(x.Vetoes(bg, analysis.VetoQuery{GroupBy: "member"}))
	}
}

func BenchmarkVetoesMemberList(b *testing.B) {
	_, x := realRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		must(x.Vetoes(bg, analysis.VetoQuery{Member: "USA", From: day("2000-01-01")}))
	}
}

func BenchmarkSearchText(b *testing.B) {
	_, x := realRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		must(x.Search(bg, analysis.SearchQuery{Text: "middle east palestinian"}))
	}
}

func BenchmarkSearchPosition(b *testing.B) {
	_, x := realRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		must(x.Search(bg, analysis.SearchQuery{Member: "GBR", Position: unsc.Abstain, PositionSet: true, From: day("2000-01-01")}))
	}
}

func BenchmarkMember(b *testing.B) {
	_, x := realRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		must(x.Member(bg, "SUN+RUS"))
	}
}

func BenchmarkAgreement(b *testing.B) {
	_, x := realRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		must(x.Agreement(bg, analysis.AgreementQuery{}))
	}
}

func BenchmarkTrends(b *testing.B) {
	_, x := realRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		must(x.Trends(bg, time.Time{}, time.Time{}))
	}
}

func BenchmarkWhatIf(b *testing.B) {
	_, x := realRecord(b)
	r, _ := analysis.RulesNamed(analysis.RulesNoVeto)
	b.ReportAllocs()
	for b.Loop() {
		must(x.WhatIf(bg, analysis.WhatIfQuery{Rules: r}))
	}
}

func BenchmarkWhatIfUncached(b *testing.B) {
	ds, _ := realRecord(b)
	r, _ := analysis.RulesNamed(analysis.RulesNoVeto)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		x := analysis.New(ds)
		b.StartTimer()
		must(x.WhatIf(bg, analysis.WhatIfQuery{Rules: r}))
	}
}

func BenchmarkVetoInitiative(b *testing.B) {
	_, x := realRecord(b)
	cal := analysis.DefaultCalendar()
	b.ReportAllocs()
	for b.Loop() {
		must(x.VetoInitiative(bg, cal))
	}
}

// The BenchmarkCLI benchmarks measure what one CLI command costs after the
// record is loaded: New and the first answer of one question, on a fresh
// index each time.

func BenchmarkCLIVetoesByMember(b *testing.B) {
	ds, _ := realRecord(b)
	for b.Loop() {
		must(analysis.New(ds).Vetoes(bg, analysis.VetoQuery{GroupBy: "member"}))
	}
}

func BenchmarkCLIVetoesCount(b *testing.B) {
	ds, _ := realRecord(b)
	for b.Loop() {
		must(analysis.New(ds).CountVetoes(bg, "USA", time.Time{}, day("2024-03-25")))
	}
}

func BenchmarkCLISearchText(b *testing.B) {
	ds, _ := realRecord(b)
	for b.Loop() {
		must(analysis.New(ds).Search(bg, analysis.SearchQuery{Text: "middle east palestinian"}))
	}
}

func BenchmarkCLISearchPosition(b *testing.B) {
	ds, _ := realRecord(b)
	for b.Loop() {
		must(analysis.New(ds).Search(bg, analysis.SearchQuery{Member: "GBR", Position: unsc.Abstain, PositionSet: true, From: day("2000-01-01"), Limit: analysis.MaxLimit}))
	}
}

func BenchmarkCLIMember(b *testing.B) {
	ds, _ := realRecord(b)
	for b.Loop() {
		must(analysis.New(ds).Member(bg, "USA"))
	}
}

func BenchmarkCLIAgreement(b *testing.B) {
	ds, _ := realRecord(b)
	for b.Loop() {
		must(analysis.New(ds).Agreement(bg, analysis.AgreementQuery{From: day("2000-01-01")}))
	}
}

func BenchmarkCLITrends(b *testing.B) {
	ds, _ := realRecord(b)
	for b.Loop() {
		must(analysis.New(ds).Trends(bg, time.Time{}, time.Time{}))
	}
}

func BenchmarkCLIWhatIf(b *testing.B) {
	ds, _ := realRecord(b)
	r, _ := analysis.RulesNamed(analysis.RulesNoVeto)
	for b.Loop() {
		must(analysis.New(ds).WhatIf(bg, analysis.WhatIfQuery{Rules: r}))
	}
}

func BenchmarkCLIVetoInitiative(b *testing.B) {
	ds, _ := realRecord(b)
	for b.Loop() {
		must(analysis.New(ds).VetoInitiative(bg, analysis.DefaultCalendar()))
	}
}

// BenchmarkPeriodOf is the period every answer of the API carries, asked
// for a new period each time (as the server's uncached answers are), for
// the kinds a veto answer counts and for every kind.
func BenchmarkPeriodOf(b *testing.B) {
	_, x := realRecord(b)
	x.Warm()
	start := day("1946-01-01")
	for _, kinds := range [][]string{analysis.VetoKinds, analysis.Kinds} {
		b.Run(strconv.Itoa(len(kinds)), func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n++
				x.PeriodOf(start.AddDate(0, 0, n%28000), day("2030-01-01"), kinds...)
			}
		})
	}
}

// TestRealClaimNamesTheStatedPeriod: a claim checked with no end date is
// checked to the day the answer's period states (the last day the record
// holds every veto, 31 December 2025), not to the record's last decision
// before it (29 December 2025), so that the verdict and the answer's first
// line name the same period.
func TestRealClaimNamesTheStatedPeriod(t *testing.T) {
	_, x := realRecord(t)
	cc := must(x.CheckClaim(bg, analysis.Claim{Member: "USA", Number: 89}))
	p := x.PeriodOf(time.Time{}, time.Time{}, analysis.VetoKinds...)
	end, err := time.Parse("2006-01-02", p.To)
	if err != nil {
		t.Fatalf("PeriodOf(vetoes).To = %q: %v", p.To, err)
	}
	if cc.AsOf != p.To || !strings.Contains(cc.Verdict, "to "+end.Format("2 January 2006")+")") {
		t.Errorf("CheckClaim(USA, 89) as of %s, verdict %q; want both to name the period's end, %s", cc.AsOf, cc.Verdict, p.To)
	}
}
