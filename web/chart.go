package web

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/analysis"
)

// Charts are drawn by the server as SVG, so they print, embed and need no
// script; each comes with its data as a table. Their colours are the
// Okabe–Ito palette, told apart with colour-blindness, and every series is
// named in a legend and in the table.

// vetoSeries are the series of the veto chart: the five permanent seats,
// and, when drafts are counted, the drafts vetoed by more than one.
var vetoSeries = []struct {
	Key, Name, Colour string
}{
	{"SUN+RUS", "USSR / Russian Federation", "#D55E00"},
	{"USA", "United States", "#0072B2"},
	{"GBR", "United Kingdom", "#009E73"},
	{"FRA", "France", "#CC79A7"},
	{"CHN", "China", "#E69F00"},
	{"joint", "Two or more together", "#444444"},
}

// seatOf returns the series key of a member code.
func seatOf(c unsc.Code) string {
	if c == "SUN" || c == "RUS" {
		return "SUN+RUS"
	}
	return string(c)
}

// vetoChart is a chart of vetoes by year, stacked by member, and its data.
type vetoChart struct {
	Width, Height int
	// Plot area.
	Left, Top, PlotW, PlotH int
	Bars                    []chartRect
	YTicks                  []chartTick
	XTicks                  []chartTick
	Marks                   []chartMark
	Legend                  []chartLegend
	// Rows are the data, a year a row; Series names its columns.
	Series []string
	Rows   []chartRow
	Total  int
	// Unit says what a unit of the chart is.
	Unit string
	// Label describes the chart for a screen reader.
	Label string
	// Compact drops the marks' labels, for the home page.
	Compact bool
}

type chartRect struct {
	X, Y, W, H int
	Fill       string
	Title      string
}

type chartTick struct {
	Pos   int
	Label string
}

type chartMark struct {
	X      int
	N      int
	Label  string
	LabelX int
}

type chartLegend struct {
	Name, Colour string
}

type chartRow struct {
	Year   int
	Counts []int
	Total  int
}

// vetoMarks are the dates the veto chart marks.
var vetoMarks = []struct {
	date  time.Time
	label string
}{
	{time.Date(1966, 1, 1, 0, 0, 0, 0, time.UTC), "1966: the Council grows from 11 to 15 members"},
	{time.Date(1971, 10, 25, 0, 0, 0, 0, time.UTC), "1971: the People's Republic of China takes the China seat"},
	{time.Date(1991, 12, 24, 0, 0, 0, 0, time.UTC), "1991: the Russian Federation continues the USSR's seat"},
	{time.Date(2022, 4, 26, 0, 0, 0, 0, time.UTC), "April 2022: GA resolution 76/262, a General Assembly debate after every veto"},
}

// newVetoChart draws the vetoes of an answer (which must list them) by
// year, from 1946 to last (or the last year with a veto). Under the drafts rule a draft vetoed by several members is one
// veto, drawn as its own series; under member-votes each member's veto is
// drawn for that member. The bars add up to the answer's Count.
func newVetoChart(a analysis.VetoAnswer, compact bool, last int) *vetoChart {
	c := &vetoChart{Width: 960, Height: 360, Left: 40, Top: 16, Compact: compact}
	if compact {
		c.Height = 260
	}
	c.PlotW = c.Width - c.Left - 8
	c.PlotH = c.Height - c.Top - 28
	joint := a.Rule == analysis.RuleDrafts
	series := vetoSeries
	if !joint {
		series = series[:5]
	}
	for _, s := range series {
		c.Series = append(c.Series, s.Name)
		c.Legend = append(c.Legend, chartLegend{s.Name, s.Colour})
	}
	first := 1946
	counts := map[int][]int{}
	for _, v := range a.Vetoes {
		y, _ := strconv.Atoi(v.Date[:4])
		last = max(last, y)
		if counts[y] == nil {
			counts[y] = make([]int, len(series))
		}
		if joint && len(v.VetoedBy) > 1 {
			counts[y][len(series)-1]++
			continue
		}
		for _, m := range v.VetoedBy {
			if a.Member != "" && !memberInSeat(m, a.Member) {
				continue
			}
			for k, s := range series {
				if s.Key == seatOf(m) {
					counts[y][k]++
				}
			}
			if joint {
				break
			}
		}
	}
	peak := 1
	for y := first; y <= last; y++ {
		row := chartRow{Year: y, Counts: counts[y]}
		if row.Counts == nil {
			row.Counts = make([]int, len(series))
		}
		for _, n := range row.Counts {
			row.Total += n
		}
		c.Total += row.Total
		peak = max(peak, row.Total)
		c.Rows = append(c.Rows, row)
	}
	step := 1
	for peak/step > 6 {
		step *= 2
	}
	top := (peak + step - 1) / step * step
	years := last - first + 1
	barW := c.PlotW / years
	yOf := func(n int) int { return c.Top + c.PlotH - n*c.PlotH/top }
	for n := 0; n <= top; n += step {
		c.YTicks = append(c.YTicks, chartTick{yOf(n), strconv.Itoa(n)})
	}
	for y := (first + 9) / 10 * 10; y <= last; y += 10 {
		c.XTicks = append(c.XTicks, chartTick{c.Left + (y-first)*barW + barW/2, strconv.Itoa(y)})
	}
	for _, row := range c.Rows {
		x := c.Left + (row.Year-first)*barW
		base := 0
		for k, n := range row.Counts {
			if n == 0 {
				continue
			}
			c.Bars = append(c.Bars, chartRect{X: x + 1, Y: yOf(base + n), W: max(barW-2, 1), H: yOf(base) - yOf(base+n),
				Fill: series[k].Colour, Title: strconv.Itoa(row.Year) + ", " + series[k].Name + ": " + strconv.Itoa(n)})
			base += n
		}
	}
	for i, m := range vetoMarks {
		if compact || m.date.Year() < first || m.date.Year() > last {
			continue
		}
		x := c.Left + (m.date.Year()-first)*barW + int(m.date.YearDay())*barW/366
		c.Marks = append(c.Marks, chartMark{X: x, N: i + 1, Label: m.label, LabelX: x + 3})
	}
	c.Unit = "vetoes cast (a joint veto counts once for each member)"
	if joint {
		c.Unit = "vetoed drafts (a draft vetoed by several members counts once)"
	}
	c.Label = "Bar chart of " + c.Unit + " by year from " + strconv.Itoa(first) + " to " + strconv.Itoa(last) + ", " + strconv.Itoa(c.Total) + " in all; the table that follows gives the numbers."
	return c
}

