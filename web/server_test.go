package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/analysis"
	"unsc/charter"
	"unsc/form"
	"unsc/web"
)

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestVetoesMatchStore checks that /api/v1/vetoes answers the rows `unsc
// vetoes --json` prints: the store's vetoes, as form.NewVeto writes them.
func TestVetoesMatchStore(t *testing.T) {
	srv := newServer(t, web.Config{})
	x := analysis.New(testRecord)
	tests := []struct {
		query  string
		filter unsc.DecisionFilter
	}{
		{"", unsc.DecisionFilter{Vetoed: true}},
		{"member=USA", unsc.DecisionFilter{Vetoed: true, VetoedBy: "USA"}},
		{"member=SUN&to=1991-12-23", unsc.DecisionFilter{Vetoed: true, VetoedBy: "SUN", To: day("1991-12-23")}},
		{"from=2022-04-26", unsc.DecisionFilter{Vetoed: true, From: day("2022-04-26")}},
		{"member=CHN&from=2000-01-01&to=2024-03-25", unsc.DecisionFilter{Vetoed: true, VetoedBy: "CHN", From: day("2000-01-01"), To: day("2024-03-25")}},
		{"member=GBR&from=1990-01-01", unsc.DecisionFilter{Vetoed: true, VetoedBy: "GBR", From: day("1990-01-01")}},
	}
	for _, tt := range tests {
		ds, err := testStore.Decisions(context.Background(), tt.filter)
		if err != nil {
			t.Fatalf("Decisions(%+v): %v", tt.filter, err)
		}
		want := make([]web.Veto, len(ds))
		for i, d := range ds {
			want[i] = form.NewVeto(d)
		}
		resp, body := get(t, srv.URL+"/api/v1/vetoes?"+tt.query)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /api/v1/vetoes?%s = %d, want 200: %s", tt.query, resp.StatusCode, body)
		}
		var got web.VetoList
		decode(t, "vetoes?"+tt.query, body, &got)
		if diff := cmp.Diff(want, got.Vetoes); diff != "" {
			t.Errorf("GET /api/v1/vetoes?%s mismatch with the store (-want +got):\n%s", tt.query, diff)
		}
		// The number and its period, that of the vetoed drafts and
		// amendments, travel with the list.
		from, to := tt.filter.From, tt.filter.To
		if wantPeriod := x.PeriodOf(from, to, analysis.VetoKinds...); got.Count != len(want) || !cmp.Equal(got.Period, wantPeriod) || got.Rule != analysis.RuleDrafts {
			t.Errorf("GET /api/v1/vetoes?%s = count %d, period %+v, rule %q; want %d, %+v, drafts", tt.query, got.Count, got.Period, got.Rule, len(want), wantPeriod)
		}
	}
}

// TestDecisionsBySymbol checks a symbol's decisions against the store's.
func TestDecisionsBySymbol(t *testing.T) {
	srv := newServer(t, web.Config{})
	tests := []struct {
		symbol  string
		outcome string // of the first decision
	}{
		{"S/RES/2728 (2024)", "adopted"},
		{"S/RES/2728(2024)", "adopted"},
		{"2728 (2024)", "adopted"},
		{"S/2024/239", "vetoed"},
		{"S/PV.9584", "vetoed"},
		{"S/RES/82 (1950)", "adopted"},
		{"S/RES/2334", "adopted"},
	}
	for _, tt := range tests {
		ds, err := testStore.Decisions(context.Background(), unsc.DecisionFilter{Symbol: tt.symbol})
		if err != nil {
			t.Fatalf("Decisions(%q): %v", tt.symbol, err)
		}
		want := make([]web.Decision, len(ds))
		for i, d := range ds {
			want[i] = form.NewDecision(d)
		}
		resp, body := get(t, srv.URL+"/api/v1/decisions?symbol="+url.QueryEscape(tt.symbol))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET decisions?symbol=%s = %d, want 200: %s", tt.symbol, resp.StatusCode, body)
		}
		var got []web.Decision
		decode(t, "decisions?symbol="+tt.symbol, body, &got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("GET decisions?symbol=%s mismatch with the store (-want +got):\n%s", tt.symbol, diff)
		}
		if len(got) == 0 || got[0].Outcome != tt.outcome {
			t.Errorf("GET decisions?symbol=%s: first outcome = %v, want %s", tt.symbol, got, tt.outcome)
		}
		if n := resp.Header.Get("X-Total-Count"); n != strconv.Itoa(len(want)) {
			t.Errorf("GET decisions?symbol=%s: X-Total-Count = %q, want %d", tt.symbol, n, len(want))
		}
	}
}

