package dhl

import (
	"bytes"
	"html"
	"unicode"
	"unicode/utf8"
)

// The page is split into tokens by golang.org/x/net/html's tokenizer, but
// its tokens' text and attributes are read here, from the raw bytes of each
// token, as the tokenizer's Text and TagAttr give them. Those unescape
// character references through the tokenizer's own table of HTML's 2,231
// named references, a map the program would build at the start of every
// command (a tenth of a millisecond and 110 KB, most of what a question
// costs beyond a Go "hello" that is not the Go runtime's); the standard
// library's html.UnescapeString has the same table and builds it on first
// use. TestTokensAsTokenizer checks the text and attributes of every token
// of the Library's pages against the tokenizer's.

// textMode is how the tokenizer reads the text after a tag.
type textMode int

const (
	// markup: text up to the next tag, character references unescaped.
	markup textMode = iota
	// rcdata: the text of a title or textarea, up to its end tag, with
	// references unescaped and NUL bytes replaced.
	rcdata
	// rawText: the text of a script, style and the like, up to its end
	// tag, as it is but for NUL bytes replaced.
	rawText
)

// modeAfter returns how the text after the start tag raw ("<title …>") is
// read: the tokenizer reads the text of title and textarea as RCDATA, and
// that of iframe, noembed, noframes, noscript, plaintext, script, style
// and xmp as raw text.
func modeAfter(raw []byte) textMode {
	name := raw[1:]
	for i, c := range name {
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>' {
			name = name[:i]
			break
		}
	}
	for _, t := range [...]string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "xmp"} {
		if bytes.EqualFold(name, []byte(t)) {
			return rawText
		}
	}
	if bytes.EqualFold(name, []byte("title")) || bytes.EqualFold(name, []byte("textarea")) {
		return rcdata
	}
	return markup
}

// tokenText returns the text of a text token, raw, read in mode: line
// breaks ("\r\n", "\r") as "\n", NUL bytes in RCDATA and raw text as
// U+FFFD, and character references unescaped but in raw text. raw may be
// changed.
func tokenText(raw []byte, mode textMode) []byte {
	s := newlines(raw)
	if mode != markup && bytes.IndexByte(s, 0) >= 0 {
		s = bytes.ReplaceAll(s, []byte{0}, []byte("\ufffd"))
	}
	if mode != rawText {
		s = unescape(s, false)
	}
	return s
}

// attrValue returns an attribute's value as the tokenizer gives it: line
// breaks as "\n", NUL bytes as U+FFFD, character references unescaped.
func attrValue(v []byte) []byte {
	v = newlines(bytes.Clone(v))
	if bytes.IndexByte(v, 0) >= 0 {
		v = bytes.ReplaceAll(v, []byte{0}, []byte("\ufffd"))
	}
	return unescape(v, true)
}

// unescape replaces the character references in s (HTML's "consume a
// character reference"): a named one ("&amp;", or one of the names HTML
// allows without ';', "&amp") as html.UnescapeString reads it — but in an
// attribute's value (attribute), where a name is read only whole, and one
// without ';' not before '=' — a numeric
// one ("&#8211;", "&#x41", ';' optional) as the standard says: a number
// past U+10FFFF, a surrogate or 0 is U+FFFD, 0x80 to 0x9F are read as
// Windows-1252 (numericC1), and "&#" or "&#x" without a digit is text.
// (html.UnescapeString reads "&#x;" as U+FFFD, and a number at the very
// end of s as text.)
func unescape(s []byte, attribute bool) []byte {
	amp := bytes.IndexByte(s, '&')
	if amp < 0 {
		return s
	}
	out := append([]byte(nil), s[:amp]...)
	for i := amp; i < len(s); {
		if s[i] != '&' {
			j := bytes.IndexByte(s[i:], '&')
			if j < 0 {
				j = len(s) - i
			}
			out = append(out, s[i:i+j]...)
			i += j
			continue
		}
		if i+1 < len(s) && s[i+1] == '#' {
			r, n := numericReference(s[i:])
			if n == 0 {
				out = append(out, '&')
				i++
				continue
			}
			out = utf8.AppendRune(out, r)
			i += n
			continue
		}
		// A name: letters and digits, and the ';' that ends it.
		j := i + 1
		for j < len(s) && ('a' <= s[j] && s[j] <= 'z' || 'A' <= s[j] && s[j] <= 'Z' || '0' <= s[j] && s[j] <= '9') {
			j++
		}
		semicolon := j < len(s) && s[j] == ';'
		if semicolon {
			j++
		}
		text := html.UnescapeString(string(s[i:j]))
		if attribute && (!semicolon && j < len(s) && s[j] == '=' || !wholeName(text)) {
			text = string(s[i:j])
		}
		out = append(out, text...)
		i = j
	}
	return out
}

