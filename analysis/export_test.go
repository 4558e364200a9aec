package analysis

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/record"
)

// Hooks for the tests in package analysis_test, which check the parts the
// index builds against the engine and the record directly.

// Replay returns every decision's outcome under the rules as WhatIf sees it.
func (x *Index) Replay(rules charter.Rules) []unsc.Outcome {
	out, err := x.replay(context.Background(), rules)
	if err != nil {
		panic(err)
	}
	return out
}

// ReplayReference replays every decision with an outcome under the Charter
// through record.DeriveUnder, which asks charter.CouncilOn each time.
func ReplayReference(x *Index, rules charter.Rules) []unsc.Outcome {
	out := make([]unsc.Outcome, len(x.ds))
	for i := range x.ds {
		d := &x.ds[i]
		if d.Derived == 0 {
			continue
		}
		flagged := atrocityDraft(d) || atrocityAgenda(d.Agenda)
		if r, err := record.DeriveUnder(atrocityRules(rules, flagged), *d); err == nil {
			out[i] = r.Outcome
		}
	}
	return out
}

// Atrocities returns whether atrocity.csv flags each decision.
func (x *Index) Atrocities() []bool { return x.atrocities() }

// AtrocityReference reports whether atrocity.csv flags a decision, row by
// row.
func AtrocityReference(d unsc.Decision) bool {
	agenda := strings.ToLower(d.Agenda)
	for _, f := range atrocityFlags.Get() {
		switch f.Kind {
		case "draft":
			if d.Draft == f.Value || d.AmendmentTo == f.Value {
				return true
			}
		case "agenda":
			if startsWord(agenda, strings.ToLower(f.Value)) {
				return true
			}
		}
	}
	return false
}

// PositionLetters returns a member's position on every decision as a
// letter ("" where it did not sit or its position is not known), and
// whether it sat.
func (x *Index) PositionLetters(code unsc.Code) ([]string, []bool) {
	pos := x.seatPositions([]unsc.Code{code})
	seated := x.seatedRows([]unsc.Code{code})
	letters, sat := make([]string, len(pos)), make([]bool, len(pos))
	for i, p := range pos {
		letters[i] = posLetters[p]
		sat[i] = seated.at(i)
	}
	return letters, sat
}

// Classify returns a decision's region and topic by regions.csv.
func Classify(d unsc.Decision) (region, topic string) {
	r := regionOf(classifyRow(&d))
	return r.region, r.topic
}

// ClassifyReference classifies as regions.csv says, row by row over the
// joined text.
func ClassifyReference(d unsc.Decision) (region, topic string) {
	head := strings.ToLower(d.Agenda + "\n" + d.Title)
	subjects := strings.ToLower(strings.Join(d.Subjects, "\n"))
	for _, pass := range []struct {
		text    string
		generic bool
	}{{head, false}, {subjects, false}, {head + "\n" + subjects, true}} {
		for _, r := range regionsOf.Get().rows {
			if r.generic == pass.generic && startsWord(pass.text, r.pattern) {
				return r.region, r.topic
			}
		}
	}
	return RegionOther, "other"
}

// TrendsReference counts the record year by year from..to decision by
// decision, as Trends answered before it read running totals.
func TrendsReference(x *Index, from, to time.Time) Trends {
	t := Trends{From: formatDate(from), To: formatDate(to), Period: x.Period(from, to), By: "year", Years: []YearTrend{}, Note: trendsNote}
	lo, hi := x.span(from, to)
	for i := lo; i < hi; i++ {
		y, _, _ := civilDate(x.day(i))
		if len(t.Years) == 0 || t.Years[len(t.Years)-1].Year != y {
			t.Years = append(t.Years, YearTrend{Year: y, Period: itoa(y)})
		}
		yt := &t.Years[len(t.Years)-1]
		outcome := x.outcome(i)
		yt.Decisions++
		if outcome == unsc.Adopted && x.resolution(i) != "" {
			yt.Resolutions++
		}
		switch {
		case x.modality(i) != unsc.ByVote:
			yt.WithoutVote++
		default:
			if t := x.tally(i); t.Known {
				yt.CountKnown++
				if size := len(charterCouncil(x, i).Members); t.Yes == size && size > 0 {
					yt.Unanimous++
				}
				yt.Abstentions += t.Abstain
			}
		}
		switch outcome {
		case unsc.Vetoed:
			yt.VetoedDrafts++
			yt.MemberVetoes += len(x.vetoedBy(i))
		case unsc.Failed:
			yt.FailedDrafts++
		}
	}
	for i := range t.Years {
		if y := &t.Years[i]; y.CountKnown > 0 {
			s := float64(y.Unanimous) / float64(y.CountKnown)
			y.UnanimousShare = &s
		}
	}
	return t
}

