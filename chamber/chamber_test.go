package chamber_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"unsc"
	"unsc/chamber"
	"unsc/chamberdb"
	"unsc/procedure"
)

// meeting creates a session on 25 March 2024 in a new file and runs a vote
// on a draft, 14-0-1; it returns the chamber, the file and the session.
func meeting(t *testing.T) (*chamber.Chamber, *chamberdb.Store, string, chamber.Created) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sessions.db")
	st, err := chamberdb.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := chamber.New(chamber.Config{Log: st})
	ctx := context.Background()
	cr, err := c.Create(ctx, chamber.NewSession{Date: "2024-03-25"})
	if err != nil {
		t.Fatal(err)
	}
	act := func(by procedure.Actor, kind string, args procedure.Args) {
		t.Helper()
		if _, err := c.Act(ctx, cr.ID, by, procedure.Action{Kind: kind, Args: args}); err != nil {
			t.Fatalf("%s %s: %v", by, kind, err)
		}
	}
	act(procedure.Chair, "open-meeting", procedure.Args{})
	act(procedure.Chair, "propose-agenda", procedure.Args{Text: "The situation in the Middle East"})
	act(procedure.Chair, "adopt-agenda", procedure.Args{})
	act(procedure.SeatOf("MOZ"), "table-draft", procedure.Args{Symbol: "S/2024/254", Paragraphs: []string{"Demands a ceasefire"}})
	act(procedure.Chair, "open-vote", procedure.Args{Question: &procedure.QuestionRef{Kind: "draft", Ref: 1}})
	var wg sync.WaitGroup
	for _, s := range cr.Seats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := "Y"
			if s.Code == "USA" {
				p = "A"
			}
			if _, err := c.Act(ctx, cr.ID, procedure.SeatOf(s.Code), procedure.Action{Kind: "cast-ballot", Args: procedure.Args{Ref: 1, Position: p}}); err != nil {
				t.Errorf("%s votes: %v", s.Code, err)
			}
		}()
	}
	wg.Wait()
	act(procedure.Chair, "close-vote", procedure.Args{})
	return c, st, path, cr
}

func TestSession(t *testing.T) {
	c, _, _, cr := meeting(t)
	ctx := context.Background()
	s, err := c.Snapshot(ctx, cr.ID)
	if err != nil {
		t.Fatal(err)
	}
	r := s.Votes[0].Result
	if r.Outcome != "adopted" || r.Yes != 14 || r.Abstain != 1 || s.Drafts[0].Resolution != "S/RES/1 (2024)" {
		t.Fatalf("vote: %s %d-%d-%d %q, want adopted 14-0-1 as S/RES/1 (2024) (no record: numbered from 1)", r.Outcome, r.Yes, r.No, r.Abstain, s.Drafts[0].Resolution)
	}
	rep, err := c.Verify(ctx, cr.ID)
	if err != nil || !rep.OK() || rep.Entries != 22 {
		t.Fatalf("Verify = %+v, %v; want an intact log of 22 entries", rep, err)
	}
	// Every credential is the one actor; a wrong one is none.
	a, err := c.Authenticate(ctx, cr.ID, cr.Seats[3].Token)
	if err != nil || a != procedure.SeatOf(cr.Seats[3].Code) {
		t.Errorf("Authenticate(seat %s) = %v, %v", cr.Seats[3].Code, a, err)
	}
	if a, err := c.Authenticate(ctx, cr.ID, cr.ChairToken); err != nil || a != procedure.Chair {
		t.Errorf("Authenticate(chair) = %v, %v", a, err)
	}
	if _, err := c.Authenticate(ctx, cr.ID, cr.ChairToken+"x"); unsc.ErrorCode(err) != unsc.EUNAUTHORIZED {
		t.Errorf("Authenticate(wrong) = %v, want unauthorized", err)
	}
	ds, err := c.Decisions(ctx, cr.ID)
	if err != nil || len(ds) != 1 || ds[0].Sources[0] != chamber.SourceSimulation || ds[0].Derived != unsc.Adopted {
		t.Errorf("Decisions = %+v, %v; want one adopted decision marked as a simulation", ds, err)
	}
}

