package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"unsc"
	"unsc/charter"
	"unsc/internal/realrecord"
	"unsc/record"
	"unsc/sqlite"
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

// loadRecord imports every report the shared data holds into a new store,
// as `unsc import` does.
func loadRecord(path string) error {
	reports, _, err := realrecord.Load()
	if err != nil {
		return err
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
