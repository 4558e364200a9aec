package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"unsc"
	"unsc/readmodel"
)

type sourceKey struct {
	source unsc.Source
	key    string
}

// storedReport is what Import needs to know of a report already stored.
type storedReport struct {
	id   int64
	hash string
	ref  string
}

// Import writes reports and reconciles the record in one transaction. Reports
// are matched to stored ones by (Source, Key) and compared by a hash of their
// content; when none is new or changed, the decisions are left as they are.
// Otherwise reconcile is handed every report in the record, in the order they
// were first stored, and the decisions it returns replace the record's.
//
// A decision's reports are matched to stored ones by (Source, Key); its
// Sources are read back as the sources of its reports, in their order.
// Decisions keep the ID reconcile gives them; those with none are numbered
// after the largest.
//
// The stored reports of a source named in whole that the reports do not
// give again are deleted in the same transaction (unsc.Store.Import), and
// the decisions derived again without them.
//
// Returns EINVALID, writing nothing, for a report missing its source or key,
// for two reports with the same source and key, or for a value that has no
// name (an unknown outcome, matter, modality or position).
func (s *Store) Import(ctx context.Context, reports []unsc.Report, reconcile unsc.Reconciler, whole ...unsc.Source) (unsc.ImportSummary, error) {
	return s.ImportWithMembership(ctx, reports, reconcile, nil, whole...)
}

