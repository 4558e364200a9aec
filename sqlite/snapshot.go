package sqlite

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"unsc"
)

// The snapshot is the whole record — every decision as Decisions returns it
// with an empty filter, in its order — in one row of the snapshot table, so
// that loading the record reads one value instead of ~70k rows. It is a
// cache of the tables: Import writes it from what it writes to them, in the
// same transaction, and triggers delete it when anything else changes them.
//
// The encoding is a byte string:
//
//	magic "unscsnap", version
//	strings: count n, then the lengths of strings 1..n-1, then their bytes
//	         (string 0 is ""); every string below is an index into them
//	counts:  decisions, reports, votes maps, codes, subjects and sponsors
//	         (for allocating)
//	decisions, each: id, flags, [date], enums, meeting, resolution, draft,
//	         amendment_to, title, agenda, [tally], [subjects], [sponsors],
//	         [votes], [vetoed_by], [notes], reports
//	reports, each: flags, source, key, ref, [date], enums, meeting,
//	         resolution, draft, amendment_to, title, agenda, note, [tally],
//	         [subjects], [sponsors], [votes], [vetoed_by]
//
// Numbers are unsigned varints, signed ones (id, days since 1970, tallies)
// zig-zag varints; bracketed fields are present when the flags say so.
// Votes are a count and then code<<3|position for each member; lists are a
// count and then their items; notes a count and then, for each, its kind
// (a byte), field, text, source and members. Decisions' sources are not stored: like the
// tables, the snapshot derives them from the reports.
const (
	snapshotMagic   = "unscsnap"
	snapshotVersion = 3 // 2: sponsors; 3: notes
)

// Flags of a decision or report in the snapshot.
const (
	flagDate = 1 << iota
	flagAmendment
	flagMatterKnown
	flagTally
	flagVotes
	flagSubjects
	flagVetoedBy
	flagSponsors
	flagNotes
)

// snapshotEncoder builds a snapshot. Reports are encoded on their own first
// (report), so that the reports of a decision can be copied in as the
// decisions are encoded (decision).
type snapshotEncoder struct {
	strs    map[string]uint64
	list    []string
	reports map[sourceKey][]byte
	body    []byte
	// The counts in the header; nSubjects counts sponsors too, which the
	// decoder takes from the same backing array.
	nDecisions, nReports, nVotes, nCodes, nSubjects int
	// per-report counts, by key, added to the header counts when a
	// decision includes the report.
	reportCounts map[sourceKey][3]int
}

func newSnapshotEncoder(reports int) *snapshotEncoder {
	return &snapshotEncoder{
		strs:         map[string]uint64{"": 0},
		list:         []string{""},
		reports:      make(map[sourceKey][]byte, reports),
		reportCounts: make(map[sourceKey][3]int, reports),
	}
}

func (e *snapshotEncoder) str(b []byte, s string) []byte {
	i, ok := e.strs[s]
	if !ok {
		i = uint64(len(e.list))
		e.strs[s] = i
		e.list = append(e.list, s)
	}
	return binary.AppendUvarint(b, i)
}

func appendInt(b []byte, n int64) []byte { return binary.AppendVarint(b, n) }

func appendDay(b []byte, t time.Time) []byte {
	y, m, d := t.Date()
	return appendInt(b, time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()/86400)
}

func (e *snapshotEncoder) tally(b []byte, t unsc.Tally) []byte {
	b = appendInt(b, int64(t.Yes))
	b = appendInt(b, int64(t.No))
	b = appendInt(b, int64(t.Abstain))
	return appendInt(b, int64(t.NonVoting))
}

// subjects appends subjects as the table's JSON reads back: invalid UTF-8
// replaced.
func (e *snapshotEncoder) subjects(b []byte, subjects []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(subjects)))
	for _, s := range subjects {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		b = e.str(b, s)
	}
	return b
}

// votes appends positions in code order, leaving out absent members when
// absent is false (decisions' positions, whose table has no row for them).
func (e *snapshotEncoder) votes(b []byte, votes map[unsc.Code]unsc.Position, absent bool) ([]byte, int) {
	var arr [16]unsc.Code
	codes := arr[:0]
	for c, p := range votes {
		if absent || p != unsc.Absent {
			codes = append(codes, c)
		}
	}
	slices.Sort(codes)
	b = binary.AppendUvarint(b, uint64(len(codes)))
	for _, c := range codes {
		i, ok := e.strs[string(c)]
		if !ok {
			i = uint64(len(e.list))
			e.strs[string(c)] = i
			e.list = append(e.list, string(c))
		}
		b = binary.AppendUvarint(b, i<<3|uint64(votes[c]))
	}
	return b, len(codes)
}

