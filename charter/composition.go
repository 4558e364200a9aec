package charter

// This file holds the Council's composition from its first meeting to the
// last composition known, as a table of facts: every seat tenure, with the
// name the member bore at the time. The reference for who sat in which year
// is the DPPA membership table (United Nations DPPA, Peace and Security Data
// Hub, "DPPA-SCMembership"); codes are the UN Digital Library's ms_code
// values.

import (
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"unsc"
)

var (
	// FirstMeeting is the day of the Council's first meeting, 17 January
	// 1946: the first day on which a composition is known.
	FirstMeeting = day(1946, time.January, 17)
	// LastKnown is the last day of the last composition known, 31 December
	// 2027: members are elected in June for the following year.
	LastKnown = day(2027, time.December, 31)
)

// era is the Council's size and the affirmative votes a decision needs.
type era struct{ size, required int }

// eraOn is the one rule for the Council's two eras, for day number n. The
// amendment of Art. 23 and 27 (GA res 1991 A (XVIII), 17 December 1963) came
// into force on 31 August 1965, but the Council kept 11 members until the
// additional members took their seats on 1 January 1966: res 218 (1965) of
// 23 November 1965 was adopted by 7-0-4 with 11 members.
func eraOn(n int64) era {
	if n < enlarged {
		return era{size: 11, required: 7}
	}
	return era{size: 15, required: 9}
}

// enlarged is the day number of the first day of the 15-member Council,
// 1 January 1966.
var enlarged = civilDay(1966, time.January, 1)

// Size returns the number of members of the Council on date d: 11 until
// 31 December 1965 and 15 from 1 January 1966 (Art. 23(1)). Dates outside
// the known compositions get the size of their era.
func Size(d time.Time) int { return eraOn(dayOf(d)).size }

// RequiredVotes returns the number of affirmative votes a decision of the
// Council needs on date d: 7 while it had 11 members, 9 since it has 15
// (Art. 27(2) and (3)).
func RequiredVotes(d time.Time) int { return eraOn(dayOf(d)).required }

// CouncilOn returns the Council on date d, a calendar date: d's year, month
// and day are read in d's own location, and the Council's Date is that day
// at midnight UTC. Members are in the Council's order: the permanent members
// first (China, France, the USSR or the Russian Federation, the United
// Kingdom, the United States), then the elected members in alphabetical
// order of their names at the time. Members is a new slice on every call.
//
// A date before FirstMeeting or after LastKnown returns an *unsc.Error with
// code unsc.EINVALID and field "date".
func CouncilOn(d time.Time) (unsc.Council, error) {
	y, m, dd := d.Date()
	n := civilDay(y, m, dd)
	if n < firstDay || n > lastDay {
		return unsc.Council{}, unsc.Errorf(unsc.EINVALID, "date",
			"no Council composition is known for %s: compositions are known from %s to %s",
			day(y, m, dd).Format(time.DateOnly), FirstMeeting.Format(time.DateOnly), LastKnown.Format(time.DateOnly))
	}
	// The members whose facts apply on day n, in the Council's order.
	o, table := orderedFacts(), factTable()
	members := make([]unsc.Member, 0, 15)
	for i, at := range o.at {
		if o.firsts[i] <= n && n <= o.lasts[i] {
			members = append(members, table[at].Member)
		}
	}
	return unsc.Council{Date: day(y, m, dd), Required: eraOn(n).required, Members: members}, nil
}

// firstDay and lastDay are the day numbers of FirstMeeting and LastKnown.
var (
	firstDay = dayOf(FirstMeeting)
	lastDay  = dayOf(LastKnown)
)

// Tenures returns every seat tenure begun from 1946 to 2027, as members with their
// code, name at the time, government (for the China seat), whether the seat
// is permanent, and the term (TermStart and TermEnd inclusive; TermEnd is
// zero for a permanent seat still held). A split term is the one year the
// member served. A member whose name changed during its term appears once
// for each name, each time with the whole term (Upper Volta and Burkina
// Faso, 1984-85; Libyan Arab Republic and Libyan Arab Jamahiriya, 1976-77).
// The order is stable: by start of term, permanent members first in the
// Council's order, then by code, then by name in the order the names were
// borne. The slice is a copy.
func Tenures() []unsc.Member {
	table := factTable()
	out := make([]unsc.Member, 0, len(table))
	for _, at := range tenures() {
		out = append(out, table[at].Member)
	}
	return out
}

// fact is one row of the table: a member and its term, and when the name
// changed during the term, the days on which this name applies.
type fact struct {
	unsc.Member
	// from and to bound the days on which Member.Name applies within the
	// term; zero means from the start or to the end of the term.
	from, to time.Time
}

// day returns the calendar date y-m-d at midnight UTC.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// DayNumber returns the number of days from 1 January 1970 to t's calendar
// date, read in t's location: dates compared as day numbers need no
// time.Time arithmetic.
func DayNumber(t time.Time) int64 {
	y, m, dd := t.Date()
	return civilDay(y, m, dd)
}

