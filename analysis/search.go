package analysis

import (
	"context"
	"math"
	"slices"
	"sort"
	"time"

	"unsc"
	"unsc/record"
)

// SearchQuery selects decisions. Zero fields select everything.
type SearchQuery struct {
	// Text selects decisions whose title, agenda item or subjects contain
	// every word of it, in any case and any form of the word (stemmed:
	// "vetoed" finds "veto"; a country's name finds its adjective and
	// back, "Syria" finds "Syrian", demonyms.csv), and every phrase in
	// double quotes word for word; the matches are ranked (see
	// SortRelevance).
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
	// Sort is SortRelevance or SortDate; "" means relevance for a search
	// by text and date otherwise.
	Sort string `json:"sort,omitempty"`
	// Offset and Limit page through the matches: Limit 0 means
	// DefaultLimit, and at most MaxLimit are returned, unless Uncapped:
	// then Limit 0 means every match and any Limit is allowed (exports).
	Offset   int  `json:"offset,omitempty"`
	Limit    int  `json:"limit,omitempty"`
	Uncapped bool `json:"uncapped,omitempty"`
}

// Paging limits of Search.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// Orders of Search's answer.
const (
	// SortRelevance ranks the matches of a text: BM25F over the title,
	// agenda item and subjects (a word counts more the rarer it is in the
	// record, the more often it occurs in a decision's text and the
	// shorter that text; a title's words count twice an subject's, an
	// agenda item's one and a half times), plus a bonus where words of
	// the query stand side by side in the same order; ties newest first.
	SortRelevance = "relevance"
	// SortDate orders the matches by date, oldest first.
	SortDate = "date"
)

const relevanceNote = "Ranked by relevance: BM25F over title (weight 2), agenda item (1.5) and subjects (1), words stemmed (Porter2), a country's name and its adjective one word (Syria, Syrian; the form asked ranks first), with a bonus for query words side by side; ties newest first."

// SearchAnswer is a page of the decisions a SearchQuery selects.
type SearchAnswer struct {
	// Period is the period searched, as the record holds it.
	Period Period `json:"period"`
	// Total counts every match; Decisions holds those from Offset, at most
	// Limit of them.
	Total     int         `json:"total"`
	Offset    int         `json:"offset"`
	Limit     int         `json:"limit"`
	Decisions []SearchHit `json:"decisions"`
	// OutcomeNote says which outcome is used.
	OutcomeNote string `json:"outcome_note"`
	// Sort is the order of Decisions, and SortNote says how relevance is
	// ranked, when it is.
	Sort     string `json:"sort"`
	SortNote string `json:"sort_note,omitempty"`
	// InDoubt counts, where a member's position was asked for, the
	// decisions the query would select but for that member's position,
	// which the record holds in doubt (unsc.Decision.InDoubt): they are
	// left out, whatever position the sources give.
	InDoubt int `json:"in_doubt"`
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
	// Score is the decision's relevance to the text searched, higher
	// first; 0 when no text was given.
	Score float64 `json:"score,omitempty"`
}

const outcomeNote = "The outcome the Charter engine derives from the per-member votes or the count; where the record has neither, the outcome the sources record."

// CheckSearchQuery returns an *unsc.Error (EINVALID) naming the field of q
// that is not valid.
func CheckSearchQuery(q SearchQuery) error {
	switch {
	case q.Offset < 0:
		return unsc.Errorf(unsc.EINVALID, "offset", "%d: want 0 or more", q.Offset)
	case q.Limit < 0 || q.Limit > MaxLimit && !q.Uncapped:
		return unsc.Errorf(unsc.EINVALID, "limit", "%d: want 1 to %d", q.Limit, MaxLimit)
	case q.PositionSet && q.Member == "":
		return unsc.Errorf(unsc.EINVALID, "position", "a position needs a member")
	case q.Sort != "" && q.Sort != SortRelevance && q.Sort != SortDate:
		return unsc.Errorf(unsc.EINVALID, "sort", "%q: want %s or %s", q.Sort, SortRelevance, SortDate)
	}
	return checkPeriod(q.From, q.To)
}

// Search answers a SearchQuery: by relevance for a text, else in date
// order (see Sort). It stops with ctx's error when ctx is done.
func (x *Index) Search(ctx context.Context, q SearchQuery) (SearchAnswer, error) {
	var hits []SearchHit
	a, err := x.searchEach(ctx, q, true, func(n int) { hits = make([]SearchHit, 0, n) }, func(h SearchHit) error {
		hits = append(hits, h)
		return nil
	})
	if err != nil {
		return SearchAnswer{}, err
	}
	a.Decisions = hits
	return a, nil
}

