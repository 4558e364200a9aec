package analysis

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"unsc"
	"unsc/charter"
)

// dateLayout is how answers write dates.
const dateLayout = "2006-01-02"

// Position codes in the per-member arrays. pNone means the member did not
// sit, or its position is not known; pDoubt that the record holds its
// position in doubt (unsc.Decision.InDoubt): the sources give one, but it
// does not square with the official count, so no question counts it as a
// position taken.
const (
	pNone uint8 = iota
	pAbsent
	pYes
	pNo
	pAbstain
	pNotParticipating
	pDoubt
	numPositions
)

func posCode(p unsc.Position) uint8 {
	switch p {
	case unsc.Yes:
		return pYes
	case unsc.No:
		return pNo
	case unsc.Abstain:
		return pAbstain
	case unsc.NotParticipating:
		return pNotParticipating
	}
	return pAbsent
}

var posLetters = [...]string{pNone: "", pAbsent: "-", pYes: "Y", pNo: "N", pAbstain: "A", pNotParticipating: "X", pDoubt: "?"}

// Index is the record prepared for questions. New only numbers the days;
// each part a question needs (vetoes, positions, search text, councils…)
// is built on first use, once, and then shared, so that a process asking
// one question pays for one part and a server pays for each part once
// (or at start, with Warm). Every question is a method on it, safe for
// concurrent use, and does no I/O.
type Index struct {
	// n is the number of decisions; ds holds them (New), or cols lays
	// them out in columns (NewColumns) and dec holds those decoded so far.
	n       int
	ds      []unsc.Decision
	cols    Columns
	dec     []atomic.Pointer[unsc.Decision]
	decOnce sync.Once
	// days holds each decision's date as a day number (undatedDay for
	// none): made by New, or by allDays on first use where the index reads
	// columns (day reads one where they lie).
	days     []int64
	daysOnce sync.Once

	datesOnce  sync.Once
	dates      []string // each decision's date as answers write it
	datesBuilt atomic.Bool

	vetoesOnce sync.Once
	vetoes     [numScopes][]vetoItem // the vetoes under each scope, in date order

	recordVetoesOnce sync.Once
	recordVetoes     []vetoItem // the vetoes under ScopeRecord, read from the columns

	completeOnce sync.Once
	complete     completeness
	// unlistedOnce guards unlisted, kind by kind: for each kind no source
	// lists in full (by its place in Kinds), the indexes of its decisions,
	// in order, so that an answer counts those of its period by two
	// binary searches, not by reading every decision of it.
	unlistedOnce [8]sync.Once
	unlisted     [8][]int32
	listEnd      time.Time // the last date of the UN veto list
	// laterCodes holds the place in Kinds of the kind of each decision
	// from laterStart on, after the record's complete part (laterKinds).
	laterOnce  sync.Once
	laterStart int
	laterCodes []int

	regionsOnce sync.Once
	regions     []uint8 // for vetoed decisions: regions.csv row index+1, 0 for other

	councilsOnce sync.Once
	councils     councils

	positionsOnce sync.Once
	positions     positions
	// positionsBuilt is set once positions is: until then a question
	// about a few members reads their positions alone (seatColumns).
	positionsBuilt atomic.Bool

	textMu   sync.Mutex
	texts    map[string]textMatches // by search text: textMatches
	textsLen int

	searchOnce sync.Once
	search     *textIndex // the full-text index of search_index.go

	atrocityOnce sync.Once
	atrocity     []bool // flagged by atrocity.csv

	trendsOnce sync.Once
	trends     trendsTable

	whatifMu sync.Mutex
	whatif   map[string]*whatIfRun // by appendRulesKey's key

	agreeMu sync.Mutex
	agree   map[pairKey]*pairSums
	// permAgree holds, for each rule (by agreeRules), the running totals
	// of every pair of PermanentSeats (by pairIndex) once made: an answer
	// for those seats reads them with no lock and no key.
	permAgree [3]atomic.Pointer[[]*pairSums]

	countsMu sync.Mutex
	counts   map[string]*vetoCounts // by member, for CountVetoes

	memberMu sync.Mutex
	members  map[string]MemberProfile

	coverageOnce sync.Once
	coverage     coverage

	// sums reads the record's sums, for an index made by
	// NewColumnsForOne over columns that hold them.
	sums sumReader
}