// ImportWithMembership is Import that also replaces the Council's
// membership with tenures, as SetMembership does, in the import's own
// transaction; nil tenures leave the membership as it is. What `unsc
// import` writes is then one transaction, and one commit: set on its own,
// the membership's commit (its journal and four fsyncs) was on the path of
// every import (PERFORMANCE.md, "Import at today's size, fourth pass"). A
// failed import writes neither. Returns EINVALID, writing nothing, for
// tenures SetMembership refuses.
func (s *Store) ImportWithMembership(ctx context.Context, reports []unsc.Report, reconcile unsc.Reconciler, tenures []unsc.Member, whole ...unsc.Source) (_ unsc.ImportSummary, err error) {
	defer func() { err = s.fail(err) }()
	if err := membershipWhy(tenures); err != nil {
		return unsc.ImportSummary{}, err
	}
	defer collectSooner()()
	sum := unsc.ImportSummary{Reports: len(reports)}
	// The import's connection runs with settings of its own (importPragmas;
	// a pragma cannot change inside a transaction), and gets the store's
	// back before it returns to the pool.
	conn, err := s.conn(ctx)
	if err != nil {
		return unsc.ImportSummary{}, fmt.Errorf("import: %w", err)
	}
	defer restorePragmas(conn)
	for _, p := range importPragmas {
		if _, err := conn.ExecContext(ctx, `PRAGMA `+p); err != nil {
			return unsc.ImportSummary{}, fmt.Errorf("import: %w", err)
		}
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return unsc.ImportSummary{}, fmt.Errorf("import: %w", err)
	}
	defer tx.Rollback()

	// An import cancelled part way fails with the context's error,
	// whichever statement noticed it first.
	fail := func(err error) (unsc.ImportSummary, error) {
		if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
			err = fmt.Errorf("%w: %v", ctxErr, err)
		}
		return unsc.ImportSummary{}, fmt.Errorf("import: %w", err)
	}
	if tenures != nil {
		if err := writeMembership(ctx, tx, tenures); err != nil {
			return fail(err)
		}
	}
	stored, maxID, err := storedReports(ctx, tx)
	if err != nil {
		return fail(err)
	}
	// Each report is checked, on every processor, and hashed where the
	// record holds a report of its source and key, to tell a changed
	// report from one unchanged. Its column values are made again as it
	// is written, so that they are never all held at once; a new report's
	// hash is made then, once (the whole record's, when it is new).
	hashes := make([]string, len(reports))
	whys := make([]string, len(reports))
	workers := min(runtime.GOMAXPROCS(0), 1+len(reports)/1024)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w * len(reports) / workers; i < (w+1)*len(reports)/workers; i++ {
				r := &reports[i]
				if _, ok := stored[sourceKey{r.Source, r.Key}]; !ok {
					whys[i] = reportWhy(r)
					continue
				}
				var v []any
				v, whys[i] = reportValues(r)
				if v != nil {
					hashes[i] = v[reportHash].(string)
				}
			}
		})
	}
	wg.Wait()
	MemMark("import: checked")
	index := make(map[sourceKey]int, len(reports))
	for i := range reports {
		r := &reports[i]
		if whys[i] != "" {
			return unsc.ImportSummary{}, unsc.Errorf(unsc.EINVALID, reportField(r, i), "%s", whys[i])
		}
		k := sourceKey{r.Source, r.Key}
		if j, dup := index[k]; dup {
			return unsc.ImportSummary{}, unsc.Errorf(unsc.EINVALID, reportField(r, i),
				"report %s %q is also at %s", r.Source, r.Key, reportField(&reports[j], j))
		}
		index[k] = i
	}

	// A source delivered whole replaces its stored reports as a set: a
	// report stored under a key the set no longer gives goes.
	removed := withdrawn(stored, index, whole)
	sum.Removed = len(removed)

	ids := make([]int64, len(reports))
	storedMax := maxID // the new reports are numbered on from it
	var moved []int    // unchanged reports read somewhere else this time
	for i := range reports {
		old, ok := stored[sourceKey{reports[i].Source, reports[i].Key}]
		switch {
		case !ok:
			sum.Added++
			maxID++
			ids[i] = maxID
		case old.hash != hashes[i]:
			sum.Updated++
			ids[i] = old.id
		default:
			sum.Unchanged++
			ids[i] = old.id
			if old.ref != reports[i].Ref {
				moved = append(moved, i)
			}
		}
	}
	// A record derived by another reconciliation is derived again.
	rederive := s.stale.Load()
	changed := sum.Added+sum.Updated+sum.Removed > 0 || rederive
	if changed && reconcile == nil {
		return unsc.ImportSummary{}, unsc.Errorf(unsc.EINVALID, "reconcile", "no reconciler to turn reports into decisions")
	}

	// The image's triggers would run a statement for every row written;
	// they are dropped before the first write and created again before
	// the commit, and the image is written here instead.
	if changed || len(moved) > 0 {
		if err := dropImageTriggers(ctx, tx); err != nil {
			return fail(err)
		}
	}

	// Every report in the record is known before any is written, so that
	// the reconciler runs beside the writing of the reports.
	var (
		all        []unsc.Report
		reportIDs  []int64         // the id of each of all
		reconciled []unsc.Decision // not yet held for writing
		held       []*unsc.Decision
		dids       []int64 // the id of each of held
		keys       map[sourceKey]int64
		recErr     error
		done       chan struct{}
	)
	if len(removed) > 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM reports WHERE id IN (SELECT value FROM json_each(?))`, idList(removed)); err != nil {
			return fail(fmt.Errorf("reports: %w", err))
		}
	}
	if changed {
		all, reportIDs, err = recordReports(ctx, tx, reports, ids, len(stored)+sum.Added-sum.Removed)
		if err != nil {
			return fail(err)
		}
		done = make(chan struct{})
		go func() {
			defer close(done)
			decisions, err := callReconciler(reconcile, all)
			if err == nil {
				dids, err = decisionIDs(decisions)
			}
			if err == nil && len(all) < holdBeside {
				// Held for writing here, beside the writing of
				// the reports (see holdBeside).
				held, keys = holdReports(decisions, all, reportIDs)
			} else {
				reconciled = decisions
			}
			recErr = err
		}()
		// However the writing of reports ends, the reconciler is done
		// with the reports before Import returns.
		defer func() { <-done }()
	}

	// New reports go in with a plain INSERT, which SQLite runs faster than
	// an upsert; changed ones are updated in place, keeping their ids.
	//
	// Where no report the import removed had an id past the largest
	// stored, the new reports' ids, numbered on from it in the order they
	// are written, are the ids SQLite gives rows written without one: so
	// written, a statement of many rows need not copy into a statement
	// journal each page it changes that was there before it, as it must
	// for rows with their INTEGER PRIMARY KEY given, which may fail part
	// way (see inserter): ~20 ms of a 1× import's CPU, most of it the
	// reports' (source, key) index, which they reach out of order. The
	// last id SQLite gave is checked against the import's.
	insertCols, numbered := reportColumns, false
	if sum.Added > 0 {
		var top int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(max(id), 0) FROM reports`).Scan(&top); err != nil {
			return fail(fmt.Errorf("reports: %w", err))
		}
		if numbered = top == storedMax; numbered {
			insertCols = reportColumns[reportID+1:]
		}
	}
	insert := newInserter(ctx, tx, conn, "reports", insertCols, "")
	upsert := newInserter(ctx, tx, conn, "reports", reportColumns, reportUpsert.Get())
	for i := range reports {
		old, ok := stored[sourceKey{reports[i].Source, reports[i].Key}]
		if ok && old.hash == hashes[i] {
			continue
		}
		v, _ := reportValues(&reports[i])
		v[reportID] = ids[i]
		in, row := insert, v
		switch {
		case ok:
			in = upsert
		case numbered:
			row = v[reportID+1:]
		}
		if err := in.add(row...); err != nil {
			return fail(fmt.Errorf("reports: %w", err))
		}
	}
	for _, in := range []*inserter{insert, upsert} {
		if err := in.flush(); err != nil {
			return fail(fmt.Errorf("reports: %w", err))
		}
	}
	if numbered && insert.lastID != maxID {
		return fail(fmt.Errorf("reports: SQLite numbered the new reports up to %d, not %d", insert.lastID, maxID))
	}
	MemMark("import: reports written")
	// Where a report was read may move between releases of a source while
	// what it says stays the same.
	if len(moved) > 0 {
		refs, err := tx.PrepareContext(ctx, `UPDATE reports SET ref = ? WHERE id = ?`)
		if err != nil {
			return fail(err)
		}
		defer refs.Close()
		for _, i := range moved {
			if _, err := refs.ExecContext(ctx, text(reports[i].Ref), ids[i]); err != nil {
				return fail(fmt.Errorf("report %s: %w", reportField(&reports[i], i), err))
			}
		}
	}

	sum.Decisions = -1 // not known until counted
	var image []byte
	var sumDecisions, sumRecord string // the image's checksums
	summed := false                    // the image holds the record's sums
	var pre *preparedSidecar           // the image file, written ahead
	defer func() { pre.discard() }()
	if changed {
		<-done
		if recErr != nil {
			return fail(recErr)
		}
		MemMark("import: reconciled")
		// The reconciler may have taken long; a caller that gave up since
		// must not find the import written.
		if err := ctx.Err(); err != nil {
			return fail(err)
		}
		if reconciled != nil {
			// The reports go from here (unless the caller holds
			// them): the decisions hold what is written of them.
			held, keys = holdReports(reconciled, all, reportIDs)
		}
		reconciled, all, reports, reportIDs = nil, nil, nil, nil
		// The reconciler's working memory, the report writer's and the
		// reports are given back before the decisions are written: the
		// Go heap keeps what it freed resident until the runtime returns
		// it, which it does slowly, and the next steps would otherwise
		// add their peak to it (with the release below, the import's peak
		// at 30 times today's record 468 / 437 → 399 / 400 MB in paired
		// runs, for two collections). Collected here, after the
		// decisions are copied for writing (holdReports), the heap may
		// grow to twice what is live once the reports are gone, not
		// twice what was live while both copies were.
		giveBack()
		defer limitMemory()()
		MemMark("import: reports held")
		// The image is encoded, and summed, while the tables are written;
		// each decision goes once both are done with it.
		release := newReleaser(held)
		encoded := make(chan error, 1)
		go func() {
			var err error
			// Likewise before the image is laid out in one piece,
			// its largest allocation (~48 MB at 30 times today's
			// record), once the columns are gathered.
			image, err = encodeStored(held, dids, release.done, func() {
				MemMark("import: image gathered")
				giveBack()
			})
			if err == nil {
				sumDecisions, sumRecord, err = imageSums(image)
			}
			if err == nil && len(image) < sumsBeside {
				image, err = withSums(ctx, image)
				summed = true
				if err == nil {
					// The image file too, but for its header,
					// while the tables are still being written.
					pre = s.prepareSidecar(image)
				}
			}
			encoded <- err
		}()
		err = writeDecisions(ctx, tx, conn, held, dids, keys, release.done)
		if encErr := <-encoded; err == nil && encErr != nil {
			err = fmt.Errorf("image: %w", encErr)
		}
		if err != nil {
			return fail(err)
		}
		MemMark("import: decisions written, image encoded")
		sum.Decisions = len(held)
		// The reports and decisions are let go here. The Go heap they
		// took stays resident until the runtime gives it back, which it
		// does slowly; SQLite's copy of the image, made outside it, would
		// come on top (~100 MB at 30 times today's record).
		held = nil
		giveBack()
		MemMark("import: let go")
	}
	if sum.Decisions < 0 {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM decisions`).Scan(&sum.Decisions); err != nil {
			return fail(err)
		}
	}
	if image == nil {
		// Refs moved, or the record has no image yet (it was made before
		// images, or changed by hand since the last import): encode the
		// tables as they now are.
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM image WHERE version = ?`, readmodel.Version).Scan(&n); err != nil {
			return fail(err)
		}
		if n == 0 || len(moved) > 0 {
			if image, err = imageFromTables(ctx, tx); err != nil {
				return fail(fmt.Errorf("image: %w", err))
			}
		}
	}
	if image != nil && !summed {
		// The record's sums of a large image are counted from it once
		// the decisions are let go: they and the image's copy holding
		// them come on a smaller heap than the decisions'.
		if image, err = withSums(ctx, image); err != nil {
			return fail(fmt.Errorf("image: %w", err))
		}
		MemMark("import: sums counted")
	}
	if image != nil {
		// The image without its sums, and what counting them made, go
		// before SQLite copies the image twice outside the Go heap (the
		// value bound, then the row): ~100 MB at 30 times today's
		// record, which would otherwise come on top of the heap the
		// collector has not yet reclaimed (that step's peak 339 → 233 MB).
		giveBack()
		if err := writeImage(ctx, tx, image); err != nil {
			return fail(err)
		}
		MemMark("import: image written")
	}
	if image != nil {
		// What was derived, and by which reconciliation.
		if sumDecisions == "" {
			if sumDecisions, sumRecord, err = imageSums(image); err != nil {
				return fail(fmt.Errorf("image: %w", err))
			}
		}
		if err := writeDerivation(ctx, tx, s.reconciliation, changed, sumDecisions, sumRecord); err != nil {
			return fail(err)
		}
	}
	if changed || len(moved) > 0 {
		if err := createImageTriggers(ctx, tx); err != nil {
			return fail(err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	MemMark("import: committed")
	s.writeSidecar(ctx, image, pre)
	pre = nil
	MemMark("import: image file written")
	if rederive {
		s.stale.Store(false)
		sum.Rederived = sum.Added+sum.Updated+sum.Removed == 0
	}
	return sum, nil
}

// holdBeside is the most reports a record may hold for its reconciled
// decisions to be held for writing (holdReports) on the reconciler's
// goroutine, beside the writing of the reports, not after it on the
// import's path (7–25 ms of a 1× import's wall time here, its record
// 13,992 reports; PERFORMANCE.md, "Import at today's size, third pass"). A larger
// record's are held after the reports are written: at 30 times today's
// record the decisions' copies beside the writer's rows took the import's
// peak from 287 to 306–309 MB.
var holdBeside = 100_000

// sumsBeside is the largest image whose record's sums (withSums) are
// counted as soon as it is encoded, beside the writing of the decisions'
// tables, not after them on the import's path (11–21 ms of a 1× import's
// wall time here, its image 4.7 MB; PERFORMANCE.md, "Import at today's size, third
// pass"). A larger image's sums wait for the decisions to be let go: at 30
// times today's record the image (~48 MB) and its copy holding the sums
// would come on top of the import's peak, the decisions held for writing.
var sumsBeside = 16 << 20

// collectSooner has the collector run at half the process's GOGC while
// an import runs, once the heap is past heapFloor, and returns the function
// that sets it back: the heap may then grow to 1.5 times what was live at
// the last collection, not twice. An import holds its largest live heap of
// any command (the record's decisions beside the image's columns and the
// rows' values for the tables, 100–140 MB at 30 times today's record)
// while it makes garbage fast (each row's values bound through
// database/sql), and a heap of twice that, with what the collector has
// freed but not yet given back, took its peak to ~390–410 MB (issue 9:
// under 300). With the inserter's garbage cut (inserter.execRaw), measured
// at 30 times in paired runs: peak 324 against 410 MB, CPU 1.02 of the
// import before; at 1× 78 against 89 MB, CPU 1.06 (PERFORMANCE.md, "Import's peak,
// fourth pass"). A GOGC given in the environment is halved too (off stays
// off). Imports side by side share it: the last to end sets it back.
//
// Below heapFloor the collector is left to wait for the floor: at today's
// record the live heap is 10–40 MB, and half GOGC of that had the
// collector run ~40 times in an import of under a second, a fifth of its
// CPU (PERFORMANCE.md, "Import at today's size").
func collectSooner() (restore func()) {
	return paceCollector(func(saved int64) int64 {
		if saved > 1 {
			return saved / 2
		}
		return saved
	})
}

// HoldHeapFloor has the collector wait for heapFloor before it runs, at
// the process's GOGC past it, and returns the function that sets it back:
// for an import's reading of its files, before Import (which holds its
// own pace, collectSooner), and for `unsc serve`, whose answers leave
// garbage on a live heap of ~20 MB. It sets the process's collector, not
// SQLite's: it lives here beside the import's own pace, which it shares.
// At today's record the files are read into a live heap of 5–26 MB, where
// the collector ran 13 times (PERFORMANCE.md, "Import at today's size"); at 30
// times it, the floor is under the live heap and nothing changes.
func HoldHeapFloor() (release func()) {
	return paceCollector(func(saved int64) int64 { return saved })
}

// paceCollector holds GOGC at what ask makes of the process's
// (gcPercent), never with a goal under heapFloor, until the returned
// function is called.
func paceCollector(ask func(saved int64) int64) (release func()) {
	releasePercent := gcPercent.hold(ask)
	keepHeapFloor()
	stop := afterCollections(keepHeapFloor)
	return func() {
		stop()
		releasePercent()
	}
}

// heapFloor is the heap the collector's goal does not go below while an
// import runs (collectSooner), and the scale below which an import leaves
// the heap's memory to the runtime (limitMemory, giveBack): 64 MiB, well
// under the import's peak at 30 times today's record (~290 MB), whose
// collections all find more than that live.
const heapFloor = 64 << 20

// keepHeapFloor sets the collector's pace, while imports hold it
// (gcPercent), so that its goal is the larger of heapFloor and what the
// held GOGC makes of the heap the last collection found live. That heap
// is read from the goal the runtime set then, at the GOGC in force
// (MemStats has no field for it; runtime/metrics does, at a cost to every
// start of the program, PERFORMANCE.md, "The start, ninth pass").
func keepHeapFloor() {
	gcPercent.mu.Lock()
	defer gcPercent.mu.Unlock()
	if gcPercent.holders == 0 || gcPercent.asked <= 0 || gcPercentSet < 0 {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	live := max(int64(m.NextGC)*100/(100+gcPercentSet), 1)
	// The runtime's least goal is 4 MiB times GOGC/100: past 1600 it
	// would be over the floor.
	floor := min(heapFloor*100/live-100, heapFloor/(4<<20)*100)
	if p := max(gcPercent.asked, floor); p != gcPercentSet {
		gcPercent.set(p)
	}
}

// afterCollections calls f after each collection of the Go heap, on the
// runtime's finalizer goroutine, until stop is called.
func afterCollections(f func()) (stop func()) {
	var stopped atomic.Bool
	type sentinel struct{ _ *byte } // holds a pointer: never a tiny allocation
	var watch func()
	watch = func() {
		runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
			if !stopped.Load() {
				f()
				watch()
			}
		})
	}
	watch()
	return func() { stopped.Store(true) }
}

// giveBack returns the heap the collector has freed to the system
// (debug.FreeOSMemory: a collection, then the release), where the heap
// is past twice heapFloor: below that what is given back is faulted in
// again at once, for nothing.
func giveBack() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapSys-m.HeapReleased < 2*heapFloor {
		return
	}
	debug.FreeOSMemory()
}

