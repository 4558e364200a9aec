package crunsc_test

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"unsc"
	"unsc/crunsc"
	"unsc/internal/shareddata"
)

const (
	votingFile = "UNSC_Record_Voting_2722.csv"
	tableFile  = "UNSC_Record-Table_2722.csv"
)

func parseFile(t *testing.T, name string) []unsc.Report {
	t.Helper()
	f, err := os.Open(shareddata.Path(t, "cr-unsc-links", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	reps, err := crunsc.Parse(f, "cr-unsc-links/"+name)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return reps
}

func TestSniff(t *testing.T) {
	for _, name := range []string{votingFile, tableFile} {
		data, err := os.ReadFile(shareddata.Path(t, "cr-unsc-links", name))
		if err != nil {
			t.Fatal(err)
		}
		if !crunsc.Sniff(data[:4096]) {
			t.Errorf("Sniff(%s) = false, want true", name)
		}
	}
	// That no other file of the shared data passes for this one is
	// checked over every file and format in internal/sourcefiles.
}

// TestRealFiles checks both tables: one row per resolution 1–2722, and
// the records the crosswalk's description names.
func TestRealFiles(t *testing.T) {
	for _, c := range []struct {
		file, kind string
		want       map[string]string
	}{
		{votingFile, "voting:", map[string]string{"1": "280453", "82": "280535", "2334": "853517", "2722": "4033397"}},
		{tableFile, "record:", map[string]string{"1": "111946", "2334": "853446"}},
	} {
		reps := parseFile(t, c.file)
		if len(reps) != 2722 {
			t.Errorf("%s: %d reports, want 2722", c.file, len(reps))
		}
		byNum := map[string]unsc.Report{}
		for _, r := range reps {
			num, ok := strings.CutPrefix(r.Key, c.kind)
			if !ok || r.Source != unsc.SourceCRUNSC || r.Resolution != "S/RES/"+num || !r.Date.IsZero() || r.Outcome != 0 || r.Votes.Known() {
				t.Errorf("%s: report %+v: want a link only, keyed %sN", c.file, r, c.kind)
			}
			if !strings.HasPrefix(r.Note, "https://digitallibrary.un.org/record/") || strings.Contains(r.Note, "?") {
				t.Errorf("%s %s: Note %q, want the record's address without its query", c.file, r.Key, r.Note)
			}
			byNum[num] = r
		}
		for num, id := range c.want {
			if got := byNum[num].Note; got != "https://digitallibrary.un.org/record/"+id {
				t.Errorf("%s: resolution %s → %q, want record %s", c.file, num, got, id)
			}
		}
	}
}

func TestErrors(t *testing.T) {
	const h = "res_no,url_record\n"
	cases := []struct{ name, in, field, msg string }{
		{"empty", "", "f.csv:1", "empty file"},
		{"header", "number,url\n1,https://digitallibrary.un.org/record/1\n", "f.csv:1:header", "res_no,url_record"},
		{"number", h + "x,https://digitallibrary.un.org/record/1\n", "f.csv:2:res_no", "resolution number"},
		{"twice", h + "1,https://digitallibrary.un.org/record/1\n1,https://digitallibrary.un.org/record/2\n", "f.csv:3:res_no", "also on line 2"},
		{"address", h + "1,https://example.org/record/1\n", "f.csv:2:url_record", "digitallibrary.un.org"},
		{"not a record", h + "1,https://digitallibrary.un.org/search?q=1\n", "f.csv:2:url_record", "record/N"},
	}
	for _, c := range cases {
		reps, err := crunsc.Parse(strings.NewReader(c.in), "f.csv")
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
	data, err := os.ReadFile(shareddata.Path(f, "cr-unsc-links", votingFile))
	if err != nil {
		f.Fatal(err)
	}
	head, rest, _ := bytes.Cut(data, []byte("\n"))
	sc := bufio.NewScanner(bytes.NewReader(rest))
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	for i := 0; i+3 <= len(lines); i += 400 {
		f.Add(string(head) + "\n" + strings.Join(lines[i:i+3], "\n") + "\n")
	}
	f.Fuzz(func(t *testing.T, in string) {
		reps, err := crunsc.Parse(strings.NewReader(in), "voting.csv")
		if err != nil {
			var e *unsc.Error
			if !errors.As(err, &e) || e.Code != unsc.EINVALID || !strings.HasPrefix(e.Field, "voting.csv") {
				t.Fatalf("Parse = %v (%T), want an *unsc.Error at voting.csv…", err, err)
			}
			if reps != nil {
				t.Fatalf("%d reports with error %v, want none", len(reps), err)
			}
			return
		}
		for _, r := range reps {
			if !strings.HasPrefix(r.Key, "voting:") || !strings.HasPrefix(r.Note, "https://digitallibrary.un.org/record/") || !strings.HasPrefix(r.Resolution, "S/RES/") {
				t.Fatalf("report %+v: want a voting record link", r)
			}
			if s, kind, err := unsc.NormalizeSymbol(r.Resolution); err != nil || s != r.Resolution || kind != unsc.ResolutionSymbol {
				t.Fatalf("resolution %q is not a canonical symbol", r.Resolution)
			}
		}
	})
}