func (e *snapshotEncoder) codes(b []byte, codes []unsc.Code) []byte {
	b = binary.AppendUvarint(b, uint64(len(codes)))
	for _, c := range codes {
		b = e.str(b, string(c))
	}
	return b
}

// decisionFields appends a decision's own fields, from its id to its
// vetoes: what both snapshots hold of it.
func (e *snapshotEncoder) decisionFields(b []byte, d *unsc.Decision, id int64, vetoedBy []unsc.Code) []byte {
	var flags uint64
	if !d.Date.IsZero() {
		flags |= flagDate
	}
	if d.Amendment {
		flags |= flagAmendment
	}
	if d.MatterKnown {
		flags |= flagMatterKnown
	}
	if d.Tally.Known {
		flags |= flagTally
	}
	if d.Votes != nil {
		flags |= flagVotes
	}
	if d.Subjects != nil {
		flags |= flagSubjects
	}
	if d.Sponsors != nil {
		flags |= flagSponsors
	}
	if len(d.Notes) > 0 {
		flags |= flagNotes
	}
	b = appendInt(b, id)
	b = binary.AppendUvarint(b, flags)
	if flags&flagDate != 0 {
		b = appendDay(b, d.Date)
	}
	b = append(b, byte(d.Matter)|byte(d.Modality)<<2|byte(d.Recorded)<<4|byte(d.Derived)<<6)
	for _, s := range [...]string{d.Meeting, d.Resolution, d.Draft, d.AmendmentTo, d.Title, d.Agenda} {
		b = e.str(b, s)
	}
	if flags&flagTally != 0 {
		b = e.tally(b, d.Tally)
	}
	if flags&flagSubjects != 0 {
		b = e.subjects(b, d.Subjects)
		e.nSubjects += len(d.Subjects)
	}
	if flags&flagSponsors != 0 {
		b = e.subjects(b, d.Sponsors)
		e.nSubjects += len(d.Sponsors)
	}
	if flags&flagVotes != 0 {
		b, _ = e.votes(b, d.Votes, false)
		e.nVotes++
	}
	b = e.codes(b, vetoedBy)
	e.nCodes += len(vetoedBy)
	if flags&flagNotes != 0 {
		b = binary.AppendUvarint(b, uint64(len(d.Notes)))
		for _, n := range d.Notes {
			b = append(b, byte(n.Kind))
			b = e.str(b, n.Field)
			b = e.str(b, n.Text)
			b = e.str(b, n.Source)
			b = e.codes(b, n.Members)
			e.nCodes += len(n.Members)
		}
	}
	return b
}

// report encodes r as the reports table reads it back. r must be valid
// (reportValues accepts it).
func (e *snapshotEncoder) report(r *unsc.Report) {
	var flags uint64
	if !r.Date.IsZero() {
		flags |= flagDate
	}
	if r.Amendment {
		flags |= flagAmendment
	}
	if r.MatterKnown {
		flags |= flagMatterKnown
	}
	if r.Tally.Known {
		flags |= flagTally
	}
	if r.Votes != nil {
		flags |= flagVotes
	}
	if r.Subjects != nil {
		flags |= flagSubjects
	}
	if r.Sponsors != nil {
		flags |= flagSponsors
	}
	// The table keeps vetoed_by as codes separated by spaces, which read
	// back split on any white space.
	var vetoedBy []unsc.Code
	if r.VetoedBy != nil {
		flags |= flagVetoedBy
		vetoedBy = make([]unsc.Code, 0, len(r.VetoedBy))
		for _, c := range r.VetoedBy {
			for _, f := range strings.Fields(string(c)) {
				vetoedBy = append(vetoedBy, unsc.Code(f))
			}
		}
	}
	b := make([]byte, 0, 64+2*len(r.Votes))
	b = binary.AppendUvarint(b, flags)
	b = e.str(b, string(r.Source))
	b = e.str(b, r.Key)
	b = e.str(b, r.Ref)
	if flags&flagDate != 0 {
		b = appendDay(b, r.Date)
	}
	b = append(b, byte(r.Matter)|byte(r.Modality)<<2|byte(r.Outcome)<<4)
	for _, s := range [...]string{r.Meeting, r.Resolution, r.Draft, r.AmendmentTo, r.Title, r.Agenda, r.Note} {
		b = e.str(b, s)
	}
	if flags&flagTally != 0 {
		b = e.tally(b, r.Tally)
	}
	var counts [3]int
	if flags&flagSubjects != 0 {
		b = e.subjects(b, r.Subjects)
		counts[2] = len(r.Subjects)
	}
	if flags&flagSponsors != 0 {
		b = e.subjects(b, r.Sponsors)
		counts[2] += len(r.Sponsors)
	}
	if flags&flagVotes != 0 {
		b, _ = e.votes(b, r.Votes, true)
		counts[0] = 1
	}
	if flags&flagVetoedBy != 0 {
		b = e.codes(b, vetoedBy)
		counts[1] = len(vetoedBy)
	}
	k := sourceKey{r.Source, r.Key}
	e.reports[k] = b
	e.reportCounts[k] = counts
}

