package record_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"unsc"
	"unsc/analysis"
	"unsc/internal/realrecord"
	"unsc/record"
)

// DATA.md's counts of the current record are computed from the record:
// each test below finds one table or sentence of DATA.md, builds what it
// should say from the real record, and fails where DATA.md says anything
// else (go test ./record -run Golden -update rewrites it). A count in the
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
	t.Errorf("DATA.md line %d: %s is not what the record gives (go test ./record -run Golden -update rewrites it)\nDATA.md says:\n%s\nthe record gives:\n%s",
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

// TestGoldenDATAmdUnofficial checks the table of "Values on show that no official
// source gives": by field (record.UnofficialFields) and decade, the
// decisions record.Unofficial names it for, counted as
// testdata/unofficial.txt counts them (TestGoldenUnofficial).
func TestGoldenDATAmdUnofficial(t *testing.T) {
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

// TestGoldenDATAmdCheck checks "What `unsc check` finds": the summary line, the
// corrected findings of each kind in its table (a kind with findings
// must have a row; a row's prose is DATA.md's own), and the measure of the
// official sources against one another, as record.Check gives them on the
// real record (what `unsc check` prints for a record imported from
// ../shared/data).
func TestGoldenDATAmdCheck(t *testing.T) {
	s := record.Check(realrecord.Decisions(t))
	const heading = "## What `unsc check` finds"
	checkDataMD(t, "the summary line of unsc check", dataMDMatch(heading, regexp.MustCompile("(?m)^```\n(\\d+ decisions: .*)\n```$")), s.Line())

	a := s.Official
	pct := func(n int) string { return fmt.Sprintf("%.1f%%", a.Share(n)) }
	agreement := fmt.Sprintf("Of the %s decisions that two or more official sources report (the\nDigital Library, the meeting tables, the UN's press releases), %s agree\non the count, %s on the date, %s on the meeting, and %s on all three",
		thousands(a.Decisions), pct(a.Count), pct(a.Date), pct(a.Meeting), pct(a.All))
	checkDataMD(t, "the official sources' agreement", dataMDMatch(heading, regexp.MustCompile(`Of the [\d,]+ decisions that two or more official sources report \(the\s+Digital Library, the meeting tables, the UN's press releases\), [\d.]+% agree\s+on the count, [\d.]+% on the date, [\d.]+% on the meeting, and [\d.]+% on\s+all three`)), agreement)

	byKind := s.ByKind()
	rows := dataMDTableLines(t, heading, "| kind | corrected |")
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
	checkDataMD(t, "the table of findings by kind", dataMDTable(heading, "| kind | corrected |"), strings.Join(rows, ""))
}

// wrapDataMD wraps text at 76 columns, as DATA.md's paragraphs are.
func wrapDataMD(text string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(text) {
		if i > 0 && n+1+len([]rune(w)) > 76 {
			b.WriteString("\n")
			n = 0
		} else if i > 0 {
			b.WriteString(" ")
			n++
		}
		b.WriteString(w)
		n += len([]rune(w))
	}
	return b.String()
}

// importedSources say each source's reports in DATA.md's paragraph of
// what `unsc import ../shared/data` reads, in its order.
var importedSources = []struct{ source, says string }{
	{"undl", "reports of the UN Digital Library (`undl`: the crawl of the library's pages laid out in the official columns, and the official 100-row sample, which overrides the crawl for the seven records it holds)"},
	{"dhl-meetings", "of the Library's meeting tables (`dhl-meetings`, 78 yearly pages)"},
	{"dhl-vetoes", "of its veto list (`dhl-vetoes`)"},
	{"sc-votes-1994-2025", "of the spreadsheet (`sc-votes-1994-2025`)"},
	{"emilytong-failed-drafts", "of Emily Tong's hand-entered failed votes"},
	{"wpd-vetoes", "of the World Politics Data Lab's veto list"},
	{"cr-unsc", "CR-UNSC links (two for each resolution it lists)"},
}

// TestGoldenDATAmdImported checks DATA.md's paragraph of what an import of
// ../shared/data reads: the reports of each source, the curated rows, and
// the decisions they reconcile into, as `unsc import --no-built-in
// ../shared/data` counts them.
func TestGoldenDATAmdImported(t *testing.T) {
	rs := realrecord.Reports(t)
	bySource := map[string]int{}
	for _, r := range rs {
		bySource[string(r.Source)]++
	}
	var parts []string
	for _, s := range importedSources {
		parts = append(parts, thousands(bySource[s.source])+" "+s.says)
		delete(bySource, s.source)
	}
	press, research := bySource[string(unsc.SourcePress)], bySource[string(unsc.SourceResearch)]
	delete(bySource, string(unsc.SourcePress))
	delete(bySource, string(unsc.SourceResearch))
	for s, n := range bySource {
		t.Errorf("DATA.md's paragraph of what an import reads says nothing of the %d reports of source %q: add it to importedSources", n, s)
	}
	text := fmt.Sprintf("Imported from `../shared/data` (`unsc import --no-built-in ../shared/data`): %s, and %s; with the %s rows of `record/curated.csv` (%s `un-press`, %s `research`), %s reports, which reconcile into %s decisions.",
		strings.Join(parts[:len(parts)-1], ", "), parts[len(parts)-1], thousands(press+research), thousands(press), thousands(research),
		thousands(len(rs)), thousands(len(realrecord.Decisions(t))))
	checkDataMD(t, "the paragraph of what an import reads", dataMDMatch("## The sources", regexp.MustCompile("(?s)\nImported from `\\.\\./shared/data`.*?\n\n")), "\n"+wrapDataMD(text)+"\n\n")
}

// curatedPeriods are the rows of DATA.md's table of the curated rows by
// period, each up to its last day.
var curatedPeriods = []struct {
	label string
	last  time.Time
}{
	{"before 1990", time.Date(1989, 12, 31, 0, 0, 0, 0, time.UTC)},
	{"1990 – June 2022", time.Date(2022, 6, 30, 0, 0, 0, 0, time.UTC)},
	{"1 July 2022 – 4 June 2025", time.Date(2025, 6, 4, 0, 0, 0, 0, time.UTC)},
	{"after 4 June 2025", time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)},
}

// curatedColumns are the kinds (analysis.KindOf) of the table's columns
// after the period.
var curatedColumns = []string{"resolution", "vetoed draft", "failed draft", "amendment", "procedural vote"}

// TestGoldenDATAmdCurated checks "The curated decisions": the sentence of
// what record/curated.csv holds (its rows, by source and by what they
// give), and the number each cell of its table by period and kind begins
// with ("–" for none; the prose after it is DATA.md's own). Elections to
// the Court and the decisions of substance without a resolution number
// (kind other, before 1990) are in the sentence and the prose, not in
// the table's numbers.
func TestGoldenDATAmdCurated(t *testing.T) {
	const heading = "## The curated decisions (`record/curated.csv`)"
	ds := realrecord.Decisions(t)
	by := map[string]int{}
	cells := map[[2]int]int{}
	for _, d := range ds {
		for _, r := range d.Reports {
			if r.Source != unsc.SourcePress && r.Source != unsc.SourceResearch {
				continue
			}
			by[string(r.Source)]++
			switch {
			case r.Matter == unsc.ICJElection:
				by["election"]++
			case r.Votes.Len() > 0:
				by["votes"]++
			case r.Tally.Known:
				by["tally"]++
			default:
				by["neither"]++
			}
			kind := analysis.KindOf(d)
			if kind == "ICJ election" || (kind == "other" && d.Date.Year() < 1990) {
				continue
			}
			col := slices.Index(curatedColumns, kind)
			if col < 0 {
				t.Errorf("DATA.md's table of the curated rows has no column for %s %s (kind %q): add one, or say in its prose where it is", record.Symbol(d), d.Date.Format("2006-01-02"), kind)
				continue
			}
			row := slices.IndexFunc(curatedPeriods, func(p struct {
				label string
				last  time.Time
			}) bool {
				return !d.Date.After(p.last)
			})
			cells[[2]int{row, col}]++
		}
	}
	rows := by[string(unsc.SourcePress)] + by[string(unsc.SourceResearch)]
	text := fmt.Sprintf("What the file holds today (%s rows; %s whose own source is the UN's, %s from research, news reports, the US State Department's published records or transcriptions of the UN's volumes, as `unsc coverage` counts them; %s name every member's position, %s give a count with at most some members named",
		thousands(rows), thousands(by[string(unsc.SourcePress)]), thousands(by[string(unsc.SourceResearch)]), thousands(by["votes"]), thousands(by["tally"]))
	if by["neither"] > 0 {
		text += fmt.Sprintf(", %s give neither", thousands(by["neither"]))
	}
	text += fmt.Sprintf(", and %s are elections to the Court, by secret ballot):", thousands(by["election"]))
	checkDataMD(t, "the sentence of what record/curated.csv holds", dataMDMatch(heading, regexp.MustCompile(`(?s)\nWhat the file holds today \(.*?\):\n`)), "\n"+wrapDataMD(text)+"\n")

	lines := dataMDTableLines(t, heading, "| period | resolutions |")
	if len(lines) < 2+len(curatedPeriods) {
		t.Fatalf("DATA.md: the table of the curated rows has %d lines, want a header and %d periods", len(lines), len(curatedPeriods))
	}
	lead := regexp.MustCompile(`^(–|[\d,]+)( |$)`)
	for i, period := range curatedPeriods {
		line := lines[2+i]
		cols := strings.Split(strings.TrimSuffix(strings.TrimSuffix(line, "\n"), " |"), " | ")
		if len(cols) != 1+len(curatedColumns) || !strings.HasPrefix(cols[0], "| "+period.label) {
			t.Fatalf("DATA.md: the table of the curated rows: line %d is not the row of %q with %d cells: %q", 3+i, period.label, 1+len(curatedColumns), line)
		}
		for j := range curatedColumns {
			cell := cols[1+j]
			m := lead.FindStringSubmatchIndex(cell)
			if m == nil {
				t.Fatalf("DATA.md: the table of the curated rows, %s, %s: %q begins with no number or –", period.label, curatedColumns[j], cell)
			}
			n := "–"
			if c := cells[[2]int{i, j}]; c > 0 {
				n = thousands(c)
			}
			cols[1+j] = n + cell[m[3]:]
		}
		lines[2+i] = strings.Join(cols, " | ") + " |\n"
	}
	checkDataMD(t, "the numbers of the table of the curated rows", dataMDTable(heading, "| period | resolutions |"), strings.Join(lines, ""))
}

// readmePath is the README, at the repository's root.
const readmePath = "../README.md"

// checkNumbers compares the numbers re's groups match, at its one match in
// the file at path, with want, in order: under -update it writes want in
// their place, else a difference is an error naming the line.
func checkNumbers(t *testing.T, path, what string, re *regexp.Regexp, want ...int) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	ms := re.FindAllStringSubmatchIndex(doc, -1)
	if len(ms) != 1 || len(ms[0]) != 2+2*len(want) {
		t.Fatalf("%s: %d matches of %q, want 1 with %d numbers", path, len(ms), re, len(want))
	}
	m := ms[0]
	var got []string
	same := true
	for i, w := range want {
		g := doc[m[2+2*i]:m[3+2*i]]
		got = append(got, g)
		same = same && g == thousands(w)
	}
	if same {
		return
	}
	if *update {
		for i := len(want) - 1; i >= 0; i-- {
			doc = doc[:m[2+2*i]] + thousands(want[i]) + doc[m[3+2*i]:]
		}
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s line %d: %s: %v, the record gives %v (go test ./record -run Golden -update rewrites them)",
		strings.TrimPrefix(path, "../"), strings.Count(doc[:m[0]], "\n")+1, what, got, want)
}