// memberInSeat reports whether code is one of the codes of a seat such as
// "SUN+RUS".
func memberInSeat(code unsc.Code, seat string) bool {
	for i := 0; i < len(seat); i += 4 {
		if i+3 <= len(seat) && seat[i:i+3] == string(code) {
			return true
		}
	}
	return false
}

// lineChart is a chart of shares (0 to 1) by year, one line a series; a
// year with no value breaks the line.
type lineChart struct {
	Width, Height           int
	Left, Top, PlotW, PlotH int
	Lines                   []chartLine
	YTicks                  []chartTick
	XTicks                  []chartTick
	Legend                  []chartLegend
	Label                   string
}

type chartLine struct {
	Name, Colour string
	// Paths are the line's runs of consecutive years, as SVG path data.
	Paths []string
	Dots  []chartDot
}

type chartDot struct {
	X, Y  int
	Title string
}

// lineSeries is one series of a line chart: a value (or nil) for each
// year from first.
type lineSeries struct {
	Name, Colour string
	Values       []*float64
}

// newLineChart draws shares by year, from first, one series a line.
func newLineChart(first int, series []lineSeries, label string) *lineChart {
	c := &lineChart{Width: 960, Height: 300, Left: 48, Top: 12, Label: label}
	c.PlotW = c.Width - c.Left - 12
	c.PlotH = c.Height - c.Top - 28
	years := 0
	for _, s := range series {
		years = max(years, len(s.Values))
	}
	if years == 0 {
		return nil
	}
	step := float64(c.PlotW) / float64(max(years-1, 1))
	xOf := func(i int) int { return c.Left + int(float64(i)*step) }
	yOf := func(v float64) int { return c.Top + c.PlotH - int(v*float64(c.PlotH)) }
	for _, v := range []float64{0, .25, .5, .75, 1} {
		c.YTicks = append(c.YTicks, chartTick{yOf(v), strconv.Itoa(int(v*100)) + "%"})
	}
	for i := 0; i < years; i++ {
		if y := first + i; y%10 == 0 || years <= 12 {
			c.XTicks = append(c.XTicks, chartTick{xOf(i), strconv.Itoa(y)})
		}
	}
	for _, s := range series {
		l := chartLine{Name: s.Name, Colour: s.Colour}
		path := ""
		for i, v := range s.Values {
			if v == nil {
				if path != "" {
					l.Paths = append(l.Paths, path)
				}
				path = ""
				continue
			}
			x, y := xOf(i), yOf(*v)
			if path == "" {
				path = "M" + strconv.Itoa(x) + " " + strconv.Itoa(y)
			} else {
				path += " L" + strconv.Itoa(x) + " " + strconv.Itoa(y)
			}
			l.Dots = append(l.Dots, chartDot{x, y, strconv.Itoa(first+i) + ", " + s.Name + ": " + strconv.Itoa(int(*v*100+0.5)) + "%"})
		}
		if path != "" {
			l.Paths = append(l.Paths, path)
		}
		c.Lines = append(c.Lines, l)
		c.Legend = append(c.Legend, chartLegend{s.Name, s.Colour})
	}
	return c
}

// barChart is a chart of counts by year, one bar a year.
type barChart struct {
	Width, Height           int
	Left, Top, PlotW, PlotH int
	Bars                    []chartRect
	YTicks                  []chartTick
	XTicks                  []chartTick
	Label                   string
}