// decision encodes d, whose reports were encoded before, as the tables read
// it back, with the given id.
func (e *snapshotEncoder) decision(d *unsc.Decision, id int64) error {
	// Each member once, in the order first given, as decision_vetoes
	// keeps them.
	var arr [8]unsc.Code
	vetoedBy := arr[:0]
	for _, c := range d.VetoedBy {
		if !slices.Contains(vetoedBy, c) {
			vetoedBy = append(vetoedBy, c)
		}
	}
	b := e.decisionFields(e.body, d, id, vetoedBy)
	// Each report once, as decision_reports keeps them.
	var karr [8]sourceKey
	keys := karr[:0]
	for _, r := range d.Reports {
		k := sourceKey{r.Source, r.Key}
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		rb, ok := e.reports[k]
		if !ok {
			return fmt.Errorf("report %s %q is not in the record", k.source, k.key)
		}
		b = append(b, rb...)
		c := e.reportCounts[k]
		e.nVotes += c[0]
		e.nCodes += c[1]
		e.nSubjects += c[2]
		e.nReports++
	}
	e.body = b
	e.nDecisions++
	return nil
}

// bytes returns the snapshot.
func (e *snapshotEncoder) bytes() []byte {
	size := len(snapshotMagic) + 64 + len(e.body)
	for _, s := range e.list {
		size += len(s) + 2
	}
	b := make([]byte, 0, size)
	b = append(b, snapshotMagic...)
	b = binary.AppendUvarint(b, snapshotVersion)
	b = binary.AppendUvarint(b, uint64(len(e.list)))
	for _, s := range e.list[1:] {
		b = binary.AppendUvarint(b, uint64(len(s)))
	}
	for _, s := range e.list[1:] {
		b = append(b, s...)
	}
	for _, n := range [...]int{e.nDecisions, e.nReports, e.nVotes, e.nCodes, e.nSubjects} {
		b = binary.AppendUvarint(b, uint64(n))
	}
	return append(b, e.body...)
}

// errSnapshot is a snapshot that does not decode.
var errSnapshot = errors.New("malformed snapshot")

// snapshotDecoder reads a snapshot. Every read checks its bounds; the first
// failure sets err and makes every later read return zero.
type snapshotDecoder struct {
	b    []byte
	err  error
	strs []string
	// Backing arrays, allocated once for all decisions.
	reportBuf  []unsc.Report
	codeBuf    []unsc.Code
	subjectBuf []string
	sourceBuf  []unsc.Source
	// omitReports skips the reports, keeping the decisions' sources.
	omitReports bool
}

func (d *snapshotDecoder) fail() {
	if d.err == nil {
		d.err = errSnapshot
	}
	d.b = nil
}

