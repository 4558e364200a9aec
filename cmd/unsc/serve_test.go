package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc/internal/shareddata"
	"unsc/web"
)

// TestServe imports the shared data, starts `unsc serve` in-process on a
// free port, checks that the API answers what the CLI prints with --json,
// and stops it as SIGINT would.
func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "unsc.db")
	if code, _, errOut := runUnsc(t, "", "--db", db, "import", shareddata.Dir(t)); code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		var stdout strings.Builder
		done <- run(ctx, []string{"--db", db, "serve", "--addr", "127.0.0.1:0"}, strings.NewReader(""), &stdout, pw)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	var base string
	for lines.Scan() {
		if addr, ok := strings.CutPrefix(lines.Text(), "listening on "); ok {
			base = addr
			break
		}
	}
	if base == "" {
		t.Fatalf("serve printed no address")
	}
	go io.Copy(io.Discard, pr) // the log goes on

	tests := []struct {
		api  string
		cli  []string
		got  any
		want any
	}{
		{"/api/v1/vetoes?member=USA&from=2000-01-01", []string{"vetoes", "--json", "--member", "USA", "--from", "2000-01-01"}, &web.VetoList{}, &web.VetoList{}},
		{"/api/v1/council?date=1971-10-25", []string{"council", "--json", "1971-10-25"}, &web.Council{}, &web.Council{}},
		{"/api/v1/decisions?symbol=S%2F2024%2F239", []string{"show", "--json", "S/2024/239"}, &[]web.Decision{}, &[]web.Decision{}},
	}
	for _, tt := range tests {
		resp, err := http.Get(base + tt.api)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d: %s", tt.api, resp.StatusCode, body)
		}
		if err := json.Unmarshal(body, tt.got); err != nil {
			t.Fatalf("GET %s: %v", tt.api, err)
		}
		code, out, errOut := runUnsc(t, "", append([]string{"--db", db}, tt.cli...)...)
		if code != 0 {
			t.Fatalf("unsc %v exit %d: %s", tt.cli, code, errOut)
		}
		if err := json.Unmarshal([]byte(out), tt.want); err != nil {
			t.Fatalf("unsc %v: %v", tt.cli, err)
		}
		if diff := cmp.Diff(tt.want, tt.got); diff != "" {
			t.Errorf("GET %s differs from unsc %v (-cli +api):\n%s", tt.api, tt.cli, diff)
		}
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exit %d after shutdown, want 0", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after its context was cancelled")
	}
}
