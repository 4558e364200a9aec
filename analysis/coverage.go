package analysis

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/internal/lazy"
	"unsc/record"
)

// What each source lists, and the kinds of decision it lists in full over
// the dates it covers. A source that lists every decision of a kind makes
// the record complete for that kind to its last date; the others add
// facts, or decisions one by one. No source lists every vote on a
// procedural motion, every preliminary question or every ICJ election.
var sourceLists = lazy.Value[map[unsc.Source]sourceListing]{Make: func() map[unsc.Source]sourceListing {
	// Not the other decisions (an adoption without a resolution's
	// symbol): the UN's volumes (and, for one of 1947, the State
	// Department's published record) give decisions of substance of
	// 1947–1963 taken by a vote without a number that the Library's tables
	// lack, and one of 1975 taken by a vote on no draft (record/curated.csv).
	drafts := []string{KindResolution, KindFailed, KindVetoed}
	return map[unsc.Source]sourceListing{
		unsc.SourceUNDL: {lists: "adopted resolutions, with each member's position"},
		// The Library's tables record a draft voted "as amended", not the
		// vote on the amendment (DATA.md, "Amendments before 2016").
		unsc.SourceDHLMeetings: {lists: "every decision, with its count, but no vote on a procedural motion or on an amendment; the meetings that elected judges of the Court, with no count (a secret ballot)", every: drafts},
		unsc.SourceDHLVetoes:   {lists: "vetoes cast in public meetings"},
		// The spreadsheet's first row is of 6 January 1994 (DATA.md, "The
		// sources").
		unsc.SourceSpreadsheet:  {lists: "every vote from 6 January 1994, adopted or not and amendments included, with each member's position, but no vote on a procedural motion (not official)", every: append(drafts, KindAmendment), from: "1994-01-06"},
		unsc.SourcePress:        {lists: "decisions entered one by one from UN press releases and meetings coverage"},
		unsc.SourceResearch:     {lists: "decisions entered one by one from other public sources"},
		unsc.SourceFailedDrafts: {lists: "a sample of failed votes, with each member's position, hand-entered from the meeting records (not official)"},
		unsc.SourceWPDVetoes:    {lists: "vetoes cast in public meetings, with a crisis topic and region (not official; a copy of the veto list)"},
		unsc.SourceCRUNSC:       {lists: "links to resolutions' records in the UN Digital Library (not official)"},
	}
}}

// sourceListing is what a source lists, the kinds of decision it lists in
// full (none: it lists none in full), and the first day from which it
// does ("": from its first decision).
type sourceListing struct {
	lists string
	every []string
	from  string
}

// CuratedCompleteTo gives, by kind of decision, the last day to which the
// record is known to hold every decision of the kind, where that day is
// later than the last day of the sources that list them in full: the
// curated decisions (sources un-press and research, record/curated.csv)
// fill the rest, and a kind is entered here only when a public source
// shows that none is missing.
//
// Resolutions: to 31 December 2025. Resolutions are numbered in the order
// of their adoption; the record holds resolutions 1 to 2811 each once
// (TestResolutionNumbersInRealRecord; the last of 2025 is 2811, of 29
// December), and resolution 2812 was adopted on 14 January 2026 (the UN's
// Meetings Coverage of that day, in its copy at Mirage News; Security
// Council Report's In Hindsight on 2025, as news summaries quote it: "44
// resolutions were adopted in 2025", 2768 to 2811). See DATA.md, "The
// record to 31 December 2025: what is complete".
//
// Failed and vetoed drafts: to 31 December 2025. The later version of the
// voting spreadsheet (source spreadsheet, whose imported version ends on 4
// June 2025: oliverunv/Voting-Agent, data/sc_voting.csv at commit
// 58350bb3e40dfa8d5715f7d0799556d25986aa89, not official) numbers its
// decisions in date order, and between the veto of 4 June 2025 and
// resolution 2812 (2026) of 14 January 2026 it lists 33: resolutions 2782
// to 2811 and the three drafts of September 2025 (vetoed S/2025/583,
// failed S/2025/561 and S/2025/539), each in the record with the same
// date, outcome and count (TestLate2025DraftsInRealRecord). No UN list or
// count was found: the UN's Highlights of Security Council Practice 2025,
// announced at un.org/de/node/238758, say only that fewer drafts failed
// than in 2024 and that vetoes were the fewest since 2021, which the
// record bears out (2025: four drafts not adopted, four vetoes cast; 2022:
// five vetoes cast; 2023 and 2024: more of both).
//
// Amendments: to 31 December 2025, no later than the drafts. The later
// version of the spreadsheet lists none (not even the five of 24 February
// 2025 the imported one lists), so the day rests on the meetings: an
// amendment is put to the vote at the meeting that votes on the draft it
// amends, the record holds every draft voted to 31 December 2025, and the
// report read of each of those 33 meetings (the UN's release or
// audiovisual page for 32, Security Council Report for resolution 2785)
// names no amendment put to the vote (analysis/testdata/meetings_2025_late.tsv,
// TestLate2025AmendmentsInRealRecord; DATA.md, "The record to 31 December
// 2025: the amendments"). Procedural votes have no day: no source lists
// them (DATA.md).
//
// A day here holds only where the record holds the curated decisions past
// the last day of the sources that list the kind in full (a record of the
// files alone is complete to their day).
var CuratedCompleteTo = map[string]string{
	KindResolution: "2025-12-31",
	KindFailed:     "2025-12-31",
	KindVetoed:     "2025-12-31",
	KindAmendment:  "2025-12-31",
}

