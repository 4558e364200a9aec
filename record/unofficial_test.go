package record_test

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/record"
)

// TestGoldenUnofficial lists every decision of the real record with the
// fields whose value on show no official source gives (record.Unofficial),
// with the counts by field and decade, and compares the list with
// testdata/unofficial.txt (go test ./record -run Golden -update rewrites
// it): the work list of what to check against the UN's own pages, which
// any change to the record shows in its diff.
func TestGoldenUnofficial(t *testing.T) {
	ds := record.Reconcile(realReports(t))
	got := unofficialListing(ds)
	path := filepath.Join("testdata", "unofficial.txt")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./record -run Golden -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("unofficial fields (-want +got):\n%s", diff)
	}
}

func unofficialListing(ds []unsc.Decision) string {
	counts, decades := unofficialCounts(ds)
	var lines strings.Builder
	for _, d := range ds {
		fields := record.Unofficial(d)
		if len(fields) == 0 {
			continue
		}
		var second []string
		for _, s := range d.Sources {
			if !s.Official() {
				second = append(second, string(s))
			}
		}
		fmt.Fprintf(&lines, "%s  %s  %s  %s: %s  [%s]\n", d.Date.Format(time.DateOnly), record.Symbol(d), orDash(d.Meeting),
			outcomeName(d.Recorded), strings.Join(fields, " "), strings.Join(second, " "))
	}
	var b strings.Builder
	b.WriteString("field")
	for _, dec := range decades {
		fmt.Fprintf(&b, " %ds", dec)
	}
	b.WriteString(" total\n")
	for _, f := range record.UnofficialFields {
		fmt.Fprintf(&b, "%s", f)
		total := 0
		for _, dec := range decades {
			fmt.Fprintf(&b, " %d", counts[f][dec])
			total += counts[f][dec]
		}
		fmt.Fprintf(&b, " %d\n", total)
	}
	b.WriteString("\n")
	b.WriteString(lines.String())
	return b.String()
}

// unofficialCounts counts, by field and decade, the decisions
// record.Unofficial names each field for, with the decades of the
// decisions it names any for, in order.
func unofficialCounts(ds []unsc.Decision) (map[string]map[int]int, []int) {
	counts := map[string]map[int]int{}
	decades := map[int]bool{}
	for _, d := range ds {
		fields := record.Unofficial(d)
		if len(fields) == 0 {
			continue
		}
		dec := d.Date.Year() / 10 * 10
		decades[dec] = true
		for _, f := range fields {
			if counts[f] == nil {
				counts[f] = map[int]int{}
			}
			counts[f][dec]++
		}
	}
	return counts, slices.Sorted(maps.Keys(decades))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// TestUnofficial checks what Unofficial names on decisions made from
// reports: a value an official report gives is not named, one only a
// second-hand source gives is, and a decision no official source reports
// is named as a whole.
func TestUnofficial(t *testing.T) {
	day := time.Date(2024, 3, 22, 0, 0, 0, 0, time.UTC)
	votes := func(no ...unsc.Code) map[unsc.Code]unsc.Position {
		v := map[unsc.Code]unsc.Position{}
		for _, c := range []unsc.Code{"USA", "GBR", "FRA", "CHN", "RUS", "DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"} {
			v[c] = unsc.Yes
		}
		for _, c := range no {
			v[c] = unsc.No
		}
		return v
	}
	sheet := unsc.Report{Source: unsc.SourceSpreadsheet, Key: "s1", Date: day, Meeting: "S/PV.9584", Draft: "S/2024/239",
		Outcome: unsc.Vetoed, Tally: unsc.Tally{Yes: 11, No: 3, Abstain: 1, Known: true}, Sponsors: []string{"USA"},
		Title: "Middle East", Votes: unsc.VotesOf(votes("RUS", "CHN", "DZA"))}
	sheet.Votes = sheet.Votes.With("GUY", unsc.Abstain)
	press := unsc.Report{Source: unsc.SourcePress, Key: "p1", Date: day, Meeting: "S/PV.9584", Draft: "S/2024/239",
		Outcome: unsc.Vetoed, Tally: unsc.Tally{Yes: 11, No: 3, Abstain: 1, Known: true}, Votes: sheet.Votes}

	only := record.Reconcile([]unsc.Report{sheet})
	if len(only) != 1 || !slices.Equal(record.Unofficial(only[0]), []string{record.FieldDecision}) {
		t.Fatalf("a decision only the spreadsheet gives: %v, want [decision]", record.Unofficial(only[0]))
	}
	both := record.Reconcile([]unsc.Report{sheet, press})
	if len(both) != 1 {
		t.Fatalf("%d decisions, want 1", len(both))
	}
	// The press release gives the count, the positions, the date, the
	// meeting and the draft; the sponsors and the title only the
	// spreadsheet.
	if got, want := record.Unofficial(both[0]), []string{record.FieldSponsors, record.FieldTitle}; !slices.Equal(got, want) {
		t.Errorf("spreadsheet and press release: %v, want %v", got, want)
	}
	// The press release names no positions (a curated row that names some
	// members only keeps them in its note): the positions rest on the
	// spreadsheet.
	partial := press
	partial.Votes = unsc.Votes{}
	partial.Sponsors, partial.Title = []string{"USA"}, "Middle East"
	d := record.Reconcile([]unsc.Report{sheet, partial})[0]
	if got := record.Unofficial(d); !slices.Equal(got, []string{record.FieldVotes}) {
		t.Errorf("a press release naming one member: %v, want [votes]", got)
	}
	// An election to the Court: the library's table gives the meeting and
	// no result; those elected are official when an official report names
	// them (a press release), not when only a research row does.
	elDay := time.Date(1969, 10, 27, 0, 0, 0, 0, time.UTC)
	table := unsc.Report{Source: unsc.SourceDHLMeetings, Key: "dhl:S/PV.1515:icj-election", Date: elDay, Meeting: "S/PV.1515",
		Matter: unsc.ICJElection, MatterKnown: true, Modality: unsc.ByVote, Title: "Election of five members of the International Court of Justice"}
	row := table
	row.Key, row.Ref, row.Note = "c1", "https://example.org/volume", "elected: Hardy C. Dillard (United States)"
	for _, tt := range []struct {
		source unsc.Source
		want   []string
	}{
		{unsc.SourceResearch, []string{record.FieldElected}},
		{unsc.SourcePress, nil},
	} {
		r := row
		r.Source = tt.source
		ds := record.Reconcile([]unsc.Report{table, r})
		if len(ds) != 1 || !slices.Equal(ds[0].Elected(), []string{"Hardy C. Dillard (United States)"}) {
			t.Fatalf("election from %s: %d decisions, want 1 electing Hardy C. Dillard (United States)", tt.source, len(ds))
		}
		if got := record.Unofficial(ds[0]); !slices.Equal(got, tt.want) {
			t.Errorf("election whose judges a %s report names: %v, want %v", tt.source, got, tt.want)
		}
	}
	if ds := record.Reconcile([]unsc.Report{table}); len(ds) != 1 || len(record.Unofficial(ds[0])) != 0 {
		t.Errorf("an election the table gives with no result: %v, want nothing unofficial", record.Unofficial(ds[0]))
	}
}
