package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc/internal/onefile"
	"unsc/internal/shareddata"
)

// goCommand returns the path of the go command, and skips the test where
// there is none.
func goCommand(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			t.Skipf("unsc is built with the go command, which is neither on $PATH nor in GOROOT (%s)", goTool)
		}
	}
	return goTool
}

// buildFront builds unsc with -tags front (front.go) alone, carrying no
// whole program, into a folder of its own, and returns its path.
func buildFront(t *testing.T) string {
	t.Helper()
	front := filepath.Join(t.TempDir(), "unsc")
	build := exec.Command(goCommand(t), "build", "-tags", "front", "-o", front, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -tags front: %v\n%s", err, out)
	}
	return front
}

// buildOneFile builds unsc as the README does, the front carrying the
// whole program in one file, with the README's builder (cmd/build) into a
// folder of its own, and returns its path.
func buildOneFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bin", "unsc")
	build := exec.Command(goCommand(t), "run", "unsc/cmd/build", "-o", path)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go run ./cmd/build -o %s: %v\n%s", path, err, out)
	}
	return path
}

// runProgram runs the program at path with args and stdin, as a process of
// its own with no record but the one given, and returns its exit status and
// output.
func runProgram(t *testing.T, path, stdin string, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	var env []string
	for _, kv := range os.Environ() {
		switch name, _, _ := strings.Cut(kv, "="); name {
		case "UNSC_DB", "UNSC_SESSIONS", "PATH":
			continue
		}
		env = append(env, kv)
	}
	cmd.Env = append(env, "UNSC_TEST_CHILD=1", "PATH=/nonexistent")
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil && cmd.ProcessState == nil {
		t.Fatalf("%s %v: %v", path, args, err)
	}
	return cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()
}

