// Package readmodel is the record laid out for reading: every reconciled
// decision, with its positions, vetoes, sources and reports, in one flat
// image that is read where it lies (from a memory-mapped file, or a byte
// slice) without decoding. Every question, the API and the pages read the
// record through it; the store writes it at import (package sqlite). Open
// reads an image from any bytes: a file, a database's row, or bytes carried
// in the program.
//
// # Format (version 1)
//
// All numbers are little-endian. The image is:
//
//	header   64 bytes:
//	         magic "unscimg\x00" (8), version uint32, section count uint32,
//	         SHA-256 of every byte after the header (32),
//	         decisions uint32, reports uint32, codes uint32, strings uint32
//	table    for each section, its offset and its length in bytes
//	         (uint64 each), offsets from the start of the image, 8-aligned
//	sections the columns below, each an array of fixed-size items
//
// Strings are stored once each (string 0 is ""): strOff holds n+1 offsets
// into strBytes. Member codes are numbered in codes (a string each); a
// position is a uint16, code number << 3 | unsc.Position. A list column is
// two sections, the start of each row's items (n+1 uint32) and the items.
//
// Decisions, in the store's order (date, meeting, ID), one item each:
// id (int64), day (int32, days since 1970-01-01), meta (uint32: matter,
// modality, recorded and derived outcomes 2 bits each, then flags: amendment,
// matter known, tally known, and whether the date, votes, subjects,
// sponsors, vetoes, sources, reports and notes are set), tally (4 int32), strings
// (6 uint32: meeting, resolution, draft, amendment_to, title, agenda), and
// the lists votes, subjects, sponsors, vetoed_by (codes), sources and
// reports (report numbers), and its notes: notesAt (n+1 uint32) gives each
// decision's range of notes, each note 4 uint32 (kind, field, text, source)
// and a list of members (codes). Reports likewise: day, meta (matter, modality,
// outcome, flags), tally, 10 strings (source, key, ref, meeting, resolution,
// draft, amendment_to, title, agenda, note) and the lists votes (absent
// members included), subjects, sponsors and vetoed_by (strings). The symbol
// index lists (key string, decision) sorted by key: "R" and the number of
// each resolution, "D" and each draft and amended draft, "M" and each
// meeting.
//
// Last come the sums (WithSums): counts over the record that its reader
// defines and computes, each a name and a run of int32, so that a question
// over whole years reads them instead of every decision: names (n+1 uint32
// offsets into the names' bytes, then the bytes) and values (n+1 uint32
// offsets into the int32 values, then the values).
//
// Open checks the header, the version and that every section lies within the
// image; Verify checks the checksum too, reading every byte. An image whose
// version is not Version is refused (ErrVersion): the store rebuilds it from
// its tables. A stale image is the store's to detect.
//
// Every field of unsc.Decision and unsc.Report is carried; a test fails when
// one is added and not carried.
package readmodel

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"unsafe"
)

// Version is the image format's version.
const Version = 2

const (
	magic      = "unscimg\x00"
	headerSize = 64
)

// The sections, in the order of the section table.
const (
	secStrOff = iota
	secStrBytes
	secCodes
	secID
	secDay
	secMeta
	secTally
	secStrs
	secVotesAt
	secVotes
	secSubjectsAt
	secSubjects
	secSponsorsAt
	secSponsors
	secVetoesAt
	secVetoes
	secSourcesAt
	secSources
	secReportsAt
	secReports
	secRDay
	secRMeta
	secRTally
	secRStrs
	secRVotesAt
	secRVotes
	secRSubjectsAt
	secRSubjects
	secRSponsorsAt
	secRSponsors
	secRVetoesAt
	secRVetoes
	secIndex
	secNotesAt
	secNotes
	secNoteMembersAt
	secNoteMembers
	secSumNamesAt
	secSumNames
	secSumsAt
	secSums
	numSections
)

// Strings of a decision and of a report, in their columns.
const (
	dMeeting = iota
	dResolution
	dDraft
	dAmendmentTo
	dTitle
	dAgenda
	numDStrs
)

const (
	rSource = iota
	rKey
	rRef
	rMeeting
	rResolution
	rDraft
	rAmendmentTo
	rTitle
	rAgenda
	rNote
	numRStrs
)

// The columns of a note.
const (
	nKind = iota
	nField
	nText
	nSource
	numNoteCols
)

// Flags in meta, above the four 2-bit enumerations.
const (
	fAmendment = 1 << (8 + iota)
	fMatterKnown
	fTallyKnown
	fDate
	fVotes
	fSubjects
	fSponsors
	fVetoes
	fSources
	fReports
	fNotes
)

