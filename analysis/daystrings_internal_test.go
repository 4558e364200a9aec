package analysis

import (
	"testing"
	"time"
)

// TestDayStrings checks the period's dates written in one string against
// each written alone (dayString), for days of years 1 to 9999 and beyond
// either end (written by time.Format, another length).
func TestDayStrings(t *testing.T) {
	days := []int64{0, -1, 1, -719162, 2932896, 2932897, -800000, 3000000, 20000, -9000}
	for n := int64(-719162); n <= 2932896; n += 9973 {
		days = append(days, n)
	}
	for i, a := range days {
		b, c := days[(i+1)%len(days)], days[(i+5)%len(days)]
		if x, y := dayStrings2(a, b); x != dayString(a) || y != dayString(b) {
			t.Errorf("dayStrings2(%d, %d) = %q, %q; want %q, %q", a, b, x, y, dayString(a), dayString(b))
		}
		if x, y, z := dayStrings3(a, b, c); x != dayString(a) || y != dayString(b) || z != dayString(c) {
			t.Errorf("dayStrings3(%d, %d, %d) = %q, %q, %q; want %q, %q, %q", a, b, c, x, y, z, dayString(a), dayString(b), dayString(c))
		}
	}
	if got := dayString(0); got != "1970-01-01" {
		t.Errorf("dayString(0) = %q, want 1970-01-01", got)
	}
	if got := dayString(2932897); got != "10000-01-01" {
		t.Errorf("dayString(2932897) = %q, want 10000-01-01", got)
	}
}

// TestFormatDates checks the answers' from and to written in one string
// against each written alone, either or both not given.
func TestFormatDates(t *testing.T) {
	a, b := time.Date(1990, 3, 4, 0, 0, 0, 0, time.UTC), time.Date(2029, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range [][2]time.Time{{a, b}, {a, {}}, {{}, b}, {{}, {}}, {b, a}} {
		if x, y := formatDates(c[0], c[1]); x != formatDate(c[0]) || y != formatDate(c[1]) {
			t.Errorf("formatDates(%v, %v) = %q, %q; want %q, %q", c[0], c[1], x, y, formatDate(c[0]), formatDate(c[1]))
		}
	}
}
