package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"unsc"
	"unsc/casebook"
	"unsc/charter"
)

var casebookCommand = command{
	name:    "casebook",
	args:    "[--json] [CASE]",
	summary: "Read the casebook: the votes every part of unsc must get right, each with what happened, the rule it shows, and what the engine decides.",
	run:     runCasebook,
}

// caseJSON is a case as `unsc casebook --json` prints it: the casebook's
// facts, and the engine's decision of its ballot.
type caseJSON struct {
	Number   int                `json:"number"`
	Date     string             `json:"date"`
	Title    string             `json:"title"`
	Symbols  []string           `json:"symbols"`
	Meeting  string             `json:"meeting,omitempty"`
	Ballot   json.RawMessage    `json:"ballot"`
	Official officialJSON       `json:"official"`
	Decided  charter.ResultJSON `json:"decided"`
	Note     string             `json:"note"`
	Sources  []string           `json:"sources"`
	Verified bool               `json:"verified"`
	Sequel   []stepJSON         `json:"sequel,omitempty"`
}

type officialJSON struct {
	Outcome  string   `json:"outcome"`
	VetoedBy []string `json:"vetoed_by,omitempty"`
	Elected  []string `json:"elected,omitempty"`
}

type stepJSON struct {
	Title    string             `json:"title"`
	Symbols  []string           `json:"symbols"`
	Meeting  string             `json:"meeting,omitempty"`
	Ballot   json.RawMessage    `json:"ballot"`
	Official officialJSON       `json:"official"`
	Decided  charter.ResultJSON `json:"decided"`
	Verified bool               `json:"verified"`
}

func runCasebook(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("casebook")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cases := casebook.Cases()
	if fs.NArg() > 1 {
		return &usageError{msg: "casebook: want at most one CASE number"}
	}
	if fs.NArg() == 1 {
		n, err := strconv.Atoi(strings.TrimPrefix(fs.Arg(0), "#"))
		c, ok := casebook.Lookup(n)
		if err != nil || !ok {
			return unsc.Errorf(unsc.EINVALID, "CASE", "%q: want a case number from 1 to %d (`unsc casebook` lists them)", fs.Arg(0), len(cases))
		}
		cases = []casebook.Case{c}
	}
	out := make([]caseJSON, len(cases))
	for i, c := range cases {
		cj, err := newCaseJSON(c)
		if err != nil {
			return err
		}
		out[i] = cj
	}
	switch {
	case *asJSON && fs.NArg() == 1:
		return printJSON(a.stdout, out[0])
	case *asJSON:
		return printJSON(a.stdout, out)
	case fs.NArg() == 1:
		printCase(a.stdout, cases[0], out[0])
		return nil
	}
	rows := make([][]string, len(out))
	for i, c := range out {
		verified := "yes"
		if !c.Verified {
			verified = "no"
		}
		rows[i] = []string{itoa(c.Number), c.Date, c.Title, officialText(c.Official), verified}
	}
	if err := printTable(a.stdout, []string{"CASE", "DATE", "TITLE", "OFFICIAL OUTCOME", "VERIFIED"}, rows); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, "\n`unsc casebook CASE` reads a case: what happened, the rule it shows, and what the engine decides.")
	return nil
}

func newCaseJSON(c casebook.Case) (caseJSON, error) {
	r, err := decide(c.Ballot)
	if err != nil {
		return caseJSON{}, fmt.Errorf("casebook case %d: %w", c.Number, err)
	}
	cj := caseJSON{
		Number: c.Number, Date: c.Date.Format("2006-01-02"), Title: c.Title, Symbols: c.Symbols, Meeting: c.Meeting,
		Ballot: c.Ballot, Official: officialJSON(c.Official), Decided: charter.NewResultJSON(r),
		Note: c.Note, Sources: c.Sources, Verified: c.Verified,
	}
	for i, s := range c.Sequel {
		r, err := decide(s.Ballot)
		if err != nil {
			return caseJSON{}, fmt.Errorf("casebook case %d, sequel %d: %w", c.Number, i+1, err)
		}
		cj.Sequel = append(cj.Sequel, stepJSON{Title: s.Title, Symbols: s.Symbols, Meeting: s.Meeting, Ballot: s.Ballot,
			Official: officialJSON(s.Official), Decided: charter.NewResultJSON(r), Verified: s.Verified})
	}
	return cj, nil
}

func officialText(o officialJSON) string {
	switch {
	case len(o.VetoedBy) > 0:
		return o.Outcome + " by " + strings.Join(o.VetoedBy, ", ")
	case len(o.Elected) > 0:
		return "elected: " + strings.Join(o.Elected, ", ")
	}
	return o.Outcome
}

// printCase writes one case for a reader.
func printCase(w io.Writer, c casebook.Case, cj caseJSON) {
	fmt.Fprintf(w, "Case %d: %s\n%s", c.Number, c.Title, longDate(c.Date))
	if c.Meeting != "" {
		fmt.Fprintf(w, ", %s", c.Meeting)
	}
	fmt.Fprintln(w)
	if len(c.Symbols) > 0 {
		fmt.Fprintf(w, "Symbols: %s\n", strings.Join(c.Symbols, ", "))
	}
	fmt.Fprintln(w)
	printStep(w, cj.Official, cj.Ballot)
	for _, s := range cj.Sequel {
		fmt.Fprintf(w, "\nThen: %s\n", s.Title)
		printStep(w, s.Official, s.Ballot)
	}
	fmt.Fprintf(w, "\n%s\n", c.Note)
	if !c.Verified {
		fmt.Fprintln(w, "\nNot every fact of this case is verified: the note says which.")
	}
	fmt.Fprintln(w, "\nSources:")
	for _, s := range c.Sources {
		fmt.Fprintf(w, "  - %s\n", s)
	}
}

func printStep(w io.Writer, o officialJSON, ballot json.RawMessage) {
	fmt.Fprintf(w, "Official outcome: %s\n", officialText(o))
	r, err := decide(ballot)
	if err != nil {
		fmt.Fprintf(w, "The engine cannot decide this ballot: %s\n", unsc.ErrorMessage(err))
		return
	}
	fmt.Fprintf(w, "Under the Charter: %s\n", charter.Explain(r))
	fmt.Fprintf(w, "In the Council's words: %s\n", charter.Statement(r))
}
