// Package sqlite keeps the record (unsc.Store) in a SQLite database file.
//
// The schema is created and upgraded by the SQL files in migrations/, which
// are embedded in the program and applied by Open, those a record lacks in
// one transaction, and recorded in the table schema_migrations. The schema is
// meant to be read by people with SQL too: see migrations/0001_record.sql for
// what each table holds.
//
// Beside the tables, the store keeps the record's read model (package
// readmodel: every decision with its positions, vetoes, sources and reports,
// laid out to be read without decoding) in one row of the table image,
// written by Import in the transaction that writes the decisions and deleted
// by triggers whenever anything else changes the tables (image.go).
// Decisions answers every filter from it, and reads the tables only when
// there is none.
//
// The record file is handled with care (file.go, derivation.go): Open looks
// at a file before it writes anything, and refuses one that is not a unsc
// record or was made by a newer unsc, leaving it as it is; a record opened
// read-only is never created, migrated or written; a record whose decisions
// an older reconciliation derived is derived again by the next Import. The
// derivation table records the reconciliation's version and checksums of
// the derived data, which Verify checks with SQLite's integrity check.
// Errors about the file are *FileError values, translated from SQLite's
// result codes.
//
// The package uses modernc.org/sqlite, a SQLite compiled to pure Go, so that
// unsc builds without a C toolchain. The database keeps a rollback journal
// with synchronous=FULL: a commit is durable when it returns, a crash never
// corrupts the file, and a reader needs no file beside the database.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"unsc"

	// The driver, registered as "sqlite".
	_ "modernc.org/sqlite"
	"unsc/sqlite/imagefile"
	"unsc/sqlite/migrations"
)

// Store is the record kept in a SQLite database. It implements unsc.Store
// and is safe for concurrent use.
type Store struct {
	// openDB returns the database, opened on first use (database): a
	// record read from its image file may never need it.
	openDB   func() (*sql.DB, error)
	path     string
	readOnly bool
	// reconciliation is the version of the reconciliation Import derives
	// decisions with (Options.Reconciliation).
	reconciliation int
	// opened is true once db is open.
	opened atomic.Bool
	// stale is true while the record's decisions were derived by another
	// reconciliation than the caller's: the next Import derives them
	// again, whether or not a report changed.
	stale atomic.Bool
	// side is the image file's image (sidecar.go), while it holds what the
	// record holds.
	side atomic.Pointer[imagefile.File]
}

var _ unsc.Store = (*Store)(nil)

// Options say how to open a record.
type Options struct {
	// ReadOnly opens an existing record for reading only: nothing is
	// created, migrated or written, and a file the user may read but not
	// write is read. A missing file, an empty record or one that must be
	// migrated or derived again is refused with a *FileError (Missing,
	// Empty, Older).
	ReadOnly bool
	// Reconciliation is the version of the reconciliation the caller
	// derives decisions with (record.Version), which Import records. A
	// record whose decisions another version derived is Older: Import
	// derives them again, and reading it is refused; one derived by a
	// greater version is Newer, and refused. 0 checks nothing and records
	// 0, for tests and tools that derive with something else.
	Reconciliation int
}

// Open opens the record at path for reading and writing, as OpenWith does
// with no options: creating it (with its folder) if there is none.
func Open(path string) (*Store, error) {
	return OpenWith(path, Options{})
}

