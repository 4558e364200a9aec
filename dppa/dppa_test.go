package dppa_test

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/dppa"
	"unsc/internal/shareddata"
)

func dataPath(tb testing.TB) string {
	tb.Helper()
	return shareddata.Path(tb, "dppa-sc-membership", "DPPA-SCMembership.csv")
}

func parseFile(t *testing.T) []dppa.Row {
	t.Helper()
	f, err := os.Open(dataPath(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := dppa.Parse(f, "DPPA-SCMembership.csv")
	if err != nil {
		t.Fatalf("Parse(DPPA-SCMembership.csv) error: %v", err)
	}
	return rows
}

func TestParseRealFile(t *testing.T) {
	rows := parseFile(t)
	if got, want := len(rows), 1150; got != want {
		t.Errorf("len(rows) = %d, want %d", got, want)
	}

	perYear := map[int]int{}
	var blank []int
	for i, r := range rows {
		perYear[r.Year]++
		if r.Member == "" {
			blank = append(blank, r.ID)
		}
		if r.ID != i+1 {
			t.Errorf("rows[%d].ID = %d, want %d (ids are consecutive)", i, r.ID, i+1)
		}
		if r.LastUpdate != "2026-07-02" {
			t.Errorf("rows[%d].LastUpdate = %q, want 2026-07-02", i, r.LastUpdate)
		}
	}
	for y := 1946; y <= 2027; y++ {
		want := 15
		if y <= 1965 {
			want = 11 // Art. 23 before the 1965 enlargement
		}
		if perYear[y] != want {
			t.Errorf("members in %d = %d, want %d", y, perYear[y], want)
		}
	}
	if len(perYear) != 2027-1946+1 {
		t.Errorf("years = %d, want %d", len(perYear), 2027-1946+1)
	}
	if diff := cmp.Diff([]int{202, 212, 584, 599, 1003, 1018, 1135, 1148}, blank); diff != "" {
		t.Errorf("ids with blank names (-want +got):\n%s", diff)
	}

	// Spot checks: first row, a Türkiye row (non-ASCII kept), the last row.
	byID := map[int]dppa.Row{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	for _, want := range []dppa.Row{
		{Line: 2, ID: 1, Year: 1946, Member: "Australia", LastUpdate: "2026-07-02"},
		{Line: 203, ID: 202, Year: 1964, Member: "", LastUpdate: "2026-07-02"},
	} {
		if diff := cmp.Diff(want, byID[want.ID]); diff != "" {
			t.Errorf("row id %d (-want +got):\n%s", want.ID, diff)
		}
	}
	turkiye := 0
	for _, r := range rows {
		if r.Member == "Türkiye" {
			turkiye++
		}
	}
	if turkiye != 7 {
		t.Errorf("rows naming Türkiye = %d, want 7", turkiye)
	}
}

func TestSniff(t *testing.T) {
	real, err := os.ReadFile(dataPath(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		head string
		want bool
	}{
		{"real file", string(real[:min(len(real), 4096)]), true},
		{"bom and crlf", "\uFEFFid,year,security_council_member,last_update\r\n1,1946,China,2026-07-02\r\n", true},
		{"quoted header", `"id","year","security_council_member"` + "\n", true},
		{"spreadsheet", `Year,"Date,",Resolution,Meeting,Draft` + "\n", false},
		{"missing member column", "id,year,member\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		if got := dppa.Sniff([]byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestParseSmall(t *testing.T) {
	in := "\uFEFFyear,security_council_member,id\r\n" +
		"1946, China ,3\r\n" +
		"\r\n" +
		"1964,,202\r\n"
	got, err := dppa.Parse(strings.NewReader(in), "t.csv")
	if err != nil {
		t.Fatalf("Parse() error: %v", err)
	}
	want := []dppa.Row{
		{Line: 2, ID: 3, Year: 1946, Member: "China"},
		{Line: 4, ID: 202, Year: 1964},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse() (-want +got):\n%s", diff)
	}
}

func TestParseErrors(t *testing.T) {
	const header = "id,year,security_council_member,last_update\n"
	tests := []struct {
		name  string
		in    string
		field string
	}{
		{"empty file", "", "t.csv:1"},
		{"missing id column", "year,security_council_member\n1946,China\n", "t.csv:1:id"},
		{"missing year column", "id,security_council_member\n1,China\n", "t.csv:1:year"},
		{"missing member column", "id,year\n1,1946\n", "t.csv:1:security_council_member"},
		{"id not a number", header + "1,1946,China,2026-07-02\nx,1946,France,2026-07-02\n", "t.csv:3:id"},
		{"negative id", header + "-1,1946,China,2026-07-02\n", "t.csv:2:id"},
		{"id twice", header + "1,1946,China,2026-07-02\n1,1946,France,2026-07-02\n", "t.csv:3:id"},
		{"year not a number", header + "1,19x6,China,2026-07-02\n", "t.csv:2:year"},
		{"year before the Council", header + "1,1945,China,2026-07-02\n", "t.csv:2:year"},
		{"year too late", header + "1,2101,China,2026-07-02\n", "t.csv:2:year"},
		{"member twice in a year", header + "1,1946,China,\n2,1946,China,\n", "t.csv:3:security_council_member"},
		{"bad last_update", header + "1,1946,China,02/07/2026\n", "t.csv:2:last_update"},
		{"bare quote", header + "1,1946,Ch\"ina,2026-07-02\n", "t.csv:2"},
		{"short row", header + "1\n", "t.csv:2:year"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := dppa.Parse(strings.NewReader(tt.in), "t.csv")
			var e *unsc.Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse() error = %v, want *unsc.Error", err)
			}
			if e.Code != unsc.EINVALID {
				t.Errorf("Parse() error code = %q, want %q", e.Code, unsc.EINVALID)
			}
			if e.Field != tt.field {
				t.Errorf("Parse() error field = %q, want %q", e.Field, tt.field)
			}
			if rows != nil {
				t.Errorf("Parse() rows = %v, want nil on error", rows)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	real, err := os.ReadFile(dataPath(f))
	if err != nil {
		f.Fatal(err)
	}
	header, rest, _ := bytes.Cut(real, []byte("\n"))
	f.Add(string(real))
	sc := bufio.NewScanner(bytes.NewReader(rest))
	for i := 0; sc.Scan(); i++ {
		if i%97 == 0 {
			f.Add(string(header) + "\n" + sc.Text() + "\n")
		}
	}
	f.Add(string(header) + "\n202,1964,,2026-07-02\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, err := dppa.Parse(strings.NewReader(in), "f.csv")
		if err == nil {
			for _, r := range rows {
				if r.Year < 1946 || r.Year > 2100 {
					t.Errorf("Parse() accepted year %d", r.Year)
				}
			}
			return
		}
		var e *unsc.Error
		if !errors.As(err, &e) {
			t.Fatalf("Parse() error %T %v, want *unsc.Error", err, err)
		}
		if !strings.HasPrefix(e.Field, "f.csv") {
			t.Errorf("Parse() error field %q, want it to start with f.csv", e.Field)
		}
		if rows != nil {
			t.Errorf("Parse() returned %d rows with an error", len(rows))
		}
	})
}
