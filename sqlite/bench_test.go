package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"unsc"
	"unsc/sqlite"
)

// The size of the full record: ~10k reports of ~15 members each.
const benchReports = 10000

var benchMembers = []unsc.Code{"CHN", "FRA", "RUS", "GBR", "USA", "DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"}

// syntheticReports returns n reports of fifteen members each, one per
// decision, on distinct days and meetings.
func syntheticReports(n int) []unsc.Report {
	reports := make([]unsc.Report, n)
	start := time.Date(1946, 1, 17, 0, 0, 0, 0, time.UTC)
	for i := range reports {
		votes := make(map[unsc.Code]unsc.Position, len(benchMembers))
		for j, c := range benchMembers {
			votes[c] = unsc.Position(1 + (i+j)%4)
		}
		year := 1946 + i*80/n
		reports[i] = unsc.Report{
			Source:     unsc.SourceUNDL,
			Key:        strconv.Itoa(i + 1),
			Ref:        "undl.csv:" + strconv.Itoa(i+2),
			Date:       start.AddDate(0, 0, i*3),
			Meeting:    "S/PV." + strconv.Itoa(i+1),
			Resolution: fmt.Sprintf("S/RES/%d (%d)", i+1, year),
			Draft:      fmt.Sprintf("S/%d/%d", year, i+1),
			Title:      "The situation in the Middle East",
			Agenda:     "The situation in the Middle East, including the Palestinian question",
			Subjects:   []string{"MIDDLE EAST", "PEACEKEEPING"},
			Outcome:    unsc.Adopted,
			Tally:      unsc.Tally{Yes: 9, No: 2, Abstain: 4, Known: true},
			Votes:      unsc.VotesOf(votes),
		}
	}
	return reports
}

// oneEach is a trivial reconciler: one decision per report.
func oneEach(reports []unsc.Report) []unsc.Decision {
	ds := make([]unsc.Decision, len(reports))
	for i, r := range reports {
		ds[i] = unsc.Decision{
			Date: r.Date, Meeting: r.Meeting, Resolution: r.Resolution, Draft: r.Draft,
			Title: r.Title, Agenda: r.Agenda, Subjects: r.Subjects,
			Recorded: r.Outcome, Derived: r.Outcome, Tally: r.Tally, Votes: r.Votes,
			Sources: []unsc.Source{r.Source}, Reports: reports[i : i+1],
		}
	}
	return ds
}

func TestImportLarge(t *testing.T) {
	s := MustOpen(t)
	in := syntheticReports(benchReports)
	sum, err := s.Import(context.Background(), in, oneEach)
	if err != nil {
		t.Fatalf("Import(%d reports) = %v", len(in), err)
	}
	want := unsc.ImportSummary{Reports: benchReports, Added: benchReports, Decisions: benchReports}
	if sum != want {
		t.Errorf("Import(%d reports) = %+v, want %+v", len(in), sum, want)
	}
	ds, err := s.Decisions(context.Background(), unsc.DecisionFilter{})
	if err != nil {
		t.Fatalf("Decisions({}) = %v", err)
	}
	votes := 0
	for _, d := range ds {
		votes += d.Votes.Len()
		if len(d.Reports) != 1 || d.Reports[0].Votes.Len() != len(benchMembers) {
			t.Fatalf("decision %s has %d reports, want 1 with %d votes", d.Resolution, len(d.Reports), len(benchMembers))
		}
	}
	if len(ds) != benchReports || votes != benchReports*len(benchMembers) {
		t.Errorf("Decisions({}) = %d decisions with %d votes, want %d with %d", len(ds), votes, benchReports, benchReports*len(benchMembers))
	}
	sum, err = s.Import(context.Background(), in, oneEach)
	if err != nil || sum.Unchanged != benchReports {
		t.Errorf("Import(same %d reports) = %+v, %v; want all unchanged", len(in), sum, err)
	}
}

func BenchmarkImport(b *testing.B) {
	in := syntheticReports(benchReports)
	dir := b.TempDir()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		s, err := sqlite.Open(filepath.Join(dir, fmt.Sprintf("unsc%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.Import(context.Background(), in, oneEach); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkReimportUnchanged measures importing the same reports again, which
// must change nothing.
func BenchmarkReimportUnchanged(b *testing.B) {
	in := syntheticReports(benchReports)
	s := MustOpen(b)
	if _, err := s.Import(context.Background(), in, oneEach); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Import(context.Background(), in, oneEach); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecisionsBySymbol(b *testing.B) {
	s := MustOpen(b)
	in := syntheticReports(benchReports)
	if _, err := s.Import(context.Background(), in, oneEach); err != nil {
		b.Fatal(err)
	}
	// A resolution with and without its year, a draft and a meeting.
	symbols := []string{in[4999].Resolution, strconv.Itoa(5001), in[5001].Draft, in[5002].Meeting}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ds, err := s.Decisions(context.Background(), unsc.DecisionFilter{Symbol: symbols[i%len(symbols)]})
		if err != nil || len(ds) != 1 {
			b.Fatalf("Decisions(%s) = %d decisions, %v", symbols[i%len(symbols)], len(ds), err)
		}
		i++
	}
}

func BenchmarkDecisionsAll(b *testing.B) {
	s := MustOpen(b)
	if _, err := s.Import(context.Background(), syntheticReports(benchReports), oneEach); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		ds, err := s.Decisions(context.Background(), unsc.DecisionFilter{})
		if err != nil || len(ds) != benchReports {
			b.Fatalf("Decisions({}) = %d decisions, %v", len(ds), err)
		}
	}
}
