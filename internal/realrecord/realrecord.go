// Package realrecord builds the record from the public datasets in
// ../shared/data, as `unsc import ../shared/data` does, once per test
// binary, for tests and benchmarks that check facts of the real record.
package realrecord

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"unsc"
	"unsc/dhl"
	"unsc/internal/shareddata"
	"unsc/record"
	"unsc/scvotes"
	"unsc/undl"
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
		var all []unsc.Report
		// Reports name their file by its path inside the data folder, as
		// `unsc import` does, so that the record does not depend on where
		// the checkout is.
		read := func(path string, parse func(f *os.File, name string) ([]unsc.Report, error)) {
			if failure != nil {
				return
			}
			name, err := filepath.Rel(dir, path)
			if err != nil {
				failure = err
				return
			}
			f, err := os.Open(path)
			if err != nil {
				failure = err
				return
			}
			defer f.Close()
			rs, err := parse(f, filepath.ToSlash(name))
			if err != nil {
				failure = err
				return
			}
			all = append(all, rs...)
		}
		parseUNDL := func(f *os.File, name string) ([]unsc.Report, error) { return undl.Parse(f, name) }
		pages, _ := filepath.Glob(filepath.Join(dir, "dhl-sc-meetings-1946-2022", "html", "*.html"))
		slices.Sort(pages)
		for _, p := range pages {
			head, err := os.ReadFile(p)
			if err != nil {
				failure = err
				return
			}
			switch {
			case dhl.SniffVetoes(head):
				read(p, func(f *os.File, name string) ([]unsc.Report, error) { return dhl.ParseVetoes(f, name) })
			case dhl.SniffMeetings(head):
				read(p, func(f *os.File, name string) ([]unsc.Report, error) { return dhl.ParseMeetings(f, name) })
			}
		}
		read(filepath.Join(dir, "sc-votes-incl-failed-1994-2025", "sc_voting.csv"), func(f *os.File, name string) ([]unsc.Report, error) { return scvotes.Parse(f, name) })
		// The crawl of the UN Digital Library, then the official release's
		// sample, which wins where both report a record: the order of the
		// folders, as `unsc import` reads them.
		read(filepath.Join(dir, "undl-sc-votes-crawled", "sc_voting_crawled_undl_layout.csv"), parseUNDL)
		read(filepath.Join(dir, "undl-sc-voting", "2025_7_21_sc_voting_sample.csv"), parseUNDL)
		if failure != nil {
			return
		}
		// The curated decisions built into unsc, as every import adds them.
		all = append(all, record.Curated()...)
		reports = record.Dedupe(all)
		decisions = record.Reconcile(reports)
	})
	return reports, decisions, failure
}
