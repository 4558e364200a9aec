package analysis_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/analysis"
	"unsc/charter"
	"unsc/record"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// vote makes a decision of date with every member of the Council of that
// date voting yes except as given, derived by the Charter engine as the
// record derives it.
func vote(date, draft string, except map[unsc.Code]unsc.Position) unsc.Decision {
	c, err := charter.CouncilOn(day(date))
	if err != nil {
		panic(err)
	}
	v := map[unsc.Code]unsc.Position{}
	for _, m := range c.Members {
		v[m.Code] = unsc.Yes
	}
	for c, p := range except {
		v[c] = p
	}
	d := unsc.Decision{Date: day(date), Draft: draft, Votes: unsc.VotesOf(v), Agenda: "The situation in the Middle East", Sources: []unsc.Source{unsc.SourceSpreadsheet}}
	derive(&d)
	return d
}

func derive(d *unsc.Decision) {
	r, err := record.Derive(*d)
	if err != nil {
		panic(err)
	}
	d.Derived = r.Outcome
	d.Recorded = r.Outcome
	d.Tally = unsc.Tally{Yes: r.Yes, No: r.No, Abstain: r.Abstain, Known: true}
	d.VetoedBy = nil
	for _, m := range r.VetoedBy {
		d.VetoedBy = append(d.VetoedBy, m.Code)
	}
}

const (
	Y = unsc.Yes
	N = unsc.No
	A = unsc.Abstain
)

// handMade is a small record: a joint veto, a single veto, a vetoed
// amendment, an adopted resolution with an abstention, and a draft short
// of votes.
func handMade() []unsc.Decision {
	joint := vote("2024-03-22", "S/2024/239", map[unsc.Code]unsc.Position{"CHN": N, "RUS": N, "DZA": N, "GUY": A})
	single := vote("2024-04-18", "S/2024/312", map[unsc.Code]unsc.Position{"USA": N, "GBR": A, "CHE": A})
	single.Agenda = "Admission of new members"
	amend := vote("2024-05-02", "", map[unsc.Code]unsc.Position{"USA": N})
	amend.Amendment, amend.AmendmentTo = true, "S/2024/400"
	derive(&amend)
	adopted := vote("2024-06-10", "S/2024/439", map[unsc.Code]unsc.Position{"RUS": A})
	adopted.Resolution = "S/RES/2735 (2024)"
	short := vote("2024-07-01", "S/2024/500", map[unsc.Code]unsc.Position{
		"FRA": A, "GBR": A, "USA": N, "DZA": A, "ECU": A, "GUY": A, "JPN": A, "MLT": A, "KOR": A, "SLE": A, "SVN": A, "CHE": A})
	return []unsc.Decision{joint, single, amend, adopted, short}
}

