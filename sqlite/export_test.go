package sqlite

import (
	"context"
	"database/sql"

	"unsc"
)

// DecisionsFromTables is Decisions read from the tables, never from the
// snapshot, for tests that compare the two.
func (s *Store) DecisionsFromTables(ctx context.Context, f unsc.DecisionFilter) ([]unsc.Decision, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return decisionsFromTables(ctx, tx, f)
}

// Snapshots returns how many of the snapshot and the decisions snapshot the
// store holds: 2 after an import, 0 after any other change to the tables.
func (s *Store) Snapshots(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM snapshot) + (SELECT count(*) FROM snapshot_decisions)`).Scan(&n)
	return n, err
}

// DecodeDecisionsForTest encodes decisions as the decisions snapshot and
// decodes them.
func DecodeDecisionsForTest(ds []unsc.Decision) ([]unsc.Decision, error) {
	return decodeDecisions(encodeDecisions(ds))
}