// TestGoldenREADMEElections checks the README's counts of the elections to
// the Court: how many the record holds and at how many meetings, how many
// of 1946–2021 the Library's tables list, and at how many the tables name
// those elected.
func TestGoldenREADMEElections(t *testing.T) {
	tablesEnd := time.Date(2022, 6, 30, 0, 0, 0, 0, time.UTC)
	var elections, tables, named int
	// The curated rows' elections of 1996–2021 and before 1996: those
	// naming the elected, those saying no one was.
	var laterNamed, laterNone, earlier, earlierNamed int
	// The meetings of a day of several whose sources name those elected
	// that day but not the meeting (1996–2021, before 1996); the elections
	// after the tables' end, and at how many meetings; the elections no
	// source says anything of.
	var laterDay, earlierDay, after, left int
	meetings, afterMeetings := map[string]bool{}, map[string]bool{}
	for _, d := range realrecord.Decisions(t) {
		if d.Matter != unsc.ICJElection {
			continue
		}
		elections++
		meetings[d.Meeting] = true
		if d.Date.After(tablesEnd) {
			after++
			afterMeetings[d.Meeting] = true
		}
		if _, _, _, ok := d.ElectedOnDay(); ok {
			if d.Date.Year() < 1996 {
				earlierDay++
			} else if d.Date.Year() <= 2021 {
				laterDay++
			}
		}
		if !slices.ContainsFunc(d.Notes, func(n unsc.Note) bool { return n.Kind == unsc.NoteElected }) {
			left++
		}
		if !d.Date.After(tablesEnd) && slices.Contains(d.Sources, unsc.SourceDHLMeetings) {
			tables++
		}
		for _, n := range d.Notes {
			if n.Kind != unsc.NoteElected {
				continue
			}
			if strings.HasPrefix(n.Source, string(unsc.SourceDHLMeetings)+" ") {
				if len(d.Elected()) > 0 {
					named++
				}
				continue
			}
			switch y := d.Date.Year(); {
			case y < 1996:
				earlier++
				if len(d.Elected()) > 0 {
					earlierNamed++
				}
			case y <= 2021 && len(d.Elected()) > 0:
				laterNamed++
			case y <= 2021 && n.Text == "none":
				laterNone++
			}
		}
	}
	checkNumbers(t, readmePath, "the elections to the Court, at how many meetings, how many the tables list and name those elected",
		regexp.MustCompile(`The record holds (\d+)\s+elections at which the Council balloted for judges of the Court, at (\d+)\s+meetings[^:]*: the (\d+) of\s+1946–2021 as the Dag Hammarskjöld Library's yearly tables list them(?s:.*?)the judges\s+elected with their nationality where the table names them \((\d+) elections;`),
		elections, len(meetings), tables, named)
	checkNumbers(t, readmePath, "the elections of the curated rows: of 1996–2021 naming those elected and no one; before 1996, in all and naming those elected",
		regexp.MustCompile(`say what each meeting of 1996–2021 did: (\d+) name\s+those elected(?s:.*?)\); (\d+) say the meeting\s+elected no one(?s:.*?)do the same for (\d+) meetings the tables leave without a\s+result: (\d+) name those elected`),
		laterNamed, laterNone, earlier, earlierNamed)
	checkNumbers(t, readmePath, "the meetings of 1996–2021 and before 1996 whose sources name those elected that day, not at which meeting",
		regexp.MustCompile(`and at the\s+(\d+)\s+meetings of three days whose releases name those elected that day(?s:.*?)and\s+(\d+)\s+meetings of three days \(`),
		laterDay, earlierDay)
	checkNumbers(t, readmePath, "the elections no source says anything of",
		regexp.MustCompile(`The (\d+)\s+elections\s+left \(`), left)
	checkNumbers(t, readmePath, "the elections after the tables' end, and at how many meetings",
		regexp.MustCompile(`After the tables' end \(30 June 2022\) the record holds\s+(\d+)\s+elections, at (\d+)\s+meetings`),
		after, len(afterMeetings))
}