// ErrVersion is returned by Open for an image of another format version.
var ErrVersion = errors.New("readmodel: image of another version")

// ErrMalformed is returned by Open and Verify for bytes that are not an
// image, or a damaged one.
var ErrMalformed = errors.New("readmodel: malformed image")

// Image is an opened image. It reads the bytes it was opened on, which must
// not change while it or anything read from it is in use. Its methods are
// safe for concurrent use.
type Image struct {
	b        []byte
	sum      [32]byte
	n, nr    int
	strOff   []uint32
	strBytes []byte
	codes    []uint32
	id       []int64
	day      []int32
	meta     []uint32
	tally    []int32
	strs     []uint32
	votes    list16
	subjects list32
	sponsors list32
	vetoes   list32
	sources  list32
	reports  list32
	rday     []int32
	rmeta    []uint32
	rtally   []int32
	rstrs    []uint32
	rvotes   list16
	rsubj    list32
	rspons   list32
	rvetoes  list32
	index    []uint32 // pairs: key string, decision
	// A decision's notes are notes [notesAt[i], notesAt[i+1]); each note
	// is numNoteCols items of noteCols: kind, field, text, source.
	notesAt  []uint32
	noteCols []uint32
	nmembers list32 // per note, its members (codes)
	// The sums: sum k is named sumNames[sumNamesAt[k]:sumNamesAt[k+1]]
	// and holds sums.of(k).
	sumNamesAt []uint32
	sumNames   []byte
	sums       list32
}

type list32 struct {
	at    []uint32
	items []uint32
}

// of returns row i's items; none where a damaged image says otherwise.
func (l list32) of(i int) []uint32 {
	lo, hi := l.at[i], l.at[i+1]
	if lo > hi || int(hi) > len(l.items) {
		return nil
	}
	return l.items[lo:hi]
}

type list16 struct {
	at    []uint32
	items []uint16
}

func (l list16) of(i int) []uint16 {
	lo, hi := l.at[i], l.at[i+1]
	if lo > hi || int(hi) > len(l.items) {
		return nil
	}
	return l.items[lo:hi]
}

// Open opens the image in b. b must be 8-aligned when it is not copied
// (memory from mmap is); Open copies it otherwise.
func Open(b []byte) (*Image, error) {
	if len(b) < headerSize || string(b[:8]) != magic {
		return nil, ErrMalformed
	}
	if v := binary.LittleEndian.Uint32(b[8:]); v != Version {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrVersion, v, Version)
	}
	if binary.LittleEndian.Uint32(b[12:]) != numSections || len(b) < headerSize+16*numSections {
		return nil, ErrMalformed
	}
	if uintptr(unsafe.Pointer(unsafe.SliceData(b)))%8 != 0 {
		aligned := make([]uint64, (len(b)+7)/8)
		c := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(aligned))), len(b))
		copy(c, b)
		b = c
	}
	m := &Image{b: b}
	copy(m.sum[:], b[16:48])
	m.n = int(binary.LittleEndian.Uint32(b[48:]))
	m.nr = int(binary.LittleEndian.Uint32(b[52:]))
	var secs [numSections][]byte
	for i := range secs {
		off := binary.LittleEndian.Uint64(b[headerSize+16*i:])
		n := binary.LittleEndian.Uint64(b[headerSize+16*i+8:])
		if off%8 != 0 || off > uint64(len(b)) || n > uint64(len(b))-off {
			return nil, ErrMalformed
		}
		secs[i] = b[off : off+n]
	}
	var err error
	get32 := func(s int, want int) []uint32 {
		v := cast[uint32](secs[s])
		if want >= 0 && len(v) != want {
			err = ErrMalformed
		}
		return v
	}
	m.strOff = get32(secStrOff, -1)
	m.strBytes = secs[secStrBytes]
	m.codes = get32(secCodes, -1)
	m.id = cast[int64](secs[secID])
	m.day = cast[int32](secs[secDay])
	m.meta = get32(secMeta, m.n)
	m.tally = cast[int32](secs[secTally])
	m.strs = get32(secStrs, m.n*numDStrs)
	m.votes = list16{get32(secVotesAt, m.n+1), cast[uint16](secs[secVotes])}
	m.subjects = list32{get32(secSubjectsAt, m.n+1), get32(secSubjects, -1)}
	m.sponsors = list32{get32(secSponsorsAt, m.n+1), get32(secSponsors, -1)}
	m.vetoes = list32{get32(secVetoesAt, m.n+1), get32(secVetoes, -1)}
	m.sources = list32{get32(secSourcesAt, m.n+1), get32(secSources, -1)}
	m.reports = list32{get32(secReportsAt, m.n+1), get32(secReports, -1)}
	m.rday = cast[int32](secs[secRDay])
	m.rmeta = get32(secRMeta, m.nr)
	m.rtally = cast[int32](secs[secRTally])
	m.rstrs = get32(secRStrs, m.nr*numRStrs)
	m.rvotes = list16{get32(secRVotesAt, m.nr+1), cast[uint16](secs[secRVotes])}
	m.rsubj = list32{get32(secRSubjectsAt, m.nr+1), get32(secRSubjects, -1)}
	m.rspons = list32{get32(secRSponsorsAt, m.nr+1), get32(secRSponsors, -1)}
	m.rvetoes = list32{get32(secRVetoesAt, m.nr+1), get32(secRVetoes, -1)}
	m.index = get32(secIndex, -1)
	m.notesAt = get32(secNotesAt, m.n+1)
	m.noteCols = get32(secNotes, -1)
	nn := len(m.noteCols) / numNoteCols
	m.nmembers = list32{get32(secNoteMembersAt, nn+1), get32(secNoteMembers, -1)}
	m.sumNamesAt = get32(secSumNamesAt, -1)
	m.sumNames = secs[secSumNames]
	m.sums = list32{get32(secSumsAt, len(m.sumNamesAt)), get32(secSums, -1)}
	if err != nil || len(m.id) != m.n || len(m.day) != m.n || len(m.tally) != 4*m.n ||
		len(m.rday) != m.nr || len(m.rtally) != 4*m.nr || len(m.strOff) == 0 || len(m.index)%2 != 0 {
		return nil, ErrMalformed
	}
	// The ends of every list and of the strings lie within their items, so
	// that no read below goes out of bounds for them.
	if int(m.strOff[len(m.strOff)-1]) > len(m.strBytes) ||
		!ends16(m.votes) || !ends16(m.rvotes) || !ends(m.subjects) || !ends(m.sponsors) ||
		!ends(m.vetoes) || !ends(m.sources) || !ends(m.reports) || !ends(m.rsubj) ||
		!ends(m.rspons) || !ends(m.rvetoes) || !ends(m.nmembers) ||
		len(m.noteCols)%numNoteCols != 0 || m.notesAt[0] != 0 || int(m.notesAt[m.n]) != nn ||
		!ends(m.sums) || m.sumNamesAt[0] != 0 || int(m.sumNamesAt[len(m.sumNamesAt)-1]) != len(m.sumNames) {
		return nil, ErrMalformed
	}
	return m, nil
}

