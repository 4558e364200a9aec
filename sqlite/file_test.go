package sqlite_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/charter"
	"unsc/sqlite"
)

// folderState returns each file in dir with a hash of its content, to tell
// that nothing in the folder was created, removed or changed.
func folderState(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	state := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			state[e.Name()] = "unreadable: " + err.Error()
			continue
		}
		state[e.Name()] = fmt.Sprintf("%x", sha256.Sum256(b))
	}
	return state
}

// testReports are a few reports, and titled returns a reconciler that makes
// one decision of each, titled with the given prefix: two reconciliations
// that differ.
var testReports = []unsc.Report{
	{Source: unsc.SourceUNDL, Key: "1", Title: "one", Resolution: "S/RES/1 (1946)"},
	{Source: unsc.SourceUNDL, Key: "2", Title: "two", Resolution: "S/RES/2 (1946)"},
}

func titled(prefix string) unsc.Reconciler {
	return func(rs []unsc.Report) []unsc.Decision {
		var ds []unsc.Decision
		for _, r := range rs {
			ds = append(ds, unsc.Decision{Title: prefix + r.Title, Resolution: r.Resolution, Reports: []unsc.Report{r}})
		}
		return ds
	}
}

// makeRecord makes a record at path whose decisions the reconciliation of
// the given version derived, titled with prefix.
func makeRecord(t *testing.T, path string, version int, prefix string) {
	t.Helper()
	s, err := sqlite.OpenWith(path, sqlite.Options{Reconciliation: version})
	if err != nil {
		t.Fatalf("OpenWith(%s) = %v", path, err)
	}
	defer s.Close()
	if _, err := s.Import(context.Background(), testReports, titled(prefix)); err != nil {
		t.Fatalf("Import = %v", err)
	}
}

// execSQL runs statements on the database at path with a plain connection,
// as another program would.
func execSQL(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// makeOlder turns the record at path into one as unsc made it before it
// recorded derivations: in WAL mode, without the application_id, the
// derivation table or its migration.
func makeOlder(t *testing.T, path string) {
	t.Helper()
	execSQL(t, path,
		`DROP TABLE derivation`,
		`DELETE FROM schema_migrations WHERE name = '0006_derivation.sql'`,
		`PRAGMA application_id = 0`,
		`PRAGMA journal_mode = WAL`)
}

// problem returns the Problem of err, or 0.
func problem(err error) sqlite.Problem {
	var fe *sqlite.FileError
	if errors.As(err, &fe) {
		return fe.Problem
	}
	return 0
}

func titles(t *testing.T, s *sqlite.Store) []string {
	t.Helper()
	ds, err := s.Decisions(context.Background(), unsc.DecisionFilter{})
	if err != nil {
		t.Fatalf("Decisions = %v", err)
	}
	var got []string
	for _, d := range ds {
		got = append(got, d.Title)
	}
	return got
}

func TestOpenReadOnlyMissingCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "typo", "unsc.db")
	_, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true})
	if problem(err) != sqlite.Missing || !strings.Contains(err.Error(), path) {
		t.Errorf("OpenWith(missing, ReadOnly) = %v, want a Missing FileError naming %s", err, path)
	}
	if _, err := os.Stat(filepath.Join(dir, "typo")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after OpenWith(missing, ReadOnly), stat of its folder = %v; want no folder made", err)
	}
}

func TestOpenReadOnlyWritesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "unsc.db")
	makeRecord(t, path, 1, "")
	before := folderState(t, dir)
	// The record and its folder read-only, as a shared record installed
	// by another user is. (Root may write them all the same; what holds
	// for everyone is that reading writes nothing, which is checked below.)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })

	s, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true, Reconciliation: 1})
	if err != nil {
		t.Fatalf("OpenWith(read-only record, ReadOnly) = %v", err)
	}
	if got, want := titles(t, s), []string{"one", "two"}; !gocmp.Equal(got, want) {
		t.Errorf("Decisions of a read-only record = %q, want %q", got, want)
	}
	if ds, err := s.Decisions(context.Background(), unsc.DecisionFilter{Symbol: "S/RES/2 (1946)"}); err != nil || len(ds) != 1 {
		t.Errorf("Decisions(S/RES/2) of a read-only record = %d decisions, %v; want 1", len(ds), err)
	}
	if err := s.Verify(context.Background()); err != nil {
		t.Errorf("Verify() of a sound read-only record = %v", err)
	}
	// Writing through a read-only store is refused in words.
	_, err = s.Import(context.Background(), []unsc.Report{{Source: unsc.SourceUNDL, Key: "3", Title: "three"}}, titled(""))
	if problem(err) != sqlite.Unwritable {
		t.Errorf("Import into a store opened ReadOnly = %v, want an Unwritable FileError", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(before, folderState(t, dir)); diff != "" {
		t.Errorf("reading the record changed its folder (-before +after):\n%s", diff)
	}

	if os.Geteuid() == 0 {
		t.Log("running as root, whom file modes do not stop: not checking that writing a read-only record is refused")
		return
	}
	w, err := sqlite.OpenWith(path, sqlite.Options{})
	if err == nil {
		_, err = w.Import(context.Background(), []unsc.Report{{Source: unsc.SourceUNDL, Key: "3", Title: "three"}}, titled(""))
		w.Close()
	}
	if p := problem(err); p != sqlite.Unwritable && p != sqlite.Unreadable {
		t.Errorf("writing a read-only record = %v, want an Unwritable FileError", err)
	}
}

func TestOpenRefusesWhatIsNotARecord(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
	}{
		{"text file", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("date,symbol\n2024-03-25,S/RES/2728 (2024)\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"another application's database", func(t *testing.T, path string) {
			execSQL(t, path, `PRAGMA application_id = 1234`, `CREATE TABLE notes (body TEXT)`, `INSERT INTO notes VALUES ('mine')`)
		}},
		{"a database of tables of its own", func(t *testing.T, path string) {
			execSQL(t, path, `CREATE TABLE decisions (x)`, `INSERT INTO decisions VALUES (1)`)
		}},
		{"a database with migrations of its own", func(t *testing.T, path string) {
			execSQL(t, path, `CREATE TABLE schema_migrations (name TEXT, applied_at TEXT)`, `INSERT INTO schema_migrations VALUES ('001_users.sql', 'x')`)
		}},
		{"an empty database", func(t *testing.T, path string) {
			execSQL(t, path, `PRAGMA user_version = 7`)
		}},
		{"a folder", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "other.db")
			tt.make(t, path)
			before := folderState(t, dir)
			for _, opts := range []sqlite.Options{{}, {ReadOnly: true}} {
				s, err := sqlite.OpenWith(path, opts)
				if err == nil {
					s.Close()
				}
				if problem(err) != sqlite.NotRecord || !strings.Contains(err.Error(), path) {
					t.Errorf("OpenWith(%s, %+v) = %v, want a NotRecord FileError naming the file", tt.name, opts, err)
				}
			}
			if diff := gocmp.Diff(before, folderState(t, dir)); diff != "" {
				t.Errorf("opening %s changed its folder (-before +after):\n%s", tt.name, diff)
			}
		})
	}
}

func TestOpenNewerRecord(t *testing.T) {
	t.Run("schema", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "unsc.db")
		makeRecord(t, path, 1, "")
		execSQL(t, path, `INSERT INTO schema_migrations VALUES ('9999_from_the_future.sql', '2031-01-01T00:00:00Z')`)
		before := folderState(t, dir)
		for _, opts := range []sqlite.Options{{Reconciliation: 1}, {ReadOnly: true, Reconciliation: 1}} {
			_, err := sqlite.OpenWith(path, opts)
			if problem(err) != sqlite.Newer || !strings.Contains(err.Error(), "9999_from_the_future.sql") {
				t.Errorf("OpenWith(record with a newer migration, %+v) = %v, want a Newer FileError naming the migration", opts, err)
			}
		}
		if diff := gocmp.Diff(before, folderState(t, dir)); diff != "" {
			t.Errorf("opening a newer record changed it (-before +after):\n%s", diff)
		}
	})
	t.Run("reconciliation", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "unsc.db")
		makeRecord(t, path, 3, "")
		before := folderState(t, dir)
		for _, opts := range []sqlite.Options{{Reconciliation: 2}, {ReadOnly: true, Reconciliation: 2}} {
			_, err := sqlite.OpenWith(path, opts)
			if problem(err) != sqlite.Newer {
				t.Errorf("OpenWith(record of reconciliation 3, %+v) = %v, want a Newer FileError", opts, err)
			}
		}
		if diff := gocmp.Diff(before, folderState(t, dir)); diff != "" {
			t.Errorf("opening a newer record changed it (-before +after):\n%s", diff)
		}
	})
}

func TestOpenOlderReconciliationDerivesAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "unsc.db")
	makeRecord(t, path, 1, "old ")

	// Read as it is, the record would give the old reconciliation's
	// decisions: it is refused.
	if _, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true, Reconciliation: 2}); problem(err) != sqlite.Older {
		t.Errorf("OpenWith(record of reconciliation 1, ReadOnly, version 2) = %v, want an Older FileError", err)
	}
	// Importing the same reports derives the decisions again, although no
	// report changed.
	s, err := sqlite.OpenWith(path, sqlite.Options{Reconciliation: 2})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := s.Import(context.Background(), testReports, titled("new "))
	if err != nil {
		t.Fatal(err)
	}
	if want := (unsc.ImportSummary{Reports: 2, Unchanged: 2, Decisions: 2, Rederived: true}); sum != want {
		t.Errorf("Import into a record of an older reconciliation = %+v, want %+v", sum, want)
	}
	if got, want := titles(t, s), []string{"new one", "new two"}; !gocmp.Equal(got, want) {
		t.Errorf("decisions after the import = %q, want %q", got, want)
	}
	// Once derived again, an import of the same reports changes nothing.
	sum, err = s.Import(context.Background(), testReports, titled("newer "))
	if err != nil || sum.Rederived || sum.Unchanged != 2 {
		t.Errorf("second Import = %+v, %v; want nothing changed", sum, err)
	}
	s.Close()
	r, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true, Reconciliation: 2})
	if err != nil {
		t.Fatalf("OpenWith(derived again, ReadOnly) = %v", err)
	}
	defer r.Close()
	if got, want := titles(t, r), []string{"new one", "new two"}; !gocmp.Equal(got, want) {
		t.Errorf("decisions read back = %q, want %q", got, want)
	}
}

func TestRebuild(t *testing.T) {
	path := filepath.Join(t.TempDir(), "unsc.db")
	makeRecord(t, path, 1, "old ")
	s, err := sqlite.OpenWith(path, sqlite.Options{Reconciliation: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// The same version: Rebuild derives again all the same.
	sum, err := s.Rebuild(context.Background(), titled("rebuilt "), nil)
	if err != nil || sum.Decisions != 2 || !sum.Rederived {
		t.Errorf("Rebuild = %+v, %v; want 2 decisions derived again", sum, err)
	}
	if got, want := titles(t, s), []string{"rebuilt one", "rebuilt two"}; !gocmp.Equal(got, want) {
		t.Errorf("decisions after Rebuild = %q, want %q", got, want)
	}
}

func TestOpenRecordOfAnOlderUnsc(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "unsc.db")
	makeRecord(t, path, 1, "old ")
	makeOlder(t, path)
	before := folderState(t, dir)
	if _, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true, Reconciliation: 1}); problem(err) != sqlite.Older {
		t.Errorf("OpenWith(record of an older unsc, ReadOnly) = %v, want an Older FileError", err)
	}
	if diff := gocmp.Diff(before, folderState(t, dir)); diff != "" {
		t.Errorf("reading a record of an older unsc changed its folder (-before +after):\n%s", diff)
	}

	s, err := sqlite.OpenWith(path, sqlite.Options{Reconciliation: 1})
	if err != nil {
		t.Fatalf("OpenWith(record of an older unsc) = %v", err)
	}
	sum, err := s.Import(context.Background(), testReports, titled("new "))
	if err != nil || !sum.Rederived {
		t.Errorf("Import into a record of an older unsc = %+v, %v; want its decisions derived again", sum, err)
	}
	if got, want := titles(t, s), []string{"new one", "new two"}; !gocmp.Equal(got, want) {
		t.Errorf("decisions after the import = %q, want %q", got, want)
	}
	s.Close()
	checkIntegrity(t, path)
	r, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true, Reconciliation: 1})
	if err != nil {
		t.Fatalf("OpenWith(upgraded record, ReadOnly) = %v", err)
	}
	r.Close()
	// Upgraded, it is a record as this unsc makes them: no WAL files
	// beside it.
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("after upgrading, %s%s: %v; want none", filepath.Base(path), suffix, err)
		}
	}
}

