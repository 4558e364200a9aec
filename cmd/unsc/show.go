package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"unsc"
	"unsc/charter"
	"unsc/form"
	"unsc/record"
)

var showCommand = command{
	name:    "show",
	args:    "[--json] SYMBOL",
	summary: "Show a resolution (S/RES/2728 (2024)), a draft (S/2024/239) or a meeting (S/PV.9586) from the record.",
	run:     runShow,
}

func runShow(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("show")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &usageError{msg: "show: want a SYMBOL such as \"S/RES/2728 (2024)\", S/2024/239 or S/PV.9586"}
	}
	// A symbol with a space may arrive as several arguments.
	name := strings.Join(fs.Args(), " ")
	// Every name the record prints is accepted back: "draft at S/PV.10000"
	// and "oral amendment to S/2024/254" are looked up by their meeting or
	// draft, and only the decisions so named are shown.
	symbol := record.SymbolLookup(name)
	if _, _, err := unsc.NormalizeSymbol(symbol); err != nil {
		return unsc.Errorf(unsc.EINVALID, "SYMBOL", "%v (or a name the record prints: \"draft at S/PV.NNNN\", \"oral amendment to S/YYYY/NNN\", \"amendment to S/YYYY/NNN\")", err)
	}
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	ds, err := st.Decisions(ctx, unsc.DecisionFilter{Symbol: symbol})
	if err != nil {
		if unsc.ErrorCode(err) == unsc.ENOTFOUND {
			return unsc.Errorf(unsc.ENOTFOUND, "", "%s is not in the record (run `unsc import` first if the record is empty)", name)
		}
		return err
	}
	if symbol != name {
		named := slices.DeleteFunc(slices.Clone(ds), func(d unsc.Decision) bool { return !strings.EqualFold(record.Symbol(d), name) })
		if len(named) == 0 {
			return unsc.Errorf(unsc.ENOTFOUND, "", "%s is not in the record (%s is: run `unsc show %s`)", name, symbol, symbol)
		}
		ds = named
	}
	if *asJSON {
		out := make([]form.Decision, len(ds))
		for i, d := range ds {
			out[i] = form.NewDecision(d)
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for i, d := range ds {
		if i > 0 {
			fmt.Fprintln(a.stdout)
		}
		printDecision(a.stdout, d)
	}
	return nil
}

// printDecision writes a decision for a reader.
func printDecision(w io.Writer, d unsc.Decision) {
	fmt.Fprintf(w, "%s — %s, %s", record.Symbol(d), outcomeWord(d), d.Date.Format("2 January 2006"))
	if d.Meeting != "" {
		fmt.Fprintf(w, ", %s", d.Meeting)
	}
	fmt.Fprintln(w)
	if d.Resolution != "" && d.Draft != "" {
		fmt.Fprintf(w, "Draft: %s\n", d.Draft)
	}
	if d.Amendment && d.AmendmentTo != "" {
		fmt.Fprintf(w, "Amendment to: %s\n", d.AmendmentTo)
	}
	fmt.Fprintf(w, "Title: %s\n", record.Title(d))
	if d.Agenda != "" && d.Agenda != d.Title {
		fmt.Fprintf(w, "Agenda: %s\n", d.Agenda)
	}
	if len(d.Sponsors) > 0 {
		fmt.Fprintf(w, "Sponsors: %s\n", sponsorNames(d))
	}
	switch {
	case d.Matter == unsc.ICJElection:
		// A secret ballot (ICJ Statute Art. 10; rule 61): no count, no
		// member's position.
		fmt.Fprintln(w, "Election of members of the International Court of Justice: a secret ballot, no member's vote is recorded")
		fmt.Fprintln(w, electedLine(d))
	case d.Modality == unsc.WithoutVote:
		fmt.Fprintln(w, "Adopted without a vote")
	case d.Modality == unsc.ByAcclamation:
		fmt.Fprintln(w, "Adopted by acclamation, without a vote")
	case d.Tally.Known:
		fmt.Fprintf(w, "Vote: %d in favour, %d against, %d abstaining", d.Tally.Yes, d.Tally.No, d.Tally.Abstain)
		if !d.Votes.Known() && d.Tally.NonVoting > 0 {
			// No positions to list the members that cast no vote.
			fmt.Fprintf(w, ", %d not voting", d.Tally.NonVoting)
		}
		fmt.Fprintln(w)
	}
	if d.Votes.Known() {
		c, err := charter.CouncilOn(d.Date)
		doubt := d.InDoubt()
		if err == nil {
			// A member whose position is in doubt is not listed under the
			// position a source gives it, which the official count
			// contradicts, but on a line of its own, with that position
			// named as the source's.
			var doubted []string
			for _, p := range []unsc.Position{unsc.Yes, unsc.No, unsc.Abstain, unsc.NotParticipating, unsc.Absent} {
				var names []string
				for _, m := range c.Members {
					if d.Votes.Of(m.Code) != p {
						continue
					}
					if slices.Contains(doubt, m.Code) {
						doubted = append(doubted, fmt.Sprintf("%s (a source gives %s; the official count does not agree)", m.Name, strings.ToLower(positionHeading(p))))
						continue
					}
					names = append(names, m.Name)
				}
				if len(names) > 0 {
					fmt.Fprintf(w, "  %-18s %s\n", positionHeading(p)+":", strings.Join(names, ", "))
				}
			}
			if len(doubted) > 0 {
				fmt.Fprintf(w, "  %-18s %s\n", "Not known:", strings.Join(doubted, ", "))
			}
		}
	}
	if res, err := record.Derive(d); err == nil && d.Derived != 0 {
		fmt.Fprintf(w, "Under the Charter: %s\n", charter.Explain(res))
	}
	for _, n := range d.Notes {
		if n.Kind == unsc.NoteElected && n.Field == unsc.ElectedOnDayField {
			fmt.Fprintf(w, "Elected that day per: %s\n", n.Source)
			continue
		}
		if n.Kind == unsc.NoteElected {
			fmt.Fprintf(w, "Elected per: %s\n", n.Source)
			continue
		}
		fmt.Fprintf(w, "Note (%s, %s): %s", n.Kind, n.Field, n.Text)
		if n.Source != "" {
			fmt.Fprintf(w, " [%s]", n.Source)
		}
		fmt.Fprintln(w)
	}
	var sources []string
	for _, r := range d.Reports {
		s := string(r.Source) + " (" + r.Ref + ")"
		if !slices.Contains(sources, s) {
			sources = append(sources, s)
		}
	}
	fmt.Fprintf(w, "Sources: %s\n", strings.Join(sources, "; "))
	if links := record.Links(d); len(links) > 0 {
		var ls []string
		for _, l := range links {
			ls = append(ls, l.Text+": "+l.Href)
		}
		fmt.Fprintf(w, "Records: %s\n", strings.Join(ls, "; "))
	}
}

// sponsorNames names a decision's sponsors: a member code by the state's
// name at the time where the Council's tenures know it (the name it sat
// under nearest to the date), anything else as the source gives it.
func sponsorNames(d unsc.Decision) string {
	names := make([]string, len(d.Sponsors))
	for i, s := range d.Sponsors {
		names[i] = s
		if name, ok := charter.NameNearest(unsc.Code(s), d.Date); ok {
			names[i] = name
		}
	}
	return strings.Join(names, ", ")
}

func outcomeWord(d unsc.Decision) string {
	w := recordedWord(d)
	switch {
	case d.Derived != 0 && d.Recorded != 0 && d.Derived != d.Recorded:
		// Both are so (S/10768, 1972): say both.
		return w + " as the sources record it; " + map[unsc.Outcome]string{unsc.Adopted: "adopted", unsc.Failed: "failed for want of votes", unsc.Vetoed: "vetoed"}[d.Derived] + " under the Charter"
	case d.Derived == 0 && d.Recorded != 0 && d.Tally.Known && d.Modality == unsc.ByVote:
		for _, n := range d.Notes {
			if n.Kind == unsc.NoteContradiction {
				return w + " (the printed count contradicts it; see the note)"
			}
		}
	}
	return w
}

func recordedWord(d unsc.Decision) string {
	switch d.Recorded {
	case unsc.Vetoed:
		if len(d.VetoedBy) > 0 {
			return "vetoed by " + charter.NamesInSentence(d.VetoedBy, d.Date)
		}
		return "vetoed"
	case unsc.Failed:
		return "not adopted"
	case unsc.Adopted:
		return "adopted"
	}
	if d.Matter == unsc.ICJElection {
		return "election to the International Court of Justice"
	}
	return "outcome not recorded"
}

func positionHeading(p unsc.Position) string {
	switch p {
	case unsc.Yes:
		return "In favour"
	case unsc.No:
		return "Against"
	case unsc.Abstain:
		return "Abstaining"
	case unsc.NotParticipating:
		return "Not participating"
	}
	return "Absent"
}

func joinCodes(cs []unsc.Code) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// electedLine says whom an election to the Court elected at the meeting:
// those a source names; no one, where a source says so; those a source
// says were elected that day at one of the day's meetings, without saying
// which (never given as this meeting's); or that the sources name no one.
func electedLine(d unsc.Decision) string {
	if names := d.Elected(); len(names) > 0 {
		return "Elected: " + strings.Join(names, "; ")
	}
	if d.ElectedNone() {
		return "Elected: no one (the sources say this meeting elected no one)"
	}
	if first, last, names, ok := d.ElectedOnDay(); ok {
		return fmt.Sprintf("Elected on %s, at one of %s–%s (the sources do not say which): %s", d.Date.Format("2 January 2006"), first, last, strings.Join(names, "; "))
	}
	return "Elected: the sources name no one elected at this meeting"
}
