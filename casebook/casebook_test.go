package casebook

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/charter"
)

var update = flag.Bool("update", false, "rewrite testdata/explanations.golden from the engine's output")

// tally is a ballot's count as RULES.md §6 gives it, written here by hand
// from the table so that the test checks the data rather than restating
// them. absent counts the Council members the ballot does not list.
type tally struct {
	yes, no, abstain, absent int
}

// ballotKey names a ballot: "2" is case 2's ballot, "2.1" the first ballot
// of its sequel.
type ballotKey string

// want is the independent record of every ballot in the casebook.
var want = map[ballotKey]tally{
	"1":   {9, 1, 0, 1},  // 9 in favour, USSR no; Poland's vote unknown, not listed
	"2":   {8, 2, 1, 0},  // preliminary question 8-2-1
	"2.1": {9, 2, 0, 0},  // S/794 vetoed 9-2-0 (DHL table)
	"3":   {9, 0, 1, 1},  // res 82: 9-0-1, USSR absent
	"4":   {7, 0, 3, 1},  // res 84: 7-0-3, USSR absent
	"5":   {6, 3, 2, 0},  // S/1732: 6-3-2
	"6":   {7, 3, 1, 0},  // res 87: 7-3-1
	"6.1": {9, 1, 1, 0},  // the vote was procedural: 9-1-1
	"7":   {10, 4, 1, 0}, // Myanmar agenda: 10-4-1
	"8":   {14, 0, 1, 0}, // res 2334: 14-0-1
	"9":   {10, 1, 4, 0}, // S/2022/720: 10-1-4
	"10":  {13, 1, 1, 0}, // S/2023/970: 13-1-1
	"11":  {11, 3, 1, 0}, // S/2024/239: 11-3-1
	"12":  {3, 1, 11, 0}, // oral amendment: 3-1-11
	"13":  {14, 0, 1, 0}, // res 2728: 14-0-1
	"14":  {12, 1, 2, 0}, // S/2024/312: 12-1-2
	"15":  {},            // acclamation: no votes
	"16":  {},            // ICJ: secret ballot, candidates below
}

// The dates of RULES.md §6, by case number.
var wantDates = []string{
	1: "1946-02-16", 2: "1948-05-24", 3: "1950-06-25", 4: "1950-07-07",
	5: "1950-09-28", 6: "1950-09-29", 7: "2006-09-15", 8: "2016-12-23",
	9: "2022-09-30", 10: "2023-12-08", 11: "2024-03-22", 12: "2024-03-25",
	13: "2024-03-25", 14: "2024-04-18", 15: "2021-06-08", 16: "2022-11-04",
}

// ballotJSON is the part of the ballot format the tallies need.
type ballotJSON struct {
	Matter     string            `json:"matter"`
	Amendment  bool              `json:"amendment"`
	Modality   string            `json:"modality"`
	Votes      map[string]string `json:"votes"`
	Seats      int               `json:"seats"`
	Candidates []struct {
		Name  string `json:"name"`
		Votes int    `json:"votes"`
	} `json:"candidates"`
}

// testBallot is one ballot of the casebook: a case's own (step 0) or the
// step-th of its sequel.
type testBallot struct {
	key      ballotKey
	c        Case
	step     int
	raw      json.RawMessage
	official Official
}

// ballots lists every ballot of the casebook, in order.
func ballots(cs []Case) []testBallot {
	var out []testBallot
	for _, c := range cs {
		out = append(out, testBallot{ballotKey(fmt.Sprint(c.Number)), c, 0, c.Ballot, c.Official})
		for i, s := range c.Sequel {
			out = append(out, testBallot{ballotKey(fmt.Sprintf("%d.%d", c.Number, i+1)), c, i + 1, s.Ballot, s.Official})
		}
	}
	return out
}

func TestCasesNumbersAndDates(t *testing.T) {
	cs := Cases()
	if len(cs) != 16 {
		t.Fatalf("len(Cases()) = %d, want 16", len(cs))
	}
	for i, c := range cs {
		if c.Number != i+1 {
			t.Errorf("Cases()[%d].Number = %d, want %d", i, c.Number, i+1)
		}
		if got := c.Date.Format("2006-01-02"); got != wantDates[c.Number] {
			t.Errorf("case %d: Date = %s, want %s", c.Number, got, wantDates[c.Number])
		}
		if c.Date.Location() != time.UTC {
			t.Errorf("case %d: Date in %v, want UTC", c.Number, c.Date.Location())
		}
		if c.Title == "" || c.Note == "" || len(c.Sources) == 0 {
			t.Errorf("case %d: title %q, note of %d bytes, %d sources: want all three", c.Number, c.Title, len(c.Note), len(c.Sources))
		}
	}
}

