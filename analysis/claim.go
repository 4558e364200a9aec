package analysis

import (
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/internal/lazy"
)

// Claim is a claim about a member's vetoes, as a journalist might check
// it: "USA, 89, since 1945, as of 2024-03-25" — the United States has cast
// 89 vetoes since 1945.
type Claim struct {
	// Text is the claim as written.
	Text string `json:"text"`
	// Member is the seat the claim is about (a code, or codes joined by
	// "+"); Number the number claimed.
	Member string `json:"member"`
	Number int    `json:"number"`
	// From and To bound the period; zero leaves it open. The count gives
	// them as dates.
	From time.Time `json:"-"`
	To   time.Time `json:"-"`
}

// countWords say each count of CountVetoes for a reader.
var countWords = lazy.Value[map[string]string]{Make: func() map[string]string {
	return map[string]string{
		RuleMemberVotes + "/" + ScopeUNList: "negative votes cast, as the UN's veto list counts them",
		RuleDrafts + "/" + ScopeUNList:      "drafts vetoed, as the UN's veto list lists them",
		RuleMemberVotes + "/" + ScopeRecord: "negative votes cast, over every veto in the record",
		RuleDrafts + "/" + ScopeRecord:      "drafts vetoed, over every veto in the record",
	}
}}

// claimYear, claimNumber and claimDate recognise a claim's parts: four
// digits, one to four digits, and DDDD-DD-DD (ASCII digits).
var (
	claimYear   = shape{"dddd"}
	claimNumber = shape{"d", "dd", "ddd", "dddd"}
	claimDate   = shape{"dddd-dd-dd"}
)

// shape matches a string laid out as one of its patterns, in which d
// stands for an ASCII digit and any other byte for itself: what the
// regular expressions it replaces matched, without compiling them when
// the package loads.
type shape []string

// MatchString reports whether s is laid out as one of the patterns.
func (sh shape) MatchString(s string) bool {
	for _, p := range sh {
		if len(p) != len(s) {
			continue
		}
		ok := true
		for i := 0; i < len(s) && ok; i++ {
			if p[i] == 'd' {
				ok = '0' <= s[i] && s[i] <= '9'
			} else {
				ok = p[i] == s[i]
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// ParseClaim reads a claim: a member by any name (USA, "United States",
// Russia, SUN+RUS), a number, and optionally "since YEAR" or "since DATE"
// (or "from …") and "as of DATE" (or "to …", "until …"), separated by
// commas: "USA, 89, since 1945, as of 2024-03-25". Errors are *unsc.Error
// (EINVALID, field "claim") saying which part is missing or wrong.
func ParseClaim(text string) (Claim, error) {
	c := Claim{Text: text}
	bad := func(format string, v ...any) (Claim, error) {
		return Claim{}, unsc.Errorf(unsc.EINVALID, "claim", format, v...)
	}
	haveNumber := false
	for _, part := range strings.Split(text, ",") {
		part = strings.TrimSpace(part)
		lower := strings.ToLower(part)
		if part == "" {
			continue
		}
		switch {
		case claimNumber.MatchString(part) && !haveNumber:
			c.Number, _ = strconv.Atoi(part)
			haveNumber = true
		case hasPrefixWord(lower, "since", "from"):
			d, err := claimWhen(part[strings.IndexByte(part, ' ')+1:], false)
			if err != nil {
				return bad("%q: %v", part, err)
			}
			c.From = d
		case hasPrefixWord(lower, "as of", "to", "until", "up to"):
			rest := strings.TrimSpace(part[len(firstWords(lower, "as of", "to", "until", "up to")):])
			d, err := claimWhen(rest, true)
			if err != nil {
				return bad("%q: %v", part, err)
			}
			c.To = d
		case c.Member == "":
			seat, err := charter.LookupSeat(part)
			if err != nil {
				return bad("%q is not a member, a number or a period: %s", part, unsc.ErrorMessage(err))
			}
			c.Member = seat
		default:
			return bad("%q: want a member, a number, \"since YEAR\" and \"as of DATE\", separated by commas", part)
		}
	}
	switch {
	case c.Member == "":
		return bad("no member: want one, such as USA, Russia or \"United Kingdom\"")
	case !haveNumber:
		return bad("no number: want the number of vetoes claimed, such as 89")
	case !c.From.IsZero() && !c.To.IsZero() && c.To.Before(c.From):
		return bad("the period ends (%s) before it starts (%s)", c.To.Format(dateLayout), c.From.Format(dateLayout))
	}
	return c, nil
}

func hasPrefixWord(s string, words ...string) bool { return firstWords(s, words...) != "" }

// firstWords returns the first of words that s starts with, followed by a
// space, or "".
func firstWords(s string, words ...string) string {
	for _, w := range words {
		if strings.HasPrefix(s, w+" ") {
			return w
		}
	}
	return ""
}

// claimWhen reads a year or a date; a year stands for its first day, or
// its last when it ends a period.
func claimWhen(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	switch {
	case claimYear.MatchString(s):
		y, _ := strconv.Atoi(s)
		if end {
			return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), nil
		}
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), nil
	case claimDate.MatchString(s):
		d, err := time.Parse(dateLayout, s)
		if err != nil {
			return time.Time{}, unsc.Errorf(unsc.EINVALID, "claim", "no such date")
		}
		return d, nil
	}
	return time.Time{}, unsc.Errorf(unsc.EINVALID, "claim", "want a year (1945) or a date (2024-03-25)")
}