// newBarChart draws counts by year, from first.
func newBarChart(first int, values []int, name, colour, label string) *barChart {
	c := &barChart{Width: 960, Height: 260, Left: 48, Top: 12, Label: label}
	c.PlotW = c.Width - c.Left - 8
	c.PlotH = c.Height - c.Top - 28
	if len(values) == 0 {
		return nil
	}
	peak := 1
	for _, v := range values {
		peak = max(peak, v)
	}
	step := 1
	for peak/step > 6 {
		switch {
		case step%10 == 1 || step%10 == 5:
			step *= 2
		default:
			step = step / 2 * 5
		}
	}
	top := (peak + step - 1) / step * step
	barW := c.PlotW / len(values)
	yOf := func(n int) int { return c.Top + c.PlotH - n*c.PlotH/top }
	for n := 0; n <= top; n += step {
		c.YTicks = append(c.YTicks, chartTick{yOf(n), strconv.Itoa(n)})
	}
	for i, v := range values {
		y := first + i
		if y%10 == 0 {
			c.XTicks = append(c.XTicks, chartTick{c.Left + i*barW + barW/2, strconv.Itoa(y)})
		}
		if v > 0 {
			c.Bars = append(c.Bars, chartRect{X: c.Left + i*barW + 1, Y: yOf(v), W: max(barW-2, 1), H: yOf(0) - yOf(v), Fill: colour,
				Title: strconv.Itoa(y) + ": " + strconv.Itoa(v) + " " + name})
		}
	}
	return c
}

// The charts are written as SVG here rather than by a template: they are
// thousands of numbers, which a template would escape one by one. Every
// text in them (titles, labels) is escaped with template.HTMLEscapeString;
// numbers and the palette's colours need none.

func esc(s string) string { return template.HTMLEscapeString(s) }

func writeAxes(b *strings.Builder, left, plotW, height int, yTicks, xTicks []chartTick) {
	for _, t := range yTicks {
		fmt.Fprintf(b, `<line class="grid" x1="%d" x2="%d" y1="%d" y2="%d"/><text class="tick" x="%d" y="%d" text-anchor="end">%s</text>`,
			left, left+plotW, t.Pos, t.Pos, left-6, t.Pos+4, esc(t.Label))
	}
	for _, t := range xTicks {
		fmt.Fprintf(b, `<text class="tick" x="%d" y="%d" text-anchor="middle">%s</text>`, t.Pos, height-8, esc(t.Label))
	}
}

func writeBars(b *strings.Builder, bars []chartRect) {
	for _, r := range bars {
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"><title>%s</title></rect>`, r.X, r.Y, r.W, r.H, r.Fill, esc(r.Title))
	}
}

// SVG is the chart as an SVG element.
func (c *vetoChart) SVG() template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %d %d" role="img" aria-label="%s">`, c.Width, c.Height, esc(c.Label))
	writeAxes(&b, c.Left, c.PlotW, c.Height, c.YTicks, c.XTicks)
	writeBars(&b, c.Bars)
	for _, m := range c.Marks {
		fmt.Fprintf(&b, `<line class="mark" x1="%d" x2="%d" y1="%d" y2="%d"/><text class="mark" x="%d" y="%d">%d</text>`,
			m.X, m.X, c.Top, c.Top+c.PlotH, m.LabelX, c.Top+10, m.N)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// SVG is the chart as an SVG element.
func (c *lineChart) SVG() template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %d %d" role="img" aria-label="%s">`, c.Width, c.Height, esc(c.Label))
	writeAxes(&b, c.Left, c.PlotW, c.Height, c.YTicks, c.XTicks)
	for _, l := range c.Lines {
		for _, p := range l.Paths {
			fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="%s" stroke-width="2.5"/>`, p, l.Colour)
		}
		for _, d := range l.Dots {
			fmt.Fprintf(&b, `<circle cx="%d" cy="%d" r="3.5" fill="%s"><title>%s</title></circle>`, d.X, d.Y, l.Colour, esc(d.Title))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// SVG is the chart as an SVG element.
func (c *barChart) SVG() template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %d %d" role="img" aria-label="%s">`, c.Width, c.Height, esc(c.Label))
	writeAxes(&b, c.Left, c.PlotW, c.Height, c.YTicks, c.XTicks)
	writeBars(&b, c.Bars)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// Table is the chart's numbers, a year a row.
func (c *vetoChart) Table() template.HTML {
	t := &htmlTable{Class: "numbers", Caption: c.Unit + ", by year", RowHeads: true, Columns: append(append([]string{"Year"}, c.Series...), "Total")}
	for _, r := range c.Rows {
		if r.Total == 0 {
			continue
		}
		cells := []tableCell{{Text: strconv.Itoa(r.Year)}}
		for _, n := range r.Counts {
			cells = append(cells, tableCell{Text: strconv.Itoa(n)})
		}
		t.Rows = append(t.Rows, append(cells, tableCell{Text: strconv.Itoa(r.Total)}))
	}
	t.Foot = []tableCell{{Text: "All years"}}
	for range c.Series {
		t.Foot = append(t.Foot, tableCell{})
	}
	t.Foot = append(t.Foot, tableCell{Text: strconv.Itoa(c.Total)})
	return t.HTML()
}