// TestDecisionsSearch checks the search by a member's position, and that
// pages add up to the whole answer.
func TestDecisionsSearch(t *testing.T) {
	srv := newServer(t, web.Config{})
	// Whole decisions (view=full), to read each one's votes.
	base := srv.URL + "/api/v1/decisions?member=USA&position=abstain&from=2016-01-01&to=2024-12-31&limit=1000&view=full"
	resp, body := get(t, base)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s = %d: %s", base, resp.StatusCode, body)
	}
	var all []web.Decision
	decode(t, base, body, &all)
	var symbols []string
	for _, d := range all {
		symbols = append(symbols, d.Symbol)
		if d.Votes["USA"] != "A" || d.Date < "2016-01-01" || d.Date > "2024-12-31" {
			t.Errorf("search found %s (%s, USA %q), want only US abstentions in 2016–2024", d.Symbol, d.Date, d.Votes["USA"])
		}
	}
	for _, want := range []string{"S/RES/2334 (2016)", "S/RES/2728 (2024)"} {
		if !slices.Contains(symbols, want) {
			t.Errorf("search for US abstentions 2016–2024 lacks %s; found %v", want, symbols)
		}
	}
	if n := resp.Header.Get("X-Total-Count"); n != strconv.Itoa(len(all)) {
		t.Errorf("X-Total-Count = %q, want %d", n, len(all))
	}
	// The count's period, beside it: asked to the end of 2024, complete
	// to the last day the record holds every decision of the kinds listed
	// in full.
	p := analysis.New(testRecord).Period(day("2016-01-01"), day("2024-12-31"))
	got := [4]string{resp.Header.Get("X-Period-From"), resp.Header.Get("X-Period-To"), resp.Header.Get("X-Period-Complete-To"), resp.Header.Get("X-Period-Later")}
	if want := [4]string{"2016-01-01", "2024-12-31", p.CompleteTo, "0"}; got != want || p.CompleteTo == "" {
		t.Errorf("X-Period-From, -To, -Complete-To, -Later = %q, want %q", got, want)
	}
	// The record is complete to its last decision; a record without the
	// curated decisions only to the files' last day, with decisions after
	// it, which the search counts and names in its headers.
	var files []unsc.Decision
	for _, d := range testRecord {
		if d.Sources = slices.DeleteFunc(slices.Clone(d.Sources), func(s unsc.Source) bool { return s == unsc.SourcePress || s == unsc.SourceResearch }); len(d.Sources) > 0 {
			files = append(files, d)
		}
	}
	for _, rec := range []struct {
		name      string
		decisions []unsc.Decision
		later     bool
	}{{"the record", testRecord, false}, {"the files alone", files, true}} {
		srv := newServer(t, web.Config{Decisions: rec.decisions})
		resp, _ = get(t, srv.URL+"/api/v1/decisions?q=gaza&from=2023-01-01")
		if p := analysis.New(rec.decisions).Period(day("2023-01-01"), zero); resp.Header.Get("X-Period-To") != p.CompleteTo || resp.Header.Get("X-Period-Later") != strconv.Itoa(p.Later) || (p.Later > 0) != rec.later {
			t.Errorf("search of %s from 2023 on: X-Period-To %q, X-Period-Later %q; want %s and %d (decisions after it: %v)", rec.name, resp.Header.Get("X-Period-To"), resp.Header.Get("X-Period-Later"), p.CompleteTo, p.Later, rec.later)
		}
	}
	// A search of the procedural votes claims no day, and says how many
	// are known.
	resp, _ = get(t, srv.URL+"/api/v1/decisions?matter=procedural&limit=1")
	procedural := 0
	for _, d := range testRecord {
		if analysis.KindOf(d) == analysis.KindProcedural {
			procedural++
		}
	}
	if got, want := [2]string{resp.Header.Get("X-Period-Complete-To"), resp.Header.Get("X-Period-Incomplete")}, [2]string{"", "procedural vote=" + strconv.Itoa(procedural)}; got != want || procedural == 0 {
		t.Errorf("search of the procedural votes: X-Period-Complete-To, -Incomplete = %q, want %q", got, want)
	}
	resp, _ = get(t, srv.URL+"/api/v1/decisions?symbol=S%2F2024%2F239")
	if h := resp.Header.Get("X-Period-From"); h != "" {
		t.Errorf("a symbol's decisions carry X-Period-From %q, want none: they are not a count over a period", h)
	}

	// Pages of 3 concatenate to the whole answer, each linking the next.
	var paged []web.Decision
	next := srv.URL + "/api/v1/decisions?member=USA&position=abstain&from=2016-01-01&to=2024-12-31&limit=3&view=full"
	for pages := 0; next != ""; pages++ {
		if pages > len(all) {
			t.Fatalf("more pages than decisions: the Link header loops")
		}
		resp, body := get(t, next)
		var page []web.Decision
		decode(t, next, body, &page)
		if len(page) > 3 {
			t.Fatalf("GET %s: %d decisions, want at most 3", next, len(page))
		}
		paged = append(paged, page...)
		next = ""
		if link := resp.Header.Get("Link"); link != "" {
			u, _, _ := strings.Cut(strings.TrimPrefix(link, "<"), ">")
			next = srv.URL + u
		}
	}
	if diff := cmp.Diff(all, paged); diff != "" {
		t.Errorf("pages of the search differ from the whole (-whole +pages):\n%s", diff)
	}

	// Words must all appear; the search ignores case.
	_, body = get(t, srv.URL+"/api/v1/decisions?q=KOREA+republic&to=1950-12-31")
	var korea []web.Decision
	decode(t, "q=KOREA republic", body, &korea)
	if len(korea) == 0 {
		t.Errorf("search q=KOREA republic to 1950 found nothing, want the Korea resolutions")
	}
	for _, d := range korea {
		text := strings.ToLower(d.Title + d.Agenda + strings.Join(d.Subjects, " "))
		if !strings.Contains(text, "korea") || !strings.Contains(text, "republic") {
			t.Errorf("search q=KOREA republic found %s: %q", d.Symbol, d.Agenda)
		}
	}
}

