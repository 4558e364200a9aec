package record

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"unsc"
	"unsc/charter"
)

// Which source is authoritative for which field.
//
//   - The count, the date and the meeting: the library's meeting tables,
//     the official record of the Council's meetings and what each decided;
//     then the UN Digital Library, the veto list, other official or
//     curated sources, and last the unattributed spreadsheet, which only
//     fills gaps.
//   - Symbols, titles and agenda: the UN Digital Library, then the meeting
//     tables, the veto list, the others, the spreadsheet.
//   - Per-member positions: the UN Digital Library's where they add up to
//     the official count (see fitCount), else the spreadsheet's where they
//     do, else the Digital Library's resolved by the count, with the
//     members left in doubt named.
//   - Who vetoed: the veto list, the library's statement on vetoes.

// dateRank orders sources for the date, the meeting and the count: as
// rank, with the meeting tables first.
func dateRank(s unsc.Source) int {
	switch s {
	case unsc.SourceDHLMeetings:
		return 0
	case unsc.SourceUNDL:
		return 1
	}
	return rank(s)
}

// byDateRank returns the reports of a group in the order of dateRank.
func byDateRank(g []unsc.Report) []unsc.Report {
	out := slices.Clone(g)
	slices.SortStableFunc(out, func(a, b unsc.Report) int { return dateRank(a.Source) - dateRank(b.Source) })
	return out
}

// sourceName says where a value comes from, for notes.
func sourceName(r unsc.Report) string {
	switch r.Source {
	case unsc.SourceDHLMeetings:
		return "the Dag Hammarskjöld Library's meeting table"
	case unsc.SourceDHLVetoes:
		return "the Dag Hammarskjöld Library's veto list"
	case unsc.SourceUNDL:
		return "the UN Digital Library"
	case unsc.SourceSpreadsheet:
		return "the unattributed 1994–2025 spreadsheet"
	case unsc.SourcePress:
		return "the UN's press release"
	case unsc.SourceResearch:
		return "independent research"
	case unsc.SourceFailedDrafts:
		return "Emily Tong's hand-entered list of failed drafts"
	case unsc.SourceWPDVetoes:
		return "the World Politics Data Lab's copy of the veto list"
	case unsc.SourceCRUNSC:
		return "the CR-UNSC crosswalk"
	}
	return string(r.Source)
}

// cite names a report as a note's source: the source and where in it.
func cite(r unsc.Report) string {
	return string(r.Source) + " (" + r.Ref + ")"
}

// build makes one decision from the reports of a group, most authoritative
// first; swap, when set, gives the positions a report is to be read with
// (swap.go).
func build(g []unsc.Report, facts Facts, reps repeats, swap *positionSwap, days map[string]meetingDay) unsc.Decision {
	g = agreeingFirst(g)
	d := unsc.Decision{Reports: g}
	for _, r := range g {
		setIfEmpty(&d.Resolution, r.Resolution)
		setIfEmpty(&d.Draft, r.Draft)
		setIfEmpty(&d.AmendmentTo, r.AmendmentTo)
		setIfEmpty(&d.Title, r.Title)
		setIfEmpty(&d.Agenda, r.Agenda)
		if d.Subjects == nil {
			d.Subjects = r.Subjects
		}
		if d.Sponsors == nil {
			d.Sponsors = r.Sponsors
			if r.Sponsors != nil && strings.Contains(r.Note, "sponsors: the file's list is cut short") {
				// The spreadsheet's cell stops mid-name (scvotes): the
				// list on show is not the whole list.
				addNote(&d, unsc.Note{Kind: unsc.NoteDoubt, Field: "sponsors", Source: cite(r),
					Text: fmt.Sprintf("%s's list of sponsors stops in the middle of a name: the record shows the %d it names whole; the others are not known.", upper(sourceName(r)), len(r.Sponsors))})
			}
		}
		d.Amendment = d.Amendment || r.Amendment
		if !d.MatterKnown && r.MatterKnown {
			d.Matter, d.MatterKnown = r.Matter, true
		}
		if !slices.Contains(d.Sources, r.Source) {
			d.Sources = append(d.Sources, r.Source)
		}
	}
	fact, _ := facts.lookup(g)
	dated := byDateRank(g)
	d.Date, d.Meeting = dateAndMeeting(&d, dated, reps)
	if d.Date.IsZero() && d.Meeting != "" {
		// A source that gives the year only: the vote was taken at its
		// meeting, on the day the official sources give the meeting.
		if day, ok := days[d.Meeting]; ok {
			d.Date = day.date()
			addNote(&d, unsc.Note{Kind: unsc.NoteCorrected, Field: "date", Source: cite(*day.from),
				Text: fmt.Sprintf("No date in %s, only the meeting, %s; %s dates that meeting %s, and so does the record.",
					sourceName(dated[0]), d.Meeting, sourceName(*day.from), day.date().Format("2 January 2006"))})
		}
	}
	videoconferenceDate(&d, g, days)
	d.Modality = modality(&d, dated)
	if fact != nil {
		if !fact.Date.IsZero() && !fact.Date.Equal(d.Date) {
			d.Date = fact.Date
			replaceNote(&d, fact.note("date"))
		}
		if fact.Meeting != "" && fact.Meeting != d.Meeting {
			d.Meeting = fact.Meeting
			replaceNote(&d, fact.note("meeting"))
		}
		if fact.Modality != nil && *fact.Modality != d.Modality {
			d.Modality = *fact.Modality
			replaceNote(&d, fact.note("modality"))
		}
	}
	d.Recorded = recordedOutcome(g)
	d.VetoedBy = recordedVetoes(g)
	// The libraries' meeting tables say only "not adopted" where their veto
	// list names the veto: the more specific official statement wins.
	if d.Recorded == unsc.Failed {
		for _, r := range g {
			if r.Source.Official() && r.Outcome == unsc.Vetoed {
				d.Recorded = unsc.Vetoed
				break
			}
		}
	}
	if d.Modality == unsc.ByVote {
		countAndPositions(&d, dated, fact, swap)
	}
	coSponsors(&d, g)
	if fact != nil {
		applyFact(&d, fact)
	}
	positionsFromCount(&d)
	unaccountedSeats(&d, fact)
	// Where the engine can replay the vote, it says who cast a veto: a
	// negative vote on a draft short of the required votes is none, whatever
	// a source's marking says.
	if res, err := Derive(d); err == nil {
		d.Derived = res.Outcome
		d.VetoedBy = nil
		if res.Outcome == unsc.Vetoed {
			d.VetoedBy = memberCodes(res.VetoedBy)
		}
	}
	contradiction(&d, dated, fact)
	noteRepeats(&d, reps)
	electedJudges(&d, g)
	return d
}

