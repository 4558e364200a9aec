package main

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"unsc"
	"unsc/charter"
	"unsc/dppa"
	"unsc/record"
)

var importCommand = command{
	name:    "import",
	args:    "[-v] PATH…",
	summary: "Import the files and folders given into the record, recognising each format by its content.",
	run:     runImport,
}

func runImport(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("import")
	verbose := fs.Bool("v", false, "list every file and what was done with it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &usageError{msg: "import: want at least one file or folder"}
	}
	files, err := expand(fs.Args())
	if err != nil {
		return err
	}
	sum, batch, err := importFiles(ctx, a, files, *verbose)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "%s read (%d skipped), %s: %d added, %d updated, %d unchanged; %s in the record%s\n",
		plural(len(files)-batch.skipped, "file", "files"), batch.skipped, plural(sum.Reports, "report", "reports"), sum.Added, sum.Updated, sum.Unchanged, plural(sum.Decisions, "decision", "decisions"), rederived(sum))
	return nil
}

// importFiles parses the files and imports them into the record in one
// transaction, with the Council's membership: what `import` and `sync` share.
func importFiles(ctx context.Context, a *app, files []importFile, verbose bool) (unsc.ImportSummary, *importBatch, error) {
	// Importing the whole shared data peaks at ~140 MB this way, against ~120
	// MB at the default pace, for a fifth less work; the limit
	// keeps it under 200 MB.
	relaxGC(300, 180<<20)
	// The store opens (creating and migrating a new record) while the
	// files are parsed; nothing is written to it unless every file parses.
	type opened struct {
		st  unsc.Store
		err error
	}
	open := make(chan opened, 1)
	go func() {
		st, err := a.openStoreForWriting()
		open <- opened{st, err}
	}()
	prog := a.startProgress(fmt.Sprintf("reading %s", plural(len(files), "file", "files")))
	var read atomic.Int64
	batch, err := readFiles(files, func() {
		prog.set("reading files: %d of %d", read.Add(1), len(files))
	})
	o := <-open
	prog.stop()
	if o.err == nil {
		defer o.st.Close()
	}
	if err != nil {
		return unsc.ImportSummary{}, nil, err
	}
	if verbose {
		for _, p := range batch.parsed {
			if p.format == nil {
				fmt.Fprintf(a.stderr, "skipped  %s: not a supported format\n", p.path)
			} else {
				fmt.Fprintf(a.stderr, "read     %s: %s, %s\n", p.path, p.format.name, plural(len(p.reports), "report", "reports"))
			}
		}
	}
	for _, w := range checkMembership(batch.rows) {
		fmt.Fprintf(a.stderr, "warning: %s\n", w)
	}
	if o.err != nil {
		return unsc.ImportSummary{}, nil, o.err
	}
	prog = a.startProgress("importing into the record")
	defer prog.stop()
	if err := o.st.SetMembership(ctx, charter.Tenures()); err != nil {
		return unsc.ImportSummary{}, nil, err
	}
	// A file cut short never takes members' positions out of the record.
	reports, err := completePartial(ctx, o.st, batch.reports(), a.stderr)
	if err != nil {
		return unsc.ImportSummary{}, nil, err
	}
	sum, err := o.st.Import(ctx, reports, record.Reconcile)
	return sum, batch, err
}

type parsedFile struct {
	path    string
	format  *format
	reports []unsc.Report
	rows    []dppa.Row
}

type importBatch struct {
	parsed  []parsedFile
	rows    []dppa.Row
	skipped int
}

// readFiles recognises and parses every file, two at a time or as many as
// there are processors, and fails on the first file that does not parse:
// nothing of a failed import is written. It calls done, from any
// goroutine, as each file is read.
func readFiles(files []importFile, done func()) (*importBatch, error) {
	parsed := make([]parsedFile, len(files))
	errs := make([]error, len(files))
	// The largest files first, so that the small ones fill in around them
	// and no processor is left with a large file at the end.
	sizes := make([]int64, len(files))
	for i, f := range files {
		if info, err := os.Stat(f.path); err == nil {
			sizes[i] = info.Size()
		}
	}
	order := make([]int, len(files))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(sizes[b], sizes[a]) })
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := parsedFile{path: files[i].path}
				p.format, errs[i] = recognise(files[i].path)
				if errs[i] == nil && p.format != nil {
					p.reports, p.rows, errs[i] = parseFile(p.format, files[i])
				}
				parsed[i] = p
				done()
			}
		}()
	}
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()
	b := &importBatch{parsed: parsed}
	for i, p := range parsed {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if p.format == nil {
			b.skipped++
		}
		b.rows = append(b.rows, p.rows...)
	}
	return b, nil
}

// reports returns every report of the batch, in the order of the files
// (see expand), one per
// (source, key) (see record.Dedupe), and the curated decisions built into
// unsc (record.Curated), which every import adds to the record.
func (b *importBatch) reports() []unsc.Report {
	var all []unsc.Report
	for _, p := range b.parsed {
		all = append(all, p.reports...)
	}
	all = append(all, record.Curated()...)
	return record.Dedupe(all)
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
