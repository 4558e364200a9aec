package scvotes_test

import (
	"slices"
	"testing"
)

// In the real file the stretches are mended: resolution 2645 (2022)
// (BINUH) is the United States' and Mexico's, 2646 (UNFICYP) and 2669
// (Myanmar) the United Kingdom's, 2671 (UNDOF) the Russian Federation's
// and the United States'; 2639's list is whole again.
func TestRealignSponsorsInRealFile(t *testing.T) {
	want := map[string][]string{
		"S/RES/2639 (2022)": {"RUS", "USA"},
		"S/RES/2642 (2022)": {"IRL", "NOR"},
		"S/RES/2645 (2022)": {"MEX", "USA"},
		"S/RES/2646 (2022)": {"GBR"},
		"S/RES/2651 (2022)": nil,
		"S/RES/2653 (2022)": {"MEX", "USA"},
		"S/RES/2669 (2022)": {"GBR"},
		"S/RES/2670 (2022)": {"GBR"},
		"S/RES/2671 (2022)": {"RUS", "USA"},
		"S/2022/538":        {"IRL", "NOR"},
		"S/2022/541":        {"RUS"},
		"S/2022/720":        {"ALB", "USA"},
		"S/2022/821":        {"RUS"},
	}
	seen := 0
	for _, r := range parseReal(t) {
		k := r.Resolution
		if k == "" {
			k = r.Draft
		}
		w, ok := want[k]
		if !ok {
			continue
		}
		seen++
		if !slices.Equal(r.Sponsors, w) {
			t.Errorf("%s: sponsors %q, want %q", k, r.Sponsors, w)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d decisions", seen, len(want))
	}
}
