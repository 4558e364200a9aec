package web_test

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/web"
)

// hostileAgenda is text a source might carry that must be shown as text.
const hostileAgenda = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">"quoted" & 'single'`

const hostileSymbolPath = "/S/2025/9999"

// hostileRecord is the reference record with one more decision whose
// agenda, title and source are hostile text.
func hostileRecord() []unsc.Decision {
	ds := slices.Clone(testRecord)
	last := ds[len(ds)-1].Date
	d := unsc.Decision{Date: last, Draft: "S/2025/9999", Title: hostileAgenda + " (title)", Agenda: hostileAgenda,
		Recorded: unsc.Adopted, Derived: unsc.Adopted, Tally: unsc.Tally{Yes: 15, Known: true},
		Sources: []unsc.Source{unsc.SourceUNDL},
		Reports: []unsc.Report{{Source: unsc.SourceUNDL, Key: "hostile", Ref: `javascript:alert(1)`, Date: last, Draft: "S/2025/9999",
			Outcome: unsc.Adopted, Tally: unsc.Tally{Yes: 15, Known: true}, Note: hostileAgenda}}}
	return append(ds, d)
}

func webConfig(ds []unsc.Decision) web.Config { return web.Config{Decisions: ds} }

// page GETs a page and returns its status, headers and body.
func getPage(t *testing.T, url string, header ...string) (*http.Response, string) {
	t.Helper()
	resp, body := get(t, url, header...)
	return resp, string(body)
}

var cspWant = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

func TestPagesServe(t *testing.T) {
	srv := newServer(t, web.Config{})
	for _, tc := range []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"<h1>How the UN Security Council votes</h1>", `<figure class="chart">`,
			"Complete: every resolution, failed draft, vetoed draft and amendment to ", "procedural votes: ", " known, no source lists them all", "UN Digital Library, Security Council voting data",
			"from other public sources that fill their gaps (", "1994–2025 per-member spreadsheet (not official)"}},
		{"/S/RES/2728(2024)", 200, []string{"<h1>S/RES/2728 (2024)</h1>", "14 in favour", "Adopted", `href="https://undocs.org/S/RES/2728%282024%29"`, `href="https://digitallibrary.un.org/record/`}},
		{"/S/2024/239", 200, []string{"Vetoed by China and the Russian Federation"}},
		{"/S/2022/431", 200, []string{"Notes on the record", `href="https://press.un.org/en/2022/sc14911.doc.htm"`}},
		{"/S/RES/2728(2024)?", 200, []string{"<dt>Sponsors</dt><dd>Algeria, Ecuador, Guyana"}},
		{"/S/PV.9584", 200, []string{"<h1>Meeting S/PV.9584</h1>"}},
		// The one position in doubt: China's on S/1127 (1948), shown not
		// known, never under the position the official count contradicts.
		{"/S/1127", 200, []string{`<span class="name">China</span> <span class="code">CHN · permanent</span></span> <span class="pos">not known <span class="tag">in doubt: a source gives absent, which the official count contradicts</span>`}},
		{"/decisions?q=Gaza&outcome=vetoed", 200, []string{`value="Gaza"`, "<option selected>vetoed</option>"}},
		{"/decisions?outcome=nonsense", 400, []string{"<code>outcome</code>"}},
		{"/vetoes?rule=drafts&member=USA", 200, []string{"<h1>Vetoes cast by United States</h1>", "Each vetoed proposal counts once"}},
		{"/vetoes?member=Narnia", 400, []string{"<code>member</code>"}},
		{"/members", 200, []string{`href="/members/SUN&#43;RUS"`}},
		{"/members/USA", 200, []string{"<h1>United States on the Security Council</h1>"}},
		{"/members/Narnia", 404, []string{"Not in the record"}},
		{"/agreement?members=USA,GBR", 200, []string{"n="}},
		{"/trends?from=2000-01-01", 200, []string{"<h1>The Council year by year</h1>"}},
		{"/whatif?rules=no-veto&from=2020-01-01", 200, []string{"No member has a veto"}},
		{"/whatif?rules=grant&member=IND", 200, []string{"would have gone the other way"}},
		// The Assembly's meeting on each veto: a debate, or an emergency
		// special session on the same situation shown as such.
		{"/initiative", 200, []string{"76/262", `<strong>emergency special session</strong>, <span class="nowrap">A/ES-10/PV.39</span>, <span class="nowrap">2023-10-26</span>, in time`, `debate, <span class="nowrap">A/78/PV.66</span>, <span class="nowrap">2024-04-08</span>, in time (<a href="https://www.un.org/unispal/document/`}},
		{"/council?date=1965-12-31", 200, []string{"a decision needs 7 votes in favour"}},
		{"/council?date=1966-01-01", 200, []string{"a decision needs 9 votes in favour"}},
		{"/council?date=1900-01-01", 400, []string{"<code>date</code>"}},
		{"/fact-check?claim=USA%2C+87%2C+as+of+2024-03-25", 200, []string{"<td class=\"num match\">", "matches"}},
		{"/fact-check?claim=Narnia%2C+3", 400, []string{"The claim could not be read", `value="Narnia, 3"`}},
		{"/rules", 200, []string{"The double veto"}},
		{"/rules/13", 200, []string{"The Council's record agrees"}},
		{"/rules/17", 404, []string{"Not in the record"}},
		{"/rules/try?case=5", 200, []string{"Not adopted: too few votes in favour"}},
		{"/rules/try?date=2024-03-22&CHN=Q", 400, []string{"<code>CHN</code>"}},
		{"/S/RES/99999(2099)", 404, []string{"Not in the record", `href="/decisions`}},
		{"/no/such/page", 404, []string{"No such page", `href="/decisions?q=no&#43;such&#43;page"`}},
	} {
		resp, body := getPage(t, srv.URL+tc.path)
		if resp.StatusCode != tc.status {
			t.Errorf("GET %s: status %d, want %d", tc.path, resp.StatusCode, tc.status)
		}
		if got := resp.Header.Get("Content-Security-Policy"); got != cspWant {
			t.Errorf("GET %s: Content-Security-Policy %q, want %q", tc.path, got, cspWant)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("GET %s: Content-Type %q, want HTML", tc.path, ct)
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: the page lacks %q", tc.path, w)
			}
		}
		// No inline script or style: the CSP would refuse them.
		if m := regexp.MustCompile(`<script(?: [^>]*)?>[^<]|\sstyle=|\son[a-z]+=`).FindString(body); m != "" {
			t.Errorf("GET %s: inline script or style %q", tc.path, m)
		}
	}
}