func (d *snapshotDecoder) uint() uint64 {
	b := d.b
	// One byte covers most values.
	if len(b) > 0 && b[0] < 0x80 {
		d.b = b[1:]
		return uint64(b[0])
	}
	v, n := binary.Uvarint(b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = b[n:]
	return v
}

func (d *snapshotDecoder) int() int64 {
	u := d.uint()
	return int64(u>>1) ^ -int64(u&1)
}

func (d *snapshotDecoder) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

// count reads a list's length, which cannot exceed the bytes left.
func (d *snapshotDecoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *snapshotDecoder) str() string {
	i := d.uint()
	if i >= uint64(len(d.strs)) {
		d.fail()
		return ""
	}
	return d.strs[i]
}

func (d *snapshotDecoder) day() time.Time {
	return time.Unix(d.int()*86400, 0).UTC()
}

func (d *snapshotDecoder) tally() unsc.Tally {
	return unsc.Tally{Yes: int(d.int()), No: int(d.int()), Abstain: int(d.int()), NonVoting: int(d.int()), Known: true}
}

// take returns the next n items of a backing array, allocating more if a
// malformed header undercounted them.
func take[T any](arr *[]T, n int) []T {
	if n > len(*arr) {
		*arr = make([]T, max(n, 64))
	}
	s := (*arr)[:n:n]
	*arr = (*arr)[n:]
	return s
}

func (d *snapshotDecoder) subjects() []string {
	n := d.count()
	s := take(&d.subjectBuf, n)
	for i := range s {
		s[i] = d.str()
	}
	return s
}

func (d *snapshotDecoder) votes() map[unsc.Code]unsc.Position {
	n := d.count()
	m := make(map[unsc.Code]unsc.Position, n)
	for range n {
		v := d.uint()
		i, p := v>>3, unsc.Position(v&7)
		if i >= uint64(len(d.strs)) || p > unsc.NotParticipating {
			d.fail()
			return m
		}
		m[unsc.Code(d.strs[i])] = p
	}
	return m
}

func (d *snapshotDecoder) codes() []unsc.Code {
	n := d.count()
	s := take(&d.codeBuf, n)
	for i := range s {
		s[i] = unsc.Code(d.str())
	}
	return s
}

// enums reads a matter, a modality and two outcomes packed in a byte.
func (d *snapshotDecoder) enums() (unsc.Matter, unsc.Modality, unsc.Outcome, unsc.Outcome) {
	e := d.byte()
	if e>>2&3 > byte(unsc.ByAcclamation) {
		d.fail()
	}
	return unsc.Matter(e & 3), unsc.Modality(e >> 2 & 3), unsc.Outcome(e >> 4 & 3), unsc.Outcome(e >> 6)
}

func (d *snapshotDecoder) report(r *unsc.Report) {
	flags := d.uint()
	r.Source = unsc.Source(d.str())
	r.Key = d.str()
	r.Ref = d.str()
	if flags&flagDate != 0 {
		r.Date = d.day()
	}
	r.Amendment = flags&flagAmendment != 0
	r.MatterKnown = flags&flagMatterKnown != 0
	var derived unsc.Outcome
	r.Matter, r.Modality, r.Outcome, derived = d.enums()
	if derived != 0 {
		d.fail()
	}
	r.Meeting = d.str()
	r.Resolution = d.str()
	r.Draft = d.str()
	r.AmendmentTo = d.str()
	r.Title = d.str()
	r.Agenda = d.str()
	r.Note = d.str()
	if flags&flagTally != 0 {
		r.Tally = d.tally()
	}
	if flags&flagSubjects != 0 {
		r.Subjects = d.subjects()
	}
	if flags&flagSponsors != 0 {
		r.Sponsors = d.subjects()
	}
	if flags&flagVotes != 0 {
		r.Votes = d.votes()
	}
	if flags&flagVetoedBy != 0 {
		r.VetoedBy = d.codes()
	}
}

// skipReport reads past a report, allocating nothing, and returns its
// source.
func (d *snapshotDecoder) skipReport() unsc.Source {
	flags := d.uint()
	src := unsc.Source(d.str())
	d.uint() // key
	d.uint() // ref
	if flags&flagDate != 0 {
		d.int()
	}
	d.byte()      // enums
	for range 7 { // meeting, resolution, draft, amendment_to, title, agenda, note
		d.uint()
	}
	if flags&flagTally != 0 {
		d.tally()
	}
	for _, list := range []int{flagSubjects, flagSponsors, flagVotes, flagVetoedBy} {
		if flags&uint64(list) != 0 {
			for range d.count() {
				d.uint()
			}
		}
	}
	return src
}

// decisionFields reads a decision's own fields, from its id to its vetoes:
// what both snapshots hold of it.
func (d *snapshotDecoder) decisionFields(x *unsc.Decision) {
	x.ID = d.int()
	flags := d.uint()
	if flags&flagDate != 0 {
		x.Date = d.day()
	}
	x.Amendment = flags&flagAmendment != 0
	x.MatterKnown = flags&flagMatterKnown != 0
	x.Matter, x.Modality, x.Recorded, x.Derived = d.enums()
	x.Meeting = d.str()
	x.Resolution = d.str()
	x.Draft = d.str()
	x.AmendmentTo = d.str()
	x.Title = d.str()
	x.Agenda = d.str()
	if flags&flagTally != 0 {
		x.Tally = d.tally()
	}
	if flags&flagSubjects != 0 {
		x.Subjects = d.subjects()
	}
	if flags&flagSponsors != 0 {
		x.Sponsors = d.subjects()
	}
	if flags&flagVotes != 0 {
		x.Votes = d.votes()
	}
	if codes := d.codes(); len(codes) > 0 {
		x.VetoedBy = codes
	}
	if flags&flagNotes != 0 {
		x.Notes = make([]unsc.Note, d.count())
		for i := range x.Notes {
			n := &x.Notes[i]
			n.Kind = unsc.NoteKind(d.byte())
			if n.Kind < unsc.NoteCorrected || n.Kind > unsc.NoteContradiction {
				d.fail()
			}
			n.Field, n.Text, n.Source = d.str(), d.str(), d.str()
			if codes := d.codes(); len(codes) > 0 {
				n.Members = codes
			}
		}
	}
}

func (d *snapshotDecoder) decision(x *unsc.Decision) {
	d.decisionFields(x)
	if n := d.count(); n > 0 && d.omitReports {
		sources := take(&d.sourceBuf, n)[:0]
		for range n {
			if src := d.skipReport(); !slices.Contains(sources, src) {
				sources = append(sources, src)
			}
		}
		x.Sources = sources[:len(sources):len(sources)]
	} else if n > 0 {
		x.Reports = take(&d.reportBuf, n)
		for i := range x.Reports {
			d.report(&x.Reports[i])
		}
		// The sources of the reports, in their order.
		sources := take(&d.sourceBuf, n)[:0]
		for _, r := range x.Reports {
			if !slices.Contains(sources, r.Source) {
				sources = append(sources, r.Source)
			}
		}
		x.Sources = sources[:len(sources):len(sources)]
	}
}

// decodeSnapshot reads a snapshot's decisions; with omitReports, without
// their reports (but with their sources).
func decodeSnapshot(b []byte, omitReports bool) ([]unsc.Decision, error) {
	d := &snapshotDecoder{omitReports: omitReports}
	if !bytes.HasPrefix(b, []byte(snapshotMagic)) {
		return nil, errSnapshot
	}
	d.b = b[len(snapshotMagic):]
	if v := d.uint(); v != snapshotVersion {
		return nil, fmt.Errorf("snapshot version %d, want %d", v, snapshotVersion)
	}
	n := d.count()
	if n == 0 {
		return nil, errSnapshot
	}
	lens := make([]int, n)
	total := 0
	for i := 1; i < n; i++ {
		lens[i] = d.count()
		total += lens[i]
	}
	if d.err != nil || total > len(d.b) {
		return nil, errSnapshot
	}
	// One string holds every string's bytes; the strings are its slices.
	all := string(d.b[:total])
	d.b = d.b[total:]
	d.strs = make([]string, n)
	at := 0
	for i := 1; i < n; i++ {
		d.strs[i] = all[at : at+lens[i]]
		at += lens[i]
	}
	var counts [5]int
	for i := range counts {
		counts[i] = d.count()
	}
	if d.err != nil {
		return nil, d.err
	}
	decisions := make([]unsc.Decision, counts[0])
	if !omitReports {
		d.reportBuf = make([]unsc.Report, counts[1])
	}
	d.codeBuf = make([]unsc.Code, counts[3])
	d.subjectBuf = make([]string, counts[4])
	// No decision has more sources than reports.
	d.sourceBuf = make([]unsc.Source, counts[1])
	for i := range decisions {
		d.decision(&decisions[i])
		if d.err != nil {
			return nil, d.err
		}
	}
	if len(d.b) != 0 {
		return nil, errSnapshot
	}
	return decisions, nil
}

// snapshotOrder orders decisions as Decisions does: by date, then meeting,
// then ID, comparing them as the columns hold them.
func snapshotOrder(decisions []unsc.Decision, ids []int64) []int {
	order := make([]int, len(decisions))
	days := make([]string, len(decisions))
	for i := range order {
		order[i] = i
		days[i] = dayString(decisions[i].Date)
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(days[a], days[b]), cmp.Compare(decisions[a].Meeting, decisions[b].Meeting), cmp.Compare(ids[a], ids[b]))
	})
	return order
}