// positions holds every member's position on every decision.
type positions struct {
	// codes numbers every member code that sat on the Council or voted.
	codes map[unsc.Code]int
	// pos[c][i] is member c's position on decision i (pNone if it did not
	// sit or its position is not known).
	pos [][]uint8
	// seatedIn[c][k] reports whether member c sat on Council k of
	// councils.codes.
	seatedIn [][]bool
	// seats caches the positions of the PermanentSeats of several codes.
	seats map[string][]uint8
}

// Outcome returns the outcome the analysis uses for a decision: the one the
// Charter engine derives from its votes or count, else, where the record has
// neither, the one the sources record.
func Outcome(d unsc.Decision) unsc.Outcome {
	if d.Derived != 0 {
		return d.Derived
	}
	return d.Recorded
}

func outcomeOf(d *unsc.Decision) unsc.Outcome {
	if d.Derived != 0 {
		return d.Derived
	}
	return d.Recorded
}

// votesKnown reports whether the record has each member's position on d.
func votesKnown(d *unsc.Decision) bool { return d.Votes.Known() && d.Modality == unsc.ByVote }

// New prepares the index over the whole record, in date order, as
// sqlite.Store.Decisions or record.Reconcile return it. It is cheap: the
// parts each question needs are built when first asked for. The index
// keeps decisions, which must not be changed afterwards.
func New(decisions []unsc.Decision) *Index {
	x := newIndex(len(decisions))
	x.ds = decisions
	x.days = make([]int64, len(decisions))
	for i := range decisions {
		x.days[i] = dayNumber(decisions[i].Date)
	}
	return x
}

// Columns is the record laid out in columns, in date order, as the store's
// read model holds it (readmodel.View): the parts of the index a question
// needs read the few columns they use where they lie, and only the
// decisions an answer shows are decoded. Each method takes the place of a
// decision, 0 ≤ i < Len.
type Columns interface {
	Len() int
	// Decision returns decision i, decoded.
	Decision(i int) unsc.Decision
	// Day returns its date as days since 1970-01-01, and whether it has one.
	Day(i int) (int32, bool)
	// Outcome returns Outcome(decision i).
	Outcome(i int) unsc.Outcome
	Matter(i int) unsc.Matter
	Modality(i int) unsc.Modality
	Tally(i int) unsc.Tally
	Resolution(i int) string
	Amendment(i int) bool
	// VotesKnown reports whether it was taken by a vote and has each
	// member's position; EachVote gives them.
	VotesKnown(i int) bool
	EachVote(i int, f func(unsc.Code, unsc.Position))
	VetoedBy(i int) []unsc.Code
	// EachVeto calls f, in order, with each decision whose Outcome is
	// unsc.Vetoed and VetoedBy of it; f must not change by, which
	// several calls may share.
	EachVeto(f func(i int, by []unsc.Code))
	HasSource(i int, s unsc.Source) bool
	// EachSource gives its sources, in order.
	EachSource(i int, f func(unsc.Source))
	// InDoubt returns unsc.Decision.InDoubt.
	InDoubt(i int) []unsc.Code
}

// NewColumns prepares the index over a record laid out in columns, which
// must not change while the index is in use. It answers every question as
// New over the same decisions does.
func NewColumns(c Columns) *Index {
	x := newIndex(c.Len())
	x.cols = c
	return x
}

// undatedDay is the day number of a decision without a date, that of the
// zero time.Time (1 January of year 1): before every dated one, as the
// store orders them.
const undatedDay = -719162

// day returns decision i's date as a day number, undatedDay where it has
// none.
func (x *Index) day(i int) int64 {
	if x.cols == nil {
		return x.days[i]
	}
	if d, ok := x.cols.Day(i); ok {
		return int64(d)
	}
	return undatedDay
}

// allDays returns every decision's day (as day does), for a question that
// reads them all; where the index reads columns they are made on first
// use, so that a question reading a few dates does not copy the column.
func (x *Index) allDays() []int64 {
	if x.cols != nil {
		x.daysOnce.Do(func() {
			days := make([]int64, x.n)
			for i := range days {
				days[i] = x.day(i)
			}
			x.days = days
		})
	}
	return x.days
}

func newIndex(n int) *Index {
	return &Index{
		n:       n,
		whatif:  map[string]*whatIfRun{},
		agree:   map[pairKey]*pairSums{},
		members: map[string]MemberProfile{},
		counts:  map[string]*vetoCounts{},
		texts:   map[string]textMatches{},
	}
}