func TestVetoesRules(t *testing.T) {
	x := analysis.New(handMade())
	type counts struct{ Count, Drafts, MemberVotes, Single, Joint, OfAmendments int }
	tests := []struct {
		q    analysis.VetoQuery
		want counts
	}{
		{analysis.VetoQuery{}, counts{4, 3, 4, 2, 1, 1}},
		{analysis.VetoQuery{Rule: analysis.RuleDrafts}, counts{3, 3, 4, 2, 1, 1}},
		{analysis.VetoQuery{ExcludeAmendments: true}, counts{3, 2, 3, 1, 1, 0}},
		{analysis.VetoQuery{Member: "USA"}, counts{2, 2, 2, 2, 0, 1}},
		{analysis.VetoQuery{Member: "SUN+RUS", Rule: analysis.RuleDrafts}, counts{1, 1, 1, 0, 1, 0}},
		{analysis.VetoQuery{From: day("2024-04-01"), To: day("2024-04-30")}, counts{1, 1, 1, 1, 0, 0}},
	}
	for _, tt := range tests {
		a := must(x.Vetoes(bg, tt.q))
		got := counts{a.Count, a.Drafts, a.MemberVotes, a.Single, a.Joint, a.OfAmendments}
		if got != tt.want {
			t.Errorf("Vetoes(%+v) = %+v, want %+v", tt.q, got, tt.want)
		}
	}
	a := must(x.Vetoes(bg, analysis.VetoQuery{Rule: analysis.RuleDrafts, GroupBy: "member"}))
	want := []analysis.VetoGroup{{Key: "CHN", Count: 1}, {Key: "RUS", Count: 1}, {Key: "USA", Count: 2}}
	if diff := cmp.Diff(want, a.Groups); diff != "" {
		t.Errorf("groups by member (-want +got):\n%s", diff)
	}
	a = must(x.Vetoes(bg, analysis.VetoQuery{GroupBy: "topic"}))
	want = []analysis.VetoGroup{{Key: "Admission of new Members", Count: 1}, {Key: "Middle East (other)", Count: 3}}
	if diff := cmp.Diff(want, a.Groups); diff != "" {
		t.Errorf("groups by topic (-want +got):\n%s", diff)
	}
	if a.Rule != analysis.RuleMemberVotes || a.Scope != analysis.ScopeRecord || a.RuleNote == "" {
		t.Errorf("default rule, scope = %q, %q (note %q), want member-votes, record", a.Rule, a.Scope, a.RuleNote)
	}
}

func TestVetoesUNListScope(t *testing.T) {
	listed := vote("2020-07-07", "S/2020/654", map[unsc.Code]unsc.Position{"CHN": N, "RUS": N})
	listed.Reports = []unsc.Report{{Source: unsc.SourceDHLVetoes, Date: day("2020-07-07"), Draft: "S/2020/654", Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"RUS", "CHN"}, Ref: "veto.html:70"}}
	listed.Sources = append(listed.Sources, unsc.SourceDHLVetoes)
	// The record derives a veto the list omits, before the list's last date.
	omitted := vote("2020-03-02", "S/2020/900", map[unsc.Code]unsc.Position{"USA": N})
	// And one after it, which no list covers yet.
	later := vote("2024-04-18", "S/2024/312", map[unsc.Code]unsc.Position{"USA": N})
	x := analysis.New([]unsc.Decision{omitted, listed, later})
	for _, tt := range []struct {
		scope string
		want  []string
	}{
		{analysis.ScopeRecord, []string{"S/2020/900", "S/2020/654", "S/2024/312"}},
		{analysis.ScopeUNList, []string{"S/2020/654", "S/2024/312"}},
	} {
		a := must(x.Vetoes(bg, analysis.VetoQuery{Scope: tt.scope}))
		var got []string
		for _, v := range a.Vetoes {
			got = append(got, v.Symbol)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Vetoes(scope %s) (-want +got):\n%s", tt.scope, diff)
		}
	}
	if got := x.ListEnd(); !got.Equal(day("2020-07-07")) {
		t.Errorf("ListEnd() = %v, want 2020-07-07", got)
	}
	c := must(x.CountVetoes(bg, "USA", time.Time{}, time.Time{}))
	got := map[string]int{}
	for _, l := range c.Lines {
		got[l.Name] = l.Count
		if l.Description == "" || len(l.Sources) == 0 {
			t.Errorf("CountVetoes line %s: description %q, sources %v; want both", l.Name, l.Description, l.Sources)
		}
	}
	wantCounts := map[string]int{"member-votes/un-list": 1, "drafts/un-list": 1, "member-votes/record": 2, "drafts/record": 2}
	if diff := cmp.Diff(wantCounts, got); diff != "" {
		t.Errorf("CountVetoes(USA) (-want +got):\n%s", diff)
	}
}

