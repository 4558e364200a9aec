package charter

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/internal/shareddata"
)

// dppaCodes maps the DPPA membership table's names (current UN short names,
// with some historical entities) to UN Digital Library codes.
var dppaCodes = map[string]unsc.Code{
	"Albania":                                "ALB",
	"Algeria":                                "DZA",
	"Angola":                                 "AGO",
	"Argentina":                              "ARG",
	"Australia":                              "AUS",
	"Austria":                                "AUT",
	"Azerbaijan":                             "AZE",
	"Bahrain":                                "BHR",
	"Bangladesh":                             "BGD",
	"Belarus":                                "BLR",
	"Belgium":                                "BEL",
	"Benin":                                  "BEN",
	"Bolivia (Plurinational State of)":       "BOL",
	"Bosnia and Herzegovina":                 "BIH",
	"Botswana":                               "BWA",
	"Brazil":                                 "BRA",
	"Bulgaria":                               "BGR",
	"Burkina Faso":                           "BFA",
	"Burundi":                                "BDI",
	"Cabo Verde":                             "CPV",
	"Cameroon":                               "CMR",
	"Canada":                                 "CAN",
	"Chad":                                   "TCD",
	"Chile":                                  "CHL",
	"China":                                  "CHN",
	"Colombia":                               "COL",
	"Congo":                                  "COG",
	"Costa Rica":                             "CRI",
	"Croatia":                                "HRV",
	"Cuba":                                   "CUB",
	"Czechia":                                "CZE",
	"Czechoslovakia":                         "CSK",
	"Democratic Republic of the Congo":       "COD",
	"Denmark":                                "DNK",
	"Djibouti":                               "DJI",
	"Dominican Republic":                     "DOM",
	"Ecuador":                                "ECU",
	"Egypt":                                  "EGY",
	"Equatorial Guinea":                      "GNQ",
	"Estonia":                                "EST",
	"Ethiopia":                               "ETH",
	"Finland":                                "FIN",
	"France":                                 "FRA",
	"Gabon":                                  "GAB",
	"Gambia":                                 "GMB",
	"German DR (German Democratic Republic)": "DDR",
	"German FR (German Federal Republic)":    "DEU",
	"Germany":                                "DEU",
	"Ghana":                                  "GHA",
	"Greece":                                 "GRC",
	"Guatemala":                              "GTM",
	"Guinea":                                 "GIN",
	"Guinea-Bissau":                          "GNB",
	"Guyana":                                 "GUY",
	"Honduras":                               "HND",
	"Hungary":                                "HUN",
	"India":                                  "IND",
	"Indonesia":                              "IDN",
	"Iran (Islamic Republic of)":             "IRN",
	"Iraq":                                   "IRQ",
	"Ireland":                                "IRL",
	"Italy":                                  "ITA",
	"Jamaica":                                "JAM",
	"Japan":                                  "JPN",
	"Jordan":                                 "JOR",
	"Kazakhstan":                             "KAZ",
	"Kenya":                                  "KEN",
	"Kuwait":                                 "KWT",
	"Kyrgyzstan":                             "KGZ",
	"Latvia":                                 "LVA",
	"Lebanon":                                "LBN",
	"Liberia":                                "LBR",
	"Libya":                                  "LBY",
	"Lithuania":                              "LTU",
	"Luxembourg":                             "LUX",
	"Madagascar":                             "MDG",
	"Malaysia":                               "MYS",
	"Mali":                                   "MLI",
	"Malta":                                  "MLT",
	"Mauritania":                             "MRT",
	"Mauritius":                              "MUS",
	"Mexico":                                 "MEX",
	"Morocco":                                "MAR",
	"Mozambique":                             "MOZ",
	"Namibia":                                "NAM",
	"Nepal":                                  "NPL",
	"Netherlands":                            "NLD",
	"New Zealand":                            "NZL",
	"Nicaragua":                              "NIC",
	"Niger":                                  "NER",
	"Nigeria":                                "NGA",
	"Norway":                                 "NOR",
	"Oman":                                   "OMN",
	"Pakistan":                               "PAK",
	"Panama":                                 "PAN",
	"Paraguay":                               "PRY",
	"Peru":                                   "PER",
	"Philippines":                            "PHL",
	"Poland":                                 "POL",
	"Portugal":                               "PRT",
	"Qatar":                                  "QAT",
	"Republic of Korea":                      "KOR",
	"Romania":                                "ROU",
	"Russian Federation":                     "RUS",
	"Rwanda":                                 "RWA",
	"Saint Vincent and the Grenadines":       "VCT",
	"Senegal":                                "SEN",
	"Sierra Leone":                           "SLE",
	"Singapore":                              "SGP",
	"Slovakia":                               "SVK",
	"Slovenia":                               "SVN",
	"Somalia":                                "SOM",
	"South Africa":                           "ZAF",
	"Spain":                                  "ESP",
	"Sri Lanka":                              "LKA",
	"Sudan":                                  "SDN",
	"Sweden":                                 "SWE",
	"Switzerland":                            "CHE",
	"Syrian Arab Republic":                   "SYR",
	"Thailand":                               "THA",
	"Togo":                                   "TGO",
	"Trinidad and Tobago":                    "TTO",
	"Tunisia":                                "TUN",
	"Türkiye":                                "TUR",
	"USSR (Union of Soviet Socialist Republics)": "SUN",
	"Uganda":  "UGA",
	"Ukraine": "UKR",
	"Ukrainian SSR (Ukrainian Soviet Socialist Republic)":  "UKR",
	"United Arab Emirates":                                 "ARE",
	"United Arab Republic":                                 "EGY",
	"United Kingdom of Great Britain and Northern Ireland": "GBR",
	"United Republic of Tanzania":                          "TZA",
	"United States of America":                             "USA",
	"Uruguay":                                              "URY",
	"Venezuela (Bolivarian Republic of)":                   "VEN",
	"Viet Nam":                                             "VNM",
	"Yemen":                                                "YEM",
	"Yugoslavia":                                           "YUG",
	"Zambia":                                               "ZMB",
	"Zimbabwe":                                             "ZWE",
}

