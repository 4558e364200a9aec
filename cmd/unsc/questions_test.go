package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"unsc"
	"unsc/analysis"
	"unsc/internal/realrecord"
)

func TestQuestions(t *testing.T) {
	db := importedDB(t)
	run := func(args ...string) (int, string, string) {
		return runUnsc(t, "", append([]string{"--db", db}, args...)...)
	}

	t.Run("fact check", func(t *testing.T) {
		code, out, errOut := run("vetoes", "--member", "USA", "--to", "2024-03-25", "--count", "--json")
		if code != 0 {
			t.Fatalf("vetoes --count exit %d: %s", code, errOut)
		}
		var got struct {
			Counts []struct {
				Name              string `json:"name"`
				Count             int    `json:"count"`
				WithoutAmendments int    `json:"without_amendments"`
			} `json:"counts"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		counts := map[string]int{}
		for _, c := range got.Counts {
			counts[c.Name] = c.Count
		}
		// The library's list gives the US 82 vetoes to 26 May 2022; four
		// more to 25 March 2024, one an amendment; the record adds
		// S/1996/952, which the list omits.
		if counts["member-votes/un-list"] != 86 || counts["member-votes/record"] != 87 {
			t.Errorf("vetoes --member USA --to 2024-03-25 --count = %v, want 86 on the UN list's scope and 87 over the record", counts)
		}
	})

	t.Run("fact check with a claim", func(t *testing.T) {
		// The Independent: "the US has vetoed 89 resolutions since 1945",
		// checked as of 25 March 2024.
		code, out, errOut := run("vetoes", "--member", "United States", "--to", "2024-03-25", "--count", "--claim", "89")
		if code != 0 {
			t.Fatalf("vetoes --count --claim 89 exit %d: %s", code, errOut)
		}
		for _, want := range []string{
			// The period of the vetoed drafts, amendments and preliminary
			// questions the count counts.
			"United States (USA): vetoes from 17 January 1946 to 25 March 2024; amendments are listed in full only from 6 January 1994; preliminary questions: 4 known, no source lists them all.",
			"= 82 on the UN veto list to 26 May 2022 + 4 in the record after it; 1 veto of amendments, 85 without",
			"1996-11-19  S/1996/952  USA",
			"No way of counting in the record gives 89 from 17 January 1946 to 25 March 2024: the counts run from 85 to 87.",
			"under member-votes/record and drafts/record from 20 November 2024 to 3 June 2025",
			"2024-04-18 S/2024/312, 2024-11-20 S/2024/835",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("vetoes --count --claim 89 does not say %q:\n%s", want, out)
			}
		}
		code, out, _ = run("vetoes", "--member", "USA", "--to", "2024-03-25", "--claim", "87", "--json")
		var c struct {
			Period struct {
				To string `json:"to"`
			} `json:"period"`
			Claim struct {
				Matches []string `json:"matches"`
			} `json:"claim"`
		}
		if err := json.Unmarshal([]byte(out), &c); code != 0 || err != nil || c.Period.To != "2024-03-25" || strings.Join(c.Claim.Matches, ",") != "member-votes/record,drafts/record" {
			t.Errorf("vetoes --claim 87 --json exit %d, %v: %+v; want 87 holding under the record's scope", code, err, c)
		}
		code, out, _ = run("vetoes", "--member", "USA", "--to", "2024-03-25", "--claim", "87", "--csv")
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || err != nil || len(rows) != 9 || rows[0][0] != "name" || rows[5][0] != "member-votes/record" || rows[5][8] != "true" {
			t.Errorf("vetoes --claim 87 --csv exit %d, %v: %v; want a row for each way of counting", code, err, rows)
		}
		for _, args := range [][]string{
			{"vetoes", "--claim", "many"},
			{"vetoes", "--claim", "-1"},
			{"vetoes", "--count", "--by", "member"},
			{"vetoes", "--count", "--to", "2020-01-01", "--from", "2021-01-01"},
		} {
			if code, _, errOut := run(args...); code != 2 || errOut == "" {
				t.Errorf("unsc %q exit %d (%q), want 2 with a message", args, code, errOut)
			}
		}
	})

	t.Run("coverage", func(t *testing.T) {
		code, out, errOut := run("coverage", "--json")
		var c struct {
			CompleteTo string `json:"complete_to"`
			Totals     []struct {
				Kind      string `json:"kind"`
				Decisions int    `json:"decisions"`
			} `json:"totals"`
			Sources []struct {
				Source string `json:"source"`
				First  string `json:"first"`
				Last   string `json:"last"`
			} `json:"sources"`
		}
		if err := json.Unmarshal([]byte(out), &c); code != 0 || err != nil {
			t.Fatalf("coverage --json exit %d (%s): %v", code, errOut, err)
		}
		if c.CompleteTo < "2025-06-04" || len(c.Totals) < 5 || c.Totals[len(c.Totals)-1].Kind != "all" || c.Totals[len(c.Totals)-1].Decisions < 3000 || len(c.Sources) < 4 {
			t.Errorf("coverage --json = %+v; want the record complete to at least 4 June 2025, totals by kind, and the sources", c)
		}
		// The spreadsheet covers 6 January 1994 to 4 June 2025: a row of it
		// merged into an older decision (its "425 (2002)" is resolution
		// 1425, not 425 of 1978) would move its first date.
		for _, s := range c.Sources {
			if s.Source == "sc-votes-1994-2025" && (s.First != "1994-01-06" || s.Last != "2025-06-04") {
				t.Errorf("coverage --json: the spreadsheet covers %s to %s, want 1994-01-06 to 2025-06-04", s.First, s.Last)
			}
		}
		code, out, _ = run("coverage")
		for _, want := range []string{"resolution", "vetoed draft", "failed draft", "amendment", "procedural vote", "dhl-vetoes", "The record covers 17 January 1946 to "} {
			if code != 0 || !strings.Contains(out, want) {
				t.Errorf("coverage does not show %q:\n%s", want, out)
			}
		}
		code, out, _ = run("coverage", "--csv")
		if rows, err := csv.NewReader(strings.NewReader(out)).ReadAll(); code != 0 || err != nil || strings.Join(rows[0], ",") != "kind,decade,decisions,positions,count_only,without_vote,unknown,first,last,complete_from,complete_to" {
			t.Errorf("coverage --csv exit %d, %v, header %v", code, err, rows)
		}
		// Each kind's days: the procedural votes have none, and the
		// coverage says how many are known.
		procedural := 0
		for _, d := range realrecord.Decisions(t) {
			if analysis.KindOf(d) == analysis.KindProcedural {
				procedural++
			}
		}
		code, out, _ = run("coverage")
		for _, want := range []string{"COMPLETE TO", "none: " + itoa(procedural) + " known", "procedural votes: " + itoa(procedural) + " known, no source lists them all"} {
			if code != 0 || !strings.Contains(out, want) {
				t.Errorf("coverage does not show %q:\n%s", want, out)
			}
		}
		// Counts name the period the record covers for the kinds they
		// count: a veto count, the vetoed drafts and amendments, both held
		// in full to 31 December 2025 by the curated decisions.
		code, out, _ = run("vetoes", "--member", "USA", "--count", "--to", "2030-01-01")
		if code != 0 || !strings.Contains(out, "(asked to 1 January 2030; the record holds every vetoed draft and amendment only to 31 December 2025)") {
			t.Errorf("vetoes --count --to 2030-01-01 does not name the period covered:\n%s", firstLine(out))
		}
		// A count over the procedural votes claims no day.
		code, out, _ = run("decisions", "--matter", "procedural", "--limit", "1")
		if want := "none of them lists every procedural vote; procedural votes: " + itoa(procedural) + " known, no source lists them all"; code != 0 || !strings.Contains(out, want) {
			t.Errorf("decisions --matter procedural does not say %q:\n%s", want, out)
		}
	})

	t.Run("version", func(t *testing.T) {
		code, out, errOut := run("version", "--json")
		var v Version
		if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil {
			t.Fatalf("version --json exit %d (%s): %v", code, errOut, err)
		}
		ds := realrecord.Decisions(t)
		if !v.Record.Exists || v.Record.CompleteTo < "2025-06-04" || v.Record.Decisions != len(ds) || v.Record.First != ds[0].Date.Format("2006-01-02") || v.Record.Last != ds[len(ds)-1].Date.Format("2006-01-02") {
			t.Errorf("version --json record = %+v, want the %d decisions of the record from %s to %s", v.Record, len(ds), ds[0].Date.Format("2006-01-02"), ds[len(ds)-1].Date.Format("2006-01-02"))
		}
	})

	t.Run("vetoes by member as CSV", func(t *testing.T) {
		code, out, _ := run("vetoes", "--by", "member", "--scope", "un-list", "--to", "2022-05-26", "--csv")
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || err != nil {
			t.Fatalf("vetoes --by member --csv exit %d, %v", code, err)
		}
		got := map[string]string{}
		for _, r := range rows[1:] {
			got[r[0]] = r[1]
		}
		want := map[string]string{"SUN": "90", "USA": "82", "RUS": "30", "GBR": "29", "CHN": "17", "FRA": "17"}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("vetoes by member on the UN list, %s = %q, want %s", k, got[k], v)
			}
		}
		if strings.Join(rows[0], ",") != "member,count,rule,scope,amendments,from,to" || rows[1][3] != "un-list" || rows[1][6] != "2022-05-26" {
			t.Errorf("CSV header %v, first row %v; want member,count and the rule, scope and period with each count", rows[0], rows[1])
		}
	})

	t.Run("decisions the UK abstained on", func(t *testing.T) {
		code, out, _ := run("decisions", "--member", "GBR", "--position", "abstain", "--from", "2023-01-01", "--to", "2024-12-31", "--json")
		var got memberPositionMatches
		if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
			t.Fatalf("decisions exit %d, %v", code, err)
		}
		found := false
		for _, d := range got.Decisions {
			if d.Position != "A" {
				t.Errorf("decision %s: position %q, want A", d.Symbol, d.Position)
			}
			found = found || d.Symbol == "S/2023/970"
		}
		if !found || got.Total != len(got.Decisions) {
			t.Errorf("decisions the UK abstained on in 2023-24 = %+v, want S/2023/970 among them", got)
		}
	})

	// The API's position=absent (GET /api/v1/decisions) is the CLI's
	// --position absent, or -: the USSR absent in 1950, boycotting the
	// Council over the representation of China, on resolution 82 among
	// others.
	t.Run("decisions the USSR was absent from", func(t *testing.T) {
		totals := map[string]int{}
		for _, p := range []string{"absent", "-"} {
			code, out, errOut := run("decisions", "--member", "SUN", "--position", p, "--json")
			var got memberPositionMatches
			if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
				t.Fatalf("decisions --member SUN --position %s exit %d, %v: %s", p, code, err, errOut)
			}
			found := false
			for _, d := range got.Decisions {
				if d.Position != "-" {
					t.Errorf("--position %s: decision %s: position %q, want -", p, d.Symbol, d.Position)
				}
				found = found || d.Symbol == "S/RES/82 (1950)"
			}
			if !found || got.Total != len(got.Decisions) {
				t.Errorf("decisions --member SUN --position %s = %+v, want S/RES/82 (1950) among them", p, got)
			}
			totals[p] = got.Total
		}
		if totals["absent"] != totals["-"] {
			t.Errorf("--position absent finds %d decisions, - %d: want the same", totals["absent"], totals["-"])
		}
	})

	t.Run("positions", func(t *testing.T) {
		code, out, errOut := run("positions", "--csv", "--from", "2024-03-25", "--to", "2024-03-25")
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || err != nil {
			t.Fatalf("positions --csv exit %d, %v: %s", code, err, errOut)
		}
		// Three votes that day: the oral amendment and resolution 2728 at
		// S/PV.9586, and the procedural vote on the agenda at S/PV.9587.
		if rows[0][0] != "date" || len(rows) != 1+3*15 {
			t.Fatalf("positions of 25 March 2024: header %v, %d rows; want 45 (three votes, fifteen members)", rows[0], len(rows)-1)
		}
		// In words, one row is "1 row", from "1 decision".
		code, out, errOut = run("positions", "--member", "GBR", "--from", "2024-03-22", "--to", "2024-03-22")
		if code != 0 || !strings.Contains(out, "\n1 row from 1 decision (0 without per-member votes; 0 in doubt, marked ?).") {
			t.Errorf("positions of the UK on 22 March 2024: exit %d, %q (%s); want \"1 row from 1 decision\"", code, out, errOut)
		}
		// The whole record, without a page cap, as JSON.
		code, out, _ = run("positions", "--json")
		var all struct {
			Rows      []json.RawMessage `json:"rows"`
			RowCount  int               `json:"row_count"`
			Decisions int               `json:"decisions"`
		}
		if err := json.Unmarshal([]byte(out), &all); code != 0 || err != nil || len(all.Rows) != all.RowCount || all.RowCount < 40000 {
			t.Errorf("positions --json exit %d, %v: %d rows, row_count %d; want the whole record, over 40,000 rows", code, err, len(all.Rows), all.RowCount)
		}
		// decisions --csv is not capped either.
		code, out, _ = run("decisions", "--csv")
		if n := strings.Count(out, "\n") - 1; code != 0 || n < 3000 {
			t.Errorf("decisions --csv exit %d, %d rows; want every decision", code, n)
		}
	})

	t.Run("agreement", func(t *testing.T) {
		code, out, _ := run("agreement", "--members", "CHN,SUN+RUS,USA", "--from", "2000-01-01", "--json")
		var m struct {
			Members []string `json:"members"`
			Cells   [][]struct {
				N     int      `json:"n"`
				Share *float64 `json:"share"`
			} `json:"cells"`
		}
		if err := json.Unmarshal([]byte(out), &m); code != 0 || err != nil {
			t.Fatalf("agreement exit %d, %v", code, err)
		}
		chnRus, rusUSA := m.Cells[0][1], m.Cells[1][2]
		if chnRus.N < 1000 || chnRus.Share == nil || rusUSA.Share == nil || *chnRus.Share <= *rusUSA.Share {
			t.Errorf("agreement since 2000: CHN–RUS %+v, RUS–USA %+v; want China and Russia agreeing more often than Russia and the US", chnRus, rusUSA)
		}
	})

	t.Run("member", func(t *testing.T) {
		code, out, _ := run("member", "--json", "SUN+RUS")
		var p struct {
			Vetoes int `json:"vetoes"`
			Terms  []struct {
				Code string `json:"code"`
			} `json:"terms"`
		}
		if err := json.Unmarshal([]byte(out), &p); code != 0 || err != nil {
			t.Fatalf("member exit %d, %v", code, err)
		}
		if p.Vetoes < 120 || len(p.Terms) != 2 {
			t.Errorf("member SUN+RUS = %d vetoes, %d terms; want over 120 vetoes and two terms (USSR, Russia)", p.Vetoes, len(p.Terms))
		}
		if code, _, errOut := run("member", "XYZ"); code != 2 || !strings.Contains(errOut, `"XYZ"`) {
			t.Errorf("member XYZ exit %d, %q; want 2 naming XYZ", code, errOut)
		}
	})

	t.Run("members by any name", func(t *testing.T) {
		countOf := func(member string) string {
			t.Helper()
			code, out, errOut := run("vetoes", "--member", member, "--to", "2024-03-25", "--count", "--json")
			if code != 0 {
				t.Fatalf("vetoes --member %q --count exit %d: %s", member, code, errOut)
			}
			var c struct {
				Member string `json:"member"`
				Counts []struct {
					Count int `json:"count"`
				} `json:"counts"`
			}
			if err := json.Unmarshal([]byte(out), &c); err != nil || len(c.Counts) == 0 {
				t.Fatalf("vetoes --member %q --count --json: %v\n%s", member, err, out)
			}
			return fmt.Sprintf("%s %d", c.Member, c.Counts[0].Count)
		}
		for _, tt := range []struct{ names []string }{
			{[]string{"USA", "usa", "US", "U.S.", "United States", "united states of america"}},
			{[]string{"GBR", "UK", "Britain", "United Kingdom"}},
			{[]string{"RUS", "Russia", "russian federation"}},
			{[]string{"SUN", "USSR", "Soviet Union"}},
			{[]string{"SUN+RUS", "USSR+Russia"}},
		} {
			want := countOf(tt.names[0])
			if strings.HasSuffix(want, " 0") {
				t.Errorf("vetoes --member %s --count = %s, want vetoes", tt.names[0], want)
			}
			for _, name := range tt.names[1:] {
				if got := countOf(name); got != want {
					t.Errorf("vetoes --member %q --count = %s, want %s as for %s", name, got, want, tt.names[0])
				}
			}
		}
		for _, args := range [][]string{
			{"vetoes", "--member", "XYZ", "--count"},
			{"vetoes", "--member", "Untied States"},
			{"decisions", "--member", "Atlantis"},
			{"agreement", "--members", "USA,Narnia"},
			{"member", "Narnia"},
			{"whatif", "--rules", "grant:Narnia"},
		} {
			code, out, errOut := run(args...)
			bad := args[len(args)-1]
			if args[0] == "vetoes" {
				bad = args[2]
			}
			if strings.Contains(bad, "Narnia") {
				bad = "Narnia"
			}
			if code != 2 || out != "" || !strings.Contains(errOut, strconv.Quote(bad)) {
				t.Errorf("unsc %q exit %d, stdout %q, stderr %q; want 2 naming %q", args, code, out, errOut, bad)
			}
		}
		if _, _, errOut := run("vetoes", "--member", "Untied States"); !strings.Contains(errOut, "United States (USA)") {
			t.Errorf("vetoes --member \"Untied States\" stderr %q, want the closest, United States (USA)", errOut)
		}
		code, out, errOut := run("member", "United", "States", "--json")
		var p struct {
			Member string   `json:"member"`
			Names  []string `json:"names"`
		}
		if err := json.Unmarshal([]byte(out), &p); code != 0 || err != nil || p.Member != "USA" {
			t.Errorf("member United States exit %d (%s): %+v, want the United States' profile", code, errOut, p)
		}
		code, out, _ = run("member", "zaire")
		if code != 0 || !strings.HasPrefix(out, "Zaire / Democratic Republic of the Congo (COD)") {
			t.Errorf("member zaire exit %d: %q, want the names at the time", code, firstLine(out))
		}
	})

	t.Run("trends, what-if, initiative", func(t *testing.T) {
		// Trends count every kind: the period says how many procedural
		// votes it holds, which no source lists.
		if code, out, _ := run("trends", "--from", "2024-01-01", "--to", "2024-12-31"); code != 0 || !strings.Contains(out, "\nPeriod: 1 January 2024 to 31 December 2024; procedural votes: ") || !strings.HasSuffix(out, " known, no source lists them all.\n") {
			t.Errorf("trends 2024 exit %d does not name its period:\n%s", code, out)
		}
		code, out, _ := run("trends", "--from", "2024-01-01", "--to", "2024-12-31", "--csv")
		rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || len(rows) != 2 || rows[1][0] != "2024" {
			t.Errorf("trends 2024 --csv exit %d: %v, want one row for 2024", code, rows)
		}
		code, out, _ = run("whatif", "--rules", "no-veto", "--from", "2024-03-22", "--to", "2024-03-22", "--json")
		var w struct {
			Flips []struct {
				Symbol, Before, After string
			} `json:"flips"`
		}
		if err := json.Unmarshal([]byte(out), &w); code != 0 || err != nil || len(w.Flips) != 1 || w.Flips[0].Symbol != "S/2024/239" || w.Flips[0].After != "adopted" {
			t.Errorf("whatif no-veto on 2024-03-22 = %+v (exit %d, %v), want S/2024/239 adopted", w, code, err)
		}
		if code, out, _ := run("initiative"); code != 0 || !strings.Contains(out, "\nPeriod: 26 April 2022 to ") {
			t.Errorf("initiative exit %d does not name its period:\n%s", code, out)
		}
		if code, out, _ := run("decisions", "--text", "korea", "--to", "1950-12-31"); code != 0 || !strings.Contains(out, "\nPeriod: 17 January 1946 to 31 December 1950; amendments are listed in full only from 6 January 1994; procedural votes: ") {
			t.Errorf("decisions --text korea --to 1950-12-31 exit %d does not name its period:\n%s", code, out)
		}
		code, out, _ = run("initiative", "--json")
		var v struct {
			Vetoes []struct {
				Date, Symbol, Deadline string
			} `json:"vetoes"`
		}
		if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil || len(v.Vetoes) == 0 || v.Vetoes[0].Date != "2022-05-26" {
			t.Errorf("initiative = %+v (exit %d, %v), want the vetoes from 26 May 2022", v, code, err)
		}
		// Known rows: an emergency special session stands apart from a
		// debate, each with its meeting record and whether it was in time.
		code, out, _ = run("initiative", "--csv")
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		want := map[string][]string{
			"S/2023/773": {"2023-10-18", "S/2023/773", "USA", "2023-11-01", "emergency special session", "2023-10-26", "A/ES-10/PV.39", "true", "The situation in the Middle East, including the Palestinian question"},
			"S/2024/239": {"2024-03-22", "S/2024/239", "CHN, RUS", "2024-04-08", "debate", "2024-04-08", "A/78/PV.66", "true", "The situation in the Middle East, including the Palestinian question"},
		}
		if code != 0 || err != nil || len(recs) < 21 || strings.Join(recs[0], ",") != "date,symbol,vetoed_by,deadline,assembly,met,meeting_record,in_time,agenda" {
			t.Fatalf("initiative --csv exit %d (%v): %d rows, header %v", code, err, len(recs), recs[0])
		}
		for _, r := range recs[1:] {
			if w, ok := want[r[1]]; ok {
				if !slices.Equal(r, w) {
					t.Errorf("initiative --csv row %v, want %v", r, w)
				}
				delete(want, r[1])
			}
		}
		if len(want) != 0 {
			t.Errorf("initiative --csv lacks the rows of %v", want)
		}
		if code, out, _ := run("initiative"); code != 0 || !strings.Contains(out, "\n20 vetoes: 14 debated by the General Assembly, 6 followed by an emergency special session on the same situation") {
			t.Errorf("initiative exit %d does not count the meetings:\n%s", code, out)
		}
	})

	t.Run("initiative with a calendar of one's own", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "holidays.csv")
		// 27 May to 9 June 2022 all holidays: the deadline for the
		// vetoes of 26 May 2022 moves past them.
		rows := "date,name\n"
		for d := 27; d <= 31; d++ {
			rows += fmt.Sprintf("2022-05-%02d,x\n", d)
		}
		for d := 1; d <= 9; d++ {
			rows += fmt.Sprintf("2022-06-%02d,x\n", d)
		}
		if err := os.WriteFile(path, []byte(rows), 0o600); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := run("initiative", "--holidays", path, "--csv")
		recs, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || len(recs) < 2 || recs[1][0] != "2022-05-26" || recs[1][3] != "2022-06-23" {
			t.Errorf("initiative --holidays exit %d (%s): first row %v, want the 26 May 2022 veto due 2022-06-23", code, errOut, recs[1])
		}
		bad := filepath.Join(t.TempDir(), "bad.csv")
		os.WriteFile(bad, []byte("date,name\n2022-13-01,x\n"), 0o600)
		if code, _, errOut := run("initiative", "--holidays", bad); code != 2 || !strings.Contains(errOut, "bad.csv:2:date") {
			t.Errorf("initiative with a bad holiday exit %d, %q; want 2 naming bad.csv:2:date", code, errOut)
		}
	})

	t.Run("bad input", func(t *testing.T) {
		for _, args := range [][]string{
			{"vetoes", "--json", "--csv"},
			{"decisions", "--position", "A"},
		} {
			if code, _, errOut := run(args...); code != 2 || errOut == "" {
				t.Errorf("unsc %v exit %d (%q), want 2 with a message", args, code, errOut)
			}
		}
		// A bad value is named by the flag that was typed, never by the
		// API's parameter (group_by, rule) the answer is computed from;
		// and a period that ends before it starts is refused by every
		// question, as the API refuses it.
		for _, c := range []struct {
			args []string
			flag string
		}{
			{[]string{"vetoes", "--by", "colour"}, "--by"},
			{[]string{"vetoes", "--rule", "most"}, "--rule"},
			{[]string{"vetoes", "--scope", "everything"}, "--scope"},
			{[]string{"decisions", "--outcome", "won"}, "--outcome"},
			{[]string{"agreement", "--rule", "lenient"}, "--rule"},
			{[]string{"agreement", "--members", "CHN"}, "--members"},
			{[]string{"whatif", "--rules", "anarchy"}, "--rules"},
			{[]string{"initiative", "--calendar", "lunar"}, "--calendar"},
			{[]string{"decisions", "--member", "GBR", "--position", "maybe"}, "--position"},
			{[]string{"trends", "--from", "1/1/2000"}, "--from"},
			{[]string{"vetoes", "--from", "2024-01-01", "--to", "2023-01-01"}, "--to"},
			{[]string{"vetoes", "--by", "member", "--from", "2024-01-01", "--to", "2023-01-01"}, "--to"},
			{[]string{"vetoes", "--count", "--from", "2024-01-01", "--to", "2023-01-01"}, "--to"},
			{[]string{"trends", "--from", "2024-01-01", "--to", "2023-01-01"}, "--to"},
			{[]string{"whatif", "--rules", "no-veto", "--from", "2024-01-01", "--to", "2023-01-01"}, "--to"},
			{[]string{"agreement", "--from", "2024-01-01", "--to", "2023-01-01"}, "--to"},
			{[]string{"decisions", "--from", "2024-01-01", "--to", "2023-01-01"}, "--to"},
		} {
			code, _, errOut := run(c.args...)
			if want := "unsc: " + c.flag + ": "; code != 2 || !strings.HasPrefix(errOut, want) {
				t.Errorf("unsc %v exit %d (%q), want 2 with a message starting %q", c.args, code, errOut, want)
			}
		}
	})
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// TestInterrupted checks that a question interrupted (Ctrl-C cancels the
// context of main) stops, says so in a word, and exits with status 130, as
// shells report a program ended by SIGINT.
func TestInterrupted(t *testing.T) {
	db := importedDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{
		{"whatif", "--rules", "no-veto"},
		{"decisions", "--text", "ceasefire"},
		{"vetoes", "--member", "USA", "--count"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(ctx, append([]string{"--db", db}, args...), strings.NewReader(""), &stdout, &stderr)
		if code != 130 || stdout.Len() != 0 || stderr.String() != "unsc: interrupted\n" {
			t.Errorf("unsc %v, interrupted = exit %d, stdout %q, stderr %q; want 130, nothing, \"unsc: interrupted\"", args, code, stdout.String(), stderr.String())
		}
	}
}

// TestQuestionsInDoubt: a search by position leaves out the decisions on
// which the record holds the member's position in doubt, and says how
// many, as the record's notes count them.
func TestQuestionsInDoubt(t *testing.T) {
	db := importedDB(t)
	for _, member := range []string{"CHN", "USA", "BEN"} {
		want := 0
		for _, d := range realrecord.Decisions(t) {
			if d.Votes.Known() && slices.Contains(d.InDoubt(), unsc.Code(member)) {
				want++
			}
		}
		for _, pos := range []string{"A", "Y"} {
			code, out, errOut := runUnsc(t, "", "--db", db, "decisions", "--member", member, "--position", pos, "--limit", "1000", "--json")
			var got struct {
				InDoubt   int `json:"in_doubt"`
				Decisions []struct {
					Position string `json:"position"`
				} `json:"decisions"`
			}
			if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
				t.Fatalf("decisions --member %s --position %s: exit %d, %v (%s)", member, pos, code, err, errOut)
			}
			if got.InDoubt != want {
				t.Errorf("decisions --member %s --position %s: in_doubt %d, want %d (the record's decisions with its position in doubt)", member, pos, got.InDoubt, want)
			}
			for _, h := range got.Decisions {
				if h.Position != pos {
					t.Errorf("decisions --member %s --position %s holds a decision with position %q", member, pos, h.Position)
				}
			}
		}
	}
}

// TestDecisionCSVAsEncodingCSV: the decisions' CSV, written a line at a
// time by hand, quotes every field as encoding/csv does.
func TestDecisionCSVAsEncodingCSV(t *testing.T) {
	fields := []string{"", "plain", "a,b", `say "no"`, `"`, "line\nbreak", "cr\rhere", " lead", "\tlead", "\u00a0nbsp", "trail ", `\.`, `\.x`, "ü,ß", "\u2028x", "é"}
	// Fields of 32 bytes and more, searched another way: each byte that
	// asks for quotes at the start, in the middle and at the end.
	long := strings.Repeat("Letter dated 1 May 2024 from the ", 2)
	fields = append(fields, long, " "+long, "\u00a0"+long)
	for _, c := range []string{",", `"`, "\n", "\r"} {
		fields = append(fields, c+long, long[:20]+c+long[20:], long+c)
	}
	for _, a := range fields {
		for _, b := range fields {
			var want strings.Builder
			cw := csv.NewWriter(&want)
			cw.Write([]string{a, b})
			cw.Flush()
			got := string(append(appendCSVField(appendCSVField(nil, 0, a), 1, b), '\n'))
			if got != want.String() {
				t.Errorf("fields %q, %q: got %q, encoding/csv writes %q", a, b, got, want.String())
			}
		}
	}
	h := analysis.SearchHit{Date: "2001-02-03", Symbol: "S/RES/1 (2001)", Outcome: "adopted", Matter: "substantive", Modality: "vote",
		Yes: 14, Abstain: 1, CountKnown: true, VotesKnown: true, Position: "A", Score: 1.5, Title: `The "question", again`, Agenda: " x",
		VetoedBy: []unsc.Code{"USA", "RUS"}}
	for _, known := range []bool{true, false} {
		h.CountKnown = known
		yes, no, abstain := "14", "0", "1"
		if !known {
			yes, no, abstain = "", "", ""
		}
		var want strings.Builder
		cw := csv.NewWriter(&want)
		cw.Write([]string{h.Date, h.Symbol, h.Resolution, h.Draft, h.Meeting, h.AmendmentTo, h.Outcome, codeList(h.VetoedBy), h.Matter, h.Modality,
			yes, no, abstain, strconv.FormatBool(h.CountKnown), strconv.FormatBool(h.VotesKnown), h.Position, "1.500", h.Title, h.Agenda})
		cw.Flush()
		if got := string(appendDecisionCSV(nil, h)); got != want.String() {
			t.Errorf("count known %v: got %q, want %q", known, got, want.String())
		}
	}
}

// TestMemberCSVAsTable checks that `unsc member --csv`, written a year at a
// time, is what encoding/csv writes of the rows of the member's table.
func TestMemberCSVAsTable(t *testing.T) {
	third := 1.0 / 3
	one := 1.0
	zero := 0.0
	sided := func(shares ...*float64) []analysis.Sided {
		var ss []analysis.Sided
		for k, s := range shares {
			ss = append(ss, analysis.Sided{Seat: analysis.PermanentSeats[k], N: 3, Share: s})
		}
		return ss
	}
	header := []string{"year", "decisions", "votes_known", "yes", "no", "abstain", "not_participating", "absent", "vetoes", "sided_with_SUN+RUS", "sided with, quoted"}
	for _, p := range []analysis.MemberProfile{
		{},
		{Years: []analysis.MemberYear{
			{Year: 1946, Decisions: 12, VotesKnown: 10, Positions: analysis.PositionCounts{Yes: 7, No: 1, Abstain: 1, NotParticipating: 1, Absent: 2}, Vetoes: 3, Sided: sided(&third, nil)},
			{Year: 2024, Decisions: 0, Sided: sided(&one, &zero)},
			{Year: 2025, Decisions: 1234567, VotesKnown: -1, Sided: nil},
		}},
	} {
		var want, got strings.Builder
		if err := printCSV(&want, header, memberRows(p)); err != nil {
			t.Fatal(err)
		}
		if err := writeMemberCSV(&got, header, p); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d years: got\n%s\nencoding/csv writes\n%s", len(p.Years), got.String(), want.String())
		}
	}
}

// memberPositionMatches is what `decisions --member M --position P --json`
// prints, as far as the tests read it: the matches' total and each match's
// symbol and the member's position on it.
type memberPositionMatches struct {
	Total     int `json:"total"`
	Decisions []struct {
		Symbol   string `json:"symbol"`
		Position string `json:"position"`
	} `json:"decisions"`
}
