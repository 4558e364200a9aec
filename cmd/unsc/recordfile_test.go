package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/internal/shareddata"
	"unsc/record"
	"unsc/sqlite"
)

// sampleFile is the official release's sample of the UN Digital Library's
// voting data: seven resolutions of 1979–82, a record in a moment.
func sampleFile(t *testing.T) string {
	return shareddata.Path(t, "undl-sc-voting", "2025_7_21_sc_voting_sample.csv")
}

// sampleDB imports the sample alone (not starting from the record built
// into unsc) into a new record in its own folder and returns the record's
// path.
func sampleDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "unsc.db")
	if code, _, errOut := runUnsc(t, "", "--db", db, "import", "--no-built-in", sampleFile(t)); code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut)
	}
	return db
}

// folderState returns each file in dir with a hash of its content.
func folderState(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	state := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			state[e.Name()] = "unreadable: " + err.Error()
			continue
		}
		state[e.Name()] = fmt.Sprintf("%x", sha256.Sum256(b))
	}
	return state
}

// execSQL runs statements on the database at path, as another program would.
func execSQL(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// readCommands are commands that only read the record, with arguments the
// sample answers.
var readCommands = [][]string{
	{"show", "S/RES/465 (1980)"},
	{"vetoes"},
	{"decisions", "--from", "1980-01-01"},
	{"check"},
	{"serve", "--addr", "127.0.0.1:0"},
}

// TestMistypedRecordPathCreatesNothing checks that a --db path with no file
// is named, answered from the record built into unsc, and never made.
func TestMistypedRecordPathCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "tpyo", "unsc.db")
	// serve keeps its sessions in the user's data directory, not beside a
	// path with no file.
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("UNSC_SESSIONS", "")
	for _, args := range readCommands {
		if args[0] == "serve" {
			continue
		}
		code, out, errOut := runBounded(t, append([]string{"--db", db}, args...)...)
		if code != 0 || out == "" || strings.Count(errOut, db+": no such file") != 1 || !strings.Contains(errOut, "built into unsc") || !strings.Contains(errOut, "unsc --db "+db+" import FOLDER") {
			t.Errorf("unsc --db MISSING %v = exit %d, stdout %q, stderr %q; want the answer from the record built into unsc, the path named once with how to make a record there", args, code, out, errOut)
		}
	}
	base, stop := serveInProcess(t, "--db", db, "serve", "--addr", "127.0.0.1:0")
	resp, err := http.Get(base + "/api/v1/decisions?symbol=S%2FRES%2F465%20(1980)")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("serve --db MISSING: GET the decisions of S/RES/465 (1980) = %d, want 200 from the record built into unsc", resp.StatusCode)
	}
	if errOut := stop(); !strings.Contains(errOut, db+": no such file") {
		t.Errorf("serve --db MISSING said %q; want the path named", errOut)
	}
	code, _, errOut := runUnsc(t, "", "--db", db, "rebuild")
	if code != 1 || !strings.Contains(errOut, "no such file") {
		t.Errorf("unsc --db MISSING rebuild = exit %d, %q; want 1, no such file", code, errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("reading a missing record left %v in its folder's parent; want nothing made", entries)
	}
}

// serveInProcess starts `unsc serve` in-process with args and returns its
// address and a function that stops it and returns what it wrote on
// standard error.
func serveInProcess(t *testing.T, args ...string) (string, func() string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		var stdout strings.Builder
		done <- run(ctx, args, strings.NewReader(""), &stdout, pw)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	var base, said strings.Builder
	for lines.Scan() {
		said.WriteString(lines.Text() + "\n")
		if addr, ok := strings.CutPrefix(lines.Text(), "listening on "); ok {
			base.WriteString(addr)
			break
		}
	}
	if base.Len() == 0 {
		cancel()
		t.Fatalf("unsc %v printed no address: %s", args, said.String())
	}
	rest := make(chan string, 1)
	go func() {
		b, _ := io.ReadAll(pr)
		rest <- string(b)
	}()
	return base.String(), func() string {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("unsc %v exit %d after shutdown, want 0", args, code)
			}
		case <-time.After(15 * time.Second):
			t.Fatalf("unsc %v did not stop after its context was cancelled", args)
		}
		return said.String() + <-rest
	}
}

