package analysis

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/internal/lazy"
)

// Fact checks: the number of vetoes a member cast under every way of
// counting them, each number broken into its parts, and a claimed number
// checked against them all.

var countDescriptions = lazy.Value[map[string]string]{Make: func() map[string]string {
	return map[string]string{
		"member-votes/un-list": "Each permanent member's veto counted once for that member, row by row as the Dag Hammarskjöld Library's veto list gives them (1946–2004 from A/58/47, Annex III) up to its last date, plus the record's vetoes after it.",
		"drafts/un-list":       "Each row of the UN veto list (one vetoed proposal) counted once however many members vetoed it, plus each vetoed proposal the record derives after the list's last date.",
		"member-votes/record":  "Each permanent member's veto counted once for that member over every veto the record derives from the votes, including vetoes the UN list omits such as S/1996/952.",
		"drafts/record":        "Each vetoed proposal the record derives counted once however many members vetoed it, including vetoes the UN list omits such as S/1996/952.",
	}
}}

// lineDescriptions are countDescriptions by line, in countRules' order.
var lineDescriptions = lazy.Value[[len(countRules)]string]{Make: func() (out [len(countRules)]string) {
	for k, name := range countNames {
		out[k] = countDescriptions.Get()[name]
	}
	return out
}}

// VetoCount is the answer to a fact check: the number of vetoes a member
// cast in a period under each counting rule, each with its parts.
type VetoCount struct {
	Member string `json:"member,omitempty"`
	// MemberName names the member or seat with its names at the time:
	// "United States (USA)".
	MemberName string `json:"member_name,omitempty"`
	From       string `json:"from,omitempty"`
	To         string `json:"to,omitempty"`
	// Period is the period the counts cover, as the record holds it.
	Period Period `json:"period"`
	// ListEnd is the last date of the UN veto list: the un-list scope
	// counts its rows to that date and the record's vetoes after it.
	ListEnd string      `json:"list_end"`
	Lines   []CountLine `json:"counts"`
	// NotOnList lists the record's vetoes to ListEnd that the UN veto
	// list does not give (for the member asked about): what makes the
	// record scope's count larger.
	NotOnList []VetoEntry `json:"not_on_list"`
	// NotInRecord lists the UN veto list's rows to ListEnd that the record
	// does not count as vetoes (of the member): a negative vote on a
	// preliminary question, or on a draft short of the votes it needed.
	NotInRecord []VetoEntry `json:"not_in_record"`
	// Amendments lists the vetoes of amendments in the period, which
	// every count includes and the counts without_amendments leave out.
	Amendments []VetoEntry `json:"amendments"`
	// Claim is the check of a claimed number, when one was given.
	Claim *ClaimCheck `json:"claim,omitempty"`
}

// CountLine is one counting rule's number, with its parts.
type CountLine struct {
	// Name is "rule/scope", e.g. "member-votes/un-list".
	Name  string `json:"name"`
	Rule  string `json:"rule"`
	Scope string `json:"scope"`
	Count int    `json:"count"`
	// WithoutAmendments is the count with vetoes of amendments left out;
	// Amendments the vetoes of amendments it includes.
	WithoutAmendments int `json:"without_amendments"`
	Amendments        int `json:"amendments"`
	// ToListEnd counts the vetoes up to the UN list's last date, and
	// AfterListEnd those after it: Count is their sum. In the un-list
	// scope the first are the list's rows; in the record scope they are
	// the record's vetoes, OnList of them on the list and NotOnList not.
	ToListEnd    int `json:"to_list_end"`
	AfterListEnd int `json:"after_list_end"`
	OnList       int `json:"on_list"`
	NotOnList    int `json:"not_on_list"`
	// Parts says the sum in words.
	Parts       string        `json:"parts"`
	Description string        `json:"description"`
	Sources     []unsc.Source `json:"sources"`
}

// countRules are the rules and scopes of a fact check, in the order of its
// lines.
var countRules = [...][2]string{
	{RuleMemberVotes, ScopeUNList}, {RuleDrafts, ScopeUNList},
	{RuleMemberVotes, ScopeRecord}, {RuleDrafts, ScopeRecord},
}

