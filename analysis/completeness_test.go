package analysis_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"unsc"
	"unsc/analysis"
)

// TestCompletenessByKindInRealRecord checks that the record says, kind by
// kind, how far it is complete, and that every count answer names the
// period true for the kinds it counts: no day for the procedural votes,
// with how many are known; the vetoed drafts' and amendments' day for a
// veto answer; the earliest day of the kinds counted for an answer that
// mixes them.
func TestCompletenessByKindInRealRecord(t *testing.T) {
	ds, x := realRecord(t)
	ctx := context.Background()
	c := x.Coverage()
	kinds := map[string]analysis.KindCoverage{}
	for _, k := range c.Kinds {
		kinds[k.Kind] = k
	}
	counts := map[string]int{}
	var lastVetoList string
	for _, d := range ds {
		counts[analysis.KindOf(d)]++
		if slices.Contains(d.Sources, unsc.SourceSpreadsheet) {
			lastVetoList = d.Date.Format(time.DateOnly)
		}
	}
	if len(c.Kinds) != len(analysis.Kinds) {
		t.Fatalf("coverage names %d kinds, want %d", len(c.Kinds), len(analysis.Kinds))
	}
	// No source lists the procedural votes, the preliminary questions, the
	// ICJ elections or the other decisions.
	for _, kind := range []string{analysis.KindProcedural, analysis.KindPreliminary, analysis.KindICJ, analysis.KindOther} {
		if k := kinds[kind]; k.CompleteTo != "" || k.CompleteFrom != "" || len(k.ListedBy) != 0 || k.Decisions != counts[kind] {
			t.Errorf("coverage of %s = %+v; want no day and the %d the record holds", kind, k, counts[kind])
		}
	}
	// The failed and vetoed drafts from the first meeting to the day
	// CuratedCompleteTo gives (TestLate2025DraftsInRealRecord), later than
	// the spreadsheet's last day; the amendments to the same day
	// (TestLate2025AmendmentsInRealRecord), and only from the
	// spreadsheet's first day, which no other source lists.
	for _, kind := range []string{analysis.KindFailed, analysis.KindVetoed} {
		if k, want := kinds[kind], analysis.CuratedCompleteTo[kind]; k.CompleteTo != want || want <= lastVetoList || !k.Curated || k.CompleteFrom != "1946-01-17" {
			t.Errorf("coverage of %s = %+v; want complete from the first meeting to %s, curated", kind, k, want)
		}
	}
	if k, want := kinds[analysis.KindAmendment], analysis.CuratedCompleteTo[analysis.KindAmendment]; k.CompleteTo != want || want <= lastVetoList || !k.Curated {
		t.Errorf("coverage of amendments = %+v; want complete to %s, curated, after the spreadsheet's last day %s", k, want, lastVetoList)
	}
	if k := kinds[analysis.KindAmendment]; k.CompleteFrom != "1994-01-06" || !slices.Equal(k.ListedBy, []unsc.Source{unsc.SourceSpreadsheet}) {
		t.Errorf("coverage of amendments = %+v; want from 6 January 1994, by the spreadsheet alone", k)
	}
	// The resolutions to the day CuratedCompleteTo gives, which no
	// resolution of the record comes after.
	k := kinds[analysis.KindResolution]
	if want := analysis.CuratedCompleteTo[analysis.KindResolution]; k.CompleteTo != want || !k.Curated || k.CompleteFrom != "1946-01-17" {
		t.Errorf("coverage of resolutions = %+v; want complete from the first meeting to %s, curated", k, want)
	}
	earliest := ""
	for _, k := range c.Kinds {
		if k.CompleteTo != "" && (earliest == "" || k.CompleteTo < earliest) {
			earliest = k.CompleteTo
		}
	}
	if c.CompleteTo != earliest || earliest != "2025-12-31" {
		t.Errorf("coverage complete to %s, want the earliest day of the kinds listed in full, %s, 31 December 2025", c.CompleteTo, earliest)
	}
	procedural := "procedural votes: " + strconv.Itoa(counts[analysis.KindProcedural]) + " known, no source lists them all"
	if !strings.Contains(c.Complete, procedural) || !strings.Contains(c.Complete, "every resolution, failed draft, vetoed draft and amendment to 31 December 2025 (amendments from 6 January 1994)") {
		t.Errorf("coverage in words %q, want %q and the resolutions, drafts and amendments to 31 December 2025", c.Complete, procedural)
	}

	// A count over the procedural votes claims no day.
	s := must(x.Search(ctx, analysis.SearchQuery{Matter: unsc.Procedural, MatterSet: true, Limit: 1}))
	if p := s.Period; p.CompleteTo != "" || len(p.Kinds) != 1 || p.Kinds[0].Known != counts[analysis.KindProcedural] || !strings.Contains(p.Text, "none of them lists every procedural vote") || !strings.Contains(p.Text, procedural) {
		t.Errorf("search of the procedural votes: period %+v; want no day, and %q", p, procedural)
	}
	// Nor does a count over a period with procedural votes, whatever the
	// day of the other kinds: the member's history says how many are
	// known there.
	// Each kind listed in full is so to 31 December 2025 only by the
	// curated decisions, which no one source lists: the record, not the
	// sources, is said to hold them all.
	m := must(x.Member(ctx, "USA"))
	if p := m.Period; p.CompleteTo != earliest || !strings.Contains(p.Text, procedural) || !strings.Contains(p.Text, "the last day to which the record holds every resolution, failed draft, vetoed draft and amendment;") || strings.Contains(p.Text, "the sources list") {
		t.Errorf("member USA: period %+v; want to %s, the earliest day of the kinds, that the record holds them, and %q", p, earliest, procedural)
	}
	tr := must(x.Trends(ctx, day("2024-01-01"), day("2024-12-31")))
	known := 0
	for _, d := range ds {
		if d.Date.Year() == 2024 && analysis.KindOf(d) == analysis.KindProcedural {
			known++
		}
	}
	if want := "procedural votes: " + strconv.Itoa(known) + " known"; known == 0 || !strings.Contains(tr.Period.Text, want) {
		t.Errorf("trends of 2024: period %q, want %q", tr.Period.Text, want)
	}

	// A veto answer: the day of the vetoed drafts and the amendments, both
	// complete to 31 December 2025 by the curated decisions, so the record
	// is said to hold them; no word of procedural votes, which cannot be
	// vetoed; the preliminary questions, some vetoed (the "double veto"),
	// are not all known.
	v := must(x.Vetoes(ctx, analysis.VetoQuery{}))
	if p := v.Period; p.CompleteTo != kinds[analysis.KindAmendment].CompleteTo || p.CompleteTo != kinds[analysis.KindVetoed].CompleteTo || strings.Contains(p.Text, "procedural") || !strings.Contains(p.Text, "amendments are listed in full only from 6 January 1994") || !strings.Contains(p.Text, "31 December 2025, the last day to which the record holds every vetoed draft and amendment") || !strings.Contains(p.Text, "preliminary questions: "+strconv.Itoa(counts[analysis.KindPreliminary])+" known") {
		t.Errorf("vetoes: period %+v; want to the vetoed drafts' and amendments' day %s, held by the record, amendments from 1994", p, kinds[analysis.KindAmendment].CompleteTo)
	}
	// The record holds no decision after that day, so none is said to be
	// missing after it (the wording for kinds listed to different days is
	// checked against PeriodTextReference over every period).
	later := 0
	for _, d := range ds {
		if d.Date.Format(time.DateOnly) > v.Period.CompleteTo {
			later++
		}
	}
	if v.Period.Later != later || later != 0 || strings.Contains(v.Period.Text, "may be missing") || strings.Contains(v.Period.Text, "there may be more") {
		t.Errorf("vetoes: %d decisions after %s in %q, want the record's %d and nothing said missing", v.Period.Later, v.Period.CompleteTo, v.Period.Text, later)
	}
	// Every vetoed decision is of a kind veto answers name.
	for _, d := range ds {
		if analysis.Outcome(d) == unsc.Vetoed && !slices.Contains(analysis.VetoKinds, analysis.KindOf(d)) {
			t.Errorf("%s %s: vetoed, of kind %s, which veto answers do not name", d.Date.Format(time.DateOnly), d.Draft, analysis.KindOf(d))
		}
	}
}

