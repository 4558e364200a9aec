package web

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"unsc/analysis"
	"unsc/form"
	"unsc/internal/realrecord"
)

// TestEncodedVetoes checks that the list of vetoes answered from vetoes
// encoded once is, byte for byte, what encoding NewVetoList's answer gives,
// for every member and seat, open and closed periods, and a period with no
// veto.
func TestEncodedVetoes(t *testing.T) {
	ds := realrecord.Decisions(t)
	x := analysis.New(ds)
	e := &encodedVetoes{ds: ds}
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	periods := [][2]time.Time{
		{},
		{day("1990-01-01"), {}},
		{{}, day("1971-10-25")},
		{day("1986-01-17"), day("2024-03-22")},
		{day("1999-03-01"), day("1999-03-01")},
		{day("1970-01-01"), day("2030-01-01")}, // asked past the record
		// Periods that begin or end on the day of a veto.
		{day("2024-03-22"), {}},
		{{}, day("2024-03-22")},
		{day("1986-01-17"), day("1986-01-17")},
		{day("1986-01-18"), day("2024-03-21")},
	}
	lists := 0
	for _, seat := range []string{"", "USA", "GBR", "FRA", "CHN", "RUS", "SUN", "SUN+RUS", "ROC+CHN", "DZA", "USA"} {
		for _, p := range periods {
			want, err := json.Marshal(form.NewVetoList(x, ds, seat, p[0], p[1]))
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, '\n')
			got := e.list(x, seat, p[0], p[1]).bytes()
			if !bytes.Equal(got, want) {
				t.Fatalf("seat %q, %v: answered\n%s\nwant\n%s", seat, p, got, want)
			}
			if bytes.Contains(want, []byte(`"vetoes":[{`)) {
				lists++
			}
		}
	}
	if lists < 20 {
		t.Errorf("only %d of the lists compared hold a veto: the test compares too little", lists)
	}
}
