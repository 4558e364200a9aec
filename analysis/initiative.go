package analysis

import (
	"context"
	_ "embed"
	"slices"
	"time"

	"unsc"
	"unsc/internal/lazy"
	"unsc/record"
)

// VetoInitiativeStart is the date of GA resolution 76/262, from which a
// veto calls for a General Assembly debate.
var VetoInitiativeStart = time.Date(2022, time.April, 26, 0, 0, 0, 0, time.UTC)

// WorkingDays is how many working days res 76/262 gives the President of the
// General Assembly to convene the debate.
const WorkingDays = 10

//go:embed holidays.csv
var holidaysCSV string

//go:embed gadebates.csv
var debatesCSV string

// Calendar says which days are working days.
type Calendar struct {
	Name string `json:"name"`
	// Weekend lists the days of the week that are not working days.
	Weekend []time.Weekday `json:"weekend"`
	// Holidays are further days that are not working days.
	Holidays []Holiday `json:"holidays"`
	Source   string    `json:"source"`
	// Assumption is true when the calendar is not the verified one.
	Assumption bool `json:"assumption"`
}

// Holiday is one day off.
type Holiday struct {
	Date string `json:"date"` // YYYY-MM-DD
	Name string `json:"name"`
	// Mark is "S" (from the year's circular, as reported) or "U" (derived).
	Mark string `json:"mark,omitempty"`
}

// DefaultCalendar is United Nations Headquarters' working week and its
// official holidays 2022–2027, embedded as holidays.csv. It is an
// assumption: RULES.md §5 leaves open which calendar res 76/262 means.
func DefaultCalendar() Calendar {
	rows, err := readCSV("holidays.csv", holidaysCSV, 3)
	if err != nil {
		panic(err)
	}
	c := Calendar{
		Name:       "un-headquarters",
		Weekend:    []time.Weekday{time.Saturday, time.Sunday},
		Source:     "United Nations Headquarters official holidays (ST/IC information circulars), 2022–2027, as listed in holidays.csv; mostly derived from the circulars' pattern",
		Assumption: true,
	}
	for _, r := range rows[1:] {
		c.Holidays = append(c.Holidays, Holiday{r[0], r[1], r[2]})
	}
	return c
}

// WeekendsOnly is a calendar with no holidays.
func WeekendsOnly() Calendar {
	return Calendar{Name: "weekends-only", Weekend: []time.Weekday{time.Saturday, time.Sunday},
		Source: "Saturdays and Sundays only", Assumption: true}
}

// CheckCalendar returns an *unsc.Error (EINVALID) naming the holiday that
// is not a date.
func CheckCalendar(c Calendar) error {
	for i, h := range c.Holidays {
		if _, err := time.Parse(dateLayout, h.Date); err != nil {
			return unsc.Errorf(unsc.EINVALID, "holidays["+itoa(i)+"].date", "%q: want YYYY-MM-DD", h.Date)
		}
	}
	if len(c.Weekend) >= 7 {
		return unsc.Errorf(unsc.EINVALID, "weekend", "every day of the week is off")
	}
	return nil
}

// Deadline returns the last day for the debate: the WorkingDays-th working
// day after the veto, the day of the veto not counted.
func (c Calendar) Deadline(veto time.Time) time.Time {
	return c.deadline(veto, c.offDays())
}

func (c Calendar) offDays() map[string]bool {
	off := make(map[string]bool, len(c.Holidays))
	for _, h := range c.Holidays {
		off[h.Date] = true
	}
	return off
}

func (c Calendar) deadline(veto time.Time, off map[string]bool) time.Time {
	if len(c.Weekend) >= 7 {
		return time.Time{}
	}
	d := time.Date(veto.Year(), veto.Month(), veto.Day(), 0, 0, 0, 0, time.UTC)
	for n := 0; n < WorkingDays; {
		d = d.AddDate(0, 0, 1)
		if !slices.Contains(c.Weekend, d.Weekday()) && !off[d.Format(dateLayout)] {
			n++
		}
	}
	return d
}