// d returns decision i, decoding it on first use where the index reads
// columns. It must not be changed.
func (x *Index) d(i int) *unsc.Decision {
	if x.cols == nil {
		return &x.ds[i]
	}
	// The slot of each decision is made on first use: most questions
	// decode none, and at 30 times the record it is 0.7 MB.
	x.decOnce.Do(func() { x.dec = make([]atomic.Pointer[unsc.Decision], x.n) })
	if p := x.dec[i].Load(); p != nil {
		return p
	}
	d := x.cols.Decision(i)
	x.dec[i].CompareAndSwap(nil, &d)
	return x.dec[i].Load()
}

// headReader is the Columns of a record that gives a decision without
// its lists (readmodel.Image.Head).
type headReader interface {
	Head(i int) unsc.Decision
}

// head returns decision i, or where the index reads columns that give
// it, decision i without its votes, subjects, sponsors, sources, notes
// and reports (its vetoes kept), for a caller that reads none of them.
// Its lists must not be changed. A value, not a pointer: a list of hits
// makes no decision on the heap for each.
func (x *Index) head(i int) unsc.Decision {
	h, ok := x.cols.(headReader)
	if !ok {
		return *x.d(i)
	}
	return h.Head(i)
}

// The columns of decision i, read without decoding it where the index
// reads columns.

func (x *Index) outcome(i int) unsc.Outcome {
	if x.cols == nil {
		return outcomeOf(&x.ds[i])
	}
	return x.cols.Outcome(i)
}

func (x *Index) matter(i int) unsc.Matter {
	if x.cols == nil {
		return x.ds[i].Matter
	}
	return x.cols.Matter(i)
}

func (x *Index) modality(i int) unsc.Modality {
	if x.cols == nil {
		return x.ds[i].Modality
	}
	return x.cols.Modality(i)
}

func (x *Index) tally(i int) unsc.Tally {
	if x.cols == nil {
		return x.ds[i].Tally
	}
	return x.cols.Tally(i)
}

func (x *Index) resolution(i int) string {
	if x.cols == nil {
		return x.ds[i].Resolution
	}
	return x.cols.Resolution(i)
}

func (x *Index) amendment(i int) bool {
	if x.cols == nil {
		return x.ds[i].Amendment
	}
	return x.cols.Amendment(i)
}

func (x *Index) votesKnown(i int) bool {
	if x.cols == nil {
		return votesKnown(&x.ds[i])
	}
	return x.cols.VotesKnown(i)
}

func (x *Index) eachVote(i int, f func(unsc.Code, unsc.Position)) {
	if x.cols == nil {
		for c, p := range x.ds[i].Votes.All() {
			f(c, p)
		}
		return
	}
	x.cols.EachVote(i, f)
}

func (x *Index) vetoedBy(i int) []unsc.Code {
	if x.cols == nil {
		return x.ds[i].VetoedBy
	}
	return x.cols.VetoedBy(i)
}

func (x *Index) hasSource(i int, s unsc.Source) bool {
	if x.cols == nil {
		return slices.Contains(x.ds[i].Sources, s)
	}
	return x.cols.HasSource(i, s)
}

// eachSource calls f with each source of decision i, in order.
func (x *Index) eachSource(i int, f func(unsc.Source)) {
	if x.cols == nil {
		for _, s := range x.ds[i].Sources {
			f(s)
		}
		return
	}
	x.cols.EachSource(i, f)
}

func (x *Index) inDoubt(i int) []unsc.Code {
	if x.cols == nil {
		return x.ds[i].InDoubt()
	}
	return x.cols.InDoubt(i)
}

// date returns decision i's date: as the decision holds it, or where the
// index reads columns, its calendar day at midnight UTC (zero if none).
func (x *Index) date(i int) time.Time {
	if x.cols == nil {
		return x.ds[i].Date
	}
	if d, ok := x.cols.Day(i); ok {
		return time.Unix(int64(d)*86400, 0).UTC()
	}
	return time.Time{}
}

// Warm builds every part of the index now rather than on first use, so
// that no later question pays for one. A server calls it at start.
func (x *Index) Warm() {
	x.dateStrings()
	x.trendsTable()
	x.vetoLists()
	x.regionIndex()
	x.positionTable()
	x.textIndex()
	x.atrocities()
	x.coverageTable()
}

