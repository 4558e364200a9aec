package record_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"unsc"
	"unsc/record"
)

// Audit round 8 in the real record (6 January 1994 – 31 December 2025).
//
// The class found: a curated row whose agenda item is not the item of the
// meeting it was voted at. The two Russian amendments of 10 January 2024
// entered from SC/15561 were put under "The situation in the Middle East",
// while every other decision of the 9,527th meeting (resolution 2722 (2024)
// and the third amendment, from the spreadsheet) and every later decision on
// the Houthis' attacks in the Red Sea is under "Maintenance of international
// peace and security". Since 1994 the decisions of one meeting share one
// agenda item, but at the meetings named here, which took up two.
//
// The second class: the Digital Library and the spreadsheet give the same
// count but name different members, so that no count, official or not,
// can tell which is right, and the record showed the Digital Library's.
// Over the whole record there is one such vote, resolution 2713 (2023):
// the Library has the Russian Federation abstaining, the spreadsheet and
// the UN's release (SC/15510) France. Each must be settled by a fact.
//
// And the vetoes after the Library's veto list (26 May 2022), each against
// the UN's release: who cast it, at which meeting, on which day.
func TestAuditRound8InRealRecord(t *testing.T) {
	decisions := record.Reconcile(realReports(t))
	from := time.Date(1994, 1, 6, 0, 0, 0, 0, time.UTC)

	// Meetings since 1994 that took up two agenda items, each read.
	twoItems := map[string]string{
		// Resolutions 2193 and 2194 (2014), one on each tribunal.
		"S/PV.7348": "the International Tribunals for the former Yugoslavia and for Rwanda",
	}
	agendas := map[string][]string{}
	for _, d := range decisions {
		if d.Date.Before(from) || d.Meeting == "" || d.Agenda == "" {
			continue
		}
		if !slices.Contains(agendas[d.Meeting], d.Agenda) {
			agendas[d.Meeting] = append(agendas[d.Meeting], d.Agenda)
		}
	}
	for m, items := range agendas {
		if len(items) > 1 && twoItems[m] == "" {
			t.Errorf("%s: its decisions are under %d agenda items (%s); a meeting's decisions share its item: find the meeting's agenda and correct the row, or name the meeting here if it took up two", m, len(items), strings.Join(items, "; "))
		}
	}
	if got := agendas["S/PV.9527"]; len(got) != 1 || got[0] != "Maintenance of international peace and security" {
		t.Errorf("S/PV.9527: agenda items %q, want Maintenance of international peace and security only (resolution 2722 (2024) and the three Russian amendments)", got)
	}
	if d, ok := find(decisions, "S/RES/2713 (2023)"); !ok {
		t.Error("S/RES/2713 (2023): not in the record")
	} else if d.Votes.Of("FRA") != unsc.Abstain || d.Votes.Of("RUS") != unsc.Yes {
		t.Errorf("S/RES/2713 (2023): France %v, the Russian Federation %v; want France abstaining and the Russian Federation in favour (SC/15510)", d.Votes.Of("FRA"), d.Votes.Of("RUS"))
	}
	for _, d := range decisions {
		if who := sameCountOtherMembers(d); who != "" && !hasFact(d, "votes") {
			t.Errorf("%s (%s): the Digital Library and the spreadsheet give the same count but differ on %s, and no fact says which is right: read the UN's release and add one", record.Symbol(d), d.Date.Format(time.DateOnly), who)
		}
	}

	// The third class: a fact citing a meeting record (S/PV.NNNN) other
	// than the decision's, as S/RES/87 (1950) cited S/PV.505 (adopted at
	// the 506th) and S/RES/2623 (2022) S/PV.8983 (the 8,980th). A fact
	// cites the decision's meeting, or a span of meetings that holds it
	// (the USSR's absence of 1950, S/PV.461 to S/PV.480).
	meetingOf := map[string]int{}
	for _, d := range decisions {
		if n, err := strconv.Atoi(strings.TrimPrefix(d.Meeting, "S/PV.")); err == nil {
			meetingOf[record.Symbol(d)] = n
		}
	}
	pv := regexp.MustCompile(`S/PV\.(\d+)`)
	for symbol, fact := range record.BuiltinFacts() {
		m, ok := meetingOf[symbol]
		if !ok {
			continue
		}
		for _, f := range fact.Fields {
			var cited []int
			for _, sm := range pv.FindAllStringSubmatch(f.Source, -1) {
				n, _ := strconv.Atoi(sm[1])
				cited = append(cited, n)
			}
			if len(cited) == 0 || slices.Contains(cited, m) || (len(cited) > 1 && slices.Min(cited) <= m && m <= slices.Max(cited)) {
				continue
			}
			t.Errorf("%s: the fact on %s cites %v, but the decision is at S/PV.%d: cite the decision's meeting record", symbol, f.Field, cited, m)
		}
	}

	amendments := 0
	for _, d := range decisions {
		if d.Meeting == "S/PV.9527" && d.Amendment {
			amendments++
		}
	}
	if amendments != 3 {
		t.Errorf("S/PV.9527: %d amendments, want the three Russian amendments of SC/15561", amendments)
	}

	// Every veto after the Library's veto list, as the UN's releases give
	// it (SC/14963, SC/15046, SC/15348, GA/12528, SC/15450, SC/15464,
	// SC/15519, SC/15595, SC/15637, SC/15648, GA/12595, SC/15678, GA/12659,
	// SC/15907, GA/12677, the release of the 9,929th meeting and of the
	// 10,000th): "date meeting" -> who vetoed, one entry per vetoed draft
	// or amendment.
	want := map[string][]string{
		"2022-07-08 S/PV.9087":  {"RUS"},
		"2022-09-30 S/PV.9143":  {"RUS"},
		"2023-07-11 S/PV.9371":  {"RUS"},
		"2023-08-30 S/PV.9408":  {"RUS"},
		"2023-10-18 S/PV.9442":  {"USA"},
		"2023-10-25 S/PV.9453":  {"CHN", "RUS"},
		"2023-12-08 S/PV.9499":  {"USA"},
		"2023-12-22 S/PV.9520":  {"USA"},
		"2024-02-20 S/PV.9552":  {"USA"},
		"2024-03-22 S/PV.9584":  {"CHN", "RUS"},
		"2024-03-28 S/PV.9591":  {"RUS"},
		"2024-04-18 S/PV.9609":  {"USA"},
		"2024-04-24 S/PV.9616":  {"RUS"},
		"2024-11-18 S/PV.9786":  {"RUS"},
		"2024-11-20 S/PV.9790":  {"USA"},
		"2025-02-24 S/PV.9866":  {"RUS", "RUS"}, // the two European amendments
		"2025-06-04 S/PV.9929":  {"USA"},
		"2025-09-18 S/PV.10000": {"USA"},
	}
	got := map[string][]string{}
	listEnds := time.Date(2022, 5, 26, 0, 0, 0, 0, time.UTC)
	for _, d := range decisions {
		if !d.Date.After(listEnds) || len(d.VetoedBy) == 0 {
			continue
		}
		key := d.Date.Format(time.DateOnly) + " " + d.Meeting
		for _, c := range d.VetoedBy {
			got[key] = append(got[key], string(c))
		}
	}
	for key, members := range got {
		slices.Sort(members)
		if w, ok := want[key]; !ok {
			t.Errorf("%s: vetoed by %v, a veto no release read for round 8 gives: read it and add it here", key, members)
		} else if fmt.Sprint(members) != fmt.Sprint(w) {
			t.Errorf("%s: vetoed by %v, want %v", key, members, w)
		}
	}
	for key, w := range want {
		if _, ok := got[key]; !ok {
			t.Errorf("%s: no veto in the record, want one by %v", key, w)
		}
	}
}