func TestSearchForASymbol(t *testing.T) {
	srv := newServer(t, web.Config{})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(srv.URL + "/decisions?q=S/2024/239")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/S/2024/239" {
		t.Errorf("a search for S/2024/239: %d to %q, want 302 to its page", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestPageCanonicalAddress(t *testing.T) {
	srv := newServer(t, web.Config{})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for path, want := range map[string]string{
		"/S/RES/2728%20(2024)": "/S/RES/2728(2024)",
		"/s/res/2728(2024)":    "",
		"/S/2024/0239":         "/S/2024/239",
	} {
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if want == "" {
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s: status %d, want 404 (paths are case-sensitive)", path, resp.StatusCode)
			}
			continue
		}
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != want {
			t.Errorf("GET %s: %d to %q, want 301 to %q", path, resp.StatusCode, resp.Header.Get("Location"), want)
		}
	}
}

// The .json twin of a page is the API's answer to the same question, and
// the .csv twin the same rows.
func TestPageTwins(t *testing.T) {
	srv := newServer(t, web.Config{})
	_, api := get(t, srv.URL+"/api/v1/decisions?symbol=S/2024/239")
	resp, twin := get(t, srv.URL+"/S/2024/239.json")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("GET /S/2024/239.json: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var a, b []web.Decision
	decode(t, "API", api, &a)
	decode(t, "twin", twin, &b)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("the page's JSON twin differs from the API's answer (-api +twin):\n%s", diff)
	}

	for twin, api := range map[string]string{
		"/vetoes.json?rule=drafts&member=USA&from=2000-01-01":   "/api/v1/vetoes/summary?rule=drafts&member=USA&from=2000-01-01",
		"/members/SUN+RUS.json":                                 "/api/v1/profile?member=SUN%2BRUS",
		"/agreement.json?members=USA,GBR,CHN&rule=abstain-half": "/api/v1/agreement?members=USA,GBR,CHN&rule=abstain-half",
		"/trends.json?from=1990-01-01":                          "/api/v1/trends?from=1990-01-01",
		"/whatif.json?rules=two-vetoes":                         "/api/v1/whatif?rules=two-vetoes",
		"/initiative.json?calendar=weekends-only":               "/api/v1/veto-initiative?calendar=weekends-only",
		"/council.json?date=1971-12-01":                         "/api/v1/council?date=1971-12-01",
	} {
		r1, b1 := get(t, srv.URL+twin)
		r2, b2 := get(t, srv.URL+api)
		if r1.StatusCode != 200 || r2.StatusCode != 200 {
			t.Errorf("GET %s: %d; GET %s: %d", twin, r1.StatusCode, api, r2.StatusCode)
			continue
		}
		var x, y any
		decode(t, twin, b1, &x)
		decode(t, api, b2, &y)
		if diff := cmp.Diff(y, x); diff != "" {
			t.Errorf("%s differs from %s (-api +twin):\n%s", twin, api, diff)
		}
	}

	resp, body := get(t, srv.URL+"/decisions.csv?outcome=vetoed&q=Syria")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Fatalf("GET /decisions.csv: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("/decisions.csv is not CSV: %v", err)
	}
	_, body = get(t, srv.URL+"/decisions.json?outcome=vetoed&q=Syria")
	var ans struct {
		Total     int `json:"total"`
		Decisions []struct {
			Symbol string `json:"symbol"`
		} `json:"decisions"`
	}
	decode(t, "decisions.json", body, &ans)
	if ans.Total == 0 || len(rows) != len(ans.Decisions)+1 {
		t.Fatalf("decisions twins: %d CSV rows for %d JSON decisions (total %d)", len(rows)-1, len(ans.Decisions), ans.Total)
	}
	for i, d := range ans.Decisions {
		if rows[i+1][1] != d.Symbol {
			t.Errorf("CSV row %d is %s, JSON has %s", i+1, rows[i+1][1], d.Symbol)
		}
	}
	resp, _ = get(t, srv.URL+"/decisions.json?outcome=nonsense")
	if resp.StatusCode != 400 || resp.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("a bad twin request: %d %s, want 400 problem+json", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// Hostile text in a source is shown as text.
func TestPageEscapesHostileText(t *testing.T) {
	srv := newServer(t, webConfig(hostileRecord()))
	resp, body := getPage(t, srv.URL+hostileSymbolPath)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", hostileSymbolPath, resp.StatusCode)
	}
	if strings.Contains(body, "<script>window") || strings.Contains(body, "<img src=x") || strings.Contains(body, `href="javascript:`) {
		t.Errorf("hostile text reached the page unescaped")
	}
	if !strings.Contains(body, "&lt;script&gt;window.__pwned = 1&lt;/script&gt;") {
		t.Errorf("hostile text is not shown escaped")
	}
}

func TestPageCompressedAndCached(t *testing.T) {
	srv := newServer(t, web.Config{})
	resp, body := get(t, srv.URL+"/", "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("GET / with gzip accepted: Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	html, err := io.ReadAll(zr)
	if err != nil || !bytes.Contains(html, []byte("<h1>How the UN Security Council votes</h1>")) {
		t.Fatalf("the compressed home page does not decompress to it: %v", err)
	}
	tag := resp.Header.Get("ETag")
	resp, _ = get(t, srv.URL+"/", "If-None-Match", tag)
	if tag == "" || resp.StatusCode != http.StatusNotModified {
		t.Errorf("GET / with its ETag %q: %d, want 304", tag, resp.StatusCode)
	}
	css := regexp.MustCompile(`href="(/assets/style\.[0-9a-f]+\.css)"`).FindSubmatch(html)
	if css == nil {
		t.Fatal("the home page links no stylesheet")
	}
	resp, _ = get(t, srv.URL+string(css[1]))
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("GET %s: %d, Cache-Control %q", css[1], resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
}