// countNames are the names of countRules' lines: rule/scope.
var countNames = [...]string{
	RuleMemberVotes + "/" + ScopeUNList, RuleDrafts + "/" + ScopeUNList,
	RuleMemberVotes + "/" + ScopeRecord, RuleDrafts + "/" + ScopeRecord,
}

// countItem is one veto as a line of a fact check counts it.
type countItem struct {
	v      vetoItem
	day    int64
	weight int // under the line's rule, for the member asked about
}

// countItems returns the vetoes of a scope that member (nil for every
// member) cast, weighted under rule, in date order, from the day from on
// (math.MinInt64 for every day).
func (x *Index) countItems(scope, rule string, filter []unsc.Code, from int64, amendments bool) []countItem {
	var out []countItem
	for _, v := range x.scopeVetoes(scope) {
		if x.day(v.i) < from || (!amendments && v.amendment) {
			continue
		}
		mine := len(v.members)
		if filter != nil {
			mine = 0
			for _, m := range v.members {
				if slices.Contains(filter, m) {
					mine++
				}
			}
			if mine == 0 {
				continue
			}
		}
		w := 1
		if rule == RuleMemberVotes {
			w = mine
		}
		out = append(out, countItem{v: v, day: x.day(v.i), weight: w})
	}
	return out
}

// recordVetoes returns, for each decision the record counts as vetoed by
// member (every member when filter is nil), the members of filter that
// vetoed it.
func (x *Index) recordVetoers(filter []unsc.Code) map[int][]unsc.Code {
	out := map[int][]unsc.Code{}
	for _, v := range x.recordVetoList() {
		for _, m := range v.members {
			if filter == nil || slices.Contains(filter, m) {
				out[v.i] = append(out[v.i], m)
			}
		}
	}
	return out
}

// CountVetoes counts the vetoes member cast from..to (zero times leave the
// period open; an empty member counts every member's) under each counting
// rule and scope, each count with its parts: the UN veto list to its last
// date and the record after it, with and without vetoes of amendments; and
// lists the vetoes on which the list and the record differ. The member's
// vetoes are weighed and listed once over the whole record (vetoCounts);
// an answer adds up the part in its period. It stops with ctx's error when
// ctx is done.
func (x *Index) CountVetoes(ctx context.Context, member string, from, to time.Time) (VetoCount, error) {
	c, err := x.countVetoesIn(ctx, member, from, to, nil, nil, true)
	if err != nil {
		return VetoCount{}, err
	}
	c.Period.Text = c.Period.text()
	return c, nil
}

// CountVetoesIn returns CountVetoes(ctx, member, from, to) without its
// period's text (Period.AppendText writes it) nor its lines' Parts
// (CountLine.AppendParts writes them, with the count's ListEnd), the
// period's kinds in kinds and its lines in lines where they have room: for
// a caller that writes the answer itself.
func (x *Index) CountVetoesIn(ctx context.Context, member string, from, to time.Time, kinds []KindPeriod, lines []CountLine) (VetoCount, error) {
	return x.countVetoesIn(ctx, member, from, to, kinds, lines, false)
}

// countVetoesIn is CountVetoesIn, with the lines' Parts when texts.
func (x *Index) countVetoesIn(ctx context.Context, member string, from, to time.Time, kinds []KindPeriod, lines []CountLine, texts bool) (VetoCount, error) {
	if err := ctx.Err(); err != nil {
		return VetoCount{}, err
	}
	vc := x.vetoCounts(member)
	// The counts are made whole, once, even for a client that has gone.
	if err := ctx.Err(); err != nil {
		return VetoCount{}, err
	}
	c := VetoCount{
		Member: member, MemberName: vc.name, Period: x.periodBoundsIn(kinds, from, to, VetoKinds),
		ListEnd: vc.listEnd, Lines: lines[:0],
	}
	c.From, c.To = formatDates(from, to)
	if cap(lines) < len(countRules) {
		c.Lines = make([]CountLine, 0, len(countRules))
	}
	lo, hi := x.span(from, to)
	for k, rs := range countRules {
		rule, scope := rs[0], rs[1]
		name := countNames[k]
		l := CountLine{Name: name, Rule: rule, Scope: scope, Description: lineDescriptions.Get()[k]}
		// The line's vetoes in the span, added up from its running sums.
		ls := &vc.lines[k]
		a, _ := slices.BinarySearch(ls.at, lo)
		b, _ := slices.BinarySearch(ls.at, hi)
		s, e := &ls.sums[a], &ls.sums[b]
		var sources sourceSet
		for bit := range e.sources {
			if e.sources[bit] > s.sources[bit] {
				sources |= 1 << bit
			}
		}
		l.Count = int(e.weight - s.weight)
		l.Amendments = int(e.amendments - s.amendments)
		l.AfterListEnd = int(e.after - s.after)
		l.ToListEnd = l.Count - l.AfterListEnd
		if scope == ScopeRecord {
			l.OnList = int(e.on - s.on)
			l.NotOnList = l.ToListEnd - l.OnList
		}
		l.Sources = sourceList(sources)
		l.WithoutAmendments = l.Count - l.Amendments
		if texts {
			l.Parts = l.parts(c.ListEnd)
		}
		c.Lines = append(c.Lines, l)
	}
	c.NotOnList = entriesIn(vc.notOnList, lo, hi)
	c.NotInRecord = entriesIn(vc.notInRecord, lo, hi)
	c.Amendments = entriesIn(vc.amendments, lo, hi)
	return c, nil
}