func TestCheckQueries(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		field string
	}{
		{"bad rule", analysis.CheckVetoQuery(analysis.VetoQuery{Rule: "rows"}), "rule"},
		{"bad scope", analysis.CheckVetoQuery(analysis.VetoQuery{Scope: "wpd"}), "scope"},
		{"bad group", analysis.CheckVetoQuery(analysis.VetoQuery{GroupBy: "colour"}), "group_by"},
		{"reversed period", analysis.CheckVetoQuery(analysis.VetoQuery{From: day("2024-01-01"), To: day("2023-01-01")}), "to"},
		{"negative offset", analysis.CheckSearchQuery(analysis.SearchQuery{Offset: -1}), "offset"},
		{"limit too big", analysis.CheckSearchQuery(analysis.SearchQuery{Limit: analysis.MaxLimit + 1}), "limit"},
		{"position without member", analysis.CheckSearchQuery(analysis.SearchQuery{PositionSet: true}), "position"},
		{"bad abstain rule", analysis.CheckAgreementQuery(analysis.AgreementQuery{Rule: "loose"}), "rule"},
		{"one member", analysis.CheckAgreementQuery(analysis.AgreementQuery{Members: []string{"USA"}}), "members"},
		{"bad holiday", analysis.CheckCalendar(analysis.Calendar{Holidays: []analysis.Holiday{{Date: "1 May"}}}), "holidays[0].date"},
	}
	for _, tt := range tests {
		var e *unsc.Error
		if !errors.As(tt.err, &e) || e.Code != unsc.EINVALID || e.Field != tt.field {
			t.Errorf("%s: error %v, want EINVALID on field %q", tt.name, tt.err, tt.field)
		}
	}
	if err := analysis.CheckVetoQuery(analysis.VetoQuery{Rule: analysis.RuleDrafts, Scope: analysis.ScopeUNList, GroupBy: "region"}); err != nil {
		t.Errorf("CheckVetoQuery(valid) = %v, want nil", err)
	}
	if _, err := analysis.RulesNamed("veto-for-all"); unsc.ErrorCode(err) != unsc.EINVALID {
		t.Errorf("RulesNamed(veto-for-all) error %v, want EINVALID", err)
	}
}

func TestAgreementRules(t *testing.T) {
	// FRA and GBR: Y/Y, A/Y, A/A, N/Y; GBR absent on a fifth.
	ds := []unsc.Decision{
		vote("2024-01-10", "S/2024/1", nil),
		vote("2024-01-11", "S/2024/2", map[unsc.Code]unsc.Position{"FRA": A}),
		vote("2024-01-12", "S/2024/3", map[unsc.Code]unsc.Position{"FRA": A, "GBR": A}),
		vote("2024-01-13", "S/2024/4", map[unsc.Code]unsc.Position{"FRA": N}),
	}
	absent := vote("2024-01-14", "S/2024/5", nil)
	absent.Votes = absent.Votes.Without("GBR")
	derive(&absent)
	ds = append(ds, absent)
	x := analysis.New(ds)
	tests := []struct {
		rule      string
		n         int
		agreed    float64
		wantShare float64
	}{
		{analysis.AbstainExact, 4, 2, 0.5},
		{analysis.AbstainNeutral, 2, 1, 0.5},
		{analysis.AbstainHalf, 4, 2.5, 0.625},
	}
	for _, tt := range tests {
		m := must(x.Agreement(bg, analysis.AgreementQuery{Members: []string{"FRA", "GBR"}, Rule: tt.rule}))
		c := m.Cells[0][1]
		if c.N != tt.n || c.Agreed != tt.agreed || c.Share == nil || *c.Share != tt.wantShare {
			t.Errorf("Agreement(%s) FRA-GBR = n %d agreed %v share %v, want %d %v %v", tt.rule, c.N, c.Agreed, c.Share, tt.n, tt.agreed, tt.wantShare)
		}
		if r := m.Cells[1][0]; r.N != c.N || r.A != "GBR" {
			t.Errorf("Agreement(%s) not symmetric: %+v vs %+v", tt.rule, r, c)
		}
	}
	m := must(x.Agreement(bg, analysis.AgreementQuery{}))
	if diff := cmp.Diff(analysis.PermanentSeats, m.Members); diff != "" {
		t.Errorf("default members (-want +got):\n%s", diff)
	}
	// A member that never sat compares nothing.
	m = must(x.Agreement(bg, analysis.AgreementQuery{Members: []string{"USA", "IND"}}))
	if c := m.Cells[0][1]; c.N != 0 || c.Share != nil {
		t.Errorf("Agreement USA-IND = %+v, want n 0 and no share", c)
	}
}

