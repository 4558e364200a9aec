package record

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"unsc"
)

// What Check compares, for every decision and every source that reports
// it. Each is a Finding's Kind.
const (
	// KindOutcome: the outcome a source records, against the record's.
	KindOutcome = "outcome"
	// KindLink: a source's link to the decision's voting record in the UN
	// Digital Library, against the Digital Library's own record number.
	KindLink = "link"
	// KindVeto: the members a source says cast a veto, against the
	// record's.
	KindVeto = "veto"
	// KindTally: a source's count (its own, or its positions summed),
	// against the record's count.
	KindTally = "tally"
	// KindPositions: a source's per-member positions, against the
	// record's; and the record's positions summed against its count.
	KindPositions = "positions"
	// KindDate and KindMeeting: a source's date and meeting.
	KindDate    = "date"
	KindMeeting = "meeting"
	// KindMeetingDate: the decisions of one meeting on different days.
	KindMeetingDate = "meeting-date"
	// KindOrder: resolution numbers out of date order, or meeting numbers.
	KindOrder = "order"
	// KindSymbol: one draft symbol on more than one decision; a source's
	// draft symbol against the record's; a symbol not of its kind's form
	// (see symbolForms), and a draft known by no symbol of its own.
	KindSymbol = "symbol"
	// KindCouncil: positions naming a state not on the Council that day.
	KindCouncil = "council"
	// KindModality: a vote against an adoption without a vote.
	KindModality = "modality"
	// KindAmendment: an amendment against a draft.
	KindAmendment = "kind"
	// KindDuplicate: two decisions that are one.
	KindDuplicate = "duplicate"
	// KindReplay: the outcome the Charter engine derives from the count
	// or the positions, against the outcome the record keeps.
	KindReplay = "replay"
)

// Kinds lists every kind of finding, in the order reports list them.
var Kinds = []string{KindOutcome, KindVeto, KindTally, KindPositions, KindDate, KindMeeting, KindMeetingDate, KindOrder, KindSymbol, KindCouncil, KindModality, KindAmendment, KindDuplicate, KindLink, KindReplay}

// Status is what a finding comes to.
type Status string

// The statuses of a finding.
const (
	// Corrected: a source gives a value the record does not show, and the
	// record shows the value of the source authoritative for the field (by
	// rule), or of a fact with its public source; Basis says which.
	Corrected Status = "corrected"
	// Unexplained: a disagreement no rule or fact settles: an error of the
	// record until one does.
	Unexplained Status = "unexplained"
)

// Finding is one disagreement found in one decision.
type Finding struct {
	Decision unsc.Decision
	Kind     string
	Status   Status
	// Source is the source whose report disagrees, if one does.
	Source unsc.Source
	// Detail says what disagrees: the source's value and the record's.
	Detail string
	// Basis says why the record's value stands: the rule and the source
	// it takes the value from, or the fact and its public source. Empty
	// when unexplained.
	Basis string
}

// Summary is the result of checking the record.
type Summary struct {
	// Decisions is the number of decisions checked; each agrees (no
	// finding), is corrected (every finding corrected) or is unexplained.
	Decisions, Agree, Corrected, Unexplained int
	// Doubt counts the decisions with positions in doubt (among the
	// corrected).
	Doubt int
	// Official measures how far the official sources agree with one
	// another, before the record settles anything.
	Official Agreement
	// Findings lists every finding, in record order.
	Findings []Finding
}

// Agreement measures how far the official sources (those the United
// Nations publishes: the library's meeting tables and veto list, the UN
// Digital Library, the UN's press releases) agree with one another on the
// decisions two or more of them report. A field agrees where every
// official report that gives it gives the same value: the count
// (yes-no-abstain, a source's own or its positions summed; a page with no
// vote on it gives none), the date, the meeting. A decision one official
// source alone reports is not counted, whatever the others say.
type Agreement struct {
	// Decisions counts the decisions two or more official sources report.
	Decisions int
	// Count, Date and Meeting count those on which every official report
	// that gives the field agrees; All, those that agree on all three.
	Count, Date, Meeting, All int
}

// Share returns n as a share of the decisions measured, in per cent, and
// 0 when none is.
func (a Agreement) Share(n int) float64 {
	if a.Decisions == 0 {
		return 0
	}
	return 100 * float64(n) / float64(a.Decisions)
}

