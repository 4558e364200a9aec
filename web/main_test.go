package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unsc"
	"unsc/charter"
	"unsc/dhl"
	"unsc/internal/shareddata"
	"unsc/record"
	"unsc/scvotes"
	"unsc/sqlite"
	"unsc/undl"
	"unsc/web"
)

// testStore is the full reference record in a real SQLite file, imported
// once for the test binary as `unsc import` does; testRecord holds every
// decision it returns.
var (
	testStore  *sqlite.Store
	testRecord []unsc.Decision
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "web-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := func() int {
		if err := loadRecord(filepath.Join(dir, "unsc.db")); err != nil {
			fmt.Fprintf(os.Stderr, "web tests: loading the record: %v\n", err)
			return 1
		}
		defer testStore.Close()
		return m.Run()
	}()
	os.RemoveAll(dir)
	os.Exit(code)
}

// loadRecord imports every report the shared data holds into a new store.
func loadRecord(path string) error {
	data, err := shareddata.Find()
	if err != nil {
		return fmt.Errorf("shared data: %w (set UNSC_SHARED_DATA)", err)
	}
	parsers := []struct {
		sniff func([]byte) bool
		parse func(io.Reader, string) ([]unsc.Report, error)
	}{
		{undl.Sniff, undl.Parse},
		{scvotes.Sniff, scvotes.Parse},
		{dhl.SniffMeetings, dhl.ParseMeetings},
		{dhl.SniffVetoes, dhl.ParseVetoes},
	}
	// The sources the record is built from, as analysis's tests read them;
	// the UN Digital Library's sample repeats rows of its crawl.
	var reports []unsc.Report
	walk := func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		content, err := os.ReadFile(p)
		if err != nil || bytes.IndexByte(content[:min(len(content), 64<<10)], 0) >= 0 {
			return err
		}
		for _, f := range parsers {
			if f.sniff(content[:min(len(content), 64<<10)]) {
				rs, err := f.parse(bytes.NewReader(content), p)
				if err != nil {
					return err
				}
				reports = append(reports, rs...)
				break
			}
		}
		return nil
	}
	for _, p := range []string{"undl-sc-votes-crawled/sc_voting_crawled_undl_layout.csv", "sc-votes-incl-failed-1994-2025/sc_voting.csv", "dhl-sc-meetings-1946-2022"} {
		if err := filepath.WalkDir(filepath.Join(data, p), walk); err != nil {
			return err
		}
	}
	ctx := context.Background()
	if testStore, err = sqlite.Open(path); err != nil {
		return err
	}
	if err := testStore.SetMembership(ctx, charter.Tenures()); err != nil {
		return err
	}
	if _, err := testStore.Import(ctx, reports, record.Reconcile); err != nil {
		return err
	}
	testRecord, err = testStore.Decisions(ctx, unsc.DecisionFilter{})
	return err
}

// newServer starts a real server over the record on a free port.
func newServer(t *testing.T, cfg web.Config) *httptest.Server {
	t.Helper()
	if cfg.Decisions == nil {
		cfg.Decisions = testRecord
	}
	srv := httptest.NewServer(web.NewServer(cfg))
	t.Cleanup(srv.Close)
	return srv
}

// get sends a GET with the given headers (name, value, …).
func get(t *testing.T, url string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the body: %v", req.Method, req.URL, err)
	}
	return resp, body
}

// decode decodes a JSON body into v, failing the test if it is not JSON.
func decode(t *testing.T, what string, body []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("%s: body is not the JSON wanted: %v\n%s", what, err, body)
	}
}
