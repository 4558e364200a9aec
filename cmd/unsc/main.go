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

	"unsc"
)

// command is one subcommand with its own flags and usage text.
type command struct {
	name    string
	args    string // synopsis of the arguments
	summary string
	run     func(ctx context.Context, app *app, args []string) error
}

// commands lists every subcommand, in the order help shows them.
var commands []command

func init() {
	commands = []command{
		councilCommand,
		membersCommand,
		decideCommand,
		importCommand,
		checkCommand,
		showCommand,
		vetoesCommand,
		decisionsCommand,
		memberCommand,
		agreementCommand,
		trendsCommand,
		whatIfCommand,
		initiativeCommand,
		syncCommand,
		serveCommand,
	}
}

// app is what every command is handed: the standard streams and the global
// options.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	dbPath         string
}

// usageError is bad usage of a command: exit status 2 with the usage text.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run runs the program with its arguments and returns the exit status: 0 on
// success, 1 when something asked for is not there or failed, 2 on bad input
// or usage.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	global := flag.NewFlagSet("unsc", flag.ContinueOnError)
	global.SetOutput(stderr)
	global.StringVar(&a.dbPath, "db", os.Getenv("UNSC_DB"), "the record's database `PATH` (default: $UNSC_DB, else the user's data directory)")
	global.Usage = func() { printHelp(stderr, global) }
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	rest := global.Args()
	if len(rest) == 0 {
		printHelp(stderr, global)
		return 2
	}
	name := rest[0]
	if name == "help" || name == "-h" || name == "--help" {
		printHelp(stdout, global)
		return 0
	}
	for _, c := range commands {
		if c.name == name {
			return exitStatus(stderr, c.run(ctx, a, rest[1:]))
		}
	}
	fmt.Fprintf(stderr, "unsc: unknown command %q; run `unsc help` for the commands\n", name)
	return 2
}

func exitStatus(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintf(stderr, "unsc: %s\n", u.msg)
		return 2
	}
	msg := unsc.ErrorMessage(err)
	if unsc.ErrorCode(err) == unsc.EINTERNAL {
		// Internal detail is for the operator at a terminal, not a client.
		msg = err.Error()
	}
	fmt.Fprintf(stderr, "unsc: %s\n", strings.ReplaceAll(msg, "\n", " "))
	if unsc.ErrorCode(err) == unsc.EINVALID {
		return 2
	}
	return 1
}

func printHelp(w io.Writer, global *flag.FlagSet) {
	fmt.Fprintln(w, "unsc: the UN Security Council's decision-making, as software")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: unsc [--db PATH] COMMAND [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Global flags:")
	global.SetOutput(w)
	global.PrintDefaults()
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run `unsc COMMAND -h` for a command's flags.")
}

// newFlagSet returns the flag set of a command, printing its usage to the
// app's stderr.
func (a *app) newFlagSet(name string) *flag.FlagSet {
	var c command
	for _, c = range commands {
		if c.name == name {
			break
		}
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	fs.Usage = func() {
		fmt.Fprintf(a.stderr, "Usage: unsc %s %s\n\n%s\n\nFlags:\n", c.name, c.args, c.summary)
		fs.PrintDefaults()
	}
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
			return &usageError{msg: err.Error()}
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
