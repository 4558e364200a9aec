package record_test

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"unsc"
	"unsc/charter"
	"unsc/record"
)

// TestVolumeVoteLinesInRealRecord compares the record with the vote lines
// of the UN's Resolutions and Decisions volumes read whole
// (testdata/volume_votes.tsv, the years DATA.md names): for each decision
// the volume prints with its vote, the meeting, the modality, the count
// and every member's position must be the volume's. A value the volume
// contradicts is fixed by a fact citing the volume's page; this test fails
// on any the facts leave.
func TestVolumeVoteLinesInRealRecord(t *testing.T) {
	checkVoteLinesInRealRecord(t, "testdata/volume_votes.tsv", 1972, "the 1,972 of the volumes of 1946, twenty-three lines of 1947, 1948–1975, 1977–1994, 1995, 1996, 1997, 1998, 1999, 2000, 2001, 2002, the forty-two resolutions of January–July 2003, 2003–2004, 2004–2005, 2005–2006, 2006–2007, 2007–2008 and 2008–2009, and the thirteen their transcriptions left out, read in CR-UNSC's texts")
}

// TestPrintedVoteLines1976InRealRecord compares the record with the vote
// lines of the resolutions of 1976 as printed (testdata/printed_1976.tsv),
// the year no transcription of the volume holds: each line read in a copy
// of the resolution's printed text or of the volume, its address in the
// line. Checked as the volumes' lines are, by checkEach.
func TestPrintedVoteLines1976InRealRecord(t *testing.T) {
	checkVoteLinesInRealRecord(t, "testdata/printed_1976.tsv", 17, "the 17 of 1976 read whole, all but 391 (DATA.md)")
}

// TestCountOnlyVotes1960to1999InRealRecord compares the record with the
// pages that name every member's position on a vote of 1960–1999 the
// imported sources
// hold with a count only (testdata/count_only_votes.tsv, DATA.md
// "Count-only votes of 1960–1999 given every position"; those of
// 1946–1959 are TestCountOnlyVotesInRealRecord's): each line's count and
// every member's position must be the page's. The facts that enter them
// are what make the record agree; removing one fails here.
func TestCountOnlyVotes1960to1999InRealRecord(t *testing.T) {
	checkVoteLinesInRealRecord(t, "testdata/count_only_votes.tsv", 35, "the 35 read in December 2026")
}

// checkVoteLinesInRealRecord reads the vote lines of path, at least atLeast
// of them (what says which), and checks each against the record built from
// the shared data: meeting, modality, count and every member's position.
func checkVoteLinesInRealRecord(t *testing.T, path string, atLeast int, what string) {
	t.Helper()
	want := checksByDecision(t, path, volumeVoteLines(t, path), atLeast, what)
	checkEach(t, record.Reconcile(realReports(t)), want)
}

// sourceLine is a line of a table of what a source says of one decision:
// the decision, as checkEach names it, and the check of the record's
// decision against the line.
type sourceLine interface {
	decisionName() string
	check(unsc.Decision) string
}

// checksByDecision gives each line's check by the decision it names; it
// fails the test if fewer than atLeast lines were read from path (what
// says which) or a decision is listed twice, which would leave one of its
// lines unchecked.
func checksByDecision[L sourceLine](t *testing.T, path string, lines []L, atLeast int, what string) map[string]func(unsc.Decision) string {
	t.Helper()
	if len(lines) < atLeast {
		t.Fatalf("%d lines read from %s, want at least %s", len(lines), path, what)
	}
	want := map[string]func(unsc.Decision) string{}
	for _, l := range lines {
		name := l.decisionName()
		if _, dup := want[name]; dup {
			t.Fatalf("%s: %s listed twice: one line would go unchecked", path, name)
		}
		want[name] = l.check
	}
	return want
}

func (l volumeVoteLine) decisionName() string { return l.decision }

// volumeVoteLine is one decision as a volume prints its vote.
type volumeVoteLine struct {
	decision, meeting string
	// withoutVote is true where the volume prints the decision adopted
	// without a vote; unanimous where it prints every member of the
	// Council (11 before 1966, 15 since) in favour; else tally and named
	// hold its count and the members
	// it names against (N), abstaining (A), not participating (X) or
	// absent from the meeting (-).
	withoutVote bool
	// acclamation is true where it prints the decision adopted "par
	// acclamation", an adoption without a vote the record names so.
	acclamation bool
	// inParts is true where the volume prints the draft voted on in parts
	// and never as a whole: the record must show a vote with no count and
	// no positions of the whole.
	inParts   bool
	unanimous bool
	// partial is true where the page names only some of the members it
	// counts (a count with no names, or the abstaining named and those
	// against not): the count and the members named are checked, the
	// members it does not name are not.
	partial bool
	tally   unsc.Tally
	named   map[unsc.Code]unsc.Position
}