// electedJudges notes who an election of members of the International
// Court of Justice elected, as the most authoritative source that names
// them has it (unsc.NoteElected). The ballot is secret: the record never
// holds a member's vote in such an election, nor a count.
func electedJudges(d *unsc.Decision, g []unsc.Report) {
	if d.Matter != unsc.ICJElection {
		return
	}
	// The first source, in rank order, that says what the meeting did:
	// those it elected, or that it elected no one; else one that names
	// those elected that day at one of the day's meetings, without saying
	// which (never taken for the meeting's own).
	for _, r := range g {
		if names, ok := unsc.ElectedInNote(r.Note); ok {
			addNote(d, unsc.Note{Kind: unsc.NoteElected, Field: "elected", Source: cite(r), Text: unsc.ElectedText(names)})
			return
		}
		if unsc.NoneElectedInNote(r.Note) {
			addNote(d, unsc.Note{Kind: unsc.NoteElected, Field: "elected", Source: cite(r), Text: unsc.NoOneElected})
			return
		}
	}
	for _, r := range g {
		if first, last, names, ok := unsc.ElectedOnDayInNote(r.Note); ok {
			addNote(d, unsc.Note{Kind: unsc.NoteElected, Field: unsc.ElectedOnDayField, Source: cite(r), Text: unsc.ElectedOnDayText(first, last, names)})
			return
		}
	}
}

// contradiction notes an official source whose count cannot give the
// outcome it records, and keeps the official outcome. A draft the library
// counts as vetoed that lacked the votes (S/10768, 1972: 3-3-9) is both:
// vetoed as the library counts vetoes, and failed under the Charter. A
// count that would adopt a draft the library says was not adopted
// (S/5095, 1962: 7-2-1), or a veto with no vote against (S/2022/431:
// 13-0-2), is a misprint: the record keeps the official outcome, replays
// nothing from the misprinted count, and takes the count from a sourced
// fact where there is one.
func contradiction(d *unsc.Decision, dated []unsc.Report, fact *Fact) {
	if d.Modality != unsc.ByVote || d.Recorded == 0 {
		return
	}
	var official *unsc.Report
	for i, r := range dated {
		if r.Source.Official() && r.Tally.Known && !r.Votes.Known() {
			official = &dated[i]
			break
		}
	}
	if official == nil {
		return
	}
	c, err := councilOn(d.Date)
	if err != nil {
		return
	}
	b := unsc.Ballot{Date: d.Date, Matter: d.Matter, Amendment: d.Amendment}
	t := official.Tally
	vetoes := recordedVetoes(d.Reports)
	res, err := charter.Charter.DecideTally(c, b, t, vetoes)
	if err == nil && res.Outcome == d.Recorded {
		return
	}
	var text string
	switch {
	case err != nil && d.Recorded == unsc.Vetoed:
		text = fmt.Sprintf("%s records this draft as vetoed%s, yet prints the count as %d in favour, %d against and %d abstaining: fewer votes against than members vetoing. The count as printed cannot give the veto; the record keeps the official outcome, vetoed.",
			upper(sourceName(*official)), byWhom(vetoes, c), t.Yes, t.No, t.Abstain)
	case err != nil:
		return
	case d.Recorded == unsc.Vetoed && res.Outcome == unsc.Failed:
		text = fmt.Sprintf("%s records this draft as vetoed%s, with %d votes in favour, %d against and %d abstaining. With fewer than the %d votes in favour required it failed for want of votes under Article 27(3), whatever the permanent members cast. Both are so: it counts as a veto in the library's records, and it did not have the votes.",
			upper(sourceName(*official)), byWhom(recordedVetoes(d.Reports), c), t.Yes, t.No, t.Abstain, c.Required)
	case d.Recorded == unsc.Vetoed:
		text = fmt.Sprintf("%s records this draft as vetoed%s, yet prints the count as %d in favour, %d against and %d abstaining, with no permanent member against: the count as printed cannot give a veto. The record keeps the official outcome, vetoed.",
			upper(sourceName(*official)), byWhom(recordedVetoes(d.Reports), c), t.Yes, t.No, t.Abstain)
	case d.Recorded == unsc.Failed && res.Outcome == unsc.Adopted:
		text = fmt.Sprintf("%s records this draft as not adopted, with no veto, yet prints the count as %d in favour, %d against and %d abstaining, which has the %d votes in favour required: the count as printed cannot give the outcome. The record keeps the official outcome, not adopted.",
			upper(sourceName(*official)), t.Yes, t.No, t.Abstain, c.Required)
	default:
		text = fmt.Sprintf("%s records the outcome as %s, yet its count, %s, gives %s under the Charter. The record keeps the official outcome.",
			upper(sourceName(*official)), d.Recorded, tallyText(t), res.Outcome)
	}
	if fact != nil && fact.Tally.Known {
		ff, _ := fact.field("tally")
		text += fmt.Sprintf(" The count was %s (%s).", tallyText(fact.Tally), ff.Source)
	}
	addNote(d, unsc.Note{Kind: unsc.NoteContradiction, Field: "outcome", Source: cite(*official), Text: text})
	// The engine's replay of a misprinted count is no outcome: the
	// questions then go by the official one. A veto short of the votes is
	// a failure under the Charter, which the replay says.
	if d.Derived != d.Recorded && !(d.Recorded == unsc.Vetoed && d.Derived == unsc.Failed) {
		d.Derived = 0
		d.VetoedBy = recordedVetoes(d.Reports)
	}
}

