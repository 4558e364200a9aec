package scvotes_test

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"unsc"
	"unsc/internal/shareddata"
	"unsc/scvotes"
)

func dataPath(tb testing.TB) string {
	tb.Helper()
	return shareddata.Path(tb, "sc-votes-incl-failed-1994-2025", "sc_voting.csv")
}

var (
	realOnce    sync.Once
	realReports []unsc.Report
	realErr     error
)

// parseReal parses the real file once for all tests.
func parseReal(t *testing.T) []unsc.Report {
	t.Helper()
	path := dataPath(t)
	realOnce.Do(func() {
		f, err := os.Open(path)
		if err != nil {
			realErr = err
			return
		}
		defer f.Close()
		realReports, realErr = scvotes.Parse(f, "sc_voting.csv")
	})
	if realErr != nil {
		t.Fatalf("Parse(sc_voting.csv) error: %v", realErr)
	}
	return realReports
}

func find(t *testing.T, reps []unsc.Report, key string) unsc.Report {
	t.Helper()
	for _, r := range reps {
		if r.Key == key {
			return r
		}
	}
	t.Fatalf("no report with key %q", key)
	return unsc.Report{}
}

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// votes builds a position map: every listed code gets its position, and
// the rest of members gets yes.
func votes(yes []unsc.Code, others map[unsc.Code]unsc.Position) map[unsc.Code]unsc.Position {
	m := map[unsc.Code]unsc.Position{}
	for _, c := range yes {
		m[c] = unsc.Yes
	}
	for c, p := range others {
		m[c] = p
	}
	return m
}

func TestParseRealDecisions(t *testing.T) {
	reps := parseReal(t)
	council2024 := []unsc.Code{"CHN", "FRA", "RUS", "GBR", "USA", "DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"}
	council2023 := []unsc.Code{"CHN", "FRA", "RUS", "GBR", "USA", "ALB", "BRA", "ECU", "GAB", "GHA", "JPN", "MLT", "MOZ", "ARE", "CHE"}
	ignore := cmpopts.IgnoreFields(unsc.Report{}, "Note", "Agenda", "Subjects", "Sponsors")
	tests := []unsc.Report{
		{
			Source: unsc.SourceSpreadsheet, Key: "S/PV.9586|S/RES/2728 (2024)|", Ref: "sc_voting.csv:29221",
			Date: date("2024-03-25"), Meeting: "S/PV.9586", Resolution: "S/RES/2728 (2024)", Draft: "S/2024/254",
			Outcome: unsc.Adopted, Tally: unsc.Tally{Yes: 14, Abstain: 1, Known: true},
			Votes: unsc.VotesOf(votes(council2024, map[unsc.Code]unsc.Position{"USA": unsc.Abstain})),
		},
		{
			Source: unsc.SourceSpreadsheet, Key: "S/PV.9586||oral amendment", Ref: "sc_voting.csv:29206",
			Date: date("2024-03-25"), Meeting: "S/PV.9586", Amendment: true, AmendmentTo: "S/2024/254",
			Outcome: unsc.Failed, Tally: unsc.Tally{Yes: 3, No: 1, Abstain: 11, Known: true},
			Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{
				"CHN": unsc.Yes, "RUS": unsc.Yes, "DZA": unsc.Yes, "USA": unsc.No,
				"FRA": unsc.Abstain, "GBR": unsc.Abstain, "ECU": unsc.Abstain, "GUY": unsc.Abstain,
				"JPN": unsc.Abstain, "MLT": unsc.Abstain, "MOZ": unsc.Abstain, "KOR": unsc.Abstain,
				"SLE": unsc.Abstain, "SVN": unsc.Abstain, "CHE": unsc.Abstain,
			}),
		},
		{
			Source: unsc.SourceSpreadsheet, Key: "S/PV.9584|S/2024/239|", Ref: "sc_voting.csv:29191",
			Date: date("2024-03-22"), Meeting: "S/PV.9584", Draft: "S/2024/239",
			Outcome: unsc.Vetoed, Tally: unsc.Tally{Yes: 11, No: 3, Abstain: 1, Known: true},
			Votes: unsc.VotesOf(votes(council2024, map[unsc.Code]unsc.Position{
				"CHN": unsc.No, "RUS": unsc.No, "DZA": unsc.No, "GUY": unsc.Abstain,
			})),
			VetoedBy: []unsc.Code{"CHN", "RUS"},
		},
		{
			Source: unsc.SourceSpreadsheet, Key: "S/PV.9499|S/2023/970|", Ref: "sc_voting.csv:28906",
			Date: date("2023-12-08"), Meeting: "S/PV.9499", Draft: "S/2023/970",
			Outcome: unsc.Vetoed, Tally: unsc.Tally{Yes: 13, No: 1, Abstain: 1, Known: true},
			Votes:    unsc.VotesOf(votes(council2023, map[unsc.Code]unsc.Position{"USA": unsc.No, "GBR": unsc.Abstain})),
			VetoedBy: []unsc.Code{"USA"},
		},
		{
			// The oral amendment of 2023-12-22, vetoed by the United States.
			Source: unsc.SourceSpreadsheet, Key: "S/PV.9520||oral amendment", Ref: "sc_voting.csv:28996",
			Date: date("2023-12-22"), Meeting: "S/PV.9520", Amendment: true, AmendmentTo: "S/2023/1029",
			Outcome: unsc.Vetoed, Tally: unsc.Tally{Yes: 10, No: 1, Abstain: 4, Known: true},
			Votes: unsc.VotesOf(votes(council2023, map[unsc.Code]unsc.Position{
				"USA": unsc.No, "GBR": unsc.Abstain, "ALB": unsc.Abstain, "JPN": unsc.Abstain, "CHE": unsc.Abstain,
			})),
			VetoedBy: []unsc.Code{"USA"},
		},
	}
	for _, want := range tests {
		got := find(t, reps, want.Key)
		if diff := cmp.Diff(want, got, ignore); diff != "" {
			t.Errorf("report %s (-want +got):\n%s", want.Key, diff)
		}
	}
}