// SearchEach answers q as Search does, but hands each hit of the page to
// each in order instead of gathering them: the answer's Decisions are
// empty, and its Period is not made (the zero Period). count, when not
// nil, is told how many hits follow before the first. A caller that
// writes each hit as it comes and no period (the CLI's CSV) makes no list
// of them. It stops with the first error each returns.
func (x *Index) SearchEach(ctx context.Context, q SearchQuery, count func(int), each func(SearchHit) error) (SearchAnswer, error) {
	return x.searchEach(ctx, q, false, count, each)
}

func (x *Index) searchEach(ctx context.Context, q SearchQuery, withPeriod bool, count func(int), each func(SearchHit) error) (SearchAnswer, error) {
	a, m, page, err := x.searchPage(ctx, q, withPeriod)
	if err != nil {
		return SearchAnswer{}, err
	}
	if withPeriod {
		a.Period.Text = a.Period.text()
	}
	if count != nil {
		count(len(page))
	}
	for _, f := range page {
		h := m.hit(f.i)
		if m.text != nil {
			h.Score = math.Round(f.score*1000) / 1000
		}
		if err := each(h); err != nil {
			return SearchAnswer{}, err
		}
	}
	return a, nil
}

// SearchPlaces answers q as Search does, with the places of the page's
// decisions (SearchHit.Index) instead of their hits, for callers that hold
// the decisions: the answer's Decisions are empty, and its Period has no
// Text.
func (x *Index) SearchPlaces(ctx context.Context, q SearchQuery) (SearchAnswer, []int, error) {
	a, _, page, err := x.searchPage(ctx, q, true)
	if err != nil {
		return SearchAnswer{}, nil, err
	}
	places := make([]int, len(page))
	for k, f := range page {
		places[k] = f.i
	}
	return a, places, nil
}

// searchKinds returns the kinds of decision a search for q counts: those
// of the matter asked for, else every kind.
func searchKinds(q SearchQuery) []string {
	if !q.MatterSet {
		return Kinds
	}
	switch q.Matter {
	case unsc.Procedural:
		return []string{KindProcedural}
	case unsc.Preliminary:
		return []string{KindPreliminary}
	case unsc.ICJElection:
		return []string{KindICJ}
	}
	return []string{KindResolution, KindFailed, KindVetoed, KindAmendment, KindOther}
}

// searchPage answers q, but for the hits of its page: the decisions of the
// page, with their scores, in order; its Period's bounds where withPeriod.
func (x *Index) searchPage(ctx context.Context, q SearchQuery, withPeriod bool) (SearchAnswer, *searchMatcher, []scored, error) {
	if err := ctx.Err(); err != nil {
		return SearchAnswer{}, nil, nil, err
	}
	limit := q.Limit
	switch {
	case limit <= 0 && q.Uncapped:
		limit = x.n
	case limit <= 0:
		limit = DefaultLimit
	case !q.Uncapped:
		limit = min(limit, MaxLimit)
	}
	offset := max(q.Offset, 0)
	a := SearchAnswer{Offset: offset, Limit: limit, Decisions: []SearchHit{}, OutcomeNote: outcomeNote, Sort: SortDate}
	if withPeriod {
		a.Period = x.periodBounds(q.From, q.To, searchKinds(q))
	}
	lo, hi := x.span(q.From, q.To)
	if m, page, ok, err := x.listedPage(ctx, q, lo, hi, offset, limit, &a); ok || err != nil {
		return a, m, page, err
	}
	m := x.matcher(q, lo, hi)
	if m.text == nil {
		var page []scored
		for i := lo; i < hi; i++ {
			if err := stopped(ctx, i-lo); err != nil {
				return SearchAnswer{}, nil, nil, err
			}
			if m.inDoubt(i) {
				a.InDoubt++
			}
			if !m.match(i) {
				continue
			}
			if a.Total >= offset && len(page) < limit {
				page = append(page, scored{i: i})
			}
			a.Total++
		}
		return a, m, page, nil
	}
	// The text's matches are in the record's order: those in the span
	// are one run of them.
	text := m.text
	from := sort.Search(len(text), func(k int) bool { return text[k].i >= lo })
	to := from + sort.Search(len(text)-from, func(k int) bool { return text[from+k].i >= hi })
	text = text[from:to]
	// By date, the page is the matches offset.. in the record's order; by
	// relevance, only the page needs ordering: the best offset+limit are
	// kept as the matches come (a heap), then sorted.
	byDate := q.Sort == SortDate
	var page []scored
	var top topScored
	if !byDate {
		top.k = offset + limit
		a.Sort, a.SortNote = SortRelevance, relevanceNote
	}
	// The heap is made where it is used: most searches by relevance find
	// their page among the matches ranked once (bestOf), with none.
	makeTop := func() { top.h = make([]scored, 0, min(top.k, len(text))) }
	if !m.filtered() {
		// Every match is selected and none is in doubt: the page is
		// found without reading every match.
		a.Total = len(text)
		if byDate {
			return a, m, text[min(offset, len(text)):min(offset+limit, len(text))], nil
		}
		if 4*len(text) >= len(m.best) {
			// The span holds a quarter of the matches or more: its best
			// are found among the first few of all, ranked (about four
			// times as many as the page's, for matches ranked apart
			// from their dates).
			found, err := bestOf(ctx, m.best, offset+limit, lo, hi)
			if err != nil {
				return SearchAnswer{}, nil, nil, err
			}
			return a, m, found[min(offset, len(found)):], nil
		}
		makeTop()
		if err := bestIn(ctx, &top, m.ranked, from, to, lo, hi); err != nil {
			return SearchAnswer{}, nil, nil, err
		}
		found := top.sorted()
		return a, m, found[min(offset, len(found)):], nil
	}
	if !byDate {
		makeTop()
	}
	for k, f := range text {
		if err := stopped(ctx, k); err != nil {
			return SearchAnswer{}, nil, nil, err
		}
		if m.inDoubt(f.i) {
			a.InDoubt++
		}
		if !m.match(f.i) {
			continue
		}
		switch {
		case !byDate:
			top.push(f)
		case a.Total >= offset && len(page) < limit:
			page = append(page, f)
		}
		a.Total++
	}
	if byDate {
		return a, m, page, nil
	}
	found := top.sorted()
	return a, m, found[min(offset, len(found)):], nil
}