// TestReload: a chamber opened again on the same file finds the session as
// it was, its credentials too.
func TestReload(t *testing.T) {
	_, st, path, cr := meeting(t)
	st.Close()
	st2, err := chamberdb.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	c := chamber.New(chamber.Config{Log: st2})
	ctx := context.Background()
	s, err := c.Snapshot(ctx, cr.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Votes) != 1 || s.Votes[0].Result == nil || s.Seq != 22 {
		t.Fatalf("reloaded: seq %d, votes %d; want the closed vote and 22 events", s.Seq, len(s.Votes))
	}
	if a, err := c.Authenticate(ctx, cr.ID, cr.ChairToken); err != nil || a != procedure.Chair {
		t.Errorf("Authenticate(chair) after reload = %v, %v", a, err)
	}
	if _, err := c.Act(ctx, cr.ID, procedure.Chair, procedure.Action{Kind: "call-roll"}); err != nil {
		t.Errorf("acting after reload: %v", err)
	}
}

// TestVerifyDetects alters a log on disk in every way and checks that
// Verify finds each, and that a delegation's receipt finds what a forger
// who rewrote the whole chain changed.
func TestVerifyDetects(t *testing.T) {
	// The ballots are cast at once, so which entry holds which ballot
	// varies: the edit finds a ballot in favour wherever it is.
	cases := []struct {
		name string
		sql  []string
		want string
	}{
		{"edited", []string{`UPDATE entries SET event = CAST(replace(CAST(event AS TEXT), '"position":"Y"', '"position":"N"') AS BLOB) WHERE seq = (SELECT min(seq) FROM entries WHERE CAST(event AS TEXT) LIKE '%"position":"Y"%')`}, "altered"},
		{"removed", []string{`DELETE FROM entries WHERE seq = 9`}, "missing or out of order"},
		{"reordered", []string{`UPDATE entries SET seq = -1 WHERE seq = 8`, `UPDATE entries SET seq = 8 WHERE seq = 9`, `UPDATE entries SET seq = 9 WHERE seq = -1`}, "does not follow"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, st, path, cr := meeting(t)
			ctx := context.Background()
			st.Close()
			tamper(t, path, tc.sql...)
			st2, err := chamberdb.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer st2.Close()
			_, entries, err := st2.Load(ctx, cr.ID)
			if err != nil {
				t.Fatal(err)
			}
			rep := chamber.Verify(cr.ID, entries)
			if rep.OK() || !strings.Contains(rep.Problems[0].Reason, tc.want) {
				t.Errorf("Verify(%s log) = %+v, want a problem saying %q", tc.name, rep.Problems, tc.want)
			}
		})
	}

	// A forger rewrites a ballot and every hash after it: the chain holds,
	// but the rules' replay and the delegation's receipt do not.
	c, st, path, cr := meeting(t)
	ctx := context.Background()
	var seat unsc.Code
	var seq int64
	receipt, _ := c.Receipt(ctx, cr.ID, "GBR")
	seat, seq = receipt.Seat, receipt.Ballots[0].Entry.Seq
	st.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	exec(t, db, `DROP TRIGGER entries_no_update`)
	rows, _ := db.Query(`SELECT seq, event FROM entries WHERE session = ? ORDER BY seq`, cr.ID)
	var events [][]byte
	for rows.Next() {
		var n int64
		var e []byte
		rows.Scan(&n, &e)
		if n == seq {
			e = []byte(strings.Replace(string(e), `"position":"Y"`, `"position":"N"`, 1))
		}
		events = append(events, e)
	}
	rows.Close()
	var prev chamber.Hash
	for i, e := range events {
		h := chamber.Seal(prev, cr.ID, int64(i+1), e)
		exec(t, db, `UPDATE entries SET event = ?, prev = ?, hash = ? WHERE session = ? AND seq = ?`, e, prev[:], h[:], cr.ID, i+1)
		prev = h
	}
	db.Close()
	st2, err := chamberdb.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	_, entries, _ := st2.Load(ctx, cr.ID)
	if rep := chamber.Verify(cr.ID, entries); rep.OK() {
		t.Errorf("Verify(rewritten chain) found nothing; want the vote's outcome not matching its ballots")
	}
	if probs := chamber.CheckReceipt(receipt, entries); len(probs) == 0 {
		t.Errorf("CheckReceipt(%s, rewritten chain) found nothing", seat)
	}
	var back chamber.Receipt
	data, _ := json.Marshal(receipt)
	json.Unmarshal(data, &back)
	if probs := chamber.CheckReceipt(back, entries[:0]); len(probs) == 0 {
		t.Errorf("CheckReceipt against an empty log found nothing")
	}
}

func tamper(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec(t, db, `DROP TRIGGER entries_no_update`)
	exec(t, db, `DROP TRIGGER entries_no_delete`)
	for _, s := range stmts {
		exec(t, db, s)
	}
}

func exec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
