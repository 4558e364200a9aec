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
	"time"

	"unsc"
	"unsc/internal/lazy"
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
	// The members whose facts apply on day n, in the Council's order,
	// each made from its row: a question about one day makes fifteen
	// facts, not the table.
	members := make([]unsc.Member, 0, 15)
	for _, o := range councilOrder {
		if int64(o.first) <= n && n <= int64(o.last) {
			members = append(members, rows[o.at].fact().Member)
		}
	}
	return unsc.Council{Date: day(y, m, dd), Required: eraOn(n).required, Members: members}, nil
}

// SeatsOn returns the codes of the members of CouncilOn(d), in the same
// order, without making the members; an error where CouncilOn gives one.
func SeatsOn(d time.Time) ([]unsc.Code, error) {
	y, m, dd := d.Date()
	n := civilDay(y, m, dd)
	if n < firstDay || n > lastDay {
		_, err := CouncilOn(d)
		return nil, err
	}
	codes := make([]unsc.Code, 0, 15)
	for _, o := range councilOrder {
		if int64(o.first) <= n && n <= int64(o.last) {
			codes = append(codes, rows[o.at].code)
		}
	}
	return codes, nil
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
	table := factTable.Get()
	out := make([]unsc.Member, 0, len(table))
	for _, at := range tenureOrder {
		out = append(out, table[at].Member)
	}
	return out
}

