package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// show says, for a meeting of an election to the Court, whom it elected as
// the sources have it: those named; no one, where a release says the
// meeting elected no one; or, where a release names those elected on a day
// of several meetings but not the meeting, those elected that day at one
// of the day's meetings, never as the meeting's own (in JSON,
// elected_on_day, not elected).
func TestShowICJElectionForms(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db") // the record built in
	for _, tt := range []struct {
		meeting, line string
	}{
		{"S/PV.7297", "Elected: Mohamed Bennouna (Morocco); Joan E. Donoghue (United States); James Richard Crawford (Australia); Kirill Gevorgian (Russian Federation)"},
		{"S/PV.7300", "Elected: no one (the sources say this meeting elected no one)"},
		{"S/PV.6652", "Elected on 10 November 2011, at one of S/PV.6651–S/PV.6655 (the sources do not say which): Giorgio Gaja (Italy); Hisashi Owada (Japan); Peter Tomka (Slovakia); Xue Hanqin (China)"},
		{"S/PV.2093", "Elected: Roberto Ago (Italy); Richard R. Baxter (United States); Abdullah Ali El-Erian (Egypt); Platon Dmitrievitch Morozov (USSR); José Sette Câmara (Brazil)"},
		{"S/PV.758", "Elected: no one (the sources say this meeting elected no one)"},
		{"S/PV.2761", "Elected: the sources name no one elected at this meeting"},
	} {
		code, out, errOut := runUnsc(t, "", "--db", db, "show", tt.meeting)
		if code != 0 || !slices.Contains(strings.Split(out, "\n"), tt.line) {
			t.Errorf("show %s exit %d (%s): %q, want the line %q", tt.meeting, code, errOut, out, tt.line)
		}
	}

	type shown struct {
		Elected      []string `json:"elected"`
		ElectedNone  bool     `json:"elected_none"`
		ElectedOnDay *struct {
			From    string   `json:"from"`
			To      string   `json:"to"`
			Elected []string `json:"elected"`
		} `json:"elected_on_day"`
	}
	read := func(meeting string) shown {
		t.Helper()
		code, out, errOut := runUnsc(t, "", "--db", db, "show", "--json", meeting)
		var got []shown
		if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil || len(got) != 1 {
			t.Fatalf("show --json %s exit %d (%s), %v: %q, want one decision", meeting, code, errOut, err, out)
		}
		return got[0]
	}
	if got := read("S/PV.8093"); len(got.Elected) != 0 || got.ElectedNone || got.ElectedOnDay == nil || got.ElectedOnDay.From != "S/PV.8092" || got.ElectedOnDay.To != "S/PV.8093" ||
		!slices.Equal(got.ElectedOnDay.Elected, []string{"Ronny Abraham (France)", "Abdulqawi Ahmed Yusuf (Somalia)", "Antônio Augusto Cançado Trindade (Brazil)", "Nawaf Salam (Lebanon)"}) {
		t.Errorf("show --json S/PV.8093 = %+v, want no one elected at the meeting, and the four of 9 November 2017 elected that day at one of S/PV.8092–S/PV.8093", got)
	}
	if got := read("S/PV.10039"); len(got.Elected) != 0 || !got.ElectedNone || got.ElectedOnDay != nil {
		t.Errorf("show --json S/PV.10039 = %+v, want elected_none and no one named", got)
	}
	// The judges are searchable by name, those elected that day too.
	for q, want := range map[string][]string{
		"Patrick Lipton Robinson": {"S/PV.7313"},
		"Nawaf Salam":             {"S/PV.8092", "S/PV.8093"},
	} {
		code, out, errOut := runUnsc(t, "", "--db", db, "decisions", "--text", q, "--matter", "icj-election")
		var found []string
		for _, line := range strings.Split(out, "\n") {
			if f := strings.Fields(line); len(f) > 2 && strings.HasPrefix(f[2], "S/PV.") {
				found = append(found, f[2])
			}
		}
		slices.Sort(found)
		if code != 0 || !slices.Equal(found, want) {
			t.Errorf("decisions --text %q exit %d (%s): meetings %q, want %q", q, code, errOut, found, want)
		}
	}
	if got := read("S/PV.6682"); !slices.Equal(got.Elected, []string{"Julia Sebutinde (Uganda)"}) || got.ElectedNone || got.ElectedOnDay != nil {
		t.Errorf("show --json S/PV.6682 = %+v, want Julia Sebutinde (Uganda) elected", got)
	}
}
