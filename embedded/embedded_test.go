package embedded_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/embedded"
	"unsc/embedded/internal/build"
	"unsc/internal/realrecord"
)

// TestGenerated fails when a file of the package is not exactly what the
// generator makes from the shared data today: the data, an importer, the
// curated decisions or the reconciliation changed, and the record built
// into unsc must be written again.
func TestGenerated(t *testing.T) {
	files, err := build.FromSharedData()
	if err != nil {
		t.Fatalf("reading the shared data: %v", err)
	}
	for _, f := range files {
		committed, err := os.ReadFile(f.Name)
		if err != nil {
			t.Errorf("embedded/%s: %v; run `%s` from the module's root and commit what it writes", f.Name, err, build.Command)
			continue
		}
		if !bytes.Equal(committed, f.Data) {
			t.Errorf("embedded/%s is not what the shared data gives today; run `%s` from the module's root and commit what it writes. The lines that differ (- committed, + today):\n%s",
				f.Name, build.Command, lineDiff(string(committed), string(f.Data), 12))
		}
	}
}

// lineDiff lists, up to max of each, the lines of a not in b and of b not
// in a.
func lineDiff(a, b string, max int) string {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for line := range strings.SplitSeq(s, "\n") {
			m[line]++
		}
		return m
	}
	ca, cb := count(a), count(b)
	var out strings.Builder
	list := func(s string, other map[string]int, sign string) {
		n := 0
		for line := range strings.SplitSeq(s, "\n") {
			if other[line] > 0 {
				other[line]--
				continue
			}
			if n++; n > max {
				fmt.Fprintf(&out, "%s …\n", sign)
				return
			}
			if len(line) > 300 {
				line = line[:300] + "…"
			}
			fmt.Fprintf(&out, "%s %s\n", sign, line)
		}
	}
	list(a, cb, "-")
	list(b, ca, "+")
	return out.String()
}

// TestReports checks that the reports built in are those of the shared
// data, as realrecord (and so every test of the real record) reads them
// without the curated decisions, and that each call returns reports of its
// own.
func TestReports(t *testing.T) {
	got, err := embedded.Reports()
	if err != nil {
		t.Fatal(err)
	}
	var want []unsc.Report
	for _, r := range realrecord.Reports(t) {
		if r.Source != unsc.SourcePress && r.Source != unsc.SourceResearch {
			want = append(want, r)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("embedded.Reports() differs from the shared data's reports (-want +got):\n%s", diff)
	}
	for i := range got {
		if got[i].Votes != nil {
			for c := range got[i].Votes {
				got[i].Votes[c] = unsc.Absent
			}
			again, _ := embedded.Reports()
			if cmp.Equal(again[i].Votes, got[i].Votes) {
				t.Errorf("changing the votes of one call's report %s changed another call's", got[i].Key)
			}
			break
		}
	}
}