// under names the agenda item a listing gives, where it differs from
// the record's.
func under(title, recorded string) string {
	if title == "" || title == recorded {
		return ""
	}
	return fmt.Sprintf(", under \u201c%s\u201d", title)
}

func byWhom(codes []unsc.Code, c unsc.Council) string {
	if len(codes) == 0 {
		return ""
	}
	return " by " + names(c, codes)
}

// noteRepeats notes a source that lists the vote twice.
func noteRepeats(d *unsc.Decision, reps repeats) {
	for _, r := range d.Reports {
		if reps.of(r) {
			where := r.Meeting
			if where == "" {
				where = "another entry"
			}
			t := r.Tally
			if r.Votes.Known() {
				t = countVotes(r.Votes)
			}
			if r.Date.IsZero() || t.Known && d.Tally.Known && !sameTally(t, d.Tally) {
				sym := r.Draft
				if sym == "" {
					sym = "the vote"
				}
				text := fmt.Sprintf("%s lists %s a second time at %s, counted %s, a count no official source gives it: one of its rows is in error, and the record takes the one that agrees with the official count, %s.",
					upper(sourceName(r)), sym, where, tallyText(t), tallyText(d.Tally))
				addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "record", Source: cite(r), Text: text})
				continue
			}
			text := fmt.Sprintf("%s lists this vote a second time, at %s on %s%s, with the same count: one vote, listed twice.",
				upper(sourceName(r)), where, r.Date.Format("2 January 2006"), under(r.Title, d.Title))
			// Another official source that gives the vote where the record
			// shows it says which listing is the page's error.
			for _, o := range d.Reports {
				if o.Source != r.Source && o.Source.Official() && !reps.of(o) && o.Meeting == d.Meeting && o.Date.Equal(d.Date) && d.Meeting != "" {
					text += fmt.Sprintf(" %s gives it at %s on %s%s, as the record does: the second listing is an error of the page.",
						upper(sourceName(o)), d.Meeting, d.Date.Format("2 January 2006"), under(o.Title, ""))
					break
				}
			}
			addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "record", Source: cite(r), Text: text})
		}
	}
}

// applyFact sets what a fact says of the matter, the kind of vote and
// absences; the count, positions, date, meeting and modality are set as
// the decision is built.
func applyFact(d *unsc.Decision, f *Fact) {
	if f.Matter != nil {
		d.Matter, d.MatterKnown = *f.Matter, true
	}
	if f.AmendmentTo != "" {
		if !d.Amendment || d.AmendmentTo != f.AmendmentTo {
			addNote(d, f.note("amendment_to"))
		}
		d.Amendment, d.AmendmentTo = true, f.AmendmentTo
	}
	if f.Draft != "" {
		// Noted also where the sources give the same symbol: the fact
		// is then its official source, and the rules that take off a
		// symbol the spreadsheet alone gives leave it alone.
		addNote(d, f.note("draft"))
		d.Draft = f.Draft
	}
	if len(f.Sponsors) > 0 {
		// Noted also where a source gives the same list: the fact is
		// then its official source. It takes the place of a note that
		// a source's list is cut short.
		replaceNote(d, f.note("sponsors"))
		d.Sponsors = slices.Clone(f.Sponsors)
	}
	if f.Agenda != "" {
		// Noted also where a source gives the same item: the fact is
		// then its official source.
		replaceNote(d, f.note("agenda"))
		d.Agenda = f.Agenda
	}
	if len(f.Absent) > 0 && d.Votes.Known() {
		votes := d.Votes
		for _, c := range f.Absent {
			if votes.Of(c) == unsc.NotParticipating {
				votes = votes.Without(c)
			}
		}
		d.Votes = votes
		t := countVotes(votes)
		if d.Tally.Known && sameTally(t, d.Tally) {
			d.Tally = t
		}
	}
}

// replaceNote sets a fact's note on a field in place of the notes the
// sources' disagreement made there.
func replaceNote(d *unsc.Decision, n unsc.Note) {
	d.Notes = slices.DeleteFunc(d.Notes, func(o unsc.Note) bool { return o.Field == n.Field })
	addNote(d, n)
}

