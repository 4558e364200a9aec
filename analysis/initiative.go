package analysis

import (
	"context"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"unsc"
	"unsc/internal/ascii"
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

// The kinds of the General Assembly's meeting on a veto.
const (
	// KindDebate is a formal meeting convened under res 76/262 to debate
	// the situation on which the veto was cast.
	KindDebate = "debate"
	// KindEmergencySession is a meeting of an emergency special session on
	// the same situation, for which res 76/262 calls for no separate debate.
	KindEmergencySession = "emergency-special-session"
)

// DebateMarks says what each mark of gadebates.csv means: how a row was
// verified. (A function, not a package-level map: a map literal is built
// by the package's initialisation at every start of every program that
// links analysis.)
func DebateMarks() map[string]string {
	return map[string]string{
		"V": "stated in RULES.md, and the meeting confirmed by the UN page named",
		"P": "a UN page read (the press release, a UN copy of it, the meeting record, the resolution adopted at the meeting, or the Assembly President's page) gives the meeting and its date",
		"C": "the UN press release read gives the meeting and its subject but not its date; the date from the dated sources named with it",
		"R": "no UN press release found; the meeting and its date from the dated reports named",
		"S": "the UN press release read confirms the meeting and its subject; the date as recalled, not re-read",
	}
}

// Debate is the General Assembly's meeting on a veto: a debate held under
// res 76/262, or the meeting of an emergency special session on the same
// situation (Kind says which).
type Debate struct {
	// Draft is the vetoed draft or amendment as the record names it.
	Draft    string `json:"draft"`
	VetoDate string `json:"veto_date"`
	// Kind is KindDebate or KindEmergencySession.
	Kind string `json:"kind"`
	// Date is the day of the meeting: for a session, its first meeting
	// after the veto.
	Date string `json:"date"`
	// MeetingRecord is the meeting's verbatim record (A/76/PV.77,
	// A/ES-10/PV.39) where a source read names it.
	MeetingRecord string `json:"meeting_record,omitempty"`
	// PressRelease is the UN meetings-coverage release (GA/12423) where
	// one was found.
	PressRelease string `json:"press_release,omitempty"`
	// Source lists the public addresses read, separated by " ; ".
	Source string `json:"source"`
	// Mark says how the row was verified: a key of DebateMarks.
	Mark string `json:"mark"`
}

// KindText is the meeting's kind in words: "debate" or "emergency
// special session".
func (d Debate) KindText() string {
	if d.Kind == KindEmergencySession {
		return "emergency special session"
	}
	return "debate"
}

// Text is the meeting in words: "debate, A/78/PV.66, 2024-04-08" or
// "emergency special session, A/ES-10/PV.39, 2023-10-26".
func (d Debate) Text() string {
	s := d.KindText()
	if d.MeetingRecord != "" {
		s += ", " + d.MeetingRecord
	}
	return s + ", " + d.Date
}

// Address returns the first of Sources that is a web address, or "" (a
// row may cite RULES.md first).
func (d Debate) Address() string {
	for _, s := range d.Sources() {
		if strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") {
			return s
		}
	}
	return ""
}

