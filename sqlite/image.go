package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"unsc"
	"unsc/analysis"
	"unsc/internal/lazy"
	"unsc/readmodel"
)

// The record's read model (package readmodel) is kept in the table image,
// one row: Import writes it from what it writes to the tables, in the same
// transaction, and triggers delete it when anything else changes them. The
// store answers Decisions from it; without it (a record changed by hand, an
// image of another version), from the tables.

// encodeStored encodes decisions as the tables read them back (asStored),
// with their ids, making each decision's stored form as the encoder comes
// to it rather than a copy of them all. It calls done, if not nil, with
// each decision it is done with, and gathered, if not nil, once it is done
// with them all, before it lays the image out (readmodel.EncodeEach).
func encodeStored(decisions []*unsc.Decision, ids []int64, done func(i int), gathered func()) ([]byte, error) {
	var d unsc.Decision
	last := -1 // the decision encoded last, until the encoder asks for the next
	image, err := readmodel.EncodeEach(len(decisions), func(i int) (time.Time, string, int64) {
		return truncateDay(decisions[i].Date), decisions[i].Meeting, ids[i]
	}, func(i int) *unsc.Decision {
		if last >= 0 && done != nil {
			done(last)
		}
		d, last = asStored(*decisions[i], ids[i]), i
		return &d
	}, func() {
		if last >= 0 && done != nil {
			d = unsc.Decision{}
			done(last)
			last = -1
		}
		if gathered != nil {
			gathered()
		}
	})
	if last >= 0 && done != nil {
		d = unsc.Decision{}
		done(last)
	}
	return image, err
}

// asStored returns d as the tables read it back: with its id; calendar days; positions without
// absent members; each veto and each report once; subjects and sponsors in
// valid UTF-8; the sources of the reports, in their order; reports as
// stored (holdReports gave the decision those).
func asStored(d unsc.Decision, id int64) unsc.Decision {
	d.ID = id
	d.Date = truncateDay(d.Date)
	// Positions, vetoes, subjects and sponsors that read back as they
	// are are shared with decisions, not copied.
	if d.Votes.Known() && holdsAbsent(d.Votes) {
		var votes []unsc.Vote
		for c, p := range d.Votes.All() {
			if p != unsc.Absent {
				votes = append(votes, unsc.Vote{Member: c, Position: p})
			}
		}
		d.Votes = unsc.VotesFrom(votes)
	}
	d.VetoedBy = distinctCodes(d.VetoedBy)
	d.Subjects = validStrings(d.Subjects)
	d.Sponsors = validStrings(d.Sponsors)
	var reports []unsc.Report
	var sources []unsc.Source
	for _, r := range d.Reports {
		if slices.ContainsFunc(reports, func(o unsc.Report) bool { return o.Source == r.Source && o.Key == r.Key }) {
			continue
		}
		reports = append(reports, asStoredReport(r))
		if !slices.Contains(sources, r.Source) {
			sources = append(sources, r.Source)
		}
	}
	d.Reports, d.Sources = reports, sources
	if !d.Tally.Known {
		d.Tally = unsc.Tally{}
	}
	return d
}

// holdsAbsent reports whether votes gives a member as absent.
func holdsAbsent(votes unsc.Votes) bool {
	for _, p := range votes.All() {
		if p == unsc.Absent {
			return true
		}
	}
	return false
}

// distinctCodes returns cs with each code once, in order: cs itself when
// no code repeats; nil for none.
func distinctCodes(cs []unsc.Code) []unsc.Code {
	for i, c := range cs {
		if slices.Contains(cs[:i], c) {
			var out []unsc.Code
			for _, c := range cs {
				if !slices.Contains(out, c) {
					out = append(out, c)
				}
			}
			return out
		}
	}
	if len(cs) == 0 {
		return nil
	}
	return cs
}

// asStoredReport returns r as the reports table reads it back.
func asStoredReport(r unsc.Report) unsc.Report {
	r.Date = truncateDay(r.Date)
	r.Subjects = validStrings(r.Subjects)
	r.Sponsors = validStrings(r.Sponsors)
	if r.VetoedBy != nil {
		// Kept as codes separated by spaces, read back split on any white
		// space.
		vetoes := make([]unsc.Code, 0, len(r.VetoedBy))
		for _, c := range r.VetoedBy {
			for _, f := range strings.Fields(string(c)) {
				vetoes = append(vetoes, unsc.Code(f))
			}
		}
		r.VetoedBy = vetoes
	}
	if !r.Tally.Known {
		r.Tally = unsc.Tally{}
	}
	return r
}

// validStrings returns ss as their JSON column reads them back: invalid
// UTF-8 replaced.
func validStrings(ss []string) []string {
	if ss == nil {
		return nil
	}
	if !slices.ContainsFunc(ss, func(s string) bool { return !utf8.ValidString(s) }) {
		return ss
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		out[i] = s
	}
	return out
}

