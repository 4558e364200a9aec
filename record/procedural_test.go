package record_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"unsc"
	"unsc/charter"
	"unsc/record"
)

// proceduralLine is one procedural vote as the public lists and its own
// sources give it (testdata/procedural_since_2000.tsv). meeting is empty
// where no source found it: such a vote cannot be entered and is not in
// the record.
type proceduralLine struct {
	date, meeting, what, address string
	outcome                      unsc.Outcome
	tally                        unsc.Tally
}

func (l proceduralLine) decisionName() string { return l.meeting }

// check compares the record's decision with the line: its date, matter,
// outcome and count; and the Charter engine, replaying it as a procedural
// matter (the votes the Council of the day required, no veto), must derive
// the outcome the sources record.
func (l proceduralLine) check(d unsc.Decision) string {
	switch {
	case d.Date.Format("2006-01-02") != l.date:
		return fmt.Sprintf("date %s, the list's %s", d.Date.Format("2006-01-02"), l.date)
	case d.Matter != unsc.Procedural:
		return fmt.Sprintf("matter %v, want procedural", d.Matter)
	case d.Recorded != l.outcome:
		return fmt.Sprintf("outcome %v, the list's %v", d.Recorded, l.outcome)
	case !d.Tally.Known || d.Tally.Yes != l.tally.Yes || d.Tally.No != l.tally.No || d.Tally.Abstain != l.tally.Abstain:
		return fmt.Sprintf("count %v, the list's %d-%d-%d", d.Tally, l.tally.Yes, l.tally.No, l.tally.Abstain)
	case d.Derived != l.outcome || len(d.VetoedBy) > 0:
		return fmt.Sprintf("the Charter engine derives %v (vetoed by %v) from %d-%d-%d; the sources record %v", d.Derived, d.VetoedBy, d.Tally.Yes, d.Tally.No, d.Tally.Abstain, l.outcome)
	}
	res, err := record.Derive(d)
	if err != nil {
		return fmt.Sprintf("Derive: %v", err)
	}
	// Nine votes since 1966, seven before (Article 27 (2) as amended).
	required := charter.RequiredVotes(d.Date)
	if want := l.tally.Yes >= required; (res.Outcome == unsc.Adopted) != want || len(res.VetoedBy) > 0 {
		return fmt.Sprintf("Derive = %v (vetoed by %v) from %d votes in favour; a procedural matter needs %d and knows no veto", res.Outcome, res.VetoedBy, l.tally.Yes, required)
	}
	return ""
}

func parseProceduralLine(text string) (proceduralLine, error) {
	fields := strings.Split(text, "\t")
	if len(fields) != 6 {
		return proceduralLine{}, fmt.Errorf("%d fields, want date, meeting, what, outcome, count and address", len(fields))
	}
	l := proceduralLine{date: fields[0], meeting: fields[1], what: fields[2], address: fields[5]}
	if l.meeting == "-" {
		l.meeting = ""
	} else if !strings.HasPrefix(l.meeting, "S/PV.") {
		return l, fmt.Errorf("meeting %q: want S/PV.NNNN or -", fields[1])
	}
	if !strings.HasPrefix(l.address, "http") {
		return l, fmt.Errorf("address %q: want the page's address", fields[5])
	}
	outcome, err := unsc.ParseOutcome(fields[3])
	if err != nil || outcome == unsc.Vetoed {
		return l, fmt.Errorf("outcome %q: want adopted or failed (a procedural vote knows no veto)", fields[3])
	}
	l.outcome = outcome
	count := strings.Split(fields[4], "-")
	if len(count) != 3 {
		return l, fmt.Errorf("count %q: want Y-N-A", fields[4])
	}
	var ns [3]int
	for i, s := range count {
		if ns[i], err = strconv.Atoi(s); err != nil {
			return l, fmt.Errorf("count %q: %v", fields[4], err)
		}
	}
	l.tally = unsc.Tally{Yes: ns[0], No: ns[1], Abstain: ns[2], Known: true}
	return l, nil
}

// namedProceduralLine is a procedural vote as proceduralLine checks it,
// with the members its page names: named holds them where it names some.
// Where it names none, noneNamed says the record must show no position
// (testdata/procedural_frus.tsv's "-": none can be derived from the count
// alone); without it the members are not checked
// (testdata/procedural_since_2000.tsv's lines of six columns).
type namedProceduralLine struct {
	proceduralLine
	named     *volumeVoteLine
	noneNamed bool
}

func (l namedProceduralLine) check(d unsc.Decision) string {
	if msg := l.proceduralLine.check(d); msg != "" {
		return msg
	}
	switch {
	case l.named != nil:
		return l.named.check(d)
	case l.noneNamed && d.Votes.Len() > 0:
		return fmt.Sprintf("positions %v; the page names no member", d.Votes)
	}
	return ""
}