// dateAndMeeting takes the date and the meeting from the most
// authoritative source that gives them, and notes where an official source
// gives another.
func dateAndMeeting(d *unsc.Decision, dated []unsc.Report, reps repeats) (time.Time, string) {
	var date time.Time
	var meeting string
	var dateFrom, meetingFrom unsc.Report
	for _, r := range dated {
		if reps.of(r) {
			continue
		}
		if date.IsZero() && !r.Date.IsZero() {
			date, dateFrom = r.Date, r
		}
		if meeting == "" && r.Meeting != "" {
			meeting, meetingFrom = r.Meeting, r
		}
	}
	noted := map[string]bool{}
	if r, ok := adoptedAfterMidnight(dated, reps, dateFrom, meeting); ok {
		noted["date"+date.String()] = true
		addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "date", Source: cite(r),
			Text: fmt.Sprintf("%s dates the meeting %s, the day it opened; %s gives %s, the date the resolution bears: it was adopted after midnight.",
				upper(sourceName(dateFrom)), date.Format("2 January 2006"), sourceName(r), r.Date.Format("2 January 2006"))})
		date, dateFrom = r.Date, r
	}
	for _, r := range dated {
		if reps.of(r) {
			continue
		}
		if r.Source == unsc.SourceSpreadsheet || r.Source == dateFrom.Source && r.Key == dateFrom.Key {
			continue
		}
		if !r.Date.IsZero() && !r.Date.Equal(date) && !noted["date"+r.Date.String()] {
			noted["date"+r.Date.String()] = true
			addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "date", Source: cite(dateFrom),
				Text: fmt.Sprintf("%s dates it %s; %s, the official record of the Council's meetings, gives %s.",
					upper(sourceName(r)), r.Date.Format("2 January 2006"), sourceName(dateFrom), date.Format("2 January 2006"))})
		}
	}
	for _, r := range dated {
		if reps.of(r) {
			continue
		}
		if r.Source == unsc.SourceSpreadsheet || r.Source == meetingFrom.Source && r.Key == meetingFrom.Key {
			continue
		}
		if r.Meeting != "" && r.Meeting != meeting && !noted["meeting"+r.Meeting] {
			noted["meeting"+r.Meeting] = true
			addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "meeting", Source: cite(meetingFrom),
				Text: fmt.Sprintf("%s gives the meeting as %s; %s gives %s.", upper(sourceName(r)), r.Meeting, sourceName(meetingFrom), meeting)})
		}
	}
	return date, meeting
}

// adoptedAfterMidnight finds the Digital Library's report of a resolution
// that the meeting tables date a day early. A resolution bears the day it
// was adopted; the meeting tables date each meeting by the day it opened
// ("22/23 November" 1970 and "29 + 30 March" 2002 are the only two-day
// dates they print). Where the Digital Library gives the same meeting the
// next day, the vote came after midnight and the resolution bears that
// day (resolution 143 (1960): the 873rd meeting opened on 13 July, the
// resolution is of 14 July). The Digital Library's own one-day slips
// (resolution 731 (1992), of 21 January, dated 22 January there) are
// facts (facts.csv), which the record takes over any rule.
func adoptedAfterMidnight(dated []unsc.Report, reps repeats, from unsc.Report, meeting string) (unsc.Report, bool) {
	if from.Source != unsc.SourceDHLMeetings || from.Resolution == "" || from.Date.IsZero() {
		return unsc.Report{}, false
	}
	next := from.Date.AddDate(0, 0, 1)
	for _, r := range dated {
		if r.Source == unsc.SourceUNDL && !reps.of(r) && r.Resolution == from.Resolution && r.Date.Equal(next) && (r.Meeting == "" || r.Meeting == meeting) {
			return r, true
		}
	}
	return unsc.Report{}, false
}

// modality says how the decision was taken: as the most authoritative
// source that says so. The meeting tables write "without vote", "by
// consensus" or a count; the UN Digital Library's pages show a resolution
// adopted without a vote as every member in favour, so a page of unanimous
// votes does not show a vote was taken where another source says none was.
func modality(d *unsc.Decision, dated []unsc.Report) unsc.Modality {
	acclaimed := slices.ContainsFunc(dated, func(r unsc.Report) bool { return r.Modality == unsc.ByAcclamation })
	var said []unsc.Report
	for _, r := range dated {
		switch {
		case r.Source == unsc.SourceCRUNSC:
			// Links only: it says nothing of how the decision was taken.
		case r.Source == unsc.SourceUNDL && r.Modality == unsc.ByVote && unanimous(r.Votes):
			// The page would look the same either way.
		case acclaimed && r.Source == unsc.SourceDHLMeetings && r.Modality == unsc.ByVote && !split(r.Tally):
			// The meeting tables give an adoption by acclamation as a vote,
			// blank or with every member in favour (resolutions 1733 (2006),
			// 1987 (2011), 2311 and 2324 (2016), 2580 (2021), each by
			// acclamation in the UN's releases): where another source says
			// by acclamation, the table's row says nothing against it.
		case r.Source == unsc.SourceUNDL && r.Modality == unsc.WithoutVote && r.Votes.Known() && !anyVote(r.Votes):
			// Inferred from a blank page, which is also what a page that
			// lost its votes looks like.
		default:
			said = append(said, r)
		}
	}
	m := unsc.ByVote
	switch {
	case len(said) > 0:
		m = said[0].Modality
		// Without a vote and by acclamation are both adoptions without a
		// vote; a source that says "by acclamation" says more.
		if m == unsc.WithoutVote {
			for _, r := range said[1:] {
				if r.Modality == unsc.ByAcclamation {
					m = unsc.ByAcclamation
				}
			}
		}
		// A source that counts the votes of a page the crawl left blank
		// shows a vote was taken.
	default:
		for _, r := range dated {
			if r.Modality != unsc.ByVote {
				m = r.Modality
				break
			}
		}
	}
	if m == unsc.ByVote {
		return m
	}
	for _, r := range dated {
		if r.Source.Official() && r.Votes.Known() && anyVote(r.Votes) {
			addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "votes", Source: cite(said[0]),
				Text: fmt.Sprintf("Adopted %s (%s); %s lists the members as voting, as it shows decisions taken without a vote.",
					modalityWords(m), sourceName(said[0]), sourceName(r))})
			break
		}
	}
	return m
}

func modalityWords(m unsc.Modality) string {
	if m == unsc.ByAcclamation {
		return "by acclamation, without a vote"
	}
	return "without a vote"
}

// unanimous reports whether every member listed voted in favour.
func unanimous(v unsc.Votes) bool {
	if v.Len() == 0 {
		return false
	}
	for _, p := range v.All() {
		if p != unsc.Yes {
			return false
		}
	}
	return true
}

// split reports whether a count has a member against, abstaining or not
// voting: a vote no adoption by acclamation could be.
func split(t unsc.Tally) bool {
	return t.Known && (t.No > 0 || t.Abstain > 0 || t.NonVoting > 0)
}

