package dhl

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"unsc"
)

// An outcome cell lists what the Council did at a meeting: resolutions
// adopted, drafts not adopted or vetoed, presidential statements,
// communiqués, notes and letters, elections. Each entry starts with a head
// (a resolution symbol, "Draft resolution S/…", a bare draft symbol followed
// by "not adopted" or "vetoed", or the head of an entry that is not voted
// on) and runs to the next head. Line breaks inside an entry fall anywhere
// ("vetoed by<br>UK"), so entries are found by their heads, not by lines.

var (
	resRE       = lazyRegexp(`(?i)S/\s*RES/\s*(\d+)\s*(?:\(\s*(\d{4})\s*\))?`)
	draftHeadRE = lazyRegexp(`(?i)(?:power\s+four\s+)?draft\s*resolution(?:s\s)?\s*\(?\s*(` + symbolPattern + `)?`)
	amendHeadRE = lazyRegexp(`(?i)(?:oral\s+)?amendments?\s*(?:\(?\s*(` + symbolPattern + `)\s*\)?\s*)?(?:to|of)\s+(?:the\s+)?(?:draft\s+resolution\s*)?\(?\s*(` + symbolPattern + `)`)
	bareDraftRE = lazyRegexp(`(?i)(` + symbolPattern + `)\s*\)?\s*(?:was\s+)?(?:not\s+adopted|vetoed)`)
	otherHeadRE = lazyRegexp(`(?i)S/PRST/\d{4}/\d+|S/(?:PV\.\s*)?\d+\s*\(\s*PRST\s*\)|\bPRST\b|communiqu[eé]|\bnote\s*\(|\bletter\s*\(|\belection\s+of|\bdecision\b|\breferral\s+to`)

	tallyRE      = lazyRegexp(`(\d{1,3})\s*-\s*(\d{1,3})\s*-\s*(\d{1,3})(?:\s*-\s*(\d{1,3}))?`)
	absentRE     = lazyRegexp(`(?i)\(\s*(\d{1,2})\s+absent\s*\)`)
	notPartRE    = lazyRegexp(`(?i)did\s+not\s+participate`)
	vetoedRE     = lazyRegexp(`(?i)\bvetoed\b(?:\s+by\b([^0-9()+]*))?`)
	notAdoptRE   = lazyRegexp(`(?i)\b(?:was\s+)?not\s+adopted\b`)
	unanimousRE  = lazyRegexp(`(?i)\b(?:adopted\s+)?unanimously\b`)
	withoutRE    = lazyRegexp(`(?i)\b(?:adopted\s+)?without\s+(?:a\s+)?vote\b`)
	consensusRE  = lazyRegexp(`(?i)\b(?:adopted\s+)?by\s+consensus\b`)
	acclaimRE    = lazyRegexp(`(?i)\b(?:adopted\s+)?by\s+acclamation\b`)
	prelimRE     = lazyRegexp(`(?i)preliminary\s+question`)
	emptyParenRE = lazyRegexp(`\(\s*\)`)
	conjunctions = map[string]bool{"and": true, "&": true, "+": true, ",": true}
)

type headKind uint8

const (
	resHead headKind = iota + 1
	draftHead
	amendHead
	bareHead
	otherHead
)

type head struct {
	kind       headKind
	start, end int
	sub        []string // submatches
}

// action is one voted entry of an outcome cell.
type action struct {
	line        int
	resolution  string
	draft       string
	draftText   string // the symbol as written, when it is not a draft's
	amendment   bool
	amendmentTo string
	outcome     unsc.Outcome
	modality    unsc.Modality
	matter      unsc.Matter
	matterKnown bool
	tally       unsc.Tally
	vetoedBy    []unsc.Code
	note        string
	hasVote     bool // the entry gives a tally or says how it was adopted
	loose       bool // nothing but a conjunction follows the head
	para        int  // paragraph of the cell the entry starts in
}

// cellError is a problem in a cell, placed by the caller.
type cellError struct {
	line int
	msg  string
}

