// Package storetest is the behavioural suite every unsc.Store must pass, run
// by each store's own tests (as litestream runs one suite against each of
// its replica clients):
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) unsc.Store { return MustOpen(t) })
//	}
//
// It checks what the unsc.Store interface promises: that Import writes all
// of an import or nothing (on invalid reports, a failing reconciler, or a
// context cancelled mid-way), matches reports by source and key, skips
// reconciling when nothing changed, and round-trips every field of reports
// and decisions; that Decisions filters by any spelling of a symbol, by
// dates (both ends included), outcome, veto and page; that the order of
// imports does not change the record; and that membership
// round-trips and is selected by date.
package storetest

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"unsc"
)

// Run runs the suite. open must return a new, empty store for each call,
// and close it when the test ends (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) unsc.Store) {
	tests := []struct {
		name string
		test func(t *testing.T, open func(t *testing.T) unsc.Store)
	}{
		{"ImportRoundTrip", testImportRoundTrip},
		{"ReimportUnchanged", testReimportUnchanged},
		{"ReimportChanged", testReimportChanged},
		{"ReimportMovedRef", testReimportMovedRef},
		{"ReimportWholeRenamedKey", testReimportWholeRenamedKey},
		{"ImportOneSourceAtATime", testImportOneSourceAtATime},
		{"ImportOrder", testImportOrder},
		{"ImportInvalid", testImportInvalid},
		{"ImportReconcilerFails", testImportReconcilerFails},
		{"ImportCancelled", testImportCancelled},
		{"DecisionsOrder", testDecisionsOrder},
		{"DecisionsFilter", testDecisionsFilter},
		{"DecisionsInvalidFilter", testDecisionsInvalidFilter},
		{"DecisionsWholeRecord", testDecisionsWholeRecord},
		{"Membership", testMembership},
		{"SetMembershipInvalid", testSetMembershipInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.test(t, open) })
	}
}

// importAll opens a store and imports the suite's reports into it.
func importAll(t *testing.T, open func(t *testing.T) unsc.Store) (unsc.Store, *reconciler) {
	t.Helper()
	s := open(t)
	rc := &reconciler{}
	if _, err := s.Import(context.Background(), reports(), rc.reconcile); err != nil {
		t.Fatalf("Import(reports) = %v", err)
	}
	return s, rc
}

// all returns every decision in the store.
func all(t *testing.T, s unsc.Store) []unsc.Decision {
	t.Helper()
	ds, err := s.Decisions(context.Background(), unsc.DecisionFilter{})
	if err != nil {
		t.Fatalf("Decisions({}) = %v", err)
	}
	return ds
}

// checkWholeRecord checks that the empty filter and a filter that selects
// every decision by its dates give the same decisions, field for field: a
// store that keeps the whole record in a faster form for the empty filter
// must keep it in step with what its filters read.
func checkWholeRecord(t *testing.T, s unsc.Store, when string) {
	t.Helper()
	ds := all(t, s)
	f := unsc.DecisionFilter{From: day("1900-01-01"), To: day("2999-12-31")}
	got, err := s.Decisions(context.Background(), f)
	if err != nil {
		t.Fatalf("%s: Decisions(%+v) = %v", when, f, err)
	}
	for _, d := range ds {
		if d.Date.IsZero() {
			t.Fatalf("%s: decision %q has no date; the suite's decisions all have one", when, d.Title)
		}
	}
	if diff := gocmp.Diff(ds, got); diff != "" {
		t.Errorf("%s: Decisions({}) and Decisions(every date) differ (-empty filter +dates):\n%s", when, diff)
	}
	// OmitReports gives the same decisions without their reports, on both
	// paths.
	for _, f := range []unsc.DecisionFilter{{OmitReports: true}, {From: day("1900-01-01"), To: day("2999-12-31"), OmitReports: true}} {
		lean, err := s.Decisions(context.Background(), f)
		if err != nil {
			t.Fatalf("%s: Decisions(%+v) = %v", when, f, err)
		}
		var want []unsc.Decision
		for _, d := range ds {
			d.Reports = nil
			want = append(want, d)
		}
		if diff := gocmp.Diff(want, lean, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: Decisions(%+v) differs from the whole decisions without reports (-want +got):\n%s", when, f, diff)
		}
		// A page of them, as a page of the whole.
		f.Offset, f.Limit = 1, 2
		page, err := s.Decisions(context.Background(), f)
		if err != nil {
			t.Fatalf("%s: Decisions(%+v) = %v", when, f, err)
		}
		want = want[min(1, len(want)):min(3, len(want))]
		if diff := gocmp.Diff(want, page, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: Decisions(%+v) differs from that page of the whole decisions without reports (-want +got):\n%s", when, f, diff)
		}
	}
}

