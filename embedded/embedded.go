// Package embedded is the record built into unsc, as Go's time/tzdata is the
// time zones built into a program: every report of the public data unsc
// imports, as of the program's build, so that a fresh install answers
// without importing anything, and so that every import into a record of
// one's own adds to it.
//
// The reports are kept in reports.txt, one a line (package
// unsc/internal/reporttext), written from the data in ../shared/data by
// `go generate ./embedded` (the generator is ./gen). The package's test
// fails when the file is not exactly what a fresh reading of the data gives.
package embedded

//go:generate go run ./gen

import (
	"bytes"
	_ "embed"
	"slices"
	"sync"

	"unsc"
	"unsc/internal/reporttext"
)

//go:embed reports.txt
var reportsText []byte

var reports = sync.OnceValues(func() ([]unsc.Report, error) {
	return reporttext.Read(bytes.NewReader(reportsText), "embedded/reports.txt")
})

// Reports returns the reports built into unsc, in the order `unsc import`
// reads them, one per (source, key). Each call returns reports of its own,
// which the caller may change.
func Reports() ([]unsc.Report, error) {
	rs, err := reports()
	if err != nil {
		return nil, err
	}
	out := make([]unsc.Report, len(rs))
	for i, r := range rs {
		out[i] = r
		if r.Votes != nil {
			out[i].Votes = make(map[unsc.Code]unsc.Position, len(r.Votes))
			for c, p := range r.Votes {
				out[i].Votes[c] = p
			}
		}
		out[i].VetoedBy = slices.Clone(r.VetoedBy)
		out[i].Subjects = slices.Clone(r.Subjects)
		out[i].Sponsors = slices.Clone(r.Sponsors)
	}
	return out, nil
}