// Len returns the number of decisions in the index.
func (x *Index) Len() int { return x.n }

// span returns the indexes [lo, hi) of the decisions dated from..to
// inclusive; zero times leave that end open.
func (x *Index) span(from, to time.Time) (int, int) {
	lo, hi := 0, x.n
	if !from.IsZero() {
		lo = x.firstOnOrAfter(dayNumber(from))
	}
	if !to.IsZero() {
		t := dayNumber(to)
		hi = sort.Search(x.n, func(i int) bool { return x.day(i) > t })
	}
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// dayNumber counts days since 1 January 1970 in the date's own calendar
// day, ignoring its time of day and zone.
func dayNumber(t time.Time) int64 { return charter.DayNumber(t) }

// civilDate is the inverse of civilDay (H. Hinnant's civil_from_days).
func civilDate(n int64) (y, m, d int) {
	z := n + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	m = int(mp + 3)
	if m > 12 {
		m -= 12
	}
	y = int(yoe + era*400)
	if m <= 2 {
		y++
	}
	return y, m, d
}

// dateStrings returns every decision's date as answers write it, built
// once into one string.
func (x *Index) dateStrings() []string {
	x.datesOnce.Do(func() {
		days := x.allDays()
		buf := make([]byte, 0, x.n*len(dateLayout))
		ends := make([]int32, x.n)
		for i := range x.n {
			var t time.Time
			if y, _, _ := civilDate(days[i]); y < 0 || y > 9999 {
				t = x.date(i)
			}
			buf = appendDate(buf, t, days[i])
			ends[i] = int32(len(buf))
		}
		s := string(buf)
		x.dates = make([]string, x.n)
		start := int32(0)
		for i, end := range ends {
			x.dates[i] = s[start:end]
			start = end
		}
		x.datesBuilt.Store(true)
	})
	return x.dates
}

// dateString returns decision i's date as answers write it: from
// dateStrings where they are built, else made alone, for an answer that
// shows a few decisions.
func (x *Index) dateString(i int) string {
	if x.datesBuilt.Load() {
		return x.dates[i]
	}
	var t time.Time
	n := x.day(i)
	if y, _, _ := civilDate(n); y < 0 || y > 9999 {
		t = x.date(i)
	}
	return string(appendDate(make([]byte, 0, len(dateLayout)), t, n))
}

// appendDate appends t as t.Format(dateLayout) does, from its day number
// n, without its cost (t is read only for a year outside 0–9999).
func appendDate(b []byte, t time.Time, n int64) []byte {
	y, m, d := civilDate(n)
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, dateLayout)
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
}

