package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"unsc"
	"unsc/analysis"
	"unsc/form"
)

// decisionFilters are the flags that select decisions, shared by
// `decisions` and `positions`: --text, --from, --to, --outcome, --matter,
// --member, --position, and the output format.
type decisionFilters struct {
	qf                                      *questionFlags
	text, outcome, matter, member, position *string
}

func newDecisionFilters(fs *flag.FlagSet) *decisionFilters {
	return &decisionFilters{
		text:     fs.String("text", "", "`WORDS` that the title, agenda item or subjects must all contain, in any form (vetoed finds veto; Syria finds Syrian); \"a phrase\" in double quotes word for word"),
		qf:       newQuestionFlags(fs, "decisions"),
		outcome:  fs.String("outcome", "", "adopted, failed or vetoed"),
		matter:   fs.String("matter", "", "non-procedural, procedural, preliminary or icj-election"),
		member:   fs.String("member", "", "a `MEMBER` that sat on the decision: a code in any case, a name (UK, Russia, \"United States\") or a seat (SUN+RUS)"),
		position: fs.String("position", "", "with --member: the position it took, Y (yes), N (no), A (abstain), X (not-participating) or - (absent)"),
	}
}

// query returns the search the flags ask for, every match, uncapped.
func (d *decisionFilters) query(from, to time.Time) (analysis.SearchQuery, error) {
	q := analysis.SearchQuery{Text: *d.text, From: from, To: to, Uncapped: true}
	var err error
	if *d.member != "" {
		if q.Member, err = seatArg("--member", *d.member); err != nil {
			return q, err
		}
	}
	if *d.outcome != "" {
		if q.Outcome, err = unsc.ParseOutcome(*d.outcome); err != nil {
			return q, unsc.Errorf(unsc.EINVALID, "--outcome", "%v", err)
		}
	}
	if *d.matter != "" {
		if q.Matter, err = unsc.ParseMatter(*d.matter); err != nil {
			return q, unsc.Errorf(unsc.EINVALID, "--matter", "%v", err)
		}
		q.MatterSet = true
	}
	if *d.position != "" {
		if *d.member == "" {
			return q, unsc.Errorf(unsc.EINVALID, "--position", "needs --member: whose position?")
		}
		p, ok := positionWord(*d.position)
		if !ok {
			var err error
			if p, err = unsc.ParsePosition(*d.position); err != nil {
				return q, unsc.Errorf(unsc.EINVALID, "--position", "%q: want Y (yes), N (no), A (abstain), X (not-participating) or - (absent)", *d.position)
			}
		}
		q.Position, q.PositionSet = p, true
	}
	return q, nil
}

// checkSearch checks a search, naming a bad field as the CLI's flag.
func checkSearch(q analysis.SearchQuery) error {
	err := analysis.CheckSearchQuery(q)
	if e, ok := err.(*unsc.Error); ok && !strings.HasPrefix(e.Field, "--") {
		e.Field = "--" + e.Field
	}
	return err
}

var positionsCommand = command{
	name:    "positions",
	args:    "[--text WORDS] [--from DATE] [--to DATE] [--outcome O] [--matter M] [--member MEMBER [--position P]] [--csv|--json]",
	summary: "Export every member's position on every decision the filters select (those of decisions), one row per decision and member, the whole record without a page cap.",
	run:     runPositions,
}

func runPositions(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("positions")
	filters := newDecisionFilters(fs)
	f, from, to, err := filters.qf.parse(args)
	if err != nil {
		return err
	}
	q, err := filters.query(from, to)
	if err != nil {
		return err
	}
	if err := checkSearch(q); err != nil {
		return err
	}
	// The rows name the source of each decision's votes, which the
	// reports tell.
	x, err := a.loadIndex(ctx, true)
	if err != nil {
		return err
	}
	if f != asText {
		return form.WritePositions(ctx, a.out(f), x, q, f == asCSV)
	}
	w := bufio.NewWriter(a.stdout)
	fmt.Fprintf(w, "%-10s  %-30s  %-4s  %-24s  %-17s  %s\n", "date", "symbol", "code", "name", "position", "outcome")
	sum, err := x.Positions(ctx, q, func(r *analysis.PositionRow) error {
		name := r.Name
		if r.Permanent {
			name += " (P)"
		}
		pos := r.Position
		if r.InDoubt {
			pos += " ?"
		}
		_, err := fmt.Fprintf(w, "%-10s  %-30s  %-4s  %-24s  %-17s  %s\n", r.Date, r.Symbol, r.Member, name, pos, r.Outcome)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s from %s (%d without per-member votes; %d in doubt, marked ?). %s\n", plural(sum.Rows, "row", "rows"),
		plural(sum.Decisions-sum.WithoutVotes, "decision", "decisions"), sum.WithoutVotes, sum.InDoubt, analysis.PositionsNote)
	return w.Flush()
}
