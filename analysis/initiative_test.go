package analysis_test

import (
	"errors"
	"strings"
	"testing"

	"unsc"
	"unsc/analysis"
)

const debatesHead = "# a comment\ndraft,veto_date,kind,date,meeting_record,press_release,source,mark\n"

// TestParseDebates checks that a bad row of gadebates.csv is refused with an
// error naming its file, line and column, and that a good one is read.
func TestParseDebates(t *testing.T) {
	good := "S/2024/239,2024-03-22,debate,2024-04-08,A/78/PV.66,GA/12591,https://a.example ; https://b.example,P\n"
	ds, err := analysis.ParseDebates("x.csv", debatesHead+good)
	if err != nil || len(ds) != 1 || ds[0].MeetingRecord != "A/78/PV.66" || len(ds[0].Sources()) != 2 {
		t.Fatalf("ParseDebates(good) = %+v, %v; want the one row with two sources", ds, err)
	}
	for _, c := range []struct{ row, field string }{
		{"S/1,2024-03-22,debate,2024-03-22,,,https://a.example,P\n", "x.csv:3:date"},      // not after the veto
		{"S/1,2024-03-22,debate,2024-03-21,,,https://a.example,P\n", "x.csv:3:date"},      // before it
		{"S/1,2024-03-32,debate,2024-04-08,,,https://a.example,P\n", "x.csv:3:veto_date"}, // no such day
		{"S/1,2024-03-22,hearing,2024-04-08,,,https://a.example,P\n", "x.csv:3:kind"},     // no such kind
		{"S/1,2024-03-22,debate,8 April 2024,,,https://a.example,P\n", "x.csv:3:date"},    // not YYYY-MM-DD
		{"S/1,2024-03-22,debate,2024-04-08,A/ES-10/PV.39,,https://a.example,P\n", "x.csv:3:meeting_record"},
		{"S/1,2024-03-22,emergency-special-session,2024-04-08,A/78/PV.66,,https://a.example,P\n", "x.csv:3:meeting_record"},
		{"S/1,2024-03-22,debate,2024-04-08,A/78/66,,https://a.example,P\n", "x.csv:3:meeting_record"},
		{"S/1,2024-03-22,debate,2024-04-08,,SC/15678,https://a.example,P\n", "x.csv:3:press_release"},
		{"S/1,2024-03-22,debate,2024-04-08,,,,P\n", "x.csv:3:source"},
		{"S/1,2024-03-22,debate,2024-04-08,,,https://a.example,X\n", "x.csv:3:mark"},
		{",2024-03-22,debate,2024-04-08,,,https://a.example,P\n", "x.csv:3:draft"},
		{good + good, "x.csv:4:draft"}, // listed twice
	} {
		_, err := analysis.ParseDebates("x.csv", debatesHead+c.row)
		var e *unsc.Error
		if !errors.As(err, &e) || e.Code != unsc.EINVALID || e.Field != c.field {
			t.Errorf("ParseDebates(%q) = %v, want EINVALID naming %s", c.row, err, c.field)
		}
	}
	if _, err := analysis.ParseDebates("x.csv", "draft,veto_date,date,meeting_record,source,mark\n"); unsc.ErrorCode(err) != unsc.EINVALID || !strings.Contains(err.Error(), "x.csv") {
		t.Errorf("ParseDebates(old header) = %v, want EINVALID naming x.csv", err)
	}
}

// TestDebateText checks the meeting in words: an emergency special session
// is named as such, distinct from a debate.
func TestDebateText(t *testing.T) {
	for _, c := range []struct {
		d    analysis.Debate
		want string
	}{
		{analysis.Debate{Kind: analysis.KindEmergencySession, Date: "2023-10-26", MeetingRecord: "A/ES-10/PV.39"}, "emergency special session, A/ES-10/PV.39, 2023-10-26"},
		{analysis.Debate{Kind: analysis.KindDebate, Date: "2024-04-08", MeetingRecord: "A/78/PV.66"}, "debate, A/78/PV.66, 2024-04-08"},
		{analysis.Debate{Kind: analysis.KindDebate, Date: "2024-04-11"}, "debate, 2024-04-11"},
	} {
		if got := c.d.Text(); got != c.want {
			t.Errorf("%+v.Text() = %q, want %q", c.d, got, c.want)
		}
	}
}

// TestDebatesEmbedded checks the embedded list: every mark is explained and
// every row names a public address.
func TestDebatesEmbedded(t *testing.T) {
	if _, err := analysis.ParseDebates("gadebates.csv", analysis.EmbeddedDebates()); err != nil {
		t.Fatalf("the embedded gadebates.csv: %v", err)
	}
	ds := analysis.Debates()
	if len(ds) < 20 {
		t.Fatalf("Debates() = %d rows, want the 20 vetoes to 18 September 2025", len(ds))
	}
	for _, d := range ds {
		if _, ok := analysis.DebateMarks()[d.Mark]; !ok {
			t.Errorf("%s of %s: mark %q not in DebateMarks", d.Draft, d.VetoDate, d.Mark)
		}
		web := false
		for _, s := range d.Sources() {
			web = web || strings.HasPrefix(s, "https://")
		}
		if !web {
			t.Errorf("%s of %s: sources %q name no public address", d.Draft, d.VetoDate, d.Source)
		}
	}
}