// Line says the measure in words.
func (a Agreement) Line() string {
	return fmt.Sprintf("Of %s two or more official sources report, %.1f%% agree on the count, %.1f%% on the date, %.1f%% on the meeting, %.1f%% on all three",
		plural(a.Decisions, "decision", "decisions"), a.Share(a.Count), a.Share(a.Date), a.Share(a.Meeting), a.Share(a.All))
}

// add measures d.
func (a *Agreement) add(d *unsc.Decision) {
	var sources []unsc.Source
	var tallies []unsc.Tally
	var dates []time.Time
	var meetings []string
	for i := range d.Reports {
		r := &d.Reports[i]
		if !r.Source.Official() {
			continue
		}
		if !slices.Contains(sources, r.Source) {
			sources = append(sources, r.Source)
		}
		t := r.Tally
		if r.Votes.Known() {
			t = unsc.Tally{}
			if anyVote(r.Votes) {
				t = countVotes(r.Votes)
			}
		}
		if t.Known {
			tallies = append(tallies, t)
		}
		if !r.Date.IsZero() {
			dates = append(dates, r.Date)
		}
		if r.Meeting != "" {
			meetings = append(meetings, r.Meeting)
		}
	}
	if len(sources) < 2 {
		return
	}
	a.Decisions++
	count := !slices.ContainsFunc(tallies, func(t unsc.Tally) bool { return !sameTally(t, tallies[0]) })
	date := !slices.ContainsFunc(dates, func(t time.Time) bool { return !t.Equal(dates[0]) })
	meeting := !slices.ContainsFunc(meetings, func(m string) bool { return m != meetings[0] })
	for _, x := range []struct {
		ok bool
		n  *int
	}{{count, &a.Count}, {date, &a.Date}, {meeting, &a.Meeting}, {count && date && meeting, &a.All}} {
		if x.ok {
			*x.n++
		}
	}
}

// Line is the summary's closing line.
func (s Summary) Line() string {
	return fmt.Sprintf("%s: %d agree, %d corrected (%d with positions in doubt), %d unexplained",
		plural(s.Decisions, "decision", "decisions"), s.Agree, s.Corrected, s.Doubt, s.Unexplained)
}

// plural writes n with the word's singular or plural form.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// ByKind counts the findings of each kind and status.
func (s Summary) ByKind() map[string]map[Status]int {
	out := map[string]map[Status]int{}
	for _, f := range s.Findings {
		if out[f.Kind] == nil {
			out[f.Kind] = map[Status]int{}
		}
		out[f.Kind][f.Status]++
	}
	return out
}

// Check audits the record: for every decision and every source that
// reports it, it compares the outcome, the count, the positions (and their
// sum against the count), the date, the meeting, the modality and the kind
// of vote; across decisions, the meeting's date, the order of resolution
// and meeting numbers by date, one draft symbol to one decision, and
// duplicates; and it replays each decision through the Charter engine. A
// disagreement the record settles — by showing the value of the source
// authoritative for the field, or of a sourced fact — is corrected; any
// other is unexplained.
func Check(decisions []unsc.Decision) Summary {
	s := Summary{Decisions: len(decisions)}
	across := acrossDecisions(decisions)
	for i := range decisions {
		d := &decisions[i]
		fs := findings(d)
		fs = append(fs, across[i]...)
		status := Status("")
		for _, f := range fs {
			if f.Status == Unexplained {
				status = Unexplained
			} else if status == "" {
				status = Corrected
			}
		}
		switch status {
		case "":
			s.Agree++
		case Corrected:
			s.Corrected++
		default:
			s.Unexplained++
		}
		if len(d.InDoubt()) > 0 {
			s.Doubt++
		}
		s.Official.add(d)
		s.Findings = append(s.Findings, fs...)
	}
	return s
}

// noteFor returns the record's note on a field, if it has one.
func noteFor(d *unsc.Decision, field string) (unsc.Note, bool) {
	for _, n := range d.Notes {
		if n.Field == field {
			return n, true
		}
	}
	return unsc.Note{}, false
}

// settle decides a disagreement of report r with the record on a field:
// corrected when the record's note on the field says why, or when a more
// authoritative source than r gives the record's value; else unexplained.
func settle(d *unsc.Decision, r *unsc.Report, field string, ranker func(unsc.Source) int, gives func(*unsc.Report) bool) (Status, string) {
	if n, ok := noteFor(d, field); ok {
		what := "rule"
		if strings.HasPrefix(n.Text, "Fact:") || n.Kind == unsc.NoteContradiction {
			what = "fact"
		}
		return Corrected, fmt.Sprintf("%s (%s): %s", what, n.Source, n.Text)
	}
	for i := range d.Reports {
		o := &d.Reports[i]
		if o.Source != r.Source && ranker(o.Source) < ranker(r.Source) && gives(o) {
			return Corrected, fmt.Sprintf("rule: %s is authoritative for the %s over %s (%s)", o.Source, field, r.Source, o.Ref)
		}
	}
	return Unexplained, ""
}