func TestSearch(t *testing.T) {
	x := analysis.New(handMade())
	abstain := unsc.Abstain
	tests := []struct {
		name string
		q    analysis.SearchQuery
		want []string
	}{
		{"all", analysis.SearchQuery{}, []string{"S/2024/239", "S/2024/312", "amendment to S/2024/400", "S/RES/2735 (2024)", "S/2024/500"}},
		{"words in any order", analysis.SearchQuery{Text: "EAST middle", Sort: analysis.SortDate}, []string{"S/2024/239", "amendment to S/2024/400", "S/RES/2735 (2024)", "S/2024/500"}},
		{"every word must match", analysis.SearchQuery{Text: "middle admission"}, nil},
		{"outcome", analysis.SearchQuery{Outcome: unsc.Failed}, []string{"S/2024/500"}},
		{"UK abstained", analysis.SearchQuery{Member: "GBR", Position: abstain, PositionSet: true}, []string{"S/2024/312", "S/2024/500"}},
		{"seat abstained", analysis.SearchQuery{Member: "SUN+RUS", Position: abstain, PositionSet: true}, []string{"S/RES/2735 (2024)"}},
		{"page", analysis.SearchQuery{Offset: 1, Limit: 2}, []string{"S/2024/312", "amendment to S/2024/400"}},
		{"period", analysis.SearchQuery{From: day("2024-05-01"), To: day("2024-06-30")}, []string{"amendment to S/2024/400", "S/RES/2735 (2024)"}},
	}
	for _, tt := range tests {
		a := must(x.Search(bg, tt.q))
		var got []string
		for _, h := range a.Decisions {
			got = append(got, h.Symbol)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Search(%s) (-want +got):\n%s", tt.name, diff)
		}
	}
	if a := must(x.Search(bg, analysis.SearchQuery{Offset: 1, Limit: 2})); a.Total != 5 {
		t.Errorf("Search(page).Total = %d, want 5", a.Total)
	}
	if a := must(x.Search(bg, analysis.SearchQuery{Member: "GBR", Position: abstain, PositionSet: true})); a.Decisions[0].Position != "A" {
		t.Errorf("Search(GBR abstained) position = %q, want A", a.Decisions[0].Position)
	}
}

func TestMemberAndTrends(t *testing.T) {
	x := analysis.New(handMade())
	p := must(x.Member(bg, "USA"))
	if p.Decisions != 5 || p.VotesKnown != 5 || p.Vetoes != 2 {
		t.Errorf("Member(USA) decisions %d votes_known %d vetoes %d, want 5 5 2", p.Decisions, p.VotesKnown, p.Vetoes)
	}
	if want := (analysis.PositionCounts{Yes: 2, No: 3}); p.Positions != want {
		t.Errorf("Member(USA).Positions = %+v, want %+v", p.Positions, want)
	}
	// With the UK: Y/Y twice, N/A twice, N/Y once.
	var gbr analysis.Sided
	for _, s := range p.Sided {
		if s.Seat == "GBR" {
			gbr = s
		}
	}
	if gbr.N != 5 || gbr.Agreed != 2 {
		t.Errorf("Member(USA) sided with GBR = %+v, want n 5, agreed 2", gbr)
	}
	if len(p.Terms) != 1 || !p.Terms[0].Permanent || p.Terms[0].Start != "1946-01-17" {
		t.Errorf("Member(USA).Terms = %+v, want one permanent term from 1946-01-17", p.Terms)
	}
	if p := must(x.Member(bg, "ECU")); len(p.Terms) == 0 || p.Terms[len(p.Terms)-1].End != "2024-12-31" {
		t.Errorf("Member(ECU).Terms = %+v, want a term ending 2024-12-31", p.Terms)
	}

	tr := must(x.Trends(bg, time.Time{}, time.Time{}))
	want := []analysis.YearTrend{{Year: 2024, Period: "2024", Decisions: 5, Resolutions: 1, CountKnown: 5, Unanimous: 0,
		VetoedDrafts: 3, MemberVetoes: 4, Abstentions: 2 + 1 + 1 + 11, FailedDrafts: 1}}
	if diff := cmp.Diff(want, tr.Years, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".UnanimousShare" }, cmp.Ignore())); diff != "" {
		t.Errorf("Trends (-want +got):\n%s", diff)
	}
	u := analysis.New([]unsc.Decision{vote("2024-01-10", "S/2024/1", nil), vote("2024-01-11", "S/2024/2", map[unsc.Code]unsc.Position{"USA": A})})
	if y := must(u.Trends(bg, time.Time{}, time.Time{})).Years[0]; y.Unanimous != 1 || y.UnanimousShare == nil || *y.UnanimousShare != 0.5 {
		t.Errorf("Trends unanimous = %d share %v, want 1 and 0.5", y.Unanimous, y.UnanimousShare)
	}
}