// countAndPositions sets the decision's count and per-member positions.
// The count is the meeting table's; the positions are the best source's
// that add up to it, resolved by it where only one set of members can make
// up the difference, and otherwise kept with the members in doubt named.
func countAndPositions(d *unsc.Decision, dated []unsc.Report, fact *Fact, swap *positionSwap) {
	if fact != nil && fact.InParts {
		// No vote on the whole was taken: a count or positions of the
		// whole, however a source prints them, belong to no vote.
		replaceNote(d, fact.note("tally"))
		return
	}
	council, err := councilOn(d.Date)
	usable := func(r unsc.Report) bool {
		if !r.Votes.Known() || !anyVote(r.Votes) {
			return false
		}
		// Positions naming a state not on the Council that day belong to
		// some other decision.
		return err != nil || len(notSitting(council, r.Votes)) == 0
	}
	var official *count
	for _, r := range dated {
		if !r.Votes.Known() && r.Tally.Known && r.Modality == unsc.ByVote && r.Source.Official() {
			official = &count{tally: r.Tally, name: sourceName(r), cite: cite(r)}
			official.absent, _ = unsc.AbsentInNote(r.Note)
			break
		}
	}
	if fact != nil && fact.Tally.Known {
		ff, _ := fact.field("tally")
		if official != nil && !sameTally(official.tally, fact.Tally) {
			addNote(d, fact.note("tally"))
		}
		official = &count{tally: fact.Tally, name: "the fact's source", cite: ff.Source, fact: true}
	}
	// Candidates for the positions, most authoritative first (UN Digital
	// Library, then the others, the spreadsheet last).
	var cands []unsc.Report
	for _, r := range d.Reports {
		if r = swap.apply(r); usable(r) {
			cands = append(cands, r)
		}
	}
	if swap != nil {
		addNote(d, swap.note(d))
	}
	defer func() {
		if fact != nil && fact.Votes != nil {
			factVotes(d, fact, council)
		}
	}()
	if official == nil || err != nil {
		// No official count: the best source's positions, and their count.
		for _, r := range cands {
			if bestOfSource(cands, r) {
				d.Votes, d.Tally = r.Votes, countVotes(r.Votes)
				return
			}
		}
		for _, r := range dated {
			if r.Tally.Known {
				d.Tally = r.Tally
				return
			}
		}
		return
	}
	t := official.tally
	d.Tally = t
	if fact != nil && fact.Votes != nil {
		// The fact's positions are set below, on the best source's.
		for _, r := range cands {
			d.Votes = r.Votes
			break
		}
		return
	}
	fits := make([]fit, len(cands))
	for i, r := range cands {
		fits[i] = fitCount(r.Votes, t, council)
	}
	choose := func(i int) {
		d.Votes = fits[i].votes
		if tt := countVotes(d.Votes); sameTally(tt, t) {
			d.Tally = tt
			d.Tally.NonVoting = max(tt.NonVoting, t.NonVoting)
		}
	}
	// A source whose positions add up to the count as given.
	for i := range cands {
		if fits[i].exact {
			choose(i)
			unlistedInDoubt(d, cands[i], t, *official, council)
			for j, r := range cands {
				if j >= i || r.Source == cands[i].Source {
					continue
				}
				if r.Source.Official() {
					noteDisagreement(d, r, cands[i], *official, council)
					continue
				}
				text := fmt.Sprintf("%s gives positions that count %s, against the official count %s (%s); the record shows the positions %s gives, which add up to it.",
					upper(sourceName(r)), tallyText(countVotes(r.Votes)), tallyText(t), official.name, sourceName(cands[i]))
				if fitCount(swapped(r.Votes), t, council).exact {
					text = fmt.Sprintf("%s gives positions that count %s: the official count %s (%s) with yes and no swapped, an inverted block. The record shows the positions %s gives, which add up to it.",
						upper(sourceName(r)), tallyText(countVotes(r.Votes)), tallyText(t), official.name, sourceName(cands[i]))
				}
				addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "votes", Source: official.cite, Text: text})
			}
			return
		}
	}
	// The count resolves an official source's positions, unless the count
	// itself cannot give the official outcome (a misprint).
	for i, r := range cands {
		if fits[i].moved != nil && r.Source.Official() && countGives(d, council, t) {
			choose(i)
			addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "votes", Source: official.cite,
				Text: movedText(r, fits[i], *official, council), Members: movedCodes(fits[i])})
			return
		}
	}
	// The positions of the most authoritative source, with the members in
	// doubt named; the vote is replayed from the count.
	for i, r := range cands {
		if !r.Source.Official() {
			continue
		}
		choose(i)
		d.Tally = t
		if len(fits[i].doubt) >= len(council.Members) {
			// Every position in doubt: none is shown.
			d.Votes = unsc.Votes{}
		}
		addNote(d, unsc.Note{Kind: unsc.NoteDoubt, Field: "votes", Source: official.cite,
			Text: fmt.Sprintf("The official count is %s (%s); %s gives positions that count %s: %s, and the sources do not say which. Those members' positions are in doubt; the vote is replayed from the count.",
				tallyText(t), official.name, sourceName(r), tallyText(countVotes(r.Votes)), fits[i].why),
			Members: fits[i].doubt})
		return
	}
	// Only sources that are not official give positions, and they do not
	// add up to the count. The hand-entered lists of failed drafts are
	// shown with the members the count puts in doubt named; the vote is
	// replayed from the count.
	for _, r := range cands {
		if r.Source == unsc.SourceSpreadsheet {
			break
		}
		f := fitCount(r.Votes, t, council)
		doubt, why := f.doubt, f.why
		if f.moved != nil {
			doubt = movedCodes(f)
			why = movedWhy(f, council)
		}
		d.Votes, d.Tally = r.Votes, t
		addNote(d, unsc.Note{Kind: unsc.NoteDoubt, Field: "votes", Source: official.cite,
			Text: fmt.Sprintf("The official count is %s (%s); %s gives positions that count %s: %s. The record keeps the official count; those members' positions are in doubt, and the vote is replayed from the count.",
				tallyText(t), official.name, sourceName(r), tallyText(countVotes(r.Votes)), why),
			Members: doubt})
		return
	}
	// Only the spreadsheet gives positions, and they do not add up to the
	// count: they are not shown.
	for _, r := range cands {
		text := fmt.Sprintf("%s gives positions that count %s, against the official count %s (%s); they are not shown.",
			upper(sourceName(r)), tallyText(countVotes(r.Votes)), tallyText(t), official.name)
		if fitCount(swapped(r.Votes), t, council).exact {
			text = fmt.Sprintf("%s gives positions that count %s: the official count %s (%s) with yes and no swapped, an inverted block. They are not shown.",
				upper(sourceName(r)), tallyText(countVotes(r.Votes)), tallyText(t), official.name)
		}
		addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "votes", Source: official.cite, Text: text})
		return
	}
}

