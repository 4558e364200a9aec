package analysis

import (
	"context"
	"sort"
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
// period open). Each year's counts are differences of running totals over
// the record (trendsTable), so an answer costs its years, not its
// decisions. It stops with ctx's error when ctx is done.
func (x *Index) Trends(ctx context.Context, from, to time.Time) (Trends, error) {
	t, ys, err := x.TrendsInParts(ctx, from, to)
	if err != nil {
		return Trends{}, err
	}
	whole := x.WholeYears()
	t.Years = make([]YearTrend, 0, ys.Len())
	if ys.First != nil {
		t.Years = append(t.Years, *ys.First)
	}
	t.Years = append(t.Years, whole[ys.Lo:ys.Hi]...)
	if ys.Last != nil {
		t.Years = append(t.Years, *ys.Last)
	}
	return t, nil
}

// TrendsYears are the years of a Trends answer in parts, for encoders
// that keep every whole year's encoding: First and Last are the years the
// period cuts (nil where it cuts none), and between them come the whole
// years WholeYears()[Lo:Hi].
type TrendsYears struct {
	First, Last *YearTrend
	Lo, Hi      int
}

// Len is the number of years.
func (ys TrendsYears) Len() int {
	n := ys.Hi - ys.Lo
	if ys.First != nil {
		n++
	}
	if ys.Last != nil {
		n++
	}
	return n
}

// TrendsInParts answers Trends with its Years nil: they are given in
// parts instead, the whole years as a run of WholeYears. It stops with
// ctx's error when ctx is done.
func (x *Index) TrendsInParts(ctx context.Context, from, to time.Time) (Trends, TrendsYears, error) {
	if err := ctx.Err(); err != nil {
		return Trends{}, TrendsYears{}, err
	}
	t := x.TrendsHead(from, to, nil)
	t.Period.Text = t.Period.text()
	ys, err := x.TrendYears(ctx, from, to)
	if err != nil {
		return Trends{}, TrendsYears{}, err
	}
	return t, ys, nil
}

// TrendsHead returns the answer of TrendsInParts without its years and
// without its period's text (Period.AppendText writes it), the period's
// kinds in kinds where it has room: for a caller that writes the answer
// itself, with the years of TrendYears.
func (x *Index) TrendsHead(from, to time.Time, kinds []KindPeriod) Trends {
	t := Trends{Period: x.periodBoundsIn(kinds, from, to, Kinds), By: "year", Note: trendsNote}
	t.From, t.To = formatDates(from, to)
	return t
}

// TrendYears returns the years of TrendsInParts alone, for a caller that
// prints neither the period nor the note (the CLI's CSV): the period's
// words are not made.
func (x *Index) TrendYears(ctx context.Context, from, to time.Time) (TrendsYears, error) {
	if err := ctx.Err(); err != nil {
		return TrendsYears{}, err
	}
	lo, hi := x.span(from, to)
	tt := x.trendsTable()
	// The table is built whole, once, even for a client that has gone.
	if err := ctx.Err(); err != nil {
		return TrendsYears{}, err
	}
	if lo >= hi {
		return TrendsYears{}, nil
	}
	// The runs of one year that overlap [lo, hi): every one but the first
	// and the last lies inside it whole.
	r := sort.Search(len(tt.years), func(r int) bool { return tt.starts[r+1] > lo })
	end := r
	for end < len(tt.years) && tt.starts[end] < hi {
		end++
	}
	ys := TrendsYears{Lo: r, Hi: end}
	if r < end && (tt.starts[r] < lo || tt.starts[r+1] > hi) {
		ys.First = tt.year(r, lo, hi)
		ys.Lo++
	}
	if ys.Lo < ys.Hi && (tt.starts[end-1] < lo || tt.starts[end] > hi) {
		ys.Last = tt.year(end-1, lo, hi)
		ys.Hi--
	}
	return ys, nil
}

// WholeYears returns every year of the record, as Trends counts it
// without a period, built once: shared, to be read, never changed.
func (x *Index) WholeYears() []YearTrend {
	return x.trendsTable().whole
}

// year returns year run r's counts of the decisions [lo, hi) (at least
// one of the run's).
func (tt *trendsTable) year(r, lo, hi int) *YearTrend {
	a, b := max(tt.starts[r], lo), min(tt.starts[r+1], hi)
	var c trendCounts
	switch {
	case tt.sums != nil:
		for k := range c {
			c[k] = tt.sums[b][k] - tt.sums[a][k]
		}
	case a == tt.starts[r] && b == tt.starts[r+1]:
		y := tt.whole[r]
		return &y
	default:
		// The year's counts are read from the record's sums; a part of it
		// is counted from its decisions.
		for i := a; i < b; i++ {
			tt.x.addTrend(i, &c)
		}
	}
	return tt.yearTrend(r, &c)
}

// yearTrend returns year run r's YearTrend of the counts c.
func (tt *trendsTable) yearTrend(r int, c *trendCounts) *YearTrend {
	y := &YearTrend{Year: tt.years[r], Period: tt.names[r],
		Decisions: int(c[tDecisions]), Resolutions: int(c[tResolutions]), WithoutVote: int(c[tWithoutVote]),
		CountKnown: int(c[tCountKnown]), Unanimous: int(c[tUnanimous]), VetoedDrafts: int(c[tVetoedDrafts]),
		MemberVetoes: int(c[tMemberVetoes]), Abstentions: int(c[tAbstentions]), FailedDrafts: int(c[tFailedDrafts])}
	if y.CountKnown > 0 {
		share := float64(y.Unanimous) / float64(y.CountKnown)
		y.UnanimousShare = &share
	}
	return y
}

// The counts of a YearTrend, in trendCounts.
const (
	tDecisions = iota
	tResolutions
	tWithoutVote
	tCountKnown
	tUnanimous
	tVetoedDrafts
	tMemberVetoes
	tAbstentions
	tFailedDrafts
	numTrendCounts
)

type trendCounts [numTrendCounts]int32

// trendsTable holds the counts of Trends as running totals over the
// record: sums[i] counts decisions [0, i). The record is in date order, so
// each year is one run of decisions: years[r] (names[r] as the answer
// writes it) starts at starts[r] and ends where the next begins (starts has
// one more entry, the number of decisions). whole[r] is year r's counts.
type trendsTable struct {
	// sums is nil where the whole years come from the record's sums;
	// then a part of a year is counted from the decisions of x.
	x      *Index
	sums   []trendCounts
	years  []int
	names  []string
	starts []int
	whole  []YearTrend
}

// trendsTable returns the running totals of Trends, built once; where
// the index reads the record's sums (NewColumnsForOne), the whole years'
// counts instead, and a year a period cuts is counted from its decisions.
func (x *Index) trendsTable() *trendsTable {
	x.trendsOnce.Do(func() {
		tt := &x.trends
		if x.trendsFromSums(tt) {
			return
		}
		tt.sums = make([]trendCounts, x.n+1)
		days := x.allDays()
		for i := range x.n {
			if y, _, _ := civilDate(days[i]); len(tt.years) == 0 || tt.years[len(tt.years)-1] != y {
				tt.years = append(tt.years, y)
				tt.names = append(tt.names, itoa(y))
				tt.starts = append(tt.starts, i)
			}
			c := tt.sums[i]
			x.addTrend(i, &c)
			tt.sums[i+1] = c
		}
		tt.starts = append(tt.starts, x.n)
		tt.whole = make([]YearTrend, len(tt.years))
		for r := range tt.years {
			tt.whole[r] = *tt.year(r, 0, x.n)
		}
	})
	return &x.trends
}

// addTrend adds decision i to the counts c.
func (x *Index) addTrend(i int, c *trendCounts) {
	outcome := x.outcome(i)
	c[tDecisions]++
	if outcome == unsc.Adopted && x.resolution(i) != "" {
		c[tResolutions]++
	}
	switch {
	case x.modality(i) != unsc.ByVote:
		c[tWithoutVote]++
	default:
		if t := x.tally(i); t.Known {
			c[tCountKnown]++
			if size := x.councilSize(i); t.Yes == size && size > 0 {
				c[tUnanimous]++
			}
			c[tAbstentions] += int32(t.Abstain)
		}
	}
	switch outcome {
	case unsc.Vetoed:
		c[tVetoedDrafts]++
		c[tMemberVetoes] += int32(len(x.vetoedBy(i)))
	case unsc.Failed:
		c[tFailedDrafts]++
	}
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
