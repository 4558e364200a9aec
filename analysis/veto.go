package analysis

import (
	"cmp"
	"context"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"unsc"
	"unsc/internal/lazy"
	"unsc/record"
)

// Counting rules for vetoes. Sources count vetoes differently: the UN's
// veto list counts a joint veto once for each member that cast it; others
// count vetoed drafts.
const (
	// RuleMemberVotes counts each permanent member's negative vote that
	// defeated a proposal: a joint veto by China and Russia counts one for
	// each. It is how the UN veto list's per-member totals are tallied.
	RuleMemberVotes = "member-votes"
	// RuleDrafts counts each vetoed proposal once, however many permanent
	// members vetoed it.
	RuleDrafts = "drafts"
)

// Scopes of the vetoes counted.
const (
	// ScopeRecord is every veto the record shows: each decision whose
	// outcome (see Outcome) is a veto, with the members the record names.
	ScopeRecord = "record"
	// ScopeUNList is the Dag Hammarskjöld Library's veto list, row by row
	// and with the members each row names, up to the list's last date,
	// plus the vetoes the record derives after it.
	ScopeUNList = "un-list"
)

const numScopes = 2

func scopeIndex(s string) int {
	if s == ScopeUNList {
		return 1
	}
	return 0
}

var ruleDescriptions = lazy.Value[map[string]string]{Make: func() map[string]string {
	return map[string]string{
		RuleMemberVotes: "Each permanent member's negative vote that defeated a proposal counts one for that member, so a joint veto counts once for each member that cast it, as the UN veto list's per-member totals do.",
		RuleDrafts:      "Each vetoed proposal counts once, however many permanent members voted against it.",
	}
}}

var scopeDescriptions = lazy.Value[map[string]string]{Make: func() map[string]string {
	return map[string]string{
		ScopeRecord: "Every decision the record shows defeated by a veto: derived by the Charter engine from the per-member votes or the count, or as the sources record it where neither is known. It includes vetoes the UN veto list omits, such as S/1996/952 (the 1996 vote on the Secretary-General, taken in a private meeting).",
		ScopeUNList: "The Dag Hammarskjöld Library's veto list (1946–2004 from the official list in A/58/47, Annex III), counted row by row with the members each row names, up to its last date; after that date, the vetoes the record derives, which no official list yet counts.",
	}
}}

// vetoItem is one veto as a scope counts it.
type vetoItem struct {
	i         int // the decision
	members   []unsc.Code
	amendment bool
	listed    bool   // a row of the UN veto list
	ref       string // the list row, for listed items
}

// recordVetoList returns the vetoes under ScopeRecord, built once from the
// decisions' outcomes and vetoes alone.
func (x *Index) recordVetoList() []vetoItem {
	x.recordVetoesOnce.Do(func() {
		if vetoed, ok := x.vetoedFromSums(); ok {
			// Only the decisions vetoed are read.
			x.recordVetoes = make([]vetoItem, len(vetoed))
			for k, i := range vetoed {
				x.recordVetoes[k] = vetoItem{i: int(i), members: x.vetoedBy(int(i)), amendment: x.amendment(int(i))}
			}
			return
		}
		if x.cols != nil {
			x.cols.EachVeto(func(i int, by []unsc.Code) {
				x.recordVetoes = append(x.recordVetoes, vetoItem{i: i, members: by, amendment: x.amendment(i)})
			})
			return
		}
		for i := range x.ds {
			if d := &x.ds[i]; outcomeOf(d) == unsc.Vetoed {
				x.recordVetoes = append(x.recordVetoes, vetoItem{i: i, members: d.VetoedBy, amendment: d.Amendment})
			}
		}
	})
	return x.recordVetoes
}

// scopeVetoes returns the vetoes under a scope (ScopeRecord, ScopeUNList).
func (x *Index) scopeVetoes(scope string) []vetoItem {
	if scope == ScopeRecord {
		return x.recordVetoList()
	}
	return x.vetoLists()[scopeIndex(scope)]
}