func TestWhatIf(t *testing.T) {
	// S/2015/508, flagged in atrocity.csv: 10-1-4, Russia against.
	srebrenica := vote("2015-07-08", "S/2015/508", map[unsc.Code]unsc.Position{"CHN": A, "RUS": N, "AGO": A, "NGA": A, "VEN": A})
	ds := append([]unsc.Decision{srebrenica}, handMade()...)
	x := analysis.New(ds)
	flips := func(name string) map[string]string {
		r, err := analysis.RulesNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, f := range must(x.WhatIf(bg, analysis.WhatIfQuery{Rules: r})).Flips {
			out[f.Symbol] = f.Before + ">" + f.After
		}
		return out
	}
	tests := []struct {
		rules string
		want  map[string]string
	}{
		{analysis.RulesNoVeto, map[string]string{"S/2015/508": "vetoed>adopted", "S/2024/239": "vetoed>adopted", "S/2024/312": "vetoed>adopted", "amendment to S/2024/400": "vetoed>adopted"}},
		{analysis.RulesTwoVetoes, map[string]string{"S/2015/508": "vetoed>adopted", "S/2024/312": "vetoed>adopted", "amendment to S/2024/400": "vetoed>adopted"}},
		{analysis.RulesNoVetoAtrocity, map[string]string{"S/2015/508": "vetoed>adopted"}},
		{"deny:USA", map[string]string{"S/2024/312": "vetoed>adopted", "amendment to S/2024/400": "vetoed>adopted"}},
		{"grant:DZA", map[string]string{}},
		// 11 of 15 abstaining leaves 3 yes: short even of 7.
		{analysis.RulesElevenMember, map[string]string{}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, flips(tt.rules)); diff != "" {
			t.Errorf("WhatIf(%s) flips (-want +got):\n%s", tt.rules, diff)
		}
	}
	// A granted veto flips an adopted draft that the member opposed.
	opposed := vote("2024-08-01", "S/2024/600", map[unsc.Code]unsc.Position{"DZA": N})
	x = analysis.New([]unsc.Decision{opposed})
	r, _ := analysis.RulesNamed("grant:DZA")
	a := must(x.WhatIf(bg, analysis.WhatIfQuery{Rules: r}))
	if len(a.Flips) != 1 || a.Flips[0].After != "vetoed" || !cmp.Equal(a.Flips[0].AfterVetoedBy, []unsc.Code{"DZA"}) {
		t.Errorf("WhatIf(grant:DZA) = %+v, want S/2024/600 vetoed by DZA", a.Flips)
	}
	if a.Rules != "grant:DZA" || a.RulesNote == "" {
		t.Errorf("WhatIf rules %q note %q, want grant:DZA with a note", a.Rules, a.RulesNote)
	}
}

