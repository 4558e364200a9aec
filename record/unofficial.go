package record

import (
	"regexp"
	"slices"
	"strings"
	"unsc/internal/lazy"

	"unsc"
)

// The fields Unofficial names.
const (
	// FieldDecision: no official source reports the decision at all.
	FieldDecision = "decision"
	FieldVotes    = "votes"
	FieldSponsors = "sponsors"
	FieldDraft    = "draft"
	FieldTitle    = "title"
	FieldDate     = "date"
	FieldMeeting  = "meeting"
	FieldTally    = "tally"
	FieldOutcome  = "outcome"
	// FieldElected: the judges an election to the Court elected at the
	// meeting (or that day, or no one), as the record shows them, rest on
	// no official source.
	FieldElected = "elected"
)

// UnofficialFields lists the fields Unofficial can name, in its order.
var UnofficialFields = []string{FieldDecision, FieldVotes, FieldSponsors, FieldDraft, FieldTitle, FieldDate, FieldMeeting, FieldTally, FieldOutcome, FieldElected}

// Unofficial lists the fields of a decision whose value on show no official
// source gives: no report of an official source (the UN Digital Library,
// the Dag Hammarskjöld Library's tables and veto list, the UN's press
// releases) holds that value, and no fact citing the UN's own documents
// sets it. These rest only on the second-hand sources (the 1994–2025
// spreadsheet, Emily Tong's lists, the World Politics Data Lab, CR-UNSC)
// and on research rows and facts citing other addresses: the facts most
// at risk. Per-member positions count as official where an official
// source's positions, read against the official count (fitCount), give
// every position on show, member by member, or a fact citing the UN sets
// the member's position. The fields come in the order of
// UnofficialFields; FieldDecision comes alone, as every value of such a
// decision rests on sources that are not official.
func Unofficial(d unsc.Decision) []string {
	var official []unsc.Report
	for _, r := range d.Reports {
		if r.Source.Official() {
			official = append(official, r)
		}
	}
	if len(official) == 0 {
		return []string{FieldDecision}
	}
	any := func(f func(r unsc.Report) bool) bool { return slices.ContainsFunc(official, f) }
	var out []string
	if !votesOfficial(d, official) {
		out = append(out, FieldVotes)
	}
	if len(d.Sponsors) > 0 && !any(func(r unsc.Report) bool { return sameSet(r.Sponsors, d.Sponsors) }) && !officialNote(d, FieldSponsors) {
		out = append(out, FieldSponsors)
	}
	if d.Draft != "" && !any(func(r unsc.Report) bool {
		return normSym(r.Draft) == normSym(d.Draft)
	}) && !officialNote(d, "draft") {
		out = append(out, FieldDraft)
	}
	if d.Title != "" && !any(func(r unsc.Report) bool { return r.Title == d.Title }) && !officialNote(d, "title") {
		out = append(out, FieldTitle)
	}
	if !d.Date.IsZero() && !any(func(r unsc.Report) bool { return r.Date.Equal(d.Date) }) && !officialNote(d, "date") {
		out = append(out, FieldDate)
	}
	if d.Meeting != "" && !any(func(r unsc.Report) bool { return r.Meeting == d.Meeting }) && !officialNote(d, "meeting") {
		out = append(out, FieldMeeting)
	}
	if d.Modality == unsc.ByVote && d.Tally.Known && !any(func(r unsc.Report) bool {
		return r.Tally.Known && sameCount3(r.Tally, d.Tally)
	}) && !officialFactNote(d, "votes") {
		out = append(out, FieldTally)
	}
	if d.Recorded != 0 && !any(func(r unsc.Report) bool {
		return r.Outcome == d.Recorded || (d.Recorded == unsc.Failed && r.Outcome == unsc.Vetoed)
	}) {
		out = append(out, FieldOutcome)
	}
	if !electedOfficial(d) {
		out = append(out, FieldElected)
	}
	return out
}

// electedOfficial reports whether what the record shows of whom an
// election to the Court elected (unsc.NoteElected: those elected at the
// meeting, that day, or no one) comes from an official source's report;
// true where it shows nothing of it. The note names the report it was
// read from, the most authoritative that says anything of it.
func electedOfficial(d unsc.Decision) bool {
	for _, n := range d.Notes {
		if n.Kind != unsc.NoteElected {
			continue
		}
		for _, r := range d.Reports {
			if cite(r) == n.Source {
				return r.Source.Official()
			}
		}
		return false
	}
	return true
}

