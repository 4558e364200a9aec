package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"strings"
)

// inserter writes rows to one table with multi-row INSERT statements: a
// statement of rows rows, prepared once per transaction and reused, and one
// last statement for the rows left over. It keeps a bulk write down to a few
// hundred statement executions.
//
// Its statements are INSERT OR FAIL: a row that breaks a constraint stops
// the statement there, keeping the rows before it, not undoing the whole
// statement (OR ABORT, the default), which is the same here, where every
// write is in a transaction that fails whole; and SQLite need not copy into
// a statement journal each page a statement changes, as it does for a
// statement of many rows that may be undone part way (a table's with its
// primary key given still are: see importPragmas).
//
// Given the connection tx runs on, it runs its full statement on the
// driver's connection itself (conn.Raw), with the values bound from one
// list it keeps: database/sql would make a new list of every statement's
// values, ~320 MB of garbage at 30 times today's record, which made the
// collector run while an import's heap is at its largest.
type inserter struct {
	ctx  context.Context
	tx   *sql.Tx
	conn *sql.Conn // tx's, or nil
	head string    // INSERT INTO t (a, b) VALUES
	tail string    // ON CONFLICT ..., or ""
	cols int
	rows int
	full *sql.Stmt
	raw  driver.Stmt // the full statement on conn's driver connection
	args []any
	vals []driver.NamedValue // args as the driver takes them (raw)
	// lastID is the rowid of the last row written (LastInsertId).
	lastID int64
}

// maxVariables is a statement's parameters at most: well within SQLite's
// limit (32766 since 3.32), and few enough that preparing the statement
// (SQLite parses and compiles every row it lists) costs little beside
// running it. With 8192, a 1× import spent ~20 ms of CPU
// preparing its inserters' statements; with 1024 its CPU went 2–4% down,
// in paired runs, beside 2048, 512 and 256 (PERFORMANCE.md, "Import at today's
// size, second pass").
const maxVariables = 1024

func newInserter(ctx context.Context, tx *sql.Tx, conn *sql.Conn, table string, cols []string, tail string) *inserter {
	rows := maxVariables / len(cols)
	return &inserter{
		ctx:  ctx,
		tx:   tx,
		conn: conn,
		head: "INSERT OR FAIL INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ",
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
	if in.conn != nil {
		err := in.execRaw()
		clear(in.args)
		in.args = in.args[:0]
		return err
	}
	if in.full == nil {
		st, err := in.tx.PrepareContext(in.ctx, in.statement(in.rows))
		if err != nil {
			return err
		}
		in.full = st
	}
	return in.lastInsert(in.full.ExecContext(in.ctx, in.args...))
}

// lastInsert clears the rows written and keeps the rowid of the last.
func (in *inserter) lastInsert(res sql.Result, err error) error {
	clear(in.args)
	in.args = in.args[:0]
	if err != nil {
		return err
	}
	in.lastID, err = res.LastInsertId()
	return err
}

// execRaw runs the full statement with in.args on the driver's
// connection, preparing it the first time.
func (in *inserter) execRaw() error {
	return in.conn.Raw(func(dc any) error {
		if in.raw == nil {
			prep, ok := dc.(driver.ConnPrepareContext)
			if !ok {
				return errors.New("the database driver cannot prepare a statement with a context")
			}
			st, err := prep.PrepareContext(in.ctx, in.statement(in.rows))
			if err != nil {
				return err
			}
			in.raw = st
			in.vals = make([]driver.NamedValue, len(in.args))
		}
		exec, ok := in.raw.(driver.StmtExecContext)
		if !ok {
			return errors.New("the database driver cannot run a statement with a context")
		}
		for i, a := range in.args {
			v, err := driverValue(a)
			if err != nil {
				return err
			}
			in.vals[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
		}
		res, err := exec.ExecContext(in.ctx, in.vals)
		clear(in.vals)
		if err != nil {
			return err
		}
		in.lastID, err = res.LastInsertId()
		return err
	})
}

// driverValue returns a as a database driver takes it, converted as
// database/sql converts it.
func driverValue(a any) (driver.Value, error) {
	switch a.(type) {
	case nil, int64, float64, bool, []byte, string:
		return a, nil
	}
	return driver.DefaultParameterConverter.ConvertValue(a)
}

// flush writes the rows left and releases the prepared statements.
func (in *inserter) flush() error {
	if in.full != nil {
		defer in.full.Close()
	}
	if in.raw != nil {
		defer func() {
			_ = in.conn.Raw(func(any) error { return in.raw.Close() })
			in.raw, in.vals = nil, nil
		}()
	}
	if len(in.args) == 0 {
		return nil
	}
	return in.lastInsert(in.tx.ExecContext(in.ctx, in.statement(len(in.args)/in.cols), in.args...))
}
