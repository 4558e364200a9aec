package main

import (
	"unsc"
	"unsc/sqlite"
)

// openStore opens the record: the file given by --db or $UNSC_DB, else the
// default in the user's data directory.
func (a *app) openStore() (unsc.Store, error) {
	path := a.dbPath
	if path == "" {
		var err error
		if path, err = sqlite.DefaultPath(); err != nil {
			return nil, err
		}
	}
	return sqlite.Open(path)
}
