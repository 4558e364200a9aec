package undl_test

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/internal/shareddata"
	"unsc/undl"
)

const (
	sampleFile  = "2025_7_21_sc_voting_sample.csv"
	crawledFile = "sc_voting_crawled_undl_layout.csv"
)

func samplePath(tb testing.TB) string {
	return shareddata.Path(tb, "undl-sc-voting", sampleFile)
}

func crawledPath(tb testing.TB) string {
	return shareddata.Path(tb, "undl-sc-votes-crawled", crawledFile)
}

// parseFile parses a shared data file, failing the test on any error.
func parseFile(tb testing.TB, path, name string) []unsc.Report {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	reports, err := undl.Parse(f, name)
	if err != nil {
		tb.Fatalf("Parse(%s) = %v", name, err)
	}
	return reports
}

// byResolution indexes reports by resolution symbol.
func byResolution(reports []unsc.Report) map[string][]unsc.Report {
	m := map[string][]unsc.Report{}
	for _, r := range reports {
		m[r.Resolution] = append(m[r.Resolution], r)
	}
	return m
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// counts returns how many members took each position.
func counts(votes unsc.Votes) map[unsc.Position]int {
	c := map[unsc.Position]int{}
	for _, p := range votes.All() {
		c[p]++
	}
	return c
}

// matchesTally reports whether the members' positions add up to the tally.
func matchesTally(r unsc.Report) bool {
	c := counts(r.Votes)
	return c[unsc.Yes] == r.Tally.Yes && c[unsc.No] == r.Tally.No &&
		c[unsc.Abstain] == r.Tally.Abstain && c[unsc.NotParticipating] == r.Tally.NonVoting &&
		c[unsc.Absent] == 0
}

func TestParseSample(t *testing.T) {
	reports := parseFile(t, samplePath(t), sampleFile)

	var keys []string
	for _, r := range reports {
		keys = append(keys, r.Key)
	}
	wantKeys := []string{"undl:278790", "undl:280159", "undl:280168", "undl:280171", "undl:280176", "undl:280187", "undl:280205"}
	if diff := cmp.Diff(wantKeys, keys); diff != "" {
		t.Fatalf("Parse(sample) keys (-want +got):\n%s", diff)
	}

	china := unsc.Code("CHN")
	tests := []struct {
		key  string
		want unsc.Report
	}{
		{"undl:278790", unsc.Report{
			Source:     unsc.SourceUNDL,
			Key:        "undl:278790",
			Ref:        sampleFile + ":2",
			Date:       day("1982-04-09"),
			Meeting:    "S/PV.2351",
			Resolution: "S/RES/503 (1982)",
			Title:      "Security Council resolution 503 (1982) [on death sentences imposed on members of the African National Congress of South Africa]",
			Outcome:    unsc.Adopted,
			Tally:      unsc.Tally{Yes: 15, Known: true},
			Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{
				"CHN": unsc.Yes, "FRA": unsc.Yes, "GUY": unsc.Yes, "IRL": unsc.Yes, "JPN": unsc.Yes,
				"JOR": unsc.Yes, "PAN": unsc.Yes, "POL": unsc.Yes, "ESP": unsc.Yes, "TGO": unsc.Yes,
				"UGA": unsc.Yes, "SUN": unsc.Yes, "GBR": unsc.Yes, "USA": unsc.Yes,
				"COD": unsc.Yes, // Zaire, under today's code
			}),
		}},
		{"undl:280176", unsc.Report{
			Source:     unsc.SourceUNDL,
			Key:        "undl:280176",
			Ref:        sampleFile + ":62",
			Date:       day("1980-05-30"),
			Meeting:    "S/PV.2224",
			Resolution: "S/RES/470 (1980)",
			Draft:      "S/13967",
			Agenda:     "The situation in the Middle East.",
			Outcome:    unsc.Adopted,
			Tally:      unsc.Tally{Yes: 14, NonVoting: 1, Known: true},
			Note:       "China did not participate in the voting",
		}},
	}
	got := map[string]unsc.Report{}
	for _, r := range reports {
		got[r.Key] = r
	}
	for _, tt := range tests {
		r := got[tt.key]
		want := tt.want
		if !want.Votes.Known() {
			// Check the position that matters and leave the rest to the
			// tally test below.
			if r.Votes.Of(china) != unsc.NotParticipating || r.Votes.Len() != 15 {
				t.Errorf("%s: CHN = %v among %d votes, want not participating among 15", tt.key, r.Votes.Of(china), r.Votes.Len())
			}
			r.Votes = unsc.Votes{}
			r.Title = ""
		}
		if diff := cmp.Diff(want, r); diff != "" {
			t.Errorf("Parse(sample) %s (-want +got):\n%s", tt.key, diff)
		}
	}

	// 462 (1980): GDR and USSR against, Zambia abstaining.
	r := got["undl:280168"]
	if r.Votes.Of("DDR") != unsc.No || r.Votes.Of("SUN") != unsc.No || r.Votes.Of("ZMB") != unsc.Abstain {
		t.Errorf("S/RES/462 (1980): DDR, SUN, ZMB = %v, %v, %v, want no, no, abstain", r.Votes.Of("DDR"), r.Votes.Of("SUN"), r.Votes.Of("ZMB"))
	}

	// Only the three records whose rows carry a vote_note have a Note.
	var noted []string
	for _, r := range reports {
		if r.Note != "" {
			noted = append(noted, r.Resolution)
		}
	}
	if diff := cmp.Diff([]string{"S/RES/470 (1980)", "S/RES/481 (1980)", "S/RES/458 (1979)"}, noted); diff != "" {
		t.Errorf("Parse(sample) reports with a note (-want +got):\n%s", diff)
	}
}

