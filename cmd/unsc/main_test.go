package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"unsc/web"
)

// runUnsc runs the program in-process and returns its exit status and output.
func runUnsc(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestCouncilJSON(t *testing.T) {
	code, out, errOut := runUnsc(t, "", "council", "--json", "1971-10-25")
	if code != 0 {
		t.Fatalf("council --json 1971-10-25 exit %d: %s", code, errOut)
	}
	var got web.Council
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("council --json output is not JSON: %v\n%s", err, out)
	}
	if got.Date != "1971-10-25" || got.Required != 9 || len(got.Members) != 15 {
		t.Errorf("council 1971-10-25 = date %s, required %d, %d members; want 1971-10-25, 9, 15", got.Date, got.Required, len(got.Members))
	}
	china := got.Members[0]
	if china.Code != "CHN" || !china.Permanent || china.Government != "People's Republic of China" || china.TermEnd != nil {
		t.Errorf("council 1971-10-25 first member = %+v, want CHN, permanent, People's Republic of China, no term end", china)
	}
}

func TestCouncilErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"council", "1946-01-16"}, 2},
		{[]string{"council", "2028-01-01"}, 2},
		{[]string{"council", "25/03/2024"}, 2},
		{[]string{"council"}, 2},
		{[]string{"council", "--bogus", "2024-01-01"}, 2},
		{[]string{"nonsense"}, 2},
	}
	for _, tt := range tests {
		code, _, errOut := runUnsc(t, "", tt.args...)
		if code != tt.code {
			t.Errorf("unsc %v exit %d, want %d (stderr %q)", tt.args, code, tt.code, errOut)
		}
		if errOut == "" {
			t.Errorf("unsc %v printed no error", tt.args)
		}
	}
}

func TestDecideJSON(t *testing.T) {
	ballot := `{"date": "2024-03-25", "matter": "non-procedural",
	  "votes": {"USA":"A","CHN":"Y","RUS":"Y","GBR":"Y","FRA":"Y","DZA":"Y","ECU":"Y","GUY":"Y","JPN":"Y","MLT":"Y","MOZ":"Y","KOR":"Y","SLE":"Y","SVN":"Y","CHE":"Y"}}`
	code, out, errOut := runUnsc(t, ballot, "decide", "--json")
	if code != 0 {
		t.Fatalf("decide --json exit %d: %s", code, errOut)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("decide --json output is not JSON: %v", err)
	}
	want := map[string]any{"outcome": "adopted", "yes": 14.0, "no": 0.0, "abstain": 1.0, "not_participating": 0.0, "absent": 0.0, "required": 9.0, "vetoed_by": []any{}}
	for k, v := range want {
		if diff := cmp.Diff(v, got[k]); diff != "" {
			t.Errorf("decide --json %q mismatch (-want +got):\n%s", k, diff)
		}
	}
	if s, _ := got["statement"].(string); !strings.Contains(s, "has been adopted") {
		t.Errorf("decide --json statement = %q, want the adoption formula", s)
	}
}

func TestDecideFromFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ballot.json")
	if err := os.WriteFile(path, []byte(`{"date":"2022-09-30","votes":{"RUS":"N","CHN":"A","BRA":"A","GAB":"A","IND":"A","USA":"Y","GBR":"Y","FRA":"Y","ALB":"Y","ARE":"Y","GHA":"Y","IRL":"Y","KEN":"Y","MEX":"Y","NOR":"Y"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runUnsc(t, "", "decide", "--file", path)
	if code != 0 {
		t.Fatalf("decide --file exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "a permanent member, the Russian Federation, voted against") {
		t.Errorf("decide --file output = %q, want the Russian veto explained", out)
	}
}

func TestDecideBadInput(t *testing.T) {
	tests := []struct {
		name, ballot, field string
	}{
		{"malformed", `{"date":`, "ballot"},
		{"unknown letter", `{"date":"2024-03-22","votes":{"USA":"Z"}}`, "votes.USA"},
		{"not on the Council", `{"date":"2024-03-22","votes":{"DEU":"Y"}}`, "votes.DEU"},
		{"listed twice", `{"date":"2024-03-22","votes":{"USA":"Y","USA":"N"}}`, "votes.USA"},
		{"before the first meeting", `{"date":"1945-12-31","votes":{}}`, "date"},
		{"after the last composition", `{"date":"2031-01-01","votes":{}}`, "date"},
		{"votes given twice", `{"date":"2024-03-22","votes":{"USA":"N"},"votes":{"USA":"Y"}}`, "votes"},
		{"a key in capitals", `{"date":"2024-03-22","Votes":{"USA":"Y"}}`, "Votes"},
		{"too large", `{"date":"2024-03-22","parties":["` + strings.Repeat("x", 70<<10) + `"]}`, "standard input"},
	}
	for _, tt := range tests {
		code, out, errOut := runUnsc(t, tt.ballot, "decide")
		if code != 2 || out != "" {
			t.Errorf("%s: decide exit %d, stdout %q; want 2 and nothing on stdout", tt.name, code, out)
		}
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if len(lines) != 1 || !strings.HasPrefix(lines[0], "unsc: "+tt.field+": ") {
			t.Errorf("%s: decide stderr = %q, want one line naming %q", tt.name, errOut, tt.field)
		}
		if tt.name == "too large" && !strings.Contains(errOut, "65536 bytes") {
			t.Errorf("%s: decide stderr = %q, want the size limit named", tt.name, errOut)
		}
	}
}

func TestFlagsAfterArguments(t *testing.T) {
	code, out, errOut := runUnsc(t, "", "council", "1971-10-25", "--json")
	if code != 0 || !strings.HasPrefix(out, "{") {
		t.Errorf("council DATE --json exit %d, %q (%s); want JSON", code, out, errOut)
	}
	if code, _, _ := runUnsc(t, "", "council", "1971-10-25", "--bogus"); code != 2 {
		t.Errorf("council DATE --bogus exit %d, want 2", code)
	}
}

func TestMembers(t *testing.T) {
	code, out, errOut := runUnsc(t, "", "members", "--json")
	if code != 0 {
		t.Fatalf("members --json exit %d: %s", code, errOut)
	}
	var states []web.State
	if err := json.Unmarshal([]byte(out), &states); err != nil {
		t.Fatal(err)
	}
	byCode := map[string]web.State{}
	for _, s := range states {
		byCode[string(s.Code)] = s
	}
	cod := byCode["COD"]
	if diff := cmp.Diff([]string{"Zaire", "Democratic Republic of the Congo"}, cod.Names); diff != "" || len(cod.Terms) != 3 || cod.Permanent {
		t.Errorf("members: COD = %+v, want Zaire then the Democratic Republic of the Congo, three elected terms (%s)", cod, diff)
	}
	if bfa := byCode["BFA"]; len(bfa.Terms) != 2 || bfa.Terms[0].Name != "Upper Volta / Burkina Faso" {
		t.Errorf("members: BFA terms = %+v, want the 1984-85 term under both its names, then 2008-09", bfa.Terms)
	}
	for _, c := range []string{"CHN", "FRA", "SUN", "RUS", "GBR", "USA"} {
		if !byCode[c].Permanent {
			t.Errorf("members: %s not permanent", c)
		}
	}
	if len(states) < 130 || states[0].Code != "CHN" {
		t.Errorf("members: %d states, first %s; want every state that sat, China first", len(states), states[0].Code)
	}
	code, out, _ = runUnsc(t, "", "members")
	if code != 0 || !strings.Contains(out, "Zaire / Democratic Republic of the Congo") || !strings.Contains(out, "1982–1983, 1990–1991, 2026–2027") {
		t.Errorf("members exit %d, want a table with COD's names and terms:\n%s", code, out)
	}
}

// writes records each Write, into one stream as 2>&1 makes it, and fails
// every Write once fail is set.
type writes struct {
	calls []string
	fail  error
}

func (w *writes) Write(p []byte) (int, error) {
	if w.fail != nil {
		return 0, w.fail
	}
	w.calls = append(w.calls, string(p))
	return len(p), nil
}

// TestHeldOutput checks that a question's answer is written in one piece,
// after what it wrote to standard error before it and in the same bytes
// as unheld; and that an error writing it is reported.
func TestHeldOutput(t *testing.T) {
	var both writes
	missing := filepath.Join(t.TempDir(), "none.db")
	code := run(context.Background(), []string{"--db", missing, "show", "S/RES/2728 (2024)"}, strings.NewReader(""), &both, &both)
	if code != 0 || len(both.calls) != 2 {
		t.Fatalf("show from the built-in record: exit %d, %d writes, want 0 and 2 (the note, then the answer): %q", code, len(both.calls), both.calls)
	}
	if !strings.HasPrefix(both.calls[0], "unsc: ") || !strings.HasPrefix(both.calls[1], "S/RES/2728 (2024) — adopted") {
		t.Errorf("show: writes %q, want the note on the built-in record, then the answer", both.calls)
	}

	var out, errOut writes
	if code := run(context.Background(), []string{"council", "2024-03-25"}, strings.NewReader(""), &out, &errOut); code != 0 || len(out.calls) != 1 || len(errOut.calls) != 0 {
		t.Fatalf("council: exit %d, %d writes to standard output and %d to standard error, want 0, 1 and 0", code, len(out.calls), len(errOut.calls))
	}
	var unheld bytes.Buffer
	h := &heldOutput{w: &unheld}
	a := &app{stdout: newEscaper(h), stderr: io.Discard}
	if err := runCouncil(context.Background(), a, []string{"2024-03-25"}); err != nil {
		t.Fatal(err)
	}
	if unheld.String() != out.calls[0] {
		t.Errorf("council held:\n%s\nunheld:\n%s", out.calls[0], unheld.String())
	}

	out.fail = errors.New("no space left on device")
	var errs writes
	if code := run(context.Background(), []string{"council", "2024-03-25"}, strings.NewReader(""), &out, &errs); code != 1 || len(errs.calls) != 1 || !strings.Contains(errs.calls[0], "no space left on device") {
		t.Errorf("council to a full disk: exit %d, standard error %q; want 1 and the error", code, errs.calls)
	}
}