// gcPercent is GOGC as imports hold it (collectSooner), and gcPercentSet
// the value it set last (under gcPercent.mu).
var (
	gcPercent = heldSetting{set: func(v int64) int64 {
		gcPercentSet = v
		return int64(debug.SetGCPercent(int(v)))
	}}
	gcPercentSet int64 = -1
)

// MemMark is called with the name of each step of Import as it ends; those
// who measure the import's memory set it (unsc's UNSC_MEMTRACE).
var MemMark = func(step string) {}

// importPragmas are the import connection's settings.
//
// The import writes every row that refers to another itself, parents
// first, with ids it has just read or assigned; checking ~100k foreign keys
// again would cost a sixth of the import, so the checks are off (the tests
// check the keys after every import).
//
// Its page cache is small: it writes each table once, in key order, and
// builds the decisions' indexes after their rows (dropIndexes), so the
// store's 64 MiB cache would only hold the record a second time in memory
// (about 200 MB at 30 times today's record, for no gain in time).
//
// Its statement journals are in memory (temp_store MEMORY as its
// transaction begins: SQLite chooses where they go then), its sorts in
// files (temp_store FILE, set again before the indexes are built,
// sortInFiles). A multi-row INSERT that gives an INTEGER PRIMARY KEY
// (the reports' and the decisions' ids) may fail part way, so SQLite
// copies each page it changes that was there before it into the
// statement's journal: in files, with 16 KiB pages, that was ~4,100
// writes of a temporary file at today's record, ~33 MB, for journals
// that last one statement each. An index built with temp_store MEMORY
// would be sorted in memory whole (~50 MB more at 30 times today's
// record); with FILE, SQLite sorts it in runs of at most the page cache.
// FILE comes first so that a temporary database the pooled connection
// may have opened is closed: with one open, temp_store cannot change
// inside a transaction.
var importPragmas = []string{"foreign_keys = OFF", "cache_size = -8192", "temp_store = FILE", "temp_store = MEMORY"}

