// Package sqlite keeps the record (unsc.Store) in a SQLite database file.
//
// The schema is created and upgraded by the SQL files in migrations/, which
// are embedded in the program and applied by Open, each in its own
// transaction and recorded in the table schema_migrations. The schema is
// meant to be read by people with SQL too: see migrations/0001_record.sql for
// what each table holds.
//
// Beside the tables, the store keeps a snapshot of the whole reconciled
// record in one compact row (snapshot.go), written by Import in the
// transaction that writes the decisions and deleted by triggers whenever
// anything else changes the tables; Decisions serves a filter that selects
// every decision from it, which loads the record in a few milliseconds
// instead of ~100.
//
// The package uses modernc.org/sqlite, a SQLite compiled to pure Go, so that
// unsc builds without a C toolchain. The database runs in WAL mode with
// synchronous=NORMAL: a commit is durable once the WAL is checkpointed, and a
// crash can lose at most the last transactions, never corrupt the file.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"time"

	"unsc"

	// The driver, registered as "sqlite".
	_ "modernc.org/sqlite"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is the record kept in a SQLite database. It implements unsc.Store
// and is safe for concurrent use.
type Store struct {
	db *sql.DB
}

var _ unsc.Store = (*Store)(nil)

// Open opens (creating if needed, with parent directories) the database file
// at path, applies the embedded migrations, and returns the store. The
// connections run with WAL, synchronous=NORMAL, foreign keys on and a busy
// timeout, and write transactions take the write lock when they begin.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, unsc.Errorf(unsc.EINVALID, "path", "no database path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// A file: URI, so that a path holding '?' or '#' stays a path.
	dsn := "file:" + (&url.URL{Path: abs}).EscapedPath() + "?" + url.Values{
		"_busy_timeout": {"10000"},
		"_foreign_keys": {"1"},
		"_journal_mode": {"WAL"},
		"_synchronous":  {"NORMAL"},
		"_txlock":       {"immediate"},
		// 64 MiB of page cache per connection: imports rewrite ~100k rows
		// of indexes, which thrash the 2 MiB default.
		"_pragma": {"cache_size(-65536)", "temp_store(MEMORY)"},
	}.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// DefaultPath returns the database path in the user's data directory:
// $XDG_DATA_HOME/unsc/unsc.db, else ~/.local/share/unsc/unsc.db.
func DefaultPath() (string, error) {
	if dir := os.Getenv("XDG_DATA_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "unsc", "unsc.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("default database path: %w", err)
	}
	return filepath.Join(home, ".local", "share", "unsc", "unsc.db"), nil
}

// Close closes the database.
func (s *Store) Close() error {
	return s.db.Close()
}

// migrate applies the embedded migrations not yet recorded in
// schema_migrations, in the order of their file names, each in its own
// transaction with its record.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	name       TEXT PRIMARY KEY,
	applied_at TEXT NOT NULL
) STRICT`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	// Most opens find every migration applied: one read says so, without
	// the write lock each migration's transaction takes.
	applied := make(map[string]bool, len(names))
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM schema_migrations`)
	if err != nil {
		return fmt.Errorf("read schema_migrations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return fmt.Errorf("read schema_migrations: %w", err)
		}
		applied[name] = true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read schema_migrations: %w", err)
	}
	rows.Close()
	for _, name := range names {
		if applied[filepath.Base(name)] {
			continue
		}
		if err := s.applyMigration(ctx, name); err != nil {
			return fmt.Errorf("migration %s: %w", filepath.Base(name), err)
		}
	}
	return nil
}

func (s *Store) applyMigration(ctx context.Context, name string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	base := filepath.Base(name)
	// Checked inside the transaction, which holds the write lock, so that
	// two processes opening a new database apply each migration once.
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = ?`, base).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	text, err := fs.ReadFile(migrations, name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(text)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)`,
		base, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}
