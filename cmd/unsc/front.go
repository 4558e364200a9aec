//go:build front

package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"unsc"
	"unsc/analysis"
	"unsc/readmodel"
	"unsc/record"
	"unsc/sqlite/imagefile"
)

// The front: unsc built with -tags front is the program people run as
// unsc, and answers the questions itself, from the record's image file
// (package imagefile) or the record built into unsc, without linking
// SQLite, the server, the pages or TLS, whose initialisation is most of
// the start of the whole program. Everything else — another command, help,
// a record without a fresh image file (the store reads its tables and says
// what is wrong with a file) — it hands over to the whole program,
// unsc-full beside it, which answers as unsc always has: the same output,
// the same exit status (TestFrontAnswersAsWhole).

func init() {
	commands = []command{
		councilCommand,
		membersCommand,
		decideCommand,
		showCommand,
		vetoesCommand,
		decisionsCommand,
		positionsCommand,
		memberCommand,
		agreementCommand,
		trendsCommand,
		whatIfCommand,
		initiativeCommand,
		coverageCommand,
		casebookCommand,
	}
}

// handOver runs the whole program with the command line, in place of this
// process: it returns only when it could not, with the exit status.
func handOver(line []string) (int, bool) {
	whole := wholeProgram()
	if whole == "" {
		// The whole program's path, where this unsc looks for it: the
		// command to build it runs in the checkout, not in that folder.
		path := wholeName
		if exe, err := os.Executable(); err == nil {
			path = filepath.Join(filepath.Dir(exe), wholeName)
		}
		fmt.Fprintf(os.Stderr, "unsc: this is answered by the whole program, %s, which is not beside this unsc: build it beside it, in the checkout this unsc was built from, with `go build -o %s ./cmd/unsc` (see the README)\n", wholeName, shellQuote(path))
		return 1, true
	}
	return execWhole(whole, line), true
}

// wholeProgram returns the path of the whole program beside this one, ""
// where there is none. Only beside it, never from $PATH: the two are built
// together from one checkout, and a whole program of another version would
// answer for this one.
func wholeProgram() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	p := filepath.Join(filepath.Dir(exe), wholeName)
	if info, err := os.Stat(p); err != nil || info.IsDir() {
		return ""
	}
	return p
}

// openStore opens the record for reading from its image file while the
// file holds what the database holds, and the record built into unsc where
// there is no file at the path; any other record the whole program reads
// (errHandOver).
func (a *app) openStore() (unsc.Store, error) {
	path, err := a.recordPath()
	if err != nil || path == "" {
		return nil, errHandOver
	}
	// The path as given: made absolute only to be named (the working
	// directory's two look-ups are not a question's).
	if f := imagefile.Open(path, record.Version); f != nil && f.Image.Len() > 0 {
		return imageStore{f.Image}, nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, errHandOver
	}
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		return a.builtInStore(abs)
	}
	return nil, errHandOver
}

// imageStore is a record read from its image file: Decisions and Image,
// as the store answers them from the same file; the rest is the whole
// program's.
type imageStore struct{ m *readmodel.Image }

func (s imageStore) Decisions(ctx context.Context, f unsc.DecisionFilter) ([]unsc.Decision, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return s.m.Decisions(f)
}

func (s imageStore) Image(context.Context) (*readmodel.Image, error) { return s.m, nil }

func (imageStore) Import(context.Context, []unsc.Report, unsc.Reconciler, ...unsc.Source) (unsc.ImportSummary, error) {
	return unsc.ImportSummary{}, errHandOver
}

func (imageStore) SetMembership(context.Context, []unsc.Member) error { return errHandOver }

func (imageStore) Membership(context.Context, time.Time) ([]unsc.Member, error) {
	return nil, errHandOver
}

func (imageStore) Close() error { return nil }

// recordError is the whole program's (store_sqlite.go): the front reads no
// record file whose problems it would put in words.
func (a *app) recordError(err error) error { return err }

// loadSimulations is the whole program's: the sessions' database is
// SQLite.
func (a *app) loadSimulations(context.Context, string) (*analysis.Index, error) {
	return nil, errHandOver
}

// setMemMark: the front imports nothing.
func setMemMark(func(string)) {}
