package unsc_test

import (
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"unsc"
)

// AbsentInNote reads back what AbsentNote wrote, in any part of a note,
// and nothing else.
func TestAbsentInNote(t *testing.T) {
	for _, c := range []struct {
		note string
		n    int
		ok   bool
	}{
		{"", 0, false},
		{"2 absent", 2, true},
		{unsc.AbsentNote(3), 3, true},
		{"vote by show of hands; 1 absent", 1, true},
		{"  4 absent ; roll call", 4, true},
		{"roll call;5 absent;6 absent", 5, true},
		{"0 absent", 0, false},
		{"-1 absent", 0, false},
		{"absent", 0, false},
		{"two absent", 0, false},
		{"2 absentees", 0, false},
		{"2 Absent", 0, false},
		{"2 present", 0, false},
		{"absent members: 2", 0, false},
	} {
		n, ok := unsc.AbsentInNote(c.note)
		if n != c.n || ok != c.ok {
			t.Errorf("AbsentInNote(%q) = %d, %v; want %d, %v", c.note, n, ok, c.n, c.ok)
		}
	}
}

// AbsentInNote answers as the scan of every part it skips a part by (a
// part without "absent"): checked against that scan on notes made of
// parts near the form.
func TestAbsentInNoteAsScanned(t *testing.T) {
	scanned := func(note string) (int, bool) {
		for _, part := range strings.Split(note, ";") {
			var n int
			var rest string
			if k, _ := fmt.Sscanf(strings.TrimSpace(part), "%d %s", &n, &rest); k == 2 && rest == "absent" && n > 0 {
				return n, true
			}
		}
		return 0, false
	}
	rapid.Check(t, func(t *rapid.T) {
		parts := rapid.SliceOfN(rapid.OneOf(
			rapid.SampledFrom([]string{"absent", " absent", "absent ", "absentee", "present", "roll call", "", " ", "x"}),
			rapid.Custom(func(t *rapid.T) string {
				return fmt.Sprintf("%s%d%s%s", rapid.SampledFrom([]string{"", " ", "+", "-"}).Draw(t, "pre"),
					rapid.IntRange(-3, 12).Draw(t, "n"), rapid.SampledFrom([]string{" ", "  ", "\t", ""}).Draw(t, "sep"),
					rapid.SampledFrom([]string{"absent", "absent ", "Absent", "absentx", "present", ""}).Draw(t, "word"))
			}),
		), 0, 4).Draw(t, "parts")
		note := strings.Join(parts, ";")
		gn, gok := unsc.AbsentInNote(note)
		wn, wok := scanned(note)
		if gn != wn || gok != wok {
			t.Fatalf("AbsentInNote(%q) = %d, %v; scanned %d, %v", note, gn, gok, wn, wok)
		}
	})
}