// curatedSources are the sources of the curated decisions
// (record/curated.csv), which CuratedCompleteTo rests on.
var curatedSources = record.CuratedSources()

// Kinds of decision, in the order Coverage lists them.
const (
	KindResolution  = "resolution"
	KindFailed      = "failed draft"
	KindVetoed      = "vetoed draft"
	KindAmendment   = "amendment"
	KindProcedural  = "procedural vote"
	KindPreliminary = "preliminary question"
	KindICJ         = "ICJ election"
	KindOther       = "other"
)

// Kinds lists the kinds of decision.
var Kinds = []string{KindResolution, KindFailed, KindVetoed, KindAmendment, KindProcedural, KindPreliminary, KindICJ, KindOther}

// KindOf returns the kind of a decision: a vote on a procedural matter, a
// preliminary question or an ICJ election by its matter, whatever its
// outcome; then an amendment, whatever its outcome; then by outcome, a
// resolution (adopted, with a resolution's symbol), a vetoed or a failed
// draft. Anything else (an adoption without a resolution's symbol, an
// outcome not recorded) is KindOther.
func KindOf(d unsc.Decision) string { return kindOf(&d) }

func kindOf(d *unsc.Decision) string {
	return kindOfParts(d.Matter, d.Amendment, outcomeOf(d), d.Resolution != "")
}

// kindOfParts returns the kind of a decision of matter m, an amendment or
// not, with outcome o and a resolution's symbol or not (see KindOf).
func kindOfParts(m unsc.Matter, amendment bool, o unsc.Outcome, resolution bool) string {
	switch {
	case m == unsc.ICJElection:
		return KindICJ
	case m == unsc.Preliminary:
		return KindPreliminary
	case m == unsc.Procedural:
		return KindProcedural
	case amendment:
		return KindAmendment
	}
	switch o {
	case unsc.Adopted:
		if resolution {
			return KindResolution
		}
	case unsc.Vetoed:
		return KindVetoed
	case unsc.Failed:
		return KindFailed
	}
	return KindOther
}

// Coverage is what the record holds: for each kind of decision and decade,
// how many decisions and how much is known of each; and for each source,
// what it lists and the dates it covers.
type Coverage struct {
	// CompleteTo is the last day to which the record holds every decision
	// of each kind some source lists in full (the earliest of their days:
	// not the procedural votes, which no source lists); Period says it in
	// words, and Kinds gives each kind's days.
	CompleteTo string         `json:"complete_to"`
	Period     Period         `json:"period"`
	Kinds      []KindCoverage `json:"kinds"`
	// Complete says in words, kind by kind, to which day the record holds
	// every decision: "every resolution to 31 December 2025; …;
	// procedural votes: 137 known, no source lists them all".
	Complete string `json:"complete"`
	// Rows has one row per kind and decade with decisions, by kind (in
	// the order of Kinds) and decade; Totals one per kind, over every
	// decade, and one for all kinds ("all").
	Rows    []CoverageRow    `json:"rows"`
	Totals  []CoverageRow    `json:"totals"`
	Sources []SourceCoverage `json:"sources"`
	Note    string           `json:"note"`
}

// KindCoverage is how far the record is complete for one kind of
// decision.
type KindCoverage struct {
	Kind string `json:"kind"`
	// CompleteFrom and CompleteTo are the first and last days over which
	// the record holds every decision of the kind; both are empty when no
	// source lists them all.
	CompleteFrom string `json:"complete_from"`
	CompleteTo   string `json:"complete_to"`
	// ListedBy names the sources that list every decision of the kind;
	// Curated is true when CompleteTo is later than their last day, by
	// CuratedCompleteTo.
	ListedBy []unsc.Source `json:"listed_by"`
	Curated  bool          `json:"curated"`
	// Decisions counts the decisions of the kind the record holds.
	Decisions int `json:"decisions"`
	// Note says it in words.
	Note string `json:"note"`
}

// CoverageRow counts the decisions of one kind in one decade ("1940s", or
// "all" in totals) by what the record knows of them.
type CoverageRow struct {
	Kind      string `json:"kind"`
	Decade    string `json:"decade"`
	Decisions int    `json:"decisions"`
	// Positions counts decisions with each member's position; CountOnly
	// those with a count but not the positions; WithoutVote those taken
	// without a vote or by acclamation; Unknown those with neither
	// positions nor a count.
	Positions   int `json:"positions"`
	CountOnly   int `json:"count_only"`
	WithoutVote int `json:"without_vote"`
	Unknown     int `json:"unknown"`
	// First and Last are the dates of the first and last of them.
	First string `json:"first"`
	Last  string `json:"last"`
}

// SourceCoverage is what one source contributes to the record.
type SourceCoverage struct {
	Source   unsc.Source `json:"source"`
	Official bool        `json:"official"`
	// Lists says what the source lists; Every is true when it lists every
	// decision of the Council over its dates.
	Lists string `json:"lists"`
	Every bool   `json:"every"`
	// Decisions counts the decisions it reports; First and Last are the
	// dates of the first and last of them.
	Decisions int    `json:"decisions"`
	First     string `json:"first"`
	Last      string `json:"last"`
}