// Debate is a General Assembly debate held on a veto.
type Debate struct {
	Draft         string `json:"draft"`
	VetoDate      string `json:"veto_date"`
	Date          string `json:"date"`
	MeetingRecord string `json:"meeting_record,omitempty"`
	Source        string `json:"source"`
	Mark          string `json:"mark"`
}

var debates = lazy.Value[[]Debate]{Make: mustDebates}

func mustDebates() []Debate {
	rows, err := readCSV("gadebates.csv", debatesCSV, 6)
	if err != nil {
		panic(err)
	}
	var out []Debate
	for _, r := range rows[1:] {
		out = append(out, Debate{r[0], r[1], r[2], r[3], r[4], r[5]})
	}
	return out
}

// Debates returns the embedded list of General Assembly debates on vetoes.
func Debates() []Debate { return slicesClone(debates.Get()) }

// VetoInitiative lists every veto since GA resolution 76/262.
type VetoInitiative struct {
	// Period is the period the list covers, as the record holds it: from
	// VetoInitiativeStart.
	Period   Period           `json:"period"`
	Rule     string           `json:"rule"`
	Calendar string           `json:"calendar"`
	Source   string           `json:"calendar_source"`
	Assumed  bool             `json:"calendar_assumed"`
	Vetoes   []InitiativeVeto `json:"vetoes"`
}

// InitiativeVeto is one veto and its General Assembly debate.
type InitiativeVeto struct {
	Date     string      `json:"date"`
	Symbol   string      `json:"symbol"`
	VetoedBy []unsc.Code `json:"vetoed_by"`
	Agenda   string      `json:"agenda,omitempty"`
	// Deadline is the last working day for the debate under the calendar.
	Deadline string `json:"deadline"`
	// Debate is the debate where known, and nil where not.
	Debate *Debate `json:"debate"`
	// InTime says whether the known debate met the deadline.
	InTime *bool `json:"in_time,omitempty"`
}

const initiativeRule = "GA res 76/262 (26 April 2022): the President of the General Assembly convenes a formal meeting within ten working days of a veto, unless an emergency special session meets on the same situation. The deadline is the tenth working day after the veto, the day of the veto not counted (an interpretation); vetoes are the record's."

// VetoInitiative lists every veto cast since GA resolution 76/262 with the
// deadline for the General Assembly's debate under the calendar, and the
// debate where gadebates.csv knows it. It stops with ctx's error when ctx
// is done.
func (x *Index) VetoInitiative(ctx context.Context, cal Calendar) (VetoInitiative, error) {
	if err := ctx.Err(); err != nil {
		return VetoInitiative{}, err
	}
	a := VetoInitiative{Period: x.PeriodOf(VetoInitiativeStart, time.Time{}, VetoKinds...), Rule: initiativeRule, Calendar: cal.Name, Source: cal.Source, Assumed: cal.Assumption, Vetoes: []InitiativeVeto{}}
	lo, _ := x.span(VetoInitiativeStart, time.Time{})
	off := cal.offDays()
	dates := x.dateStrings()
	for k, v := range x.recordVetoList() {
		if err := stopped(ctx, k); err != nil {
			return VetoInitiative{}, err
		}
		if v.i < lo {
			continue
		}
		d := x.d(v.i)
		iv := InitiativeVeto{Date: dates[v.i], Symbol: record.Symbol(*d), VetoedBy: v.members,
			Agenda: d.Agenda, Deadline: formatDate(cal.deadline(d.Date, off))}
		for k := range debates.Get() {
			if db := debates.Get()[k]; db.Draft != "" && (db.Draft == d.Draft) && db.VetoDate == iv.Date {
				iv.Debate = &db
				in := db.Date <= iv.Deadline
				iv.InTime = &in
			}
		}
		a.Vetoes = append(a.Vetoes, iv)
	}
	return a, nil
}