// actions reads the voted entries of an outcome cell. year is the year of
// the meeting, date its date (zero for an unknown date).
func actions(c *cell, year int, date time.Time) ([]action, *cellError) {
	text := c.String()
	var heads []head
	add := func(kind headKind, re *lazyRE) {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			h := head{kind: kind, start: m[0], end: m[1]}
			if kind == bareHead {
				// The outcome words after the symbol belong to the entry.
				h.end = m[3]
			}
			for i := 2; i < len(m); i += 2 {
				if m[i] >= 0 {
					h.sub = append(h.sub, text[m[i]:m[i+1]])
				} else {
					h.sub = append(h.sub, "")
				}
			}
			heads = append(heads, h)
		}
	}
	// Cheap tests first: most cells hold a single statement or resolution.
	lower, exotic := fold(text)
	if !strings.Contains(lower, "res") && !strings.Contains(lower, "adopted") && !strings.Contains(lower, "vetoed") {
		return nil, nil
	}
	if strings.Contains(lower, "res") {
		if exotic {
			add(resHead, resRE)
		} else {
			for _, m := range resolutions(lower) {
				heads = append(heads, head{kind: resHead, start: m[0], end: m[1], sub: []string{text[m[2]:m[3]], sub(text, m[4], m[5])}})
			}
		}
	}
	if strings.Contains(lower, "amendment") {
		add(amendHead, amendHeadRE)
	}
	if strings.Contains(lower, "draft") {
		add(draftHead, draftHeadRE)
	}
	if strings.Contains(lower, "adopted") || strings.Contains(lower, "vetoed") {
		add(bareHead, bareDraftRE)
	}
	if exotic {
		add(otherHead, otherHeadRE)
	} else {
		for _, m := range otherHeads(lower) {
			heads = append(heads, head{kind: otherHead, start: m[0], end: m[1]})
		}
	}
	sort.SliceStable(heads, func(i, j int) bool {
		if heads[i].start != heads[j].start {
			return heads[i].start < heads[j].start
		}
		return heads[i].end > heads[j].end
	})
	// Keep heads that do not overlap an earlier one. A bare symbol that
	// follows a draft head still waiting for its outcome belongs to that
	// entry: "Draft resolution S/1076 and S/1077 not adopted" is one vote.
	kept := heads[:0]
	for _, h := range heads {
		if n := len(kept); n > 0 {
			prev := kept[n-1]
			if h.start < prev.end {
				continue
			}
			if h.kind == bareHead && (prev.kind == draftHead || prev.kind == amendHead) && !decided(text[prev.end:h.start], lower[prev.end:h.start], exotic) {
				continue
			}
		}
		kept = append(kept, h)
	}
	heads = kept

	paraStarts := paragraphs(text)
	var out []action
	for i, h := range heads {
		if h.kind == otherHead {
			continue
		}
		end := len(text)
		if i+1 < len(heads) {
			end = heads[i+1].start
		}
		a := action{line: c.lineAt(h.start), para: sort.SearchInts(paraStarts, h.start+1) - 1}
		switch h.kind {
		case resHead:
			n, _ := strconv.Atoi(h.sub[0])
			sym := "S/RES/" + strconv.Itoa(n) + " (" + strconv.Itoa(year) + ")"
			norm, _, err := unsc.NormalizeSymbol(sym)
			if err != nil || n == 0 {
				return nil, &cellError{a.line, "want a resolution symbol S/RES/NNNN (YYYY), got " + strconvQuote(text[h.start:h.end])}
			}
			a.resolution = norm
			if h.sub[1] != "" && h.sub[1] != strconv.Itoa(year) {
				addNote(&a.note, "page prints "+strings.Join(strings.Fields(text[h.start:h.end]), " ")+"; resolutions carry the year of adoption")
			}
			a.outcome = unsc.Adopted
		case draftHead, bareHead:
			a.setDraft(h.sub[0])
		case amendHead:
			a.amendment = true
			a.setDraft(h.sub[0])
			if to, ok := normDraft(h.sub[1]); ok {
				a.amendmentTo = to
			}
		}
		if err := a.read(text[h.end:end], lower[h.end:end], exotic, date); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	// "S/RES/2082 (2012) and S/RES/2083 (2012) 15-0-0": one count for both.
	for i := len(out) - 2; i >= 0; i-- {
		a, next := &out[i], out[i+1]
		if a.resolution != "" && next.resolution != "" && !a.hasVote && a.loose && next.hasVote {
			a.tally, a.modality, a.hasVote = next.tally, next.modality, true
			addNote(&a.note, "vote given jointly with "+next.resolution)
		}
	}
	return out, nil
}

func strconvQuote(s string) string { return strconv.Quote(strings.Join(strings.Fields(s), " ")) }

// sub returns text[i:j], or "" for a group that did not match (i < 0).
func sub(text string, i, j int) string {
	if i < 0 {
		return ""
	}
	return text[i:j]
}

// decided reports whether text says how a vote went. lower is text folded
// by fold.
func decided(text, lower string, exotic bool) bool {
	return tally(text) != nil ||
		(exotic || strings.Contains(lower, "vetoed")) && vetoedRE.MatchString(text) ||
		(exotic || strings.Contains(lower, "adopted")) && notAdoptRE.MatchString(text)
}

func (a *action) setDraft(sym string) {
	if sym == "" {
		return
	}
	if d, ok := normDraft(sym); ok {
		a.draft = d
		return
	}
	// Early drafts had no symbol of their own: the page links the meeting
	// record that contains them.
	if m, ok := normMeeting(sym); ok {
		a.draftText = m
	}
}

