package reporttext_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"unsc"
	"unsc/internal/realrecord"
	"unsc/internal/reporttext"
)

// fataler is what roundTrip needs of a test: testing.T or rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

func roundTrip(t fataler, reports []unsc.Report) []unsc.Report {
	t.Helper()
	var buf bytes.Buffer
	if err := reporttext.Write(&buf, "a header\nof two lines", reports); err != nil {
		t.Fatalf("Write: %v", err)
	}
	got, err := reporttext.Read(&buf, "reports.txt")
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return got
}

func TestRealReportsRoundTrip(t *testing.T) {
	reports := realrecord.Reports(t)
	if diff := cmp.Diff(reports, roundTrip(t, reports)); diff != "" {
		t.Errorf("the real reports written and read back differ (-want +got):\n%s", diff)
	}
}

// TestEdges writes what the real reports do not hold: every escape, lists
// and maps set but empty, a member listed as absent, a ref that is not a
// file's line, a tally not known but not zero.
func TestEdges(t *testing.T) {
	reports := []unsc.Report{
		{
			Source: "undl", Key: "k\t1\\", Ref: "a file.csv:12",
			Date:  time.Date(2024, 3, 25, 0, 0, 0, 0, time.UTC),
			Title: "a\ttitle\nover\r\nlines \\ with a backslash \\t", Agenda: "|piped|", Note: `\e`,
			Subjects: []string{"a|b", "c\\", "", ":x"}, Sponsors: []string{},
			Votes:    unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.Abstain, "GBR": unsc.Yes, "CHN": unsc.Absent, "X,Y": unsc.No, "A B": unsc.NotParticipating, "C:D": unsc.Yes}),
			VetoedBy: []unsc.Code{}, Tally: unsc.Tally{Yes: 3, NonVoting: 1},
			Matter: unsc.Preliminary, Modality: unsc.ByAcclamation, Amendment: true, AmendmentTo: "S/2024/1",
			Outcome: unsc.Vetoed,
		},
		{Source: "dhl-meetings", Key: "2", Ref: ":5"},
		{Source: "dhl-meetings", Key: "3", Ref: "https://example.org/a:b"},
		{Source: "dhl-meetings", Key: "4", Ref: "a file.csv:13", Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{}), Matter: unsc.Procedural, MatterKnown: true, Tally: unsc.Tally{Known: true}},
		{Source: "dhl-meetings", Key: "5", Ref: "other:0"},
		{Source: "dhl-meetings", Key: "6", Ref: `\:7`},
		{Source: "dhl-meetings", Key: "7", Ref: "b.csv:007"},
		{Source: "dhl-meetings", Key: "8", Ref: "a file.csv:14", Subjects: []string{""}},
	}
	if diff := cmp.Diff(reports, roundTrip(t, reports)); diff != "" {
		t.Errorf("written and read back (-want +got):\n%s", diff)
	}
}

func TestProperty(t *testing.T) {
	text := rapid.StringOf(rapid.SampledFrom([]rune("ab :|,\\\t\n\r-@#e?/=")))
	rapid.Check(t, func(t *rapid.T) {
		var reports []unsc.Report
		for i := range rapid.IntRange(0, 5).Draw(t, "n") {
			r := unsc.Report{
				Source: unsc.Source("s" + text.Draw(t, "source")), Key: text.Draw(t, "key"), Ref: text.Draw(t, "ref"),
				Meeting: text.Draw(t, "meeting"), Title: text.Draw(t, "title"), Note: text.Draw(t, "note"),
				Amendment: rapid.Bool().Draw(t, "amendment"), MatterKnown: rapid.Bool().Draw(t, "known"),
				Matter:   unsc.Matter(rapid.IntRange(0, 3).Draw(t, "matter")),
				Modality: unsc.Modality(rapid.IntRange(0, 2).Draw(t, "modality")),
				Outcome:  unsc.Outcome(rapid.IntRange(0, 3).Draw(t, "outcome")),
				Tally: unsc.Tally{Yes: rapid.IntRange(0, 15).Draw(t, "yes"), NonVoting: rapid.IntRange(0, 2).Draw(t, "nv"),
					Known: rapid.Bool().Draw(t, "tally known")},
			}
			if rapid.Bool().Draw(t, "dated") {
				r.Date = time.Date(1946+i, 1, 17, 0, 0, 0, 0, time.UTC)
			}
			if rapid.Bool().Draw(t, "has subjects") {
				r.Subjects = rapid.SliceOf(text).Draw(t, "subjects")
			}
			if rapid.Bool().Draw(t, "has votes") {
				r.Votes = unsc.VotesOf(rapid.MapOf(rapid.Custom(func(t *rapid.T) unsc.Code { return unsc.Code(text.Draw(t, "code")) }),
					rapid.Custom(func(t *rapid.T) unsc.Position { return unsc.Position(rapid.IntRange(0, 4).Draw(t, "p")) })).Draw(t, "votes"))
			}
			if rapid.Bool().Draw(t, "has vetoes") {
				r.VetoedBy = rapid.SliceOf(rapid.Custom(func(t *rapid.T) unsc.Code { return unsc.Code(text.Draw(t, "code")) })).Draw(t, "vetoed")
			}
			reports = append(reports, r)
		}
		if diff := cmp.Diff(reports, roundTrip(t, reports)); diff != "" {
			t.Fatalf("written and read back (-want +got):\n%s", diff)
		}
	})
}

func TestReadErrors(t *testing.T) {
	line := func(fields ...string) string { return strings.Join(fields, "\t") + "\n" }
	ok := []string{"undl", "k", "a.csv:1", "2024-03-25", "", "", "", "", "", "adopted", "15/0/0/0", "Y:USA", "", "", "", "t", "", ""}
	with := func(i int, v string) string {
		f := append([]string(nil), ok...)
		f[i] = v
		return line(f...)
	}
	for _, tc := range []struct{ text, place string }{
		{"undl\tk\n", "reports.txt:1: line"},
		{"# c\n" + with(3, "25/03/2024"), "reports.txt:2: date"},
		{with(2, ":3"), "reports.txt:1: ref"},
		{with(8, "matter=sometimes"), "reports.txt:1: flags"},
		{with(8, "secret"), "reports.txt:1: flags"},
		{with(9, "won"), "reports.txt:1: outcome"},
		{with(10, "15/0/0"), "reports.txt:1: tally"},
		{with(11, "Q:USA"), "reports.txt:1: votes"},
		{with(11, "Y:USA N:USA"), "reports.txt:1: votes"},
		{with(15, `a\qb`), "reports.txt:1: title"},
		{with(15, `ab\`), "reports.txt:1: title"},
	} {
		_, err := reporttext.Read(strings.NewReader(tc.text), "reports.txt")
		var e *unsc.Error
		if !errors.As(err, &e) || e.Code != unsc.EINVALID || e.Field != tc.place {
			t.Errorf("Read(%q) = %v, want EINVALID at %s", tc.text, err, tc.place)
		}
	}
}
