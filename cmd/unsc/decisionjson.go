package main

import (
	"slices"

	"unsc"
	"unsc/record"
)

// decisionJSON is the wire form of a decision in the record.
type decisionJSON struct {
	Symbol      string               `json:"symbol"`
	Date        string               `json:"date"`
	Meeting     string               `json:"meeting,omitempty"`
	Resolution  string               `json:"resolution,omitempty"`
	Draft       string               `json:"draft,omitempty"`
	Amendment   bool                 `json:"amendment"`
	AmendmentTo string               `json:"amendment_to,omitempty"`
	Title       string               `json:"title,omitempty"`
	Agenda      string               `json:"agenda,omitempty"`
	Subjects    []string             `json:"subjects,omitempty"`
	Matter      string               `json:"matter"`
	MatterKnown bool                 `json:"matter_known"`
	Modality    string               `json:"modality"`
	Tally       *tallyJSON           `json:"tally"`
	Votes       map[unsc.Code]string `json:"votes"`
	Outcome     string               `json:"outcome"`
	Derived     string               `json:"derived_outcome"`
	VetoedBy    []unsc.Code          `json:"vetoed_by"`
	Sources     []sourceJSON         `json:"sources"`
}

type tallyJSON struct {
	Yes       int `json:"yes"`
	No        int `json:"no"`
	Abstain   int `json:"abstain"`
	NonVoting int `json:"non_voting"`
}

type sourceJSON struct {
	Source   unsc.Source `json:"source"`
	Ref      string      `json:"ref"`
	Outcome  string      `json:"outcome,omitempty"`
	Tally    *tallyJSON  `json:"tally,omitempty"`
	VetoedBy []unsc.Code `json:"vetoed_by,omitempty"`
	Note     string      `json:"note,omitempty"`
}

func outcomeName(o unsc.Outcome) string {
	if o == 0 {
		return ""
	}
	return o.String()
}

func newTallyJSON(t unsc.Tally) *tallyJSON {
	if !t.Known {
		return nil
	}
	return &tallyJSON{Yes: t.Yes, No: t.No, Abstain: t.Abstain, NonVoting: t.NonVoting}
}

func newDecisionJSON(d unsc.Decision) decisionJSON {
	out := decisionJSON{
		Symbol:      record.Symbol(d),
		Date:        d.Date.Format("2006-01-02"),
		Meeting:     d.Meeting,
		Resolution:  d.Resolution,
		Draft:       d.Draft,
		Amendment:   d.Amendment,
		AmendmentTo: d.AmendmentTo,
		Title:       d.Title,
		Agenda:      d.Agenda,
		Subjects:    d.Subjects,
		Matter:      d.Matter.String(),
		MatterKnown: d.MatterKnown,
		Modality:    d.Modality.String(),
		Tally:       newTallyJSON(d.Tally),
		Outcome:     outcomeName(d.Recorded),
		Derived:     outcomeName(d.Derived),
		VetoedBy:    slices.Clip(append([]unsc.Code{}, d.VetoedBy...)),
	}
	if d.Votes != nil {
		out.Votes = make(map[unsc.Code]string, len(d.Votes))
		for code, p := range d.Votes {
			out.Votes[code] = p.Letter()
		}
	}
	for _, r := range d.Reports {
		out.Sources = append(out.Sources, sourceJSON{
			Source: r.Source, Ref: r.Ref, Outcome: outcomeName(r.Outcome),
			Tally: newTallyJSON(r.Tally), VetoedBy: r.VetoedBy, Note: r.Note,
		})
	}
	return out
}