func dayOf(d time.Time) int64 { return DayNumber(d) }

// civilDay counts the days from 1 January 1970 to y-m-d in the proleptic
// Gregorian calendar, without building a time.Time (H. Hinnant's
// days_from_civil).
func civilDay(y int, m time.Month, d int) int64 {
	yy := int64(y)
	if m <= time.February {
		yy--
	}
	era := yy / 400
	if yy < 0 && yy%400 != 0 {
		era--
	}
	yoe := yy - era*400
	mp := (int64(m) + 9) % 12
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// term is an elected member's term from 1 January of year first to
// 31 December of year last. Terms of 1946 began at the first meeting.
func term(first, last int, code unsc.Code, name string) fact {
	start := day(first, time.January, 1)
	if start.Before(FirstMeeting) {
		start = FirstMeeting
	}
	return fact{Member: unsc.Member{
		Code:      code,
		Name:      name,
		TermStart: start,
		TermEnd:   day(last, time.December, 31),
	}}
}

// permanent is a permanent seat held by code from start to end (zero while
// it is still held).
func permanent(code unsc.Code, name, government string, start, end time.Time) fact {
	return fact{Member: unsc.Member{
		Code:       code,
		Name:       name,
		Government: government,
		Permanent:  true,
		TermStart:  start,
		TermEnd:    end,
	}}
}

// between sets the term to the days from start to end, for a seat that
// passed to another state during a term.
func (f fact) between(start, end time.Time) fact {
	f.TermStart, f.TermEnd = start, end
	return f
}

// until limits the name to the days up to d.
func (f fact) until(d time.Time) fact {
	f.to = d
	return f
}

// since limits the name to the days from d.
func (f fact) since(d time.Time) fact {
	f.from = d
	return f
}

// first is the first day on which the fact applies.
func (f fact) first() time.Time {
	if f.from.After(f.TermStart) {
		return f.from
	}
	return f.TermStart
}

// last is the last day on which the fact applies; zero while it still does.
func (f fact) last() time.Time {
	if !f.to.IsZero() && (f.TermEnd.IsZero() || f.to.Before(f.TermEnd)) {
		return f.to
	}
	return f.TermEnd
}

// on reports whether the fact applies on day d.
func (f fact) on(d time.Time) bool {
	last := f.last()
	return !d.Before(f.first()) && (last.IsZero() || !d.After(last))
}

// rank orders the permanent members as the Council lists them; elected
// members come after.
func rank(m unsc.Member) int {
	if !m.Permanent {
		return 5
	}
	switch m.Code {
	case "CHN":
		return 0
	case "FRA":
		return 1
	case "SUN", "RUS":
		return 2
	case "GBR":
		return 3
	case "USA":
		return 4
	}
	return 5
}

// nameKey is the key for ordering members alphabetically by name: the
// name without accents or apostrophes, in lower case, so that "Côte
// d'Ivoire" sorts between "Costa Rica" and "Croatia".
func nameKey(name string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'ô':
			return 'o'
		case 'ü':
			return 'u'
		case 'é':
			return 'e'
		case 'ç':
			return 'c'
		case '\'', '’':
			return -1
		}
		return unicode.ToLower(r)
	}, name)
}

// ordered is the facts in the Council's order (permanent members first, in
// the Council's order, then by name and code), as places in the table, with
// the first and last day on which each applies as day numbers (lastDay
// while it still does).
type ordered struct {
	at            []int32
	firsts, lasts []int64
}

// orderedFacts and tenures are built on first use, so that a program that
// never asks about the Council does not pay for them at start. Both are
// places in the table (a few KB), not copies of its facts.
var (
	orderedFacts = sync.OnceValue(func() ordered { return orderFacts(factTable()) })
	tenures      = sync.OnceValue(func() []int32 { return orderTenures(factTable()) })
)

// places returns 0, 1, …, n-1.
func places(n int) []int32 {
	at := make([]int32, n)
	for i := range at {
		at[i] = int32(i)
	}
	return at
}

// orderFacts puts the facts in the Council's order: an unstable sort of
// their places that ends in the place, so that facts equal in rank, name
// and code keep the table's order.
func orderFacts(facts []fact) ordered {
	names := make([]string, len(facts))
	for i, f := range facts {
		names[i] = nameKey(f.Name)
	}
	o := ordered{at: places(len(facts)), firsts: make([]int64, len(facts)), lasts: make([]int64, len(facts))}
	slices.SortFunc(o.at, func(a, b int32) int {
		if c := rank(facts[a].Member) - rank(facts[b].Member); c != 0 {
			return c
		}
		if c := strings.Compare(names[a], names[b]); c != 0 {
			return c
		}
		if c := strings.Compare(string(facts[a].Code), string(facts[b].Code)); c != 0 {
			return c
		}
		return int(a - b)
	})
	// Each fact's days as day numbers, compared far faster than times.
	for j, at := range o.at {
		f := &facts[at]
		o.firsts[j], o.lasts[j] = dayOf(f.first()), lastDay
		if l := f.last(); !l.IsZero() {
			o.lasts[j] = dayOf(l)
		}
	}
	return o
}