// TestVotesMatchTally checks that every report's members add up to its
// tally. The exceptions are real and listed with their cause.
func TestVotesMatchTally(t *testing.T) {
	exceptions := map[string]string{
		// The sample is the first 100 rows of the file: it stops after 10
		// of the 15 rows of S/RES/458 (1979).
		sampleFile + ":undl:280205": "sample cut off mid-record",
	}
	files := []struct{ path, name string }{
		{samplePath(t), sampleFile},
		{crawledPath(t), crawledFile},
	}
	found := map[string]bool{}
	for _, f := range files {
		for _, r := range parseFile(t, f.path, f.name) {
			if !r.Tally.Known || !r.Votes.Known() {
				t.Errorf("%s %s: tally known %v, votes %v: want both", f.name, r.Key, r.Tally.Known, r.Votes)
				continue
			}
			id := f.name + ":" + r.Key
			if sum := r.Tally.Yes + r.Tally.No + r.Tally.Abstain + r.Tally.NonVoting; sum != 11 && sum != 15 {
				t.Errorf("%s %s: tally %+v sums to %d, want 11 or 15 members", f.name, r.Key, r.Tally, sum)
			}
			if matchesTally(r) {
				continue
			}
			if _, ok := exceptions[id]; !ok {
				t.Errorf("%s %s (%s): votes %v do not match tally %+v", f.name, r.Key, r.Resolution, counts(r.Votes), r.Tally)
			}
			found[id] = true
		}
	}
	for id, why := range exceptions {
		if !found[id] {
			t.Errorf("%s (%s) matches its tally now: remove the exception", id, why)
		}
	}
}