// countGives reports whether the count t gives the outcome the record
// keeps, as the official sources record it.
func countGives(d *unsc.Decision, c unsc.Council, t unsc.Tally) bool {
	if d.Recorded == 0 {
		return true
	}
	b := unsc.Ballot{Date: d.Date, Matter: d.Matter, Amendment: d.Amendment}
	res, err := charter.Charter.DecideTally(c, b, t, recordedVetoes(d.Reports))
	return err == nil && res.Outcome == d.Recorded
}

// count is the official count of a vote and where it comes from.
type count struct {
	tally      unsc.Tally
	name, cite string
	// absent: how many of the members that cast no vote the source says
	// were absent ("14-0-0 (1 absent)"), 0 where it does not say.
	absent int
	// fact: the count is a fact's, correcting the meeting table's.
	fact bool
}

// factVotes sets the positions a fact gives, over the best source's.
func factVotes(d *unsc.Decision, f *Fact, c unsc.Council) {
	if !d.Votes.Known() && len(f.Votes) < len(c.Members) {
		// No source gives the other members' positions: the fact's
		// alone would show them absent. The count stands, with the note.
		replaceNote(d, f.note("votes"))
		return
	}
	votes := d.Votes.Map()
	if votes == nil {
		votes = map[unsc.Code]unsc.Position{}
	}
	for code, p := range f.Votes {
		if p == unsc.Absent {
			delete(votes, code)
		} else {
			votes[code] = p
		}
	}
	d.Votes = unsc.VotesOf(votes)
	d.Notes = slices.DeleteFunc(d.Notes, func(n unsc.Note) bool { return n.Field == "votes" && n.Kind == unsc.NoteDoubt })
	n := f.note("votes")
	n.Members = slices.Sorted(maps.Keys(f.Votes))
	replaceNote(d, n)
	if t := countVotes(d.Votes); !d.Tally.Known || sameTally(t, d.Tally) {
		d.Tally = t
	}
}

// unlistedInDoubt names in doubt the members of the Council that positions
// adding up to the official count leave out, where the count shows they
// cast no vote. The spreadsheet and the hand-entered lists of failed
// drafts write absence and non-participation alike (they leave the member
// out), and a member left out may have been either: Ukraine, whose
// President said it "would not participate in the vote" on S/2001/270
// (SC/7040), and Jamaica, absent from the 4094th meeting that adopted
// resolution 1287 (2000) "unanimously" 14-0-0 (SC/6794), are both left out
// of the spreadsheet. The record shows such a member as the source does
// (no vote), says that the sources do not say which, and a fact settles it;
// so does the official count where it says how many were absent (the
// meeting table's "14-0-0 (1 absent)" for resolution 1287 (2000)).
func unlistedInDoubt(d *unsc.Decision, r unsc.Report, t unsc.Tally, official count, c unsc.Council) {
	if !d.Votes.Known() || len(c.Members) == 0 {
		return
	}
	var missing []unsc.Code
	var names []string
	for _, m := range c.Members {
		if _, ok := d.Votes.Get(m.Code); !ok {
			missing = append(missing, m.Code)
			names = append(names, m.Name)
		}
	}
	if len(missing) == 0 || t.Yes+t.No+t.Abstain+len(missing) != len(c.Members) {
		return
	}
	if official.absent == len(missing) {
		// The official count says those that cast no vote were absent.
		addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "votes", Source: official.cite,
			Text: fmt.Sprintf("%s leaves %s out of its lists of positions, which add up to the official count %s; %s counts %d absent: %s %s absent, not a member that did not take part.",
				upper(sourceName(r)), andList(names), tallyText(t), official.name, official.absent, andList(names), wasWere(len(names)))})
		return
	}
	which := "it was"
	if len(names) > 1 {
		which = "each was"
	}
	addNote(d, unsc.Note{Kind: unsc.NoteDoubt, Field: "votes", Source: cite(r),
		Text: fmt.Sprintf("%s leaves %s out of its lists of positions, which add up to the official count %s (%s): %s cast no vote. The source leaves out alike a member that was absent and one that did not take part, and the sources at hand do not say which %s.",
			upper(sourceName(r)), andList(names), tallyText(t), official.name, andList(names), which),
		Members: missing})
}

// bestOfSource reports whether r is the report of its source to use: a
// source may report a vote twice, and the first wins.
func bestOfSource(cands []unsc.Report, r unsc.Report) bool {
	for _, c := range cands {
		if c.Source == r.Source {
			return c.Key == r.Key
		}
	}
	return false
}

