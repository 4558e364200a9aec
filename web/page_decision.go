package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/form"
	"unsc/internal/lazy"
	"unsc/record"
)

// decisionPage is what the page of a resolution, a draft or a meeting
// shows: the decisions the symbol names, each in full.
type decisionPage struct {
	// Symbol is the symbol asked for, canonical.
	Symbol string
	// Meeting is true for a meeting's page, which lists its decisions in
	// the order they were taken.
	Meeting bool
	// Decisions are the decisions shown; Amendments the votes on
	// amendments taken before them (for a draft or resolution's page).
	Decisions  []decisionView
	Amendments []decisionView
	// Date and MeetingSymbol describe a meeting's page.
	Date string
}

// decisionView is one decision as a page shows it.
type decisionView struct {
	Symbol      string
	Href        string
	Anchor      string
	Date        string
	ISODate     string
	Meeting     string
	Resolution  string
	Draft       string
	Amendment   bool
	AmendmentTo string
	Title       string
	Agenda      string
	Subjects    []string
	// Docs link the UN documents the decision names.
	Docs []link
	// Matter and Modality in words.
	Matter   string
	Modality string
	// Tally is the count; nil where no source gives one.
	Tally    *Tally
	Required int
	Size     int
	// Seats are the members of the Council on the day with their
	// positions; empty where the record has no per-member votes.
	Seats []seatView
	// Outcome is adopted, failed or vetoed; Headline says it in a few
	// words; Statement is the Council's formula and Explanation the plain
	// words, both from the Charter engine's replay.
	Outcome     string
	Headline    string
	Statement   string
	Explanation string
	// Differs is set when the engine's replay differs from the outcome the
	// sources record.
	Differs  string
	Sources  []sourceView
	Disagree []string
	Bar      *tallyBar
	// Notes are the record's notes on the decision: corrections, doubts,
	// contradictions, each with its source.
	Notes []noteView
	// Sponsors name who put the draft forward.
	Sponsors string
}

// noteView is one note on a decision.
type noteView struct {
	Kind, Label, Text string
	Source            link
}

// noteLabel heads a note of kind k ("" for a kind it does not know).
func noteLabel(k unsc.NoteKind) string {
	switch k {
	case unsc.NoteCorrected:
		return "Corrected"
	case unsc.NoteDoubt:
		return "In doubt"
	case unsc.NoteContradiction:
		return "The sources contradict themselves"
	case unsc.NoteDerived:
		return "Derived"
	case unsc.NoteElected:
		return "Elected (a secret ballot: no member's vote is recorded)"
	}
	return ""
}

// sourceLink links a note's source: an address as it is, a UN document
// symbol to the UN's documents, a unsc source by its name.
func sourceLink(src string) link {
	switch {
	case strings.HasPrefix(src, "https://") || strings.HasPrefix(src, "http://"):
		return link{src, src}
	case sourceNames.Get()[unsc.Source(src)] != "":
		return link{"", sourceNames.Get()[unsc.Source(src)]}
	}
	if sym, _, err := unsc.NormalizeSymbol(src); err == nil {
		return link{docHref(sym), src}
	}
	return link{"", src}
}

// positionWord says a position as the Council's records do ("" for one
// it does not know).
func positionWord(p unsc.Position) string {
	switch p {
	case unsc.Yes:
		return "in favour"
	case unsc.No:
		return "against"
	case unsc.Abstain:
		return "abstained"
	case unsc.NotParticipating:
		return "did not participate"
	case unsc.Absent:
		return "absent"
	}
	return ""
}

// seatView is one member's seat and position on a decision.
type seatView struct {
	Code      unsc.Code
	Name      string
	Permanent bool
	Position  string
	Letter    string
	// Doubt is set when the sources leave the position in doubt: then
	// Position says it is not known and SourceSays is the position a
	// source gives, which the official count contradicts.
	Doubt      bool
	SourceSays string
}

// sourceView is one source's report.
type sourceView struct {
	Source  string
	Name    string
	Ref     string
	Href    string
	Outcome string
	Tally   string
	Vetoes  string
	Note    string
	Differs bool
}

// sourceNames names the sources for a reader.
var sourceNames = lazy.Value[map[unsc.Source]string]{Make: func() map[unsc.Source]string {
	return map[unsc.Source]string{
		unsc.SourceUNDL:         "UN Digital Library, Security Council voting data",
		unsc.SourceDHLMeetings:  "Dag Hammarskjöld Library, meetings and actions of the Security Council",
		unsc.SourceDHLVetoes:    "Dag Hammarskjöld Library, veto list",
		unsc.SourceDPPA:         "UN DPPA, Security Council membership",
		unsc.SourceSpreadsheet:  "1994–2025 per-member spreadsheet (not official)",
		unsc.SourcePress:        "UN press release or meeting summary (curated)",
		unsc.SourceResearch:     "Independent research or news report (curated, not official)",
		unsc.SourceFailedDrafts: "Emily Tong, failed drafts with each member's vote, hand-entered from the meeting records (not official)",
		unsc.SourceWPDVetoes:    "World Politics Data Lab, veto list with crisis topics (not official)",
		unsc.SourceCRUNSC:       "CR-UNSC, resolutions' records in the UN Digital Library (not official)",
	}
}}

