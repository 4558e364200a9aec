package analysis_test

import (
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"unsc"
	"unsc/analysis"
	"unsc/dhl"
	"unsc/internal/shareddata"
	"unsc/record"
	"unsc/scvotes"
	"unsc/undl"
)

var (
	realOnce      sync.Once
	realDecisions []unsc.Decision
	realIndex     *analysis.Index
	realErr       error
)

// realRecord parses every source in the shared data and reconciles it into
// the record, once per test binary, as `unsc import` does.
func realRecord(tb testing.TB) ([]unsc.Decision, *analysis.Index) {
	tb.Helper()
	dir := shareddata.Dir(tb)
	realOnce.Do(func() {
		var reports []unsc.Report
		add := func(path string, parse func(f *os.File) ([]unsc.Report, error)) {
			if realErr != nil {
				return
			}
			f, err := os.Open(path)
			if err != nil {
				realErr = err
				return
			}
			defer f.Close()
			rs, err := parse(f)
			if err != nil {
				realErr = err
				return
			}
			reports = append(reports, rs...)
		}
		add(filepath.Join(dir, "undl-sc-votes-crawled", "sc_voting_crawled_undl_layout.csv"), func(f *os.File) ([]unsc.Report, error) { return undl.Parse(f, f.Name()) })
		add(filepath.Join(dir, "sc-votes-incl-failed-1994-2025", "sc_voting.csv"), func(f *os.File) ([]unsc.Report, error) { return scvotes.Parse(f, f.Name()) })
		pages, _ := filepath.Glob(filepath.Join(dir, "dhl-sc-meetings-1946-2022", "html", "*"))
		sort.Strings(pages)
		for _, p := range pages {
			head, _ := os.ReadFile(p)
			switch {
			case dhl.SniffVetoes(head):
				add(p, func(f *os.File) ([]unsc.Report, error) { return dhl.ParseVetoes(f, f.Name()) })
			case dhl.SniffMeetings(head):
				add(p, func(f *os.File) ([]unsc.Report, error) { return dhl.ParseMeetings(f, f.Name()) })
			}
		}
		if realErr != nil {
			return
		}
		realDecisions = record.Reconcile(reports)
		realIndex = analysis.New(realDecisions)
	})
	if realErr != nil {
		tb.Fatal(realErr)
	}
	return realDecisions, realIndex
}
