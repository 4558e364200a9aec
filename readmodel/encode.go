package readmodel

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"unsc"
)

// encoder gathers the columns of an image.
type encoder struct {
	// strSlots is an open-addressing table of the strings' numbers (each
	// plus one; 0 is an empty slot) by the strings' hashes, half full at
	// most: ~10 bytes a string, where a map[string]uint32 takes ~50 (the
	// image of 30 times today's record has ~600k strings).
	strSlots []uint32
	seed     maphash.Seed
	strList  []string
	codes    map[unsc.Code]uint32
	codeList []uint32
	secs     [numSections][]byte
	// list item counts so far, by section of the items
	err error
}

// str returns the number of string s, in the order strings were first
// seen.
func (e *encoder) str(s string) uint32 {
	mask := uint64(len(e.strSlots) - 1)
	for i := maphash.String(e.seed, s) & mask; ; i = (i + 1) & mask {
		k := e.strSlots[i]
		if k == 0 {
			break
		}
		if e.strList[k-1] == s {
			return k - 1
		}
	}
	k := uint32(len(e.strList))
	e.strList = append(e.strList, s)
	if 2*len(e.strList) > len(e.strSlots) {
		e.strSlots = make([]uint32, 2*len(e.strSlots))
		for n, s := range e.strList {
			e.slot(s, uint32(n))
		}
	} else {
		e.slot(s, k)
	}
	return k
}

// slot puts string number k, s, in the first free slot from its hash.
func (e *encoder) slot(s string, k uint32) {
	mask := uint64(len(e.strSlots) - 1)
	i := maphash.String(e.seed, s) & mask
	for e.strSlots[i] != 0 {
		i = (i + 1) & mask
	}
	e.strSlots[i] = k + 1
}

func (e *encoder) code(c unsc.Code) uint32 {
	k, ok := e.codes[c]
	if !ok {
		k = uint32(len(e.codeList))
		if k >= 1<<13 {
			e.err = fmt.Errorf("readmodel: more than %d member codes", 1<<13)
		}
		e.codes[c] = k
		e.codeList = append(e.codeList, e.str(string(c)))
	}
	return k
}

func put32(b []byte, v uint32) []byte { return binary.LittleEndian.AppendUint32(b, v) }
func put16(b []byte, v uint16) []byte { return binary.LittleEndian.AppendUint16(b, v) }

// list appends a row's items to a list column and its new end to the
// column's starts.
func (e *encoder) list(at, items int, vs []uint32) {
	for _, v := range vs {
		e.secs[items] = put32(e.secs[items], v)
	}
	e.secs[at] = put32(e.secs[at], uint32(len(e.secs[items])/4))
}

func (e *encoder) strList32(ss []string) []uint32 {
	out := make([]uint32, len(ss))
	for i, s := range ss {
		out[i] = e.str(s)
	}
	return out
}

func (e *encoder) votes(at, items int, votes unsc.Votes) {
	for c, p := range votes.All() { // in code order
		if p > 7 {
			e.err = fmt.Errorf("readmodel: member %s: unknown position %d", c, p)
		}
		e.secs[items] = put16(e.secs[items], uint16(e.code(c)<<3|uint32(p&7)))
	}
	e.secs[at] = put32(e.secs[at], uint32(len(e.secs[items])/2))
}

