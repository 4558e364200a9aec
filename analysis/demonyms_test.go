package analysis_test

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"unsc"
	"unsc/analysis"
	"unsc/charter"
)

// TestDemonymsTable checks that the embedded table reads and covers every
// state that sat on the Council: by a row of its name, or by a word of its
// name that is one of the table's forms.
func TestDemonymsTable(t *testing.T) {
	countries, groups, err := analysis.DemonymGroups()
	if err != nil {
		t.Fatalf("demonyms.csv: %v", err)
	}
	forms := map[string]bool{}
	for _, g := range groups {
		for _, f := range g {
			term, _ := analysis.SearchTerm(f)
			forms[term] = true
		}
	}
	for _, m := range charter.Tenures() {
		if slices.Contains(countries, m.Name) {
			continue
		}
		found := false
		for w := range strings.FieldsSeq(m.Name) {
			if term, _ := analysis.SearchTerm(w); forms[term] {
				found = true
			}
		}
		if !found {
			t.Errorf("demonyms.csv has no row for %s (%s), nor a form of a word of its name", m.Name, m.Code)
		}
	}
}

// TestParseDemonymsErrors checks that a bad table is refused, naming the
// line and the field.
func TestParseDemonymsErrors(t *testing.T) {
	const header = "# a comment\ncountry,names,adjectives,note\n"
	tests := []struct {
		name, data, want string // want: what the error must name
	}{
		{"header", "country,names,adjective,note\n", "demonyms.csv:1:"},
		{"two words", header + "Sierra Leone,Sierra Leone,Sierra Leonean,\n", "demonyms.csv:3:names:"},
		{"adjective of two words", header + "Sierra Leone,Leone,Sierra Leonean,\n", "demonyms.csv:3:adjectives:"},
		{"no name", header + "Syria,,Syrian,\n", "demonyms.csv:3:names:"},
		{"no note", header + "Dominica,Dominica,,\n", "demonyms.csv:3:note:"},
		{"no country", header + ",Syria,Syrian,\n", "demonyms.csv:3:country:"},
		// A form in two groups: Dominican would find both Dominica and
		// the Dominican Republic.
		{"false friend", header + "Dominican Republic,Dominican,Dominican,\nDominica,Dominica,Dominican,\n", "demonyms.csv:4:"},
		{"fields", header + "Syria,Syria\n", "demonyms.csv"},
	}
	for _, tt := range tests {
		_, err := analysis.ParseDemonyms(tt.data)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseDemonyms(%s) = %v, want an error starting %q", tt.name, err, tt.want)
		}
	}
	// Rows that share a form list the same forms: allowed.
	n, err := analysis.ParseDemonyms(header + "Guinea,Guinea,Guinean,\nEquatorial Guinea,Guinea,Guinean,\nNiger,Niger,Nigerien,\nNigeria,Nigeria,Nigerian,\n")
	if n != 4 || err != nil {
		t.Errorf("ParseDemonyms(Guinea twice, Niger, Nigeria) = %d, %v; want 4 rows", n, err)
	}
}

// demonymRecord makes one decision a form of every row of the table,
// titled "Draft resolution on the FORM question", with the form of each.
func demonymRecord(t *testing.T) ([]unsc.Decision, []string) {
	t.Helper()
	_, groups, err := analysis.DemonymGroups()
	if err != nil {
		t.Fatalf("demonyms.csv: %v", err)
	}
	var ds []unsc.Decision
	var forms []string
	for _, g := range groups {
		for _, f := range g {
			ds = append(ds, unsc.Decision{
				Date: day("2000-01-01").AddDate(0, 0, len(ds)), Draft: fmt.Sprintf("S/2000/%d", len(ds)+1),
				Title: "Draft resolution on the " + f + " question", Derived: unsc.Adopted,
			})
			forms = append(forms, f)
		}
	}
	return ds, forms
}

