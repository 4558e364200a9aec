package scvotes

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"unsc"
)

func TestSponsors(t *testing.T) {
	tests := []struct {
		cell string
		want []string
		note bool
	}{
		{"", nil, false},
		{"-none-", nil, false},
		{"President", []string{"President"}, false},
		{"President?", []string{"President"}, true},
		{"E10", []string{"E10"}, false},
		{"United Kingdom", []string{"GBR"}, false},
		{"France,United Kingdom,United States", []string{"FRA", "GBR", "USA"}, false},
		{"Russian Federation, United States", []string{"RUS", "USA"}, false},
		{"United States of America", []string{"USA"}, false},
		{"United Kindgom", []string{"GBR"}, false},
		{"Committee on the Admission of New Members", []string{"Committee on the Admission of New Members"}, false},
		// A list ending "X and Y", names that contain "and", a count.
		{"Tunisia and the United States of America", []string{"TUN", "USA"}, false},
		{"Bosnia and Herzegovina, Saint Vincent and the Grenadines and Trinidad and Tobago",
			[]string{"BIH", "VCT", "TTO"}, false},
		{"Ukraine, United Kingdom, United States (64)", []string{"UKR", "GBR", "USA"}, false},
		{"Uruguay and Vanuatu.", []string{"URY", "Vanuatu"}, false},
		// Excel's escaped line breaks, a name broken over them, a quote.
		{"\"Albania, the_x000D_\nBahamas, the United_x000D_\nKingdom of Great Britain and Northern Ireland",
			[]string{"ALB", "Bahamas", "GBR"}, false},
		{"Côte d`Ivoire, Kingdom of the Netherlands, the Niger", []string{"CIV", "NLD", "NER"}, false},
		{"France, France", []string{"FRA"}, false},
		// Names the file splits with a comma.
		{"Congo,Costa,Rica,Cabo,Verde,United,States", []string{"COG", "CRI", "CPV", "USA"}, false},
		{"Moldova, Laos", []string{"Republic of Moldova", "Lao People's Democratic Republic"}, false},
		// States that sat under another name, named as the UN names them
		// today: the Byelorussian SSR (1974-75) and Ceylon (1960-61).
		{"Belarus, Sri Lanka, Georgia", []string{"BLR", "LKA", "Georgia"}, false},
	}
	for _, tt := range tests {
		got, note := sponsors(tt.cell)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("sponsors(%q) (-want +got):\n%s", tt.cell, diff)
		}
		if (note != "") != tt.note {
			t.Errorf("sponsors(%q) note = %q, want a note: %v", tt.cell, note, tt.note)
		}
	}
}

// A list the file cuts in the middle of a name loses the fragment and says
// it is cut; names that stand whole are kept.
func TestCutNames(t *testing.T) {
	reports := []unsc.Report{
		{Key: "a", Sponsors: []string{"ALB", "Solomon Islands", "ESP"}},
		{Key: "b", Sponsors: []string{"ALB", "SVN", "Solomon"}},
		{Key: "c", Sponsors: []string{"RUS", "United"}},
		{Key: "d", Sponsors: []string{"States"}},
		{Key: "e", Sponsors: []string{"President"}},
		{Key: "f", Sponsors: []string{"President"}},
	}
	cutNames(reports)
	want := map[string][]string{"a": {"ALB", "Solomon Islands", "ESP"}, "b": {"ALB", "SVN"}, "c": {"RUS"}, "d": nil, "e": {"President"}, "f": {"President"}}
	for _, r := range reports {
		if !slices.Equal(r.Sponsors, want[r.Key]) {
			t.Errorf("%s: sponsors %q, want %q", r.Key, r.Sponsors, want[r.Key])
		}
		if cut := strings.Contains(r.Note, "cut short"); cut != (r.Key == "b" || r.Key == "c" || r.Key == "d") {
			t.Errorf("%s: note %q", r.Key, r.Note)
		}
	}
}

// TestSponsorCellsAsSponsors checks that a cell read again gives what
// sponsors gives, in a slice of its own each time.
func TestSponsorCellsAsSponsors(t *testing.T) {
	read := sponsorCells{}
	for _, cell := range []string{"France,United Kingdom,United States", "-none-", `President?`, "France,United Kingdom,United States"} {
		want, wantNote := sponsors(cell)
		a, aNote := read.sponsors(cell)
		b, _ := read.sponsors(cell)
		if !slices.Equal(a, want) || aNote != wantNote || (a == nil) != (want == nil) {
			t.Errorf("sponsors of %q read again = %q, %q; want %q, %q", cell, a, aNote, want, wantNote)
		}
		if len(a) > 0 {
			a[0] = "changed"
			if b[0] == "changed" {
				t.Errorf("sponsors of %q read twice share their slice", cell)
			}
		}
	}
}
