package unsc

import (
	"fmt"
	"slices"
	"strings"
)

// NoteKind says what a Note on a decision is.
type NoteKind uint8

// The kinds of note.
const (
	// NoteCorrected: a source gives a value the record does not show,
	// because a more authoritative source, a rule or a sourced fact fixes
	// it; the record shows the corrected value.
	NoteCorrected NoteKind = iota + 1
	// NoteDoubt: the sources cannot settle a fact (which members did not
	// take part, when the count leaves some out); Members names the
	// members whose positions are in doubt.
	NoteDoubt
	// NoteContradiction: an official source contradicts itself or the
	// Charter (a printed count that cannot give the printed outcome); the
	// record keeps the official outcome and says so.
	NoteContradiction
	// NoteDerived: no source lists a value the record shows, and the
	// record derives it from what the sources do give (each member's
	// position from an official count that accounts for every seat, the
	// members against named by the veto list); the note says how.
	NoteDerived
	// NoteElected: the decision is an election of members of the
	// International Court of Justice, and a source names who was elected;
	// Text lists them as ElectedText writes them, each with the nationality
	// the source gives ("Robert Y. Jennings (UK)"). The ballot is secret:
	// no member's vote is ever known. Read it back with Decision.Elected.
	// Where a source says the meeting elected no one, Text is "none"
	// (Decision.ElectedNone). Where, for one of several meetings of an
	// election on one day, a source names the judges elected that day but
	// not the meeting that elected each, Field is ElectedOnDayField and
	// Text is ElectedOnDayText's ("S/PV.6651–S/PV.6655: Giorgio Gaja
	// (Italy), …"), read back with Decision.ElectedOnDay and never taken
	// for the meeting's own: the record does not guess the meeting.
	NoteElected
)

// LastNoteKind is the highest kind of note: a store refuses a kind above
// it.
const LastNoteKind = NoteElected

// ElectedOnDayField is the Field of a NoteElected that names those
// elected on the day at one of its meetings (Decision.ElectedOnDay).
const ElectedOnDayField = "elected_on_day"

var noteKindNames = [...]string{NoteCorrected: "corrected", NoteDoubt: "doubt", NoteContradiction: "contradiction", NoteDerived: "derived", NoteElected: "elected"}

// String returns the kind's name.
func (k NoteKind) String() string {
	if k >= NoteCorrected && int(k) < len(noteKindNames) {
		return noteKindNames[k]
	}
	return fmt.Sprintf("NoteKind(%d)", k)
}

