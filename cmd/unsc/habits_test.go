package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"unsc/internal/shareddata"
)

func TestHelp(t *testing.T) {
	code, out, errOut := runUnsc(t, "", "help")
	if code != 0 || errOut != "" {
		t.Fatalf("help exit %d, stderr %q", code, errOut)
	}
	for _, c := range commands {
		if !strings.Contains(out, "  "+c.name+" ") {
			t.Errorf("help does not list %s", c.name)
		}
	}
	// Every command's usage, by `help CMD`, `CMD -h` and `CMD --help`, on
	// standard output.
	for _, c := range commands {
		code, out, errOut := runUnsc(t, "", "help", c.name)
		if code != 0 || errOut != "" || !strings.HasPrefix(out, "Usage: unsc "+c.name) {
			t.Errorf("help %s exit %d, stdout %q, stderr %q; want its usage on stdout", c.name, code, firstLine(out), errOut)
		}
		// Every flag the usage lists under "Flags:" is in its first line,
		// which the README's headings copy.
		usage := firstLine(out)
		if _, flags, ok := strings.Cut(out, "\nFlags:\n"); ok {
			for _, l := range strings.Split(flags, "\n") {
				name, _, _ := strings.Cut(strings.TrimPrefix(l, "  "), " ")
				if !strings.HasPrefix(l, "  -") {
					continue
				}
				short := strings.TrimPrefix(name, "-") // -v, printed --v
				if !strings.Contains(usage, "["+name) && !strings.Contains(usage, "["+short) && !strings.Contains(usage, "|"+name) && !strings.Contains(usage, " "+name) {
					t.Errorf("help %s: the usage line %q does not name its flag %s", c.name, usage, name)
				}
			}
		}
		for _, h := range []string{"-h", "--help"} {
			if c.name == "help" {
				continue
			}
			code2, out2, errOut2 := runUnsc(t, "", c.name, h)
			if code2 != 0 || errOut2 != "" || out2 != out {
				t.Errorf("%s %s exit %d, stderr %q; want the usage `help %s` prints", c.name, h, code2, errOut2, c.name)
			}
		}
	}
	code, out, _ = runUnsc(t, "", "help", "vetoes")
	for _, want := range []string{"--member MEMBER", "--count", "--from DATE", "--db PATH"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("help vetoes does not show %q:\n%s", want, out)
		}
	}
	if code, _, errOut := runUnsc(t, "", "help", "nonsense"); code != 2 || !strings.Contains(errOut, `"nonsense"`) {
		t.Errorf("help nonsense exit %d, %q; want 2 naming it", code, errOut)
	}
	// A bad flag is a usage error that says where the usage is.
	code, out, errOut = runUnsc(t, "", "vetoes", "--bogus")
	if code != 2 || out != "" || !strings.Contains(errOut, "-bogus") || !strings.Contains(errOut, "unsc help vetoes") {
		t.Errorf("vetoes --bogus exit %d, stdout %q, stderr %q; want 2, the flag named and the way to the usage", code, out, errOut)
	}
}

// TestGlobalFlagsAnywhere checks that --db is taken before or after the
// command, in any of its spellings, and that naming a record does not
// create it.
func TestGlobalFlagsAnywhere(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "none", "unsc.db")
	for _, args := range [][]string{
		{"--db", db, "version", "--json"},
		{"version", "--db", db, "--json"},
		{"version", "--json", "--db=" + db},
		{"-db", db, "version", "--json"},
	} {
		code, out, errOut := runUnsc(t, "", args...)
		var v Version
		if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil {
			t.Fatalf("unsc %q exit %d (%s): %v", args, code, errOut, err)
		}
		if v.Record.Path != db || v.Record.Exists {
			t.Errorf("unsc %q: record %+v, want %s, not there", args, v.Record, db)
		}
	}
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Errorf("version created %s (%v): reading must not create a record", filepath.Dir(db), err)
	}
	if code, _, errOut := runUnsc(t, "", "council", "2024-03-25", "--db"); code != 2 || !strings.Contains(errOut, "--db") {
		t.Errorf("council DATE --db (no path) exit %d, %q; want 2 naming --db", code, errOut)
	}
	// After "--", --db is an argument.
	if code, _, errOut := runUnsc(t, "", "show", "--", "--db"); code != 2 || !strings.Contains(errOut, "SYMBOL") {
		t.Errorf("show -- --db exit %d, %q; want --db read as a symbol, and refused", code, errOut)
	}
}

