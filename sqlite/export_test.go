package sqlite

import (
	"context"
	"database/sql"

	"unsc"
)

// DecisionsFromTables is Decisions read from the tables, never from the
// image, for tests that compare the two.
func (s *Store) DecisionsFromTables(ctx context.Context, f unsc.DecisionFilter) ([]unsc.Decision, error) {
	tx, err := s.beginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return decisionsFromTables(ctx, tx, f)
}

// Images returns how many images the store holds: 1 after an import, 0
// after any other change to the tables.
func (s *Store) Images(ctx context.Context) (int, error) {
	var n int
	err := s.testDB().QueryRowContext(ctx, `SELECT count(*) FROM image`).Scan(&n)
	return n, err
}

// ExportedImage returns the bytes of the store's image.
func ExportedImage(ctx context.Context, s *Store) ([]byte, error) {
	var b []byte
	err := s.testDB().QueryRowContext(ctx, `SELECT data FROM image`).Scan(&b)
	return b, err
}

// Pragma returns the value of PRAGMA name on a connection of the store.
func (s *Store) Pragma(ctx context.Context, name string) (string, error) {
	var v string
	err := s.testDB().QueryRowContext(ctx, `PRAGMA `+name).Scan(&v)
	return v, err
}

// ReadsImageFile reports whether the store reads the record from its image
// file.
func (s *Store) ReadsImageFile() bool { return s.side.Load() != nil }

// testDB is the store's database, opened.
func (s *Store) testDB() *sql.DB {
	db, err := s.database()
	if err != nil {
		panic(err) // tests only: the driver is registered
	}
	return db
}

// SetBeside sets the largest image whose sums Import counts beside the
// writing of the decisions' tables (sumsBeside), and the most reports whose
// decisions it holds for writing beside the writing of the reports
// (holdBeside), and returns what sets them back.
func SetBeside(sums, hold int) (restore func()) {
	oldSums, oldHold := sumsBeside, holdBeside
	sumsBeside, holdBeside = sums, hold
	return func() { sumsBeside, holdBeside = oldSums, oldHold }
}