// TestDemonymsRoundTrip searches each form of the table and checks that it
// finds every decision titled with a form of its group (its name finds
// its adjective, and its adjective its name) and no other, and that the
// form as asked ranks first.
func TestDemonymsRoundTrip(t *testing.T) {
	ds, forms := demonymRecord(t)
	x := analysis.New(ds)
	_, groups, err := analysis.DemonymGroups()
	if err != nil {
		t.Fatalf("demonyms.csv: %v", err)
	}
	term := func(f string) string {
		w, _ := analysis.SearchTerm(f)
		return w
	}
	// kin returns the search terms a form must find, from the table's
	// rows: those of every row that holds it.
	kin := func(f string) map[string]bool {
		out := map[string]bool{term(f): true}
		for _, g := range groups {
			if slices.ContainsFunc(g, func(h string) bool { return term(h) == term(f) }) {
				for _, h := range g {
					out[term(h)] = true
				}
			}
		}
		return out
	}
	for _, f := range forms {
		// A hyphenated form is found by its parts too, as any hyphenated
		// word is: Bissau-Guinean by Guinean.
		k := kin(f)
		var want []string
		for j, g := range forms {
			for _, part := range append(strings.Split(g, "-"), g) {
				if k[term(part)] {
					want = append(want, ds[j].Draft)
					break
				}
			}
		}
		a := must(x.Search(bg, analysis.SearchQuery{Text: f, Uncapped: true}))
		got := symbols(a)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v", f, got, want)
			continue
		}
		// The form as asked first: the decision titled with it, or one
		// with a form of the same search term.
		if top := term(forms[slices.Index(symbolsOf(ds), a.Decisions[0].Symbol)]); top != term(f) {
			t.Errorf("Search(%q) ranks %s (%q) first, want a decision with %q", f, a.Decisions[0].Symbol, a.Decisions[0].Title, f)
		}
	}
}

func symbolsOf(ds []unsc.Decision) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Draft
	}
	return out
}