// dppaBlank gives the names lost from the DPPA table (blank in the source,
// see its SOURCE.md): Côte d'Ivoire for 1964-65, 1990-91 and 2018-19, the
// Democratic Republic of the Congo for 2026-27.
var dppaBlank = map[int]unsc.Code{
	1964: "CIV", 1965: "CIV", 1990: "CIV", 1991: "CIV", 2018: "CIV", 2019: "CIV",
	2026: "COD", 2027: "COD",
}

// successor pairs the codes of a seat that passed from one state to another
// during a year: the DPPA table lists one of the two for the whole year.
var successor = map[unsc.Code]unsc.Code{"YMD": "YEM", "YEM": "YMD", "SUN": "RUS", "RUS": "SUN"}

// readDPPA returns the DPPA membership table as a set of codes per year.
func readDPPA(t *testing.T) map[int]map[unsc.Code]bool {
	t.Helper()
	f, err := os.Open(shareddata.Path(t, "dppa-sc-membership", "DPPA-SCMembership.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"id", "year", "security_council_member", "last_update"}; !slices.Equal(header, want) {
		t.Fatalf("DPPA header = %q, want %q", header, want)
	}
	years := make(map[int]map[unsc.Code]bool)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		line, _ := r.FieldPos(0)
		year, err := strconv.Atoi(rec[1])
		if err != nil {
			t.Fatalf("DPPA line %d: year %q: %v", line, rec[1], err)
		}
		code, ok := dppaCodes[rec[2]]
		if rec[2] == "" {
			code, ok = dppaBlank[year]
		}
		if !ok {
			t.Fatalf("DPPA line %d: no code for %q (%d)", line, rec[2], year)
		}
		if years[year] == nil {
			years[year] = make(map[unsc.Code]bool)
		}
		if years[year][code] {
			t.Errorf("DPPA line %d: %s twice in %d", line, code, year)
		}
		years[year][code] = true
	}
	return years
}

// TestCouncilOnMatchesDPPA checks every day from 1946 to 2027 against the
// DPPA table's members for that year. Where a seat passed from one state to
// another during the year, the table lists one of them for the whole year;
// the days of the change are tested in TestCouncilOnChangeDays.
func TestCouncilOnMatchesDPPA(t *testing.T) {
	years := readDPPA(t)
	for y := FirstMeeting.Year(); y <= LastKnown.Year(); y++ {
		if len(years[y]) == 0 {
			t.Errorf("DPPA table has no members for %d", y)
		}
	}
	for d := FirstMeeting; !d.After(LastKnown); d = d.AddDate(0, 0, 1) {
		c, err := CouncilOn(d)
		if err != nil {
			t.Fatalf("CouncilOn(%v) error %v", d.Format(time.DateOnly), err)
		}
		want := years[d.Year()]
		var got, wantCodes []string
		for _, m := range c.Members {
			code := m.Code
			if !want[code] && want[successor[code]] {
				code = successor[code]
			}
			got = append(got, string(code))
		}
		for code := range want {
			wantCodes = append(wantCodes, string(code))
		}
		slices.Sort(got)
		slices.Sort(wantCodes)
		if diff := cmp.Diff(wantCodes, got); diff != "" {
			t.Errorf("CouncilOn(%v) codes differ from DPPA %d (-want +got):\n%s", d.Format(time.DateOnly), d.Year(), diff)
			// One report per year is enough.
			d = day(d.Year(), time.December, 31)
		}
	}
}