// TestBadInput checks that bad input is a 400 problem naming the
// parameter, never a 500.
func TestBadInput(t *testing.T) {
	srv := newServer(t, web.Config{})
	tests := []struct {
		method, target, body string
		status               int
		param                string
	}{
		{"GET", "/api/v1/council", "", 400, "date"},
		{"GET", "/api/v1/council?date=2024-02-30", "", 400, "date"},
		{"GET", "/api/v1/council?date=1945-06-26", "", 400, "date"},
		{"GET", "/api/v1/council?date=2024-03-25&lang=fr", "", 400, "lang"},
		{"GET", "/api/v1/council?date=2024-03-25&date=2024-03-26", "", 400, "date"},
		{"GET", "/api/v1/council?date=%zz", "", 400, "query"},
		{"GET", "/api/v1/vetoes?from=yesterday", "", 400, "from"},
		{"GET", "/api/v1/vetoes?to=2024-3-25", "", 400, "to"},
		{"GET", "/api/v1/vetoes?from=2024-01-01&to=2023-01-01", "", 400, "to"},
		{"GET", "/api/v1/vetoes?member=XYZ", "", 400, "member"},
		{"GET", "/api/v1/vetoes?member=Untied%20States", "", 400, "member"},
		{"GET", "/api/v1/vetoes?members=USA", "", 400, "members"},
		{"GET", "/api/v1/decisions?symbol=A/RES/1", "", 400, "symbol"},
		{"GET", "/api/v1/decisions?symbol=S/2099/1", "", 404, ""},
		{"GET", "/api/v1/decisions?outcome=won", "", 400, "outcome"},
		{"GET", "/api/v1/decisions?matter=urgent", "", 400, "matter"},
		{"GET", "/api/v1/decisions?position=abstain", "", 400, "position"},
		{"GET", "/api/v1/decisions?member=GBR&position=maybe", "", 400, "position"},
		{"GET", "/api/v1/decisions?limit=0", "", 400, "limit"},
		{"GET", "/api/v1/decisions?limit=1001", "", 400, "limit"},
		{"GET", "/api/v1/decisions?offset=-1", "", 400, "offset"},
		{"GET", "/api/v1/decisions?offset=ten", "", 400, "offset"},
		{"POST", "/api/v1/decide", `{"date":`, 400, "ballot"},
		{"POST", "/api/v1/decide", ``, 400, "ballot"},
		{"POST", "/api/v1/decide", `{"date":"2024-03-22","votes":{"USA":"Z"}}`, 400, "votes.USA"},
		{"POST", "/api/v1/decide", `{"date":"2024-03-22","votes":{"DEU":"Y"}}`, 400, "votes.DEU"},
		{"POST", "/api/v1/decide", `{"date":"2024-03-22","colour":"blue"}`, 400, "colour"},
		{"POST", "/api/v1/decide", `{"date":"2031-01-01"}`, 400, "date"},
		{"POST", "/api/v1/decide", `{"date":"2024-03-22","parties":["` + strings.Repeat("x", 70<<10) + `"]}`, 400, "ballot"},
		{"POST", "/api/v1/decide", `{"date":"2024-03-22","votes":{"USA":"N"},"votes":{"USA":"Y"}}`, 400, "votes"},
		{"POST", "/api/v1/decide", `{"date":"2024-03-22","VOTES":{"USA":"Y"}}`, 400, "VOTES"},
		{"POST", "/api/v1/decide?dry=1", `{"date":"2024-03-22"}`, 400, "dry"},
		{"GET", "/api/v2/council", "", 404, ""},
		{"GET", "/api/v1/vetoes/summary?rule=vetoes", "", 400, "rule"},
		{"GET", "/api/v1/vetoes/summary?group_by=century", "", 400, "group_by"},
		{"GET", "/api/v1/vetoes/summary?list=no", "", 400, "list"},
		{"GET", "/api/v1/vetoes/count?member=UX", "", 400, "member"},
		{"GET", "/api/v1/vetoes/count?claim=many", "", 400, "claim"},
		{"GET", "/api/v1/vetoes/count?claim=-1", "", 400, "claim"},
		{"GET", "/api/v1/coverage?kind=resolution", "", 400, "kind"},
		{"GET", "/api/v1/vetoes/count?from=2024-01-01&to=2020-01-01", "", 400, "to"},
		{"GET", "/api/v1/profile", "", 400, "member"},
		{"GET", "/api/v1/profile?member=SUN%2Bxyz", "", 400, "member"},
		{"GET", "/api/v1/agreement?members=USA", "", 400, "members"},
		{"GET", "/api/v1/agreement?members=USA,,CHN", "", 400, "members"},
		{"GET", "/api/v1/agreement?rule=strict", "", 400, "rule"},
		{"GET", "/api/v1/trends?from=1990", "", 400, "from"},
		{"GET", "/api/v1/whatif", "", 400, "rules"},
		{"GET", "/api/v1/whatif?rules=magic", "", 400, "rules"},
		{"GET", "/api/v1/whatif?rules=grant:XY", "", 400, "rules"},
		{"GET", "/api/v1/veto-initiative?calendar=mars", "", 400, "calendar"},
	}
	for _, tt := range tests {
		req, err := http.NewRequest(tt.method, srv.URL+tt.target, strings.NewReader(tt.body))
		if err != nil {
			t.Fatal(err)
		}
		resp, body := do(t, req)
		if resp.StatusCode != tt.status {
			t.Errorf("%s %s = %d, want %d: %s", tt.method, tt.target, resp.StatusCode, tt.status, body)
			continue
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
			t.Errorf("%s %s: Content-Type %q, want application/problem+json", tt.method, tt.target, ct)
		}
		var p web.Problem
		decode(t, tt.target, body, &p)
		if p.Status != tt.status || p.Title != http.StatusText(tt.status) || p.Type != "about:blank" || p.Detail == "" {
			t.Errorf("%s %s: problem %+v, want status %d with its title and a detail", tt.method, tt.target, p, tt.status)
		}
		var named string
		if len(p.InvalidParams) > 0 {
			named = p.InvalidParams[0].Name
		}
		if named != tt.param {
			t.Errorf("%s %s: problem names %q, want %q (%+v)", tt.method, tt.target, named, tt.param, p)
		}
		if len(tt.body) > 64<<10 && !strings.Contains(p.Detail, "65536 bytes") {
			t.Errorf("%s %s: detail %q, want the size limit named", tt.method, tt.target, p.Detail)
		}
	}
}

