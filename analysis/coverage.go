package analysis

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unsafe"

	"unsc"
	"unsc/charter"
	"unsc/internal/lazy"
)

// What each source lists, and whether it lists every decision of the
// Council over the dates it covers. A source that lists every decision
// makes the record complete to its last date; the others add facts, or
// decisions one by one.
var sourceLists = lazy.Value[map[unsc.Source]sourceListing]{Make: func() map[unsc.Source]sourceListing {
	return map[unsc.Source]sourceListing{
		unsc.SourceUNDL:         {"adopted resolutions, with each member's position", false},
		unsc.SourceDHLMeetings:  {"every decision, with its count, but no vote on a procedural motion", true},
		unsc.SourceDHLVetoes:    {"vetoes cast in public meetings", false},
		unsc.SourceSpreadsheet:  {"every vote, adopted or not, with each member's position, but no vote on a procedural motion (not official)", true},
		unsc.SourcePress:        {"decisions entered one by one from UN press releases and meetings coverage", false},
		unsc.SourceResearch:     {"decisions entered one by one from other public sources", false},
		unsc.SourceFailedDrafts: {"a sample of failed votes, with each member's position, hand-entered from the meeting records (not official)", false},
		unsc.SourceWPDVetoes:    {"vetoes cast in public meetings, with a crisis topic and region (not official; a copy of the veto list)", false},
		unsc.SourceCRUNSC:       {"links to resolutions' records in the UN Digital Library (not official)", false},
	}
}}

// sourceListing is what a source lists, and whether it lists every decision.
type sourceListing struct {
	lists string
	every bool
}

// CuratedCompleteTo is the last day to which the curated decisions (sources
// un-press and research, record/curated.csv), together with the files, are
// known to hold every decision of the Council: zero until every decision
// to a date has been entered and checked. While it is zero, the record is
// complete to the last date of a source that lists every decision, and
// decisions entered after that date are shown but not counted as complete.
var CuratedCompleteTo time.Time

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
	switch {
	case d.Matter == unsc.ICJElection:
		return KindICJ
	case d.Matter == unsc.Preliminary:
		return KindPreliminary
	case d.Matter == unsc.Procedural:
		return KindProcedural
	case d.Amendment:
		return KindAmendment
	}
	switch outcomeOf(d) {
	case unsc.Adopted:
		if d.Resolution != "" {
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
	// of the Council; Period says it in words.
	CompleteTo string `json:"complete_to"`
	Period     Period `json:"period"`
	// Rows has one row per kind and decade with decisions, by kind (in
	// the order of Kinds) and decade; Totals one per kind, over every
	// decade, and one for all kinds ("all").
	Rows    []CoverageRow    `json:"rows"`
	Totals  []CoverageRow    `json:"totals"`
	Sources []SourceCoverage `json:"sources"`
	Note    string           `json:"note"`
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

// coverage is the record's coverage, built once.
type coverage struct {
	answer Coverage
	// completeTo is the day number of the last day to which the record
	// holds every decision, if complete is true.
	completeTo int64
	complete   bool
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
			case d.Votes != nil:
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
		var lastEvery int64
		complete := false
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
					sc = &SourceCoverage{Source: s, Official: s.Official(), Lists: l.lists, Every: l.every, First: date}
					sources[s] = sc
				}
				sc.Decisions++
				sc.Last = date
				if sourceLists.Get()[s].every && (!complete || x.day(i) > lastEvery) {
					lastEvery, complete = x.day(i), true
				}
			}
		}
		if !CuratedCompleteTo.IsZero() && (!complete || dayNumber(CuratedCompleteTo) > lastEvery) {
			lastEvery, complete = dayNumber(CuratedCompleteTo), true
		}
		c.completeTo, c.complete = lastEvery, complete
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
		if complete {
			a.CompleteTo = dayString(lastEvery)
		}
	})
	return &x.coverage
}

// Coverage returns what the record holds, by kind of decision, decade and
// source, and the last day to which it holds every decision.
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
	// the last to CompleteTo, the last day to which the record holds
	// every decision.
	From       string `json:"from"`
	To         string `json:"to"`
	CompleteTo string `json:"complete_to"`
	// AskedTo is the last day asked for, when it is later than CompleteTo.
	AskedTo string `json:"asked_to,omitempty"`
	// Later counts the decisions of the period asked for that the record
	// holds after CompleteTo, with the date of the last of them: the
	// answer includes them, but the list after CompleteTo may be
	// incomplete.
	Later     int    `json:"later"`
	LaterLast string `json:"later_last,omitempty"`
	// Text says the period in words.
	Text string `json:"text"`
}

// Period returns the period an answer over from..to covers (zero times
// leave it open).
func (x *Index) Period(from, to time.Time) Period {
	p := x.periodBounds(from, to)
	p.Text = p.text()
	return p
}