const coverageNote = "Kinds: a vote on a procedural matter, a preliminary question or an ICJ election counts by its matter whatever its outcome (a procedural vote that adopted a resolution is a procedural vote); an amendment, whatever its outcome, is an amendment; other decisions count by outcome (the one the Charter engine derives, else the one recorded). positions counts decisions with each member's position; count_only those known only by their count; without_vote those adopted without a vote or by acclamation; unknown those with neither positions nor a count. A source's first and last dates are those of the decisions it reports. No source lists every vote on a procedural motion (the agenda, an invitation, an adjournment): the record holds those found one by one in the UN's volumes, releases and public lists, and the yearly counts of the UN and scprocedure.org name more than it holds (DATA.md), so the day to which the sources list every decision is not one to which the record holds every procedural vote."

// completeInWords says kinds' days in words: the kinds listed in full
// that the record holds, grouped by their last day, latest first, with the first day where it is
// later than the Council's first meeting; then those no source lists in
// full that the record holds (the procedural votes always).
func completeInWords(kinds []KindCoverage) string {
	var parts []string
	var days []string
	for _, k := range kinds {
		if k.CompleteTo != "" && k.Decisions > 0 && !slices.Contains(days, k.CompleteTo) {
			days = append(days, k.CompleteTo)
		}
	}
	slices.Sort(days)
	slices.Reverse(days)
	first := dayString(dayNumber(charter.FirstMeeting))
	for _, day := range days {
		p := Period{CompleteTo: day}
		var from []string
		for _, k := range kinds {
			if k.CompleteTo == day && k.Decisions > 0 {
				p.Kinds = append(p.Kinds, KindPeriod{Kind: k.Kind, CompleteTo: day})
				if k.CompleteFrom > first {
					from = append(from, kindPlurals[k.Kind]+" from "+longDay(k.CompleteFrom))
				}
			}
		}
		part := "every " + p.kindNames(day, "and") + " to " + longDay(day)
		if len(from) > 0 {
			part += " (" + strings.Join(from, ", ") + ")"
		}
		parts = append(parts, part)
	}
	for _, k := range kinds {
		if k.CompleteTo == "" && (k.Decisions > 0 || k.Kind == KindProcedural) {
			parts = append(parts, kindPlurals[k.Kind]+": "+strconv.Itoa(k.Decisions)+" known, no source lists them all")
		}
	}
	return strings.Join(parts, "; ")
}

// coverage is the record's coverage, built once.
type coverage struct {
	answer Coverage
}

func (x *Index) coverageTable() *coverage {
	x.coverageOnce.Do(func() {
		c := &x.coverage
		dates := x.dateStrings()
		type key struct{ kind, decade string }
		rows := map[key]*CoverageRow{}
		totals := map[string]*CoverageRow{}
		sources := map[unsc.Source]*SourceCoverage{}
		add := func(r *CoverageRow, d *unsc.Decision, date string) {
			r.Decisions++
			switch {
			case d.Modality != unsc.ByVote:
				r.WithoutVote++
			case d.Votes.Known():
				r.Positions++
			case d.Tally.Known:
				r.CountOnly++
			default:
				r.Unknown++
			}
			if r.First == "" {
				r.First = date
			}
			r.Last = date
		}
		for i := range x.n {
			d := x.d(i)
			date := dates[i]
			k := key{kindOf(d), date[:3] + "0s"}
			if rows[k] == nil {
				rows[k] = &CoverageRow{Kind: k.kind, Decade: k.decade}
			}
			add(rows[k], d, date)
			for _, t := range []string{k.kind, "all"} {
				if totals[t] == nil {
					totals[t] = &CoverageRow{Kind: t, Decade: "all"}
				}
				add(totals[t], d, date)
			}
			for _, s := range d.Sources {
				sc := sources[s]
				if sc == nil {
					l := sourceLists.Get()[s]
					sc = &SourceCoverage{Source: s, Official: s.Official(), Lists: l.lists, Every: len(l.every) > 0, First: date}
					sources[s] = sc
				}
				sc.Decisions++
				sc.Last = date
			}
		}
		a := &c.answer
		a.Note = coverageNote
		a.Rows = make([]CoverageRow, 0, len(rows))
		for _, r := range rows {
			a.Rows = append(a.Rows, *r)
		}
		slices.SortFunc(a.Rows, func(p, q CoverageRow) int {
			if c := slices.Index(Kinds, p.Kind) - slices.Index(Kinds, q.Kind); c != 0 {
				return c
			}
			return strings.Compare(p.Decade, q.Decade)
		})
		for _, k := range append(slices.Clone(Kinds), "all") {
			if t := totals[k]; t != nil {
				a.Totals = append(a.Totals, *t)
			}
		}
		a.Sources = []SourceCoverage{}
		for _, s := range sourceOrder {
			if sc := sources[s]; sc != nil {
				a.Sources = append(a.Sources, *sc)
				delete(sources, s)
			}
		}
		var rest []unsc.Source
		for s := range sources {
			rest = append(rest, s)
		}
		slices.Sort(rest)
		for _, s := range rest {
			a.Sources = append(a.Sources, *sources[s])
		}
		cm := x.completeness()
		if cm.complete {
			a.CompleteTo = dayString(cm.completeTo)
		}
		a.Kinds = make([]KindCoverage, len(Kinds))
		for k, kind := range Kinds {
			kc := &cm.kinds[k]
			r := KindCoverage{Kind: kind, ListedBy: kc.listedBy, Curated: kc.curated}
			if r.ListedBy == nil {
				r.ListedBy = []unsc.Source{}
			}
			if t := totals[kind]; t != nil {
				r.Decisions = t.Decisions
			}
			if kc.listed {
				r.CompleteFrom, r.CompleteTo = dayString(kc.from), dayString(kc.to)
				r.Note = "every one from " + longDay(r.CompleteFrom) + " to " + longDay(r.CompleteTo)
			} else {
				r.Note = plural(r.Decisions, "known", "known") + "; no source lists them all"
			}
			a.Kinds[k] = r
		}
		a.Complete = completeInWords(a.Kinds)
	})
	return &x.coverage
}