// listedPage answers a search for a member's position without text, as
// searchPage does, from the record's sums (listedFromSums): the decisions
// on which the member took the position, and those on which the record
// holds its position in doubt, are read, not every decision of the
// period. ok is false where the sums do not serve q.
func (x *Index) listedPage(ctx context.Context, q SearchQuery, lo, hi, offset, limit int, a *SearchAnswer) (*searchMatcher, []scored, bool, error) {
	if q.Text != "" || q.Member == "" || !q.PositionSet {
		return nil, nil, false, nil
	}
	m := &searchMatcher{x: x, q: q, codes: seatCodes(q.Member), want: posCode(q.Position)}
	listed, ok := x.listedFromSums(m.codes, m.want)
	if !ok {
		return nil, nil, false, nil
	}
	doubt, ok := x.listedFromSums(m.codes, pDoubt)
	if !ok {
		return nil, nil, false, nil
	}
	// The decisions of the period, and whether the query's other fields
	// select decision i.
	within := func(l []int32) []int32 {
		from, _ := slices.BinarySearch(l, int32(lo))
		to, _ := slices.BinarySearch(l, int32(hi))
		return l[from:max(from, to)]
	}
	selected := func(i int) bool {
		return (q.Outcome == 0 || x.outcome(i) == q.Outcome) && (!q.MatterSet || x.matter(i) == q.Matter)
	}
	for k, i := range within(doubt) {
		if err := stopped(ctx, k); err != nil {
			return nil, nil, false, err
		}
		if selected(int(i)) {
			a.InDoubt++
		}
	}
	// The page made at once at the most it can hold (grown by doubling,
	// each size was a block of memory of its own).
	mine := within(listed)
	var page []scored
	if n := min(limit, len(mine)-offset); n > 0 {
		page = make([]scored, 0, n)
	}
	for k, i := range mine {
		if err := stopped(ctx, k); err != nil {
			return nil, nil, false, err
		}
		if !selected(int(i)) {
			continue
		}
		if a.Total >= offset && len(page) < limit {
			page = append(page, scored{i: int(i)})
		}
		a.Total++
	}
	return m, page, true, nil
}

// better orders scored decisions: higher score first, then the newer.
func better(p, q scored) bool {
	if p.score != q.score {
		return p.score > q.score
	}
	return p.i > q.i
}

// topScored keeps the k best of the scored decisions pushed to it: a
// heap, the worst of them on top.
type topScored struct {
	k int
	h []scored
}