// vetoLists returns the vetoes under each scope and the UN list's last
// date, built once.
func (x *Index) vetoLists() *[numScopes][]vetoItem {
	x.vetoesOnce.Do(func() {
		x.vetoes[0] = x.recordVetoList()
		// One pass over the reports: the list's rows, and the vetoes it
		// does not list, kept until its last date is known. Only
		// decisions vetoed or on the list have either.
		var listEnd int64
		var listed, unlisted []vetoItem
		for i := range x.n {
			vetoed := x.outcome(i) == unsc.Vetoed
			if x.cols != nil && !vetoed && !x.listed(i) {
				continue
			}
			d := x.d(i)
			inList := false
			for k := range d.Reports {
				if r := &d.Reports[k]; r.Source == unsc.SourceDHLVetoes {
					inList = true
					listEnd = max(listEnd, dayNumber(r.Date))
					listed = append(listed, vetoItem{i: i, members: r.VetoedBy, amendment: r.Amendment || d.Amendment, listed: true, ref: r.Ref})
				}
			}
			if !inList && vetoed {
				unlisted = append(unlisted, vetoItem{i: i, members: d.VetoedBy, amendment: d.Amendment})
			}
		}
		x.listEnd = time.Unix(listEnd*86400, 0).UTC()
		// The list's rows and the vetoes after its last date, in the
		// record's order.
		all := make([]vetoItem, 0, len(listed)+len(unlisted))
		for _, v := range unlisted {
			if x.day(v.i) <= listEnd {
				continue
			}
			for len(listed) > 0 && listed[0].i < v.i {
				all = append(all, listed[0])
				listed = listed[1:]
			}
			all = append(all, v)
		}
		x.vetoes[1] = append(all, listed...)
	})
	return &x.vetoes
}

// VetoQuery selects and groups vetoes. The zero value counts every veto in
// the record under RuleMemberVotes, amendments included.
type VetoQuery struct {
	// Member narrows the vetoes to those a member cast: a code ("USA") or a
	// seat of several codes ("SUN+RUS").
	Member string `json:"member,omitempty"`
	// From and To bound the dates, inclusive; zero leaves them open.
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
	// Rule is RuleMemberVotes (default) or RuleDrafts.
	Rule string `json:"rule,omitempty"`
	// Scope is ScopeRecord (default) or ScopeUNList.
	Scope string `json:"scope,omitempty"`
	// ExcludeAmendments leaves out vetoes of amendments, which are counted
	// by default and marked.
	ExcludeAmendments bool `json:"exclude_amendments,omitempty"`
	// GroupBy is "", "member", "year", "decade", "agenda", "topic",
	// "region", "kind" (single or joint) or "type" (draft or amendment),
	// or two of them joined by a comma ("member,decade", "topic,member"):
	// then each group is a pair, Key of the first and Key2 of the second.
	GroupBy string `json:"group_by,omitempty"`
	// CountOnly leaves the list of vetoes out of the answer.
	CountOnly bool `json:"count_only,omitempty"`
	// Topic narrows the vetoes to those on one topic of regions.csv (see
	// Topics).
	Topic string `json:"topic,omitempty"`
}

// VetoGroupings are the values VetoQuery.GroupBy accepts, alone or two
// joined by a comma.
var VetoGroupings = []string{"member", "year", "decade", "agenda", "topic", "region", "kind", "type"}

