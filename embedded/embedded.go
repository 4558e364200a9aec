// Package embedded is the record built into unsc, as Go's time/tzdata is the
// time zones built into a program: every report of the public data unsc
// imports, as of the program's build, so that a fresh install answers
// without importing anything, and so that every import into a record of
// one's own adds to it.
//
// Three files hold it, each written from the data in ../shared/data by
// `go generate ./embedded` (the generator is ./gen):
//
//   - reports.txt, the reports, one a line (package unsc/internal/reporttext):
//     what an import into a record of one's own starts from (Reports), in a
//     form whose diffs a person reads when the data change;
//   - record.json, what the record holds (Describe): its number of
//     decisions, their first and last dates, and the day to which it holds
//     every decision;
//   - record.img.gz, the image (package readmodel) of the record that
//     `unsc import ../shared/data` makes in a new record file, reconciled
//     and with the curated decisions, compressed with gzip: what the
//     commands read when there is no record file (Open), decompressed once
//     and read where it lies, so that a fresh install answers its first
//     question in a few milliseconds, not in the second that reconciling the
//     reports takes.
//
// The package's test fails when any file is not exactly what a fresh
// reading and import of the data gives: the data, an importer, the curated
// decisions or the reconciliation changed, and `go generate ./embedded`
// must write them again.
package embedded

//go:generate go run ./gen

import (
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/internal/lazy"
	"unsc/internal/reporttext"
	"unsc/readmodel"
)

//go:embed reports.txt
var reportsText []byte

//go:embed record.img.gz
var imageGzip []byte

var reports = lazy.Values[[]unsc.Report, error]{Make: func() ([]unsc.Report, error) {
	return reporttext.Read(bytes.NewReader(reportsText), "embedded/reports.txt")
}}

// Reports returns the reports built into unsc, in the order `unsc import`
// reads them, one per (source, key). Each call returns reports of its own,
// which the caller may change.
func Reports() ([]unsc.Report, error) {
	rs, err := reports.Get()
	if err != nil {
		return nil, err
	}
	out := make([]unsc.Report, len(rs))
	for i, r := range rs {
		out[i] = r
		out[i].VetoedBy = slices.Clone(r.VetoedBy)
		out[i].Subjects = slices.Clone(r.Subjects)
		out[i].Sponsors = slices.Clone(r.Sponsors)
	}
	return out, nil
}

var image = lazy.Values[*readmodel.Image, error]{Make: func() (*readmodel.Image, error) {
	b, err := gunzip(imageGzip)
	if err != nil {
		return nil, fmt.Errorf("embedded/record.img.gz: %w", err)
	}
	m, err := readmodel.Open(b)
	if err != nil {
		return nil, fmt.Errorf("embedded/record.img.gz: %w", err)
	}
	return m, nil
}}

// gunzip decompresses a gzip file of one member into a buffer of the size
// its trailer gives.
func gunzip(gz []byte) ([]byte, error) {
	if len(gz) < 18 {
		return nil, fmt.Errorf("not a gzip file")
	}
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	r.Multistream(false)
	out := make([]byte, binary.LittleEndian.Uint32(gz[len(gz)-4:]))
	if _, err := io.ReadFull(r, out); err != nil {
		return nil, err
	}
	// The trailer's checksum is checked at the end of the stream.
	if n, err := r.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		return nil, fmt.Errorf("longer than its trailer says")
	}
	return out, nil
}

// Store is the record built into unsc: every decision of the public data
// as of unsc's build, reconciled as `unsc import` reconciles them, with the
// curated decisions. It is read-only: it implements unsc.Store's reading
// (Decisions, Membership), and Import and SetMembership refuse with
// EFORBIDDEN. It is safe for concurrent use.
type Store struct {
	m *readmodel.Image
}

var _ unsc.Store = (*Store)(nil)

// Open returns the record built into unsc. The image is decompressed on the
// first call; every Store shares it.
func Open() (*Store, error) {
	m, err := image.Get()
	if err != nil {
		return nil, err
	}
	return &Store{m: m}, nil
}

// Decisions returns the decisions the filter selects, as unsc.Store's
// Decisions does.
func (s *Store) Decisions(ctx context.Context, f unsc.DecisionFilter) ([]unsc.Decision, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return s.m.Decisions(f)
}

// Membership returns the Council's seat tenures that include the date (both
// ends of a term included), or every tenure when date is the zero time, as
// `unsc import` sets them in a record (charter.Tenures), in the order a
// record gives them: by name, then start of term, then code.
func (s *Store) Membership(ctx context.Context, date time.Time) ([]unsc.Member, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	var out []unsc.Member
	for _, m := range charter.Tenures() {
		if !date.IsZero() && (day(m.TermStart) > day(date) || !m.TermEnd.IsZero() && day(m.TermEnd) < day(date)) {
			continue
		}
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(a, b unsc.Member) int {
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		if c := strings.Compare(day(a.TermStart), day(b.TermStart)); c != 0 {
			return c
		}
		return strings.Compare(string(a.Code), string(b.Code))
	})
	return out, nil
}

// errReadOnly is what changing the record built into unsc returns.
var errReadOnly = &unsc.Error{Code: unsc.EFORBIDDEN, Message: "the record built into unsc cannot be changed: import into a record file of your own"}

// Import refuses: the record built into unsc is read-only.
func (s *Store) Import(context.Context, []unsc.Report, unsc.Reconciler, ...unsc.Source) (unsc.ImportSummary, error) {
	return unsc.ImportSummary{}, errReadOnly
}

// SetMembership refuses: the record built into unsc is read-only.
func (s *Store) SetMembership(context.Context, []unsc.Member) error { return errReadOnly }

// Close releases nothing: the record stays in memory for the next Open.
func (s *Store) Close() error { return nil }

// Image returns the record's read model.
func (s *Store) Image(context.Context) (*readmodel.Image, error) { return s.m, nil }

// Verify checks the image's checksum, reading every byte.
func (s *Store) Verify(context.Context) error {
	if err := s.m.Verify(); err != nil {
		return fmt.Errorf("embedded/record.img.gz: %w", err)
	}
	return nil
}

// About says what the record built into unsc holds, as its generator wrote
// it in record.json.
type About struct {
	Decisions int `json:"decisions"`
	// First and Last are the dates of the first and last decisions (as
	// YYYY-MM-DD); CompleteTo the last day to which the record holds every
	// decision (`unsc coverage`), the day it is complete as of.
	First      string `json:"first"`
	Last       string `json:"last"`
	CompleteTo string `json:"complete_to"`
	// Complete says in words, kind by kind, to which day the record holds
	// every decision (analysis.Coverage's Complete): no source lists every
	// procedural vote, so CompleteTo is not a day to which it holds them.
	Complete string `json:"complete"`
}

//go:embed record.json
var aboutJSON []byte

var about = lazy.Values[About, error]{Make: func() (About, error) {
	var a About
	if err := json.Unmarshal(aboutJSON, &a); err != nil {
		return About{}, fmt.Errorf("embedded/record.json: %w", err)
	}
	return a, nil
}}

// Describe says what the record built into unsc holds, without reading it.
func Describe() (About, error) { return about.Get() }