func ends(l list32) bool {
	return len(l.at) > 0 && l.at[0] == 0 && int(l.at[len(l.at)-1]) == len(l.items)
}

func ends16(l list16) bool {
	return len(l.at) > 0 && l.at[0] == 0 && int(l.at[len(l.at)-1]) == len(l.items)
}

// cast views b as a slice of T, dropping a partial last item.
func cast[T any](b []byte) []T {
	var t T
	size := int(unsafe.Sizeof(t))
	if len(b) < size {
		return nil
	}
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/size)
}

// Verify checks the image's checksum, reading every byte of it.
func (m *Image) Verify() error {
	if sha256.Sum256(m.b[headerSize:]) != m.sum {
		return fmt.Errorf("%w: checksum does not match", ErrMalformed)
	}
	return nil
}

// Checksum returns the SHA-256 of the image's content, as its header gives
// it: the same record encodes to the same image and checksum.
func (m *Image) Checksum() [32]byte { return m.sum }

// Bytes returns the image.
func (m *Image) Bytes() []byte { return m.b }

// Len returns the number of decisions.
func (m *Image) Len() int { return m.n }

// str returns string k, read where it lies.
func (m *Image) str(k uint32) string {
	if int(k)+1 >= len(m.strOff) {
		return ""
	}
	lo, hi := m.strOff[k], m.strOff[k+1]
	if lo >= hi || int(hi) > len(m.strBytes) {
		return ""
	}
	return unsafe.String(&m.strBytes[lo], int(hi-lo))
}

// Sum returns the values of the sum named name (WithSums), read where they
// lie, and whether the image holds it.
func (m *Image) Sum(name string) ([]int32, bool) {
	for k := 0; k+1 < len(m.sumNamesAt); k++ {
		lo, hi := m.sumNamesAt[k], m.sumNamesAt[k+1]
		if lo > hi || int(hi) > len(m.sumNames) {
			return nil, false
		}
		if string(m.sumNames[lo:hi]) == name {
			v := m.sums.of(k)
			return unsafe.Slice((*int32)(unsafe.Pointer(unsafe.SliceData(v))), len(v)), true
		}
	}
	return nil, false
}
