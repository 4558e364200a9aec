package record_test

import (
	"fmt"
	"strings"
	"testing"

	"unsc"
	"unsc/record"
)

// TestReleasesOf2025InRealRecord compares the record with the UN's press
// releases of 2025 that the stored pages hold and that say the Council
// voted (testdata/releases_2025.tsv; how they were gathered is in DATA.md,
// "The record to 31 December 2025: the releases compared"): each vote a
// release reports must be in the record, on the release's date and at its
// meeting where the part stored gives them, with the release's outcome and,
// where it gives the count, the count and the members it names. It also
// logs the decisions of 2025 by a vote that no release in the file covers,
// which is the list DATA.md gives of those left to read.
func TestReleasesOf2025InRealRecord(t *testing.T) {
	const path = "testdata/releases_2025.tsv"
	want := checksByDecision(t, path, releaseLines(t, path), 48, "the 48 releases of the file")
	decisions := record.Reconcile(realReports(t))
	checkEach(t, decisions, want)
	for _, d := range decisions {
		if d.Date.Year() != 2025 || !d.Tally.Known {
			continue
		}
		if _, covered := want[decisionKey(d)]; !covered {
			t.Logf("no release read for %s (%s, %v)", record.Symbol(d), d.Date.Format("2006-01-02"), d.Recorded)
		}
	}
}

// decisionKey names a decision as checkEach does: its resolution, else its
// draft, else its meeting.
func decisionKey(d unsc.Decision) string {
	switch {
	case d.Resolution != "":
		return d.Resolution
	case d.Draft != "":
		return d.Draft
	}
	return d.Meeting
}

// releaseLine is one vote as a release reports it; date and meeting are
// empty where the part of the release stored does not give them, and vote
// is nil where it gives no count.
type releaseLine struct {
	decision, date, meeting string
	outcome                 unsc.Outcome
	vote                    *volumeVoteLine
}

func (l releaseLine) decisionName() string { return l.decision }

func (l releaseLine) check(d unsc.Decision) string {
	if l.date != "" && d.Date.Format("2006-01-02") != l.date {
		return fmt.Sprintf("date %s, the release's %s", d.Date.Format("2006-01-02"), l.date)
	}
	if l.meeting != "" && d.Meeting != l.meeting {
		return fmt.Sprintf("meeting %s, the release's %s", d.Meeting, l.meeting)
	}
	if d.Recorded != l.outcome {
		return fmt.Sprintf("outcome %v, the release's %v", d.Recorded, l.outcome)
	}
	if l.vote == nil {
		return ""
	}
	vote := *l.vote
	vote.meeting = d.Meeting // checked above where the release gives it
	return vote.check(d)
}

// releaseLines reads path: release, address, date, meeting, decision,
// outcome and vote, tab separated ("-" for what the release does not
// give); lines starting with # are comments. The vote is read as the
// volumes' vote lines are (parseVolumeVoteLine).
func releaseLines(t *testing.T, path string) []releaseLine {
	t.Helper()
	return tableLines(t, path, parseReleaseLine)
}

func parseReleaseLine(text string) (releaseLine, error) {
	fields := strings.Split(text, "\t")
	if len(fields) != 7 {
		return releaseLine{}, fmt.Errorf("%d fields, want release, address, date, meeting, decision, outcome and vote", len(fields))
	}
	unknown := func(s string) string {
		if s == "-" {
			return ""
		}
		return s
	}
	if !strings.HasPrefix(fields[1], "http") {
		return releaseLine{}, fmt.Errorf("address %q: want the page's address", fields[1])
	}
	l := releaseLine{decision: fields[4], date: unknown(fields[2]), meeting: unknown(fields[3])}
	outcome, err := unsc.ParseOutcome(fields[5])
	if err != nil {
		return l, fmt.Errorf("outcome %q: %v", fields[5], err)
	}
	l.outcome = outcome
	if fields[6] != "-" {
		vote, err := parseVolumeVoteLine(strings.Join([]string{fields[4], fields[3], fields[6], fields[1]}, "\t"))
		if err != nil {
			return l, err
		}
		l.vote = &vote
	}
	return l, nil
}