// vetoCounts is what a fact check counts for one member (a seat of
// codes, or every member), over the whole record: each line's vetoes,
// weighed under its rule, and the vetoes on which the list and the record
// differ, each in the record's order.
type vetoCounts struct {
	name    string // charter.SeatName of the member
	listEnd string // the UN veto list's last date
	lines   [4]countSums
	// The vetoes the record counts and the list does not, to the list's
	// last date; the list's rows the record does not count; the vetoes of
	// amendments.
	notOnList, notInRecord, amendments entries
}

// countedVeto is one veto as a line of a fact check counts it.
type countedVeto struct {
	i      int // the decision
	weight int // under the line's rule, for the member asked about
	// on is the part of weight the UN veto list gives (in the record
	// scope, to the list's last date).
	on        int
	amendment bool
	after     bool      // after the list's last date
	sources   sourceSet // the sources it rests on, as bits of sourceOrder
}

// countSums are a line's vetoes, in the record's order, and their running
// sums, so that the line's count over any span of decisions is two binary
// searches and a subtraction: at[j] is the decision of vetoes[j], and
// sums[j] the sums over the vetoes before it (len(vetoes)+1 of them).
// vetoes is read by the tests only, which add a line up one veto at a
// time against the sums (TestCountSums).
type countSums struct {
	vetoes []countedVeto
	at     []int
	sums   []countSum
}

// countSum is the sums of a line's vetoes up to one of them: their weight,
// that of the vetoes of amendments and of those after the list's last
// date, the part the UN veto list gives (to that date), and for each
// source (sourceBit, whose last bit is a source not in sourceOrder) how
// many rest on it.
type countSum struct {
	weight, amendments, after, on int32
	sources                       [len(sourceOrder) + 1]int32
}

// sumCounted returns the running sums of vs, in the record's order.
func sumCounted(vs []countedVeto) countSums {
	cs := countSums{vetoes: vs, at: make([]int, len(vs)), sums: make([]countSum, len(vs)+1)}
	for j, v := range vs {
		cs.at[j] = v.i
		s := cs.sums[j]
		s.weight += int32(v.weight)
		if v.amendment {
			s.amendments += int32(v.weight)
		}
		if v.after {
			s.after += int32(v.weight)
		} else {
			s.on += int32(v.on)
		}
		for bit := range s.sources {
			if v.sources&(1<<bit) != 0 {
				s.sources[bit]++
			}
		}
		cs.sums[j+1] = s
	}
	return cs
}

// entries are vetoes listed in a fact check, in the record's order:
// list[k] is of decision at[k].
type entries struct {
	at   []int
	list []VetoEntry
}

func (es *entries) add(i int, e VetoEntry) {
	es.at = append(es.at, i)
	es.list = append(es.list, e)
}

// entriesIn returns the entries of es of decisions lo to hi-1, never nil:
// a part of the list kept for the member, not a copy (with no room beyond
// it, so that an append copies it), which callers only read.
func entriesIn(es entries, lo, hi int) []VetoEntry {
	a, _ := slices.BinarySearch(es.at, lo)
	b, _ := slices.BinarySearch(es.at, hi)
	if b <= a {
		return []VetoEntry{}
	}
	return es.list[a:b:b]
}

