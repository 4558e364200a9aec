package main

import (
	"context"
	"fmt"
	"io"

	"unsc"
	"unsc/record"
)

// partial reports whether a report holds fewer members' positions than its
// own count makes members: the sign of a file cut short at a row boundary
// (the UN Digital Library's file has one row per member of each decision,
// and a file that stops between two rows of one decision still parses),
// or of a source that leaves members out.
func partial(r *unsc.Report) (held, counted int, ok bool) {
	if !r.Votes.Known() || !r.Tally.Known {
		return 0, 0, false
	}
	counted = r.Tally.Yes + r.Tally.No + r.Tally.Abstain + r.Tally.NonVoting
	return r.Votes.Len(), counted, r.Votes.Len() < counted
}

// completePartial keeps a partial report (see partial) from replacing a
// fuller report of the same decision already in the record: the positions
// the partial report leaves out are taken from the stored report, as
// record.Dedupe merges two reports of one import. Each partial report is
// named on w, with what was done.
func completePartial(ctx context.Context, st unsc.Store, reports []unsc.Report, w io.Writer) ([]unsc.Report, error) {
	for i := range reports {
		r := &reports[i]
		held, counted, ok := partial(r)
		if !ok {
			continue
		}
		stored, err := storedReport(ctx, st, r)
		if err != nil {
			return nil, err
		}
		name := record.Symbol(unsc.Decision{Resolution: r.Resolution, Draft: r.Draft, Meeting: r.Meeting, Date: r.Date})
		switch {
		case stored != nil && stored.Votes.Len() > held:
			merged := record.Dedupe([]unsc.Report{*stored, *r})[0]
			merged.Ref = r.Ref
			*r = merged
			fmt.Fprintf(w, "warning: %s: %s holds the positions of %d members where its count makes %d: the file may be cut short; the record keeps the other members' positions as imported before (from %s)\n",
				r.Ref, name, held, counted, stored.Ref)
		default:
			fmt.Fprintf(w, "warning: %s: %s holds the positions of %d members where its count makes %d: the file may be cut short; imported as it is, with no fuller report of it in the record\n",
				r.Ref, name, held, counted)
		}
	}
	return reports, nil
}

// storedReport returns the record's report with the source and key of r,
// or nil.
func storedReport(ctx context.Context, st unsc.Store, r *unsc.Report) (*unsc.Report, error) {
	for _, sym := range []string{r.Resolution, r.Draft, r.Meeting} {
		if sym == "" {
			continue
		}
		ds, err := st.Decisions(ctx, unsc.DecisionFilter{Symbol: sym})
		if unsc.ErrorCode(err) == unsc.ENOTFOUND || unsc.ErrorCode(err) == unsc.EINVALID {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, d := range ds {
			for j := range d.Reports {
				if d.Reports[j].Source == r.Source && d.Reports[j].Key == r.Key {
					return &d.Reports[j], nil
				}
			}
		}
	}
	return nil, nil
}
