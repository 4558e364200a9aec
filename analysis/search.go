package analysis

import (
	"sort"
	"strings"
	"time"

	"unsc"
	"unsc/record"
)

// SearchQuery selects decisions. Zero fields select everything.
type SearchQuery struct {
	// Text selects decisions whose agenda item, title or subjects contain
	// every word of it, case-insensitively.
	Text string    `json:"text,omitempty"`
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
	// Outcome selects decisions with this outcome (see Outcome).
	Outcome unsc.Outcome `json:"outcome,omitempty"`
	// Matter selects decisions of this matter; MatterSet must be true for
	// it to apply, because the zero Matter is non-procedural.
	Matter    unsc.Matter `json:"matter,omitempty"`
	MatterSet bool        `json:"matter_set,omitempty"`
	// Member and Position select decisions on which the member (a code or
	// a seat such as "SUN+RUS") took the position; only decisions whose
	// per-member votes are known can match. Member alone selects
	// decisions on which it sat.
	Member      string        `json:"member,omitempty"`
	Position    unsc.Position `json:"position,omitempty"`
	PositionSet bool          `json:"position_set,omitempty"`
	// Offset and Limit page through the matches: Limit 0 means
	// DefaultLimit, and at most MaxLimit are returned.
	Offset int `json:"offset,omitempty"`
	Limit  int `json:"limit,omitempty"`
}

// Paging limits of Search.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// SearchAnswer is a page of the decisions a SearchQuery selects.
type SearchAnswer struct {
	// Total counts every match; Decisions holds those from Offset, at most
	// Limit of them.
	Total     int         `json:"total"`
	Offset    int         `json:"offset"`
	Limit     int         `json:"limit"`
	Decisions []SearchHit `json:"decisions"`
	// OutcomeNote says which outcome is used.
	OutcomeNote string `json:"outcome_note"`
}

// SearchHit is one decision found.
type SearchHit struct {
	// Index is the decision's place in the slice the Index was built from,
	// for callers that want the whole decision.
	Index       int         `json:"-"`
	Date        string      `json:"date"`
	Symbol      string      `json:"symbol"`
	Resolution  string      `json:"resolution,omitempty"`
	Draft       string      `json:"draft,omitempty"`
	Meeting     string      `json:"meeting,omitempty"`
	Amendment   bool        `json:"amendment,omitempty"`
	AmendmentTo string      `json:"amendment_to,omitempty"`
	Title       string      `json:"title,omitempty"`
	Agenda      string      `json:"agenda,omitempty"`
	Outcome     string      `json:"outcome"`
	Matter      string      `json:"matter"`
	Modality    string      `json:"modality"`
	Yes         int         `json:"yes"`
	No          int         `json:"no"`
	Abstain     int         `json:"abstain"`
	CountKnown  bool        `json:"count_known"`
	VotesKnown  bool        `json:"votes_known"`
	VetoedBy    []unsc.Code `json:"vetoed_by,omitempty"`
	// Position is the searched member's position, where one was given.
	Position string `json:"position,omitempty"`
}

const outcomeNote = "The outcome the Charter engine derives from the per-member votes or the count; where the record has neither, the outcome the sources record."

// CheckSearchQuery returns an *unsc.Error (EINVALID) naming the field of q
// that is not valid.
func CheckSearchQuery(q SearchQuery) error {
	switch {
	case q.Offset < 0:
		return unsc.Errorf(unsc.EINVALID, "offset", "%d: want 0 or more", q.Offset)
	case q.Limit < 0 || q.Limit > MaxLimit:
		return unsc.Errorf(unsc.EINVALID, "limit", "%d: want 1 to %d", q.Limit, MaxLimit)
	case q.PositionSet && q.Member == "":
		return unsc.Errorf(unsc.EINVALID, "position", "a position needs a member")
	}
	return checkPeriod(q.From, q.To)
}

// Search answers a SearchQuery, in date order.
func (x *Index) Search(q SearchQuery) SearchAnswer {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	offset := max(q.Offset, 0)
	a := SearchAnswer{Offset: offset, Limit: limit, Decisions: []SearchHit{}, OutcomeNote: outcomeNote}
	lo, hi := x.span(q.From, q.To)
	m := x.matcher(q, lo, hi)
	for i := lo; i < hi; i++ {
		if !m.match(i) {
			continue
		}
		if a.Total >= offset && len(a.Decisions) < limit {
			a.Decisions = append(a.Decisions, m.hit(i))
		}
		a.Total++
	}
	return a
}

