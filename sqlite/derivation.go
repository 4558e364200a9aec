package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strings"
	"time"

	"unsc"
	"unsc/sqlite/imagefile"
)

// derivation is the record's row of the derivation table: what derived its
// decisions, and the checksums of what it derived.
type derivation struct {
	reconciliation int
	// decisions and record are the checksums (checksums) of the decisions
	// without and with their reports.
	decisions, record string
	derivedAt         string
}

// readDerivation reads the derivation row; nil when there is none.
func readDerivation(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (*derivation, error) {
	var d derivation
	err := q.QueryRowContext(ctx, `SELECT reconciliation, decisions, record, derived_at FROM derivation WHERE id = 1`).
		Scan(&d.reconciliation, &d.decisions, &d.record, &d.derivedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// writeDerivation records, in tx, the checksums of the record's decisions ds
// (as Decisions returns them, with their reports), and, when they were
// derived just now (derived), that the reconciliation of the given version
// derived them. Otherwise (only where reports were read changed) the
// version stays what it was.
func writeDerivation(ctx context.Context, tx *sql.Tx, reconciliation int, derived bool, decisions, record string) error {
	update := `reconciliation = excluded.reconciliation, decisions = excluded.decisions,
		record = excluded.record, derived_at = excluded.derived_at`
	if !derived {
		update = `decisions = excluded.decisions, record = excluded.record`
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO derivation (id, reconciliation, decisions, record, derived_at) VALUES (1, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET `+update,
		reconciliation, decisions, record, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("write derivation: %w", err)
	}
	return nil
}

// checksums returns the SHA-256 of the decisions ds without their reports,
// and of ds with them, in hex after the checksumFormat and a colon. What is hashed is every field of each
// decision and report, in the order unsc.Decision and unsc.Report declare
// them: independent of the form the store keeps them in, so that every form
// is checked against the same sums. A form that cannot carry the reports
// would be checked against the first sum.
// TestChecksumCoversEveryField fails when a field is added to either type
// and not here.
func checksums(ds []unsc.Decision) (decisions, record string) {
	return checksum(ds, false), checksum(ds, true)
}

func checksum(ds []unsc.Decision, withReports bool) string {
	h := &hasher{h: sha256.New()}
	for i := range ds {
		h.decision(&ds[i], withReports)
	}
	return h.sum()
}

// imageChecksums is checksums over the n decisions at returns, each
// made once and let go: the image's decisions are never all held at once.
func imageChecksums(n int, at func(i int) unsc.Decision) (decisions, record string) {
	without, with := &hasher{h: sha256.New()}, &hasher{h: sha256.New()}
	for i := range n {
		d := at(i)
		without.decision(&d, false)
		with.decision(&d, true)
	}
	return without.sum(), with.sum()
}

// sum returns what the hasher has hashed, after the checksumFormat.
func (h *hasher) sum() string {
	return checksumFormat + ":" + hex.EncodeToString(h.h.Sum(nil))
}

// decision hashes one decision, with its reports if withReports.
func (h *hasher) decision(d *unsc.Decision, withReports bool) {
	h.int(d.ID)
	h.day(d.Date)
	h.str(d.Meeting)
	h.str(d.Resolution)
	h.str(d.Draft)
	h.bool(d.Amendment)
	h.str(d.AmendmentTo)
	h.str(d.Title)
	h.str(d.Agenda)
	h.strs(d.Subjects)
	h.strs(d.Sponsors)
	h.int(int64(d.Matter))
	h.bool(d.MatterKnown)
	h.int(int64(d.Modality))
	h.int(int64(d.Recorded))
	h.int(int64(d.Derived))
	h.tally(d.Tally)
	h.votes(d.Votes)
	h.codes(d.VetoedBy)
	h.int(int64(len(d.Notes)))
	for _, n := range d.Notes {
		h.int(int64(n.Kind))
		h.str(n.Field)
		h.str(n.Text)
		h.str(n.Source)
		h.codes(n.Members)
	}
	h.int(int64(len(d.Sources)))
	for _, src := range d.Sources {
		h.str(string(src))
	}
	if withReports {
		h.int(int64(len(d.Reports)))
		for j := range d.Reports {
			h.report(&d.Reports[j])
		}
	}
	h.h.Write(h.b)
	h.b = h.b[:0]
}

// checksumFormat names the way checksum hashes, and prefixes every sum it
// returns: change it with any change to the hashing (not to the fields,
// which changes record.Version too), so that a record summed the old way
// is derived again instead of being found damaged.
const checksumFormat = imagefile.ChecksumFormat

// current reports whether the derivation's sums were made the way checksum
// makes them.
func (d *derivation) current() bool {
	return strings.HasPrefix(d.record, checksumFormat+":") && strings.HasPrefix(d.decisions, checksumFormat+":")
}

// hasher writes values to a hash, each in a form that cannot be mistaken
// for another: numbers in 8 bytes, strings and lists with their lengths,
// positions in the order of the members' codes, dates as the calendar day
// they are stored as.
type hasher struct {
	h hash.Hash
	b []byte // what is to be written to h
}

func (h *hasher) int(n int64) { h.b = binary.LittleEndian.AppendUint64(h.b, uint64(n)) }

func (h *hasher) bool(b bool) {
	if b {
		h.int(1)
	} else {
		h.int(0)
	}
}

func (h *hasher) str(s string) {
	h.int(int64(len(s)))
	h.b = append(h.b, s...)
}

func (h *hasher) day(t time.Time) { h.str(dayString(t)) }

func (h *hasher) strs(ss []string) {
	h.int(int64(len(ss)))
	for _, s := range ss {
		h.str(s)
	}
}

func (h *hasher) codes(cs []unsc.Code) {
	h.int(int64(len(cs)))
	for _, c := range cs {
		h.str(string(c))
	}
}

func (h *hasher) tally(t unsc.Tally) {
	h.int(int64(t.Yes))
	h.int(int64(t.No))
	h.int(int64(t.Abstain))
	h.int(int64(t.NonVoting))
	h.bool(t.Known)
}

// votes hashes positions, nil apart from none.
func (h *hasher) votes(v unsc.Votes) {
	if !v.Known() {
		h.int(-1)
		return
	}
	h.int(int64(v.Len()))
	for c, p := range v.All() { // in code order
		h.str(string(c))
		h.int(int64(p))
	}
}

func (h *hasher) report(r *unsc.Report) {
	h.str(string(r.Source))
	h.str(r.Key)
	h.str(r.Ref)
	h.day(r.Date)
	h.str(r.Meeting)
	h.str(r.Resolution)
	h.str(r.Draft)
	h.bool(r.Amendment)
	h.str(r.AmendmentTo)
	h.str(r.Title)
	h.str(r.Agenda)
	h.strs(r.Subjects)
	h.strs(r.Sponsors)
	h.int(int64(r.Matter))
	h.bool(r.MatterKnown)
	h.int(int64(r.Modality))
	h.int(int64(r.Outcome))
	h.tally(r.Tally)
	h.votes(r.Votes)
	h.codes(r.VetoedBy)
	h.str(r.Note)
}

// checksumFields are the fields of unsc.Decision and unsc.Report that
// checksum hashes, for the test that keeps it whole.
var checksumFields = map[string][]string{
	"Decision": {"ID", "Date", "Meeting", "Resolution", "Draft", "Amendment", "AmendmentTo", "Title", "Agenda", "Subjects",
		"Sponsors", "Matter", "MatterKnown", "Modality", "Recorded", "Derived", "Tally", "Votes", "VetoedBy", "Notes", "Sources", "Reports"},
	"Report": {"Source", "Key", "Ref", "Date", "Meeting", "Resolution", "Draft", "Amendment", "AmendmentTo", "Title", "Agenda",
		"Subjects", "Sponsors", "Matter", "MatterKnown", "Modality", "Outcome", "Tally", "Votes", "VetoedBy", "Note"},
	"Tally": {"Yes", "No", "Abstain", "NonVoting", "Known"},
	"Note":  {"Kind", "Field", "Text", "Source", "Members"},
}

// Verify checks the record file: SQLite's integrity check of the whole
// file, and every form the store keeps the derived data in (the tables and
// the image) against the checksums written when the decisions were
// derived. It returns a *FileError with Problem Damaged saying what does not
// hold, and nil when all does. Verify reads the whole file: it is for
// `unsc check`, not for every read.
func (s *Store) Verify(ctx context.Context) error {
	// The integrity check reads every page; the derived data is read and
	// summed beside it, on another connection.
	integrity := make(chan error, 1)
	go func() { integrity <- s.integrityCheck(ctx) }()
	changed, err := s.changedDerivedData(ctx)
	if ierr := <-integrity; ierr != nil {
		return ierr
	}
	if err != nil {
		return s.fail(err)
	}
	if changed != nil {
		return changed
	}
	return nil
}

// integrityCheck runs SQLite's integrity check of the whole file.
func (s *Store) integrityCheck(ctx context.Context) error {
	var problems []string
	rows, err := s.query(ctx, `PRAGMA integrity_check(20)`)
	if err != nil {
		return s.fail(err)
	}
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return s.fail(err)
		}
		if msg != "ok" {
			problems = append(problems, msg)
		}
	}
	if err := rows.Close(); err != nil {
		return s.fail(err)
	}
	if len(problems) > 0 {
		return &FileError{Path: s.path, Problem: Damaged,
			Detail: fmt.Sprintf("the file is damaged: SQLite's integrity check finds %s", summarize(problems, 3))}
	}
	return nil
}

// changedDerivedData returns a *FileError when a form of the derived data
// no longer matches the checksums of the derivation, and an error when it
// cannot be read.
func (s *Store) changedDerivedData(ctx context.Context) (*FileError, error) {
	db, err := s.database()
	if err != nil {
		return nil, err
	}
	d, err := readDerivation(ctx, db)
	if err != nil {
		return nil, err
	}
	if d == nil {
		// Nothing derived yet, or derived before checksums: then the
		// record is older, and opening it said so.
		return nil, nil
	}
	tx, err := s.beginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var changed []string
	tables, err := decisionsFromTables(ctx, tx, unsc.DecisionFilter{})
	if err != nil {
		return nil, err
	}
	if checksum(tables, true) != d.record {
		changed = append(changed, "its tables of decisions and reports")
	}
	forms, err := s.derivedForms(ctx, tx)
	if err != nil {
		return nil, err
	}
	for _, f := range forms {
		want := d.decisions
		if f.withReports {
			want = d.record
		}
		if !f.reads || checksum(f.decisions, f.withReports) != want {
			changed = append(changed, f.name)
		}
	}
	if len(changed) > 0 {
		return &FileError{Path: s.path, Problem: Damaged,
			Detail: fmt.Sprintf("the record's derived data has changed since unsc derived it (%s): %s no longer match the checksum written then",
				d.derivedAt, strings.Join(changed, " and "))}, nil
	}
	return nil, nil
}

// derivedForm is a form, other than the tables, that the store keeps the
// derived data in, as Verify checks it against the derivation's checksums.
// Each store file that keeps such a form says so in derivedForms (now
// image.go), so that Verify checks whatever the store reads from.
type derivedForm struct {
	// name names the form in a message: "its image".
	name string
	// reads is false for a form that is there but does not read (which
	// Decisions passes over for the tables): a change all the same.
	reads bool
	// decisions are the decisions the form holds, as Decisions returns
	// them from it; with their reports when withReports.
	decisions   []unsc.Decision
	withReports bool
}

// summarize lists up to n messages, and how many more there are.
func summarize(msgs []string, n int) string {
	if len(msgs) <= n {
		return strings.Join(msgs, "; ")
	}
	return fmt.Sprintf("%s; and %d more problems", strings.Join(msgs[:n], "; "), len(msgs)-n)
}

// Rebuild derives the record's decisions again from the reports it holds,
// with reconcile, in one transaction, as Import does when a report changed:
// for a record whose decisions another version of the reconciliation
// derived (which Import also does by itself), or whose derived data is in
// doubt. The reports given are those the caller delivers with every
// import (the curated decisions built into unsc), written as Import writes
// them, the sources named in whole replacing their stored reports as a
// set: a report an older unsc stored under a key since renamed goes, and
// no decision is derived from it twice.
func (s *Store) Rebuild(ctx context.Context, reconcile unsc.Reconciler, reports []unsc.Report, whole ...unsc.Source) (unsc.ImportSummary, error) {
	if reconcile == nil {
		return unsc.ImportSummary{}, unsc.Errorf(unsc.EINVALID, "reconcile", "no reconciler to turn reports into decisions")
	}
	s.stale.Store(true)
	return s.Import(ctx, reports, reconcile, whole...)
}
