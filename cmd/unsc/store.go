package main

import (
	"fmt"
	"strings"
	"time"

	"unsc/embedded"
	"unsc/sqlite/imagefile"
)

// builtInStore opens the record built into unsc, where there is no record
// file at path, and says so on standard error the first time.
func (a *app) builtInStore(path string) (*embedded.Store, error) {
	st, err := embedded.Open()
	if err != nil {
		return nil, err
	}
	a.builtIn = true
	if !a.builtInNoted {
		a.builtInNoted = true
		db, where := "", "no record at "+path
		if a.dbPath != "" {
			db = "--db " + shellQuote(a.dbPath) + " "
			where = path + ": no such file"
		}
		about, err := embedded.Describe()
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(a.stderr, "unsc: %s; answering from the record built into unsc (%s to %s: %s). "+
			"For newer decisions, make a record of your own: `unsc %ssync` downloads the UN's files, `unsc %simport FOLDER` imports files you have.\n",
			where, plural(about.Decisions, "decision", "decisions"), dayInWords(about.Last), about.Complete, db, db)
	}
	return st, nil
}

// recordPath returns the path of the record: --db, else $UNSC_DB (the
// flag's default), else the default path.
func (a *app) recordPath() (string, error) {
	if a.dbPath != "" {
		return a.dbPath, nil
	}
	return imagefile.DefaultRecordPath()
}

// shellQuote quotes s for a POSIX shell where it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+:,=@%", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// dayInWords writes a date given as YYYY-MM-DD in words (4 June 2025).
func dayInWords(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.Format("2 January 2006")
}
