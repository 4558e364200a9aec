package record_test

import (
	"fmt"
	"slices"
	"testing"

	"unsc"
	"unsc/charter"
	"unsc/record"
)

// Audit round 5 in the real record: the veto of S/10416 (4 December 1971),
// whose meeting the Library's table of 1971 gives no count, now with its
// count and every member's position; the sponsors the spreadsheet names by
// the UN's present name of a state that sat on the Council under another
// (Belarus, the Byelorussian SSR; Sri Lanka, Ceylon), now by their codes;
// resolution 1450 (2002), which the spreadsheet gives as the President's
// text and the UN's release as sponsored by the United States.
func TestAuditRound5InRealRecord(t *testing.T) {
	want := map[string]func(d unsc.Decision) string{
		"S/10416": func(d unsc.Decision) string {
			if msg := positions(15, unsc.Tally{Yes: 11, No: 2, Abstain: 2})(d); msg != "" {
				return msg
			}
			if d.Votes.Of("SUN") != unsc.No || d.Votes.Of("POL") != unsc.No || d.Votes.Of("FRA") != unsc.Abstain || d.Votes.Of("GBR") != unsc.Abstain {
				return fmt.Sprintf("positions %v, want the USSR and Poland against, France and the United Kingdom abstaining", d.Votes)
			}
			if d.Recorded != unsc.Vetoed || !slices.Equal(d.VetoedBy, []unsc.Code{"SUN"}) {
				return fmt.Sprintf("outcome %s vetoed by %v, want vetoed by SUN", d.Recorded, d.VetoedBy)
			}
			return ""
		},
		"S/RES/2177 (2014)": sponsoredBy("LKA"),
		"S/2011/24":         sponsoredBy("BLR"),
		"S/1999/328":        sponsoredBy("BLR"),
		"S/RES/1450 (2002)": func(d unsc.Decision) string {
			if !slices.Equal(d.Sponsors, []string{"USA"}) {
				return fmt.Sprintf("sponsors %v, want [USA] (SC/7602), not the spreadsheet's President", d.Sponsors)
			}
			return ""
		},
	}
	decisions := record.Reconcile(realReports(t))
	for _, d := range decisions {
		// No decision names among its sponsors a state that sat on the
		// Council by a name rather than its code.
		for _, s := range d.Sponsors {
			if c, ok := charter.MemberCode(s); ok && s != string(c) {
				t.Errorf("%s: sponsor %q, want its code %s", record.Symbol(d), s, c)
			}
		}
	}
	checkEach(t, decisions, want)
}

func sponsoredBy(code string) func(unsc.Decision) string {
	return func(d unsc.Decision) string {
		if !slices.Contains(d.Sponsors, code) {
			return fmt.Sprintf("sponsors %v, want %s among them", d.Sponsors, code)
		}
		return ""
	}
}