// readSnapshot returns the record's decisions from the snapshot, and false
// when there is no snapshot this version of the store can read.
//
// With omitReports it reads the decisions snapshot when there is one.
func (s *Store) readSnapshot(ctx context.Context, omitReports bool) ([]unsc.Decision, bool, error) {
	if omitReports {
		ds, ok, err := s.readDecisionsSnapshot(ctx)
		if ok || err != nil {
			return ds, ok, err
		}
	}
	return s.readCache(ctx, "snapshot", snapshotVersion, func(b []byte) ([]unsc.Decision, error) {
		return decodeSnapshot(b, omitReports)
	})
}

// readCache reads the one row of a snapshot table and decodes its data,
// returning false when there is no row, or none that this version of the
// store writes and can read: a cache that does not read is not the record,
// and the caller reads the tables instead.
func (s *Store) readCache(ctx context.Context, table string, version int64, decode func([]byte) ([]unsc.Decision, error)) ([]unsc.Decision, bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT version, data FROM `+table+` WHERE id = 1`)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, false, rows.Err()
	}
	var v int64
	// RawBytes: the blob is decoded before the row is let go, with no copy.
	var data sql.RawBytes
	if err := rows.Scan(&v, &data); err != nil {
		return nil, false, err
	}
	if v != version {
		return nil, false, nil
	}
	ds, err := decode(data)
	if err != nil {
		return nil, false, nil
	}
	return ds, true, rows.Close()
}

// writeSnapshot replaces the snapshot.
func writeSnapshot(ctx context.Context, tx *sql.Tx, data []byte) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO snapshot (id, version, data) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET version = excluded.version, data = excluded.data`, snapshotVersion, data); err != nil {
		return fmt.Errorf("write snapshot: %w", err)
	}
	return nil
}