// charterCouncil is the Council that took decision i, as charter.CouncilOn
// gives it on its day.
func charterCouncil(x *Index, i int) unsc.Council {
	c, _ := charter.CouncilOn(x.date(i))
	return c
}

// CountVetoesReference is CountVetoes as it counted before it kept each
// member's vetoes: every line counted over the scope's vetoes by Vetoes and
// countItems, every list built anew.
func CountVetoesReference(ctx context.Context, x *Index, member string, from, to time.Time) (VetoCount, error) {
	c := VetoCount{
		Member: member, From: formatDate(from), To: formatDate(to), Period: x.PeriodOf(from, to, VetoKinds...),
		ListEnd: formatDate(x.ListEnd()), NotOnList: []VetoEntry{}, NotInRecord: []VetoEntry{}, Amendments: []VetoEntry{},
	}
	var filter []unsc.Code
	if member != "" {
		c.MemberName = charter.SeatName(member)
		filter = seatCodes(member)
	}
	listEnd := dayNumber(x.ListEnd())
	lo, hi := x.span(from, to)
	dates, regions := x.dateStrings(), x.regionIndex()
	vetoers := x.recordVetoers(filter)
	// The list's rows, by decision, with the members of filter they name.
	listed := map[int][]unsc.Code{}
	for _, v := range x.vetoLists()[scopeIndex(ScopeUNList)] {
		if !v.listed {
			continue
		}
		for _, m := range v.members {
			if filter == nil || slices.Contains(filter, m) {
				listed[v.i] = append(listed[v.i], m)
			}
		}
	}
	for _, rs := range countRules {
		rule, scope := rs[0], rs[1]
		q := VetoQuery{Member: member, From: from, To: to, Rule: rule, Scope: scope, CountOnly: true}
		all, err := x.Vetoes(ctx, q)
		if err != nil {
			return VetoCount{}, err
		}
		l := CountLine{
			Name: rule + "/" + scope, Rule: rule, Scope: scope, Count: all.Count,
			Description: countDescriptions.Get()[rule+"/"+scope], Sources: all.Sources,
		}
		for _, it := range x.countItems(scope, rule, filter, math.MinInt64, true) {
			i := it.v.i
			if i < lo || i >= hi {
				continue
			}
			if it.v.amendment {
				l.Amendments += it.weight
			}
			if it.day > listEnd {
				l.AfterListEnd += it.weight
				continue
			}
			l.ToListEnd += it.weight
			if scope != ScopeRecord {
				continue
			}
			// The part of this veto the list gives, under the rule.
			on := 0
			for _, m := range vetoers[i] {
				if slices.Contains(listed[i], m) {
					on++
				}
			}
			if rule == RuleDrafts {
				on = min(on, 1)
			}
			l.OnList += on
			l.NotOnList += it.weight - on
		}
		l.WithoutAmendments = l.Count - l.Amendments
		l.Parts = partsReference(l, c.ListEnd)
		c.Lines = append(c.Lines, l)
	}
	// The vetoes on which the list and the record differ, to the list's
	// last date, and the vetoes of amendments: over the decisions either
	// counts as vetoed, in the record's order.
	vetoed := make([]int, 0, len(vetoers)+len(listed))
	for i := range vetoers {
		vetoed = append(vetoed, i)
	}
	for i := range listed {
		if _, ok := vetoers[i]; !ok {
			vetoed = append(vetoed, i)
		}
	}
	slices.Sort(vetoed)
	for k, i := range vetoed {
		if err := stopped(ctx, k); err != nil {
			return VetoCount{}, err
		}
		if i < lo || i >= hi {
			continue
		}
		rec, lst := vetoers[i], listed[i]
		if x.day(i) <= listEnd {
			if missing := without(rec, lst); len(missing) > 0 {
				c.NotOnList = append(c.NotOnList, x.vetoEntry(vetoItem{i: i, members: missing, amendment: x.amendment(i)}, dates, regions))
			}
			if extra := without(lst, rec); len(extra) > 0 {
				c.NotInRecord = append(c.NotInRecord, x.vetoEntry(vetoItem{i: i, members: extra, amendment: x.amendment(i), listed: true}, dates, regions))
			}
		}
		if x.amendment(i) && len(rec) > 0 {
			c.Amendments = append(c.Amendments, x.vetoEntry(vetoItem{i: i, members: rec, amendment: true}, dates, regions))
		}
	}
	return c, nil
}

