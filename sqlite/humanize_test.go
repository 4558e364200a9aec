package sqlite

import (
	"math"
	"testing"

	"github.com/dustin/go-humanize"
)

// TestHumanizeComma: the stand-in for github.com/dustin/go-humanize that
// unsc builds with (go.mod's replace, internal/humanize), the one
// function modernc.org/libc calls, groups digits as that package's Comma
// does.
func TestHumanizeComma(t *testing.T) {
	for _, c := range []struct {
		v    int64
		want string
	}{
		{0, "0"}, {7, "7"}, {-7, "-7"}, {999, "999"}, {-999, "-999"},
		{1000, "1,000"}, {-1000, "-1,000"}, {123456, "123,456"},
		{834142, "834,142"}, {1234567, "1,234,567"}, {-12345678, "-12,345,678"},
		{math.MaxInt64, "9,223,372,036,854,775,807"},
		{math.MinInt64, "-9,223,372,036,854,775,808"},
	} {
		if got := humanize.Comma(c.v); got != c.want {
			t.Errorf("Comma(%d) = %q, want %q", c.v, got, c.want)
		}
	}
}
