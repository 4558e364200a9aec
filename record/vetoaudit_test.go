package record_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"unsc"
	"unsc/record"
)

// vetoAuditFrom and vetoAuditTo bound the drafts the veto audit read one
// by one: from the day after the Library's veto list in ../shared/data
// ends to the last day the record claims complete.
var (
	vetoAuditFrom = time.Date(2022, 5, 27, 0, 0, 0, 0, time.UTC)
	vetoAuditTo   = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
)

// TestVetoedAndFailedDrafts2022to2025InRealRecord compares the record with
// the pages read for every vetoed or failed draft and amendment of 27 May
// 2022 – 31 December 2025 (testdata/vetoes_2022_2025.tsv; DATA.md,
// "Vetoed and failed drafts of 27 May 2022 – 2025: the audit"): each must
// be in the record on its date, at its meeting, with its outcome, count,
// every member's position and the members that vetoed it; and the record
// may hold no vetoed or failed draft or amendment in the period that the
// file does not list. These are the votes reporters count ("the United
// States has vetoed N drafts"): a wrong value here is a wrong count there.
func TestVetoedAndFailedDrafts2022to2025InRealRecord(t *testing.T) {
	const path = "testdata/vetoes_2022_2025.tsv"
	lines := tableLines(t, path, parseVetoAuditLine)
	if len(lines) < 42 {
		t.Fatalf("%d lines read from %s, want the 42 drafts and amendments read", len(lines), path)
	}
	inPeriod := map[string][]unsc.Decision{}
	for _, d := range record.Reconcile(realReports(t)) {
		if d.Date.Before(vetoAuditFrom) || d.Date.After(vetoAuditTo) || d.Matter == unsc.Procedural {
			continue
		}
		if d.Recorded == unsc.Vetoed || d.Recorded == unsc.Failed || d.Derived == unsc.Vetoed || d.Derived == unsc.Failed {
			inPeriod[record.Symbol(d)] = append(inPeriod[record.Symbol(d)], d)
		}
	}
	bySymbol := map[string][]vetoAuditLine{}
	var symbols []string
	for _, l := range lines {
		if _, seen := bySymbol[l.decision]; !seen {
			symbols = append(symbols, l.decision)
		}
		bySymbol[l.decision] = append(bySymbol[l.decision], l)
	}
	for _, symbol := range symbols {
		want, got := bySymbol[symbol], inPeriod[symbol]
		if len(got) != len(want) {
			t.Errorf("%s: the record holds %d vetoed or failed decisions of that name in the period, the file %d", symbol, len(got), len(want))
			continue
		}
		if len(want) == 1 {
			if msg := want[0].check(got[0]); msg != "" {
				t.Errorf("%s: %s", symbol, msg)
			}
			continue
		}
		// Several votes of one name (oral amendments to one draft): each
		// line must match a decision of its own.
		if !matchAll(want, got) {
			var have []string
			for _, d := range got {
				have = append(have, fmt.Sprintf("%d-%d-%d %v", d.Tally.Yes, d.Tally.No, d.Tally.Abstain, d.Votes))
			}
			t.Errorf("%s: the record's %d votes (%s) do not match the file's one for one", symbol, len(got), strings.Join(have, "; "))
		}
	}
	for symbol, ds := range inPeriod {
		if _, listed := bySymbol[symbol]; !listed {
			for _, d := range ds {
				t.Errorf("%s (%s, %v): vetoed or failed in the period, and in no line of %s", symbol, d.Date.Format("2006-01-02"), d.Recorded, path)
			}
		}
	}
}

// matchAll reports whether each line matches a distinct decision.
func matchAll(lines []vetoAuditLine, ds []unsc.Decision) bool {
	used := make([]bool, len(ds))
	var try func(i int) bool
	try = func(i int) bool {
		if i == len(lines) {
			return true
		}
		for k, d := range ds {
			if !used[k] && lines[i].check(d) == "" {
				used[k] = true
				if try(i + 1) {
					return true
				}
				used[k] = false
			}
		}
		return false
	}
	return try(0)
}

// vetoAuditLine is one vetoed or failed draft or amendment as the pages
// read report it.
type vetoAuditLine struct {
	decision, date string
	outcome        unsc.Outcome
	vote           volumeVoteLine // meeting, count and positions
	vetoedBy       []unsc.Code
}

func (l vetoAuditLine) check(d unsc.Decision) string {
	if got := d.Date.Format("2006-01-02"); got != l.date {
		return fmt.Sprintf("date %s, the sources' %s", got, l.date)
	}
	if d.Recorded != l.outcome || (d.Derived != 0 && d.Derived != l.outcome) {
		return fmt.Sprintf("outcome %v (derived %v), the sources' %v", d.Recorded, d.Derived, l.outcome)
	}
	if msg := l.vote.check(d); msg != "" {
		return msg
	}
	got := slices.Clone(d.VetoedBy)
	slices.Sort(got)
	if !slices.Equal(got, l.vetoedBy) {
		return fmt.Sprintf("vetoed by %v, the sources' %v", got, l.vetoedBy)
	}
	return ""
}