func TestParseCrawled(t *testing.T) {
	reports := parseFile(t, crawledPath(t), crawledFile)
	// 2,797 records for 2,796 resolutions: 2760 (2024) is in the library
	// twice, under two undl_ids; 2761 (2024) and 2797 (2025) are missing.
	if len(reports) != 2797 {
		t.Errorf("Parse(crawled) = %d reports, want 2797", len(reports))
	}
	res := byResolution(reports)
	if len(res) != 2796 {
		t.Errorf("Parse(crawled) = %d resolutions, want 2796", len(res))
	}
	var keys []string
	for _, r := range res["S/RES/2760 (2024)"] {
		keys = append(keys, r.Key)
	}
	if diff := cmp.Diff([]string{"undl:4066424", "undl:4070358"}, keys); diff != "" {
		t.Errorf("S/RES/2760 (2024) keys (-want +got):\n%s", diff)
	}
	for _, missing := range []string{"S/RES/2761 (2024)", "S/RES/2797 (2025)"} {
		if len(res[missing]) != 0 {
			t.Errorf("%s: %d reports, want none (missing from the crawl)", missing, len(res[missing]))
		}
	}

	tests := []struct {
		resolution string
		date       string
		meeting    string
		members    int
		counts     map[unsc.Position]int
		votes      map[unsc.Code]unsc.Position // positions that matter
	}{
		{"S/RES/1 (1946)", "1946-01-25", "S/PV.2", 11, map[unsc.Position]int{unsc.Yes: 11}, nil},
		{"S/RES/82 (1950)", "1950-06-25", "S/PV.473", 11,
			map[unsc.Position]int{unsc.Yes: 9, unsc.Abstain: 1, unsc.NotParticipating: 1},
			map[unsc.Code]unsc.Position{"SUN": unsc.NotParticipating, "YUG": unsc.Abstain}},
		{"S/RES/2334 (2016)", "2016-12-23", "S/PV.7853", 15,
			map[unsc.Position]int{unsc.Yes: 14, unsc.Abstain: 1},
			map[unsc.Code]unsc.Position{"USA": unsc.Abstain}},
		// Meeting symbols spelt without the dot, or with a resumption.
		{"S/RES/2675 (2023)", "2023-02-15", "S/PV.9261", 15, nil, nil},
		{"S/RES/2033 (2012)", "2012-01-12", "S/PV.6702", 15, nil, nil},
		// Written procedure: the meeting field names a letter.
		{"S/RES/2515 (2020)", "2020-03-30", "", 15, nil, nil},
	}
	for _, tt := range tests {
		rs := res[tt.resolution]
		if len(rs) != 1 {
			t.Errorf("%s: %d reports, want 1", tt.resolution, len(rs))
			continue
		}
		r := rs[0]
		if !r.Date.Equal(day(tt.date)) || r.Meeting != tt.meeting || r.Votes.Len() != tt.members {
			t.Errorf("%s: date %s, meeting %q, %d members, want %s, %q, %d",
				tt.resolution, r.Date.Format(time.DateOnly), r.Meeting, r.Votes.Len(), tt.date, tt.meeting, tt.members)
		}
		if tt.counts != nil {
			if diff := cmp.Diff(tt.counts, counts(r.Votes)); diff != "" {
				t.Errorf("%s counts (-want +got):\n%s", tt.resolution, diff)
			}
		}
		for code, want := range tt.votes {
			if got := r.Votes.Of(code); got != want {
				t.Errorf("%s: %s = %v, want %v", tt.resolution, code, got, want)
			}
		}
		if r.Outcome != unsc.Adopted || r.MatterKnown || r.Source != unsc.SourceUNDL {
			t.Errorf("%s: outcome %v, matter known %v, source %q, want adopted, false, undl", tt.resolution, r.Outcome, r.MatterKnown, r.Source)
		}
	}
	if n := res["S/RES/2515 (2020)"]; len(n) == 1 && !strings.Contains(n[0].Note, "S/2020/246") {
		t.Errorf("S/RES/2515 (2020) note = %q, want it to keep S/2020/246", n[0].Note)
	}

	// Counts over the whole file.
	var writtenProcedure, withoutVote int
	for _, r := range reports {
		if r.Meeting == "" {
			writtenProcedure++
		}
		if r.Modality == unsc.WithoutVote {
			withoutVote++
			if r.Tally.NonVoting != r.Votes.Len() {
				t.Errorf("%s: without a vote but tally %+v", r.Resolution, r.Tally)
			}
		}
	}
	// 51 resolutions of 2020–2021 name a letter in the meeting field; 42
	// (1991–2012) list every member as X and so were adopted without a vote.
	if writtenProcedure != 51 || withoutVote != 42 {
		t.Errorf("Parse(crawled): %d without meeting, %d without a vote, want 51 and 42", writtenProcedure, withoutVote)
	}
}