// WhatIfReference is WhatIf as it answered before it kept each set of
// rules' flips: every decision of the period looked at, every flip made
// anew.
func WhatIfReference(ctx context.Context, x *Index, q WhatIfQuery) (WhatIfAnswer, error) {
	rules := q.Rules
	note := rulesNotes.Get()[rules.Name]
	if note == "" {
		note = describeRules(rules)
	}
	a := WhatIfAnswer{From: formatDate(q.From), To: formatDate(q.To), Period: x.Period(q.From, q.To), Rules: rules.Name, RulesNote: note, Flips: []Flip{}}
	after, err := x.replay(ctx, rules)
	if err != nil {
		return WhatIfAnswer{}, err
	}
	lo, hi := x.span(q.From, q.To)
	var dates []string
	var atrocity []bool
	if rules.NoVetoOnAtrocities {
		atrocity = x.atrocities()
	}
	for i := lo; i < hi; i++ {
		if err := stopped(ctx, i-lo); err != nil {
			return WhatIfAnswer{}, err
		}
		d := x.d(i)
		if d.Derived == 0 || after[i] == 0 {
			a.NotReplayable++
			continue
		}
		a.Replayed++
		if after[i] == d.Derived {
			continue
		}
		if dates == nil {
			dates = x.dateStrings()
		}
		var flagged bool
		if atrocity != nil {
			flagged = atrocity[i]
		} else {
			flagged = atrocityDraft(d) || atrocityAgenda(d.Agenda)
		}
		f := Flip{Date: dates[i], Symbol: record.Symbol(*d), Meeting: d.Meeting, Agenda: d.Agenda,
			Atrocity: flagged, Yes: d.Tally.Yes, No: d.Tally.No, Abstain: d.Tally.Abstain,
			Before: d.Derived.String(), After: after[i].String()}
		if d.Derived == unsc.Vetoed {
			f.BeforeVetoedBy = d.VetoedBy
		}
		if after[i] == unsc.Vetoed {
			// The engine itself, through the record, names the vetoes.
			if r, err := record.DeriveUnder(atrocityRules(rules, flagged), *d); err == nil {
				f.AfterVetoedBy = codesOf(r.VetoedBy)
			}
		}
		a.Flips = append(a.Flips, f)
	}
	a.Flipped = len(a.Flips)
	return a, nil
}

// lister is who lists the kinds complete to p.CompleteTo in
// PeriodTextReference: the record, where CuratedCompleteTo makes each of
// them complete to that day, else the sources.
func lister(p Period) string {
	for _, k := range p.Kinds {
		if k.CompleteTo == p.CompleteTo && CuratedCompleteTo[k.Kind] != p.CompleteTo {
			return "the sources list"
		}
	}
	return "the record holds"
}