// periodBounds returns Period(from, to) but for its Text.
func (x *Index) periodBounds(from, to time.Time) Period {
	c := x.completeness()
	first := dayNumber(charter.FirstMeeting)
	if !from.IsZero() {
		first = max(first, dayNumber(from))
	}
	last := first - 1 // nothing is known to be complete
	if c.complete {
		last = c.completeTo
	}
	p := Period{From: dayString(first)}
	if c.complete {
		p.CompleteTo = dayString(c.completeTo)
	}
	if !to.IsZero() {
		asked := dayNumber(to)
		switch {
		case asked < last:
			last = asked
		case asked > last:
			p.AskedTo = dayString(asked)
		}
	}
	p.To = dayString(max(last, first-1))
	// The decisions asked for that the record holds after the complete
	// part.
	after := first
	if c.complete {
		after = max(first, c.completeTo+1)
	}
	lo := x.firstOnOrAfter(after)
	_, hi := x.span(time.Time{}, to)
	if lo < hi {
		p.Later = hi - lo
		p.LaterLast = dayString(x.day(hi - 1))
	}
	return p
}

// completeness returns the last day to which the record holds every
// decision, as coverageTable finds it, without counting the rest: the
// latest decision reported by a source that lists every decision, else
// CuratedCompleteTo if later. It is found once.
func (x *Index) completeness() *completeness {
	x.completeOnce.Do(func() {
		c := &x.complete
		var every []unsc.Source
		for s, l := range sourceLists.Get() {
			if l.every {
				every = append(every, s)
			}
		}
		// Decisions are in date order: the last such decision is the
		// latest.
		for i := x.n - 1; i >= 0 && !c.complete; i-- {
			for _, s := range every {
				if x.hasSource(i, s) {
					c.completeTo, c.complete = x.day(i), true
					break
				}
			}
		}
		if !CuratedCompleteTo.IsZero() && (!c.complete || dayNumber(CuratedCompleteTo) > c.completeTo) {
			c.completeTo, c.complete = dayNumber(CuratedCompleteTo), true
		}
	})
	return &x.complete
}

// completeness is the last day to which the record holds every decision,
// if it holds every decision to any day.
type completeness struct {
	completeTo int64
	complete   bool
}

// firstOnOrAfter returns the index of the first decision on or after day n.
func (x *Index) firstOnOrAfter(n int64) int {
	return sort.Search(x.n, func(i int) bool { return x.day(i) >= n })
}

func (p Period) text() string {
	b := make([]byte, 0, 384)
	switch {
	case p.CompleteTo == "":
		b = append(b, "no day the sources cover in full: none of them lists every decision"...)
	case p.To < p.From:
		b = appendLongDay(append(b, "no day the sources cover in full: they list every decision only to "...), p.CompleteTo)
	case p.AskedTo != "":
		b = appendLongDay(b, p.From)
		b = appendLongDay(append(b, " to "...), p.To)
		b = appendLongDay(append(b, " (asked to "...), p.AskedTo)
		b = appendLongDay(append(b, "; the sources list every decision only to "...), p.CompleteTo)
		b = append(b, ')')
	case p.To == p.CompleteTo:
		b = appendLongDay(b, p.From)
		b = appendLongDay(append(b, " to "...), p.To)
		b = append(b, ", the last day to which the sources list every decision"...)
	default:
		b = appendLongDay(b, p.From)
		b = appendLongDay(append(b, " to "...), p.To)
	}
	if p.Later > 0 {
		b = append(b, "; the "...)
		b = append(b, plural(p.Later, "decision", "decisions")...)
		b = appendLongDay(append(b, " the record holds after that, to "...), p.LaterLast)
		b = append(b, ", count too, from sources that do not list every decision: there may be more"...)
	}
	return string(b)
}

// dayString writes day number n as answers write dates: a day of 1945 to
// 2059 from dayText, without allocating.
func dayString(n int64) string {
	if k := n - firstTextDay; k >= 0 && k < textDays {
		b := k / dayBlock
		dayBlocks[b].Do(func() {
			at := b * dayBlock * dayLen
			for d := b * dayBlock; d < min((b+1)*dayBlock, textDays); d++ {
				appendDate(dayText[at:at], time.Time{}, firstTextDay+d)
				at += dayLen
			}
		})
		return unsafe.String(&dayText[k*dayLen], dayLen)
	}
	return string(appendDate(nil, time.Unix(n*86400, 0).UTC(), n))
}

// dayText holds every day of 1945 to 2059 written as answers write dates
// (YYYY-MM-DD), one after the other (420 KB), each block of dayBlock days
// written on first use: a process asking one question writes the few
// blocks its dates fall in, not the table (which was a tenth of the CPU of
// `unsc vetoes --by member`).
var (
	dayText   [textDays * dayLen]byte
	dayBlocks [(textDays + dayBlock - 1) / dayBlock]sync.Once
)

const (
	firstTextDay = -9131 // 1945-01-01, in days since 1970-01-01
	textDays     = 42003 // to 2059-12-31
	dayLen       = 10    // len(dateLayout)
	dayBlock     = 256
)

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
	if m < 1 || m > 12 || d < 1 || d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