func TestParseRealAmendments(t *testing.T) {
	reps := parseReal(t)
	type amendment struct{ Key, Draft, AmendmentTo string }
	var got []amendment
	for _, r := range reps {
		if r.Amendment {
			got = append(got, amendment{r.Key, r.Draft, r.AmendmentTo})
		}
	}
	want := []amendment{
		// "S/2016/239 amendment": the amendment's own symbol.
		{"S/PV.7643|S/2016/239|amendment", "S/2016/239", "S/2016/235"},
		// "S/2020/24 amendment": the symbol is the amended draft's.
		{"S/PV.8700|S/2020/24|amendment", "", "S/2020/24"},
		{"S/PV.9479||oral amendment", "", "S/2023/876"},
		{"S/PV.9520||oral amendment", "", "S/2023/1029"},
		{"S/PV.9527||oral amendment 1", "", "S/2024/37"},
		{"S/PV.9527||oral amendment 2", "", "S/2024/37"},
		{"S/PV.9527||oral amendment 3", "", "S/2024/37"},
		{"S/PV.9586||oral amendment", "", "S/2024/254"},
		{"S/PV.9616|S/2024/323|amendment", "S/2024/323", "S/2024/302"},
		{"S/PV.9771|S/2024/797|amendment", "S/2024/797", "S/2024/796"},
		{"S/PV.9771|S/2024/798|amendment", "S/2024/798", "S/2024/796"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("amendments (-want +got):\n%s", diff)
	}
}

func TestParseRealCounts(t *testing.T) {
	reps := parseReal(t)
	if got, want := len(reps), 1997; got != want {
		t.Errorf("decisions = %d, want %d", got, want)
	}
	counts := map[unsc.Outcome]int{}
	amendments := map[unsc.Outcome]int{}
	keys := map[string]bool{}
	rows := 0
	for _, r := range reps {
		counts[r.Outcome]++
		if r.Amendment {
			amendments[r.Outcome]++
		}
		if keys[r.Key] {
			t.Errorf("key %q used twice", r.Key)
		}
		keys[r.Key] = true
		if r.Source != unsc.SourceSpreadsheet || !strings.HasPrefix(r.Ref, "sc_voting.csv:") {
			t.Errorf("report %s: Source %q, Ref %q", r.Key, r.Source, r.Ref)
		}
		rows += r.Votes.Len()
		if !r.Votes.Known() {
			continue
		}
		// Per decision, the tally is the sum of the positions.
		var y, n, a int
		for _, p := range r.Votes.All() {
			switch p {
			case unsc.Yes:
				y++
			case unsc.No:
				n++
			case unsc.Abstain:
				a++
			}
		}
		if !r.Tally.Known || r.Tally.Yes != y || r.Tally.No != n || r.Tally.Abstain != a {
			t.Errorf("report %s: Tally %+v, positions %d-%d-%d", r.Key, r.Tally, y, n, a)
		}
		if r.Votes.Len() > 15 {
			t.Errorf("report %s: %d positions, want at most 15", r.Key, r.Votes.Len())
		}
	}
	// As SOURCE.md counts them, decisions by the file's outcome. The
	// vetoed and failed counts include amendments: one vetoed (2023-12-22)
	// and nine failed, so drafts proper are 66 vetoed and 36 failed.
	want := map[unsc.Outcome]int{unsc.Adopted: 1646 + 218 + 14 + 7, unsc.Vetoed: 67, unsc.Failed: 45}
	if diff := cmp.Diff(want, counts); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[unsc.Outcome]int{unsc.Vetoed: 1, unsc.Failed: 10}, amendments); diff != "" {
		t.Errorf("amendment outcomes (-want +got):\n%s", diff)
	}
	// 29,929 rows less those not kept as votes: 21 decisions adopted by
	// consensus or acclamation, and the 4 with a member listed twice.
	if got, want := rows, 29929-(13*15+14+7*15)-(16+16+17+15); got != want {
		t.Errorf("positions kept = %d, want %d", got, want)
	}
}