func TestDeadline(t *testing.T) {
	tests := []struct {
		cal  analysis.Calendar
		veto string
		want string
	}{
		// Thursday 26 May 2022; Memorial Day 30 May.
		{analysis.DefaultCalendar(), "2022-05-26", "2022-06-10"},
		{analysis.WeekendsOnly(), "2022-05-26", "2022-06-09"},
		// Thursday 18 April 2024: no holiday in the next two weeks.
		{analysis.DefaultCalendar(), "2024-04-18", "2024-05-02"},
		// Friday 22 December 2023: Christmas and New Year's Day observed.
		{analysis.DefaultCalendar(), "2023-12-22", "2024-01-09"},
		{analysis.Calendar{Weekend: []time.Weekday{time.Sunday}}, "2024-04-18", "2024-04-30"},
	}
	for _, tt := range tests {
		if got := tt.cal.Deadline(day(tt.veto)).Format("2006-01-02"); got != tt.want {
			t.Errorf("%s.Deadline(%s) = %s, want %s", tt.cal.Name, tt.veto, got, tt.want)
		}
	}
	if err := analysis.CheckCalendar(analysis.DefaultCalendar()); err != nil {
		t.Errorf("CheckCalendar(DefaultCalendar()) = %v", err)
	}
}

func TestRegions(t *testing.T) {
	tests := []struct {
		agenda   string
		subjects []string
		region   string
		topic    string
	}{
		{"The situation in the Middle East", []string{"Middle East (Syria)"}, analysis.RegionMiddleEast, "Syria"},
		{"The situation in the Middle East", nil, analysis.RegionMiddleEast, "Middle East (other)"},
		{"The Greek question: Ukrainian SSR communication dated 24 August 1946", nil, analysis.RegionEurope, "Greece"},
		{"The situation in Somalia", nil, analysis.RegionAfrica, "Somalia"},
		{"The situation in Mali", nil, analysis.RegionAfrica, "Mali"},
		{"Reconsideration of the applications for admission to the United Nations of Bulgaria, Hungary, Italy and Romania", nil, analysis.RegionOther, "Admission of new Members"},
		{"Non-proliferation - Democratic People's Republic of Korea", nil, analysis.RegionAsia, "Korea"},
		{"Non-proliferation", nil, analysis.RegionOther, "Disarmament and non-proliferation"},
		// The agenda wins over a subject that disagrees.
		{"The situation in the occupied Arab territories", []string{"Angola"}, analysis.RegionMiddleEast, "Israel–Palestine"},
		{"Women and peace and security", nil, analysis.RegionOther, "other"},
	}
	for _, tt := range tests {
		d := vote("2024-01-10", "S/2024/1", map[unsc.Code]unsc.Position{"USA": N})
		d.Agenda, d.Subjects = tt.agenda, tt.subjects
		a := must(analysis.New([]unsc.Decision{d}).Vetoes(bg, analysis.VetoQuery{}))
		if got := a.Vetoes[0]; got.Region != tt.region || got.Topic != tt.topic {
			t.Errorf("region of %q %v = %q, %q; want %q, %q", tt.agenda, tt.subjects, got.Region, got.Topic, tt.region, tt.topic)
		}
	}
}

func TestSearchEmptyPeriod(t *testing.T) {
	x := analysis.New(handMade())
	if a := must(x.Search(bg, analysis.SearchQuery{Text: "middle", From: day("1990-01-01"), To: day("1990-12-31")})); a.Total != 0 || len(a.Decisions) != 0 {
		t.Errorf("Search(text, empty period) = %d found, want none", a.Total)
	}
	if a := must(analysis.New(nil).Search(bg, analysis.SearchQuery{Text: "middle"})); a.Total != 0 {
		t.Errorf("Search on an empty record = %d found, want none", a.Total)
	}
}