// votesOfficial reports whether every position on show comes from an
// official source or a fact citing the UN.
func votesOfficial(d unsc.Decision, official []unsc.Report) bool {
	if d.Votes.Len() == 0 {
		return true
	}
	if slices.ContainsFunc(d.Notes, func(n unsc.Note) bool { return n.Kind == unsc.NoteDerived && n.Field == "votes" }) {
		// Derived from the count and the vetoes (positionsFromCount):
		// official when an official source gives each.
		count := slices.ContainsFunc(official, func(r unsc.Report) bool { return r.Tally.Known && sameCount3(r.Tally, d.Tally) })
		vetoes := len(d.VetoedBy) == 0 || slices.ContainsFunc(official, func(r unsc.Report) bool {
			return slices.Equal(slices.Sorted(slices.Values(r.VetoedBy)), slices.Sorted(slices.Values(d.VetoedBy)))
		})
		return count && vetoes
	}
	council, err := councilOn(d.Date)
	backed := map[unsc.Code]bool{}
	for _, r := range official {
		if !r.Votes.Known() || !anyVote(r.Votes) {
			continue
		}
		sets := []unsc.Votes{r.Votes}
		if err == nil && d.Tally.Known {
			sets = append(sets, fitCount(r.Votes, d.Tally, council).votes)
		}
		for _, v := range sets {
			for code, p := range d.Votes.All() {
				if q, ok := v.Get(code); ok && catOf(q) == catOf(p) {
					backed[code] = true
				}
			}
		}
	}
	for _, n := range d.Notes {
		if n.Field == "votes" && strings.HasPrefix(n.Text, "Fact:") && unCitation(n.Source) {
			for _, code := range n.Members {
				backed[code] = true
			}
		}
	}
	for code := range d.Votes.All() {
		if !backed[code] {
			return false
		}
	}
	return true
}

// officialNote reports whether the record's value of the field is set by
// a note citing an official source or the UN's own documents.
func officialNote(d unsc.Decision, field string) bool {
	for _, n := range d.Notes {
		if n.Field != field || n.Kind != unsc.NoteCorrected {
			continue
		}
		if strings.HasPrefix(n.Text, "Fact:") {
			if unCitation(n.Source) {
				return true
			}
			continue
		}
		src, _, _ := strings.Cut(n.Source, " ")
		if unsc.Source(src).Official() && !isSecondHand(unsc.Source(src)) {
			return true
		}
	}
	return false
}

func officialFactNote(d unsc.Decision, field string) bool {
	for _, n := range d.Notes {
		if n.Field == field && strings.HasPrefix(n.Text, "Fact:") && unCitation(n.Source) {
			return true
		}
	}
	return false
}

// isSecondHand reports whether s names a source unsc knows (Official is
// true of any name it does not know).
func isSecondHand(s unsc.Source) bool {
	switch s {
	case unsc.SourceUNDL, unsc.SourceDHLMeetings, unsc.SourceDHLVetoes, unsc.SourcePress, unsc.SourceDPPA:
		return false
	}
	return true
}

// citationToken finds, in order, the addresses and UN document symbols a
// citation names.
// Compiled on first use, not at the start of every command, and linked
// only into a program that reconciles.
var citationToken = lazy.Value[*regexp.Regexp]{Make: func() *regexp.Regexp {
	return regexp.MustCompile(`https?://[^\s;,)"]+|\b(?:UNIS/SC/\d+|SC/\d+|GA/\d+|S/PV\.\d+|S/RES/\d+|A/\d+/\d+|S/\d{4}/\d+|S/\d+)`)
}}

// unCitation reports whether a fact's citation rests first on the UN's own
// documents: its first address or symbol is the UN's, or it cites the
// Repertoire of the Practice of the Security Council.
func unCitation(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "Repertoire of the Practice") {
		return true
	}
	first := citationToken.Get().FindString(s)
	if first == "" {
		return false
	}
	if strings.HasPrefix(first, "http") {
		return unAddress(first)
	}
	return true
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b))
	return slices.Equal(x, y)
}

func sameCount3(a, b unsc.Tally) bool {
	return a.Yes == b.Yes && a.No == b.No && a.Abstain == b.Abstain
}

func normSym(s string) string {
	if n, _, err := unsc.NormalizeSymbol(s); err == nil {
		return n
	}
	return s
}
