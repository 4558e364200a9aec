// updatemaxprocs=0: GOMAXPROCS is set at the start from the machine and
// its container's CPU limit, as always, and not looked at again by a
// goroutine (and the thread it wakes) started before main: one thread
// fewer at the start of every command. A server whose container's limit
// changes keeps the GOMAXPROCS it started with.
//
//go:debug updatemaxprocs=0

// Command unsc is the UN Security Council's decision-making as software: the
// Council on any date, the outcome of any vote under the Charter, and the
// record of every Council vote since 1946.
//
// Usage:
//
//	unsc [--db PATH] COMMAND [flags] [args]
//
// Run `unsc help` for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"unsc"
)

// command is one subcommand with its own flags and usage text.
type command struct {
	name    string
	args    string // synopsis of the arguments
	summary string
	run     func(ctx context.Context, app *app, args []string) error
	// writes is true for a command that writes the record or serves: it
	// catches Ctrl-C from its first instant (see interruptible).
	writes bool
}

// commands lists every subcommand, in the order help shows them: every
// one in the whole program (commands.go), the questions in the front
// (front.go).
var commands []command

// app is what every command is handed: the standard streams and the global
// options.
type app struct {
	stdin io.Reader
	// stdout and stderr escape control characters (see escaper); rawStdout
	// and rawStderr do not, for CSV to a file and for progress lines.
	stdout, stderr       io.Writer
	rawStdout, rawStderr io.Writer
	// stdoutTerminal and stderrTerminal say whether the streams are
	// terminals.
	stdoutTerminal, stderrTerminal bool
	dbPath                         string
	// builtIn is set when the command reads the record built into unsc,
	// there being no record file; builtInNoted once standard error has
	// said so.
	builtIn, builtInNoted bool
	// fs is the flag set of the command being run, for its usage.
	fs *flag.FlagSet
}

// usageError is bad usage of a command: exit status 2 with the usage text.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func main() {
	growStack(0)
	ctx, stop := interruptible(commandWrites(os.Args[1:]))
	stopProfiling := startProfiling()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stopProfiling()
	stop()
	os.Exit(code)
}

// growStack grows the stack of main at once to what a question needs
// (16 KB), while it holds two frames: the runtime grows a stack by
// copying it, a copy for each doubling from 2 KB, each walking every frame
// on it, and a question otherwise grows it twice more, deep in its work.
//
//go:noinline
func growStack(i int) byte {
	var frame [12 << 10]byte
	return frame[i]
}

// catchAfter is how long a command that does not write runs before it
// catches Ctrl-C: most questions are answered sooner, and catching a
// signal starts two threads (a third of a question's start).
const catchAfter = 25 * time.Millisecond

// interruptible returns the context of main, cancelled by Ctrl-C, so that
// the work stops where it is and says so (exitStatus). A command that
// writes the record or serves catches it at once; any other when it first
// looks at its context (Err or Done, as every loop over the record does)
// after catchAfter, before which Ctrl-C ends the process as it ends any
// program (exit status 130 in a shell; nothing is written). No timer waits
// for catchAfter: a timer sets up the runtime's poller and wakes a thread,
// a tenth of a question's start. stop releases the signal.
func interruptible(now bool) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	var (
		mu      sync.Mutex
		stopped bool
		release = func() {}
	)
	catch := func() {
		mu.Lock()
		defer mu.Unlock()
		if stopped {
			return
		}
		sctx, sstop := signal.NotifyContext(ctx, os.Interrupt)
		context.AfterFunc(sctx, cancel)
		release = sstop
	}
	stop = func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		release()
		cancel()
	}
	if now {
		catch()
		return ctx, stop
	}
	return &catchLater{Context: ctx, start: time.Now(), catch: catch}, stop
}

// catchLater is the context of a command that does not write: the first
// look at it (Err or Done) after catchAfter from start catches Ctrl-C.
// Its Value is its Context's, so contexts made from it are cancelled with
// it as with any context the package context makes.
type catchLater struct {
	context.Context
	start  time.Time
	catch  func()
	caught atomic.Bool
}

func (c *catchLater) Err() error {
	c.look()
	return c.Context.Err()
}

func (c *catchLater) Done() <-chan struct{} {
	c.look()
	return c.Context.Done()
}