// TenuresOf returns the tenures of Tenures whose code is one of codes, in
// Tenures' order: a question about one member or seat makes only its
// facts, not the table.
func TenuresOf(codes ...unsc.Code) []unsc.Member {
	var out []unsc.Member
	for _, at := range tenureOrder {
		if slices.Contains(codes, rows[at].code) {
			out = append(out, rows[at].fact().Member)
		}
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
	if t.Location() == time.UTC {
		// A UTC time's date is its Unix day (floored: days before 1970
		// are negative), with no calendar to work out.
		s := t.Unix()
		d := s / 86400
		if s%86400 < 0 {
			d--
		}
		return d
	}
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

// councilOrder and tenureOrder are the table's rows in the Council's order
// (with the first and last day on which each applies, as day numbers:
// lastDay while it still does) and in the order of Tenures. They are
// constants (order.go), written by `go test ./charter -run TestOrders
// -update` from the rows, so that no command sorts the table at its start;
// TestOrders fails when the rows change and the orders were not written
// again.
type placeDays struct {
	at          int16
	first, last int32
}

// NameNearest returns the state's name on date, for a state that sat on
// the Council: that of the tenure whose term (TermStart to TermEnd, as
// Tenures gives them) is nearest to date, none nearer than one that holds
// it, the first in Tenures' order where several are as near — unless the
// state took a new name after that term began and on or before date,
// between its terms (renamings), and then the new name: Belarus, not the
// Byelorussian SSR, on a draft of 2023. False for a code that never sat
// on the Council.
func NameNearest(code unsc.Code, date time.Time) (string, bool) {
	name, best := "", time.Duration(math.MaxInt64)
	var start time.Time
	for _, at := range tenureOrder {
		if rows[at].code != code {
			continue
		}
		f := rows[at].fact()
		m := &f.Member
		dist := time.Duration(0)
		switch {
		case date.Before(m.TermStart):
			dist = m.TermStart.Sub(date)
		case !m.TermEnd.IsZero() && date.After(m.TermEnd):
			dist = date.Sub(m.TermEnd)
		}
		if name == "" || dist < best {
			name, best, start = m.Name, dist, m.TermStart
		}
	}
	for _, r := range renamings {
		if r.code == code && r.from.Before(date.AddDate(0, 0, 1)) && start.Before(r.from) {
			name = r.name
		}
	}
	return name, name != ""
}

// renamings are the names states that sat on the Council took between
// their terms, with the day the UN took the new name, in the order taken
// (the UN's list of Member States and its notes on their names,
// https://www.un.org/en/about-us/member-states). A name taken during a
// term is the table's (rows).
var renamings = []struct {
	code unsc.Code
	from time.Time
	name string
}{
	{"LKA", time.Date(1972, time.May, 22, 0, 0, 0, 0, time.UTC), "Sri Lanka"},
	{"BLR", time.Date(1991, time.September, 19, 0, 0, 0, 0, time.UTC), "Belarus"},
	{"COD", time.Date(1997, time.May, 17, 0, 0, 0, 0, time.UTC), "Democratic Republic of the Congo"},
	{"LBY", time.Date(2011, time.September, 16, 0, 0, 0, 0, time.UTC), "Libya"},
	{"CPV", time.Date(2013, time.October, 24, 0, 0, 0, 0, time.UTC), "Cabo Verde"},
	// The short name the Czech Republic's mission asked the UN to use
	// (https://www.un.org/en/about-us/member-states/czechoslovakia).
	{"CZE", time.Date(2016, time.May, 17, 0, 0, 0, 0, time.UTC), "Czechia"},
	{"TUR", time.Date(2022, time.June, 1, 0, 0, 0, 0, time.UTC), "Türkiye"},
}

// factTable is the table: the permanent seats, then every elected
// member's term. Names are the names at the time, as the Council's records
// give them. It is made on first use, not at the start of every command.
var factTable = lazy.Value[[]fact]{Make: facts}

// facts makes the table.
func facts() []fact {
	out := make([]fact, len(rows))
	for i := range rows {
		out[i] = rows[i].fact()
	}
	return out
}

// row is one row of the table as written: an elected member's term of
// years, or a permanent seat's days; a term that passed to another state
// within its years, the days it held; and a name borne for part of the
// term, the days it was borne. Rows are constants, laid out in the program
// as they are, so that reading them runs no code.
type row struct {
	code             unsc.Code
	name, government string
	permanent        bool
	first, last      int16 // an elected term's years
	start, end       ymd   // a permanent seat's days, or a term's that passed
	from, to         ymd   // the days the name applies, where it changed
}

// ymd is a calendar day; the zero value is none.
type ymd struct {
	y    int16
	m, d int8
}

func (d ymd) time() time.Time {
	if d == (ymd{}) {
		return time.Time{}
	}
	return day(int(d.y), time.Month(d.m), int(d.d))
}

// fact is the row as term, permanent, between, until and since make it.
func (r *row) fact() fact {
	var f fact
	if r.permanent {
		f = permanent(r.code, r.name, r.government, r.start.time(), r.end.time())
	} else {
		f = term(int(r.first), int(r.last), r.code, r.name)
		if r.start != (ymd{}) {
			f = f.between(r.start.time(), r.end.time())
		}
	}
	if r.to != (ymd{}) {
		f = f.until(r.to.time())
	}
	if r.from != (ymd{}) {
		f = f.since(r.from.time())
	}
	return f
}

var rows = [...]row{
	// The China seat: the Republic of China until GA res 2758 (XXVI) of
	// 25 October 1971, then the People's Republic of China.
	{code: "CHN", name: "China", government: "Republic of China", permanent: true, start: ymd{1946, 1, 17}, end: ymd{1971, 10, 24}},
	{code: "CHN", name: "China", government: "People's Republic of China", permanent: true, start: ymd{1971, 10, 25}},
	{code: "FRA", name: "France", permanent: true, start: ymd{1946, 1, 17}},
	// The USSR seat, continued by the Russian Federation from 24 December
	// 1991 (letter of President Yeltsin to the Secretary-General).
	{code: "SUN", name: "Union of Soviet Socialist Republics", permanent: true, start: ymd{1946, 1, 17}, end: ymd{1991, 12, 23}},
	{code: "RUS", name: "Russian Federation", permanent: true, start: ymd{1991, 12, 24}},
	{code: "GBR", name: "United Kingdom", permanent: true, start: ymd{1946, 1, 17}},
	{code: "USA", name: "United States", permanent: true, start: ymd{1946, 1, 17}},

	// Terms beginning in 1946. Egypt, Mexico and the Netherlands drew
	// one-year terms.
	{code: "AUS", name: "Australia", first: 1946, last: 1947},
	{code: "BRA", name: "Brazil", first: 1946, last: 1947},
	{code: "EGY", name: "Egypt", first: 1946, last: 1946},
	{code: "MEX", name: "Mexico", first: 1946, last: 1946},
	{code: "NLD", name: "Netherlands", first: 1946, last: 1946},
	{code: "POL", name: "Poland", first: 1946, last: 1947},

	// Terms beginning in 1947.
	{code: "BEL", name: "Belgium", first: 1947, last: 1948},
	{code: "COL", name: "Colombia", first: 1947, last: 1948},
	{code: "SYR", name: "Syria", first: 1947, last: 1948},

	// Terms beginning in 1948.
	{code: "ARG", name: "Argentina", first: 1948, last: 1949},
	{code: "CAN", name: "Canada", first: 1948, last: 1949},
	{code: "UKR", name: "Ukrainian Soviet Socialist Republic", first: 1948, last: 1949},

	// Terms beginning in 1949.
	{code: "CUB", name: "Cuba", first: 1949, last: 1950},
	{code: "EGY", name: "Egypt", first: 1949, last: 1950},
	{code: "NOR", name: "Norway", first: 1949, last: 1950},

	// Terms beginning in 1950.
	{code: "ECU", name: "Ecuador", first: 1950, last: 1951},
	{code: "IND", name: "India", first: 1950, last: 1951},
	{code: "YUG", name: "Yugoslavia", first: 1950, last: 1951},

	// Terms beginning in 1951.
	{code: "BRA", name: "Brazil", first: 1951, last: 1952},
	{code: "NLD", name: "Netherlands", first: 1951, last: 1952},
	{code: "TUR", name: "Turkey", first: 1951, last: 1952},

	// Terms beginning in 1952.
	{code: "CHL", name: "Chile", first: 1952, last: 1953},
	{code: "GRC", name: "Greece", first: 1952, last: 1953},
	{code: "PAK", name: "Pakistan", first: 1952, last: 1953},

	// Terms beginning in 1953.
	{code: "COL", name: "Colombia", first: 1953, last: 1954},
	{code: "DNK", name: "Denmark", first: 1953, last: 1954},
	{code: "LBN", name: "Lebanon", first: 1953, last: 1954},

	// Terms beginning in 1954.
	{code: "BRA", name: "Brazil", first: 1954, last: 1955},
	{code: "NZL", name: "New Zealand", first: 1954, last: 1955},
	{code: "TUR", name: "Turkey", first: 1954, last: 1955},

	// Terms beginning in 1955.
	{code: "BEL", name: "Belgium", first: 1955, last: 1956},
	{code: "IRN", name: "Iran", first: 1955, last: 1956},
	{code: "PER", name: "Peru", first: 1955, last: 1956},

	// Terms beginning in 1956.
	{code: "AUS", name: "Australia", first: 1956, last: 1957},
	{code: "CUB", name: "Cuba", first: 1956, last: 1957},
	// Yugoslavia and the Philippines split the 1956-57 term.
	{code: "YUG", name: "Yugoslavia", first: 1956, last: 1956},

	// Terms beginning in 1957.
	{code: "COL", name: "Colombia", first: 1957, last: 1958},
	{code: "IRQ", name: "Iraq", first: 1957, last: 1958},
	{code: "PHL", name: "Philippines", first: 1957, last: 1957},
	{code: "SWE", name: "Sweden", first: 1957, last: 1958},

	// Terms beginning in 1958.
	{code: "CAN", name: "Canada", first: 1958, last: 1959},
	{code: "JPN", name: "Japan", first: 1958, last: 1959},
	{code: "PAN", name: "Panama", first: 1958, last: 1959},

	// Terms beginning in 1959.
	{code: "ARG", name: "Argentina", first: 1959, last: 1960},
	{code: "ITA", name: "Italy", first: 1959, last: 1960},
	{code: "TUN", name: "Tunisia", first: 1959, last: 1960},

	// Terms beginning in 1960.
	{code: "ECU", name: "Ecuador", first: 1960, last: 1961},
	// Poland and Turkey split the 1960-61 term.
	{code: "POL", name: "Poland", first: 1960, last: 1960},
	{code: "LKA", name: "Ceylon", first: 1960, last: 1961},

	// Terms beginning in 1961.
	{code: "CHL", name: "Chile", first: 1961, last: 1962},
	// Liberia and Ireland split the 1961-62 term.
	{code: "LBR", name: "Liberia", first: 1961, last: 1961},
	{code: "TUR", name: "Turkey", first: 1961, last: 1961},
	{code: "EGY", name: "United Arab Republic", first: 1961, last: 1962},

	// Terms beginning in 1962.
	{code: "GHA", name: "Ghana", first: 1962, last: 1963},
	{code: "IRL", name: "Ireland", first: 1962, last: 1962},
	// Romania and the Philippines split the 1962-63 term.
	{code: "ROU", name: "Romania", first: 1962, last: 1962},
	{code: "VEN", name: "Venezuela", first: 1962, last: 1963},

	// Terms beginning in 1963.
	{code: "BRA", name: "Brazil", first: 1963, last: 1964},
	{code: "MAR", name: "Morocco", first: 1963, last: 1964},
	{code: "NOR", name: "Norway", first: 1963, last: 1964},
	{code: "PHL", name: "Philippines", first: 1963, last: 1963},

	// Terms beginning in 1964.
	{code: "BOL", name: "Bolivia", first: 1964, last: 1965},
	{code: "CIV", name: "Ivory Coast", first: 1964, last: 1965},
	// Czechoslovakia and Malaysia split the 1964-65 term.
	{code: "CSK", name: "Czechoslovakia", first: 1964, last: 1964},

	// Terms beginning in 1965.
	{code: "JOR", name: "Jordan", first: 1965, last: 1966},
	{code: "MYS", name: "Malaysia", first: 1965, last: 1965},
	{code: "NLD", name: "Netherlands", first: 1965, last: 1966},
	{code: "URY", name: "Uruguay", first: 1965, last: 1966},

	// Terms beginning in 1966, the first year of the 15-member Council. New
	// Zealand and Uganda were elected for one year.
	{code: "ARG", name: "Argentina", first: 1966, last: 1967},
	{code: "BGR", name: "Bulgaria", first: 1966, last: 1967},
	{code: "JPN", name: "Japan", first: 1966, last: 1967},
	{code: "MLI", name: "Mali", first: 1966, last: 1967},
	{code: "NZL", name: "New Zealand", first: 1966, last: 1966},
	{code: "NGA", name: "Nigeria", first: 1966, last: 1967},
	{code: "UGA", name: "Uganda", first: 1966, last: 1966},

	// Terms beginning in 1967.
	{code: "BRA", name: "Brazil", first: 1967, last: 1968},
	{code: "CAN", name: "Canada", first: 1967, last: 1968},
	{code: "DNK", name: "Denmark", first: 1967, last: 1968},
	{code: "ETH", name: "Ethiopia", first: 1967, last: 1968},
	{code: "IND", name: "India", first: 1967, last: 1968},

	// Terms beginning in 1968.
	{code: "DZA", name: "Algeria", first: 1968, last: 1969},
	{code: "HUN", name: "Hungary", first: 1968, last: 1969},
	{code: "PAK", name: "Pakistan", first: 1968, last: 1969},
	{code: "PRY", name: "Paraguay", first: 1968, last: 1969},
	{code: "SEN", name: "Senegal", first: 1968, last: 1969},

	// Terms beginning in 1969.
	{code: "COL", name: "Colombia", first: 1969, last: 1970},
	{code: "FIN", name: "Finland", first: 1969, last: 1970},
	{code: "NPL", name: "Nepal", first: 1969, last: 1970},
	{code: "ESP", name: "Spain", first: 1969, last: 1970},
	{code: "ZMB", name: "Zambia", first: 1969, last: 1970},

	// Terms beginning in 1970.
	{code: "BDI", name: "Burundi", first: 1970, last: 1971},
	{code: "NIC", name: "Nicaragua", first: 1970, last: 1971},
	{code: "POL", name: "Poland", first: 1970, last: 1971},
	{code: "SLE", name: "Sierra Leone", first: 1970, last: 1971},
	{code: "SYR", name: "Syrian Arab Republic", first: 1970, last: 1971},

	// Terms beginning in 1971.
	{code: "ARG", name: "Argentina", first: 1971, last: 1972},
	{code: "BEL", name: "Belgium", first: 1971, last: 1972},
	{code: "ITA", name: "Italy", first: 1971, last: 1972},
	{code: "JPN", name: "Japan", first: 1971, last: 1972},
	{code: "SOM", name: "Somalia", first: 1971, last: 1972},

	// Terms beginning in 1972.
	{code: "GIN", name: "Guinea", first: 1972, last: 1973},
	{code: "IND", name: "India", first: 1972, last: 1973},
	{code: "PAN", name: "Panama", first: 1972, last: 1973},
	{code: "SDN", name: "Sudan", first: 1972, last: 1973},
	{code: "YUG", name: "Yugoslavia", first: 1972, last: 1973},

	// Terms beginning in 1973.
	{code: "AUS", name: "Australia", first: 1973, last: 1974},
	{code: "AUT", name: "Austria", first: 1973, last: 1974},
	{code: "IDN", name: "Indonesia", first: 1973, last: 1974},
	{code: "KEN", name: "Kenya", first: 1973, last: 1974},
	{code: "PER", name: "Peru", first: 1973, last: 1974},

	// Terms beginning in 1974.
	{code: "BLR", name: "Byelorussian Soviet Socialist Republic", first: 1974, last: 1975},
	{code: "CMR", name: "United Republic of Cameroon", first: 1974, last: 1975},
	{code: "CRI", name: "Costa Rica", first: 1974, last: 1975},
	{code: "IRQ", name: "Iraq", first: 1974, last: 1975},
	{code: "MRT", name: "Mauritania", first: 1974, last: 1975},

	// Terms beginning in 1975.
	{code: "GUY", name: "Guyana", first: 1975, last: 1976},
	{code: "ITA", name: "Italy", first: 1975, last: 1976},
	{code: "JPN", name: "Japan", first: 1975, last: 1976},
	{code: "SWE", name: "Sweden", first: 1975, last: 1976},
	{code: "TZA", name: "United Republic of Tanzania", first: 1975, last: 1976},

	// Terms beginning in 1976.
	{code: "BEN", name: "Benin", first: 1976, last: 1977},
	// The Libyan Arab Republic became the Libyan Arab Jamahiriya on 2 March
	// 1977 (Declaration on the Establishment of the Authority of the People).
	{code: "LBY", name: "Libyan Arab Republic", first: 1976, last: 1977, to: ymd{1977, 3, 1}},
	{code: "LBY", name: "Libyan Arab Jamahiriya", first: 1976, last: 1977, from: ymd{1977, 3, 2}},
	{code: "PAK", name: "Pakistan", first: 1976, last: 1977},
	{code: "PAN", name: "Panama", first: 1976, last: 1977},
	{code: "ROU", name: "Romania", first: 1976, last: 1977},

	// Terms beginning in 1977.
	{code: "CAN", name: "Canada", first: 1977, last: 1978},
	{code: "DEU", name: "Federal Republic of Germany", first: 1977, last: 1978},
	{code: "IND", name: "India", first: 1977, last: 1978},
	{code: "MUS", name: "Mauritius", first: 1977, last: 1978},
	{code: "VEN", name: "Venezuela", first: 1977, last: 1978},

	// Terms beginning in 1978.
	{code: "BOL", name: "Bolivia", first: 1978, last: 1979},
	{code: "CSK", name: "Czechoslovakia", first: 1978, last: 1979},
	{code: "GAB", name: "Gabon", first: 1978, last: 1979},
	{code: "KWT", name: "Kuwait", first: 1978, last: 1979},
	{code: "NGA", name: "Nigeria", first: 1978, last: 1979},

	// Terms beginning in 1979.
	{code: "BGD", name: "Bangladesh", first: 1979, last: 1980},
	{code: "JAM", name: "Jamaica", first: 1979, last: 1980},
	{code: "NOR", name: "Norway", first: 1979, last: 1980},
	{code: "PRT", name: "Portugal", first: 1979, last: 1980},
	{code: "ZMB", name: "Zambia", first: 1979, last: 1980},

	// Terms beginning in 1980.
	{code: "DDR", name: "German Democratic Republic", first: 1980, last: 1981},
	{code: "MEX", name: "Mexico", first: 1980, last: 1981},
	{code: "NER", name: "Niger", first: 1980, last: 1981},
	{code: "PHL", name: "Philippines", first: 1980, last: 1981},
	{code: "TUN", name: "Tunisia", first: 1980, last: 1981},

	// Terms beginning in 1981.
	{code: "IRL", name: "Ireland", first: 1981, last: 1982},
	{code: "JPN", name: "Japan", first: 1981, last: 1982},
	{code: "PAN", name: "Panama", first: 1981, last: 1982},
	{code: "ESP", name: "Spain", first: 1981, last: 1982},
	{code: "UGA", name: "Uganda", first: 1981, last: 1982},

	// Terms beginning in 1982.
	{code: "COD", name: "Zaire", first: 1982, last: 1983},
	{code: "GUY", name: "Guyana", first: 1982, last: 1983},
	{code: "JOR", name: "Jordan", first: 1982, last: 1983},
	{code: "POL", name: "Poland", first: 1982, last: 1983},
	{code: "TGO", name: "Togo", first: 1982, last: 1983},

	// Terms beginning in 1983.
	{code: "MLT", name: "Malta", first: 1983, last: 1984},
	{code: "NLD", name: "Netherlands", first: 1983, last: 1984},
	{code: "NIC", name: "Nicaragua", first: 1983, last: 1984},
	{code: "PAK", name: "Pakistan", first: 1983, last: 1984},
	{code: "ZWE", name: "Zimbabwe", first: 1983, last: 1984},

	// Terms beginning in 1984.
	// Upper Volta took the name Burkina Faso on 4 August 1984.
	{code: "BFA", name: "Upper Volta", first: 1984, last: 1985, to: ymd{1984, 8, 3}},
	{code: "BFA", name: "Burkina Faso", first: 1984, last: 1985, from: ymd{1984, 8, 4}},
	{code: "EGY", name: "Egypt", first: 1984, last: 1985},
	{code: "IND", name: "India", first: 1984, last: 1985},
	{code: "PER", name: "Peru", first: 1984, last: 1985},
	{code: "UKR", name: "Ukrainian Soviet Socialist Republic", first: 1984, last: 1985},

	// Terms beginning in 1985.
	{code: "AUS", name: "Australia", first: 1985, last: 1986},
	{code: "DNK", name: "Denmark", first: 1985, last: 1986},
	{code: "MDG", name: "Madagascar", first: 1985, last: 1986},
	{code: "THA", name: "Thailand", first: 1985, last: 1986},
	{code: "TTO", name: "Trinidad and Tobago", first: 1985, last: 1986},

	// Terms beginning in 1986.
	{code: "BGR", name: "Bulgaria", first: 1986, last: 1987},
	{code: "COG", name: "Congo", first: 1986, last: 1987},
	{code: "GHA", name: "Ghana", first: 1986, last: 1987},
	{code: "ARE", name: "United Arab Emirates", first: 1986, last: 1987},
	{code: "VEN", name: "Venezuela", first: 1986, last: 1987},

	// Terms beginning in 1987.
	{code: "ARG", name: "Argentina", first: 1987, last: 1988},
	{code: "DEU", name: "Federal Republic of Germany", first: 1987, last: 1988},
	{code: "ITA", name: "Italy", first: 1987, last: 1988},
	{code: "JPN", name: "Japan", first: 1987, last: 1988},
	{code: "ZMB", name: "Zambia", first: 1987, last: 1988},

	// Terms beginning in 1988.
	{code: "DZA", name: "Algeria", first: 1988, last: 1989},
	{code: "BRA", name: "Brazil", first: 1988, last: 1989},
	{code: "NPL", name: "Nepal", first: 1988, last: 1989},
	{code: "SEN", name: "Senegal", first: 1988, last: 1989},
	{code: "YUG", name: "Yugoslavia", first: 1988, last: 1989},

	// Terms beginning in 1989.
	{code: "CAN", name: "Canada", first: 1989, last: 1990},
	{code: "COL", name: "Colombia", first: 1989, last: 1990},
	{code: "ETH", name: "Ethiopia", first: 1989, last: 1990},
	{code: "FIN", name: "Finland", first: 1989, last: 1990},
	{code: "MYS", name: "Malaysia", first: 1989, last: 1990},

	// Terms beginning in 1990.
	{code: "CIV", name: "Côte d'Ivoire", first: 1990, last: 1991},
	{code: "CUB", name: "Cuba", first: 1990, last: 1991},
	{code: "COD", name: "Zaire", first: 1990, last: 1991},
	{code: "ROU", name: "Romania", first: 1990, last: 1991},
	// Democratic Yemen and the Yemen Arab Republic united on 22 May 1990;
	// the Republic of Yemen continued the seat.
	{code: "YMD", name: "Democratic Yemen", first: 1990, last: 1991, start: ymd{1990, 1, 1}, end: ymd{1990, 5, 21}},
	{code: "YEM", name: "Yemen", first: 1990, last: 1991, start: ymd{1990, 5, 22}, end: ymd{1991, 12, 31}},

	// Terms beginning in 1991.
	{code: "AUT", name: "Austria", first: 1991, last: 1992},
	{code: "BEL", name: "Belgium", first: 1991, last: 1992},
	{code: "ECU", name: "Ecuador", first: 1991, last: 1992},
	{code: "IND", name: "India", first: 1991, last: 1992},
	{code: "ZWE", name: "Zimbabwe", first: 1991, last: 1992},

	// Terms beginning in 1992.
	{code: "CPV", name: "Cape Verde", first: 1992, last: 1993},
	{code: "HUN", name: "Hungary", first: 1992, last: 1993},
	{code: "JPN", name: "Japan", first: 1992, last: 1993},
	{code: "MAR", name: "Morocco", first: 1992, last: 1993},
	{code: "VEN", name: "Venezuela", first: 1992, last: 1993},

	// Terms beginning in 1993.
	{code: "BRA", name: "Brazil", first: 1993, last: 1994},
	{code: "DJI", name: "Djibouti", first: 1993, last: 1994},
	{code: "NZL", name: "New Zealand", first: 1993, last: 1994},
	{code: "PAK", name: "Pakistan", first: 1993, last: 1994},
	{code: "ESP", name: "Spain", first: 1993, last: 1994},

	// Terms beginning in 1994.
	{code: "ARG", name: "Argentina", first: 1994, last: 1995},
	{code: "CZE", name: "Czech Republic", first: 1994, last: 1995},
	{code: "NGA", name: "Nigeria", first: 1994, last: 1995},
	{code: "OMN", name: "Oman", first: 1994, last: 1995},
	{code: "RWA", name: "Rwanda", first: 1994, last: 1995},

	// Terms beginning in 1995.
	{code: "BWA", name: "Botswana", first: 1995, last: 1996},
	{code: "DEU", name: "Germany", first: 1995, last: 1996},
	{code: "HND", name: "Honduras", first: 1995, last: 1996},
	{code: "IDN", name: "Indonesia", first: 1995, last: 1996},
	{code: "ITA", name: "Italy", first: 1995, last: 1996},

	// Terms beginning in 1996.
	{code: "CHL", name: "Chile", first: 1996, last: 1997},
	{code: "EGY", name: "Egypt", first: 1996, last: 1997},
	{code: "GNB", name: "Guinea-Bissau", first: 1996, last: 1997},
	{code: "POL", name: "Poland", first: 1996, last: 1997},
	{code: "KOR", name: "Republic of Korea", first: 1996, last: 1997},

	// Terms beginning in 1997.
	{code: "CRI", name: "Costa Rica", first: 1997, last: 1998},
	{code: "JPN", name: "Japan", first: 1997, last: 1998},
	{code: "KEN", name: "Kenya", first: 1997, last: 1998},
	{code: "PRT", name: "Portugal", first: 1997, last: 1998},
	{code: "SWE", name: "Sweden", first: 1997, last: 1998},

	// Terms beginning in 1998.
	{code: "BHR", name: "Bahrain", first: 1998, last: 1999},
	{code: "BRA", name: "Brazil", first: 1998, last: 1999},
	{code: "GAB", name: "Gabon", first: 1998, last: 1999},
	{code: "GMB", name: "Gambia", first: 1998, last: 1999},
	{code: "SVN", name: "Slovenia", first: 1998, last: 1999},

	// Terms beginning in 1999.
	{code: "ARG", name: "Argentina", first: 1999, last: 2000},
	{code: "CAN", name: "Canada", first: 1999, last: 2000},
	{code: "MYS", name: "Malaysia", first: 1999, last: 2000},
	{code: "NAM", name: "Namibia", first: 1999, last: 2000},
	{code: "NLD", name: "Netherlands", first: 1999, last: 2000},

	// Terms beginning in 2000.
	{code: "BGD", name: "Bangladesh", first: 2000, last: 2001},
	{code: "JAM", name: "Jamaica", first: 2000, last: 2001},
	{code: "MLI", name: "Mali", first: 2000, last: 2001},
	{code: "TUN", name: "Tunisia", first: 2000, last: 2001},
	{code: "UKR", name: "Ukraine", first: 2000, last: 2001},

	// Terms beginning in 2001.
	{code: "COL", name: "Colombia", first: 2001, last: 2002},
	{code: "IRL", name: "Ireland", first: 2001, last: 2002},
	{code: "MUS", name: "Mauritius", first: 2001, last: 2002},
	{code: "NOR", name: "Norway", first: 2001, last: 2002},
	{code: "SGP", name: "Singapore", first: 2001, last: 2002},

	// Terms beginning in 2002.
	{code: "BGR", name: "Bulgaria", first: 2002, last: 2003},
	{code: "CMR", name: "Cameroon", first: 2002, last: 2003},
	{code: "GIN", name: "Guinea", first: 2002, last: 2003},
	{code: "MEX", name: "Mexico", first: 2002, last: 2003},
	{code: "SYR", name: "Syrian Arab Republic", first: 2002, last: 2003},

	// Terms beginning in 2003.
	{code: "AGO", name: "Angola", first: 2003, last: 2004},
	{code: "CHL", name: "Chile", first: 2003, last: 2004},
	{code: "DEU", name: "Germany", first: 2003, last: 2004},
	{code: "PAK", name: "Pakistan", first: 2003, last: 2004},
	{code: "ESP", name: "Spain", first: 2003, last: 2004},

	// Terms beginning in 2004.
	{code: "DZA", name: "Algeria", first: 2004, last: 2005},
	{code: "BEN", name: "Benin", first: 2004, last: 2005},
	{code: "BRA", name: "Brazil", first: 2004, last: 2005},
	{code: "PHL", name: "Philippines", first: 2004, last: 2005},
	{code: "ROU", name: "Romania", first: 2004, last: 2005},

	// Terms beginning in 2005.
	{code: "ARG", name: "Argentina", first: 2005, last: 2006},
	{code: "DNK", name: "Denmark", first: 2005, last: 2006},
	{code: "GRC", name: "Greece", first: 2005, last: 2006},
	{code: "JPN", name: "Japan", first: 2005, last: 2006},
	{code: "TZA", name: "United Republic of Tanzania", first: 2005, last: 2006},

	// Terms beginning in 2006.
	{code: "COG", name: "Congo", first: 2006, last: 2007},
	{code: "GHA", name: "Ghana", first: 2006, last: 2007},
	{code: "PER", name: "Peru", first: 2006, last: 2007},
	{code: "QAT", name: "Qatar", first: 2006, last: 2007},
	{code: "SVK", name: "Slovakia", first: 2006, last: 2007},

	// Terms beginning in 2007.
	{code: "BEL", name: "Belgium", first: 2007, last: 2008},
	{code: "IDN", name: "Indonesia", first: 2007, last: 2008},
	{code: "ITA", name: "Italy", first: 2007, last: 2008},
	{code: "PAN", name: "Panama", first: 2007, last: 2008},
	{code: "ZAF", name: "South Africa", first: 2007, last: 2008},

	// Terms beginning in 2008.
	{code: "BFA", name: "Burkina Faso", first: 2008, last: 2009},
	{code: "CRI", name: "Costa Rica", first: 2008, last: 2009},
	{code: "HRV", name: "Croatia", first: 2008, last: 2009},
	{code: "LBY", name: "Libyan Arab Jamahiriya", first: 2008, last: 2009},
	{code: "VNM", name: "Viet Nam", first: 2008, last: 2009},

	// Terms beginning in 2009.
	{code: "AUT", name: "Austria", first: 2009, last: 2010},
	{code: "JPN", name: "Japan", first: 2009, last: 2010},
	{code: "MEX", name: "Mexico", first: 2009, last: 2010},
	{code: "TUR", name: "Turkey", first: 2009, last: 2010},
	{code: "UGA", name: "Uganda", first: 2009, last: 2010},

	// Terms beginning in 2010.
	{code: "BIH", name: "Bosnia and Herzegovina", first: 2010, last: 2011},
	{code: "BRA", name: "Brazil", first: 2010, last: 2011},
	{code: "GAB", name: "Gabon", first: 2010, last: 2011},
	{code: "LBN", name: "Lebanon", first: 2010, last: 2011},
	{code: "NGA", name: "Nigeria", first: 2010, last: 2011},

	// Terms beginning in 2011.
	{code: "COL", name: "Colombia", first: 2011, last: 2012},
	{code: "DEU", name: "Germany", first: 2011, last: 2012},
	{code: "IND", name: "India", first: 2011, last: 2012},
	{code: "PRT", name: "Portugal", first: 2011, last: 2012},
	{code: "ZAF", name: "South Africa", first: 2011, last: 2012},

	// Terms beginning in 2012.
	{code: "AZE", name: "Azerbaijan", first: 2012, last: 2013},
	{code: "GTM", name: "Guatemala", first: 2012, last: 2013},
	{code: "MAR", name: "Morocco", first: 2012, last: 2013},
	{code: "PAK", name: "Pakistan", first: 2012, last: 2013},
	{code: "TGO", name: "Togo", first: 2012, last: 2013},

	// Terms beginning in 2013.
	{code: "ARG", name: "Argentina", first: 2013, last: 2014},
	{code: "AUS", name: "Australia", first: 2013, last: 2014},
	{code: "LUX", name: "Luxembourg", first: 2013, last: 2014},
	{code: "KOR", name: "Republic of Korea", first: 2013, last: 2014},
	{code: "RWA", name: "Rwanda", first: 2013, last: 2014},

	// Terms beginning in 2014.
	{code: "TCD", name: "Chad", first: 2014, last: 2015},
	{code: "CHL", name: "Chile", first: 2014, last: 2015},
	{code: "JOR", name: "Jordan", first: 2014, last: 2015},
	{code: "LTU", name: "Lithuania", first: 2014, last: 2015},
	{code: "NGA", name: "Nigeria", first: 2014, last: 2015},

	// Terms beginning in 2015.
	{code: "AGO", name: "Angola", first: 2015, last: 2016},
	{code: "MYS", name: "Malaysia", first: 2015, last: 2016},
	{code: "NZL", name: "New Zealand", first: 2015, last: 2016},
	{code: "ESP", name: "Spain", first: 2015, last: 2016},
	{code: "VEN", name: "Venezuela (Bolivarian Republic of)", first: 2015, last: 2016},

	// Terms beginning in 2016.
	{code: "EGY", name: "Egypt", first: 2016, last: 2017},
	{code: "JPN", name: "Japan", first: 2016, last: 2017},
	{code: "SEN", name: "Senegal", first: 2016, last: 2017},
	{code: "UKR", name: "Ukraine", first: 2016, last: 2017},
	{code: "URY", name: "Uruguay", first: 2016, last: 2017},

	// Terms beginning in 2017.
	{code: "BOL", name: "Bolivia (Plurinational State of)", first: 2017, last: 2018},
	{code: "ETH", name: "Ethiopia", first: 2017, last: 2018},
	// Italy and the Netherlands split the 2017-18 term.
	{code: "ITA", name: "Italy", first: 2017, last: 2017},
	{code: "KAZ", name: "Kazakhstan", first: 2017, last: 2018},
	{code: "SWE", name: "Sweden", first: 2017, last: 2018},

	// Terms beginning in 2018.
	{code: "CIV", name: "Côte d'Ivoire", first: 2018, last: 2019},
	{code: "GNQ", name: "Equatorial Guinea", first: 2018, last: 2019},
	{code: "KWT", name: "Kuwait", first: 2018, last: 2019},
	{code: "NLD", name: "Netherlands", first: 2018, last: 2018},
	{code: "PER", name: "Peru", first: 2018, last: 2019},
	{code: "POL", name: "Poland", first: 2018, last: 2019},

	// Terms beginning in 2019.
	{code: "BEL", name: "Belgium", first: 2019, last: 2020},
	{code: "DOM", name: "Dominican Republic", first: 2019, last: 2020},
	{code: "DEU", name: "Germany", first: 2019, last: 2020},
	{code: "IDN", name: "Indonesia", first: 2019, last: 2020},
	{code: "ZAF", name: "South Africa", first: 2019, last: 2020},

	// Terms beginning in 2020.
	{code: "EST", name: "Estonia", first: 2020, last: 2021},
	{code: "NER", name: "Niger", first: 2020, last: 2021},
	{code: "VCT", name: "Saint Vincent and the Grenadines", first: 2020, last: 2021},
	{code: "TUN", name: "Tunisia", first: 2020, last: 2021},
	{code: "VNM", name: "Viet Nam", first: 2020, last: 2021},

	// Terms beginning in 2021.
	{code: "IND", name: "India", first: 2021, last: 2022},
	{code: "IRL", name: "Ireland", first: 2021, last: 2022},
	{code: "KEN", name: "Kenya", first: 2021, last: 2022},
	{code: "MEX", name: "Mexico", first: 2021, last: 2022},
	{code: "NOR", name: "Norway", first: 2021, last: 2022},

	// Terms beginning in 2022.
	{code: "ALB", name: "Albania", first: 2022, last: 2023},
	{code: "BRA", name: "Brazil", first: 2022, last: 2023},
	{code: "GAB", name: "Gabon", first: 2022, last: 2023},
	{code: "GHA", name: "Ghana", first: 2022, last: 2023},
	{code: "ARE", name: "United Arab Emirates", first: 2022, last: 2023},

	// Terms beginning in 2023.
	{code: "ECU", name: "Ecuador", first: 2023, last: 2024},
	{code: "JPN", name: "Japan", first: 2023, last: 2024},
	{code: "MLT", name: "Malta", first: 2023, last: 2024},
	{code: "MOZ", name: "Mozambique", first: 2023, last: 2024},
	{code: "CHE", name: "Switzerland", first: 2023, last: 2024},

	// Terms beginning in 2024.
	{code: "DZA", name: "Algeria", first: 2024, last: 2025},
	{code: "GUY", name: "Guyana", first: 2024, last: 2025},
	{code: "KOR", name: "Republic of Korea", first: 2024, last: 2025},
	{code: "SLE", name: "Sierra Leone", first: 2024, last: 2025},
	{code: "SVN", name: "Slovenia", first: 2024, last: 2025},

	// Terms beginning in 2025.
	{code: "DNK", name: "Denmark", first: 2025, last: 2026},
	{code: "GRC", name: "Greece", first: 2025, last: 2026},
	{code: "PAK", name: "Pakistan", first: 2025, last: 2026},
	{code: "PAN", name: "Panama", first: 2025, last: 2026},
	{code: "SOM", name: "Somalia", first: 2025, last: 2026},

	// Terms beginning in 2026 and 2027: members elected in June 2025 and
	// June 2026.
	{code: "BHR", name: "Bahrain", first: 2026, last: 2027},
	{code: "COL", name: "Colombia", first: 2026, last: 2027},
	{code: "COD", name: "Democratic Republic of the Congo", first: 2026, last: 2027},
	{code: "LVA", name: "Latvia", first: 2026, last: 2027},
	{code: "LBR", name: "Liberia", first: 2026, last: 2027},

	// Terms beginning in 2027.
	{code: "AUT", name: "Austria", first: 2027, last: 2028},
	{code: "KGZ", name: "Kyrgyzstan", first: 2027, last: 2028},
	{code: "PRT", name: "Portugal", first: 2027, last: 2028},
	{code: "TTO", name: "Trinidad and Tobago", first: 2027, last: 2028},
	{code: "ZWE", name: "Zimbabwe", first: 2027, last: 2028},
}