func TestParseRealQuirks(t *testing.T) {
	reps := parseReal(t)
	tests := []struct {
		key        string
		date       string
		resolution string
		draft      string
		votesNil   bool
		modality   unsc.Modality
		note       string // a word the note must contain
	}{
		// Day and month swapped: the date_corrected column's date is
		// kept, with a note giving the file's own.
		{key: "S/PV.3326|S/RES/893 (1994)|", date: "1994-01-06", resolution: "S/RES/893 (1994)", draft: "S/1994/11", note: "1994-06-01"},
		// A member listed twice: positions withheld.
		{key: "S/PV.8389|S/RES/2441 (2018)|", date: "2018-11-05", resolution: "S/RES/2441 (2018)", draft: "S/2018/985", votesNil: true, note: "twice"},
		{key: "S/PV.8890|S/RES/2602 (2021)|", date: "2021-10-29", resolution: "S/RES/2602 (2021)", draft: "S/2021/898", votesNil: true, note: "Tunisia"},
		// Resolution and Draft swapped in the file (2025).
		{key: "S/PV.9928|S/RES/2781 (2025)|", date: "2025-05-30", resolution: "S/RES/2781 (2025)", draft: "S/2025/270", note: "swapped"},
		// Adopted by acclamation: no vote, so no positions.
		{key: "S/PV.3725|S/RES/1090 (1996)|", date: "1996-12-13", resolution: "S/RES/1090 (1996)", votesNil: true, modality: unsc.ByAcclamation, note: "acclamation"},
		// A videoconference: no S/PV record.
		{key: "V104|S/2020/667|#2", date: "2020-07-10", draft: "S/2020/667", note: "V104"},
		// Spelling variants of symbols.
		{key: "S/PV.9872|S/RES/2776 (2025)|", date: "2025-03-03", resolution: "S/RES/2776 (2025)", draft: "S/2025/131"},
		{key: "S/PV.9180|S/2022/821|", date: "2022-11-02", draft: "S/2022/821"},
		{key: "V142|S/RES/2541 (2020)|", date: "2020-08-31", resolution: "S/RES/2541 (2020)", draft: "S/2020/850", note: "V142"},
		// Several symbols in the Draft column.
		{key: "S/PV.7842|S/RES/2329 (2016)|", date: "2016-12-19", resolution: "S/RES/2329 (2016)", draft: "S/2016/1054", note: "latest"},
		// A typo in the Draft column is kept as text, not fixed.
		{key: "S/PV.7681|S/RES/2283 (2016)|", date: "2016-04-28", resolution: "S/RES/2283 (2016)", note: "S/206/381"},
	}
	for _, tt := range tests {
		r := find(t, reps, tt.key)
		if got := r.Date.Format(time.DateOnly); got != tt.date {
			t.Errorf("report %s: Date %s, want %s", tt.key, got, tt.date)
		}
		if r.Resolution != tt.resolution || r.Draft != tt.draft {
			t.Errorf("report %s: Resolution %q Draft %q, want %q %q", tt.key, r.Resolution, r.Draft, tt.resolution, tt.draft)
		}
		if (!r.Votes.Known()) != tt.votesNil || (!r.Votes.Known()) == r.Tally.Known {
			t.Errorf("report %s: Votes %v Tally %+v, want nil votes %v", tt.key, r.Votes, r.Tally, tt.votesNil)
		}
		if r.Modality != tt.modality {
			t.Errorf("report %s: Modality %v, want %v", tt.key, r.Modality, tt.modality)
		}
		if !strings.Contains(r.Note, tt.note) {
			t.Errorf("report %s: Note %q, want it to mention %q", tt.key, r.Note, tt.note)
		}
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
		{"real file", string(real[:4096]), true},
		{"original 15 columns", "Year,\"Date,\",Resolution,Meeting,Draft,Agenda item,Category,Region,Submitted by,Outcome results,Vote,Member State,ID,Membership_Status,Topic\n", true},
		{"dppa", "id,year,security_council_member,last_update\n", false},
		{"undl", "undl_id,date,resolution,draft,meeting,title,yes,no,abstention\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		if got := scvotes.Sniff([]byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

const header = "Year,\"Date,\",Resolution,Meeting,Draft,Outcome results,Vote,Member State,ID,date_iso\n"

func TestParseSmall(t *testing.T) {
	in := header +
		"2024,45376,S/RES/2728(2024),S/PV.9586,S/2024/254,Adopted by majority,Yes,China,1,2024-03-25\n" +
		"2024,45376,S/RES/2728(2024),S/PV.9586,S/2024/254,Adopted by majority,Abstain,United States,1,2024-03-25\n" +
		"2024,45376,,S/PV.9586,Oral amendment,Not adopted - failed to receive required number of votes,No,United States,2,2024-03-25\n"
	got, err := scvotes.Parse(strings.NewReader(in), "t.csv")
	if err != nil {
		t.Fatalf("Parse() error: %v", err)
	}
	want := []unsc.Report{
		{
			Source: unsc.SourceSpreadsheet, Key: "S/PV.9586|S/RES/2728 (2024)|", Ref: "t.csv:2",
			Date: date("2024-03-25"), Meeting: "S/PV.9586", Resolution: "S/RES/2728 (2024)", Draft: "S/2024/254",
			Outcome: unsc.Adopted, Tally: unsc.Tally{Yes: 1, Abstain: 1, Known: true},
			Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"CHN": unsc.Yes, "USA": unsc.Abstain}),
			Note:  "votes: the file lists 2 members; the others are missing (absent or not participating)",
		},
		{
			Source: unsc.SourceSpreadsheet, Key: "S/PV.9586||oral amendment", Ref: "t.csv:4",
			Date: date("2024-03-25"), Meeting: "S/PV.9586", Amendment: true, AmendmentTo: "S/2024/254",
			Outcome: unsc.Failed, Tally: unsc.Tally{No: 1, Known: true},
			Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.No}),
			Note:  "votes: the file lists 1 members; the others are missing (absent or not participating)",
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse() (-want +got):\n%s", diff)
	}
}