func TestForeignDatabaseLeftAsItIs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "notes.db")
	execSQL(t, db, `PRAGMA journal_mode = DELETE`, `CREATE TABLE notes (body TEXT)`, `INSERT INTO notes VALUES ('mine')`)
	before := folderState(t, dir)
	for _, args := range append(readCommands, []string{"import", sampleFile(t)}, []string{"rebuild"}) {
		code, out, errOut := runBounded(t, append([]string{"--db", db}, args...)...)
		if code != 2 || out != "" || !strings.Contains(errOut, db+": not a unsc record") {
			t.Errorf("unsc --db FOREIGN %v = exit %d, stdout %q, stderr %q; want 2, saying the file is not a record", args, code, out, errOut)
		}
	}
	if diff := gocmp.Diff(before, folderState(t, dir)); diff != "" {
		t.Errorf("unsc changed another application's database (-before +after):\n%s", diff)
	}
}

func TestReadOnlyRecordIsRead(t *testing.T) {
	db := sampleDB(t)
	dir := filepath.Dir(db)
	before := folderState(t, dir)
	// The record and its folder read-only, as a record installed for
	// everyone is; the program runs as a user the modes bind.
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	code, out, errOut := runAsReader(t, "--db", db, "show", "S/RES/465 (1980)")
	if code != 0 || !strings.Contains(out, "S/RES/465 (1980) — adopted") {
		t.Errorf("show on a read-only record = exit %d, %q, %q; want the resolution", code, out, errOut)
	}
	code, out, errOut = runAsReader(t, "--db", db, "check")
	if code != 0 || !strings.Contains(out, " 0 unexplained") {
		t.Errorf("check on a read-only record = exit %d, %q, %q; want 0 unexplained", code, out, errOut)
	}
	// Importing into it is refused in words, naming the file.
	code, out, errOut = runAsReader(t, "--db", db, "import", dir)
	if code != 1 || out != "" || !strings.Contains(errOut, db+": cannot be written") || strings.Contains(errOut, "SQLITE") {
		t.Errorf("import into a read-only record = exit %d, %q, %q; want 1, saying it cannot be written", code, out, errOut)
	}
	if diff := gocmp.Diff(before, folderState(t, dir)); diff != "" {
		t.Errorf("reading the record changed its folder (-before +after):\n%s", diff)
	}
}

// runAsReader runs the program as a user whom file modes bind: in-process
// when the tests do not run as root; as root, as the user nobody, in a
// process of its own (the test binary, copied where nobody may run it, run
// as the program by UNSC_TEST_CHILD). The folders on the paths of args must
// let others through.
func runAsReader(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return runBounded(t, args...)
	}
	binDir := t.TempDir()
	bin := filepath.Join(binDir, "unsc")
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	// t.TempDir makes its folders for their owner only.
	for _, a := range append(args, bin) {
		if !filepath.IsAbs(a) {
			continue
		}
		for d := filepath.Dir(a); strings.HasPrefix(d, os.TempDir()+"/"); d = filepath.Dir(d) {
			if info, err := os.Stat(d); err == nil && info.Mode().Perm()&0o005 != 0o005 {
				os.Chmod(d, info.Mode().Perm()|0o005)
			}
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "UNSC_TEST_CHILD=1", "HOME=/nonexistent", "XDG_DATA_HOME=")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running unsc as nobody: %v", err)
	}
	return cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()
}

func TestRecordOfAnOlderUnsc(t *testing.T) {
	db := sampleDB(t)
	// As unsc made records before it recorded their derivation: WAL, no
	// application_id, no derivation table; and a decision as an older
	// reconciliation derived it.
	execSQL(t, db,
		`DROP TABLE derivation`,
		`DELETE FROM schema_migrations WHERE name = '0006_derivation.sql'`,
		`PRAGMA application_id = 0`,
		`UPDATE decisions SET title = 'as an older unsc had it' WHERE resolution = 'S/RES/465 (1980)'`,
		`PRAGMA journal_mode = WAL`)
	before := folderState(t, filepath.Dir(db))
	code, out, errOut := runUnsc(t, "", "--db", db, "show", "S/RES/465 (1980)")
	if code != 1 || out != "" || !strings.Contains(errOut, "older unsc") || !strings.Contains(errOut, "unsc --db "+db+" rebuild") {
		t.Errorf("show on a record of an older unsc = exit %d, %q, %q; want 1, saying to rebuild", code, out, errOut)
	}
	if diff := gocmp.Diff(before, folderState(t, filepath.Dir(db))); diff != "" {
		t.Errorf("reading a record of an older unsc changed its folder (-before +after):\n%s", diff)
	}
	// Importing the same file again derives the decisions again.
	code, out, errOut = runUnsc(t, "", "--db", db, "import", sampleFile(t))
	if code != 0 || !strings.Contains(out, " 0 added, 0 updated") || !strings.Contains(out, "derived again") {
		t.Errorf("import into a record of an older unsc = exit %d, %q, %q; want nothing added and the decisions derived again", code, out, errOut)
	}
	code, out, errOut = runUnsc(t, "", "--db", db, "show", "S/RES/465 (1980)")
	if code != 0 || strings.Contains(out, "as an older unsc had it") {
		t.Errorf("show after the import = exit %d, %q, %q; want the decision as this unsc derives it", code, out, errOut)
	}
}