func TestVersion(t *testing.T) {
	code, out, errOut := runUnsc(t, "", "--db", filepath.Join(t.TempDir(), "x.db"), "version")
	if code != 0 || !strings.HasPrefix(out, "unsc ") || !strings.Contains(out, "go: "+runtime.Version()) || !strings.Contains(out, "record: none at ") {
		t.Errorf("version exit %d (%s):\n%s\nwant the version, Go's version and no record", code, errOut, out)
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"council", "2024-02-30"}, "February 2024 has 29 days"},
		{[]string{"council", "2023-13-01"}, "no month 13"},
		{[]string{"council", "25/03/2024"}, "want a date as YYYY-MM-DD"},
		{[]string{"vetoes", "--count", "--to", "2023-02-29"}, "--to: \"2023-02-29\": no such date: February 2023 has 28 days"},
		{[]string{"trends", "--from", "2024-04-31"}, "April 2024 has 30 days"},
		{[]string{"decide"}, "February 2024 has 29 days"},
	}
	for _, tt := range tests {
		stdin := ""
		if tt.args[0] == "decide" {
			stdin = `{"date": "2024-02-30", "votes": {}}`
		}
		code, _, errOut := runUnsc(t, stdin, tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("unsc %q exit %d, stderr %q; want 2 saying %q", tt.args, code, errOut, tt.want)
		}
	}
}

// TestControlCharacters checks that text from a ballot reaches a terminal
// with its control characters escaped, and that JSON stays JSON that means
// the same.
func TestControlCharacters(t *testing.T) {
	evil := "A\x1b[31mB\u202eC\u009bD"
	name, _ := json.Marshal(evil)
	ballot := `{"date": "2022-11-04", "matter": "icj-election", "seats": 1,
		"candidates": [{"name": ` + string(name) + `, "votes": 13}, {"name": "Kohen", "votes": 2}]}`
	code, out, errOut := runUnsc(t, ballot, "decide")
	if code != 0 {
		t.Fatalf("decide exit %d: %s", code, errOut)
	}
	for _, raw := range []string{"\x1b", "\u202e", "\u009b"} {
		if strings.Contains(out, raw) {
			t.Errorf("decide printed %q raw:\n%q", raw, out)
		}
	}
	if !strings.Contains(out, `A\u001b[31mB\u202eC\u009bD`) {
		t.Errorf("decide output %q, want the name with its controls escaped", out)
	}
	code, out, _ = runUnsc(t, ballot, "decide", "--json")
	var got struct {
		Elected []string `json:"elected"`
	}
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil || len(got.Elected) != 1 || got.Elected[0] != evil {
		t.Errorf("decide --json exit %d, %v: elected %q, want %q", code, err, got.Elected, evil)
	}
	if strings.ContainsAny(out, "\x1b\u202e\u009b") {
		t.Errorf("decide --json printed a control character raw: %q", out)
	}
}

func TestEscaper(t *testing.T) {
	tests := []struct {
		writes []string
		want   string
	}{
		{[]string{"plain\ttext\n"}, "plain\ttext\n"},
		{[]string{"Côte d'Ivoire"}, "Côte d'Ivoire"},
		{[]string{"C\xc3", "\xb4te"}, "Côte"}, // a rune cut between two writes
		{[]string{"a\x1b[2Jb"}, `a\u001b[2Jb`},
		{[]string{"\r\x07\x7f"}, `\u000d\u0007\u007f`},
		{[]string{"x\u2066y\u200f"}, `x\u2066y\u200f`},
		{[]string{"bad \xff byte"}, `bad \xff byte`},
		{[]string{"cut \xe2\x80"}, `cut \xe2\x80`}, // cut at the very end
	}
	for _, tt := range tests {
		var b bytes.Buffer
		e := newEscaper(&b)
		for _, w := range tt.writes {
			if n, err := e.Write([]byte(w)); n != len(w) || err != nil {
				t.Errorf("Write(%q) = %d, %v", w, n, err)
			}
		}
		if err := e.Flush(); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("escaped %q = %q, want %q", tt.writes, b.String(), tt.want)
		}
	}
}

// TestProgress checks that work shows its progress on a terminal, erases
// it when done, and shows nothing elsewhere.
func TestProgress(t *testing.T) {
	dppa := shareddata.Path(t, "dppa-sc-membership", "DPPA-SCMembership.csv")
	code, _, errOut := runUnsc(t, "", "--db", filepath.Join(t.TempDir(), "a.db"), "import", "--no-built-in", dppa)
	if code != 0 || strings.ContainsAny(errOut, "\r\x1b") {
		t.Errorf("import to a buffer exit %d, stderr %q: want no progress where stderr is not a terminal", code, errOut)
	}
	terminal, progressDelay = func(io.Writer) bool { return true }, 0
	defer func() { terminal, progressDelay = isTerminal, defaultProgressDelay }()
	code, _, errOut = runUnsc(t, "", "--db", filepath.Join(t.TempDir(), "b.db"), "import", "--no-built-in", dppa)
	if code != 0 || !strings.Contains(errOut, "\rreading 1 file…\x1b[K") || !strings.HasSuffix(errOut, "\r\x1b[K") {
		t.Errorf("import on a terminal exit %d, stderr %q: want its progress, erased at the end", code, errOut)
	}
}

