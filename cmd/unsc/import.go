//go:build !front

package main

import (
	"context"
	"fmt"
	"sync/atomic"

	"unsc"
	"unsc/charter"
	"unsc/dppa"
	"unsc/embedded"
	"unsc/internal/sourcefiles"
	"unsc/record"
	"unsc/sqlite"
)

var importCommand = command{
	name:    "import",
	args:    "[-v] [--no-built-in] PATH…",
	summary: "Import the files and folders given into the record, recognising each format by its content.",
	run:     runImport,
	writes:  true,
}

func runImport(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("import")
	verbose := fs.Bool("v", false, "list every file and what was done with it")
	noBuiltIn := fs.Bool("no-built-in", false, "make a new record of the files given only (with the curated decisions), not starting from the record built into unsc")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &usageError{msg: "import: want at least one file or folder"}
	}
	files, err := sourcefiles.Expand(fs.Args())
	if err != nil {
		return err
	}
	sum, batch, err := importFiles(ctx, a, files, *verbose, !*noBuiltIn)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "%s read (%d skipped), %s: %d added, %d updated, %d unchanged%s; %s in the record%s\n",
		plural(len(files)-batch.Skipped, "file", "files"), batch.Skipped, plural(sum.Reports, "report", "reports"), sum.Added, sum.Updated, sum.Unchanged, removed(sum), plural(sum.Decisions, "decision", "decisions"), rederived(sum))
	return nil
}

// importFiles parses the files and imports them into the record in one
// transaction, with the Council's membership: what `import` and `sync` share.
// A new record (one that holds no decision yet) starts, where builtIn is
// set, from the reports built into unsc (package embedded), the files read
// over them as files named after them on the line would be: a fresh
// install's first import loses nothing the commands answered before it.
func importFiles(ctx context.Context, a *app, files []sourcefiles.File, verbose, builtIn bool) (unsc.ImportSummary, *sourcefiles.Batch, error) {
	// The store opens (creating and migrating a new record) while the
	// files are parsed, and the curated decisions' reports are made;
	// nothing is written to it unless every file parses: not even the
	// Council's membership, which is unsc's own (package charter), so that
	// a failed import leaves a record as it found it (set here, beside the
	// parsing, a new record kept it after a failed import; PERFORMANCE.md, "Import
	// at today's size, third pass").
	type opened struct {
		st      *sqlite.Store
		curated []unsc.Report
		err     error
	}
	open := make(chan opened, 1)
	go func() {
		st, err := a.openStoreForWriting()
		memMark("opened") // UNSC_MEMTRACE only
		open <- opened{st, record.Curated(), err}
	}()
	prog := a.startProgress(fmt.Sprintf("reading %s", plural(len(files), "file", "files")))
	var read atomic.Int64
	// Until the store's import paces the collector itself, it waits
	// for a heap worth collecting (at today's record it ran 13 times
	// while the files were read).
	releaseFloor := sqlite.HoldHeapFloor()
	defer func() { releaseFloor() }()
	batch, err := sourcefiles.Read(files, func() {
		prog.set("reading files: %d of %d", read.Add(1), len(files))
	})
	memMark("files read") // UNSC_MEMTRACE only
	o := <-open
	prog.stop()
	if o.err == nil {
		defer o.st.Close()
	}
	if err != nil {
		return unsc.ImportSummary{}, nil, err
	}
	if verbose {
		for _, p := range batch.Parsed {
			if p.Format == "" {
				fmt.Fprintf(a.stderr, "skipped  %s: not a supported format\n", p.Path)
			} else {
				fmt.Fprintf(a.stderr, "read     %s: %s, %s\n", p.Path, p.Format, plural(len(p.Reports), "report", "reports"))
			}
		}
	}
	for _, w := range checkMembership(batch.Rows) {
		fmt.Fprintf(a.stderr, "warning: %s\n", w)
	}
	if o.err != nil {
		return unsc.ImportSummary{}, nil, o.err
	}
	prog = a.startProgress("importing into the record")
	defer prog.stop()
	// Every import adds the curated decisions built into unsc. A file cut
	// short never takes members' positions out of the record.
	reports := batchReports(batch, o.curated)
	memMark("reports") // UNSC_MEMTRACE only
	var prior unsc.Store = o.st
	var base []unsc.Report
	if builtIn {
		b, rs, err := a.builtInBase(ctx, o.st)
		if err != nil {
			return unsc.ImportSummary{}, nil, err
		}
		if b != nil {
			prior, base = b, rs
		}
	}
	reports, err = completePartial(ctx, prior, reports, a.stderr)
	if err != nil {
		return unsc.ImportSummary{}, nil, err
	}
	if base != nil {
		reports = append(without(base, reports), reports...)
	}
	releaseFloor()
	releaseFloor = func() {}
	// The curated decisions come whole with every import: their reports
	// replace the record's of their sources as a set, so that one an
	// older unsc stored under a key since renamed is not kept beside it.
	// The Council's membership, which is unsc's own (package charter),
	// is written in the import's transaction: a failed import leaves
	// the record as it found it.
	sum, err := o.st.ImportWithMembership(ctx, reports, record.Reconcile, charter.Tenures(), record.CuratedSources()...)
	return sum, batch, err
}