// Sources returns the addresses of Source, in order.
func (d Debate) Sources() []string {
	var out []string
	for _, s := range strings.Split(d.Source, " ; ") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

var debates = lazy.Value[[]Debate]{Make: mustDebates}

func mustDebates() []Debate {
	ds, err := parseDebates("gadebates.csv", debatesCSV)
	if err != nil {
		panic(err)
	}
	return ds
}

var debatesHeader = []string{"draft", "veto_date", "kind", "date", "meeting_record", "press_release", "source", "mark"}

// isMeetingRecord reports whether s is the symbol of a General Assembly
// meeting's record, A/NN/PV.NN or A/ES-NN/PV.NN. (Checked by hand, not by
// a regular expression: compiling one links Unicode's tables into the
// start of every program that answers the veto initiative.)
func isMeetingRecord(s string) bool {
	rest, ok := strings.CutPrefix(s, "A/")
	if !ok {
		return false
	}
	rest = strings.TrimPrefix(rest, "ES-")
	session, meeting, ok := strings.Cut(rest, "/PV.")
	return ok && ascii.IsDigits(session) && ascii.IsDigits(meeting)
}

// isPressRelease reports whether s is a General Assembly press release's
// symbol, GA/NNNNN.
func isPressRelease(s string) bool {
	n, ok := strings.CutPrefix(s, "GA/")
	return ok && ascii.IsDigits(n)
}

// parseDebates reads gadebates.csv. It returns an *unsc.Error (EINVALID)
// naming the file, line and column of the first bad value: a date not
// YYYY-MM-DD, a meeting not after its veto, an unknown kind or mark, a
// meeting record or press release not of its form, a row listed twice.
func parseDebates(name, text string) ([]Debate, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comment = '#'
	r.FieldsPerRecord = len(debatesHeader)
	bad := func(col int, format string, args ...any) error {
		line, _ := r.FieldPos(col)
		return unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:%d:%s", name, line, debatesHeader[col]), format, args...)
	}
	head, err := r.Read()
	if err != nil {
		return nil, unsc.Errorf(unsc.EINVALID, name, "%v: want the header %s", err, strings.Join(debatesHeader, ","))
	}
	if !slices.Equal(head, debatesHeader) {
		line, _ := r.FieldPos(0)
		return nil, unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:%d", name, line), "header %s: want %s", strings.Join(head, ","), strings.Join(debatesHeader, ","))
	}
	var out []Debate
	seen := map[[2]string]bool{}
	for {
		f, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, unsc.Errorf(unsc.EINVALID, name, "%v", err)
		}
		d := Debate{Draft: f[0], VetoDate: f[1], Kind: f[2], Date: f[3], MeetingRecord: f[4], PressRelease: f[5], Source: f[6], Mark: f[7]}
		if d.Draft == "" {
			return nil, bad(0, "empty: want the vetoed draft as the record names it")
		}
		veto, err := time.Parse(dateLayout, d.VetoDate)
		if err != nil {
			return nil, bad(1, "%q: want YYYY-MM-DD", d.VetoDate)
		}
		if d.Kind != KindDebate && d.Kind != KindEmergencySession {
			return nil, bad(2, "%q: want %s or %s", d.Kind, KindDebate, KindEmergencySession)
		}
		met, err := time.Parse(dateLayout, d.Date)
		if err != nil {
			return nil, bad(3, "%q: want YYYY-MM-DD", d.Date)
		}
		if !met.After(veto) {
			return nil, bad(3, "%s: want a day after the veto of %s", d.Date, d.VetoDate)
		}
		if d.MeetingRecord != "" {
			if !isMeetingRecord(d.MeetingRecord) {
				return nil, bad(4, "%q: want A/NN/PV.NN or A/ES-NN/PV.NN", d.MeetingRecord)
			}
			if ess := strings.HasPrefix(d.MeetingRecord, "A/ES-"); ess != (d.Kind == KindEmergencySession) {
				return nil, bad(4, "%s: the record of an emergency special session is A/ES-NN/PV.NN, and only it", d.MeetingRecord)
			}
		}
		if d.PressRelease != "" && !isPressRelease(d.PressRelease) {
			return nil, bad(5, "%q: want GA/NNNNN", d.PressRelease)
		}
		if len(d.Sources()) == 0 {
			return nil, bad(6, "empty: want the addresses read")
		}
		if _, ok := DebateMarks()[d.Mark]; !ok {
			return nil, bad(7, "%q: want one of V, P, C, R, S", d.Mark)
		}
		k := [2]string{d.Draft, d.VetoDate}
		if seen[k] {
			return nil, bad(0, "%s of %s listed twice", d.Draft, d.VetoDate)
		}
		seen[k] = true
		out = append(out, d)
	}
}

// Debates returns the embedded list of the General Assembly's meetings on
// vetoes.
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
	// Marks says what each debate's mark means: how it was verified.
	Marks map[string]string `json:"marks"`
}

// InitiativeVeto is one veto and the General Assembly's meeting on it: its
// debate under res 76/262, or its emergency special session on the same
// situation.
type InitiativeVeto struct {
	Date     string      `json:"date"`
	Symbol   string      `json:"symbol"`
	VetoedBy []unsc.Code `json:"vetoed_by"`
	Agenda   string      `json:"agenda,omitempty"`
	// Deadline is the last working day for the debate under the calendar.
	Deadline string `json:"deadline"`
	// Debate is the Assembly's meeting on the veto where known, and nil
	// where not; its Kind says whether it was a debate or a meeting of an
	// emergency special session.
	Debate *Debate `json:"debate"`
	// Met is the meeting in words, as Debate.Text gives it: "emergency
	// special session, A/ES-10/PV.39, 2023-10-26"; empty where not known.
	Met string `json:"met,omitempty"`
	// InTime says whether the known meeting was held by the deadline.
	InTime *bool `json:"in_time,omitempty"`
}

const initiativeRule = "GA res 76/262 (26 April 2022): the President of the General Assembly convenes a formal meeting within ten working days of a veto, unless an emergency special session meets on the same situation. The deadline is the tenth working day after the veto, the day of the veto not counted (an interpretation); vetoes are the record's."

// VetoInitiative lists every veto cast since GA resolution 76/262 with the
// deadline for the General Assembly's debate under the calendar, and the
// Assembly's meeting on it (a debate, or an emergency special session on
// the same situation) where gadebates.csv knows it. It stops with ctx's error when ctx
// is done.
func (x *Index) VetoInitiative(ctx context.Context, cal Calendar) (VetoInitiative, error) {
	if err := ctx.Err(); err != nil {
		return VetoInitiative{}, err
	}
	a := VetoInitiative{Period: x.PeriodOf(VetoInitiativeStart, time.Time{}, VetoKinds...), Rule: initiativeRule, Calendar: cal.Name, Source: cal.Source, Assumed: cal.Assumption, Vetoes: []InitiativeVeto{}, Marks: DebateMarks()}
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
			if db := debates.Get()[k]; db.Draft == iv.Symbol && db.VetoDate == iv.Date {
				iv.Debate = &db
				iv.Met = db.Text()
				in := db.Date <= iv.Deadline
				iv.InTime = &in
			}
		}
		a.Vetoes = append(a.Vetoes, iv)
	}
	return a, nil
}