// byReport orders reports by source and key.
func byReport(a, b unsc.Report) int {
	return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Key, b.Key))
}

// byContent orders decisions by what they are about, leaving out the ID a
// store gives them.
func byContent(a, b unsc.Decision) int {
	return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Meeting, b.Meeting), cmp.Compare(a.Title, b.Title))
}

var ignoreID = cmpopts.IgnoreFields(unsc.Decision{}, "ID")

func testImportRoundTrip(t *testing.T, open func(t *testing.T) unsc.Store) {
	s := open(t)
	rc := &reconciler{}
	in := reports()
	got, err := s.Import(context.Background(), in, rc.reconcile)
	if err != nil {
		t.Fatalf("Import(reports) = %v", err)
	}
	want := unsc.ImportSummary{Reports: len(in), Added: len(in), Decisions: 9}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("Import(reports) summary mismatch (-want +got):\n%s", diff)
	}

	// The reconciler is handed every report, every field intact.
	seen := slices.SortedFunc(slices.Values(rc.lastSeen()), byReport)
	slices.SortFunc(in, byReport)
	if diff := gocmp.Diff(in, seen); diff != "" {
		t.Errorf("reports handed to the reconciler mismatch (-imported +seen):\n%s", diff)
	}

	// The decisions read back are those reconciled, with their reports.
	ds := all(t, s)
	wantDs := slices.SortedFunc(slices.Values(rc.lastOut()), byContent)
	gotDs := slices.SortedFunc(slices.Values(ds), byContent)
	if diff := gocmp.Diff(wantDs, gotDs, ignoreID); diff != "" {
		t.Errorf("Decisions({}) mismatch with the reconciled decisions (-reconciled +stored):\n%s", diff)
	}
	ids := map[int64]bool{}
	for _, d := range ds {
		if d.ID == 0 || ids[d.ID] {
			t.Errorf("Decisions({}): decision %q has ID %d, want a unique non-zero ID", d.Title, d.ID)
		}
		ids[d.ID] = true
	}

	// The suite's reports make notes of every kind, with and without
	// members, and they come back as written (compared above).
	kinds := map[unsc.NoteKind]bool{}
	members := false
	for _, d := range ds {
		for _, n := range d.Notes {
			kinds[n.Kind] = true
			members = members || len(n.Members) > 0
		}
	}
	if len(kinds) != 3 || !members {
		t.Errorf("stored decisions have notes of kinds %v (members: %v), want all three kinds and some with members", kinds, members)
	}

	// Every report comes back in exactly one decision.
	var back []unsc.Report
	for _, d := range ds {
		back = append(back, d.Reports...)
	}
	slices.SortFunc(back, byReport)
	if diff := gocmp.Diff(in, back); diff != "" {
		t.Errorf("reports of the stored decisions mismatch (-imported +stored):\n%s", diff)
	}
}

func testReimportUnchanged(t *testing.T, open func(t *testing.T) unsc.Store) {
	s, rc := importAll(t, open)
	before := all(t, s)
	got, err := s.Import(context.Background(), reports(), rc.reconcile)
	if err != nil {
		t.Fatalf("Import(reports) again = %v", err)
	}
	n := len(reports())
	want := unsc.ImportSummary{Reports: n, Unchanged: n, Decisions: 9}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("Import(reports) again: summary mismatch (-want +got):\n%s", diff)
	}
	if calls := rc.callCount(); calls != 1 {
		t.Errorf("reconciler called %d times over two imports of the same reports, want 1", calls)
	}
	if diff := gocmp.Diff(before, all(t, s)); diff != "" {
		t.Errorf("Import(reports) again changed the decisions (-before +after):\n%s", diff)
	}
}

