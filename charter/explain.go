package charter

import (
	"strconv"
	"strings"
	"time"

	"unsc"
)

// Explain returns the outcome in plain words that a student understands,
// naming the rule that decided it: for example "Not adopted: 11 in favour
// (9 required), but two permanent members, China and the Russian Federation,
// voted against — a veto."
func Explain(r unsc.Result) string {
	var b strings.Builder
	switch {
	case r.Matter == unsc.ICJElection:
		explainICJ(&b, r)
		return b.String()
	case r.Modality != unsc.ByVote:
		b.WriteString("Adopted ")
		b.WriteString(phraseModality(r.Modality))
		b.WriteString(": no vote was taken, so no member voted against and no veto was possible.")
		return b.String()
	}

	what := ""
	if r.Amendment {
		what = " (the amendment)"
	}
	yes := strconv.Itoa(r.Yes) + " in favour"
	switch r.Outcome {
	case unsc.Vetoed:
		b.WriteString("Not adopted" + what + ": " + yes + " (" + strconv.Itoa(r.Required) + " required), but ")
		if len(r.VetoedBy) == 1 {
			b.WriteString("a permanent member, " + nameOf(r.VetoedBy[0]) + ", voted against — a veto.")
		} else {
			b.WriteString(numberWord(len(r.VetoedBy)) + " permanent members, " + names(r.VetoedBy) + ", voted against — a veto.")
		}
		if r.Matter == unsc.Preliminary {
			b.WriteString(" The question whether a matter is procedural is itself decided as a non-procedural matter, so the matter is to be treated as non-procedural, where the same members can veto it again — the \"double veto\".")
		}
	case unsc.Failed:
		b.WriteString("Not adopted" + what + ": " + yes + ", short of the " + strconv.Itoa(r.Required) + " required.")
		if len(r.NoByPermanent) > 0 && r.Matter != unsc.Procedural {
			b.WriteString(" The negative " + plural(len(r.NoByPermanent), "vote", "votes") + " of " + names(r.NoByPermanent) + " " + plural(len(r.NoByPermanent), "was not a veto", "were not vetoes") + ", because the proposal lacked the votes to pass anyway.")
		}
		if r.Matter == unsc.Preliminary {
			b.WriteString(" The matter is therefore not treated as procedural.")
		}
	default:
		b.WriteString("Adopted" + what + ": " + yes + " (" + strconv.Itoa(r.Required) + " required)")
		if r.No == 0 {
			b.WriteString(", none against.")
		} else {
			b.WriteString(", " + strconv.Itoa(r.No) + " against.")
		}
		if len(r.NoByPermanent) > 0 {
			switch r.Matter {
			case unsc.Procedural:
				b.WriteString(" This is a procedural matter, on which no member has a veto (Art. 27(2)), so the negative " + plural(len(r.NoByPermanent), "vote", "votes") + " of " + names(r.NoByPermanent) + " did not block it.")
			default:
				b.WriteString(" Under these rules the negative " + plural(len(r.NoByPermanent), "vote", "votes") + " of " + names(r.NoByPermanent) + " did not amount to a veto.")
			}
		}
		if r.Matter == unsc.Preliminary {
			b.WriteString(" The matter is to be treated as procedural.")
		}
	}
	explainWithheld(&b, r)
	explainObliged(&b, r)
	return b.String()
}

// explainWithheld says what permanent members did that was not a veto.
func explainWithheld(b *strings.Builder, r unsc.Result) {
	if len(r.Withheld) == 0 || r.Matter == unsc.Procedural {
		return
	}
	var groups [3][]unsc.Member
	for _, w := range r.Withheld {
		switch w.Position {
		case unsc.Abstain:
			groups[0] = append(groups[0], w.Member)
		case unsc.NotParticipating:
			groups[1] = append(groups[1], w.Member)
		default:
			groups[2] = append(groups[2], w.Member)
		}
	}
	verbs := [3][2]string{{"abstained", "abstained"}, {"did not participate in the vote", "did not participate in the vote"}, {"was absent", "were absent"}}
	var parts []string
	for i, g := range groups {
		if len(g) > 0 {
			parts = append(parts, names(g)+" "+plural(len(g), verbs[i][0], verbs[i][1]))
		}
	}
	b.WriteString(" " + capitalise(strings.Join(parts, "; ")) + ": a permanent member's abstention, absence or non-participation is not a veto.")
}

func explainObliged(b *strings.Builder, r unsc.Result) {
	if len(r.Obliged) == 0 {
		return
	}
	b.WriteString(" " + capitalise(names(r.Obliged)) + ", " + plural(len(r.Obliged), "a party", "parties") + " to the dispute, " + plural(len(r.Obliged), "was", "were") + " obliged to abstain (Art. 27(3)) and " + plural(len(r.Obliged), "is", "are") + " counted as abstaining.")
}

func explainICJ(b *strings.Builder, r unsc.Result) {
	maj := strconv.Itoa(r.Required) + " of " + strconv.Itoa(r.Members)
	switch {
	case r.Rerun:
		b.WriteString("No one elected in this round: more candidates obtained the absolute majority (" + maj + ") than there are seats, so the ballot is repeated.")
	case len(r.Elected) > 0:
		b.WriteString(strings.Join(r.Elected, ", ") + " obtained the absolute majority (" + maj + ") in the Council, where no member has a veto; a candidate who also obtains one in the General Assembly is elected.")
		if len(r.Elected) < r.Seats {
			b.WriteString(" Balloting continues for the remaining " + plural(r.Seats-len(r.Elected), "seat", "seats") + ".")
		}
	default:
		b.WriteString("No candidate obtained the absolute majority (" + maj + "); balloting continues.")
	}
}

// nameOf gives a member's name as it reads in a sentence: "the United
// States", "China".
func nameOf(m unsc.Member) string {
	for _, p := range []string{"United ", "Russian ", "Union of ", "Republic of ", "Netherlands", "Philippines", "Democratic ", "Federal ", "Syrian ", "Ukrainian ", "Byelorussian ", "Czech ", "Dominican ", "Gambia", "German ", "Libyan ", "Sudan", "Plurinational", "Bolivarian", "Islamic ", "Kingdom "} {
		if strings.HasPrefix(m.Name, p) {
			return "the " + m.Name
		}
	}
	return m.Name
}

// names lists members in a sentence: "China", "China and the Russian
// Federation", "China, France and the United States".
func names(ms []unsc.Member) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = nameOf(m)
	}
	return inSentence(parts)
}

// NamesInSentence lists members by code in a sentence, each by the name it
// bore nearest to date ("China and the Russian Federation" for CHN and RUS
// in 2024; "the Union of Soviet Socialist Republics" for SUN in 1972). A
// code that never sat is left as it is.
func NamesInSentence(codes []unsc.Code, date time.Time) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = string(c)
		if name, ok := NameNearest(c, date); ok {
			parts[i] = nameOf(unsc.Member{Name: name})
		}
	}
	return inSentence(parts)
}

func inSentence(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func numberWord(n int) string {
	words := []string{"no", "one", "two", "three", "four", "five"}
	if n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n)
}