// parseVetoAuditLine reads decision, date, meeting, outcome, vote,
// vetoed_by and sources, tab separated.
func parseVetoAuditLine(text string) (vetoAuditLine, error) {
	fields := strings.Split(text, "\t")
	if len(fields) != 7 {
		return vetoAuditLine{}, fmt.Errorf("%d fields, want decision, date, meeting, outcome, vote, vetoed_by and sources", len(fields))
	}
	l := vetoAuditLine{decision: fields[0], date: fields[1]}
	if _, err := time.Parse("2006-01-02", l.date); err != nil {
		return l, fmt.Errorf("date %q: %v", l.date, err)
	}
	outcome, err := unsc.ParseOutcome(fields[3])
	if err != nil || (outcome != unsc.Vetoed && outcome != unsc.Failed) {
		return l, fmt.Errorf("outcome %q: want vetoed or failed", fields[3])
	}
	l.outcome = outcome
	if l.vote, err = parseVolumeVoteLine(strings.Join([]string{fields[0], fields[2], fields[4], fields[6]}, "\t")); err != nil {
		return l, err
	}
	if !l.vote.tally.Known {
		return l, fmt.Errorf("vote %q: want the count Y-N-A", fields[4])
	}
	if fields[5] != "-" {
		for _, c := range strings.Split(fields[5], ",") {
			l.vetoedBy = append(l.vetoedBy, unsc.Code(c))
		}
		slices.Sort(l.vetoedBy)
	}
	if (outcome == unsc.Vetoed) != (len(l.vetoedBy) > 0) {
		return l, fmt.Errorf("outcome %v with vetoed_by %q", outcome, fields[5])
	}
	if !strings.HasPrefix(fields[6], "http") {
		return l, fmt.Errorf("sources %q: want the pages' addresses", fields[6])
	}
	return l, nil
}

// vetoListAdditions are the vetoes the record holds to the Library's last
// date that its veto list leaves out, each with its reason (DATA.md, "How
// the sources count vetoes"): the per-member totals to that date must be
// the list's plus these, and nothing else.
var vetoListAdditions = map[string][]unsc.Code{
	// The United States' negative vote on Boutros-Ghali's reappointment,
	// 19 November 1996, taken in a private meeting (S/PV.3720), which the
	// list, a list of public meetings, omits.
	"S/1996/952": {"USA"},
}

// TestVetoTotalsToLibraryListEnd counts the Library's veto list as
// imported from ../shared/data (each row one veto for each member it
// names) and the record's vetoes to the list's last date, member by
// member: the record's must be the list's plus vetoListAdditions. Row by
// row, each of the list's rows must be a decision the record shows
// vetoed by exactly the members the row names, no two rows the same
// decision.
func TestVetoTotalsToLibraryListEnd(t *testing.T) {
	decisions := record.Reconcile(realReports(t))
	var listEnd time.Time
	listTotals := map[unsc.Code]int{}
	rows := 0
	for _, d := range decisions {
		for _, r := range d.Reports {
			if r.Source != unsc.SourceDHLVetoes {
				continue
			}
			rows++
			if r.Date.After(listEnd) {
				listEnd = r.Date
			}
			for _, c := range r.VetoedBy {
				listTotals[c]++
			}
		}
	}
	if rows < 200 || listEnd.Format("2006-01-02") != "2022-05-26" {
		t.Fatalf("%d rows of the Library's veto list, to %s; want over 200, to 2022-05-26", rows, listEnd.Format("2006-01-02"))
	}
	want := map[unsc.Code]int{}
	for c, n := range listTotals {
		want[c] = n
	}
	for _, members := range vetoListAdditions {
		for _, c := range members {
			want[c]++
		}
	}
	got := map[unsc.Code]int{}
	found := map[string]bool{}
	for _, d := range decisions {
		if d.Date.After(listEnd) {
			continue
		}
		var listed []unsc.Code
		inList := 0
		for _, r := range d.Reports {
			if r.Source == unsc.SourceDHLVetoes {
				inList++
				listed = append(listed, r.VetoedBy...)
			}
		}
		vetoed := outcomeOf(d) == unsc.Vetoed
		members := slices.Clone(d.VetoedBy)
		slices.Sort(members)
		slices.Sort(listed)
		switch {
		case inList > 1:
			t.Errorf("%s (%s): %d rows of the veto list are one decision", record.Symbol(d), d.Date.Format("2006-01-02"), inList)
		case inList == 1 && (!vetoed || !slices.Equal(members, listed)):
			t.Errorf("%s (%s): the record has it %v, vetoed by %v; the veto list's row names %v", record.Symbol(d), d.Date.Format("2006-01-02"), outcomeOf(d), members, listed)
		case inList == 0 && vetoed:
			addition, stated := vetoListAdditions[record.Symbol(d)]
			if !stated || !slices.Equal(members, addition) {
				t.Errorf("%s (%s): vetoed by %v in the record, not on the veto list and not a stated addition", record.Symbol(d), d.Date.Format("2006-01-02"), members)
			}
			found[record.Symbol(d)] = true
		}
		if vetoed {
			for _, c := range d.VetoedBy {
				got[c]++
			}
		}
	}
	for symbol := range vetoListAdditions {
		if !found[symbol] {
			t.Errorf("%s: a stated addition to the veto list that the record does not hold vetoed", symbol)
		}
	}
	for _, c := range []unsc.Code{"SUN", "USA", "RUS", "GBR", "CHN", "FRA"} {
		if got[c] != want[c] {
			t.Errorf("%s: %d vetoes in the record to %s, want the list's %d plus the stated additions, %d", c, got[c], listEnd.Format("2 January 2006"), listTotals[c], want[c])
		}
	}
	if len(got) != len(want) {
		t.Errorf("members vetoing: the record %v, the list plus additions %v", got, want)
	}
}

// outcomeOf is the outcome the record shows: the Charter engine's where
// it derives one, else the sources'.
func outcomeOf(d unsc.Decision) unsc.Outcome {
	if d.Derived != 0 {
		return d.Derived
	}
	return d.Recorded
}