func testReimportChanged(t *testing.T, open func(t *testing.T) unsc.Store) {
	s, rc := importAll(t, open)
	in := reports()
	const newTitle = "E: The situation in the Middle East, including the Palestinian question"
	changed := -1
	for i := range in {
		if in[i].Source == unsc.SourceUNDL && in[i].Key == "2728" {
			in[i].Title = newTitle
			in[i].Votes = in[i].Votes.With("USA", unsc.No) // a vote corrected by the source
			changed = i
		}
	}
	got, err := s.Import(context.Background(), in, rc.reconcile)
	if err != nil {
		t.Fatalf("Import(changed reports) = %v", err)
	}
	want := unsc.ImportSummary{Reports: len(in), Updated: 1, Unchanged: len(in) - 1, Decisions: 9}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("Import(changed reports): summary mismatch (-want +got):\n%s", diff)
	}
	i := slices.IndexFunc(rc.lastSeen(), func(r unsc.Report) bool { return r.Source == unsc.SourceUNDL && r.Key == "2728" })
	if i < 0 {
		t.Fatalf("reconciler was not handed the changed report")
	}
	if diff := gocmp.Diff(in[changed], rc.lastSeen()[i]); diff != "" {
		t.Errorf("changed report as handed to the reconciler (-imported +seen):\n%s", diff)
	}
	ds, err := s.Decisions(context.Background(), unsc.DecisionFilter{Symbol: "S/RES/2728 (2024)"})
	if err != nil {
		t.Fatalf("Decisions(S/RES/2728 (2024)) = %v", err)
	}
	if len(ds) != 1 || ds[0].Title != newTitle || ds[0].Votes.Of("USA") != unsc.No {
		t.Errorf("Decisions(S/RES/2728 (2024)) = %d decisions %+v, want one titled %q with the USA voting no", len(ds), ds, newTitle)
	}
}

func testReimportMovedRef(t *testing.T, open func(t *testing.T) unsc.Store) {
	s, rc := importAll(t, open)
	in := reports()
	for i := range in {
		in[i].Ref = "moved/" + in[i].Ref
	}
	got, err := s.Import(context.Background(), in, rc.reconcile)
	if err != nil {
		t.Fatalf("Import(moved reports) = %v", err)
	}
	want := unsc.ImportSummary{Reports: len(in), Unchanged: len(in), Decisions: 9}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("Import(moved reports): where a report was read is not its content; summary mismatch (-want +got):\n%s", diff)
	}
	var refs []string
	for _, d := range all(t, s) {
		for _, r := range d.Reports {
			refs = append(refs, r.Ref)
		}
	}
	slices.Sort(refs)
	var wantRefs []string
	for _, r := range in {
		wantRefs = append(wantRefs, r.Ref)
	}
	slices.Sort(wantRefs)
	if diff := gocmp.Diff(wantRefs, refs); diff != "" {
		t.Errorf("refs after Import(moved reports) mismatch (-want +got):\n%s", diff)
	}
}

// testReimportWholeRenamedKey delivers a source whole twice, the second
// set giving one report under a new key (a draft's symbol found since): the
// record holds one decision of it, not one under each key, and the
// reconciler is never handed the report under the old key again. The other
// reports of the source, given again, and those of other sources, not
// given, stay.
func testReimportWholeRenamedKey(t *testing.T, open func(t *testing.T) unsc.Store) {
	s := open(t)
	rc := &reconciler{}
	old := unsc.Report{
		Source: unsc.SourceDHLVetoes, Key: "draft at S/PV.9999", Ref: "https://research.un.org/en/docs/sc/quick/veto#2025",
		Date: day("2025-09-18"), Meeting: "S/PV.9999", Title: "Z: a draft whose symbol was not yet known",
		Outcome: unsc.Vetoed, VetoedBy: []unsc.Code{"USA"},
	}
	in := append(reports(), old)
	if _, err := s.Import(context.Background(), in, rc.reconcile); err != nil {
		t.Fatalf("Import(reports) = %v", err)
	}
	if n := len(all(t, s)); n != 10 {
		t.Fatalf("Decisions({}) after the first import = %d decisions, want 10", n)
	}
	renamed := old
	renamed.Key, renamed.Draft = "2025-09-18/S/2025/999", "S/2025/999"
	var set []unsc.Report
	for _, r := range reports() {
		if r.Source == unsc.SourceDHLVetoes {
			set = append(set, r)
		}
	}
	set = append(set, renamed)
	got, err := s.Import(context.Background(), set, rc.reconcile, unsc.SourceDHLVetoes)
	if err != nil {
		t.Fatalf("Import(the source's set, renamed key, whole) = %v", err)
	}
	want := unsc.ImportSummary{Reports: len(set), Added: 1, Unchanged: len(set) - 1, Removed: 1, Decisions: 10}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("Import(the source's set, renamed key, whole): summary mismatch (-want +got):\n%s", diff)
	}
	ds, err := s.Decisions(context.Background(), unsc.DecisionFilter{Symbol: "S/PV.9999"})
	if err != nil {
		t.Fatalf("Decisions(S/PV.9999) = %v", err)
	}
	if len(ds) != 1 || ds[0].Draft != "S/2025/999" || len(ds[0].Reports) != 1 || ds[0].Reports[0].Key != renamed.Key {
		t.Errorf("Decisions(S/PV.9999) = %+v, want one decision, S/2025/999, of the one report %q", ds, renamed.Key)
	}
	for _, r := range rc.lastSeen() {
		if r.Source == old.Source && r.Key == old.Key {
			t.Errorf("the reconciler was handed the report under the key the set no longer gives, %q", old.Key)
		}
	}
	var stored []unsc.Report
	for _, d := range all(t, s) {
		stored = append(stored, d.Reports...)
	}
	wantStored := append(reports(), renamed)
	slices.SortFunc(stored, byReport)
	slices.SortFunc(wantStored, byReport)
	if diff := gocmp.Diff(wantStored, stored, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("reports after the whole delivery (-want +got):\n%s", diff)
	}
	checkWholeRecord(t, s, "after the whole delivery")

	// A source not delivered whole keeps a report its import does not give
	// again.
	got, err = s.Import(context.Background(), set[:1], rc.reconcile)
	if err != nil || got.Removed != 0 || got.Decisions != 10 {
		t.Errorf("Import(one report of the source, not whole) = %+v, %v; want nothing removed, 10 decisions", got, err)
	}
}

