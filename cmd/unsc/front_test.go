package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// buildFront builds unsc with -tags front (the program people run as unsc,
// front.go) into a folder of its own, with the whole program (this test
// binary, run as unsc by UNSC_TEST_CHILD) beside it as unsc-full when
// whole is true, and returns the front's path.
func buildFront(t *testing.T, whole bool) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			t.Skipf("the front is built with the go command, which is neither on $PATH nor in GOROOT (%s)", goTool)
		}
	}
	dir := t.TempDir()
	front := filepath.Join(dir, "unsc")
	build := exec.Command(goTool, "build", "-tags", "front", "-o", front, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -tags front: %v\n%s", err, out)
	}
	if whole {
		self, err := os.ReadFile(os.Args[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, wholeName), self, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return front
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

// TestFrontAnswersAsWhole checks that unsc built with -tags front answers
// every command line as the whole program does, byte for byte on both
// streams and with the same exit status: the questions it answers itself
// from a record's image file or the record built into unsc, and what it
// hands over (other commands, help, a record without its image file, a file
// that is not a record); and that it answers the questions itself where it
// can, with no whole program beside it.
func TestFrontAnswersAsWhole(t *testing.T) {
	front := buildFront(t, true)
	whole := filepath.Join(filepath.Dir(front), wholeName)
	alone := buildFront(t, false)

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
			t.Errorf("unsc %q: the front answered\nexit %d, stdout %q, stderr %q\nthe whole program\nexit %d, stdout %q, stderr %q",
				line, code, short(out), short(errOut), wantCode, short(wantOut), short(wantErr))
		}
	}

	// With no whole program to hand over to, the questions are still
	// answered (the front answers them itself); what it would hand over
	// says what to build.
	for _, q := range questions[:8] {
		line := append([]string{"--db", db}, q...)
		wantCode, wantOut, wantErr := runProgram(t, whole, "", line...)
		code, out, errOut := runProgram(t, alone, "", line...)
		if code != wantCode || out != wantOut || errOut != wantErr {
			t.Errorf("unsc %q with no unsc-full beside it: exit %d, stdout %q, stderr %q; want exit %d, stdout %q, stderr %q",
				line, code, short(out), short(errOut), wantCode, short(wantOut), short(wantErr))
		}
	}
	code, out, errOut := runProgram(t, alone, "", "--db", noImage, "show", "S/RES/446 (1979)")
	// The command it gives builds unsc-full where the front looks for it,
	// run in the checkout (not in the front's folder, which has no ./cmd/unsc).
	build := "`go build -o " + shellQuote(filepath.Join(filepath.Dir(alone), wholeName)) + " ./cmd/unsc`"
	if code != 1 || out != "" || !strings.Contains(errOut, build) {
		t.Errorf("a record without its image file and no unsc-full: exit %d, stdout %q, stderr %q; want exit 1 and how to build unsc-full, %s", code, out, errOut, build)
	}
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
	front := buildFront(t, false)
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