// ParseNoteKind reads a note kind from its name.
func ParseNoteKind(s string) (NoteKind, error) {
	for k := NoteCorrected; int(k) < len(noteKindNames); k++ {
		if noteKindNames[k] == s {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown note kind %q: want corrected, doubt, contradiction, derived or elected", s)
}

// Note is a remark on a decision in plain words, for readers of the
// record: where the record shows a value other than a source's, where the
// sources leave positions in doubt, where an official source contradicts
// itself. Each note names the field it is about and where its fact comes
// from.
type Note struct {
	Kind NoteKind
	// Field is the decision's field the note is about: "date", "meeting",
	// "resolution", "draft", "tally", "votes", "outcome", "modality",
	// "kind" (amendment or draft) or "record" (the decision as a whole).
	Field string
	// Text says it in plain words.
	Text string
	// Source is where the fact comes from: a public document symbol or
	// address, or the name of the unsc source whose value the record
	// keeps by rule ("dhl-meetings").
	Source string
	// Members lists the members the note is about, in the Council's order
	// where it has one: for NoteDoubt, those whose positions are in doubt.
	Members []Code
}

// InDoubt returns the members whose positions on the decision are in
// doubt: the sources give them, but cannot be reconciled with the
// official count. Their positions are shown as the best source gives
// them, and the decision is replayed from its count.
func (d *Decision) InDoubt() []Code {
	var out []Code
	for _, n := range d.Notes {
		if n.Kind != NoteDoubt {
			continue
		}
		for _, c := range n.Members {
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// AbsentNote is the note a report carries where its source says that n of
// the members that cast no vote were absent (the meeting table's "14-0-0
// (1 absent)"), as against not taking part: the count's non-voting
// members alone do not say which.
func AbsentNote(n int) string { return fmt.Sprintf("%d absent", n) }

// AbsentInNote reads AbsentNote back from a report's note: how many
// members the source says were absent, and whether it says so.
//
// A part without the word is not scanned (fmt.Sscanf, up to ~1% of an import's
// CPU when every report's note was): it cannot be one.
func AbsentInNote(note string) (int, bool) {
	if !strings.Contains(note, "absent") {
		return 0, false
	}
	for part := range strings.SplitSeq(note, ";") {
		if !strings.Contains(part, "absent") {
			continue
		}
		var n int
		var rest string
		if k, _ := fmt.Sscanf(strings.TrimSpace(part), "%d %s", &n, &rest); k == 2 && rest == "absent" && n > 0 {
			return n, true
		}
	}
	return 0, false
}

// ElectedText writes the names of the judges elected at a meeting as a
// note's text: "Guy Ladreit de Lacharrière (France), Robert Y. Jennings
// (UK)". ElectedList reads it back.
func ElectedText(names []string) string { return strings.Join(names, ", ") }

// ElectedList reads the names ElectedText wrote. Names are split at a comma
// that follows a closing parenthesis (a nationality), so that a name
// without one stands alone.
func ElectedList(text string) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	var out []string
	for {
		i := strings.Index(text, "), ")
		if i < 0 {
			return append(out, text)
		}
		out = append(out, text[:i+1])
		text = strings.TrimSpace(text[i+3:])
	}
}

// electedPrefix starts the part of a report's note that names the judges
// elected (ElectedNote).
const electedPrefix = "elected: "

// ElectedNote is the part of a report's note that names the judges a
// source says were elected at a meeting: "elected: Guy Ladreit de
// Lacharrière (France), Robert Y. Jennings (UK)".
func ElectedNote(names []string) string { return electedPrefix + ElectedText(names) }

// NoneElectedNote is the part of a report's note that says the meeting
// balloted and elected no one: the first of two meetings of one election,
// whose ballots filled no seat (S/PV.10039, 12 November 2025).
const NoneElectedNote = electedPrefix + noneElected

// NoOneElected stands where ElectedNote names the judges elected, for a
// meeting that elected no one, and is the text of such a meeting's
// NoteElected.
const NoOneElected = "none"

const noneElected = NoOneElected

// ElectedInNote reads ElectedNote back from a report's note: the judges
// elected, and whether the note names any. A note that says the meeting
// elected no one (NoneElectedNote) names none.
func ElectedInNote(note string) ([]string, bool) {
	for _, part := range strings.Split(note, "; ") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(part), electedPrefix); ok && strings.TrimSpace(rest) != noneElected {
			if names := ElectedList(rest); len(names) > 0 {
				return names, true
			}
		}
	}
	return nil, false
}

// NoneElectedInNote says whether a report's note says the meeting elected
// no one (NoneElectedNote).
func NoneElectedInNote(note string) bool {
	for _, part := range strings.Split(note, "; ") {
		if strings.TrimSpace(part) == NoneElectedNote {
			return true
		}
	}
	return false
}

// Elected returns the judges of the International Court of Justice the
// decision elected, as the sources name them (NoteElected); nil where the
// decision is no such election, no source names them, or a source says it
// elected no one (ElectedNone).
func (d *Decision) Elected() []string {
	for _, n := range d.Notes {
		if n.Kind == NoteElected && n.Field != ElectedOnDayField && n.Text != noneElected {
			return ElectedList(n.Text)
		}
	}
	return nil
}

// ElectedNone says whether a source says the decision, an election to the
// Court, elected no one (a NoteElected whose text is "none").
func (d *Decision) ElectedNone() bool {
	for _, n := range d.Notes {
		if n.Kind == NoteElected && n.Field != ElectedOnDayField && n.Text == noneElected {
			return true
		}
	}
	return false
}

// ElectedOnDay returns, for a meeting of an election to the Court held on
// a day of several meetings, the first and last of the day's meetings and
// the judges a source says were elected that day at one of them
// (a NoteElected of Field ElectedOnDayField); ok is false where no source
// says so.
func (d *Decision) ElectedOnDay() (first, last string, names []string, ok bool) {
	for _, n := range d.Notes {
		if n.Kind == NoteElected && n.Field == ElectedOnDayField {
			if first, last, names, ok = parseElectedOnDay(n.Text); ok {
				return first, last, names, true
			}
		}
	}
	return "", "", nil, false
}

// electedOnDayPrefix starts the part of a report's note that names the
// judges elected on a day of several meetings, at one of them the source
// does not name (ElectedOnDayNote).
const electedOnDayPrefix = "elected at one of "

// ElectedOnDayText writes the judges elected on a day at one of the
// meetings first to last: "S/PV.6651–S/PV.6655: Giorgio Gaja (Italy),
// Hisashi Owada (Japan)".
func ElectedOnDayText(first, last string, names []string) string {
	return first + "–" + last + ": " + ElectedText(names)
}

// ElectedOnDayNote is the part of a report's note that says which judges
// were elected on the day, at one of the meetings first to last, the
// sources not saying which: "elected at one of S/PV.6651–S/PV.6655:
// Giorgio Gaja (Italy), …".
func ElectedOnDayNote(first, last string, names []string) string {
	return electedOnDayPrefix + ElectedOnDayText(first, last, names)
}

// ElectedOnDayInNote reads ElectedOnDayNote back from a report's note.
func ElectedOnDayInNote(note string) (first, last string, names []string, ok bool) {
	for _, part := range strings.Split(note, "; ") {
		if rest, found := strings.CutPrefix(strings.TrimSpace(part), electedOnDayPrefix); found {
			return parseElectedOnDay(rest)
		}
	}
	return "", "", nil, false
}

// parseElectedOnDay reads ElectedOnDayText: two meetings joined by an en
// dash, the first before the last, then ": " and the judges.
func parseElectedOnDay(text string) (first, last string, names []string, ok bool) {
	span, list, found := strings.Cut(text, ": ")
	if !found {
		return "", "", nil, false
	}
	first, last, found = strings.Cut(span, "–")
	a, okA := MeetingNumber(first)
	b, okB := MeetingNumber(last)
	names = ElectedList(list)
	if !found || !okA || !okB || a >= b || len(names) == 0 || list == noneElected {
		return "", "", nil, false
	}
	return first, last, names, true
}

// MeetingNumber reads a meeting's number from its symbol ("S/PV.6651":
// 6651).
func MeetingNumber(meeting string) (int, bool) {
	rest, ok := strings.CutPrefix(meeting, "S/PV.")
	if !ok || rest == "" {
		return 0, false
	}
	n := 0
	for _, c := range rest {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n > 0
}
