package chamberdb_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"unsc"
	"unsc/chamber"
	"unsc/chamberdb"
)

func open(t *testing.T) (*chamberdb.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sessions.db")
	st, err := chamberdb.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, path
}

// chain returns n entries of a session, from seq from after prev.
func chain(session string, from int64, prev chamber.Hash, n int) []chamber.Entry {
	var out []chamber.Entry
	for i := 0; i < n; i++ {
		seq := from + int64(i)
		ev, _ := json.Marshal(map[string]any{"seq": seq})
		h := chamber.Seal(prev, session, seq, ev)
		out = append(out, chamber.Entry{Session: session, Seq: seq, Event: ev, Prev: prev, Hash: h})
		prev = h
	}
	return out
}

func TestDurable(t *testing.T) {
	st, _ := open(t)
	n, err := st.Synchronous(context.Background())
	if err != nil || n != 2 {
		t.Fatalf("PRAGMA synchronous = %d, %v; want 2 (FULL): a commit is on disk when acknowledged", n, err)
	}
}

func TestAppend(t *testing.T) {
	st, path := open(t)
	ctx := context.Background()
	first := chain("s1", 1, chamber.Hash{}, 1)
	creds := []chamber.Credential{{Hash: chamber.TokenHash("t"), Role: "chair"}}
	if err := st.Create(ctx, "s1", creds, first); err != nil {
		t.Fatal(err)
	}
	if err := st.Create(ctx, "s1", creds, first); unsc.ErrorCode(err) != unsc.ECONFLICT {
		t.Errorf("Create(same session) = %v, want a conflict", err)
	}
	more := chain("s1", 2, first[0].Hash, 3)
	if err := <-st.Append(more); err != nil {
		t.Fatal(err)
	}
	// A gap, a repeat and a wrong previous hash are refused.
	for name, bad := range map[string][]chamber.Entry{
		"gap":    chain("s1", 6, more[2].Hash, 1),
		"repeat": more[2:],
		"fork":   chain("s1", 5, chamber.Hash{1}, 1),
	} {
		if err := <-st.Append(bad); unsc.ErrorCode(err) != unsc.ECONFLICT {
			t.Errorf("Append(%s) = %v, want a conflict", name, err)
		}
	}
	gotCreds, entries, err := st.Load(ctx, "s1")
	if err != nil || len(entries) != 4 || len(gotCreds) != 1 || gotCreds[0].Hash != chamber.TokenHash("t") {
		t.Fatalf("Load = %d creds, %d entries, %v; want 1 and 4", len(gotCreds), len(entries), err)
	}
	if rep := chamber.Verify("s1", entries); rep.Entries != 4 {
		t.Errorf("Verify: %d entries", rep.Entries)
	}
	if _, _, err := st.Load(ctx, "nope"); unsc.ErrorCode(err) != unsc.ENOTFOUND {
		t.Errorf("Load(nope) = %v, want not found", err)
	}
	// The file refuses to change an entry, even from SQL.
	db, _ := sql.Open("sqlite", "file:"+path)
	defer db.Close()
	if _, err := db.Exec(`UPDATE entries SET event = '{}' WHERE seq = 2`); err == nil {
		t.Errorf("UPDATE entries succeeded; want the append-only trigger to refuse")
	}
	if _, err := db.Exec(`DELETE FROM entries WHERE seq = 2`); err == nil {
		t.Errorf("DELETE FROM entries succeeded; want the append-only trigger to refuse")
	}
}

// TestGroupCommit appends to many sessions at once: every append is stored,
// in fewer transactions than appends.
func TestGroupCommit(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	const sessions, per = 50, 10
	heads := make([]chamber.Hash, sessions)
	for i := range sessions {
		e := chain(fmt.Sprint("s", i), 1, chamber.Hash{}, 1)
		if err := st.Create(ctx, fmt.Sprint("s", i), nil, e); err != nil {
			t.Fatal(err)
		}
		heads[i] = e[0].Hash
	}
	b0, a0 := st.Stats()
	var wg sync.WaitGroup
	errs := make(chan error, sessions*per)
	for i := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			prev := heads[i]
			for k := range per {
				e := chain(fmt.Sprint("s", i), int64(k+2), prev, 1)
				prev = e[0].Hash
				if err := <-st.Append(e); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	b1, a1 := st.Stats()
	if a1-a0 != sessions*per || b1-b0 >= a1-a0 {
		t.Errorf("%d appends in %d transactions; want %d appends in fewer transactions", a1-a0, b1-b0, sessions*per)
	}
	for i := range sessions {
		_, entries, err := st.Load(ctx, fmt.Sprint("s", i))
		if err != nil || len(entries) != per+1 {
			t.Fatalf("session %d: %d entries, %v", i, len(entries), err)
		}
	}
}