// TestGoldenDATAmdAmendments checks "Amendments before 2016": how many
// votes on amendments the record holds, and by decade.
func TestGoldenDATAmdAmendments(t *testing.T) {
	byDecade := map[int]int{}
	total := 0
	for _, d := range realrecord.Decisions(t) {
		if analysis.KindOf(d) == "amendment" {
			byDecade[d.Date.Year()/10*10]++
			total++
		}
	}
	shown := []int{1970, 2010, 2020}
	for dec, n := range byDecade {
		if !slices.Contains(shown, dec) {
			t.Errorf("DATA.md, \"Amendments before 2016\", counts no amendment of the %ds, where the record holds %d: add the decade to its sentence and to this test", dec, n)
		}
	}
	checkNumbers(t, dataMDPath, "the votes on amendments, in all and by decade",
		regexp.MustCompile("The record holds (\\d+) votes on amendments \\(`unsc coverage`\\)\\. By decade:\n1970s (\\d+) (?s:.*?); 2010s (\\d+); 2020s (\\d+) \\("),
		total, byDecade[1970], byDecade[2010], byDecade[2020])
}

// vetoColumns are the members of the columns of DATA.md's table of veto
// counts, in order.
var vetoColumns = []string{"SUN", "USA", "RUS", "GBR", "CHN", "FRA"}

