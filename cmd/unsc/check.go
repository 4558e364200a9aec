package main

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"runtime/debug"

	"unsc"
	"unsc/record"
)

var checkCommand = command{
	name:    "check",
	args:    "[--all]",
	summary: "Replay every decision in the record through the Charter engine and report where the record disagrees.",
	run:     runCheck,
}

var codeFlag = regexp.MustCompile(`^[A-Z]{3}$`)

func runCheck(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("check")
	all := fs.Bool("all", false, "also list the findings that are explained")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	relaxGC()
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	ds, err := st.Decisions(ctx, unsc.DecisionFilter{})
	if err != nil {
		return err
	}
	s := record.Check(ds, record.BuiltinExplanations)
	for _, f := range s.Findings {
		if f.Reason != "" && !*all {
			continue
		}
		fmt.Fprintf(a.stdout, "%s %s [%s] %s\n", f.Decision.Date.Format("2006-01-02"), record.Symbol(f.Decision), f.Kind, f.Detail)
		if f.Reason != "" {
			fmt.Fprintf(a.stdout, "    explained: %s\n", f.Reason)
		}
	}
	fmt.Fprintln(a.stdout, s.Line())
	if s.Unexplained > 0 {
		return errUnexplained
	}
	return nil
}

// relaxGC lets the heap grow without collection up to a limit far above
// the record's size (~20 MB), unless GOGC or GOMEMLIMIT say otherwise. A
// command that loads the whole record and then exits makes little garbage:
// collecting while it loads would halve its speed for nothing.
func relaxGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(512 << 20)
	debug.SetGCPercent(-1)
}

// errUnexplained makes check exit with status 1 after its report.
var errUnexplained = &unsc.Error{Code: unsc.ECONFLICT, Message: "the record has unexplained findings"}
