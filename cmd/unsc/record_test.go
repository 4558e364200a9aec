package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"unsc/internal/shareddata"
)

// importedDB imports the whole shared data folder into a new record and
// returns the database path.
func importedDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "unsc.db")
	code, out, errOut := runUnsc(t, "", "--db", db, "import", shareddata.Dir(t))
	if code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "decisions in the record") {
		t.Fatalf("import printed %q, want a summary", out)
	}
	return db
}

func TestImportIsIdempotent(t *testing.T) {
	db := importedDB(t)
	code, out, errOut := runUnsc(t, "", "--db", db, "import", shareddata.Dir(t))
	if code != 0 || !strings.Contains(out, " 0 added, 0 updated") {
		t.Errorf("second import exit %d, printed %q (%s), want nothing added or updated", code, out, errOut)
	}
}

func TestShow(t *testing.T) {
	db := importedDB(t)
	for _, sym := range []string{"S/RES/2728 (2024)", "2728 (2024)", "S/RES/2728(2024)"} {
		code, out, errOut := runUnsc(t, "", "--db", db, "show", "--json", sym)
		if code != 0 {
			t.Fatalf("show %q exit %d: %s", sym, code, errOut)
		}
		var got []struct {
			Date     string            `json:"date"`
			Meeting  string            `json:"meeting"`
			Draft    string            `json:"draft"`
			Outcome  string            `json:"outcome"`
			Votes    map[string]string `json:"votes"`
			VetoedBy []string          `json:"vetoed_by"`
			Sources  []struct {
				Source string `json:"source"`
			} `json:"sources"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("show --json %q: %v", sym, err)
		}
		if len(got) != 1 || got[0].Date != "2024-03-25" || got[0].Meeting != "S/PV.9586" || got[0].Draft != "S/2024/254" ||
			got[0].Outcome != "adopted" || got[0].Votes["USA"] != "A" || got[0].Votes["CHN"] != "Y" || len(got[0].VetoedBy) != 0 {
			t.Errorf("show %q = %+v, want res 2728 adopted on 2024-03-25 at S/PV.9586 with the US abstaining", sym, got)
		}
		var sources []string
		for _, s := range got[0].Sources {
			sources = append(sources, s.Source)
		}
		if !slices.Contains(sources, "undl") || !slices.Contains(sources, "sc-votes-1994-2025") {
			t.Errorf("show %q sources = %v, want the UN Digital Library and the spreadsheet", sym, sources)
		}
	}

	code, out, _ := runUnsc(t, "", "--db", db, "show", "S/2024/239")
	if code != 0 || !strings.Contains(out, "vetoed by China and the Russian Federation") {
		t.Errorf("show S/2024/239 exit %d: %q, want vetoed by China and the Russian Federation", code, out)
	}
	// Sponsors by name, and by code in JSON.
	if !strings.Contains(out, "Sponsors: United States\n") {
		t.Errorf("show S/2024/239: %q, want the line \"Sponsors: United States\"", out)
	}
	// A sponsor that sat on the Council under another name, by its name on
	// the day: Belarus in 2022, not the Byelorussian SSR of 1974-75.
	code, out, _ = runUnsc(t, "", "--db", db, "show", "S/2022/231")
	if code != 0 || !strings.Contains(out, "Belarus") || strings.Contains(out, "Byelorussian") {
		t.Errorf("show S/2022/231 exit %d: %q, want Belarus among the sponsors, by its name in 2022", code, out)
	}
	code, out, _ = runUnsc(t, "", "--db", db, "show", "--json", "S/2024/239")
	var sponsored []struct {
		Sponsors []string `json:"sponsors"`
	}
	if err := json.Unmarshal([]byte(out), &sponsored); code != 0 || err != nil || len(sponsored) != 1 || !slices.Equal(sponsored[0].Sponsors, []string{"USA"}) {
		t.Errorf("show --json S/2024/239 exit %d (%v): %+v, want sponsors [USA]", code, err, sponsored)
	}
	// A meeting: every decision taken at it, the amendment first.
	code, out, _ = runUnsc(t, "", "--db", db, "show", "--json", "S/PV.9586")
	var meeting []struct {
		Symbol    string `json:"symbol"`
		Amendment bool   `json:"amendment"`
		Outcome   string `json:"outcome"`
	}
	if err := json.Unmarshal([]byte(out), &meeting); code != 0 || err != nil {
		t.Fatalf("show S/PV.9586 exit %d, %v", code, err)
	}
	if len(meeting) != 2 || !meeting[0].Amendment || meeting[0].Outcome != "failed" || meeting[1].Symbol != "S/RES/2728 (2024)" {
		t.Errorf("show S/PV.9586 = %+v, want the failed oral amendment, then res 2728", meeting)
	}

	// Every name the record prints is accepted back by show, and names only
	// its own decision: the oral amendment at S/PV.9586, not res 2728.
	code, out, errOut := runUnsc(t, "", "--db", db, "show", "--json", "Oral amendment to S/2024/254")
	meeting = nil
	if err := json.Unmarshal([]byte(out), &meeting); code != 0 || err != nil {
		t.Fatalf("show \"Oral amendment to S/2024/254\" exit %d (%s), %v", code, errOut, err)
	}
	if len(meeting) != 1 || !meeting[0].Amendment || meeting[0].Symbol != "oral amendment to S/2024/254" {
		t.Errorf("show \"Oral amendment to S/2024/254\" = %+v, want only the oral amendment", meeting)
	}
	code, out, _ = runUnsc(t, "", "--db", db, "show", "draft", "at", "S/PV.47")
	if first, _, _ := strings.Cut(out, "\n"); code != 0 || !strings.HasPrefix(first, "draft at S/PV.47 — ") {
		t.Errorf("show draft at S/PV.47 exit %d:\n%s\nwant the draft voted at the 47th meeting", code, out)
	}
	code, _, errOut = runUnsc(t, "", "--db", db, "show", "draft at S/PV.9586")
	if code == 0 || !strings.Contains(errOut, "S/PV.9586 is") {
		t.Errorf("show \"draft at S/PV.9586\" exit %d (%s), want not found, naming the meeting that is", code, errOut)
	}

	// The record's notes: the official count resolves China's position on
	// res 338 (1973); S/10768 (1972) says both that the library counts a
	// veto and that it failed for want of votes; positions in doubt are
	// marked.
	code, out, _ = runUnsc(t, "", "--db", db, "show", "S/RES/338 (1973)")
	if code != 0 || !strings.Contains(out, "Vote: 14 in favour, 0 against, 0 abstaining") || !strings.Contains(out, "Not participating: China") || !strings.Contains(out, "Note (corrected, votes)") {
		t.Errorf("show S/RES/338 (1973) exit %d:\n%s\nwant 14-0-0, China not participating, and the note", code, out)
	}
	code, out, _ = runUnsc(t, "", "--db", db, "show", "S/10768")
	if first, _, _ := strings.Cut(out, "\n"); code != 0 || !strings.Contains(first, "vetoed") || !strings.Contains(first, "failed for want of votes") || !strings.Contains(out, "Note (contradiction, outcome)") {
		t.Errorf("show S/10768 exit %d:\n%s\nwant a heading saying both, and the contradiction noted", code, out)
	}
	// S/1127 (1948): the one decision whose positions the sources leave
	// in doubt (China's, against the official count). The member is
	// listed as not known, never under the position the source gives it
	// ("Absent"), which the official count contradicts.
	code, out, _ = runUnsc(t, "", "--db", db, "show", "S/1127")
	if code != 0 || !regexp.MustCompile(`(?m)^  Not known: +China \(a source gives absent; the official count does not agree\)$`).MatchString(out) || strings.Contains(out, "Absent:") || !strings.Contains(out, "Note (doubt, votes)") {
		t.Errorf("show S/1127 exit %d:\n%s\nwant China listed as not known, not as absent, and the note", code, out)
	}
	var withNotes []struct {
		Notes []struct {
			Kind, Field, Text, Source string
			Members                   []string
		}
	}
	code, out, _ = runUnsc(t, "", "--db", db, "show", "--json", "S/RES/290 (1970)")
	if err := json.Unmarshal([]byte(out), &withNotes); code != 0 || err != nil || len(withNotes) != 1 || len(withNotes[0].Notes) == 0 ||
		withNotes[0].Notes[0].Kind != "corrected" || withNotes[0].Notes[0].Source == "" || len(withNotes[0].Notes[0].Members) == 0 {
		t.Errorf("show --json S/RES/290 (1970) = %s (exit %d, %v), want a corrected note with its source and members", out, code, err)
	}

	code, _, errOut = runUnsc(t, "", "--db", db, "show", "S/RES/9999 (2030)")
	if code != 1 || !strings.Contains(errOut, "not in the record") {
		t.Errorf("show unknown symbol exit %d, stderr %q; want 1 and a clear message", code, errOut)
	}
	code, _, _ = runUnsc(t, "", "--db", db, "show", "A/RES/76/262")
	if code != 2 {
		t.Errorf("show A/RES/76/262 exit %d, want 2 (not a Council symbol)", code)
	}
}

func TestVetoes(t *testing.T) {
	db := importedDB(t)
	code, out, errOut := runUnsc(t, "", "--db", db, "vetoes", "--member", "USA", "--from", "2023-01-01", "--to", "2024-03-25", "--json")
	if code != 0 {
		t.Fatalf("vetoes exit %d: %s", code, errOut)
	}
	got, err := decodeVetoes(out)
	if err != nil {
		t.Fatal(err)
	}
	var drafts []string
	for _, v := range got {
		drafts = append(drafts, fmt.Sprintf("%s %s amendment=%v", v.Date, v.Symbol, v.Amendment))
	}
	want := []string{
		"2023-10-18 S/2023/773 amendment=false",
		"2023-12-08 S/2023/970 amendment=false",
		"2023-12-22 oral amendment to S/2023/1029 amendment=true",
		"2024-02-20 S/2024/173 amendment=false",
	}
	if !slices.Equal(drafts, want) {
		t.Errorf("vetoes --member USA 2023-01-01..2024-03-25 = %q, want %q", drafts, want)
	}

	// The first veto: the USSR, 16 February 1946.
	code, out, _ = runUnsc(t, "", "--db", db, "vetoes", "--to", "1946-02-16", "--json")
	if got, err = decodeVetoes(out); code != 0 || err != nil || len(got) != 1 || got[0].VetoedBy[0] != "SUN" {
		t.Errorf("vetoes --to 1946-02-16 = %+v (exit %d), want the USSR's first veto only", got, code)
	}
	// Codes in any case, and names.
	for _, member := range []string{"usa", "United States"} {
		code, out, _ = runUnsc(t, "", "--db", db, "vetoes", "--member", member, "--from", "2023-01-01", "--to", "2024-03-25", "--json")
		again, err := decodeVetoes(out)
		if code != 0 || err != nil || len(again) != len(want) {
			t.Errorf("vetoes --member %q exit %d: %d vetoes, want %d as for USA", member, code, len(again), len(want))
		}
	}
	code, out, _ = runUnsc(t, "", "--db", db, "vetoes", "--member", "USSR+Russia", "--from", "1991-01-01", "--to", "1994-12-31", "--json")
	if got, err = decodeVetoes(out); code != 0 || err != nil || len(got) != 2 || got[1].Date != "1994-12-02" || got[1].VetoedBy[0] != "RUS" {
		t.Errorf("vetoes --member USSR+Russia 1991-94 = %+v (exit %d), want the Russian Federation's vetoes of 1993 and 1994", got, code)
	}
	// As a table, the list ends with its number and its period.
	code, out, _ = runUnsc(t, "", "--db", db, "vetoes", "--member", "US", "--from", "2023-01-01", "--to", "2024-03-25")
	if !strings.HasSuffix(out, "\n\n4 vetoes cast by United States (USA).\nPeriod: 1 January 2023 to 25 March 2024.\n") {
		t.Errorf("vetoes --member US 2023-01-01..2024-03-25 (exit %d) ends %q, want the number and the period", code, out[max(0, len(out)-120):])
	}
	code, out, _ = runUnsc(t, "", "--db", db, "vetoes", "--to", "1946-12-31")
	if !strings.Contains(out, "\n\n9 vetoed drafts and amendments, each once however many members vetoed it") || !strings.HasSuffix(out, "Period: 17 January 1946 to 31 December 1946; amendments are listed in full only from 6 January 1994; preliminary questions: 1 known, no source lists them all.\n") {
		t.Errorf("vetoes --to 1946-12-31 (exit %d) ends %q, want 9 vetoed drafts, each once, and the period", code, out[max(0, len(out)-200):])
	}
	for _, args := range [][]string{{"--member", "XYZ"}, {"--from", "2024-13-01"}, {"extra"}} {
		if code, _, _ := runUnsc(t, "", append([]string{"--db", db, "vetoes"}, args...)...); code != 2 {
			t.Errorf("vetoes %v exit %d, want 2", args, code)
		}
	}
}

type vetoRow struct {
	Date      string   `json:"date"`
	Symbol    string   `json:"symbol"`
	Amendment bool     `json:"amendment"`
	VetoedBy  []string `json:"vetoed_by"`
}

// decodeVetoes reads the list `unsc vetoes --json` prints, and checks that
// its count is the number listed and that it names its period.
func decodeVetoes(out string) ([]vetoRow, error) {
	var l struct {
		Count  int `json:"count"`
		Period struct {
			From string `json:"from"`
			To   string `json:"to"`
			Text string `json:"text"`
		} `json:"period"`
		Vetoes []vetoRow `json:"vetoes"`
	}
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		return nil, err
	}
	if l.Count != len(l.Vetoes) || l.Period.From == "" || l.Period.To == "" || l.Period.Text == "" {
		return nil, fmt.Errorf("count %d for %d vetoes, period %+v: want the number listed and a period", l.Count, len(l.Vetoes), l.Period)
	}
	return l.Vetoes, nil
}

func TestCheck(t *testing.T) {
	db := importedDB(t)
	code, out, errOut := runUnsc(t, "", "--db", db, "check")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	summary := lines[len(lines)-2]
	if code != 0 || !strings.HasSuffix(summary, " 0 unexplained") || !strings.Contains(summary, " decisions: ") {
		t.Errorf("check exit %d, summary line %q (%s); want 0 and 0 unexplained", code, summary, errOut)
	}
	// The last line measures the official sources against one another.
	if !strings.HasPrefix(last, "Of ") || !strings.Contains(last, "two or more official sources report") || !strings.HasSuffix(last, "on all three") {
		t.Errorf("check: last line %q, want the official sources' agreement", last)
	}

	// --json lists every finding, each corrected with its basis, and the
	// counts add up.
	code, out, errOut = runUnsc(t, "", "--db", db, "check", "--json")
	var got struct {
		Decisions, Agree, Corrected, Unexplained int
		ByKind                                   map[string]map[string]int `json:"by_kind"`
		Official                                 struct {
			Decisions, Count, Date, Meeting, All int
			AllShare                             float64 `json:"all_share"`
		} `json:"official_agreement"`
		Findings []struct {
			Symbol, Kind, Status, Detail, Basis string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
		t.Fatalf("check --json exit %d, %v (%s)", code, err, errOut)
	}
	if got.Decisions < 3100 || got.Agree+got.Corrected+got.Unexplained != got.Decisions || got.Unexplained != 0 {
		t.Errorf("check --json counts %+v, want over 3,100 decisions that add up, none unexplained", got)
	}
	if o := got.Official; o.Decisions < 2500 || o.All > min(o.Count, o.Date, o.Meeting) || o.AllShare < 90 || o.AllShare >= 100 ||
		!strings.Contains(last, fmt.Sprintf("Of %d decisions", o.Decisions)) || !strings.Contains(last, fmt.Sprintf("%.1f%% on all three", o.AllShare)) {
		t.Errorf("check --json official_agreement = %+v, the text %q; want over 2,500 decisions, over 90%% on all three, as the text says", o, last)
	}
	n := 0
	for _, by := range got.ByKind {
		for _, c := range by {
			n += c
		}
	}
	if n != len(got.Findings) || n < got.Corrected {
		t.Errorf("check --json: by_kind counts %d findings, %d listed, %d corrected decisions", n, len(got.Findings), got.Corrected)
	}
	kinds := map[string]bool{}
	for _, f := range got.Findings {
		kinds[f.Kind] = true
		if f.Status != "corrected" || f.Basis == "" || f.Symbol == "" {
			t.Errorf("check --json finding %+v: want corrected, with its basis", f)
			break
		}
	}
	for _, k := range []string{"tally", "positions", "date", "meeting", "modality", "replay", "duplicate"} {
		if !kinds[k] {
			t.Errorf("check --json: no finding of kind %s", k)
		}
	}
}

func TestImportBadFileWritesNothing(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(shareddata.Path(t, "dppa-sc-membership", "DPPA-SCMembership.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a-membership.csv"), good, 0o600); err != nil {
		t.Fatal(err)
	}
	bad := "undl_id,ms_code,ms_name,permanent_member,ms_vote,date,resolution,draft,meeting,description,agenda,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,modality,undl_link\n" +
		"1,USA,UNITED STATES,True,Y,2024-03-25,S/RES/2728(2024),,S/PV.9586,x,,,,14,0,1,0,15,,\n" +
		"1,CHN,CHINA,True,Q,2024-03-25,S/RES/2728(2024),,S/PV.9586,x,,,,14,0,1,0,15,,\n"
	if err := os.WriteFile(filepath.Join(dir, "b-votes.csv"), []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "unsc.db")
	code, _, errOut := runUnsc(t, "", "--db", db, "import", dir)
	if code != 2 || !strings.Contains(errOut, "b-votes.csv:3:ms_vote") {
		t.Errorf("import of a bad file exit %d, stderr %q; want 2 naming b-votes.csv:3:ms_vote", code, errOut)
	}
	if code, _, _ := runUnsc(t, "", "--db", db, "show", "2728 (2024)"); code != 1 {
		t.Errorf("after a failed import, show exit %d, want 1: nothing written", code)
	}
	// Not even the Council's membership, which is unsc's own: the new
	// record is left as it was made, empty.
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, table := range []string{"states", "tenures", "reports", "decisions"} {
		var n int
		if err := conn.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil || n != 0 {
			t.Errorf("after a failed import, %s holds %d rows (%v); want none", table, n, err)
		}
	}
}

// TestSync serves the shared data as the UN's sites do and syncs from it.
func TestSync(t *testing.T) {
	data := shareddata.Dir(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/record/4055387", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><a href="/record/4055387/files/2024_6_30_sc_voting.csv?ln=en">old</a>
			<a href="/record/4055387/files/2025_11_25_sc_voting.csv?ln=en">new</a></body></html>`)
	})
	mux.HandleFunc("/record/4055387/files/2025_11_25_sc_voting.csv", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(data, "undl-sc-votes-crawled", "sc_voting_crawled_undl_layout.csv"))
	})
	mux.HandleFunc("/depts/dhl/resguide/", func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Base(r.URL.Path)
		path := filepath.Join(data, "dhl-sc-meetings-1946-2022", "html", name)
		if _, err := os.Stat(path); err != nil {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, path)
	})
	mux.HandleFunc("/dppa.csv", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(data, "dppa-sc-membership", "DPPA-SCMembership.csv"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	db := filepath.Join(t.TempDir(), "unsc.db")
	args := []string{"--db", db, "sync", "--undl-record", srv.URL + "/record/4055387", "--dhl-base", srv.URL + "/depts/dhl/resguide/", "--dppa", srv.URL + "/dppa.csv"}
	code, out, errOut := runUnsc(t, "", args...)
	if code != 0 || !strings.Contains(out, "decisions in the record") {
		t.Fatalf("sync exit %d, out %q, err %q", code, out, errOut)
	}
	if code, out, _ := runUnsc(t, "", "--db", db, "show", "S/2022/431"); code != 0 || !strings.Contains(out, "vetoed by China and the Russian Federation") {
		t.Errorf("after sync, show S/2022/431 exit %d: %q; want China's and Russia's veto", code, out)
	}
	// The record an older unsc left, holding a curated vote under the key
	// it had before its symbol was found: sync, as import does, replaces
	// the curated reports as a set and says how many it removed.
	storeRenamedCuratedReport(t, db)
	code, out, _ = runUnsc(t, "", args...)
	if code != 0 || !strings.Contains(out, " 0 added, 0 updated") || !strings.Contains(out, ", 1 removed; ") {
		t.Errorf("second sync exit %d, %q; want nothing added or updated, the older curated report removed", code, out)
	}
	// An unreachable file fails the sync and writes nothing more.
	bad := []string{"--db", db, "sync", "--undl-record", srv.URL + "/record/4055387", "--dhl-base", srv.URL + "/depts/dhl/resguide/", "--dppa", srv.URL + "/missing.csv"}
	if code, _, errOut := runUnsc(t, "", bad...); code == 0 || !strings.Contains(errOut, "missing.csv") {
		t.Errorf("sync with a missing file exit %d, stderr %q; want failure naming the file", code, errOut)
	}
}
