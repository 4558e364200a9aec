// Package chamberdb keeps the chamber's session logs (chamber.Log) in a
// SQLite database file of their own, apart from the record: the record is
// rebuilt from public data, a session's log is not.
//
// The file runs in WAL mode with synchronous=FULL: every commit is written
// to the disk (fsync) before Append reports it, so a vote acknowledged is a
// vote that survives a crash or a power loss. To make that affordable,
// appends that arrive together are committed in one transaction, with one
// fsync (group commit): one goroutine takes every append waiting in its
// queue, writes them in order, commits, and answers each.
//
// Entries are append-only: triggers refuse to update or delete them, and a
// session's entries must follow its last stored entry by number and hash,
// so a log can have no gap. Credentials are kept as SHA-256 hashes only.
package chamberdb

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"unsc"
	"unsc/chamber"

	// The driver, registered as "sqlite".
	_ "modernc.org/sqlite"
)

// Store is the session logs in one SQLite file. It implements chamber.Log.
type Store struct {
	db   *sql.DB // readers
	wdb  *sql.DB // the one writer
	reqs chan *request
	done chan struct{}
	// heads holds each session's last stored entry, for the writer only.
	heads map[string]head
	// Batches counts the transactions committed and Appends the appends
	// they held, for measuring group commit.
	statsMu          sync.Mutex
	batches, appends int64
	closeOnce        sync.Once
}

var _ chamber.Log = (*Store)(nil)

type head struct {
	seq  int64
	hash chamber.Hash
}

type request struct {
	entries []chamber.Entry
	done    chan error
	create  *creation
}

// maxBatch bounds the appends committed in one transaction.
const maxBatch = 4096

const schema = `
CREATE TABLE IF NOT EXISTS sessions (
	id      TEXT PRIMARY KEY,
	created TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS credentials (
	hash    BLOB PRIMARY KEY,
	session TEXT NOT NULL REFERENCES sessions(id),
	role    TEXT NOT NULL,
	seat    TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS credentials_session ON credentials(session);
CREATE TABLE IF NOT EXISTS entries (
	session TEXT NOT NULL REFERENCES sessions(id),
	seq     INTEGER NOT NULL,
	event   BLOB NOT NULL,
	prev    BLOB NOT NULL,
	hash    BLOB NOT NULL,
	PRIMARY KEY (session, seq)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS entries_no_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'session logs are append-only'); END;
CREATE TRIGGER IF NOT EXISTS entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'session logs are append-only'); END;
PRAGMA user_version = 1;
`

// Open opens (creating if needed) the session log file at path.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, unsc.Errorf(unsc.EINVALID, "sessions", "no path given for the sessions' database")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	dsn := "file:" + (&url.URL{Path: abs}).EscapedPath() + "?" + url.Values{
		"_pragma": {"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(FULL)", "foreign_keys(1)"},
		"_txlock": {"immediate"},
	}.Encode()
	wdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	wdb.SetMaxOpenConns(1)
	if _, err := wdb.Exec(schema); err != nil {
		wdb.Close()
		return nil, fmt.Errorf("open %s: create schema: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		wdb.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	s := &Store{db: db, wdb: wdb, reqs: make(chan *request, maxBatch), done: make(chan struct{}), heads: map[string]head{}}
	go s.write()
	return s, nil
}

// Synchronous returns the writer's PRAGMA synchronous (2 is FULL).
func (s *Store) Synchronous(ctx context.Context) (int, error) {
	var n int
	err := s.wdb.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&n)
	return n, err
}

// Close stops the writer, after the appends queued, and closes the file.
func (s *Store) Close() error {
	s.closeOnce.Do(func() { close(s.reqs) })
	<-s.done
	err := s.wdb.Close()
	if err2 := s.db.Close(); err == nil {
		err = err2
	}
	return err
}

// Stats returns the transactions committed by appends and the appends they
// held.
func (s *Store) Stats() (batches, appends int64) {
	s.statsMu.Lock()
	defer s.statsMu.Unlock()
	return s.batches, s.appends
}

