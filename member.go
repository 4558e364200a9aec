package unsc

import "time"

// Code is a Member State's three-letter code as the UN Digital Library writes
// it (ms_code): ISO 3166-1 alpha-3 for current states, and the library's codes
// for states that no longer exist, such as SUN (USSR), CSK (Czechoslovakia),
// DDR (German Democratic Republic), YMD (Democratic Yemen) and YUG (Yugoslavia).
type Code string

// Member is one seat's holder on the Council on a given date.
type Member struct {
	Code Code
	// Name is the state's name at the time, as the Council's records give it.
	Name string
	// Government names the government that held a seat whose holder changed
	// while the name did not: the Republic of China and the People's Republic
	// of China both sat as "China".
	Government string
	Permanent  bool
	// TermStart and TermEnd bound the member's continuous tenure of the seat.
	// TermEnd is the zero time for a permanent member still holding its seat.
	TermStart time.Time
	TermEnd   time.Time
}

// Council is the composition of the Security Council on one date.
type Council struct {
	Date time.Time
	// Required is the number of affirmative votes a decision needs: 7 while
	// the Council had 11 members, 9 since it has 15 (Art. 27(2) and (3)).
	Required int
	Members  []Member
}

// Member returns the member with the given code, if it sits on the Council.
func (c Council) Member(code Code) (Member, bool) {
	for _, m := range c.Members {
		if m.Code == code {
			return m, true
		}
	}
	return Member{}, false
}

// Size returns the number of members.
func (c Council) Size() int { return len(c.Members) }
