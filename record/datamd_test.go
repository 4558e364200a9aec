package record_test

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"unsc/internal/realrecord"
	"unsc/record"
)

// DATA.md's counts of the current record are computed from the record:
// each test below finds one table or sentence of DATA.md, builds what it
// should say from the real record, and fails where DATA.md says anything
// else (go test ./record -run DATAmd -update rewrites it). A count in the
// project's own documentation that the record no longer gives is a
// defect; the dated sections (a search, an audit round) say what was
// measured then and are not checked.

// dataMDPath is DATA.md, at the repository's root.
const dataMDPath = "../DATA.md"

// dataMDPart is a piece of DATA.md: the text from start to end.
type dataMDPart struct{ start, end int }

// checkDataMD compares the part of DATA.md find locates with want: under
// -update it writes want in its place, else a difference is an error
// naming the line and what the record gives.
func checkDataMD(t *testing.T, what string, find func(doc string) (dataMDPart, error), want string) {
	t.Helper()
	raw, err := os.ReadFile(dataMDPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	p, err := find(doc)
	if err != nil {
		t.Fatalf("DATA.md: %s: %v", what, err)
	}
	got := doc[p.start:p.end]
	if got == want {
		return
	}
	if *update {
		doc = doc[:p.start] + want + doc[p.end:]
		if err := os.WriteFile(dataMDPath, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	line := strings.Count(doc[:p.start], "\n") + 1
	t.Errorf("DATA.md line %d: %s is not what the record gives (go test ./record -run DATAmd -update rewrites it)\nDATA.md says:\n%s\nthe record gives:\n%s",
		line, what, got, want)
}

// dataMDSection returns the part of doc under the heading (a whole line,
// "## …" or "### …") to the next heading of its level or above.
func dataMDSection(doc, heading string) (dataMDPart, error) {
	i := strings.Index(doc, "\n"+heading+"\n")
	if i < 0 {
		return dataMDPart{}, fmt.Errorf("no heading %q", heading)
	}
	start := i + 1
	level := strings.Index(heading, " ")
	end := len(doc)
	for j := start + len(heading) + 1; j < len(doc); {
		k := strings.Index(doc[j:], "\n")
		if k < 0 {
			break
		}
		l := doc[j : j+k]
		if n := strings.Index(l, " "); n > 0 && n <= level && strings.Trim(l[:n], "#") == "" {
			end = j
			break
		}
		j += k + 1
	}
	return dataMDPart{start, end}, nil
}

// dataMDTable finds, in the section under heading, the Markdown table
// whose first line starts with header: the part is its lines, each with
// its newline.
func dataMDTable(heading, header string) func(doc string) (dataMDPart, error) {
	return func(doc string) (dataMDPart, error) {
		s, err := dataMDSection(doc, heading)
		if err != nil {
			return dataMDPart{}, err
		}
		i := strings.Index(doc[s.start:s.end], "\n"+header)
		if i < 0 {
			return dataMDPart{}, fmt.Errorf("no table %q under %q", header, heading)
		}
		start := s.start + i + 1
		end := start
		for end < s.end && strings.HasPrefix(doc[end:], "|") {
			k := strings.Index(doc[end:], "\n")
			if k < 0 {
				end = len(doc)
				break
			}
			end += k + 1
		}
		return dataMDPart{start, end}, nil
	}
}

// dataMDMatch finds, in the section under heading, the one match of re
// (the first group's part if re has one).
func dataMDMatch(heading string, re *regexp.Regexp) func(doc string) (dataMDPart, error) {
	return func(doc string) (dataMDPart, error) {
		s, err := dataMDSection(doc, heading)
		if err != nil {
			return dataMDPart{}, err
		}
		ms := re.FindAllStringSubmatchIndex(doc[s.start:s.end], -1)
		if len(ms) != 1 {
			return dataMDPart{}, fmt.Errorf("%d matches of %q under %q, want 1", len(ms), re, heading)
		}
		m := ms[0]
		if len(m) > 2 {
			m = m[2:]
		}
		return dataMDPart{s.start + m[0], s.start + m[1]}, nil
	}
}

// thousands writes n with commas between its thousands, as DATA.md does.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// unofficialLabels name the fields of record.Unofficial in DATA.md's table.
var unofficialLabels = map[string]string{
	record.FieldDecision: "whole decision, no official source",
	record.FieldVotes:    "per-member positions",
	record.FieldSponsors: "sponsors",
	record.FieldDraft:    "draft symbol",
	record.FieldTitle:    "title",
	record.FieldDate:     "date",
	record.FieldMeeting:  "meeting",
	record.FieldTally:    "count",
	record.FieldOutcome:  "outcome",
	record.FieldElected:  "those elected to the Court",
}

// TestDATAmdUnofficial checks the table of "Values on show that no official
// source gives": by field (record.UnofficialFields) and decade, the
// decisions record.Unofficial names it for, counted as
// testdata/unofficial.txt counts them (TestGoldenUnofficial).
func TestDATAmdUnofficial(t *testing.T) {
	counts, decades := unofficialCounts(realrecord.Decisions(t))
	var b strings.Builder
	b.WriteString("| field |")
	for _, dec := range decades {
		fmt.Fprintf(&b, " %ds |", dec)
	}
	b.WriteString(" total |\n|---|")
	for range decades {
		b.WriteString("---|")
	}
	b.WriteString("---|\n")
	for _, f := range record.UnofficialFields {
		label, ok := unofficialLabels[f]
		if !ok {
			t.Fatalf("record.Unofficial's field %q has no label for DATA.md's table: add one to unofficialLabels", f)
		}
		fmt.Fprintf(&b, "| %s (`%s`) |", label, f)
		total := 0
		for _, dec := range decades {
			fmt.Fprintf(&b, " %s |", thousands(counts[f][dec]))
			total += counts[f][dec]
		}
		fmt.Fprintf(&b, " %s |\n", thousands(total))
	}
	checkDataMD(t, "the table of values no official source gives", dataMDTable("## Values on show that no official source gives", "| field |"), b.String())
}

// TestDATAmdCheck checks "What `unsc check` finds": the summary line, the
// corrected findings of each kind in its table (a kind with findings
// must have a row; a row's prose is DATA.md's own), and the measure of the
// official sources against one another, as record.Check gives them on the
// real record (what `unsc check` prints for a record imported from
// ../shared/data).
func TestDATAmdCheck(t *testing.T) {
	s := record.Check(realrecord.Decisions(t))
	const heading = "## What `unsc check` finds"
	checkDataMD(t, "the summary line of unsc check", dataMDMatch(heading, regexp.MustCompile("(?m)^```\n(\\d+ decisions: .*)\n```$")), s.Line())

	a := s.Official
	pct := func(n int) string { return fmt.Sprintf("%.1f%%", a.Share(n)) }
	agreement := fmt.Sprintf("Of the %s decisions that two or more official sources report (the\nDigital Library, the meeting tables, the UN's press releases), %s agree\non the count, %s on the date, %s on the meeting, and %s on all three",
		thousands(a.Decisions), pct(a.Count), pct(a.Date), pct(a.Meeting), pct(a.All))
	checkDataMD(t, "the official sources' agreement", dataMDMatch(heading, regexp.MustCompile(`Of the [\d,]+ decisions that two or more official sources report \(the\s+Digital Library, the meeting tables, the UN's press releases\), [\d.]+% agree\s+on the count, [\d.]+% on the date, [\d.]+% on the meeting, and [\d.]+% on\s+all three`)), agreement)

	byKind := s.ByKind()
	find := dataMDTable(heading, "| kind | corrected |")
	raw, err := os.ReadFile(dataMDPath)
	if err != nil {
		t.Fatal(err)
	}
	p, err := find(string(raw))
	if err != nil {
		t.Fatalf("DATA.md: %v", err)
	}
	rows := strings.SplitAfter(string(raw)[p.start:p.end], "\n")
	seen := map[string]bool{}
	for i, row := range rows {
		cells := strings.Split(row, " | ")
		if i < 2 || len(cells) < 3 {
			continue
		}
		kind := strings.TrimPrefix(cells[0], "| ")
		if !slices.Contains(record.Kinds, kind) {
			t.Errorf("DATA.md: the table of findings by kind has a row %q, not a kind of record.Kinds %v", kind, record.Kinds)
			continue
		}
		seen[kind] = true
		cells[1] = thousands(byKind[kind][record.Corrected])
		rows[i] = strings.Join(cells, " | ")
	}
	for _, kind := range record.Kinds {
		if n := byKind[kind]; n != nil && !seen[kind] {
			t.Errorf("DATA.md: the table of findings by kind has no row for kind %q, which has %d corrected findings: add one saying what settles them", kind, n[record.Corrected])
		}
	}
	checkDataMD(t, "the table of findings by kind", find, strings.Join(rows, ""))
}
