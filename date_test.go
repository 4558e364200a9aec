package unsc

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2024-02-29", "1946-01-17", "2000-02-29", "2027-12-31"} {
		d, err := ParseDate("date", s)
		if err != nil || d.Format(time.DateOnly) != s || d.Location() != time.UTC {
			t.Errorf("ParseDate(%q) = %v, %v; want that day at midnight UTC", s, d, err)
		}
	}
	tests := []struct {
		s, want string // want: a part of the message that tells the cases apart
	}{
		{"2024-02-30", "February 2024 has 29 days"},
		{"2023-02-29", "February 2023 has 28 days"},
		{"1900-02-29", "February 1900 has 28 days"},
		{"2024-04-31", "April 2024 has 30 days"},
		{"2024-01-00", "January 2024 has 31 days"},
		{"2024-13-01", "no month 13"},
		{"2024-00-10", "no month 00"},
		{"25/03/2024", "want a date as YYYY-MM-DD"},
		{"2024-3-25", "want a date as YYYY-MM-DD"},
		{"2024-03-25T00:00", "want a date as YYYY-MM-DD"},
		{"yesterday", "want a date as YYYY-MM-DD"},
		{"２０２４-03-25", "want a date as YYYY-MM-DD"},
		{"", "want a date as YYYY-MM-DD"},
	}
	for _, tt := range tests {
		_, err := ParseDate("--to", tt.s)
		var e *Error
		if !errors.As(err, &e) || e.Code != EINVALID || e.Field != "--to" || !strings.Contains(e.Message, tt.want) {
			t.Errorf("ParseDate(%q) = %v; want EINVALID on --to saying %q", tt.s, err, tt.want)
		}
	}
}
