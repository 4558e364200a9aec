package scvotes

import (
	"slices"
	"strings"
	"testing"

	"unsc"
)

// A drift gives each decision of the stretch the next decision's cell,
// joins the first cell to the list it ends, and settles the decision
// after the stretch: a lost cell leaves it without sponsors; a merged one
// is split between it and the last decision of the stretch.
func TestRealignSponsors(t *testing.T) {
	reports := []unsc.Report{
		{Resolution: "S/RES/2639 (2022)"}, {Resolution: "S/RES/2640 (2022)"}, {Draft: "S/2022/538"},
		{Resolution: "S/RES/2650 (2022)"}, {Resolution: "S/RES/2651 (2022)"}, {Resolution: "S/RES/2652 (2022)"},
		{Draft: "S/2022/720"}, {Resolution: "S/RES/2670 (2022)"}, {Resolution: "S/RES/2671 (2022)"},
	}
	cells := []string{"Russian Federation and United", "States", "France", "Ireland, Norway", "France", "Albania, Spain",
		"France", "Albania, United States", "United Kingdom, Russian Federation, United States"}
	for i := range reports {
		reports[i].Sponsors, _ = sponsors(cells[i])
	}
	realignSponsors(reports, cells)
	want := [][]string{{"RUS", "USA"}, {"FRA"}, {"IRL", "NOR"}, {"FRA"}, nil, {"ALB", "ESP", "FRA"},
		{"ALB", "USA"}, {"GBR"}, {"RUS", "USA"}}
	for i, r := range reports {
		if !slices.Equal(r.Sponsors, want[i]) {
			t.Errorf("%s%s: sponsors %q, want %q", r.Resolution, r.Draft, r.Sponsors, want[i])
		}
		if !strings.Contains(r.Note, "runs one decision late") {
			t.Errorf("%s%s: note %q, want one saying the column runs late", r.Resolution, r.Draft, r.Note)
		}
	}
}
