package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/dhl"
	"unsc/internal/shareddata"
	"unsc/readmodel"
	"unsc/record"
	"unsc/scvotes"
	"unsc/sqlite"
	"unsc/storetest"
	"unsc/undl"
)

// checkedStore is a store whose every Decisions call also reads the tables
// and fails the test where the two differ, and whose every Import checks
// that it left an image behind.
type checkedStore struct {
	*sqlite.Store
	t *testing.T
}

func (s checkedStore) Decisions(ctx context.Context, f unsc.DecisionFilter) ([]unsc.Decision, error) {
	s.t.Helper()
	got, err := s.Store.Decisions(ctx, f)
	want, wantErr := s.Store.DecisionsFromTables(ctx, f)
	if unsc.ErrorCode(err) != unsc.ErrorCode(wantErr) || (err == nil) != (wantErr == nil) {
		s.t.Errorf("Decisions(%+v) = %v, but from the tables %v", f, err, wantErr)
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		s.t.Errorf("Decisions(%+v) mismatch with the tables (-tables +store):\n%s", f, diff)
	}
	return got, err
}

func (s checkedStore) Import(ctx context.Context, reports []unsc.Report, reconcile unsc.Reconciler, whole ...unsc.Source) (unsc.ImportSummary, error) {
	s.t.Helper()
	sum, err := s.Store.Import(ctx, reports, reconcile, whole...)
	if err == nil {
		if n, err := s.Store.Images(context.Background()); err != nil || n != 1 {
			s.t.Errorf("after Import, Images() = %v, %v; want 1", n, err)
		}
	}
	return sum, err
}

// TestStoreImage runs the behavioural suite checking, at every read, that
// the image and the tables give the same decisions.
func TestStoreImage(t *testing.T) {
	storetest.Run(t, func(t *testing.T) unsc.Store { return checkedStore{MustOpen(t), t} })
}

// realReports parses every source of the shared data that holds reports, as
// `unsc import` does: files in path order, then one report per key.
func realReports(t testing.TB) []unsc.Report {
	t.Helper()
	var all []unsc.Report
	err := filepath.WalkDir(shareddata.Dir(t), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		head := data[:min(len(data), 64<<10)]
		var parse func(f *os.File) ([]unsc.Report, error)
		switch {
		case undl.Sniff(head):
			parse = func(f *os.File) ([]unsc.Report, error) { return undl.Parse(f, path) }
		case scvotes.Sniff(head):
			parse = func(f *os.File) ([]unsc.Report, error) { return scvotes.Parse(f, path) }
		case dhl.SniffMeetings(head):
			parse = func(f *os.File) ([]unsc.Report, error) { return dhl.ParseMeetings(f, path) }
		case dhl.SniffVetoes(head):
			parse = func(f *os.File) ([]unsc.Report, error) { return dhl.ParseVetoes(f, path) }
		default:
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rs, err := parse(f)
		all = append(all, rs...)
		return err
	})
	if err != nil {
		t.Fatalf("reading the shared data: %v", err)
	}
	return record.Dedupe(all)
}