func TestMethodNotAllowed(t *testing.T) {
	srv := newServer(t, web.Config{})
	tests := []struct{ method, path, allow string }{
		{"DELETE", "/api/v1/council", "GET, HEAD"},
		{"POST", "/api/v1/vetoes", "GET, HEAD"},
		{"GET", "/api/v1/decide", "POST"},
		{"PUT", "/healthz", "GET, HEAD"},
		{"OPTIONS", "/api/v1/decisions", "GET, HEAD"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
		resp, body := do(t, req)
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != tt.allow {
			t.Errorf("%s %s = %d, Allow %q; want 405, Allow %q", tt.method, tt.path, resp.StatusCode, resp.Header.Get("Allow"), tt.allow)
		}
		var p web.Problem
		decode(t, tt.method+" "+tt.path, body, &p)
		if p.Status != http.StatusMethodNotAllowed {
			t.Errorf("%s %s: problem status %d, want 405", tt.method, tt.path, p.Status)
		}
	}
}

// TestDecide checks the API's answer to a ballot against the engine's.
func TestDecide(t *testing.T) {
	srv := newServer(t, web.Config{})
	ballots := []string{
		`{"date": "2024-03-22", "matter": "non-procedural",
		  "votes": {"USA":"Y","GBR":"Y","FRA":"Y","CHN":"N","RUS":"N","DZA":"N","GUY":"A",
		            "ECU":"Y","JPN":"Y","MLT":"Y","MOZ":"Y","KOR":"Y","SLE":"Y","SVN":"Y","CHE":"Y"}}`,
		`{"date":"1950-06-25","votes":{"CHN":"Y","FRA":"Y","GBR":"Y","USA":"Y","CUB":"Y","ECU":"Y","EGY":"Y","IND":"Y","NOR":"Y","YUG":"A"}}`,
		`{"date":"2022-11-04","matter":"icj-election","seats":1,"candidates":[{"name":"Brant","votes":13},{"name":"Kohen","votes":2}]}`,
		`{"date":"2021-06-08","modality":"acclamation"}`,
	}
	for _, ballot := range ballots {
		b, err := charter.ParseBallot([]byte(ballot))
		if err != nil {
			t.Fatalf("ParseBallot(%s): %v", ballot, err)
		}
		c, _ := charter.CouncilOn(b.Date)
		r, err := charter.Decide(c, b)
		if err != nil {
			t.Fatalf("Decide(%s): %v", ballot, err)
		}
		want := charter.NewResultJSON(r)
		resp, err := http.Post(srv.URL+"/api/v1/decide", "application/json", strings.NewReader(ballot))
		if err != nil {
			t.Fatal(err)
		}
		var got charter.ResultJSON
		body := readAll(t, resp)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("POST decide %s = %d: %s", ballot, resp.StatusCode, body)
		}
		decode(t, "decide", body, &got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("POST decide %s mismatch (-want +got):\n%s", ballot, diff)
		}
		if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("POST decide: Cache-Control %q, want no-store", cc)
		}
	}
}