// TestPolicyPulse checks that the wide tables derived from the data are
// refused: they are not this format.
func TestPolicyPulse(t *testing.T) {
	for name, missing := range map[string]string{
		"transformed_sc_votes_sample.policy-pulse.csv":             "ms_code",
		"transformed_votes_sample_sc_with_vetoes.policy-pulse.csv": "undl_id",
	} {
		data, err := os.ReadFile(shareddata.Path(t, "undl-sc-voting", name))
		if err != nil {
			t.Fatal(err)
		}
		if undl.Sniff(data[:min(len(data), 4096)]) {
			t.Errorf("Sniff(%s) = true, want false", name)
		}
		reports, err := undl.Parse(bytes.NewReader(data), name)
		var e *unsc.Error
		if !errors.As(err, &e) || e.Field != name+":1:"+missing || reports != nil {
			t.Errorf("Parse(%s) = %d reports, %v; want error at %s:1:%s", name, len(reports), err, name, missing)
		}
	}
}

func TestSniff(t *testing.T) {
	sample, err := os.ReadFile(samplePath(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		head string
		want bool
	}{
		{"sample", string(sample[:2048]), true},
		{"header only, no newline", "undl_id,ms_code,ms_vote,resolution", true},
		{"byte order mark, CRLF, quotes", "\ufeff\"undl_id\",\"resolution\",\"ms_vote\",\"ms_code\"\r\n1,2", true},
		{"upper case", "UNDL_ID,MS_CODE,MS_VOTE,RESOLUTION\n", true},
		{"no ms_vote", "undl_id,ms_code,resolution\n", false},
		{"names in a later line", "a,b\nundl_id,ms_code,ms_vote,resolution\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		if got := undl.Sniff([]byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// header is the official column order.
const header = "undl_id,ms_code,ms_name,permanent_member,ms_vote,date,resolution,draft,meeting,description,agenda,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,modality,undl_link\n"

func TestParseLayout(t *testing.T) {
	// The same record in the official order, and in another order with an
	// extra column and without the optional ones.
	official := header +
		`1,USA,UNITED STATES,True,Y,2000-01-31,S/RES/1284(2000),S/2000/50,S/PV.4100,Security Council resolution 1284 (2000) [on Iraq],The situation between Iraq and Kuwait.,IRAQ SITUATION|SANCTIONS | ,,1,0,1,0,2,Without vote,x` + "\n" +
		`1,FRA,FRANCE,True,A,2000-01-31,S/RES/1284(2000),S/2000/50,S/PV.4100,Security Council resolution 1284 (2000) [on Iraq],The situation between Iraq and Kuwait.,IRAQ SITUATION|SANCTIONS | ,,1,0,1,0,2,Without vote,x` + "\n"
	shuffled := "resolution,extra,ms_vote,date,ms_code,undl_id\r\n" +
		"S/RES/1284 (2000),?,Y,2000-01-31,USA,1\r\n" +
		"S/RES/1284,?,A,2000-01-31,FRA,1\r\n"

	want := unsc.Report{
		Source:     unsc.SourceUNDL,
		Key:        "undl:1",
		Ref:        "f:2",
		Date:       day("2000-01-31"),
		Meeting:    "S/PV.4100",
		Resolution: "S/RES/1284 (2000)",
		Draft:      "S/2000/50",
		Title:      "Security Council resolution 1284 (2000) [on Iraq]",
		Agenda:     "The situation between Iraq and Kuwait.",
		Subjects:   []string{"IRAQ SITUATION", "SANCTIONS"},
		Modality:   unsc.WithoutVote,
		Outcome:    unsc.Adopted,
		Tally:      unsc.Tally{Yes: 1, Abstain: 1, Known: true},
		Votes:      unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.Yes, "FRA": unsc.Abstain}),
	}
	got, err := undl.Parse(strings.NewReader(official), "f")
	if err != nil {
		t.Fatalf("Parse(official order) = %v", err)
	}
	if diff := cmp.Diff([]unsc.Report{want}, got); diff != "" {
		t.Errorf("Parse(official order) (-want +got):\n%s", diff)
	}

	got, err = undl.Parse(strings.NewReader(shuffled), "f")
	if err != nil {
		t.Fatalf("Parse(shuffled) = %v", err)
	}
	short := unsc.Report{
		Source: want.Source, Key: want.Key, Ref: want.Ref, Date: want.Date,
		Resolution: want.Resolution, Outcome: want.Outcome, Votes: want.Votes,
	}
	if diff := cmp.Diff([]unsc.Report{short}, got); diff != "" {
		t.Errorf("Parse(shuffled) (-want +got):\n%s", diff)
	}
}

func TestParseGrouping(t *testing.T) {
	// Rows of one record need not be adjacent; notes on some rows are kept
	// per member, notes on every row once.
	in := header +
		"7,USA,,,Y,1950-06-27,S/RES/83(1950),,S/PV.474,,,,,7,1,0,3,11,Vote,\n" +
		"8,USA,,,Y,1950-07-07,S/RES/84(1950),,S/PV.476,,,,every row,1,0,0,1,2,Vote,\n" +
		"7,EGY,,,X,1950-06-27,S/RES/83(1950),,S/PV.474,,,,Egypt did not vote,7,1,0,3,11,Vote,\n" +
		"8,SUN,,,X,1950-07-07,S/RES/84(1950),,S/PV.476,,,,every row,1,0,0,1,2,Vote,\n" +
		"7,IND,,,X,1950-06-27,S/RES/83(1950),,S/PV.474,,,,India did not vote,7,1,0,3,11,Vote,\n"
	got, err := undl.Parse(strings.NewReader(in), "g")
	if err != nil {
		t.Fatalf("Parse = %v", err)
	}
	type brief struct {
		Key, Ref, Resolution, Note string
		Votes                      unsc.Votes
	}
	var briefs []brief
	for _, r := range got {
		briefs = append(briefs, brief{r.Key, r.Ref, r.Resolution, r.Note, r.Votes})
	}
	want := []brief{
		{"undl:7", "g:2", "S/RES/83 (1950)", "EGY: Egypt did not vote; IND: India did not vote",
			unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.Yes, "EGY": unsc.NotParticipating, "IND": unsc.NotParticipating})},
		{"undl:8", "g:3", "S/RES/84 (1950)", "every row",
			unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.Yes, "SUN": unsc.NotParticipating})},
	}
	if diff := cmp.Diff(want, briefs); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
}