func TestVetoesTwoGroupings(t *testing.T) {
	x := analysis.New(handMade())
	one := must(x.Vetoes(bg, analysis.VetoQuery{GroupBy: "member", CountOnly: true}))
	two := must(x.Vetoes(bg, analysis.VetoQuery{GroupBy: "member,decade", CountOnly: true}))
	// Every veto in the hand-made record is of the 2020s: the pairs are
	// the members' groups, each with the decade.
	if len(two.Groups) != len(one.Groups) {
		t.Fatalf("member,decade groups %+v, want one per member as in %+v", two.Groups, one.Groups)
	}
	for i, g := range two.Groups {
		if g.Key != one.Groups[i].Key || g.Key2 != "2020s" || g.Count != one.Groups[i].Count {
			t.Errorf("member,decade group %d = %+v, want %+v in the 2020s", i, g, one.Groups[i])
		}
	}
	// The other way round, by type then member: the amendment's veto in
	// its own group.
	tm := must(x.Vetoes(bg, analysis.VetoQuery{GroupBy: "type,member", CountOnly: true}))
	got := map[string]int{}
	total := 0
	for _, g := range tm.Groups {
		got[g.Key+"/"+g.Key2] = g.Count
		total += g.Count
	}
	if got["amendment/USA"] != 1 || total != one.MemberVotes {
		t.Errorf("type,member groups = %v, want amendment/USA 1 and %d in all", got, one.MemberVotes)
	}
	for _, bad := range []string{"member,member", "member,decade,year", "member,colour", "member,"} {
		if err := analysis.CheckVetoQuery(analysis.VetoQuery{GroupBy: bad}); err == nil {
			t.Errorf("CheckVetoQuery(group_by %q) = nil, want an error", bad)
		}
	}
	if err := analysis.CheckVetoQuery(analysis.VetoQuery{GroupBy: "topic,member"}); err != nil {
		t.Errorf("CheckVetoQuery(topic,member) = %v, want nil", err)
	}
}

func TestRealTrendsByDecade(t *testing.T) {
	_, x := realRecord(t)
	years, decades := must(x.Trends(bg, time.Time{}, time.Time{})), must(x.TrendsByDecade(bg, time.Time{}, time.Time{}))
	sums := map[int]int{}
	vetoes := map[int]int{}
	for _, y := range years.Years {
		sums[y.Year-y.Year%10] += y.Decisions
		vetoes[y.Year-y.Year%10] += y.VetoedDrafts
	}
	if decades.By != "decade" || len(decades.Years) != len(sums) || decades.Years[0].Period != "1940s" {
		t.Fatalf("TrendsByDecade: by %q, %d decades from %q; want decades from the 1940s, %d of them", decades.By, len(decades.Years), decades.Years[0].Period, len(sums))
	}
	for _, d := range decades.Years {
		if d.Decisions != sums[d.Year] || d.VetoedDrafts != vetoes[d.Year] || d.UnanimousShare == nil {
			t.Errorf("decade %s: %d decisions, %d vetoed; want the sums of its years, %d and %d, and a share unanimous", d.Period, d.Decisions, d.VetoedDrafts, sums[d.Year], vetoes[d.Year])
		}
	}
}

// A veto's sources are all the sources it rests on, the ninth and tenth of
// the known sources (the World Politics Data Lab list, the CR-UNSC files)
// as well as the first.
func TestVetoesNameEverySource(t *testing.T) {
	d := vote("2017-10-24", "S/2017/884", map[unsc.Code]unsc.Position{"RUS": N})
	d.Sources = []unsc.Source{unsc.SourceUNDL, unsc.SourceWPDVetoes, unsc.SourceCRUNSC}
	a := must(analysis.New([]unsc.Decision{d}).Vetoes(bg, analysis.VetoQuery{}))
	for _, s := range d.Sources {
		if !slices.Contains(a.Sources, s) {
			t.Errorf("Vetoes sources %v; want %s among them", a.Sources, s)
		}
	}
}
