// Package realrecord builds the record from the public datasets in
// ../shared/data, as `unsc import ../shared/data` does, once per test
// binary, for tests and benchmarks that check facts of the real record.
package realrecord

import (
	"sync"
	"testing"

	"unsc"
	"unsc/internal/shareddata"
	"unsc/internal/sourcefiles"
	"unsc/record"
)

var (
	once      sync.Once
	reports   []unsc.Report
	decisions []unsc.Decision
	failure   error
)

// Reports returns every report of the shared data, one per (source, key),
// in the order `unsc import` reads them. Callers must not modify it.
func Reports(tb testing.TB) []unsc.Report {
	tb.Helper()
	rs, _, err := Load()
	if err != nil {
		tb.Fatalf("building the real record: %v", err)
	}
	return rs
}

// Decisions returns the record reconciled from Reports. Callers must not
// modify it.
func Decisions(tb testing.TB) []unsc.Decision {
	tb.Helper()
	_, ds, err := Load()
	if err != nil {
		tb.Fatalf("building the real record: %v", err)
	}
	return ds
}

// Load returns the reports and the decisions, building them on the first
// call, for callers without a testing.TB (a TestMain).
func Load() ([]unsc.Report, []unsc.Decision, error) {
	once.Do(func() {
		dir, err := shareddata.Find()
		if err != nil {
			failure = err
			return
		}
		// Every file of the data folder, read as `unsc import` reads it
		// (package sourcefiles): reports name their file by its path inside
		// the folder, so that the record does not depend on where the
		// checkout is.
		batch, err := sourcefiles.Load(dir)
		if err != nil {
			failure = err
			return
		}
		all := batch.Reports()
		// The curated decisions built into unsc, as every import adds them.
		all = append(all, record.Curated()...)
		reports = record.Dedupe(all)
		decisions = record.Reconcile(reports)
	})
	return reports, decisions, failure
}
