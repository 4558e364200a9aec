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

// HasSnapshot reports whether the store holds a snapshot of the record.
func (s *Store) HasSnapshot(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM snapshot`).Scan(&n)
	return n > 0, err
}