func TestOpenReadOnlyEmptyRecord(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "unsc.db")
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true}); problem(err) != sqlite.Empty {
		t.Errorf("OpenWith(record with no decisions, ReadOnly) = %v, want an Empty FileError", err)
	}
	blank := filepath.Join(dir, "blank.db")
	if err := os.WriteFile(blank, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := sqlite.OpenWith(blank, sqlite.Options{ReadOnly: true}); problem(err) != sqlite.Empty {
		t.Errorf("OpenWith(file of no bytes, ReadOnly) = %v, want an Empty FileError", err)
	}
}

// zeroPage overwrites page n (from 1) of the database at path with zeros.
func zeroPage(t *testing.T, path string, n int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head := make([]byte, 100)
	if _, err := f.ReadAt(head, 0); err != nil {
		t.Fatal(err)
	}
	size := int64(binary.BigEndian.Uint16(head[16:]))
	if size == 1 {
		size = 65536
	}
	if _, err := f.WriteAt(make([]byte, size), (n-1)*size); err != nil {
		t.Fatal(err)
	}
}

// rootPage returns the root page of a table or index of the database.
func rootPage(t *testing.T, path, name string) int64 {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int64
	if err := db.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = ?`, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestVerify(t *testing.T) {
	verify := func(t *testing.T, path string) error {
		t.Helper()
		s, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true, Reconciliation: 1})
		if err != nil {
			return err
		}
		defer s.Close()
		return s.Verify(context.Background())
	}
	t.Run("sound", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "unsc.db")
		makeRecord(t, path, 1, "")
		if err := verify(t, path); err != nil {
			t.Errorf("Verify() of a record just made = %v, want nil", err)
		}
	})
	t.Run("zeroed page", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "unsc.db")
		makeRecord(t, path, 1, "")
		zeroPage(t, path, rootPage(t, path, "decision_votes_code"))
		if err := verify(t, path); problem(err) != sqlite.Damaged || !strings.Contains(err.Error(), "integrity check") {
			t.Errorf("Verify() of a record with a zeroed page = %v, want a Damaged FileError from the integrity check", err)
		}
	})
	t.Run("tables changed", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "unsc.db")
		makeRecord(t, path, 1, "")
		// Another program changes a decision (the triggers drop the
		// image, so reads now come from the tables).
		execSQL(t, path, `UPDATE decisions SET title = 'changed' WHERE title = 'one'`)
		if err := verify(t, path); problem(err) != sqlite.Damaged || !strings.Contains(err.Error(), "tables") {
			t.Errorf("Verify() of a record changed by hand = %v, want a Damaged FileError naming its tables", err)
		}
	})
	t.Run("image changed", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "unsc.db")
		makeRecord(t, path, 1, "")
		// A byte of a title in the image, changed where only the
		// checksum can tell: the image still reads.
		execSQL(t, path, `UPDATE image SET data = CAST(replace(CAST(data AS TEXT), 'two', 'twx') AS BLOB)`)
		s, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true, Reconciliation: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got := titles(t, s); !slices.Contains(got, "twx") {
			t.Fatalf("Decisions after changing the image = %q, want the changed title read from it", got)
		}
		s.Close()
		if err := verify(t, path); problem(err) != sqlite.Damaged || !strings.Contains(err.Error(), "image") {
			t.Errorf("Verify() of a record whose image changed = %v, want a Damaged FileError naming the image", err)
		}
	})
}

// A record removed or replaced by another program while it is open for
// writing is not written, and the error says what happened, not that the
// file is read-only (SQLite's SQLITE_READONLY_DBMOVED).
func TestWriteToARecordRemovedWhileOpen(t *testing.T) {
	for _, how := range []string{"removed", "replaced"} {
		t.Run(how, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "unsc.db")
			s, err := sqlite.Open(path)
			if err != nil {
				t.Fatalf("Open = %v", err)
			}
			defer s.Close()
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if how == "replaced" {
				if err := os.WriteFile(path, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err = s.SetMembership(context.Background(), charter.Tenures())
			var fe *sqlite.FileError
			if !errors.As(err, &fe) || fe.Problem != sqlite.Moved || !strings.Contains(fe.Detail, "removed or replaced by another program") {
				t.Fatalf("SetMembership after the file was %s = %v; want a FileError (Moved) saying it was removed or replaced", how, err)
			}
			if info, err := os.Stat(path); how == "replaced" && (err != nil || info.Size() != 0) {
				t.Errorf("the file now at the path: %v, %v; want it left empty", info, err)
			}
		})
	}
}