// PeriodTextReference is Period.text written with fmt, not appended
// directly.
func PeriodTextReference(p Period) string {
	var b strings.Builder
	at := p.kindNames(p.CompleteTo, "and")
	switch {
	case p.CompleteTo == "":
		fmt.Fprintf(&b, "no day the sources cover in full: none of them lists every %s", p.kindNames("", "or"))
	case p.To < p.From:
		fmt.Fprintf(&b, "no day the sources cover in full: they list every %s only to %s", at, longDay(p.CompleteTo))
	case p.AskedTo != "":
		fmt.Fprintf(&b, "%s to %s (asked to %s; %s every %s only to %s)", longDay(p.From), longDay(p.To), longDay(p.AskedTo), lister(p), at, longDay(p.CompleteTo))
	case p.To == p.CompleteTo:
		fmt.Fprintf(&b, "%s to %s, the last day to which %s every %s", longDay(p.From), longDay(p.To), lister(p), at)
	default:
		fmt.Fprintf(&b, "%s to %s", longDay(p.From), longDay(p.To))
	}
	named := map[string]bool{}
	for _, k := range p.Kinds {
		if p.CompleteTo != "" && (p.AskedTo != "" || p.Later > 0) && k.CompleteTo > p.CompleteTo && !named[k.CompleteTo] {
			named[k.CompleteTo] = true
			fmt.Fprintf(&b, "; the record holds every %s to %s", p.kindNames(k.CompleteTo, "and"), longDay(k.CompleteTo))
		}
	}
	if p.Later > 0 && p.CompleteTo != "" {
		verb := "count"
		if p.Later == 1 {
			verb = "counts"
		}
		var missing []string
		for _, k := range p.Kinds {
			if k.CompleteTo == p.CompleteTo {
				missing = append(missing, kindPlurals[k.Kind])
			}
		}
		names := strings.Join(missing, ", ")
		if n := len(missing); n > 1 {
			names = strings.Join(missing[:n-1], ", ") + " and " + missing[n-1]
		}
		fmt.Fprintf(&b, "; the %s the record holds after that, to %s, %s too; %s after %s may be missing",
			plural(p.Later, "decision", "decisions"), longDay(p.LaterLast), verb, names, longDay(p.CompleteTo))
	}
	for _, k := range p.Kinds {
		if k.CompleteFrom > p.From {
			fmt.Fprintf(&b, "; %s are listed in full only from %s", kindPlurals[k.Kind], longDay(k.CompleteFrom))
		}
	}
	for _, k := range p.Kinds {
		switch {
		case k.CompleteTo != "":
		case k.Known > 0:
			fmt.Fprintf(&b, "; %s: %d known, no source lists them all", kindPlurals[k.Kind], k.Known)
		case k.Kind == KindProcedural:
			fmt.Fprintf(&b, "; %s: none known, no source lists them all", kindPlurals[k.Kind])
		}
	}
	return b.String()
}

// PeriodText is p's text as Period writes it.
func PeriodText(p Period) string { return p.text() }