// Coverage returns what the record holds, by kind of decision, decade and
// source, and for each kind the days over which it holds every decision.
func (x *Index) Coverage() Coverage {
	c := x.coverageTable()
	a := c.answer
	a.Period = x.Period(time.Time{}, time.Time{})
	return a
}

// Period is the span of dates an answer covers, as the record holds it:
// every count answer carries one, so that a number is never read as
// covering more than the sources do.
type Period struct {
	// From and To are the first and last days the answer counts in full:
	// the dates asked for, the first cut to the Council's first meeting,
	// the last to CompleteTo.
	From string `json:"from"`
	To   string `json:"to"`
	// CompleteTo is the last day to which the record holds every decision
	// of the kinds the answer counts that some source lists in full: the
	// earliest of their days (Kinds). Kinds no source lists in full (the
	// procedural votes) have no day, and Kinds says how many are known.
	CompleteTo string `json:"complete_to"`
	// AskedTo is the last day asked for, when it is later than CompleteTo.
	AskedTo string `json:"asked_to,omitempty"`
	// Later counts the decisions of the kinds counted in the period asked
	// for that the record holds after CompleteTo, with the date of the
	// last of them: the answer includes them, but the list after
	// CompleteTo may be incomplete.
	Later     int    `json:"later"`
	LaterLast string `json:"later_last,omitempty"`
	// Kinds gives, for each kind of decision the answer counts (in the
	// order of Kinds), how far the record is complete for it.
	Kinds []KindPeriod `json:"kinds"`
	// Text says the period in words.
	Text string `json:"text"`
}

// KindPeriod is how far the record is complete for one kind of decision
// an answer counts.
type KindPeriod struct {
	Kind string `json:"kind"`
	// CompleteFrom and CompleteTo are the first and last days over which
	// the record holds every decision of the kind; both are empty when no
	// source lists them all.
	CompleteFrom string `json:"complete_from,omitempty"`
	CompleteTo   string `json:"complete_to,omitempty"`
	// Known counts, for a kind no source lists in full, the decisions of
	// the kind the record holds in the period asked for: there may be
	// more. It is 0 for the other kinds.
	Known int `json:"known,omitempty"`
}

// VetoKinds are the kinds of decision a veto answer counts: the vetoed
// drafts, the amendments and the preliminary questions (some of each
// vetoed: a preliminary question's veto is the "double veto").
var VetoKinds = []string{KindVetoed, KindAmendment, KindPreliminary}

// Period returns the period an answer over from..to that counts decisions
// of every kind covers (zero times leave it open).
func (x *Index) Period(from, to time.Time) Period {
	return x.PeriodOf(from, to, Kinds...)
}

// PeriodOf returns the period an answer over from..to that counts
// decisions of the kinds given (of Kinds, in their order) covers.
func (x *Index) PeriodOf(from, to time.Time, kinds ...string) Period {
	p := x.periodBounds(from, to, kinds)
	p.Text = p.text()
	return p
}

// periodBounds returns PeriodOf(from, to, kinds...) but for its Text.
func (x *Index) periodBounds(from, to time.Time, kinds []string) Period {
	return x.periodBoundsIn(nil, from, to, kinds)
}

// PeriodIn returns PeriodOf(from, to, kinds...) without its Text, its
// Kinds in buf where buf has room: for a caller that writes the text
// itself (Period.AppendText) and keeps nothing of the period.
func (x *Index) PeriodIn(buf []KindPeriod, from, to time.Time, kinds ...string) Period {
	return x.periodBoundsIn(buf, from, to, kinds)
}

