package dhl_test

import (
	"slices"
	"strings"
	"testing"

	"unsc"
)

// The meetings that held an election of members of the International Court
// of Justice, as the library's yearly pages list them: date, meeting, a
// part of the topic (with the documents where the page gives them) and who
// the page says was elected.
func TestICJElections(t *testing.T) {
	byFile := allMeetings(t)
	byYear := map[string][]unsc.Report{}
	for name, reps := range byFile {
		for _, r := range reps {
			if r.Matter == unsc.ICJElection {
				if !r.MatterKnown || r.Modality != unsc.ByVote {
					t.Errorf("%s: MatterKnown %v, Modality %v, want known, by vote", r.Ref, r.MatterKnown, r.Modality)
				}
				byYear[name] = append(byYear[name], r)
			}
		}
	}
	tests := []struct {
		file, meeting, date, agenda string
		elected                     []string
	}{
		{"scact1946_table_en.html", "S/PV.9", "1946-02-06", "Election of the judges of the International Court of Justice", nil},
		{"scact1948_table_en.html", "S/PV.371", "1948-10-22", "Election of five members to the International Court of Justice",
			[]string{"Zoricic (Yugoslavia)", "John Erskine Read (Canada)", "Hsu Mo (China)", "Bohdan Winiarski (Poland)", "Badawai Pasha (Egypt)"}},
		{"scact1951_table_en.html", "S/PV.567", "1951-12-06", "Election of a member of the International Court of Justice to fill the vacancy",
			[]string{"Levi Fernandez Carneiro (Brazil)"}},
		{"scact1951_table_en.html", "S/PV.567", "1951-12-06", "Election of five members of the International Court of Justice",
			[]string{"Armand Ugon (Uruguay)", "Golunsky (USSR)", "Hackworth (USA)", "Klaestad (Norway)", "Sir Benegal Rau (India)"}},
		{"scact1957_table_en.html", "S/PV.760", "1957-01-11", "(S/3662, Add.1, Add.2, Add.3, Add.4, Add.5 & S/3688)",
			[]string{"V.K. Wellington Koo (China)"}},
		{"scact1965_table_en.html", "S/PV.1262", "1965-11-16", "Election of a member of the International Court of Justice", nil},
		{"scact1975_table_en.html", "S/PV.1855", "1975-11-17", "(S/11801, S/11802/Rev.1 and Add.1 and Add.2, S/11803)",
			[]string{"Taslim Olawale Elias (Nigeria)", "Manfred Lachs (Poland)", "Hermann Mosler (Federal Republic of Germany)", "Shigeru Oda (Japan)", "Salah El Dine Tarazi (Syrian Arab Republic)"}},
		{"scact1981_table_en.html", "S/PV.2306", "1981-11-05", "Election of five members of the International Court of Justice (S/14501, S/14502/Rev.1, S/14503",
			[]string{"Guy Ladreit de Lacharrière (France)", "Robert Y. Jennings (UK)", "Kéba Mbaye (Senegal)", "Nagendra Singh (India)", "José María Ruda (Argentina)"}},
		{"scact1987_table_en.html", "S/PV.2761", "1987-11-11", "Election of a member of the International Court of Justice (S/19155", nil},
		{"scact1995_table_en.html", "S/PV.3552", "1995-07-12", "ICJ — Election", []string{"Rosalyn Higgins"}},
		{"scact1999_table_en.html", "S/PV.4059", "1999-11-03", "ICJ — Election", nil},
		{"scact2014_table_en.html", "S/PV.7297", "2014-11-06", "Election of five members of the International Court of Justice (S/2014/520, S/2014/521 and S/2014/522)", nil},
		{"scact2014_table_en.html", "S/PV.7304", "2014-11-07", "Election of five members", nil},
		{"scact2014_table_en.html", "S/PV.7313", "2014-11-17", "Election of five members", nil},
		{"scact2021_table_en.html", "S/PV.8897", "2021-11-05", "Election of a member of the International Court of Justice", nil},
	}
	for _, tt := range tests {
		found := false
		for _, r := range byYear[tt.file] {
			if r.Meeting != tt.meeting || !strings.Contains(r.Agenda, tt.agenda) {
				continue
			}
			found = true
			if got := r.Date.Format("2006-01-02"); got != tt.date {
				t.Errorf("%s %s: date %s, want %s", tt.file, tt.meeting, got, tt.date)
			}
			got, _ := unsc.ElectedInNote(r.Note)
			if !slices.Equal(got, tt.elected) {
				t.Errorf("%s %s: elected %q, want %q", tt.file, tt.meeting, got, tt.elected)
			}
		}
		if !found {
			t.Errorf("%s: no ICJ election at %s with agenda %q", tt.file, tt.meeting, tt.agenda)
		}
	}
	// The 1993 page dates S/PV.3311 "30 October", between S/PV.3310 (10
	// November) and S/PV.3312 (11 November): the report keeps no date.
	for _, r := range byYear["scact1993_table_en.html"] {
		if r.Meeting == "S/PV.3311" && (!r.Date.IsZero() || !strings.Contains(r.Note, "out of order with S/PV.3310 of 10 November")) {
			t.Errorf("S/PV.3311: date %v, note %q, want no date and a note", r.Date, r.Note)
		}
	}
	// Elections per page: 2014's was balloted over nine meetings, 2017's
	// over eight (S/PV.8092 resumed the same day is one meeting), 2011's
	// over nine; the meetings that fixed a date for an election adopted a
	// resolution and are none of them.
	for file, want := range map[string]int{"scact2014_table_en.html": 9, "scact2017_table_en.html": 8, "scact2011_table_en.html": 9,
		"scact1956_table_en.html": 3, "scact1980_table_en.html": 0, "scact2022_table_en.html": 0, "scact2020_covid_table_en.html": 2} {
		if got := len(byYear[file]); got != want {
			t.Errorf("%s: %d ICJ elections, want %d", file, got, want)
		}
	}
}
