package storetest

import (
	"cmp"
	"slices"
	"sync"
	"time"

	"unsc"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// council15 returns the positions of a fifteen-member Council in which every
// member votes yes, changed by the overrides ("USA", unsc.No, ...).
func council15(overrides map[unsc.Code]unsc.Position) map[unsc.Code]unsc.Position {
	v := map[unsc.Code]unsc.Position{}
	for _, c := range []unsc.Code{"CHN", "FRA", "RUS", "GBR", "USA", "DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"} {
		v[c] = unsc.Yes
	}
	for c, p := range overrides {
		v[c] = p
	}
	return v
}

// The decisions the reports describe, by title, in date order:
//
//	A 1950-06-25 S/PV.473  S/RES/82 (1950), draft S/1497, adopted
//	G 2023-11-09 S/PV.9470 ICJ election round, adopted
//	B 2023-12-08 S/PV.9499 draft S/2023/970, vetoed by USA
//	H 2023-12-22 S/PV.9520 S/RES/2719 (2023): recorded adopted, derived failed
//	C 2024-02-20 S/PV.9552 draft S/2024/173, vetoed by USA
//	I 2024-02-20 S/PV.9552 adoption of the agenda, without a vote
//	F 2024-03-22 S/PV.9584 draft S/2024/245, vetoed by CHN and RUS
//	D 2024-03-25 S/PV.9586 oral amendment to S/2024/239, failed
//	E 2024-03-25 S/PV.9586 S/RES/2728 (2024), draft S/2024/239, adopted
const (
	titleA = "A: Complaint of aggression upon the Republic of Korea"
	titleG = "G: Election of members of the International Court of Justice"
	titleB = "B: The situation in the Middle East (S/2023/970)"
	titleH = "H: The situation in the Middle East (S/RES/2719)"
	titleC = "C: The situation in the Middle East (S/2024/173)"
	titleI = "I: Adoption of the agenda"
	titleF = "F: The situation in the Middle East (S/2024/245)"
	titleD = "D: Oral amendment to S/2024/239"
	titleE = "E: The situation in the Middle East (S/RES/2728)"
)

// reports returns the hand-made reports the suite imports: every field of a
// report is set in at least one of them.
func reports() []unsc.Report {
	return []unsc.Report{
		{
			Source: unsc.SourceUNDL, Key: "82", Ref: "undl.csv:2",
			Date: day("1950-06-25"), Meeting: "S/PV.473", Resolution: "S/RES/82 (1950)", Draft: "S/1497",
			Title: titleA, Agenda: "Complaint of aggression upon the Republic of Korea",
			Subjects:    []string{"KOREA", "ARMED INCIDENTS"},
			MatterKnown: true,
			Outcome:     unsc.Adopted,
			Tally:       unsc.Tally{Yes: 9, No: 0, Abstain: 1, NonVoting: 1, Known: true},
			// An eleven-member Council; the USSR was absent and Yugoslavia
			// abstained. India is listed as absent by the source.
			Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{
				"CHN": unsc.Yes, "FRA": unsc.Yes, "GBR": unsc.Yes, "USA": unsc.Yes,
				"CUB": unsc.Yes, "ECU": unsc.Yes, "EGY": unsc.Yes, "NOR": unsc.Yes,
				"YUG": unsc.Abstain, "IND": unsc.Absent,
			}),
			Note: "USSR absent",
		},
		{
			Source: unsc.SourceUNDL, Key: "icj-2023-1", Ref: "undl.csv:3",
			Date: day("2023-11-09"), Meeting: "S/PV.9470",
			Title: titleG, Matter: unsc.ICJElection, MatterKnown: true, Modality: unsc.ByAcclamation,
			Outcome: unsc.Adopted, Note: "first round",
		},
		{
			Source: unsc.SourceSpreadsheet, Key: "S/2023/970", Ref: "sc-votes.xlsx:Sheet1!A2",
			Date: day("2023-12-08"), Meeting: "S/PV.9499", Draft: "S/2023/970",
			Title: titleB, Subjects: []string{},
			// A member's code and a name the source writes as it is.
			Sponsors: []string{"ARE", "Andorra", "Côte d'Ivoire"},
			Outcome:  unsc.Vetoed,
			Tally:    unsc.Tally{Yes: 13, No: 1, Abstain: 1, Known: true},
			Votes:    unsc.VotesOf(council15(map[unsc.Code]unsc.Position{"USA": unsc.No, "GBR": unsc.Abstain})),
		},
		{
			Source: unsc.SourceDHLVetoes, Key: "2023-12-08/S/2023/970", Ref: "https://research.un.org/en/docs/sc/quick/veto#2023",
			Date: day("2023-12-08"), Meeting: "S/PV.9499", Draft: "S/2023/970",
			Title: titleB, Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"USA"},
		},
		{
			Source: unsc.SourceSpreadsheet, Key: "S/2023/1036", Ref: "sc-votes.xlsx:Sheet1!A3",
			Date: day("2023-12-22"), Meeting: "S/PV.9520", Resolution: "S/RES/2719 (2023)", Draft: "S/2023/1036",
			Title: titleH, Outcome: unsc.Adopted,
			// Wrong on purpose: too few yes votes, so the reconciler
			// derives a failure where the source records an adoption.
			Votes: unsc.VotesOf(council15(map[unsc.Code]unsc.Position{
				"DZA": unsc.Abstain, "ECU": unsc.Abstain, "GUY": unsc.Abstain, "JPN": unsc.Abstain,
				"MLT": unsc.Abstain, "MOZ": unsc.Abstain, "KOR": unsc.Abstain,
			})),
			VetoedBy: []unsc.Code{},
		},
		{
			Source: unsc.SourceUNDL, Key: "S/2024/173", Ref: "undl.csv:4",
			Date: day("2024-02-20"), Meeting: "S/PV.9552", Draft: "S/2024/173",
			Title: titleC, Agenda: "The situation in the Middle East, including the Palestinian question",
			Subjects: []string{"GAZA STRIP", "CEASEFIRES"}, MatterKnown: true,
			Sponsors: []string{},
			Outcome:  unsc.Vetoed,
			Tally:    unsc.Tally{Yes: 13, No: 1, Abstain: 1, Known: true},
			Votes:    unsc.VotesOf(council15(map[unsc.Code]unsc.Position{"USA": unsc.No, "GBR": unsc.Abstain})),
		},
		{
			Source: unsc.SourceDHLVetoes, Key: "2024-02-20/S/2024/173", Ref: "https://research.un.org/en/docs/sc/quick/veto#2024",
			Date: day("2024-02-20"), Meeting: "S/PV.9552", Draft: "S/2024/173",
			Title: titleC, Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"USA"},
		},
		{
			Source: unsc.SourceDHLMeetings, Key: "S/PV.9552/agenda", Ref: "https://research.un.org/en/docs/sc/quick/meetings/2024#9552",
			Date: day("2024-02-20"), Meeting: "S/PV.9552",
			Title: titleI, Matter: unsc.Procedural, MatterKnown: true, Modality: unsc.WithoutVote,
			Outcome: unsc.Adopted,
		},
		{
			Source: unsc.SourceDHLVetoes, Key: "2024-03-22/S/2024/245", Ref: "https://research.un.org/en/docs/sc/quick/veto#2024b",
			Date: day("2024-03-22"), Meeting: "S/PV.9584", Draft: "S/2024/245",
			Title: titleF, Outcome: unsc.Vetoed,
			Tally:    unsc.Tally{Yes: 11, No: 3, Abstain: 1, Known: true},
			VetoedBy: []unsc.Code{"CHN", "RUS"},
		},
		{
			Source: unsc.SourceUNDL, Key: "S/PV.9586/oral-1", Ref: "undl.csv:5",
			Date: day("2024-03-25"), Meeting: "S/PV.9586", Amendment: true, AmendmentTo: "S/2024/239",
			Title: titleD, Outcome: unsc.Failed,
			Tally: unsc.Tally{Yes: 3, No: 1, Abstain: 11, Known: true},
			Votes: unsc.VotesOf(council15(map[unsc.Code]unsc.Position{
				"FRA": unsc.Abstain, "GBR": unsc.Abstain, "USA": unsc.No, "ECU": unsc.Abstain, "GUY": unsc.Abstain,
				"JPN": unsc.Abstain, "MLT": unsc.Abstain, "MOZ": unsc.Abstain, "KOR": unsc.Abstain,
				"SLE": unsc.Abstain, "SVN": unsc.Abstain, "CHE": unsc.Abstain,
			})),
		},
		{
			Source: unsc.SourceUNDL, Key: "2728", Ref: "undl.csv:6",
			Date: day("2024-03-25"), Meeting: "S/PV.9586", Resolution: "S/RES/2728 (2024)", Draft: "S/2024/239",
			Title: titleE, Agenda: "The situation in the Middle East, including the Palestinian question",
			Subjects: []string{"GAZA STRIP", "CEASEFIRES", "HOSTAGES"}, MatterKnown: true,
			Sponsors: []string{"DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"},
			Outcome:  unsc.Adopted,
			Tally:    unsc.Tally{Yes: 14, Abstain: 1, Known: true},
			Votes:    unsc.VotesOf(council15(map[unsc.Code]unsc.Position{"USA": unsc.Abstain})),
		},
		{
			Source: unsc.SourceSpreadsheet, Key: "S/2024/239", Ref: "sc-votes.xlsx:Sheet1!A4",
			Date: day("2024-03-25"), Meeting: "S/PV.9586", Resolution: "S/RES/2728 (2024)", Draft: "S/2024/239",
			Title: titleE, Outcome: unsc.Adopted,
			Votes: unsc.VotesOf(council15(map[unsc.Code]unsc.Position{"USA": unsc.Abstain})),
		},
	}
}