// periodBoundsIn is periodBounds, its Kinds in buf where buf has room.
func (x *Index) periodBoundsIn(buf []KindPeriod, from, to time.Time, kinds []string) Period {
	c := x.completeness()
	first := dayNumber(charter.FirstMeeting)
	if !from.IsZero() {
		first = max(first, dayNumber(from))
	}
	if cap(buf) < len(kinds) {
		buf = make([]KindPeriod, len(kinds))
	}
	p := Period{Kinds: buf[:len(kinds):len(kinds)]}
	clear(p.Kinds)
	var completeTo int64
	complete, unlisted := false, false
	for k, kind := range kinds {
		p.Kinds[k].Kind = kind
		kc := c.of(kind)
		if !kc.listed {
			unlisted = true
			continue
		}
		p.Kinds[k].CompleteFrom, p.Kinds[k].CompleteTo = kc.fromText, kc.toText
		if !complete || kc.to < completeTo {
			completeTo, complete = kc.to, true
			p.CompleteTo = kc.toText
		}
	}
	last := first - 1 // nothing is known to be complete
	if complete {
		last = completeTo
	}
	asked := int64(0)
	askedLater := false
	if !to.IsZero() {
		asked = dayNumber(to)
		switch {
		case asked < last:
			last = asked
		case asked > last:
			askedLater = true
		}
	}
	// The period's two or three dates, written in one string.
	if askedLater {
		p.From, p.To, p.AskedTo = dayStrings3(first, max(last, first-1), asked)
	} else {
		p.From, p.To = dayStrings2(first, max(last, first-1))
	}
	// The decisions of the kinds counted asked for that the record holds
	// after the complete part: every one for an answer that counts every
	// kind, else those of its kinds, read from the few after that day.
	after := first
	if complete {
		after = max(first, completeTo+1)
	}
	lo := x.firstOnOrAfter(after)
	_, hi := x.span(time.Time{}, to)
	hiTo := hi
	lastLater := -1
	switch {
	case lo >= hi:
	case len(kinds) == len(Kinds):
		p.Later, lastLater = hi-lo, hi-1
	default:
		start, codes := x.laterKinds()
		if lo < start {
			for i := lo; i < hi; i++ {
				if slices.Contains(kinds, x.kindAt(i)) {
					p.Later++
					lastLater = i
				}
			}
			break
		}
		// The kinds of the few decisions after the record's complete part,
		// read once: an answer compares their places in Kinds.
		var mask uint16
		for _, kind := range kinds {
			if k := KindIndex(kind); k >= 0 {
				mask |= 1 << k
			}
		}
		for i := lo; i < hi; i++ {
			if c := codes[i-start]; c < len(Kinds) && mask&(1<<c) != 0 {
				p.Later++
				lastLater = i
			}
		}
	}
	if lastLater >= 0 {
		p.LaterLast = x.dateString(lastLater)
	}
	if unlisted {
		// How many of each kind no source lists the period asked for
		// holds, from the kind's decisions found once (decisionsOfKind).
		// x.span(from, to), its end found above.
		lo, hi := 0, hiTo
		if !from.IsZero() {
			lo = x.firstOnOrAfter(dayNumber(from))
			hi = max(hi, lo)
		}
		for k := range p.Kinds {
			if p.Kinds[k].CompleteTo != "" {
				continue
			}
			if at := KindIndex(p.Kinds[k].Kind); at >= 0 {
				if n, ok := x.kindFromSums(at, lo, hi); ok {
					p.Kinds[k].Known = n
					continue
				}
				idx := x.decisionsOfKind(at)
				first, _ := slices.BinarySearch(idx, int32(lo))
				end, _ := slices.BinarySearch(idx, int32(hi))
				p.Kinds[k].Known = end - first
			}
		}
	}
	return p
}

// laterKinds returns the place in Kinds of the kind of each decision
// after the last day to which the record holds every decision of the
// kinds some source lists in full (completeness), from decision start
// on: the decisions an answer's Later counts by kind. They are found once,
// the first time an answer asks (a few dozen decisions).
func (x *Index) laterKinds() (start int, codes []int) {
	x.laterOnce.Do(func() {
		c := x.completeness()
		x.laterStart = x.n
		if c.complete {
			x.laterStart = x.firstOnOrAfter(c.completeTo + 1)
		}
		x.laterCodes = make([]int, x.n-x.laterStart)
		for i := range x.laterCodes {
			x.laterCodes[i] = slices.Index(Kinds, x.kindAt(x.laterStart+i))
			if x.laterCodes[i] < 0 {
				x.laterCodes[i] = len(Kinds)
			}
		}
	})
	return x.laterStart, x.laterCodes
}

// kindAt returns kindOf(decision i), from its columns where the index
// reads columns.
func (x *Index) kindAt(i int) string {
	if x.cols == nil {
		return kindOf(&x.ds[i])
	}
	return kindOfParts(x.matter(i), x.amendment(i), x.outcome(i), x.resolution(i) != "")
}

// kindMatters gives the matter of each kind that is one by its matter.
var kindMatters = map[string]unsc.Matter{KindProcedural: unsc.Procedural, KindPreliminary: unsc.Preliminary, KindICJ: unsc.ICJElection}

// decisionsOfKind returns the indexes, in order, of the decisions of the
// kind at place k of Kinds, found in one pass over the record the first
// time an answer asks for that kind (a question asks once; the server
// then counts every answer's by binary search): a kind by its matter by
// reading the matter alone, which is all a veto answer reads; the others
// by their kind.
func (x *Index) decisionsOfKind(k int) []int32 {
	x.unlistedOnce[k].Do(func() {
		var idx []int32
		if m, ok := kindMatters[Kinds[k]]; ok {
			for i := range x.n {
				if x.matter(i) == m {
					idx = append(idx, int32(i))
				}
			}
		} else {
			for i := range x.n {
				if x.kindAt(i) == Kinds[k] {
					idx = append(idx, int32(i))
				}
			}
		}
		x.unlisted[k] = idx
	})
	return x.unlisted[k]
}

