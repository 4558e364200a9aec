package record_test

import (
	"strings"
	"testing"

	"unsc"
	"unsc/record"
)

// A resolution's title headed with another resolution's number or year,
// or a misprinted head, is headed with its own symbol, the subject kept
// and the source's head in a note; a title that names it rightly, or that
// is not of that form, is left alone.
func TestReconcileHeadsTitleWithOwnSymbol(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"Security Council resolution 1156 (1998) [on deployment to Sierra Leone]", "Security Council resolution 1162 (1998) [on deployment to Sierra Leone]"},
		{"Security Council resolution 1162 (1997) [on deployment to Sierra Leone]", "Security Council resolution 1162 (1998) [on deployment to Sierra Leone]"},
		{"Security Council resolution 1162(1998) [on deployment to Sierra Leone]", "Security Council resolution 1162 (1998) [on deployment to Sierra Leone]"},
		{"Resolution 1162 (1998) [on deployment to Sierra Leone]", "Security Council resolution 1162 (1998) [on deployment to Sierra Leone]"},
		{"Security Council resolution 1162 (1998) [on deployment to Sierra Leone]", "Security Council resolution 1162 (1998) [on deployment to Sierra Leone]"},
		{"Renewal of the mandate of UNAMSIL", "Renewal of the mandate of UNAMSIL"},
	} {
		ds := record.Reconcile([]unsc.Report{{Source: unsc.SourceUNDL, Key: "u", Ref: "undl:1", Date: day("1998-04-17"), Meeting: "S/PV.3872",
			Resolution: "S/RES/1162 (1998)", Title: tc.title, Outcome: unsc.Adopted}})
		if len(ds) != 1 {
			t.Fatalf("Reconcile gave %d decisions, want 1", len(ds))
		}
		if ds[0].Title != tc.want {
			t.Errorf("title %q shown as %q, want %q", tc.title, ds[0].Title, tc.want)
		}
		if noted := hasNote(ds[0], "title", tc.title[:strings.Index(tc.title+" [", " [")]); noted != (tc.title != tc.want) {
			t.Errorf("title %q: notes %+v; want a note with the source's head only where the title changed", tc.title, ds[0].Notes)
		}
	}
}
