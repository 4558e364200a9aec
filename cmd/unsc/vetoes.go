package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"unsc"
	"unsc/analysis"
	"unsc/charter"
	"unsc/form"
)

var vetoesCommand = command{
	name:    "vetoes",
	args:    "[--member MEMBER] [--from DATE] [--to DATE] [--by GROUP] [--rule R] [--scope S] [--no-amendments] [--count] [--claim N] [--json|--csv]",
	summary: "List every veto in the record, with its draft, meeting, agenda item and the members that cast it.",
	run:     runVetoes,
}

func runVetoes(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("vetoes")
	member := fs.String("member", "", "only vetoes cast by this `MEMBER`: a code in any case (USA, usa), a name (\"United States\", US, UK, Russia, USSR) or a seat (SUN+RUS)")
	from := fs.String("from", "", "only vetoes on or after this `DATE` (YYYY-MM-DD)")
	to := fs.String("to", "", "only vetoes on or before this `DATE` (YYYY-MM-DD)")
	by := fs.String("by", "", "group and count the vetoes by member, year, decade, agenda, topic, region, kind (single or joint) or type (draft or amendment), or by two of them joined by a comma (member,decade; topic,member)")
	rule := fs.String("rule", "", "counting rule: "+analysis.RuleMemberVotes+" (each member's veto; the default) or "+analysis.RuleDrafts+" (each vetoed draft once)")
	scope := fs.String("scope", "", "which vetoes: "+analysis.ScopeRecord+" (every veto the record derives; the default) or "+analysis.ScopeUNList+" (the Dag Hammarskjöld Library's veto list, then the record)")
	noAmendments := fs.Bool("no-amendments", false, "leave out vetoes of amendments")
	count := fs.Bool("count", false, "a fact check: the number of vetoes under each way of counting them, each with its parts (the UN veto list to its last date, the record after it, vetoes of amendments, vetoes the list omits)")
	claim := fs.String("claim", "", "with --count: check a claimed number `N` of vetoes: under which way of counting, and to which date, it holds, and which decisions make the difference")
	format := outputFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return &usageError{msg: "vetoes: takes no arguments"}
	}
	of, err := format()
	if err != nil {
		return err
	}
	seat := ""
	if *member != "" {
		if seat, err = seatArg("--member", *member); err != nil {
			return err
		}
	}
	fromDate, err := optionalDate("--from", *from)
	if err != nil {
		return err
	}
	toDate, err := optionalDate("--to", *to)
	if err != nil {
		return err
	}
	if err := checkPeriod(fromDate, toDate); err != nil {
		return err
	}
	if *claim != "" || *count {
		if *by != "" || *rule != "" || *scope != "" || *noAmendments {
			return &usageError{msg: "vetoes: --count and --claim answer under every way of counting: leave out --by, --rule, --scope and --no-amendments"}
		}
		var c countQuery
		c.Member = seat
		if *claim != "" {
			n, err := strconv.Atoi(*claim)
			if err != nil || n < 0 {
				return unsc.Errorf(unsc.EINVALID, "--claim", "%q: want a number of vetoes, 0 or more", *claim)
			}
			c.Claim = &n
		}
		c.From, c.To = fromDate, toDate
		return runVetoCount(ctx, a, c, of)
	}
	if *by != "" || *rule != "" || *scope != "" || *noAmendments || of == asCSV {
		q := analysis.VetoQuery{Member: seat, From: fromDate, To: toDate, Rule: *rule, Scope: *scope, ExcludeAmendments: *noAmendments, GroupBy: *by}
		return runVetoQuestion(ctx, a, q, of)
	}
	asJSON := of == asJSON
	ds, err := a.loadRecord(ctx, false)
	if err != nil {
		return err
	}
	list := form.NewVetoList(analysis.New(ds), ds, seat, fromDate, toDate)
	out := list.Vetoes
	if asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	rows := make([][]string, 0, len(out))
	for _, v := range out {
		draft := v.Symbol
		if v.Amendment {
			draft = "amendment: " + draft
		}
		agenda := v.Agenda
		if len([]rune(agenda)) > 70 {
			agenda = string([]rune(agenda)[:69]) + "…"
		}
		rows = append(rows, []string{v.Date, draft, v.Meeting, joinCodes(v.VetoedBy), agenda})
	}
	if err := printTable(a.stdout, []string{"DATE", "DRAFT", "MEETING", "VETOED BY", "AGENDA"}, rows); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "\n%s.\nPeriod: %s.\n", vetoListCount(list), list.Period.Text)
	return nil
}

func optionalDate(param, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return parseDate(param, s)
}

// vetoListCount says a veto list's number in words: a member's vetoes, or
// the vetoed drafts, each once however many members vetoed it.
func vetoListCount(l form.VetoList) string {
	if l.Member != "" {
		return plural(l.Count, "veto", "vetoes") + " cast by " + charter.SeatName(l.Member)
	}
	return plural(l.Count, "vetoed draft or amendment", "vetoed drafts and amendments") + ", each once however many members vetoed it (`unsc vetoes --count` counts them every way)"
}