// isKind reports whether decision i is of the kind at place k of Kinds,
// as decisionsOfKind finds them.
func (x *Index) isKind(i, k int) bool {
	if m, ok := kindMatters[Kinds[k]]; ok {
		return x.matter(i) == m
	}
	return x.kindAt(i) == Kinds[k]
}

// completeness returns, for each kind of decision, the days over which
// the record holds every decision of the kind, found once without
// counting the rest: for each source that lists a kind in full, the day
// it lists from and the date of the latest decision it reports; the
// spans of a kind's sources joined; CuratedCompleteTo where later.
func (x *Index) completeness() *completeness {
	x.completeOnce.Do(func() {
		c := &x.complete
		lists := sourceLists.Get()
		var every []unsc.Source
		for s, l := range lists {
			if len(l.every) > 0 {
				every = append(every, s)
			}
		}
		slices.Sort(every)
		// Decisions are in date order: the last decision a source reports
		// is the latest. The record's sums hold it, where the index reads
		// them; else the decisions are read from the last back. The
		// curated decisions' sources too: CuratedCompleteTo holds only
		// where the record holds them, past the sources' last day.
		sought := append(slices.Clone(every), curatedSources...)
		last := make(map[unsc.Source]int64, len(sought))
		held := false
		for _, s := range sought {
			day, found, ok := x.lastFromSums(s)
			if held = ok; !ok {
				break
			}
			if found {
				last[s] = day
			}
		}
		for i := x.n - 1; !held && i >= 0 && len(last) < len(sought); i-- {
			for _, s := range sought {
				if _, found := last[s]; !found && x.hasSource(i, s) {
					last[s] = x.day(i)
				}
			}
		}
		var curatedLast int64
		for _, s := range curatedSources {
			if d, found := last[s]; found && d > curatedLast {
				curatedLast = d
			}
		}
		firstMeeting := dayNumber(charter.FirstMeeting)
		for k, kind := range Kinds {
			kc := &c.kinds[k]
			type span struct{ from, to int64 }
			var spans []span
			for _, s := range every {
				to, found := last[s]
				if !found || !slices.Contains(lists[s].every, kind) {
					continue
				}
				from := firstMeeting
				if f := lists[s].from; f != "" {
					t, _ := time.Parse(dateLayout, f)
					from = dayNumber(t)
				}
				spans = append(spans, span{from, to})
				kc.listedBy = append(kc.listedBy, s)
			}
			if len(spans) == 0 {
				continue
			}
			// The span that reaches latest, joined with those that meet it.
			slices.SortFunc(spans, func(p, q span) int { return int(p.from - q.from) })
			cur := spans[0]
			for _, sp := range spans[1:] {
				if sp.from <= cur.to+1 {
					cur.to = max(cur.to, sp.to)
				} else {
					cur = sp
				}
			}
			kc.from, kc.to, kc.listed = cur.from, cur.to, true
			if d, ok := CuratedCompleteTo[kind]; ok && curatedLast > kc.to {
				if t, err := time.Parse(dateLayout, d); err == nil && dayNumber(t) > kc.to {
					kc.to, kc.curated = dayNumber(t), true
				}
			}
			if !c.complete || kc.to < c.completeTo {
				c.completeTo, c.complete = kc.to, true
			}
			kc.fromText, kc.toText = dayString(kc.from), dayString(kc.to)
		}
	})
	return &x.complete
}

// completeness is, for each kind of decision (by its place in Kinds), the
// days over which the record holds every decision of the kind; and the
// earliest of their last days, if any kind is listed in full.
type completeness struct {
	kinds      [8]kindCompleteness
	completeTo int64
	complete   bool
}

// kindCompleteness is the days over which the record holds every decision
// of one kind, if listed: from and to as day numbers; the sources that
// list the kind in full; curated if to is CuratedCompleteTo's.
type kindCompleteness struct {
	from, to int64
	// fromText and toText are from and to as answers write them, written
	// once: every answer's period states them.
	fromText, toText string
	listed           bool
	curated          bool
	listedBy         []unsc.Source
}

// of returns kind's completeness (none for a kind not of Kinds).
func (c *completeness) of(kind string) kindCompleteness {
	if k := KindIndex(kind); k >= 0 {
		return c.kinds[k]
	}
	return kindCompleteness{}
}

// firstOnOrAfter returns the index of the first decision on or after day n.
func (x *Index) firstOnOrAfter(n int64) int {
	return sort.Search(x.n, func(i int) bool { return x.day(i) >= n })
}

// kindPlurals names the kinds of decision in the plural, for answers.
var kindPlurals = map[string]string{
	KindResolution: "resolutions", KindFailed: "failed drafts", KindVetoed: "vetoed drafts",
	KindAmendment: "amendments", KindProcedural: "procedural votes", KindPreliminary: "preliminary questions",
	KindICJ: "ICJ elections", KindOther: "other decisions",
}

// KindIndex returns the place of kind in Kinds, -1 for another string:
// a switch, which costs less than a search of Kinds or a map's hash for
// the answers that name the kinds of their period.
func KindIndex(kind string) int {
	switch kind {
	case KindResolution:
		return 0
	case KindFailed:
		return 1
	case KindVetoed:
		return 2
	case KindAmendment:
		return 3
	case KindProcedural:
		return 4
	case KindPreliminary:
		return 5
	case KindICJ:
		return 6
	case KindOther:
		return 7
	}
	return -1
}

