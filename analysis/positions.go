package analysis

import (
	"context"
	"slices"

	"unsc"
	"unsc/charter"
	"unsc/record"
)

// PositionRow is one member's position on one decision: a row of the
// positions export (`unsc positions`, GET /api/v1/positions).
type PositionRow struct {
	Date       string `json:"date"`
	Symbol     string `json:"symbol"`
	Resolution string `json:"resolution,omitempty"`
	Draft      string `json:"draft,omitempty"`
	Meeting    string `json:"meeting,omitempty"`
	// Member is the member's code; Name its name at the time, as the
	// Council's records give it; Permanent whether it held a permanent
	// seat.
	Member    unsc.Code `json:"member"`
	Name      string    `json:"name"`
	Permanent bool      `json:"permanent"`
	// Position is yes, no, abstain, not-participating or absent.
	Position string `json:"position"`
	// Outcome is the decision's outcome (see Outcome).
	Outcome string `json:"outcome"`
	// Source is the source of the per-member votes the row comes from.
	Source unsc.Source `json:"source"`
	// InDoubt marks a position the sources give but cannot reconcile
	// with the official count (a note of the record says why).
	InDoubt bool `json:"in_doubt"`
}

// PositionsSummary counts what a positions export held.
type PositionsSummary struct {
	// Decisions counts the decisions the query selected; WithoutVotes
	// those of them for which no source gives each member's position
	// (known only by a count, or taken without a vote), which have no
	// rows.
	Decisions    int `json:"decisions"`
	WithoutVotes int `json:"decisions_without_votes"`
	Rows         int `json:"row_count"`
	// InDoubt counts the rows whose position the record holds in doubt
	// (in_doubt true): the position a source gives, which does not square
	// with the official count.
	InDoubt int `json:"in_doubt_rows"`
}

// PositionsNote says what the rows of a positions export are.
const PositionsNote = "One row per decision and member of the Council on its date, for every decision the query selects whose per-member votes a source gives; a member listed by no source for a decision it sat on was absent. Names are the members' names at the time; outcomes are those the Charter engine derives (or, with no votes or count, those recorded). With a member, only its rows. A position the record holds in doubt (in_doubt) is the source's, which does not square with the official count: count it as no position."

// Positions writes, through emit, a row for each member's position on
// each decision the query selects (its text, period, outcome, matter,
// member and position; paging and order aside), in date order and, within
// a decision, in the Council's order. With Member, only that member's (or
// seat's) rows. It stops with ctx's error when ctx is done, and with emit's
// error when emit fails.
func (x *Index) Positions(ctx context.Context, q SearchQuery, emit func(*PositionRow) error) (PositionsSummary, error) {
	var sum PositionsSummary
	lo, hi := x.span(q.From, q.To)
	m := x.matcher(q, lo, hi)
	var byText map[int]bool
	if m.text != nil {
		byText = make(map[int]bool, len(m.text))
		for _, f := range m.text {
			byText[f.i] = true
		}
	}
	dates := x.dateStrings()
	var councilDay int64 = -1
	var council unsc.Council
	var row PositionRow
	for i := lo; i < hi; i++ {
		if (byText != nil && !byText[i]) || !m.match(i) {
			continue
		}
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return sum, err
			}
		}
		sum.Decisions++
		d := x.d(i)
		if !votesKnown(d) {
			sum.WithoutVotes++
			continue
		}
		if day := x.day(i); day != councilDay {
			// The names at the time: the Council of the decision's own
			// day (a name may change within a term).
			council, _ = charter.CouncilOn(d.Date)
			councilDay = day
		}
		row = PositionRow{
			Date: dates[i], Symbol: record.Symbol(*d), Resolution: d.Resolution, Draft: d.Draft, Meeting: d.Meeting,
			Outcome: outcomeName(outcomeOf(d)), Source: votesSource(d),
		}
		doubt := d.InDoubt()
		write := func(code unsc.Code, name string, permanent bool) error {
			if m.codes != nil && !slices.Contains(m.codes, code) {
				return nil
			}
			row.Member, row.Name, row.Permanent = code, name, permanent
			row.InDoubt = slices.Contains(doubt, code)
			if row.InDoubt {
				sum.InDoubt++
			}
			row.Position = positionWords[posCode(d.Votes.Of(code))]
			if _, ok := d.Votes.Get(code); !ok {
				row.Position = positionWords[pAbsent]
			}
			sum.Rows++
			return emit(&row)
		}
		for _, mem := range council.Members {
			if err := write(mem.Code, mem.Name, mem.Permanent); err != nil {
				return sum, err
			}
		}
		// A code that voted but was not on the Council (a source's error)
		// keeps its row.
		for code := range d.Votes.All() { // in code order
			if _, sat := council.Member(code); !sat {
				if err := write(code, string(code), false); err != nil {
					return sum, err
				}
			}
		}
	}
	return sum, nil
}

// positionWords are the positions as exports write them.
var positionWords = [...]string{pNone: "", pAbsent: "absent", pYes: "yes", pNo: "no", pAbstain: "abstain", pNotParticipating: "not-participating", pDoubt: ""}

func outcomeName(o unsc.Outcome) string {
	if o == 0 {
		return "unknown"
	}
	return o.String()
}

// votesSource returns the source whose per-member votes the decision
// shows: the most authoritative report that gives votes equal to them,
// else the first that gives any, else (reports left out) the most
// authoritative source that gives votes at all.
func votesSource(d *unsc.Decision) unsc.Source {
	var first unsc.Source
	for k := range d.Reports {
		r := &d.Reports[k]
		if !r.Votes.Known() {
			continue
		}
		if r.Votes.Equal(d.Votes) || r.Votes.Len() == 0 && d.Votes.Len() == 0 { // as maps.Equal compared the maps
			return r.Source
		}
		if first == "" {
			first = r.Source
		}
	}
	if first != "" {
		return first
	}
	for _, s := range []unsc.Source{unsc.SourceUNDL, unsc.SourcePress, unsc.SourceResearch, unsc.SourceSpreadsheet} {
		if slices.Contains(d.Sources, s) {
			return s
		}
	}
	if len(d.Sources) > 0 {
		return d.Sources[0]
	}
	return ""
}
