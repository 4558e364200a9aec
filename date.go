package unsc

import (
	"time"
)

// DateLayout is how unsc writes and reads dates: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// ParseDate reads a calendar date written YYYY-MM-DD, given for field (a
// flag, a parameter, a JSON field), as midnight UTC. Text not in that form
// and a date that does not exist are told apart: both return an *Error with
// code EINVALID naming field, the one saying the form wanted ("25/03/2024":
// want a date as YYYY-MM-DD), the other what does not exist ("2024-02-30":
// no such day: February 2024 has 29 days).
func ParseDate(field, s string) (time.Time, error) {
	digits := func(s string) (int, bool) {
		n := 0
		for _, r := range s {
			if r < '0' || r > '9' {
				return 0, false
			}
			n = n*10 + int(r-'0')
		}
		return n, true
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, Errorf(EINVALID, field, "%q: want a date as YYYY-MM-DD", s)
	}
	y, okY := digits(s[:4])
	m, okM := digits(s[5:7])
	d, okD := digits(s[8:])
	if !okY || !okM || !okD {
		return time.Time{}, Errorf(EINVALID, field, "%q: want a date as YYYY-MM-DD", s)
	}
	if m < 1 || m > 12 {
		return time.Time{}, Errorf(EINVALID, field, "%q: no such date: there is no month %02d (want 01 to 12)", s, m)
	}
	// The day after the month's last is the first of the next month.
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > last {
		return time.Time{}, Errorf(EINVALID, field, "%q: no such date: %s %d has %d days", s, time.Month(m), y, last)
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil
}
