// Package build makes the files of the record built into unsc (package
// embedded) from the public data, as its generator writes them and as its
// test checks them.
package build

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"unsc"
	"unsc/analysis"
	"unsc/charter"
	"unsc/internal/reporttext"
	"unsc/internal/shareddata"
	"unsc/internal/sourcefiles"
	"unsc/readmodel"
	"unsc/record"
	"unsc/sqlite"
)

// ReportsFile is the name of the file of the reports, in the package's
// folder.
const ReportsFile = "reports.txt"

// ImageFile is the name of the file of the record's read model (package
// readmodel), compressed with gzip, in the package's folder.
const ImageFile = "record.img.gz"

// AboutFile is the name of the file that says, in JSON, what the record
// holds (About), in the package's folder.
const AboutFile = "record.json"

// About says what the record built into unsc holds, so that a command can
// say it without reading the record.
type About struct {
	Decisions int `json:"decisions"`
	// First and Last are the dates of the first and last decisions;
	// CompleteTo the last day to which the record holds every decision
	// (`unsc coverage`).
	First      string `json:"first"`
	Last       string `json:"last"`
	CompleteTo string `json:"complete_to"`
	// Complete says in words, kind by kind, to which day the record holds
	// every decision (analysis.Coverage's Complete): no source lists every
	// procedural vote, so CompleteTo is not a day to which it holds them.
	Complete string `json:"complete"`
}

// Command is the command that writes the files, run from the module's root.
const Command = "go generate ./embedded"

// File is one file of the package: its name in the package's folder, its
// content, and what the content stands for: the content itself, or for a
// compressed file the bytes it decompresses to, which are what a committed
// file must hold (compressors may write the same bytes differently from
// one Go release to the next).
type File struct {
	Name  string
	Data  []byte
	Plain []byte
}

// Holds reports whether committed, the file as committed, holds what f
// holds.
func (f File) Holds(committed []byte) bool {
	if bytes.Equal(committed, f.Data) {
		return true
	}
	if filepath.Ext(f.Name) != ".gz" {
		return false
	}
	plain, err := Gunzip(committed)
	return err == nil && bytes.Equal(plain, f.Plain)
}

// FromSharedData reads the shared data (see shareddata.Find) as `unsc
// import` reads it and returns the package's files.
func FromSharedData() ([]File, error) {
	dir, err := shareddata.Find()
	if err != nil {
		return nil, fmt.Errorf("the shared data (../shared/data beside the checkout, or $UNSC_SHARED_DATA): %w", err)
	}
	batch, err := sourcefiles.Load(dir)
	if err != nil {
		return nil, err
	}
	return Files(batch.Reports())
}

// Files returns the package's files for the reports of the data: the
// reports as text, and the image of the record `unsc import` makes of them
// in a new record file.
func Files(reports []unsc.Report) ([]File, error) {
	var b bytes.Buffer
	if err := reporttext.Write(&b, reportsHeader, reports); err != nil {
		return nil, err
	}
	img, err := Image(reports)
	if err != nil {
		return nil, err
	}
	gz, err := Gzip(img)
	if err != nil {
		return nil, err
	}
	about, err := aboutImage(img)
	if err != nil {
		return nil, err
	}
	return []File{{ReportsFile, b.Bytes(), b.Bytes()}, {ImageFile, gz, img}, {AboutFile, about, about}}, nil
}

// aboutImage returns the About file of the record in img.
func aboutImage(img []byte) ([]byte, error) {
	m, err := readmodel.Open(img)
	if err != nil {
		return nil, err
	}
	ds, err := m.Decisions(unsc.DecisionFilter{OmitReports: true})
	if err != nil {
		return nil, err
	}
	if len(ds) == 0 {
		return nil, fmt.Errorf("the record holds no decisions")
	}
	c := analysis.New(ds).Coverage()
	a := About{
		Decisions:  len(ds),
		First:      ds[0].Date.Format("2006-01-02"),
		Last:       ds[len(ds)-1].Date.Format("2006-01-02"),
		CompleteTo: c.CompleteTo,
		Complete:   c.Complete,
	}
	b, err := json.MarshalIndent(a, "", "  ")
	return append(b, '\n'), err
}

// Image imports the reports into a new record file, as `unsc import` does
// (the Council's membership, the reports with the curated decisions,
// reconciled by this unsc's reconciliation), and returns the image of the
// record it keeps.
func Image(reports []unsc.Report) ([]byte, error) {
	dir, err := os.MkdirTemp("", "unsc-embedded-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := sqlite.OpenWith(filepath.Join(dir, "unsc.db"), sqlite.Options{Reconciliation: record.Version})
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if err := st.SetMembership(ctx, charter.Tenures()); err != nil {
		return nil, err
	}
	if _, err := st.Import(ctx, record.Dedupe(append(reports, record.Curated()...)), record.Reconcile); err != nil {
		return nil, err
	}
	m, err := st.Image(ctx)
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, fmt.Errorf("the new record holds no image")
	}
	return bytes.Clone(m.Bytes()), nil
}

// Gzip compresses b as the package keeps its compressed files: the best
// compression, and a header with no name and no time, so that the file
// depends only on b.
func Gzip(b []byte) ([]byte, error) {
	var out bytes.Buffer
	w, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Gunzip decompresses b.
func Gunzip(b []byte) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

const reportsHeader = `The reports built into unsc: every report of the public data in
../shared/data, as ` + "`unsc import ../shared/data`" + ` reads them (the curated
decisions, which every import adds, are not among them).
Written by ` + "`" + Command + "`" + `; do not edit. One report a line, its fields
separated by tabs (see package unsc/internal/reporttext):
source key ref date meeting resolution draft amendment_to flags outcome tally
votes vetoed_by sponsors subjects title agenda note`
