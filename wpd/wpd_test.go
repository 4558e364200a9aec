package wpd_test

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/internal/shareddata"
	"unsc/wpd"
)

const file = "unsc_vetoes_1946_sept2022.csv"

func dataPath(tb testing.TB) string {
	tb.Helper()
	return shareddata.Path(tb, "wpd-vetoes-1946-2022", file)
}

func parseReal(t *testing.T) []unsc.Report {
	t.Helper()
	f, err := os.Open(dataPath(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	reps, err := wpd.Parse(f, file)
	if err != nil {
		t.Fatalf("Parse(%s): %v", file, err)
	}
	return reps
}

func TestSniff(t *testing.T) {
	data, err := os.ReadFile(dataPath(t))
	if err != nil {
		t.Fatal(err)
	}
	if !wpd.Sniff(data[:min(len(data), 4096)]) {
		t.Errorf("Sniff(%s) = false, want true", file)
	}
	// That no other file of the shared data passes for this one is
	// checked over every file and format in internal/sourcefiles.
}

// TestRealFile checks the real list against the counts its description
// gives (member_veto1..3: USSR 90, USA 82, Russia 31, UK 29, China 17,
// France 16) and the rows whose cells are irregular.
func TestRealFile(t *testing.T) {
	reps := parseReal(t)
	if len(reps) != 214 {
		t.Fatalf("got %d reports, want 214", len(reps))
	}
	count := map[unsc.Code]int{}
	keys := map[string]bool{}
	for _, r := range reps {
		if r.Source != unsc.SourceWPDVetoes || r.Outcome != unsc.Vetoed || !strings.HasPrefix(r.Ref, file+":") || len(r.Subjects) == 0 {
			t.Errorf("report %s: source %q outcome %v ref %q subjects %v", r.Key, r.Source, r.Outcome, r.Ref, r.Subjects)
		}
		if keys[r.Key] {
			t.Errorf("key %q twice", r.Key)
		}
		keys[r.Key] = true
		for _, c := range r.VetoedBy {
			count[c]++
		}
	}
	want := map[unsc.Code]int{"SUN": 90, "USA": 82, "RUS": 31, "GBR": 29, "CHN": 17, "FRA": 16}
	if diff := cmp.Diff(want, count); diff != "" {
		t.Errorf("vetoes per member (-want +got):\n%s", diff)
	}
	byRef := map[string]unsc.Report{}
	for _, r := range reps {
		byRef[strings.TrimPrefix(r.Ref, file+":")] = r
		byRef[r.Draft] = r
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	cases := []struct {
		line                 string
		date                 time.Time
		draft, meeting, note string
		vetoedBy             []unsc.Code
		subjects             []string
	}{
		// No draft symbol: the meeting record in the draft column.
		{"3", day("1946-06-18"), "", "S/PV.47", "draft column: S/PV.45", []unsc.Code{"SUN"}, []string{"Spain", "Western Europe"}},
		// "S/471 and S/471/Add.1".
		{"17", day("1947-08-19"), "S/471", "S/PV.188", "draft column: S/471 and S/471/Add.1", []unsc.Code{"SUN"}, nil},
		// The last row: Russia, 8 July 2022, past the library's list.
		{"S/2022/538", day("2022-07-08"), "S/2022/538", "S/PV.9087", "", []unsc.Code{"RUS"}, []string{"Syria", "Middle East"}},
	}
	for _, c := range cases {
		r, ok := byRef[c.line]
		if !ok {
			t.Errorf("no report at line %s", c.line)
			continue
		}
		if !r.Date.Equal(c.date) || r.Draft != c.draft || r.Meeting != c.meeting || !strings.Contains(r.Note, c.note) {
			t.Errorf("line %s: %v %q %q note %q, want %v %q %q note %q", c.line, r.Date.Format(time.DateOnly), r.Draft, r.Meeting, r.Note, c.date.Format(time.DateOnly), c.draft, c.meeting, c.note)
		}
		if diff := cmp.Diff(c.vetoedBy, r.VetoedBy); diff != "" {
			t.Errorf("line %s: VetoedBy (-want +got):\n%s", c.line, diff)
		}
		if c.subjects != nil && !cmp.Equal(c.subjects, r.Subjects) {
			t.Errorf("line %s: Subjects %q, want %q", c.line, r.Subjects, c.subjects)
		}
	}
	// The 2020 vetoes by letter: no meeting, the letters in Note.
	n := 0
	for _, r := range reps {
		if r.Meeting == "" {
			n++
			if !strings.Contains(r.Note, "voted by letter: S/2020/") || r.Date.Year() != 2020 {
				t.Errorf("%s: no meeting, note %q", r.Key, r.Note)
			}
		}
	}
	if n != 3 {
		t.Errorf("%d reports without a meeting, want the 3 vetoes by letter of 2020", n)
	}
}

const header = "year,date,month,draft,meeting_record,agenda_item,crisis_topic,region,member_veto1,member_veto2,member_veto3\n"

func TestErrors(t *testing.T) {
	cases := []struct{ name, in, field, msg string }{
		{"empty", "", "f.csv:1", "empty file"},
		{"missing column", "date,draft\n", "f.csv:1:meeting_record", "missing column"},
		{"bad date", header + "2022,2022-07-08,7,S/2022/538,S/PV.9087,A,B,C,Russia,,\n", "f.csv:2:date", "M/D/YYYY"},
		{"bad member", header + "2022,7/8/2022,7,S/2022/538,S/PV.9087,A,B,C,Ruritania,,\n", "f.csv:2:member_veto1", "Ruritania"},
		{"no member", header + "2022,7/8/2022,7,S/2022/538,S/PV.9087,A,B,C,,,\n", "f.csv:2:member_veto1", "empty"},
		{"no draft", header + "2022,7/8/2022,7,draft,S/PV.9087,A,B,C,Russia,,\n", "f.csv:2:draft", "draft symbol"},
		{"no meeting", header + "2022,7/8/2022,7,S/2022/538,,A,B,C,Russia,,\n", "f.csv:2:meeting_record", "meeting record"},
		{"short row", header + "2022,7/8/2022\n", "f.csv:2:row", "fields"},
	}
	for _, c := range cases {
		reps, err := wpd.Parse(strings.NewReader(c.in), "f.csv")
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
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	for i := 0; i < len(lines); i += 13 {
		f.Add(string(head) + "\n" + lines[i] + "\n")
	}
	f.Add(string(data))
	f.Fuzz(func(t *testing.T, in string) {
		reps, err := wpd.Parse(strings.NewReader(in), "f.csv")
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
			if r.Source != unsc.SourceWPDVetoes || r.Outcome != unsc.Vetoed || len(r.VetoedBy) == 0 || r.Date.IsZero() || !strings.HasPrefix(r.Ref, "f.csv:") {
				t.Fatalf("report %+v: want source, outcome, members, date and ref", r)
			}
		}
	})
}