// TestCouncilOnMatchesUNDL checks that every member that voted on a
// resolution, as the UN Digital Library records it, sat on the Council that
// day with that code, and that the library's permanent members are ours.
func TestCouncilOnMatchesUNDL(t *testing.T) {
	// Known errors in the library's records, with the reason.
	exceptions := map[string]string{
		// Res 725 (1991) of 31 December 1991 lists the USSR, whose seat the
		// Russian Federation held from 24 December 1991.
		"SUN 1991-12-31": "USSR listed after the Russian Federation took the seat",
	}
	f, err := os.Open(shareddata.Path(t, "undl-sc-votes-crawled", "sc_voting_crawled_undl_layout.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := make(map[string]int)
	for i, h := range header {
		col[h] = i
	}
	for _, h := range []string{"ms_code", "permanent_member", "date"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("UNDL header %q has no column %q", header, h)
		}
	}
	seen := make(map[string]bool)
	hit := make(map[string]bool)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		code, date, perm := unsc.Code(rec[col["ms_code"]]), rec[col["date"]], rec[col["permanent_member"]] == "True"
		key := string(code) + " " + date
		if seen[key] {
			continue
		}
		seen[key] = true
		d, err := time.Parse(time.DateOnly, date)
		if err != nil {
			t.Errorf("UNDL date %q: %v", date, err)
			continue
		}
		c, err := CouncilOn(d)
		if err != nil {
			t.Errorf("CouncilOn(%v) error %v", date, err)
			continue
		}
		m, ok := c.Member(code)
		if _, known := exceptions[key]; known {
			if ok {
				t.Errorf("CouncilOn(%v) has %s, listed as an exception: remove it", date, code)
			}
			hit[key] = true
			continue
		}
		if !ok {
			t.Errorf("CouncilOn(%v) has no %s, want it (UN Digital Library)", date, code)
			continue
		}
		if m.Permanent != perm {
			t.Errorf("CouncilOn(%v).Member(%s).Permanent = %v, want %v", date, code, m.Permanent, perm)
		}
	}
	if len(seen) < 30000 {
		t.Errorf("read %d (code, date) pairs from the UN Digital Library file, want at least 30000", len(seen))
	}
	for key := range exceptions {
		if !hit[key] {
			t.Errorf("exception %q not found in the UN Digital Library file: remove it", key)
		}
	}
}