// VetoAnswer is the answer to a VetoQuery.
type VetoAnswer struct {
	Member string `json:"member,omitempty"`
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	Topic  string `json:"topic,omitempty"`
	// Period is the period the answer covers, as the record holds it.
	Period Period `json:"period"`
	// Rule and Scope name the counting convention; RuleNote and ScopeNote
	// say it in a sentence.
	Rule      string `json:"rule"`
	RuleNote  string `json:"rule_note"`
	Scope     string `json:"scope"`
	ScopeNote string `json:"scope_note"`
	// Amendments is "included" or "excluded".
	Amendments string `json:"amendments"`
	// Sources lists the sources the counted vetoes rest on.
	Sources []unsc.Source `json:"sources"`
	// Count is the number of vetoes under the rule.
	Count int `json:"count"`
	// Drafts counts the vetoed proposals and MemberVotes the members'
	// vetoes, whatever the rule; with Member set, MemberVotes counts only
	// that member's.
	Drafts      int `json:"drafts"`
	MemberVotes int `json:"member_votes"`
	Single      int `json:"single"`
	Joint       int `json:"joint"`
	OfDrafts    int `json:"of_drafts"`
	// OfAmendments counts vetoed amendments (included in the counts above
	// unless excluded).
	OfAmendments int         `json:"of_amendments"`
	GroupBy      string      `json:"group_by,omitempty"`
	Groups       []VetoGroup `json:"groups,omitempty"`
	// GroupNote says how groups add up, where that needs saying.
	GroupNote string      `json:"group_note,omitempty"`
	Vetoes    []VetoEntry `json:"vetoes,omitempty"`
}

// VetoGroup is one group of a grouped answer.
type VetoGroup struct {
	// Key is the group's value of the first grouping, Key2 of the second
	// (empty with one grouping).
	Key   string `json:"key"`
	Key2  string `json:"key2,omitempty"`
	Count int    `json:"count"`
}

// groupDims returns the groupings of a GroupBy, none for "".
func groupDims(groupBy string) []string {
	if groupBy == "" {
		return nil
	}
	return strings.Split(groupBy, ",")
}

// VetoEntry is one veto.
type VetoEntry struct {
	Date        string        `json:"date"`
	Symbol      string        `json:"symbol"`
	Draft       string        `json:"draft,omitempty"`
	Meeting     string        `json:"meeting,omitempty"`
	Amendment   bool          `json:"amendment"`
	AmendmentTo string        `json:"amendment_to,omitempty"`
	VetoedBy    []unsc.Code   `json:"vetoed_by"`
	Joint       bool          `json:"joint"`
	Agenda      string        `json:"agenda,omitempty"`
	Topic       string        `json:"topic"`
	Region      string        `json:"region"`
	InUNList    bool          `json:"in_un_list"`
	Sources     []unsc.Source `json:"sources"`
	// ListRef is the row of the UN veto list counted, in the un-list scope.
	ListRef string `json:"list_ref,omitempty"`
}

// CheckVetoQuery returns an *unsc.Error (EINVALID) naming the field of q
// that is not valid.
func CheckVetoQuery(q VetoQuery) error {
	if q.Rule != "" && q.Rule != RuleMemberVotes && q.Rule != RuleDrafts {
		return unsc.Errorf(unsc.EINVALID, "rule", "%q: want %s or %s", q.Rule, RuleMemberVotes, RuleDrafts)
	}
	if q.Scope != "" && q.Scope != ScopeRecord && q.Scope != ScopeUNList {
		return unsc.Errorf(unsc.EINVALID, "scope", "%q: want %s or %s", q.Scope, ScopeRecord, ScopeUNList)
	}
	if q.GroupBy != "" {
		dims := strings.Split(q.GroupBy, ",")
		for _, d := range dims {
			if !slices.Contains(VetoGroupings, d) {
				return unsc.Errorf(unsc.EINVALID, "group_by", "%q: want one of %s, or two of them joined by a comma (member,decade)", d, strings.Join(VetoGroupings, ", "))
			}
		}
		if len(dims) > 2 || len(dims) == 2 && dims[0] == dims[1] {
			return unsc.Errorf(unsc.EINVALID, "group_by", "%q: want one grouping or two different ones joined by a comma, such as member,decade", q.GroupBy)
		}
	}
	return checkPeriod(q.From, q.To)
}

func checkPeriod(from, to time.Time) error {
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return unsc.Errorf(unsc.EINVALID, "to", "%s is before from %s", to.Format(dateLayout), from.Format(dateLayout))
	}
	return nil
}