func readAll(t *testing.T, resp *http.Response) []byte {
	t.Helper()
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return []byte(b.String())
}

func TestCouncil(t *testing.T) {
	srv := newServer(t, web.Config{})
	for _, date := range []string{"1946-01-17", "1971-10-25", "1991-12-24", "2024-03-25"} {
		c, err := charter.CouncilOn(day(date))
		if err != nil {
			t.Fatal(err)
		}
		resp, body := get(t, srv.URL+"/api/v1/council?date="+date)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET council?date=%s = %d: %s", date, resp.StatusCode, body)
		}
		var got web.Council
		decode(t, "council", body, &got)
		if diff := cmp.Diff(form.NewCouncil(c), got); diff != "" {
			t.Errorf("GET council?date=%s mismatch (-want +got):\n%s", date, diff)
		}
	}
}

// TestETag checks conditional requests on record answers.
func TestETag(t *testing.T) {
	srv := newServer(t, web.Config{})
	paths := []string{"/api/v1/vetoes?member=USA", "/api/v1/decisions?symbol=S/2024/239", "/api/v1/council?date=2024-03-25", "/api/v1/openapi.json",
		"/api/v1/trends?from=1990-03-01&to=1999-06-30", "/api/v1/whatif?rules=two-vetoes&from=1990-03-01", "/api/v1/decisions?q=situation&from=1990-03-01&limit=20"}
	tags := map[string]string{}
	for _, p := range paths {
		resp, body := get(t, srv.URL+p)
		tag := resp.Header.Get("ETag")
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(tag, `"`) || len(tag) < 10 {
			t.Fatalf("GET %s = %d, ETag %q; want 200 and a strong ETag", p, resp.StatusCode, tag)
		}
		if cc := resp.Header.Get("Cache-Control"); cc != "public, max-age=300" {
			t.Errorf("GET %s: Cache-Control %q, want public, max-age=300", p, cc)
		}
		for other, otherTag := range tags {
			if otherTag == tag {
				t.Errorf("GET %s and %s have the same ETag %s", p, other, tag)
			}
		}
		tags[p] = tag

		// The same answer the second time, from the cache.
		again, body2 := get(t, srv.URL+p)
		if again.Header.Get("ETag") != tag || string(body2) != string(body) {
			t.Errorf("GET %s twice: ETag %s then %s, bodies equal %v", p, tag, again.Header.Get("ETag"), string(body) == string(body2))
		}
		for _, inm := range []string{tag, "W/" + tag, `"other", ` + tag, "*"} {
			resp, body := get(t, srv.URL+p, "If-None-Match", inm)
			if resp.StatusCode != http.StatusNotModified || len(body) != 0 || resp.Header.Get("ETag") != tag {
				t.Errorf("GET %s If-None-Match %s = %d (%d bytes, ETag %q), want 304, empty, the same ETag", p, inm, resp.StatusCode, len(body), resp.Header.Get("ETag"))
			}
		}
		if resp, _ := get(t, srv.URL+p, "If-None-Match", `"stale"`); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s If-None-Match \"stale\" = %d, want 200", p, resp.StatusCode)
		}
	}

	// Another record has other ETags.
	other := newServer(t, web.Config{Decisions: testRecord[:len(testRecord)-1]})
	for _, p := range paths {
		resp, _ := get(t, other.URL+p)
		if resp.Header.Get("ETag") == tags[p] {
			t.Errorf("GET %s: same ETag %s over a different record", p, tags[p])
		}
	}
}