var permanent = map[unsc.Code]bool{"CHN": true, "FRA": true, "RUS": true, "GBR": true, "USA": true, "SUN": true}

// reconciler is the suite's reconciler: it groups reports by draft (or, for
// a vote without one, by meeting and title), takes each decision from its most
// official report, and derives a rough outcome from the votes. It records
// every call, so that tests can see what a store hands it.
type reconciler struct {
	mu    sync.Mutex
	calls int
	seen  []unsc.Report // the reports of the last call
	out   []unsc.Decision
	// before, if set, runs at the start of each call.
	before func()
}

func (rc *reconciler) reconcile(reports []unsc.Report) []unsc.Decision {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.calls++
	rc.seen = slices.Clone(reports)
	if rc.before != nil {
		rc.before()
	}
	groups := map[string][]unsc.Report{}
	var order []string
	for _, r := range reports {
		k := r.Draft
		if k == "" || r.Amendment {
			k = r.Meeting + "|" + r.Title
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	var out []unsc.Decision
	for _, k := range order {
		out = append(out, decide(groups[k]))
	}
	rc.out = out
	return out
}

func (rc *reconciler) lastSeen() []unsc.Report {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.seen
}

func (rc *reconciler) callCount() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.calls
}

func (rc *reconciler) lastOut() []unsc.Decision {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.out
}

func decide(group []unsc.Report) unsc.Decision {
	// Sorted so that the decision does not depend on the order of reports.
	group = slices.Clone(group)
	slices.SortFunc(group, func(a, b unsc.Report) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Key, b.Key))
	})
	primary := group[0]
	for _, r := range group {
		if r.Source.Official() {
			primary = r
			break
		}
	}
	d := unsc.Decision{
		Date: primary.Date, Meeting: primary.Meeting, Resolution: primary.Resolution,
		Draft: primary.Draft, Amendment: primary.Amendment, AmendmentTo: primary.AmendmentTo,
		Title: primary.Title, Agenda: primary.Agenda, Subjects: primary.Subjects, Sponsors: primary.Sponsors,
		Matter: primary.Matter, MatterKnown: primary.MatterKnown, Modality: primary.Modality,
		Recorded: primary.Outcome, Tally: primary.Tally, Reports: group,
	}
	// The primary report's votes win; others fill in where it has none.
	for _, r := range append([]unsc.Report{primary}, group...) {
		if !d.Votes.Known() && r.Votes.Known() {
			present := []unsc.Vote{}
			for c, p := range r.Votes.All() {
				// Decisions list members present; absent ones have no
				// entry.
				if p != unsc.Absent {
					present = append(present, unsc.Vote{Member: c, Position: p})
				}
			}
			d.Votes = unsc.VotesFrom(present)
		}
	}
	for _, r := range group {
		if !slices.Contains(d.Sources, r.Source) {
			d.Sources = append(d.Sources, r.Source)
		}
		for _, c := range r.VetoedBy {
			if !slices.Contains(d.VetoedBy, c) {
				d.VetoedBy = append(d.VetoedBy, c)
			}
		}
	}
	// Notes of every kind, as a reconciler writes them: one for each
	// source the primary report overrides, one naming the members who
	// abstained (as if in doubt), and one where the votes contradict the
	// outcome recorded (added below).
	for _, r := range group {
		if r.Source != primary.Source || r.Key != primary.Key {
			d.Notes = append(d.Notes, unsc.Note{Kind: unsc.NoteCorrected, Field: "record",
				Text: "Another source reports the decision; the most official one is kept.", Source: string(primary.Source) + " (" + primary.Ref + ")"})
		}
	}
	var abstained []unsc.Code
	for c, p := range d.Votes.All() {
		if p == unsc.Abstain {
			abstained = append(abstained, c)
		}
	}
	if len(abstained) > 0 {
		slices.Sort(abstained)
		d.Notes = append(d.Notes, unsc.Note{Kind: unsc.NoteDoubt, Field: "votes", Text: "These members abstained.", Members: abstained})
	}
	d.Derived = d.Recorded
	if d.Votes.Known() {
		yes, vetoed := 0, []unsc.Code(nil)
		for c, p := range d.Votes.All() {
			switch {
			case p == unsc.Yes:
				yes++
			case p == unsc.No && permanent[c]:
				vetoed = append(vetoed, c)
			}
		}
		slices.Sort(vetoed)
		required := 9
		if d.Votes.Len() <= 11 {
			required = 7
		}
		switch {
		case yes < required:
			d.Derived = unsc.Failed
		case vetoed != nil && !d.Amendment:
			d.Derived = unsc.Vetoed
			for _, c := range vetoed {
				if !slices.Contains(d.VetoedBy, c) {
					d.VetoedBy = append(d.VetoedBy, c)
				}
			}
		default:
			d.Derived = unsc.Adopted
		}
	}
	if d.Derived != d.Recorded {
		d.Notes = append(d.Notes, unsc.Note{Kind: unsc.NoteContradiction, Field: "outcome",
			Text: "The votes do not give the outcome recorded.", Source: string(primary.Source)})
	}
	return d
}

// tenures returns the membership the suite sets.
func tenures() []unsc.Member {
	return []unsc.Member{
		{Code: "USA", Name: "United States of America", Permanent: true, TermStart: day("1945-10-24")},
		{Code: "CHN", Name: "China", Government: "Republic of China", Permanent: true, TermStart: day("1945-10-24"), TermEnd: day("1971-10-24")},
		{Code: "CHN", Name: "China", Government: "People's Republic of China", Permanent: true, TermStart: day("1971-10-25")},
		{Code: "SUN", Name: "Union of Soviet Socialist Republics", Permanent: true, TermStart: day("1945-10-24"), TermEnd: day("1991-12-24")},
		{Code: "RUS", Name: "Russian Federation", Permanent: true, TermStart: day("1991-12-25")},
		{Code: "BRA", Name: "Brazil", TermStart: day("2022-01-01"), TermEnd: day("2023-12-31")},
		{Code: "MOZ", Name: "Mozambique", TermStart: day("2023-01-01"), TermEnd: day("2024-12-31")},
		{Code: "DZA", Name: "Algeria", TermStart: day("2024-01-01"), TermEnd: day("2025-12-31")},
	}
}
