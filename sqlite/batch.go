package sqlite

import (
	"context"
	"database/sql"
	"strings"
)

// inserter writes rows to one table with multi-row INSERT statements: a
// statement of rows rows, prepared once per transaction and reused, and one
// last statement for the rows left over. It keeps a bulk write down to a few
// hundred statement executions.
type inserter struct {
	ctx  context.Context
	tx   *sql.Tx
	head string // INSERT INTO t (a, b) VALUES
	tail string // ON CONFLICT ..., or ""
	cols int
	rows int
	full *sql.Stmt
	args []any
}

// maxVariables keeps a statement's parameters well within SQLite's limit
// (32766 since 3.32).
const maxVariables = 8192

func newInserter(ctx context.Context, tx *sql.Tx, table string, cols []string, tail string) *inserter {
	rows := maxVariables / len(cols)
	return &inserter{
		ctx:  ctx,
		tx:   tx,
		head: "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ",
		tail: tail,
		cols: len(cols),
		rows: rows,
		args: make([]any, 0, rows*len(cols)),
	}
}

func (in *inserter) statement(rows int) string {
	var b strings.Builder
	b.Grow(len(in.head) + rows*(2*in.cols+2) + len(in.tail) + 1)
	b.WriteString(in.head)
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for c := 0; c < in.cols; c++ {
			if c > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('?')
		}
		b.WriteByte(')')
	}
	if in.tail != "" {
		b.WriteByte(' ')
		b.WriteString(in.tail)
	}
	return b.String()
}

// add queues one row, whose values are in column order, and writes a full
// batch.
func (in *inserter) add(values ...any) error {
	in.args = append(in.args, values...)
	if len(in.args) < in.rows*in.cols {
		return nil
	}
	if in.full == nil {
		st, err := in.tx.PrepareContext(in.ctx, in.statement(in.rows))
		if err != nil {
			return err
		}
		in.full = st
	}
	_, err := in.full.ExecContext(in.ctx, in.args...)
	clear(in.args)
	in.args = in.args[:0]
	return err
}

// flush writes the rows left and releases the prepared statement.
func (in *inserter) flush() error {
	if in.full != nil {
		defer in.full.Close()
	}
	if len(in.args) == 0 {
		return nil
	}
	_, err := in.tx.ExecContext(in.ctx, in.statement(len(in.args)/in.cols), in.args...)
	clear(in.args)
	in.args = in.args[:0]
	return err
}