func TestSymbolsCanonical(t *testing.T) {
	for _, c := range Cases() {
		syms := append([]string{}, c.Symbols...)
		if c.Meeting != "" {
			syms = append(syms, c.Meeting)
		}
		for _, s := range c.Sequel {
			syms = append(syms, s.Symbols...)
		}
		for _, s := range syms {
			got, _, err := unsc.NormalizeSymbol(s)
			if err != nil || got != s {
				t.Errorf("case %d: NormalizeSymbol(%q) = %q, %v; want it unchanged", c.Number, s, got, err)
			}
		}
		if c.Meeting != "" {
			if _, kind, _ := unsc.NormalizeSymbol(c.Meeting); kind != unsc.MeetingSymbol {
				t.Errorf("case %d: Meeting %q is not a meeting record symbol", c.Number, c.Meeting)
			}
		}
	}
}

func TestTallies(t *testing.T) {
	seen := map[ballotKey]bool{}
	for _, b := range ballots(Cases()) {
		seen[b.key] = true
		w, ok := want[b.key]
		if !ok {
			t.Errorf("ballot %s: not in the test's table", b.key)
			continue
		}
		var bj ballotJSON
		if err := json.Unmarshal(b.raw, &bj); err != nil {
			t.Fatalf("ballot %s: %v", b.key, err)
		}
		var got tally
		for code, v := range bj.Votes {
			switch v {
			case "Y":
				got.yes++
			case "N":
				got.no++
			case "A":
				got.abstain++
			default:
				t.Errorf("ballot %s: %s votes %q, want Y, N or A in the casebook", b.key, code, v)
			}
		}
		got.absent = w.absent // checked against the Council in TestGolden
		if got != w {
			t.Errorf("ballot %s: yes-no-abstain = %d-%d-%d, want %d-%d-%d", b.key, got.yes, got.no, got.abstain, w.yes, w.no, w.abstain)
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("ballot %s of the test's table is not in the casebook", k)
		}
	}
}

// The two cases without votes, checked for what they have instead.
func TestAcclamationAndICJ(t *testing.T) {
	c15, _ := Lookup(15)
	var b15 ballotJSON
	if err := json.Unmarshal(c15.Ballot, &b15); err != nil {
		t.Fatal(err)
	}
	if b15.Modality != "acclamation" || len(b15.Votes) != 0 {
		t.Errorf("case 15: modality %q with %d votes, want acclamation and none", b15.Modality, len(b15.Votes))
	}

	c16, _ := Lookup(16)
	var b16 ballotJSON
	if err := json.Unmarshal(c16.Ballot, &b16); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, c := range b16.Candidates {
		got[c.Name] = c.Votes
	}
	wantVotes := map[string]int{"Leonardo Nemer Caldeira Brant": 13, "Marcelo Gustavo Kohen": 2, "Paulo Borba Casella": 0}
	if b16.Matter != "icj-election" || b16.Seats != 1 {
		t.Errorf("case 16: matter %q, %d seats; want icj-election, 1", b16.Matter, b16.Seats)
	}
	if diff := cmp.Diff(wantVotes, got); diff != "" {
		t.Errorf("case 16: candidates' votes (-want +got):\n%s", diff)
	}
}

// The matters of RULES.md §6's table.
func TestMatters(t *testing.T) {
	wantMatter := map[ballotKey]string{
		"1": "non-procedural", "2": "preliminary", "2.1": "non-procedural",
		"3": "non-procedural", "4": "non-procedural", "5": "non-procedural",
		"6": "procedural", "6.1": "procedural", "7": "procedural",
		"8": "non-procedural", "9": "non-procedural", "10": "non-procedural",
		"11": "non-procedural", "12": "non-procedural", "13": "non-procedural",
		"14": "non-procedural", "15": "non-procedural", "16": "icj-election",
	}
	for _, b := range ballots(Cases()) {
		var bj ballotJSON
		if err := json.Unmarshal(b.raw, &bj); err != nil {
			t.Fatal(err)
		}
		if bj.Matter != wantMatter[b.key] {
			t.Errorf("ballot %s: matter %q, want %q", b.key, bj.Matter, wantMatter[b.key])
		}
		if bj.Amendment != (b.key == "12") {
			t.Errorf("ballot %s: amendment = %v, want %v", b.key, bj.Amendment, b.key == "12")
		}
	}
}

func TestLookup(t *testing.T) {
	all := Cases()
	for _, n := range []int{1, 8, 16} {
		c, ok := Lookup(n)
		if !ok {
			t.Fatalf("Lookup(%d) not found", n)
		}
		if diff := cmp.Diff(all[n-1], c); diff != "" {
			t.Errorf("Lookup(%d) differs from Cases()[%d] (-Cases +Lookup):\n%s", n, n-1, diff)
		}
	}
	for _, n := range []int{0, -1, 17} {
		if _, ok := Lookup(n); ok {
			t.Errorf("Lookup(%d) found, want none", n)
		}
	}
}