func (c *catchLater) look() {
	if !c.caught.Load() && time.Since(c.start) >= catchAfter && c.caught.CompareAndSwap(false, true) {
		c.catch()
	}
}

// commandWrites reports whether the command on the line (after the global
// flags) writes the record or serves.
func commandWrites(args []string) bool {
	args, err := (&app{}).globalFlags(args)
	if err != nil || len(args) == 0 {
		return false
	}
	c, ok := commandNamed(args[0])
	return ok && c.writes
}

// run runs the program with its arguments and returns the exit status: 0 on
// success, 1 when something asked for is not there or failed, 2 on bad input
// or usage.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	line := args
	held := &heldOutput{w: stdout}
	errOut := held.before(stderr)
	outEsc, errEsc := newEscaper(held), newEscaper(errOut)
	defer held.Flush()
	defer errEsc.Flush()
	defer outEsc.Flush()
	a := &app{
		stdin: stdin, stdout: outEsc, stderr: errEsc, rawStdout: held, rawStderr: errOut,
		stdoutTerminal: terminal(stdout), stderrTerminal: terminal(stderr),
		dbPath: os.Getenv("UNSC_DB"),
	}
	args, err := a.globalFlags(args)
	if err != nil {
		fmt.Fprintf(a.stderr, "unsc: %v\nRun `unsc help` for the commands.\n", err)
		return 2
	}
	if len(args) == 0 {
		if code, ok := handOver(line); ok {
			return code
		}
		printHelp(a.stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		if code, ok := handOver(line); ok {
			return code
		}
		printHelp(a.stdout)
		return 0
	}
	c, ok := commandNamed(name)
	if !ok {
		if code, ok := handOver(line); ok {
			return code
		}
		fmt.Fprintf(a.stderr, "unsc: unknown command %q; run `unsc help` for the commands\n", name)
		return 2
	}
	// A command that neither writes the record nor serves answers at
	// once: its answer is held and written in one piece (a table was a
	// write for each cell, 170 for `unsc council`).
	held.hold(!c.writes)
	err = c.run(ctx, a, args[1:])
	if errors.Is(err, errHandOver) {
		// Nothing was written: what the command would write is held.
		held.discard()
		if code, ok := handOver(line); ok {
			return code
		}
	}
	outEsc.Flush()
	if ferr := held.Flush(); err == nil {
		err = ferr
	}
	return a.exitStatus(c, err)
}

// errHandOver is what a command of the front (front.go) returns where the
// whole program must answer: a record it cannot read without SQLite.
var errHandOver = errors.New("the whole unsc answers this")

// heldOutput is standard output, held back while hold is on and written
// when it reaches heldMax, when anything is written to standard error
// (through before), and at Flush: the two streams keep the order in which
// they were written, into one file too (2>&1). Its methods are safe for
// concurrent use (the progress line is drawn from another goroutine).
type heldOutput struct {
	mu   sync.Mutex
	w    io.Writer
	buf  []byte
	held bool
	err  error // the first error writing what was held
}

const heldMax = 64 << 10

// hold starts holding standard output back, or stops (writing what it
// holds).
func (h *heldOutput) hold(on bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.held = on
	if !on {
		h.flush()
		return
	}
	if h.buf == nil {
		// One buffer of heldMax: the memory of the start is untouched
		// until written, so the pages an answer touches are the ones it
		// fills, where growing the buffer by appending took a new block
		// of memory at each doubling, each of a size not used before.
		h.buf = make([]byte, 0, heldMax)
	}
}

func (h *heldOutput) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.held || len(h.buf)+len(p) > heldMax {
		if err := h.flush(); err != nil {
			return 0, err
		}
	}
	if !h.held || len(p) >= heldMax {
		return h.w.Write(p)
	}
	h.buf = append(h.buf, p...)
	return len(p), nil
}

// discard drops what is held.
func (h *heldOutput) discard() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.buf = h.buf[:0]
}

// Flush writes what is held, and returns the first error writing what
// was held, here or before.
func (h *heldOutput) Flush() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.flush()
}

func (h *heldOutput) flush() error {
	if len(h.buf) > 0 {
		if _, err := h.w.Write(h.buf); err != nil && h.err == nil {
			h.err = err
		}
		h.buf = h.buf[:0]
	}
	return h.err
}