// SearchReference is Search as it answered before it kept the matches of
// the texts asked for: the text matched anew, every match looked at.
func SearchReference(ctx context.Context, x *Index, q SearchQuery) (SearchAnswer, error) {
	limit := q.Limit
	switch {
	case limit <= 0 && q.Uncapped:
		limit = x.n
	case limit <= 0:
		limit = DefaultLimit
	case !q.Uncapped:
		limit = min(limit, MaxLimit)
	}
	offset := max(q.Offset, 0)
	a := SearchAnswer{Period: x.PeriodOf(q.From, q.To, searchKinds(q)...), Offset: offset, Limit: limit, Decisions: []SearchHit{}, OutcomeNote: outcomeNote, Sort: SortDate}
	lo, hi := x.span(q.From, q.To)
	m := x.matcher(q, lo, hi)
	m.text = nil
	if tq := parseText(q.Text); len(tq.words) > 0 {
		m.text = x.textIndex().match(tq)
		if m.text == nil {
			m.text = []scored{}
		}
	}
	if m.text == nil {
		for i := lo; i < hi; i++ {
			if m.inDoubt(i) {
				a.InDoubt++
			}
			if !m.match(i) {
				continue
			}
			if a.Total >= offset && len(a.Decisions) < limit {
				a.Decisions = append(a.Decisions, m.hit(i))
			}
			a.Total++
		}
		return a, nil
	}
	found := make([]scored, 0, len(m.text))
	for _, f := range m.text {
		if f.i >= lo && f.i < hi && m.inDoubt(f.i) {
			a.InDoubt++
		}
		if f.i >= lo && f.i < hi && m.match(f.i) {
			found = append(found, f)
		}
	}
	if q.Sort != SortDate {
		a.Sort, a.SortNote = SortRelevance, relevanceNote
		a.Total = len(found)
		// The reference sorts every match.
		slices.SortFunc(found, func(p, q scored) int {
			if better(p, q) {
				return -1
			}
			return 1
		})
	} else {
		a.Total = len(found)
	}
	for _, f := range found[min(offset, len(found)):min(offset+limit, len(found))] {
		h := m.hit(f.i)
		h.Score = math.Round(f.score*1000) / 1000
		a.Decisions = append(a.Decisions, h)
	}
	return a, nil
}

// SeatColumns returns, for each set of codes, its positions on every
// decision and whether it sat at each, as a question about a few members
// reads them (before the table of every member's positions is built), then
// as the table gives them.
func (x *Index) SeatColumns(sets ...[]unsc.Code) (few, table [][]uint8, fewSat, tableSat [][]bool) {
	sat := func(rows []seating) [][]bool {
		out := make([][]bool, len(rows))
		for k, r := range rows {
			out[k] = make([]bool, x.n)
			for i := range x.n {
				out[k][i] = r.at(i)
			}
		}
		return out
	}
	if x.positionsBuilt.Load() {
		panic("SeatColumns: the table is built already")
	}
	few, rows := x.seatColumns(sets...)
	fewSat = sat(rows)
	x.positionTable()
	table, rows = x.seatColumns(sets...)
	return few, table, fewSat, sat(rows)
}

// DayString is dayString, for its test.
func DayString(n int64) string { return dayString(n) }

// FormatDate is formatDate, for its test.
func FormatDate(t time.Time) string { return formatDate(t) }

// partsReference is CountLine.parts as fmt wrote it.
func partsReference(l CountLine, listEnd string) string {
	var b strings.Builder
	if l.Scope == ScopeUNList {
		fmt.Fprintf(&b, "%d on the UN veto list to %s + %d in the record after it", l.ToListEnd, longDay(listEnd), l.AfterListEnd)
	} else {
		fmt.Fprintf(&b, "%d in the record to %s (%d on the UN veto list, %d not on it) + %d after it", l.ToListEnd, longDay(listEnd), l.OnList, l.NotOnList, l.AfterListEnd)
	}
	if l.Amendments > 0 {
		fmt.Fprintf(&b, "; %s of amendments, %d without", plural(l.Amendments, "veto", "vetoes"), l.WithoutAmendments)
	} else {
		b.WriteString("; no veto of an amendment")
	}
	return b.String()
}

// LongDay writes a YYYY-MM-DD date as answers write it in words.
func LongDay(s string) string { return longDay(s) }

// ParseDebates reads a gadebates.csv of the test's own.
func ParseDebates(name, text string) ([]Debate, error) { return parseDebates(name, text) }

// EmbeddedDebates is the text of the embedded gadebates.csv.
func EmbeddedDebates() string { return debatesCSV }

// MatchText matches text against the full-text index, not through the
// cache of texts asked before, and returns how many decisions it matches.
func (x *Index) MatchText(text string) int {
	return len(x.textIndex().match(parseText(text)))
}

// BuildTextIndex builds the full-text index anew.
func (x *Index) BuildTextIndex() { buildTextIndex(x) }

