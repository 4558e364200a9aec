package main

import (
	"fmt"
	"slices"
	"strconv"

	"unsc/analysis"
)

// simulatedSearch is a search of the live sessions' decisions: the record's
// layout, each decision marked as a simulation.
type simulatedSearch struct {
	analysis.SearchAnswer
	Simulation bool           `json:"simulation"`
	Decisions  []simulatedHit `json:"decisions"`
}

type simulatedHit struct {
	analysis.SearchHit
	Simulation bool `json:"simulation"`
}

// answerSimulations prints a search of the simulations as unsc decisions
// prints the record's, every row marked: a column simulation (CSV), a field
// simulation (JSON), a line saying so (table).
func answerSimulations(a *app, f outputFormat, s analysis.SearchAnswer) error {
	out := simulatedSearch{SearchAnswer: s, Simulation: true, Decisions: make([]simulatedHit, len(s.Decisions))}
	rows := make([][]string, len(s.Decisions))
	for i, h := range s.Decisions {
		out.Decisions[i] = simulatedHit{SearchHit: h, Simulation: true}
		score := ""
		if h.Score > 0 {
			score = strconv.FormatFloat(h.Score, 'f', 3, 64)
		}
		if f == asText {
			rows[i] = []string{h.Date, h.Symbol, h.Meeting, h.Outcome, fmt.Sprintf("%d-%d-%d", h.Yes, h.No, h.Abstain), h.Position, h.Title}
			continue
		}
		rows[i] = []string{h.Date, h.Symbol, h.Resolution, h.Draft, h.Meeting, h.AmendmentTo, h.Outcome, codeList(h.VetoedBy), h.Matter, h.Modality,
			itoa(h.Yes), itoa(h.No), itoa(h.Abstain), strconv.FormatBool(h.CountKnown), strconv.FormatBool(h.VotesKnown), h.Position, score, h.Title, h.Agenda, "true"}
	}
	if f != asText {
		return answer(a.out(f), f, out, append(slices.Clip(decisionColumns), "simulation"), rows)
	}
	if err := printTable(a.stdout, []string{"date", "symbol", "meeting", "outcome", "count", "position", "title"}, rows); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "\n%d of %s (from %d), by %s.\n", len(s.Decisions), plural(s.Total, "decision", "decisions"), s.Offset+1, s.Sort)
	fmt.Fprintln(a.stdout, "Simulations: decisions taken in live sessions (unsc serve), not decisions of the Security Council.")
	return nil
}