// appendLower appends strings.ToLower(s), lowering ASCII in place and
// leaving the rest to strings.ToLower.
func appendLower(b []byte, s string) []byte {
	start := len(b)
	b = append(b, s...)
	for k := start; k < len(b); k++ {
		c := b[k]
		if c >= utf8.RuneSelf {
			return append(b[:start], strings.ToLower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
	return b
}

// seatCodes resolves a member or seat name to the codes it stands for: a
// code such as "USA", or codes joined by "+" for a seat held in turn by
// several states ("SUN+RUS", the USSR/Russian Federation seat).
func seatCodes(s string) []unsc.Code {
	var out []unsc.Code
	for _, c := range strings.Split(s, "+") {
		if c = strings.ToUpper(strings.TrimSpace(c)); c != "" {
			out = append(out, unsc.Code(c))
		}
	}
	return out
}

// positionTable returns every member's positions, built once.
func (x *Index) positionTable() *positions {
	x.positionsOnce.Do(x.buildPositions)
	return &x.positions
}

func (x *Index) buildPositions() {
	p := &x.positions
	cs := x.councilTable()
	p.codes = map[unsc.Code]int{}
	// Codes of three capital letters, nearly all, are numbered through a
	// table rather than the map; rows are cut from larger blocks.
	table := new([26 * 26 * 26]int16)
	var block []uint8
	code := func(c unsc.Code) int {
		k, packed := packCode(c)
		if packed && table[k] > 0 {
			return int(table[k]) - 1
		}
		n, ok := p.codes[c]
		if !ok {
			n = len(p.pos)
			p.codes[c] = n
			if len(block) < x.n {
				block = make([]uint8, 32*x.n)
			}
			p.pos = append(p.pos, block[:x.n:x.n])
			block = block[x.n:]
			p.seatedIn = append(p.seatedIn, make([]bool, len(cs.codes)))
		}
		if packed && n < math.MaxInt16 {
			table[k] = int16(n + 1)
		}
		return n
	}
	// The members of each composition, numbered once for all its
	// decisions.
	numbered := make([][]int, len(cs.codes))
	for k, codes := range cs.codes {
		ns := make([]int, len(codes))
		for j, c := range codes {
			ns[j] = code(c)
			p.seatedIn[ns[j]][k] = true
		}
		numbered[k] = ns
	}
	for i := range x.n {
		if !x.votesKnown(i) {
			continue
		}
		for _, n := range numbered[cs.of[i]] {
			p.pos[n][i] = pAbsent
		}
		// A code that voted but is not in the composition (a source's
		// error) still has its position recorded.
		x.eachVote(i, func(c unsc.Code, v unsc.Position) {
			p.pos[code(c)][i] = posCode(v)
		})
		for _, c := range x.inDoubt(i) {
			p.pos[code(c)][i] = pDoubt
		}
	}
	p.seats = map[string][]uint8{}
	for _, s := range PermanentSeats {
		if codes := seatCodes(s); len(codes) > 1 {
			p.seats[s] = x.mergePositions(p, codes)
		}
	}
	x.positionsBuilt.Store(true)
}

// seatColumns returns, for each set of codes (a member, or a seat held in
// turn), its positions on every decision as seatPositions gives them and
// where it sat as seatedRows does: from the table of every member's
// positions where it is built, else from one pass over the decisions that
// reads the positions of those codes only. A question about a few members
// then touches a byte of memory for each decision and code asked about,
// not for each decision and member (12 MB at 30 times the record).
func (x *Index) seatColumns(sets ...[]unsc.Code) ([][]uint8, []seating) {
	return x.seatColumnsIn(0, x.n, sets...)
}

// seatColumnsIn is seatColumns for a question that reads the positions
// of decisions [lo, hi) only: where it reads the decisions, it reads
// those alone (the positions of the others are pNone).
func (x *Index) seatColumnsIn(lo, hi int, sets ...[]unsc.Code) ([][]uint8, []seating) {
	pos := make([][]uint8, len(sets))
	rows := make([]seating, len(sets))
	if x.positionsBuilt.Load() {
		for k, codes := range sets {
			pos[k], rows[k] = x.seatPositions(codes), x.seatedRows(codes)
		}
		return pos, rows
	}
	cs := x.councilTable()
	// The codes asked for, numbered; codes of three capital letters are
	// found through a table.
	var asked []unsc.Code
	packed := new([26 * 26 * 26]int8)
	number := func(c unsc.Code) int {
		if k, ok := packCode(c); ok {
			return int(packed[k]) - 1
		}
		return slices.Index(asked, c)
	}
	for _, codes := range sets {
		for _, c := range codes {
			if number(c) >= 0 {
				continue
			}
			asked = append(asked, c)
			if k, ok := packCode(c); ok {
				if len(asked) > math.MaxInt8 {
					// Past the table's reach: every member's table.
					x.positionTable()
					return x.seatColumnsIn(lo, hi, sets...)
				}
				packed[k] = int8(len(asked))
			}
		}
	}
	block := make([]uint8, len(asked)*x.n)
	col := make([][]uint8, len(asked))
	seatedIn := make([][]bool, len(asked))
	for j := range asked {
		col[j] = block[j*x.n : (j+1)*x.n : (j+1)*x.n]
		seatedIn[j] = make([]bool, len(cs.codes))
	}
	// The codes asked for that sat in each composition.
	numbered := make([][]int, len(cs.codes))
	for k, codes := range cs.codes {
		for _, c := range codes {
			if j := number(c); j >= 0 {
				seatedIn[j][k] = true
				numbered[k] = append(numbered[k], j)
			}
		}
	}
	// One function for every decision's votes: one made per decision
	// would be allocated for each. Columns that give one member's votes
	// over the span are read so, code by code, after the absences.
	var at int
	vote := func(c unsc.Code, v unsc.Position) {
		if j := number(c); j >= 0 {
			col[j][at] = posCode(v)
		}
	}
	lister, _ := x.cols.(voteLister)
	for i := lo; i < hi; i++ {
		if !x.votesKnown(i) {
			continue
		}
		for _, j := range numbered[cs.of[i]] {
			col[j][i] = pAbsent
		}
		if lister == nil {
			at = i
			x.eachVote(i, vote)
		}
	}
	if lister != nil {
		for j, c := range asked {
			lister.EachVoteOf(c, lo, hi, func(i int, v unsc.Position) {
				if x.votesKnown(i) {
					col[j][i] = posCode(v)
				}
			})
		}
	}
	for i := lo; i < hi; i++ {
		if !x.votesKnown(i) {
			continue
		}
		for _, c := range x.inDoubt(i) {
			if j := number(c); j >= 0 {
				col[j][i] = pDoubt
			}
		}
	}
	for k, codes := range sets {
		rows[k] = seating{in: make([]bool, len(cs.codes)), of: cs.of}
		for _, c := range codes {
			for kk, in := range seatedIn[number(c)] {
				rows[k].in[kk] = rows[k].in[kk] || in
			}
		}
		if len(codes) == 1 {
			pos[k] = col[number(codes[0])]
			continue
		}
		// As mergePositions: the position of whichever code sat.
		out := make([]uint8, x.n)
		for _, c := range codes {
			for i, v := range col[number(c)][lo:hi] {
				if out[lo+i] == pNone {
					out[lo+i] = v
				}
			}
		}
		pos[k] = out
	}
	return pos, rows
}

// voteLister is the Columns of a record that gives one member's votes
// over a run of decisions at once (readmodel.Image.EachVoteOf), calling f
// as EachVote of each decision would for that member.
type voteLister interface {
	EachVoteOf(c unsc.Code, lo, hi int, f func(i int, p unsc.Position))
}

// packCode numbers a code of three capital letters.
func packCode(c unsc.Code) (int, bool) {
	if len(c) != 3 {
		return 0, false
	}
	a, b, d := int(c[0])-'A', int(c[1])-'A', int(c[2])-'A'
	if uint(a) >= 26 || uint(b) >= 26 || uint(d) >= 26 {
		return 0, false
	}
	return (a*26+b)*26 + d, true
}

// seatPositions returns the positions of a member or seat on every
// decision: for a seat of several codes, the position of whichever sat.
// The slice may be shared and must not be changed.
func (x *Index) seatPositions(codes []unsc.Code) []uint8 {
	p := x.positionTable()
	switch {
	case len(codes) == 1:
		if n, ok := p.codes[codes[0]]; ok {
			return p.pos[n]
		}
		return make([]uint8, x.n)
	case len(codes) > 1:
		if s, ok := p.seats[strings.Join(codesStrings(codes), "+")]; ok {
			return s
		}
	}
	return x.mergePositions(p, codes)
}

func (x *Index) mergePositions(p *positions, codes []unsc.Code) []uint8 {
	out := make([]uint8, x.n)
	for _, c := range codes {
		n, ok := p.codes[c]
		if !ok {
			continue
		}
		for i, v := range p.pos[n] {
			if out[i] == pNone {
				out[i] = v
			}
		}
	}
	return out
}

// seating says whether any of some codes sat on the Council at each
// decision.
type seating struct {
	in []bool  // by Council (councils.codes)
	of []int32 // councils.of
}

func (s seating) at(i int) bool { return s.in[s.of[i]] }

// seatedRows returns where any of the codes sat.
func (x *Index) seatedRows(codes []unsc.Code) seating {
	p := x.positionTable()
	cs := x.councilTable()
	s := seating{in: make([]bool, len(cs.codes)), of: cs.of}
	for _, c := range codes {
		if n, ok := p.codes[c]; ok {
			for k, in := range p.seatedIn[n] {
				s.in[k] = s.in[k] || in
			}
		}
	}
	return s
}

// PermanentSeats are the five permanent seats as the analysis names them:
// the China seat (CHN, held by the Republic of China until 25 October 1971
// and by the People's Republic since; the sources use one code) and the
// USSR seat continued by the Russian Federation, named "SUN+RUS".
var PermanentSeats = []string{"CHN", "FRA", "GBR", "SUN+RUS", "USA"}

// permanentCodes are the codes that have held a permanent seat.
var permanentCodes = []unsc.Code{"CHN", "FRA", "GBR", "RUS", "SUN", "USA"}

func codesStrings(cs []unsc.Code) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return out
}