// testImportOrder imports the same reports into two stores in two imports,
// in opposite orders: the records must be the same, whatever order the
// reports were first stored in.
func testImportOrder(t *testing.T, open func(t *testing.T) unsc.Store) {
	in := reports()
	half := len(in) / 2
	first, second := in[:half], in[half:]
	reversed := func(rs []unsc.Report) []unsc.Report {
		out := slices.Clone(rs)
		slices.Reverse(out)
		return out
	}
	var records [2][]unsc.Decision
	for i, batches := range [2][2][]unsc.Report{{first, second}, {reversed(second), reversed(first)}} {
		s := open(t)
		rc := &reconciler{}
		for _, b := range batches {
			if _, err := s.Import(context.Background(), b, rc.reconcile); err != nil {
				t.Fatalf("Import = %v", err)
			}
		}
		ds := all(t, s)
		for j := range ds {
			slices.SortFunc(ds[j].Reports, byReport)
			slices.Sort(ds[j].Sources)
		}
		slices.SortFunc(ds, byContent)
		records[i] = ds
	}
	if diff := gocmp.Diff(records[0], records[1], ignoreID, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("the same reports imported in another order make another record (-in order +reversed):\n%s", diff)
	}
}

func testImportOneSourceAtATime(t *testing.T, open func(t *testing.T) unsc.Store) {
	s := open(t)
	rc := &reconciler{}
	in := reports()
	bySource := map[unsc.Source][]unsc.Report{}
	var sources []unsc.Source
	for _, r := range in {
		if bySource[r.Source] == nil {
			sources = append(sources, r.Source)
		}
		bySource[r.Source] = append(bySource[r.Source], r)
	}
	imported := 0
	for _, src := range sources {
		got, err := s.Import(context.Background(), bySource[src], rc.reconcile)
		if err != nil {
			t.Fatalf("Import(%s) = %v", src, err)
		}
		imported += len(bySource[src])
		if got.Added != len(bySource[src]) || got.Updated != 0 || got.Unchanged != 0 {
			t.Errorf("Import(%s) = %+v, want %d added", src, got, len(bySource[src]))
		}
		// The reconciler sees the record, not just the import.
		if n := len(rc.lastSeen()); n != imported {
			t.Errorf("after Import(%s) the reconciler saw %d reports, want the %d in the record", src, n, imported)
		}
	}
	slices.SortFunc(in, byReport)
	seen := slices.SortedFunc(slices.Values(rc.lastSeen()), byReport)
	if diff := gocmp.Diff(in, seen); diff != "" {
		t.Errorf("reports handed to the reconciler after the last import (-imported +seen):\n%s", diff)
	}
	if n := len(all(t, s)); n != 9 {
		t.Errorf("Decisions({}) after importing each source = %d decisions, want 9", n)
	}
}

// checkNothingWritten checks that a failed import left the store as before:
// the same decisions, and none of extra written (importing it again adds all
// of it).
func checkNothingWritten(t *testing.T, s unsc.Store, before []unsc.Decision, extra []unsc.Report) {
	t.Helper()
	if diff := gocmp.Diff(before, all(t, s)); diff != "" {
		t.Errorf("a failed import changed the decisions (-before +after):\n%s", diff)
	}
	rc := &reconciler{}
	got, err := s.Import(context.Background(), extra, rc.reconcile)
	if err != nil {
		t.Fatalf("Import(the valid reports of the failed import) = %v", err)
	}
	if got.Added != len(extra) {
		t.Errorf("after a failed import, importing its %d new reports again added %d: the failed import wrote some", len(extra), got.Added)
	}
}