func TestParseModality(t *testing.T) {
	tests := []struct {
		modality string
		votes    string // ms_vote of the record's two rows
		want     unsc.Modality
		inferred bool
	}{
		{"Vote", "YY", unsc.ByVote, false},
		{"vote", "XX", unsc.ByVote, false},
		{"", "YA", unsc.ByVote, false},
		{"", "XX", unsc.WithoutVote, true},
		{"", "XY", unsc.ByVote, false},
		{"Without vote", "XX", unsc.WithoutVote, false},
		{"WITHOUT VOTE", "YY", unsc.WithoutVote, false},
		{"By acclamation", "YY", unsc.ByAcclamation, false},
	}
	for _, tt := range tests {
		in := "undl_id,ms_code,ms_vote,date,resolution,modality\n" +
			"1,USA," + tt.votes[:1] + ",1946-01-25,S/RES/1(1946)," + tt.modality + "\n" +
			"1,FRA," + tt.votes[1:] + ",1946-01-25,S/RES/1(1946)," + tt.modality + "\n"
		got, err := undl.Parse(strings.NewReader(in), "m")
		if err != nil {
			t.Errorf("Parse(modality %q, votes %s) = %v", tt.modality, tt.votes, err)
			continue
		}
		if got[0].Modality != tt.want || (got[0].Note != "") != tt.inferred {
			t.Errorf("Parse(modality %q, votes %s) = %v, note %q; want %v, note %v", tt.modality, tt.votes, got[0].Modality, got[0].Note, tt.want, tt.inferred)
		}
	}
}