func findings(d *unsc.Decision) []Finding {
	var out []Finding
	add := func(kind string, r *unsc.Report, status Status, basis, format string, args ...any) {
		f := Finding{Decision: *d, Kind: kind, Status: status, Basis: basis, Detail: fmt.Sprintf(format, args...)}
		if r != nil {
			f.Source = r.Source
		}
		out = append(out, f)
	}
	council, cerr := councilOn(d.Date)

	// The record against itself and the Charter.
	res, err := Derive(*d)
	switch {
	case err != nil && d.Recorded == 0 && d.Matter == unsc.ICJElection && !d.Votes.Known() && !d.Tally.Known:
		// An election to the Court is by secret ballot: the sources name
		// who was elected, if anyone, and give no votes to replay.
	case err != nil && d.Recorded == 0:
		add(KindReplay, nil, Unexplained, "", "no source records an outcome, and the engine cannot replay the vote: %s", unsc.ErrorMessage(err))
	case err == nil && d.Recorded == 0:
		add(KindReplay, nil, Unexplained, "", "no source records an outcome; the engine derives %s", describe(res))
	case err == nil && res.Outcome != d.Recorded:
		if n, ok := noteFor(d, "outcome"); ok && n.Kind == unsc.NoteContradiction {
			add(KindReplay, nil, Corrected, fmt.Sprintf("official outcome kept (%s): %s", n.Source, n.Text), "recorded %s; the count as given derives %s", d.Recorded, describe(res))
		} else {
			add(KindReplay, nil, Unexplained, "", "recorded %s, derived %s", d.Recorded, describe(res))
		}
	}
	if d.Votes.Known() && d.Tally.Known {
		if t := countVotes(d.Votes); !sameTally(t, d.Tally) {
			if doubt := d.InDoubt(); len(doubt) > 0 {
				n, _ := noteFor(d, "votes")
				add(KindPositions, nil, Corrected, fmt.Sprintf("rule: the official count stands; positions in doubt (%s): %s", n.Source, n.Text),
					"the positions shown count %s, the record's count is %s; in doubt: %s", tallyString(t), tallyString(d.Tally), joinCodes(doubt))
			} else {
				add(KindPositions, nil, Unexplained, "", "the positions shown count %s, the record's count is %s", tallyString(t), tallyString(d.Tally))
			}
		}
	}
	if d.Modality != unsc.ByVote && (d.Votes.Known() || d.Tally.Known) {
		add(KindModality, nil, Unexplained, "", "adopted %s, yet the record shows a vote", d.Modality)
	}
	for _, f := range symbolForms(d) {
		add(KindSymbol, nil, f.status, f.basis, "%s", f.detail)
	}

	// Each source against the record.
	for i := range d.Reports {
		r := &d.Reports[i]
		if n, ok := repeatOf(d, r); ok {
			when := day(r.Date)
			if r.Date.IsZero() {
				when = "no date"
			}
			add(KindDuplicate, r, Corrected, fmt.Sprintf("rule (%s): one source reports one vote once; %s", n.Source, n.Text),
				"%s (%s) lists the vote again, at %s on %s", r.Source, r.Ref, r.Meeting, when)
			continue
		}
		if r.Source == unsc.SourceCRUNSC {
			// Links only: it says nothing else of the decision.
			if own := undlRecords(d); strings.HasPrefix(r.Key, "voting:") && len(own) > 0 && !slices.Contains(own, r.Note) {
				add(KindLink, r, Corrected, fmt.Sprintf("rule: the UN Digital Library's own record number is authoritative for its voting record over %s", r.Source),
					"%s (%s) gives the voting record %s; the UN Digital Library's is %s", r.Source, r.Ref, r.Note, strings.Join(own, ", "))
			}
			continue
		}
		if r.Draft != "" && d.Draft != "" && !r.Amendment && !d.Amendment && baseSymbol(r.Draft) != baseSymbol(d.Draft) {
			st, basis := settle(d, r, "draft", rank, func(o *unsc.Report) bool { return o.Draft == d.Draft })
			add(KindSymbol, r, st, basis, "%s (%s) gives the draft as %s; the record, %s", r.Source, r.Ref, r.Draft, d.Draft)
		}
		if r.Draft != "" && d.Draft == "" && !r.Amendment && !d.Amendment {
			// A symbol the record took off (another decision's, or out
			// of the order of the year's documents): its note says why.
			if _, ok := noteFor(d, "draft"); ok {
				st, basis := settle(d, r, "draft", rank, func(*unsc.Report) bool { return false })
				add(KindSymbol, r, st, basis, "%s (%s) gives the draft as %s; the record shows none", r.Source, r.Ref, r.Draft)
			}
		}
		if r.Outcome != 0 && d.Recorded != 0 && r.Outcome != d.Recorded {
			st, basis := settle(d, r, "outcome", rank, func(o *unsc.Report) bool { return o.Outcome == d.Recorded })
			if st == Unexplained && r.Outcome == unsc.Failed && d.Recorded == unsc.Vetoed {
				st, basis = settle(d, r, "outcome", vetoRank, func(o *unsc.Report) bool { return o.Outcome == d.Recorded })
			}
			if st == Unexplained && r.Votes.Known() {
				if res, err := Derive(unsc.Decision{Date: d.Date, Votes: r.Votes, Matter: d.Matter, Amendment: d.Amendment}); err == nil && res.Outcome != r.Outcome {
					st, basis = Corrected, fmt.Sprintf("rule: the report's own positions give %s, not the %s it records; the source's report that its positions bear out stands", res.Outcome, r.Outcome)
				}
			}
			add(KindOutcome, r, st, basis, "%s (%s) records %s; the record, %s", r.Source, r.Ref, r.Outcome, d.Recorded)
		}
		if len(r.VetoedBy) > 0 && d.Recorded == unsc.Vetoed && !sameCodes(r.VetoedBy, d.VetoedBy) {
			st, basis := settle(d, r, "outcome", vetoRank, func(o *unsc.Report) bool { return len(o.VetoedBy) > 0 && sameCodes(o.VetoedBy, d.VetoedBy) })
			if st == Unexplained && len(d.VetoedBy) == 0 {
				st, basis = settle(d, r, "outcome", vetoRank, func(*unsc.Report) bool { return false })
			}
			add(KindVeto, r, st, basis, "%s (%s) says vetoed by %s; the record, by %s", r.Source, r.Ref, joinCodes(r.VetoedBy), orNone(joinCodes(d.VetoedBy)))
		}
		if !r.Date.IsZero() && !d.Date.IsZero() && !r.Date.Equal(d.Date) {
			st, basis := settle(d, r, "date", dateRank, func(o *unsc.Report) bool { return o.Date.Equal(d.Date) })
			add(KindDate, r, st, basis, "%s (%s) gives %s; the record, %s", r.Source, r.Ref, day(r.Date), day(d.Date))
		}
		if r.Meeting != "" && d.Meeting != "" && r.Meeting != d.Meeting {
			st, basis := settle(d, r, "meeting", dateRank, func(o *unsc.Report) bool { return o.Meeting == d.Meeting })
			add(KindMeeting, r, st, basis, "%s (%s) gives %s; the record, %s", r.Source, r.Ref, r.Meeting, d.Meeting)
		}
		if r.Amendment != d.Amendment {
			st, basis := settle(d, r, "kind", rank, func(o *unsc.Report) bool { return o.Amendment == d.Amendment })
			add(KindAmendment, r, st, basis, "%s (%s) lists it as %s; the record, as %s", r.Source, r.Ref, kindWord(r.Amendment), kindWord(d.Amendment))
		}
		if r.Modality != d.Modality && (r.Modality != unsc.WithoutVote || d.Modality != unsc.ByAcclamation) {
			st, basis := settle(d, r, "votes", dateRank, func(o *unsc.Report) bool { return o.Modality == d.Modality })
			if st == Unexplained && r.Source == unsc.SourceUNDL && (unanimous(r.Votes) || r.Votes.Known() && !anyVote(r.Votes)) {
				st, basis = Corrected, "rule: the Digital Library's pages show adoptions without a vote as unanimous (or blank), and say nothing of the modality"
			}
			add(KindModality, r, st, basis, "%s (%s) says %s; the record, %s", r.Source, r.Ref, r.Modality, d.Modality)
		}
		if cerr == nil && r.Votes.Len() > 0 {
			if strangers := notSitting(council, r.Votes); len(strangers) > 0 {
				add(KindCouncil, r, Corrected, "rule: positions naming a state not on the Council cannot belong to the decision; they are not used",
					"%s (%s) gives positions for %s, not on the Council on %s", r.Source, r.Ref, strings.Join(strangers, ", "), day(d.Date))
				continue
			}
		}
		if d.Modality != unsc.ByVote {
			continue
		}
		t := r.Tally
		if r.Votes.Known() {
			if !anyVote(r.Votes) {
				continue // a blank page: no positions to compare
			}
			t = countVotes(r.Votes)
		}
		if t.Known && !d.Tally.Known && d.Recorded != 0 {
			// The record shows no count where a source gives one: only a
			// note on the votes (a draft voted in parts, never as a
			// whole) explains it.
			st, basis := settle(d, r, "votes", dateRank, func(*unsc.Report) bool { return false })
			add(KindTally, r, st, basis, "%s (%s) counts %s; the record shows no count", r.Source, r.Ref, tallyString(t))
		}
		if t.Known && d.Tally.Known && !sameTally(t, d.Tally) {
			st, basis := settle(d, r, "votes", dateRank, func(o *unsc.Report) bool {
				u := o.Tally
				if o.Votes.Known() {
					u = countVotes(o.Votes)
				}
				return u.Known && sameTally(u, d.Tally)
			})
			if st == Unexplained {
				st, basis = settle(d, r, "tally", dateRank, func(*unsc.Report) bool { return false })
			}
			add(KindTally, r, st, basis, "%s (%s) counts %s; the record, %s", r.Source, r.Ref, tallyString(t), tallyString(d.Tally))
		}
		if diff := positionDiff(d, r); diff != "" {
			st, basis := settle(d, r, "votes", rank, func(o *unsc.Report) bool { return o.Votes.Known() && positionDiff(d, o) == "" })
			if st == Unexplained && t.Known && d.Tally.Known && !sameTally(t, d.Tally) && officialCount(d) != "" {
				st, basis = Corrected, fmt.Sprintf("rule: positions that do not add up to the official count (%s) are not shown", officialCount(d))
			}
			add(KindPositions, r, st, basis, "%s (%s) differs (record/%s): %s", r.Source, r.Ref, r.Source, diff)
		}
	}
	return out
}