// TestResolutionNumbersInRealRecord checks what CuratedCompleteTo rests on
// for the resolutions: they are numbered in the order of their adoption,
// and the record holds each number from 1 to its last once, the last
// adopted no later than the day it gives.
func TestResolutionNumbersInRealRecord(t *testing.T) {
	ds, _ := realRecord(t)
	seen := map[int]int{}
	last, lastDay := 0, ""
	for _, d := range ds {
		if d.Resolution == "" {
			continue // a resolution adopted by a procedural vote is numbered too
		}
		n, err := strconv.Atoi(strings.TrimPrefix(strings.Fields(d.Resolution)[0], "S/RES/"))
		if err != nil {
			t.Fatalf("resolution %q: no number", d.Resolution)
		}
		seen[n]++
		if n > last {
			last, lastDay = n, d.Date.Format(time.DateOnly)
		}
	}
	for n := 1; n <= last; n++ {
		if seen[n] != 1 {
			t.Errorf("resolution %d held %d times, want once", n, seen[n])
		}
	}
	if to := analysis.CuratedCompleteTo[analysis.KindResolution]; last < 2811 || lastDay > to {
		t.Errorf("last resolution %d of %s; want 2811 or later, adopted by %s", last, lastDay, to)
	}
}

// TestLate2025DraftsInRealRecord checks what CuratedCompleteTo rests on
// for the failed and vetoed drafts: the later version of the voting
// spreadsheet (testdata/spreadsheet_2025_late.tsv) numbers every decision
// it lists, and from the veto of 4 June 2025 to resolution 2812 (2026) of
// 14 January 2026 it lists the 33 of the file, numbered without a gap.
// The record holds each of them, on its date, with its outcome and count,
// and no resolution, failed or vetoed draft or amendment of 5 June to 31
// December 2025 that the file lacks. The file lists no amendment in this
// version, so the amendments keep the imported version's last day.
func TestLate2025DraftsInRealRecord(t *testing.T) {
	const path = "testdata/spreadsheet_2025_late.tsv"
	const from, nextListed = "2025-06-05", "2026-01-14" // the day after its decision 2150, and the day of its 2184
	type line struct{ id, date, decision, outcome, count string }
	var lines []line
	for _, r := range tsvRows(t, path, "id, date, decision, draft, outcome and count") {
		f := r.fields
		lines = append(lines, line{id: f[0], date: f[1], decision: f[2], outcome: f[4], count: f[5]})
	}
	for i, l := range lines {
		if id, err := strconv.Atoi(l.id); err != nil || id != 2151+i {
			t.Fatalf("%s: decision %s at place %d; want the file's decisions 2151-2183 in order, none left out", path, l.id, i)
		}
	}
	if len(lines) != 33 {
		t.Fatalf("%s: %d decisions, want the 33 of 2151-2183", path, len(lines))
	}
	ds, _ := realRecord(t)
	listed := map[string]line{}
	for _, l := range lines {
		listed[l.decision] = l
	}
	held := map[string]int{}
	for _, d := range ds {
		day := d.Date.Format(time.DateOnly)
		if day < from || day > "2025-12-31" {
			continue
		}
		kind := analysis.KindOf(d)
		key := d.Resolution
		if key == "" {
			key = d.Draft
		}
		l, ok := listed[key]
		if !ok {
			if slices.Contains([]string{analysis.KindResolution, analysis.KindFailed, analysis.KindVetoed, analysis.KindAmendment}, kind) {
				t.Errorf("%s %s (%s): a %s the spreadsheet does not list", day, key, d.Meeting, kind)
			}
			continue
		}
		held[key]++
		count := strconv.Itoa(d.Tally.Yes) + "-" + strconv.Itoa(d.Tally.No) + "-" + strconv.Itoa(d.Tally.Abstain)
		if day != l.date || d.Recorded.String() != l.outcome || !d.Tally.Known || count != l.count {
			t.Errorf("%s: %s, %v, %s in the record; the spreadsheet's %s, %s, %s", key, day, d.Recorded, count, l.date, l.outcome, l.count)
		}
	}
	for _, l := range lines {
		if held[l.decision] != 1 {
			t.Errorf("%s (%s): held %d times, want once", l.decision, l.date, held[l.decision])
		}
	}
	// The day claimed for the drafts lies within what the file lists in
	// full. The file lists no amendment: the amendments' day rests on the
	// reports of each meeting (TestLate2025AmendmentsInRealRecord).
	for _, kind := range []string{analysis.KindFailed, analysis.KindVetoed} {
		if to := analysis.CuratedCompleteTo[kind]; to < lines[len(lines)-1].date || to >= nextListed {
			t.Errorf("%s: complete to %q; want a day from %s, the file's last of 2025, to before %s, its next", kind, to, lines[len(lines)-1].date, nextListed)
		}
	}
}