// OpenWith opens the record at path.
//
// Before anything is written, the file is looked at: a file that is not a
// unsc record (not a SQLite database, another application's database, a
// folder) is refused with a *FileError of Problem NotRecord and left as it
// is, and a record made by a newer unsc (a migration this one does not
// have, or a newer reconciliation) with Newer. Opened for writing, a missing
// record is created with its folder, and the embedded migrations are
// applied; a record still in WAL mode (as unsc made them before) is turned
// back to a rollback journal, so that reading it never needs to create a
// file beside it. Opened read-only, see Options.ReadOnly.
//
// The connections run with foreign keys on and a busy timeout, and write
// transactions take the write lock when they begin.
func OpenWith(path string, opts Options) (*Store, error) {
	if path == "" {
		return nil, unsc.Errorf(unsc.EINVALID, "path", "no database path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	ctx := context.Background()
	if opts.ReadOnly {
		// A record with its image file beside it was looked at when the
		// file was written, and has not changed since (sidecar.go): it
		// is read from the file, and SQLite is opened only if something
		// else is asked for.
		if sc := imagefile.Open(abs, opts.Reconciliation); sc != nil && sc.Image.Len() > 0 {
			s := &Store{path: abs, readOnly: true, reconciliation: opts.Reconciliation}
			s.openDB = sync.OnceValues(func() (*sql.DB, error) {
				db, err := sql.Open("sqlite", fileDSN(abs, url.Values{"mode": {"ro"}, "_pragma": readPragmas}))
				if err != nil {
					return nil, driverError(abs, err, false)
				}
				s.opened.Store(true)
				return db, nil
			})
			s.side.Store(sc)
			return s, nil
		}
	}
	st, err := inspect(ctx, abs)
	if err != nil {
		return nil, err
	}
	if unknown := st.unknownMigrations(); len(unknown) > 0 {
		slices.Sort(unknown)
		return nil, &FileError{Path: abs, Problem: Newer,
			Detail: fmt.Sprintf("made by a newer unsc (its schema has %s, which this unsc does not know); it was left as it is", joinNames(unknown))}
	}
	if d := st.derivation; d != nil && opts.Reconciliation != 0 && d.reconciliation > opts.Reconciliation {
		return nil, &FileError{Path: abs, Problem: Newer,
			Detail: fmt.Sprintf("made by a newer unsc (its decisions were derived by reconciliation %d; this unsc has %d); it was left as it is", d.reconciliation, opts.Reconciliation)}
	}
	// Decisions derived by another reconciliation, or summed another way,
	// are derived again.
	stale := opts.Reconciliation != 0 && st.reports &&
		(st.derivation == nil || st.derivation.reconciliation != opts.Reconciliation || !st.derivation.current())
	if opts.ReadOnly {
		switch {
		case !st.exists:
			return nil, &FileError{Path: abs, Problem: Missing, Detail: "no such file"}
		case st.blank:
			return nil, &FileError{Path: abs, Problem: Empty, Detail: "an empty file: nothing has been imported into it"}
		case st.legacy || st.missingMigrations():
			return nil, &FileError{Path: abs, Problem: Older, Detail: "made by an older unsc: its schema must be upgraded and its decisions derived again"}
		case stale:
			return nil, &FileError{Path: abs, Problem: Older, Detail: olderDerivation(st.derivation, opts.Reconciliation)}
		case !st.decisions:
			return nil, &FileError{Path: abs, Problem: Empty, Detail: "a record that holds no decisions: nothing has been imported into it"}
		}
	} else if !st.exists {
		if err := ensureFolder(abs); err != nil {
			return nil, err
		}
	}

	// Every setting of a connection is a _pragma: the driver runs each
	// as PRAGMA on every new connection (TestStorePragmas reads them
	// back).
	pragmas := slices.Clone(readPragmas)
	q := url.Values{}
	if opts.ReadOnly {
		q.Set("mode", "ro")
	} else {
		// A rollback journal, not WAL: a record in WAL mode cannot be
		// read without creating its index file beside it, which a reader
		// may not be allowed to, and must not have to, do. Imports are
		// rare and whole; readers load the record once. synchronous=FULL:
		// a commit is on disk when it returns.
		pragmas = append(pragmas, "journal_mode(DELETE)", "synchronous(FULL)")
		// A new record is made with pages of pageSize (before its first
		// table: the pragma does nothing to a record already made).
		pragmas = append([]string{fmt.Sprintf("page_size(%d)", pageSize)}, pragmas...)
		q.Set("_txlock", "immediate")
	}
	q["_pragma"] = pragmas
	db, err := sql.Open("sqlite", fileDSN(abs, q))
	if err != nil {
		return nil, driverError(abs, err, !opts.ReadOnly)
	}
	s := &Store{path: abs, readOnly: opts.ReadOnly, reconciliation: opts.Reconciliation}
	s.openDB = func() (*sql.DB, error) { return db, nil }
	s.opened.Store(true)
	s.stale.Store(stale)
	if !opts.ReadOnly {
		if err := s.migrate(ctx); err != nil {
			db.Close()
			return nil, s.fail(fmt.Errorf("open %s: %w", abs, err))
		}
	} else if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, s.fail(err)
	}
	return s, nil
}

// readPragmas are the settings of every connection.
var readPragmas = []string{
	"busy_timeout(10000)",
	"foreign_keys(1)",
	// 64 MiB of page cache per connection at most, for a question that
	// reads the tables (a record without its image); an import runs with
	// its own, smaller settings (importPragmas).
	"cache_size(-65536)",
	"temp_store(MEMORY)",
}

// pageSize is the size of a new record's pages: 16 KiB, not SQLite's 4 KiB.
// An import writes every table whole, and its image (4.7 MB at today's
// record) as one value: with pages four times larger, its writes are a
// quarter as many (3,760 pwrites → ~950 at today's record) and its b-trees
// split a quarter as often, for 3–4% of its CPU in paired runs
// (PERFORMANCE.md, "Import at today's size, fifth pass"). A record made
// before keeps its pages (SQLite sets the size when it makes the file).
const pageSize = 16384

// olderDerivation says why a record's decisions must be derived again.
func olderDerivation(d *derivation, version int) string {
	if d == nil || d.reconciliation == version {
		return "made by an older unsc: its decisions must be derived again"
	}
	return fmt.Sprintf("made by an older unsc (its decisions were derived by reconciliation %d; this unsc has %d): they must be derived again", d.reconciliation, version)
}

// Path returns the absolute path of the record file.
func (s *Store) Path() string { return s.path }

// DefaultPath returns the database path in the user's data directory:
// $XDG_DATA_HOME/unsc/unsc.db, else ~/.local/share/unsc/unsc.db.
func DefaultPath() (string, error) { return imagefile.DefaultRecordPath() }

// database returns the database, opening it on first use.
func (s *Store) database() (*sql.DB, error) { return s.openDB() }

// beginTx begins a transaction on the database.
func (s *Store) beginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error) {
	db, err := s.database()
	if err != nil {
		return nil, err
	}
	return db.BeginTx(ctx, opts)
}