// read reads the rest of an entry after its head: the count, the outcome,
// who vetoed, and notes.
//
// lower is rest folded by fold. An expression runs only where lower holds
// its words, unless rest is exotic.
func (a *action) read(rest, lower string, exotic bool, date time.Time) *cellError {
	var used [][]int
	find := func(word string, re *lazyRE) []int {
		if !exotic && !strings.Contains(lower, word) {
			return nil
		}
		m := re.FindStringSubmatchIndex(rest)
		if m != nil {
			used = append(used, m[:2])
		}
		return m
	}
	if m := tally(rest); m != nil {
		used = append(used, m[:2])
		n := func(i int) int {
			if m[2*i] < 0 {
				return 0
			}
			v, _ := strconv.Atoi(rest[m[2*i]:m[2*i+1]])
			return v
		}
		a.tally = unsc.Tally{Yes: n(1), No: n(2), Abstain: n(3), NonVoting: n(4), Known: true}
		if sum := a.tally.Yes + a.tally.No + a.tally.Abstain + a.tally.NonVoting; sum > 15 {
			return &cellError{a.line, "want a vote count yes-no-abstain of at most 15 members, got " + strconvQuote(rest[m[0]:m[1]])}
		}
		a.hasVote = true
	}
	if m := find("absent", absentRE); m != nil && a.tally.Known {
		n, _ := strconv.Atoi(rest[m[2]:m[3]])
		a.tally.NonVoting += n
		// The table says who cast no vote was absent, not that they
		// did not take part: the note keeps it (unsc.AbsentNote).
		addNote(&a.note, unsc.AbsentNote(n))
	}
	if a.tally.Known && (exotic || strings.Contains(lower, "participate")) && notPartRE.MatchString(rest) {
		a.tally.NonVoting++
	}
	if find("unanimously", unanimousRE) != nil {
		a.hasVote = true
		addNote(&a.note, "adopted unanimously")
	}
	if find("without", withoutRE) != nil {
		a.hasVote, a.modality = true, unsc.WithoutVote
	}
	if find("consensus", consensusRE) != nil {
		a.hasVote, a.modality = true, unsc.WithoutVote
		addNote(&a.note, "adopted by consensus")
	}
	if find("acclamation", acclaimRE) != nil {
		a.hasVote, a.modality = true, unsc.ByAcclamation
	}
	if find("preliminary", prelimRE) != nil {
		a.matter, a.matterKnown = unsc.Preliminary, true
		addNote(&a.note, "preliminary question")
	}
	if a.resolution == "" {
		veto := find("vetoed", vetoedRE)
		switch {
		case veto != nil:
			by := sub(rest, veto[2], veto[3])
			a.outcome = unsc.Vetoed
			if by != "" {
				codes, bad := members(by)
				if bad != "" {
					return &cellError{a.line, "want the permanent members that vetoed (USSR, USA, UK, France, China, Russian Federation), got " + strconv.Quote(bad)}
				}
				a.vetoedBy = codes
			}
			if len(a.vetoedBy) == 0 {
				addNote(&a.note, "the page does not say who vetoed")
			}
			if a.tally.Known && a.tally.No < len(a.vetoedBy) {
				addNote(&a.note, "the count shows fewer negative votes than members vetoing")
			}
			if a.tally.Known && a.tally.Yes < required(date) {
				addNote(&a.note, "the count lacks the required majority")
			}
		case find("adopted", notAdoptRE) != nil:
			a.outcome = unsc.Failed
			if a.tally.Known && a.tally.Yes >= required(date) && a.tally.No > 0 {
				addNote(&a.note, "the count has the required majority and negative votes, yet the page says only \"not adopted\"")
			}
		default:
			a.outcome = unsc.Failed
			addNote(&a.note, "the page gives no outcome for the draft")
		}
	}
	// What is left is the entry's own note: "(Transjordan)", "and S/1077",
	// "(France did not participate in the voting.)".
	sort.Slice(used, func(i, j int) bool { return used[i][0] < used[j][0] })
	var left strings.Builder
	last := 0
	for _, u := range used {
		if u[0] < last {
			continue
		}
		left.WriteString(rest[last:u[0]])
		left.WriteByte(' ')
		last = u[1]
	}
	left.WriteString(rest[last:])
	words := strings.Fields(left.String())
	for len(words) > 0 && (conjunctions[words[0]] || words[0] == ")") {
		words = words[1:]
	}
	for len(words) > 0 && (conjunctions[words[len(words)-1]] || words[len(words)-1] == "(") {
		words = words[:len(words)-1]
	}
	rem := strings.TrimLeft(strings.Join(words, " "), ")")
	if strings.Contains(rem, "(") {
		rem = emptyParenRE.ReplaceAllString(rem, "")
	}
	rem = strings.TrimSpace(rem)
	if rem == "--" {
		rem = ""
	}
	a.loose = rem == ""
	if a.draftText != "" {
		addNote(&a.note, unsc.NoDraftSymbol+"; the page cites "+a.draftText)
	}
	addNote(&a.note, rem)
	return nil
}

// required is the number of affirmative votes a decision needed on date:
// 7 of 11 members until 1965, 9 of 15 since 1966 (Art. 27, as amended in
// 1965).
func required(date time.Time) int {
	if !date.IsZero() && date.Year() < 1966 {
		return 7
	}
	return 9
}
