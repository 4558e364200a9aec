package ascii

import "testing"

func TestIsDigits(t *testing.T) {
	for s, want := range map[string]bool{
		"": false, "0": true, "2728": true, "2024": true, " 1": false, "1 ": false,
		"12a": false, "-1": false, "+1": false, "١٢": false, "1.5": false, "0x1": false,
	} {
		if got := IsDigits(s); got != want {
			t.Errorf("IsDigits(%q) = %v, want %v", s, got, want)
		}
	}
}