// TestLate2025AmendmentsInRealRecord checks what CuratedCompleteTo rests
// on for the amendments. An amendment is put to the vote at the meeting
// that votes on the draft it amends, and the record holds every draft
// voted to the drafts' and resolutions' day (TestLate2025DraftsInRealRecord,
// TestResolutionNumbersInRealRecord). testdata/meetings_2025_late.tsv
// gives, for each meeting of 5 June to 31 December 2025 at which the
// Council voted on a draft, the report of its votes read and how many
// amendments that report says were put to the vote. The record must
// hold each meeting's draft on its date, every draft it holds in the
// period must be in the file, and the amendments it holds at each meeting
// must be those the file counts (none); the amendments' day may then be
// no later than the drafts' and the resolutions'.
func TestLate2025AmendmentsInRealRecord(t *testing.T) {
	const path = "testdata/meetings_2025_late.tsv"
	const from, to = "2025-06-05", "2025-12-31"
	type line struct {
		date, meeting, decision string
		amendments              int
	}
	listed := map[string]line{}
	amendmentsAt := map[string]int{}
	last := ""
	for _, r := range tsvRows(t, path, "date, meeting, decision, release, amendments and page") {
		f := r.fields
		a, err := strconv.Atoi(f[4])
		if err != nil || a < 0 || !strings.HasPrefix(f[5], "http") || f[0] < from || f[0] > to {
			t.Fatalf("%s:%d: want a day of %s to %s, a number of amendments and the page read, got %q", path, r.line, from, to, f)
		}
		if _, dup := listed[f[2]]; dup {
			t.Fatalf("%s:%d: %s listed twice", path, r.line, f[2])
		}
		listed[f[2]] = line{date: f[0], meeting: f[1], decision: f[2], amendments: a}
		amendmentsAt[f[1]] += a
		last = max(last, f[0])
	}
	ds, _ := realRecord(t)
	held := map[string]bool{}
	amendmentsHeld := map[string]int{}
	for _, d := range ds {
		day := d.Date.Format(time.DateOnly)
		if day < from || day > to {
			continue
		}
		key := d.Resolution
		if key == "" {
			key = d.Draft
		}
		switch kind := analysis.KindOf(d); kind {
		case analysis.KindAmendment:
			amendmentsHeld[d.Meeting]++
			if _, ok := amendmentsAt[d.Meeting]; !ok {
				t.Errorf("%s %s (%s): an amendment at a meeting the file does not list", day, key, d.Meeting)
			}
		case analysis.KindResolution, analysis.KindFailed, analysis.KindVetoed:
			l, ok := listed[key]
			if !ok {
				t.Errorf("%s %s (%s): a %s voted at a meeting the file does not list", day, key, d.Meeting, kind)
				continue
			}
			held[key] = true
			if l.date != day || l.meeting != d.Meeting {
				t.Errorf("%s: %s at %s in the record; the file's %s at %s", key, day, d.Meeting, l.date, l.meeting)
			}
		}
	}
	for key, l := range listed {
		if !held[key] {
			t.Errorf("%s (%s, %s): in the file, not in the record", key, l.date, l.meeting)
		}
	}
	for meeting, n := range amendmentsAt {
		if amendmentsHeld[meeting] != n {
			t.Errorf("%s: %d amendments in the record, the report read gives %d", meeting, amendmentsHeld[meeting], n)
		}
	}
	a := analysis.CuratedCompleteTo[analysis.KindAmendment]
	for _, kind := range []string{analysis.KindResolution, analysis.KindFailed, analysis.KindVetoed} {
		if d := analysis.CuratedCompleteTo[kind]; a > d {
			t.Errorf("amendments complete to %s, after the %ss' %s: a draft voted after that might have been amended", a, kind, d)
		}
	}
	if a < last || a > to {
		t.Errorf("amendments complete to %q; want a day from %s, the file's last meeting, to %s, the last it covers", a, last, to)
	}
}

// tsvRow is one line of a tab-separated test file: its number and fields.
type tsvRow struct {
	line   int
	fields []string
}

// tsvRows reads the tab-separated file at path, its lines starting with #
// comments, each other line with one field for each comma or "and" of
// columns ("date, meeting and page": three), or fails the test naming the
// line.
func tsvRows(t *testing.T, path, columns string) []tsvRow {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := len(strings.FieldsFunc(strings.ReplaceAll(columns, " and ", ","), func(r rune) bool { return r == ',' }))
	var rows []tsvRow
	for n, text := range strings.Split(string(data), "\n") {
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != want {
			t.Fatalf("%s:%d: %d fields, want %s", path, n+1, len(f), columns)
		}
		rows = append(rows, tsvRow{line: n + 1, fields: f})
	}
	return rows
}
