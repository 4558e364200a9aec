package sqlite_test

import (
	"context"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/charter"
	"unsc/sqlite"
	"unsc/storetest"
)

// MustOpen opens a new store in a file under tb.TempDir() and closes it when
// the test ends, after checking that the database holds together: every
// foreign key points at a row.
func MustOpen(tb testing.TB) *sqlite.Store {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "unsc.db")
	s := mustOpenPath(tb, path)
	tb.Cleanup(func() { checkIntegrity(tb, path) })
	return s
}

// checkIntegrity fails the test if the database at path has a dangling
// foreign key or is damaged.
func checkIntegrity(tb testing.TB, path string) {
	tb.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer db.Close()
	rows, err := db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		tb.Fatalf("foreign_key_check: %v", err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, parent string
		var rowid, fkid sql.NullInt64
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			tb.Fatalf("foreign_key_check: %v", err)
		}
		tb.Errorf("foreign_key_check: row %v of %s points at no row of %s", rowid.Int64, table, parent)
	}
	if err := rows.Err(); err != nil {
		tb.Fatalf("foreign_key_check: %v", err)
	}
	var ok string
	if err := db.QueryRow(`PRAGMA quick_check`).Scan(&ok); err != nil || ok != "ok" {
		tb.Errorf("quick_check = %q, %v; want ok", ok, err)
	}
}

func mustOpenPath(tb testing.TB, path string) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(path)
	if err != nil {
		tb.Fatalf("Open(%s) = %v", path, err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close() = %v", err)
		}
	})
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) unsc.Store { return MustOpen(t) })
}

// migrationRow is a row of schema_migrations.
type migrationRow struct {
	Name    string
	Applied bool
}