// TestDemonymsFalseFriends checks that names which share letters but not a
// country do not find each other.
func TestDemonymsFalseFriends(t *testing.T) {
	titles := []string{
		"the situation in Niger", "a Nigerien request", "the situation in Nigeria", "a Nigerian request",
		"the situation in Dominica", "the situation in the Dominican Republic",
		"the situation in Guinea", "a Guinean request", "the situation in Equatorial Guinea", "the situation in Guinea-Bissau",
		"the situation in Sudan", "the situation in South Sudan", "a Sudanese request",
		"the situation in Syria", "the Syrian and Lebanese question",
	}
	var ds []unsc.Decision
	for k, s := range titles {
		ds = append(ds, unsc.Decision{Date: day("2000-01-01").AddDate(0, 0, k), Draft: fmt.Sprintf("S/2000/%d", k+1), Title: s, Derived: unsc.Adopted})
	}
	x := analysis.New(ds)
	tests := []struct {
		text string
		want []string // the titles found, in any order
	}{
		{"Niger", []string{"the situation in Niger", "a Nigerien request"}},
		{"Nigerien", []string{"the situation in Niger", "a Nigerien request"}},
		{"Nigeria", []string{"the situation in Nigeria", "a Nigerian request"}},
		{"Nigerian", []string{"the situation in Nigeria", "a Nigerian request"}},
		{"Dominica", []string{"the situation in Dominica"}},
		{"Dominican", []string{"the situation in the Dominican Republic"}},
		// Guinea is a word of three names, as it was before adjectives.
		{"Guinean", []string{"the situation in Guinea", "a Guinean request", "the situation in Equatorial Guinea", "the situation in Guinea-Bissau"}},
		{`"Equatorial Guinean"`, []string{"the situation in Equatorial Guinea"}},
		{"Guinea-Bissau", []string{"the situation in Guinea-Bissau"}},
		{"South Sudanese", []string{"the situation in South Sudan"}},
		{"Lebanon", []string{"the Syrian and Lebanese question"}},
		{"Syria", []string{"the situation in Syria", "the Syrian and Lebanese question"}},
		{`"Syria and Lebanon"`, []string{"the Syrian and Lebanese question"}},
	}
	for _, tt := range tests {
		a := must(x.Search(bg, analysis.SearchQuery{Text: tt.text, Uncapped: true}))
		var got []string
		for _, h := range a.Decisions {
			got = append(got, h.Title)
		}
		slices.Sort(got)
		slices.Sort(tt.want)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestRealSyriaVetoes checks the question reporters ask, "how many vetoes
// on Syria", on the real record: the search for Syria finds every vetoed
// draft whose indexed text holds Syria or Syrian as a word — the first
// veto of all (16 February 1946, S/PV.23, the Syrian and Lebanese
// question) among them — and the search for Syrian finds the same.
func TestRealSyriaVetoes(t *testing.T) {
	_, x := realRecord(t)
	vetoed := must(x.Search(bg, analysis.SearchQuery{Outcome: unsc.Vetoed, Uncapped: true, Sort: analysis.SortDate}))
	anyForm := regexp.MustCompile(`(?i)\bsyrian?\b`)
	name := regexp.MustCompile(`(?i)\bsyria\b`)
	var want, byName []string
	for _, h := range vetoed.Decisions {
		text := strings.Join(x.IndexedText(h.Index), "\n")
		if anyForm.MatchString(text) {
			want = append(want, h.Symbol)
		}
		if name.MatchString(text) {
			byName = append(byName, h.Symbol)
		}
	}
	for _, text := range []string{"Syria", "Syrian", "syrian"} {
		a := must(x.Search(bg, analysis.SearchQuery{Text: text, Outcome: unsc.Vetoed, Uncapped: true, Sort: analysis.SortDate}))
		got := symbols(a)
		if !slices.Equal(got, want) || a.Total != len(want) {
			t.Errorf("Search(%q, vetoed) = %d %v,\nwant %d %v", text, a.Total, got, len(want), want)
		}
		first := a.Decisions[0]
		if first.Date != "1946-02-16" || first.Meeting != "S/PV.23" || !strings.Contains(first.Title, "Syrian and Lebanese question") {
			t.Errorf("Search(%q, vetoed) first = %s %s %q, want the veto of 16 February 1946 at S/PV.23 on the Syrian and Lebanese question", text, first.Date, first.Meeting, first.Title)
		}
	}
	// The name alone was all a search found before the adjectives
	// matched; every one of those is still found, and more.
	if len(byName) == 0 || len(want) <= len(byName) {
		t.Errorf("vetoed drafts naming Syria %d, Syria or Syrian %d; want some, and more", len(byName), len(want))
	}
	t.Logf("vetoed drafts found by Syria: %d (by the word Syria alone: %d)", len(want), len(byName))
	// The README says the counts.
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	said := regexp.MustCompile("`unsc decisions --text Syria --outcome\\s+vetoed` finds (\\d+) vetoed drafts: the (\\d+) whose text names Syria").FindStringSubmatch(string(readme))
	if said == nil || said[1] != strconv.Itoa(len(want)) || said[2] != strconv.Itoa(len(byName)) {
		t.Errorf("README.md's Searching decisions says %q, want %d vetoed drafts, %d whose text names Syria", said, len(want), len(byName))
	}
	// Ranked by relevance, a draft with the word as asked comes first.
	a := must(x.Search(bg, analysis.SearchQuery{Text: "Syrian", Outcome: unsc.Vetoed}))
	if !strings.Contains(strings.Join(x.IndexedText(a.Decisions[0].Index), "\n"), "Syrian") {
		t.Errorf("Search(Syrian, vetoed) ranks %s first, whose text lacks the word Syrian", a.Decisions[0].Symbol)
	}
}

// TestRealNigerNotNigeria checks on the real record that Niger finds no
// decision about Nigeria, and that every decision found holds Niger or
// Nigerien.
func TestRealNigerNotNigeria(t *testing.T) {
	_, x := realRecord(t)
	niger := regexp.MustCompile(`(?i)\bnigerien|\bniger\b`)
	a := must(x.Search(bg, analysis.SearchQuery{Text: "Niger", Uncapped: true}))
	if a.Total == 0 {
		t.Fatal("Search(Niger) found nothing: the record names Niger")
	}
	for _, h := range a.Decisions {
		if text := strings.Join(x.IndexedText(h.Index), "\n"); !niger.MatchString(text) {
			t.Errorf("Search(Niger) found %s, which names neither Niger nor Nigerien: %q", h.Symbol, text)
		}
	}
	b := must(x.Search(bg, analysis.SearchQuery{Text: "Nigeria", Uncapped: true}))
	for _, h := range b.Decisions {
		if text := strings.Join(x.IndexedText(h.Index), "\n"); !regexp.MustCompile(`(?i)\bnigerian?\b`).MatchString(text) {
			t.Errorf("Search(Nigeria) found %s, which names neither Nigeria nor Nigerian: %q", h.Symbol, text)
		}
	}
}

// BenchmarkDemonymsAtQuery measures the other design: a country's forms
// merged at query time, for each of searchQueries in turn (the merging
// alone, to set against BenchmarkSearchUncached, which matches them with
// the forms indexed as their group's term).
func BenchmarkDemonymsAtQuery(b *testing.B) {
	_, x := realRecord(b)
	x.MatchText("warm")
	i := 0
	cpuPerOp(b, func() {
		x.UnionForms(searchQueries[i%len(searchQueries)])
		i++
	})
}