// TestImageRealRecord imports the whole shared data and checks that the
// snapshot gives the record exactly as the tables do, before and after the
// tables are changed by hand.
func TestImageRealRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the whole shared data")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "unsc.db")
	s := mustOpenPath(t, path)
	in := realReports(t)
	if _, err := s.Import(ctx, in, record.Reconcile); err != nil {
		t.Fatalf("Import(the shared data) = %v", err)
	}
	compare := func(when string) []unsc.Decision {
		t.Helper()
		if n, err := s.Images(ctx); err != nil || n != 1 {
			t.Fatalf("%s: Images() = %v, %v; want 1", when, n, err)
		}
		got, err := s.Decisions(ctx, unsc.DecisionFilter{})
		if err != nil {
			t.Fatalf("%s: Decisions({}) = %v", when, err)
		}
		want, err := s.DecisionsFromTables(ctx, unsc.DecisionFilter{})
		if err != nil {
			t.Fatalf("%s: DecisionsFromTables({}) = %v", when, err)
		}
		if len(want) < 3000 {
			t.Fatalf("%s: the tables hold %d decisions, want the whole record", when, len(want))
		}
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Fatalf("%s: Decisions({}) from the image mismatch with the tables (-tables +image):\n%s", when, diff)
		}
		f := unsc.DecisionFilter{OmitReports: true}
		lean, err := s.Decisions(ctx, f)
		if err != nil {
			t.Fatalf("%s: Decisions(%+v) = %v", when, f, err)
		}
		want, err = s.DecisionsFromTables(ctx, f)
		if err != nil {
			t.Fatalf("%s: DecisionsFromTables(%+v) = %v", when, f, err)
		}
		if diff := gocmp.Diff(want, lean); diff != "" {
			t.Fatalf("%s: Decisions(%+v) from the image mismatch with the tables (-tables +image):\n%s", when, f, diff)
		}
		return got
	}
	ds := compare("after the import")

	// A change made with SQL drops the image; the store reads the
	// tables until the next import writes it again.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const title = "changed by hand"
	if _, err := db.Exec(`UPDATE decisions SET title = ? WHERE id = ?`, title, ds[0].ID); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Images(ctx); err != nil || n != 0 {
		t.Fatalf("after an UPDATE of decisions, Images() = %v, %v; want 0", n, err)
	}
	got, err := s.Decisions(ctx, unsc.DecisionFilter{})
	if err != nil || len(got) != len(ds) || got[0].Title != title {
		t.Fatalf("Decisions({}) after an UPDATE by hand = %d decisions (first %q), %v; want %d, the first titled %q", len(got), got[0].Title, err, len(ds), title)
	}
	for _, stmt := range []string{
		`DELETE FROM decision_votes WHERE decision_id = (SELECT min(decision_id) FROM decision_votes)`,
		`UPDATE reports SET note = 'by hand' WHERE id = 1`,
		`DELETE FROM decision_vetoes WHERE decision_id = (SELECT min(decision_id) FROM decision_vetoes)`,
	} {
		if _, err := s.Import(ctx, in, record.Reconcile); err != nil {
			t.Fatalf("Import(the shared data) again = %v", err)
		}
		compare("after importing again")
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
		if n, err := s.Images(ctx); err != nil || n != 0 {
			t.Errorf("after %s, Images() = %v, %v; want 0", stmt, n, err)
		}
	}
	if _, err := s.Import(ctx, in, record.Reconcile); err != nil {
		t.Fatalf("Import(the shared data) again = %v", err)
	}
	compare("after the last import")
}

// TestImageOddValues stores values that the tables change as they store
// them — absent members, duplicate vetoes and reports, an unknown tally with
// counts, invalid UTF-8, no dates, no meetings — and checks that the
// snapshot changes them alike.
func TestImageOddValues(t *testing.T) {
	ctx := context.Background()
	s := checkedStore{MustOpen(t), t}
	loc := time.FixedZone("UTC+14", 14*3600)
	reports := []unsc.Report{
		{Source: unsc.SourceUNDL, Key: "1", Date: time.Date(2024, 3, 25, 23, 30, 0, 0, loc),
			Subjects: []string{"ok", "bad \xff utf-8", `quote " and \ and` + "\n"}, VetoedBy: []unsc.Code{},
			Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.Absent, "FRA": unsc.Yes}), Tally: unsc.Tally{Yes: 3}},
		{Source: unsc.SourceDHLVetoes, Key: "2", VetoedBy: []unsc.Code{"RUS", "CHN\rSUN"}, Subjects: []string{},
			Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{}), Outcome: unsc.Vetoed, Matter: unsc.ICJElection, Modality: unsc.ByAcclamation},
		{Source: unsc.SourceSpreadsheet, Key: "3", Date: time.Date(1946, 1, 17, 0, 0, 0, 0, time.UTC), Meeting: "S/PV.1",
			Tally: unsc.Tally{Yes: -1, No: 1 << 30, Known: true}, Amendment: true, MatterKnown: true},
	}
	reconcile := func(rs []unsc.Report) []unsc.Decision {
		return []unsc.Decision{
			{ID: 7, Date: time.Date(2024, 3, 25, 23, 30, 0, 0, loc), Title: "no meeting", Reports: []unsc.Report{rs[0], rs[0], rs[1]},
				VetoedBy: []unsc.Code{"USA", "USA", "CHN"}, Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.Absent, "FRA": unsc.No}),
				Subjects: []string{"bad \xfe"}, Tally: unsc.Tally{Yes: 5}, Recorded: unsc.Vetoed, Derived: unsc.Failed,
				Matter: unsc.Preliminary, Modality: unsc.WithoutVote, Amendment: true, MatterKnown: true},
			{Title: "no date", Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.Absent}), VetoedBy: []unsc.Code{}, Reports: rs[2:]},
			{ID: -3, Title: "no date, an earlier id", Sources: []unsc.Source{"made up"}},
			{Date: time.Date(1946, 1, 17, 0, 0, 0, 0, time.UTC), Meeting: "S/PV.1", Title: "a meeting", Tally: unsc.Tally{Abstain: 2, Known: true}},
			{Date: time.Date(1946, 1, 17, 0, 0, 0, 0, time.UTC), Title: "no meeting, same day"},
		}
	}
	if _, err := s.Import(ctx, reports, reconcile); err != nil {
		t.Fatalf("Import(odd values) = %v", err)
	}
	ds, err := s.Decisions(ctx, unsc.DecisionFilter{})
	if err != nil || len(ds) != 5 {
		t.Fatalf("Decisions({}) = %d decisions, %v; want 5", len(ds), err)
	}
	for _, f := range []unsc.DecisionFilter{{Limit: 2}, {Offset: 3}, {Offset: 2, Limit: 2}, {Offset: 9}} {
		s.Decisions(ctx, f) // checked against the tables
	}
}

