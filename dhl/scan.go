package dhl

import "strings"

// The scanners here find what the expressions of the same names in
// action.go find, with the same leftmost-first choices, on text folded by
// fold. They exist because the expressions, case-insensitive and without a
// literal prefix, were most of the time spent parsing a page.

// otherHeads returns the offsets [start, end) of the matches of otherHeadRE
// in lower, a text folded by fold that is not exotic.
func otherHeads(lower string) [][2]int {
	var out [][2]int
	for i := 0; i < len(lower); i++ {
		if end := otherHeadAt(lower, i); end >= 0 {
			out = append(out, [2]int{i, end})
			i = end - 1
		}
	}
	return out
}

// otherHeadAt returns the end of the match of otherHeadRE starting at i, or
// -1, trying its alternatives in order.
func otherHeadAt(s string, i int) int {
	rest := s[i:]
	switch s[i] {
	case 's':
		// S/PRST/\d{4}/\d+
		if strings.HasPrefix(rest, "s/prst/") {
			j := i + len("s/prst/")
			if j+5 < len(s) && skipDigits(s, j) == j+4 && s[j+4] == '/' {
				if k := skipDigits(s, j+5); k > j+5 {
					return k
				}
			}
		}
		// S/(?:PV\.\s*)?\d+\s*\(\s*PRST\s*\)
		if strings.HasPrefix(rest, "s/") {
			j := i + 2
			if strings.HasPrefix(s[j:], "pv.") {
				j = skipSpace(s, j+3)
			}
			k := skipDigits(s, j)
			if k == j {
				return -1
			}
			k = skipSpace(s, k)
			if k >= len(s) || s[k] != '(' {
				return -1
			}
			k = skipSpace(s, k+1)
			if !strings.HasPrefix(s[k:], "prst") {
				return -1
			}
			k = skipSpace(s, k+4)
			if k < len(s) && s[k] == ')' {
				return k + 1
			}
		}
	case 'p':
		// \bPRST\b
		if strings.HasPrefix(rest, "prst") && wordStart(s, i) && wordEnd(s, i+4) {
			return i + 4
		}
	case 'c':
		// communiqu[eé]
		if strings.HasPrefix(rest, "communiqu") {
			switch r := rest[len("communiqu"):]; {
			case strings.HasPrefix(r, "e"):
				return i + len("communiqu") + 1
			case strings.HasPrefix(r, "é"), strings.HasPrefix(r, "É"):
				return i + len("communiqu") + len("é")
			}
		}
	case 'n':
		// \bnote\s*\(
		if strings.HasPrefix(rest, "note") && wordStart(s, i) {
			if k := skipSpace(s, i+4); k < len(s) && s[k] == '(' {
				return k + 1
			}
		}
	case 'l':
		// \bletter\s*\(
		if strings.HasPrefix(rest, "letter") && wordStart(s, i) {
			if k := skipSpace(s, i+6); k < len(s) && s[k] == '(' {
				return k + 1
			}
		}
	case 'e':
		// \belection\s+of
		if strings.HasPrefix(rest, "election") && wordStart(s, i) {
			j := i + len("election")
			if k := skipSpace(s, j); k > j && strings.HasPrefix(s[k:], "of") {
				return k + 2
			}
		}
	case 'd':
		// \bdecision\b
		if strings.HasPrefix(rest, "decision") && wordStart(s, i) && wordEnd(s, i+8) {
			return i + 8
		}
	case 'r':
		// \breferral\s+to
		if strings.HasPrefix(rest, "referral") && wordStart(s, i) {
			j := i + len("referral")
			if k := skipSpace(s, j); k > j && strings.HasPrefix(s[k:], "to") {
				return k + 2
			}
		}
	}
	return -1
}

// resolutions returns the matches of resRE in lower, a text folded by fold
// that is not exotic, as FindAllStringSubmatchIndex does.
func resolutions(lower string) [][]int {
	var out [][]int
	for i := 0; i < len(lower); {
		j := strings.Index(lower[i:], "s/")
		if j < 0 {
			break
		}
		p := i + j
		i = p + 1
		k := skipSpace(lower, p+2)
		if !strings.HasPrefix(lower[k:], "res/") {
			continue
		}
		k = skipSpace(lower, k+4)
		d := skipDigits(lower, k)
		if d == k {
			continue
		}
		m := []int{p, 0, k, d, -1, -1}
		end := skipSpace(lower, d)
		if end < len(lower) && lower[end] == '(' {
			y := skipSpace(lower, end+1)
			if y+4 <= len(lower) && skipDigits(lower, y) >= y+4 {
				if z := skipSpace(lower, y+4); z < len(lower) && lower[z] == ')' {
					m[4], m[5] = y, y+4
					end = z + 1
				}
			}
		}
		m[1] = end
		out = append(out, m)
		i = end
	}
	return out
}

// tally returns the first match of tallyRE in s, as FindStringSubmatchIndex
// does: "14-0-1", "9 - 1 - 1 - 1".
func tally(s string) []int {
	for i := 0; i < len(s); i++ {
		if m := tallyAt(s, i); m != nil {
			return m
		}
	}
	return nil
}

func tallyAt(s string, i int) []int {
	if s[i] < '0' || s[i] > '9' {
		return nil
	}
	m := make([]int, 10)
	at := i
	// Each of the first two counts must be the whole run of digits, as a
	// digit cannot stand before the hyphen that follows.
	for g := 1; g <= 2; g++ {
		d := skipDigits(s, at)
		if d == at || d-at > 3 {
			return nil
		}
		m[2*g], m[2*g+1] = at, d
		k := skipSpace(s, d)
		if k >= len(s) || s[k] != '-' {
			return nil
		}
		at = skipSpace(s, k+1)
	}
	d := min(skipDigits(s, at), at+3)
	if d == at {
		return nil
	}
	m[6], m[7] = at, d
	m[0], m[1] = i, d
	m[8], m[9] = -1, -1
	if k := skipSpace(s, d); k < len(s) && s[k] == '-' {
		e := skipSpace(s, k+1)
		if f := min(skipDigits(s, e), e+3); f > e {
			m[8], m[9] = e, f
			m[1] = f
		}
	}
	return m
}

// paragraphs returns the offsets at which the paragraphs of text start:
// paragraphs are separated by an empty line ("<br> <br>"), a line of
// nothing but white space or no-break spaces.
func paragraphs(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		k := i + j + 1
		for k < len(text) {
			if c := text[k]; c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				k++
			} else if c == 0xc2 && k+1 < len(text) && text[k+1] == 0xa0 {
				k += 2
			} else {
				break
			}
		}
		if k < len(text) && text[k] == '\n' {
			starts = append(starts, k+1)
			i = k + 1
		} else {
			i += j + 1
		}
	}
	return starts
}
