package record_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unsc/record"
)

// TestVersion (its golden file rewritten by -update, the flag of the
// package's golden tests) fails when what Reconcile makes of the shared data changes
// and record.Version does not: a record file derived by the previous
// reconciliation would then be read as if this one had derived it.
func TestVersion(t *testing.T) {
	h := sha256.New()
	enc := json.NewEncoder(h)
	for _, d := range record.Reconcile(realReports(t)) {
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	got := fmt.Sprintf("version %d\nfingerprint %s\n", record.Version, hex.EncodeToString(h.Sum(nil)))
	path := filepath.Join("testdata", "version.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got == string(want) {
		return
	}
	gotVersion, gotPrint, _ := strings.Cut(got, "\n")
	wantVersion, wantPrint, _ := strings.Cut(string(want), "\n")
	switch {
	case gotPrint != wantPrint && gotVersion == wantVersion:
		t.Errorf("what Reconcile makes of the shared data has changed, and record.Version has not (%s):\n"+
			"raise record.Version in record/version.go, then run `go test ./record -run TestVersion -update`", strings.TrimSpace(wantVersion))
	default:
		t.Errorf("testdata/version.golden = %q, want %q: run `go test ./record -run TestVersion -update`", want, got)
	}
}
