package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/form"
)

var councilCommand = command{
	name:    "council",
	args:    "[--json] DATE",
	summary: "Show the members of the Security Council on DATE (YYYY-MM-DD).",
	run:     runCouncil,
}

func runCouncil(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("council")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &usageError{msg: "council: want one DATE (YYYY-MM-DD)"}
	}
	d, err := parseDate("date", fs.Arg(0))
	if err != nil {
		return err
	}
	c, err := charter.CouncilOn(d)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(form.NewCouncil(c))
	}
	fmt.Fprintf(a.stdout, "The Security Council on %s: %d members, %d votes required.\n\n", c.Date.Format("2 January 2006"), c.Size(), c.Required)
	rows := make([][]string, 0, len(c.Members))
	for _, m := range c.Members {
		seat, term := "elected", m.TermStart.Format("2006-01-02")+" to "+m.TermEnd.Format("2006-01-02")
		if m.Permanent {
			seat, term = "permanent", "since "+m.TermStart.Format("2006-01-02")
		}
		name := m.Name
		if m.Government != "" {
			name += " (" + m.Government + ")"
		}
		rows = append(rows, []string{string(m.Code), name, seat, term})
	}
	return printTable(a.stdout, []string{"CODE", "MEMBER", "SEAT", "TERM"}, rows)
}

// parseDate reads a YYYY-MM-DD date given for the named parameter; a
// malformed date and one that does not exist (2024-02-30) are told apart.
func parseDate(param, s string) (time.Time, error) { return unsc.ParseDate(param, s) }