// TestOneFileAnswersAsWhole checks that unsc as the README builds it, one
// file (cmd/build: the front carrying the whole program), answers every
// command line as the whole program does (this test binary, run as unsc by
// UNSC_TEST_CHILD), byte for byte on both streams and with the same exit
// status: the questions the front answers itself from a record's image
// file or the record built into unsc, and what it hands over to the whole
// program it carries (other commands, help, bad flags, a record without
// its image file, a file that is not a record, an import, a server); that
// a file whose whole program is damaged or missing says so, naming the
// file, and still answers the questions; and that the front alone answers
// them and says how to build the one file.
func TestOneFileAnswersAsWhole(t *testing.T) {
	front := buildOneFile(t)
	whole := os.Args[0]

	db := sampleDB(t)
	if _, err := os.Stat(db + ".image"); err != nil {
		t.Fatalf("the sample record has no image file: %v", err)
	}
	noImage := filepath.Join(t.TempDir(), "unsc.db")
	copyFile(t, db, noImage)
	notRecord := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notRecord, []byte("not a record\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "none.db")
	ballot := `{"date": "2024-03-25", "votes": {"USA": "A", "RUS": "Y", "CHN": "Y", "FRA": "Y", "GBR": "Y", "DZA": "Y", "ECU": "Y", "GUY": "Y", "JPN": "Y", "MLT": "Y", "MOZ": "Y", "KOR": "Y", "SLE": "Y", "SVN": "Y", "CHE": "Y"}}`

	questions := [][]string{
		{"council", "2024-03-25"},
		{"council", "--json", "1965-06-01"},
		{"council", "1900-01-01"},
		{"members"},
		{"members", "--json"},
		{"show", "S/RES/446 (1979)"},
		{"show", "--json", "S/RES/446 (1979)"},
		{"show", "S/RES/9999 (2030)"},
		{"show", "not a symbol"},
		{"show"},
		{"show", "-h"},
		{"vetoes"},
		{"vetoes", "--by", "member", "--csv"},
		{"vetoes", "--json"},
		{"decisions", "--limit", "5"},
		{"decisions", "--member", "GBR", "--position", "A", "--csv"},
		{"decisions", "--json", "israel"},
		{"decisions", "--bogus"},
		{"positions", "--csv"},
		{"member", "USA"},
		{"member", "--json", "FRA"},
		{"member", "XXX"},
		{"agreement", "--csv"},
		{"trends"},
		{"trends", "--json", "--by", "decade"},
		{"whatif", "--rule", "abstain-half"},
		{"initiative"},
		{"coverage"},
		{"casebook"},
	}
	handedOver := [][]string{
		{},
		{"help"},
		{"help", "show"},
		{"--help"},
		{"version", "--json"},
		{"check"},
		{"frobnicate"},
		{"decisions", "--simulations", "--sessions", missing},
		{"import", "--bogus"},
		{"serve", "--bogus"},
		{"--bogus"},
	}
	var lines [][]string
	for _, q := range append(questions, handedOver...) {
		lines = append(lines, append([]string{"--db", db}, q...))
	}
	for _, path := range []string{noImage, notRecord, missing} {
		for _, q := range [][]string{{"show", "S/RES/446 (1979)"}, {"vetoes", "--by", "member"}, {"trends", "--csv"}} {
			lines = append(lines, append([]string{"--db", path}, q...))
		}
	}
	lines = append(lines, []string{"decide"}, []string{"--db"})
	for _, line := range lines {
		stdin := ""
		if len(line) > 0 && line[0] == "decide" {
			stdin = ballot
		}
		wantCode, wantOut, wantErr := runProgram(t, whole, stdin, line...)
		code, out, errOut := runProgram(t, front, stdin, line...)
		if code != wantCode || out != wantOut || errOut != wantErr {
			t.Errorf("unsc %q: the one file answered\nexit %d, stdout %q, stderr %q\nthe whole program\nexit %d, stdout %q, stderr %q",
				line, code, short(out), short(errOut), wantCode, short(wantOut), short(wantErr))
		}
	}

	t.Run("import", func(t *testing.T) {
		// An import into a new record, then questions over it: the same
		// output, the same record.
		var answers [2][]string
		for i, path := range []string{whole, front} {
			dir := t.TempDir()
			db := filepath.Join(dir, "unsc.db")
			code, out, errOut := runProgram(t, path, "", "--db", db, "import", shareddata.Dir(t))
			answers[i] = append(answers[i], fmt.Sprint(code), out, strings.ReplaceAll(errOut, dir, "DIR"))
			for _, q := range questions[5:14] {
				code, out, errOut := runProgram(t, front, "", append([]string{"--db", db}, q...)...)
				answers[i] = append(answers[i], fmt.Sprint(code), out, strings.ReplaceAll(errOut, dir, "DIR"))
			}
		}
		if answers[0][0] != "0" {
			t.Fatalf("the whole program's import: exit %s, stderr %s", answers[0][0], answers[0][2])
		}
		if diff := cmp.Diff(answers[0], answers[1]); diff != "" {
			t.Errorf("an import by the one file, and the questions over its record (-whole +one file):\n%s", diff)
		}
	})

	t.Run("serve", func(t *testing.T) {
		want := serveOnce(t, whole, db)
		got := serveOnce(t, front, db)
		if got.health != want.health || got.code != want.code || got.argv0 != front {
			t.Errorf("serve from the one file: /healthz %q, exit %d after Ctrl-C, argv[0] %q; want %q, exit %d (the whole program's), argv[0] %q",
				got.health, got.code, got.argv0, want.health, want.code, front)
		}
		// On Linux the whole program runs in the front's place, from a
		// file in memory: the same process, which the shell waits for
		// and signals.
		if runtime.GOOS == "linux" && !strings.HasPrefix(got.exe, "/memfd:unsc") {
			t.Errorf("the server the one file started runs %q, want the whole program in the one file's process (/memfd:unsc)", got.exe)
		}
	})

	// A damaged file: what it would hand over says what is wrong, naming
	// the file; the questions are still answered.
	t.Run("damaged", func(t *testing.T) {
		b, err := os.ReadFile(front)
		if err != nil {
			t.Fatal(err)
		}
		payload, n, err := onefile.Find(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("the one file: %v", err)
		}
		end := len(b) - onefile.TrailerSize
		notExec := slices.Clone(b)
		copy(notExec[payload:], "XXXX")
		for _, c := range []struct {
			name, want string
			file       []byte
		}{
			{"the whole program cut short", "damaged: its trailer puts the whole program at bytes", slices.Concat(b[:payload+n/2], b[payload+n/2+4096:])},
			{"a trailer past the end", "damaged: its trailer puts the whole program at bytes", slices.Concat(b[:end], onefile.Trailer(int64(len(b)), n))},
			{"not an executable", "damaged: the bytes at " + fmt.Sprint(payload) + ", where its trailer puts the whole program, begin 58 58 58 58", notExec},
			{"the end cut off", "does not carry", b[:end-4096]},
		} {
			path := filepath.Join(t.TempDir(), "unsc")
			if err := os.WriteFile(path, c.file, 0o755); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runProgram(t, path, "", "version")
			if code != 1 || out != "" || !strings.Contains(errOut, path) || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "go run ./cmd/build -o") {
				t.Errorf("%s: `unsc version`: exit %d, stdout %q, stderr %q; want exit 1, and on stderr the file's name, %q and how to build it again", c.name, code, out, errOut, c.want)
			}
			checkQuestions(t, c.name, whole, path, db, questions[:8])
		}
	})

	// With no whole program at its end, the front answers the questions
	// itself; what it would hand over says how to build the one file.
	t.Run("front alone", func(t *testing.T) {
		alone := buildFront(t)
		checkQuestions(t, "the front alone", whole, alone, db, questions[:8])
		code, out, errOut := runProgram(t, alone, "", "--db", noImage, "show", "S/RES/446 (1979)")
		build := "`go run ./cmd/build -o " + shellQuote(alone) + "`"
		if code != 1 || out != "" || !strings.Contains(errOut, build) {
			t.Errorf("a record without its image file and the front alone: exit %d, stdout %q, stderr %q; want exit 1 and how to build the one file, %s", code, out, errOut, build)
		}
	})
}

