package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"unsc/form"
	"unsc/web"
)

// TestDecisionsView checks the two views of GET /api/v1/decisions: a
// search lists each decision's summary (the whole decision's fields but
// those form.SummaryLeavesOut names, with the url of the whole decision:
// view=summary, its default), or whole decisions
// (view=full); a symbol gives whole decisions unless view=summary. Every
// decision of the record is found whole at its url.
func TestDecisionsView(t *testing.T) {
	h := web.NewServer(web.Config{Decisions: testRecord})
	serve := func(target string) *httptest.ResponseRecorder {
		t.Helper()
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
		return w
	}
	ok := func(target string, v any) http.Header {
		t.Helper()
		w := serve(target)
		if w.Code != http.StatusOK {
			t.Fatalf("GET %s = %d: %s", target, w.Code, w.Body)
		}
		decode(t, target, w.Body.Bytes(), v)
		return w.Header()
	}
	// fields reads an answer's decisions as their fields' JSON.
	fields := func(target string) ([]map[string]json.RawMessage, http.Header) {
		t.Helper()
		var ds []map[string]json.RawMessage
		return ds, ok(target, &ds)
	}

	const search = "/api/v1/decisions?q=situation&from=1990-01-01&to=2020-01-01&limit=20"
	summaries, sh := fields(search)
	explicit, eh := fields(search + "&view=summary")
	whole, wh := fields(search + "&view=full")
	if len(summaries) != 20 || len(whole) != 20 {
		t.Fatalf("a page of 20: %d summaries, %d whole decisions", len(summaries), len(whole))
	}
	if diff := cmp.Diff(summaries, explicit); diff != "" {
		t.Errorf("view=summary differs from the default (-default +summary):\n%s", diff)
	}
	for i, s := range summaries {
		w := whole[i]
		if _, has := w["sources"]; !has {
			t.Fatalf("view=full: decision %d has no sources", i)
		}
		// The whole decision's fields, field for field, but those left
		// out, and url.
		left := 0
		for f, v := range w {
			if slices.Contains(form.SummaryLeavesOut, f) {
				if _, has := s[f]; has {
					t.Errorf("summary %d (%s) has %s, want it left to the whole decision", i, s["symbol"], f)
				}
				left++
				continue
			}
			if string(s[f]) != string(v) {
				t.Errorf("summary %d (%s): %s = %s, the whole decision's %s", i, s["symbol"], f, s[f], v)
			}
		}
		if len(s) != len(w)-left+1 || s["url"] == nil {
			t.Errorf("summary %d (%s) has fields %v, want the whole decision's %v but those left out, and url", i, s["symbol"], keys(s), keys(w))
		}
	}
	for _, name := range []string{"X-Total-Count", "X-Period-From", "X-Period-To", "X-Period-Complete-To", "X-Period-Later"} {
		if sh.Get(name) != wh.Get(name) || sh.Get(name) == "" {
			t.Errorf("%s: %q for the summaries, %q whole; want the same", name, sh.Get(name), wh.Get(name))
		}
	}
	// The views are different answers, each with its own tag.
	if sh.Get("ETag") == wh.Get("ETag") || sh.Get("ETag") == "" || wh.Get("ETag") == "" {
		t.Errorf("ETag %q for the summaries, %q whole: want two", sh.Get("ETag"), wh.Get("ETag"))
	}
	if sh.Get("Content-Length") != eh.Get("Content-Length") {
		t.Errorf("Content-Length %s by default, %s with view=summary: want the same", sh.Get("Content-Length"), eh.Get("Content-Length"))
	}
	// The next page keeps the view.
	if link := wh.Get("Link"); !strings.Contains(link, "view=full") {
		t.Errorf("Link of view=full = %q, want the next page in view=full", link)
	}
	if link := sh.Get("Link"); strings.Contains(link, "view=") || link == "" {
		t.Errorf("Link of the default view = %q, want the next page in the default view", link)
	}

	// A symbol: whole decisions by default, summaries when asked.
	var full, named []web.Decision
	ok("/api/v1/decisions?symbol=S%2F2024%2F239", &full)
	ok("/api/v1/decisions?symbol=S%2F2024%2F239&view=full", &named)
	if len(full) == 0 || full[0].Sources == nil || !cmp.Equal(full, named) {
		t.Errorf("symbol S/2024/239: %d decisions (sources %v), want whole decisions, the same with view=full", len(full), len(full) > 0 && full[0].Sources != nil)
	}
	short, _ := fields("/api/v1/decisions?symbol=S%2F2024%2F239&view=summary")
	if len(short) != len(full) || short[0]["url"] == nil || short[0]["sources"] != nil {
		t.Errorf("symbol S/2024/239 with view=summary: %v, want %d summaries", short, len(full))
	}

	// A bad view is a 400 naming it and what it takes.
	for _, v := range []string{"whole", "", "FULL"} {
		w := serve("/api/v1/decisions?q=gaza&view=" + v)
		if body := w.Body.String(); w.Code != http.StatusBadRequest || !strings.Contains(body, `"name":"view"`) || !strings.Contains(body, "summary, full") {
			t.Errorf("view=%s: %d %s, want 400 naming view and its values", v, w.Code, body)
		}
	}

	// Every decision of the record, listed by date in pages, is whole at
	// its url: a decision there with the summary's every field and its
	// sources.
	found := map[string][]map[string]json.RawMessage{}
	n := 0
	for offset := 0; ; offset += 1000 {
		page, _ := fields("/api/v1/decisions?sort=date&limit=1000&offset=" + strconv.Itoa(offset))
		for _, s := range page {
			n++
			var u string
			if err := json.Unmarshal(s["url"], &u); err != nil || !strings.HasPrefix(u, "/api/v1/decisions?symbol=") || strings.HasSuffix(u, "=") {
				t.Fatalf("summary %s: url %s, want /api/v1/decisions?symbol=…", s["symbol"], s["url"])
			}
			at, seen := found[u]
			if !seen {
				at, _ = fields(u)
				found[u] = at
			}
			match := false
			for _, w := range at {
				same := w["sources"] != nil
				for f, v := range s {
					if f != "url" && string(w[f]) != string(v) {
						same = false
					}
				}
				match = match || same
			}
			if !match {
				t.Fatalf("summary %s (%s): its url %s holds no whole decision with its fields", s["symbol"], s["date"], u)
			}
		}
		if len(page) < 1000 {
			break
		}
	}
	if n != len(testRecord) {
		t.Errorf("the pages listed %d decisions, want the record's %d", n, len(testRecord))
	}
}

func keys(m map[string]json.RawMessage) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
