//go:build !front

package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"unsc"
	"unsc/record"
	"unsc/sqlite"
)

// openStore opens the record for reading: the file given by --db or
// $UNSC_DB, else the default in the user's data directory. Reading never
// creates or changes the file, and a record the user may read but not write
// is read. Where there is no file, the record built into unsc (package
// embedded) answers, and standard error says so once, with how to make a
// record of one's own. An empty record, a file that is not a record, and a
// record made by another version of unsc are errors that say what to do.
func (a *app) openStore() (unsc.Store, error) {
	path, err := a.recordPath()
	if err != nil {
		return nil, err
	}
	st, err := sqlite.OpenWith(path, sqlite.Options{ReadOnly: true, Reconciliation: record.Version})
	var fe *sqlite.FileError
	if errors.As(err, &fe) && fe.Problem == sqlite.Missing {
		return a.builtInStore(fe.Path)
	}
	if err != nil {
		return nil, a.recordError(err)
	}
	return recordStore{st, a}, nil
}

// openStoreForWriting opens the record for importing into it, creating it
// (with its folder) if there is none, and upgrading one made by an older
// unsc: its next import derives its decisions again.
func (a *app) openStoreForWriting() (*sqlite.Store, error) {
	path, err := a.recordPath()
	if err != nil {
		return nil, err
	}
	st, err := sqlite.OpenWith(path, sqlite.Options{Reconciliation: record.Version})
	if err != nil {
		return nil, a.recordError(err)
	}
	return st, nil
}

// recordStore is the record opened by a command: its errors about the file
// say what to do.
type recordStore struct {
	*sqlite.Store
	a *app
}

func (s recordStore) Decisions(ctx context.Context, f unsc.DecisionFilter) ([]unsc.Decision, error) {
	ds, err := s.Store.Decisions(ctx, f)
	return ds, s.a.recordError(err)
}

func (s recordStore) Membership(ctx context.Context, date time.Time) ([]unsc.Member, error) {
	ms, err := s.Store.Membership(ctx, date)
	return ms, s.a.recordError(err)
}

// verifyStore checks the record file (sqlite.Store.Verify) where the store
// is one.
func (a *app) verifyStore(ctx context.Context, st unsc.Store) error {
	if v, ok := st.(interface{ Verify(context.Context) error }); ok {
		return a.recordError(v.Verify(ctx))
	}
	return nil
}

// recordError turns an error about the record file into one that says, in
// words, what is wrong with which file and what to do about it, with the
// command to run; other errors are returned as they are.
func (a *app) recordError(err error) error {
	var fe *sqlite.FileError
	if !errors.As(err, &fe) {
		return err
	}
	// The commands to suggest name the record as it was given.
	db := ""
	if a.dbPath != "" {
		db = "--db " + shellQuote(a.dbPath) + " "
	}
	importCmd := "`unsc " + db + "import FOLDER`"
	var code, todo string
	switch fe.Problem {
	case sqlite.Missing:
		code = unsc.ENOTFOUND
		if a.dbPath != "" {
			todo = "check the path given with --db (or $UNSC_DB), or make a record there by importing the UN's files: " + importCmd
		} else {
			todo = "there is no record yet: import the UN's files (see the README) with " + importCmd
		}
	case sqlite.Empty:
		code = unsc.ENOTFOUND
		todo = "import the UN's files into it with " + importCmd
	case sqlite.NotRecord:
		code = unsc.EINVALID
		todo = "give the path of a unsc record with --db, or a new file's path to make one there with " + importCmd
	case sqlite.Newer:
		code = unsc.ECONFLICT
		todo = "use the newer unsc that made it, or make a record for this unsc in another file with `unsc --db OTHER import FOLDER`"
	case sqlite.Older:
		code = unsc.ECONFLICT
		todo = "run `unsc " + db + "rebuild` to upgrade it and derive its decisions again from its reports (nothing is downloaded)"
	case sqlite.Damaged:
		code = unsc.ECONFLICT
		todo = "move the file aside and make the record again from the UN's files with " + importCmd
	case sqlite.Unreadable:
		code = unsc.EFORBIDDEN
		todo = "ask for permission to read it, or give another record with --db"
	case sqlite.Unwritable:
		code = unsc.EFORBIDDEN
		todo = "importing writes the record: give a file you may write with --db (reading a record needs only permission to read it)"
	case sqlite.Busy:
		code = unsc.ECONFLICT
		todo = "another unsc is probably importing into it; try again when it is done"
	case sqlite.Moved:
		code = unsc.ECONFLICT
		todo = "run the command again once no other program is removing or replacing that file"
	default:
		code = unsc.EINTERNAL
		todo = "nothing was changed; try again once the disk is sound"
	}
	return &unsc.Error{Code: code, Message: fmt.Sprintf("%s: %s; %s", fe.Path, fe.Detail, todo)}
}

// setMemMark has the store mark each step of an import for UNSC_MEMTRACE
// (profile.go).
func setMemMark(mark func(string)) { sqlite.MemMark = mark }
