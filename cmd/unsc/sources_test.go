package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFile writes data to path, making its folder.
func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// positions returns the members whose positions show --json gives for a
// resolution.
func positions(t *testing.T, db, symbol string) map[string]string {
	t.Helper()
	code, out, errOut := runUnsc(t, "", "--db", db, "show", "--json", symbol)
	if code != 0 {
		t.Fatalf("show %s exit %d: %s", symbol, code, errOut)
	}
	var ds []struct {
		Votes map[string]string `json:"votes"`
	}
	if err := json.Unmarshal([]byte(out), &ds); err != nil || len(ds) != 1 {
		t.Fatalf("show --json %s = %q, %v; want one decision", symbol, out, err)
	}
	return ds[0].Votes
}

// recordChecksum returns the checksum of the whole derived record, which
// covers every field of every decision and report, their refs included.
func recordChecksum(t *testing.T, db string) string {
	t.Helper()
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var sum string
	if err := conn.QueryRow(`SELECT record FROM derivation`).Scan(&sum); err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestTruncatedFileKeepsTheFullerReport(t *testing.T) {
	full, err := os.ReadFile(sampleFile(t))
	if err != nil {
		t.Fatal(err)
	}
	// Cut at a row boundary ten rows into resolution 462 (1980), whose
	// fifteen rows are lines 32 to 46: the cut file still parses.
	lines := strings.SplitAfter(string(full), "\n")
	if !strings.Contains(lines[31], "S/RES/462(1980)") || !strings.Contains(lines[45], "S/RES/462(1980)") {
		t.Fatalf("the sample's lines 32 and 46 = %q, %q; want resolution 462 (1980)", lines[31], lines[45])
	}
	cut := strings.Join(lines[:41], "")
	complete := filepath.Join(t.TempDir(), "votes.csv")
	truncated := filepath.Join(t.TempDir(), "votes.csv")
	writeFile(t, complete, full)
	writeFile(t, truncated, []byte(cut))

	db := filepath.Join(t.TempDir(), "unsc.db")
	if code, _, errOut := runUnsc(t, "", "--db", db, "import", "--no-built-in", complete); code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut)
	}
	before := positions(t, db, "S/RES/462 (1980)")
	if len(before) != 15 {
		t.Fatalf("positions on 462 (1980) from the whole file = %d, want 15", len(before))
	}
	code, _, errOut := runUnsc(t, "", "--db", db, "import", truncated)
	if code != 0 || !strings.Contains(errOut, "warning: votes.csv:32: S/RES/462 (1980) holds the positions of 10 members where its count makes 15") ||
		!strings.Contains(errOut, "keeps the other members' positions") {
		t.Errorf("import of the cut file = exit %d, stderr %q; want a warning naming the line, the resolution and what was kept", code, errOut)
	}
	if after := positions(t, db, "S/RES/462 (1980)"); len(after) != 15 {
		t.Errorf("positions on 462 (1980) after importing the cut file = %d (%v), want the 15 imported before", len(after), after)
	}

	// Into a new record of the file alone, the cut file is imported as it
	// is, and said so.
	fresh := filepath.Join(t.TempDir(), "unsc.db")
	code, _, errOut = runUnsc(t, "", "--db", fresh, "import", "--no-built-in", truncated)
	if code != 0 || !strings.Contains(errOut, "S/RES/462 (1980) holds the positions of 10 members") || !strings.Contains(errOut, "imported as it is") {
		t.Errorf("import --no-built-in of the cut file into a new record = exit %d, stderr %q; want a warning", code, errOut)
	}
	// Into a new record that starts from the record built into unsc, the
	// other members' positions are the built-in record's.
	fresh = filepath.Join(t.TempDir(), "unsc.db")
	code, _, errOut = runUnsc(t, "", "--db", fresh, "import", truncated)
	if code != 0 || !strings.Contains(errOut, "starts from the record built into unsc") || strings.Contains(errOut, "imported as it is") {
		t.Errorf("import of the cut file into a new record = exit %d, stderr %q; want it to start from the record built into unsc, and no warning", code, errOut)
	}
	if after := positions(t, fresh, "S/RES/462 (1980)"); len(after) != 15 {
		t.Errorf("positions on 462 (1980) after importing the cut file into a new record = %d (%v), want the built-in record's 15", len(after), after)
	}
}

func TestImportDoesNotDependOnFolderOrOrder(t *testing.T) {
	full, err := os.ReadFile(sampleFile(t))
	if err != nil {
		t.Fatal(err)
	}
	// Two reports of the same records that differ: b.csv, read after
	// a.csv, wins where they differ.
	other := strings.ReplaceAll(string(full), "[on death sentences imposed", "[on the death sentences imposed")
	layout := func(root string) string {
		writeFile(t, filepath.Join(root, "undl", "a.csv"), full)
		writeFile(t, filepath.Join(root, "undl", "b.csv"), []byte(other))
		return root
	}
	here := layout(filepath.Join(t.TempDir(), "here"))
	there := layout(filepath.Join(t.TempDir(), "elsewhere", "there"))

	var sums []string
	for _, args := range [][]string{
		{"import", here},
		{"import", there},
		{"import", filepath.Join(there, "undl", "b.csv"), filepath.Join(there, "undl", "a.csv")},
		{"import", filepath.Join(here, "undl", "a.csv"), filepath.Join(here, "undl", "b.csv")},
	} {
		db := filepath.Join(t.TempDir(), "unsc.db")
		args = append(args[:1:1], append([]string{"--no-built-in"}, args[1:]...)...)
		if code, _, errOut := runUnsc(t, "", append([]string{"--db", db}, args...)...); code != 0 {
			t.Fatalf("unsc %v exit %d: %s", args, code, errOut)
		}
		code, out, _ := runUnsc(t, "", "--db", db, "show", "S/RES/503 (1982)")
		if code != 0 || !strings.Contains(out, "[on the death sentences imposed") {
			t.Errorf("after unsc %v, show 503 (1982) = %q; want the title as b.csv gives it", args, out)
		}
		sums = append(sums, recordChecksum(t, db))
	}
	// The folder imported, and the order of the files given, change
	// nothing; files given on their own are named by their base names, a
	// folder's by their paths inside it.
	if sums[0] != sums[1] || sums[2] != sums[3] {
		t.Errorf("records imported from other folders or in another order differ: checksums %q", sums)
	}
}