func newReport(key string) unsc.Report {
	return unsc.Report{
		Source: unsc.SourceUNDL, Key: key, Ref: "undl.csv:" + key,
		Date: day("2024-06-10"), Meeting: "S/PV.9650", Resolution: "S/RES/2735 (2024)", Draft: "S/2024/" + key,
		Title: "New: " + key, Outcome: unsc.Adopted,
	}
}

func testImportInvalid(t *testing.T, open func(t *testing.T) unsc.Store) {
	dup := newReport("440")
	dup.Ref = "undl.csv:99"
	tests := []struct {
		name    string
		bad     unsc.Report
		field   string // the field the error must name
		withNew bool
	}{
		{"no source", unsc.Report{Key: "x", Ref: "file.csv:7", Title: "no source"}, "file.csv:7", true},
		{"no key", unsc.Report{Source: unsc.SourceDHLVetoes, Ref: "vetoes.html:12", Title: "no key"}, "vetoes.html:12", true},
		{"duplicate key", dup, "undl.csv:99", true},
		{"unknown outcome", unsc.Report{Source: unsc.SourceUNDL, Key: "y", Ref: "undl.csv:8", Outcome: unsc.Outcome(42)}, "undl.csv:8", true},
		{"unknown position", unsc.Report{Source: unsc.SourceUNDL, Key: "z", Ref: "undl.csv:9",
			Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"FRA": unsc.Position(9)})}, "undl.csv:9", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, rc := importAll(t, open)
			before := all(t, s)
			valid := []unsc.Report{newReport("440"), newReport("441")}
			batch := append(slices.Clone(valid), tt.bad)
			_, err := s.Import(context.Background(), batch, rc.reconcile)
			if code := unsc.ErrorCode(err); code != unsc.EINVALID {
				t.Fatalf("Import(%s) = %v (code %q), want code %q", tt.name, err, code, unsc.EINVALID)
			}
			var e *unsc.Error
			if errors.As(err, &e) && e.Field != tt.field {
				t.Errorf("Import(%s) = %v, naming %q, want the error to name %q", tt.name, err, e.Field, tt.field)
			}
			if calls := rc.callCount(); calls != 1 {
				t.Errorf("Import(%s) called the reconciler", tt.name)
			}
			checkNothingWritten(t, s, before, valid)
		})
	}
}

func testImportReconcilerFails(t *testing.T, open func(t *testing.T) unsc.Store) {
	tests := []struct {
		name      string
		reconcile unsc.Reconciler
	}{
		{"panics", func([]unsc.Report) []unsc.Decision { panic("reconciler bug") }},
		{"returns a report not in the record", func(rs []unsc.Report) []unsc.Decision {
			ds := (&reconciler{}).reconcile(rs)
			ds[0].Reports = append(ds[0].Reports, unsc.Report{Source: unsc.SourceUNDL, Key: "no such report"})
			return ds
		}},
		{"returns an unknown outcome", func(rs []unsc.Report) []unsc.Decision {
			ds := (&reconciler{}).reconcile(rs)
			ds[len(ds)-1].Derived = unsc.Outcome(42)
			return ds
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := importAll(t, open)
			before := all(t, s)
			valid := []unsc.Report{newReport("440")}
			if _, err := s.Import(context.Background(), valid, tt.reconcile); err == nil {
				t.Fatalf("Import with a reconciler that %s = nil error, want an error", tt.name)
			}
			checkNothingWritten(t, s, before, valid)
		})
	}
}

func testImportCancelled(t *testing.T, open func(t *testing.T) unsc.Store) {
	t.Run("before", func(t *testing.T) {
		s, rc := importAll(t, open)
		before := all(t, s)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		valid := []unsc.Report{newReport("440")}
		if _, err := s.Import(ctx, valid, rc.reconcile); !errors.Is(err, context.Canceled) {
			t.Fatalf("Import(cancelled context) = %v, want context.Canceled", err)
		}
		checkNothingWritten(t, s, before, valid)
	})
	t.Run("while reconciling", func(t *testing.T) {
		s, _ := importAll(t, open)
		before := all(t, s)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		// The reports are written by now; the decisions are not.
		rc := &reconciler{before: cancel}
		valid := []unsc.Report{newReport("440"), newReport("441")}
		if _, err := s.Import(ctx, valid, rc.reconcile); !errors.Is(err, context.Canceled) {
			t.Fatalf("Import(context cancelled while reconciling) = %v, want context.Canceled", err)
		}
		// The import may end before the store notices the cancellation
		// in the background; give it no chance to leave anything behind.
		time.Sleep(10 * time.Millisecond)
		checkNothingWritten(t, s, before, valid)
	})
}

