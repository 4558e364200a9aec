package main

import (
	"context"
	"fmt"

	"unsc/analysis"
)

var coverageCommand = command{
	name:    "coverage",
	args:    "[--json|--csv]",
	summary: "What the record holds: for each kind of vote and decade, how many decisions and how many with each member's position or a count only; what each source lists and to which date.",
	run:     runCoverage,
}

func runCoverage(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("coverage")
	format := outputFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	f, err := format()
	if err != nil {
		return err
	}
	x, err := a.loadIndex(ctx, false)
	if err != nil {
		return err
	}
	c := x.Coverage()
	header := []string{"kind", "decade", "decisions", "positions", "count_only", "without_vote", "unknown", "first", "last"}
	row := func(r analysis.CoverageRow) []string {
		return []string{r.Kind, r.Decade, itoa(r.Decisions), itoa(r.Positions), itoa(r.CountOnly), itoa(r.WithoutVote), itoa(r.Unknown), r.First, r.Last}
	}
	var rows [][]string
	for _, r := range c.Rows {
		rows = append(rows, row(r))
	}
	if f != asText {
		for _, r := range c.Totals {
			rows = append(rows, row(r))
		}
		return answer(a.out(f), f, c, header, rows)
	}
	fmt.Fprintln(a.stdout, "Decisions in the record by kind and decade: how many, and how many with each member's position, with a count only, adopted without a vote, or with neither.")
	fmt.Fprintln(a.stdout)
	// Each kind's rows, then its total.
	var table [][]string
	for _, t := range c.Totals {
		for _, r := range c.Rows {
			if r.Kind == t.Kind {
				table = append(table, row(r))
			}
		}
		total := row(t)
		total[1] = "all"
		table = append(table, total)
	}
	if err := printTable(a.stdout, []string{"KIND", "DECADE", "DECISIONS", "POSITIONS", "COUNT ONLY", "WITHOUT VOTE", "NEITHER", "FIRST", "LAST"}, table); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout)
	srows := make([][]string, len(c.Sources))
	for i, s := range c.Sources {
		official := "no"
		if s.Official {
			official = "yes"
		}
		srows[i] = []string{string(s.Source), official, itoa(s.Decisions), s.First, s.Last, s.Lists}
	}
	if err := printTable(a.stdout, []string{"SOURCE", "OFFICIAL", "DECISIONS", "FIRST", "LAST", "LISTS"}, srows); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "\nThe record covers %s.\n", c.Period.Text)
	return nil
}