func TestRecordOfAnOlderReconciliation(t *testing.T) {
	db := sampleDB(t)
	execSQL(t, db,
		fmt.Sprintf(`UPDATE derivation SET reconciliation = %d`, record.Version-1),
		`UPDATE decisions SET title = 'as an older unsc had it' WHERE resolution = 'S/RES/465 (1980)'`)
	code, _, errOut := runUnsc(t, "", "--db", db, "vetoes")
	if code != 1 || !strings.Contains(errOut, fmt.Sprintf("reconciliation %d; this unsc has %d", record.Version-1, record.Version)) {
		t.Errorf("vetoes on a record of an older reconciliation = exit %d, %q; want 1, naming both versions", code, errOut)
	}
	code, out, errOut := runUnsc(t, "", "--db", db, "rebuild")
	if code != 0 || !strings.Contains(out, "derived again") {
		t.Errorf("rebuild = exit %d, %q, %q; want the decisions derived again", code, out, errOut)
	}
	code, out, errOut = runUnsc(t, "", "--db", db, "show", "S/RES/465 (1980)")
	if code != 0 || strings.Contains(out, "as an older unsc had it") {
		t.Errorf("show after rebuild = exit %d, %q, %q; want the decision as this unsc derives it", code, out, errOut)
	}
}

func TestRecordOfANewerUnsc(t *testing.T) {
	db := sampleDB(t)
	execSQL(t, db, fmt.Sprintf(`UPDATE derivation SET reconciliation = %d`, record.Version+1))
	before := folderState(t, filepath.Dir(db))
	for _, args := range append(readCommands, []string{"import", sampleFile(t)}, []string{"rebuild"}) {
		code, out, errOut := runBounded(t, append([]string{"--db", db}, args...)...)
		if code != 1 || out != "" || !strings.Contains(errOut, "newer unsc") {
			t.Errorf("unsc --db NEWER %v = exit %d, %q, %q; want 1, saying a newer unsc made it", args, code, out, errOut)
		}
	}
	if diff := gocmp.Diff(before, folderState(t, filepath.Dir(db))); diff != "" {
		t.Errorf("unsc changed a record of a newer unsc (-before +after):\n%s", diff)
	}
}

