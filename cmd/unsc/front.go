//go:build front

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"unsc"
	"unsc/analysis"
	"unsc/internal/onefile"
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
// the one it carries at the end of its file (cmd/build, internal/onefile),
// run in its place, which answers as unsc always has: the same output, the
// same exit status (TestOneFileAnswersAsWhole).

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
// process: it returns only when it could not, with the exit status. The
// whole program is the one this front carries, at the end of its own file
// (package internal/onefile; cmd/build writes the file).
func handOver(line []string) (int, bool) {
	self, name, err := openSelf()
	if err != nil {
		fmt.Fprintf(os.Stderr, "unsc: this is answered by the whole program, which unsc carries in its file, but that file cannot be read: %v\n", err)
		return 1, true
	}
	defer self.Close()
	info, err := self.Stat()
	if err != nil {
		fmt.Fprintf(os.Stderr, "unsc: %s: %v\n", name, err)
		return 1, true
	}
	offset, length, err := onefile.Find(self, info.Size())
	if errors.Is(err, onefile.ErrNoPayload) {
		// The front alone, as `go build -tags front` makes it, or a
		// file cut short.
		fmt.Fprintf(os.Stderr, "unsc: this is answered by the whole program, which %s does not carry (no whole program at its end: the front alone, or a file cut short): build unsc as one file, in the checkout it was built from, with `go run ./cmd/build -o %s` (see the README)\n", name, shellQuote(name))
		return 1, true
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "unsc: %s: %v; the whole program it carries cannot be run: build it again, in the checkout it was built from, with `go run ./cmd/build -o %s` (see the README)\n", name, err, shellQuote(name))
		return 1, true
	}
	return runWhole(self, name, offset, length, line), true
}

// runChild runs the whole program, length bytes at offset in self, as a
// child with the command line, where it cannot run in this process's
// place: from a file of its own in the temporary folder, readable by this
// user alone and removed when it ends, with the same standard streams and
// environment. Ctrl-C, SIGTERM, SIGHUP and SIGQUIT sent to this process are
// passed on (Ctrl-C at a terminal reaches the child twice, from the
// terminal and from here: the whole program catches the second as it does
// the first, where it catches Ctrl-C at all); its exit status is this
// process's (128 and the signal's number where a signal ended it).
func runChild(self *os.File, name string, offset, length int64, line []string) int {
	dir, err := os.MkdirTemp("", "unsc-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "unsc: run the whole program that %s carries: %v\n", name, err)
		return 1
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, filepath.Base(name))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o700)
	if err == nil {
		_, err = io.Copy(f, io.NewSectionReader(self, offset, length))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "unsc: copy the whole program that %s carries to %s: %v\n", name, path, err)
		return 1
	}
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT)
	defer signal.Stop(signals)
	// os.StartProcess, not os/exec: the front links no more than it
	// needs, every package being paid at every start.
	child, err := os.StartProcess(path, append([]string{os.Args[0]}, line...), &os.ProcAttr{
		Env:   os.Environ(),
		Files: []*os.File{os.Stdin, os.Stdout, os.Stderr},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "unsc: run the whole program that %s carries: %v\n", name, err)
		return 1
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case s := <-signals:
				_ = child.Signal(s)
			case <-done:
				return
			}
		}
	}()
	state, err := child.Wait()
	if err != nil {
		fmt.Fprintf(os.Stderr, "unsc: run the whole program that %s carries: %v\n", name, err)
		return 1
	}
	if ws, ok := state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return state.ExitCode()
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