// byKind holds, for each kind at its place in Kinds, its plural
// (kindPlurals) and its CuratedCompleteTo, read once.
var byKind = func() (t struct{ plural, curatedTo [8]string }) {
	for i, kind := range Kinds {
		t.plural[i], t.curatedTo[i] = kindPlurals[kind], CuratedCompleteTo[kind]
	}
	return t
}()

// kindPlural returns kindPlurals[kind].
func kindPlural(kind string) string {
	if i := KindIndex(kind); i >= 0 {
		return byKind.plural[i]
	}
	return kindPlurals[kind]
}

// curatedTo returns CuratedCompleteTo[kind].
func curatedTo(kind string) string {
	if i := KindIndex(kind); i >= 0 {
		return byKind.curatedTo[i]
	}
	return CuratedCompleteTo[kind]
}

// kindSingular names a kind of decision after "every": its name, but for
// a kind whose name is not enough.
func kindSingular(kind string) string {
	if kind == KindOther {
		return "other decision"
	}
	return kind
}

// kindNames names the kinds of p listed in full to day to ("": those no
// source lists), each after "every", joined by and (or or): "vetoed draft
// and amendment"; "decision" when p names no kinds (or all of them, for
// those no source lists).
func (p Period) kindNames(to, and string) string {
	return string(p.appendKindNames(nil, to, and))
}

// appendKindNames appends kindNames(to, and).
func (p *Period) appendKindNames(b []byte, to, and string) []byte {
	n := 0
	for _, k := range p.Kinds {
		if k.CompleteTo == to {
			n++
		}
	}
	if n == 0 || (to == "" && n == len(Kinds)) {
		return append(b, "decision"...)
	}
	return p.appendKinds(b, to, and, kindSingular)
}

// appendKinds appends the kinds of p listed in full to day to, each as
// name writes it, joined by commas and, before the last, and.
func (p *Period) appendKinds(b []byte, to, and string, name func(kind string) string) []byte {
	n := 0
	for _, k := range p.Kinds {
		if k.CompleteTo == to {
			n++
		}
	}
	i := 0
	for _, k := range p.Kinds {
		if k.CompleteTo != to {
			continue
		}
		switch {
		case i == 0:
		case i == n-1:
			b = append(append(append(b, ' '), and...), ' ')
		default:
			b = append(b, ", "...)
		}
		b = append(b, name(k.Kind)...)
		i++
	}
	return b
}

// appendKindPlurals appends the kinds of p listed in full to day to, in
// the plural, joined by "and": "failed drafts and amendments".
func (p *Period) appendKindPlurals(b []byte, to string) []byte {
	return p.appendKinds(b, to, "and", kindPlural)
}

// appendWhoListsKinds appends who lists the kinds p is complete to its
// day in, and those kinds: "the record holds every resolution, failed
// draft, vetoed draft and amendment".
func (p *Period) appendWhoListsKinds(b []byte) []byte {
	return p.appendKindNames(append(b, p.whoLists()...), p.CompleteTo, "and")
}

// dayNamedBefore reports whether a kind before the i-th of p.Kinds is
// complete to the same day as it.
func (p *Period) dayNamedBefore(i int) bool {
	for _, k := range p.Kinds[:i] {
		if k.CompleteTo == p.Kinds[i].CompleteTo {
			return true
		}
	}
	return false
}

// whoLists says who lists every decision of the kinds complete to
// p.CompleteTo: "the sources list every ", or, where each of those kinds is
// complete to that day only by the curated decisions (CuratedCompleteTo),
// which no one source lists, "the record holds every ".
func (p *Period) whoLists() string {
	for _, k := range p.Kinds {
		if k.CompleteTo == p.CompleteTo && curatedTo(k.Kind) != p.CompleteTo {
			return "the sources list every "
		}
	}
	return "the record holds every "
}

func (p Period) text() string {
	// Written on the stack, and copied once into the string.
	var held [512]byte
	return string(p.appendText(held[:0]))
}

// AppendText appends the period in words, Text as PeriodOf writes it, to
// b: for a caller that writes it into an encoding of its own from a
// Period asked for without it (WhatIfQuery.NoText), with no string made
// for it.
func (p *Period) AppendText(b []byte) []byte { return p.appendText(b) }

