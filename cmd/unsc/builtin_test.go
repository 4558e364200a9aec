package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc/embedded"
	"unsc/internal/shareddata"
	"unsc/sqlite"
)

// freshInstall is unsc run as a process of its own (the test binary, run
// as the program by UNSC_TEST_CHILD) for a user with a home of its own and
// nothing else: no record, no $UNSC_DB, no $XDG_DATA_HOME.
type freshInstall struct {
	t    *testing.T
	home string
}

func (f freshInstall) env() []string {
	var env []string
	for _, kv := range os.Environ() {
		switch name, _, _ := strings.Cut(kv, "="); name {
		case "HOME", "XDG_DATA_HOME", "UNSC_DB", "UNSC_SESSIONS":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "UNSC_TEST_CHILD=1", "HOME="+f.home)
}

func (f freshInstall) run(args ...string) (int, string, string) {
	f.t.Helper()
	return f.runInput("", args...)
}

// runInput runs unsc as run does, with stdin on its standard input.
func (f freshInstall) runInput(stdin string, args ...string) (int, string, string) {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = f.env()
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil && cmd.ProcessState == nil {
		f.t.Fatalf("unsc %v: %v", args, err)
	}
	return cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()
}

// serve starts `unsc serve` on a free port, GETs each path and returns
// each answer's status, ETag and body, and what serve said on standard
// error, once stopped as Ctrl-C stops it.
func (f freshInstall) serve(paths []string) ([]string, string) {
	f.t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0")
	cmd.Env = f.env()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		f.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		f.t.Fatal(err)
	}
	defer cmd.Wait()
	defer cmd.Process.Kill()
	var said strings.Builder
	lines := bufio.NewScanner(stderr)
	base := ""
	for base == "" && lines.Scan() {
		said.WriteString(lines.Text() + "\n")
		if addr, ok := strings.CutPrefix(lines.Text(), "listening on "); ok {
			base = addr
		}
	}
	if base == "" {
		f.t.Fatalf("serve printed no address: %s", said.String())
	}
	rest := make(chan string, 1)
	go func() {
		b, _ := io.ReadAll(stderr)
		rest <- string(b)
	}()
	var answers []string
	for _, p := range paths {
		resp, err := http.Get(base + p)
		if err != nil {
			f.t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			f.t.Errorf("GET %s = %d: %s", p, resp.StatusCode, body)
		}
		answers = append(answers, resp.Status+" ETag "+resp.Header.Get("ETag")+"\n"+string(body))
	}
	cmd.Process.Signal(syscall.SIGINT)
	return answers, said.String() + <-rest
}

// files lists the files under the home, as paths inside it.
func (f freshInstall) files() []string {
	var out []string
	filepath.WalkDir(f.home, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(f.home, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

// TestFreshInstall checks that a fresh install answers with no import, from
// the record built into unsc, exactly as it answers after `unsc import` of
// the shared data; that reading makes no file; and that the import makes
// the record built into unsc, to the byte of its image.
func TestFreshInstall(t *testing.T) {
	f := freshInstall{t: t, home: t.TempDir()}
	questions := [][]string{
		{"show", "S/RES/2728 (2024)"},
		{"show", "--json", "S/2024/239"},
		{"vetoes", "--json"},
		{"vetoes", "--count", "--member", "USA", "--to", "2024-03-25"},
		{"decisions", "--csv", "--from", "2024-01-01", "--to", "2024-06-30"},
		{"positions", "--csv", "--from", "2024-03-01", "--to", "2024-03-31"},
		{"member", "--json", "USA"},
		{"agreement", "--json", "--members", "USA,GBR,FRA"},
		{"trends", "--json", "--by", "decade"},
		{"whatif", "--json", "--rules", "no-veto", "--from", "2020-01-01"},
		{"initiative", "--json"},
		{"coverage", "--json"},
		{"check"},
	}
	api := []string{
		"/api/v1/decisions?symbol=S%2FRES%2F2728%20(2024)",
		"/api/v1/vetoes?member=USA",
		"/api/v1/trends",
		"/api/v1/coverage",
	}
	const notice = "answering from the record built into unsc"

	before := map[string]string{}
	for _, q := range questions {
		code, out, errOut := f.run(q...)
		if code != 0 || out == "" {
			t.Fatalf("fresh install: unsc %q = exit %d, stderr %q; want an answer from the record built into unsc", q, code, errOut)
		}
		if strings.Count(errOut, notice) != 1 || !strings.Contains(errOut, "unsc sync") || !strings.Contains(errOut, "unsc import FOLDER") {
			t.Errorf("fresh install: unsc %q said %q on standard error; want once that it answers from the record built into unsc, and how to make a record", q, errOut)
		}
		if strings.Contains(out, "built into") {
			t.Errorf("fresh install: unsc %q wrote the notice on standard output: %q", q, out)
		}
		before[strings.Join(q, " ")] = out
	}
	if files := f.files(); len(files) != 0 {
		t.Errorf("answering on a fresh install made %q; want no file", files)
	}
	served, said := f.serve(api)
	if !strings.Contains(said, notice) {
		t.Errorf("serve on a fresh install said %q; want that it answers from the record built into unsc", said)
	}
	record := filepath.Join(f.home, ".local", "share", "unsc", "unsc.db")
	if _, err := os.Stat(record); err == nil {
		t.Fatalf("serve on a fresh install made the record %s", record)
	}

	code, out, errOut := f.run("import", shareddata.Dir(t))
	if code != 0 || !strings.Contains(errOut, "starts from the record built into unsc") {
		t.Fatalf("import on a fresh install = exit %d, %q, %q; want a new record that starts from the record built into unsc", code, out, errOut)
	}
	// The record the import made is the one built into unsc, to the byte.
	st, err := sqlite.OpenWith(record, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	img, err := st.Image(context.Background())
	st.Close()
	if err != nil || img == nil {
		t.Fatalf("the imported record's image = %v, %v", img, err)
	}
	builtIn, err := embedded.Open()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := builtIn.Image(context.Background())
	if !bytes.Equal(img.Bytes(), want.Bytes()) {
		t.Errorf("the record `unsc import ../shared/data` makes on a fresh install is not the record built into unsc (%d bytes, %d built in): run `go generate ./embedded`", len(img.Bytes()), len(want.Bytes()))
	}

	for _, q := range questions {
		code, out, errOut := f.run(q...)
		if code != 0 || strings.Contains(errOut, notice) {
			t.Errorf("after the import: unsc %q = exit %d, stderr %q; want an answer from the record file", q, code, errOut)
		}
		if diff := cmp.Diff(before[strings.Join(q, " ")], out); diff != "" {
			t.Errorf("unsc %q answers otherwise from the record built into unsc and after an import (-built in +imported):\n%s", q, diff)
		}
	}
	again, said := f.serve(api)
	if strings.Contains(said, notice) {
		t.Errorf("serve after the import said %q; want it to read the record file", said)
	}
	if diff := cmp.Diff(served, again); diff != "" {
		t.Errorf("serve answers otherwise from the record built into unsc and after an import (-built in +imported):\n%s", diff)
	}
}
