package analysis

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/charter"
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
var countWords = map[string]string{
	RuleMemberVotes + "/" + ScopeUNList: "negative votes cast, as the UN's veto list counts them",
	RuleDrafts + "/" + ScopeUNList:      "drafts vetoed, as the UN's veto list lists them",
	RuleMemberVotes + "/" + ScopeRecord: "negative votes cast, over every veto in the record",
	RuleDrafts + "/" + ScopeRecord:      "drafts vetoed, over every veto in the record",
}

// ClaimCheck is the answer to a claim: the count under every rule, and
// which of them give the number claimed.
type ClaimCheck struct {
	Claim Claim     `json:"claim"`
	Count VetoCount `json:"count"`
	// Matches names each count that gives the number claimed, as
	// "rule/scope" or "rule/scope without amendments"; empty when none
	// does.
	Matches []string `json:"matches"`
	// Verdict says in a sentence whether, and under which rule, the
	// record supports the number.
	Verdict string `json:"verdict"`
}

var (
	claimYear   = regexp.MustCompile(`^\d{4}$`)
	claimNumber = regexp.MustCompile(`^\d{1,4}$`)
	claimDate   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

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

// CheckClaim counts the claim's member's vetoes in its period under every
// counting rule (CountVetoes) and says which give the number claimed.
func (x *Index) CheckClaim(c Claim) ClaimCheck {
	a := ClaimCheck{Claim: c, Count: x.CountVetoes(c.Member, c.From, c.To), Matches: []string{}}
	var words []string
	for _, l := range a.Count.Lines {
		if l.Count == c.Number {
			a.Matches = append(a.Matches, l.Name)
			words = append(words, countWords[l.Name])
		}
		if l.WithoutAmendments == c.Number && l.WithoutAmendments != l.Count {
			a.Matches = append(a.Matches, l.Name+" without amendments")
			words = append(words, countWords[l.Name]+", leaving out vetoes of amendments")
		}
	}
	n := strconv.Itoa(c.Number)
	switch {
	case len(a.Matches) == 0:
		lo, hi := -1, -1
		for _, l := range a.Count.Lines {
			for _, v := range []int{l.Count, l.WithoutAmendments} {
				if lo < 0 || v < lo {
					lo = v
				}
				hi = max(hi, v)
			}
		}
		a.Verdict = "No way of counting in the record gives " + n + ": the counts run from " + strconv.Itoa(lo) + " to " + strconv.Itoa(hi) + "."
	case len(a.Matches) == len(a.Count.Lines)*2 || allCounts(a.Count, c.Number):
		a.Verdict = "The record supports " + n + " under every way of counting."
	default:
		a.Verdict = "The record supports " + n + " when counting " + strings.Join(words, "; or ") + ". Other ways of counting give other numbers."
	}
	return a
}

func allCounts(vc VetoCount, n int) bool {
	for _, l := range vc.Lines {
		if l.Count != n || l.WithoutAmendments != n {
			return false
		}
	}
	return true
}