// TestImageUnreadable checks that an image that does not decode is
// passed over for the tables.
func TestImageUnreadable(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "unsc.db")
	s := mustOpenPath(t, path)
	if _, err := s.Import(ctx, syntheticReports(20), oneEach); err != nil {
		t.Fatalf("Import = %v", err)
	}
	want, err := s.DecisionsFromTables(ctx, unsc.DecisionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	f := unsc.DecisionFilter{OmitReports: true}
	wantLean, err := s.DecisionsFromTables(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	// An image that does not open is passed over for the tables.
	good, err := sqlite.ExportedImage(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{{}, []byte("unscimg\x00"), []byte("garbage"), good[:len(good)/2]} {
		if _, err := db.Exec(`UPDATE image SET data = ?`, data); err != nil {
			t.Fatal(err)
		}
		got, err := s.Decisions(ctx, unsc.DecisionFilter{})
		if err != nil {
			t.Fatalf("Decisions({}) with image %q = %v", data, err)
		}
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Errorf("Decisions({}) with image %q mismatch (-tables +got):\n%s", data, diff)
		}
		got, err = s.Decisions(ctx, f)
		if err != nil {
			t.Fatalf("Decisions(%+v) with image %q = %v", f, data, err)
		}
		if diff := gocmp.Diff(wantLean, got); diff != "" {
			t.Errorf("Decisions(%+v) with image %q mismatch (-tables +got):\n%s", f, data, diff)
		}
	}
}

// BenchmarkDecisionsOmitReportsRealRecord measures loading the whole real
// record without its reports, as the CLI's questions do.
func BenchmarkDecisionsOmitReportsRealRecord(b *testing.B) {
	ctx := context.Background()
	s := mustOpenPath(b, filepath.Join(b.TempDir(), "unsc.db"))
	if _, err := s.Import(ctx, realReports(b), record.Reconcile); err != nil {
		b.Fatalf("Import(the shared data) = %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		ds, err := s.Decisions(ctx, unsc.DecisionFilter{OmitReports: true})
		if err != nil || len(ds) < 3000 {
			b.Fatalf("Decisions({OmitReports}) = %d decisions, %v", len(ds), err)
		}
	}
}

// TestImageLongString: an image whose strings are longer than what follows
// them (a record of a few decisions) reads.
func TestImageLongString(t *testing.T) {
	d := unsc.Decision{ID: 1, Agenda: "The situation in the Middle East, including the Palestinian question"}
	b, err := readmodel.Encode([]unsc.Decision{d})
	if err != nil {
		t.Fatal(err)
	}
	m, err := readmodel.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	got, err := m.Decisions(unsc.DecisionFilter{})
	if err != nil || len(got) != 1 || got[0].Agenda != d.Agenda {
		t.Errorf("image of one decision with a long agenda = %+v, %v; want it back", got, err)
	}
}

// TestImportBesideOrAfter imports the shared data with the record's sums
// counted beside the writing of the decisions' tables and its decisions held
// for writing beside the writing of the reports (today's record: an image
// under sqlite's sumsBeside, fewer reports than its holdBeside), and with
// both after them (a larger record), and checks that both give the same
// image, sums and all, and the same tables.
func TestImportBesideOrAfter(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the whole shared data")
	}
	ctx := context.Background()
	in := realReports(t)
	type imported struct {
		image     []byte
		decisions []unsc.Decision
	}
	importWith := func(beside int) imported {
		t.Helper()
		defer sqlite.SetBeside(beside, beside)()
		s := mustOpenPath(t, filepath.Join(t.TempDir(), "unsc.db"))
		if _, err := s.Import(ctx, slices.Clone(in), record.Reconcile); err != nil {
			t.Fatalf("Import(the shared data) = %v", err)
		}
		b, err := sqlite.ExportedImage(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		m, err := readmodel.Open(b)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := m.Sum("years/1"); !ok {
			t.Fatalf("beside %d: the image holds no sum years/1", beside)
		}
		ds, err := s.DecisionsFromTables(ctx, unsc.DecisionFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return imported{b, ds}
	}
	beside, after := importWith(1<<30), importWith(0)
	if !bytes.Equal(beside.image, after.image) {
		t.Errorf("the image imported beside (%d bytes) differs from the one imported after (%d bytes)", len(beside.image), len(after.image))
	}
	if diff := gocmp.Diff(after.decisions, beside.decisions); diff != "" {
		t.Errorf("the tables imported beside differ from those imported after (-after +beside):\n%s", diff)
	}
}
