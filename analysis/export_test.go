package analysis

import (
	"context"
	"strings"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/record"
)

// Hooks for the tests in package analysis_test, which check the parts the
// index builds against the engine and the record directly.

// Replay returns every decision's outcome under the rules as WhatIf sees it.
func (x *Index) Replay(rules charter.Rules) []unsc.Outcome {
	out, err := x.replay(context.Background(), rules)
	if err != nil {
		panic(err)
	}
	return out
}

// ReplayReference replays every decision with an outcome under the Charter
// through record.DeriveUnder, which asks charter.CouncilOn each time.
func ReplayReference(x *Index, rules charter.Rules) []unsc.Outcome {
	out := make([]unsc.Outcome, len(x.ds))
	for i := range x.ds {
		d := &x.ds[i]
		if d.Derived == 0 {
			continue
		}
		flagged := atrocityDraft(d) || atrocityAgenda(d.Agenda)
		if r, err := record.DeriveUnder(atrocityRules(rules, flagged), *d); err == nil {
			out[i] = r.Outcome
		}
	}
	return out
}

// Atrocities returns whether atrocity.csv flags each decision.
func (x *Index) Atrocities() []bool { return x.atrocities() }

// AtrocityReference reports whether atrocity.csv flags a decision, row by
// row.
func AtrocityReference(d unsc.Decision) bool {
	agenda := strings.ToLower(d.Agenda)
	for _, f := range atrocityFlags() {
		switch f.Kind {
		case "draft":
			if d.Draft == f.Value || d.AmendmentTo == f.Value {
				return true
			}
		case "agenda":
			if startsWord(agenda, strings.ToLower(f.Value)) {
				return true
			}
		}
	}
	return false
}

// PositionLetters returns a member's position on every decision as a
// letter ("" where it did not sit or its position is not known), and
// whether it sat.
func (x *Index) PositionLetters(code unsc.Code) ([]string, []bool) {
	pos := x.seatPositions([]unsc.Code{code})
	seated := x.seatedRows([]unsc.Code{code})
	letters, sat := make([]string, len(pos)), make([]bool, len(pos))
	for i, p := range pos {
		letters[i] = posLetters[p]
		sat[i] = seated.at(i)
	}
	return letters, sat
}

// Classify returns a decision's region and topic by regions.csv.
func Classify(d unsc.Decision) (region, topic string) {
	r := regionOf(classifyRow(&d))
	return r.region, r.topic
}

// ClassifyReference classifies as regions.csv says, row by row over the
// joined text.
func ClassifyReference(d unsc.Decision) (region, topic string) {
	head := strings.ToLower(d.Agenda + "\n" + d.Title)
	subjects := strings.ToLower(strings.Join(d.Subjects, "\n"))
	for _, pass := range []struct {
		text    string
		generic bool
	}{{head, false}, {subjects, false}, {head + "\n" + subjects, true}} {
		for _, r := range regionRows {
			if r.generic == pass.generic && startsWord(pass.text, r.pattern) {
				return r.region, r.topic
			}
		}
	}
	return RegionOther, "other"
}

// TrendsReference counts the record year by year from..to decision by
// decision, as Trends answered before it read running totals.
func TrendsReference(x *Index, from, to time.Time) Trends {
	t := Trends{From: formatDate(from), To: formatDate(to), Period: x.Period(from, to), By: "year", Years: []YearTrend{}, Note: trendsNote}
	lo, hi := x.span(from, to)
	for i := lo; i < hi; i++ {
		y, _, _ := civilDate(x.days[i])
		if len(t.Years) == 0 || t.Years[len(t.Years)-1].Year != y {
			t.Years = append(t.Years, YearTrend{Year: y, Period: itoa(y)})
		}
		yt := &t.Years[len(t.Years)-1]
		outcome := x.outcome(i)
		yt.Decisions++
		if outcome == unsc.Adopted && x.resolution(i) != "" {
			yt.Resolutions++
		}
		switch {
		case x.modality(i) != unsc.ByVote:
			yt.WithoutVote++
		default:
			if t := x.tally(i); t.Known {
				yt.CountKnown++
				if size := len(charterCouncil(x, i).Members); t.Yes == size && size > 0 {
					yt.Unanimous++
				}
				yt.Abstentions += t.Abstain
			}
		}
		switch outcome {
		case unsc.Vetoed:
			yt.VetoedDrafts++
			yt.MemberVetoes += len(x.vetoedBy(i))
		case unsc.Failed:
			yt.FailedDrafts++
		}
	}
	for i := range t.Years {
		if y := &t.Years[i]; y.CountKnown > 0 {
			s := float64(y.Unanimous) / float64(y.CountKnown)
			y.UnanimousShare = &s
		}
	}
	return t
}

// charterCouncil is the Council that took decision i, as charter.CouncilOn
// gives it on its day.
func charterCouncil(x *Index, i int) unsc.Council {
	c, _ := charter.CouncilOn(x.date(i))
	return c
}
