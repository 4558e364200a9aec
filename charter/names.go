package charter

// This file resolves the names people use for the states that sat on the
// Council: codes in any case, the names they bore on the Council, their
// names in the UN today, and short or common names. It is the one lookup
// the commands, the API and the pages use.

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"unsc"
	"unsc/internal/lazy"
)

// otherNames are the names of members other than their code and the names
// they bore on the Council (which the composition table gives): their names
// in the UN today and the short, common, former and formal names people
// use.
var otherNames = lazy.Value[map[unsc.Code][]string]{Make: func() map[unsc.Code][]string {
	return map[unsc.Code][]string{
		"ARE": {"UAE"},
		"BIH": {"Bosnia"},
		"BLR": {"Belarus", "Byelorussian SSR", "Belorussian SSR", "Byelorussia", "Belorussia", "BSSR"},
		"CHN": {"PRC"},
		"CIV": {"Cote d'Ivoire"},
		"COD": {"DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"},
		"COG": {"Republic of the Congo", "Congo-Brazzaville"},
		"CPV": {"Cabo Verde"},
		"CZE": {"Czechia"},
		"DDR": {"East Germany", "GDR", "German DR"},
		"DEU": {"West Germany", "FRG", "German FR", "German Federal Republic"},
		"EGY": {"UAR"},
		"FRA": {"French Republic"},
		"GBR": {"UK", "Britain", "Great Britain", "GB", "United Kingdom of Great Britain and Northern Ireland"},
		"IRN": {"Iran (Islamic Republic of)", "Islamic Republic of Iran"},
		"KOR": {"South Korea", "Korea", "ROK"},
		"LBY": {"Libya"},
		"LKA": {"Sri Lanka"},
		"NLD": {"Holland", "Kingdom of the Netherlands"},
		"RUS": {"Russia"},
		"SUN": {"USSR", "Soviet Union"},
		"SYR": {"Syrian Arab Republic"},
		"TTO": {"Trinidad"},
		"TUR": {"Türkiye"},
		"TZA": {"Tanzania"},
		"UKR": {"Ukrainian SSR"},
		"USA": {"US", "America", "United States of America"},
		"VCT": {"St Vincent and the Grenadines"},
		"VEN": {"Venezuela"},
		"VNM": {"Vietnam"},
		"YEM": {"Republic of Yemen"},
		"YMD": {"South Yemen", "People's Democratic Republic of Yemen"},
	}
}}

// memberName is one name a member goes by, as written and as looked up.
type memberName struct {
	key, name string
	code      unsc.Code
}

// memberIndex holds every name of every member that sat, by lookup key,
// and each member's names at the time in the order borne.
type memberIndex struct {
	byKey map[string]memberName
	all   []memberName // in a stable order, for suggestions
	names map[unsc.Code][]string
}