// snapshotFromTables encodes the record as the tables hold it, in tx.
func snapshotFromTables(ctx context.Context, tx *sql.Tx) ([]byte, error) {
	ds, err := decisionsFromTables(ctx, tx, unsc.DecisionFilter{})
	if err != nil {
		return nil, err
	}
	n := 0
	for _, d := range ds {
		n += len(d.Reports)
	}
	e := newSnapshotEncoder(n)
	for i := range ds {
		for j := range ds[i].Reports {
			e.report(&ds[i].Reports[j])
		}
	}
	for i := range ds {
		if err := e.decision(&ds[i], ds[i].ID); err != nil {
			return nil, err
		}
	}
	return e.bytes(), nil
}

// The triggers that delete the snapshot and the decisions snapshot when the tables change; Import drops
// them while it writes (they would cost a statement for every row) and
// creates them again before it commits.
var snapshotTriggers = func() []string {
	var stmts []string
	for _, table := range []string{"reports", "decisions", "decision_votes", "decision_vetoes", "decision_reports", "decision_notes"} {
		for _, op := range []string{"insert", "update", "delete"} {
			stmts = append(stmts, fmt.Sprintf(`snapshot_%s_%s AFTER %s ON %s BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END`,
				table, op, strings.ToUpper(op), table))
		}
	}
	return stmts
}()

func dropSnapshotTriggers(ctx context.Context, tx *sql.Tx) error {
	for _, t := range snapshotTriggers {
		name, _, _ := strings.Cut(t, " ")
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER IF EXISTS `+name); err != nil {
			return fmt.Errorf("drop trigger %s: %w", name, err)
		}
	}
	return nil
}

func createSnapshotTriggers(ctx context.Context, tx *sql.Tx) error {
	for _, t := range snapshotTriggers {
		if _, err := tx.ExecContext(ctx, `CREATE TRIGGER `+t); err != nil {
			return fmt.Errorf("create trigger: %w", err)
		}
	}
	return nil
}

// derivedForms returns the snapshots the record holds, decoded as Decisions
// reads them, for Verify (see derivedForm); none that is not there.
func (s *Store) derivedForms(ctx context.Context, tx *sql.Tx) ([]derivedForm, error) {
	var stored int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM snapshot WHERE version = ?)
		+ 2 * (SELECT count(*) FROM snapshot_decisions WHERE version = ?)`, snapshotVersion, decisionsVersion).Scan(&stored); err != nil {
		return nil, err
	}
	var forms []derivedForm
	if stored&1 != 0 {
		ds, ok, err := s.readCache(ctx, "snapshot", snapshotVersion, func(b []byte) ([]unsc.Decision, error) {
			return decodeSnapshot(b, false)
		})
		if err != nil {
			return nil, err
		}
		forms = append(forms, derivedForm{name: "its snapshot", reads: ok, decisions: ds, withReports: true})
	}
	if stored&2 != 0 {
		ds, ok, err := s.readDecisionsSnapshot(ctx)
		if err != nil {
			return nil, err
		}
		forms = append(forms, derivedForm{name: "its snapshot of decisions", reads: ok, decisions: ds})
	}
	return forms, nil
}
