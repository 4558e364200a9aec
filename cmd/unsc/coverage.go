package main

import (
	"context"
	"fmt"
	"strings"

	"unsc"
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
	// Each row names the days over which the record holds every decision
	// of its kind (none for a kind no source lists in full).
	kinds := map[string]analysis.KindCoverage{}
	for _, k := range c.Kinds {
		kinds[k.Kind] = k
	}
	header := []string{"kind", "decade", "decisions", "positions", "count_only", "without_vote", "unknown", "first", "last", "complete_from", "complete_to"}
	row := func(r analysis.CoverageRow) []string {
		k := kinds[r.Kind]
		return []string{r.Kind, r.Decade, itoa(r.Decisions), itoa(r.Positions), itoa(r.CountOnly), itoa(r.WithoutVote), itoa(r.Unknown), r.First, r.Last, k.CompleteFrom, k.CompleteTo}
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
	for i := range table {
		table[i] = table[i][:9]
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
	fmt.Fprintln(a.stdout)
	fmt.Fprintln(a.stdout, "Complete: the days over which the record holds every decision of each kind (none where no source lists them all).")
	fmt.Fprintln(a.stdout)
	krows := make([][]string, 0, len(c.Kinds))
	for _, k := range c.Kinds {
		from, to, by := k.CompleteFrom, k.CompleteTo, sourceNames(k.ListedBy)
		if to == "" {
			from, to, by = "-", "-", "none: "+itoa(k.Decisions)+" known, there may be more"
		} else if k.Curated {
			by += " and the curated decisions (every one, by public sources: DATA.md)"
		}
		krows = append(krows, []string{k.Kind, from, to, by})
	}
	if err := printTable(a.stdout, []string{"KIND", "COMPLETE FROM", "COMPLETE TO", "LISTED IN FULL BY"}, krows); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "\nThe record covers %s.\n", c.Period.Text)
	return nil
}

// sourceNames joins the sources' names with commas.
func sourceNames(ss []unsc.Source) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}