func (p *Period) appendText(b []byte) []byte {
	switch {
	case p.CompleteTo == "":
		b = append(b, "no day the sources cover in full: none of them lists every "...)
		b = p.appendKindNames(b, "", "or")
	case p.To < p.From:
		b = p.appendKindNames(append(b, "no day the sources cover in full: they list every "...), p.CompleteTo, "and")
		b = appendLongDay(append(b, " only to "...), p.CompleteTo)
	case p.AskedTo != "":
		b = appendLongDay(b, p.From)
		b = appendLongDay(append(b, " to "...), p.To)
		b = appendLongDay(append(b, " (asked to "...), p.AskedTo)
		b = p.appendWhoListsKinds(append(b, "; "...))
		b = appendLongDay(append(b, " only to "...), p.CompleteTo)
		b = append(b, ')')
	case p.To == p.CompleteTo:
		b = appendLongDay(b, p.From)
		b = appendLongDay(append(b, " to "...), p.To)
		b = p.appendWhoListsKinds(append(b, ", the last day to which "...))
	default:
		b = appendLongDay(b, p.From)
		b = appendLongDay(append(b, " to "...), p.To)
	}
	if p.CompleteTo != "" && (p.AskedTo != "" || p.Later > 0) {
		// The kinds listed in full further than the answer counts, those
		// of one day named together.
		for i, k := range p.Kinds {
			if k.CompleteTo > p.CompleteTo && !p.dayNamedBefore(i) {
				b = p.appendKindNames(append(b, "; the record holds every "...), k.CompleteTo, "and")
				b = appendLongDay(append(b, " to "...), k.CompleteTo)
			}
		}
	}
	if p.Later > 0 && p.CompleteTo != "" {
		b = append(b, "; the "...)
		b = appendPlural(b, p.Later, "decision", "decisions")
		b = appendLongDay(append(b, " the record holds after that, to "...), p.LaterLast)
		if p.Later == 1 {
			b = append(b, ", counts too"...)
		} else {
			b = append(b, ", count too"...)
		}
		// Only the kinds listed in full no further than CompleteTo may
		// lack a decision after it: the others are listed to their own
		// later day, named above.
		b = p.appendKindPlurals(append(b, "; "...), p.CompleteTo)
		b = appendLongDay(append(b, " after "...), p.CompleteTo)
		b = append(b, " may be missing"...)
	}
	for _, k := range p.Kinds {
		if k.CompleteFrom > p.From {
			b = append(append(b, "; "...), kindPlural(k.Kind)...)
			b = appendLongDay(append(b, " are listed in full only from "...), k.CompleteFrom)
		}
	}
	for _, k := range p.Kinds {
		if k.CompleteTo == "" && (k.Known > 0 || k.Kind == KindProcedural) {
			b = append(append(b, "; "...), kindPlural(k.Kind)...)
			if k.Known == 0 {
				b = append(b, ": none known"...)
			} else {
				b = strconv.AppendInt(append(b, ": "...), int64(k.Known), 10)
				b = append(b, " known"...)
			}
			b = append(b, ", no source lists them all"...)
		}
	}
	return b
}

// dayString writes day number n as answers write dates (YYYY-MM-DD).
// Each is written when asked for: a question's period states five to ten
// dates, and a table of every day of 1945–2059 written in blocks on first
// use (420 KB) wrote 16–256 dates for each and touched a page of memory
// for each block (2.5% of the CPU of `unsc vetoes --by member` and `unsc
// member` with blocks of 256 days, 1.5% with blocks of 16).
func dayString(n int64) string {
	var held [len(dateLayout)]byte
	return string(appendDay(held[:0], n))
}

// dayStrings2 returns dayString(a) and dayString(b), written in one
// string.
func dayStrings2(a, b int64) (string, string) {
	var held [2 * len(dateLayout)]byte
	w := appendDay(held[:0], a)
	ea := len(w)
	s := string(appendDay(w, b))
	return s[:ea], s[ea:]
}

// dayStrings3 returns dayString(a), dayString(b) and dayString(c), written
// in one string.
func dayStrings3(a, b, c int64) (string, string, string) {
	var held [3 * len(dateLayout)]byte
	w := appendDay(held[:0], a)
	ea := len(w)
	w = appendDay(w, b)
	eb := len(w)
	s := string(appendDay(w, c))
	return s[:ea], s[ea:eb], s[eb:]
}

// appendDay appends dayString(n).
func appendDay(b []byte, n int64) []byte {
	var t time.Time
	if y, _, _ := civilDate(n); y < 0 || y > 9999 {
		t = time.Unix(n*86400, 0).UTC()
	}
	return appendDate(b, t, n)
}

// longDay writes a YYYY-MM-DD date in words: "31 December 2025".
func longDay(s string) string {
	return string(appendLongDay(nil, s))
}

// appendLongDay appends longDay(s): a date of years 1000 to 9999 written
// directly, any other string as time.Parse and time.Format take it (s
// itself where it is no date).
func appendLongDay(b []byte, s string) []byte {
	if _, m, d, ok := parseDay(s); ok {
		if d >= 10 {
			b = append(b, byte('0'+d/10))
		}
		b = append(b, byte('0'+d%10), ' ')
		b = append(b, time.Month(m).String()...)
		return append(b, ' ', s[0], s[1], s[2], s[3])
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return append(b, s...)
	}
	return t.AppendFormat(b, "2 January 2006")
}

// parseDay reads a YYYY-MM-DD date of years 1000 to 9999 that exists in
// the calendar.
func parseDay(s string) (y, m, d int, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || s[0] == '0' {
		return 0, 0, 0, false
	}
	for _, k := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[k] < '0' || s[k] > '9' {
			return 0, 0, 0, false
		}
	}
	y = int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	m = int(s[5]-'0')*10 + int(s[6]-'0')
	d = int(s[8]-'0')*10 + int(s[9]-'0')
	if m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// daysIn returns the number of days of month m (1 to 12) of year y, in
// the proleptic Gregorian calendar, as time.Date counts them.
func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// appendPlural appends plural(n, one, many).
func appendPlural(b []byte, n int, one, many string) []byte {
	if n == 1 {
		return append(append(b, "1 "...), one...)
	}
	return append(append(strconv.AppendInt(b, int64(n), 10), ' '), many...)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
