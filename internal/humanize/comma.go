// Package humanize stands in for github.com/dustin/go-humanize in unsc's
// build (go.mod's replace): modernc.org/libc imports that package for
// Comma alone, and the package's own initialisation ran at every start
// of unsc. This one has no initialisation.
package humanize

import "strconv"

// Comma writes v in decimal with a comma between each group of three
// digits: 1234567 → "1,234,567", -1000 → "-1,000".
func Comma(v int64) string {
	digits := strconv.FormatInt(v, 10)
	sign := ""
	if digits[0] == '-' {
		sign, digits = "-", digits[1:]
	}
	out := make([]byte, 0, len(sign)+len(digits)+len(digits)/3)
	out = append(out, sign...)
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, digits[i])
	}
	return string(out)
}
