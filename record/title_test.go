package record

import (
	"testing"

	"unsc"
)

func TestTitle(t *testing.T) {
	const mideast = "The situation in the Middle East, including the Palestinian question"
	tests := []struct {
		d    unsc.Decision
		want string
	}{
		{unsc.Decision{Resolution: "S/RES/2728 (2024)", Title: "Security Council resolution 2728 (2024) [on ceasefire in the Gaza Strip during Ramadan]", Agenda: mideast},
			"Security Council resolution 2728 (2024) [on ceasefire in the Gaza Strip during Ramadan]"},
		{unsc.Decision{Draft: "S/2017/884", Title: "The situation in the Middle East", Agenda: "The situation in the Middle East"},
			"Draft resolution on the situation in the Middle East"},
		{unsc.Decision{Draft: "S/2004/240", Agenda: "Middle East situation, including the Palestinian question"},
			"Draft resolution on Middle East situation, including the Palestinian question"},
		{unsc.Decision{Draft: "S/2022/155", Agenda: "Letter dated 28 February 2014 from the Permanent Representative of Ukraine"},
			"Draft resolution on letter dated 28 February 2014 from the Permanent Representative of Ukraine"},
		{unsc.Decision{Amendment: true, AmendmentTo: "S/2024/254", Agenda: mideast},
			"Amendment to draft resolution S/2024/254 on the situation in the Middle East, including the Palestinian question"},
		{unsc.Decision{Meeting: "S/PV.303", Matter: unsc.Preliminary, MatterKnown: true, Agenda: "The Czechoslovak question"},
			"Preliminary question (whether the matter is procedural) on the Czechoslovak question"},
		{unsc.Decision{Resolution: "S/RES/1 (1946)", Agenda: ""}, "Resolution 1 (1946)"},
		{unsc.Decision{Draft: "S/1"}, "Draft resolution"},
	}
	for _, tt := range tests {
		if got := Title(tt.d); got != tt.want {
			t.Errorf("Title(%s) = %q, want %q", Symbol(tt.d), got, tt.want)
		}
	}
}