// Create stores a new session.
func (s *Store) Create(ctx context.Context, session string, creds []chamber.Credential, first []chamber.Entry) error {
	// The writer goroutine owns writes, so that creation and appends are
	// ordered; a creation rides in the queue as a request of its own.
	done := make(chan error, 1)
	s.reqs <- &request{entries: first, done: done, create: &creation{session: session, creds: creds}}
	return <-done
}

// Append queues entries; see chamber.Log.
func (s *Store) Append(entries []chamber.Entry) <-chan error {
	done := make(chan error, 1)
	if len(entries) == 0 {
		done <- nil
		return done
	}
	s.reqs <- &request{entries: entries, done: done}
	return done
}

// write is the writer: it commits what is queued, in order, a batch at a
// time.
func (s *Store) write() {
	defer close(s.done)
	for r := range s.reqs {
		batch := []*request{r}
	more:
		for len(batch) < maxBatch {
			select {
			case r, ok := <-s.reqs:
				if !ok {
					break more
				}
				batch = append(batch, r)
			default:
				break more
			}
		}
		s.commit(batch)
	}
}

func (s *Store) commit(batch []*request) {
	errs := make([]error, len(batch))
	fail := func(err error) {
		for i, r := range batch {
			if errs[i] == nil {
				errs[i] = err
			}
			r.done <- errs[i]
		}
		// What the writer believed of these sessions may be wrong now.
		for _, r := range batch {
			if len(r.entries) > 0 {
				delete(s.heads, r.entries[0].Session)
			}
		}
	}
	ctx := context.Background()
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		fail(fmt.Errorf("append: begin: %w", err))
		return
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO entries (session, seq, event, prev, hash) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		fail(fmt.Errorf("append: %w", err))
		return
	}
	defer ins.Close()
	heads := map[string]head{}
	for i, r := range batch {
		// Each request in a savepoint of its own: one refused leaves the
		// others of the batch whole.
		if _, err := tx.ExecContext(ctx, "SAVEPOINT request"); err != nil {
			fail(fmt.Errorf("append: %w", err))
			return
		}
		errs[i] = s.apply(ctx, tx, ins, heads, r)
		if errs[i] != nil {
			if _, err := tx.ExecContext(ctx, "ROLLBACK TO request"); err != nil {
				fail(fmt.Errorf("append: %w", err))
				return
			}
		}
		if _, err := tx.ExecContext(ctx, "RELEASE request"); err != nil {
			fail(fmt.Errorf("append: %w", err))
			return
		}
	}
	if err := tx.Commit(); err != nil {
		fail(fmt.Errorf("append: commit: %w", err))
		return
	}
	for sess, h := range heads {
		s.heads[sess] = h
	}
	s.statsMu.Lock()
	s.batches++
	s.appends += int64(len(batch))
	s.statsMu.Unlock()
	for i, r := range batch {
		r.done <- errs[i]
	}
}

// apply writes one request in the batch's transaction.
func (s *Store) apply(ctx context.Context, tx *sql.Tx, ins *sql.Stmt, heads map[string]head, r *request) error {
	sess := r.entries[0].Session
	h, ok := heads[sess]
	if r.create != nil {
		if err := r.create.write(ctx, tx); err != nil {
			return err
		}
		h, ok = head{}, true
	}
	if !ok {
		var err error
		if h, err = s.head(ctx, tx, sess); err != nil {
			return err
		}
	}
	if err := follows(h, r.entries); err != nil {
		return err
	}
	for _, e := range r.entries {
		if _, err := ins.ExecContext(ctx, e.Session, e.Seq, []byte(e.Event), e.Prev[:], e.Hash[:]); err != nil {
			return fmt.Errorf("append: session %s entry %d: %w", e.Session, e.Seq, err)
		}
	}
	last := r.entries[len(r.entries)-1]
	heads[sess] = head{seq: last.Seq, hash: last.Hash}
	return nil
}