// TestGoldenDATAmdVetoes checks "How the sources count vetoes": the
// members' counts in the rows of the table the record gives (the rows of
// other sources are their files' and TestVetoTotalsToLibraryListEnd's),
// the totals its notes and the text below it give, and the README's
// totals to 31 December 2025, as analysis.Index.Vetoes (`unsc vetoes
// --by member`) counts them.
func TestGoldenDATAmdVetoes(t *testing.T) {
	x := analysis.New(realrecord.Decisions(t))
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	ask := func(q analysis.VetoQuery) (analysis.VetoAnswer, map[string]int) {
		q.GroupBy = "member"
		a, err := x.Vetoes(t.Context(), q)
		if err != nil {
			t.Fatalf("Vetoes(%+v): %v", q, err)
		}
		by := map[string]int{}
		for _, g := range a.Groups {
			by[g.Key] = g.Count
		}
		for k := range by {
			if !slices.Contains(vetoColumns, k) {
				t.Errorf("Vetoes(%+v) counts %d vetoes of %s, which DATA.md's table has no column for", q, by[k], k)
			}
		}
		return a, by
	}
	end, listEnd := day("2025-12-31"), day("2022-05-26")
	rows := []struct {
		label string
		q     analysis.VetoQuery
	}{
		{"| unsc record, 16 Feb 1946 – 26 May 2022 |", analysis.VetoQuery{To: listEnd}},
		{"| unsc record, 27 May 2022 – 31 Dec 2025 |", analysis.VetoQuery{From: listEnd.AddDate(0, 0, 1), To: end}},
		{"| unsc record, to 4 June 2025 (the imported spreadsheet's last day) |", analysis.VetoQuery{To: day("2025-06-04")}},
		{"| **unsc record, all: 16 Feb 1946 – 31 Dec 2025** |", analysis.VetoQuery{To: end}},
		{"| the same, without vetoes of amendments |", analysis.VetoQuery{To: end, ExcludeAmendments: true}},
		{"| the Library's list to 26 May 2022, then the record (`--scope un-list`), to 31 Dec 2025 |", analysis.VetoQuery{To: end, Scope: analysis.ScopeUNList}},
	}
	const heading = "## How the sources count vetoes"
	lines := dataMDTableLines(t, heading, "| count (period) |")
	for _, row := range rows {
		i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, row.label) })
		if i < 0 {
			t.Fatalf("DATA.md: the table of veto counts has no row %q", row.label)
		}
		_, by := ask(row.q)
		cells := strings.Split(strings.TrimPrefix(lines[i], row.label), " | ")
		if len(cells) < len(vetoColumns)+1 {
			t.Fatalf("DATA.md: the veto table's row %q has %d cells, want %d members and notes", row.label, len(cells), len(vetoColumns))
		}
		for j, m := range vetoColumns {
			cell := strings.TrimSpace(cells[j])
			bold := strings.HasPrefix(cell, "**")
			n := "–"
			if by[m] > 0 {
				n = thousands(by[m])
			}
			if bold {
				n = "**" + n + "**"
			}
			if j == 0 {
				n = " " + n
			}
			cells[j] = n
		}
		lines[i] = row.label + strings.Join(cells, " | ")
	}
	checkDataMD(t, "the record's rows of the table of veto counts", dataMDTable(heading, "| count (period) |"), strings.Join(lines, ""))

	all, by := ask(analysis.VetoQuery{To: end})
	noAm, _ := ask(analysis.VetoQuery{To: end, ExcludeAmendments: true})
	list, listBy := ask(analysis.VetoQuery{To: end, Scope: analysis.ScopeUNList})
	checkNumbers(t, dataMDPath, "the record's vetoes to 31 December 2025",
		regexp.MustCompile("`unsc vetoes --by member`: (\\d+) negative votes on (\\d+) proposals \\|"), all.MemberVotes, all.Drafts)
	checkNumbers(t, dataMDPath, "the vetoes without those of amendments",
		regexp.MustCompile("`--no-amendments`: (\\d+) on (\\d+) drafts \\|"), noAm.MemberVotes, noAm.Drafts)
	checkNumbers(t, dataMDPath, "the vetoes of the list's scope",
		regexp.MustCompile(`with the record's vetoes: (\d+) on (\d+) proposals \(without S/1996/952\)`), list.MemberVotes, list.Drafts)
	checkNumbers(t, dataMDPath, "the proposals vetoed, drafts and amendments, joint, per draft and per member",
		regexp.MustCompile(`(\d+) proposals were vetoed to 31 December 2025 \((\d+)\s+drafts, (\d+) amendments\); (\d+) of them jointly\. Counted per draft, each is\s+one \((\d+)\); counted per member, a joint veto counts for each \((\d+)\)\.`),
		all.Drafts, all.OfDrafts, all.OfAmendments, all.Joint, all.Drafts, all.MemberVotes)
	after := analysis.VetoQuery{From: listEnd.AddDate(0, 0, 1), To: end}
	afterAll, afterBy := ask(after)
	after.ExcludeAmendments = true
	_, afterDrafts := ask(after)
	checkNumbers(t, dataMDPath, "the vetoes after the list's end",
		regexp.MustCompile(`\| (\d+) vetoed drafts and (\d+) vetoed amendments \(US (\d+) \+ (\d+) amendment, Russian Federation (\d+) \+ (\d+) amendments, China (\d+)\)`),
		afterAll.OfDrafts, afterAll.OfAmendments, afterDrafts["USA"], afterBy["USA"]-afterDrafts["USA"], afterDrafts["RUS"], afterBy["RUS"]-afterDrafts["RUS"], afterBy["CHN"])
	if afterBy["CHN"] != afterDrafts["CHN"] || afterBy["GBR"]+afterBy["FRA"] > 0 {
		t.Errorf("after 26 May 2022 the record holds vetoes DATA.md's note does not name (China's of amendments, the United Kingdom's or France's): %v", afterBy)
	}
	checkNumbers(t, readmePath, "the members' vetoes to 31 December 2025",
		regexp.MustCompile(`\x60unsc vetoes --by member\x60 gives\s+USSR (\d+), United States (\d+), Russian Federation (\d+), United Kingdom (\d+),\s+China (\d+), France (\d+) to 31 December 2025`),
		by["SUN"], by["USA"], by["RUS"], by["GBR"], by["CHN"], by["FRA"])
	// The worked example's claim, 89, against the record to 31 December
	// 2025: the US's count on the UN list's scope and the record's.
	checkNumbers(t, readmePath, "the US's vetoes to 31 December 2025 on the UN list's scope and the record's",
		regexp.MustCompile(`the counts are (\d+) \(the list and the record\s+after it\),(?s:.*?)and (\d+)\s+\(the record\)`),
		listBy["USA"], by["USA"])
}

