package main

import (
	"context"
	"fmt"
	"os"
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

func runCheck(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("check")
	all := fs.Bool("all", false, "also list the findings that are explained")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	// The record is ~20 MB in memory, and checking it makes little
	// garbage: no collection below 512 MB.
	relaxGC(-1, 512<<20)
	prog := a.startProgress("reading the record")
	defer prog.stop()
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	ds, err := st.Decisions(ctx, unsc.DecisionFilter{})
	if err != nil {
		return err
	}
	prog.set("checking %s", plural(len(ds), "decision", "decisions"))
	s := record.Check(ds, record.BuiltinExplanations)
	prog.stop()
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

// relaxGC has the collector run less often — at heap growth of percent
// (never, for -1) — while the heap stays under limit bytes, unless GOGC or
// GOMEMLIMIT say otherwise. Commands that load much and exit make little
// garbage that outlives a collection: collecting at the default pace costs
// them a third of their time.
func relaxGC(percent int, limit int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(limit)
	debug.SetGCPercent(percent)
}

// errUnexplained makes check exit with status 1 after its report.
var errUnexplained = &unsc.Error{Code: unsc.ECONFLICT, Message: "the record has unexplained findings"}
