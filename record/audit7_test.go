package record_test

import (
	"fmt"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"unsc"
	"unsc/internal/shareddata"
	"unsc/record"
)

// Audit round 7 in the real record: the vetoes cast at meetings that ran
// over two or three days, dated by the day of the vote and not by the day
// the meeting opened (S/4567/Rev.1, 4 December 1960; S/13735, 13 January
// 1980, with every member's position; S/16077/Rev.1, 28 October 1983;
// S/2001/1199, 15 December 2001); resolution 364 (1974), on which China did
// not participate, where the Library's table and the Digital Library count
// it abstaining, and the renewals of 1973–74 on which it did abstain (the
// volumes of 1973 and 1974); resolutions 308 (1972), 331 (1973) and 367
// (1975), which no vote adopted (the President declared 308 and 331
// adopted, no member objecting;
// 367 "adopted without a vote"), where the table and the Digital Library give
// 15-0-0.
func TestAuditRound7InRealRecord(t *testing.T) {
	on := func(date string) func(unsc.Decision) string {
		return func(d unsc.Decision) string {
			if got := d.Date.Format(time.DateOnly); got != date {
				return fmt.Sprintf("date %s, want %s", got, date)
			}
			return ""
		}
	}
	want := map[string]func(unsc.Decision) string{
		"S/4567/Rev.1": on("1960-12-04"),
		"S/16077/Rev.1": func(d unsc.Decision) string {
			if msg := on("1983-10-28")(d); msg != "" {
				return msg
			}
			if msg := positions(15, unsc.Tally{Yes: 11, No: 1, Abstain: 3})(d); msg != "" {
				return msg
			}
			if d.Votes.Of("USA") != unsc.No || d.Votes.Of("COD") != unsc.Abstain || d.Votes.Of("FRA") != unsc.Yes {
				return fmt.Sprintf("positions %v, want the United States against, Zaire abstaining, France in favour (CSM)", d.Votes)
			}
			return ""
		},
		"S/2001/1199": on("2001-12-15"),
		// Checked: the vote came on the day the meeting opened.
		"S/13729":    on("1980-01-07"),
		"S/2001/270": on("2001-03-27"),
		"S/13735": func(d unsc.Decision) string {
			if msg := on("1980-01-13")(d); msg != "" {
				return msg
			}
			if msg := positions(15, unsc.Tally{Yes: 10, No: 2, Abstain: 2})(d); msg != "" {
				return msg
			}
			if d.Votes.Of("DDR") != unsc.No || d.Votes.Of("CHN") != unsc.NotParticipating || d.Votes.Of("MEX") != unsc.Abstain {
				return fmt.Sprintf("positions %v, want the GDR against, China not participating, Mexico abstaining (FRUS)", d.Votes)
			}
			return ""
		},
		"S/RES/364 (1974)": func(d unsc.Decision) string {
			if msg := positions(15, unsc.Tally{Yes: 14})(d); msg != "" {
				return msg
			}
			if d.Votes.Of("CHN") != unsc.NotParticipating || d.Tally.Abstain != 0 {
				return fmt.Sprintf("China %v, count %v, want China not participating and 14-0-0 (the volume of 1974)", d.Votes.Of("CHN"), d.Tally)
			}
			return ""
		},
	}
	abstains := func(code unsc.Code) func(unsc.Decision) string {
		return func(d unsc.Decision) string {
			if d.Votes.Of(code) != unsc.Abstain {
				return fmt.Sprintf("%s %v, want abstaining (the volume's vote line)", code, d.Votes.Of(code))
			}
			return ""
		}
	}
	withoutVote := func(d unsc.Decision) string {
		if d.Modality != unsc.WithoutVote || d.Tally.Known {
			return fmt.Sprintf("modality %v, count %v, want adopted without a vote, no count", d.Modality, d.Tally)
		}
		return ""
	}
	want["S/RES/332 (1973)"] = abstains("CHN")
	want["S/RES/334 (1973)"] = abstains("CHN")
	want["S/RES/343 (1973)"] = abstains("CHN")
	want["S/RES/349 (1974)"] = abstains("CHN")
	want["S/RES/308 (1972)"] = withoutVote
	want["S/RES/331 (1973)"] = withoutVote
	want["S/RES/367 (1975)"] = withoutVote
	decisions := record.Reconcile(realReports(t))
	checkEach(t, decisions, want)

	// The class: every veto the Library's veto list dates over a span of
	// days ("11-13 January 1980") is dated within the span, and by a day
	// someone has read: a fact, or one of the checked votes above.
	bySymbol := map[string]unsc.Decision{}
	for _, d := range decisions {
		bySymbol[record.Symbol(d)] = d
	}
	spans := vetoListSpans(t)
	if len(spans) < 6 {
		t.Fatalf("the veto list dates %d vetoes over a span of days, want at least the 6 read in round 7", len(spans))
	}
	for draft, span := range spans {
		d, ok := bySymbol[draft]
		if !ok {
			t.Errorf("%s: the veto list's draft is not in the record", draft)
			continue
		}
		if d.Date.Before(span[0]) || d.Date.After(span[1]) {
			t.Errorf("%s: dated %s, outside the veto list's %s – %s", draft, d.Date.Format(time.DateOnly), span[0].Format(time.DateOnly), span[1].Format(time.DateOnly))
		}
		if _, read := want[draft]; !read {
			t.Errorf("%s: the veto list dates it %s – %s; find the day of the vote and add it to this test (and a fact if not the first day)", draft, span[0].Format(time.DateOnly), span[1].Format(time.DateOnly))
		}
	}
}

// vetoListSpans reads the Library's veto list as saved in the shared data
// and returns each draft it dates over more than one day, with the span's
// first and last day ("3-4 December 1960", "11-13 January 1980").
func vetoListSpans(t *testing.T) map[string][2]time.Time {
	t.Helper()
	b, err := os.ReadFile(shareddata.Path(t, "dhl-sc-meetings-1946-2022", "html", "scact_veto_table_en.html"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`(?s)<tr.*?</tr>`)
	cell := regexp.MustCompile(`(?s)<td.*?</td>`)
	tag := regexp.MustCompile(`<[^>]+>`)
	span := regexp.MustCompile(`^(\d{1,2})\s*[-–]\s*(\d{1,2}) ([A-Z][a-z]+) (\d{4})$`)
	out := map[string][2]time.Time{}
	for _, r := range row.FindAllString(string(b), -1) {
		var cells []string
		for _, c := range cell.FindAllString(r, -1) {
			cells = append(cells, strings.Join(strings.Fields(html.UnescapeString(tag.ReplaceAllString(c, " "))), " "))
		}
		if len(cells) < 2 {
			continue
		}
		m := span.FindStringSubmatch(cells[0])
		if m == nil {
			continue
		}
		from, err1 := time.Parse("2 January 2006", m[1]+" "+m[3]+" "+m[4])
		to, err2 := time.Parse("2 January 2006", m[2]+" "+m[3]+" "+m[4])
		if err1 != nil || err2 != nil {
			t.Fatalf("veto list: date %q: %v %v", cells[0], err1, err2)
		}
		out[cells[1]] = [2]time.Time{from, to}
	}
	return out
}