func TestCasebook(t *testing.T) {
	code, out, errOut := runUnsc(t, "", "casebook", "--json")
	var cases []caseJSON
	if err := json.Unmarshal([]byte(out), &cases); code != 0 || err != nil {
		t.Fatalf("casebook --json exit %d (%s): %v", code, errOut, err)
	}
	if len(cases) != 16 {
		t.Errorf("casebook --json: %d cases, want the 16 of RULES.md §6", len(cases))
	}
	for _, c := range cases {
		if c.Decided.Outcome != c.Official.Outcome {
			t.Errorf("case %d: the engine decides %s, officially %s", c.Number, c.Decided.Outcome, c.Official.Outcome)
		}
	}
	code, out, _ = runUnsc(t, "", "casebook", "13")
	for _, want := range []string{"Case 13: ", "25 March 2024", "Official outcome: adopted", "Under the Charter: Adopted", "In the Council's words: There were 14 votes in favour", "Sources:"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("casebook 13 exit %d, want %q in:\n%s", code, want, out)
		}
	}
	code, out, _ = runUnsc(t, "", "casebook")
	if code != 0 || strings.Count(out, "\n") < 17 || !strings.Contains(out, "The first veto") {
		t.Errorf("casebook exit %d: want a table of the cases:\n%s", code, out)
	}
	for _, bad := range []string{"17", "0", "two"} {
		if code, _, errOut := runUnsc(t, "", "casebook", bad); code != 2 || !strings.Contains(errOut, "CASE") {
			t.Errorf("casebook %s exit %d, %q; want 2 naming CASE", bad, code, errOut)
		}
	}
}

func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, out, errOut := runUnsc(t, "", "completion", shell)
		if code != 0 {
			t.Fatalf("completion %s exit %d: %s", shell, code, errOut)
		}
		if shell == "zsh" && !strings.HasPrefix(out, "#compdef unsc\n") {
			t.Errorf("completion zsh begins %q, want #compdef unsc on its first line, where compinit reads it", firstLine(out))
		}
		for _, want := range []string{"vetoes", "casebook", "member", "count", "no-amendments", "un-list"} {
			if !strings.Contains(out, want) {
				t.Errorf("completion %s does not complete %q", shell, want)
			}
		}
		t.Run(shell, func(t *testing.T) {
			path, err := exec.LookPath(shell)
			if err != nil {
				t.Skipf("%s is not installed here: its script's syntax is not checked", shell)
			}
			script := filepath.Join(t.TempDir(), "unsc."+shell)
			if err := os.WriteFile(script, []byte(out), 0o600); err != nil {
				t.Fatal(err)
			}
			if msg, err := exec.Command(path, "-n", script).CombinedOutput(); err != nil {
				t.Errorf("%s -n: %v\n%s", shell, err, msg)
			}
		})
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed here: completions are not tried")
	}
	code, script, _ := runUnsc(t, "", "completion", "bash")
	if code != 0 {
		t.Fatal("completion bash failed")
	}
	// Completes as bash would, for the words of a command line, the last
	// being completed.
	complete := func(words ...string) string {
		t.Helper()
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = "'" + w + "'"
		}
		cmd := exec.Command("bash", "-c", script+"\nCOMP_WORDS=("+strings.Join(quoted, " ")+"); COMP_CWORD="+itoa(len(words)-1)+"; _unsc; echo \"${COMPREPLY[*]}\"")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("completing %q: %v\n%s", words, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	tests := []struct {
		words []string
		want  string
	}{
		{[]string{"unsc", "vet"}, "vetoes"},
		{[]string{"unsc", "--db", "x.db", "cas"}, "casebook"},
		{[]string{"unsc", "vetoes", "--mem"}, "--member"},
		{[]string{"unsc", "vetoes", "--scope", "un"}, "un-list"},
		{[]string{"unsc", "help", "ag"}, "agreement"},
		{[]string{"unsc", "completion", "f"}, "fish"},
		{[]string{"unsc", "vetoes", "--member", "US"}, "USA"},
		{[]string{"unsc", "member", "ZW"}, "ZWE"},
	}
	for _, tt := range tests {
		if got := complete(tt.words...); got != tt.want {
			t.Errorf("completing %q = %q, want %q", tt.words, got, tt.want)
		}
	}
}