// sortInFiles has the import's connection sort in temporary files again
// (importPragmas), in tx, before the indexes are built.
func sortInFiles(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `PRAGMA temp_store = FILE`); err != nil {
		return fmt.Errorf("sort in files: %w", err)
	}
	return nil
}

// restorePragmas sets conn back to the store's settings (readPragmas) and
// returns it to the pool, or closes it for good if they cannot be set.
func restorePragmas(conn *sql.Conn) {
	for _, p := range readPragmas {
		// name(value) → name = value
		name, value, _ := strings.Cut(strings.TrimSuffix(p, ")"), "(")
		if _, err := conn.ExecContext(context.Background(), `PRAGMA `+name+` = `+value); err != nil {
			// driver.ErrBadConn makes database/sql discard the connection.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			break
		}
	}
	_ = conn.Close()
}

// reportField names a report in an error: where it was read, or its place in
// the import.
func reportField(r *unsc.Report, i int) string {
	if r.Ref != "" {
		return r.Ref
	}
	return "report " + strconv.Itoa(i+1)
}

// callReconciler runs reconcile, turning a panic into an error so that the
// import is rolled back and the program goes on.
func callReconciler(reconcile unsc.Reconciler, reports []unsc.Report) (decisions []unsc.Decision, err error) {
	defer func() {
		if p := recover(); p != nil {
			decisions, err = nil, fmt.Errorf("reconcile: panic: %v", p)
		}
	}()
	return reconcile(reports), nil
}