// parseSince2000Line reads a line of testdata/procedural_since_2000.tsv:
// the vote and, where the line has a seventh column, the members its
// sources name: "N=… A=…" (those against and abstaining, every other
// member of the Council of the day in favour) or "all" (every member in
// favour).
func parseSince2000Line(text string) (namedProceduralLine, error) {
	fields := strings.Split(text, "\t")
	if len(fields) != 6 && len(fields) != 7 {
		return namedProceduralLine{}, fmt.Errorf("%d fields, want date, meeting, what, outcome, count, address and, optionally, members", len(fields))
	}
	p, err := parseProceduralLine(strings.Join(fields[:6], "\t"))
	if err != nil || len(fields) == 6 {
		return namedProceduralLine{proceduralLine: p}, err
	}
	if p.meeting == "" {
		return namedProceduralLine{}, fmt.Errorf("members %q given for a vote without its meeting", fields[6])
	}
	vote := fields[4]
	if fields[6] != "all" {
		if !strings.Contains(fields[6], "=") {
			return namedProceduralLine{}, fmt.Errorf("members %q: want N=… A=… or all", fields[6])
		}
		vote += " " + fields[6]
	}
	v, err := parseVolumeVoteLine(p.meeting + "\t" + p.meeting + "\t" + vote + "\t-")
	if err != nil {
		return namedProceduralLine{}, fmt.Errorf("members %q: %v", fields[6], err)
	}
	return namedProceduralLine{proceduralLine: p, named: &v}, nil
}

// publishedProceduralCounts are the numbers of procedural votes the public
// lists give for a period, first day and last day included: the list of
// named votes can hold no more than these.
var publishedProceduralCounts = []struct {
	from, to, by string
	count        int
}{
	{"2000-01-01", "2009-12-31", "scprocedure.org, chapter 6, section 3b", 5},
	{"2010-01-01", "2019-12-31", "scprocedure.org, chapter 6, section 3b", 13},
	{"2020-01-01", "2025-01-13", "scprocedure.org, chapter 6, section 3b (updated 13 January 2025)", 13},
	{"2023-01-01", "2023-12-31", "the UN's Highlights of Security Council Practice 2024", 3},
	{"2024-01-01", "2024-12-31", "the UN's Highlights of Security Council Practice 2024", 8},
	// Year by year: Security Council Report's In Hindsight of November 2020
	// (posted 30 October 2020) for 2014-2020, whose March 2018 piece counted
	// two in 2017, not three; scprocedure.org for 2021 ("at least one
	// procedural vote per year except in 2021"); the UN's Highlights of
	// Security Council Practice 2023 for 2022 and 2023.
	{"2014-01-01", "2014-12-31", "Security Council Report (In Hindsight, November 2020)", 1},
	{"2015-01-01", "2015-12-31", "Security Council Report (In Hindsight, November 2020)", 1},
	{"2016-01-01", "2016-12-31", "Security Council Report (In Hindsight, November 2020)", 1},
	{"2017-01-01", "2017-12-31", "Security Council Report (In Hindsight, November 2020)", 3},
	{"2018-01-01", "2018-12-31", "Security Council Report (In Hindsight, November 2020)", 4},
	{"2019-01-01", "2019-12-31", "Security Council Report (In Hindsight, November 2020)", 2},
	{"2020-01-01", "2020-10-30", "Security Council Report (In Hindsight, November 2020)", 1},
	{"2021-01-01", "2021-12-31", "scprocedure.org, chapter 6, section 3b", 0},
	{"2022-01-01", "2022-12-31", "the UN's Highlights of Security Council Practice 2023", 2},
	{"2023-01-01", "2023-12-31", "the UN's Highlights of Security Council Practice 2023", 3},
}

