package charter

import (
	"strconv"
	"strings"

	"unsc"
)

// Statement returns the outcome in the Council's own words: the President's
// announcement of the count followed by the formula for the outcome
// (RULES.md §4). The veto formula stays in the singular even when several
// permanent members voted against, as the Council says it (S/PV.6627).
func Statement(r unsc.Result) string {
	var b strings.Builder
	noun := subject(r)
	switch {
	case r.Matter == unsc.ICJElection:
		icjStatement(&b, r)
		return b.String()
	case r.Modality != unsc.ByVote:
		b.WriteString(capitalise(noun))
		b.WriteString(" has been adopted ")
		b.WriteString(phraseModality(r.Modality))
		b.WriteString(".")
		return b.String()
	}
	// The verb agrees with the first number, as English has it: "There was
	// 1 vote in favour, 14 votes against …" (the President's formula is
	// otherwise kept word for word, RULES.md §4).
	if r.Yes == 1 {
		b.WriteString("There was ")
	} else {
		b.WriteString("There were ")
	}
	b.WriteString(count(r.Yes, "vote in favour", "votes in favour", "no votes in favour"))
	b.WriteString(", ")
	b.WriteString(count(r.No, "vote against", "votes against", "no votes against"))
	b.WriteString(" and ")
	b.WriteString(count(r.Abstain, "abstention", "abstentions", "no abstentions"))
	b.WriteString(". ")
	b.WriteString(capitalise(noun))
	switch r.Outcome {
	case unsc.Adopted:
		b.WriteString(" has been adopted.")
	case unsc.Vetoed:
		b.WriteString(" has not been adopted, owing to the negative vote of a permanent member of the Council.")
	default:
		b.WriteString(" has not been adopted, having failed to obtain the required number of votes.")
	}
	return b.String()
}

func icjStatement(b *strings.Builder, r unsc.Result) {
	switch {
	case r.Rerun:
		b.WriteString("As more candidates than there are seats to be filled have obtained an absolute majority, the Council will proceed to a further ballot.")
	case len(r.Elected) == 1:
		b.WriteString(r.Elected[0])
		b.WriteString(" has obtained an absolute majority of votes in the Security Council.")
	case len(r.Elected) > 1:
		b.WriteString("The following candidates have obtained an absolute majority of votes in the Security Council: ")
		b.WriteString(strings.Join(r.Elected, ", "))
		b.WriteString(".")
	default:
		b.WriteString("No candidate has obtained an absolute majority of votes in the Security Council.")
	}
	if !r.Rerun && len(r.Elected) < r.Seats {
		b.WriteString(" The Council will proceed to a further ballot to fill the remaining ")
		b.WriteString(count(r.Seats-len(r.Elected), "seat", "seats", ""))
		b.WriteString(".")
	}
}

// subject names what was voted on, as the President would.
func subject(r unsc.Result) string {
	switch {
	case r.Amendment:
		return "the amendment"
	case r.Matter == unsc.Procedural || r.Matter == unsc.Preliminary:
		return "the proposal"
	}
	return "the draft resolution"
}

func phraseModality(m unsc.Modality) string {
	switch m {
	case unsc.WithoutVote:
		return "without a vote"
	case unsc.ByAcclamation:
		return "by acclamation"
	}
	return "by a vote"
}

// count says n of something: "1 abstention", "4 abstentions", or the zero
// phrase.
func count(n int, one, many, zero string) string {
	switch n {
	case 0:
		if zero != "" {
			return zero
		}
	case 1:
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