// before returns w (standard error), which writes what h holds first.
func (h *heldOutput) before(w io.Writer) io.Writer { return heldFirst{h, w} }

type heldFirst struct {
	h *heldOutput
	w io.Writer
}

// Write writes what is held, then p: an error writing standard output
// is the command's to report (at Flush), not a reason to say nothing on
// standard error.
func (f heldFirst) Write(p []byte) (int, error) {
	f.h.mu.Lock()
	defer f.h.mu.Unlock()
	f.h.flush()
	return f.w.Write(p)
}

// globalFlags takes the global flags (--db PATH, --db=PATH, -db PATH) out
// of args, wherever they are on the line up to a "--", and returns the rest.
func (a *app) globalFlags(args []string) ([]string, error) {
	var rest []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !strings.HasPrefix(arg, "-") || name != "db" {
			rest = append(rest, arg)
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				return nil, fmt.Errorf("%s: want a PATH after it", arg)
			}
			i++
			value = args[i]
		}
		if value == "" {
			return nil, fmt.Errorf("%s: want a PATH, not an empty one", arg)
		}
		a.dbPath = value
	}
	return rest, nil
}

func commandNamed(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// exitStatus reports how command c ended and returns the exit status. A
// request for help prints the command's usage to standard output.
func (a *app) exitStatus(c command, err error) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		a.printUsage(a.stdout, c)
		return 0
	}
	if errors.Is(err, context.Canceled) {
		// Ctrl-C (the context of main): the work stopped where it was.
		fmt.Fprintln(a.stderr, "unsc: interrupted")
		return 130
	}
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintf(a.stderr, "unsc: %s\nRun `unsc help %s` for its usage.\n", u.msg, c.name)
		return 2
	}
	msg := unsc.ErrorMessage(err)
	if unsc.ErrorCode(err) == unsc.EINTERNAL {
		// Internal detail is for the operator at a terminal, not a client.
		msg = err.Error()
	}
	fmt.Fprintf(a.stderr, "unsc: %s\n", strings.ReplaceAll(msg, "\n", " "))
	if unsc.ErrorCode(err) == unsc.EINVALID {
		return 2
	}
	return 1
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "unsc: the UN Security Council's decision-making, as software")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: unsc COMMAND [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Global flags, anywhere on the line:")
	fmt.Fprintln(w, "  --db PATH   the record's database (default: $UNSC_DB, else the user's data directory)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run `unsc help COMMAND` or `unsc COMMAND -h` for a command's usage and flags.")
}

// printUsage writes command c's usage: its synopsis, summary and flags (of
// the flag set its last run made).
func (a *app) printUsage(w io.Writer, c command) {
	fmt.Fprintf(w, "Usage: unsc %s %s\n\n%s\n", c.name, c.args, c.summary)
	if a.fs != nil {
		first := true
		a.fs.VisitAll(func(f *flag.Flag) {
			if first {
				fmt.Fprintf(w, "\nFlags:\n")
				first = false
			}
			value, usage := flag.UnquoteUsage(f)
			switch value {
			case "":
			case "string", "value":
				value = " " + strings.ToUpper(f.Name)
			case "int":
				value = " N"
			default:
				value = " " + strings.ToUpper(value)
			}
			fmt.Fprintf(w, "  --%s%s\n        %s", f.Name, value, usage)
			if d := f.DefValue; d != "" && d != "false" && d != "0" {
				fmt.Fprintf(w, " (default %s)", d)
			}
			fmt.Fprintln(w)
		})
	}
	fmt.Fprintf(w, "\nGlobal flags, anywhere on the line: --db PATH, the record's database.\n")
}

// newFlagSet returns the flag set of a command. The flag package prints
// nothing: a request for help is answered by exitStatus, on standard
// output; a bad flag is a usage error.
func (a *app) newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	a.fs = fs
	return fs
}

// parseFlags parses a command's flags, which may come before or after its
// arguments ("unsc member USA --json"), turning a flag error into a usage
// error (exit status 2). After "--" everything is an argument.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return &usageError{msg: fs.Name() + ": " + err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		// The flag package stops at the first argument; a "--" it consumed
		// leaves args shorter than it was.
		positional = append(positional, args[0])
		args = args[1:]
	}
	// Parse again with only the arguments, so that fs.Args returns them.
	return fs.Parse(append([]string{"--"}, positional...))
}
