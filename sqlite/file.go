package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
	"unsc/sqlite/imagefile"
)

// The record file is a SQLite database that says it is a record: its header
// carries unsc's application_id ("unsc" in ASCII), set when the file is
// made. Records made before that carry none, and are known by their table
// of migrations.
const applicationID = imagefile.ApplicationID

// Problem says what is wrong with a record file.
type Problem int

// The problems a record file can have.
const (
	// Missing: there is no file at the path.
	Missing Problem = iota + 1
	// NotRecord: the file is not a unsc record (not a SQLite database, or
	// another application's), and is left as it is.
	NotRecord
	// Empty: the record holds no decisions (or the file is empty).
	Empty
	// Newer: the record was made by a newer unsc, whose schema or
	// reconciliation this one does not know.
	Newer
	// Older: the record was made by an older unsc; its decisions must be
	// derived again from its reports (which writing to it does).
	Older
	// Damaged: the file fails SQLite's integrity check, or its derived data
	// no longer matches its checksum.
	Damaged
	// Unreadable: the user may not read the file (or search its folder).
	Unreadable
	// Unwritable: the user may not write the file or its folder.
	Unwritable
	// Busy: another program holds the file locked past the wait.
	Busy
	// Failed: the disk failed or is full.
	Failed
	// Moved: another program removed or replaced the file while it was
	// open; nothing was written to it.
	Moved
)

// FileError is a problem with the record file itself, in words: what is
// wrong with the file at Path. Callers add what to do about it, which
// depends on how they were asked (a command, a flag).
type FileError struct {
	Path    string
	Problem Problem
	// Detail says what was found, in words.
	Detail string
	// Err is the underlying error, if any.
	Err error
}

// Error returns the path and what is wrong with it.
func (e *FileError) Error() string { return e.Path + ": " + e.Detail }

// Unwrap returns the underlying error.
func (e *FileError) Unwrap() error { return e.Err }

// fileState is what inspect found of a file, without writing to it.
type fileState struct {
	exists bool
	// blank is true for a file of no bytes: SQLite makes a new database
	// of it.
	blank bool
	// wal is true for a database in WAL mode: records made before the
	// record file was read without writing.
	wal bool
	// legacy is true for a unsc record without the application_id.
	legacy bool
	// applied lists the migrations the record has applied.
	applied map[string]bool
	// derivation is the record's derivation row; nil when it has none.
	derivation *derivation
	decisions  bool // the record holds at least one decision
	reports    bool // the record holds at least one report
}

// inspect looks at the file at path without writing to it or creating
// anything: whether it is there, a unsc record, and what it holds.
func inspect(ctx context.Context, path string) (*fileState, error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &fileState{}, nil
	}
	if err != nil {
		return nil, osError(path, err, false)
	}
	if info.IsDir() {
		return nil, &FileError{Path: path, Problem: NotRecord, Detail: "a folder, not a record file"}
	}
	st := &fileState{exists: true}
	f, err := os.Open(path)
	if err != nil {
		return nil, osError(path, err, false)
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	f.Close()
	switch {
	case n == 0 && (err == io.EOF || err == nil):
		st.blank = true
		return st, nil
	case err != nil && err != io.ErrUnexpectedEOF:
		return nil, osError(path, err, false)
	case n < len(head) || !bytes.HasPrefix(head, []byte("SQLite format 3\x00")):
		return nil, &FileError{Path: path, Problem: NotRecord, Detail: "not a unsc record (not a SQLite database); it was left as it is"}
	}
	app := binary.BigEndian.Uint32(head[68:])
	if app != 0 && app != applicationID {
		return nil, &FileError{Path: path, Problem: NotRecord,
			Detail: fmt.Sprintf("not a unsc record but another application's SQLite database (application_id %#x); it was left as it is", app)}
	}
	// Bytes 18 and 19 are the read and write versions: 2 in WAL mode.
	st.wal = head[18] == 2 || head[19] == 2

	// A read-only connection reads the rest. A database in WAL mode is
	// read as its main file says (immutable), since a reader would
	// otherwise create the WAL's index beside it; only records made
	// before unsc stopped using WAL are in that mode.
	q := url.Values{"mode": {"ro"}}
	if st.wal {
		q.Set("immutable", "1")
	}
	db, err := sql.Open("sqlite", fileDSN(path, q))
	if err != nil {
		return nil, driverError(path, err, false)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tables := map[string]bool{}
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table'`)
	if err != nil {
		return nil, driverError(path, err, false)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return nil, driverError(path, err, false)
		}
		tables[name] = true
	}
	if err := rows.Close(); err != nil {
		return nil, driverError(path, err, false)
	}
	if !tables["schema_migrations"] {
		if app == 0 && len(tables) == 0 {
			return nil, &FileError{Path: path, Problem: NotRecord, Detail: "not a unsc record but an empty SQLite database; it was left as it is"}
		}
		return nil, &FileError{Path: path, Problem: NotRecord, Detail: "not a unsc record but a SQLite database without the record's tables; it was left as it is"}
	}
	st.applied = map[string]bool{}
	rows, err = db.QueryContext(ctx, `SELECT name FROM schema_migrations`)
	if err != nil {
		return nil, driverError(path, err, false)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return nil, driverError(path, err, false)
		}
		st.applied[name] = true
	}
	if err := rows.Close(); err != nil {
		return nil, driverError(path, err, false)
	}
	if app == 0 {
		if !st.applied["0001_record.sql"] {
			return nil, &FileError{Path: path, Problem: NotRecord, Detail: "not a unsc record but a SQLite database with another application's migrations; it was left as it is"}
		}
		st.legacy = true
	}
	if tables["decisions"] {
		if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM decisions)`).Scan(&st.decisions); err != nil {
			return nil, driverError(path, err, false)
		}
	}
	if tables["reports"] {
		if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM reports)`).Scan(&st.reports); err != nil {
			return nil, driverError(path, err, false)
		}
	}
	if tables["derivation"] {
		d, err := readDerivation(ctx, db)
		if err != nil {
			return nil, driverError(path, err, false)
		}
		st.derivation = d
	}
	return st, nil
}

