package sqlite

import (
	"context"
	"maps"
	"path/filepath"
	"testing"

	"unsc"
)

// An import keeps its statement journals in memory and sorts its indexes
// in files (importPragmas, sortInFiles): it sets temp_store inside its
// transaction, which SQLite refuses on a connection with a temporary
// database open. The import closes one the pooled connection had opened
// before its transaction begins, and the connection goes back to the pool
// with the store's settings.
func TestImportWithTemporaryDatabaseOpen(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "unsc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db := s.testDB()
	// One connection, which holds the table, idle in the pool: the
	// import takes it.
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `CREATE TEMP TABLE scratch (x)`); err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(0)
	reports := []unsc.Report{
		{Source: unsc.SourceUNDL, Key: "a", Meeting: "S/PV.1", Resolution: "S/RES/1 (1946)"},
		{Source: unsc.SourceUNDL, Key: "b", Meeting: "S/PV.2", Resolution: "S/RES/2 (1946)"},
	}
	reconcile := func(rs []unsc.Report) []unsc.Decision {
		ds := make([]unsc.Decision, len(rs))
		for i := range rs {
			ds[i] = unsc.Decision{Meeting: rs[i].Meeting, Resolution: rs[i].Resolution, Sources: []unsc.Source{rs[i].Source}, Reports: rs[i : i+1]}
		}
		return ds
	}
	sum, err := s.Import(ctx, reports, reconcile)
	if err != nil {
		t.Fatalf("import on a connection with a temporary table: %v", err)
	}
	if sum.Decisions != 2 {
		t.Errorf("decisions: %d, want 2", sum.Decisions)
	}
	var temp string
	if err := db.QueryRowContext(ctx, `PRAGMA temp_store`).Scan(&temp); err != nil || temp != "2" {
		t.Errorf("after the import: PRAGMA temp_store = %q, %v; want 2 (MEMORY), the store's", temp, err)
	}
}

// New reports are numbered on from the largest id stored: written without
// their ids where SQLite gives the same (importPragmas), with them where a
// report removed by the import held the largest.
func TestImportNumbersNewReports(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "unsc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	report := func(key string) unsc.Report {
		return unsc.Report{Source: unsc.SourceUNDL, Key: key, Meeting: "S/PV." + key}
	}
	reconcile := func(rs []unsc.Report) []unsc.Decision {
		ds := make([]unsc.Decision, len(rs))
		for i := range rs {
			ds[i] = unsc.Decision{Meeting: rs[i].Meeting, Sources: []unsc.Source{rs[i].Source}, Reports: rs[i : i+1]}
		}
		return ds
	}
	ids := func() map[string]int64 {
		rows, err := s.testDB().QueryContext(ctx, `SELECT key, id FROM reports`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		got := map[string]int64{}
		for rows.Next() {
			var k string
			var id int64
			if err := rows.Scan(&k, &id); err != nil {
				t.Fatal(err)
			}
			got[k] = id
		}
		return got
	}
	steps := []struct {
		keys []string
		want map[string]int64
	}{
		{[]string{"1", "2", "3"}, map[string]int64{"1": 1, "2": 2, "3": 3}},
		// 3, the largest, goes: 4 is numbered on from it all the same.
		{[]string{"1", "2", "4"}, map[string]int64{"1": 1, "2": 2, "4": 4}},
		// Nothing removed past the largest: SQLite's numbers are the import's.
		{[]string{"2", "4", "5", "6"}, map[string]int64{"2": 2, "4": 4, "5": 5, "6": 6}},
	}
	for n, step := range steps {
		var rs []unsc.Report
		for _, k := range step.keys {
			rs = append(rs, report(k))
		}
		if _, err := s.Import(ctx, rs, reconcile, unsc.SourceUNDL); err != nil {
			t.Fatalf("import %d: %v", n+1, err)
		}
		if got := ids(); !maps.Equal(got, step.want) {
			t.Errorf("import %d: report ids %v, want %v", n+1, got, step.want)
		}
	}
}

// Decisions are stored under the ids the reconciler gives them: written
// without them where those are 1, 2, 3, … in order, which SQLite gives the
// rows of the emptied table the same (writeDecisions), with them where not.
func TestImportKeepsDecisionIDs(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "unsc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids := func() map[string]int64 {
		rows, err := s.testDB().QueryContext(ctx, `SELECT meeting, id FROM decisions`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		got := map[string]int64{}
		for rows.Next() {
			var m string
			var id int64
			if err := rows.Scan(&m, &id); err != nil {
				t.Fatal(err)
			}
			got[m] = id
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return got
	}
	steps := []struct {
		keys []string
		ids  []int64 // the reconciler's, 0 for none
		want map[string]int64
	}{
		{[]string{"1", "2", "3"}, []int64{1, 2, 3}, map[string]int64{"S/PV.1": 1, "S/PV.2": 2, "S/PV.3": 3}},
		// Fewer, numbered from one again in the emptied table.
		{[]string{"4", "5"}, []int64{1, 2}, map[string]int64{"S/PV.4": 1, "S/PV.5": 2}},
		// Not in order: given.
		{[]string{"6", "7", "8"}, []int64{3, 1, 2}, map[string]int64{"S/PV.6": 3, "S/PV.7": 1, "S/PV.8": 2}},
		// With a gap: given.
		{[]string{"9", "10"}, []int64{1, 5}, map[string]int64{"S/PV.9": 1, "S/PV.10": 5}},
		// Not from one: given.
		{[]string{"11", "12"}, []int64{7, 8}, map[string]int64{"S/PV.11": 7, "S/PV.12": 8}},
		// None given: numbered 1, 2, … by the import.
		{[]string{"13", "14"}, []int64{0, 0}, map[string]int64{"S/PV.13": 1, "S/PV.14": 2}},
	}
	for n, step := range steps {
		var rs []unsc.Report
		for _, k := range step.keys {
			rs = append(rs, unsc.Report{Source: unsc.SourceUNDL, Key: k, Meeting: "S/PV." + k})
		}
		reconcile := func(rs []unsc.Report) []unsc.Decision {
			ds := make([]unsc.Decision, len(rs))
			for i := range rs {
				ds[i] = unsc.Decision{ID: step.ids[i], Meeting: rs[i].Meeting, Sources: []unsc.Source{rs[i].Source}, Reports: rs[i : i+1]}
			}
			return ds
		}
		if _, err := s.Import(ctx, rs, reconcile, unsc.SourceUNDL); err != nil {
			t.Fatalf("import %d: %v", n+1, err)
		}
		if got := ids(); !maps.Equal(got, step.want) {
			t.Errorf("import %d: decision ids %v, want %v", n+1, got, step.want)
		}
	}
}