// docHref is the address of a UN document by its symbol.
func docHref(symbol string) string {
	return "https://undocs.org/" + strings.ReplaceAll(symbol, " ", "")
}

// decisionHref is the address of the page a decision is best found at.
func decisionHref(d *unsc.Decision) string {
	switch {
	case d.Resolution != "":
		return symbolHref(d.Resolution)
	case d.Draft != "":
		return symbolHref(d.Draft)
	case d.Amendment && d.AmendmentTo != "":
		return symbolHref(d.AmendmentTo)
	case d.Meeting != "":
		return symbolHref(d.Meeting)
	}
	return ""
}

// symbolHref is the permalink of a symbol's page: "/S/RES/2728(2024)".
func symbolHref(symbol string) string {
	return "/" + strings.ReplaceAll(symbol, " ", "")
}

// longDate writes a date as "25 March 2024".
func longDate(t time.Time) string { return t.Format("2 January 2006") }

// symbolPage answers /S/…: a resolution, a draft or a meeting.
func (s *Server) symbolPage(r *http.Request, a *args) (*view, error) {
	p, f := pageFormat(r.URL.Path)
	raw := strings.TrimPrefix(p, "/")
	sym, kind, err := unsc.NormalizeSymbol(raw)
	if err != nil {
		return nil, unsc.Errorf(unsc.ENOTFOUND, "", "%s is not a symbol of a Security Council document: want a resolution such as S/RES/2728(2024), a draft such as S/2024/239 or a meeting record such as S/PV.9584", raw)
	}
	if canonical := symbolHref(sym); canonical != p && f == asHTML {
		return nil, redirectTo(canonical)
	}
	places, err := s.record.bySymbol(sym)
	if err != nil {
		return nil, err
	}
	page := decisionPage{Symbol: sym, Meeting: kind == unsc.MeetingSymbol}
	var wire []Decision
	if page.Meeting {
		for _, i := range places {
			page.Decisions = append(page.Decisions, s.decisionView(i))
			wire = append(wire, form.NewDecision(s.record.decisions[i]))
		}
		page.Date = page.Decisions[0].Date
	} else {
		// The amendments voted on a draft come before it, on its page.
		seen := map[int]bool{}
		var main []int
		for _, i := range places {
			main = append(main, i)
			seen[i] = true
		}
		for _, i := range main {
			d := &s.record.decisions[i]
			if d.Draft == "" || d.Amendment {
				continue
			}
			if more, err := s.record.bySymbol(d.Draft); err == nil {
				for _, j := range more {
					if !seen[j] && s.record.decisions[j].Amendment {
						main = append(main, j)
						seen[j] = true
					}
				}
			}
		}
		slices.Sort(main)
		onlyAmendments := true
		for _, i := range main {
			if !s.record.decisions[i].Amendment {
				onlyAmendments = false
			}
		}
		for _, i := range main {
			v := s.decisionView(i)
			if v.Amendment && !onlyAmendments {
				page.Amendments = append(page.Amendments, v)
			} else {
				page.Decisions = append(page.Decisions, v)
			}
			wire = append(wire, form.NewDecision(s.record.decisions[i]))
		}
	}
	title := sym
	if page.Meeting {
		title = "Meeting " + sym + ", " + page.Date
	} else if d := page.Decisions[0]; len(page.Decisions) == 1 {
		title = sym + ": " + d.Headline
	}
	return &view{Template: "decision", Title: title, Data: page, JSON: wire, CSV: decisionsCSV(wire)}, nil
}

// redirect is an error that answers with a redirect to the canonical
// address of a page.
type redirect struct {
	to     string
	status int
}

func (r redirect) Error() string { return "moved to " + r.to }

// redirectTo answers with the canonical address of the page asked for.
func redirectTo(to string) error { return redirect{to, http.StatusMovedPermanently} }

// seeOther answers with the page a request leads to, such as the page of
// the symbol a search names.
func seeOther(to string) error { return redirect{to, http.StatusFound} }