func TestCouncilOnChangeDays(t *testing.T) {
	tests := []struct {
		date       time.Time
		code       unsc.Code
		present    bool
		name       string
		government string
	}{
		{day(1946, time.January, 17), "CHN", true, "China", "Republic of China"},
		{day(1971, time.October, 24), "CHN", true, "China", "Republic of China"},
		{day(1971, time.October, 25), "CHN", true, "China", "People's Republic of China"},
		{day(2027, time.December, 31), "CHN", true, "China", "People's Republic of China"},
		{day(1991, time.December, 23), "SUN", true, "Union of Soviet Socialist Republics", ""},
		{day(1991, time.December, 23), "RUS", false, "", ""},
		{day(1991, time.December, 24), "SUN", false, "", ""},
		{day(1991, time.December, 24), "RUS", true, "Russian Federation", ""},
		{day(1990, time.May, 21), "YMD", true, "Democratic Yemen", ""},
		{day(1990, time.May, 21), "YEM", false, "", ""},
		{day(1990, time.May, 22), "YMD", false, "", ""},
		{day(1990, time.May, 22), "YEM", true, "Yemen", ""},
		{day(1991, time.December, 31), "YEM", true, "Yemen", ""},
		{day(1984, time.August, 3), "BFA", true, "Upper Volta", ""},
		{day(1984, time.August, 4), "BFA", true, "Burkina Faso", ""},
		{day(1977, time.March, 1), "LBY", true, "Libyan Arab Republic", ""},
		{day(1977, time.March, 2), "LBY", true, "Libyan Arab Jamahiriya", ""},
		{day(2008, time.June, 1), "LBY", true, "Libyan Arab Jamahiriya", ""},
		// Split terms: one year each.
		{day(1956, time.December, 31), "YUG", true, "Yugoslavia", ""},
		{day(1957, time.January, 1), "YUG", false, "", ""},
		{day(1957, time.January, 1), "PHL", true, "Philippines", ""},
		{day(1960, time.December, 31), "POL", true, "Poland", ""},
		{day(1961, time.January, 1), "TUR", true, "Turkey", ""},
		{day(1961, time.December, 31), "LBR", true, "Liberia", ""},
		{day(1962, time.January, 1), "IRL", true, "Ireland", ""},
		{day(1964, time.December, 31), "CSK", true, "Czechoslovakia", ""},
		{day(1965, time.January, 1), "MYS", true, "Malaysia", ""},
		{day(2017, time.December, 31), "ITA", true, "Italy", ""},
		{day(2018, time.January, 1), "ITA", false, "", ""},
		{day(2018, time.January, 1), "NLD", true, "Netherlands", ""},
		{day(1946, time.December, 31), "EGY", true, "Egypt", ""},
		{day(1947, time.January, 1), "EGY", false, "", ""},
		// Names at the time.
		{day(1947, time.June, 1), "SYR", true, "Syria", ""},
		{day(1970, time.June, 1), "SYR", true, "Syrian Arab Republic", ""},
		{day(1948, time.June, 1), "UKR", true, "Ukrainian Soviet Socialist Republic", ""},
		{day(1985, time.June, 1), "UKR", true, "Ukrainian Soviet Socialist Republic", ""},
		{day(2016, time.June, 1), "UKR", true, "Ukraine", ""},
		{day(1955, time.June, 1), "IRN", true, "Iran", ""},
		{day(1960, time.June, 1), "LKA", true, "Ceylon", ""},
		{day(1961, time.December, 31), "EGY", true, "United Arab Republic", ""},
		{day(1964, time.June, 1), "CIV", true, "Ivory Coast", ""},
		{day(1990, time.June, 1), "CIV", true, "Côte d'Ivoire", ""},
		{day(1974, time.June, 1), "BLR", true, "Byelorussian Soviet Socialist Republic", ""},
		{day(1977, time.June, 1), "DEU", true, "Federal Republic of Germany", ""},
		{day(1988, time.June, 1), "DEU", true, "Federal Republic of Germany", ""},
		{day(1995, time.June, 1), "DEU", true, "Germany", ""},
		{day(1980, time.June, 1), "DDR", true, "German Democratic Republic", ""},
		{day(1982, time.June, 1), "COD", true, "Zaire", ""},
		{day(1991, time.June, 1), "COD", true, "Zaire", ""},
		{day(2026, time.June, 1), "COD", true, "Democratic Republic of the Congo", ""},
		{day(1992, time.June, 1), "CPV", true, "Cape Verde", ""},
		{day(1994, time.June, 1), "CZE", true, "Czech Republic", ""},
		{day(2010, time.June, 1), "TUR", true, "Turkey", ""},
		{day(2024, time.March, 22), "KOR", true, "Republic of Korea", ""},
		{day(2024, time.March, 22), "GBR", true, "United Kingdom", ""},
		{day(2024, time.March, 22), "USA", true, "United States", ""},
	}
	for _, tt := range tests {
		c, err := CouncilOn(tt.date)
		if err != nil {
			t.Errorf("CouncilOn(%v) error %v", tt.date.Format(time.DateOnly), err)
			continue
		}
		m, ok := c.Member(tt.code)
		if ok != tt.present {
			t.Errorf("CouncilOn(%v).Member(%s) present = %v, want %v", tt.date.Format(time.DateOnly), tt.code, ok, tt.present)
			continue
		}
		if ok && (m.Name != tt.name || m.Government != tt.government) {
			t.Errorf("CouncilOn(%v).Member(%s) = %q (%q), want %q (%q)", tt.date.Format(time.DateOnly), tt.code, m.Name, m.Government, tt.name, tt.government)
		}
	}
}