// orderTenures puts the facts in the order of Tenures: by start of term,
// rank, code and first day, in the table's order where those are equal.
func orderTenures(facts []fact) []int32 {
	starts := make([]int64, len(facts))
	firsts := make([]int64, len(facts))
	for i := range facts {
		starts[i], firsts[i] = dayOf(facts[i].TermStart), dayOf(facts[i].first())
	}
	at := places(len(facts))
	slices.SortFunc(at, func(a, b int32) int {
		if starts[a] != starts[b] {
			return cmpInt64(starts[a], starts[b])
		}
		if c := rank(facts[a].Member) - rank(facts[b].Member); c != 0 {
			return c
		}
		if c := strings.Compare(string(facts[a].Code), string(facts[b].Code)); c != 0 {
			return c
		}
		if firsts[a] != firsts[b] {
			return cmpInt64(firsts[a], firsts[b])
		}
		return int(a - b)
	})
	return at
}

// NameNearest returns the name code sat under nearest to date: that of
// the tenure whose term (TermStart to TermEnd, as Tenures gives them) is
// nearest to date, none nearer than one that holds it, the first in
// Tenures' order where several are as near. False for a code that never
// sat on the Council.
func NameNearest(code unsc.Code, date time.Time) (string, bool) {
	table := factTable()
	name, best := "", time.Duration(math.MaxInt64)
	for _, at := range tenures() {
		m := &table[at].Member
		if m.Code != code {
			continue
		}
		dist := time.Duration(0)
		switch {
		case date.Before(m.TermStart):
			dist = m.TermStart.Sub(date)
		case !m.TermEnd.IsZero() && date.After(m.TermEnd):
			dist = date.Sub(m.TermEnd)
		}
		if name == "" || dist < best {
			name, best = m.Name, dist
		}
	}
	return name, name != ""
}

func cmpInt64(a, b int64) int {
	if a < b {
		return -1
	}
	return 1
}

// factTable is the table: the permanent seats, then every elected
// member's term. Names are the names at the time, as the Council's records
// give them. It is made on first use, not at the start of every command.
var factTable = sync.OnceValue(facts)

