package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"unsc/analysis"
)

// countQuery is a fact check: `unsc vetoes --count [--claim N]`.
type countQuery struct {
	Member   string
	From, To time.Time
	// Claim is the claimed number of vetoes to check, if one was given.
	Claim *int
}

// runVetoCount answers a fact check: the number of vetoes under every way
// of counting them, each with its parts, and a claimed number checked.
func runVetoCount(ctx context.Context, a *app, q countQuery, f outputFormat) error {
	if err := analysis.CheckVetoQuery(analysis.VetoQuery{From: q.From, To: q.To}); err != nil {
		return err
	}
	x, err := a.loadIndex(ctx, true)
	if err != nil {
		return err
	}
	c, err := x.CountVetoes(ctx, q.Member, q.From, q.To)
	if err != nil {
		return err
	}
	if q.Claim != nil {
		cc, err := x.CheckClaim(ctx, analysis.Claim{Member: q.Member, Number: *q.Claim, From: q.From, To: q.To})
		if err != nil {
			return err
		}
		cc.Count = nil // the answer is the count
		c.Claim = &cc
	}
	switch {
	case f == asCSV && c.Claim != nil:
		rows := make([][]string, len(c.Claim.Rules))
		for i, r := range c.Claim.Rules {
			rows[i] = []string{r.Name, r.Rule, r.Scope, r.Amendments, itoa(c.Claim.Claim.Number), c.Claim.AsOf, itoa(r.Count), itoa(r.Difference), strconv.FormatBool(r.Holds), r.HeldFrom, r.HeldTo, entrySymbols(r.Decisions)}
		}
		return printCSV(a.out(f), []string{"name", "rule", "scope", "amendments", "claim", "as_of", "count", "difference", "holds", "held_from", "held_to", "decisions"}, rows)
	case f != asText:
		rows := make([][]string, len(c.Lines))
		for i, l := range c.Lines {
			rows[i] = []string{l.Name, l.Rule, l.Scope, itoa(l.Count), itoa(l.WithoutAmendments), itoa(l.Amendments), itoa(l.ToListEnd), itoa(l.AfterListEnd), itoa(l.OnList), itoa(l.NotOnList), c.ListEnd, c.Period.From, c.Period.To, itoa(c.Period.Later), l.Description}
		}
		return answer(a.out(f), f, c, []string{"name", "rule", "scope", "count", "without_amendments", "amendments", "to_list_end", "after_list_end", "on_list", "not_on_list", "list_end", "period_from", "period_to", "later", "description"}, rows)
	}
	w := a.stdout
	who := "Every member"
	if c.MemberName != "" {
		who = c.MemberName
	}
	fmt.Fprintf(w, "%s: vetoes from %s.\n\n", who, c.Period.Text)
	rows := make([][]string, len(c.Lines))
	for i, l := range c.Lines {
		rows[i] = []string{itoa(l.Count), l.Name, "= " + l.Parts}
	}
	if err := printTable(w, []string{"COUNT", "WAY OF COUNTING", "PARTS"}, rows); err != nil {
		return err
	}
	section := func(title string, es []analysis.VetoEntry) {
		if len(es) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s\n", title)
		for _, e := range es {
			fmt.Fprintf(w, "  %s  %s  %s  %s\n", e.Date, vetoSymbol(e), joinCodes(e.VetoedBy), e.Agenda)
		}
	}
	section(fmt.Sprintf("The record's vetoes to %s that the UN veto list omits (counted in the record scope only):", longDay(c.ListEnd)), c.NotOnList)
	section(fmt.Sprintf("The UN veto list's rows to %s that the record does not count as vetoes (counted in the un-list scope only):", longDay(c.ListEnd)), c.NotInRecord)
	section("Vetoes of amendments (counted in every count, left out of the counts without amendments):", c.Amendments)
	if cc := c.Claim; cc != nil {
		fmt.Fprintf(w, "\n%s\n\n", cc.Verdict)
		rows := make([][]string, len(cc.Rules))
		for i, r := range cc.Rules {
			held := ""
			if r.HeldFrom != "" {
				held = r.HeldFrom + " to "
				if r.HeldTo != "" {
					held += r.HeldTo
				} else {
					held += "the end of the record"
				}
			}
			diff := itoa(r.Difference)
			if r.Difference > 0 {
				diff = "+" + diff
			}
			rows[i] = []string{r.Name, itoa(r.Count), diff, held, entrySymbols(r.Decisions)}
		}
		header := []string{"WAY OF COUNTING", "COUNT", "DIFFERENCE", "AT " + itoa(cc.Claim.Number) + " FROM", "DECISIONS THAT MAKE THE DIFFERENCE"}
		if err := printTable(w, header, rows); err != nil {
			return err
		}
	}
	fmt.Fprintln(w, "\nThe ways of counting:")
	for _, l := range c.Lines {
		fmt.Fprintf(w, "  %s: %s\n", l.Name, l.Description)
	}
	return nil
}

// vetoSymbol names a veto's draft, marking an amendment.
func vetoSymbol(e analysis.VetoEntry) string {
	if e.Amendment && !strings.Contains(e.Symbol, "amendment to ") {
		return "amendment " + e.Symbol
	}
	return e.Symbol
}

// entrySymbols lists vetoes as "DATE SYMBOL", separated by commas.
func entrySymbols(es []analysis.VetoEntry) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Date + " " + vetoSymbol(e)
	}
	return strings.Join(parts, ", ")
}

// longDay writes a YYYY-MM-DD date in words.
func longDay(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return longDate(t)
}
