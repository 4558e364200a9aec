package emilytong_test

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/emilytong"
	"unsc/internal/shareddata"
)

const file = "cleaned_data_unsc.csv"

func dataPath(tb testing.TB) string {
	tb.Helper()
	return shareddata.Path(tb, "emilytong-failed-drafts", file)
}

func parseReal(t *testing.T) emilytong.Result {
	t.Helper()
	f, err := os.Open(dataPath(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := emilytong.ParseAll(f, file)
	if err != nil {
		t.Fatalf("ParseAll(%s): %v", file, err)
	}
	return res
}

const header = `Meeting Number,Voting On,Year,Submitted By,In Favor,Abstain,Against,Note,"For,Abstain,Against",Members,Joint Submission,Lone/None/Multiple For,Lone/None/Multiple Abstain,Lone/None/Multiple Against,Meeting Number: Voting On` + "\n"

func TestSniff(t *testing.T) {
	data, err := os.ReadFile(dataPath(t))
	if err != nil {
		t.Fatal(err)
	}
	if !emilytong.Sniff(data[:min(len(data), 4096)]) {
		t.Errorf("Sniff(%s) = false, want true", file)
	}
	// That no other file of the shared data passes for this one is
	// checked over every file and format in internal/sourcefiles.
}

// TestRealFile checks what the parser makes of the real file: every row
// but the five votes on paragraphs gives a report, and named rows give
// what the meeting records say.
func TestRealFile(t *testing.T) {
	res := parseReal(t)
	if len(res.Reports) != 48 || res.Parts != 5 {
		t.Fatalf("got %d reports and %d votes on parts, want 48 and 5 (53 rows)", len(res.Reports), res.Parts)
	}
	byKey := map[string]unsc.Report{}
	for _, r := range res.Reports {
		if _, dup := byKey[r.Key]; dup {
			t.Errorf("key %q twice", r.Key)
		}
		byKey[r.Key] = r
		if r.Source != unsc.SourceFailedDrafts || !strings.HasPrefix(r.Ref, file+":") || !r.Date.IsZero() || r.Meeting == "" {
			t.Errorf("report %s: source %q ref %q date %v meeting %q", r.Key, r.Source, r.Ref, r.Date, r.Meeting)
		}
	}
	type want struct {
		draft    string
		outcome  unsc.Outcome
		vetoedBy []unsc.Code
		votes    map[unsc.Code]unsc.Position
		note     string
	}
	Y, N, A := unsc.Yes, unsc.No, unsc.Abstain
	cases := map[string]want{
		// The USSR is written "Russian Federation" in 1947; the draft has no symbol.
		"S/PV.174:174th Meeting Draft Resolution": {"", unsc.Failed, nil, map[unsc.Code]unsc.Position{
			"POL": Y, "SUN": Y, "AUS": N, "BEL": N, "BRA": N, "CHN": N, "COL": N, "FRA": N, "SYR": N, "GBR": N, "USA": N}, "voting on: 174th Meeting Draft Resolution"},
		// China is in no vote list, though the file's own count says six in favour.
		"S/PV.386:S/1127": {"S/1127", unsc.Failed, nil, map[unsc.Code]unsc.Position{
			"BEL": Y, "CAN": Y, "FRA": Y, "SYR": Y, "GBR": Y, "ARG": A, "COL": A, "UKR": A, "SUN": A, "USA": A}, "the file counts (6, 5, 0) (for, abstain, against); its lists hold (5, 5, 0)"},
		// A veto: 11 in favour, two against, one of them permanent.
		"S/PV.8105:S/2017/962#2": {"S/2017/962", unsc.Vetoed, []unsc.Code{"RUS"}, map[unsc.Code]unsc.Position{
			"ETH": Y, "FRA": Y, "ITA": Y, "JPN": Y, "KAZ": Y, "SEN": Y, "SWE": Y, "UKR": Y, "GBR": Y, "USA": Y, "URY": Y, "CHN": A, "EGY": A, "BOL": N, "RUS": N}, "Negative vote by permanent member prevents adoption"},
		// Three in favour: no veto, whatever the permanent members cast.
		"S/PV.1660:S/10768": {"S/10768", unsc.Failed, nil, map[unsc.Code]unsc.Position{
			"CHN": Y, "GIN": Y, "SDN": Y, "ARG": A, "BEL": A, "FRA": A, "ITA": A, "JPN": A, "PAN": A, "SOM": A, "GBR": A, "USA": A, "IND": N, "SUN": N, "YUG": N}, ""},
		// "Cote d' Ivoire" and "Zaire" in 1990; Yemen after May 1990.
		"S/PV.2939:S/21742/Rev.1": {"S/21742/Rev.1", unsc.Failed, nil, map[unsc.Code]unsc.Position{
			"CHN": Y, "CUB": Y, "YEM": Y, "COL": A, "CIV": A, "ETH": A, "MYS": A, "ROU": A, "SUN": A, "COD": A, "CAN": N, "FIN": N, "FRA": N, "GBR": N, "USA": N}, "in no vote list (absent or not taking part): YMD"},
	}
	for key, w := range cases {
		r, ok := byKey[key]
		if !ok {
			t.Errorf("no report %q", key)
			continue
		}
		if r.Draft != w.draft || r.Outcome != w.outcome {
			t.Errorf("%s: draft %q outcome %v, want %q %v", key, r.Draft, r.Outcome, w.draft, w.outcome)
		}
		if diff := cmp.Diff(w.vetoedBy, r.VetoedBy); diff != "" {
			t.Errorf("%s: VetoedBy (-want +got):\n%s", key, diff)
		}
		if diff := cmp.Diff(w.votes, r.Votes.Map()); diff != "" {
			t.Errorf("%s: Votes (-want +got):\n%s", key, diff)
		}
		if !strings.Contains(r.Note, w.note) {
			t.Errorf("%s: Note %q, want it to say %q", key, r.Note, w.note)
		}
		if r.Sponsors != nil {
			t.Errorf("%s: Sponsors %v, want none (the file's are kept in Note)", key, r.Sponsors)
		}
	}
}

func TestErrors(t *testing.T) {
	row := func(meeting, on, year, yes, abstain, no string) string {
		return header + meeting + "," + on + "," + year + ",['France']," + yes + "," + abstain + "," + no + ",,,,FALSE,,,,\n"
	}
	cases := []struct{ name, in, field, msg string }{
		{"empty", "", "f.csv:1", "empty file"},
		{"missing column", "Meeting Number,Voting On\n1,S/1\n", "f.csv:1:Year", "missing column"},
		{"bad year", row("381", "S/1076", "19x8", "['France']", "[]", "[]"), "f.csv:2:Year", "year"},
		{"bad meeting", row("S/PV.381", "S/1076", "1948", "['France']", "[]", "[]"), "f.csv:2:Meeting Number", "meeting number"},
		{"unknown member", row("381", "S/1076", "1948", "['Atlantis']", "[]", "[]"), "f.csv:2:In Favor", `"Atlantis"`},
		{"listed twice", row("381", "S/1076", "1948", "['France']", "['France']", "[]"), "f.csv:2:Abstain", "also listed"},
		{"bad list", row("381", "S/1076", "1948", "\"['France', \"", "[]", "[]"), "f.csv:2:In Favor", "list"},
		{"no votes", row("381", "S/1076", "1948", "[]", "[]", "[]"), "f.csv:2:In Favor", "no member"},
		{"short row", header + "381,S/1076\n", "f.csv:2:row", "fields"},
	}
	for _, c := range cases {
		reps, err := emilytong.Parse(strings.NewReader(c.in), "f.csv")
		var e *unsc.Error
		if !errors.As(err, &e) || e.Code != unsc.EINVALID || e.Field != c.field || !strings.Contains(e.Message, c.msg) {
			t.Errorf("%s: Parse = %v, want EINVALID at %s saying %q", c.name, err, c.field, c.msg)
		}
		if reps != nil {
			t.Errorf("%s: %d reports with an error, want none", c.name, len(reps))
		}
	}
}

func FuzzParse(f *testing.F) {
	data, err := os.ReadFile(dataPath(f))
	if err != nil {
		f.Fatal(err)
	}
	head, rest, _ := bytes.Cut(data, []byte("\n"))
	sc := bufio.NewScanner(bytes.NewReader(rest))
	sc.Buffer(nil, 1<<20)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	for i := 0; i < len(lines); i += 7 {
		f.Add(string(head) + "\n" + lines[i] + "\n")
	}
	f.Add(string(data))
	f.Fuzz(func(t *testing.T, in string) {
		reps, err := emilytong.Parse(strings.NewReader(in), "f.csv")
		if err != nil {
			var e *unsc.Error
			if !errors.As(err, &e) || e.Code != unsc.EINVALID || !strings.HasPrefix(e.Field, "f.csv") {
				t.Fatalf("Parse = %v (%T), want an *unsc.Error at f.csv…", err, err)
			}
			if reps != nil {
				t.Fatalf("%d reports with error %v, want none", len(reps), err)
			}
			return
		}
		for _, r := range reps {
			if r.Source != unsc.SourceFailedDrafts || !strings.HasPrefix(r.Ref, "f.csv:") || r.Meeting == "" || r.Votes.Len() == 0 {
				t.Fatalf("report %+v: want source, ref, meeting and votes", r)
			}
			if (r.Outcome == unsc.Vetoed) != (len(r.VetoedBy) > 0) || r.Outcome != unsc.Vetoed && r.Outcome != unsc.Failed {
				t.Fatalf("report %q: outcome %v vetoed by %v", r.Key, r.Outcome, r.VetoedBy)
			}
		}
	})
}