func TestParseErrors(t *testing.T) {
	row := func(fields ...string) string {
		// Start from a good row and replace the named fields.
		f := map[string]string{
			"undl_id": "1", "ms_code": "USA", "ms_vote": "Y", "date": "1946-01-25",
			"resolution": "S/RES/1(1946)", "draft": "", "meeting": "S/PV.2",
			"total_yes": "1", "total_no": "0", "total_abstentions": "0", "total_non_voting": "0",
			"modality": "Vote",
		}
		for i := 0; i+1 < len(fields); i += 2 {
			f[fields[i]] = fields[i+1]
		}
		cols := strings.Split(strings.TrimSpace(header), ",")
		var out []string
		for _, c := range cols {
			out = append(out, f[c])
		}
		return strings.Join(out, ",") + "\n"
	}
	good := row()
	tests := []struct {
		name  string
		in    string
		field string
	}{
		{"empty file", "", "e:1"},
		{"missing column", "undl_id,ms_code,ms_vote,date\n", "e:1:resolution"},
		{"column twice", "undl_id,ms_code,ms_vote,date,resolution,ms_vote\n", "e:1:ms_vote"},
		{"bad vote", header + good + row("ms_code", "FRA", "ms_vote", "Q"), "e:3:ms_vote"},
		{"empty vote", header + row("ms_vote", ""), "e:2:ms_vote"},
		{"bad date", header + row("date", "25/01/1946"), "e:2:date"},
		{"impossible date", header + row("date", "1946-02-30"), "e:2:date"},
		{"bad resolution", header + row("resolution", "S/RES/one"), "e:2:resolution"},
		{"draft as resolution", header + row("resolution", "S/1946/1"), "e:2:resolution"},
		{"bad draft", header + row("draft", "S/RES/1"), "e:2:draft"},
		{"bad meeting", header + row("meeting", "PV.2"), "e:2:meeting"},
		{"bad modality", header + row("modality", "by lot"), "e:2:modality"},
		{"bad total", header + row("total_no", "none"), "e:2:total_no"},
		{"missing total", header + row("total_abstentions", ""), "e:2:total_abstentions"},
		{"negative total", header + row("total_yes", "-1"), "e:2:total_yes"},
		{"bad code", header + row("ms_code", "us"), "e:2:ms_code"},
		{"bad undl_id", header + row("undl_id", "x1"), "e:2:undl_id"},
		{"empty undl_id", header + row("undl_id", ""), "e:2:undl_id"},
		{"member twice", header + good + row("ms_vote", "A"), "e:3:ms_code"},
		{"member twice apart", header + good + row("undl_id", "2") + row(), "e:4:ms_code"},
		{"date differs", header + good + row("ms_code", "FRA", "date", "1946-01-26"), "e:3:date"},
		{"resolution differs", header + good + row("ms_code", "FRA", "resolution", "S/RES/2(1946)"), "e:3:resolution"},
		{"meeting differs", header + good + row("ms_code", "FRA", "meeting", "S/PV.3"), "e:3:meeting"},
		{"tally differs", header + good + row("ms_code", "FRA", "total_yes", "2"), "e:3:total_yes"},
		{"short row", header + good + "1,FRA,F\n", "e:3:column 4"},
		{"long row", header + strings.TrimSuffix(good, "\n") + ",extra\n", "e:2:column 21"},
		{"bare quote", header + good + `1,FRA,"F"x` + "\n", "e:3:"},
		{"unclosed quote", header + good + `1,"FRA` + "\n", "e:3:"},
		// A multi-line field: the error names the line the field is on.
		{"vote after multi-line field", "undl_id,ms_name,ms_code,ms_vote,date,resolution\n" +
			"1,\"A\nB\",USA,Q,1946-01-25,S/RES/1(1946)\n", "e:3:ms_vote"},
	}
	for _, tt := range tests {
		reports, err := undl.Parse(strings.NewReader(tt.in), "e")
		var e *unsc.Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%s) = %d reports, %v; want *unsc.Error", tt.name, len(reports), err)
			continue
		}
		if e.Code != unsc.EINVALID || !strings.HasPrefix(e.Field, tt.field) || reports != nil {
			t.Errorf("Parse(%s) = %d reports, error %q at %q; want none, %s at %s", tt.name, len(reports), e.Code, e.Field, unsc.EINVALID, tt.field)
		}
		if strings.HasSuffix(tt.field, ":") || strings.Count(tt.field, ":") < 2 {
			continue
		}
		if e.Field != tt.field {
			t.Errorf("Parse(%s) error at %q, want %q", tt.name, e.Field, tt.field)
		}
	}
}

