package embedded_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"unsc"
	"unsc/analysis"
	"unsc/charter"
	"unsc/embedded"
	"unsc/embedded/internal/build"
	"unsc/internal/realrecord"
	"unsc/readmodel"
	"unsc/record"
	"unsc/sqlite"
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
		if f.Holds(committed) {
			continue
		}
		if f.Name == build.ImageFile {
			t.Errorf("embedded/%s is not the record a fresh import of the shared data makes today; run `%s` from the module's root and commit what it writes. %s",
				f.Name, build.Command, imageDiff(committed, f.Plain, 6))
			continue
		}
		t.Errorf("embedded/%s is not what the shared data gives today; run `%s` from the module's root and commit what it writes. The lines that differ (- committed, + today):\n%s",
			f.Name, build.Command, lineDiff(string(committed), string(f.Data), 12))
	}
}

// imageDiff says how the image compressed in committed differs from want:
// up to max of the decisions that differ, by name.
func imageDiff(committed, want []byte, max int) string {
	plain, err := build.Gunzip(committed)
	if err != nil {
		return fmt.Sprintf("The committed file does not decompress: %v.", err)
	}
	old, err := readmodel.Open(plain)
	if err != nil {
		return fmt.Sprintf("The committed image does not open: %v.", err)
	}
	now, err := readmodel.Open(want)
	if err != nil {
		return fmt.Sprintf("Today's image does not open: %v.", err)
	}
	a, _ := old.Decisions(unsc.DecisionFilter{})
	b, _ := now.Decisions(unsc.DecisionFilter{})
	// Decisions are named by symbol and date, and numbered where several
	// share a name (the drafts of one meeting); IDs are compared apart, as
	// one decision more shifts every ID after it.
	names := func(ds []unsc.Decision) []string {
		seen := map[string]int{}
		out := make([]string, len(ds))
		for i, d := range ds {
			n := record.Symbol(d) + " (" + d.Date.Format("2006-01-02") + ")"
			if seen[n]++; seen[n] > 1 {
				n += fmt.Sprintf(" #%d", seen[n])
			}
			out[i] = n
		}
		return out
	}
	an, bn := names(a), names(b)
	byName := map[string]unsc.Decision{}
	for i, d := range a {
		byName[an[i]] = d
	}
	var out strings.Builder
	fmt.Fprintf(&out, "Committed: %d decisions; today: %d. Decisions that differ (-committed +today):\n", len(a), len(b))
	n, ids := 0, 0
	noID := cmpopts.IgnoreFields(unsc.Decision{}, "ID")
	for i, d := range b {
		o, ok := byName[bn[i]]
		delete(byName, bn[i])
		if ok && o.ID != d.ID {
			ids++
		}
		if ok && cmp.Equal(o, d, noID) {
			continue
		}
		if n++; n > max {
			continue
		}
		if !ok {
			fmt.Fprintf(&out, "+ %s\n", bn[i])
			continue
		}
		diff := cmp.Diff(o, d, noID)
		if len(diff) > 1500 {
			diff = diff[:1500] + "…"
		}
		fmt.Fprintf(&out, "%s:\n%s", bn[i], diff)
	}
	for k := range byName {
		if n++; n <= max {
			fmt.Fprintf(&out, "- %s\n", k)
		}
	}
	fmt.Fprintf(&out, "Beside their IDs, %d differ; %d have another ID.", n, ids)
	return out.String()
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
		if got[i].Votes.Known() {
			for c := range got[i].Votes.All() {
				got[i].Votes = got[i].Votes.With(c, unsc.Absent)
			}
			again, _ := embedded.Reports()
			if cmp.Equal(again[i].Votes, got[i].Votes) {
				t.Errorf("changing the votes of one call's report %s changed another call's", got[i].Key)
			}
			break
		}
	}
}

// TestStore checks the record built into unsc as the commands read it:
// the decisions of the image, tenures as a record file gives them, and
// changes refused.
func TestStore(t *testing.T) {
	ctx := context.Background()
	st, err := embedded.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Verify(ctx); err != nil {
		t.Errorf("Verify() = %v", err)
	}
	all, err := st.Decisions(ctx, unsc.DecisionFilter{OmitReports: true})
	if err != nil || len(all) == 0 {
		t.Fatalf("Decisions(all) = %d decisions, %v; want the record", len(all), err)
	}
	about, err := embedded.Describe()
	if err != nil {
		t.Fatal(err)
	}
	c := analysis.New(all).Coverage()
	// Complete to no later than the last decision, or than the latest day
	// the curated decisions make a kind complete to (the record holds no
	// decision on 30 and 31 December 2025, and is complete to the 31st).
	limit := all[len(all)-1].Date.Format("2006-01-02")
	for _, d := range analysis.CuratedCompleteTo {
		limit = max(limit, d)
	}
	if want := (embedded.About{Decisions: len(all), First: all[0].Date.Format("2006-01-02"), Last: all[len(all)-1].Date.Format("2006-01-02"), CompleteTo: c.CompleteTo, Complete: c.Complete}); about != want || about.CompleteTo < "2025-01-01" || about.CompleteTo > limit {
		t.Errorf("Describe() = %+v, want %+v, complete to a day of 2025 or later, not after %s", about, want, limit)
	}
	// The about line never claims the procedural votes complete.
	if !strings.Contains(about.Complete, "procedural votes: ") || !strings.Contains(about.Complete, "no source lists them all") {
		t.Errorf("Describe().Complete = %q, want it to say no source lists every procedural vote", about.Complete)
	}
	// Every decision found again by its resolution's symbol, with its
	// reports.
	for _, d := range all {
		if d.Resolution == "" {
			continue
		}
		got, err := st.Decisions(ctx, unsc.DecisionFilter{Symbol: d.Resolution})
		if err != nil || len(got) == 0 || len(got[0].Reports) == 0 {
			t.Errorf("Decisions(%s) = %d decisions, %v; want it with its reports", d.Resolution, len(got), err)
		}
	}
	if _, err := st.Decisions(ctx, unsc.DecisionFilter{Symbol: "S/RES/9999 (2099)"}); unsc.ErrorCode(err) != unsc.ENOTFOUND {
		t.Errorf("Decisions(S/RES/9999 (2099)) = %v, want %s", err, unsc.ENOTFOUND)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := st.Decisions(cancelled, unsc.DecisionFilter{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Decisions(cancelled) = %v, want context.Canceled", err)
	}

	// Membership as a record file answers it, once import set the tenures.
	file, err := sqlite.Open(filepath.Join(t.TempDir(), "unsc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	if err := file.SetMembership(ctx, charter.Tenures()); err != nil {
		t.Fatal(err)
	}
	for _, date := range []time.Time{{}, day(1946, 1, 17), day(1971, 10, 25), day(1984, 8, 4), day(1991, 12, 24), day(2024, 3, 25), day(2027, 12, 31)} {
		want, err := file.Membership(ctx, date)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.Membership(ctx, date)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Membership(%s) differs from a record file's (-file +built in):\n%s", date.Format("2006-01-02"), diff)
		}
	}

	if _, err := st.Import(ctx, nil, nil); unsc.ErrorCode(err) != unsc.EFORBIDDEN {
		t.Errorf("Import() = %v, want %s", err, unsc.EFORBIDDEN)
	}
	if err := st.SetMembership(ctx, nil); unsc.ErrorCode(err) != unsc.EFORBIDDEN {
		t.Errorf("SetMembership() = %v, want %s", err, unsc.EFORBIDDEN)
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