// Vetoes answers a VetoQuery. Invalid values of Rule, Scope and GroupBy
// fall back to their defaults; check them first with CheckVetoQuery. It
// stops with ctx's error when ctx is done.
func (x *Index) Vetoes(ctx context.Context, q VetoQuery) (VetoAnswer, error) {
	if err := ctx.Err(); err != nil {
		return VetoAnswer{}, err
	}
	rule := q.Rule
	if rule != RuleDrafts {
		rule = RuleMemberVotes
	}
	scope := q.Scope
	if scope != ScopeUNList {
		scope = ScopeRecord
	}
	a := VetoAnswer{
		Member: q.Member, From: formatDate(q.From), To: formatDate(q.To), Topic: q.Topic, Period: x.PeriodOf(q.From, q.To, VetoKinds...),
		Rule: rule, RuleNote: ruleDescriptions.Get()[rule],
		Scope: scope, ScopeNote: scopeDescriptions.Get()[scope],
		Amendments: "included", GroupBy: q.GroupBy,
	}
	if scope == ScopeUNList {
		a.ScopeNote += " The list's last date here: " + x.ListEnd().Format(dateLayout) + "."
	}
	if q.ExcludeAmendments {
		a.Amendments = "excluded"
	}
	var filter []unsc.Code
	if q.Member != "" {
		filter = seatCodes(q.Member)
	}
	groups := map[[2]string]int{}
	var sources sourceSet
	// One function for every veto's sources, not one made for each
	// (7,500 at 30 times the record).
	addSource := func(s unsc.Source) { sources |= 1 << sourceBit(s) }
	lo, hi := x.span(q.From, q.To)
	var dates []string
	dims := groupDims(q.GroupBy)
	if slices.Contains(dims, "year") || slices.Contains(dims, "decade") || !q.CountOnly {
		dates = x.dateStrings()
	}
	var regions []uint8
	if slices.Contains(dims, "topic") || slices.Contains(dims, "region") || !q.CountOnly || q.Topic != "" {
		regions = x.regionIndex()
	}
	for k, v := range x.scopeVetoes(scope) {
		if err := stopped(ctx, k); err != nil {
			return VetoAnswer{}, err
		}
		if v.i < lo || v.i >= hi || (q.ExcludeAmendments && v.amendment) {
			continue
		}
		if q.Topic != "" && regionOf(regions[v.i]).topic != q.Topic {
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
		weight := 1
		if rule == RuleMemberVotes {
			weight = mine
		}
		a.Count += weight
		a.Drafts++
		a.MemberVotes += mine
		if len(v.members) > 1 {
			a.Joint++
		} else {
			a.Single++
		}
		if v.amendment {
			a.OfAmendments++
		} else {
			a.OfDrafts++
		}
		if v.listed {
			sources |= 1 << sourceBit(unsc.SourceDHLVetoes)
		} else {
			x.eachSource(v.i, addSource)
		}
		if len(dims) > 0 {
			// A member's group counts each veto it cast once (a joint
			// veto in the group of each member that cast it); other
			// groups count under the rule.
			keys := [2]string{}
			for k, dim := range dims {
				if dim != "member" {
					keys[k] = x.vetoKey(dim, v, dates, regions)
				}
			}
			if slices.Contains(dims, "member") {
				at := slices.Index(dims, "member")
				for _, m := range v.members {
					if filter == nil || slices.Contains(filter, m) {
						keys[at] = string(m)
						groups[keys]++
					}
				}
			} else {
				groups[keys] += weight
			}
		}
		if !q.CountOnly {
			a.Vetoes = append(a.Vetoes, x.vetoEntry(v, dates, regions))
		}
	}
	a.Sources = sourceList(sources)
	if len(dims) > 0 {
		a.Groups = make([]VetoGroup, 0, len(groups))
		for k, n := range groups {
			a.Groups = append(a.Groups, VetoGroup{Key: k[0], Key2: k[1], Count: n})
		}
		slices.SortFunc(a.Groups, func(p, q VetoGroup) int {
			return cmp.Or(cmp.Compare(p.Key, q.Key), cmp.Compare(p.Key2, q.Key2))
		})
		if slices.Contains(dims, "member") && rule == RuleDrafts {
			a.GroupNote = "Each member's group counts the drafts it vetoed, so a joint veto appears in the group of each member that cast it and the groups add up to more than the count."
		}
	}
	return a, nil
}

func (x *Index) vetoKey(by string, v vetoItem, dates []string, regions []uint8) string {
	switch by {
	case "year":
		return dates[v.i][:4]
	case "decade":
		return dates[v.i][:3] + "0s"
	case "agenda":
		return x.d(v.i).Agenda
	case "topic":
		return regionOf(regions[v.i]).topic
	case "region":
		return regionOf(regions[v.i]).region
	case "kind":
		if len(v.members) > 1 {
			return "joint"
		}
		return "single"
	case "type":
		if v.amendment {
			return "amendment"
		}
		return "draft"
	}
	return ""
}

func (x *Index) vetoEntry(v vetoItem, dates []string, regions []uint8) VetoEntry {
	d := x.d(v.i)
	r := regionOf(regions[v.i])
	return VetoEntry{
		Date: dates[v.i], Symbol: record.Symbol(*d), Draft: d.Draft, Meeting: d.Meeting,
		Amendment: v.amendment, AmendmentTo: d.AmendmentTo,
		VetoedBy: v.members, Joint: len(v.members) > 1,
		Agenda: d.Agenda, Topic: r.topic, Region: r.region,
		InUNList: v.listed || x.listed(v.i), Sources: d.Sources, ListRef: v.ref,
	}
}

// listed reports whether the UN veto list includes decision i.
func (x *Index) listed(i int) bool {
	return x.hasSource(i, unsc.SourceDHLVetoes)
}

// sourceSet holds sources as bits of sourceOrder: wide enough for every
// source (a uint8 once dropped the ninth and tenth).
type sourceSet uint16

var sourceOrder = [...]unsc.Source{unsc.SourceUNDL, unsc.SourceDHLMeetings, unsc.SourceDHLVetoes, unsc.SourceDPPA, unsc.SourcePress, unsc.SourceResearch, unsc.SourceSpreadsheet, unsc.SourceFailedDrafts, unsc.SourceWPDVetoes, unsc.SourceCRUNSC}

func sourceBit(s unsc.Source) int {
	if i := slices.Index(sourceOrder[:], s); i >= 0 {
		return i
	}
	return len(sourceOrder)
}

// sourceList returns the sources of set, in sourceOrder: a list made once
// for each set, the first time it is asked for (a question of the command
// line asks for one or two: making all 1,024 at once was a tenth of
// `vetoes --by member`'s CPU), which callers only read; it has no room
// beyond its sources, so that an append copies it.
func sourceList(set sourceSet) []unsc.Source {
	if int(set) >= len(sourceSetLists) {
		return makeSourceList(set)
	}
	at := &sourceSetLists[set]
	if l := at.Load(); l != nil {
		return *l
	}
	// Two answers asking at once may each make it: the lists are equal,
	// and the first stored is kept.
	l := makeSourceList(set)
	at.CompareAndSwap(nil, &l)
	return *at.Load()
}

// sourceSetLists holds sourceList's lists, by set.
var sourceSetLists [1 << len(sourceOrder)]atomic.Pointer[[]unsc.Source]

func makeSourceList(set sourceSet) []unsc.Source {
	out := make([]unsc.Source, 0, bits.OnesCount16(uint16(set)))
	for i, s := range sourceOrder {
		if set&(1<<i) != 0 {
			out = append(out, s)
		}
	}
	return out
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return dayString(dayNumber(t))
}

// formatDates returns formatDate(from) and formatDate(to), written in one
// string where both are given.
func formatDates(from, to time.Time) (string, string) {
	if from.IsZero() || to.IsZero() {
		return formatDate(from), formatDate(to)
	}
	return dayStrings2(dayNumber(from), dayNumber(to))
}

// ListEnd returns the last date of the UN veto list in the record.
func (x *Index) ListEnd() time.Time {
	x.vetoLists()
	return x.listEnd
}

func itoa(n int) string { return strconv.Itoa(n) }
