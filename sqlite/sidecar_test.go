package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/sqlite"
	"unsc/sqlite/imagefile"
)

// TestImageFile checks that a record is read from its image file while the
// file holds what the database holds, and from the database after any
// change to it: by hand with SQL, by a copy of another record over it, by
// another reconciliation; and that a damaged file is passed over.
func TestImageFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "unsc.db")
	w := mustOpenPath(t, path)
	if _, err := w.Import(ctx, syntheticReports(20), oneEach); err != nil {
		t.Fatalf("Import = %v", err)
	}
	if _, err := os.Stat(path + ".image"); err != nil {
		t.Fatalf("after Import, no image file: %v", err)
	}
	want, err := w.DecisionsFromTables(ctx, unsc.DecisionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	openRO := func(reconciliation int) *sqlite.Store {
		t.Helper()
		s, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true, Reconciliation: reconciliation})
		if err != nil {
			t.Fatalf("OpenWith(read-only) = %v", err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	check := func(s *sqlite.Store, what string, fromFile bool, want []unsc.Decision) {
		t.Helper()
		got, err := s.Decisions(ctx, unsc.DecisionFilter{})
		if err != nil {
			t.Fatalf("%s: Decisions = %v", what, err)
		}
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Errorf("%s: Decisions mismatch with the tables (-tables +got):\n%s", what, diff)
		}
		if s.ReadsImageFile() != fromFile {
			t.Errorf("%s: reads the image file = %v, want %v", what, s.ReadsImageFile(), fromFile)
		}
	}
	r := openRO(0)
	check(r, "after Import", true, want)
	if got, err := r.Decisions(ctx, unsc.DecisionFilter{Symbol: want[3].Resolution}); err != nil || len(got) != 1 || got[0].ID != want[3].ID {
		t.Errorf("Decisions(symbol %s) from the image file = %v, %v", want[3].Resolution, got, err)
	}
	// Another reconciliation does not read the file (and the store
	// refuses a record derived by another only when it reads the file).
	if s, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true, Reconciliation: 7}); err == nil {
		t.Errorf("OpenWith(reconciliation 7) of a record derived by 0 = nil error")
		s.Close()
	}

	// A change by hand: both the open store and a new one read it.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE decisions SET title = 'changed by hand' WHERE id = ?`, want[0].ID); err != nil {
		t.Fatal(err)
	}
	db.Close()
	changed, err := w.DecisionsFromTables(ctx, unsc.DecisionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if changed[0].Title != "changed by hand" {
		t.Fatalf("the change by hand did not take: %q", changed[0].Title)
	}
	check(r, "the store opened before a change by hand", false, changed)
	check(openRO(0), "a store opened after a change by hand", false, changed)

	// The next import writes the file again.
	if _, err := w.Import(ctx, syntheticReports(21), oneEach); err != nil {
		t.Fatalf("Import = %v", err)
	}
	want, err = w.DecisionsFromTables(ctx, unsc.DecisionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	check(openRO(0), "after the next Import", true, want)

	// Another record copied over this one, its image file left behind.
	other := filepath.Join(dir, "other.db")
	o := mustOpenPath(t, other)
	if _, err := o.Import(ctx, syntheticReports(5), oneEach); err != nil {
		t.Fatalf("Import = %v", err)
	}
	wantOther, err := o.DecisionsFromTables(ctx, unsc.DecisionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	o.Close()
	w.Close()
	data, err := os.ReadFile(other)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	check(openRO(0), "another record copied over it", false, wantOther)

	// A damaged image file is passed over.
	if err := os.WriteFile(other+".image", []byte("unscside and then nothing"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.OpenWith(other, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	check(s, "a damaged image file", false, wantOther)
}

// TestImageFileWrittenAhead checks the image file written ahead of the
// commit: after an import it holds the record, with no other file left
// beside the record; after an import that fails once the image is made,
// nothing is left beside the record and the image file is as it was.
func TestImageFileWrittenAhead(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "unsc.db")
	w := mustOpenPath(t, path)
	files := func() []string {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	want := []string{"unsc.db", "unsc.db.image"}
	if _, err := w.Import(ctx, syntheticReports(20), oneEach); err != nil {
		t.Fatalf("Import = %v", err)
	}
	if diff := gocmp.Diff(want, files()); diff != "" {
		t.Errorf("files beside the record after an import (-want +got):\n%s", diff)
	}
	if key, ok := imagefile.Key(path, 0); !ok || !imagefile.Holds(path, key) {
		t.Error("after an import, the image file does not hold the record's key")
	}
	before, err := os.ReadFile(path + ".image")
	if err != nil {
		t.Fatal(err)
	}
	// A report the record does not hold fails the writing of the
	// decisions' tables, which wait for the image (its encoder takes the
	// report as the decision gives it).
	unknownReport := func(reports []unsc.Report) []unsc.Decision {
		ds := oneEach(reports)
		ds[len(ds)-1].Reports = append(ds[len(ds)-1].Reports, unsc.Report{Source: unsc.SourceUNDL, Key: "not in the record"})
		return ds
	}
	changed := syntheticReports(21)
	if _, err := w.Import(ctx, changed, unknownReport); err == nil {
		t.Fatal("Import with a decision of a report not in the record = nil error, want one")
	}
	if diff := gocmp.Diff(want, files()); diff != "" {
		t.Errorf("files beside the record after a failed import (-want +got):\n%s", diff)
	}
	after, err := os.ReadFile(path + ".image")
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Error("a failed import changed the image file")
	}
	r, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ds, err := r.Decisions(ctx, unsc.DecisionFilter{OmitReports: true})
	if err != nil || len(ds) != 20 {
		t.Errorf("after a failed import, the record holds %d decisions (%v), want the 20 before", len(ds), err)
	}
}

// TestImportRemovesStaleImageTemps checks that an import removes the
// temporary image files a killed import left beside the record (an hour
// old or more), and keeps a young one, which another process may still be
// writing, and files of other names.
func TestImportRemovesStaleImageTemps(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "unsc.db")
	old := time.Now().Add(-2 * time.Hour)
	files := map[string]bool{ // name: kept after the import
		"unsc.db.image.2830012871": false,
		"unsc.db.image.41":         true, // young
		"unsc.db.image.backup":     true, // not os.CreateTemp's name
		"other.db.image.77":        true,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("left over"), 0o600); err != nil {
			t.Fatal(err)
		}
		if name != "unsc.db.image.41" {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	w := mustOpenPath(t, path)
	if _, err := w.Import(ctx, syntheticReports(5), oneEach); err != nil {
		t.Fatalf("Import = %v", err)
	}
	for name, kept := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if exists := err == nil; exists != kept {
			t.Errorf("after Import, %s exists = %v, want %v", name, exists, kept)
		}
	}
	if _, err := os.Stat(path + ".image"); err != nil {
		t.Errorf("after Import, no image file: %v", err)
	}
}
