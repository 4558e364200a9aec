package dhl

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"unsc"
	"unsc/internal/lazy"
)

// permanent maps the names the pages give the permanent members to their
// UN Digital Library codes.
var permanent = lazy.Value[map[string]unsc.Code]{Make: func() map[string]unsc.Code {
	return map[string]unsc.Code{
		"ussr":                     "SUN",
		"soviet union":             "SUN",
		"usa":                      "USA",
		"us":                       "USA",
		"united states":            "USA",
		"united states of america": "USA",
		"uk":                       "GBR",
		"united kingdom":           "GBR",
		"france":                   "FRA",
		"china":                    "CHN",
		"russian federation":       "RUS",
		"russia":                   "RUS",
	}
}}

var memberSep = lazyRegexp(`\s*(?:,|\band\b|&|\n)\s*`)

// members reads a list of permanent members such as "France, UK and USA",
// "China\nRussian Federation" or "the Russian Federation". It returns the
// first name it does not know.
func members(s string) ([]unsc.Code, string) {
	var codes []unsc.Code
	for _, name := range memberSep.Split(strings.TrimSpace(s), -1) {
		name = strings.ToLower(strings.Join(strings.Fields(name), " "))
		name = strings.TrimPrefix(name, "the ")
		name = strings.Trim(name, ".;:()")
		if name == "" {
			continue
		}
		code, ok := permanent.Get()[name]
		if !ok {
			return nil, name
		}
		codes = append(codes, code)
	}
	return codes, ""
}

// symbolPattern matches the document symbols the pages give: resolutions
// are matched separately (resPattern); this is drafts, meeting records used
// in place of a draft's symbol, and their revisions and corrigenda.
const symbolPattern = `S/(?:PV\.?\s*\d+|\d{4}/\d+|\d+)(?:/(?:Rev|Corr|Add)\.\s*\d+)*`

var suffixRE = lazyRegexp(`(?i)/(rev|corr|add)\.\s*(\d+)`)

// normDraft returns the canonical spelling of a draft symbol. Drafts carry
// suffixes ("S/20945/Rev.1", "S/3188/Corr.1") that unsc.NormalizeSymbol
// does not take, so the base is normalised there and the suffix kept in the
// library's spelling ("/Rev.1").
func normDraft(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), "")
	base, suffix := s, ""
	if loc := suffixRE.FindStringIndex(s); loc != nil {
		base = s[:loc[0]]
		for _, m := range suffixRE.FindAllStringSubmatch(s[loc[0]:], -1) {
			kind := strings.ToUpper(m[1][:1]) + strings.ToLower(m[1][1:])
			suffix += "/" + kind + "." + strings.TrimLeft(m[2], "0")
		}
	}
	sym, kind, err := unsc.NormalizeSymbol(base)
	if err != nil || kind != unsc.DraftSymbol {
		return "", false
	}
	return sym + suffix, true
}

// normMeeting returns the canonical spelling of a meeting record symbol.
func normMeeting(s string) (string, bool) {
	sym, kind, err := unsc.NormalizeSymbol(s)
	if err != nil || kind != unsc.MeetingSymbol {
		return "", false
	}
	return sym, true
}

