//go:build !front

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"text/tabwriter"

	"unsc"
	"unsc/record"
)

var checkCommand = command{
	name:    "check",
	args:    "[--all] [--json]",
	summary: "Audit the record: compare every source of every decision with the record and replay each through the Charter engine.",
	run:     runCheck,
}

// checkJSON is the output of check --json.
type checkJSON struct {
	Decisions   int                       `json:"decisions"`
	Agree       int                       `json:"agree"`
	Corrected   int                       `json:"corrected"`
	Doubt       int                       `json:"doubt"`
	Unexplained int                       `json:"unexplained"`
	ByKind      map[string]map[string]int `json:"by_kind"`
	// Official is how far the official sources agree with one another
	// (record.Agreement).
	Official agreementJSON `json:"official_agreement"`
	Findings []findingJSON `json:"findings"`
}

// agreementJSON is record.Agreement: counts, and shares in per cent.
type agreementJSON struct {
	Decisions    int     `json:"decisions"`
	Count        int     `json:"count"`
	Date         int     `json:"date"`
	Meeting      int     `json:"meeting"`
	All          int     `json:"all"`
	CountShare   float64 `json:"count_share"`
	DateShare    float64 `json:"date_share"`
	MeetingShare float64 `json:"meeting_share"`
	AllShare     float64 `json:"all_share"`
}

type findingJSON struct {
	Symbol  string `json:"symbol"`
	Date    string `json:"date,omitempty"`
	Meeting string `json:"meeting,omitempty"`
	Kind    string `json:"kind"`
	Status  string `json:"status"`
	Source  string `json:"source,omitempty"`
	Detail  string `json:"detail"`
	Basis   string `json:"basis,omitempty"`
}

func runCheck(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("check")
	all := fs.Bool("all", false, "also list the corrected findings, with what corrects each")
	asJSON := fs.Bool("json", false, "print every finding as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	prog := a.startProgress("reading the record")
	defer prog.stop()
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	// The file first: SQLite's integrity check and the derived data's
	// checksums. A damaged record is not audited.
	if err := a.verifyStore(ctx, st); err != nil {
		return err
	}
	ds, err := st.Decisions(ctx, unsc.DecisionFilter{})
	if err != nil {
		return err
	}
	prog.set("checking %s", plural(len(ds), "decision", "decisions"))
	s := record.Check(ds)
	prog.stop()
	byKind := s.ByKind()
	if *asJSON {
		out := checkJSON{Decisions: s.Decisions, Agree: s.Agree, Corrected: s.Corrected, Doubt: s.Doubt, Unexplained: s.Unexplained,
			ByKind: map[string]map[string]int{}, Findings: []findingJSON{}}
		out.Official = agreementOut(s.Official)
		for kind, n := range byKind {
			out.ByKind[kind] = map[string]int{}
			for st, c := range n {
				out.ByKind[kind][string(st)] = c
			}
		}
		for _, f := range s.Findings {
			out.Findings = append(out.Findings, findingJSON{Symbol: record.Symbol(f.Decision), Date: dayOrEmpty(f.Decision), Meeting: f.Decision.Meeting,
				Kind: f.Kind, Status: string(f.Status), Source: string(f.Source), Detail: f.Detail, Basis: f.Basis})
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		for _, f := range s.Findings {
			if f.Status != record.Unexplained && !*all {
				continue
			}
			fmt.Fprintf(a.stdout, "%s %s [%s] %s: %s\n", dayOrEmpty(f.Decision), record.Symbol(f.Decision), f.Kind, f.Status, f.Detail)
			if f.Basis != "" {
				fmt.Fprintf(a.stdout, "    %s\n", f.Basis)
			}
		}
		tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "findings by kind\tcorrected\tunexplained\t")
		for _, kind := range record.Kinds {
			if n := byKind[kind]; n != nil {
				fmt.Fprintf(tw, "%s\t%d\t%d\t\n", kind, n[record.Corrected], n[record.Unexplained])
			}
		}
		tw.Flush()
		fmt.Fprintln(a.stdout, s.Line())
		fmt.Fprintln(a.stdout, s.Official.Line())
	}
	if s.Unexplained > 0 {
		return errUnexplained
	}
	return nil
}

func agreementOut(a record.Agreement) agreementJSON {
	return agreementJSON{Decisions: a.Decisions, Count: a.Count, Date: a.Date, Meeting: a.Meeting, All: a.All,
		CountShare: share1(a.Share(a.Count)), DateShare: share1(a.Share(a.Date)), MeetingShare: share1(a.Share(a.Meeting)), AllShare: share1(a.Share(a.All))}
}

// share1 rounds a share in per cent to one decimal, as the text prints it.
func share1(p float64) float64 { return math.Round(p*10) / 10 }

func dayOrEmpty(d unsc.Decision) string {
	if d.Date.IsZero() {
		return ""
	}
	return d.Date.Format("2006-01-02")
}

// errUnexplained makes check exit with status 1 after its report.
var errUnexplained = &unsc.Error{Code: unsc.ECONFLICT, Message: "the record has unexplained findings"}