// checkQuestions checks that the program at path answers the questions
// over the record db as the whole program does.
func checkQuestions(t *testing.T, name, whole, path, db string, questions [][]string) {
	t.Helper()
	for _, q := range questions {
		line := append([]string{"--db", db}, q...)
		wantCode, wantOut, wantErr := runProgram(t, whole, "", line...)
		code, out, errOut := runProgram(t, path, "", line...)
		if code != wantCode || out != wantOut || errOut != wantErr {
			t.Errorf("%s: unsc %q: exit %d, stdout %q, stderr %q; want exit %d, stdout %q, stderr %q",
				name, line, code, short(out), short(errOut), wantCode, short(wantOut), short(wantErr))
		}
	}
}

// served is what serveOnce saw of a server.
type served struct {
	health     string // /healthz's status and body
	code       int    // the exit status after Ctrl-C
	exe, argv0 string // what the process ran, and its argv[0], as Linux says (/proc)
}

// serveOnce starts `unsc serve` from the program at path over the record
// db, GETs /healthz, and stops it as Ctrl-C does.
func serveOnce(t *testing.T, path, db string) served {
	t.Helper()
	cmd := exec.Command(path, "--db", db, "serve", "--addr", "127.0.0.1:0", "--sessions", filepath.Join(t.TempDir(), "sessions.db"))
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); name != "UNSC_DB" && name != "UNSC_SESSIONS" {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "UNSC_TEST_CHILD=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stderr)
	base, said := "", ""
	for base == "" && lines.Scan() {
		said += lines.Text() + "\n"
		if addr, ok := strings.CutPrefix(lines.Text(), "listening on "); ok {
			base = addr
		}
	}
	if base == "" {
		cmd.Wait()
		t.Fatalf("%s serve printed no address: %s", path, said)
	}
	go io.Copy(io.Discard, stderr)
	var s served
	if runtime.GOOS == "linux" {
		s.exe, _ = os.Readlink(fmt.Sprintf("/proc/%d/exe", cmd.Process.Pid))
		b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", cmd.Process.Pid))
		s.argv0, _, _ = strings.Cut(string(b), "\x00")
	} else {
		s.argv0 = path
	}
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatalf("%s serve: GET /healthz: %v", path, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	s.health = resp.Status + " " + string(body)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	stopped := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
	cmd.Wait()
	if !stopped.Stop() {
		t.Errorf("%s serve: still running a minute after Ctrl-C", path)
	}
	s.code = cmd.ProcessState.ExitCode()
	return s
}

// short cuts a long output for a test's message.
func short(s string) string {
	if len(s) > 600 {
		return s[:600] + "…"
	}
	return s
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFrontStartMakesNothing checks that the front's start makes nothing
// of unsc's own: Go runs every linked package's initialisation at every
// start, so a package-level map literal, regexp.MustCompile or
// sync.OnceValue there is paid by each question, asked or not (the front's
// goal is 1.5 times a Go "hello"; README, "Performance"). Read from the
// runtime's own account, GODEBUG=inittrace=1: each unsc package may
// allocate at most initBudget bytes at its initialisation. (One such
// regression, the veto initiative's marks and regular expressions, took
// unsc/analysis to 13,288 bytes; today it is about 1 KB.)
func TestFrontStartMakesNothing(t *testing.T) {
	const initBudget = 2048
	front := buildFront(t)
	t.Setenv("GODEBUG", "inittrace=1")
	code, _, stderr := runProgram(t, front, "", "council", "2024-03-25")
	if code != 0 {
		t.Fatalf("council exit %d: %s", code, stderr)
	}
	seen := 0
	for _, line := range strings.Split(stderr, "\n") {
		// init unsc/analysis @0.69 ms, 0.007 ms clock, 1016 bytes, 8 allocs
		f := strings.Fields(line)
		if len(f) < 10 || f[0] != "init" || (f[1] != "unsc" && !strings.HasPrefix(f[1], "unsc/")) || f[8] != "bytes," {
			continue
		}
		seen++
		bytes, err := strconv.Atoi(f[7])
		if err != nil {
			t.Fatalf("inittrace line %q: bytes %q: %v", line, f[7], err)
		}
		if bytes > initBudget {
			t.Errorf("%s's initialisation allocates %d bytes at every start, want at most %d: make what it makes on first use (internal/lazy)", f[1], bytes, initBudget)
		}
	}
	if seen == 0 {
		t.Fatalf("no unsc package in GODEBUG=inittrace=1's account; stderr:\n%s", stderr)
	}
}