// unknownMigrations returns the migrations the record has applied that
// this unsc does not have: those of a newer unsc.
func (st *fileState) unknownMigrations() []string {
	known := map[string]bool{}
	for _, name := range migrationNames() {
		known[name] = true
	}
	var unknown []string
	for name := range st.applied {
		if !known[name] {
			unknown = append(unknown, name)
		}
	}
	return unknown
}

// missingMigrations reports whether the record lacks a migration this unsc
// has: a record of an older unsc.
func (st *fileState) missingMigrations() bool {
	for _, name := range migrationNames() {
		if !st.applied[name] {
			return true
		}
	}
	return false
}

// fileDSN returns a file: URI for the database at the absolute path, with
// the query q; a file: URI, so that a path holding '?' or '#' stays a path
// and SQLite applies its own parameters (mode).
func fileDSN(path string, q url.Values) string {
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// osError translates an error of the operating system about path into a
// FileError where it is one of the file's problems.
func osError(path string, err error, writing bool) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &FileError{Path: path, Problem: Missing, Detail: "no such file", Err: err}
	case errors.Is(err, fs.ErrPermission):
		if writing {
			return &FileError{Path: path, Problem: Unwritable, Detail: "you may not write this file or its folder", Err: err}
		}
		return &FileError{Path: path, Problem: Unreadable, Detail: "you may not read this file (or a folder on its path)", Err: err}
	case errors.Is(err, syscall.ENOTDIR):
		return &FileError{Path: path, Problem: Missing, Detail: "a part of the path is a file, not a folder", Err: err}
	case errors.Is(err, syscall.ENOSPC):
		return &FileError{Path: path, Problem: Failed, Detail: "the disk is full", Err: err}
	}
	return fmt.Errorf("%s: %w", path, err)
}

// driverError translates an error of the SQLite driver about the record at
// path into a FileError, by SQLite's result code, where the code says what
// is wrong with the file; other errors are returned as they are.
func driverError(path string, err error, writing bool) error {
	if err == nil {
		return nil
	}
	var fe *FileError
	if errors.As(err, &fe) {
		return err
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	if se.Code() == sqlite3.SQLITE_READONLY_DBMOVED {
		// SQLite checks, as a write begins, that the path still names the
		// file it opened: another program removed or replaced it since.
		return &FileError{Path: path, Problem: Moved, Detail: "removed or replaced by another program while unsc had it open; nothing was written to the file now at that path", Err: err}
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return &FileError{Path: path, Problem: Busy, Detail: "another program kept the record locked past the wait", Err: err}
	case sqlite3.SQLITE_READONLY:
		return &FileError{Path: path, Problem: Unwritable, Detail: "cannot be written: the file, or its folder, is read-only for you", Err: err}
	case sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
		if writing {
			return &FileError{Path: path, Problem: Unwritable, Detail: "you may not write the record", Err: err}
		}
		return &FileError{Path: path, Problem: Unreadable, Detail: "you may not read the record", Err: err}
	case sqlite3.SQLITE_CANTOPEN:
		// SQLite says only that it could not; the file system says why.
		if _, statErr := os.Stat(path); statErr != nil {
			return osError(path, statErr, writing)
		}
		if f, openErr := os.Open(path); openErr != nil {
			return osError(path, openErr, false)
		} else {
			f.Close()
		}
		if writing {
			return &FileError{Path: path, Problem: Unwritable, Detail: "cannot be opened for writing (is its folder writable?)", Err: err}
		}
		return &FileError{Path: path, Problem: Unreadable, Detail: "cannot be opened", Err: err}
	case sqlite3.SQLITE_NOTADB:
		return &FileError{Path: path, Problem: NotRecord, Detail: "not a unsc record (not a SQLite database); it was left as it is", Err: err}
	case sqlite3.SQLITE_CORRUPT:
		return &FileError{Path: path, Problem: Damaged, Detail: "the file is damaged: SQLite finds it malformed", Err: err}
	case sqlite3.SQLITE_FULL:
		return &FileError{Path: path, Problem: Failed, Detail: "the disk holding it is full; nothing was written", Err: err}
	case sqlite3.SQLITE_IOERR:
		return &FileError{Path: path, Problem: Failed, Detail: "the disk failed while reading or writing it", Err: err}
	}
	return err
}

// fail translates err, an error of an operation on the store, into a
// FileError where it is a problem of the file.
func (s *Store) fail(err error) error {
	return driverError(s.path, err, !s.readOnly)
}

// ensureFolder makes the folder of a new record at path.
func ensureFolder(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return osError(filepath.Dir(path), err, true)
	}
	return nil
}

// joinNames lists names for a message.
func joinNames(names []string) string { return strings.Join(names, ", ") }
