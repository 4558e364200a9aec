package analysis

import "testing"

func TestStem(t *testing.T) {
	// Porter2's own examples, and the words the record's searches need.
	tests := map[string]string{
		"consign": "consign", "consigned": "consign", "consigning": "consign", "consignment": "consign",
		"consistency": "consist", "consistently": "consist", "consolation": "consol", "consolatory": "consolatori",
		"consolidated": "consolid", "consolingly": "consol", "conspicuously": "conspicu", "conspiracy": "conspiraci",
		"conspirators": "conspir", "constables": "constabl", "constancy": "constanc", "generously": "generous",
		"knackeries": "knackeri", "knightly": "knight", "caresses": "caress", "ponies": "poni", "ties": "tie",
		"cries": "cri", "hopping": "hop", "hoped": "hope", "skies": "sky", "news": "news", "succeeding": "succeed",
		"veto": "veto", "vetoes": "veto", "vetoed": "veto", "vetoing": "veto",
		"weapon": "weapon", "weapons": "weapon", "chemical": "chemic", "chemicals": "chemic",
		"ceasefire": "ceasefir", "ceasefires": "ceasefir", "nations": "nation", "sanctions": "sanction",
		"humanitarian": "humanitarian", "peacekeeping": "peacekeep", "peacekeepers": "peacekeep",
		"admission": "admiss", "admitted": "admit", "a": "a", "un": "un", "2728": "2728", "côte": "côte",
	}
	for in, want := range tests {
		if got := stem(in); got != want {
			t.Errorf("stem(%q) = %q, want %q", in, got, want)
		}
	}
}
