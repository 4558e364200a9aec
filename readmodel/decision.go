package readmodel

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"unsc"
)

func date(flags uint32, d int32) time.Time {
	if flags&fDate == 0 {
		return time.Time{}
	}
	return time.Unix(int64(d)*86400, 0).UTC()
}

func readTally(flags uint32, t []int32) unsc.Tally {
	if flags&fTallyKnown == 0 {
		return unsc.Tally{}
	}
	return unsc.Tally{Yes: int(t[0]), No: int(t[1]), Abstain: int(t[2]), NonVoting: int(t[3]), Known: true}
}

func (m *Image) strings(set bool, ks []uint32) []string {
	if !set {
		return nil
	}
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = m.str(k)
	}
	return out
}

func (m *Image) code(k uint32) unsc.Code {
	if int(k) >= len(m.codes) {
		return ""
	}
	return unsc.Code(m.str(m.codes[k]))
}

// votes holds the positions one call has made, by their run of
// positions: most decisions have the positions of another (a Council
// voting alike all year), and made once they are shared.
type votes map[string]unsc.Votes

func (m *Image) votesOf(set bool, vs []uint16, made votes) unsc.Votes {
	if !set {
		return unsc.Votes{}
	}
	key := unsafe.String((*byte)(unsafe.Pointer(unsafe.SliceData(vs))), 2*len(vs))
	if out, ok := made[key]; ok {
		return out
	}
	list := make([]unsc.Vote, len(vs))
	for i, v := range vs {
		list[i] = unsc.Vote{Member: m.code(uint32(v >> 3)), Position: unsc.Position(v & 7)}
	}
	out := unsc.VotesFrom(list)
	if made != nil {
		made[key] = out
	}
	return out
}

// Decision returns decision i (0 ≤ i < Len), with its reports when
// withReports is true (its sources either way).
func (m *Image) Decision(i int, withReports bool) unsc.Decision {
	return m.decision(i, withReports, nil)
}

// decision is Decision, sharing the maps of positions in made.
func (m *Image) decision(i int, withReports bool, made votes) unsc.Decision {
	d := m.Head(i)
	meta := m.meta[i]
	d.Subjects = m.strings(meta&fSubjects != 0, m.subjects.of(i))
	d.Sponsors = m.strings(meta&fSponsors != 0, m.sponsors.of(i))
	d.Votes = m.votesOf(meta&fVotes != 0, m.votes.of(i), made)
	if meta&fSources != 0 {
		ss := m.sources.of(i)
		d.Sources = make([]unsc.Source, len(ss))
		for k, v := range ss {
			d.Sources[k] = unsc.Source(m.str(v))
		}
	}
	if meta&fNotes != 0 {
		d.Notes = m.notesOf(i)
	}
	if withReports && meta&fReports != 0 {
		rs := m.reports.of(i)
		d.Reports = make([]unsc.Report, len(rs))
		for k, r := range rs {
			if int(r) < m.nr {
				d.Reports[k] = m.report(int(r), made)
			}
		}
	}
	return d
}

// Head returns decision i without its lists, for a caller that shows its
// own values only (a line of a list of decisions): its votes, subjects,
// sponsors, sources, notes and reports are left out (nil), its vetoes
// are not.
func (m *Image) Head(i int) unsc.Decision {
	meta := m.meta[i]
	s := m.strs[i*numDStrs : (i+1)*numDStrs]
	d := unsc.Decision{
		ID:          m.id[i],
		Date:        date(meta, m.day[i]),
		Meeting:     m.str(s[dMeeting]),
		Resolution:  m.str(s[dResolution]),
		Draft:       m.str(s[dDraft]),
		Amendment:   meta&fAmendment != 0,
		AmendmentTo: m.str(s[dAmendmentTo]),
		Title:       m.str(s[dTitle]),
		Agenda:      m.str(s[dAgenda]),
		Matter:      unsc.Matter(meta & 3),
		MatterKnown: meta&fMatterKnown != 0,
		Modality:    unsc.Modality(meta >> 2 & 3),
		Recorded:    unsc.Outcome(meta >> 4 & 3),
		Derived:     unsc.Outcome(meta >> 6 & 3),
		Tally:       readTally(meta, m.tally[4*i:4*i+4]),
	}
	if meta&fVetoes != 0 {
		vs := m.vetoes.of(i)
		d.VetoedBy = make([]unsc.Code, len(vs))
		for k, v := range vs {
			d.VetoedBy[k] = m.code(v)
		}
	}
	return d
}