// A caller that changes what it was given must not change the casebook.
func TestCasesReturnsCopies(t *testing.T) {
	a := Cases()
	a[1].Symbols[0] = "changed"
	a[1].Ballot[0] = 'X'
	a[1].Official.VetoedBy[0] = "XXX"
	a[1].Sequel[0].Official.VetoedBy[0] = "XXX"
	a[0].Title = "changed"
	c, _ := Lookup(2)
	c.Sources[0] = "changed"

	b := Cases()
	if b[1].Symbols[0] != "S/794" || b[1].Ballot[0] != '{' || b[1].Official.VetoedBy[0] != "SUN" ||
		b[1].Sequel[0].Official.VetoedBy[0] != "SUN" || b[0].Title == "changed" || b[1].Sources[0] == "changed" {
		t.Errorf("Cases() after changing an earlier result = %+v, want the casebook unchanged", b[1])
	}
}

func TestParseRejects(t *testing.T) {
	valid := `{"number": 1, "date": "2024-03-25", "title": "t", "symbols": ["S/2024/254"], "meeting": "S/PV.9586",
		"ballot": {"date": "2024-03-25", "votes": {"USA": "A"}}, "official": {"outcome": "adopted"}, "note": "n", "sources": ["s"]}`
	if _, err := parse([]byte("[" + valid + "]")); err != nil {
		t.Fatalf("parse(valid) = %v, want no error", err)
	}
	tests := []struct {
		name, old, new string
	}{
		{"number out of order", `"number": 1`, `"number": 2`},
		{"bad date", `"date": "2024-03-25", "title"`, `"date": "25/03/2024", "title"`},
		{"symbol not canonical", `"S/2024/254"`, `"S/2024/0254"`},
		{"symbol not a symbol", `"S/2024/254"`, `"draft 254"`},
		{"meeting not a meeting record", `"S/PV.9586"`, `"S/2024/254"`},
		{"ballot dated otherwise", `{"date": "2024-03-25", "votes"`, `{"date": "2024-03-22", "votes"`},
		{"ballot not an object", `"ballot": {"date": "2024-03-25", "votes": {"USA": "A"}}`, `"ballot": []`},
		{"unknown outcome", `"adopted"`, `"passed"`},
		{"unknown field", `"note": "n"`, `"notes": "n"`},
		{"no title", `"title": "t"`, `"title": ""`},
		{"sequel without title", `"note": "n"`, `"sequel": [{"ballot": {"date": "2024-03-25"}, "official": {"outcome": "failed"}}], "note": "n"`},
	}
	for _, tt := range tests {
		bad := strings.Replace(valid, tt.old, tt.new, 1)
		if bad == valid {
			t.Fatalf("%s: the replacement did not apply", tt.name)
		}
		if _, err := parse([]byte("[" + bad + "]")); err == nil {
			t.Errorf("parse(%s) = no error, want one", tt.name)
		}
	}
}

// TestGolden runs every ballot of the casebook through the rules engine and
// compares the outcome with the one the Council recorded. The engine's
// explanation and statement of each are kept in testdata/explanations.golden.
func TestGolden(t *testing.T) {
	var out strings.Builder
	for _, b := range ballots(Cases()) {
		ballot, err := charter.ParseBallot(b.raw)
		if err != nil {
			t.Errorf("ballot %s: ParseBallot: %v", b.key, err)
			continue
		}
		council, err := charter.CouncilOn(ballot.Date)
		if err != nil {
			t.Errorf("ballot %s: CouncilOn(%s): %v", b.key, ballot.Date.Format("2006-01-02"), err)
			continue
		}
		r, err := charter.Decide(council, ballot)
		if err != nil {
			t.Errorf("ballot %s: Decide: %v", b.key, err)
			continue
		}
		got := Official{Outcome: r.Outcome.String()}
		for _, m := range r.VetoedBy {
			got.VetoedBy = append(got.VetoedBy, string(m.Code))
		}
		if ballot.Matter == unsc.ICJElection {
			got.Elected = r.Elected
		}
		if diff := cmp.Diff(b.official, got); diff != "" {
			t.Errorf("ballot %s (case %d, %s): Decide disagrees with the official outcome (-official +engine):\n%s", b.key, b.c.Number, b.c.Title, diff)
		}
		// Every member of the Council on the date is listed, except those
		// the table says were absent or whose vote is unknown.
		if ballot.Modality == unsc.ByVote && ballot.Matter != unsc.ICJElection {
			w := want[b.key]
			if got := (tally{r.Yes, r.No, r.Abstain, r.Absent}); got != w {
				t.Errorf("ballot %s: Decide counts %+v, want %+v", b.key, got, w)
			}
		}

		fmt.Fprintf(&out, "== %s: %s (%s)\n", b.key, b.c.Title, b.c.Date.Format("2006-01-02"))
		if b.step > 0 {
			fmt.Fprintf(&out, "sequel: %s\n", b.c.Sequel[b.step-1].Title)
		}
		fmt.Fprintf(&out, "explain: %s\nstatement: %s\n\n", charter.Explain(r), charter.Statement(r))
	}

	golden := filepath.Join("testdata", "explanations.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantText, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./casebook -update to create it)", err)
	}
	if diff := cmp.Diff(string(wantText), out.String()); diff != "" {
		t.Errorf("explanations differ from %s (-golden +engine; refresh with -update if intended):\n%s", golden, diff)
	}
}
