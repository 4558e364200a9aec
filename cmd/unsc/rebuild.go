//go:build !front

package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"unsc"
	"unsc/record"
	"unsc/sqlite"
)

var rebuildCommand = command{
	name:    "rebuild",
	args:    "",
	summary: "Upgrade the record made by an older unsc and derive its decisions again from the reports it holds.",
	run:     runRebuild,
	writes:  true,
}

func runRebuild(ctx context.Context, a *app, args []string) error {
	flags := a.newFlagSet("rebuild")
	if err := parseFlags(flags, args); err != nil {
		return err
	}
	if flags.NArg() != 0 {
		return &usageError{msg: "rebuild: takes no arguments"}
	}
	path, err := a.recordPath()
	if err != nil {
		return err
	}
	// Rebuilding makes no record: a path mistyped must not become one.
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		abs, _ := filepath.Abs(path)
		return a.recordError(&sqlite.FileError{Path: abs, Problem: sqlite.Missing, Detail: "no such file", Err: err})
	}
	st, err := a.openStoreForWriting()
	if err != nil {
		return err
	}
	defer st.Close()
	// The curated decisions built into unsc replace the record's as a set,
	// as every import's do: an older unsc's under a key since renamed go.
	sum, err := st.Rebuild(ctx, record.Reconcile, record.Curated(), record.CuratedSources()...)
	if err != nil {
		return a.recordError(err)
	}
	if sum.Decisions == 0 {
		// Nothing to derive from: the file was made just now, or holds no
		// reports. Say so rather than leave an empty record unremarked.
		return a.recordError(&sqlite.FileError{Path: st.Path(), Problem: sqlite.Empty, Detail: "a record that holds no reports to derive decisions from"})
	}
	fmt.Fprintf(a.stdout, "%d decisions in the record, derived again from its reports by reconciliation %d%s\n", sum.Decisions, record.Version, removedCurated(sum))
	return nil
}

// removed says, after an import's counts, how many stored reports of the
// sources delivered whole the import no longer gave; "" for none.
func removed(sum unsc.ImportSummary) string {
	if sum.Removed == 0 {
		return ""
	}
	return fmt.Sprintf(", %d removed", sum.Removed)
}

// removedCurated says, after a rebuild, how many curated reports an older
// unsc had stored under keys this one no longer gives; "" for none.
func removedCurated(sum unsc.ImportSummary) string {
	if sum.Removed == 0 {
		return ""
	}
	return fmt.Sprintf(" (%s of an older unsc's curated decisions removed: this unsc's replace them)", plural(sum.Removed, "report", "reports"))
}

// rederived says, after an import's summary, that the decisions were
// derived again although no report changed.
func rederived(sum unsc.ImportSummary) string {
	if !sum.Rederived {
		return ""
	}
	return fmt.Sprintf(" (derived again by reconciliation %d: an older unsc had derived them)", record.Version)
}
