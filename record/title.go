package record

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unsc/internal/lazy"

	"unsc"
)

// Title returns the title a decision shows: the title a source gives it
// (the UN Digital Library's for a resolution, "Security Council resolution
// 2728 (2024) [on ceasefire in the Gaza Strip during Ramadan]"), or, where
// the sources give only the agenda item — as they do for every vetoed or
// failed draft and amendment — one made from what was voted on and the
// agenda item: "Draft resolution on the situation in the Middle East",
// "Amendment to draft resolution S/2024/254 on the situation in the Middle
// East, including the Palestinian question", "Preliminary question on the
// Czechoslovak question".
func Title(d unsc.Decision) string {
	if d.Title != "" && d.Title != d.Agenda {
		return d.Title
	}
	// An election to the Court: the agenda item is the election
	// ("Election of five members of the International Court of Justice
	// (S/14501, …)"), or, from 1994, the library's heading "ICJ — Election".
	if d.Matter == unsc.ICJElection {
		if strings.HasPrefix(strings.ToLower(d.Agenda), "election") {
			return d.Agenda
		}
		return "Election of members of the International Court of Justice"
	}
	var what string
	switch {
	case d.Matter == unsc.Preliminary:
		what = "Preliminary question (whether the matter is procedural)"
	case d.Amendment && d.AmendmentTo != "":
		what = "Amendment to draft resolution " + d.AmendmentTo
	case d.Amendment:
		what = "Amendment to a draft resolution"
	case d.Resolution != "":
		what = "Resolution " + strings.TrimPrefix(d.Resolution, "S/RES/")
	case d.Matter == unsc.ICJElection:
		what = "Election of members of the International Court of Justice"
	case d.Matter == unsc.Procedural:
		what = "Procedural vote"
	default:
		what = "Draft resolution"
	}
	if d.Agenda == "" {
		return what
	}
	return what + " on " + agendaPhrase(d.Agenda)
}

// agendaPhrase returns an agenda item as it reads after "on": its first
// word lower-cased where it is an article or a common noun ("the situation
// in Mali", "letter dated 28 February 2014 …"), as it is where it is a
// name ("Middle East situation").
func agendaPhrase(agenda string) string {
	first, _, _ := strings.Cut(agenda, " ")
	// The words are ASCII: lowering the first byte keeps the length.
	if commonFirstWord(strings.TrimRight(first, ",:;")) {
		return strings.ToLower(agenda[:1]) + agenda[1:]
	}
	return agenda
}

// commonFirstWord reports whether w is a word that begins the Council's
// agenda items and is not a name (a switch: no table made at start).
func commonFirstWord(w string) bool {
	switch w {
	case "The", "A", "An", "Letter", "Letters", "Identical", "Complaint", "Complaints", "Question",
		"Report", "Reports", "Situation", "Application", "Applications", "Admission", "Reconsideration",
		"Consideration", "Items", "Threats", "Threat", "Maintenance", "Briefing", "Briefings",
		"Protection", "Children", "Women", "Non-proliferation", "Cablegram", "Telegram", "Communication",
		"Communications", "Draft", "Sanctions", "Humanitarian", "Recommendation", "Election", "Request",
		"Note", "Statement", "Appointment", "Procedure":
		return true
	}
	return false
}

// titleHead reads the head of a resolution's title as the UN Digital
// Library writes it, "Security Council resolution 2728 (2024) [on …]",
// with the misprints it has at times: another number or year ("resolution
// 1227 (1997)" on resolution 1127 (1997)), a missing or odd bracket
// ("1401(2002)", "1285 [2000)", "2633 [on"), or "Resolution" alone.
// It is compiled on first use, not at the start of every command, and
// linked (with regexp and unicode's tables) only into a program that
// reconciles.
var titleHead = lazy.Value[*regexp.Regexp]{Make: func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:Security Council resolution|Resolution)\s*(\d+)\s*(?:[\(\[]\s*(\d{4})\s*\))?\s*(\[.*)$`)
}}

// ownResolutionTitle heads a resolution's title with its own symbol where
// the source's title names it by another number or year, or misprints the
// head: the title's subject (in brackets) is the resolution's, its head a
// misprint (the Digital Library's "Security Council resolution 1156
// (1998) [on authorization of the deployment of UN military liaison and
// security advisory personnel …]" is resolution 1162 (1998), adopted on 17
// April 1998; resolution 1156 (1998) lifted the petroleum embargo on
// Sierra Leone). The source's head is kept in a note.
func ownResolutionTitle(d *unsc.Decision) {
	n, ok := unsc.ResolutionNumber(d.Resolution)
	if !ok {
		return
	}
	own := strings.TrimPrefix(d.Resolution, "S/RES/")
	// Most titles are headed as the record heads them: the expression
	// would read that head back as the title's own (its number, its year
	// in brackets, then the subject from "["), and leave it. Read here
	// without it: the expression was ~10 ms of an import's reconciling.
	if strings.HasSuffix(own, ")") && strings.HasPrefix(d.Title, "Security Council resolution "+own+" [") {
		return
	}
	m := titleHead.Get().FindStringSubmatch(d.Title)
	if m == nil {
		return
	}
	want := "Security Council resolution " + own + " " + m[3]
	if want == d.Title {
		return
	}
	head := strings.TrimSpace(strings.TrimSuffix(d.Title, m[3]))
	what := "misprints the head of its title"
	if num, _ := strconv.Atoi(m[1]); num != n || (m[2] != "" && m[2] != strconv.Itoa(d.Date.Year())) {
		what = "names another resolution in its title"
	}
	src, name := "", "The source"
	for _, r := range d.Reports {
		if r.Title == d.Title {
			src, name = cite(r), upper(sourceName(r))
			break
		}
	}
	addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "title", Source: src,
		Text: fmt.Sprintf("%s %s: %q, on resolution %s; the subject is this resolution's, and the record heads the title with its own symbol.", name, what, head, own)})
	d.Title = want
}