func day(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func (e *encoder) tally(b []byte, t unsc.Tally) []byte {
	for _, v := range [...]int{t.Yes, t.No, t.Abstain, t.NonVoting} {
		if !t.Known {
			v = 0
		}
		if v < math.MinInt32 || v > math.MaxInt32 {
			e.err = fmt.Errorf("readmodel: a tally of %d votes", v)
		}
		b = put32(b, uint32(int32(v)))
	}
	return b
}

func enums(m unsc.Matter, mod unsc.Modality, a, b unsc.Outcome) uint32 {
	return uint32(m&3) | uint32(mod&3)<<2 | uint32(a&3)<<4 | uint32(b&3)<<6
}

// Encode lays out decisions, with their reports, as an image. Decisions are
// put in the store's order — by date (as a calendar day), then meeting, then
// ID — and keep their IDs; dates are kept as calendar days. A decision's
// reports are stored once each however many decisions share them.
func Encode(decisions []unsc.Decision) ([]byte, error) {
	return EncodeEach(len(decisions), func(i int) (time.Time, string, int64) {
		return decisions[i].Date, decisions[i].Meeting, decisions[i].ID
	}, func(i int) *unsc.Decision { return &decisions[i] }, nil)
}

// EncodeEach is Encode of n decisions that decision makes one at a time, for
// a caller that need not hold them all at once: it is asked for each once,
// and its answer is not kept past the next call. key gives decision i's
// date, meeting and ID (what decision(i) would give), to put them in order
// first. gathered, if not nil, is called once every decision is encoded,
// before the columns are laid out in the image (its one large allocation,
// the image's whole size).
func EncodeEach(n int, key func(i int) (date time.Time, meeting string, id int64), decision func(i int) *unsc.Decision, gathered func()) ([]byte, error) {
	order := make([]int, n)
	days := make([]string, n)
	meetings := make([]string, n)
	ids := make([]int64, n)
	for i := range order {
		order[i] = i
		var date time.Time
		date, meetings[i], ids[i] = key(i)
		if !date.IsZero() {
			days[i] = date.Format("2006-01-02")
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(days[a], days[b]), cmp.Compare(meetings[a], meetings[b]), cmp.Compare(ids[a], ids[b]))
	})
	days, meetings, ids = nil, nil, nil
	e := &encoder{strSlots: make([]uint32, 1<<10), seed: maphash.MakeSeed(), codes: map[unsc.Code]uint32{}}
	e.str("")
	// The columns of a decision's own values have their size known: made
	// once, they do not grow (a column that grows by appending holds up
	// to twice its size).
	for s, size := range map[int]int{secID: 8, secDay: 4, secMeta: 4, secTally: 16, secStrs: 4 * numDStrs} {
		e.secs[s] = make([]byte, 0, size*n)
	}
	for _, s := range []int{secVotesAt, secSubjectsAt, secSponsorsAt, secVetoesAt, secSourcesAt, secReportsAt,
		secRVotesAt, secRSubjectsAt, secRSponsorsAt, secRVetoesAt, secNotesAt, secNoteMembersAt, secSumNamesAt, secSumsAt} {
		size := 4
		if s < secRDay || s == secNotesAt {
			size = 4 * (n + 1)
		}
		e.secs[s] = put32(make([]byte, 0, size), 0)
	}
	type reportKey struct {
		source unsc.Source
		key    string
	}
	reportAt := map[reportKey]uint32{}
	var index [][2]uint32
	for _, i := range order {
		d := decision(i)
		if why := validEnums(d.Matter, d.Modality, d.Recorded, d.Derived); why != "" {
			return nil, fmt.Errorf("readmodel: decision %d: %s", d.ID, why)
		}
		at := uint32(len(e.secs[secID]) / 8)
		e.secs[secID] = binary.LittleEndian.AppendUint64(e.secs[secID], uint64(d.ID))
		meta := enums(d.Matter, d.Modality, d.Recorded, d.Derived)
		for _, f := range []struct {
			on   bool
			flag uint32
		}{{d.Amendment, fAmendment}, {d.MatterKnown, fMatterKnown}, {d.Tally.Known, fTallyKnown},
			{!d.Date.IsZero(), fDate}, {d.Votes.Known(), fVotes}, {d.Subjects != nil, fSubjects},
			{d.Sponsors != nil, fSponsors}, {d.VetoedBy != nil, fVetoes}, {d.Sources != nil, fSources},
			{d.Reports != nil, fReports}} {
			if f.on {
				meta |= f.flag
			}
		}
		var dd int32
		if !d.Date.IsZero() {
			dd = day(d.Date)
		}
		e.secs[secDay] = put32(e.secs[secDay], uint32(dd))
		e.secs[secTally] = e.tally(e.secs[secTally], d.Tally)
		for _, s := range [numDStrs]string{d.Meeting, d.Resolution, d.Draft, d.AmendmentTo, d.Title, d.Agenda} {
			e.secs[secStrs] = put32(e.secs[secStrs], e.str(s))
		}
		e.votes(secVotesAt, secVotes, d.Votes)
		e.list(secSubjectsAt, secSubjects, e.strList32(d.Subjects))
		e.list(secSponsorsAt, secSponsors, e.strList32(d.Sponsors))
		vetoes := make([]uint32, len(d.VetoedBy))
		for k, c := range d.VetoedBy {
			vetoes[k] = e.code(c)
		}
		e.list(secVetoesAt, secVetoes, vetoes)
		sources := make([]uint32, len(d.Sources))
		for k, s := range d.Sources {
			sources[k] = e.str(string(s))
		}
		e.list(secSourcesAt, secSources, sources)
		reps := make([]uint32, len(d.Reports))
		for k := range d.Reports {
			r := &d.Reports[k]
			rk := reportKey{r.Source, r.Key}
			n, ok := reportAt[rk]
			if !ok {
				var err error
				if n, err = e.report(r); err != nil {
					return nil, err
				}
				reportAt[rk] = n
			}
			reps[k] = n
		}
		e.list(secReportsAt, secReports, reps)
		if d.Notes != nil {
			meta |= fNotes
		}
		for _, n := range d.Notes {
			if n.Kind < unsc.NoteCorrected || n.Kind > unsc.LastNoteKind {
				return nil, fmt.Errorf("readmodel: decision %d: unknown note kind %d", d.ID, n.Kind)
			}
			for _, v := range [numNoteCols]uint32{uint32(n.Kind), e.str(n.Field), e.str(n.Text), e.str(n.Source)} {
				e.secs[secNotes] = put32(e.secs[secNotes], v)
			}
			members := make([]uint32, len(n.Members))
			for k, c := range n.Members {
				members[k] = e.code(c)
			}
			e.list(secNoteMembersAt, secNoteMembers, members)
		}
		e.secs[secNotesAt] = put32(e.secs[secNotesAt], uint32(len(e.secs[secNotes])/4/numNoteCols))
		e.secs[secMeta] = put32(e.secs[secMeta], meta)

		if d.Resolution != "" {
			if sym, _, err := unsc.NormalizeSymbol(d.Resolution); err == nil {
				if n, ok := unsc.ResolutionNumber(sym); ok {
					index = append(index, [2]uint32{e.str("R" + strconv.Itoa(n)), at})
				}
			}
		}
		for _, s := range []string{d.Draft, d.AmendmentTo} {
			if s != "" {
				index = append(index, [2]uint32{e.str("D" + s), at})
			}
		}
		if d.Meeting != "" {
			index = append(index, [2]uint32{e.str("M" + d.Meeting), at})
		}
	}
	if e.err != nil {
		return nil, e.err
	}
	slices.SortFunc(index, func(a, b [2]uint32) int {
		return cmp.Or(strings.Compare(e.strList[a[0]], e.strList[b[0]]), cmp.Compare(a[1], b[1]))
	})
	index = slices.Compact(index)
	for _, p := range index {
		e.secs[secIndex] = put32(put32(e.secs[secIndex], p[0]), p[1])
	}
	index = nil
	// The strings' bytes are copied into the image itself, not gathered
	// in a column first: the largest section, not held twice.
	e.strSlots, e.codes = nil, nil
	strBytes := 0
	e.secs[secStrOff] = make([]byte, 0, 4*(len(e.strList)+1))
	e.secs[secStrOff] = put32(e.secs[secStrOff], 0)
	for _, s := range e.strList {
		strBytes += len(s)
		if strBytes > math.MaxUint32 {
			return nil, fmt.Errorf("readmodel: strings over 4 GB")
		}
		e.secs[secStrOff] = put32(e.secs[secStrOff], uint32(strBytes))
	}
	for _, c := range e.codeList {
		e.secs[secCodes] = put32(e.secs[secCodes], c)
	}

	size := headerSize + 16*numSections
	for i, s := range e.secs {
		if i == secStrBytes {
			size += (strBytes + 7) &^ 7
		} else {
			size += (len(s) + 7) &^ 7
		}
	}
	if gathered != nil {
		gathered()
	}
	b := make([]byte, headerSize+16*numSections, size)
	copy(b, magic)
	binary.LittleEndian.PutUint32(b[8:], Version)
	binary.LittleEndian.PutUint32(b[12:], numSections)
	binary.LittleEndian.PutUint32(b[48:], uint32(n))
	binary.LittleEndian.PutUint32(b[52:], uint32(len(e.secs[secRMeta])/4))
	binary.LittleEndian.PutUint32(b[56:], uint32(len(e.codeList)))
	binary.LittleEndian.PutUint32(b[60:], uint32(len(e.strList)))
	for i, s := range e.secs {
		binary.LittleEndian.PutUint64(b[headerSize+16*i:], uint64(len(b)))
		if i == secStrBytes {
			binary.LittleEndian.PutUint64(b[headerSize+16*i+8:], uint64(strBytes))
			for _, s := range e.strList {
				b = append(b, s...)
			}
			e.strList = nil
		} else {
			binary.LittleEndian.PutUint64(b[headerSize+16*i+8:], uint64(len(s)))
			b = append(b, s...)
		}
		// Each column is let go once in the image.
		e.secs[i] = nil
		for len(b)%8 != 0 {
			b = append(b, 0)
		}
	}
	sum := sha256.Sum256(b[headerSize:])
	copy(b[16:48], sum[:])
	return b, nil
}