func TestCORS(t *testing.T) {
	const allowed, stranger = "https://allowed.example", "https://stranger.example"
	preflight := func(url, origin string) *http.Response {
		req, _ := http.NewRequest(http.MethodOptions, url+"/api/v1/decide", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		resp, _ := do(t, req)
		return resp
	}

	off := newServer(t, web.Config{})
	if resp, _ := get(t, off.URL+"/api/v1/council?date=2024-03-25", "Origin", allowed); resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS off: Access-Control-Allow-Origin %q, want none", resp.Header.Get("Access-Control-Allow-Origin"))
	}
	if resp := preflight(off.URL, allowed); resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS off: preflight = %d with Allow-Origin %q, want 405 without", resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
	}

	on := newServer(t, web.Config{CORSOrigins: []string{allowed}})
	tests := []struct {
		origin, want string
	}{
		{allowed, allowed},
		{stranger, ""},
		{"", ""},
	}
	for _, tt := range tests {
		resp, _ := get(t, on.URL+"/api/v1/council?date=2024-03-25", "Origin", tt.origin)
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != tt.want {
			t.Errorf("GET with Origin %q: Access-Control-Allow-Origin %q, want %q", tt.origin, got, tt.want)
		}
		if !slices.Contains(resp.Header.Values("Vary"), "Origin") {
			t.Errorf("GET with Origin %q: Vary %q, want Origin", tt.origin, resp.Header.Values("Vary"))
		}
	}
	resp := preflight(on.URL, allowed)
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != allowed ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Methods"), "POST") ||
		!strings.Contains(strings.ToLower(resp.Header.Get("Access-Control-Allow-Headers")), "content-type") {
		t.Errorf("preflight from %s = %d %v, want 204 allowing POST and Content-Type", allowed, resp.StatusCode, resp.Header)
	}
	if resp := preflight(on.URL, stranger); resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from %s: Access-Control-Allow-Origin %q, want none", stranger, resp.Header.Get("Access-Control-Allow-Origin"))
	}
}

