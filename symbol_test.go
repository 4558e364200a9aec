package unsc_test

import (
	"testing"

	"unsc"
)

func TestNormalizeSymbol(t *testing.T) {
	tests := []struct {
		in   string
		want string
		kind unsc.SymbolKind
	}{
		{"S/RES/2728 (2024)", "S/RES/2728 (2024)", unsc.ResolutionSymbol},
		{"S/RES/2728(2024)", "S/RES/2728 (2024)", unsc.ResolutionSymbol},
		{"2728 (2024)", "S/RES/2728 (2024)", unsc.ResolutionSymbol},
		{"s/res/82 (1950)", "S/RES/82 (1950)", unsc.ResolutionSymbol},
		{"S/RES/82", "S/RES/82", unsc.ResolutionSymbol},
		{"S/2024/239", "S/2024/239", unsc.DraftSymbol},
		{"S/2024/0239", "S/2024/239", unsc.DraftSymbol},
		{"S/1732", "S/1732", unsc.DraftSymbol},
		{"S/20945/Rev.1", "S/20945/Rev.1", unsc.DraftSymbol},
		{"S/2024/1/rev.1", "S/2024/1/Rev.1", unsc.DraftSymbol},
		{"S/3188/Corr.1", "S/3188/Corr.1", unsc.DraftSymbol},
		{"S/PV.9586", "S/PV.9586", unsc.MeetingSymbol},
		{"S/PV 9586", "S/PV.9586", unsc.MeetingSymbol},
		{"S/PV.9586 (Resumption 1)", "S/PV.9586", unsc.MeetingSymbol},
	}
	for _, tt := range tests {
		got, kind, err := unsc.NormalizeSymbol(tt.in)
		if err != nil || got != tt.want || kind != tt.kind {
			t.Errorf("NormalizeSymbol(%q) = %q, %v, %v; want %q, %v", tt.in, got, kind, err, tt.want, tt.kind)
		}
	}
	for _, in := range []string{"", "S/RES/abc", "S/PV.", "A/RES/76/262", "S/2024/x", "S/2024/1/Rev.x", "S/1/Foo.1", "S/RES/12 (24)"} {
		if got, _, err := unsc.NormalizeSymbol(in); err == nil {
			t.Errorf("NormalizeSymbol(%q) = %q, want an error", in, got)
		}
	}
}
