package analysis_test

import (
	"strings"
	"testing"

	"unsc/analysis"
)

// TestRealTopicsAuditRound7: the topics `vetoes --by topic` gives the
// vetoes audit round 7 found misgrouped, and the class behind two of them
// across the whole record. "Appointment of the Secretary-General" took any
// agenda item or title that names the Secretary-General (his reports on the
// Sudan, his letter under Article 99 on Gaza): about 200 decisions, 2 of
// them vetoes. A letter that several states sent was grouped by the first
// row of regions.csv that names one of them (the letter of nine states,
// Nicaragua among them, on the India-Pakistan war of 1971; the letters of
// Libya, Burkina Faso, Syria and Oman on the raid on Libya of 1986).
func TestRealTopicsAuditRound7(t *testing.T) {
	ds, _ := realRecord(t)
	want := map[string]string{
		"S/2023/970":    "Israel–Palestine",
		"S/2024/826":    "Sudan",
		"S/10416":       "India–Pakistan",
		"S/18016/Rev.1": "Libya",
		"S/1996/952":    "Appointment of the Secretary-General",
	}
	seen := map[string]bool{}
	for _, d := range ds {
		_, topic := analysis.Classify(d)
		if w, ok := want[d.Draft]; ok && d.Resolution == "" {
			seen[d.Draft] = true
			if topic != w {
				t.Errorf("%s (%q): topic %q, want %q", d.Draft, d.Agenda, topic, w)
			}
		}
		text := strings.ToLower(d.Agenda + " " + d.Title)
		if topic == "Appointment of the Secretary-General" && !strings.Contains(text, "appointment") {
			t.Errorf("%s %s (%q): grouped as the appointment of the Secretary-General, but its agenda item and title do not name an appointment", d.Resolution, d.Draft, d.Agenda)
		}
	}
	for s := range want {
		if !seen[s] {
			t.Errorf("%s: not in the record", s)
		}
	}
}
