// Package build makes the files of the record built into unsc (package
// embedded) from the public data, as its generator writes them and as its
// test checks them.
package build

import (
	"bytes"
	"fmt"

	"unsc"
	"unsc/internal/reporttext"
	"unsc/internal/shareddata"
	"unsc/internal/sourcefiles"
)

// ReportsFile is the name of the file of the reports, in the package's
// folder.
const ReportsFile = "reports.txt"

// Command is the command that writes the files, run from the module's root.
const Command = "go generate ./embedded"

// File is one file of the package: its name in the package's folder and its
// content.
type File struct {
	Name string
	Data []byte
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

// Files returns the package's files for the reports of the data.
func Files(reports []unsc.Report) ([]File, error) {
	var b bytes.Buffer
	if err := reporttext.Write(&b, reportsHeader, reports); err != nil {
		return nil, err
	}
	return []File{{ReportsFile, b.Bytes()}}, nil
}

const reportsHeader = `The reports built into unsc: every report of the public data in
../shared/data, as ` + "`unsc import ../shared/data`" + ` reads them (the curated
decisions, which every import adds, are not among them).
Written by ` + "`" + Command + "`" + `; do not edit. One report a line, its fields
separated by tabs (see package unsc/internal/reporttext):
source key ref date meeting resolution draft amendment_to flags outcome tally
votes vetoed_by sponsors subjects title agenda note`
