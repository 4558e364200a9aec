package record_test

import (
	"slices"
	"testing"

	"unsc/record"
)

// TestSponsorsOf2025InRealRecord: the resolutions of 2025 that only the
// crawl of the UN Digital Library reports (it names no sponsor and no
// agenda item) carry the sponsors and items the public sources give, and
// so does resolution 2806 (2025), entered by hand.
func TestSponsorsOf2025InRealRecord(t *testing.T) {
	type want struct {
		sponsors []string
		agenda   string
	}
	wants := map[string]want{
		"S/RES/2783 (2025)": {sponsors: []string{"FRA"}},
		"S/RES/2787 (2025)": {sponsors: []string{"GRC", "USA"}, agenda: "Maintenance of international peace and security"},
		"S/RES/2788 (2025)": {sponsors: []string{"PAK"}, agenda: "Maintenance of international peace and security"},
		"S/RES/2789 (2025)": {sponsors: []string{"FRA"}},
		"S/RES/2790 (2025)": {sponsors: []string{"FRA"}},
		"S/RES/2792 (2025)": {sponsors: []string{"GBR"}},
		"S/RES/2794 (2025)": {sponsors: []string{"PAN", "USA"}},
		"S/RES/2795 (2025)": {sponsors: []string{"GRC"}},
		"S/RES/2806 (2025)": {sponsors: []string{"GBR"}},
	}
	for _, d := range record.Reconcile(realReports(t)) {
		w, ok := wants[d.Resolution]
		if !ok {
			continue
		}
		delete(wants, d.Resolution)
		if !slices.Equal(d.Sponsors, w.sponsors) {
			t.Errorf("%s: sponsors %v, want %v", d.Resolution, d.Sponsors, w.sponsors)
		}
		if w.agenda != "" && d.Agenda != w.agenda {
			t.Errorf("%s: agenda %q, want %q", d.Resolution, d.Agenda, w.agenda)
		}
	}
	for s := range wants {
		t.Errorf("the record lacks %s", s)
	}
}
