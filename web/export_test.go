package web_test

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"unsc/form"
	"unsc/web"
)

// TestPositionsExport checks GET /api/v1/positions: one row per decision
// and member, the whole record without a page cap, as JSON or CSV.
func TestPositionsExport(t *testing.T) {
	srv := newServer(t, web.Config{})
	resp, body := get(t, srv.URL+"/api/v1/positions")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("GET positions = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var all web.PositionsAnswer
	decode(t, "positions", body, &all)
	if all.RowCount != len(all.Rows) || all.RowCount < 40000 || all.Decisions < 3000 || all.Note == "" {
		t.Errorf("GET positions: %d rows (row_count %d) from %d decisions, want the whole record: over 40,000 rows, its count and a note",
			len(all.Rows), all.RowCount, all.Decisions)
	}

	resp, body = get(t, srv.URL+"/api/v1/positions?format=csv&from=2024-03-25&to=2024-03-25")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("GET positions as CSV = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Three votes that day: the oral amendment and resolution 2728 at
	// S/PV.9586, and the procedural vote on the agenda at S/PV.9587.
	if strings.Join(rows[0], ",") != strings.Join(form.PositionColumns, ",") || len(rows) != 1+3*15 {
		t.Fatalf("positions of 25 March 2024 as CSV: header %v and %d rows, want %v and 45 (three votes, fifteen members)", rows[0], len(rows)-1, form.PositionColumns)
	}
	found := false
	for _, r := range rows[1:] {
		if r[2] == "S/RES/2728 (2024)" && r[5] == "USA" {
			found = r[8] == "abstain" && r[7] == "true" && r[9] == "adopted"
		}
	}
	if !found {
		t.Errorf("positions of 25 March 2024: the US abstention on resolution 2728 missing")
	}

	// With a member, its rows only; the filters are the decisions search's.
	resp, body = get(t, srv.URL+"/api/v1/positions?member=United%20Kingdom&position=abstain&from=2023-01-01&to=2024-12-31")
	var uk web.PositionsAnswer
	if resp.StatusCode != http.StatusOK || json.Unmarshal(body, &uk) != nil || len(uk.Rows) == 0 {
		t.Fatalf("GET positions of the UK's abstentions = %d: %.200s", resp.StatusCode, body)
	}
	for _, r := range uk.Rows {
		if r.Member != "GBR" || r.Position != "abstain" {
			t.Errorf("UK abstentions: row %+v", r)
		}
	}
	resp, _ = get(t, srv.URL+"/api/v1/positions?position=abstain")
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("GET positions?position without member = %d, want 400", resp.StatusCode)
	}
}