// notesOf returns decision i's notes; none where a damaged image says
// otherwise.
func (m *Image) notesOf(i int) []unsc.Note {
	lo, hi := m.notesAt[i], m.notesAt[i+1]
	if lo > hi || int(hi)*numNoteCols > len(m.noteCols) || int(hi) >= len(m.nmembers.at) {
		return []unsc.Note{}
	}
	notes := make([]unsc.Note, hi-lo)
	for k := range notes {
		j := int(lo) + k
		c := m.noteCols[j*numNoteCols : (j+1)*numNoteCols]
		n := &notes[k]
		n.Kind = unsc.NoteKind(c[nKind])
		n.Field, n.Text, n.Source = m.str(c[nField]), m.str(c[nText]), m.str(c[nSource])
		if ms := m.nmembers.of(j); len(ms) > 0 {
			n.Members = make([]unsc.Code, len(ms))
			for x, v := range ms {
				n.Members[x] = m.code(v)
			}
		}
	}
	return notes
}

func (m *Image) report(j int, made votes) unsc.Report {
	meta := m.rmeta[j]
	s := m.rstrs[j*numRStrs : (j+1)*numRStrs]
	r := unsc.Report{
		Source:      unsc.Source(m.str(s[rSource])),
		Key:         m.str(s[rKey]),
		Ref:         m.str(s[rRef]),
		Date:        date(meta, m.rday[j]),
		Meeting:     m.str(s[rMeeting]),
		Resolution:  m.str(s[rResolution]),
		Draft:       m.str(s[rDraft]),
		Amendment:   meta&fAmendment != 0,
		AmendmentTo: m.str(s[rAmendmentTo]),
		Title:       m.str(s[rTitle]),
		Agenda:      m.str(s[rAgenda]),
		Subjects:    m.strings(meta&fSubjects != 0, m.rsubj.of(j)),
		Sponsors:    m.strings(meta&fSponsors != 0, m.rspons.of(j)),
		Matter:      unsc.Matter(meta & 3),
		MatterKnown: meta&fMatterKnown != 0,
		Modality:    unsc.Modality(meta >> 2 & 3),
		Outcome:     unsc.Outcome(meta >> 4 & 3),
		Tally:       readTally(meta, m.rtally[4*j:4*j+4]),
		Votes:       m.votesOf(meta&fVotes != 0, m.rvotes.of(j), made),
		Note:        m.str(s[rNote]),
	}
	if meta&fVetoes != 0 {
		vs := m.rvetoes.of(j)
		r.VetoedBy = make([]unsc.Code, len(vs))
		for k, v := range vs {
			r.VetoedBy[k] = unsc.Code(m.str(v))
		}
	}
	return r
}

// lookup returns the decisions the symbol index lists under key, in order.
func (m *Image) lookup(key string) []int {
	n := len(m.index) / 2
	lo := sort.Search(n, func(k int) bool { return m.str(m.index[2*k]) >= key })
	var out []int
	for k := lo; k < n && m.str(m.index[2*k]) == key; k++ {
		if i := int(m.index[2*k+1]); i < m.n {
			out = append(out, i)
		}
	}
	return out
}

// Symbol returns the decisions a symbol names, in order: a resolution
// (given without its year, every resolution of that number), a draft (the
// votes on it and on its amendments) or a meeting (all its decisions). It
// returns EINVALID for a string that is not a symbol.
func (m *Image) Symbol(symbol string) ([]int, error) {
	sym, kind, err := unsc.NormalizeSymbol(symbol)
	if err != nil {
		return nil, unsc.Errorf(unsc.EINVALID, "symbol", "%v", err)
	}
	switch kind {
	case unsc.MeetingSymbol:
		return m.lookup("M" + sym), nil
	case unsc.DraftSymbol:
		return m.lookup("D" + sym), nil
	}
	n, _ := unsc.ResolutionNumber(sym)
	is := m.lookup("R" + strconv.Itoa(n))
	if !strings.Contains(sym, "(") {
		return is, nil
	}
	// A stored resolution symbol without its year matches too.
	bare := "S/RES/" + strconv.Itoa(n)
	out := is[:0]
	for _, i := range is {
		if r := m.str(m.strs[i*numDStrs+dResolution]); r == sym || r == bare {
			out = append(out, i)
		}
	}
	return out, nil
}

