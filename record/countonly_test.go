package record_test

import (
	"strings"
	"testing"

	"unsc"
	"unsc/record"
)

// Votes of 1946–1959 that the imported sources give with a count only
// (the Library's tables name no member), each given every member's
// position by a fact from a page that names them: FRUS's editorial
// notes, a contemporaneous account (DATA.md, "Count-only votes of
// 1946–1959: the positions searched"). Each line of
// testdata/count_only_sources.tsv is the vote as its page gives it; the
// record must show that count with every member of the Council of the day
// placed, the members the page names as it names them and the others in
// favour, so a fact lost or a position changed fails here.
func TestCountOnlyVotesInRealRecord(t *testing.T) {
	const path = "testdata/count_only_sources.tsv"
	// A line whose decision is a meeting and a word in brackets ("S/PV.57
	// [Ireland]", as the fact is keyed) names one of several votes with no
	// symbol at that meeting: it is checked against the vote whose official
	// reports name the word, the others against the decision they name.
	var bySymbol, byApplicant []volumeVoteLine
	for _, l := range volumeVoteLines(t, path) {
		if strings.Contains(l.decision, "[") {
			byApplicant = append(byApplicant, l)
		} else {
			bySymbol = append(bySymbol, l)
		}
	}
	want := checksByDecision(t, path, bySymbol, 3, "the 3 of the first batch")
	decisions := record.Reconcile(realReports(t))
	checkEach(t, decisions, want)
	for _, l := range byApplicant {
		checkByApplicant(t, decisions, l)
	}

	// The 303rd meeting (24 May 1948) holds two votes with no symbol, the
	// preliminary question and the draft: the fact keyed by the meeting
	// and "preliminary" (the word of the Library's veto list) gives the
	// first every position, and the draft keeps its count only.
	preliminary, err := parseVolumeVoteLine("S/PV.303\tS/PV.303\t8-2-1 N=SUN,UKR A=FRA\t-")
	if err != nil {
		t.Fatal(err)
	}
	var seen []unsc.Matter
	for _, d := range decisions {
		if d.Meeting != "S/PV.303" {
			continue
		}
		seen = append(seen, d.Matter)
		switch d.Matter {
		case unsc.Preliminary:
			if msg := preliminary.check(d); msg != "" {
				t.Errorf("S/PV.303, preliminary question: %s", msg)
			}
		default:
			if d.Votes.Known() {
				t.Errorf("S/PV.303, the draft: positions %v; no page read names them, so the fact keyed [preliminary] must not reach it", d.Votes)
			}
		}
	}
	if len(seen) != 2 {
		t.Errorf("S/PV.303: %d decisions (%v), want the preliminary question and the draft", len(seen), seen)
	}
}

// checkByApplicant checks the line against the one vote of its meeting
// whose official reports name the word in the line's brackets (the
// applicant), failing if none or more than one does.
func checkByApplicant(t *testing.T, decisions []unsc.Decision, l volumeVoteLine) {
	t.Helper()
	open := strings.Index(l.decision, "[")
	word := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(l.decision[open+1:]), "]"))
	var matched []unsc.Decision
	for _, d := range decisions {
		if d.Meeting != l.meeting || d.Resolution != "" || d.Draft != "" {
			continue
		}
		for _, r := range d.Reports {
			if r.Source.Official() && strings.Contains(strings.ToLower(r.Title+" "+r.Agenda+" "+r.Note), word) {
				matched = append(matched, d)
				break
			}
		}
	}
	if len(matched) != 1 {
		t.Errorf("%s: %d votes of %s whose official reports name %q, want 1", l.decision, len(matched), l.meeting, word)
		return
	}
	if msg := l.check(matched[0]); msg != "" {
		t.Errorf("%s: %s", l.decision, msg)
	}
}
