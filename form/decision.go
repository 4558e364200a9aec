package form

import (
	"slices"

	"unsc"
	"unsc/record"
)

// Decision is the wire form of a decision in the record: the elements of
// what `unsc show --json` prints and GET /api/v1/decisions answers. Outcome
// is the outcome the sources record, DerivedOutcome the one the Charter
// engine derives from the votes; Title is the source's title, or one made
// from the agenda item where the sources give none (record.Title); Votes
// maps member codes to Y, N, A, X or - (absent), and is null where no
// source gives per-member votes. Sponsors lists who put the draft forward
// where a source names them: member codes for states that have sat on the
// Council, else names as the source writes them ("President", "E10", a
// state that never sat).
// Notes say where the record shows a value other than a source's, where
// positions are in doubt and where an official source contradicts itself.
type Decision struct {
	Symbol      string   `json:"symbol"`
	Date        string   `json:"date"`
	Meeting     string   `json:"meeting,omitempty"`
	Resolution  string   `json:"resolution,omitempty"`
	Draft       string   `json:"draft,omitempty"`
	Amendment   bool     `json:"amendment"`
	AmendmentTo string   `json:"amendment_to,omitempty"`
	Title       string   `json:"title,omitempty"`
	Agenda      string   `json:"agenda,omitempty"`
	Subjects    []string `json:"subjects,omitempty"`
	Sponsors    []string `json:"sponsors,omitempty"`
	// Elected names the judges an election to the International Court of
	// Justice elected, as the sources name them; the ballot is secret, so
	// votes and tally stay empty.
	Elected []string `json:"elected,omitempty"`
	// ElectedNone: a source says the election's meeting elected no one.
	ElectedNone bool `json:"elected_none,omitempty"`
	// ElectedOnDay: the judges a source says were elected on the day of
	// several meetings of an election, at one of them it does not name;
	// never the meeting's own Elected.
	ElectedOnDay   *ElectedOnDay        `json:"elected_on_day,omitempty"`
	Matter         string               `json:"matter"`
	MatterKnown    bool                 `json:"matter_known"`
	Modality       string               `json:"modality"`
	Tally          *Tally               `json:"tally"`
	Votes          map[unsc.Code]string `json:"votes"`
	Outcome        string               `json:"outcome"`
	DerivedOutcome string               `json:"derived_outcome"`
	VetoedBy       []unsc.Code          `json:"vetoed_by"`
	Notes          []Note               `json:"notes"`
	Sources        []Source             `json:"sources"`
	// Links are the decision's records in the UN Digital Library: the
	// resolution's and its voting record (record.Links).
	Links []Link `json:"links,omitempty"`
}

// Link is the wire form of an address where a decision's records are
// found: what it is, and the address.
type Link struct {
	Text string `json:"text"`
	Href string `json:"href"`
}

// Note is the wire form of a note on a decision: its kind (corrected,
// doubt or contradiction), the field it is about, the note in plain words,
// where its fact comes from, and the members it concerns (for doubt, those
// whose positions are in doubt).
type Note struct {
	Kind    string      `json:"kind"`
	Field   string      `json:"field"`
	Text    string      `json:"text"`
	Source  string      `json:"source,omitempty"`
	Members []unsc.Code `json:"members,omitempty"`
}

// Tally is the wire form of a count of votes; it is null where the source
// gives none.
type Tally struct {
	Yes       int `json:"yes"`
	No        int `json:"no"`
	Abstain   int `json:"abstain"`
	NonVoting int `json:"non_voting"`
}

// Source is the wire form of one source's report of a decision: where it
// was read and what that source records.
type Source struct {
	Source   unsc.Source `json:"source"`
	Ref      string      `json:"ref"`
	Outcome  string      `json:"outcome,omitempty"`
	Tally    *Tally      `json:"tally,omitempty"`
	VetoedBy []unsc.Code `json:"vetoed_by,omitempty"`
	Note     string      `json:"note,omitempty"`
}

// OutcomeName returns the name of o, or "" for no outcome.
func OutcomeName(o unsc.Outcome) string {
	if o == 0 {
		return ""
	}
	return o.String()
}

func NewTally(t unsc.Tally) *Tally {
	if !t.Known {
		return nil
	}
	return &Tally{Yes: t.Yes, No: t.No, Abstain: t.Abstain, NonVoting: t.NonVoting}
}