// noteDisagreement notes an official source whose positions the record
// does not show because another source's add up to the count.
func noteDisagreement(d *unsc.Decision, r unsc.Report, used unsc.Report, official count, c unsc.Council) {
	diff := positionDiffs(r.Votes, used.Votes, c)
	if diff == "" {
		return
	}
	addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "votes", Source: official.cite,
		Text: fmt.Sprintf("%s gives %s; the official count is %s (%s), which %s's positions give.",
			upper(sourceName(r)), diff, tallyText(official.tally), official.name, sourceName(used))})
}

// positionDiffs says how positions a differ from b, member by member.
func positionDiffs(a, b unsc.Votes, c unsc.Council) string {
	var parts []string
	for _, m := range c.Members {
		bp, listed := b.Get(m.Code)
		p, q := catOf(a.Of(m.Code)), catOf(bp)
		if p != q {
			shown := q.words()
			if !listed {
				shown = "no vote"
			}
			parts = append(parts, fmt.Sprintf("%s %s (the record: %s)", m.Name, p.words(), shown))
		}
	}
	return andList(parts)
}

func movedCodes(f fit) []unsc.Code {
	out := make([]unsc.Code, len(f.moved))
	for i, m := range f.moved {
		out[i] = m.code
	}
	return out
}

// movedText says in plain words how the count resolved a source's
// positions.
func movedText(r unsc.Report, f fit, official count, c unsc.Council) string {
	byMove := map[[2]cat][]unsc.Code{}
	var order [][2]cat
	for _, m := range f.moved {
		k := [2]cat{m.from, m.to}
		if _, ok := byMove[k]; !ok {
			order = append(order, k)
		}
		byMove[k] = append(byMove[k], m.code)
	}
	text := fmt.Sprintf("The official count is %s (%s); %s's positions count %s.", tallyText(official.tally), official.name, sourceName(r), tallyText(countVotes(r.Votes)))
	for _, k := range order {
		codes := byMove[k]
		verb := "shows"
		text += fmt.Sprintf(" It %s %s %s: by the count, %s %s.", verb, names(c, codes), k[0].words(), pronoun(len(codes)), k[1].did())
	}
	if len(order) == 1 && order[0][1] == catOut {
		text += " (The Digital Library writes non-participation as a blank, and its pages do not tell it from an abstention or an absence.)"
	}
	return text
}

// movedWhy says how the count would move members, without moving them.
func movedWhy(f fit, c unsc.Council) string {
	var parts []string
	for _, m := range f.moved {
		parts = append(parts, fmt.Sprintf("%s shown %s, where the count has one more member %s", names(c, []unsc.Code{m.code}), m.from.words(), m.to.words()))
	}
	return andList(parts)
}

func pronoun(n int) string {
	if n == 1 {
		return "that member"
	}
	return "those members"
}

func addNote(d *unsc.Decision, n unsc.Note) {
	d.Notes = append(d.Notes, n)
}

func upper(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	return string(b)
}

// videoconferenceDate dates a vote that no official source dates, which
// the spreadsheet places at a 2020–21 videoconference and dates as it
// dates another vote there that the official sources date otherwise: the
// spreadsheet's date for that videoconference is wrong (its day and month
// swapped, 7 November 2020 for 11 July 2020), and the vote takes the
// official date.
func videoconferenceDate(d *unsc.Decision, g []unsc.Report, days map[string]meetingDay) {
	for _, r := range g {
		if r.Source.Official() && !r.Date.IsZero() {
			return
		}
	}
	for _, r := range g {
		v := videoconference(r)
		if v == "" || !r.Date.Equal(d.Date) {
			continue
		}
		day, ok := days[v]
		if !ok || !day.sheet().Equal(r.Date) || day.date().Equal(d.Date) {
			continue
		}
		addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "date", Source: cite(*day.from),
			Text: fmt.Sprintf("%s dates this vote %s, as it dates %s, taken at the same videoconference (its %s); %s dates that one %s, and so does the record.",
				upper(sourceName(r)), r.Date.Format("2 January 2006"), day.other(), v, sourceName(*day.from), day.date().Format("2 January 2006"))})
		d.Date = day.date()
		return
	}
}

// agreeingFirst puts first, among the reports of one source, those whose
// outcome agrees with the outcome the record keeps (adopted or not). The
// spreadsheet lists some vetoed drafts twice: once in a block whose
// outcome and sponsors belong to other rows ("Adopted unanimously",
// submitted by "President", for S/1995/394, which Botswana, Honduras,
// Indonesia, Nigeria, Oman and Rwanda submitted and the United States
// vetoed), and once as the veto it was. The first report of a source gives
// the decision's sponsors, title and positions; it is to be the one that
// agrees with the official outcome. The order of sources is kept.
func agreeingFirst(g []unsc.Report) []unsc.Report {
	outcome := recordedOutcome(g)
	if outcome == 0 {
		return g
	}
	agrees := func(r unsc.Report) bool {
		return r.Outcome == 0 || (r.Outcome == unsc.Adopted) == (outcome == unsc.Adopted)
	}
	var out []unsc.Report
	for i := 0; i < len(g); {
		j := i
		for j < len(g) && g[j].Source == g[i].Source {
			j++
		}
		run := g[i:j]
		if j-i > 1 && !agrees(run[0]) && slices.ContainsFunc(run, agrees) {
			if out == nil {
				out = slices.Clone(g[:i])
			}
			for _, r := range run {
				if agrees(r) {
					out = append(out, r)
				}
			}
			for _, r := range run {
				if !agrees(r) {
					out = append(out, r)
				}
			}
		} else if out != nil {
			out = append(out, run...)
		}
		i = j
	}
	if out == nil {
		return g
	}
	return out
}

