package dhl

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"unsc"
)

// The yearly tables list each meeting that held an election of members of
// the International Court of Justice: the topic names the election ("Election
// of five members of the International Court of Justice", from 1994 "ICJ —
// Election"), and the outcome cell names who was elected ("Election of
// Mr. Guy Ladreit de Lacharrière (France), …") or is empty ("--") where the
// meeting elected no one or the table does not say. The ballot is secret:
// no table gives a count or a member's vote. The meetings that fixed the
// date of an election ("Date of an election to fill a vacancy in the
// International Court of Justice") adopted resolutions, and are read as
// resolutions.

var (
	icjTopicRE   = lazyRegexp(`(?i)^(?:the\s+)?elections?\s+of\b.*\b(?:international\s+court\s+of\s+justice|ICJ)\b|^ICJ\s*\W{0,3}\s*elections?\b`)
	icjElectedRE = lazyRegexp(`(?i)\belection\s+of\s+(.*)$`)
	icjNameRE    = lazyRegexp(`(?i)^(?:(?:Mr|Mrs|Ms|Dr|Judge)\.?\s+)?(.+)$`)
	icjCountRE   = lazyRegexp(`(?i)^(?:the\s+)?(?:\w+\s+)?members?$`)
)

// icjElection returns the report of an election of members of the Court
// held at the meeting, if the row is one: a topic naming the election and an
// outcome cell that adopted no resolution. ok is false for any other row.
func (p *meetings) icjElection(line int, topics []string, oc *cell) (unsc.Report, bool) {
	var topic string
	resumed := false
	for _, t := range topics {
		if icjTopic(t) {
			topic = unbreakParens(t)
			// The second day of S/PV.8773 (2020) is listed as its own
			// row: one item, resumed.
			if cut, ok := strings.CutSuffix(topic, " [resumed meeting]"); ok {
				topic, resumed = cut, true
			}
			break
		}
	}
	if topic == "" {
		return unsc.Report{}, false
	}
	var outcome string
	if oc != nil {
		outcome = strings.Join(strings.Fields(oc.flat()), " ")
	}
	if lower, _ := fold(outcome); strings.Contains(lower, "res/") || strings.Contains(lower, "adopted") || strings.Contains(lower, "prst") {
		return unsc.Report{}, false
	}
	if outcome == "--" {
		outcome = ""
	}
	// The documents: in the topic, or before the names in the outcome
	// cell ("(S/14501, S/14502/Rev.1 and S/14503) Election of …").
	agenda := topic
	elected := outcome
	if m := icjElectedRE.FindStringSubmatchIndex(outcome); m != nil {
		if docs := strings.TrimSpace(outcome[:m[0]]); docs != "" {
			agenda += " " + docs
		}
		elected = outcome[m[2]:m[3]]
	} else if outcome != "" {
		if symbolRE.MatchString(outcome) {
			agenda += " " + outcome
			elected = ""
		} else {
			return unsc.Report{}, false
		}
	}
	names := electedNames(elected)
	where := p.meeting
	if where == "" {
		where = p.date.Format("2006-01-02")
	}
	rep := unsc.Report{
		Source:      unsc.SourceDHLMeetings,
		Key:         p.keys.key("dhl:" + where + ":icj-election"),
		Ref:         p.name + ":" + strconv.Itoa(line),
		Date:        p.date,
		Meeting:     p.meeting,
		Title:       agenda,
		Agenda:      agenda,
		Matter:      unsc.ICJElection,
		MatterKnown: true,
		Modality:    unsc.ByVote,
	}
	if len(names) > 0 {
		addNote(&rep.Note, unsc.ElectedNote(names))
	} else if elected != "" {
		// "Election of members", "Election of five members": the table
		// does not name them.
		addNote(&rep.Note, "the table says \"election of "+elected+"\" without naming them")
	}
	if resumed {
		addNote(&rep.Note, "resumed meeting")
	}
	if p.yearNote != "" {
		addNote(&rep.Note, p.yearNote)
	}
	return rep, true
}