// sameCountOtherMembers returns the members on whom the Digital Library's
// and the spreadsheet's positions on d differ, where both count the same
// (each member voting in both), and "" otherwise.
func sameCountOtherMembers(d unsc.Decision) string {
	var lib, sheet unsc.Votes
	for _, r := range d.Reports {
		switch r.Source {
		case unsc.SourceUNDL:
			lib = r.Votes
		case unsc.SourceSpreadsheet:
			sheet = r.Votes
		}
	}
	voted := func(p unsc.Position) bool { return p == unsc.Yes || p == unsc.No || p == unsc.Abstain }
	count := func(v unsc.Votes) (n [4]int) {
		for _, p := range v.All() {
			if voted(p) {
				n[p]++
			}
		}
		return n
	}
	if !lib.Known() || !sheet.Known() || count(lib) != count(sheet) {
		return ""
	}
	var differ []string
	for c, p := range lib.All() {
		q := sheet.Of(c)
		if !voted(p) || !voted(q) {
			if voted(p) != voted(q) {
				return "" // not the same members voting: another class
			}
			continue
		}
		if p != q {
			differ = append(differ, fmt.Sprintf("%s %v/%v", c, p, q))
		}
	}
	return strings.Join(differ, ", ")
}

// hasFact reports whether a fact of facts.csv sets the field of d.
func hasFact(d unsc.Decision, field string) bool {
	for _, n := range d.Notes {
		if n.Field == field && strings.HasPrefix(n.Text, "Fact:") {
			return true
		}
	}
	return false
}

// find returns the decision of the record with the symbol.
func find(decisions []unsc.Decision, symbol string) (unsc.Decision, bool) {
	for _, d := range decisions {
		if record.Symbol(d) == symbol {
			return d, true
		}
	}
	return unsc.Decision{}, false
}