func testDecisionsOrder(t *testing.T, open func(t *testing.T) unsc.Store) {
	s, _ := importAll(t, open)
	ds := all(t, s)
	for i := 1; i < len(ds); i++ {
		a, b := ds[i-1], ds[i]
		if c := cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Meeting, b.Meeting), cmp.Compare(a.ID, b.ID)); c >= 0 {
			t.Errorf("Decisions({}): %s %s #%d before %s %s #%d, want date, then meeting, then ID order",
				a.Date.Format(time.DateOnly), a.Meeting, a.ID, b.Date.Format(time.DateOnly), b.Meeting, b.ID)
		}
	}
	// Pages are slices of that order.
	for _, f := range []unsc.DecisionFilter{{Limit: 1}, {Offset: 1, Limit: 2}, {Offset: 7}, {Offset: 7, Limit: 5}, {Offset: 20}} {
		got, err := s.Decisions(context.Background(), f)
		if err != nil {
			t.Fatalf("Decisions(%+v) = %v", f, err)
		}
		end := len(ds)
		if f.Limit > 0 {
			end = min(end, f.Offset+f.Limit)
		}
		want := ds[min(f.Offset, len(ds)):max(end, min(f.Offset, len(ds)))]
		if diff := gocmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Decisions(%+v) mismatch with the same page of every decision (-want +got):\n%s", f, diff)
		}
	}
}

func testDecisionsFilter(t *testing.T, open func(t *testing.T) unsc.Store) {
	s, _ := importAll(t, open)
	tests := []struct {
		f    unsc.DecisionFilter
		want []string // titles, in date order
	}{
		{unsc.DecisionFilter{}, []string{titleA, titleG, titleB, titleH, titleC, titleI, titleF, titleD, titleE}},
		{unsc.DecisionFilter{Symbol: "S/RES/2728 (2024)"}, []string{titleE}},
		{unsc.DecisionFilter{Symbol: "2728 (2024)"}, []string{titleE}},
		{unsc.DecisionFilter{Symbol: "S/RES/2728(2024)"}, []string{titleE}},
		{unsc.DecisionFilter{Symbol: "s/res/2728"}, []string{titleE}},
		{unsc.DecisionFilter{Symbol: "S/RES/82"}, []string{titleA}},
		{unsc.DecisionFilter{Symbol: "82 (1950)"}, []string{titleA}},
		{unsc.DecisionFilter{Symbol: "S/2023/970"}, []string{titleB}},
		{unsc.DecisionFilter{Symbol: "S/1497"}, []string{titleA}},
		// A draft selects the votes on it and on its amendments.
		{unsc.DecisionFilter{Symbol: "S/2024/239"}, []string{titleD, titleE}},
		{unsc.DecisionFilter{Symbol: "S/2024/0239"}, []string{titleD, titleE}},
		{unsc.DecisionFilter{Symbol: "S/PV.9586"}, []string{titleD, titleE}},
		{unsc.DecisionFilter{Symbol: "S/PV 9552"}, []string{titleC, titleI}},
		{unsc.DecisionFilter{Symbol: "S/PV.9586", Outcome: unsc.Failed}, []string{titleD}},
		{unsc.DecisionFilter{From: day("2024-02-20"), To: day("2024-03-22")}, []string{titleC, titleI, titleF}},
		{unsc.DecisionFilter{From: day("2024-03-25")}, []string{titleD, titleE}},
		{unsc.DecisionFilter{To: day("1950-06-25")}, []string{titleA}},
		{unsc.DecisionFilter{From: day("2024-02-21"), To: day("2024-03-21")}, nil},
		{unsc.DecisionFilter{Vetoed: true}, []string{titleB, titleC, titleF}},
		{unsc.DecisionFilter{Vetoed: true, VetoedBy: "USA"}, []string{titleB, titleC}},
		{unsc.DecisionFilter{VetoedBy: "RUS"}, []string{titleF}},
		{unsc.DecisionFilter{VetoedBy: "FRA"}, nil},
		{unsc.DecisionFilter{Vetoed: true, From: day("2024-01-01")}, []string{titleC, titleF}},
		// The recorded or the derived outcome.
		{unsc.DecisionFilter{Outcome: unsc.Adopted}, []string{titleA, titleG, titleH, titleI, titleE}},
		{unsc.DecisionFilter{Outcome: unsc.Failed}, []string{titleH, titleD}},
		{unsc.DecisionFilter{Outcome: unsc.Vetoed}, []string{titleB, titleC, titleF}},
		{unsc.DecisionFilter{Outcome: unsc.Adopted, Offset: 1, Limit: 2}, []string{titleG, titleH}},
	}
	for _, tt := range tests {
		ds, err := s.Decisions(context.Background(), tt.f)
		if err != nil {
			t.Errorf("Decisions(%+v) = %v", tt.f, err)
			continue
		}
		var got []string
		for _, d := range ds {
			got = append(got, d.Title)
		}
		// Decisions on one day at one meeting may come in any order the
		// store numbers them; the titles say which way the test wants them.
		sortTies(ds, got)
		if diff := gocmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Decisions(%+v) titles mismatch (-want +got):\n%s", tt.f, diff)
		}
	}

	// Each selected decision comes with its positions, vetoes, sources and
	// reports.
	ds, err := s.Decisions(context.Background(), unsc.DecisionFilter{Symbol: "S/2024/173"})
	if err != nil || len(ds) != 1 {
		t.Fatalf("Decisions(S/2024/173) = %d decisions, %v; want 1", len(ds), err)
	}
	d := ds[0]
	if d.Votes.Of("USA") != unsc.No || d.Votes.Of("GBR") != unsc.Abstain || d.Votes.Len() != 15 {
		t.Errorf("Decisions(S/2024/173) votes = %v, want 15 with USA no and GBR abstaining", d.Votes)
	}
	if diff := gocmp.Diff([]unsc.Code{"USA"}, d.VetoedBy); diff != "" {
		t.Errorf("Decisions(S/2024/173) vetoed by mismatch (-want +got):\n%s", diff)
	}
	if diff := gocmp.Diff([]unsc.Source{unsc.SourceDHLVetoes, unsc.SourceUNDL}, d.Sources); diff != "" {
		t.Errorf("Decisions(S/2024/173) sources mismatch (-want +got):\n%s", diff)
	}
	if len(d.Reports) != 2 || d.Reports[1].Votes.Of("USA") != unsc.No {
		t.Errorf("Decisions(S/2024/173) reports = %+v, want the two reports with their votes", d.Reports)
	}

	// A symbol no decision has is not found, whatever its kind.
	for _, sym := range []string{"S/RES/9999 (2024)", "S/RES/9999", "S/2099/1", "S/PV.1"} {
		_, err := s.Decisions(context.Background(), unsc.DecisionFilter{Symbol: sym})
		if code := unsc.ErrorCode(err); code != unsc.ENOTFOUND {
			t.Errorf("Decisions(Symbol: %q) = %v (code %q), want code %q", sym, err, code, unsc.ENOTFOUND)
		}
	}
}