func TestCouncilOnEras(t *testing.T) {
	tests := []struct {
		date           time.Time
		size, required int
	}{
		{FirstMeeting, 11, 7},
		{day(1965, time.August, 31), 11, 7},
		{day(1965, time.November, 23), 11, 7}, // res 218 (1965), 7-0-4
		{day(1965, time.December, 31), 11, 7},
		{day(1966, time.January, 1), 15, 9},
		{LastKnown, 15, 9},
	}
	for _, tt := range tests {
		c, err := CouncilOn(tt.date)
		if err != nil {
			t.Errorf("CouncilOn(%v) error %v", tt.date.Format(time.DateOnly), err)
			continue
		}
		if got := c.Size(); got != tt.size {
			t.Errorf("CouncilOn(%v).Size() = %d, want %d", tt.date.Format(time.DateOnly), got, tt.size)
		}
		if c.Required != tt.required {
			t.Errorf("CouncilOn(%v).Required = %d, want %d", tt.date.Format(time.DateOnly), c.Required, tt.required)
		}
	}
}

func TestSizeAndRequiredVotes(t *testing.T) {
	tests := []struct {
		date           time.Time
		size, required int
	}{
		{time.Time{}, 11, 7},
		{day(1946, time.January, 16), 11, 7},
		{day(1965, time.December, 31), 11, 7},
		{time.Date(1965, time.December, 31, 23, 59, 59, 0, time.UTC), 11, 7},
		{day(1966, time.January, 1), 15, 9},
		{day(2028, time.January, 1), 15, 9},
	}
	for _, tt := range tests {
		if got := Size(tt.date); got != tt.size {
			t.Errorf("Size(%v) = %d, want %d", tt.date, got, tt.size)
		}
		if got := RequiredVotes(tt.date); got != tt.required {
			t.Errorf("RequiredVotes(%v) = %d, want %d", tt.date, got, tt.required)
		}
	}
}

func TestCouncilOnOutOfRange(t *testing.T) {
	for _, d := range []time.Time{
		time.Time{},
		day(1945, time.October, 24),
		day(1946, time.January, 16),
		day(2028, time.January, 1),
		day(9999, time.December, 31),
		day(-300, time.January, 1),
		time.Unix(1<<62, 0),
	} {
		c, err := CouncilOn(d)
		var e *unsc.Error
		if !errors.As(err, &e) || e.Code != unsc.EINVALID || e.Field != "date" {
			t.Errorf("CouncilOn(%v) error = %v, want *unsc.Error %s on field date", d, err, unsc.EINVALID)
		}
		if len(c.Members) != 0 {
			t.Errorf("CouncilOn(%v) = %d members, want none", d, len(c.Members))
		}
	}
}

// TestCouncilOnEveryDay checks, for every day from 1946 to 2027, the
// Council's size and required votes, its five permanent members first in
// their order, the elected members in alphabetical order, and no code twice.
func TestCouncilOnEveryDay(t *testing.T) {
	permOrder := map[unsc.Code]int{"CHN": 0, "FRA": 1, "SUN": 2, "RUS": 2, "GBR": 3, "USA": 4}
	for d := FirstMeeting; !d.After(LastKnown); d = d.AddDate(0, 0, 1) {
		date := d.Format(time.DateOnly)
		c, err := CouncilOn(d)
		if err != nil {
			t.Fatalf("CouncilOn(%v) error %v", date, err)
		}
		size, required := 15, 9
		if d.Year() <= 1965 {
			size, required = 11, 7
		}
		if len(c.Members) != size || c.Required != required || !c.Date.Equal(d) {
			t.Fatalf("CouncilOn(%v) = %d members, Required %d, Date %v; want %d, %d, %v", date, len(c.Members), c.Required, c.Date, size, required, date)
		}
		seen := make(map[unsc.Code]bool)
		for i, m := range c.Members {
			if seen[m.Code] {
				t.Fatalf("CouncilOn(%v) has %s twice", date, m.Code)
			}
			seen[m.Code] = true
			if want := i < 5; m.Permanent != want {
				t.Fatalf("CouncilOn(%v).Members[%d] = %s, Permanent %v, want %v", date, i, m.Code, m.Permanent, want)
			}
			if m.Permanent && permOrder[m.Code] != i {
				t.Fatalf("CouncilOn(%v).Members[%d] = %s, want permanent member %d in the order China, France, USSR/Russia, UK, US", date, i, m.Code, i)
			}
			if m.Name == "" || len(m.Code) != 3 {
				t.Fatalf("CouncilOn(%v).Members[%d] = %+v, want a name and a three-letter code", date, i, m)
			}
			if m.TermStart.After(d) || !m.TermEnd.IsZero() && m.TermEnd.Before(d) {
				t.Fatalf("CouncilOn(%v).Members[%d] = %s, term %v to %v, want a term that includes the date", date, i, m.Code, m.TermStart, m.TermEnd)
			}
			if i > 5 && nameKey(c.Members[i-1].Name) >= nameKey(m.Name) {
				t.Fatalf("CouncilOn(%v): %q before %q, want alphabetical order", date, c.Members[i-1].Name, m.Name)
			}
		}
	}
}

