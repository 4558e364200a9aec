package analysis

import (
	"strings"

	"unsc/internal/lazy"
)

// stem returns the stem of a lower-case English word under the Porter2
// ("English Snowball") stemming algorithm, so that the forms of a word
// search alike: veto, vetoes, vetoed and vetoing all stem to "veto",
// weapons to "weapon", chemical to "chemic". Words of two letters or fewer,
// and words with other than ASCII letters and apostrophes, are returned
// as they are.
func stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && c != '\'' {
			return w
		}
	}
	if s, ok := stemExceptions.Get()[w]; ok {
		return s
	}
	b := []byte(strings.TrimPrefix(w, "'"))
	// A y at the start or after a vowel is a consonant, written Y while
	// stemming.
	for i := range b {
		if b[i] == 'y' && (i == 0 || isVowel(b[i-1])) {
			b[i] = 'Y'
		}
	}
	s := &stemmer{b: b}
	s.regions()
	s.step0()
	s.step1a()
	if invariantAfter1a.Get()[string(s.b)] {
		return strings.ToLower(string(s.b))
	}
	s.step1b()
	s.step1c()
	s.step2()
	s.step3()
	s.step4()
	s.step5()
	return strings.ToLower(string(s.b))
}

// stemExceptions are the Porter2 algorithm's exceptional forms.
var stemExceptions = lazy.Value[map[string]string]{Make: func() map[string]string {
	return map[string]string{
		"skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
		"idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl",
		"sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
	}
}}

var invariantAfter1a = lazy.Value[map[string]bool]{Make: func() map[string]bool {
	return map[string]bool{
		"inning": true, "outing": true, "canning": true, "herring": true, "earring": true,
		"proceed": true, "exceed": true, "succeed": true,
	}
}}

