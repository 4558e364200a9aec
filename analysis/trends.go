package analysis

import (
	"context"
	"time"

	"unsc"
)

// Trends is the record year by year.
type Trends struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Period is the period the answer covers, as the record holds it.
	Period Period `json:"period"`
	// By is "year", or "decade" for TrendsByDecade, whose Years are
	// decades.
	By    string      `json:"by"`
	Years []YearTrend `json:"years"`
	Note  string      `json:"note"`
}

// YearTrend is one year of the record.
type YearTrend struct {
	// Year is the year, or the decade's first year; Period names it
	// ("1990", or "1990s" for a decade).
	Year   int    `json:"year"`
	Period string `json:"period"`
	// Decisions counts every decision taken; Resolutions those adopted as
	// resolutions.
	Decisions   int `json:"decisions"`
	Resolutions int `json:"resolutions"`
	// WithoutVote counts decisions adopted without a vote or by
	// acclamation.
	WithoutVote int `json:"without_vote"`
	// CountKnown counts decisions taken by a vote whose count is known;
	// Unanimous those of them on which every member of the Council voted
	// yes, and UnanimousShare their share (null when CountKnown is 0).
	CountKnown     int      `json:"count_known"`
	Unanimous      int      `json:"unanimous"`
	UnanimousShare *float64 `json:"unanimous_share"`
	// VetoedDrafts counts vetoed proposals, MemberVetoes the permanent
	// members' vetoes (a joint veto counts once per member).
	VetoedDrafts int `json:"vetoed_drafts"`
	MemberVetoes int `json:"member_vetoes"`
	// Abstentions counts abstentions cast, over decisions whose count is
	// known.
	Abstentions int `json:"abstentions"`
	// FailedDrafts counts proposals that failed for want of the required
	// number of votes.
	FailedDrafts int `json:"failed_drafts"`
}

const trendsNote = "Outcomes are those the Charter engine derives (or, with no votes or count, those recorded); vetoes are the record's (scope record); unanimous means every member of the Council voted yes, so absence or non-participation breaks it; a year's counts cover only the part of it inside the period."

// Trends counts the record year by year from..to (zero times leave the
// period open). It stops with ctx's error when ctx is done.
func (x *Index) Trends(ctx context.Context, from, to time.Time) (Trends, error) {
	t := Trends{From: formatDate(from), To: formatDate(to), Period: x.Period(from, to), By: "year", Years: []YearTrend{}, Note: trendsNote}
	lo, hi := x.span(from, to)
	for i := lo; i < hi; i++ {
		if err := stopped(ctx, i-lo); err != nil {
			return Trends{}, err
		}
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
				if size := x.councilSize(i); t.Yes == size && size > 0 {
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
	return t, nil
}

// TrendsByDecade counts the record decade by decade from..to, as Trends
// does year by year: each decade's counts are the sums of its years' (within
// the period), and its share unanimous is over all its decisions whose
// count is known.
func (x *Index) TrendsByDecade(ctx context.Context, from, to time.Time) (Trends, error) {
	t, err := x.Trends(ctx, from, to)
	if err != nil {
		return Trends{}, err
	}
	years := t.Years
	t.By, t.Years = "decade", []YearTrend{}
	for _, y := range years {
		d := y.Year - y.Year%10
		if len(t.Years) == 0 || t.Years[len(t.Years)-1].Year != d {
			t.Years = append(t.Years, YearTrend{Year: d, Period: itoa(d) + "s"})
		}
		s := &t.Years[len(t.Years)-1]
		s.Decisions += y.Decisions
		s.Resolutions += y.Resolutions
		s.WithoutVote += y.WithoutVote
		s.CountKnown += y.CountKnown
		s.Unanimous += y.Unanimous
		s.VetoedDrafts += y.VetoedDrafts
		s.MemberVetoes += y.MemberVetoes
		s.Abstentions += y.Abstentions
		s.FailedDrafts += y.FailedDrafts
	}
	for i := range t.Years {
		if y := &t.Years[i]; y.CountKnown > 0 {
			s := float64(y.Unanimous) / float64(y.CountKnown)
			y.UnanimousShare = &s
		}
	}
	return t, nil
}
