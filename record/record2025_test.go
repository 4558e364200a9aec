package record_test

import (
	"fmt"
	"slices"
	"testing"

	"unsc"
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
		"S/RES/2785 (2025)": {sponsors: []string{"PAN", "USA"}},
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

// TestMeetingsAndItemsOf2025InRealRecord: every decision of 2025 shows the
// meeting it was taken at and the agenda item it was taken under. The
// resolutions of December entered from copies of the UN's releases that
// leave out the meeting's number (2806, 2807, 2809–2811) carry the meeting
// the UN's index of the Council's meetings of 2025 lists under their item
// that day, and the resolutions only the crawl reports carry the item the
// index gives their meeting.
func TestMeetingsAndItemsOf2025InRealRecord(t *testing.T) {
	type want struct{ meeting, agenda string }
	wants := map[string]want{
		"S/RES/2775 (2025)": {"S/PV.9871", "Peace and security in Africa"},
		"S/RES/2791 (2025)": {"S/PV.9993", "Reports of the Secretary-General on the Sudan and South Sudan"},
		"S/RES/2799 (2025)": {"S/PV.10036", "Threats to international peace and security caused by terrorist acts"},
		"S/RES/2806 (2025)": {"S/PV.10064", "Peace and security in Africa"},
		"S/RES/2807 (2025)": {"S/PV.10065", "Maintenance of international peace and security"},
		"S/RES/2809 (2025)": {"S/PV.10078", "The situation in Somalia"},
		"S/RES/2810 (2025)": {"S/PV.10081", "Threats to international peace and security caused by terrorist acts"},
		"S/RES/2811 (2025)": {"S/PV.10083", "The situation in the Middle East"},
	}
	for _, d := range record.Reconcile(realReports(t)) {
		if d.Date.Year() != 2025 {
			continue
		}
		if d.Meeting == "" || d.Agenda == "" {
			t.Errorf("%s (%s): meeting %q, agenda item %q: want both", record.Symbol(d), d.Date.Format("2006-01-02"), d.Meeting, d.Agenda)
		}
		w, ok := wants[d.Resolution]
		if !ok {
			continue
		}
		delete(wants, d.Resolution)
		if d.Meeting != w.meeting || d.Agenda != w.agenda {
			t.Errorf("%s: meeting %s under %q, want %s under %q", d.Resolution, d.Meeting, d.Agenda, w.meeting, w.agenda)
		}
	}
	for s := range wants {
		t.Errorf("the record lacks %s", s)
	}
}

// TestDecisionsOf2025InRealRecord: the record holds resolutions 2768 to
// 2811 of 2025, each once and none missing (2812 is of 14 January 2026),
// and every vote of 2025 but the procedural one with each member's
// position (the vetoed and failed drafts and the amendments too); the
// elections to the Court are secret ballots, with no member's vote.
func TestDecisionsOf2025InRealRecord(t *testing.T) {
	seen := map[string]int{}
	for _, d := range record.Reconcile(realReports(t)) {
		if d.Date.Year() != 2025 {
			continue
		}
		if d.Resolution != "" {
			seen[d.Resolution]++
		}
		if d.Matter != unsc.Procedural && d.Matter != unsc.ICJElection && d.Modality == unsc.ByVote && d.Votes.Len() != 15 {
			t.Errorf("%s (%s): %d members' positions, want all 15", record.Symbol(d), d.Date.Format("2006-01-02"), d.Votes.Len())
		}
	}
	for n := 2768; n <= 2811; n++ {
		s := fmt.Sprintf("S/RES/%d (2025)", n)
		if seen[s] != 1 {
			t.Errorf("%s: %d decisions, want 1", s, seen[s])
		}
		delete(seen, s)
	}
	for s := range seen {
		t.Errorf("%s: a resolution of 2025 outside 2768-2811", s)
	}
}