// report appends a report and returns its number.
func (e *encoder) report(r *unsc.Report) (uint32, error) {
	if why := validEnums(r.Matter, r.Modality, r.Outcome, 0); why != "" {
		return 0, fmt.Errorf("readmodel: report %s %q: %s", r.Source, r.Key, why)
	}
	n := uint32(len(e.secs[secRMeta]) / 4)
	meta := enums(r.Matter, r.Modality, r.Outcome, 0)
	for _, f := range []struct {
		on   bool
		flag uint32
	}{{r.Amendment, fAmendment}, {r.MatterKnown, fMatterKnown}, {r.Tally.Known, fTallyKnown},
		{!r.Date.IsZero(), fDate}, {r.Votes.Known(), fVotes}, {r.Subjects != nil, fSubjects},
		{r.Sponsors != nil, fSponsors}, {r.VetoedBy != nil, fVetoes}} {
		if f.on {
			meta |= f.flag
		}
	}
	var dd int32
	if !r.Date.IsZero() {
		dd = day(r.Date)
	}
	e.secs[secRDay] = put32(e.secs[secRDay], uint32(dd))
	e.secs[secRMeta] = put32(e.secs[secRMeta], meta)
	e.secs[secRTally] = e.tally(e.secs[secRTally], r.Tally)
	for _, s := range [numRStrs]string{string(r.Source), r.Key, r.Ref, r.Meeting, r.Resolution, r.Draft, r.AmendmentTo, r.Title, r.Agenda, r.Note} {
		e.secs[secRStrs] = put32(e.secs[secRStrs], e.str(s))
	}
	e.votes(secRVotesAt, secRVotes, r.Votes)
	e.list(secRSubjectsAt, secRSubjects, e.strList32(r.Subjects))
	e.list(secRSponsorsAt, secRSponsors, e.strList32(r.Sponsors))
	vetoes := make([]string, len(r.VetoedBy))
	for k, c := range r.VetoedBy {
		vetoes[k] = string(c)
	}
	e.list(secRVetoesAt, secRVetoes, e.strList32(vetoes))
	return n, e.err
}