// vetoCounts returns member's vetoCounts, made once and kept (for a
// bounded number of members: callers can name any seat).
func (x *Index) vetoCounts(member string) *vetoCounts {
	x.countsMu.Lock()
	vc, ok := x.counts[member]
	x.countsMu.Unlock()
	if ok {
		return vc
	}
	vc = x.countVetoes(member)
	x.countsMu.Lock()
	if len(x.counts) >= 512 {
		clear(x.counts)
	}
	x.counts[member] = vc
	x.countsMu.Unlock()
	return vc
}

func (x *Index) countVetoes(member string) *vetoCounts {
	vc := &vetoCounts{listEnd: formatDate(x.ListEnd())}
	var filter []unsc.Code
	if member != "" {
		vc.name = charter.SeatName(member)
		filter = seatCodes(member)
	}
	listEnd := dayNumber(x.ListEnd())
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
	for k, rs := range countRules {
		rule, scope := rs[0], rs[1]
		items := x.countItems(scope, rule, filter, math.MinInt64, true)
		vs := make([]countedVeto, 0, len(items))
		for _, it := range items {
			i := it.v.i
			v := countedVeto{i: i, weight: it.weight, amendment: it.v.amendment, after: it.day > listEnd}
			// The sources it rests on, as Vetoes gives them.
			if it.v.listed {
				v.sources = 1 << sourceBit(unsc.SourceDHLVetoes)
			} else {
				for _, s := range x.d(i).Sources {
					v.sources |= 1 << sourceBit(s)
				}
			}
			if scope == ScopeRecord && !v.after {
				// The part of this veto the list gives, under the rule.
				for _, m := range vetoers[i] {
					if slices.Contains(listed[i], m) {
						v.on++
					}
				}
				if rule == RuleDrafts {
					v.on = min(v.on, 1)
				}
			}
			vs = append(vs, v)
		}
		vc.lines[k] = sumCounted(vs)
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
	for _, i := range vetoed {
		rec, lst := vetoers[i], listed[i]
		if x.day(i) <= listEnd {
			if missing := without(rec, lst); len(missing) > 0 {
				vc.notOnList.add(i, x.vetoEntry(vetoItem{i: i, members: missing, amendment: x.amendment(i)}, dates, regions))
			}
			if extra := without(lst, rec); len(extra) > 0 {
				vc.notInRecord.add(i, x.vetoEntry(vetoItem{i: i, members: extra, amendment: x.amendment(i), listed: true}, dates, regions))
			}
		}
		if x.amendment(i) && len(rec) > 0 {
			vc.amendments.add(i, x.vetoEntry(vetoItem{i: i, members: rec, amendment: true}, dates, regions))
		}
	}
	return vc
}

// without returns the codes of a not in b.
func without(a, b []unsc.Code) []unsc.Code {
	var out []unsc.Code
	for _, c := range a {
		if !slices.Contains(b, c) {
			out = append(out, c)
		}
	}
	return out
}

// parts says a line's sum in words.
func (l CountLine) parts(listEnd string) string {
	// Written on the stack, and copied once into the string.
	var held [192]byte
	return string(l.AppendParts(held[:0], listEnd))
}

// AppendParts appends the line's Parts, the sum in words, given its
// count's ListEnd: for a caller that writes the answer itself
// (CountVetoesIn leaves Parts empty).
func (l *CountLine) AppendParts(b []byte, listEnd string) []byte {
	b = strconv.AppendInt(b, int64(l.ToListEnd), 10)
	if l.Scope == ScopeUNList {
		b = appendLongDay(append(b, " on the UN veto list to "...), listEnd)
		b = strconv.AppendInt(append(b, " + "...), int64(l.AfterListEnd), 10)
		b = append(b, " in the record after it"...)
	} else {
		b = appendLongDay(append(b, " in the record to "...), listEnd)
		b = strconv.AppendInt(append(b, " ("...), int64(l.OnList), 10)
		b = strconv.AppendInt(append(b, " on the UN veto list, "...), int64(l.NotOnList), 10)
		b = strconv.AppendInt(append(b, " not on it) + "...), int64(l.AfterListEnd), 10)
		b = append(b, " after it"...)
	}
	if l.Amendments > 0 {
		b = appendPlural(append(b, "; "...), l.Amendments, "veto", "vetoes")
		b = strconv.AppendInt(append(b, " of amendments, "...), int64(l.WithoutAmendments), 10)
		b = append(b, " without"...)
	} else {
		b = append(b, "; no veto of an amendment"...)
	}
	return b
}

// ClaimCheck says whether a claimed number of vetoes holds, under which
// way of counting and over which days, and which decisions make the
// difference.
type ClaimCheck struct {
	Claim Claim `json:"claim"`
	// Count is the count under every way of counting (CountVetoes), with
	// its parts; nil where the check is part of that count's answer.
	Count *VetoCount `json:"count,omitempty"`
	// AsOf is the last day of the period checked: the claim's To, else the
	// later of the record's last decision and the last day to which the
	// record holds every veto (the period the answer states).
	AsOf string `json:"as_of"`
	// Matches names each way of counting ("rule/scope", or "rule/scope
	// without amendments" where vetoes of amendments are left out) under
	// which the claim holds on AsOf; empty when none does.
	Matches []string `json:"matches"`
	// Verdict says the answer in words: whether and under which ways the
	// record supports the number, and on which days each way stood at it.
	Verdict string      `json:"verdict"`
	Rules   []ClaimRule `json:"rules"`
}

// ClaimRule is one way of counting checked against a claim.
type ClaimRule struct {
	// Name is the line's name, with " without amendments" where vetoes of
	// amendments are left out.
	Name       string `json:"name"`
	Rule       string `json:"rule"`
	Scope      string `json:"scope"`
	Amendments string `json:"amendments"`
	// Count is the count on AsOf; Difference is Count less the claim.
	Count      int  `json:"count"`
	Difference int  `json:"difference"`
	Holds      bool `json:"holds"`
	// HeldFrom and HeldTo bound the days, over the whole record from the
	// period's start, on which the count equals the claim: from the veto
	// that brought it there to the day before the next. HeldTo is empty
	// where the count still equals the claim at the end of the record;
	// both are empty where it never does.
	HeldFrom string `json:"held_from,omitempty"`
	HeldTo   string `json:"held_to,omitempty"`
	// Decisions make the difference: where the count on AsOf is higher,
	// the vetoes that took it past the claim; where it is lower, the
	// record's next vetoes, after AsOf, that bring it to the claim.
	Decisions []VetoEntry `json:"decisions"`
}

// CheckClaim checks a claim (a member, a number of vetoes, a period) under
// every way of counting vetoes: each rule and scope, with and without
// vetoes of amendments. It stops with ctx's error when ctx is done.
func (x *Index) CheckClaim(ctx context.Context, c Claim) (ClaimCheck, error) {
	member, from, to, claim := c.Member, c.From, c.To, c.Number
	period := x.PeriodOf(from, to, VetoKinds...)
	asOf := dayNumber(to)
	if to.IsZero() {
		asOf = 1 << 40
		if x.n > 0 {
			asOf = x.day(x.n - 1)
		}
		// The period the answer states runs to the last day the record
		// is complete for vetoes, which may be after its last decision
		// (31 December 2025, the last veto before it earlier): the check
		// is as of that day, so that its words name the same period.
		if y, m, d, ok := parseDay(period.To); ok {
			if end := dayNumber(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)); end > asOf {
				asOf = end
			}
		}
	}
	count, err := x.CountVetoes(ctx, member, from, to)
	if err != nil {
		return ClaimCheck{}, err
	}
	cc := ClaimCheck{Claim: c, Count: &count, AsOf: dayString(asOf), Matches: []string{}}
	var filter []unsc.Code
	if member != "" {
		filter = seatCodes(member)
	}
	first := dayNumber(charter.FirstMeeting)
	if !from.IsZero() {
		first = max(first, dayNumber(from))
	}
	dates, regions := x.dateStrings(), x.regionIndex()
	for _, rs := range countRules {
		for _, amendments := range []bool{true, false} {
			if err := ctx.Err(); err != nil {
				return ClaimCheck{}, err
			}
			rule, scope := rs[0], rs[1]
			r := ClaimRule{Name: rule + "/" + scope, Rule: rule, Scope: scope, Amendments: "included", Decisions: []VetoEntry{}}
			if !amendments {
				r.Name += " without amendments"
				r.Amendments = "excluded"
			}
			items := x.countItems(scope, rule, filter, first, amendments)
			// The count on each day a veto was cast, and on AsOf.
			cum := 0
			for k, it := range items {
				cum += it.weight
				if it.day <= asOf {
					r.Count = cum
				}
				// The last veto of its day decides the day's count.
				if k+1 < len(items) && items[k+1].day == it.day {
					continue
				}
				if cum == claim && r.HeldFrom == "" {
					r.HeldFrom = dayString(it.day)
					if k+1 < len(items) {
						r.HeldTo = dayString(items[k+1].day - 1)
					}
				}
			}
			if claim == 0 && (len(items) == 0 || items[0].day > first) {
				// No veto yet: the count stands at 0 from the start.
				r.HeldFrom, r.HeldTo = dayString(first), ""
				if len(items) > 0 {
					r.HeldTo = dayString(items[0].day - 1)
				}
			}
			r.Difference = r.Count - claim
			r.Holds = r.Difference == 0
			// The decisions that make the difference.
			cum = 0
			for _, it := range items {
				before := cum
				cum += it.weight
				switch {
				case r.Difference > 0 && it.day <= asOf && cum > claim:
					r.Decisions = append(r.Decisions, x.vetoEntry(it.v, dates, regions))
				case r.Difference < 0 && it.day > asOf && before < claim:
					r.Decisions = append(r.Decisions, x.vetoEntry(it.v, dates, regions))
				}
			}
			if r.Holds {
				cc.Matches = append(cc.Matches, r.Name)
			}
			cc.Rules = append(cc.Rules, r)
		}
	}
	cc.Verdict = cc.verdict(member, period)
	return cc, nil
}