// TestHeaders checks the headers every answer carries.
func TestHeaders(t *testing.T) {
	srv := newServer(t, web.Config{})
	tests := []struct {
		method, target string
		status         int
		contentType    string
	}{
		{"GET", "/healthz", 200, "application/json"},
		{"HEAD", "/api/v1/vetoes", 200, "application/json"},
		{"GET", "/api/v1/council?date=2024-03-25", 200, "application/json"},
		{"GET", "/api/v1/council?date=bad", 400, "application/problem+json"},
		{"GET", "/api/v1/nowhere", 404, "application/problem+json"},
		{"GET", "/nowhere", 404, "text/html; charset=utf-8"}, // a page that helps
		{"PATCH", "/healthz", 405, "application/problem+json"},
		{"POST", "/api/v1/decide", 400, "application/problem+json"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.target, nil)
		resp, _ := do(t, req)
		if resp.StatusCode != tt.status || resp.Header.Get("Content-Type") != tt.contentType || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s %s = %d, Content-Type %q, X-Content-Type-Options %q; want %d, %s, nosniff",
				tt.method, tt.target, resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("X-Content-Type-Options"), tt.status, tt.contentType)
		}
	}
}

// TestSearchNamesAdjectives checks that the API and the page search as
// the analysis does, names and adjectives alike: "how many vetoes on
// Syria" includes the first veto of all, on the Syrian and Lebanese
// question (16 February 1946, S/PV.23), and Syria and Syrian find the
// same.
func TestSearchNamesAdjectives(t *testing.T) {
	srv := newServer(t, web.Config{})
	want, err := analysis.New(testRecord).Search(context.Background(), analysis.SearchQuery{Text: "Syria", Outcome: unsc.Vetoed, Limit: analysis.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Syria", "Syrian"} {
		url := srv.URL + "/api/v1/decisions?q=" + q + "&outcome=vetoed&limit=1000"
		resp, body := get(t, url)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d: %s", url, resp.StatusCode, body)
		}
		var got []struct{ Date, Meeting, Title string }
		decode(t, url, body, &got)
		if n := resp.Header.Get("X-Total-Count"); n != strconv.Itoa(want.Total) || len(got) != want.Total {
			t.Errorf("GET %s: X-Total-Count %q, %d decisions; want %d, as the analysis finds", url, n, len(got), want.Total)
		}
		if !slices.ContainsFunc(got, func(d struct{ Date, Meeting, Title string }) bool {
			return d.Date == "1946-02-16" && d.Meeting == "S/PV.23" && strings.Contains(d.Title, "Syrian and Lebanese question")
		}) {
			t.Errorf("GET %s lacks the veto of 16 February 1946 (S/PV.23) on the Syrian and Lebanese question", url)
		}
		page := srv.URL + "/decisions?q=" + q + "&outcome=vetoed"
		resp, body = get(t, page)
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), fmt.Sprintf(" of %d decisions", want.Total)) || !strings.Contains(string(body), "Syrian and Lebanese question") {
			t.Errorf("GET %s = %d: want %d decisions, the Syrian and Lebanese question among them", page, resp.StatusCode, want.Total)
		}
	}
}