// NewDecision returns the wire form of d, with every source's report.
func NewDecision(d unsc.Decision) Decision {
	out := Decision{
		Symbol:         record.Symbol(d),
		Date:           d.Date.Format(DateLayout),
		Meeting:        d.Meeting,
		Resolution:     d.Resolution,
		Draft:          d.Draft,
		Amendment:      d.Amendment,
		AmendmentTo:    d.AmendmentTo,
		Title:          record.Title(d),
		Agenda:         d.Agenda,
		Subjects:       d.Subjects,
		Sponsors:       d.Sponsors,
		Elected:        d.Elected(),
		ElectedNone:    d.ElectedNone(),
		Matter:         d.Matter.String(),
		MatterKnown:    d.MatterKnown,
		Modality:       d.Modality.String(),
		Tally:          NewTally(d.Tally),
		Outcome:        OutcomeName(d.Recorded),
		DerivedOutcome: OutcomeName(d.Derived),
		VetoedBy:       slices.Clip(append([]unsc.Code{}, d.VetoedBy...)),
	}
	if first, last, names, ok := d.ElectedOnDay(); ok {
		out.ElectedOnDay = &ElectedOnDay{From: first, To: last, Elected: names}
	}
	for _, l := range record.Links(d) {
		out.Links = append(out.Links, Link{Text: l.Text, Href: l.Href})
	}
	out.Notes = make([]Note, len(d.Notes))
	for i, n := range d.Notes {
		out.Notes[i] = Note{Kind: n.Kind.String(), Field: n.Field, Text: n.Text, Source: n.Source, Members: n.Members}
	}
	if d.Votes.Known() {
		out.Votes = make(map[unsc.Code]string, d.Votes.Len())
		for code, p := range d.Votes.All() {
			out.Votes[code] = p.Letter()
		}
	}
	for _, r := range d.Reports {
		out.Sources = append(out.Sources, Source{
			Source: r.Source, Ref: r.Ref, Outcome: OutcomeName(r.Outcome),
			Tally: NewTally(r.Tally), VetoedBy: r.VetoedBy, Note: r.Note,
		})
	}
	return out
}

// ElectedOnDay is the wire form of the judges elected on a day of several
// meetings of an election to the Court, at one of the meetings From to To
// (the sources do not say which).
type ElectedOnDay struct {
	From    string   `json:"from"`
	To      string   `json:"to"`
	Elected []string `json:"elected"`
}

// DecisionSummary is a decision as the API's search lists it: what names
// the decision and what was decided, each element as Decision has it, and
// URL, the address of the whole decision (GET /api/v1/decisions?symbol=…),
// which adds each member's vote, the subjects, the sponsors, the notes, the
// sources' reports and the decision's records in the UN Digital Library:
// two thirds of a decision's bytes.
type DecisionSummary struct {
	Symbol         string        `json:"symbol"`
	Date           string        `json:"date"`
	Meeting        string        `json:"meeting,omitempty"`
	Resolution     string        `json:"resolution,omitempty"`
	Draft          string        `json:"draft,omitempty"`
	Amendment      bool          `json:"amendment"`
	AmendmentTo    string        `json:"amendment_to,omitempty"`
	Title          string        `json:"title,omitempty"`
	Agenda         string        `json:"agenda,omitempty"`
	Elected        []string      `json:"elected,omitempty"`
	ElectedNone    bool          `json:"elected_none,omitempty"`
	ElectedOnDay   *ElectedOnDay `json:"elected_on_day,omitempty"`
	Matter         string        `json:"matter"`
	MatterKnown    bool          `json:"matter_known"`
	Modality       string        `json:"modality"`
	Tally          *Tally        `json:"tally"`
	Outcome        string        `json:"outcome"`
	DerivedOutcome string        `json:"derived_outcome"`
	VetoedBy       []unsc.Code   `json:"vetoed_by"`
	URL            string        `json:"url"`
}

// SummaryLeavesOut names the elements of Decision a DecisionSummary does
// not hold, by their JSON names.
var SummaryLeavesOut = []string{"subjects", "sponsors", "votes", "notes", "sources", "links"}

// Summary returns d's summary, with url, the address of the whole
// decision.
func (d Decision) Summary(url string) DecisionSummary {
	return DecisionSummary{
		Symbol: d.Symbol, Date: d.Date, Meeting: d.Meeting, Resolution: d.Resolution, Draft: d.Draft,
		Amendment: d.Amendment, AmendmentTo: d.AmendmentTo, Title: d.Title, Agenda: d.Agenda,
		Elected: d.Elected, ElectedNone: d.ElectedNone, ElectedOnDay: d.ElectedOnDay,
		Matter: d.Matter, MatterKnown: d.MatterKnown, Modality: d.Modality, Tally: d.Tally,
		Outcome: d.Outcome, DerivedOutcome: d.DerivedOutcome, VetoedBy: d.VetoedBy, URL: url,
	}
}