func (l volumeVoteLine) check(d unsc.Decision) string {
	if d.Meeting != l.meeting {
		return fmt.Sprintf("meeting %s, the volume's %s", d.Meeting, l.meeting)
	}
	if l.acclamation {
		if d.Modality != unsc.ByAcclamation || d.Tally.Known {
			return fmt.Sprintf("modality %v, count %v; the volume prints it adopted by acclamation", d.Modality, d.Tally)
		}
		return ""
	}
	if l.inParts {
		if d.Modality != unsc.ByVote || d.Tally.Known || d.Votes.Len() > 0 {
			return fmt.Sprintf("modality %v, count %v, positions %v; the volume prints it voted on in parts, with no vote on the whole", d.Modality, d.Tally, d.Votes)
		}
		return ""
	}
	if l.withoutVote {
		if d.Modality != unsc.WithoutVote || d.Tally.Known {
			return fmt.Sprintf("modality %v, count %v; the volume prints it adopted without a vote", d.Modality, d.Tally)
		}
		return ""
	}
	if d.Modality != unsc.ByVote {
		return fmt.Sprintf("modality %v; the volume prints a vote", d.Modality)
	}
	size := charter.Size(d.Date)
	want := l.tally
	if l.unanimous {
		want = unsc.Tally{Yes: size, Known: true}
	}
	if d.Tally.Yes != want.Yes || d.Tally.No != want.No || d.Tally.Abstain != want.Abstain {
		return fmt.Sprintf("count %d-%d-%d, the volume's %d-%d-%d", d.Tally.Yes, d.Tally.No, d.Tally.Abstain, want.Yes, want.No, want.Abstain)
	}
	if l.partial {
		for code, p := range l.named {
			if got := d.Votes.Of(code); got != p {
				return fmt.Sprintf("%s %v, the page's %v", code, got, p)
			}
		}
		return ""
	}
	absent := 0
	for _, p := range l.named {
		if p == unsc.Absent {
			absent++
		}
	}
	// A member absent holds no position; a row entered by hand may list it
	// as absent all the same (S/PV.647, 1953): either way it is absent.
	present := 0
	for _, p := range d.Votes.All() {
		if p != unsc.Absent {
			present++
		}
	}
	if present != size-absent {
		return fmt.Sprintf("positions %v: %d members, want the %d the volume names present", d.Votes, present, size-absent)
	}
	for code, p := range l.named {
		if got := d.Votes.Of(code); got != p {
			return fmt.Sprintf("%s %v, the volume's %v", code, got, p)
		}
	}
	for code, p := range d.Votes.All() {
		if _, named := l.named[code]; !named && p != unsc.Yes {
			return fmt.Sprintf("%s %v; the volume names it with none, so in favour", code, p)
		}
	}
	return ""
}

// volumeVoteLines reads the vote lines of path: decision, meeting, vote
// ("unanimous", "without-vote", "by-acclamation", "in-parts", or
// "Y-N-A N=… A=… X=… -=…", with "partial" after it where the page does
// not name every member off the "yes" side)
// and page, tab
// separated; lines starting with # are comments.
func volumeVoteLines(t *testing.T, path string) []volumeVoteLine {
	t.Helper()
	return tableLines(t, path, parseVolumeVoteLine)
}

// tableLines reads the tab-separated lines of path with parse, skipping
// blank lines and lines starting with #; a line parse refuses fails the
// test with its file and line number.
func tableLines[L any](t *testing.T, path string, parse func(string) (L, error)) []L {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []L
	scanner := bufio.NewScanner(f)
	for n := 1; scanner.Scan(); n++ {
		text := scanner.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		l, err := parse(text)
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		lines = append(lines, l)
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

func parseVolumeVoteLine(text string) (volumeVoteLine, error) {
	fields := strings.Split(text, "\t")
	if len(fields) != 4 {
		return volumeVoteLine{}, fmt.Errorf("%d fields, want decision, meeting, vote and page", len(fields))
	}
	l := volumeVoteLine{decision: fields[0], meeting: fields[1], named: map[unsc.Code]unsc.Position{}}
	switch vote := strings.Fields(fields[2]); {
	case len(vote) == 1 && vote[0] == "without-vote":
		l.withoutVote = true
	case len(vote) == 1 && vote[0] == "by-acclamation":
		l.withoutVote, l.acclamation = true, true
	case len(vote) == 1 && vote[0] == "unanimous":
		l.unanimous = true
	case len(vote) == 1 && vote[0] == "in-parts":
		l.inParts = true
	case len(vote) >= 1:
		count := strings.Split(vote[0], "-")
		if len(count) != 3 {
			return l, fmt.Errorf("vote %q: want unanimous, without-vote, by-acclamation, in-parts or Y-N-A", fields[2])
		}
		var ns [3]int
		for i, s := range count {
			n, err := strconv.Atoi(s)
			if err != nil {
				return l, fmt.Errorf("vote %q: %v", fields[2], err)
			}
			ns[i] = n
		}
		l.tally = unsc.Tally{Yes: ns[0], No: ns[1], Abstain: ns[2], Known: true}
		for _, group := range vote[1:] {
			if group == "partial" {
				l.partial = true
				continue
			}
			letter, codes, ok := strings.Cut(group, "=")
			p, err := unsc.ParsePosition(letter)
			if !ok || err != nil || p == unsc.Yes || letter == "" {
				return l, fmt.Errorf("vote %q: %q, want N=, A=, X= or -= and member codes", fields[2], group)
			}
			for _, c := range strings.Split(codes, ",") {
				l.named[unsc.Code(c)] = p
			}
		}
	default:
		return l, fmt.Errorf("no vote")
	}
	return l, nil
}

// checkMeeting fails unless the record holds symbol at meeting; why names
// the source that decides it where a page read says otherwise.
func checkMeeting(t *testing.T, decisions []unsc.Decision, symbol, meeting, why string) {
	t.Helper()
	if d, ok := find(decisions, symbol); !ok || d.Meeting != meeting {
		t.Errorf("%s: meeting %q, want %s (%s)", symbol, d.Meeting, meeting, why)
	}
}

// checkNoMeeting fails unless the record holds each symbol with no
// meeting: resolutions adopted by written procedure, when no meeting was
// held.
func checkNoMeeting(t *testing.T, decisions []unsc.Decision, symbols ...string) {
	t.Helper()
	for _, symbol := range symbols {
		if d, ok := find(decisions, symbol); !ok || d.Meeting != "" {
			t.Errorf("%s: meeting %q; adopted by written procedure, with no meeting", symbol, d.Meeting)
		}
	}
}