// IndexedText returns the texts the full-text index reads for the decision
// at place i: its title, agenda item, subjects, the subjects
// search_subjects.csv gives it and the judges it elected.
func (x *Index) IndexedText(i int) []string {
	d := x.d(i)
	curated, _ := searchSubjects()
	out := []string{record.Title(*d), d.Agenda}
	out = append(out, d.Subjects...)
	out = append(out, curated[d.Draft]...)
	out = append(out, d.Elected()...)
	if _, _, names, ok := d.ElectedOnDay(); ok {
		out = append(out, names...)
	}
	return out
}

// DemonymGroups returns demonyms.csv's rows as groups of forms: for each
// row with an adjective, its names and adjectives, and the country.
func DemonymGroups() (countries []string, groups [][]string, err error) {
	t, err := demonyms()
	if err != nil {
		return nil, nil, err
	}
	for _, r := range t.rows {
		countries = append(countries, r.country)
		groups = append(groups, slices.Concat(r.names, r.adjectives))
	}
	return countries, groups, nil
}

// SearchTerm returns the search term of a word (stemmed, folded) and the
// term of its group of country forms, if it has one.
func SearchTerm(word string) (term, group string) {
	tokenize(word, false, func(w string, _ int) { term = w })
	return term, demonymGroups()[term]
}

// ParseDemonyms reads a table in demonyms.csv's form and returns its
// number of rows.
func ParseDemonyms(data string) (int, error) {
	t, err := parseDemonyms(data)
	if err != nil {
		return 0, err
	}
	return len(t.rows), nil
}

// groupForms is demonymGroups inverted: each group's term to its forms'.
var groupForms = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	for term, g := range demonymGroups() {
		out[g] = append(out[g], term)
	}
	return out
})

// UnionForms does the work a search would do at query time were a
// country's forms not indexed as their group's term: for each word of
// text that is a form, it merges the postings of every form of its group
// and their positions, in decision order. It returns the number of
// postings merged. It measures that design (BenchmarkDemonymsAtQuery).
func (x *Index) UnionForms(text string) int {
	t := x.textIndex()
	n := 0
	for _, w := range parseText(text).words {
		forms, ok := groupForms()[w]
		if !ok {
			continue
		}
		var all []posting
		for _, f := range forms {
			if id, ok := t.terms[f]; ok {
				all = append(all, t.post[id]...)
			}
		}
		slices.SortStableFunc(all, func(p, q posting) int { return int(p.doc - q.doc) })
		merged := make([]posting, 0, len(all))
		var pos []uint32
		for k := 0; k < len(all); {
			p := all[k]
			at := len(pos)
			var w float32
			for ; k < len(all) && all[k].doc == p.doc; k++ {
				pos = append(pos, t.pos[all[k].at:all[k].at+all[k].n]...)
				w += all[k].w
			}
			slices.Sort(pos[at:])
			merged = append(merged, posting{doc: p.doc, n: uint32(len(pos) - at), at: uint32(at), w: w})
		}
		n += len(merged)
	}
	return n
}

// CountLinesReference returns member's count lines from..to as
// CountVetoes gave them before their running sums: each of the line's
// vetoes in the period added one at a time. Only the numbers and sources
// are set.
func CountLinesReference(x *Index, member string, from, to time.Time) []CountLine {
	vc := x.vetoCounts(member)
	lo, hi := x.span(from, to)
	var out []CountLine
	for k, rs := range countRules {
		l := CountLine{Name: countNames[k], Rule: rs[0], Scope: rs[1]}
		var sources sourceSet
		for _, v := range vc.lines[k].vetoes {
			if v.i < lo || v.i >= hi {
				continue
			}
			l.Count += v.weight
			sources |= v.sources
			if v.amendment {
				l.Amendments += v.weight
			}
			if v.after {
				l.AfterListEnd += v.weight
				continue
			}
			l.ToListEnd += v.weight
			if l.Scope == ScopeRecord {
				l.OnList += v.on
				l.NotOnList += v.weight - v.on
			}
		}
		l.Sources = sourceList(sources)
		l.WithoutAmendments = l.Count - l.Amendments
		out = append(out, l)
	}
	return out
}