type stemmer struct {
	b      []byte
	r1, r2 int
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// regions sets R1, the region after the first non-vowel that follows a
// vowel, and R2, the same region within R1.
func (s *stemmer) regions() {
	b := s.b
	s.r1 = len(b)
	for _, p := range []string{"gener", "commun", "arsen"} {
		if strings.HasPrefix(string(b), p) {
			s.r1 = len(p)
			break
		}
	}
	if s.r1 == len(b) {
		s.r1 = regionAfter(b, 0)
	}
	s.r2 = regionAfter(b, s.r1)
}

func regionAfter(b []byte, from int) int {
	for i := from + 1; i < len(b); i++ {
		if !isVowel(b[i]) && isVowel(b[i-1]) {
			return i + 1
		}
	}
	return len(b)
}

func (s *stemmer) has(suffix string) bool { return strings.HasSuffix(string(s.b), suffix) }

// set replaces a suffix, known to be there, with r.
func (s *stemmer) set(suffix, r string) {
	s.b = append(s.b[:len(s.b)-len(suffix)], r...)
}

// inR1 and inR2 report whether a suffix of the word lies in R1 or R2.
func (s *stemmer) inR1(suffix string) bool { return len(s.b)-len(suffix) >= s.r1 }
func (s *stemmer) inR2(suffix string) bool { return len(s.b)-len(suffix) >= s.r2 }

// longest returns the longest of the suffixes the word ends with, or "".
func (s *stemmer) longest(suffixes ...string) string {
	best := ""
	for _, x := range suffixes {
		if len(x) > len(best) && s.has(x) {
			best = x
		}
	}
	return best
}

func (s *stemmer) step0() {
	if x := s.longest("'s'", "'s", "'"); x != "" {
		s.set(x, "")
	}
}

func (s *stemmer) step1a() {
	switch x := s.longest("sses", "ied", "ies", "us", "ss", "s"); x {
	case "sses":
		s.set(x, "ss")
	case "ied", "ies":
		if len(s.b) > len(x)+1 {
			s.set(x, "i")
		} else {
			s.set(x, "ie")
		}
	case "s":
		// Deleted if a vowel comes before the letter just before it.
		for i := 0; i < len(s.b)-2; i++ {
			if isVowel(s.b[i]) {
				s.set(x, "")
				break
			}
		}
	}
}

func (s *stemmer) step1b() {
	x := s.longest("eed", "eedly", "ed", "edly", "ing", "ingly")
	switch x {
	case "":
		return
	case "eed", "eedly":
		if s.inR1(x) {
			s.set(x, "ee")
		}
		return
	}
	stemPart := s.b[:len(s.b)-len(x)]
	vowel := false
	for _, c := range stemPart {
		if isVowel(c) {
			vowel = true
			break
		}
	}
	if !vowel {
		return
	}
	s.set(x, "")
	switch {
	case s.has("at"), s.has("bl"), s.has("iz"):
		s.b = append(s.b, 'e')
	case s.endsDouble():
		s.b = s.b[:len(s.b)-1]
	case s.isShort():
		s.b = append(s.b, 'e')
	}
}

func (s *stemmer) endsDouble() bool {
	n := len(s.b)
	if n < 2 || s.b[n-1] != s.b[n-2] {
		return false
	}
	switch s.b[n-1] {
	case 'b', 'd', 'f', 'g', 'm', 'n', 'p', 'r', 't':
		return true
	}
	return false
}

// shortSyllableAt reports whether the word ends, at i (exclusive), in a
// short syllable: a non-vowel, a vowel and a non-vowel other than w, x or
// Y; or, at the start of the word, a vowel and a non-vowel.
func (s *stemmer) shortSyllableAt(i int) bool {
	b := s.b[:i]
	n := len(b)
	if n == 2 {
		return isVowel(b[0]) && !isVowel(b[1])
	}
	if n < 3 {
		return false
	}
	c := b[n-1]
	return !isVowel(b[n-3]) && isVowel(b[n-2]) && !isVowel(c) && c != 'w' && c != 'x' && c != 'Y'
}

// isShort reports whether the word is short: it ends in a short syllable
// and R1 is empty.
func (s *stemmer) isShort() bool { return s.r1 >= len(s.b) && s.shortSyllableAt(len(s.b)) }

func (s *stemmer) step1c() {
	n := len(s.b)
	if n > 2 && (s.b[n-1] == 'y' || s.b[n-1] == 'Y') && !isVowel(s.b[n-2]) {
		s.b[n-1] = 'i'
	}
}

var step2Suffixes = []string{
	"tional", "enci", "anci", "abli", "entli", "izer", "ization", "ational", "ation", "ator",
	"alism", "aliti", "alli", "fulness", "ousli", "ousness", "iveness", "iviti", "biliti", "bli",
	"ogi", "fulli", "lessli", "li",
}

var step2Replace = lazy.Value[map[string]string]{Make: func() map[string]string {
	return map[string]string{
		"tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent",
		"izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate",
		"alism": "al", "aliti": "al", "alli": "al", "fulness": "ful", "ousli": "ous", "ousness": "ous",
		"iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble", "fulli": "ful", "lessli": "less",
	}
}}

func (s *stemmer) step2() {
	x := s.longest(step2Suffixes...)
	if x == "" || !s.inR1(x) {
		return
	}
	switch x {
	case "ogi":
		if n := len(s.b) - len(x); n > 0 && s.b[n-1] == 'l' {
			s.set(x, "og")
		}
	case "li":
		if n := len(s.b) - len(x); n > 0 && strings.IndexByte("cdeghkmnrt", s.b[n-1]) >= 0 {
			s.set(x, "")
		}
	default:
		s.set(x, step2Replace.Get()[x])
	}
}

func (s *stemmer) step3() {
	x := s.longest("tional", "ational", "alize", "icate", "iciti", "ative", "ical", "ness", "ful")
	if x == "" || !s.inR1(x) {
		return
	}
	switch x {
	case "tional":
		s.set(x, "tion")
	case "ational":
		s.set(x, "ate")
	case "alize":
		s.set(x, "al")
	case "icate", "iciti", "ical":
		s.set(x, "ic")
	case "ful", "ness":
		s.set(x, "")
	case "ative":
		if s.inR2(x) {
			s.set(x, "")
		}
	}
}

func (s *stemmer) step4() {
	x := s.longest("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
		"ism", "ate", "iti", "ous", "ive", "ize", "ion")
	if x == "" || !s.inR2(x) {
		return
	}
	if x == "ion" {
		if n := len(s.b) - len(x); n > 0 && (s.b[n-1] == 's' || s.b[n-1] == 't') {
			s.set(x, "")
		}
		return
	}
	s.set(x, "")
}

func (s *stemmer) step5() {
	switch {
	case s.has("e"):
		if s.inR2("e") || s.inR1("e") && !s.shortSyllableAt(len(s.b)-1) {
			s.set("e", "")
		}
	case s.has("l"):
		if s.inR2("l") && s.has("ll") {
			s.set("l", "")
		}
	}
}