// readImage returns the record's image, or nil when there is none this
// version of the store can read: a cache that does not read is not the
// record, and the caller reads the tables instead.
func (s *Store) readImage(ctx context.Context) (*readmodel.Image, error) {
	if sc := s.side.Load(); sc != nil {
		if sc.Fresh(s.path, s.reconciliation) {
			return sc.Image, nil
		}
		s.side.Store(nil)
	}
	rows, err := s.query(ctx, `SELECT version, data FROM image WHERE id = 1`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	var v int64
	var data []byte
	if err := rows.Scan(&v, &data); err != nil {
		return nil, err
	}
	if v != readmodel.Version {
		return nil, nil
	}
	m, err := readmodel.Open(data)
	if err != nil {
		return nil, nil
	}
	return m, rows.Close()
}

// writeImage replaces the image.
func writeImage(ctx context.Context, tx *sql.Tx, data []byte) error {
	m, err := readmodel.Open(data)
	if err != nil {
		return fmt.Errorf("write image: %w", err)
	}
	sum := m.Checksum()
	if _, err := tx.ExecContext(ctx, `INSERT INTO image (id, version, checksum, data) VALUES (1, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET version = excluded.version, checksum = excluded.checksum, data = excluded.data`,
		readmodel.Version, sum[:], data); err != nil {
		return fmt.Errorf("write image: %w", err)
	}
	return nil
}

// imageFromTables encodes the record as the tables hold it, in tx.
func imageFromTables(ctx context.Context, tx *sql.Tx) ([]byte, error) {
	ds, err := decisionsFromTables(ctx, tx, unsc.DecisionFilter{})
	if err != nil {
		return nil, err
	}
	return readmodel.Encode(ds)
}

// withSums returns a copy of the image holding the record's sums
// (analysis.Sums), which a process asking one question reads instead of
// every decision (analysis.NewColumnsForOne).
func withSums(ctx context.Context, image []byte) ([]byte, error) {
	m, err := readmodel.Open(image)
	if err != nil {
		return nil, err
	}
	sums, err := analysis.Sums(ctx, readmodel.View{Image: m})
	if err != nil {
		return nil, err
	}
	held := make([]readmodel.Sum, len(sums))
	for i, s := range sums {
		held[i] = readmodel.Sum(s)
	}
	return readmodel.WithSums(image, held)
}

// The triggers that delete the image when the tables change; Import drops
// them while it writes (they would cost a statement for every row) and
// creates them again before it commits. Made on first use: reading the
// record never needs them.
var imageTriggers = lazy.Value[[]string]{Make: func() []string {
	var stmts []string
	for _, table := range []string{"reports", "decisions", "decision_votes", "decision_vetoes", "decision_reports", "decision_notes"} {
		for _, op := range []string{"insert", "update", "delete"} {
			stmts = append(stmts, fmt.Sprintf(`image_%s_%s AFTER %s ON %s BEGIN DELETE FROM image; END`,
				table, op, strings.ToUpper(op), table))
		}
	}
	return stmts
}}

func dropImageTriggers(ctx context.Context, tx *sql.Tx) error {
	for _, t := range imageTriggers.Get() {
		name, _, _ := strings.Cut(t, " ")
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER IF EXISTS `+name); err != nil {
			return fmt.Errorf("drop trigger %s: %w", name, err)
		}
	}
	return nil
}

func createImageTriggers(ctx context.Context, tx *sql.Tx) error {
	for _, t := range imageTriggers.Get() {
		if _, err := tx.ExecContext(ctx, `CREATE TRIGGER `+t); err != nil {
			return fmt.Errorf("create trigger: %w", err)
		}
	}
	return nil
}

// Image returns the record's read model, or nil when the record has none
// (it was never imported into, or was changed since by hand): then
// Decisions reads the tables.
func (s *Store) Image(ctx context.Context) (*readmodel.Image, error) {
	return s.readImage(ctx)
}

// derivedForms returns the image the record holds, read as Decisions reads
// it, for Verify (see derivedForm); none when there is none.
func (s *Store) derivedForms(ctx context.Context, tx *sql.Tx) ([]derivedForm, error) {
	rows, err := tx.QueryContext(ctx, `SELECT version, data FROM image WHERE id = 1`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	var v int64
	var data []byte
	if err := rows.Scan(&v, &data); err != nil {
		return nil, err
	}
	if v != readmodel.Version {
		// An image of another version is passed over by Decisions, and
		// written again by the next Import: not a form of the record.
		return nil, rows.Close()
	}
	form := derivedForm{name: "its image", withReports: true}
	if m, err := readmodel.Open(data); err == nil && m.Verify() == nil {
		if form.decisions, err = m.Decisions(unsc.DecisionFilter{}); err == nil {
			form.reads = true
		}
	}
	return []derivedForm{form}, rows.Close()
}