func TestCouncilOnOrder(t *testing.T) {
	tests := []struct {
		date time.Time
		want []string
	}{
		{FirstMeeting, []string{
			"China", "France", "Union of Soviet Socialist Republics", "United Kingdom", "United States",
			"Australia", "Brazil", "Egypt", "Mexico", "Netherlands", "Poland",
		}},
		{day(1990, time.June, 1), []string{
			"China", "France", "Union of Soviet Socialist Republics", "United Kingdom", "United States",
			"Canada", "Colombia", "Côte d'Ivoire", "Cuba", "Ethiopia", "Finland", "Malaysia", "Romania", "Yemen", "Zaire",
		}},
		{day(2024, time.March, 22), []string{
			"China", "France", "Russian Federation", "United Kingdom", "United States",
			"Algeria", "Ecuador", "Guyana", "Japan", "Malta", "Mozambique", "Republic of Korea", "Sierra Leone", "Slovenia", "Switzerland",
		}},
	}
	for _, tt := range tests {
		c, err := CouncilOn(tt.date)
		if err != nil {
			t.Errorf("CouncilOn(%v) error %v", tt.date.Format(time.DateOnly), err)
			continue
		}
		var got []string
		for _, m := range c.Members {
			got = append(got, m.Name)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("CouncilOn(%v) names (-want +got):\n%s", tt.date.Format(time.DateOnly), diff)
		}
	}
}

// TestCouncilOnCalendarDate checks that the date is read as written, in the
// time's own location, whatever the time of day.
func TestCouncilOnCalendarDate(t *testing.T) {
	east := time.FixedZone("UTC+3", 3*3600)
	west := time.FixedZone("UTC-5", -5*3600)
	tests := []struct {
		in   time.Time
		want time.Time
	}{
		{time.Date(1971, time.October, 25, 0, 30, 0, 0, east), day(1971, time.October, 25)},
		{time.Date(1971, time.October, 24, 23, 30, 0, 0, west), day(1971, time.October, 24)},
		{time.Date(2027, time.December, 31, 23, 59, 59, 999, west), LastKnown},
		{time.Date(1946, time.January, 17, 0, 0, 0, 0, east), FirstMeeting},
	}
	for _, tt := range tests {
		c, err := CouncilOn(tt.in)
		if err != nil {
			t.Errorf("CouncilOn(%v) error %v", tt.in, err)
			continue
		}
		if !c.Date.Equal(tt.want) || c.Date.Location() != time.UTC {
			t.Errorf("CouncilOn(%v).Date = %v, want %v", tt.in, c.Date, tt.want)
		}
	}
}

// TestCouncilOnReturnsCopy checks that changing a returned Council does
// not change the next one.
func TestCouncilOnReturnsCopy(t *testing.T) {
	d := day(2000, time.June, 1)
	c, err := CouncilOn(d)
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(c.Members)
	c.Members[0].Name = "changed"
	c.Members[5] = unsc.Member{}
	again, err := CouncilOn(d)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, again.Members); diff != "" {
		t.Errorf("CouncilOn(%v) after changing a result (-want +got):\n%s", d.Format(time.DateOnly), diff)
	}
}