// TestGoldenDATAmdDerived checks "How the sources are reconciled": how
// many decisions show positions derived from the count (and how many of
// them are vetoed drafts, of 1952–1993), and how many carry a count that
// leaves seats out.
func TestGoldenDATAmdDerived(t *testing.T) {
	var votes, vetoed, seats int
	for _, d := range realrecord.Decisions(t) {
		for _, n := range d.Notes {
			if n.Kind != unsc.NoteDerived {
				continue
			}
			switch n.Field {
			case "votes":
				votes++
				if d.Recorded == unsc.Vetoed {
					vetoed++
					if y := d.Date.Year(); y < 1952 || y > 1993 {
						t.Errorf("%s (%d): positions derived from the count of a vetoed draft outside 1952–1993, which DATA.md's sentence says they span", record.Symbol(d), y)
					}
				}
			case "tally":
				seats++
			}
		}
	}
	checkNumbers(t, dataMDPath, "the decisions with positions derived from the count, and the vetoed drafts among them",
		regexp.MustCompile(`\(all (\d+) today: (\d+) vetoed drafts of 1952–1993 and`), votes, vetoed)
	checkNumbers(t, dataMDPath, "the decisions whose count leaves seats out",
		regexp.MustCompile("\\(`TestAuditRound9InRealRecord`\\); (\\d+) remain"), seats)
}