func BenchmarkParseCrawled(b *testing.B) {
	data, err := os.ReadFile(crawledPath(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		reports, err := undl.Parse(bytes.NewReader(data), crawledFile)
		if err != nil || len(reports) != 2797 {
			b.Fatalf("Parse = %d reports, %v", len(reports), err)
		}
	}
}

// seedLines returns the header and the first n rows of a shared file.
func seedLines(tb testing.TB, path string, n int) string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var sb strings.Builder
	sc := bufio.NewScanner(f)
	for i := 0; i <= n && sc.Scan(); i++ {
		sb.WriteString(sc.Text())
		sb.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return sb.String()
}

func FuzzParse(f *testing.F) {
	f.Add(seedLines(f, samplePath(f), 3))
	f.Add(seedLines(f, samplePath(f), 70))
	f.Add(seedLines(f, crawledPath(f), 2))
	f.Add(seedLines(f, crawledPath(f), 16))
	f.Add(header + "1,USA,,,X,1946-01-25,S/RES/1,,S/2020/246,,,A|B,note,0,0,0,1,1,,\n")
	f.Add("undl_id,ms_code,ms_vote,date,resolution\n1,USA,Y,1946-01-25,1\n")
	const name = "fuzz.csv"
	f.Fuzz(func(t *testing.T, in string) {
		reports, err := undl.Parse(strings.NewReader(in), name)
		if err != nil {
			var e *unsc.Error
			if !errors.As(err, &e) || e.Code != unsc.EINVALID || !strings.HasPrefix(e.Field, name+":") {
				t.Fatalf("Parse = %v (%T), want an *unsc.Error at %s:…", err, err, name)
			}
			if reports != nil {
				t.Fatalf("Parse = %d reports with error %v, want none", len(reports), err)
			}
			return
		}
		for _, r := range reports {
			if !strings.HasPrefix(r.Key, "undl:") || !strings.HasPrefix(r.Ref, name+":") || r.Resolution == "" || r.Votes.Len() == 0 {
				t.Fatalf("Parse = report %+v, want key, ref, resolution and votes", r)
			}
			if s, kind, err := unsc.NormalizeSymbol(r.Resolution); err != nil || s != r.Resolution || kind != unsc.ResolutionSymbol {
				t.Fatalf("report resolution %q is not a canonical resolution symbol", r.Resolution)
			}
		}
	})
}