// TestProceduralVotesSince2000InRealRecord: every procedural vote of
// 2000–2025 that the public lists name with its meeting is in the record,
// on its date, with its outcome and count, and the Charter engine derives
// that outcome; where a line names members, the record's positions follow
// from them and the count; the record holds no other procedural vote of those years
// (the list is the whole of what is known); a vote named without its
// meeting is not in the record under some other meeting that day; and no
// period holds more named votes than the lists count. The votes the lists
// count but no source names are logged, period by period.
func TestProceduralVotesSince2000InRealRecord(t *testing.T) {
	const path = "testdata/procedural_since_2000.tsv"
	lines := tableLines(t, path, parseSince2000Line)
	var named []namedProceduralLine
	unmet := map[string]proceduralLine{} // by date
	for _, l := range lines {
		if l.meeting == "" {
			unmet[l.date] = l.proceduralLine
			continue
		}
		named = append(named, l)
	}
	want := checksByDecision(t, path, named, 22, "the 22 votes named with their meeting")
	decisions := record.Reconcile(realReports(t))
	checkEach(t, decisions, want)
	for _, d := range decisions {
		if d.Matter != unsc.Procedural || d.Resolution != "" || d.Date.Year() < 2000 {
			continue
		}
		if _, listed := want[d.Meeting]; !listed {
			t.Errorf("%s (%s, %v): a procedural vote the list does not name: add it to %s with its sources", d.Meeting, d.Date.Format("2006-01-02"), d.Tally, path)
		}
		if l, ok := unmet[d.Date.Format("2006-01-02")]; ok && d.Tally.Yes == l.tally.Yes && d.Tally.No == l.tally.No && d.Tally.Abstain == l.tally.Abstain {
			t.Errorf("%s: the list names this vote of %s (%s) without a meeting: give it the meeting", d.Meeting, l.date, l.what)
		}
	}
	for _, p := range publishedProceduralCounts {
		n := 0
		for _, l := range lines {
			if l.date >= p.from && l.date <= p.to {
				n++
			}
		}
		switch {
		case n > p.count:
			t.Errorf("%s to %s: %d votes named, more than the %d %s counts", p.from, p.to, n, p.count, p.by)
		case n < p.count:
			t.Logf("%s to %s: %d of the %d procedural votes %s counts are named; %d not found", p.from, p.to, n, p.count, p.by, p.count-n)
		}
	}
}

// parseFRUSProceduralLine reads a line of testdata/procedural_frus.tsv:
// the vote and the members the page names, or "-" where it names none.
func parseFRUSProceduralLine(text string) (namedProceduralLine, error) {
	fields := strings.Split(text, "\t")
	if len(fields) != 7 {
		return namedProceduralLine{}, fmt.Errorf("%d fields, want date, meeting, what, outcome, count, address and members", len(fields))
	}
	p, err := parseProceduralLine(strings.Join(fields[:6], "\t"))
	if err != nil {
		return namedProceduralLine{}, err
	}
	if p.meeting == "" {
		return namedProceduralLine{}, fmt.Errorf("no meeting: a vote entered needs its meeting")
	}
	l := namedProceduralLine{proceduralLine: p, noneNamed: fields[6] == "-"}
	if !l.noneNamed {
		v, err := parseVolumeVoteLine(p.meeting + "\t" + p.meeting + "\t" + fields[4] + " " + fields[6] + "\t-")
		if err != nil {
			return l, fmt.Errorf("members %q: %v", fields[6], err)
		}
		l.named = &v
	}
	return l, nil
}

// TestProceduralVotesFromFRUSInRealRecord: every procedural vote of
// 1946–1976 entered from FRUS and the other pages testdata/procedural_frus.tsv
// names is in the record at its meeting, on its date, with its outcome and
// count, the Charter engine deriving that outcome; where the page names
// members, each position follows from them and the count; where it names
// none, the record shows none. A meeting may hold several of the votes:
// each line is the next of its meeting's procedural decisions, in the
// record's order, with the line's count, so that the lines of one meeting
// are checked in the order the file gives them (the order taken).
func TestProceduralVotesFromFRUSInRealRecord(t *testing.T) {
	const path = "testdata/procedural_frus.tsv"
	lines := tableLines(t, path, parseFRUSProceduralLine)
	if len(lines) < 13 {
		t.Fatalf("%d lines read from %s, want at least the 13 votes of 1948 to 1976", len(lines), path)
	}
	atMeeting := map[string][]unsc.Decision{}
	for _, d := range record.Reconcile(realReports(t)) {
		if d.Matter == unsc.Procedural {
			atMeeting[d.Meeting] = append(atMeeting[d.Meeting], d)
		}
	}
	next := map[string]int{} // the first of a meeting's decisions no line has taken
	for _, l := range lines {
		ds, k := atMeeting[l.meeting], next[l.meeting]
		for k < len(ds) && (ds[k].Tally.Yes != l.tally.Yes || ds[k].Tally.No != l.tally.No || ds[k].Tally.Abstain != l.tally.Abstain) {
			k++
		}
		if k == len(ds) {
			t.Errorf("the record lacks %s's vote of %d-%d-%d (%s), after the votes listed before it", l.meeting, l.tally.Yes, l.tally.No, l.tally.Abstain, l.what)
			continue
		}
		next[l.meeting] = k + 1
		if msg := l.check(ds[k]); msg != "" {
			t.Errorf("%s, %s: %s", l.meeting, l.what, msg)
		}
	}
}