// facts makes the table.
func facts() []fact {
	return []fact{
		// The China seat: the Republic of China until GA res 2758 (XXVI) of
		// 25 October 1971, then the People's Republic of China.
		permanent("CHN", "China", "Republic of China", FirstMeeting, day(1971, time.October, 24)),
		permanent("CHN", "China", "People's Republic of China", day(1971, time.October, 25), time.Time{}),
		permanent("FRA", "France", "", FirstMeeting, time.Time{}),
		// The USSR seat, continued by the Russian Federation from 24 December
		// 1991 (letter of President Yeltsin to the Secretary-General).
		permanent("SUN", "Union of Soviet Socialist Republics", "", FirstMeeting, day(1991, time.December, 23)),
		permanent("RUS", "Russian Federation", "", day(1991, time.December, 24), time.Time{}),
		permanent("GBR", "United Kingdom", "", FirstMeeting, time.Time{}),
		permanent("USA", "United States", "", FirstMeeting, time.Time{}),

		// Terms beginning in 1946. Egypt, Mexico and the Netherlands drew
		// one-year terms.
		term(1946, 1947, "AUS", "Australia"),
		term(1946, 1947, "BRA", "Brazil"),
		term(1946, 1946, "EGY", "Egypt"),
		term(1946, 1946, "MEX", "Mexico"),
		term(1946, 1946, "NLD", "Netherlands"),
		term(1946, 1947, "POL", "Poland"),

		// Terms beginning in 1947.
		term(1947, 1948, "BEL", "Belgium"),
		term(1947, 1948, "COL", "Colombia"),
		term(1947, 1948, "SYR", "Syria"),

		// Terms beginning in 1948.
		term(1948, 1949, "ARG", "Argentina"),
		term(1948, 1949, "CAN", "Canada"),
		term(1948, 1949, "UKR", "Ukrainian Soviet Socialist Republic"),

		// Terms beginning in 1949.
		term(1949, 1950, "CUB", "Cuba"),
		term(1949, 1950, "EGY", "Egypt"),
		term(1949, 1950, "NOR", "Norway"),

		// Terms beginning in 1950.
		term(1950, 1951, "ECU", "Ecuador"),
		term(1950, 1951, "IND", "India"),
		term(1950, 1951, "YUG", "Yugoslavia"),

		// Terms beginning in 1951.
		term(1951, 1952, "BRA", "Brazil"),
		term(1951, 1952, "NLD", "Netherlands"),
		term(1951, 1952, "TUR", "Turkey"),

		// Terms beginning in 1952.
		term(1952, 1953, "CHL", "Chile"),
		term(1952, 1953, "GRC", "Greece"),
		term(1952, 1953, "PAK", "Pakistan"),

		// Terms beginning in 1953.
		term(1953, 1954, "COL", "Colombia"),
		term(1953, 1954, "DNK", "Denmark"),
		term(1953, 1954, "LBN", "Lebanon"),

		// Terms beginning in 1954.
		term(1954, 1955, "BRA", "Brazil"),
		term(1954, 1955, "NZL", "New Zealand"),
		term(1954, 1955, "TUR", "Turkey"),

		// Terms beginning in 1955.
		term(1955, 1956, "BEL", "Belgium"),
		term(1955, 1956, "IRN", "Iran"),
		term(1955, 1956, "PER", "Peru"),

		// Terms beginning in 1956.
		term(1956, 1957, "AUS", "Australia"),
		term(1956, 1957, "CUB", "Cuba"),
		// Yugoslavia and the Philippines split the 1956-57 term.
		term(1956, 1956, "YUG", "Yugoslavia"),

		// Terms beginning in 1957.
		term(1957, 1958, "COL", "Colombia"),
		term(1957, 1958, "IRQ", "Iraq"),
		term(1957, 1957, "PHL", "Philippines"),
		term(1957, 1958, "SWE", "Sweden"),

		// Terms beginning in 1958.
		term(1958, 1959, "CAN", "Canada"),
		term(1958, 1959, "JPN", "Japan"),
		term(1958, 1959, "PAN", "Panama"),

		// Terms beginning in 1959.
		term(1959, 1960, "ARG", "Argentina"),
		term(1959, 1960, "ITA", "Italy"),
		term(1959, 1960, "TUN", "Tunisia"),

		// Terms beginning in 1960.
		term(1960, 1961, "ECU", "Ecuador"),
		// Poland and Turkey split the 1960-61 term.
		term(1960, 1960, "POL", "Poland"),
		term(1960, 1961, "LKA", "Ceylon"),

		// Terms beginning in 1961.
		term(1961, 1962, "CHL", "Chile"),
		// Liberia and Ireland split the 1961-62 term.
		term(1961, 1961, "LBR", "Liberia"),
		term(1961, 1961, "TUR", "Turkey"),
		term(1961, 1962, "EGY", "United Arab Republic"),

		// Terms beginning in 1962.
		term(1962, 1963, "GHA", "Ghana"),
		term(1962, 1962, "IRL", "Ireland"),
		// Romania and the Philippines split the 1962-63 term.
		term(1962, 1962, "ROU", "Romania"),
		term(1962, 1963, "VEN", "Venezuela"),

		// Terms beginning in 1963.
		term(1963, 1964, "BRA", "Brazil"),
		term(1963, 1964, "MAR", "Morocco"),
		term(1963, 1964, "NOR", "Norway"),
		term(1963, 1963, "PHL", "Philippines"),

		// Terms beginning in 1964.
		term(1964, 1965, "BOL", "Bolivia"),
		term(1964, 1965, "CIV", "Ivory Coast"),
		// Czechoslovakia and Malaysia split the 1964-65 term.
		term(1964, 1964, "CSK", "Czechoslovakia"),

		// Terms beginning in 1965.
		term(1965, 1966, "JOR", "Jordan"),
		term(1965, 1965, "MYS", "Malaysia"),
		term(1965, 1966, "NLD", "Netherlands"),
		term(1965, 1966, "URY", "Uruguay"),

		// Terms beginning in 1966, the first year of the 15-member Council. New
		// Zealand and Uganda were elected for one year.
		term(1966, 1967, "ARG", "Argentina"),
		term(1966, 1967, "BGR", "Bulgaria"),
		term(1966, 1967, "JPN", "Japan"),
		term(1966, 1967, "MLI", "Mali"),
		term(1966, 1966, "NZL", "New Zealand"),
		term(1966, 1967, "NGA", "Nigeria"),
		term(1966, 1966, "UGA", "Uganda"),

		// Terms beginning in 1967.
		term(1967, 1968, "BRA", "Brazil"),
		term(1967, 1968, "CAN", "Canada"),
		term(1967, 1968, "DNK", "Denmark"),
		term(1967, 1968, "ETH", "Ethiopia"),
		term(1967, 1968, "IND", "India"),

		// Terms beginning in 1968.
		term(1968, 1969, "DZA", "Algeria"),
		term(1968, 1969, "HUN", "Hungary"),
		term(1968, 1969, "PAK", "Pakistan"),
		term(1968, 1969, "PRY", "Paraguay"),
		term(1968, 1969, "SEN", "Senegal"),

		// Terms beginning in 1969.
		term(1969, 1970, "COL", "Colombia"),
		term(1969, 1970, "FIN", "Finland"),
		term(1969, 1970, "NPL", "Nepal"),
		term(1969, 1970, "ESP", "Spain"),
		term(1969, 1970, "ZMB", "Zambia"),

		// Terms beginning in 1970.
		term(1970, 1971, "BDI", "Burundi"),
		term(1970, 1971, "NIC", "Nicaragua"),
		term(1970, 1971, "POL", "Poland"),
		term(1970, 1971, "SLE", "Sierra Leone"),
		term(1970, 1971, "SYR", "Syrian Arab Republic"),

		// Terms beginning in 1971.
		term(1971, 1972, "ARG", "Argentina"),
		term(1971, 1972, "BEL", "Belgium"),
		term(1971, 1972, "ITA", "Italy"),
		term(1971, 1972, "JPN", "Japan"),
		term(1971, 1972, "SOM", "Somalia"),

		// Terms beginning in 1972.
		term(1972, 1973, "GIN", "Guinea"),
		term(1972, 1973, "IND", "India"),
		term(1972, 1973, "PAN", "Panama"),
		term(1972, 1973, "SDN", "Sudan"),
		term(1972, 1973, "YUG", "Yugoslavia"),

		// Terms beginning in 1973.
		term(1973, 1974, "AUS", "Australia"),
		term(1973, 1974, "AUT", "Austria"),
		term(1973, 1974, "IDN", "Indonesia"),
		term(1973, 1974, "KEN", "Kenya"),
		term(1973, 1974, "PER", "Peru"),

		// Terms beginning in 1974.
		term(1974, 1975, "BLR", "Byelorussian Soviet Socialist Republic"),
		term(1974, 1975, "CMR", "United Republic of Cameroon"),
		term(1974, 1975, "CRI", "Costa Rica"),
		term(1974, 1975, "IRQ", "Iraq"),
		term(1974, 1975, "MRT", "Mauritania"),

		// Terms beginning in 1975.
		term(1975, 1976, "GUY", "Guyana"),
		term(1975, 1976, "ITA", "Italy"),
		term(1975, 1976, "JPN", "Japan"),
		term(1975, 1976, "SWE", "Sweden"),
		term(1975, 1976, "TZA", "United Republic of Tanzania"),

		// Terms beginning in 1976.
		term(1976, 1977, "BEN", "Benin"),
		// The Libyan Arab Republic became the Libyan Arab Jamahiriya on 2 March
		// 1977 (Declaration on the Establishment of the Authority of the People).
		term(1976, 1977, "LBY", "Libyan Arab Republic").until(day(1977, time.March, 1)),
		term(1976, 1977, "LBY", "Libyan Arab Jamahiriya").since(day(1977, time.March, 2)),
		term(1976, 1977, "PAK", "Pakistan"),
		term(1976, 1977, "PAN", "Panama"),
		term(1976, 1977, "ROU", "Romania"),

		// Terms beginning in 1977.
		term(1977, 1978, "CAN", "Canada"),
		term(1977, 1978, "DEU", "Federal Republic of Germany"),
		term(1977, 1978, "IND", "India"),
		term(1977, 1978, "MUS", "Mauritius"),
		term(1977, 1978, "VEN", "Venezuela"),

		// Terms beginning in 1978.
		term(1978, 1979, "BOL", "Bolivia"),
		term(1978, 1979, "CSK", "Czechoslovakia"),
		term(1978, 1979, "GAB", "Gabon"),
		term(1978, 1979, "KWT", "Kuwait"),
		term(1978, 1979, "NGA", "Nigeria"),

		// Terms beginning in 1979.
		term(1979, 1980, "BGD", "Bangladesh"),
		term(1979, 1980, "JAM", "Jamaica"),
		term(1979, 1980, "NOR", "Norway"),
		term(1979, 1980, "PRT", "Portugal"),
		term(1979, 1980, "ZMB", "Zambia"),

		// Terms beginning in 1980.
		term(1980, 1981, "DDR", "German Democratic Republic"),
		term(1980, 1981, "MEX", "Mexico"),
		term(1980, 1981, "NER", "Niger"),
		term(1980, 1981, "PHL", "Philippines"),
		term(1980, 1981, "TUN", "Tunisia"),

		// Terms beginning in 1981.
		term(1981, 1982, "IRL", "Ireland"),
		term(1981, 1982, "JPN", "Japan"),
		term(1981, 1982, "PAN", "Panama"),
		term(1981, 1982, "ESP", "Spain"),
		term(1981, 1982, "UGA", "Uganda"),

		// Terms beginning in 1982.
		term(1982, 1983, "COD", "Zaire"),
		term(1982, 1983, "GUY", "Guyana"),
		term(1982, 1983, "JOR", "Jordan"),
		term(1982, 1983, "POL", "Poland"),
		term(1982, 1983, "TGO", "Togo"),

		// Terms beginning in 1983.
		term(1983, 1984, "MLT", "Malta"),
		term(1983, 1984, "NLD", "Netherlands"),
		term(1983, 1984, "NIC", "Nicaragua"),
		term(1983, 1984, "PAK", "Pakistan"),
		term(1983, 1984, "ZWE", "Zimbabwe"),

		// Terms beginning in 1984.
		// Upper Volta took the name Burkina Faso on 4 August 1984.
		term(1984, 1985, "BFA", "Upper Volta").until(day(1984, time.August, 3)),
		term(1984, 1985, "BFA", "Burkina Faso").since(day(1984, time.August, 4)),
		term(1984, 1985, "EGY", "Egypt"),
		term(1984, 1985, "IND", "India"),
		term(1984, 1985, "PER", "Peru"),
		term(1984, 1985, "UKR", "Ukrainian Soviet Socialist Republic"),

		// Terms beginning in 1985.
		term(1985, 1986, "AUS", "Australia"),
		term(1985, 1986, "DNK", "Denmark"),
		term(1985, 1986, "MDG", "Madagascar"),
		term(1985, 1986, "THA", "Thailand"),
		term(1985, 1986, "TTO", "Trinidad and Tobago"),

		// Terms beginning in 1986.
		term(1986, 1987, "BGR", "Bulgaria"),
		term(1986, 1987, "COG", "Congo"),
		term(1986, 1987, "GHA", "Ghana"),
		term(1986, 1987, "ARE", "United Arab Emirates"),
		term(1986, 1987, "VEN", "Venezuela"),

		// Terms beginning in 1987.
		term(1987, 1988, "ARG", "Argentina"),
		term(1987, 1988, "DEU", "Federal Republic of Germany"),
		term(1987, 1988, "ITA", "Italy"),
		term(1987, 1988, "JPN", "Japan"),
		term(1987, 1988, "ZMB", "Zambia"),

		// Terms beginning in 1988.
		term(1988, 1989, "DZA", "Algeria"),
		term(1988, 1989, "BRA", "Brazil"),
		term(1988, 1989, "NPL", "Nepal"),
		term(1988, 1989, "SEN", "Senegal"),
		term(1988, 1989, "YUG", "Yugoslavia"),

		// Terms beginning in 1989.
		term(1989, 1990, "CAN", "Canada"),
		term(1989, 1990, "COL", "Colombia"),
		term(1989, 1990, "ETH", "Ethiopia"),
		term(1989, 1990, "FIN", "Finland"),
		term(1989, 1990, "MYS", "Malaysia"),

		// Terms beginning in 1990.
		term(1990, 1991, "CIV", "Côte d'Ivoire"),
		term(1990, 1991, "CUB", "Cuba"),
		term(1990, 1991, "COD", "Zaire"),
		term(1990, 1991, "ROU", "Romania"),
		// Democratic Yemen and the Yemen Arab Republic united on 22 May 1990;
		// the Republic of Yemen continued the seat.
		term(1990, 1991, "YMD", "Democratic Yemen").between(day(1990, time.January, 1), day(1990, time.May, 21)),
		term(1990, 1991, "YEM", "Yemen").between(day(1990, time.May, 22), day(1991, time.December, 31)),

		// Terms beginning in 1991.
		term(1991, 1992, "AUT", "Austria"),
		term(1991, 1992, "BEL", "Belgium"),
		term(1991, 1992, "ECU", "Ecuador"),
		term(1991, 1992, "IND", "India"),
		term(1991, 1992, "ZWE", "Zimbabwe"),

		// Terms beginning in 1992.
		term(1992, 1993, "CPV", "Cape Verde"),
		term(1992, 1993, "HUN", "Hungary"),
		term(1992, 1993, "JPN", "Japan"),
		term(1992, 1993, "MAR", "Morocco"),
		term(1992, 1993, "VEN", "Venezuela"),

		// Terms beginning in 1993.
		term(1993, 1994, "BRA", "Brazil"),
		term(1993, 1994, "DJI", "Djibouti"),
		term(1993, 1994, "NZL", "New Zealand"),
		term(1993, 1994, "PAK", "Pakistan"),
		term(1993, 1994, "ESP", "Spain"),

		// Terms beginning in 1994.
		term(1994, 1995, "ARG", "Argentina"),
		term(1994, 1995, "CZE", "Czech Republic"),
		term(1994, 1995, "NGA", "Nigeria"),
		term(1994, 1995, "OMN", "Oman"),
		term(1994, 1995, "RWA", "Rwanda"),

		// Terms beginning in 1995.
		term(1995, 1996, "BWA", "Botswana"),
		term(1995, 1996, "DEU", "Germany"),
		term(1995, 1996, "HND", "Honduras"),
		term(1995, 1996, "IDN", "Indonesia"),
		term(1995, 1996, "ITA", "Italy"),

		// Terms beginning in 1996.
		term(1996, 1997, "CHL", "Chile"),
		term(1996, 1997, "EGY", "Egypt"),
		term(1996, 1997, "GNB", "Guinea-Bissau"),
		term(1996, 1997, "POL", "Poland"),
		term(1996, 1997, "KOR", "Republic of Korea"),

		// Terms beginning in 1997.
		term(1997, 1998, "CRI", "Costa Rica"),
		term(1997, 1998, "JPN", "Japan"),
		term(1997, 1998, "KEN", "Kenya"),
		term(1997, 1998, "PRT", "Portugal"),
		term(1997, 1998, "SWE", "Sweden"),

		// Terms beginning in 1998.
		term(1998, 1999, "BHR", "Bahrain"),
		term(1998, 1999, "BRA", "Brazil"),
		term(1998, 1999, "GAB", "Gabon"),
		term(1998, 1999, "GMB", "Gambia"),
		term(1998, 1999, "SVN", "Slovenia"),

		// Terms beginning in 1999.
		term(1999, 2000, "ARG", "Argentina"),
		term(1999, 2000, "CAN", "Canada"),
		term(1999, 2000, "MYS", "Malaysia"),
		term(1999, 2000, "NAM", "Namibia"),
		term(1999, 2000, "NLD", "Netherlands"),

		// Terms beginning in 2000.
		term(2000, 2001, "BGD", "Bangladesh"),
		term(2000, 2001, "JAM", "Jamaica"),
		term(2000, 2001, "MLI", "Mali"),
		term(2000, 2001, "TUN", "Tunisia"),
		term(2000, 2001, "UKR", "Ukraine"),

		// Terms beginning in 2001.
		term(2001, 2002, "COL", "Colombia"),
		term(2001, 2002, "IRL", "Ireland"),
		term(2001, 2002, "MUS", "Mauritius"),
		term(2001, 2002, "NOR", "Norway"),
		term(2001, 2002, "SGP", "Singapore"),

		// Terms beginning in 2002.
		term(2002, 2003, "BGR", "Bulgaria"),
		term(2002, 2003, "CMR", "Cameroon"),
		term(2002, 2003, "GIN", "Guinea"),
		term(2002, 2003, "MEX", "Mexico"),
		term(2002, 2003, "SYR", "Syrian Arab Republic"),

		// Terms beginning in 2003.
		term(2003, 2004, "AGO", "Angola"),
		term(2003, 2004, "CHL", "Chile"),
		term(2003, 2004, "DEU", "Germany"),
		term(2003, 2004, "PAK", "Pakistan"),
		term(2003, 2004, "ESP", "Spain"),

		// Terms beginning in 2004.
		term(2004, 2005, "DZA", "Algeria"),
		term(2004, 2005, "BEN", "Benin"),
		term(2004, 2005, "BRA", "Brazil"),
		term(2004, 2005, "PHL", "Philippines"),
		term(2004, 2005, "ROU", "Romania"),

		// Terms beginning in 2005.
		term(2005, 2006, "ARG", "Argentina"),
		term(2005, 2006, "DNK", "Denmark"),
		term(2005, 2006, "GRC", "Greece"),
		term(2005, 2006, "JPN", "Japan"),
		term(2005, 2006, "TZA", "United Republic of Tanzania"),

		// Terms beginning in 2006.
		term(2006, 2007, "COG", "Congo"),
		term(2006, 2007, "GHA", "Ghana"),
		term(2006, 2007, "PER", "Peru"),
		term(2006, 2007, "QAT", "Qatar"),
		term(2006, 2007, "SVK", "Slovakia"),

		// Terms beginning in 2007.
		term(2007, 2008, "BEL", "Belgium"),
		term(2007, 2008, "IDN", "Indonesia"),
		term(2007, 2008, "ITA", "Italy"),
		term(2007, 2008, "PAN", "Panama"),
		term(2007, 2008, "ZAF", "South Africa"),

		// Terms beginning in 2008.
		term(2008, 2009, "BFA", "Burkina Faso"),
		term(2008, 2009, "CRI", "Costa Rica"),
		term(2008, 2009, "HRV", "Croatia"),
		term(2008, 2009, "LBY", "Libyan Arab Jamahiriya"),
		term(2008, 2009, "VNM", "Viet Nam"),

		// Terms beginning in 2009.
		term(2009, 2010, "AUT", "Austria"),
		term(2009, 2010, "JPN", "Japan"),
		term(2009, 2010, "MEX", "Mexico"),
		term(2009, 2010, "TUR", "Turkey"),
		term(2009, 2010, "UGA", "Uganda"),

		// Terms beginning in 2010.
		term(2010, 2011, "BIH", "Bosnia and Herzegovina"),
		term(2010, 2011, "BRA", "Brazil"),
		term(2010, 2011, "GAB", "Gabon"),
		term(2010, 2011, "LBN", "Lebanon"),
		term(2010, 2011, "NGA", "Nigeria"),

		// Terms beginning in 2011.
		term(2011, 2012, "COL", "Colombia"),
		term(2011, 2012, "DEU", "Germany"),
		term(2011, 2012, "IND", "India"),
		term(2011, 2012, "PRT", "Portugal"),
		term(2011, 2012, "ZAF", "South Africa"),

		// Terms beginning in 2012.
		term(2012, 2013, "AZE", "Azerbaijan"),
		term(2012, 2013, "GTM", "Guatemala"),
		term(2012, 2013, "MAR", "Morocco"),
		term(2012, 2013, "PAK", "Pakistan"),
		term(2012, 2013, "TGO", "Togo"),

		// Terms beginning in 2013.
		term(2013, 2014, "ARG", "Argentina"),
		term(2013, 2014, "AUS", "Australia"),
		term(2013, 2014, "LUX", "Luxembourg"),
		term(2013, 2014, "KOR", "Republic of Korea"),
		term(2013, 2014, "RWA", "Rwanda"),

		// Terms beginning in 2014.
		term(2014, 2015, "TCD", "Chad"),
		term(2014, 2015, "CHL", "Chile"),
		term(2014, 2015, "JOR", "Jordan"),
		term(2014, 2015, "LTU", "Lithuania"),
		term(2014, 2015, "NGA", "Nigeria"),

		// Terms beginning in 2015.
		term(2015, 2016, "AGO", "Angola"),
		term(2015, 2016, "MYS", "Malaysia"),
		term(2015, 2016, "NZL", "New Zealand"),
		term(2015, 2016, "ESP", "Spain"),
		term(2015, 2016, "VEN", "Venezuela (Bolivarian Republic of)"),

		// Terms beginning in 2016.
		term(2016, 2017, "EGY", "Egypt"),
		term(2016, 2017, "JPN", "Japan"),
		term(2016, 2017, "SEN", "Senegal"),
		term(2016, 2017, "UKR", "Ukraine"),
		term(2016, 2017, "URY", "Uruguay"),

		// Terms beginning in 2017.
		term(2017, 2018, "BOL", "Bolivia (Plurinational State of)"),
		term(2017, 2018, "ETH", "Ethiopia"),
		// Italy and the Netherlands split the 2017-18 term.
		term(2017, 2017, "ITA", "Italy"),
		term(2017, 2018, "KAZ", "Kazakhstan"),
		term(2017, 2018, "SWE", "Sweden"),

		// Terms beginning in 2018.
		term(2018, 2019, "CIV", "Côte d'Ivoire"),
		term(2018, 2019, "GNQ", "Equatorial Guinea"),
		term(2018, 2019, "KWT", "Kuwait"),
		term(2018, 2018, "NLD", "Netherlands"),
		term(2018, 2019, "PER", "Peru"),
		term(2018, 2019, "POL", "Poland"),

		// Terms beginning in 2019.
		term(2019, 2020, "BEL", "Belgium"),
		term(2019, 2020, "DOM", "Dominican Republic"),
		term(2019, 2020, "DEU", "Germany"),
		term(2019, 2020, "IDN", "Indonesia"),
		term(2019, 2020, "ZAF", "South Africa"),

		// Terms beginning in 2020.
		term(2020, 2021, "EST", "Estonia"),
		term(2020, 2021, "NER", "Niger"),
		term(2020, 2021, "VCT", "Saint Vincent and the Grenadines"),
		term(2020, 2021, "TUN", "Tunisia"),
		term(2020, 2021, "VNM", "Viet Nam"),

		// Terms beginning in 2021.
		term(2021, 2022, "IND", "India"),
		term(2021, 2022, "IRL", "Ireland"),
		term(2021, 2022, "KEN", "Kenya"),
		term(2021, 2022, "MEX", "Mexico"),
		term(2021, 2022, "NOR", "Norway"),

		// Terms beginning in 2022.
		term(2022, 2023, "ALB", "Albania"),
		term(2022, 2023, "BRA", "Brazil"),
		term(2022, 2023, "GAB", "Gabon"),
		term(2022, 2023, "GHA", "Ghana"),
		term(2022, 2023, "ARE", "United Arab Emirates"),

		// Terms beginning in 2023.
		term(2023, 2024, "ECU", "Ecuador"),
		term(2023, 2024, "JPN", "Japan"),
		term(2023, 2024, "MLT", "Malta"),
		term(2023, 2024, "MOZ", "Mozambique"),
		term(2023, 2024, "CHE", "Switzerland"),

		// Terms beginning in 2024.
		term(2024, 2025, "DZA", "Algeria"),
		term(2024, 2025, "GUY", "Guyana"),
		term(2024, 2025, "KOR", "Republic of Korea"),
		term(2024, 2025, "SLE", "Sierra Leone"),
		term(2024, 2025, "SVN", "Slovenia"),

		// Terms beginning in 2025.
		term(2025, 2026, "DNK", "Denmark"),
		term(2025, 2026, "GRC", "Greece"),
		term(2025, 2026, "PAK", "Pakistan"),
		term(2025, 2026, "PAN", "Panama"),
		term(2025, 2026, "SOM", "Somalia"),

		// Terms beginning in 2026 and 2027: members elected in June 2025 and
		// June 2026.
		term(2026, 2027, "BHR", "Bahrain"),
		term(2026, 2027, "COL", "Colombia"),
		term(2026, 2027, "COD", "Democratic Republic of the Congo"),
		term(2026, 2027, "LVA", "Latvia"),
		term(2026, 2027, "LBR", "Liberia"),

		// Terms beginning in 2027.
		term(2027, 2028, "AUT", "Austria"),
		term(2027, 2028, "KGZ", "Kyrgyzstan"),
		term(2027, 2028, "PRT", "Portugal"),
		term(2027, 2028, "TTO", "Trinidad and Tobago"),
		term(2027, 2028, "ZWE", "Zimbabwe"),
	}
}