// positionsFromCount gives each member's position where no source lists
// them but the official count and the veto list settle every one: a vote
// with no abstention whose count accounts for every seat on the Council,
// every vote against a veto the sources name (S/19466, 1988: 14-1-0, the
// United States; resolution 725 (1991): 15-0-0). The others voted in
// favour; a note says how the positions were derived. Where any seat is
// unaccounted for (an abstention or a member that did not vote, not
// named), or a member against is not named, nothing is derived.
func positionsFromCount(d *unsc.Decision) {
	t := d.Tally
	if d.Modality != unsc.ByVote || d.Votes.Known() || !t.Known || t.Abstain != 0 || t.NonVoting != 0 || len(d.VetoedBy) != t.No {
		return
	}
	source := countSource(d)
	for _, n := range d.Notes {
		switch {
		case n.Field == "votes" || n.Field == "tally" && n.Kind != unsc.NoteCorrected:
			return
		case n.Field == "tally":
			source = n.Source // the count a fact gives
		}
	}
	c, err := councilOn(d.Date)
	if err != nil || t.Yes+t.No != len(c.Members) {
		return
	}
	votes := make(map[unsc.Code]unsc.Position, len(c.Members))
	for _, m := range c.Members {
		votes[m.Code] = unsc.Yes
	}
	for _, code := range d.VetoedBy {
		if _, sits := votes[code]; !sits {
			return
		}
		votes[code] = unsc.No
	}
	d.Votes = unsc.VotesOf(votes)
	text := fmt.Sprintf("No source lists the members' positions. The count, %s, accounts for every seat on the Council, with no abstention", tallyText(t))
	if t.No > 0 {
		text += fmt.Sprintf(", and %s the sources name (%s)", againstAreVetoes(t.No), names(c, d.VetoedBy))
		text += ": every other member voted in favour."
	} else {
		text += ": every member voted in favour."
	}
	addNote(d, unsc.Note{Kind: unsc.NoteDerived, Field: "votes", Source: source, Text: text})
}

// unaccountedSeats counts as casting no vote the members an official count
// leaves out, where no source lists the positions. The Library's tables
// give only yes-no-abstain ("9-1-3" for S/11940, 1976, on a Council of
// 15; "7-1-2" for S/1752, 1950, on a Council of 11, China not voting,
// FRUS 1950 vol. VI): the members that cast no vote, absent or present and
// not participating, go uncounted, and the record showed nobody missing.
// The tally now counts them as not voting, and a note says that no source
// at hand names them or says which of the two they were, unless a fact
// names them: a fact whose positions name every member the count leaves
// out as absent or not participating, and no source the others' positions
// (S/4905, 1961: France "did not participate in any of the voting", FRUS,
// and the count gives no one else's), names them in the note.
func unaccountedSeats(d *unsc.Decision, f *Fact) {
	t := d.Tally
	if d.Modality != unsc.ByVote || d.Votes.Known() || !t.Known {
		return
	}
	// A count entered by hand from a volume that printed part of it (S/PV.27,
	// 1946: only the votes in favour) carries its own note.
	official := slices.ContainsFunc(d.Reports, func(r unsc.Report) bool { return r.Source.Official() && r.Tally.Known })
	c, err := councilOn(d.Date)
	if !official || err != nil || len(c.Members) == 0 {
		return
	}
	missing := len(c.Members) - (t.Yes + t.No + t.Abstain + t.NonVoting)
	if missing <= 0 {
		return
	}
	countText := tallyText(t)
	if t.NonVoting > 0 {
		countText += fmt.Sprintf(" with %d not voting", t.NonVoting)
	}
	d.Tally.NonVoting += missing
	members, them := "members", "them"
	if missing == 1 {
		members, them = "member", "it"
	}
	counted := fmt.Sprintf("The count, %s, accounts for %d of the Council's %d seats: the other %d %s cast no vote", countText, len(c.Members)-missing, len(c.Members), missing, members)
	if named := factNonVoting(f, c); len(named) == missing {
		addNote(d, unsc.Note{Kind: unsc.NoteDerived, Field: "tally", Source: countSource(d),
			Text: counted + ": " + named.String(c) + " (the fact on the positions says so)."})
		return
	}
	addNote(d, unsc.Note{Kind: unsc.NoteDerived, Field: "tally", Source: countSource(d),
		Text: fmt.Sprintf("%s (absent, or present and not participating). No source at hand names %s or says which.", counted, them)})
}

// nonVoter is a member a fact gives as absent or not participating.
type nonVoter struct {
	code   unsc.Code
	absent bool
}

// nonVoters are the members a fact names absent or not participating, in
// the Council's order.
type nonVoters []nonVoter

// factNonVoting lists the members of c the fact's positions give as absent
// or not participating.
func factNonVoting(f *Fact, c unsc.Council) nonVoters {
	if f == nil {
		return nil
	}
	var out nonVoters
	for _, m := range c.Members {
		if p, ok := f.Votes[m.Code]; ok && (p == unsc.Absent || p == unsc.NotParticipating) {
			out = append(out, nonVoter{code: m.Code, absent: p == unsc.Absent})
		}
	}
	return out
}

// String says what each did: "Yugoslavia did not participate", "Union of
// Soviet Socialist Republics was absent".
func (n nonVoters) String(c unsc.Council) string {
	parts := make([]string, len(n))
	for i, v := range n {
		what := "did not participate"
		if v.absent {
			what = "was absent"
		}
		parts[i] = names(c, []unsc.Code{v.code}) + " " + what
	}
	return andList(parts)
}

func againstAreVetoes(n int) string {
	if n == 1 {
		return "the vote against is the veto"
	}
	return fmt.Sprintf("the %d votes against are the vetoes", n)
}

// countSource cites the report that gives a decision's count: the most
// authoritative that gives it.
func countSource(d *unsc.Decision) string {
	for _, r := range byDateRank(d.Reports) {
		if r.Tally.Known && r.Source.Official() {
			return cite(r)
		}
	}
	for _, r := range d.Reports {
		if r.Tally.Known {
			return cite(r)
		}
	}
	return ""
}