// sortTies reorders titles of decisions with the same date and meeting by
// title, so that a test does not depend on how a store numbers them.
func sortTies(ds []unsc.Decision, titles []string) {
	for i := 0; i < len(ds); {
		j := i + 1
		for j < len(ds) && ds[j].Date.Equal(ds[i].Date) && ds[j].Meeting == ds[i].Meeting {
			j++
		}
		slices.Sort(titles[i:j])
		i = j
	}
}

func testDecisionsInvalidFilter(t *testing.T, open func(t *testing.T) unsc.Store) {
	s, _ := importAll(t, open)
	for _, f := range []unsc.DecisionFilter{
		{Symbol: "not a symbol"},
		{Symbol: "A/RES/76/262"},
		{Offset: -1},
		{Limit: -5},
		{Outcome: unsc.Outcome(42)},
	} {
		_, err := s.Decisions(context.Background(), f)
		if code := unsc.ErrorCode(err); code != unsc.EINVALID {
			t.Errorf("Decisions(%+v) = %v (code %q), want code %q", f, err, code, unsc.EINVALID)
		}
	}
}

func testDecisionsWholeRecord(t *testing.T, open func(t *testing.T) unsc.Store) {
	s := open(t)
	rc := &reconciler{}
	checkWholeRecord(t, s, "empty store")
	in := reports()
	half := len(in) / 2
	if _, err := s.Import(context.Background(), in[:half], rc.reconcile); err != nil {
		t.Fatalf("Import(first half) = %v", err)
	}
	checkWholeRecord(t, s, "after importing half the reports")
	if _, err := s.Import(context.Background(), in, rc.reconcile); err != nil {
		t.Fatalf("Import(reports) = %v", err)
	}
	checkWholeRecord(t, s, "after importing every report")
	for i := range in {
		in[i].Ref = "moved/" + in[i].Ref
	}
	if _, err := s.Import(context.Background(), in, rc.reconcile); err != nil {
		t.Fatalf("Import(moved reports) = %v", err)
	}
	checkWholeRecord(t, s, "after the reports moved")
	in[0].Title = "changed"
	if _, err := s.Import(context.Background(), in, rc.reconcile); err != nil {
		t.Fatalf("Import(a changed report) = %v", err)
	}
	checkWholeRecord(t, s, "after a report changed")
	bad := func([]unsc.Report) []unsc.Decision { panic("reconciler bug") }
	in[1].Title = "changed too"
	if _, err := s.Import(context.Background(), in, bad); err == nil {
		t.Fatalf("Import with a reconciler that panics = nil error, want an error")
	}
	checkWholeRecord(t, s, "after a failed import")
}

