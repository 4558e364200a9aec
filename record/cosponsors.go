package record

import (
	"fmt"
	"slices"
	"strings"

	"unsc"
)

// coSponsors shows the spreadsheet's fuller list of sponsors where the
// list on show names only the main sponsors of a draft: the UN's releases
// and the news name who put a draft forward ("the Russian Federation's
// draft"), the spreadsheet lists its sponsors as the draft does, states
// outside the Council among them (the Russian and Chinese draft of 27 March
// 2023, S/2023/212, "also co-authored by Belarus, Venezuela, DPRK,
// Nicaragua, Syria and Eritrea": TASS). Where the spreadsheet's list holds
// every name on show and also a state not on the Council that day, it is
// the draft's own list: the record shows it. A list that adds only Council
// members is not taken (the spreadsheet's "Algeria, France" for S/2024/312,
// Algeria's draft).
func coSponsors(d *unsc.Decision, g []unsc.Report) {
	if len(d.Sponsors) == 0 {
		return
	}
	i := slices.IndexFunc(g, func(r unsc.Report) bool { return r.Source == unsc.SourceSpreadsheet })
	if i < 0 || len(g[i].Sponsors) <= len(d.Sponsors) {
		return
	}
	sheet := g[i]
	for _, s := range d.Sponsors {
		if !slices.Contains(sheet.Sponsors, s) {
			return
		}
	}
	c, err := councilOn(d.Date)
	if err != nil {
		return
	}
	outside := slices.ContainsFunc(sheet.Sponsors, func(s string) bool {
		_, on := c.Member(unsc.Code(s))
		return !on && !notAState(s)
	})
	if !outside {
		return
	}
	shown := strings.Join(d.Sponsors, ", ")
	d.Sponsors = slices.Clone(sheet.Sponsors)
	addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "sponsors", Source: cite(sheet),
		Text: fmt.Sprintf("The other sources name the draft's main sponsors (%s); %s lists every sponsor, %d, those among them, states outside the Council too: the fuller list is shown.",
			shown, sourceName(sheet), len(sheet.Sponsors))})
}

// notAState reports a sponsor that is not a state: the President, the
// elected members as a group, a committee or the Council.
func notAState(s string) bool {
	for _, w := range []string{"President", "E10", "Committee", "Council", "Members"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