// query runs a query on the database.
func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	db, err := s.database()
	if err != nil {
		return nil, err
	}
	return db.QueryContext(ctx, q, args...)
}

// conn returns a connection of the database.
func (s *Store) conn(ctx context.Context) (*sql.Conn, error) {
	db, err := s.database()
	if err != nil {
		return nil, err
	}
	return db.Conn(ctx)
}

// Close closes the database, if it was opened.
func (s *Store) Close() error {
	if !s.opened.Load() {
		return nil
	}
	db, err := s.openDB()
	if err != nil {
		return err
	}
	return db.Close()
}

// migrate applies the embedded migrations not yet recorded in
// schema_migrations, in the order of their file names, all in one
// transaction with their records: a new record is made whole or not at
// all, and its making syncs the disk once, not once for each migration
// (36 fsyncs → 4 for a new record; PERFORMANCE.md, "Import at today's size,
// second pass").
//
// The table of migrations is created in the transaction that marks the file
// as a unsc record (its application_id), so that a file is never left with
// one and not the other. A record that is marked and has every migration
// is only read: most opens write nothing.
func (s *Store) migrate(ctx context.Context) error {
	names := migrationNames()
	if current, err := s.migrated(ctx, names); err != nil || current {
		return err
	}
	tx, err := s.beginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, applicationID)); err != nil {
		return fmt.Errorf("application_id: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	name       TEXT PRIMARY KEY,
	applied_at TEXT NOT NULL
) STRICT`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	// Read inside the transaction, which holds the write lock, so that
	// two processes opening a new database apply each migration once.
	applied, err := appliedMigrations(ctx, tx)
	if err != nil {
		return err
	}
	now := time.Now().UTC().Format(time.RFC3339)
	for _, name := range names {
		if applied[name] {
			continue
		}
		if err := applyMigration(ctx, tx, name, now); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return tx.Commit()
}

// migrated reports whether the record is marked as one and has applied
// every one of names, reading it without the write lock.
func (s *Store) migrated(ctx context.Context, names []string) (bool, error) {
	db, err := s.database()
	if err != nil {
		return false, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	var app int64
	if err := conn.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&app); err != nil {
		return false, fmt.Errorf("application_id: %w", err)
	}
	if app != applicationID {
		return false, nil
	}
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n); err != nil {
		return false, fmt.Errorf("read schema_migrations: %w", err)
	}
	if n == 0 {
		return false, nil
	}
	applied, err := appliedMigrations(ctx, conn)
	if err != nil {
		return false, err
	}
	for _, name := range names {
		if !applied[name] {
			return false, nil
		}
	}
	return true, nil
}

// querier is a transaction or a connection.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// appliedMigrations returns the names schema_migrations records.
func appliedMigrations(ctx context.Context, q querier) (map[string]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("read schema_migrations: %w", err)
	}
	defer rows.Close()
	applied := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("read schema_migrations: %w", err)
		}
		applied[name] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read schema_migrations: %w", err)
	}
	return applied, nil
}

// migrationNames returns the names of the embedded migrations, in the order
// they apply.
func migrationNames() []string { return migrations.Names() }

// applyMigration runs the migration name in tx and records it.
func applyMigration(ctx context.Context, tx *sql.Tx, name, appliedAt string) error {
	text, err := fs.ReadFile(migrations.Files, name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(text)); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)`, name, appliedAt)
	return err
}
