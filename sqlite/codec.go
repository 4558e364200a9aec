package sqlite

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"unsc"
)

// This file converts the domain's values to and from the columns that hold
// them, following the conventions stated at the top of the schema.

const dayLayout = "2006-01-02"

// day returns t's calendar day as stored, or nil for the zero time.
func day(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(dayLayout)
}

// dayString returns t's calendar day as stored, or "" for the zero time.
func dayString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dayLayout)
}

// truncateDay returns midnight UTC of t's calendar day: the time a stored day
// reads back as.
func truncateDay(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// parseDay reads a stored day; "" is the zero time.
func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	// The common case by hand: it runs for every row read.
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digits(s[0:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:10])
		if ok1 && ok2 && ok3 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil
		}
	}
	t, err := time.Parse(dayLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored date %q: %w", s, err)
	}
	return t, nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// text returns s as stored: nil (NULL) for "".
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// outcomeValue returns o's name, or nil for no outcome.
func outcomeValue(o unsc.Outcome) any {
	if o == 0 {
		return nil
	}
	return o.String()
}

func parseOutcome(s string) (unsc.Outcome, error) {
	if s == "" {
		return 0, nil
	}
	return unsc.ParseOutcome(s)
}

// validEnums reports what is wrong with a matter, modality or outcome that
// has no name, or "".
func validEnums(m unsc.Matter, mod unsc.Modality, outcomes ...unsc.Outcome) string {
	if m > unsc.ICJElection {
		return fmt.Sprintf("unknown matter %d", m)
	}
	if mod > unsc.ByAcclamation {
		return fmt.Sprintf("unknown modality %d", mod)
	}
	for _, o := range outcomes {
		if o > unsc.Vetoed {
			return fmt.Sprintf("unknown outcome %d", o)
		}
	}
	return ""
}

// validCode reports what is wrong with a member code, or "".
func validCode(c unsc.Code) string {
	if c == "" {
		return "empty member code"
	}
	if strings.ContainsAny(string(c), " =\t\n") {
		return fmt.Sprintf("member code %q holds a space or '='", c)
	}
	return ""
}

// encodeVotes writes positions as "AUS=Y BRA=N ..." in code order, with '-'
// for a member listed as absent; nil (NULL) for a nil map.
func encodeVotes(votes unsc.Votes) (any, string) {
	if !votes.Known() {
		return nil, ""
	}
	if why := votesWhy(votes); why != "" {
		return nil, why
	}
	// Runs for every report imported: one allocation for a Council's
	// fifteen, the members already in code order.
	size := 0
	for c := range votes.All() {
		size += len(c) + 3
	}
	b := make([]byte, 0, size)
	for c, p := range votes.All() {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, c...)
		b = append(b, '=')
		b = append(b, p.Letter()...)
	}
	return string(b), ""
}

// votesWhy says why encodeVotes cannot write votes, or "" if it can.
func votesWhy(votes unsc.Votes) string {
	for c, p := range votes.All() {
		if why := validCode(c); why != "" {
			return why
		}
		if p > unsc.NotParticipating {
			return fmt.Sprintf("member %s: unknown position %d", c, p)
		}
	}
	return ""
}

// decodeVotes reads what encodeVotes wrote; valid is false for NULL.
func decodeVotes(s string, valid bool) (unsc.Votes, error) {
	if !valid {
		return unsc.Votes{}, nil
	}
	var arr [16]unsc.Vote
	votes := arr[:0]
	for s != "" {
		var item string
		item, s, _ = strings.Cut(s, " ")
		code, letter, ok := strings.Cut(item, "=")
		if !ok || code == "" {
			return unsc.Votes{}, fmt.Errorf("stored votes: bad item %q", item)
		}
		p, err := unsc.ParsePosition(letter)
		if err != nil {
			return unsc.Votes{}, fmt.Errorf("stored votes: %w", err)
		}
		votes = append(votes, unsc.Vote{Member: unsc.Code(code), Position: p})
	}
	return unsc.VotesFrom(votes), nil
}

// encodeCodes writes codes separated by spaces; nil (NULL) for a nil slice.
func encodeCodes(codes []unsc.Code) (any, string) {
	if codes == nil {
		return nil, ""
	}
	var b strings.Builder
	for i, c := range codes {
		if why := validCode(c); why != "" {
			return nil, why
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(c))
	}
	return b.String(), ""
}

// decodeCodes reads what encodeCodes wrote; valid is false for NULL.
func decodeCodes(s string, valid bool) []unsc.Code {
	if !valid {
		return nil
	}
	fields := strings.Fields(s)
	codes := make([]unsc.Code, len(fields))
	for i, f := range fields {
		codes[i] = unsc.Code(f)
	}
	return codes
}

// encodeSubjects writes subjects (or any list of strings: sponsors too) as a
// JSON array; nil (NULL) for a nil slice.
func encodeSubjects(subjects []string) any {
	if subjects == nil {
		return nil
	}
	size := 2
	for _, s := range subjects {
		size += len(s) + 3
	}
	b := make([]byte, 0, size)
	b = append(b, '[')
	for i, s := range subjects {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	b = append(b, ']')
	return string(b)
}

// appendJSONString appends s as a JSON string, escaping only what JSON
// requires, with invalid UTF-8 replaced.
func appendJSONString(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// decodeSubjects reads what encodeSubjects wrote; valid is false for NULL.
func decodeSubjects(s string, valid bool) ([]string, error) {
	if !valid {
		return nil, nil
	}
	// The common case by hand: strings with nothing escaped.
	if len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' && !strings.ContainsRune(s, '\\') {
		inner := s[1 : len(s)-1]
		if inner == "" {
			return []string{}, nil
		}
		subjects := make([]string, 0, strings.Count(inner, `","`)+1)
		ok := true
		for inner != "" {
			if len(inner) < 2 || inner[0] != '"' {
				ok = false
				break
			}
			end := strings.IndexByte(inner[1:], '"')
			if end < 0 {
				ok = false
				break
			}
			subjects = append(subjects, inner[1:1+end])
			inner = inner[2+end:]
			if inner != "" {
				if inner[0] != ',' {
					ok = false
					break
				}
				inner = inner[1:]
			}
		}
		if ok {
			return subjects, nil
		}
	}
	subjects := []string{}
	if err := json.Unmarshal([]byte(s), &subjects); err != nil {
		return nil, fmt.Errorf("stored subjects: %w", err)
	}
	return subjects, nil
}

// tallyValues returns the four tally columns, NULL when the tally is not
// known.
func tallyValues(t unsc.Tally) (yes, no, abstain, nonVoting any) {
	if !t.Known {
		return nil, nil, nil, nil
	}
	return int64(t.Yes), int64(t.No), int64(t.Abstain), int64(t.NonVoting)
}