func TestTenures(t *testing.T) {
	got := Tenures()
	if diff := cmp.Diff(got, Tenures()); diff != "" {
		t.Fatalf("Tenures() differs between calls (-first +second):\n%s", diff)
	}
	want := slices.Clone(got)
	got[0].Name = "changed"
	if diff := cmp.Diff(want, Tenures()); diff != "" {
		t.Errorf("Tenures() after changing a result (-want +got):\n%s", diff)
	}

	var permanent, elected int
	lastEnd := make(map[unsc.Code]time.Time)
	for i, m := range want {
		if i > 0 && m.TermStart.Before(want[i-1].TermStart) {
			t.Errorf("Tenures()[%d] = %s from %v after %s from %v, want order by start of term", i, m.Code, m.TermStart, want[i-1].Code, want[i-1].TermStart)
		}
		if m.Permanent {
			permanent++
			if !m.TermEnd.IsZero() && m.TermEnd.Before(m.TermStart) {
				t.Errorf("Tenures()[%d] = %+v, want TermEnd after TermStart", i, m)
			}
			continue
		}
		elected++
		years := m.TermEnd.Year() - m.TermStart.Year() + 1
		if m.TermEnd.Before(m.TermStart) || years < 1 || years > 2 {
			t.Errorf("Tenures()[%d] = %s %v to %v, want a term of one or two years", i, m.Code, m.TermStart.Format(time.DateOnly), m.TermEnd.Format(time.DateOnly))
		}
		// Art. 23(2): a retiring member is not eligible for immediate
		// re-election. The same term twice is a member that changed its
		// name during the term.
		if prev, ok := lastEnd[m.Code]; ok && !prev.Equal(m.TermEnd) && prev.AddDate(0, 0, 1).Equal(m.TermStart) {
			t.Errorf("Tenures()[%d] = %s from %v, straight after its term ending %v, want no immediate re-election", i, m.Code, m.TermStart.Format(time.DateOnly), prev.Format(time.DateOnly))
		}
		lastEnd[m.Code] = m.TermEnd

		// Every tenure sits on the Council on its first day.
		first := m.TermStart
		if first.After(LastKnown) {
			continue
		}
		c, err := CouncilOn(first)
		if err != nil {
			t.Errorf("CouncilOn(%v) error %v", first.Format(time.DateOnly), err)
			continue
		}
		if _, ok := c.Member(m.Code); !ok {
			t.Errorf("CouncilOn(%v) has no %s, want its tenure %v to %v", first.Format(time.DateOnly), m.Code, m.TermStart.Format(time.DateOnly), m.TermEnd.Format(time.DateOnly))
		}
	}
	// Seven permanent tenures: two governments in the China seat, the
	// USSR and the Russian Federation, France, the UK and the US.
	if permanent != 7 {
		t.Errorf("Tenures() has %d permanent tenures, want 7", permanent)
	}
	// The DPPA table's 381 elected terms, with Yemen's term split between
	// Democratic Yemen and Yemen, and two terms under two names each (Upper
	// Volta/Burkina Faso, Libyan Arab Republic/Jamahiriya).
	if elected != 384 {
		t.Errorf("Tenures() has %d elected tenures, want 384", elected)
	}
}

// TestNameNearest checks the name a state sat under nearest to a day: the
// name of the term that holds the day, else of the nearest term, the
// first-borne name where a term has two.
func TestNameNearest(t *testing.T) {
	for _, c := range []struct {
		code unsc.Code
		date time.Time
		want string
	}{
		{"COD", day(1983, time.June, 1), "Zaire"},
		{"COD", day(1995, time.June, 1), "Zaire"},                            // nearer 1991 than 2026, before the new name
		{"COD", day(2000, time.June, 1), "Democratic Republic of the Congo"}, // nearer 1991, but renamed in 1997
		{"BLR", day(1975, time.June, 1), "Byelorussian Soviet Socialist Republic"},
		{"BLR", day(1980, time.June, 1), "Byelorussian Soviet Socialist Republic"},
		{"BLR", day(2023, time.March, 27), "Belarus"},
		{"LKA", day(2014, time.September, 18), "Sri Lanka"},
		{"LBY", day(2009, time.June, 1), "Libyan Arab Jamahiriya"},
		{"LBY", day(2020, time.June, 1), "Libya"},
		{"TUR", day(2015, time.June, 1), "Turkey"},
		{"TUR", day(2022, time.June, 1), "Türkiye"},
		{"CPV", day(2000, time.June, 1), "Cape Verde"},
		{"CZE", day(2010, time.June, 1), "Czech Republic"},
		{"CZE", day(2022, time.February, 25), "Czechia"},
		{"COD", day(2024, time.June, 1), "Democratic Republic of the Congo"}, // nearer 2026
		{"COD", day(2030, time.June, 1), "Democratic Republic of the Congo"},
		{"BFA", day(1985, time.June, 1), "Upper Volta"}, // both names hold the whole term
		{"SUN", day(2000, time.June, 1), "Union of Soviet Socialist Republics"},
		{"RUS", day(1950, time.June, 1), "Russian Federation"},
		{"CHN", day(1960, time.June, 1), "China"},
	} {
		got, ok := NameNearest(c.code, c.date)
		if !ok || got != c.want {
			t.Errorf("NameNearest(%s, %s) = %q, %v, want %q", c.code, c.date.Format(time.DateOnly), got, ok, c.want)
		}
		// The same as the nearest of Tenures, the first where several are
		// as near.
		best, name := time.Duration(-1), ""
		for _, m := range Tenures() {
			if m.Code != c.code {
				continue
			}
			var d time.Duration
			switch {
			case c.date.Before(m.TermStart):
				d = m.TermStart.Sub(c.date)
			case !m.TermEnd.IsZero() && c.date.After(m.TermEnd):
				d = c.date.Sub(m.TermEnd)
			}
			if best < 0 || d < best {
				best, name = d, m.Name
			}
		}
		renamed := false
		for _, r := range renamings {
			renamed = renamed || (r.code == c.code && !r.from.After(c.date))
		}
		if name != got && !renamed {
			t.Errorf("NameNearest(%s, %s) = %q, the nearest of Tenures is %q", c.code, c.date.Format(time.DateOnly), got, name)
		}
	}
	if got, ok := NameNearest("XXX", day(2000, time.June, 1)); ok || got != "" {
		t.Errorf("NameNearest(XXX) = %q, %v, want \"\", false", got, ok)
	}
}