// Span returns the decisions [lo, hi) dated from..to inclusive, as calendar
// days; a zero time leaves that end open. Decisions without a date come
// first and are in no span that has an end.
func (m *Image) Span(from, to time.Time) (int, int) {
	lo, hi := 0, m.n
	if !from.IsZero() {
		f := day(from)
		lo = sort.Search(m.n, func(i int) bool { return m.meta[i]&fDate != 0 && m.day[i] >= f })
	}
	if !to.IsZero() {
		if from.IsZero() {
			lo = sort.Search(m.n, func(i int) bool { return m.meta[i]&fDate != 0 })
		}
		t := day(to)
		hi = sort.Search(m.n, func(i int) bool { return m.meta[i]&fDate != 0 && m.day[i] > t })
	}
	return lo, max(lo, hi)
}

// Decisions returns the decisions the filter selects, in order, as
// unsc.Store's Decisions does: EINVALID for a bad symbol, a negative Offset
// or Limit or an unknown Outcome; ENOTFOUND for a Symbol that names no
// decision. Decisions and reports of one call with the same positions share
// one map of them, which must not be changed; no two calls share one.
func (m *Image) Decisions(f unsc.DecisionFilter) ([]unsc.Decision, error) {
	if f.Offset < 0 {
		return nil, unsc.Errorf(unsc.EINVALID, "offset", "offset %d is negative", f.Offset)
	}
	if f.Limit < 0 {
		return nil, unsc.Errorf(unsc.EINVALID, "limit", "limit %d is negative", f.Limit)
	}
	if f.Outcome > unsc.Vetoed {
		return nil, unsc.Errorf(unsc.EINVALID, "outcome", "unknown outcome %d", f.Outcome)
	}
	var candidates []int
	if f.Symbol != "" {
		is, err := m.Symbol(f.Symbol)
		if err != nil {
			return nil, err
		}
		if len(is) == 0 {
			return nil, unsc.Errorf(unsc.ENOTFOUND, "symbol", "no decision on %s", f.Symbol)
		}
		candidates = is
	}
	lo, hi := m.Span(f.From, f.To)
	keep := func(i int) bool {
		if i < lo || i >= hi {
			return false
		}
		meta := m.meta[i]
		if f.Outcome != 0 && unsc.Outcome(meta>>4&3) != f.Outcome && unsc.Outcome(meta>>6&3) != f.Outcome {
			return false
		}
		if f.VetoedBy != "" {
			found := false
			for _, v := range m.vetoes.of(i) {
				found = found || m.code(v) == f.VetoedBy
			}
			return found
		}
		return !f.Vetoed || len(m.vetoes.of(i)) > 0
	}
	var out []unsc.Decision
	made := votes{}
	skip := f.Offset
	add := func(i int) bool {
		if !keep(i) {
			return true
		}
		if skip > 0 {
			skip--
			return true
		}
		out = append(out, m.decision(i, !f.OmitReports, made))
		return f.Limit == 0 || len(out) < f.Limit
	}
	if candidates != nil {
		for _, i := range candidates {
			if !add(i) {
				break
			}
		}
		return out, nil
	}
	if f.Limit > 0 {
		out = make([]unsc.Decision, 0, min(f.Limit, hi-lo))
	} else if f == (unsc.DecisionFilter{OmitReports: f.OmitReports}) {
		out = make([]unsc.Decision, 0, m.n)
	}
	for i := lo; i < hi; i++ {
		if !add(i) {
			break
		}
	}
	return out, nil
}

// The columns of decision i, read where they lie, for questions that need a
// few fields of every decision and not the decisions themselves.

// Day returns decision i's date as days since 1970-01-01, and whether it
// has one.
func (m *Image) Day(i int) (int32, bool) { return m.day[i], m.meta[i]&fDate != 0 }

// Outcome returns the outcome of decision i as the analysis takes it: the
// derived one, else the recorded one.
func (m *Image) Outcome(i int) unsc.Outcome {
	meta := m.meta[i]
	if o := unsc.Outcome(meta >> 6 & 3); o != 0 {
		return o
	}
	return unsc.Outcome(meta >> 4 & 3)
}

// Amendment reports whether decision i is a vote on an amendment.
func (m *Image) Amendment(i int) bool { return m.meta[i]&fAmendment != 0 }

// VotesKnown reports whether the record has each member's position on
// decision i: it was taken by a vote and its positions are set.
func (m *Image) VotesKnown(i int) bool {
	meta := m.meta[i]
	return meta&fVotes != 0 && unsc.Modality(meta>>2&3) == unsc.ByVote
}

// EachVote calls f with each member's position on decision i, by code.
func (m *Image) EachVote(i int, f func(unsc.Code, unsc.Position)) {
	for _, v := range m.votes.of(i) {
		f(m.code(uint32(v>>3)), unsc.Position(v&7))
	}
}

