package record_test

import (
	"os"
	"path/filepath"
	"sort"
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
	allOnce    sync.Once
	allReports []unsc.Report
	allErr     error
)

// realReports parses every source in the shared data, once per test binary.
func realReports(t testing.TB) []unsc.Report {
	t.Helper()
	dir := shareddata.Dir(t)
	allOnce.Do(func() {
		add := func(path string, parse func(f *os.File) ([]unsc.Report, error)) {
			if allErr != nil {
				return
			}
			f, err := os.Open(path)
			if err != nil {
				allErr = err
				return
			}
			defer f.Close()
			rs, err := parse(f)
			if err != nil {
				allErr = err
				return
			}
			allReports = append(allReports, rs...)
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
	})
	if allErr != nil {
		t.Fatal(allErr)
	}
	return allReports
}

func TestCheckRealRecord(t *testing.T) {
	ds := record.Reconcile(realReports(t))
	s := record.Check(ds, record.BuiltinExplanations)
	kinds := map[string]int{}
	for _, f := range s.Findings {
		kinds[f.Kind]++
	}
	t.Logf("%s; findings by kind %v", s.Line(), kinds)
	if os.Getenv("DUMP") != "" {
		for _, f := range s.Findings {
			if f.Reason == "" {
				t.Logf("%s %s %s: %s", f.Decision.Date.Format("2006-01-02"), record.Symbol(f.Decision), f.Kind, f.Detail)
			}
		}
	}
}

// TestDumpSymbol prints every report of the decisions named in $SYMBOL: a
// tool for reading the record while writing explanations.
func TestDumpSymbol(t *testing.T) {
	sym := os.Getenv("SYMBOL")
	if sym == "" {
		t.Skip("set SYMBOL to dump a decision's reports")
	}
	for _, d := range record.Reconcile(realReports(t)) {
		if record.Symbol(d) != sym && d.Draft != sym && d.Meeting != sym {
			continue
		}
		t.Logf("DECISION %s %s res=%q draft=%q amend=%v/%q recorded=%v derived=%v tally=%+v vetoedBy=%v title=%q", d.Date.Format("2006-01-02"), d.Meeting, d.Resolution, d.Draft, d.Amendment, d.AmendmentTo, d.Recorded, d.Derived, d.Tally, d.VetoedBy, d.Title)
		for _, r := range d.Reports {
			t.Logf("   %s %s %s res=%q draft=%q amend=%v/%q outcome=%v tally=%+v vetoedBy=%v votes=%v note=%q title=%q", r.Source, r.Ref, r.Date.Format("2006-01-02"), r.Resolution, r.Draft, r.Amendment, r.AmendmentTo, r.Outcome, r.Tally, r.VetoedBy, r.Votes, r.Note, r.Title)
		}
	}
}