func TestParseErrors(t *testing.T) {
	const ok = "2024,45376,S/RES/2728(2024),S/PV.9586,S/2024/254,Adopted by majority,Yes,China,1,2024-03-25\n"
	tests := []struct {
		name  string
		in    string
		field string
	}{
		{"empty file", "", "t.csv:1"},
		{"missing member column", "Resolution,Meeting,Draft,Outcome results,Vote,ID,date_iso\n", "t.csv:1:Member State"},
		{"missing vote column", "Resolution,Meeting,Draft,Outcome results,Member State,ID,date_iso\n", "t.csv:1:Vote"},
		{"missing date columns", "Resolution,Meeting,Draft,Outcome results,Vote,Member State,ID\n", "t.csv:1:date_iso"},
		{"bad date", header + strings.Replace(ok, "2024-03-25", "25/03/2024", 1), "t.csv:2:date_iso"},
		{"unknown vote", header + ok + strings.Replace(strings.Replace(ok, "Yes", "Maybe", 1), "China", "France", 1), "t.csv:3:Vote"},
		{"blank vote", header + strings.Replace(ok, "Yes", "", 1), "t.csv:2:Vote"},
		{"unknown member", header + ok + strings.Replace(ok, "China", "Atlantis", 1), "t.csv:3:Member State"},
		{"member twice", header + ok + ok, "t.csv:3:Member State"},
		{"bad ID", header + strings.Replace(ok, ",1,", ",one,", 1), "t.csv:2:ID"},
		{"unknown outcome", header + strings.Replace(ok, "Adopted by majority", "Postponed", 1), "t.csv:2:Outcome results"},
		{"bad resolution", header + strings.Replace(ok, "S/RES/2728(2024)", "twenty", 1), "t.csv:2:Resolution"},
		{"bad meeting", header + strings.Replace(ok, "S/PV.9586", "PV.x", 1), "t.csv:2:Meeting"},
		{"decision rows disagree", header + ok + strings.Replace(strings.Replace(ok, "S/2024/254", "S/2024/255", 1), "China", "France", 1), "t.csv:3:Draft"},
		{"bare quote", header + "2024,45376,S/RES/2728(2024),S/PV.9586,S/2024/254,Adopted \"by majority,Yes,China,1,2024-03-25\n", "t.csv:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reps, err := scvotes.Parse(strings.NewReader(tt.in), "t.csv")
			var e *unsc.Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse() error = %v, want *unsc.Error", err)
			}
			if e.Code != unsc.EINVALID {
				t.Errorf("Parse() error code = %q, want %q", e.Code, unsc.EINVALID)
			}
			if e.Field != tt.field {
				t.Errorf("Parse() error field = %q, want %q (%v)", e.Field, tt.field, err)
			}
			if reps != nil {
				t.Errorf("Parse() reports = %v, want nil on error", reps)
			}
		})
	}
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile(dataPath(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scvotes.Parse(bytes.NewReader(data), "sc_voting.csv"); err != nil {
			b.Fatal(err)
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
	// Whole decisions, and single rows, from across the file.
	for i := 0; i+15 <= len(lines); i += 1499 {
		f.Add(string(head) + "\n" + strings.Join(lines[i:i+15], "\n") + "\n")
		f.Add(string(head) + "\n" + lines[i] + "\n")
	}
	f.Add(header + "2024,45376,,S/PV.9586,Oral amendment,Not adopted - veto,No,United States,2,2024-03-25\n")
	f.Fuzz(func(t *testing.T, in string) {
		reps, err := scvotes.Parse(strings.NewReader(in), "f.csv")
		if err == nil {
			for _, r := range reps {
				if r.Source != unsc.SourceSpreadsheet || !strings.HasPrefix(r.Ref, "f.csv:") {
					t.Errorf("report %q: Source %q Ref %q", r.Key, r.Source, r.Ref)
				}
				if r.Votes.Known() && r.Tally.Yes+r.Tally.No+r.Tally.Abstain+r.Tally.NonVoting != r.Votes.Len() {
					t.Errorf("report %q: Tally %+v for %d positions", r.Key, r.Tally, r.Votes.Len())
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
		if reps != nil {
			t.Errorf("Parse() returned %d reports with an error", len(reps))
		}
	})
}

func TestParseRepeatedDecision(t *testing.T) {
	row := func(id, outcome, vote string) string {
		return "1995,34836,,3538,S/1995/394," + outcome + "," + vote + ",United States," + id + ",1995-05-17\n"
	}
	in := header +
		row("75", "Adopted unanimously", "No") +
		row("104", "Not adopted - veto", "No") +
		row("105", "Not adopted - veto", "No")
	reps, err := scvotes.Parse(strings.NewReader(in), "t.csv")
	if err != nil {
		t.Fatalf("Parse() error: %v", err)
	}
	var keys []string
	for _, r := range reps {
		keys = append(keys, r.Key)
		if !strings.Contains(r.Note, "more than once") {
			t.Errorf("report %s: Note %q, want it to say the vote is recorded more than once", r.Key, r.Note)
		}
	}
	want := []string{"S/PV.3538|S/1995/394|", "S/PV.3538|S/1995/394|#2", "S/PV.3538|S/1995/394|#3"}
	if diff := cmp.Diff(want, keys); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
}

// The sponsors the file gives (its "Submitted by" column), as codes where
// the sponsor sat on the Council.
func TestParseRealSponsors(t *testing.T) {
	reps := parseReal(t)
	tests := map[string][]string{
		"S/PV.9584|S/2024/239|":        {"USA"},
		"S/PV.9586|S/RES/2728 (2024)|": {"E10"},
		"S/PV.9609|S/2024/312|":        {"DZA", "FRA"},
		"S/PV.9240|S/RES/2673 (2023)|": {"GBR"},
		"S/PV.9283|S/RES/2678 (2023)|": {"JPN", "ARE"},
	}
	for key, want := range tests {
		got := find(t, reps, key)
		if diff := cmp.Diff(want, got.Sponsors); diff != "" {
			t.Errorf("report %s: Sponsors (-want +got):\n%s", key, diff)
		}
	}
	n := 0
	for _, r := range reps {
		if r.Sponsors != nil {
			n++
		}
		for _, s := range r.Sponsors {
			if s == "" || strings.TrimSpace(s) != s || strings.Contains(s, "_x000D_") || strings.ContainsAny(s, ",\n") {
				t.Errorf("report %s: sponsor %q is not one tidied name", r.Key, s)
			}
		}
	}
	// Most decisions name who submitted them; the rest leave the column
	// empty or say "-none-".
	if n < 1500 {
		t.Errorf("%d of %d reports have sponsors, want at least 1500", n, len(reps))
	}
}