// EachVoteOf calls f, in order, with each decision of [lo, hi) that gives
// member c a position and that position: EachVote of each, read for one
// member without naming every other.
func (m *Image) EachVoteOf(c unsc.Code, lo, hi int, f func(i int, p unsc.Position)) {
	k := -1
	for n, s := range m.codes {
		if m.str(s) == string(c) {
			k = n
			break
		}
	}
	if k < 0 {
		return
	}
	for i := max(lo, 0); i < min(hi, m.n); i++ {
		for _, v := range m.votes.of(i) {
			if int(v>>3) == k {
				f(i, unsc.Position(v&7))
			}
		}
	}
}

// VetoedBy returns the members that vetoed decision i.
func (m *Image) VetoedBy(i int) []unsc.Code {
	if m.meta[i]&fVetoes == 0 {
		return nil
	}
	vs := m.vetoes.of(i)
	out := make([]unsc.Code, len(vs))
	for k, v := range vs {
		out[k] = m.code(v)
	}
	return out
}

// EachVeto calls f, in order, with each decision whose outcome (as Outcome
// gives it) is unsc.Vetoed and the members that vetoed it, as VetoedBy
// gives them; it reads the decisions' flags where they lie, and calls that
// name the same members share one slice, which f must not change.
func (m *Image) EachVeto(f func(i int, by []unsc.Code)) {
	made := map[string][]unsc.Code{}
	for i, meta := range m.meta {
		o := meta >> 6 & 3
		if o == 0 {
			o = meta >> 4 & 3
		}
		if unsc.Outcome(o) != unsc.Vetoed {
			continue
		}
		var by []unsc.Code
		if meta&fVetoes != 0 {
			vs := m.vetoes.of(i)
			key := unsafe.String((*byte)(unsafe.Pointer(unsafe.SliceData(vs))), 4*len(vs))
			var ok bool
			if by, ok = made[key]; !ok {
				by = make([]unsc.Code, len(vs))
				for k, v := range vs {
					by[k] = m.code(v)
				}
				made[key] = by
			}
		}
		f(i, by)
	}
}

// EachSource calls f with each source of decision i, in the order
// Decision gives them.
func (m *Image) EachSource(i int, f func(unsc.Source)) {
	if m.meta[i]&fSources == 0 {
		return
	}
	for _, v := range m.sources.of(i) {
		f(unsc.Source(m.str(v)))
	}
}

// HasSource reports whether source s reports decision i.
func (m *Image) HasSource(i int, s unsc.Source) bool {
	for _, v := range m.sources.of(i) {
		if unsc.Source(m.str(v)) == s {
			return true
		}
	}
	return false
}

// InDoubt returns the members whose positions on decision i the record
// holds in doubt, as unsc.Decision.InDoubt does.
func (m *Image) InDoubt(i int) []unsc.Code {
	if m.meta[i]&fNotes == 0 {
		return nil
	}
	// Read from the notes' columns where they lie, without making the
	// notes (a question about members asks this of every decision).
	lo, hi := m.notesAt[i], m.notesAt[i+1]
	if lo >= hi || int(hi)*numNoteCols > len(m.noteCols) || int(hi) >= len(m.nmembers.at) {
		return nil
	}
	var out []unsc.Code
	for j := int(lo); j < int(hi); j++ {
		if unsc.NoteKind(m.noteCols[j*numNoteCols+nKind]) != unsc.NoteDoubt {
			continue
		}
		for _, v := range m.nmembers.of(j) {
			if c := m.code(v); !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// View is an image read as analysis reads a record: decisions with their
// reports when Reports is true.
type View struct {
	*Image
	Reports bool
}

// Decision returns decision i.
func (v View) Decision(i int) unsc.Decision { return v.Image.decision(i, v.Reports, nil) }

// Matter returns the matter of decision i.
func (m *Image) Matter(i int) unsc.Matter { return unsc.Matter(m.meta[i] & 3) }

// Modality returns how decision i was taken.
func (m *Image) Modality(i int) unsc.Modality { return unsc.Modality(m.meta[i] >> 2 & 3) }

// Tally returns decision i's count.
func (m *Image) Tally(i int) unsc.Tally { return readTally(m.meta[i], m.tally[4*i:4*i+4]) }

// Resolution returns decision i's resolution symbol, "" if none.
func (m *Image) Resolution(i int) string { return m.str(m.strs[i*numDStrs+dResolution]) }