// Matches returns those of the decisions at the given places (in the slice
// the Index was built from) that the query selects, paging aside: a search
// within, say, the decisions of one meeting.
func (x *Index) Matches(q SearchQuery, places []int) []int {
	lo, hi := x.span(q.From, q.To)
	m := x.matcher(q, lo, hi)
	var out []int
	for _, i := range places {
		if i >= lo && i < hi && m.match(i) {
			out = append(out, i)
		}
	}
	return out
}

// searchMatcher tests decisions against one query, with what the query
// needs computed once.
type searchMatcher struct {
	x     *Index
	q     SearchQuery
	lo    int
	cand  []bool // text matches from lo, when the query has text
	codes []unsc.Code
	pos   []uint8
	rows  seating
	want  uint8
}

func (x *Index) matcher(q SearchQuery, lo, hi int) *searchMatcher {
	m := &searchMatcher{x: x, q: q, lo: lo, want: pNone}
	if q.Member != "" {
		m.codes = seatCodes(q.Member)
		m.pos = x.seatPositions(m.codes)
		m.rows = x.seatedRows(m.codes)
	}
	if q.PositionSet {
		m.want = posCode(q.Position)
	}
	if words := strings.Fields(strings.ToLower(q.Text)); len(words) > 0 {
		m.cand = x.textMatches(words, lo, hi)
	}
	return m
}

// match reports whether the decision at place i, within the query's span,
// is selected.
func (m *searchMatcher) match(i int) bool {
	if m.cand != nil && !m.cand[i-m.lo] {
		return false
	}
	d := &m.x.ds[i]
	if m.q.Outcome != 0 && outcomeOf(d) != m.q.Outcome {
		return false
	}
	if m.q.MatterSet && d.Matter != m.q.Matter {
		return false
	}
	if m.codes != nil {
		if !m.rows.at(i) || m.q.PositionSet && m.pos[i] != m.want {
			return false
		}
	}
	return true
}

func (m *searchMatcher) hit(i int) SearchHit {
	h := m.x.hit(i)
	if m.codes != nil && votesKnown(&m.x.ds[i]) {
		h.Position = posLetters[m.pos[i]]
	}
	return h
}

// textMatches reports, for each decision lo..hi-1, whether its search text
// contains every word. It scans the one text buffer for the longest word,
// which is the likeliest to be rare, then checks the others only in the
// decisions found.
func (x *Index) textMatches(words []string, lo, hi int) []bool {
	longest := 0
	for i, w := range words {
		if len(w) > len(words[longest]) {
			longest = i
		}
	}
	w := words[longest]
	cand := make([]bool, hi-lo)
	if hi <= lo {
		return cand
	}
	text, textEnd := x.searchText()
	start := 0
	if lo > 0 {
		start = textEnd[lo-1]
	}
	end := textEnd[hi-1]
	buf := text[:end]
	for off := start; off < end; {
		k := strings.Index(buf[off:], w)
		if k < 0 {
			break
		}
		at := off + k
		i := sort.SearchInts(textEnd, at+1)
		cand[i-lo] = hasAll(text, textEnd, i, words)
		off = textEnd[i] // on to the next decision
	}
	return cand
}

func hasAll(all string, textEnd []int, i int, words []string) bool {
	from := 0
	if i > 0 {
		from = textEnd[i-1]
	}
	text := all[from:textEnd[i]]
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

func (x *Index) hit(i int) SearchHit {
	d := &x.ds[i]
	outcome := outcomeOf(d)
	h := SearchHit{
		Index: i, Date: x.dateStrings()[i], Symbol: record.Symbol(*d), Resolution: d.Resolution, Draft: d.Draft,
		Meeting: d.Meeting, Amendment: d.Amendment, AmendmentTo: d.AmendmentTo,
		Title: d.Title, Agenda: d.Agenda, Matter: d.Matter.String(), Modality: d.Modality.String(),
		Yes: d.Tally.Yes, No: d.Tally.No, Abstain: d.Tally.Abstain, CountKnown: d.Tally.Known,
		VotesKnown: votesKnown(d),
	}
	if outcome != 0 {
		h.Outcome = outcome.String()
	} else {
		h.Outcome = "unknown"
	}
	if outcome == unsc.Vetoed {
		h.VetoedBy = d.VetoedBy
	}
	return h
}
