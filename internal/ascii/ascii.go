// Package ascii holds the byte tests the readers of symbols, codes and
// file names share, on ASCII text only.
package ascii

// IsDigits reports whether s is one or more ASCII digits, 0 to 9: a
// resolution's or a meeting's number, a year, an ID.
func IsDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