func TestCheckFindsDamage(t *testing.T) {
	db := sampleDB(t)
	var root int64
	{
		conn, err := sql.Open("sqlite", db)
		if err != nil {
			t.Fatal(err)
		}
		err = conn.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = 'decision_votes_code'`).Scan(&root)
		conn.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	head := make([]byte, 100)
	if _, err := f.ReadAt(head, 0); err != nil {
		t.Fatal(err)
	}
	size := int64(binary.BigEndian.Uint16(head[16:]))
	if _, err := f.WriteAt(make([]byte, size), (root-1)*size); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// The questions read the record as before: the damage is in an index
	// they do not use. check finds it.
	code, out, errOut := runUnsc(t, "", "--db", db, "check")
	if code != 1 || out != "" || !strings.Contains(errOut, db+": the file is damaged") {
		t.Errorf("check on a record with a zeroed page = exit %d, %q, %q; want 1, saying the file is damaged", code, out, errOut)
	}
}

func TestEmptyRecordIsAnError(t *testing.T) {
	// A record with no decisions: made, and nothing imported into it.
	db := filepath.Join(t.TempDir(), "unsc.db")
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, args := range readCommands {
		code, out, errOut := runBounded(t, append([]string{"--db", db}, args...)...)
		if code != 1 || out != "" || !strings.Contains(errOut, "holds no decisions") || !strings.Contains(errOut, "import") {
			t.Errorf("unsc --db EMPTY %v = exit %d, stdout %q, stderr %q; want 1, saying to import", args, code, out, errOut)
		}
	}
}

// runBounded runs the program as runUnsc does, stopping it (as an interrupt
// would) after a while: serve, which the tests expect to refuse to start,
// would otherwise serve until the test binary times out.
func runBounded(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, args, strings.NewReader(""), &stdout, &stderr)
	if ctx.Err() != nil {
		t.Errorf("unsc %v ran until stopped; want it to end by itself", args)
	}
	return code, stdout.String(), stderr.String()
}

// TestUpgradeLeavesNoRenamedCuratedReport builds the record an older unsc
// left: the curated vetoed draft of 18 September 2025 stored, beside its
// report of today, under the key it had before its symbol was found
// (S/PV.10000|non-procedural, no draft), so that the record holds the vote
// twice. check finds the duplicate; rebuild, and import, replace the
// curated reports as a set and leave the record as a fresh import makes it.
func TestUpgradeLeavesNoRenamedCuratedReport(t *testing.T) {
	db := importedDB(t)
	want := checkCountsOf(t, db)
	if want.Unexplained != 0 {
		t.Fatalf("check of a fresh record: %d unexplained", want.Unexplained)
	}
	staleRecord := func() {
		t.Helper()
		if n := storeRenamedCuratedReport(t, db); n != want.Decisions+1 {
			t.Fatalf("storing the older unsc's report: %d decisions; want %d", n, want.Decisions+1)
		}
	}

	staleRecord()
	code, out, errOut := runUnsc(t, "", "--db", db, "check", "--json")
	var got checkCounts
	if err := json.Unmarshal([]byte(out), &got); code != 1 || err != nil {
		t.Fatalf("check of the record holding the vote twice = exit %d, %v (%s); want 1", code, err, errOut)
	}
	dups := 0
	for _, f := range got.Findings {
		if f.Status == "unexplained" && f.Kind == "duplicate" && strings.Contains(f.Detail, "S/PV.10000") {
			dups++
		}
	}
	if got.Decisions != want.Decisions+1 || got.Unexplained != 2 || dups != 2 {
		t.Errorf("check of the record holding the vote twice: %d decisions, %d unexplained, %d duplicate findings at S/PV.10000; want %d, 2, 2",
			got.Decisions, got.Unexplained, dups, want.Decisions+1)
	}

	code, out, errOut = runUnsc(t, "", "--db", db, "rebuild")
	if code != 0 || !strings.HasPrefix(out, fmt.Sprintf("%d decisions in the record", want.Decisions)) || !strings.Contains(out, "1 report of an older unsc's curated decisions removed") {
		t.Errorf("rebuild = exit %d, %q (%s); want %d decisions, the older report removed", code, out, errOut, want.Decisions)
	}
	if got := checkCountsOf(t, db); got.Decisions != want.Decisions || got.Unexplained != 0 {
		t.Errorf("check after rebuild: %d decisions, %d unexplained; want %d, 0", got.Decisions, got.Unexplained, want.Decisions)
	}

	staleRecord()
	code, out, errOut = runUnsc(t, "", "--db", db, "import", shareddata.Dir(t))
	if code != 0 || !strings.Contains(out, " 0 added, 0 updated") || !strings.Contains(out, ", 1 removed; "+fmt.Sprintf("%d decisions", want.Decisions)) {
		t.Errorf("import again = exit %d, %q (%s); want nothing added, 1 removed, %d decisions", code, out, errOut, want.Decisions)
	}
	if got := checkCountsOf(t, db); got.Decisions != want.Decisions || got.Unexplained != 0 || got.Corrected != want.Corrected {
		t.Errorf("check after import: %+v; want %d decisions, %d corrected, 0 unexplained", got, want.Decisions, want.Corrected)
	}
}

// storeRenamedCuratedReport stores in the record at db the curated vetoed
// draft of 18 September 2025 under the key an older unsc gave it, before
// its symbol was found (S/PV.10000|non-procedural, no draft), and returns
// the decisions the record then holds (one more: the vote twice).
func storeRenamedCuratedReport(t *testing.T, db string) int {
	t.Helper()
	i := slices.IndexFunc(record.Curated(), func(r unsc.Report) bool { return r.Draft == "S/2025/583" })
	if i < 0 {
		t.Fatal("no curated report of S/2025/583")
	}
	stale := record.Curated()[i]
	stale.Key, stale.Draft = stale.Meeting+"|"+stale.Matter.String(), ""
	st, err := sqlite.OpenWith(db, sqlite.Options{Reconciliation: record.Version})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sum, err := st.Import(context.Background(), []unsc.Report{stale}, record.Reconcile)
	if err != nil {
		t.Fatalf("storing the older unsc's report: %v", err)
	}
	return sum.Decisions
}

// checkCounts is what TestUpgradeLeavesNoRenamedCuratedReport reads of
// check --json.
type checkCounts struct {
	Decisions, Corrected, Unexplained int
	Findings                          []struct{ Kind, Status, Detail string }
}

// checkCountsOf runs check --json on db, which must have no unexplained finding.
func checkCountsOf(t *testing.T, db string) checkCounts {
	t.Helper()
	code, out, errOut := runUnsc(t, "", "--db", db, "check", "--json")
	var got checkCounts
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
		t.Fatalf("check --json = exit %d, %v (%s)", code, err, errOut)
	}
	return got
}
