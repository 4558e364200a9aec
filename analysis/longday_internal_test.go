package analysis

import (
	"testing"
	"time"
)

// TestLongDay checks longDay, which writes dates directly, against
// time.Parse and time.Format for every day from 1900 to 2100 and for
// strings that are no date or out of the calendar.
func TestLongDay(t *testing.T) {
	old := func(s string) string {
		d, err := time.Parse(dateLayout, s)
		if err != nil {
			return s
		}
		return d.Format("2 January 2006")
	}
	var days []string
	for d := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() <= 2100; d = d.AddDate(0, 0, 1) {
		days = append(days, d.Format(dateLayout))
	}
	days = append(days, "", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-00", "0999-12-31",
		"0001-01-01", "9999-12-31", "2024-1-01", "2024/01/01", "20240101xx", "abcd-ef-gh", "2024-01-32", "+2024-01-1")
	for _, s := range days {
		if got, want := longDay(s), old(s); got != want {
			t.Errorf("longDay(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestUndatedDay checks that the day number of a decision without a date
// is that of the zero time.
func TestUndatedDay(t *testing.T) {
	if got := dayNumber(time.Time{}); got != undatedDay {
		t.Errorf("dayNumber(time.Time{}) = %d, undatedDay %d", got, undatedDay)
	}
}