// wholeName reports whether text, a name unescaped, was read
// as a whole name, not as a shorter one followed by the rest ("&notit" is
// "¬it"): no reference stands for an ASCII letter or digit.
func wholeName(text string) bool {
	for _, c := range []byte(text) {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			return false
		}
	}
	return true
}

// numericReference reads the numeric character reference at the start of
// s ("&#…"), and returns the character and the bytes it takes, or 0 bytes
// where s does not start with one (no digit).
func numericReference(s []byte) (rune, int) {
	i, base := 2, rune(10)
	if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
		i, base = 3, 16
	}
	first, x := i, rune(0)
	for ; i < len(s); i++ {
		var d rune
		switch c := rune(s[i]); {
		case '0' <= c && c <= '9':
			d = c - '0'
		case base == 16 && 'a' <= c && c <= 'f':
			d = c - 'a' + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = c - 'A' + 10
		default:
			d = -1
		}
		if d < 0 {
			break
		}
		if x <= unicode.MaxRune {
			x = x*base + d
		}
	}
	if i == first {
		return 0, 0
	}
	if i < len(s) && s[i] == ';' {
		i++
	}
	switch {
	case 0x80 <= x && x <= 0x9f:
		return numericC1[x-0x80], i
	case x == 0 || 0xd800 <= x && x <= 0xdfff || x > unicode.MaxRune:
		return unicode.ReplacementChar, i
	}
	return x, i
}

// numericC1 is what a numeric reference to 0x80 to 0x9F stands for: the
// character Windows-1252 has there, or the code itself where it has none
// (the HTML standard's table, "numeric character reference end state").
var numericC1 = [32]rune{
	'\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
	'\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
	'\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
	'\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
}

// newlines turns "\r\n" and "\r" in s into "\n", in place.
func newlines(s []byte) []byte {
	if bytes.IndexByte(s, '\r') < 0 {
		return s
	}
	out := s[:0]
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' {
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			out = append(out, '\n')
			continue
		}
		out = append(out, s[i])
	}
	return out
}

// eachAttr calls f with the name (in lower case) and the raw value of each
// attribute of the start tag raw ("<td class=x rowspan="2">"), read as the
// tokenizer reads them: a name ends at white space, '/', '>' or '=' (an
// '=' that begins it is part of it); a value follows '=' (white space
// around it allowed), quoted with ' or ", or unquoted up to white space or
// '>'; an attribute with an empty name, or a name seen before in the tag,
// is left out; NUL bytes in names are U+FFFD.
func eachAttr(raw []byte, f func(name, value []byte)) {
	i := 1
	end := len(raw)
	space := func(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }
	skipSpace := func() {
		for i < end && space(raw[i]) {
			i++
		}
	}
	// The tag's name.
	for i < end {
		c := raw[i]
		if c == '/' || c == '>' {
			break
		}
		i++
		if space(c) {
			break
		}
	}
	skipSpace()
	var seen [][]byte
	for i < end {
		if raw[i] == '>' {
			return
		}
		// The name.
		k0 := i
		for i < end {
			c := raw[i]
			i++
			if c == '=' && i == k0+1 {
				continue
			}
			if c == '=' || space(c) || c == '/' || c == '>' {
				i--
				break
			}
		}
		key := raw[k0:i]
		// The value.
		var val []byte
		skipSpace()
		if i < end {
			c := raw[i]
			i++
			switch {
			case c == '/':
			case c != '=':
				i--
			default:
				skipSpace()
				if i < end {
					q := raw[i]
					i++
					switch q {
					case '>':
						i--
					case '\'', '"':
						v0 := i
						for i < end && raw[i] != q {
							i++
						}
						val = raw[v0:i]
						if i < end {
							i++
						}
					default:
						v0 := i - 1
						for i < end && !space(raw[i]) && raw[i] != '>' {
							i++
						}
						val = raw[v0:i]
						if i < end && space(raw[i]) {
							i++
						}
					}
				}
			}
		}
		if len(key) > 0 {
			lower := asciiLower(key)
			dup := false
			for _, k := range seen {
				if bytes.Equal(k, lower) {
					dup = true
					break
				}
			}
			if !dup {
				seen = append(seen, lower)
				f(bytes.ReplaceAll(lower, []byte{0}, []byte("\ufffd")), val)
			}
		}
		skipSpace()
	}
}

// asciiLower returns a copy of b with A to Z in lower case, as the
// tokenizer lowers names.
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}