var months = lazy.Value[map[string]time.Month]{Make: func() map[string]time.Month {
	return map[string]time.Month{
		"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
		"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
		"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	}
}}

// parseDate reads a date: "30 November", "06 November", "8 Sep.",
// "14-15 December 2001", "11/12 November", "30 + 31 March", "30 January 86".
// A range gives the day a meeting started. year is used when the text has
// none; with year 0 the text must carry one. ranged reports a date range
// such as "14-15".
func parseDate(s string, year int) (t time.Time, ranged bool, ok bool) {
	m, ok := dateParts(collapse(s))
	if !ok {
		return time.Time{}, false, false
	}
	day, _ := strconv.Atoi(m[0])
	month, found := months.Get()[strings.ToLower(m[2])]
	if !found {
		return time.Time{}, false, false
	}
	switch {
	case len(m[3]) == 4:
		year, _ = strconv.Atoi(m[3])
	case len(m[3]) == 2:
		// Two-digit years occur once ("30 January 86"); the list starts
		// in 1946.
		yy, _ := strconv.Atoi(m[3])
		year = 1900 + yy
		if yy < 46 {
			year = 2000 + yy
		}
	case year == 0:
		return time.Time{}, false, false
	}
	t = time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if day < 1 || t.Day() != day {
		return time.Time{}, false, false
	}
	return t, m[1] != "", true
}

// dateParts splits a date collapsed by collapse into its day, the last day
// of a range, the month's name and the year, as the expression
// ^(\d{1,2})(?:\s*[-–/+]\s*(\d{1,2}))?\s+([A-Za-z]+)\.?(?:\s+(\d{4}|\d{2}))?$
// would; the parts it lacks are "".
func dateParts(s string) (m [4]string, ok bool) {
	// Each part runs to the end of its kind of characters: what follows
	// a part cannot continue it.
	i := skipDigits(s, 0)
	if i == 0 || i > 2 {
		return m, false
	}
	m[0] = s[:i]
	j := i
	if j < len(s) && s[j] == ' ' {
		j++
	}
	if sep := strings.IndexAny(s[j:], "-–/+"); sep == 0 {
		_, w := utf8.DecodeRuneInString(s[j:])
		k := j + w
		if k < len(s) && s[k] == ' ' {
			k++
		}
		if e := skipDigits(s, k); e > k && e-k <= 2 {
			m[1], i = s[k:e], e
		}
	}
	if i >= len(s) || s[i] != ' ' {
		return m, false
	}
	i++
	k := i
	for k < len(s) && ('a' <= s[k] && s[k] <= 'z' || 'A' <= s[k] && s[k] <= 'Z') {
		k++
	}
	if k == i {
		return m, false
	}
	m[2] = s[i:k]
	if k < len(s) && s[k] == '.' {
		k++
	}
	if k == len(s) {
		return m, true
	}
	if s[k] != ' ' {
		return m, false
	}
	y := s[k+1:]
	if (len(y) == 4 || len(y) == 2) && skipDigits(y, 0) == len(y) {
		m[3] = y
		return m, true
	}
	return m, false
}

// addNote appends a note, separating notes with "; ".
func addNote(note *string, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	if *note != "" {
		*note += "; "
	}
	*note += s
}

// keyer hands out report keys, numbering repeats of a key "#2", "#3", …
type keyer map[string]int

func (k keyer) key(base string) string {
	k[base]++
	if n := k[base]; n > 1 {
		return base + "#" + strconv.Itoa(n)
	}
	return base
}

// fold returns s with its ASCII letters lower-cased, byte for byte, so that
// an offset in the result is the same offset in s. It lets the parsers find
// words in any case with plain string searches instead of case-insensitive
// expressions. exotic reports whether s holds ſ (U+017F) or the Kelvin sign
// (U+212A), which case-insensitive expressions match as s and k: on such
// text the parsers use their expressions.
func fold(s string) (lower string, exotic bool) {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || c >= 0x80 {
			break
		}
	}
	if i == len(s) {
		return s, false
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		switch c := b[i]; {
		case 'A' <= c && c <= 'Z':
			b[i] = c + 'a' - 'A'
		case c == 0xc5 && i+1 < len(b) && b[i+1] == 0xbf, // ſ
			c == 0xe2 && i+2 < len(b) && b[i+1] == 0x84 && b[i+2] == 0xaa: // K
			exotic = true
		}
	}
	return string(b), exotic
}

// isWordByte reports whether c is a word character as \b sees it.
func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// wordStart reports whether offset i of s is a word boundary (\b) before
// a word character.
func wordStart(s string, i int) bool { return i == 0 || !isWordByte(s[i-1]) }

// wordEnd reports whether offset i of s is a word boundary (\b) after a
// word character.
func wordEnd(s string, i int) bool { return i == len(s) || !isWordByte(s[i]) }

// isSpace reports whether c is white space as \s sees it.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// skipSpace returns the offset of the first byte at or after i that is not
// white space (\s*).
func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// skipDigits returns the offset of the first byte at or after i that is not
// a digit (\d*).
func skipDigits(s string, i int) int {
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

// collapse returns strings.Join(strings.Fields(s), " "): s on one line,
// with runs of white space collapsed to single spaces. It returns s itself
// when s is already so.
func collapse(s string) string {
	space, clean := true, true // space: the previous byte was a space or s starts
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80:
			return strings.Join(strings.Fields(s), " ")
		case c == ' ':
			if space {
				clean = false
			}
			space = true
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			clean, space = false, true
		default:
			space = false
		}
	}
	if clean && !space || s == "" {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
