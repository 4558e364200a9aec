package analysis

import (
	"sort"
	"strings"
	"sync"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/record"
)

// dateLayout is how answers write dates.
const dateLayout = "2006-01-02"

// Position codes in the per-member arrays. pNone means the member did not
// sit, or its position is not known.
const (
	pNone uint8 = iota
	pAbsent
	pYes
	pNo
	pAbstain
	pNotParticipating
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

var posLetters = [...]string{pNone: "", pAbsent: "-", pYes: "Y", pNo: "N", pAbstain: "A", pNotParticipating: "X"}

// Index is the record prepared for questions: built once by New, then read
// by any number of goroutines. Every question is a method on it and neither
// changes it nor does I/O.
type Index struct {
	ds []unsc.Decision
	// info holds what the questions need of each decision, by position in
	// ds.
	info []info
	// days holds each decision's date as a day number, for binary search.
	days []int64
	// codes numbers every member code that sat on the Council.
	codes map[unsc.Code]int
	// pos[c][i] is member c's position on decision i (pNone if it did not
	// sit or its position is not known).
	pos [][]uint8
	// seated[c][i] reports whether member c sat on the Council on the date
	// of decision i.
	seated [][]bool
	// vetoes holds the vetoes under each scope, in date order.
	vetoes [numScopes][]vetoItem
	// listEnd is the last date of the UN veto list.
	listEnd time.Time

	// text is every decision's search text, lower-case, each followed by
	// a NUL; textEnd[i] is the offset just past decision i's text.
	text    string
	textEnd []int
	// seats caches the positions of PermanentSeats.
	seats map[string][]uint8

	whatifMu sync.Mutex
	whatif   map[string][]unsc.Outcome

	agreeMu sync.Mutex
	agree   map[string]*pairSums

	memberMu sync.Mutex
	members  map[string]MemberProfile
}

// info is what the questions use of one decision.
type info struct {
	symbol   string
	date     string
	outcome  unsc.Outcome
	text     string // lower-case agenda, title and subjects, for search
	region   string
	topic    string
	atrocity bool
	// votesKnown is true when the record has each member's position.
	votesKnown bool
	tally      unsc.Tally // from the votes, else the source's count
	size       int        // members of the Council on the date
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

// New builds the index over the whole record, in date order, as
// sqlite.Store.Decisions or record.Reconcile return it.
func New(decisions []unsc.Decision) *Index {
	x := &Index{
		ds:      decisions,
		info:    make([]info, len(decisions)),
		days:    make([]int64, len(decisions)),
		codes:   map[unsc.Code]int{},
		whatif:  map[string][]unsc.Outcome{},
		agree:   map[string]*pairSums{},
		members: map[string]MemberProfile{},
		seats:   map[string][]uint8{},
	}
	councils := map[int64]unsc.Council{}
	code := func(c unsc.Code) int {
		n, ok := x.codes[c]
		if !ok {
			n = len(x.pos)
			x.codes[c] = n
			x.pos = append(x.pos, make([]uint8, len(decisions)))
			x.seated = append(x.seated, make([]bool, len(decisions)))
		}
		return n
	}
	for i, d := range decisions {
		x.days[i] = dayNumber(d.Date)
		c, ok := councils[x.days[i]]
		if !ok {
			c, _ = charter.CouncilOn(d.Date)
			councils[x.days[i]] = c
		}
		region, topic := classify(d)
		in := info{
			symbol:   record.Symbol(d),
			date:     d.Date.Format(dateLayout),
			outcome:  Outcome(d),
			text:     searchText(d),
			region:   region,
			topic:    topic,
			atrocity: atrocityFlag(d),
			size:     len(c.Members),
			tally:    d.Tally,
		}
		in.votesKnown = d.Votes != nil && d.Modality == unsc.ByVote
		for _, m := range c.Members {
			n := code(m.Code)
			x.seated[n][i] = true
			if in.votesKnown {
				x.pos[n][i] = posCode(d.Votes[m.Code])
			}
		}
		// A code that voted but is not in the composition (a source's
		// error) still has its position recorded.
		if in.votesKnown {
			for cd, p := range d.Votes {
				if n := code(cd); x.pos[n][i] == pNone {
					x.pos[n][i] = posCode(p)
				}
			}
		}
		x.info[i] = in
	}
	var text strings.Builder
	x.textEnd = make([]int, len(decisions))
	for i := range x.info {
		text.WriteString(x.info[i].text)
		text.WriteByte(0)
		x.textEnd[i] = text.Len()
		x.info[i].text = ""
	}
	x.text = text.String()
	x.buildVetoes()
	for _, s := range PermanentSeats {
		x.seats[s] = x.seatPositions(seatCodes(s))
	}
	return x
}

// Len returns the number of decisions in the index.
func (x *Index) Len() int { return len(x.ds) }

// span returns the indexes [lo, hi) of the decisions dated from..to
// inclusive; zero times leave that end open.
func (x *Index) span(from, to time.Time) (int, int) {
	lo, hi := 0, len(x.days)
	if !from.IsZero() {
		f := dayNumber(from)
		lo = sort.Search(len(x.days), func(i int) bool { return x.days[i] >= f })
	}
	if !to.IsZero() {
		t := dayNumber(to)
		hi = sort.Search(len(x.days), func(i int) bool { return x.days[i] > t })
	}
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// dayNumber counts days since 1 January 1970 in the date's own calendar
// day, ignoring its time of day and zone.
func dayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func searchText(d unsc.Decision) string {
	var b strings.Builder
	b.WriteString(d.Agenda)
	b.WriteByte('\n')
	b.WriteString(d.Title)
	for _, s := range d.Subjects {
		b.WriteByte('\n')
		b.WriteString(s)
	}
	return strings.ToLower(b.String())
}

// seat resolves a member or seat name to the codes it stands for: a code
// such as "USA", or codes joined by "+" for a seat held in turn by several
// states ("SUN+RUS", the USSR/Russian Federation seat).
func seatCodes(s string) []unsc.Code {
	var out []unsc.Code
	for _, c := range strings.Split(s, "+") {
		if c = strings.ToUpper(strings.TrimSpace(c)); c != "" {
			out = append(out, unsc.Code(c))
		}
	}
	return out
}

// seatPositions returns the positions of a member or seat on every
// decision: for a seat of several codes, the position of whichever sat.
// The slice is shared for a single code and must not be changed.
func (x *Index) seatPositions(codes []unsc.Code) []uint8 {
	if len(codes) > 1 && x.seats != nil {
		if p, ok := x.seats[strings.Join(codesStrings(codes), "+")]; ok {
			return p
		}
	}
	if len(codes) == 1 {
		if n, ok := x.codes[codes[0]]; ok {
			return x.pos[n]
		}
		return make([]uint8, len(x.ds))
	}
	out := make([]uint8, len(x.ds))
	for _, c := range codes {
		n, ok := x.codes[c]
		if !ok {
			continue
		}
		for i, p := range x.pos[n] {
			if out[i] == pNone {
				out[i] = p
			}
		}
	}
	return out
}

// sat reports whether any of the codes sat on the Council at decision i.
func (x *Index) sat(codes []unsc.Code, i int) bool {
	for _, c := range codes {
		if n, ok := x.codes[c]; ok && x.seated[n][i] {
			return true
		}
	}
	return false
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