func (s *Server) decisionView(i int) decisionView {
	d := &s.record.decisions[i]
	v := decisionView{
		Symbol: record.Symbol(*d), Href: decisionHref(d), Anchor: "decision-" + strconv.Itoa(i),
		Date: longDate(d.Date), ISODate: d.Date.Format(dateLayout),
		Meeting: d.Meeting, Resolution: d.Resolution, Draft: d.Draft,
		Amendment: d.Amendment, AmendmentTo: d.AmendmentTo,
		Title: record.Title(*d), Agenda: d.Agenda, Subjects: d.Subjects,
		Matter: matterWords(d.Matter, d.MatterKnown), Modality: d.Modality.String(),
		Tally:    form.NewTally(d.Tally),
		Required: charter.RequiredVotes(d.Date), Size: charter.Size(d.Date),
	}
	if v.Agenda == v.Title {
		v.Agenda = ""
	}
	for _, sym := range []string{d.Resolution, d.Draft, d.Meeting} {
		if sym != "" {
			v.Docs = append(v.Docs, link{docHref(sym), sym})
		}
	}
	if d.Amendment && d.AmendmentTo != "" && d.AmendmentTo != d.Draft {
		v.Docs = append(v.Docs, link{docHref(d.AmendmentTo), d.AmendmentTo + " (the draft amended)"})
	}
	for _, l := range record.Links(*d) {
		v.Docs = append(v.Docs, link{l.Href, "The " + strings.TrimPrefix(l.Text, "the ")})
	}
	doubt := d.InDoubt()
	if c, err := charter.CouncilOn(d.Date); err == nil && d.Votes.Known() {
		for _, m := range c.Members {
			p := d.Votes.Of(m.Code)
			seat := seatView{Code: m.Code, Name: m.Name, Permanent: m.Permanent, Position: positionWord(p), Letter: p.Letter()}
			if slices.Contains(doubt, m.Code) {
				// Never shown under the position the official count
				// contradicts.
				seat.Doubt, seat.SourceSays = true, seat.Position
				seat.Position, seat.Letter = "not known", "U"
			}
			v.Seats = append(v.Seats, seat)
		}
	}
	for _, n := range d.Notes {
		label := noteLabel(n.Kind)
		if n.Kind == unsc.NoteElected && n.Field == unsc.ElectedOnDayField {
			label = "Elected that day, at one of the day's meetings (the sources do not say which)"
		}
		v.Notes = append(v.Notes, noteView{Kind: n.Kind.String(), Label: label, Text: n.Text, Source: sourceLink(n.Source)})
	}
	if len(d.Sponsors) > 0 {
		names := make([]string, len(d.Sponsors))
		for i, sp := range d.Sponsors {
			names[i] = sp
			if name, ok := charter.NameNearest(unsc.Code(sp), d.Date); ok {
				names[i] = name
			}
		}
		v.Sponsors = strings.Join(names, ", ")
	}
	res, err := record.Derive(*d)
	outcome := d.Recorded
	if err == nil {
		v.Statement = charter.Statement(res)
		v.Explanation = charter.Explain(res)
		outcome = res.Outcome
		if d.Recorded != 0 && d.Recorded != res.Outcome {
			v.Differs = "The sources record this decision as " + d.Recorded.String() + "; replayed under the Charter from the votes, it is " + res.Outcome.String() + "."
		}
		if v.Tally == nil {
			v.Tally = &Tally{Yes: res.Yes, No: res.No, Abstain: res.Abstain, NonVoting: res.NotParticipating + res.Absent}
		}
	}
	v.Outcome = form.OutcomeName(outcome)
	v.Headline = s.headline(outcome, d.VetoedBy, d.Date)
	if d.Matter == unsc.ICJElection && err != nil {
		// A secret ballot (ICJ Statute Art. 10; rule 61): nothing to
		// replay, no member's vote to show.
		v.Headline = "Election to the International Court of Justice: the sources name no one elected at this meeting"
		if names := d.Elected(); len(names) > 0 {
			v.Headline = "Elected to the International Court of Justice: " + strings.Join(names, "; ")
		} else if d.ElectedNone() {
			v.Headline = "Election to the International Court of Justice: the sources say this meeting elected no one"
		} else if first, last, names, ok := d.ElectedOnDay(); ok {
			v.Headline = "Elected to the International Court of Justice on " + d.Date.Format("2 January 2006") + ", at one of " + first + "–" + last + " (the sources do not say which): " + strings.Join(names, "; ")
		}
		v.Explanation = "The Council elects the Court's judges by secret ballot, an absolute majority (8 of 15) and no veto: no member's vote is recorded."
	}
	if v.Tally != nil && d.Modality == unsc.ByVote && d.Matter != unsc.ICJElection {
		v.Bar = newTallyBar(*v.Tally, v.Required, v.Size)
	}
	for _, rep := range d.Reports {
		sv := sourceView{Source: string(rep.Source), Name: sourceNames.Get()[rep.Source], Ref: rep.Ref, Outcome: form.OutcomeName(rep.Outcome), Note: rep.Note}
		if sv.Name == "" {
			sv.Name = string(rep.Source)
		}
		if strings.HasPrefix(rep.Ref, "https://") || strings.HasPrefix(rep.Ref, "http://") {
			sv.Href = rep.Ref
		}
		if rep.Tally.Known {
			sv.Tally = tallyWords(rep.Tally)
		}
		if len(rep.VetoedBy) > 0 {
			sv.Vetoes = joinCodes(rep.VetoedBy)
		}
		if rep.Tally.Known && d.Tally.Known && (rep.Tally.Yes != d.Tally.Yes || rep.Tally.No != d.Tally.No || rep.Tally.Abstain != d.Tally.Abstain) {
			sv.Differs = true
			v.Disagree = append(v.Disagree, sv.Name+" counts "+sv.Tally+"; the record keeps "+tallyWords(d.Tally)+".")
		}
		if rep.Outcome != 0 && d.Recorded != 0 && rep.Outcome != d.Recorded {
			sv.Differs = true
			v.Disagree = append(v.Disagree, sv.Name+" records the outcome as "+rep.Outcome.String()+"; the record keeps "+d.Recorded.String()+".")
		}
		v.Sources = append(v.Sources, sv)
	}
	return v
}