// repeatOf returns the record's note saying that r repeats a vote its
// source reports elsewhere, if it does.
func repeatOf(d *unsc.Decision, r *unsc.Report) (unsc.Note, bool) {
	for _, n := range d.Notes {
		if n.Field == "record" && n.Source == cite(*r) {
			return n, true
		}
	}
	return unsc.Note{}, false
}

// officialCount names the official source of the record's count, if
// one gives it.
func officialCount(d *unsc.Decision) string {
	for _, r := range d.Reports {
		if r.Source.Official() && !r.Votes.Known() && r.Tally.Known && sameTally(r.Tally, d.Tally) {
			return cite(r)
		}
	}
	return ""
}

// vetoRank puts the veto list first: the library's statement on vetoes.
func vetoRank(s unsc.Source) int {
	if s == unsc.SourceDHLVetoes {
		return -1
	}
	return rank(s)
}

// sameCodes reports whether a and b hold the same codes, in any order.
func sameCodes(a, b []unsc.Code) bool {
	if len(a) != len(b) {
		return false
	}
	for _, c := range a {
		if !slices.Contains(b, c) {
			return false
		}
	}
	return true
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func kindWord(amendment bool) string {
	if amendment {
		return "an amendment"
	}
	return "a draft"
}

func day(t time.Time) string { return t.Format(time.DateOnly) }

func joinCodes(cs []unsc.Code) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// acrossDecisions finds what only the whole record shows: decisions of one
// meeting on different days, resolution and meeting numbers out of date
// order, a draft symbol on two decisions, duplicates.
func acrossDecisions(ds []unsc.Decision) [][]Finding {
	out := make([][]Finding, len(ds))
	add := func(i int, kind string, st Status, basis, format string, args ...any) {
		out[i] = append(out[i], Finding{Decision: ds[i], Kind: kind, Status: st, Basis: basis, Detail: fmt.Sprintf(format, args...)})
	}
	// One meeting, one date (a meeting may run past midnight).
	byMeeting := map[string][]int{}
	for i, d := range ds {
		if d.Meeting != "" && !d.Date.IsZero() {
			byMeeting[d.Meeting] = append(byMeeting[d.Meeting], i)
		}
	}
	meetingKeys := make([]string, 0, len(byMeeting))
	for m := range byMeeting {
		meetingKeys = append(meetingKeys, m)
	}
	slices.Sort(meetingKeys)
	for _, m := range meetingKeys {
		idx := byMeeting[m]
		first := ds[idx[0]].Date
		for _, i := range idx {
			if absDays(ds[i].Date, first) > 1 {
				// A meeting resumed over several days, as a sourced fact
				// dates one of its decisions, is one meeting.
				st, basis := Unexplained, ""
				for _, j := range idx {
					if n, ok := noteFor(&ds[j], "date"); ok && strings.HasPrefix(n.Text, "Fact:") {
						st, basis = Corrected, fmt.Sprintf("fact (%s): %s", n.Source, n.Text)
					}
				}
				for _, j := range idx {
					add(j, KindMeetingDate, st, basis, "%s holds decisions of %s and %s", m, day(first), day(ds[i].Date))
				}
				break
			}
		}
	}
	// Resolution numbers in date order.
	type num struct {
		n, i int
	}
	var res []num
	for i, d := range ds {
		if n, ok := unsc.ResolutionNumber(d.Resolution); ok {
			res = append(res, num{n, i})
		}
	}
	slices.SortFunc(res, func(a, b num) int { return cmp.Compare(a.n, b.n) })
	for k := range res {
		if k > 0 && res[k].n == res[k-1].n {
			add(res[k].i, KindDuplicate, Unexplained, "", "resolution %d is in the record twice (also %s)", res[k].n, day(ds[res[k-1].i].Date))
		}
		if out := outOfOrder(len(res), k, 0, func(j int) time.Time { return ds[res[j].i].Date }); out != "" {
			add(res[k].i, KindOrder, Unexplained, "", "resolution %d is dated %s, %s", res[k].n, day(ds[res[k].i].Date), out)
		}
	}
	// Meeting numbers in date order, meeting by meeting.
	type meet struct {
		n    int
		date time.Time
		idx  []int
	}
	var meets []meet
	for _, m := range meetingKeys {
		idx := byMeeting[m]
		meets = append(meets, meet{meetingNumber(m), ds[idx[0]].Date, idx})
	}
	slices.SortFunc(meets, func(a, b meet) int { return cmp.Compare(a.n, b.n) })
	for k := range meets {
		// A meeting that ran past midnight holds the next day's decisions
		// (resolution 913 (1994), adopted on 22 April at the 3367th
		// meeting, opened on 21 April before the 3368th): a day's slack.
		if out := outOfOrder(len(meets), k, 24*time.Hour, func(j int) time.Time { return meets[j].date }); out != "" {
			for _, i := range meets[k].idx {
				add(i, KindOrder, Unexplained, "", "meeting %s is dated %s, %s", ds[i].Meeting, day(meets[k].date), out)
			}
		}
	}
	// One draft symbol, one decision (a draft may be put to the vote again
	// in parts, with another count); no decision twice.
	byDraft := map[string][]int{}
	for i, d := range ds {
		if d.Draft != "" {
			byDraft[d.Draft] = append(byDraft[d.Draft], i)
		}
	}
	drafts := make([]string, 0, len(byDraft))
	for sym := range byDraft {
		drafts = append(drafts, sym)
	}
	slices.Sort(drafts)
	for _, sym := range drafts {
		idx := byDraft[sym]
		if len(idx) < 2 {
			continue
		}
		for _, i := range idx {
			for _, j := range idx {
				if i == j {
					continue
				}
				a, b := ds[i], ds[j]
				same := a.Meeting == b.Meeting && a.Date.Equal(b.Date) && a.Amendment == b.Amendment && a.Tally == b.Tally && a.Recorded == b.Recorded
				switch {
				case same:
					add(i, KindDuplicate, Unexplained, "", "%s: the same vote as the decision of %s", sym, day(b.Date))
				case a.Amendment == b.Amendment && a.Resolution != "" && b.Resolution != "" && a.Resolution != b.Resolution:
					add(i, KindSymbol, Unexplained, "", "%s is the draft of %s and of %s", sym, a.Resolution, b.Resolution)
				}
			}
		}
	}
	// No vote twice under two keys: two decisions of one meeting and day
	// alike in title, kind, outcome, count and positions, whose symbols do
	// not differ (one or both lack the draft's), the reports of one read
	// at the places of the other's under other keys, are one vote held
	// twice, as when the report an older unsc stored under one key stays
	// beside the key it is given now. (Two with one draft symbol are found
	// above; votes alike read at two places, as the vetoes of one meeting
	// in 1946, are two votes.)
	for _, m := range meetingKeys {
		idx := byMeeting[m]
		for x, i := range idx {
			for _, j := range idx[x+1:] {
				if a, b := &ds[i], &ds[j]; sameVoteTwice(a, b) {
					add(i, KindDuplicate, Unexplained, "", "%s: the same vote as the decision %s of %s", m, Symbol(*b), day(b.Date))
					add(j, KindDuplicate, Unexplained, "", "%s: the same vote as the decision %s of %s", m, Symbol(*a), day(a.Date))
				}
			}
		}
	}
	return out
}

// sameVoteTwice reports whether a and b, of one meeting, are one vote the
// record holds twice: the same day, title, kind, outcome, count and
// positions, with no two symbols that differ, not both with a draft symbol
// (one draft symbol on two decisions is a finding of its own), and read by
// one source at one place under two keys.
func sameVoteTwice(a, b *unsc.Decision) bool {
	compatible := func(x, y string) bool { return x == y || x == "" || y == "" }
	return a.Date.Equal(b.Date) && a.Title == b.Title && a.Amendment == b.Amendment && a.AmendmentTo == b.AmendmentTo &&
		a.Recorded == b.Recorded && a.Tally == b.Tally && a.Votes.Equal(b.Votes) &&
		(a.Draft == "" || b.Draft == "") && compatible(a.Resolution, b.Resolution) && readTwice(a, b)
}

// readTwice reports whether every report of one of a and b was read by its
// source at the place of a report of the other, under another key: the one
// decision is the other's reports again. (One row of the Library's table
// of meetings may give several votes; their other sources tell them apart.)
func readTwice(a, b *unsc.Decision) bool {
	return readAgainIn(a, b) || readAgainIn(b, a)
}

func readAgainIn(a, b *unsc.Decision) bool {
	if len(a.Reports) == 0 {
		return false
	}
	for _, x := range a.Reports {
		if !slices.ContainsFunc(b.Reports, func(y unsc.Report) bool {
			return x.Source == y.Source && x.Ref != "" && x.Ref == y.Ref && x.Key != y.Key
		}) {
			return false
		}
	}
	return true
}

// outOfOrder says how the k-th of n items, in number order, breaks the
// date order its neighbours agree on by more than slack; "" if it does not.
func outOfOrder(n, k int, slack time.Duration, date func(int) time.Time) string {
	if k == 0 || k == n-1 {
		return ""
	}
	prev, next, d := date(k-1), date(k+1), date(k)
	if prev.After(next) || prev.IsZero() || next.IsZero() || d.IsZero() {
		return ""
	}
	if d.Add(slack).Before(prev) || d.Add(-slack).After(next) {
		return fmt.Sprintf("outside the dates of the numbers before and after it (%s to %s)", day(prev), day(next))
	}
	return ""
}

// notSitting lists the codes in votes that are not members of Council c.
func notSitting(c unsc.Council, votes unsc.Votes) []string {
	if c.Members == nil {
		return nil
	}
	var out []string
	for code := range votes.All() {
		if _, ok := c.Member(code); !ok {
			out = append(out, string(code))
		}
	}
	slices.Sort(out)
	return out
}

func sameTally(a, b unsc.Tally) bool {
	return a.Yes == b.Yes && a.No == b.No && a.Abstain == b.Abstain
}

// positionDiff compares one source's positions with the record's. A
// member not listed and a member listed as not participating are alike:
// sources differ in how they write both.
func positionDiff(d *unsc.Decision, r *unsc.Report) string {
	if !d.Votes.Known() || !r.Votes.Known() || !anyVote(r.Votes) {
		return ""
	}
	nonVoting := func(p unsc.Position) bool { return p == unsc.Absent || p == unsc.NotParticipating }
	var codes []string
	for code, p := range r.Votes.All() {
		if q := d.Votes.Of(code); q != p && !(nonVoting(p) && nonVoting(q)) {
			codes = append(codes, fmt.Sprintf("%s %s/%s", code, q.Letter(), p.Letter()))
		}
	}
	for code, q := range d.Votes.All() {
		if _, listed := r.Votes.Get(code); !listed && !nonVoting(q) {
			codes = append(codes, fmt.Sprintf("%s %s/-", code, q.Letter()))
		}
	}
	slices.Sort(codes)
	return strings.Join(codes, ", ")
}

func describe(r unsc.Result) string {
	s := fmt.Sprintf("%s (%d-%d-%d, %d required)", r.Outcome, r.Yes, r.No, r.Abstain, r.Required)
	if len(r.VetoedBy) > 0 {
		s += fmt.Sprintf(" vetoed by %v", memberCodes(r.VetoedBy))
	}
	return s
}

func tallyString(t unsc.Tally) string {
	if !t.Known {
		return "no tally"
	}
	return fmt.Sprintf("%d-%d-%d", t.Yes, t.No, t.Abstain)
}

type formFinding struct {
	status        Status
	basis, detail string
}

// symbolForms checks that each of a decision's symbols is of its kind's
// form: a resolution S/RES/N (YYYY) of the year of its date; a draft (or an
// amendment, or the draft an amendment amends) S/YYYY/N from 1994 and S/N
// before, with its revision, addendum or corrigendum, and never of a year
// after the vote; a meeting S/PV.N. A meeting symbol is never a draft's: a
// vote on a draft (any decision but the meeting's own procedural vote,
// preliminary question or election) with no symbol of its own is shown as
// "draft at S/PV.N", and reported — corrected where an official source
// records that the draft had none, or where no source gives one (the
// record shows the gap, not a meeting symbol in its place).
func symbolForms(d *unsc.Decision) []formFinding {
	var out []formFinding
	bad := func(format string, args ...any) {
		out = append(out, formFinding{status: Unexplained, detail: fmt.Sprintf(format, args...)})
	}
	year := d.Date.Year()
	if d.Resolution != "" {
		sym, kind, err := unsc.NormalizeSymbol(d.Resolution)
		want := fmt.Sprintf("(%d)", year)
		switch {
		case err != nil || kind != unsc.ResolutionSymbol:
			bad("the resolution's symbol %s is not a resolution's (S/RES/N (YYYY))", d.Resolution)
		case sym != d.Resolution || !strings.HasSuffix(sym, want) && !d.Date.IsZero():
			bad("the resolution's symbol %s is not S/RES/N %s, the year of its adoption", d.Resolution, want)
		}
	}
	draft := func(what, s string) {
		sym, kind, err := unsc.NormalizeSymbol(s)
		if err != nil || kind != unsc.DraftSymbol {
			bad("%s %s is not a draft's symbol (S/YYYY/N, or S/N before 1994)", what, s)
			return
		}
		if sym != s {
			bad("%s %s is not spelt as the UN spells it (%s)", what, s, sym)
			return
		}
		parts := strings.Split(sym, "/")
		dated := len(parts) >= 3 && len(parts[1]) == 4 && !strings.ContainsAny(parts[2], ".")
		if d.Date.IsZero() {
			return
		}
		switch {
		case dated && parts[1] > fmt.Sprint(year):
			bad("%s %s is of a year after the vote (%d)", what, s, year)
		case dated && parts[1] < "1994":
			bad("%s %s has a year, but drafts were numbered S/N until 1993", what, s)
		case !dated && year >= 1994:
			bad("%s %s has no year, but drafts are numbered S/YYYY/N since 1994", what, s)
		}
	}
	if d.Draft != "" {
		what := "the draft's symbol"
		if d.Amendment {
			what = "the amendment's symbol"
		}
		draft(what, d.Draft)
	}
	if d.AmendmentTo != "" {
		draft("the amended draft's symbol", d.AmendmentTo)
	}
	if d.Meeting != "" {
		if _, kind, err := unsc.NormalizeSymbol(d.Meeting); err != nil || kind != unsc.MeetingSymbol {
			bad("the meeting's symbol %s is not a meeting's (S/PV.N)", d.Meeting)
		}
	}
	if d.Resolution == "" && d.Draft == "" && !d.Amendment && !meetingDecision(*d) {
		f := formFinding{status: Corrected, detail: fmt.Sprintf("a draft with no symbol of its own: shown as %q, not by the meeting's symbol", symbolOf(*d))}
		for i := range d.Reports {
			r := &d.Reports[i]
			if r.Source.Official() && strings.Contains(r.Note, unsc.NoDraftSymbol) {
				f.basis = fmt.Sprintf("rule: %s (%s) records that the draft had no symbol", r.Source, r.Ref)
				break
			}
		}
		if f.basis == "" {
			f.basis = "rule: no source gives the draft's symbol; the record shows the gap, not the meeting's symbol in its place"
		}
		out = append(out, f)
	}
	return out
}
