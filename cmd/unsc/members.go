package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/form"
)

// memberArg resolves a member given for param by any name people use
// (charter.LookupMember): an unknown one is bad input, exit status 2.
func memberArg(param, s string) (unsc.Code, error) {
	c, err := charter.LookupMember(s)
	if err != nil {
		return "", unknownMember(param, err)
	}
	return c, nil
}

// seatArg resolves a member, or a seat of several joined by "+" (SUN+RUS),
// given for param (charter.LookupSeat).
func seatArg(param, s string) (string, error) {
	seat, err := charter.LookupSeat(s)
	if err != nil {
		return "", unknownMember(param, err)
	}
	return seat, nil
}

func unknownMember(param string, err error) error {
	return unsc.Errorf(unsc.EINVALID, param, "%s; `unsc members` lists every state that sat", unsc.ErrorMessage(err))
}

var membersCommand = command{
	name:    "members",
	args:    "[--json]",
	summary: "List every state that sat on the Security Council, with the names it sat under and its seats.",
	run:     runMembers,
}

func runMembers(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("members")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	states := form.NewStates(charter.Tenures())
	if *asJSON {
		return printJSON(a.stdout, states)
	}
	rows := make([][]string, len(states))
	for i, s := range states {
		seat := "elected"
		if s.Permanent {
			seat = "permanent"
		}
		terms := make([]string, len(s.Terms))
		for k, t := range s.Terms {
			terms[k] = termText(t)
		}
		rows[i] = []string{string(s.Code), strings.Join(s.Names, " / "), seat, itoa(len(s.Terms)), strings.Join(terms, ", ")}
	}
	if err := printTable(a.stdout, []string{"CODE", "NAMES AT THE TIME", "SEAT", "TERMS", "SERVED"}, rows); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "\n%s, from %s to the last composition known, %s. Commands take any of these names, a code in any case, or a common name (US, UK, Russia, USSR).\n",
		plural(len(states), "state", "states"), longDate(charter.FirstMeeting), longDate(charter.LastKnown))
	return nil
}

// termText writes a term for a reader: whole calendar years as "1982–1983",
// other spans as dates, a permanent seat still held as "since DATE".
func termText(t form.Member) string {
	start, _ := time.Parse("2006-01-02", t.TermStart)
	var s string
	switch {
	case t.TermEnd == nil:
		s = "since " + t.TermStart
	default:
		end, _ := time.Parse("2006-01-02", *t.TermEnd)
		wholeYears := (start.YearDay() == 1 || start.Equal(charter.FirstMeeting)) && end.Month() == time.December && end.Day() == 31
		switch {
		case wholeYears && start.Year() == end.Year():
			s = fmt.Sprint(start.Year())
		case wholeYears:
			s = fmt.Sprintf("%d–%d", start.Year(), end.Year())
		default:
			s = t.TermStart + " to " + *t.TermEnd
		}
	}
	if t.Government != "" {
		s += " (" + t.Government + ")"
	}
	return s
}

// plural writes n and the noun in the number it takes: "1 veto", "2
// vetoes", "0 vetoes".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}

// longDate writes a date as answers in words do: "31 December 2025".
func longDate(t time.Time) string { return t.Format("2 January 2006") }