// electedNames splits "Mr. Zoricic (Yugoslavia), Mr. John Erskine Read
// (Canada) and Badawai Pasha (Egypt)" into the names with their
// nationality, without the courtesy titles: "Zoricic (Yugoslavia)", …. A
// phrase that names no one ("five members") gives none.
func electedNames(s string) []string {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if s == "" || icjCountRE.MatchString(s) {
		return nil
	}
	var out []string
	for _, part := range splitNames(s) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if m := icjNameRE.FindStringSubmatch(part); m != nil {
			part = strings.TrimSpace(m[1])
		}
		out = append(out, part)
	}
	return out
}

// splitNames splits a list of names at the commas and the "and" that
// follow a closing parenthesis (a nationality), or, where there is but one
// name, returns it.
func splitNames(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
			if depth != 0 {
				continue
			}
			j := skipSpace(s, i+1)
			rest := strings.ToLower(s[j:])
			switch {
			case strings.HasPrefix(rest, ","):
				k := skipSpace(s, j+1)
				if strings.HasPrefix(strings.ToLower(s[k:]), "and ") {
					k = skipSpace(s, k+4)
				}
				out = append(out, s[start:i+1])
				start, i = k, k-1
			case strings.HasPrefix(rest, "and "):
				out = append(out, s[start:i+1])
				k := skipSpace(s, j+4)
				start, i = k, k-1
			}
		}
	}
	return append(out, s[start:])
}

// unbreakParens undoes, inside parentheses, the "; " joinLines puts where
// a line of a topic starts with a capital: the documents of an election
// run over several lines ("(S/3662 &<br>Add.1, …"), all in one topic.
func unbreakParens(s string) string {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			depth++
			b.WriteByte(c)
			if strings.HasPrefix(s[i+1:], "; ") {
				i += 2
			}
		case c == ')':
			depth = max(depth-1, 0)
			b.WriteByte(c)
		case c == ';' && depth > 0 && strings.HasPrefix(s[i+1:], " "):
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// undateMisplacedElections takes the date from an election whose date the
// page's own meetings contradict: a meeting numbered before it held later,
// or one numbered after it earlier, by more than a day (the 1993 page
// dates S/PV.3311 "30 October", between S/PV.3310 of 10 November and
// S/PV.3312 of 11 November). No source here gives the right day, so the
// report keeps none and says why; the record leaves it out (a decision
// needs a date) until a source gives one.
func undateMisplacedElections(reps []unsc.Report) {
	const slack = 24 * time.Hour
	for i := range reps {
		r := &reps[i]
		if r.Matter != unsc.ICJElection || r.Meeting == "" || r.Date.IsZero() {
			continue
		}
		n := meetingNum(r.Meeting)
		for _, o := range reps {
			m := meetingNum(o.Meeting)
			if m == 0 || o.Date.IsZero() {
				continue
			}
			if m < n && o.Date.Sub(r.Date) > slack || m > n && r.Date.Sub(o.Date) > slack {
				addNote(&r.Note, fmt.Sprintf("the page dates %s %s, out of order with %s of %s: no date is given", r.Meeting, r.Date.Format("2 January"), o.Meeting, o.Date.Format("2 January")))
				r.Date = time.Time{}
				break
			}
		}
	}
}

func meetingNum(sym string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(sym, "S/PV."))
	return n
}

// icjTopic reports whether topic t names an election to the International
// Court of Justice (icjTopicRE). Every such topic starts with "the",
// "election" or "ICJ" in any case and holds the word "election", and the
// expression is only tried on those: tried on every topic of every page it
// cost ~10 ms of the CPU of an import at today's size (PERFORMANCE.md,
// "Import at today's size, third pass"), and on every topic that starts
// with "the" ~7 ms ("fourth pass").
func icjTopic(t string) bool {
	if t == "" {
		return false
	}
	switch t[0] | 0x20 { // ASCII lower case
	case 't', 'e', 'i':
		return hasElection(t) && icjTopicRE.MatchString(t)
	}
	return false
}

// hasElection reports whether t holds "election" in any case, as every
// match of icjTopicRE does (no letter of the word folds, in Unicode, to
// anything but its ASCII other case).
func hasElection(t string) bool {
	const word = "election"
	for i := 0; i+len(word) <= len(t); i++ {
		if t[i]|0x20 == 'e' && strings.EqualFold(t[i:i+len(word)], word) {
			return true
		}
	}
	return false
}
