package charter

import (
	"testing"
	"time"
)

// TestDayNumberUTC checks DayNumber's UTC days against the calendar's
// (civilDay of the time's date), at the start, the middle and the last
// second of every day from 1 January 1600 to 31 December 2400, before
// 1970 included; and a time in another zone by its own date there.
func TestDayNumberUTC(t *testing.T) {
	for d := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() <= 2400; d = d.AddDate(0, 0, 1) {
		y, m, dd := d.Date()
		want := civilDay(y, m, dd)
		for _, at := range []time.Duration{0, 12*time.Hour + 345*time.Millisecond, 24*time.Hour - time.Nanosecond} {
			if got := DayNumber(d.Add(at)); got != want {
				t.Fatalf("DayNumber(%v) = %d, want %d", d.Add(at), got, want)
			}
		}
	}
	// 1 January 1970 at 02:00 in UTC+5 is 31 December 1969 in UTC: its
	// day is its own zone's.
	east := time.FixedZone("UTC+5", 5*3600)
	if got, want := DayNumber(time.Date(1970, 1, 1, 2, 0, 0, 0, east)), int64(0); got != want {
		t.Errorf("DayNumber of 1 January 1970, 02:00 UTC+5 = %d, want %d", got, want)
	}
	if got, want := DayNumber(time.Date(1969, 12, 31, 23, 0, 0, 0, time.UTC)), int64(-1); got != want {
		t.Errorf("DayNumber of 31 December 1969, 23:00 UTC = %d, want %d", got, want)
	}
}