func testMembership(t *testing.T, open func(t *testing.T) unsc.Store) {
	s := open(t)
	ctx := context.Background()
	if ms, err := s.Membership(ctx, time.Time{}); err != nil || len(ms) != 0 {
		t.Errorf("Membership(zero) of an empty store = %v, %v; want none", ms, err)
	}
	in := tenures()
	if err := s.SetMembership(ctx, in); err != nil {
		t.Fatalf("SetMembership = %v", err)
	}
	byName := func(ms []unsc.Member) []unsc.Member {
		return slices.SortedStableFunc(slices.Values(ms), func(a, b unsc.Member) int {
			return cmp.Or(cmp.Compare(a.Name, b.Name), a.TermStart.Compare(b.TermStart))
		})
	}
	got, err := s.Membership(ctx, time.Time{})
	if err != nil {
		t.Fatalf("Membership(zero) = %v", err)
	}
	if diff := gocmp.Diff(byName(in), got); diff != "" {
		t.Errorf("Membership(zero) mismatch, want every tenure in the Council's order (-want +got):\n%s", diff)
	}

	tests := []struct {
		date string
		want []string // code and government
	}{
		{"1945-10-23", nil},
		{"1945-10-24", []string{"CHN Republic of China", "SUN", "USA"}},
		{"1971-10-24", []string{"CHN Republic of China", "SUN", "USA"}},
		{"1971-10-25", []string{"CHN People's Republic of China", "SUN", "USA"}},
		{"1991-12-25", []string{"CHN People's Republic of China", "RUS", "USA"}},
		{"2023-12-31", []string{"BRA", "CHN People's Republic of China", "MOZ", "RUS", "USA"}},
		{"2024-01-01", []string{"DZA", "CHN People's Republic of China", "MOZ", "RUS", "USA"}},
		{"2026-01-01", []string{"CHN People's Republic of China", "RUS", "USA"}},
	}
	for _, tt := range tests {
		ms, err := s.Membership(ctx, day(tt.date))
		if err != nil {
			t.Errorf("Membership(%s) = %v", tt.date, err)
			continue
		}
		var got []string
		for _, m := range ms {
			s := string(m.Code)
			if m.Government != "" {
				s += " " + m.Government
			}
			got = append(got, s)
		}
		if diff := gocmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Membership(%s) mismatch (-want +got):\n%s", tt.date, diff)
		}
	}

	// SetMembership replaces, never adds.
	if err := s.SetMembership(ctx, in[:2]); err != nil {
		t.Fatalf("SetMembership(two tenures) = %v", err)
	}
	got, err = s.Membership(ctx, time.Time{})
	if err != nil {
		t.Fatalf("Membership(zero) = %v", err)
	}
	if diff := gocmp.Diff(byName(in[:2]), got); diff != "" {
		t.Errorf("Membership(zero) after SetMembership(two tenures) mismatch (-want +got):\n%s", diff)
	}
}

func testSetMembershipInvalid(t *testing.T, open func(t *testing.T) unsc.Store) {
	s := open(t)
	ctx := context.Background()
	if err := s.SetMembership(ctx, tenures()); err != nil {
		t.Fatalf("SetMembership = %v", err)
	}
	for name, bad := range map[string]unsc.Member{
		"no code":           {Name: "Nowhere", TermStart: day("2000-01-01")},
		"no start":          {Code: "FRA", Name: "France", Permanent: true},
		"ends before start": {Code: "BRA", Name: "Brazil", TermStart: day("2022-01-01"), TermEnd: day("2021-12-31")},
	} {
		err := s.SetMembership(ctx, append(tenures()[:3], bad))
		if code := unsc.ErrorCode(err); code != unsc.EINVALID {
			t.Errorf("SetMembership(%s) = %v (code %q), want code %q", name, err, code, unsc.EINVALID)
		}
		got, err := s.Membership(ctx, time.Time{})
		if err != nil {
			t.Fatalf("Membership(zero) = %v", err)
		}
		if len(got) != len(tenures()) {
			t.Errorf("after SetMembership(%s) failed, Membership(zero) = %d tenures, want the %d set before", name, len(got), len(tenures()))
		}
	}
}