// validEnums reports what is wrong with a matter, modality or outcome that
// has no name, or "".
func validEnums(m unsc.Matter, mod unsc.Modality, outcomes ...unsc.Outcome) string {
	if m > unsc.ICJElection {
		return fmt.Sprintf("unknown matter %d", m)
	}
	if mod > unsc.ByAcclamation {
		return fmt.Sprintf("unknown modality %d", mod)
	}
	for _, o := range outcomes {
		if o > unsc.Vetoed {
			return fmt.Sprintf("unknown outcome %d", o)
		}
	}
	return ""
}

// Sum is a named run of counts an image carries for its reader
// (Image.Sum): what they count is the reader's to define.
type Sum struct {
	Name   string
	Values []int32
}

// WithSums returns a copy of image b holding sums in place of the sums it
// holds: the sections before them are copied as they are.
func WithSums(b []byte, sums []Sum) ([]byte, error) {
	if _, err := Open(b); err != nil {
		return nil, err
	}
	end := binary.LittleEndian.Uint64(b[headerSize+16*secSumNamesAt:])
	for s := range secSumNamesAt {
		off := binary.LittleEndian.Uint64(b[headerSize+16*s:])
		if off+binary.LittleEndian.Uint64(b[headerSize+16*s+8:]) > end {
			return nil, ErrMalformed
		}
	}
	var secs [numSections - secSumNamesAt][]byte
	namesAt, sumsAt := put32(nil, 0), put32(nil, 0)
	var names, values []byte
	for _, s := range sums {
		names = append(names, s.Name...)
		for _, v := range s.Values {
			values = put32(values, uint32(v))
		}
		if len(names) > math.MaxUint32 || len(values)/4 > math.MaxUint32 {
			return nil, fmt.Errorf("readmodel: sums over 4 GB")
		}
		namesAt = put32(namesAt, uint32(len(names)))
		sumsAt = put32(sumsAt, uint32(len(values)/4))
	}
	secs[secSumNamesAt-secSumNamesAt], secs[secSumNames-secSumNamesAt] = namesAt, names
	secs[secSumsAt-secSumNamesAt], secs[secSums-secSumNamesAt] = sumsAt, values
	size := int(end)
	for _, s := range secs {
		size += (len(s) + 7) &^ 7
	}
	out := make([]byte, end, size)
	copy(out, b)
	for k, s := range secs {
		i := secSumNamesAt + k
		binary.LittleEndian.PutUint64(out[headerSize+16*i:], uint64(len(out)))
		binary.LittleEndian.PutUint64(out[headerSize+16*i+8:], uint64(len(s)))
		out = append(out, s...)
		for len(out)%8 != 0 {
			out = append(out, 0)
		}
	}
	sum := sha256.Sum256(out[headerSize:])
	copy(out[16:48], sum[:])
	return out, nil
}