var members = lazy.Value[*memberIndex]{Make: func() *memberIndex {
	x := &memberIndex{byKey: map[string]memberName{}, names: map[unsc.Code][]string{}}
	add := func(code unsc.Code, name string) {
		k := lookupKey(name)
		if _, ok := x.byKey[k]; ok || k == "" {
			return
		}
		n := memberName{key: k, name: name, code: code}
		x.byKey[k] = n
		x.all = append(x.all, n)
	}
	// Names at the time, in the order they were borne.
	byFirst := slices.Clone(factTable.Get())
	slices.SortStableFunc(byFirst, func(a, b fact) int { return a.first().Compare(b.first()) })
	for _, f := range byFirst {
		if !slices.Contains(x.names[f.Code], f.Name) {
			x.names[f.Code] = append(x.names[f.Code], f.Name)
		}
	}
	codes := make([]unsc.Code, 0, len(x.names))
	for c := range x.names {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	for _, c := range codes {
		add(c, string(c))
	}
	for _, c := range codes {
		for _, n := range x.names[c] {
			add(c, n)
		}
	}
	for _, f := range factTable.Get() {
		if f.Government != "" {
			add(f.Code, f.Government)
		}
	}
	for _, c := range codes {
		for _, n := range otherNames.Get()[c] {
			add(c, n)
		}
	}
	return x
}}

// lookupKey is how a name is compared: lower case, without accents,
// apostrophes or full stops ("U.S." is "us"), with other punctuation as
// spaces and without a leading "the".
func lookupKey(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if f, ok := unaccented.Get()[r]; ok {
			r = f
		}
		switch {
		case r == '\'' || r == '’' || r == '.':
			continue
		case r == '&':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("and ")
			space = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	k := strings.TrimSpace(b.String())
	return strings.TrimPrefix(k, "the ")
}

var unaccented = lazy.Value[map[rune]rune]{Make: func() map[rune]rune {
	return map[rune]rune{
		'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a',
		'ç': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e',
		'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n',
		'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o',
		'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y',
	}
}}

// find returns the member a name designates, trying the forms in which
// official lists write names: "Iran (Islamic Republic of)" is also read
// as "Iran", and "Germany, Federal Republic of" as "Federal Republic of
// Germany".
func (x *memberIndex) find(name string) (memberName, bool) {
	if n, ok := x.byKey[lookupKey(name)]; ok {
		return n, true
	}
	if before, after, ok := strings.Cut(name, ","); ok {
		if n, ok := x.byKey[lookupKey(after+" "+before)]; ok {
			return n, true
		}
	}
	if before, after, ok := strings.Cut(name, "("); ok {
		inside, _, _ := strings.Cut(after, ")")
		for _, s := range []string{before, inside} {
			if n, ok := x.byKey[lookupKey(s)]; ok {
				return n, true
			}
		}
	}
	return memberName{}, false
}

// MemberCode is LookupMember without the error: the code of the state that
// sat on the Council that name designates, and whether there is one. Where
// most names are not a member's (a column of sponsors), it spares the
// search for the closest names that LookupMember's error makes.
func MemberCode(name string) (unsc.Code, bool) {
	// A code as it is written, of a member that sat: the code, without
	// building the index of every name (codes are its first keys).
	if c, ok := satCode(name); ok {
		return c, true
	}
	if n, ok := members.Get().find(name); ok {
		return n.code, true
	}
	return "", false
}

// LookupMember returns the code of the state that sat on the Council that
// name designates: a code in any case ("USA", "usa"), a name the state bore
// on the Council ("Zaire", "Ceylon", "Byelorussian Soviet Socialist
// Republic"), its name in the UN today ("Democratic Republic of the Congo",
// "Sri Lanka", "Belarus"), or a short or common name ("US", "UK",
// "Britain", "Russia", "USSR", "Soviet Union"). Case, accents, full stops
// and a leading "the" do not matter. "Russia" is the Russian Federation
// (RUS), "USSR" the Union of Soviet Socialist Republics (SUN): the seat the
// one continued from the other is the seat "SUN+RUS" (LookupSeat).
//
// A name no state that sat on the Council goes by returns an *unsc.Error
// with code unsc.EINVALID, no field (the caller names it), and a message
// naming the input and up to three members whose names are closest.
func LookupMember(name string) (unsc.Code, error) {
	if c, ok := MemberCode(name); ok {
		return c, nil
	}
	msg := strconv.Quote(name) + ": no state that sat on the Security Council has this name or code"
	if near := members.Get().closest(name, 3); len(near) > 0 {
		msg += "; closest: " + strings.Join(near, ", ")
	}
	return "", &unsc.Error{Code: unsc.EINVALID, Message: msg}
}

// satCode returns name as a code of three letters in upper case, if it is
// one and a member with that code sat on the Council.
func satCode(name string) (unsc.Code, bool) {
	if len(name) != 3 {
		return "", false
	}
	var b [3]byte
	for i := range 3 {
		c := name[i]
		switch {
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case 'A' <= c && c <= 'Z':
		default:
			return "", false
		}
		b[i] = c
	}
	for i := range rows {
		if string(rows[i].code) == string(b[:]) {
			return rows[i].code, true
		}
	}
	return "", false
}

// LookupSeat returns the seat name designates, as codes joined by "+": one
// member by any name LookupMember takes ("Russia" is "RUS"), or several
// joined by "+" ("SUN+RUS", "USSR+Russia" are "SUN+RUS"), as the USSR's
// seat continued by the Russian Federation. A code given twice counts once.
// Errors are LookupMember's.
func LookupSeat(name string) (string, error) {
	if !strings.Contains(name, "+") {
		c, err := LookupMember(name)
		return string(c), err
	}
	parts := strings.Split(name, "+")
	codes := make([]string, 0, len(parts))
	for _, p := range parts {
		c, err := LookupMember(p)
		if err != nil {
			return "", err
		}
		if !slices.Contains(codes, string(c)) {
			codes = append(codes, string(c))
		}
	}
	return strings.Join(codes, "+"), nil
}

// MemberNames returns the names under which the state with code sat on the
// Council, in the order it bore them ("Zaire", then "Democratic Republic of
// the Congo"); nil if it never sat.
func MemberNames(code unsc.Code) []string {
	return slices.Clone(members.Get().names[code])
}

// SeatName names a seat of codes joined by "+" for a reader: its names at
// the time joined by " / ", then the seat in brackets, as in "Union of
// Soviet Socialist Republics / Russian Federation (SUN+RUS)". A code that
// never sat is left as it is.
func SeatName(seat string) string {
	var names []string
	for _, c := range strings.Split(seat, "+") {
		ns := members.Get().names[unsc.Code(c)]
		if len(ns) == 0 {
			return seat
		}
		for _, n := range ns {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	return strings.Join(names, " / ") + " (" + seat + ")"
}

// SeatNameInSentence is SeatName as it reads in a sentence, with "the"
// where the name takes it: "the United States (USA)", "China (CHN)".
func SeatNameInSentence(seat string) string {
	s := SeatName(seat)
	if the := nameOf(unsc.Member{Name: s}); the != s {
		return the
	}
	return s
}

// closest returns up to n members whose names are nearest to name, each as
// "Name (CODE)", nearest first: names within a few edits of it, and names
// that begin with it or with one of its words.
func (x *memberIndex) closest(name string, n int) []string {
	k := lookupKey(name)
	if k == "" {
		return nil
	}
	type near struct {
		m    memberName
		dist int
	}
	var found []near
	for _, m := range x.all {
		d := editDistance(k, m.key)
		limit := 1
		if l := utf8.RuneCountInString(k); l > 4 {
			limit = l / 3
		}
		switch {
		case d <= limit:
		case len(k) >= 3 && strings.HasPrefix(m.key, k):
			d = limit + 1
		case len(k) >= 4 && strings.Contains(" "+m.key+" ", " "+k+" "):
			d = limit + 2
		default:
			continue
		}
		found = append(found, near{m, d})
	}
	slices.SortStableFunc(found, func(a, b near) int {
		if c := cmp.Compare(a.dist, b.dist); c != 0 {
			return c
		}
		return cmp.Compare(len(a.m.key), len(b.m.key))
	})
	var out []string
	var seen []unsc.Code
	for _, f := range found {
		if slices.Contains(seen, f.m.code) {
			continue
		}
		seen = append(seen, f.m.code)
		// A name is shown as matched; a code or an abbreviation by the
		// member's last name at the time.
		label := f.m.name
		if len(f.m.key) <= 4 {
			ns := x.names[f.m.code]
			label = ns[len(ns)-1]
		}
		out = append(out, label+" ("+string(f.m.code)+")")
		if len(out) == n {
			break
		}
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