// headline says an outcome in a few words: "Vetoed by China and the
// Russian Federation".
func (s *Server) headline(o unsc.Outcome, vetoedBy []unsc.Code, date time.Time) string {
	switch o {
	case unsc.Adopted:
		return "Adopted"
	case unsc.Failed:
		return "Not adopted: too few votes in favour"
	case unsc.Vetoed:
		if len(vetoedBy) == 0 {
			return "Vetoed"
		}
		return "Vetoed by " + charter.NamesInSentence(vetoedBy, date)
	}
	return "Outcome not recorded"
}

func joinCodes(cs []unsc.Code) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return strings.Join(out, ", ")
}

func tallyWords(t unsc.Tally) string {
	return strconv.Itoa(t.Yes) + "–" + strconv.Itoa(t.No) + "–" + strconv.Itoa(t.Abstain)
}

func matterWords(m unsc.Matter, known bool) string {
	switch m {
	case unsc.Procedural:
		return "procedural (Art. 27(2): no veto)"
	case unsc.Preliminary:
		return "preliminary question: is the matter procedural? (decided as non-procedural)"
	case unsc.ICJElection:
		return "election of judges of the International Court of Justice (absolute majority, no veto)"
	}
	if !known {
		return "non-procedural (Art. 27(3)), as every matter is unless shown to be procedural"
	}
	return "non-procedural (Art. 27(3))"
}

// tallyBar is the count drawn against the votes required: one square per
// member, in favour first, and a mark after the last vote needed.
type tallyBar struct {
	Width, Height int
	Cells         []barCell
	MarkX         int
	Label         string
	Required      int
}

type barCell struct {
	X     int
	Class string
}

func newTallyBar(t Tally, required, size int) *tallyBar {
	const cell, gap = 20, 4
	b := &tallyBar{Height: cell, Required: required}
	add := func(n int, class string) {
		for range n {
			b.Cells = append(b.Cells, barCell{X: len(b.Cells) * (cell + gap), Class: class})
		}
	}
	add(t.Yes, "yes")
	add(t.No, "no")
	add(t.Abstain, "abstain")
	add(max(size-t.Yes-t.No-t.Abstain, 0), "other")
	b.Width = max(len(b.Cells), required) * (cell + gap)
	b.MarkX = required*(cell+gap) - gap/2
	b.Label = strconv.Itoa(t.Yes) + " in favour, " + strconv.Itoa(t.No) + " against, " + strconv.Itoa(t.Abstain) + " abstaining; " + strconv.Itoa(required) + " votes in favour needed"
	return b
}

// decisionsCSV is the CSV twin of a list of decisions.
func decisionsCSV(ds []Decision) *csvTable {
	t := &csvTable{Header: []string{"date", "symbol", "meeting", "resolution", "draft", "amendment_to", "title", "agenda", "matter", "yes", "no", "abstain", "outcome", "derived_outcome", "vetoed_by"}}
	for _, d := range ds {
		var yes, no, abst string
		if d.Tally != nil {
			yes, no, abst = strconv.Itoa(d.Tally.Yes), strconv.Itoa(d.Tally.No), strconv.Itoa(d.Tally.Abstain)
		}
		t.Rows = append(t.Rows, []string{d.Date, d.Symbol, d.Meeting, d.Resolution, d.Draft, d.AmendmentTo, d.Title, d.Agenda, d.Matter, yes, no, abst, d.Outcome, d.DerivedOutcome, joinCodes(d.VetoedBy)})
	}
	return t
}

// searchHref is the address of a search of the decisions.
func searchHref(q url.Values) string {
	if len(q) == 0 {
		return "/decisions"
	}
	return "/decisions?" + q.Encode()
}