func BenchmarkCouncilOn(b *testing.B) {
	dates := make([]time.Time, 0, 82)
	for y := 1946; y <= 2027; y++ {
		dates = append(dates, day(y, time.June, 15))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := CouncilOn(dates[i%len(dates)]); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCivilDay checks the day count against package time, across the
// Council's years and far outside them.
func TestCivilDay(t *testing.T) {
	for _, start := range []time.Time{day(-401, time.January, 1), day(1899, time.December, 1), day(1945, time.January, 1), day(2099, time.February, 1)} {
		for d := start; d.Before(start.AddDate(3, 0, 0)); d = d.AddDate(0, 0, 1) {
			u := d.Unix()
			want := u / 86400
			if u%86400 != 0 {
				t.Fatalf("%v is not at midnight", d)
			}
			if got := civilDay(d.Date()); got != want {
				t.Fatalf("civilDay(%v) = %d, want %d", d.Format(time.DateOnly), got, want)
			}
		}
	}
}

// TestSeatsOn checks SeatsOn against CouncilOn on every day from before the
// first meeting to after the last composition known.
func TestSeatsOn(t *testing.T) {
	for d := FirstMeeting.AddDate(0, 0, -3); !d.After(LastKnown.AddDate(0, 0, 3)); d = d.AddDate(0, 0, 1) {
		c, cerr := CouncilOn(d)
		codes, err := SeatsOn(d)
		var want []unsc.Code
		for _, m := range c.Members {
			want = append(want, m.Code)
		}
		if (err == nil) != (cerr == nil) || (err != nil && err.Error() != cerr.Error()) || !slices.Equal(codes, want) {
			t.Fatalf("SeatsOn(%s) = %v, %v; CouncilOn's codes %v, %v", d.Format(time.DateOnly), codes, err, want, cerr)
		}
	}
}

// TestTenuresOf checks that a member's or seat's tenures are Tenures'
// tenures of its codes, in Tenures' order, for every code that sat, the
// seat of the USSR and the Russian Federation, and a code that never did.
func TestTenuresOf(t *testing.T) {
	all := Tenures()
	var codes []unsc.Code
	for _, m := range all {
		if !slices.Contains(codes, m.Code) {
			codes = append(codes, m.Code)
		}
	}
	sets := [][]unsc.Code{{"SUN", "RUS"}, {"XXX"}, {}}
	for _, c := range codes {
		sets = append(sets, []unsc.Code{c})
	}
	for _, set := range sets {
		var want []unsc.Member
		for _, m := range all {
			if slices.Contains(set, m.Code) {
				want = append(want, m)
			}
		}
		if diff := cmp.Diff(want, TenuresOf(set...)); diff != "" {
			t.Errorf("TenuresOf(%v) (-Tenures' +got):\n%s", set, diff)
		}
	}
	if got := TenuresOf("USA"); len(got) != 1 || !got[0].Permanent {
		t.Errorf("TenuresOf(USA) = %v, want the one permanent seat", got)
	}
}