// checkMembership compares a DPPA membership table with the composition
// built into unsc, which is the one the record uses, and says where they
// differ in size: a newer DPPA release may know members elected after this
// version of unsc.
func checkMembership(rows []dppa.Row) []string {
	perYear := map[int]int{}
	for _, r := range rows {
		perYear[r.Year]++
	}
	var warnings []string
	for year, n := range perYear {
		d := charter.FirstMeeting.AddDate(year-1946, 0, 0)
		if d.After(charter.LastKnown) {
			warnings = append(warnings, fmt.Sprintf("the DPPA table lists %d members for %d, a year past the composition built into unsc (to %s); the record uses the built-in composition", n, year, charter.LastKnown.Format("2006-01-02")))
			continue
		}
		if want := charter.Size(d); n != want {
			warnings = append(warnings, fmt.Sprintf("the DPPA table lists %d members for %d, want %d", n, year, want))
		}
	}
	return warnings
}

// builtInBase returns the record built into unsc and its reports when st
// is a new record (it holds no decision), saying so on standard error; nil
// for a record that holds decisions. A new record starts from them as if
// they had been imported into it before the files: a report of the files
// replaces the built-in report of its source and key, and one cut short
// keeps the positions it leaves out from it (completePartial).
func (a *app) builtInBase(ctx context.Context, st unsc.Store) (*embedded.Store, []unsc.Report, error) {
	held, err := st.Decisions(ctx, unsc.DecisionFilter{Limit: 1, OmitReports: true})
	if err != nil || len(held) > 0 {
		return nil, nil, err
	}
	b, err := embedded.Open()
	if err != nil {
		return nil, nil, err
	}
	reports, err := embedded.Reports()
	if err != nil {
		return nil, nil, err
	}
	about, err := embedded.Describe()
	if err != nil {
		return nil, nil, err
	}
	fmt.Fprintf(a.stderr, "a new record: it starts from the record built into unsc (%s, to %s); the files given add to it and replace the reports they give again (--no-built-in: the files only)\n",
		plural(len(reports), "report", "reports"), dayInWords(about.Last))
	return b, reports, nil
}

// without returns the reports of base whose source and key no report of
// reports has.
func without(base, reports []unsc.Report) []unsc.Report {
	type sk struct {
		source unsc.Source
		key    string
	}
	given := make(map[sk]bool, len(reports))
	for _, r := range reports {
		given[sk{r.Source, r.Key}] = true
	}
	var out []unsc.Report
	for _, r := range base {
		if !given[sk{r.Source, r.Key}] {
			out = append(out, r)
		}
	}
	return out
}

// batchReports returns the reports of every file of the batch with the
// curated decisions, deduplicated (record.Dedupe), and lets go of the
// batch's own: a record's reports are held once, not once per step (each
// file's reports go as they are read into the record's, not gathered into
// one list first: ~30 MB at 30 times today's record).
func batchReports(batch *sourcefiles.Batch, curated []unsc.Report) []unsc.Report {
	parts := make([][]unsc.Report, 0, len(batch.Parsed)+1)
	for i := range batch.Parsed {
		parts = append(parts, batch.Parsed[i].Reports)
		batch.Parsed[i].Reports = nil
	}
	return record.Dedupe(append(parts, curated)...)
}