func readMigrations(t *testing.T, path string) []migrationRow {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatalf("open %s for reading: %v", path, err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name, applied_at FROM schema_migrations ORDER BY name`)
	if err != nil {
		t.Fatalf("read schema_migrations: %v", err)
	}
	defer rows.Close()
	var got []migrationRow
	for rows.Next() {
		var name, at string
		if err := rows.Scan(&name, &at); err != nil {
			t.Fatalf("read schema_migrations: %v", err)
		}
		got = append(got, migrationRow{name, at != ""})
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("read schema_migrations: %v", err)
	}
	return got
}

func migrationFiles(t *testing.T) []migrationRow {
	t.Helper()
	names, err := fs.Glob(os.DirFS("migrations"), "*.sql")
	if err != nil || len(names) == 0 {
		t.Fatalf("migrations/*.sql = %v, %v; want the migration files", names, err)
	}
	var rows []migrationRow
	for _, n := range names {
		rows = append(rows, migrationRow{n, true})
	}
	return rows
}

func TestOpenMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "dirs", "unsc.db")
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatalf("Open(%s) = %v", path, err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}
	want := migrationFiles(t)
	if diff := gocmp.Diff(want, readMigrations(t, path)); diff != "" {
		t.Errorf("schema_migrations after Open mismatch (-want +got):\n%s", diff)
	}
}

func TestOpenTwiceAppliesNothingNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "unsc.db")
	s := mustOpenPath(t, path)
	rc := func(rs []unsc.Report) []unsc.Decision {
		return []unsc.Decision{{Title: "kept", Reports: rs}}
	}
	if _, err := s.Import(context.Background(), []unsc.Report{{Source: unsc.SourceUNDL, Key: "1", Title: "kept"}}, rc); err != nil {
		t.Fatalf("Import = %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}
	before := readMigrations(t, path)
	var appliedAt string
	{
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow(`SELECT group_concat(applied_at) FROM schema_migrations`).Scan(&appliedAt); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}

	s2 := mustOpenPath(t, path)
	ds, err := s2.Decisions(context.Background(), unsc.DecisionFilter{})
	if err != nil || len(ds) != 1 || ds[0].Title != "kept" {
		t.Errorf("Decisions after reopening = %+v, %v; want the one decision imported before", ds, err)
	}
	if diff := gocmp.Diff(before, readMigrations(t, path)); diff != "" {
		t.Errorf("schema_migrations after a second Open mismatch (-first +second):\n%s", diff)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var again string
	if err := db.QueryRow(`SELECT group_concat(applied_at) FROM schema_migrations`).Scan(&again); err != nil {
		t.Fatal(err)
	}
	if again != appliedAt {
		t.Errorf("schema_migrations applied_at = %q after a second Open, want %q: a migration ran again", again, appliedAt)
	}
}

func TestOpenPragmas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "unsc.db")
	mustOpenPath(t, path)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var mode string
	var app int64
	if err := db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`PRAGMA application_id`).Scan(&app); err != nil {
		t.Fatal(err)
	}
	// Both are properties of the file: a plain connection sees them. A
	// rollback journal, so that a reader needs no file beside the record;
	// the application_id says the file is a unsc record.
	if mode != "delete" || app != 0x756e7363 {
		t.Errorf("journal_mode, application_id = %q, %#x; want delete, 0x756e7363 (\"unsc\")", mode, app)
	}
}

// TestStorePragmas reads back, on the store's own connections, the settings
// OpenWith gives them, so that a setting the driver does not apply is found.
func TestStorePragmas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "unsc.db")
	ctx := context.Background()
	want := map[string]string{
		"busy_timeout": "10000",
		"foreign_keys": "1",
		"cache_size":   "-65536",
		"temp_store":   "2",
		"journal_mode": "delete",
		"synchronous":  "2", // FULL
	}
	s := mustOpenPath(t, path)
	for name, v := range want {
		if got, err := s.Pragma(ctx, name); err != nil || got != v {
			t.Errorf("PRAGMA %s = %q, %v; want %q", name, got, err, v)
		}
	}
	// The same on a connection that is not the first: each runs them.
	if _, err := s.Import(ctx, []unsc.Report{{Source: unsc.SourceUNDL, Key: "k", Meeting: "S/PV.1"}}, oneEach); err != nil {
		t.Fatal(err)
	}
	// The import's connection, which runs with settings of its own, is
	// back in the pool with the store's.
	for _, name := range []string{"foreign_keys", "busy_timeout", "cache_size", "temp_store"} {
		if got, err := s.Pragma(ctx, name); err != nil || got != want[name] {
			t.Errorf("after an import: PRAGMA %s = %q, %v; want %q", name, got, err, want[name])
		}
	}
	ro, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for _, name := range []string{"busy_timeout", "cache_size", "temp_store"} {
		if got, err := ro.Pragma(ctx, name); err != nil || got != want[name] {
			t.Errorf("read-only: PRAGMA %s = %q, %v; want %q", name, got, err, want[name])
		}
	}
}

// A new record is made with 16 KiB pages (an import writes a quarter as
// many), and a record made with other pages keeps them: SQLite sets the
// size when it makes the file, and unsc imports into it as before.
func TestPageSize(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "unsc.db")
	s := mustOpenPath(t, path)
	if got, err := s.Pragma(ctx, "page_size"); err != nil || got != "16384" {
		t.Errorf("a new record: PRAGMA page_size = %q, %v; want 16384", got, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// A record made with SQLite's 4 KiB pages, as unsc made them before.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`PRAGMA page_size = 4096`, `VACUUM`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	old := mustOpenPath(t, path)
	if _, err := old.Import(ctx, []unsc.Report{{Source: unsc.SourceUNDL, Key: "k", Meeting: "S/PV.1"}}, oneEach); err != nil {
		t.Fatal(err)
	}
	if got, err := old.Pragma(ctx, "page_size"); err != nil || got != "4096" {
		t.Errorf("a record made with 4 KiB pages: PRAGMA page_size = %q, %v; want 4096", got, err)
	}
	if ds, err := old.Decisions(ctx, unsc.DecisionFilter{}); err != nil || len(ds) != 1 {
		t.Errorf("a record made with 4 KiB pages: %d decisions, %v; want 1", len(ds), err)
	}
	checkIntegrity(t, path)
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data/home")
	if got, err := sqlite.DefaultPath(); err != nil || got != "/data/home/unsc/unsc.db" {
		t.Errorf("DefaultPath() with XDG_DATA_HOME = %q, %v; want /data/home/unsc/unsc.db", got, err)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/someone")
	if got, err := sqlite.DefaultPath(); err != nil || got != "/home/someone/.local/share/unsc/unsc.db" {
		t.Errorf("DefaultPath() without XDG_DATA_HOME = %q, %v; want /home/someone/.local/share/unsc/unsc.db", got, err)
	}
}

// TestImportWithMembership checks that the membership goes in with the
// import's transaction: written with a good import, replaced by the next,
// and neither written nor changed by an import that fails.
func TestImportWithMembership(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	tenures := charter.Tenures()
	good := []unsc.Report{{Source: unsc.SourceUNDL, Key: "k", Meeting: "S/PV.1"}}
	bad := []unsc.Report{{Source: unsc.SourceUNDL, Meeting: "S/PV.1"}} // no key
	count := func() int {
		ms, err := s.Membership(ctx, time.Time{})
		if err != nil {
			t.Fatalf("Membership = %v", err)
		}
		return len(ms)
	}
	if _, err := s.ImportWithMembership(ctx, bad, oneEach, tenures); err == nil {
		t.Fatal("ImportWithMembership of a report without a key = nil error, want one")
	}
	if n := count(); n != 0 {
		t.Errorf("after a failed import, the membership holds %d tenures, want none", n)
	}
	if _, err := s.ImportWithMembership(ctx, good, oneEach, tenures); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != len(tenures) {
		t.Errorf("after an import, the membership holds %d tenures, want %d", n, len(tenures))
	}
	// A failed import leaves the membership as it was; an import that
	// changes no report still replaces it.
	if _, err := s.ImportWithMembership(ctx, bad, oneEach, tenures[:2]); err == nil {
		t.Fatal("ImportWithMembership of a report without a key = nil error, want one")
	}
	if n := count(); n != len(tenures) {
		t.Errorf("after a failed import, the membership holds %d tenures, want the %d before", n, len(tenures))
	}
	if _, err := s.ImportWithMembership(ctx, good, oneEach, tenures[:2]); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Errorf("after an unchanged import with two tenures, the membership holds %d, want 2", n)
	}
	// Tenures SetMembership refuses are refused before anything is written.
	if _, err := s.ImportWithMembership(ctx, good, oneEach, []unsc.Member{{Name: "Nowhere"}}); unsc.ErrorCode(err) != unsc.EINVALID {
		t.Errorf("ImportWithMembership(a tenure without code) = %v, want EINVALID", err)
	}
	if n := count(); n != 2 {
		t.Errorf("after a refused membership, the membership holds %d, want the 2 before", n)
	}
}