// follows checks that entries continue the log whose last entry is h.
func follows(h head, entries []chamber.Entry) error {
	for _, e := range entries {
		if e.Seq != h.seq+1 || !bytes.Equal(e.Prev[:], h.hash[:]) {
			return unsc.Errorf(unsc.ECONFLICT, "seq", "session %s: entry %d does not follow entry %d of the log", e.Session, e.Seq, h.seq)
		}
		h = head{seq: e.Seq, hash: e.Hash}
	}
	return nil
}

// head returns a session's last stored entry, from the writer's memory or
// the file.
func (s *Store) head(ctx context.Context, tx *sql.Tx, session string) (head, error) {
	if h, ok := s.heads[session]; ok {
		return h, nil
	}
	var h head
	var hash []byte
	err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM entries WHERE session = ? ORDER BY seq DESC LIMIT 1`, session).Scan(&h.seq, &hash)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return head{}, nil
	case err != nil:
		return head{}, fmt.Errorf("append: session %s: %w", session, err)
	}
	copy(h.hash[:], hash)
	return h, nil
}

type creation struct {
	session string
	creds   []chamber.Credential
}

func (c *creation) write(ctx context.Context, tx *sql.Tx) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sessions WHERE id = ?`, c.session).Scan(&n); err != nil {
		return fmt.Errorf("create session %s: %w", c.session, err)
	}
	if n > 0 {
		return unsc.Errorf(unsc.ECONFLICT, "id", "session %s exists", c.session)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sessions (id, created) VALUES (?, ?)`, c.session, time.Now().UTC().Format(time.RFC3339Nano)); err != nil {
		return fmt.Errorf("create session %s: %w", c.session, err)
	}
	for _, cr := range c.creds {
		if _, err := tx.ExecContext(ctx, `INSERT INTO credentials (hash, session, role, seat) VALUES (?, ?, ?, ?)`, cr.Hash[:], c.session, cr.Role, string(cr.Seat)); err != nil {
			return fmt.Errorf("create session %s: %w", c.session, err)
		}
	}
	return nil
}

// Load returns a session's credentials and entries.
func (s *Store) Load(ctx context.Context, session string) ([]chamber.Credential, []chamber.Entry, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, fmt.Errorf("load session %s: %w", session, err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT hash, role, seat FROM credentials WHERE session = ?`, session)
	if err != nil {
		return nil, nil, fmt.Errorf("load session %s: %w", session, err)
	}
	var creds []chamber.Credential
	for rows.Next() {
		var c chamber.Credential
		var hash []byte
		var seat string
		if err := rows.Scan(&hash, &c.Role, &seat); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("load session %s: %w", session, err)
		}
		copy(c.Hash[:], hash)
		c.Seat = unsc.Code(seat)
		creds = append(creds, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("load session %s: %w", session, err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT seq, event, prev, hash FROM entries WHERE session = ? ORDER BY seq`, session)
	if err != nil {
		return nil, nil, fmt.Errorf("load session %s: %w", session, err)
	}
	defer rows.Close()
	var entries []chamber.Entry
	for rows.Next() {
		e := chamber.Entry{Session: session}
		var event, prev, hash []byte
		if err := rows.Scan(&e.Seq, &event, &prev, &hash); err != nil {
			return nil, nil, fmt.Errorf("load session %s: %w", session, err)
		}
		e.Event = event
		copy(e.Prev[:], prev)
		copy(e.Hash[:], hash)
		entries = append(entries, e)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("load session %s: %w", session, err)
	}
	if len(entries) == 0 {
		return nil, nil, unsc.Errorf(unsc.ENOTFOUND, "session", "no session %q", session)
	}
	return creds, entries, nil
}

// Sessions lists every session, oldest first.
func (s *Store) Sessions(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM sessions ORDER BY created, id`)
	if err != nil {
		return nil, fmt.Errorf("sessions: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("sessions: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// DefaultPath is the sessions' database beside the record's: dir/sessions.db.
func DefaultPath(recordPath string) string {
	return filepath.Join(filepath.Dir(recordPath), "sessions.db")
}