// storedReports returns what identifies each stored report, and the largest
// id.
func storedReports(ctx context.Context, tx *sql.Tx) (map[sourceKey]storedReport, int64, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reports`).Scan(&n); err != nil {
		return nil, 0, err
	}
	stored := make(map[sourceKey]storedReport, n)
	rows, err := tx.QueryContext(ctx, `SELECT id, source, key, hash, COALESCE(ref, '') FROM reports`)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var maxID int64
	for rows.Next() {
		var k sourceKey
		var r storedReport
		if err := rows.Scan(&r.id, &k.source, &k.key, &r.hash, &r.ref); err != nil {
			return nil, 0, err
		}
		stored[k] = r
		maxID = max(maxID, r.id)
	}
	return stored, maxID, rows.Err()
}

// withdrawn returns the ids of the stored reports of the sources delivered
// whole whose source and key no report of the delivery (index) has, in id
// order.
func withdrawn(stored map[sourceKey]storedReport, index map[sourceKey]int, whole []unsc.Source) []int64 {
	if len(whole) == 0 {
		return nil
	}
	var ids []int64
	for k, r := range stored {
		if _, given := index[k]; !given && slices.Contains(whole, k.source) {
			ids = append(ids, r.id)
		}
	}
	slices.Sort(ids)
	return ids
}

// idList writes ids as a JSON array, for json_each.
func idList(ids []int64) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(id, 10))
	}
	b.WriteByte(']')
	return b.String()
}

// recordReports returns every report in the record, in id order, and the id
// of each. The imported reports are taken as they now read from the store,
// without reading them back; the others are read.
func recordReports(ctx context.Context, tx *sql.Tx, imported []unsc.Report, ids []int64, total int) ([]unsc.Report, []int64, error) {
	// A new record's reports, in id order and dated by calendar days
	// already, are taken as they are; otherwise each is copied once, into
	// reports, and order holds the ids to sort them by.
	if total == len(imported) && slices.IsSorted(ids) && !slices.ContainsFunc(imported, func(r unsc.Report) bool { return r.Date != truncateDay(r.Date) }) {
		return imported, ids, nil
	}
	reports := make([]unsc.Report, 0, total)
	order := make([]int64, 0, total)
	for i, r := range imported {
		// Stored dates are calendar days.
		r.Date = truncateDay(r.Date)
		reports = append(reports, r)
		order = append(order, ids[i])
	}
	if total > len(imported) {
		rows, err := tx.QueryContext(ctx, `SELECT `+reportSelect+` FROM reports r
			WHERE r.id NOT IN (SELECT value FROM json_each(?))`, idList(ids))
		if err != nil {
			return nil, nil, err
		}
		defer rows.Close()
		sc := newReportScanner()
		for rows.Next() {
			r, id, err := sc.scan(rows)
			if err != nil {
				return nil, nil, err
			}
			reports = append(reports, r)
			order = append(order, id)
		}
		if err := rows.Err(); err != nil {
			return nil, nil, err
		}
	}
	// A new record's reports are in id order already.
	if !slices.IsSorted(order) {
		perm := make([]int, len(order))
		for i := range perm {
			perm[i] = i
		}
		slices.SortFunc(perm, func(a, b int) int { return cmp.Compare(order[a], order[b]) })
		sorted := make([]unsc.Report, len(reports))
		ids := make([]int64, len(order))
		for i, j := range perm {
			sorted[i], ids[i] = reports[j], order[j]
		}
		reports, order = sorted, ids
	}
	return reports, order, nil
}

// imageSums returns the checksums of the decisions of image (see
// writeDerivation), summed over the image as Decisions reads it: one
// decision at a time, as m.Decisions(unsc.DecisionFilter{}) reads them all.
func imageSums(image []byte) (decisions, record string, err error) {
	m, err := readmodel.Open(image)
	if err != nil {
		return "", "", err
	}
	decisions, record = imageChecksums(m.Len(), func(i int) unsc.Decision { return m.Decision(i, true) })
	return decisions, record, nil
}

// limitMemory sets a soft limit on the Go runtime's memory of 2.25 times
// the heap live now (called just after a collection, debug.FreeOSMemory,
// so the heap allocated is the heap live: runtime.ReadMemStats, not
// runtime/metrics, whose package initialisation every start of the whole
// program would pay, PERFORMANCE.md, "The start, ninth pass"), unless a lower one
// is set, and returns what sets the limit back. While the image is gathered and the
// tables written the live heap grows by about half (106 → ~155 MB at 30
// times today's record), so the collector's goal at half GOGC stays
// under the limit, and the limit makes the runtime give back the heap it
// has freed rather than hold it: the import's peak at 30 times 331 → 290
// MB in paired runs, CPU 0.98; at 1× 79 → 77 MB, CPU 1.00. The limit
// follows the record's size, as the live heap does; were the live heap
// to grow past it, the runtime caps the collector's CPU at half. It is
// never under twice heapFloor, which the collector's goal does not go
// below (at 1× the live heap is ~16 MB here).
func limitMemory() (restore func()) {
	var heap runtime.MemStats
	runtime.ReadMemStats(&heap)
	limit := max(int64(heap.HeapAlloc)*9/4, 2*heapFloor)
	return memoryLimit.hold(func(saved int64) int64 { return min(saved, limit) })
}

// memoryLimit is the runtime's soft memory limit as imports hold it
// (limitMemory).
var memoryLimit = heldSetting{set: debug.SetMemoryLimit}

// heldSetting is a setting of the Go runtime that imports change while
// they run, and imports may run at once in one process: the first to
// hold it keeps the value it had, each asks for a value given that one,
// the highest asked applies, and the last to let go sets the kept value
// back.
type heldSetting struct {
	set     func(int64) int64 // sets the value (-1: reads it), returning the one before
	mu      sync.Mutex
	holders int
	kept    int64
	asked   int64
}

func (h *heldSetting) hold(ask func(kept int64) int64) (release func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.holders == 0 {
		h.kept = h.set(-1)
		h.asked = math.MinInt64
	}
	h.holders++
	h.asked = max(h.asked, ask(h.kept))
	h.set(h.asked)
	return func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.holders--; h.holders == 0 {
			h.set(h.kept)
		}
	}
}