// TestGoldenREADMETestdataLines checks the sizes the README gives of the
// files under record/testdata that the record is checked against
// ("`record/testdata/F.tsv`, N lines", "(round N, M lines)" or
// "(round N, M lines; round O, P lines)" for auditN_sources.tsv): each
// the lines of the file that are neither comments nor blank; "over N
// lines" wants more than N. Every auditN_sources.tsv must be named.
func TestGoldenREADMETestdataLines(t *testing.T) {
	raw, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	lines := func(name string) int {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatalf("README.md names %s: %v", name, err)
		}
		n := 0
		for _, l := range strings.Split(string(b), "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				n++
			}
		}
		return n
	}
	type place struct {
		start, end, want int
		over             bool
	}
	var places []place
	named := map[string]bool{}
	for _, m := range regexp.MustCompile("`record/testdata/([a-z0-9_]+\\.tsv)`,\\s+(over\\s+)?([\\d,]+)\\s+(?:lines|votes)").FindAllStringSubmatchIndex(doc, -1) {
		places = append(places, place{m[6], m[7], lines(doc[m[2]:m[3]]), m[4] >= 0})
		named[doc[m[2]:m[3]]] = true
	}
	for _, m := range regexp.MustCompile(`[(;]\s*round (\d+), (\d+)\s+lines`).FindAllStringSubmatchIndex(doc, -1) {
		name := "audit" + doc[m[2]:m[3]] + "_sources.tsv"
		places = append(places, place{m[4], m[5], lines(name), false})
		named[name] = true
	}
	// The resolutions of 1976 compared from their printed text, a line
	// each.
	for _, m := range regexp.MustCompile("(\\d+) of its\\s+resolutions are compared from copies of their printed text,\\s+`record/testdata/([a-z0-9_]+\\.tsv)`").FindAllStringSubmatchIndex(doc, -1) {
		places = append(places, place{m[2], m[3], lines(doc[m[4]:m[5]]), false})
		named[doc[m[4]:m[5]]] = true
	}
	if !named["printed_1976.tsv"] {
		t.Error("README.md does not say how many resolutions of 1976 record/testdata/printed_1976.tsv compares (\"N of its resolutions are compared from copies of their printed text, `record/testdata/printed_1976.tsv`\")")
	}
	// Every audit round's file is one the README says the record is
	// checked against, with its size: a new round is named there too.
	rounds, err := filepath.Glob(filepath.Join("testdata", "audit*_sources.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range rounds {
		if name := filepath.Base(path); !named[name] {
			t.Errorf("README.md, \"Checked against the UN's own publications\", does not name record/testdata/%s with its size (\"`record/testdata/%s`, N lines\" or \"(round N, M lines)\")", name, name)
		}
	}
	if len(places) < 10 {
		t.Fatalf("README.md names %d sizes of files under record/testdata, want at least the 10 it gave when this test was written", len(places))
	}
	slices.SortFunc(places, func(a, b place) int { return b.start - a.start })
	changed := false
	for _, p := range places {
		got, err := strconv.Atoi(strings.ReplaceAll(doc[p.start:p.end], ",", ""))
		if err != nil {
			t.Fatal(err)
		}
		line := strings.Count(doc[:p.start], "\n") + 1
		switch {
		case p.over && got >= p.want:
			t.Errorf("README.md line %d: over %d lines, where the file has %d", line, got, p.want)
		case !p.over && got != p.want && *update:
			doc = doc[:p.start] + thousands(p.want) + doc[p.end:]
			changed = true
		case !p.over && got != p.want:
			t.Errorf("README.md line %d: %d lines, where the file has %d (go test ./record -run Golden -update rewrites it)", line, got, p.want)
		}
	}
	if changed {
		if err := os.WriteFile(readmePath, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// dataMDTableLines gives the lines of DATA.md's table that begins with
// header under heading, each with its newline.
func dataMDTableLines(t *testing.T, heading, header string) []string {
	t.Helper()
	raw, err := os.ReadFile(dataMDPath)
	if err != nil {
		t.Fatal(err)
	}
	p, err := dataMDTable(heading, header)(string(raw))
	if err != nil {
		t.Fatalf("DATA.md: %v", err)
	}
	return strings.SplitAfter(string(raw)[p.start:p.end], "\n")
}