// verdict says a claim check's answer in words: first whether the record
// supports the number and when counting how, then on which days each other
// way of counting stood at it.
func (cc ClaimCheck) verdict(member string, period Period) string {
	var b strings.Builder
	n := strconv.Itoa(cc.Claim.Number)
	when := fmt.Sprintf("from %s to %s", longDay(period.From), longDay(cc.AsOf))
	switch {
	case len(cc.Matches) == len(cc.Rules):
		fmt.Fprintf(&b, "The record supports %s %s under every way of counting.", n, when)
	case len(cc.Matches) > 0:
		var words []string
		for _, r := range cc.Rules {
			if r.Holds {
				w := countWords.Get()[r.Rule+"/"+r.Scope]
				if r.Amendments == "excluded" {
					w += ", leaving out vetoes of amendments"
				}
				words = append(words, w)
			}
		}
		fmt.Fprintf(&b, "The record supports %s when counting %s (%s %s). Other ways of counting give other numbers.", n, strings.Join(words, "; or "), andList(cc.Matches), when)
	default:
		lo, hi := cc.Rules[0].Count, cc.Rules[0].Count
		for _, r := range cc.Rules {
			lo, hi = min(lo, r.Count), max(hi, r.Count)
		}
		if hi > lo {
			fmt.Fprintf(&b, "No way of counting in the record gives %s %s: the counts run from %d to %d.", n, when, lo, hi)
		} else {
			fmt.Fprintf(&b, "No way of counting in the record gives %s %s: every count is %d.", n, when, lo)
		}
	}
	// When the count stands at the claim under the other ways, the ways
	// with the same days together.
	type span struct{ from, to string }
	var spans []span
	names := map[span][]string{}
	for _, r := range cc.Rules {
		if r.Holds || r.HeldFrom == "" {
			continue
		}
		s := span{r.HeldFrom, r.HeldTo}
		if names[s] == nil {
			spans = append(spans, s)
		}
		names[s] = append(names[s], r.Name)
	}
	var stands []string
	for _, s := range spans {
		w := fmt.Sprintf("under %s from %s", andList(names[s]), longDay(s.from))
		if s.to != "" {
			w += " to " + longDay(s.to)
		} else {
			w += " on"
		}
		stands = append(stands, w)
	}
	switch {
	case len(stands) > 0:
		fmt.Fprintf(&b, " The count stands at %s %s.", n, strings.Join(stands, "; "))
	case len(cc.Matches) == 0:
		fmt.Fprintf(&b, " No way of counting stands at %s on any day in the record.", n)
	}
	return b.String()
}

// andList joins words as a sentence does: "a", "a and b", "a, b and c".
func andList(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}