func (t *topScored) push(f scored) {
	h := t.h
	switch {
	case len(h) < t.k:
		h = append(h, f)
		for i := len(h) - 1; i > 0; {
			parent := (i - 1) / 2
			if !better(h[parent], h[i]) {
				break
			}
			h[i], h[parent] = h[parent], h[i]
			i = parent
		}
		t.h = h
	case len(h) > 0 && better(f, h[0]):
		h[0] = f
		for i := 0; ; {
			l, small := 2*i+1, i
			if l < len(h) && better(h[small], h[l]) {
				small = l
			}
			if r := l + 1; r < len(h) && better(h[small], h[r]) {
				small = r
			}
			if small == i {
				break
			}
			h[i], h[small] = h[small], h[i]
			i = small
		}
	}
}

// keeps reports whether f would be kept if pushed now.
func (t *topScored) keeps(f scored) bool {
	return len(t.h) < t.k || len(t.h) > 0 && better(f, t.h[0])
}

// sorted returns the decisions kept, best first.
func (t *topScored) sorted() []scored {
	slices.SortFunc(t.h, byRank)
	return t.h
}

// Matches returns those of the decisions at the given places (in the slice
// the Index was built from) that the query selects, paging aside: a search
// within, say, the decisions of one meeting.
func (x *Index) Matches(q SearchQuery, places []int) []int {
	lo, hi := x.span(q.From, q.To)
	m := x.matcher(q, lo, hi)
	var byText map[int]bool
	if m.text != nil {
		byText = make(map[int]bool, len(m.text))
		for _, f := range m.text {
			byText[f.i] = true
		}
	}
	var out []int
	for _, i := range places {
		if i >= lo && i < hi && (byText == nil || byText[i]) && m.match(i) {
			out = append(out, i)
		}
	}
	return out
}

// searchMatcher tests decisions against one query, with what the query
// needs computed once.
type searchMatcher struct {
	x *Index
	q SearchQuery
	// text holds the decisions the text matches, with their scores, when
	// the query has text (non-nil even when none matches).
	text []scored
	// ranked is text ranked within each block of rankBlock matches, and
	// best all of text ranked (textMatches).
	ranked, best []scored
	codes        []unsc.Code
	pos          []uint8
	rows         seating
	want         uint8
}

func (x *Index) matcher(q SearchQuery, lo, hi int) *searchMatcher {
	m := &searchMatcher{x: x, q: q, want: pNone}
	if q.Member != "" {
		m.codes = seatCodes(q.Member)
		pos, rows := x.seatColumnsIn(lo, hi, m.codes)
		m.pos, m.rows = pos[0], rows[0]
	}
	if q.PositionSet {
		m.want = posCode(q.Position)
	}
	m.text, m.ranked, m.best = x.textMatches(q.Text)
	return m
}

// filtered reports whether the matcher selects among the text's matches
// (by outcome, matter or member); when not, every match is selected and
// none is in doubt.
func (m *searchMatcher) filtered() bool {
	return m.q.Outcome != 0 || m.q.MatterSet || m.codes != nil
}

// textMatches returns the decisions a search text matches, with their
// scores, in the record's order: nil for a text without words, non-nil
// otherwise; and the same ranked within each block of rankBlock of them
// (best first), so that the best of a run of them are found without
// reading every one (bestIn); and all of them ranked, best first, for a
// run that holds most of them (bestOf). The matches of the texts asked for
// last are kept (a bounded number of them), as a text's matches do not
// depend on the rest of the query. They must not be changed.
func (x *Index) textMatches(text string) (found, ranked, best []scored) {
	x.textMu.Lock()
	kept, ok := x.texts[text]
	x.textMu.Unlock()
	if ok {
		return kept.found, kept.ranked, kept.best
	}
	tq := parseText(text)
	if len(tq.words) == 0 {
		return nil, nil, nil
	}
	found = x.textIndex().match(tq)
	if found == nil {
		found = []scored{}
	}
	// Postings are in the record's order, and so are the matches; a
	// search reads them as such.
	slices.SortStableFunc(found, func(p, q scored) int { return p.i - q.i })
	ranked = slices.Clone(found)
	for b := 0; b < len(ranked); b += rankBlock {
		slices.SortFunc(ranked[b:min(b+rankBlock, len(ranked))], byRank)
	}
	best = slices.Clone(found)
	slices.SortFunc(best, byRank)
	x.textMu.Lock()
	if x.textsLen+3*len(found) > maxTextMatches {
		clear(x.texts)
		x.textsLen = 0
	}
	x.texts[text] = textMatches{found, ranked, best}
	x.textsLen += 3*len(found) + 1
	x.textMu.Unlock()
	return found, ranked, best
}

