package charter

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/internal/shareddata"
)

func TestLookupMember(t *testing.T) {
	tests := []struct {
		name string
		want unsc.Code
	}{
		{"USA", "USA"}, {"usa", "USA"}, {"Usa", "USA"}, {"US", "USA"}, {"U.S.", "USA"}, {"U.S.A.", "USA"},
		{"United States", "USA"}, {"the United States", "USA"}, {"United States of America", "USA"}, {"  united   states ", "USA"},
		{"UK", "GBR"}, {"U.K.", "GBR"}, {"Britain", "GBR"}, {"Great Britain", "GBR"}, {"gbr", "GBR"},
		{"United Kingdom of Great Britain and Northern Ireland", "GBR"},
		{"Russia", "RUS"}, {"Russian Federation", "RUS"}, {"rus", "RUS"},
		{"USSR", "SUN"}, {"U.S.S.R.", "SUN"}, {"Soviet Union", "SUN"}, {"Union of Soviet Socialist Republics", "SUN"},
		{"China", "CHN"}, {"People's Republic of China", "CHN"}, {"Republic of China", "CHN"}, {"PRC", "CHN"},
		{"France", "FRA"},
		{"Zaire", "COD"}, {"Democratic Republic of the Congo", "COD"}, {"DRC", "COD"}, {"Congo", "COG"},
		{"Ceylon", "LKA"}, {"Sri Lanka", "LKA"},
		{"Byelorussian SSR", "BLR"}, {"Byelorussian Soviet Socialist Republic", "BLR"}, {"Belarus", "BLR"},
		{"Ukrainian SSR", "UKR"}, {"Ukraine", "UKR"},
		{"Côte d'Ivoire", "CIV"}, {"Cote d’Ivoire", "CIV"}, {"Ivory Coast", "CIV"},
		{"Upper Volta", "BFA"}, {"Burkina Faso", "BFA"},
		{"United Arab Republic", "EGY"}, {"Egypt", "EGY"},
		{"Türkiye", "TUR"}, {"Turkey", "TUR"},
		{"Germany, Federal Republic of", "DEU"}, {"West Germany", "DEU"}, {"East Germany", "DDR"},
		{"Iran (Islamic Republic of)", "IRN"}, {"Venezuela (Bolivarian Republic of)", "VEN"},
		{"Democratic Yemen", "YMD"}, {"Yemen", "YEM"},
		{"Trinidad & Tobago", "TTO"}, {"Viet Nam", "VNM"}, {"Vietnam", "VNM"},
	}
	for _, tt := range tests {
		got, err := LookupMember(tt.name)
		if err != nil || got != tt.want {
			t.Errorf("LookupMember(%q) = %q, %v; want %q", tt.name, got, err, tt.want)
		}
		if got, ok := MemberCode(tt.name); !ok || got != tt.want {
			t.Errorf("MemberCode(%q) = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
}

// TestLookupMemberEveryName checks that every code and every name at the
// time in the composition table designates its own member: no two members
// share a name.
func TestLookupMemberEveryName(t *testing.T) {
	for _, m := range Tenures() {
		for _, name := range []string{string(m.Code), strings.ToLower(string(m.Code)), m.Name} {
			if got, err := LookupMember(name); err != nil || got != m.Code {
				t.Errorf("LookupMember(%q) = %q, %v; want %q", name, got, err, m.Code)
			}
		}
	}
	for name, code := range dppaCodes {
		if got, err := LookupMember(name); err != nil || got != code {
			t.Errorf("LookupMember(%q), a DPPA name, = %q, %v; want %q", name, got, err, code)
		}
	}
}

// TestLookupMemberUNDLNames checks that every name the UN Digital Library's
// voting data gives a member (ms_name) designates the member it codes.
func TestLookupMemberUNDLNames(t *testing.T) {
	f, err := os.Open(shareddata.Path(t, "undl-sc-votes-crawled", "sc_voting_crawled_undl_layout.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil || header[1] != "ms_code" || header[2] != "ms_name" {
		t.Fatalf("header = %q, %v; want ms_code and ms_name second and third", header, err)
	}
	seen := map[string]bool{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		code, name := unsc.Code(rec[1]), rec[2]
		if seen[rec[1]+name] {
			continue
		}
		seen[rec[1]+name] = true
		if got, err := LookupMember(name); err != nil || got != code {
			t.Errorf("LookupMember(%q), the library's name for %s, = %q, %v", name, code, got, err)
		}
	}
	if len(seen) < 100 {
		t.Errorf("read %d names from the library's data, want over 100", len(seen))
	}
}

func TestLookupMemberUnknown(t *testing.T) {
	tests := []struct {
		name    string
		closest string // a member the message must suggest; "" for none
	}{
		{"XYZ", ""},
		{"Untied States", "United States (USA)"},
		{"Rusia", "Russia (RUS)"},
		{"Zair", "Zaire (COD)"},
		{"United", "United States (USA)"},
		{"Atlantis", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, err := LookupMember(tt.name)
		var e *unsc.Error
		if !errors.As(err, &e) || e.Code != unsc.EINVALID || got != "" {
			t.Errorf("LookupMember(%q) = %q, %v; want an EINVALID error", tt.name, got, err)
			continue
		}
		if !strings.Contains(e.Message, `"`+tt.name+`"`) {
			t.Errorf("LookupMember(%q) message %q does not name the input", tt.name, e.Message)
		}
		if tt.closest != "" && !strings.Contains(e.Message, "closest: ") || !strings.Contains(e.Message, tt.closest) {
			t.Errorf("LookupMember(%q) message %q, want %q among the closest", tt.name, e.Message, tt.closest)
		}
		if tt.closest == "" && strings.Contains(e.Message, "closest") && tt.name != "XYZ" {
			t.Errorf("LookupMember(%q) message %q suggests members for a name close to none", tt.name, e.Message)
		}
	}
}

func TestLookupSeat(t *testing.T) {
	tests := []struct{ name, want string }{
		{"SUN+RUS", "SUN+RUS"}, {"sun+rus", "SUN+RUS"}, {"USSR+Russia", "SUN+RUS"}, {"Soviet Union + Russian Federation", "SUN+RUS"},
		{"Russia", "RUS"}, {"United States", "USA"}, {"USA+USA", "USA"},
	}
	for _, tt := range tests {
		if got, err := LookupSeat(tt.name); err != nil || got != tt.want {
			t.Errorf("LookupSeat(%q) = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	for _, bad := range []string{"SUN+XYZ", "+", "SUN+"} {
		if got, err := LookupSeat(bad); unsc.ErrorCode(err) != unsc.EINVALID {
			t.Errorf("LookupSeat(%q) = %q, %v; want an EINVALID error", bad, got, err)
		}
	}
}

func TestMemberNames(t *testing.T) {
	if diff := cmp.Diff([]string{"Zaire", "Democratic Republic of the Congo"}, MemberNames("COD")); diff != "" {
		t.Errorf("MemberNames(COD) mismatch (-want +got):\n%s", diff)
	}
	if got := MemberNames("ISR"); got != nil {
		t.Errorf("MemberNames(ISR) = %q, want nil: Israel never sat", got)
	}
	if got, want := SeatName("SUN+RUS"), "Union of Soviet Socialist Republics / Russian Federation (SUN+RUS)"; got != want {
		t.Errorf("SeatName(SUN+RUS) = %q, want %q", got, want)
	}
}

// TestLookupMemberCodes checks the shortcut for codes against the index of
// every name: every three letters, in upper and lower case, designate the
// same member (or none) either way.
func TestLookupMemberCodes(t *testing.T) {
	x := members.Get()
	for k := range 26 * 26 * 26 {
		code := string([]byte{byte('A' + k/676), byte('A' + k/26%26), byte('A' + k%26)})
		for _, name := range []string{code, strings.ToLower(code)} {
			n, found := x.find(name)
			got, ok := satCode(name)
			if ok && (!found || n.code != got) {
				t.Errorf("satCode(%q) = %q; the index gives %q, %v", name, got, n.code, found)
			}
			if !ok && found && string(n.code) == code {
				t.Errorf("satCode(%q) finds nothing; the index gives the code %q", name, n.code)
			}
		}
	}
}

// TestMemberCodeOfOtherNames checks that MemberCode finds no member for a
// name no member went by (a state that never sat, "President", a near
// miss), where LookupMember errs.
func TestMemberCodeOfOtherNames(t *testing.T) {
	for _, name := range []string{"Andorra", "President", "Untied States", "", "XYZ"} {
		if got, ok := MemberCode(name); ok {
			t.Errorf("MemberCode(%q) = %q, true; want none", name, got)
		}
		if _, err := LookupMember(name); err == nil {
			t.Errorf("LookupMember(%q): no error; want one", name)
		}
	}
}

// A vetoed draft is headed with its vetoing members by the names they bore
// that day, in a sentence, never by their codes.
func TestNamesInSentence(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, c := range []struct {
		codes []unsc.Code
		date  string
		want  string
	}{
		{[]unsc.Code{"CHN", "RUS"}, "2024-03-22", "China and the Russian Federation"},
		{[]unsc.Code{"USA"}, "2003-09-16", "the United States"},
		{[]unsc.Code{"FRA", "SUN"}, "1946-06-26", "France and the Union of Soviet Socialist Republics"},
		{[]unsc.Code{"GBR", "FRA", "USA"}, "1989-01-11", "the United Kingdom, France and the United States"},
		{[]unsc.Code{"XYZ"}, "2000-01-01", "XYZ"},
		{nil, "2000-01-01", ""},
	} {
		if got := NamesInSentence(c.codes, day(c.date)); got != c.want {
			t.Errorf("NamesInSentence(%v, %s) = %q, want %q", c.codes, c.date, got, c.want)
		}
	}
}