// textMatches are a text's matches as textMatches returns them.
type textMatches struct{ found, ranked, best []scored }

// rankBlock is the size of the blocks of a text's matches ranked apart.
const rankBlock = 64

// byRank orders scored decisions as better does, for sorting.
func byRank(p, q scored) int {
	if better(p, q) {
		return -1
	}
	return 1
}

// bestIn keeps in top the best of the text matches found[a:b], the
// matches of decisions lo to hi-1 (ranked being found ranked within its
// blocks, textMatches): of each block it reads the best first, those of
// the span only, and stops at the first top would not keep. It stops with
// ctx's error when ctx is done.
func bestIn(ctx context.Context, top *topScored, ranked []scored, a, b, lo, hi int) error {
	pushed := 0
	for start := a - a%rankBlock; start < b; start += rankBlock {
		for _, f := range ranked[start:min(start+rankBlock, len(ranked))] {
			if f.i < lo || f.i >= hi {
				continue
			}
			if !top.keeps(f) {
				break
			}
			if err := stopped(ctx, pushed); err != nil {
				return err
			}
			pushed++
			top.push(f)
		}
	}
	return nil
}

// bestOf returns the first k of best (a text's matches ranked) that are
// matches of decisions lo to hi-1: the best k of them, best first. It
// stops with ctx's error when ctx is done.
func bestOf(ctx context.Context, best []scored, k, lo, hi int) ([]scored, error) {
	found := make([]scored, 0, min(k, len(best)))
	for n, f := range best {
		if len(found) == k {
			break
		}
		if err := stopped(ctx, n); err != nil {
			return nil, err
		}
		if f.i >= lo && f.i < hi {
			found = append(found, f)
		}
	}
	return found, nil
}

// maxTextMatches bounds the matches kept for texts asked before, in all.
const maxTextMatches = 1 << 18

// match reports whether the decision at place i, within the query's span
// (and found by its text, if it has one), is selected by its other
// fields.
func (m *searchMatcher) match(i int) bool {
	if m.q.Outcome != 0 && m.x.outcome(i) != m.q.Outcome {
		return false
	}
	if m.q.MatterSet && m.x.matter(i) != m.q.Matter {
		return false
	}
	if m.codes != nil {
		if !m.rows.at(i) || m.q.PositionSet && m.pos[i] != m.want {
			return false
		}
	}
	return true
}

// inDoubt reports whether the decision at place i would be selected but
// for the member's position, which the record holds in doubt: a position
// asked for is never matched by one in doubt.
func (m *searchMatcher) inDoubt(i int) bool {
	if !m.q.PositionSet || m.codes == nil || m.pos[i] != pDoubt {
		return false
	}
	q := m.q
	m.q.PositionSet = false
	defer func() { m.q = q }()
	return m.match(i)
}

func (m *searchMatcher) hit(i int) SearchHit {
	h := m.x.hit(i)
	if m.codes != nil && m.x.votesKnown(i) {
		if m.pos == nil { // the member's position, listed (listedPage)
			h.Position = posLetters[m.want]
		} else {
			h.Position = posLetters[m.pos[i]]
		}
	}
	return h
}

// OutcomeElection is the outcome a search hit gives an ICJ election: a
// secret ballot, whose result is who was elected (see the decision), not
// adopted or rejected.
const OutcomeElection = "election"

func (x *Index) hit(i int) SearchHit {
	d := x.head(i)
	outcome := outcomeOf(&d)
	h := SearchHit{
		Index: i, Date: x.dateString(i), Symbol: record.Symbol(d), Resolution: d.Resolution, Draft: d.Draft,
		Meeting: d.Meeting, Amendment: d.Amendment, AmendmentTo: d.AmendmentTo,
		Title: record.Title(d), Agenda: d.Agenda, Matter: d.Matter.String(), Modality: d.Modality.String(),
		Yes: d.Tally.Yes, No: d.Tally.No, Abstain: d.Tally.Abstain, CountKnown: d.Tally.Known,
		VotesKnown: x.votesKnown(i),
	}
	switch {
	case outcome != 0:
		h.Outcome = outcome.String()
	case d.Matter == unsc.ICJElection:
		// A secret ballot: who was elected, not an outcome of a vote.
		h.Outcome = OutcomeElection
	default:
		h.Outcome = "unknown"
	}
	if outcome == unsc.Vetoed {
		h.VetoedBy = d.VetoedBy
	}
	return h
}
